/**
 * Who waits and who may be rung. Pure bookkeeping, no I/O: the hub asks for the next pair and
 * does the ringing.
 *
 * There is a queue per topic and language, kept as one list in arrival order: a shopper is
 * only ever matched with an expert who answers their topic in their language, so the lists do
 * not compete, and one list keeps "longest-waiting first" true across them. Among the experts
 * who fit, the least loaded goes first, then the one idle the longest.
 */

export interface Waiting {
  readonly id: string;
  /** When the shopper first asked; kept when a ring fails so they do not lose their place. */
  readonly since: number;
  /** Experts who declined or let this shopper's ring time out: not rung again for them. */
  readonly skippedBy: ReadonlySet<string>;
  /** The queue: a topic of the shop (undefined: any expert) and the shopper's language. */
  readonly topic: string | undefined;
  readonly lang: string;
}

export interface Candidate {
  readonly seat: string;
  readonly expertId: string;
  /** Topics this expert answers; empty: every topic. */
  readonly topics: ReadonlySet<string>;
  readonly languages: ReadonlySet<string>;
  /** Conversations the expert holds now. */
  load: number;
  /** Since when the expert has had nothing new; the longest idle is rung first. */
  idleSince: number;
}

/** The key of a shopper's queue: their topic (or any) and language. */
export function queueOf(shopper: { topic: string | undefined; lang: string }): string {
  return `${shopper.topic ?? '*'}/${shopper.lang}`;
}

/**
 * Whether an expert answers this topic in this language (capacity aside); an undefined topic
 * or language: any.
 */
export function answers(
  expert: Pick<Candidate, 'topics' | 'languages'>,
  asked: { topic: string | undefined; lang: string | undefined },
): boolean {
  return (
    (asked.lang === undefined || expert.languages.has(asked.lang)) &&
    (asked.topic === undefined || expert.topics.size === 0 || expert.topics.has(asked.topic))
  );
}

export class Dispatcher<W extends Waiting, E extends Candidate> {
  /** Everyone waiting, by arrival: the order shoppers are put through in. */
  private readonly waiting: W[] = [];
  /** The same shoppers, one list per queue, by arrival: a place is an index in one of these. */
  private readonly queues = new Map<string, W[]>();
  private readonly byId = new Map<string, W>();
  private readonly ready = new Map<string, E>();

  /**
   * Puts the shopper in line by arrival (so one put back after a failed ring regains their
   * place); once only, however often it is asked. Returns their queue.
   */
  enqueue(shopper: W): string {
    const queue = queueOf(shopper);
    if (this.byId.has(shopper.id)) return queue;
    this.byId.set(shopper.id, shopper);
    insertByArrival(this.waiting, shopper);
    let list = this.queues.get(queue);
    if (!list) this.queues.set(queue, (list = []));
    insertByArrival(list, shopper);
    return queue;
  }

  /** Takes the shopper out of line; returns their queue, or undefined if they were not in it. */
  remove(shopperId: string): string | undefined {
    const shopper = this.byId.get(shopperId);
    if (!shopper) return undefined;
    this.byId.delete(shopperId);
    const queue = queueOf(shopper);
    removeByArrival(this.waiting, shopper);
    const list = this.queues.get(queue)!;
    removeByArrival(list, shopper);
    if (list.length === 0) this.queues.delete(queue);
    return queue;
  }

  /** 1-based place in the shopper's own queue (same topic and language), or 0 when not waiting. */
  position(shopperId: string): number {
    const shopper = this.byId.get(shopperId);
    if (!shopper) return 0;
    return indexByArrival(this.queues.get(queueOf(shopper))!, shopper) + 1;
  }

  /** Those waiting in one queue, longest-waiting first. */
  queueNamed(queue: string): readonly W[] {
    return this.queues.get(queue) ?? [];
  }

  /** The queues someone waits in. */
  queueNames(): IterableIterator<string> {
    return this.queues.keys();
  }

  /** Everyone waiting, longest-waiting first. */
  queue(): readonly W[] {
    return this.waiting;
  }

  /** The expert may be rung (connected, available, with room for another conversation). */
  offer(expert: E): void {
    this.ready.set(expert.seat, expert);
  }

  withdraw(seat: string): void {
    this.ready.delete(seat);
  }

  /** Experts who may be rung now. */
  offered(): IterableIterator<E> {
    return this.ready.values();
  }

  /**
   * The next shopper and expert to put together, the shopper taken out of the queue; null when
   * none fits. `fits` is the hub's capacity rule (a call or one more chat). Shoppers for whom
   * `reachable` is false (their connection is down) keep their place but are passed over.
   */
  next(
    fits: (expert: E, shopper: W) => boolean,
    reachable: (shopper: W) => boolean = () => true,
  ): { shopper: W; expert: E } | null {
    // Stryker disable next-line ConditionalExpression: a shortcut; with no expert, no shopper finds one
    if (this.ready.size === 0) return null;
    const experts = [...this.ready.values()].sort(
      (a, b) => a.load - b.load || a.idleSince - b.idleSince,
    );
    for (const shopper of this.waiting) {
      if (!reachable(shopper)) continue;
      const expert = experts.find(
        (e) => !shopper.skippedBy.has(e.expertId) && answers(e, shopper) && fits(e, shopper),
      );
      if (expert) {
        this.remove(shopper.id);
        return { shopper, expert };
      }
    }
    return null;
  }
}

/** Where `shopper` goes in `list` (sorted by arrival): after everyone who came at that instant. */
function upperBound(list: readonly Waiting[], since: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.since <= since) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertByArrival<W extends Waiting>(list: W[], shopper: W): void {
  const at = upperBound(list, shopper.since);
  // Stryker disable next-line ConditionalExpression: a shortcut; splicing in at the end is pushing
  if (at === list.length) list.push(shopper);
  else list.splice(at, 0, shopper);
}

/** The index of `shopper` in `list` (sorted by arrival), looking only among equal arrivals. */
function indexByArrival(list: readonly Waiting[], shopper: Waiting): number {
  for (let at = upperBound(list, shopper.since) - 1; at >= 0; at--) {
    if (list[at] === shopper) return at;
    // Stryker disable next-line ConditionalExpression: a guard; only a shopper in the list is looked for (byId holds exactly those), and is found before any earlier arrival
    if (list[at]!.since !== shopper.since) break;
  }
  // Stryker disable next-line UnaryOperator: the same guard, never reached
  return -1;
}

function removeByArrival(list: Waiting[], shopper: Waiting): void {
  const at = indexByArrival(list, shopper);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: the same guard
  if (at !== -1) list.splice(at, 1);
}

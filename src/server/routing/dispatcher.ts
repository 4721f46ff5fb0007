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
  expert: Candidate,
  asked: { topic: string | undefined; lang: string | undefined },
): boolean {
  return (
    (asked.lang === undefined || expert.languages.has(asked.lang)) &&
    (asked.topic === undefined || expert.topics.size === 0 || expert.topics.has(asked.topic))
  );
}

export class Dispatcher<W extends Waiting, E extends Candidate> {
  private readonly waiting: W[] = [];
  /** Who is in `waiting`, so that asking costs nothing when they are not. */
  private readonly waitingIds = new Set<string>();
  private readonly ready = new Map<string, E>();

  /** Puts the shopper in line by arrival; once only, however often it is asked. */
  enqueue(shopper: W): void {
    if (this.waitingIds.has(shopper.id)) return;
    this.waitingIds.add(shopper.id);
    // Kept sorted by arrival, so a shopper put back after a failed ring regains their place.
    const at = this.waiting.findIndex((w) => w.since > shopper.since);
    if (at === -1) this.waiting.push(shopper);
    else this.waiting.splice(at, 0, shopper);
  }

  remove(shopperId: string): boolean {
    if (!this.waitingIds.delete(shopperId)) return false;
    const at = this.waiting.findIndex((w) => w.id === shopperId);
    if (at !== -1) this.waiting.splice(at, 1);
    return at !== -1;
  }

  /** 1-based place in the shopper's own queue (same topic and language), or 0 when not waiting. */
  position(shopperId: string): number {
    return this.positions().find((p) => p.shopper.id === shopperId)?.position ?? 0;
  }

  /** Everyone waiting, longest-waiting first, each with their 1-based place in their own queue. */
  positions(): Array<{ shopper: W; queue: string; position: number }> {
    const ahead = new Map<string, number>();
    return this.waiting.map((shopper) => {
      const queue = queueOf(shopper);
      const position = (ahead.get(queue) ?? 0) + 1;
      ahead.set(queue, position);
      return { shopper, queue, position };
    });
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
    if (this.ready.size === 0) return null;
    const experts = [...this.ready.values()].sort(
      (a, b) => a.load - b.load || a.idleSince - b.idleSince,
    );
    for (const [index, shopper] of this.waiting.entries()) {
      if (!reachable(shopper)) continue;
      const expert = experts.find(
        (e) => !shopper.skippedBy.has(e.expertId) && answers(e, shopper) && fits(e, shopper),
      );
      if (expert) {
        this.waiting.splice(index, 1);
        this.waitingIds.delete(shopper.id);
        return { shopper, expert };
      }
    }
    return null;
  }
}

/**
 * The shoppers waiting for an expert: their queues (the dispatcher), what each is told of
 * their place and wait, and the alternatives offered to one who waited the shop's longest.
 *
 * What one event costs does not grow with the queue: an arrival or an assignment marks its
 * queue as moved, and the shoppers of moved queues are told their new place together, at most
 * twice a second, only those whose place or wait changed. A shopper who has not been told yet
 * (new, back in line after a ring, back on the page) is told at once.
 */
import type { Conversation, Seat } from '../registry.js';
import { answers, Dispatcher, queueOf } from './dispatcher.js';
import { WaitEstimates } from './wait-estimates.js';

/** Waiting shoppers are told a changed place at most this often. */
const POSITIONS_EVERY_MS = 500;
/** Shoppers told in one turn of the event loop, at most. */
const TELL_SLICE = 200;

export interface WaitingRoomOptions {
  /** How long a shopper waits before being offered a message, a callback or an appointment. */
  maxWaitMs: number;
  now: () => number;
  /** Every expert signed in: who answers a queue, for the wait estimate. */
  seats: () => Iterable<Seat>;
  /** Queues moved (told with the places, so at most twice a second): experts see the queues. */
  queuesMoved?: () => void;
}

/** One queue with shoppers in it: who it is for, how many wait, since when the first does. */
export interface QueueLine {
  topic: string | undefined;
  lang: string;
  waiting: number;
  /** When the shopper first in line started waiting. */
  since: number;
}

export class WaitingRoom {
  private readonly dispatcher = new Dispatcher<Conversation, Seat>();
  private readonly waits = new WaitEstimates();
  /** Shoppers to tell at once: nobody has told them their place since they (re)joined. */
  private readonly untold = new Set<Conversation>();
  /** Queues whose places or waits may have moved since their shoppers were last told. */
  private readonly moved = new Set<string>();
  /** Every queue moved (the experts changed): all are gone through at the next telling. */
  // Stryker disable next-line BooleanLiteral: every queue with shoppers in it has moved by the first telling (an arrival moves its queue), so all or the moved ones are the same then
  private allMoved = false;
  private positionsTimer: ReturnType<typeof setTimeout> | undefined;
  /** The next slice of a pass through the moved queues, while one is under way. */
  private slicing: ReturnType<typeof setImmediate> | undefined;
  private closed = false;
  /** Frames sent about places and waits, for the bench. */
  private told = 0;

  constructor(private readonly options: WaitingRoomOptions) {}

  /** A shopper starts waiting: in line, and offered the alternatives after the longest wait. */
  arrive(conversation: Conversation): void {
    this.enqueue(conversation);
    const due = conversation.since + this.options.maxWaitMs - this.options.now();
    conversation.offerTimer = setTimeout(
      () => {
        if (conversation.state.phase.kind !== 'queued') return;
        conversation.shopper?.send({ type: 'shopper.offline', reason: 'no-answer' });
      },
      Math.max(0, due),
    );
  }

  /** Back in line after a ring that was not answered: in their place, by arrival. */
  enqueue(conversation: Conversation): void {
    this.moved.add(this.dispatcher.enqueue(conversation));
    this.retell(conversation);
  }

  /** Out of line for now (rung, or ended), keeping the offer of alternatives for later. */
  take(conversation: Conversation): void {
    const queue = this.dispatcher.remove(conversation.id);
    if (queue !== undefined) this.moved.add(queue);
  }

  /** The conversation ends: out of line, no alternatives offered any more. */
  leave(conversation: Conversation): void {
    this.take(conversation);
    this.untold.delete(conversation);
    clearTimeout(conversation.offerTimer);
  }

  /** The shopper is to be told their place and wait again, at once (back on the page, say). */
  retell(conversation: Conversation): void {
    conversation.told = undefined;
    this.untold.add(conversation);
  }

  /** The seat may be rung (`true`), or not. */
  offer(seat: Seat, ringable: boolean): void {
    if (ringable) this.dispatcher.offer(seat);
    else this.dispatcher.withdraw(seat.seat);
  }

  /** An expert came, went, or changed presence: every queue's wait may have moved. */
  expertsChanged(): void {
    this.allMoved = true;
  }

  /**
   * Takes out, one at a time, each pair the capacity rule allows, longest-waiting first. Lazy
   * on purpose: the caller rings each pair before asking for the next, and a rung expert is
   * no longer free for the next one.
   */
  *pairs(
    fits: (seat: Seat, conversation: Conversation) => boolean,
  ): Generator<{ shopper: Conversation; expert: Seat }> {
    const reachable = (conversation: Conversation) => conversation.shopper !== undefined;
    for (
      let pair = this.dispatcher.next(fits, reachable);
      pair;
      pair = this.dispatcher.next(fits, reachable)
    ) {
      this.moved.add(queueOf(pair.shopper));
      yield pair;
    }
  }

  /** A conversation of this queue was handled for `ms`: the wait estimates learn from it. */
  handled(conversation: Conversation, ms: number): void {
    const queue = queueOf(conversation);
    this.waits.record(queue, ms);
    this.moved.add(queue);
  }

  stats() {
    return {
      waiting: this.dispatcher.queue().length,
      freeExperts: [...this.dispatcher.offered()].length,
      positionFrames: this.told,
    };
  }

  /** The queues that have shoppers in them: one line each, whatever their length. */
  lines(): QueueLine[] {
    const lines: QueueLine[] = [];
    for (const name of this.dispatcher.queueNames()) {
      const line = this.dispatcher.queueNamed(name);
      const first = line[0];
      if (first) {
        lines.push({
          topic: first.topic,
          lang: first.lang,
          waiting: line.length,
          since: first.since,
        });
      }
    }
    return lines;
  }

  /** Tells the untold their place and wait now, and the moved queues within half a second. */
  tellPositions(): void {
    if (this.closed) return;
    for (const conversation of this.untold) {
      const position = this.dispatcher.position(conversation.id);
      if (position > 0) this.tell(conversation, queueOf(conversation), position);
    }
    this.untold.clear();
    if (this.positionsTimer || (this.moved.size === 0 && !this.allMoved)) return;
    // Closing clears the timer: it never fires on a closed room.
    this.positionsTimer = setTimeout(() => {
      this.positionsTimer = undefined;
      this.tellMoved();
    }, POSITIONS_EVERY_MS);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.positionsTimer);
    clearImmediate(this.slicing);
    for (const conversation of this.dispatcher.queue()) clearTimeout(conversation.offerTimer);
  }

  /**
   * Goes through the queues that moved, telling those whose place or wait changed: a slice of
   * them per turn of the event loop, so that a long queue does not hold up everything else.
   * Each slice reads the queue as it is then; one moved past meanwhile is told on the next pass.
   */
  private tellMoved(): void {
    const queues = this.allMoved ? [...this.dispatcher.queueNames()] : [...this.moved];
    this.moved.clear();
    this.allMoved = false;
    this.options.queuesMoved?.();
    const experts = new Map<string, number>();
    const left = queues.map((queue) => ({ queue, from: 0 }));
    const slice = () => {
      this.slicing = undefined;
      let budget = TELL_SLICE;
      while (left.length > 0 && budget > 0 && !this.closed) {
        const head = left[0]!;
        const line = this.dispatcher.queueNamed(head.queue);
        const to = Math.min(line.length, head.from + budget);
        for (let i = head.from; i < to; i++) this.tell(line[i]!, head.queue, i + 1, experts);
        budget -= to - head.from;
        head.from = to;
        if (to >= line.length) left.shift();
      }
      if (left.length > 0 && !this.closed) this.slicing = setImmediate(slice);
    };
    slice();
  }

  /** Tells one shopper their place and wait, unless that is what they were told last. */
  private tell(
    conversation: Conversation,
    queue: string,
    position: number,
    experts = new Map<string, number>(),
  ): void {
    if (!conversation.shopper) return;
    let answering = experts.get(queue);
    if (answering === undefined) {
      answering = 0;
      for (const s of this.options.seats()) {
        if (s.peer && s.presence === 'available' && answers(s, conversation)) answering++;
      }
      experts.set(queue, answering);
    }
    const etaSeconds = this.waits.estimate(queue, position, answering);
    const told = `${position}/${etaSeconds}`;
    if (conversation.told === told) return;
    conversation.told = told;
    this.told++;
    conversation.shopper.send({
      type: 'shopper.queued',
      conversationId: conversation.id,
      position,
      ...(etaSeconds === undefined ? {} : { etaSeconds }),
    });
  }
}

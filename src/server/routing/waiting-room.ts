/**
 * The shoppers waiting for an expert: their queues (the dispatcher), what each is told of
 * their place and wait, and the alternatives offered to one who waited the shop's longest.
 */
import type { Conversation, Seat } from '../registry.js';
import { answers, Dispatcher, queueOf } from './dispatcher.js';
import { WaitEstimates } from './wait-estimates.js';

/**
 * Waiting shoppers are told a changed place at most this often: each assignment moves everyone
 * behind it, and telling all of them every time costs the square of the queue in frames.
 * A newcomer is told at once.
 */
const POSITIONS_EVERY_MS = 500;

export interface WaitingRoomOptions {
  /** How long a shopper waits before being offered a message, a callback or an appointment. */
  maxWaitMs: number;
  now: () => number;
  /** Every expert signed in: who answers a queue, for the wait estimate. */
  seats: () => Iterable<Seat>;
}

export class WaitingRoom {
  private readonly dispatcher = new Dispatcher<Conversation, Seat>();
  private readonly waits = new WaitEstimates();
  private positionsTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

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
    this.dispatcher.enqueue(conversation);
  }

  /** Out of line for now (rung, or ended), keeping the offer of alternatives for later. */
  take(conversation: Conversation): void {
    this.dispatcher.remove(conversation.id);
  }

  /** The conversation ends: out of line, no alternatives offered any more. */
  leave(conversation: Conversation): void {
    this.dispatcher.remove(conversation.id);
    clearTimeout(conversation.offerTimer);
  }

  /** The seat may be rung (`true`), or not. */
  offer(seat: Seat, ringable: boolean): void {
    if (ringable) this.dispatcher.offer(seat);
    else this.dispatcher.withdraw(seat.seat);
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
      yield pair;
    }
  }

  /** A conversation of this queue was handled for `ms`: the wait estimates learn from it. */
  handled(conversation: Conversation, ms: number): void {
    this.waits.record(queueOf(conversation), ms);
  }

  stats() {
    return {
      waiting: this.dispatcher.queue().length,
      freeExperts: [...this.dispatcher.offered()].length,
    };
  }

  /** Tells waiting shoppers their place and wait: newcomers at once, changes twice a second. */
  tellPositions(): void {
    if (this.closed) return;
    if (this.positionsTimer) {
      this.tell(true);
      return;
    }
    this.tell(false);
    this.positionsTimer = setTimeout(() => {
      this.positionsTimer = undefined;
      if (!this.closed) this.tell(false);
    }, POSITIONS_EVERY_MS);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.positionsTimer);
    for (const conversation of this.dispatcher.queue()) clearTimeout(conversation.offerTimer);
  }

  /**
   * Tells each waiting shopper their place in their queue and the likely wait, when either
   * changed since they were last told; `newcomersOnly`: only those never told yet.
   */
  private tell(newcomersOnly: boolean): void {
    const experts = new Map<string, number>();
    for (const { shopper: conversation, queue, position } of this.dispatcher.positions()) {
      if (!conversation.shopper || (newcomersOnly && conversation.told !== undefined)) continue;
      let answering = experts.get(queue);
      if (answering === undefined) {
        answering = [...this.options.seats()].filter(
          (s) => s.peer && s.presence === 'available' && answers(s, conversation),
        ).length;
        experts.set(queue, answering);
      }
      const etaSeconds = this.waits.estimate(queue, position, answering);
      const told = `${position}/${etaSeconds}`;
      if (conversation.told === told) continue;
      conversation.told = told;
      conversation.shopper.send({
        type: 'shopper.queued',
        conversationId: conversation.id,
        position,
        ...(etaSeconds === undefined ? {} : { etaSeconds }),
      });
    }
  }
}

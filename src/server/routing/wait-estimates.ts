/**
 * How long a waiting shopper will likely wait, from how long this queue's recent conversations
 * took (README, "Waiting and routing").
 *
 * Each expert who answers the queue is, on average, halfway through a conversation; the
 * shopper at position p is served in round ceil(p / experts). So the wait is about
 * (ceil(p / experts) - 0.5) × the mean handling time of the queue's last conversations.
 */

/** How many recent conversations of a queue the mean is taken over. */
const RECENT = 20;
/** The estimate moves in half minutes: a live figure that jumps every second helps nobody. */
const STEP_SECONDS = 30;

export class WaitEstimates {
  private readonly recent = new Map<string, number[]>();

  /** `defaultHandlingMs` stands in for the mean until a queue has a conversation of its own. */
  constructor(private readonly defaultHandlingMs = 3 * 60_000) {}

  /** A conversation of `queue` ended after `handledMs` with its expert. */
  record(queue: string, handledMs: number): void {
    const times = this.recent.get(queue) ?? [];
    times.push(Math.max(0, handledMs));
    if (times.length > RECENT) times.shift();
    this.recent.set(queue, times);
  }

  handlingMs(queue: string): number {
    const times = this.recent.get(queue);
    if (!times?.length) return this.defaultHandlingMs;
    return times.reduce((sum, t) => sum + t, 0) / times.length;
  }

  /** Seconds, in half-minute steps; undefined when no expert answers this queue now. */
  estimate(queue: string, position: number, experts: number): number | undefined {
    if (experts <= 0) return undefined;
    const rounds = Math.ceil(position / experts);
    const ms = (rounds - 0.5) * this.handlingMs(queue);
    return Math.ceil(ms / 1000 / STEP_SECONDS) * STEP_SECONDS;
  }
}

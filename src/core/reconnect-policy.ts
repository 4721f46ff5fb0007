/**
 * When to try the hub again after a lost connection: quickly first, then backing off, with
 * jitter so that a thousand browsers do not all come back in the same millisecond after a hub
 * restart. Returns null once trying longer is pointless (the hub's grace period is over).
 */
export interface ReconnectPolicy {
  /** Delay before attempt `attempt` (0-based), given the time already spent; null to give up. */
  nextDelay(attempt: number, elapsedMs: number): number | null;
}

export class BackoffReconnectPolicy implements ReconnectPolicy {
  constructor(
    /** Give up after this long: the hub ends the conversation after its grace period anyway. */
    private readonly giveUpAfterMs = 30_000,
    private readonly delaysMs: readonly number[] = [0, 300, 800, 1500, 3000, 5000],
    private readonly random: () => number = Math.random,
  ) {}

  nextDelay(attempt: number, elapsedMs: number): number | null {
    if (elapsedMs >= this.giveUpAfterMs) return null;
    const base = this.delaysMs[Math.min(attempt, this.delaysMs.length - 1)]!;
    return Math.round(base * (0.8 + 0.4 * this.random()));
  }
}

/**
 * Asking the hub again for something it failed on (a request, a resume, a sign-in), on the
 * policy's clock: each `schedule` waits the next delay; `reset` once the hub has answered.
 */
export class RetryClock {
  private attempt = 0;
  private since: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly policy: ReconnectPolicy) {}

  /** Runs `ask` after the next delay; false, and nothing scheduled, once the policy gives up. */
  schedule(ask: () => void): boolean {
    this.since ??= Date.now();
    const delay = this.policy.nextDelay(this.attempt++, Date.now() - this.since);
    clearTimeout(this.timer);
    if (delay === null) return false;
    this.timer = setTimeout(ask, delay);
    return true;
  }

  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.attempt = 0;
    this.since = undefined;
  }
}

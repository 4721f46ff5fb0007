/**
 * Who waits and who is free: the longest-waiting shopper goes to the expert idle the longest.
 * Pure bookkeeping, no I/O: the hub asks it for the next pair and does the ringing.
 */

export interface Waiting {
  readonly id: string;
  /** When the shopper first asked; kept when a ring fails so they do not lose their place. */
  readonly since: number;
  /** Experts who declined or let this shopper's ring time out: not rung again for them. */
  readonly skippedBy: Set<string>;
}

export interface FreeExpert {
  readonly seat: string;
  readonly expertId: string;
  idleSince: number;
}

export class Dispatcher<W extends Waiting, E extends FreeExpert> {
  private readonly waiting: W[] = [];
  private readonly free = new Map<string, E>();

  enqueue(shopper: W): void {
    // Kept sorted by arrival, so a shopper put back after a failed ring regains their place.
    const at = this.waiting.findIndex((w) => w.since > shopper.since);
    if (at === -1) this.waiting.push(shopper);
    else this.waiting.splice(at, 0, shopper);
  }

  remove(shopperId: string): boolean {
    const at = this.waiting.findIndex((w) => w.id === shopperId);
    if (at !== -1) this.waiting.splice(at, 1);
    return at !== -1;
  }

  /** 1-based place in the queue, or 0 when not waiting. */
  position(shopperId: string): number {
    return this.waiting.findIndex((w) => w.id === shopperId) + 1;
  }

  queue(): readonly W[] {
    return this.waiting;
  }

  markFree(expert: E): void {
    this.free.set(expert.seat, expert);
  }

  markBusy(seat: string): void {
    this.free.delete(seat);
  }

  freeCount(): number {
    return this.free.size;
  }

  /**
   * The next shopper and expert to put together, taken out of both lists; null when none fits.
   * Shoppers for whom `reachable` is false (their connection is down) keep their place but are
   * passed over until they are back.
   */
  next(reachable: (shopper: W) => boolean = () => true): { shopper: W; expert: E } | null {
    const experts = [...this.free.values()].sort((a, b) => a.idleSince - b.idleSince);
    for (const [index, shopper] of this.waiting.entries()) {
      if (!reachable(shopper)) continue;
      const expert = experts.find((e) => !shopper.skippedBy.has(e.expertId));
      if (expert) {
        this.waiting.splice(index, 1);
        this.free.delete(expert.seat);
        return { shopper, expert };
      }
    }
    return null;
  }
}

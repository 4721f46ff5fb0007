/**
 * One question to the hub that waits for its answer (a photo ticket, a handoff code), with a
 * bound: no answer in time, a refusal, or no connection to ask on gives undefined, and asking
 * again lets the earlier wait go.
 */
export class PendingAnswer<T> {
  private waiter: ((answer: T | undefined) => void) | undefined;

  /** Asks with `send` (false: not sent) and waits at most `timeoutMs` for {@link settle}. */
  ask(send: () => boolean, timeoutMs: number): Promise<T | undefined> {
    this.settle(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(undefined), timeoutMs);
      this.waiter = (answer) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(answer);
      };
      if (!send()) this.settle(undefined);
    });
  }

  /** The hub answered (or refused: undefined). */
  settle(answer: T | undefined): void {
    this.waiter?.(answer);
  }
}

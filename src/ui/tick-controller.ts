import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders its host every `intervalMs` while `active()` says so (a countdown on screen). */
export class TickController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly active: () => boolean,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.active() && !this.timer) {
      this.timer = setInterval(() => this.host.requestUpdate(), this.intervalMs);
    } else if (!this.active() && this.timer) {
      this.stop();
    }
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

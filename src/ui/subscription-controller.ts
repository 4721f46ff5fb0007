import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host whenever a framework-free source (a core/ emitter) says something changed.
 * Subscribes while the host is connected, unsubscribes when it leaves the page.
 */
export class SubscriptionController implements ReactiveController {
  private unsubscribe: Array<() => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly subscribe: (changed: () => void) => Array<() => void>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }
}

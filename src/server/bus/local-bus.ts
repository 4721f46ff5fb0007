/**
 * The bus of a single hub process: listeners are called in the same process, after the
 * publisher's turn (as a message from another process would be), in publishing order.
 */
import type { Bus } from './bus.js';

export class LocalBus implements Bus {
  private readonly listeners = new Map<string, Set<(message: string) => void>>();

  publish(channel: string, message: string): void {
    const listeners = this.listeners.get(channel);
    if (!listeners) return;
    for (const listener of [...listeners]) queueMicrotask(() => listener(message));
  }

  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    let listeners = this.listeners.get(channel);
    if (!listeners) this.listeners.set(channel, (listeners = new Set()));
    const own = (message: string) => listener(message);
    listeners.add(own);
    return Promise.resolve(async () => {
      listeners.delete(own);
      if (listeners.size === 0) this.listeners.delete(channel);
    });
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}

/**
 * The shopper's conversation: feeds hub messages and user intents into the state machine and
 * runs the effects (hub socket, LiveKit room, devices, time limits). Framework-free: the widget
 * subscribes to `change` and renders.
 */
import type { CallMode, Language, ShopperContext } from '../protocol/index.js';
import {
  conversationReducer,
  initialConversationState,
  isActive,
  type ConversationEndReason,
  type ConversationEvent,
  type ConversationState,
} from './conversation-state.js';
import { Emitter } from './emitter.js';
import { HubClient } from './hub-client.js';
import { MediaSession, type Device, type DeviceProblem } from './media-session.js';

/** A request the hub has not answered in this time ends with `timeout` rather than a spinner. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface ShopperConversationOptions {
  hub: string;
  lang: () => Language;
  context: () => ShopperContext;
  displayName?: () => string | undefined;
}

export type ShopperConversationEvents = {
  state: { state: ConversationState; previous: ConversationState };
  /** Tracks or devices changed. */
  media: undefined;
};

export class ShopperConversation extends Emitter<ShopperConversationEvents> {
  readonly media = new MediaSession();
  private current: ConversationState = initialConversationState;
  private hub: HubClient | undefined;
  private requestTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly teardown: Array<() => void> = [];

  constructor(private readonly options: ShopperConversationOptions) {
    super();
    this.teardown.push(
      this.media.on('change', () => this.emit('media', undefined)),
      this.media.on('disconnected', ({ cause }) => {
        // A room the hub closed comes with the hub's own word on why; only a loss is a failure.
        if (
          cause === 'lost' &&
          (this.current.kind === 'in-call' || this.current.kind === 'connecting')
        ) {
          this.finish('media-unavailable');
        }
      }),
    );
  }

  get state(): ConversationState {
    return this.current;
  }

  /** Shows the first screen. */
  open(): void {
    this.apply({ type: 'open' });
  }

  /** Leaves the first or the last screen. */
  dismiss(): void {
    this.apply({ type: 'dismiss' });
  }

  /** The shopper picked video or voice: ask the hub for an expert. */
  async choose(mode: CallMode): Promise<void> {
    if (this.current.kind !== 'choosing') return;
    this.apply({ type: 'choose', mode });
    this.requestTimer = setTimeout(() => this.finish('timeout'), REQUEST_TIMEOUT_MS);
    const hub = this.connectHub();
    try {
      await hub.connect();
    } catch {
      this.finish('hub-unreachable');
      return;
    }
    const displayName = this.options.displayName?.();
    hub.send({
      type: 'shopper.request',
      mode,
      lang: this.options.lang(),
      context: this.options.context(),
      ...(displayName ? { displayName } : {}),
    });
  }

  /** Leaves the queue or hangs up, whichever applies. */
  end(): void {
    const state = this.current;
    if (!isActive(state)) return;
    if ('conversationId' in state) {
      this.hub?.send(
        state.kind === 'in-call'
          ? { type: 'call.end', conversationId: state.conversationId }
          : { type: 'shopper.cancel' },
      );
    }
    this.finish(state.kind === 'in-call' ? 'shopper-hung-up' : 'shopper-cancelled');
  }

  setDevice(device: Device, on: boolean): Promise<DeviceProblem | null> {
    return this.media.setDevice(device, on);
  }

  dispose(): void {
    this.end();
    for (const off of this.teardown.splice(0)) off();
  }

  private connectHub(): HubClient {
    this.hub?.close();
    const hub = new HubClient(this.options.hub);
    this.hub = hub;
    hub.on('shopper.queued', (m) => {
      if (this.current.kind === 'connecting') void this.media.leave();
      this.apply({ type: 'queued', conversationId: m.conversationId, position: m.position });
    });
    hub.on('shopper.connecting', (m) => {
      this.apply({ type: 'connecting', conversationId: m.conversationId });
      this.media.join(m.media).catch(() => {
        if (this.current.kind !== 'connecting' && this.current.kind !== 'in-call') return;
        hub.send({ type: 'shopper.cancel' });
        this.finish('media-unavailable');
      });
    });
    hub.on('call.live', (m) => {
      this.apply({ type: 'live', conversationId: m.conversationId, expert: m.expert });
      // The camera stays off until the shopper turns it on; the microphone is what a call needs.
      void this.media.publish({ camera: false, microphone: true });
    });
    hub.on('call.ended', (m) => this.finish(m.reason));
    hub.on('error', (m) => {
      if (m.ref === 'shopper.request' && m.reason === 'unavailable')
        this.finish('media-unavailable');
      else if (m.ref === 'shopper.request') this.finish('hub-unreachable');
    });
    hub.on('lost', () => this.finish('hub-unreachable'));
    return hub;
  }

  private finish(reason: ConversationEndReason): void {
    if (!isActive(this.current)) return;
    this.apply({ type: 'ended', reason });
    this.hub?.close();
    this.hub = undefined;
    void this.media.leave();
  }

  private apply(event: ConversationEvent): void {
    const previous = this.current;
    const next = conversationReducer(previous, event);
    if (next === previous) return;
    if (next.kind !== 'requesting') clearTimeout(this.requestTimer);
    this.current = next;
    this.emit('state', { state: next, previous });
  }
}

/**
 * The expert's desk: sign-in, presence, the ring, the call, the chat. Feeds hub messages and
 * clicks into the desk state machine and runs the effects. The console element subscribes.
 *
 * A lost hub connection is brought back without the expert doing anything: the desk signs in
 * again with its session, the hub puts it back in its call, and the chat catches up.
 */
import type { MediaGrant } from '../protocol/index.js';
import { ChatChannel } from './chat-channel.js';
import { deskReducer, type DeskEvent, type DeskState, type SignedOutReason } from './desk-state.js';
import { Emitter } from './emitter.js';
import { HubClient } from './hub-client.js';
import { MediaSession, type Device, type DeviceProblem } from './media-session.js';
import { BackoffReconnectPolicy } from './reconnect-policy.js';

export type ExpertDeskEvents = {
  state: { state: DeskState; previous: DeskState };
  /** Media, chat or the connection changed: re-read them. */
  change: undefined;
  /** A signed session to keep (so a reload does not sign the expert out), or null to forget it. */
  session: string | null;
};

export type SignIn = { session: string } | { devName: string };

export class ExpertDesk extends Emitter<ExpertDeskEvents> {
  readonly media = new MediaSession();
  /** The chat of the current conversation (a fresh one per conversation). */
  chat: ChatChannel;
  /** The hub connection dropped and is being brought back. */
  reconnecting = false;
  private current: DeskState = { kind: 'signed-out' };
  private hub: HubClient | undefined;
  private session: string | undefined;
  /** What the expert last chose, restored after a reconnect. */
  private wantsAvailable = false;
  /** The ringing room's grant, kept in case joining during the ring failed and accept retries. */
  private pendingGrant: MediaGrant | undefined;
  private readonly teardown: Array<() => void> = [];
  private offChat: () => void;

  constructor(private readonly hubUrl: string) {
    super();
    this.chat = this.newChat();
    this.offChat = this.chat.on('change', () => this.changed());
    this.teardown.push(
      this.media.on('change', () => this.changed()),
      this.media.on('disconnected', ({ cause }) => {
        const state = this.current;
        if (cause !== 'lost' || state.kind !== 'in-call') return;
        this.hub?.send({ type: 'media.lost', conversationId: state.ring.conversationId });
        this.apply({
          type: 'to-chat',
          conversationId: state.ring.conversationId,
          reason: 'media-lost',
        });
      }),
    );
  }

  get state(): DeskState {
    return this.current;
  }

  async signIn(how: SignIn): Promise<void> {
    if (this.current.kind !== 'signed-out') return;
    this.apply({ type: 'sign-in' });
    const hub = this.connectHub();
    try {
      await hub.connect();
    } catch {
      this.signOut('hub-unreachable');
      return;
    }
    if ('session' in how) this.authenticate(how.session);
    else hub.send({ type: 'expert.dev-login', name: how.devName });
  }

  setAvailable(available: boolean): void {
    if (this.current.kind !== 'ready') return;
    this.wantsAvailable = available;
    this.hub?.send({ type: 'expert.set-presence', status: available ? 'available' : 'away' });
  }

  accept(): void {
    const state = this.current;
    if (state.kind !== 'ringing' || state.accepting) return;
    this.apply({ type: 'accept' });
    this.hub?.send({ type: 'expert.accept', conversationId: state.ring.conversationId });
  }

  decline(): void {
    const state = this.current;
    if (state.kind !== 'ringing') return;
    this.hub?.send({ type: 'expert.decline', conversationId: state.ring.conversationId });
  }

  hangUp(): void {
    const state = this.current;
    if (state.kind !== 'in-call') return;
    this.hub?.send({ type: 'call.end', conversationId: state.ring.conversationId });
  }

  /** Carries on in chat only, or brings video and voice back. */
  switchTo(to: 'chat' | 'call'): void {
    const state = this.current;
    if (state.kind !== 'in-call') return;
    this.hub?.send({ type: 'media.switch', conversationId: state.ring.conversationId, to });
  }

  setDevice(device: Device, on: boolean): Promise<DeviceProblem | null> {
    return this.media.setDevice(device, on);
  }

  /** Signs out on purpose: the kept session is forgotten. */
  signOutNow(): void {
    this.emit('session', null);
    this.signOut('signed-out');
  }

  dispose(): void {
    this.signOut('signed-out');
    this.offChat();
    this.chat.dispose();
    for (const off of this.teardown.splice(0)) off();
  }

  private authenticate(session: string): void {
    this.session = session;
    this.hub?.send({ type: 'expert.auth', session });
  }

  private connectHub(): HubClient {
    this.hub?.close();
    const hub = new HubClient(this.hubUrl, { reconnect: new BackoffReconnectPolicy() });
    this.hub = hub;
    hub.on('expert.session', (m) => {
      this.emit('session', m.session);
      this.authenticate(m.session);
    });
    hub.on('expert.ready', (m) => {
      const back = this.reconnecting;
      this.reconnecting = false;
      this.apply({ type: 'signed-in', expert: m.expert, status: m.status });
      if (back && this.wantsAvailable && m.status === 'away') this.setAvailable(true);
      this.chat.flush();
      this.changed();
    });
    hub.on('expert.presence', (m) => this.apply({ type: 'presence', status: m.status }));
    hub.on('expert.ring', (m) => {
      const state = this.current;
      const same = 'ring' in state && state.ring.conversationId === m.conversationId;
      if (!same) this.replaceChat();
      this.apply({
        type: 'ring',
        ring: {
          conversationId: m.conversationId,
          mode: m.mode,
          lang: m.lang,
          shopper: m.shopper,
          until: Date.now() + m.ringTimeoutMs,
        },
      });
      this.pendingGrant = m.media;
      // Back in a call after a reconnect, with the room still joined, or in chat only:
      // nothing to join.
      if (!m.media || (same && this.media.connected)) return;
      // Join and open the devices while it rings, so that accept only has to publish.
      // A failed join is not fatal here: accept retries it.
      this.media.join(m.media).catch(() => {});
      if (state.kind !== 'in-call') {
        void this.media.prepare({ camera: m.mode === 'video', microphone: true });
      }
    });
    hub.on('expert.ring-ended', (m) => {
      this.apply({ type: 'ring-ended', conversationId: m.conversationId, reason: m.reason });
      void this.media.leave();
    });
    hub.on('call.live', async (m) => {
      const wasLive = this.current.kind === 'in-call';
      this.apply({ type: 'live', conversationId: m.conversationId });
      this.chat.open(m.conversationId);
      if (!this.pendingGrant) return; // in chat only: no media to start
      try {
        if (!this.media.connected) await this.media.join(this.pendingGrant);
        if (!wasLive || !this.media.microphoneOn) {
          await this.media.publish({ camera: m.mode === 'video', microphone: true });
        }
      } catch {
        // The media side reports a lost room itself (to chat); nothing more to do here.
      }
    });
    hub.on('conversation.chat', (m) => {
      this.apply({ type: 'to-chat', conversationId: m.conversationId, reason: m.reason });
      this.chat.open(m.conversationId);
      void this.media.leave();
    });
    hub.on('chat.message', (m) => this.chat.receive(m));
    hub.on('chat.typing', () => this.chat.receiveTyping());
    hub.on('call.ended', (m) => {
      this.apply({ type: 'call-ended', conversationId: m.conversationId });
      this.chat.close();
      void this.media.leave();
    });
    hub.on('error', (m) => {
      if (m.ref === 'expert.auth') {
        this.emit('session', null);
        this.signOut('rejected');
      } else if (m.ref === 'expert.dev-login') {
        this.signOut('dev-login-disabled');
      }
    });
    hub.on('reconnecting', () => {
      this.reconnecting = true;
      this.chat.pause();
      this.changed();
    });
    hub.on('reconnected', () => {
      if (this.session) this.authenticate(this.session);
    });
    hub.on('lost', () => this.signOut('hub-unreachable'));
    return hub;
  }

  private newChat(): ChatChannel {
    return new ChatChannel(
      'expert',
      () => ('expert' in this.current ? this.current.expert.name : ''),
      (message) => this.hub?.send(message) ?? false,
    );
  }

  /** A new conversation starts with an empty transcript. */
  private replaceChat(): void {
    this.offChat();
    this.chat.dispose();
    this.chat = this.newChat();
    this.offChat = this.chat.on('change', () => this.changed());
  }

  private signOut(reason: SignedOutReason): void {
    this.hub?.close();
    this.hub = undefined;
    this.reconnecting = false;
    this.chat.close();
    void this.media.leave();
    if (this.current.kind !== 'signed-out' || reason !== 'signed-out') {
      this.apply({ type: 'signed-out', reason });
    }
  }

  private apply(event: DeskEvent): void {
    const previous = this.current;
    const next = deskReducer(previous, event);
    if (next === previous) return;
    this.current = next;
    this.emit('state', { state: next, previous });
  }

  private changed(): void {
    this.emit('change', undefined);
  }
}

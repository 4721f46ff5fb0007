/**
 * The expert's desk: sign-in, presence, the ring, the call. Feeds hub messages and clicks into
 * the desk state machine and runs the effects. The console element subscribes and renders.
 */
import type { MediaGrant } from '../protocol/index.js';
import { deskReducer, type DeskEvent, type DeskState, type SignedOutReason } from './desk-state.js';
import { Emitter } from './emitter.js';
import { HubClient } from './hub-client.js';
import { MediaSession, type Device, type DeviceProblem } from './media-session.js';

export type ExpertDeskEvents = {
  state: { state: DeskState; previous: DeskState };
  media: undefined;
  /** A signed session to keep (so a reload does not sign the expert out), or null to forget it. */
  session: string | null;
};

export type SignIn = { session: string } | { devName: string };

export class ExpertDesk extends Emitter<ExpertDeskEvents> {
  readonly media = new MediaSession();
  private current: DeskState = { kind: 'signed-out' };
  private hub: HubClient | undefined;
  /** The ringing room's grant, kept in case joining during the ring failed and accept retries. */
  private pendingGrant: MediaGrant | undefined;
  private readonly teardown: Array<() => void> = [];

  constructor(private readonly hubUrl: string) {
    super();
    this.teardown.push(this.media.on('change', () => this.emit('media', undefined)));
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
    hub.send(
      'session' in how
        ? { type: 'expert.auth', session: how.session }
        : { type: 'expert.dev-login', name: how.devName },
    );
  }

  setAvailable(available: boolean): void {
    if (this.current.kind !== 'ready') return;
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
    for (const off of this.teardown.splice(0)) off();
  }

  private connectHub(): HubClient {
    this.hub?.close();
    const hub = new HubClient(this.hubUrl);
    this.hub = hub;
    hub.on('expert.session', (m) => {
      this.emit('session', m.session);
      hub.send({ type: 'expert.auth', session: m.session });
    });
    hub.on('expert.ready', (m) =>
      this.apply({ type: 'signed-in', expert: m.expert, status: m.status }),
    );
    hub.on('expert.presence', (m) => this.apply({ type: 'presence', status: m.status }));
    hub.on('expert.ring', (m) => {
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
      // A failed join is not fatal here: accept retries it.
      this.pendingGrant = m.media;
      // Join and open the devices while it rings, so that accept only has to publish.
      this.media.join(m.media).catch(() => {});
      void this.media.prepare({ camera: m.mode === 'video', microphone: true });
    });
    hub.on('expert.ring-ended', (m) => {
      this.apply({ type: 'ring-ended', conversationId: m.conversationId, reason: m.reason });
      void this.media.leave();
    });
    hub.on('call.live', async (m) => {
      this.apply({ type: 'live', conversationId: m.conversationId });
      if (!this.media.connected && this.pendingGrant) await this.media.join(this.pendingGrant);
      await this.media.publish({ camera: m.mode === 'video', microphone: true });
    });
    hub.on('call.ended', (m) => {
      this.apply({ type: 'call-ended', conversationId: m.conversationId });
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
    hub.on('lost', () => this.signOut('hub-unreachable'));
    return hub;
  }

  private signOut(reason: SignedOutReason): void {
    this.hub?.close();
    this.hub = undefined;
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
}

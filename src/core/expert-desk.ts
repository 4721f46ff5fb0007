/**
 * The expert's desk: sign-in, presence, the ring, the call and the chats. Feeds hub messages
 * and clicks into the desk state machine and runs the effects. The console element subscribes.
 *
 * An expert holds one call or several chats at once: one media session (for the call) and one
 * chat channel per conversation, with a count of what they have not read yet.
 *
 * A lost hub connection is brought back without the expert doing anything: the desk signs in
 * again with its session, the hub puts it back in its conversations, and the chats catch up.
 *
 * Only a session the hub refuses (`unauthorized`) signs the expert out and is forgotten; a
 * sign-in the hub fails to handle (`internal`) is asked again, backing off as reconnects do,
 * and the expert stays signed in meanwhile.
 *
 * It also keeps the shop's requests left while nobody could answer (messages, callback
 * requests, appointments), as the hub last listed them, for the expert to handle.
 */
import type {
  ExpertStatus,
  Language,
  MarkPoints,
  MediaGrant,
  ProductCard,
  OfflineRequest,
  QueueSummary,
} from '../protocol/index.js';
import { ChatChannel, newClientId } from './chat-channel.js';
import { deskReducer, type DeskEvent, type DeskState, type SignedOutReason } from './desk-state.js';
import { Emitter } from './emitter.js';
import { HubClient, hubHttpUrl } from './hub-client.js';
import {
  failureOfClientError,
  failureOfHubError,
  isRetryable,
  type HubFailure,
} from './hub-failure.js';
import type { Device, DeviceProblem } from './devices.js';
import { MediaSession } from './media-session.js';
import { BackoffReconnectPolicy, RetryClock, type ReconnectPolicy } from './reconnect-policy.js';

export type ExpertDeskEvents = {
  state: { state: DeskState; previous: DeskState };
  /** Media, chat, the requests or the connection changed: re-read them. */
  change: undefined;
  /** A signed session to keep (so a reload does not sign the expert out), or null to forget it. */
  session: string | null;
};

export type SignIn = { session: string } | { devName: string };

/** What the expert answers: topics (none: all) and languages (none: all). */
export interface Skills {
  topics?: string[];
  languages?: Language[];
}

/** A queue with shoppers in it, as the console shows it. */
export interface WaitingQueue extends Omit<QueueSummary, 'longestWaitSeconds'> {
  /** Since when (this browser's clock) the shopper first in line has waited. */
  longestSince: number;
}

/** The catalogue's answer to the expert's last search. */
export interface ProductSearch {
  query: string;
  /** Undefined while the hub has not answered. */
  products?: readonly ProductCard[];
  /** False when the shop has no catalogue. */
  catalogue?: boolean;
}

export class ExpertDesk extends Emitter<ExpertDeskEvents> {
  readonly media = new MediaSession();
  /** The hub connection dropped and is being brought back. */
  reconnecting = false;
  private current: DeskState = { kind: 'signed-out' };
  private hub: HubClient | undefined;
  private session: string | undefined;
  /** The name of a sign-in by name, to ask again with. */
  private devName: string | undefined;
  /** Asking again after the hub failed on a sign-in. */
  private readonly retries: RetryClock;
  /** What the expert last chose, restored after a reconnect. */
  private wantsAvailable = false;
  private readonly chats = new Map<string, ChatChannel>();
  /** Per conversation, the last sequence the expert has seen (it was in front). */
  private readonly seen = new Map<string, number>();
  /** Room grants by conversation, kept in case joining during the ring failed and accept retries. */
  private readonly grants = new Map<string, MediaGrant>();
  /** The conversation whose room the media session is in. */
  private mediaFor: string | undefined;
  private readonly teardown: Array<() => void> = [];
  private requestList: readonly OfflineRequest[] = [];
  private queueList: readonly WaitingQueue[] = [];
  private marking: ReadonlySet<string> = new Set();
  private search: ProductSearch | undefined;

  /** Where a photo of a conversation is: at the hub, by its id. */
  readonly photoUrl = (id: string): string => hubHttpUrl(this.hubUrl, `photos/${id}`);

  constructor(
    private readonly hubUrl: string,
    private readonly skills: Skills = {},
    /** How to come back after the hub connection drops; by default, backing off for 30 s. */
    private readonly reconnect: ReconnectPolicy = new BackoffReconnectPolicy(),
  ) {
    super();
    this.retries = new RetryClock(reconnect);
    this.teardown.push(
      this.media.on('change', () => this.changed()),
      this.media.on('disconnected', ({ cause }) => {
        const conversationId = this.mediaFor;
        if (cause !== 'lost' || !conversationId) return;
        this.hub?.send({ type: 'media.lost', conversationId });
        this.apply({ type: 'to-chat', conversationId, reason: 'media-lost' });
      }),
    );
  }

  get state(): DeskState {
    return this.current;
  }

  /** The shop's requests as the hub last listed them (to do first); none when signed out. */
  get requests(): readonly OfflineRequest[] {
    return this.requestList;
  }

  /** Who waits in the queues this expert answers, as the hub last said; none when signed out. */
  get queues(): readonly WaitingQueue[] {
    return this.queueList;
  }

  /**
   * Requests the expert marked done that the hub has not listed as handled yet. A new set on
   * every change, so a view can compare it by identity.
   */
  get markingDone(): ReadonlySet<string> {
    return this.marking;
  }

  /** The expert's last search of the catalogue, answered or not; none before the first. */
  get productSearch(): ProductSearch | undefined {
    return this.search;
  }

  /** Searches the shop's catalogue (the answer comes as {@link productSearch}). */
  findProducts(query: string): void {
    const trimmed = query.trim();
    if (!trimmed || this.current.kind !== 'ready') return;
    if (!this.hub?.send({ type: 'expert.find-products', query: trimmed })) return;
    this.search = { query: trimmed };
    this.changed();
  }

  /** Shows a product of the catalogue to the shopper, as a card in their conversation. */
  showProduct(conversationId: string, productId: string): void {
    this.hub?.send({
      type: 'expert.show-product',
      conversationId,
      clientId: newClientId(),
      productId,
    });
  }

  /** The chat of a conversation the desk holds or is being rung for. */
  chatOf(conversationId: string): ChatChannel | undefined {
    return this.chats.get(conversationId);
  }

  /** Messages from the shopper the expert has not seen (their conversation was not in front). */
  unread(conversationId: string): number {
    const chat = this.chats.get(conversationId);
    if (!chat) return 0;
    const seen = this.seen.get(conversationId) ?? 0;
    return chat.log.entries.filter((e) => e.author === 'shopper' && e.seq! > seen).length;
  }

  async signIn(how: SignIn): Promise<void> {
    if (this.current.kind !== 'signed-out') return;
    this.apply({ type: 'sign-in' });
    const hub = this.connectHub();
    try {
      await hub.connect();
    } catch (error) {
      this.signOut(failureOfClientError(error));
      return;
    }
    if ('session' in how) this.authenticate(how.session);
    else this.devLogin(how.devName);
  }

  setAvailable(available: boolean): void {
    if (this.current.kind !== 'ready') return;
    this.wantsAvailable = available;
    const status: ExpertStatus = available ? 'available' : 'away';
    this.hub?.send({ type: 'expert.set-presence', status });
  }

  accept(): void {
    const state = this.current;
    if (state.kind !== 'ready' || !state.ring || state.accepting) return;
    this.apply({ type: 'accept' });
    this.hub?.send({ type: 'expert.accept', conversationId: state.ring.conversationId });
    // The expert's own decision: their picture and voice go out now, as the hub is told.
    if (this.mediaFor === state.ring.conversationId) void this.media.unmuteStaged();
  }

  decline(): void {
    const state = this.current;
    if (state.kind !== 'ready' || !state.ring) return;
    this.hub?.send({ type: 'expert.decline', conversationId: state.ring.conversationId });
  }

  /** Puts a held conversation in front; what it says counts as read. */
  select(conversationId: string): void {
    this.apply({ type: 'select', conversationId });
    this.markSeen();
  }

  hangUp(conversationId: string): void {
    this.hub?.send({ type: 'call.end', conversationId });
  }

  /** Shows the shopper a spot of their own camera's picture: a tap or a stroke, in the frame. */
  mark(conversationId: string, points: MarkPoints): void {
    this.hub?.send({ type: 'expert.mark', conversationId, points });
  }

  /** Carries a conversation on in chat only, or brings its video and voice back. */
  switchTo(conversationId: string, to: 'chat' | 'call'): void {
    this.hub?.send({ type: 'media.switch', conversationId, to });
  }

  setDevice(device: Device, on: boolean): Promise<DeviceProblem | null> {
    return this.media.setDevice(device, on);
  }

  /** Says a request has been dealt with; the hub then lists it as done to every console. */
  markDone(id: string): void {
    if (this.current.kind !== 'ready' || this.marking.has(id)) return;
    if (!this.hub?.send({ type: 'expert.request-done', id })) return;
    this.setMarking(new Set([...this.marking, id]));
  }

  /** Signs out on purpose: the kept session is forgotten. */
  signOutNow(): void {
    this.emit('session', null);
    this.signOut('signed-out');
  }

  dispose(): void {
    this.signOut('signed-out');
    for (const chat of this.chats.values()) chat.dispose();
    this.chats.clear();
    for (const off of this.teardown.splice(0)) off();
  }

  private devLogin(name: string): void {
    this.devName = name;
    this.hub?.send({ type: 'expert.dev-login', name });
  }

  /**
   * The hub answered a sign-in with an error: asked again, with backoff, when the hub failed on
   * it; otherwise (or past the policy) the expert is signed out with the reason.
   */
  private signInFailed(ref: 'expert.auth' | 'expert.dev-login', failure: HubFailure): void {
    const byName = ref === 'expert.dev-login';
    const { session, devName } = this;
    const ask = () => {
      if (byName && devName) this.devLogin(devName);
      else if (!byName && session) this.authenticate(session);
    };
    if (isRetryable(failure) && this.retries.schedule(ask)) return;
    if (byName) {
      this.signOut(failure === 'unauthorized' ? 'dev-login-disabled' : failure);
      return;
    }
    // Only a refused session is worth forgetting: other failures say nothing about it.
    if (failure === 'unauthorized') this.emit('session', null);
    this.signOut(failure);
  }

  private authenticate(session: string): void {
    this.session = session;
    this.hub?.send({ type: 'expert.auth', session, ...this.skills });
  }

  private connectHub(): HubClient {
    this.hub?.close();
    const hub = new HubClient(this.hubUrl, { reconnect: this.reconnect });
    this.hub = hub;
    hub.on('expert.session', (m) => {
      this.emit('session', m.session);
      this.authenticate(m.session);
    });
    hub.on('expert.ready', (m) => {
      this.retries.reset();
      const back = this.reconnecting;
      this.reconnecting = false;
      this.apply({
        type: 'signed-in',
        expert: m.expert,
        status: m.status,
        // Stryker disable next-line ArrayDeclaration: an id in it that no conversation has keeps none
        holding: m.conversations ?? [],
      });
      if (back && this.wantsAvailable && m.status === 'away') this.setAvailable(true);
      for (const chat of this.chats.values()) chat.flush();
      this.changed();
    });
    hub.on('expert.presence', (m) => this.apply({ type: 'presence', status: m.status }));
    hub.on('expert.requests', (m) => {
      this.requestList = m.requests;
      // Marked ones stay marked until the hub lists them handled: an earlier list may cross.
      const stillToDo = new Set(m.requests.filter((r) => r.status === 'to-do').map((r) => r.id));
      const marking = [...this.marking].filter((id) => stillToDo.has(id));
      if (marking.length !== this.marking.size) this.marking = new Set(marking);
      this.changed();
    });
    hub.on('expert.queues', (m) => {
      // Seconds as the hub counted them, turned into an instant of this browser's clock.
      const now = Date.now();
      this.queueList = m.queues.map(({ longestWaitSeconds, ...queue }) => ({
        ...queue,
        longestSince: now - longestWaitSeconds * 1000,
      }));
      this.changed();
    });
    hub.on('expert.ring', (m) => {
      const held = this.isHeld(m.conversationId);
      this.ensureChat(m.conversationId);
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
      if (!m.media) {
        // In chat only; or rung again because the ring's room failed: leave it, answer in writing.
        this.leaveMedia(m.conversationId);
        return;
      }
      this.grants.set(m.conversationId, m.media);
      // Back in a call after a reconnect, with the room still joined: nothing to join.
      if (this.mediaFor === m.conversationId && this.media.connected) return;
      // Join and open the devices while it rings, so that accept only has to publish.
      // A failed join is not fatal here: accept retries it.
      this.mediaFor = m.conversationId;
      const joined = this.media.join(m.media);
      joined.catch(() => {});
      if (!held) {
        // Published muted once joined: accepting then unmutes, with nothing to negotiate.
        const prepared = this.media.prepare({ camera: m.mode === 'video', microphone: true });
        Promise.all([joined, prepared])
          .then(() => (this.mediaFor === m.conversationId ? this.media.publishMuted() : undefined))
          .catch(() => {});
      }
    });
    hub.on('expert.ring-ended', (m) => {
      this.apply({ type: 'ring-ended', conversationId: m.conversationId, reason: m.reason });
      this.leaveMedia(m.conversationId);
    });
    hub.on('call.live', async (m) => {
      const wasHeld = this.isHeld(m.conversationId);
      this.apply({ type: 'live', conversationId: m.conversationId });
      this.chats.get(m.conversationId)?.open(m.conversationId);
      this.markSeen();
      const grant = this.grants.get(m.conversationId);
      if (!grant) return; // in chat only: no media to start
      try {
        if (!this.media.connected) {
          this.mediaFor = m.conversationId;
          await this.media.join(grant);
        }
        if (!wasHeld || !this.media.microphoneOn) {
          await this.media.publish({ camera: m.mode === 'video', microphone: true });
        }
      } catch {
        // The media side reports a lost room itself (to chat); nothing more to do here.
      }
    });
    hub.on('conversation.chat', (m) => {
      this.apply({ type: 'to-chat', conversationId: m.conversationId, reason: m.reason });
      this.chats.get(m.conversationId)?.open(m.conversationId);
      this.leaveMedia(m.conversationId);
    });
    hub.on('chat.message', (m) => {
      this.chats.get(m.conversationId)?.receive(m);
      this.markSeen();
    });
    hub.on('expert.rated', ({ type, ...rating }) => this.apply({ type: 'rated', rating }));
    hub.on('expert.products', ({ query, products, catalogue }) => {
      // An answer to an earlier search that a newer one replaced is dropped.
      if (this.search?.query !== query) return;
      this.search = { query, products, catalogue };
      this.changed();
    });
    hub.on('chat.typing', (m) => this.chats.get(m.conversationId)?.receiveTyping());
    hub.on('call.ended', (m) => {
      this.apply({ type: 'call-ended', conversationId: m.conversationId });
      this.leaveMedia(m.conversationId);
    });
    hub.on('error', (m) => {
      if (m.ref === 'expert.auth' || m.ref === 'expert.dev-login') {
        this.signInFailed(m.ref, failureOfHubError(m.reason));
      } else if (m.ref === 'expert.request-done') {
        // Refused (an unknown request): the button comes back; the list says what is true.
        this.setMarking(new Set());
      }
    });
    hub.on('reconnecting', () => {
      this.reconnecting = true;
      // What was sent may be lost with the connection; the list sent on sign-in says.
      this.marking = new Set();
      for (const chat of this.chats.values()) chat.pause();
      this.changed();
    });
    hub.on('reconnected', () => {
      if (this.session) this.authenticate(this.session);
    });
    hub.on('lost', () => this.signOut('hub-unreachable'));
    return hub;
  }

  private isHeld(conversationId: string): boolean {
    const state = this.current;
    return (
      state.kind === 'ready' && state.conversations.some((c) => c.conversationId === conversationId)
    );
  }

  private ensureChat(conversationId: string): ChatChannel {
    let chat = this.chats.get(conversationId);
    if (!chat) {
      chat = new ChatChannel(
        'expert',
        () => ('expert' in this.current ? this.current.expert.name : ''),
        (message) => this.hub?.send(message) ?? false,
      );
      chat.on('change', () => this.changed());
      this.chats.set(conversationId, chat);
    }
    return chat;
  }

  /** The conversation in front has been read. */
  private markSeen(): void {
    const state = this.current;
    if (state.kind !== 'ready' || !state.selected) return;
    const chat = this.chats.get(state.selected);
    if (chat) this.seen.set(state.selected, chat.log.newestSeq);
  }

  private leaveMedia(conversationId: string): void {
    this.grants.delete(conversationId);
    if (this.mediaFor !== conversationId) return;
    this.mediaFor = undefined;
    void this.media.leave();
  }

  private signOut(reason: SignedOutReason): void {
    this.retries.reset();
    this.hub?.close();
    this.hub = undefined;
    this.reconnecting = false;
    this.mediaFor = undefined;
    this.grants.clear();
    void this.media.leave();
    if (this.requestList.length || this.marking.size || this.queueList.length) {
      this.requestList = [];
      this.queueList = [];
      this.marking = new Set();
      this.changed();
    }
    if (this.current.kind !== 'signed-out' || reason !== 'signed-out') {
      this.apply({ type: 'signed-out', reason });
    }
  }

  private apply(event: DeskEvent): void {
    const previous = this.current;
    const next = deskReducer(previous, event);
    if (next === previous) return;
    this.current = next;
    this.forgetEnded();
    this.emit('state', { state: next, previous });
  }

  /** Chats of conversations the desk no longer holds or rings for are let go. */
  private forgetEnded(): void {
    const state = this.current;
    const keep = new Set<string>();
    if (state.kind === 'ready') {
      for (const c of state.conversations) keep.add(c.conversationId);
      if (state.ring) keep.add(state.ring.conversationId);
    }
    for (const [id, chat] of this.chats) {
      if (keep.has(id)) continue;
      chat.dispose();
      this.chats.delete(id);
      this.seen.delete(id);
    }
  }

  private setMarking(marking: ReadonlySet<string>): void {
    this.marking = marking;
    this.changed();
  }

  private changed(): void {
    this.emit('change', undefined);
  }
}

/**
 * The hub: it turns what happens (a browser's frame, a timer, the dispatcher's choice) into
 * lifecycle events, steps each conversation's state (lifecycle/lifecycle.ts, pure), and runs
 * the effects in order: storage first, then the frames that say what was stored. It keeps the
 * live handles (sockets, timers, seats) in its registry, beside the data.
 *
 * The conversation, not the connection, is what lives (design.md): it is stored, a browser
 * that loses its socket has a grace period to come back and resume it, and a restarted hub
 * picks up the conversations it had from storage.
 *
 * Join during the ring, publish on accept: when a shopper is assigned to an expert the hub
 * mints both tokens at once and rings while LiveKit makes the room, so both browsers join while
 * the console rings and accept only has to publish.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as v from 'valibot';
import {
  CallMode,
  ChatReason,
  Language,
  ShopperContext,
  type Availability,
  type ClientMessageOf,
  type EndReason,
  type ExpertProfile,
  type ExpertStatus,
  type MarkPoints,
  type ProductAction,
  type VerifiedCustomer,
} from '../protocol/index.js';
import { CustomerTokens } from './auth/customer-tokens.js';
import { Catalogue } from './commerce/catalogue.js';
import type { ExpertSessions, SessionCheck } from './auth/expert-sessions.js';
import type { ShopConfig } from './config/shop-config.js';
import { HubError, wrongState } from './errors.js';
import {
  chatOnlyFrame,
  liveFrame,
  ringFrame,
  step,
  type ConversationState,
  type Effect,
  type ExpertRef,
  type LifecycleEvent,
  type OpenedMedia,
  type Recipient,
} from './lifecycle/lifecycle.js';
import { ConversationMedia, conversationOfRoom } from './media/conversation-media.js';
import type { MediaEvent } from './media/media-events.js';
import type { MediaRooms } from './media/media-rooms.js';
import { OfflineDesk } from './offline/offline-desk.js';
import { Conversation, type Peer, type Seat } from './registry.js';
import { callOf, canBeRung, fits, hasMedia } from './routing/capacity.js';
import { availabilityOf, type OnDuty } from './routing/availability.js';
import { forgetToldQueues, tellQueues } from './routing/queue-board.js';
import { WaitingRoom } from './routing/waiting-room.js';
import type { ConversationRecord, ConversationStore } from './storage/conversation-store.js';
import type { RequestStore } from './storage/requests-store.js';
import type { PhotoStore } from './photos/photo-store.js';
import type { PhotoTickets } from './photos/photo-tickets.js';
import { Transcript } from './transcript.js';

export type { Peer } from './registry.js';

export interface HubOptions {
  rooms: MediaRooms;
  sessions: ExpertSessions;
  store: ConversationStore;
  /** Messages, callback requests and appointments left when nobody could answer. */
  requests: RequestStore;
  /** The shop's hours, topics and limits. */
  shop: ShopConfig;
  /** Lets `expert.dev-login` sign anyone in by name: for the demo and tests only. */
  devLogin: boolean;
  /** How long a conversation waits for a side whose connection dropped to come back. */
  reconnectGraceMs: number;
  log?: (event: string, fields?: Record<string, unknown>) => void;
  now?: () => number;
  /** The experts on duty may have changed ({@link Hub.roster}): called often, cheap to call. */
  rosterChanged?: () => void;
  /** The shop's products, for experts to show; none by default. */
  catalogue?: Catalogue;
  /** Where photos are stored, and the tickets that let them in; without, photos are refused. */
  photos?: { store: PhotoStore; tickets: PhotoTickets } | undefined;
}

/** How long a code that moves a conversation to another device can be used. */
export const HANDOFF_MS = 5 * 60_000;

/** Languages an expert who does not say speaks. */
const ALL_LANGUAGES: readonly Language[] = Language.options;

export class Hub {
  private readonly conversations = new Map<string, Conversation>();
  private readonly seats = new Map<string, Seat>();
  private readonly now: () => number;
  private readonly log: NonNullable<HubOptions['log']>;
  private readonly store: ConversationStore;
  private readonly transcript: Transcript;
  private readonly catalogue: Catalogue;
  private readonly media: ConversationMedia;
  readonly offline: OfflineDesk;
  private readonly waiting: WaitingRoom;
  private readonly maxChats: number;
  private readonly ringTimeoutMs: number;
  private readonly customers: CustomerTokens;
  private closed = false;
  /** While set, the request list was just sent; `requestsChanged` says whether to send again. */
  private requestsTimer: ReturnType<typeof setTimeout> | undefined;
  private requestsChanged = false;
  /** Shoppers' connections whose conversation went on on another device. */
  private readonly movedAway = new WeakSet<Peer>();

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.store = options.store;
    this.transcript = new Transcript(options.store);
    this.catalogue = options.catalogue ?? Catalogue.none();
    this.media = new ConversationMedia(options.rooms, this.log);
    this.maxChats = options.shop.limits.maxChatsPerExpert;
    this.waiting = new WaitingRoom({
      maxWaitMs: options.shop.limits.maxWaitMs,
      now: this.now,
      seats: () => this.seats.values(),
      queuesMoved: () => this.tellQueues(),
    });
    this.ringTimeoutMs = options.shop.limits.ringTimeoutMs;
    this.customers = new CustomerTokens(options.shop.customerTokens);
    this.offline = new OfflineDesk(options.shop, options.requests, this.now, () =>
      this.requestsMoved(),
    );
  }

  /**
   * Stops every timer (rings, grace periods) so nothing runs after the hub's server and storage
   * have closed. What is stored stays: the next hub process recovers it.
   */
  close(): void {
    this.closed = true;
    for (const conversation of this.conversations.values()) {
      clearTimeout(conversation.ringTimer);
      clearTimeout(conversation.shopperGrace);
      clearTimeout(conversation.offerTimer);
    }
    for (const seat of this.seats.values()) clearTimeout(seat.grace);
    clearTimeout(this.requestsTimer);
    this.waiting.close();
  }

  /** Counts for health checks and tests. */
  stats() {
    return {
      ...this.waiting.stats(),
      experts: this.seats.size,
      conversations: this.conversations.size,
    };
  }

  /**
   * Picks up the conversations a previous hub process left open: the waiting go back to the
   * queue in their order, live ones wait for their shopper and expert to reconnect.
   */
  async recover(): Promise<void> {
    for (const record of await this.store.open()) {
      const state = recovered(record);
      if (!state) {
        this.log('hub.unrecoverable', { conversation: record.id, state: record.state });
        continue;
      }
      let phase: ConversationState['phase'] = { kind: 'queued' };
      if ((record.state === 'live' && record.room) || state.chat) {
        if (record.expertId) {
          const profile = { id: record.expertId, name: record.expertName ?? '' };
          const seat =
            [...this.seats.values()].find((s) => s.expertId === profile.id) ??
            this.newSeat(undefined, profile, {});
          phase = {
            kind: 'live',
            expert: { seat: seat.seat, profile },
            room: record.room ?? undefined,
            since: this.now(),
          };
          this.awaitExpert(seat);
        }
      }
      const conversation = this.register({ ...state, phase }, '');
      if (phase.kind === 'queued') this.waiting.arrive(conversation);
      this.awaitShopper(conversation);
    }
    if (this.conversations.size)
      this.log('hub.recovered', { conversations: this.conversations.size });
  }

  /**
   * A shopper asks for an expert. Closed (the shop, or this topic): no conversation, and the
   * shopper is told when it opens, to leave a message, a callback or an appointment instead.
   */
  async request(
    peer: Peer,
    message: ClientMessageOf<'shopper.request'>,
  ): Promise<Conversation | undefined> {
    if (!this.offline.knows(message.topic)) {
      throw new HubError('invalid-message', `This shop has no topic "${message.topic}".`);
    }
    const opening = this.offline.opening(message.topic);
    if (!opening.open) {
      peer.send({
        type: 'shopper.offline',
        reason: 'closed',
        ...(opening.opensAt ? { opensAt: opening.opensAt } : {}),
      });
      return undefined;
    }
    const id = randomUUID();
    const customer = await this.identify(id, message.customerToken);
    const state: ConversationState = {
      id,
      since: this.now(),
      mode: message.mode,
      lang: message.lang,
      topic: message.topic,
      displayName: message.displayName,
      ...(customer ? { customer } : {}),
      context: message.context,
      chat: message.mode === 'chat' ? 'chosen' : undefined,
      skippedBy: new Set(),
      phase: { kind: 'queued' },
    };
    const resumeToken = randomBytes(24).toString('base64url');
    // Stored before anything is promised to the shopper.
    await this.store.create({
      id: state.id,
      mode: state.mode,
      lang: state.lang,
      topic: state.topic,
      displayName: state.displayName,
      customer,
      context: state.context,
      state: 'queued',
      resumeToken,
    });
    const conversation = this.register(state, resumeToken, peer);
    peer.send({ type: 'conversation.opened', conversationId: state.id, resumeToken });
    this.waiting.arrive(conversation);
    this.log('conversation.requested', {
      conversation: state.id,
      mode: message.mode,
      ...(customer ? { identified: true } : {}),
    });
    this.dispatch();
    return conversation;
  }

  /**
   * The customer the page's token names, once verified. Any failure leaves the shopper
   * unidentified, never without their conversation, and is logged by its reason alone: not the
   * token, not what it claims.
   */
  private async identify(
    conversationId: string,
    token: string | undefined,
  ): Promise<VerifiedCustomer | undefined> {
    if (token === undefined) return undefined;
    const checked = await this.customers.check(token);
    if ('customer' in checked) return checked.customer;
    this.log('customer.unverified', { conversation: conversationId, why: checked.refused });
    return undefined;
  }

  /** A shopper comes back: same conversation, what they missed, and media again if live. */
  async resume(peer: Peer, message: ClientMessageOf<'conversation.resume'>): Promise<Conversation> {
    const conversation = this.conversations.get(message.conversationId);
    const valid = await this.store.checkResumeToken(message.conversationId, message.resumeToken);
    if (!conversation || !valid) {
      throw wrongState('This conversation has ended or cannot be resumed.');
    }
    clearTimeout(conversation.shopperGrace);
    conversation.shopper = peer;
    peer.send({
      type: 'conversation.opened',
      conversationId: conversation.id,
      resumeToken: message.resumeToken,
    });
    const { state } = conversation;
    const phase = state.phase;
    const expert = phase.kind === 'ringing' || phase.kind === 'live' ? phase.expert : undefined;
    const room = phase.kind === 'ringing' || phase.kind === 'live' ? phase.room : undefined;
    if (phase.kind === 'queued') {
      this.waiting.retell(conversation);
      this.dispatch();
    } else if (state.chat && expert) {
      peer.send(chatOnlyFrame(state, expert));
    } else if (room && expert) {
      peer.send({
        type: 'shopper.connecting',
        conversationId: conversation.id,
        media: await this.media.shopperGrant(state, room, expert.profile),
      });
    }
    if (phase.kind === 'live' && !state.chat) peer.send(liveFrame(state, phase.expert));
    await this.transcript.replay(conversation.id, peer, message.lastSeq);
    this.log('conversation.resumed', { conversation: conversation.id, state: phase.kind });
    return conversation;
  }

  /**
   * A one-time code that carries the shopper's conversation on to another device (a QR code,
   * a short link), for {@link HANDOFF_MS}; stored hashed, so any hub of the shop takes it.
   */
  async handoff(conversation: Conversation, peer: Peer): Promise<void> {
    if (conversation.state.phase.kind === 'ended') {
      throw wrongState('This conversation has ended.');
    }
    const code = randomBytes(16).toString('base64url');
    const expiresAt = this.now() + HANDOFF_MS;
    await this.store.createHandoff(conversation.id, code, expiresAt);
    peer.send({
      type: 'shopper.handoff-code',
      conversationId: conversation.id,
      code,
      expiresAt,
    });
  }

  /**
   * The shopper's other device presents a handoff code: the conversation goes on there, with a
   * new resume token (the first device's no longer resumes it), and the first device is told.
   */
  async take(peer: Peer, code: string): Promise<Conversation> {
    const id = await this.store.takeHandoff(code, this.now());
    const conversation = id === undefined ? undefined : this.conversations.get(id);
    if (!conversation || conversation.state.phase.kind === 'ended') {
      throw wrongState(
        'This link has expired, was already used, or its conversation has ended: ask for a new one on the other device.',
      );
    }
    const resumeToken = randomBytes(24).toString('base64url');
    await this.store.setResumeToken(conversation.id, resumeToken);
    const previous = conversation.shopper;
    if (previous) {
      this.movedAway.add(previous);
      previous.send({ type: 'conversation.moved', conversationId: conversation.id });
    }
    this.log('conversation.moved', { conversation: conversation.id });
    return this.resume(peer, {
      type: 'conversation.resume',
      conversationId: conversation.id,
      resumeToken,
      lastSeq: 0,
    });
  }

  /** Whether this connection's conversation went on on another device: it may do nothing more. */
  hasMovedAway(peer: Peer): boolean {
    return this.movedAway.has(peer);
  }

  async devLogin(peer: Peer, name: string): Promise<void> {
    if (!this.options.devLogin) {
      throw new HubError('unauthorized', 'Dev login is turned off on this hub.');
    }
    const expert = { id: `dev-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, name };
    peer.send({
      type: 'expert.session',
      session: await this.options.sessions.issue(expert),
      expert,
    });
  }

  /**
   * Signs an expert in, back into their seat if they hold conversations: the newest connection
   * takes the seat, even before the hub has noticed the old one die (a console that changed
   * network, or whose hub process was killed, comes back before its old socket is missed).
   */
  async signIn(peer: Peer, message: ClientMessageOf<'expert.auth'>): Promise<Seat> {
    const checked = await this.options.sessions.check(message.session);
    if (!('expert' in checked)) {
      this.log('expert.refused', { why: checked.refused });
      throw new HubError('unauthorized', SESSION_REFUSED[checked.refused]);
    }
    const profile = checked.expert;
    const returning = [...this.seats.values()].find(
      (s) => s.expertId === profile.id && s.conversations.size > 0,
    );
    if (returning) {
      clearTimeout(returning.grace);
      returning.peer = peer;
      setSkills(returning, message);
      peer.send({
        type: 'expert.ready',
        expert: returning.profile,
        status: returning.presence,
        conversations: [...returning.conversations]
          .filter((c) => c.state.phase.kind === 'live')
          .map((c) => c.id),
      });
      await this.tellRequests(peer);
      this.tellQueues(returning);
      this.refresh(returning);
      await this.bringBack(returning);
      this.log('expert.resumed', { expert: profile.id });
      this.dispatch();
      return returning;
    }
    const seat = this.newSeat(peer, profile, message);
    peer.send({ type: 'expert.ready', expert: profile, status: seat.presence });
    await this.tellRequests(peer);
    this.tellQueues(seat);
    this.log('expert.signed-in', { expert: profile.id });
    return seat;
  }

  /**
   * What the launcher shows: open or not, whether a call or a chat could start now, and the
   * shop's own words in `lang` (or its first language).
   */
  availability(topic: string | undefined, lang: string | undefined): Availability {
    return availabilityOf(
      this.roster(),
      { topic, lang },
      this.offline.knows(topic) ? this.offline.opening(topic) : { open: false },
      this.offline.words(lang),
    );
  }

  /** The experts on duty now (connected and available), as launchers need to know them. */
  roster(): OnDuty[] {
    return [...this.seats.values()]
      .filter((s) => s.peer && s.presence === 'available')
      .map((s) => {
        const ring = canBeRung(s, this.maxChats);
        return {
          topics: [...s.topics],
          languages: [...s.languages],
          ring,
          free: ring && s.conversations.size === 0,
        };
      });
  }

  async markRequestDone(seat: Seat, id: string): Promise<void> {
    if (!(await this.offline.markDone(id, seat.expertId))) {
      throw wrongState('There is no such request.');
    }
  }

  setPresence(seat: Seat, status: ExpertStatus): void {
    if (seat.presence !== status && status === 'available') seat.idleSince = this.now();
    seat.presence = status;
    seat.peer?.send({ type: 'expert.presence', status });
    this.waiting.expertsChanged();
    this.refresh(seat);
    this.dispatch();
  }

  accept(conversation: Conversation): Promise<void> {
    return this.apply(conversation, { type: 'accept' });
  }

  decline(conversation: Conversation): Promise<void> {
    return this.apply(conversation, { type: 'decline' });
  }

  /** Ends a conversation in any state, tells both sides, and frees the expert. */
  finish(conversation: Conversation, reason: EndReason): Promise<void> {
    return this.apply(conversation, { type: 'end', reason });
  }

  /**
   * The shopper rates their conversation, once it has ended and if an expert had it: stored
   * first (the first rating stands; a second is refused), then the shopper is answered and the
   * expert's console, if connected now, is told. A console that is not connected is not told
   * later.
   */
  async rate(
    conversation: Conversation,
    peer: Peer,
    rating: { stars: number; comment?: string | undefined },
  ): Promise<void> {
    if (conversation.state.phase.kind !== 'ended') {
      throw wrongState('A conversation can be rated once it has ended.');
    }
    const record = await this.store.get(conversation.id);
    if (!record?.expertId) throw wrongState('Only a conversation an expert joined can be rated.');
    const comment = rating.comment === '' ? undefined : rating.comment;
    if (!(await this.store.rate(conversation.id, rating.stars, comment))) {
      throw wrongState('This conversation is already rated.');
    }
    peer.send({ type: 'shopper.rated', conversationId: conversation.id });
    const { displayName, customer } = conversation.state;
    for (const seat of this.seats.values()) {
      if (seat.expertId !== record.expertId) continue;
      seat.peer?.send({
        type: 'expert.rated',
        conversationId: conversation.id,
        stars: rating.stars,
        ...(comment === undefined ? {} : { comment }),
        ...(displayName ? { displayName } : {}),
        ...(customer ? { customer } : {}),
      });
    }
    this.log('conversation.rated', { conversation: conversation.id, stars: rating.stars });
  }

  /** A chat message from one side: stored, then shown to both. */
  async say(
    conversation: Conversation,
    author: 'shopper' | 'expert',
    message: { clientId: string; text: string },
  ): Promise<void> {
    const phase = conversation.state.phase;
    const expert = phase.kind === 'live' || phase.kind === 'ringing' ? phase.expert : undefined;
    const stored = await this.transcript.append({
      conversationId: conversation.id,
      clientId: message.clientId,
      author,
      authorName:
        author === 'expert' ? (expert?.profile.name ?? '') : (conversation.state.displayName ?? ''),
      text: message.text,
    });
    this.send(conversation, 'shopper', stored);
    if (expert) this.send(conversation, expert, stored);
  }

  replay(conversation: Conversation, peer: Peer, afterSeq: number): Promise<void> {
    return this.transcript.replay(conversation.id, peer, afterSeq);
  }

  typing(conversation: Conversation, author: 'shopper' | 'expert'): void {
    const phase = conversation.state.phase;
    const frame = { type: 'chat.typing', conversationId: conversation.id, author } as const;
    if (author === 'expert') conversation.shopper?.send(frame);
    else if (phase.kind === 'live') this.send(conversation, phase.expert, frame);
  }

  /** The catalogue's products for an expert's search (none when the shop has no catalogue). */
  findProducts(peer: Peer, query: string): void {
    peer.send({
      type: 'expert.products',
      query,
      products: this.catalogue.find(query),
      catalogue: this.catalogue.available,
    });
  }

  /**
   * The expert shows a product of the catalogue: a card in the transcript, stored then shown
   * to both sides like any message (a resend with the same client id shows the same card), and
   * written down as shown for the shop's counts.
   */
  async showProduct(
    conversation: Conversation,
    clientId: string,
    productId: string,
  ): Promise<void> {
    const product = this.catalogue.get(productId);
    if (!product)
      throw new HubError('invalid-message', 'The shop’s catalogue has no such product.');
    const phase = conversation.state.phase;
    if (phase.kind !== 'live') throw wrongState('A product is shown once the expert has joined.');
    const { frame, duplicate } = await this.transcript.appendOnce({
      conversationId: conversation.id,
      clientId,
      author: 'expert',
      authorName: phase.expert.profile.name,
      text: product.name,
      product,
    });
    this.send(conversation, 'shopper', frame);
    this.send(conversation, phase.expert, frame);
    if (!duplicate) await this.store.recordProductEvent(conversation.id, product.id, 'shown');
  }

  /**
   * The shopper is about to send a photo: a ticket to send its bytes by HTTP (any hub of the
   * shop takes them, transport/photo-routes.ts), for this conversation while it is live.
   */
  async preparePhoto(conversation: Conversation, peer: Peer): Promise<void> {
    const photos = this.photos();
    if (conversation.state.phase.kind !== 'live') {
      throw wrongState('A photo is sent once the expert has joined.');
    }
    const ticket = await photos.tickets.issue({
      conversationId: conversation.id,
      author: 'shopper',
    });
    peer.send({ type: 'photo.ticket', conversationId: conversation.id, ticket });
  }

  /**
   * The shopper shows a photo they sent (with a ticket for this conversation): a line of the
   * transcript, stored then shown to both sides like any message.
   */
  async showPhoto(conversation: Conversation, clientId: string, photoId: string): Promise<void> {
    const info = await this.photos().store.info(photoId);
    if (info?.conversationId !== conversation.id || info.author !== 'shopper') {
      throw new HubError('invalid-message', 'This conversation has no such photo.');
    }
    const phase = conversation.state.phase;
    if (phase.kind !== 'live') throw wrongState('A photo is shown once the expert has joined.');
    const frame = await this.transcript.append({
      conversationId: conversation.id,
      clientId,
      author: 'shopper',
      authorName: conversation.state.displayName ?? '',
      text: '',
      photo: { id: info.id, type: info.type, width: info.width, height: info.height },
    });
    this.send(conversation, 'shopper', frame);
    this.send(conversation, phase.expert, frame);
  }

  private photos(): NonNullable<HubOptions['photos']> {
    if (!this.options.photos) throw wrongState('This hub takes no photos.');
    return this.options.photos;
  }

  /**
   * The shopper opened, added to their cart or reserved a product of a card shown in their
   * conversation (also after its end): written down for the shop to count what came of it.
   */
  async productAction(
    conversation: Conversation,
    productId: string,
    action: ProductAction,
  ): Promise<void> {
    if (!(await this.store.wasShown(conversation.id, productId))) {
      throw wrongState('That product was not shown in this conversation.');
    }
    await this.store.recordProductEvent(conversation.id, productId, action);
    this.log('product.action', { conversation: conversation.id, action });
  }

  /**
   * The expert marked a spot on the shopper's camera picture: passed on to the shopper as is
   * (the points are the frame's, checked by the protocol), never stored.
   */
  mark(conversation: Conversation, points: MarkPoints): void {
    const { phase, chat } = conversation.state;
    if (phase.kind !== 'live' || phase.room === undefined || chat !== undefined) {
      throw wrongState('The picture can be marked during a call only.');
    }
    conversation.shopper?.send({ type: 'call.mark', conversationId: conversation.id, points });
  }

  /**
   * A waiting shopper would rather write than wait for video: they keep their place, and any
   * expert with room for a chat can now take them.
   */
  waitForChat(conversation: Conversation): Promise<void> {
    return this.apply(conversation, { type: 'wait-for-chat' });
  }

  /**
   * Video and voice gave way (a side's media did not come back, or a side chose to write): the
   * conversation goes on in chat, both sides are told why, and the room is let go. Said once,
   * whoever says it first.
   */
  toChat(conversation: Conversation, reason: 'media-lost' | 'chosen'): Promise<void> {
    return this.apply(conversation, { type: 'to-chat', reason });
  }

  /**
   * A side's media is gone. Rung in a room that side could not join, the ring goes on as a
   * written one; in a call, the call gives way to chat.
   */
  mediaLost(conversation: Conversation): Promise<void> {
    const phase = conversation.state.phase;
    if (phase.kind === 'ringing' && phase.room) return this.roomFailed(conversation, phase.room);
    return this.toChat(conversation, 'media-lost');
  }

  /**
   * Video and voice come back to a conversation in chat: a fresh room, both tokens at once,
   * then `call.live` again; each side joins and publishes as on accept.
   */
  async toCall(conversation: Conversation): Promise<void> {
    const { state } = conversation;
    const phase = state.phase;
    if (phase.kind !== 'live' || !state.chat) return;
    const seat = this.seats.get(phase.expert.seat);
    if (seat && callOf(seat)) {
      return this.apply(conversation, { type: 'to-call-refused', why: 'expert-in-other-call' });
    }
    try {
      const media = await this.media.open(state, phase.expert.profile);
      if (!this.alive(conversation, media.room)) return;
      return await this.apply(conversation, { type: 'to-call', media });
    } catch (error) {
      // No media server: stay in chat, and both sides are told why video did not come back.
      this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
      return this.apply(conversation, { type: 'to-call-refused', why: 'media-unavailable' });
    }
  }

  /**
   * What LiveKit says the media did. Logged against the conversation whose room it is; a room
   * that finished under a live call (LiveKit lost it, or ended it after both sides were gone
   * longer than the reconnect grace) leaves that conversation in chat, as media lost.
   */
  mediaEvent(event: MediaEvent): void {
    const id = conversationOfRoom(event.room);
    const conversation = id === undefined ? undefined : this.conversations.get(id);
    const phase = conversation?.state.phase;
    const current =
      (phase?.kind === 'ringing' || phase?.kind === 'live') && phase.room === event.room;
    if (!conversation || !current || this.closed) {
      // The hub lets go of rooms itself (a declined ring, a call ended or gone to chat):
      // LiveKit's word of them comes after the conversation has moved on.
      const reason = conversation
        ? 'no longer the room of its conversation'
        : 'no open conversation has this room';
      this.log('media.ignored', { ...event, reason });
      return;
    }
    this.log('media.event', { ...event, conversation: conversation.id });
    // The room is gone under a ring (it rings on in writing) or a call (it goes on in chat).
    if (event.kind === 'room-finished') {
      this.roomFailed(conversation, event.room).catch((error: unknown) =>
        this.log('hub.error', { conversation: conversation.id, error: String(error) }),
      );
    }
  }

  /** The shopper's connection dropped: they have the grace period to come back. */
  shopperLeft(conversation: Conversation, peer: Peer): void {
    if (conversation.shopper !== peer || conversation.state.phase.kind === 'ended') return;
    conversation.shopper = undefined;
    this.awaitShopper(conversation);
  }

  /** The console dropped: it has the grace period to come back to its conversations. */
  expertLeft(seat: Seat, peer: Peer): void {
    if (seat.peer !== peer) return;
    seat.peer = undefined;
    this.waiting.expertsChanged();
    this.refresh(seat);
    for (const conversation of seat.conversations) {
      // Not the shopper's fault: back to their place for the next expert.
      if (conversation.state.phase.kind === 'ringing') {
        this.apply(conversation, { type: 'expert-gone' }).catch((error: unknown) =>
          this.log('hub.error', { conversation: conversation.id, error: String(error) }),
        );
      }
    }
    if ([...seat.conversations].some((c) => c.state.phase.kind === 'live')) {
      this.awaitExpert(seat);
    } else {
      this.unseat(seat);
    }
  }

  /**
   * One step of a conversation's lifecycle: the state changes at once (the next event sees
   * it), the effects run after those of its earlier steps, and the seat and the queue follow.
   * Resolves once the effects have run; rejects if storage refused them, and then nobody is
   * told what storage did not take.
   */
  private apply(conversation: Conversation, event: LifecycleEvent): Promise<void> {
    const before = conversation.state;
    const { state, effects } = step(before, event, {
      now: this.now(),
      ringTimeoutMs: this.ringTimeoutMs,
    });
    if (state === before && effects.length === 0) return Promise.resolve();
    conversation.state = state;
    this.claim(conversation);
    const done = conversation.effects.then(async () => {
      try {
        for (const effect of effects) await this.run(conversation, effect);
      } finally {
        conversation.settled = state;
        this.settle(conversation, before, state);
      }
    });
    conversation.effects = done.catch(() => {});
    return done;
  }

  /**
   * What a step takes, it takes at once: the seat it is rung on is no longer free, a shopper
   * rung is no longer in line. So one dispatch pass cannot give one expert two rings.
   */
  private claim(conversation: Conversation): void {
    const seat = conversation.seat === undefined ? undefined : this.seats.get(conversation.seat);
    if (seat && !seat.conversations.has(conversation)) {
      seat.conversations.add(conversation);
      this.refresh(seat);
    }
    if (conversation.state.phase.kind !== 'queued') this.waiting.take(conversation);
  }

  /**
   * What a step gives back, it gives back once both sides have been told: the seat it left,
   * the place in line it returns to, the registry entry of an ended conversation. Then the
   * freed experts and the queue are matched again.
   */
  private settle(conversation: Conversation, before: ConversationState, state: ConversationState) {
    const phase = state.phase;
    const was = before.phase.kind === 'ringing' || before.phase.kind === 'live';
    const left = was ? this.seats.get(before.phase.expert.seat) : undefined;
    // The step's own state, not the conversation's now: a later step may already have been
    // taken (an end while the accept's lines are still being stored) and gives back its own.
    const now = phase.kind === 'ringing' || phase.kind === 'live' ? phase.expert.seat : undefined;
    if (left && now !== left.seat && left.conversations.delete(conversation)) {
      if (left.peer) {
        left.idleSince = this.now();
        this.refresh(left);
      } else if (left.conversations.size === 0) {
        this.unseat(left);
      }
    }
    if (phase.kind === 'queued' && before.phase.kind !== 'queued')
      this.waiting.enqueue(conversation);
    if (phase.kind === 'queued' && before.chat !== state.chat) this.waiting.retell(conversation);
    if (phase.kind === 'ended') {
      this.conversations.delete(conversation.id);
      this.waiting.leave(conversation);
      clearTimeout(conversation.shopperGrace);
      clearTimeout(conversation.ringTimer);
    }
    const seat = conversation.seat === undefined ? undefined : this.seats.get(conversation.seat);
    if (seat) this.refresh(seat);
    this.dispatch();
  }

  private async run(conversation: Conversation, effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'store':
        return this.store.update(conversation.id, effect.patch);
      case 'send':
        return this.send(conversation, effect.to, effect.frame);
      case 'say': {
        const line = await this.transcript.system(conversation.id, effect.line, effect.authorName);
        this.send(conversation, 'shopper', line);
        const phase = conversation.state.phase;
        if (phase.kind === 'live') this.send(conversation, phase.expert, line);
        return;
      }
      case 'record':
        await this.transcript.system(conversation.id, effect.line);
        return;
      case 'arm-ring-timer':
        clearTimeout(conversation.ringTimer);
        conversation.ringTimer = setTimeout(() => {
          void this.apply(conversation, { type: 'ring-timeout' }).catch((error: unknown) =>
            this.log('hub.error', { conversation: conversation.id, error: String(error) }),
          );
        }, effect.ms);
        return;
      case 'disarm-ring-timer':
        clearTimeout(conversation.ringTimer);
        return;
      case 'close-room':
        return this.media.close(effect.room);
      case 'handled':
        return this.waiting.handled(conversation, effect.ms);
      case 'set-away': {
        const seat = this.seats.get(effect.seat);
        if (seat) this.setPresence(seat, 'away');
        return;
      }
      case 'log':
        return this.log(effect.event, effect.fields);
    }
  }

  private send(conversation: Conversation, to: Recipient, frame: Parameters<Peer['send']>[0]) {
    if (to === 'shopper') conversation.shopper?.send(frame);
    else this.seats.get(to.seat)?.peer?.send(frame);
  }

  /** Still the conversation it was when a room was asked for; else the room is let go. */
  private alive(conversation: Conversation, room: string): boolean {
    if (this.conversations.get(conversation.id) === conversation && !this.closed) return true;
    this.media.close(room);
    return false;
  }

  private register(state: ConversationState, resumeToken: string, shopper?: Peer): Conversation {
    const conversation = new Conversation(state, resumeToken, shopper);
    this.conversations.set(state.id, conversation);
    const seat = conversation.seat === undefined ? undefined : this.seats.get(conversation.seat);
    seat?.conversations.add(conversation);
    return conversation;
  }

  private newSeat(
    peer: Peer | undefined,
    profile: ExpertProfile,
    skills: { topics?: readonly string[]; languages?: readonly Language[] },
  ): Seat {
    const seat: Seat = {
      seat: randomUUID(),
      expertId: profile.id,
      profile,
      peer,
      presence: 'away',
      conversations: new Set(),
      topics: new Set(),
      languages: new Set(),
      load: 0,
      idleSince: this.now(),
    };
    setSkills(seat, skills);
    this.seats.set(seat.seat, seat);
    return seat;
  }

  /** Tells a returning console what it was doing: its calls and chats, and their messages. */
  private async bringBack(seat: Seat): Promise<void> {
    const expert: ExpertRef = { seat: seat.seat, profile: seat.profile };
    for (const conversation of seat.conversations) {
      const peer = seat.peer;
      if (!peer) return;
      const { state } = conversation;
      const phase = state.phase;
      if (phase.kind !== 'live' && phase.kind !== 'ringing') continue;
      const inCall = hasMedia(conversation);
      if (inCall && !phase.room) continue;
      const media =
        inCall && phase.room
          ? await this.media.expertGrant(seat.profile, phase.room, state)
          : undefined;
      peer.send(ringFrame(state, media, this.ringTimeoutMs));
      if (phase.kind !== 'live') continue;
      peer.send(liveFrame(state, expert));
      if (!inCall) peer.send(chatOnlyFrame(state, expert));
      await this.transcript.replay(conversation.id, peer, 0);
    }
  }

  /** Offers the seat to the waiting room when it can be rung, withdraws it when not. */
  private refresh(seat: Seat): void {
    seat.load = seat.conversations.size;
    this.waiting.offer(seat, this.seats.has(seat.seat) && canBeRung(seat, this.maxChats));
    this.options.rosterChanged?.();
  }

  /** Puts waiting shoppers through to experts who fit, as many pairs as there are. */
  private dispatch(): void {
    if (this.closed) return;
    const fit = (seat: Seat, conversation: Conversation) => fits(seat, conversation, this.maxChats);
    for (const { shopper, expert } of this.waiting.pairs(fit)) {
      this.ring(shopper, expert).catch((error: unknown) =>
        this.log('hub.error', { conversation: shopper.id, error: String(error) }),
      );
    }
    this.waiting.tellPositions();
  }

  /**
   * Rings `seat` for the conversation. The seat is taken at once; the ring goes out as soon as
   * both tokens are signed (here, without asking LiveKit), and the room is made meanwhile: a
   * room that cannot be made turns the ring into a written one (`room-failed`). Without a
   * media server at all the ring is for a written conversation.
   */
  private async ring(conversation: Conversation, seat: Seat): Promise<void> {
    const expert: ExpertRef = { seat: seat.seat, profile: seat.profile };
    const { state } = conversation;
    if (!hasMedia(conversation)) return this.apply(conversation, { type: 'ring', expert });
    // Held for the ring while the tokens are signed, so no other pass takes either of them.
    seat.conversations.add(conversation);
    this.refresh(seat);
    let media: OpenedMedia | undefined;
    try {
      media = await this.media.mint(state, seat.profile);
    } catch (error) {
      // Tokens that cannot be signed (a bad key): the expert can still answer in writing.
      this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
    } finally {
      seat.conversations.delete(conversation);
    }
    // The shopper may have left, or the expert signed out, while the tokens were signed.
    const stillThere = this.seats.get(seat.seat) === seat && seat.peer !== undefined;
    if (!stillThere || conversation.state !== state) {
      this.refresh(seat);
      if (conversation.state.phase.kind === 'queued') {
        this.waiting.enqueue(conversation);
        this.dispatch();
      }
      return;
    }
    if (!media) return this.apply(conversation, { type: 'ring', expert });
    const { room } = media;
    const ringing = this.apply(conversation, { type: 'ring', expert, media });
    this.media.create(room).catch((error: unknown) => {
      this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
      return this.roomFailed(conversation, room).catch((failed: unknown) =>
        this.log('hub.error', { conversation: conversation.id, error: String(failed) }),
      );
    });
    return ringing;
  }

  /** A room of this conversation failed: not made, or a side could not join it. */
  roomFailed(conversation: Conversation, room: string): Promise<void> {
    return this.apply(conversation, { type: 'room-failed', room });
  }

  /**
   * The request list changed: every console gets it, at most twice a second however many
   * requests flood in (the latest list, once the half second is over).
   */
  private requestsMoved(): void {
    if (this.closed) return;
    if (this.requestsTimer) {
      this.requestsChanged = true;
      return;
    }
    this.tellRequests().catch((error: unknown) => this.log('hub.error', { error: String(error) }));
    this.requestsTimer = setTimeout(() => {
      this.requestsTimer = undefined;
      if (!this.requestsChanged) return;
      this.requestsChanged = false;
      this.requestsMoved();
    }, REQUESTS_EVERY_MS);
  }

  /**
   * Tells consoles who waits in the queues their expert answers: one console, from scratch
   * (it just signed in or came back), or every console whose view changed.
   */
  private tellQueues(only?: Seat): void {
    if (this.closed) return;
    if (only) forgetToldQueues(only);
    // Run from the places' timer too: what goes wrong here is logged, never thrown out of it.
    try {
      tellQueues(
        only ? [only] : this.seats.values(),
        this.waiting.lines(),
        this.options.shop,
        this.now(),
      );
    } catch (error) {
      this.log('hub.error', { error: String(error) });
    }
  }

  /** Sends the shop's requests to one console, or to every console signed in. */
  private async tellRequests(peer?: Peer): Promise<void> {
    const peers = peer ? [peer] : [...this.seats.values()].flatMap((s) => (s.peer ? [s.peer] : []));
    if (peers.length === 0) return;
    const requests = await this.offline.list();
    for (const p of peers) p.send({ type: 'expert.requests', requests });
  }

  private awaitExpert(seat: Seat): void {
    clearTimeout(seat.grace);
    seat.grace = setTimeout(() => {
      for (const conversation of seat.conversations) {
        this.finishLater(conversation, 'expert-left');
      }
    }, this.options.reconnectGraceMs);
  }

  private awaitShopper(conversation: Conversation): void {
    clearTimeout(conversation.shopperGrace);
    conversation.shopperGrace = setTimeout(() => {
      if (!conversation.shopper) this.finishLater(conversation, 'shopper-left');
    }, this.options.reconnectGraceMs);
  }

  /** `finish` from a timer: nobody awaits it, so its storage errors are logged here. */
  private finishLater(conversation: Conversation, reason: EndReason): void {
    if (this.closed) return;
    this.finish(conversation, reason).catch((error: unknown) =>
      this.log('hub.error', { conversation: conversation.id, error: String(error) }),
    );
  }

  private unseat(seat: Seat): void {
    clearTimeout(seat.grace);
    this.seats.delete(seat.seat);
    this.waiting.offer(seat, false);
    this.waiting.expertsChanged();
    this.options.rosterChanged?.();
    this.log('expert.signed-out', { expert: seat.expertId });
  }
}

function setSkills(
  seat: Seat,
  skills: { topics?: readonly string[]; languages?: readonly Language[] },
): void {
  const topics = seat.topics as Set<string>;
  const languages = seat.languages as Set<string>;
  topics.clear();
  languages.clear();
  for (const topic of skills.topics ?? []) topics.add(topic);
  for (const language of skills.languages ?? ALL_LANGUAGES) languages.add(language);
}

/**
 * A stored conversation back into lifecycle data, every field checked against the protocol:
 * undefined if storage holds something this hub cannot take up again.
 */
function recovered(record: ConversationRecord): Omit<ConversationState, 'phase'> | undefined {
  const mode = v.safeParse(CallMode, record.mode);
  const lang = v.safeParse(Language, record.lang);
  const context = v.safeParse(ShopperContext, record.context);
  const chat = record.state.startsWith('chat-')
    ? v.safeParse(ChatReason, record.state.slice('chat-'.length))
    : undefined;
  if (!mode.success || !lang.success || !context.success || (chat && !chat.success)) {
    return undefined;
  }
  return {
    id: record.id,
    since: record.createdAt,
    mode: mode.output,
    lang: lang.output,
    topic: record.topic ?? undefined,
    displayName: record.displayName ?? undefined,
    ...(record.customer ? { customer: record.customer } : {}),
    context: context.output,
    chat: chat?.output ?? (mode.output === 'chat' ? 'chosen' : undefined),
    skippedBy: new Set(),
  };
}

/** Consoles get the request list again at most this often. */
const REQUESTS_EVERY_MS = 500;

/** What an expert's console is told when its session is refused, by why. */
const SESSION_REFUSED: Record<Extract<SessionCheck, { refused: unknown }>['refused'], string> = {
  invalid: 'This expert session is not valid.',
  'no-expiry': 'This expert session never expires (no exp): sessions must.',
  'too-long': 'This expert session lasts longer than this hub allows.',
  'no-subject': 'This expert session names no expert (empty sub).',
  'no-name': 'This expert session has no display name.',
};

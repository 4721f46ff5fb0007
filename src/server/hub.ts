/**
 * The hub's core: the life of conversations. Queued, rung, live (with video or voice, or in
 * chat only), ended. Transport-free: connection.ts turns a browser's frames into these calls
 * after checking who may make them, so tests can drive the hub through its real socket.
 *
 * The conversation, not the connection, is what lives (design.md): it is stored, a browser
 * that loses its socket has a grace period to come back and resume it, and a restarted hub
 * picks up the conversations it had from storage.
 *
 * Join during the ring, publish on accept: when a shopper is assigned to an expert the hub
 * opens the room and mints both tokens at once, so both browsers join while the console rings
 * and accept only has to publish.
 *
 * An expert holds one call, or up to `maxChats` chats at once (conversation.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  Availability,
  CallMode,
  ChatReason,
  ClientMessageOf,
  EndReason,
  ExpertProfile,
  ExpertStatus,
  Language,
  MediaGrant,
  RingEndReason,
  ShopperContext,
} from '../protocol/index.js';
import { HubError, wrongState } from './errors.js';
import {
  callOf,
  canBeRung,
  fits,
  hasMedia,
  type Conversation,
  type Peer,
  type Seat,
} from './lifecycle/conversation.js';
import { ConversationMedia } from './media/conversation-media.js';
import { answers } from './routing/dispatcher.js';
import type { ExpertSessions } from './auth/expert-sessions.js';
import { chatOnlyFrame, liveFrame, ringFrame, tellBoth } from './transport/frames.js';
import type { MediaRooms } from './media/media-rooms.js';
import { OfflineDesk } from './offline/offline-desk.js';
import type { ShopConfig } from './config/shop-config.js';
import type { ConversationStore } from './storage/conversation-store.js';
import type { RequestStore } from './storage/requests-store.js';
import { Transcript } from './transcript.js';
import { WaitingRoom } from './routing/waiting-room.js';

export type { Peer } from './lifecycle/conversation.js';

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
}

/** Languages an expert who does not say speaks. */
const ALL_LANGUAGES: readonly Language[] = ['en', 'fr'];

export class Hub {
  private readonly conversations = new Map<string, Conversation>();
  private readonly seats = new Set<Seat>();
  private readonly now: () => number;
  private readonly log: NonNullable<HubOptions['log']>;
  private readonly store: ConversationStore;
  private readonly transcript: Transcript;
  private readonly media: ConversationMedia;
  readonly offline: OfflineDesk;
  private readonly waiting: WaitingRoom;
  private readonly maxChats: number;
  private readonly ringTimeoutMs: number;
  private closed = false;

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.store = options.store;
    this.transcript = new Transcript(options.store);
    this.media = new ConversationMedia(options.rooms, this.log);
    this.maxChats = options.shop.limits.maxChatsPerExpert;
    this.waiting = new WaitingRoom({
      maxWaitMs: options.shop.limits.maxWaitMs,
      now: this.now,
      seats: () => this.seats,
    });
    this.ringTimeoutMs = options.shop.limits.ringTimeoutMs;
    this.offline = new OfflineDesk(options.shop, options.requests, this.now, () => {
      this.tellRequests().catch((error: unknown) =>
        this.log('hub.error', { error: String(error) }),
      );
    });
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
    for (const seat of this.seats) clearTimeout(seat.grace);
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
      const conversation = this.newConversation({
        id: record.id,
        since: record.createdAt,
        mode: record.mode as CallMode,
        lang: record.lang as Language,
        topic: record.topic ?? undefined,
        displayName: record.displayName ?? undefined,
        context: record.context as ShopperContext,
        resumeToken: '',
        shopper: undefined,
        chatReason: chatReasonOf(record.state),
      });
      const live = (record.state === 'live' && record.room) || conversation.chatReason;
      if (live && record.expertId) {
        const profile = { id: record.expertId, name: record.expertName ?? '' };
        const seat =
          [...this.seats].find((s) => s.expertId === profile.id) ??
          this.newSeat(undefined, profile, {});
        seat.conversations.add(conversation);
        conversation.expert = seat;
        if (record.room) conversation.room = record.room;
        conversation.state = 'live';
        conversation.liveSince = this.now();
        this.awaitExpert(seat);
      } else {
        this.waiting.arrive(conversation);
      }
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
    const conversation = this.newConversation({
      id: randomUUID(),
      since: this.now(),
      mode: message.mode,
      lang: message.lang,
      topic: message.topic,
      displayName: message.displayName,
      context: message.context,
      resumeToken: randomBytes(24).toString('base64url'),
      shopper: peer,
      chatReason: message.mode === 'chat' ? 'chosen' : undefined,
    });
    try {
      // Stored before anything is promised to the shopper.
      await this.store.create({
        id: conversation.id,
        mode: conversation.mode,
        lang: conversation.lang,
        topic: conversation.topic,
        displayName: conversation.displayName,
        context: conversation.context,
        state: 'queued',
        resumeToken: conversation.resumeToken,
      });
    } catch (error) {
      this.conversations.delete(conversation.id);
      throw error;
    }
    peer.send({
      type: 'conversation.opened',
      conversationId: conversation.id,
      resumeToken: conversation.resumeToken,
    });
    this.waiting.arrive(conversation);
    this.log('conversation.requested', { conversation: conversation.id, mode: message.mode });
    this.dispatch();
    return conversation;
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
    const seat = conversation.expert;
    if (conversation.state === 'queued') {
      conversation.told = undefined;
      this.dispatch();
    } else if (conversation.chatReason && seat) {
      peer.send(chatOnlyFrame(conversation, seat));
    } else if (conversation.room) {
      peer.send({
        type: 'shopper.connecting',
        conversationId: conversation.id,
        media: await this.media.shopperGrant(conversation, conversation.room),
      });
    }
    if (conversation.state === 'live' && hasMedia(conversation) && seat) {
      peer.send(liveFrame(conversation, seat));
    }
    await this.transcript.replay(conversation, peer, message.lastSeq);
    this.log('conversation.resumed', { conversation: conversation.id, state: conversation.state });
    return conversation;
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

  /** Signs an expert in, back into their seat if they held conversations when they dropped. */
  async signIn(peer: Peer, message: ClientMessageOf<'expert.auth'>): Promise<Seat> {
    const profile = await this.options.sessions.verify(message.session);
    if (!profile) throw new HubError('unauthorized', 'This expert session is not valid.');
    const returning = [...this.seats].find(
      (s) => s.expertId === profile.id && !s.peer && s.conversations.size > 0,
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
          .filter((c) => c.state === 'live')
          .map((c) => c.id),
      });
      await this.tellRequests(peer);
      this.refresh(returning);
      await this.bringBack(returning);
      this.log('expert.resumed', { expert: profile.id });
      this.dispatch();
      return returning;
    }
    const seat = this.newSeat(peer, profile, message);
    peer.send({ type: 'expert.ready', expert: profile, status: seat.presence });
    await this.tellRequests(peer);
    this.log('expert.signed-in', { expert: profile.id });
    return seat;
  }

  /**
   * What the launcher shows: open or not, whether a call or a chat could start now, and the
   * shop's own words in `lang` (or its first language).
   */
  availability(topic: string | undefined, lang: string | undefined): Availability {
    const opening = this.offline.knows(topic) ? this.offline.opening(topic) : { open: false };
    const onDuty = [...this.seats].filter(
      (s) => s.peer && s.presence === 'available' && answers(s, { topic, lang }),
    );
    const state = (free: (seat: Seat) => boolean) =>
      !opening.open || onDuty.length === 0 ? 'none' : onDuty.some(free) ? 'free' : 'busy';
    return {
      ...opening,
      call: state((s) => canBeRung(s, this.maxChats) && s.conversations.size === 0),
      chat: state((s) => canBeRung(s, this.maxChats)),
      texts: this.offline.words(lang),
    };
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
    this.refresh(seat);
    this.dispatch();
  }

  async accept(conversation: Conversation): Promise<void> {
    const seat = conversation.expert!;
    clearTimeout(conversation.ringTimer);
    conversation.state = 'live';
    conversation.liveSince = this.now();
    tellBoth(conversation, liveFrame(conversation, seat));
    if (conversation.chatReason) tellBoth(conversation, chatOnlyFrame(conversation, seat));
    this.log('conversation.live', { conversation: conversation.id, expert: seat.expertId });
    // Room for another chat, perhaps.
    this.refresh(seat);
    this.dispatch();
    await this.store.update(conversation.id, {
      state: conversation.chatReason ? `chat-${conversation.chatReason}` : 'live',
      expert: seat.profile,
      room: conversation.room ?? null,
    });
    await this.transcript.system(conversation, 'expert-joined', seat.profile.name);
    if (conversation.chatReason === 'media-unavailable') {
      await this.transcript.system(conversation, 'media-unavailable');
    }
  }

  /** A ring that was not accepted: the shopper goes back to their place, this expert is skipped. */
  endRing(conversation: Conversation, reason: RingEndReason): void {
    const seat = conversation.expert;
    if (conversation.state !== 'ringing' || !seat) return;
    clearTimeout(conversation.ringTimer);
    seat.peer?.send({ type: 'expert.ring-ended', conversationId: conversation.id, reason });
    seat.conversations.delete(conversation);
    conversation.expert = undefined;
    this.media.close(conversation);
    if (reason !== 'shopper-cancelled') {
      conversation.skippedBy.add(seat.expertId);
      conversation.state = 'queued';
      this.waiting.enqueue(conversation);
    }
    // An expert who lets a ring time out is probably not at their desk.
    if (reason === 'timeout') this.setPresence(seat, 'away');
    this.refresh(seat);
    this.log('conversation.ring-ended', { conversation: conversation.id, reason });
    this.dispatch();
  }

  /** Ends a conversation in any state, tells both sides, and frees the expert. */
  async finish(conversation: Conversation, reason: EndReason): Promise<void> {
    if (conversation.state === 'ended') return;
    const wasLive = conversation.state === 'live';
    if (conversation.state === 'ringing') this.endRing(conversation, 'shopper-cancelled');
    this.waiting.leave(conversation);
    conversation.state = 'ended';
    clearTimeout(conversation.shopperGrace);
    this.conversations.delete(conversation.id);
    tellBoth(conversation, { type: 'call.ended', conversationId: conversation.id, reason });
    const seat = conversation.expert;
    if (seat) {
      seat.conversations.delete(conversation);
      conversation.expert = undefined;
      if (conversation.liveSince !== undefined) {
        this.waiting.handled(conversation, this.now() - conversation.liveSince);
      }
      if (seat.peer) {
        seat.idleSince = this.now();
        this.refresh(seat);
      } else if (seat.conversations.size === 0) {
        this.unseat(seat);
      }
    }
    this.media.close(conversation);
    this.log('conversation.ended', { conversation: conversation.id, reason });
    this.dispatch();
    if (wasLive) await this.transcript.record(conversation, 'call-ended');
    await this.store.update(conversation.id, { state: 'ended', endReason: reason });
  }

  /** A chat message from one side: stored, then shown to both. */
  say(
    conversation: Conversation,
    author: 'shopper' | 'expert',
    message: { clientId: string; text: string },
  ): Promise<void> {
    return this.transcript.post(conversation, {
      conversationId: conversation.id,
      clientId: message.clientId,
      author,
      authorName:
        author === 'expert'
          ? (conversation.expert?.profile.name ?? '')
          : (conversation.displayName ?? ''),
      text: message.text,
    });
  }

  replay(conversation: Conversation, peer: Peer, afterSeq: number): Promise<void> {
    return this.transcript.replay(conversation, peer, afterSeq);
  }

  typing(conversation: Conversation, author: 'shopper' | 'expert'): void {
    const other = author === 'expert' ? conversation.shopper : conversation.expert?.peer;
    other?.send({ type: 'chat.typing', conversationId: conversation.id, author });
  }

  /**
   * A waiting shopper would rather write than wait for video: they keep their place, and any
   * expert with room for a chat can now take them.
   */
  async waitForChat(conversation: Conversation): Promise<void> {
    if (conversation.state !== 'queued' || conversation.chatReason) return;
    conversation.chatReason = 'chosen';
    conversation.told = undefined;
    await this.store.update(conversation.id, { state: 'chat-chosen' });
    this.dispatch();
  }

  /**
   * Video and voice gave way (a side's media did not come back, or a side chose to write): the
   * conversation goes on in chat, both sides are told why, and the room is let go. Said once,
   * whoever says it first.
   */
  async toChat(conversation: Conversation, reason: 'media-lost' | 'chosen'): Promise<void> {
    const seat = conversation.expert;
    if (conversation.state !== 'live' || conversation.chatReason || !seat) return;
    conversation.chatReason = reason;
    this.media.close(conversation);
    tellBoth(conversation, chatOnlyFrame(conversation, seat));
    this.log('conversation.chat', { conversation: conversation.id, reason });
    this.refresh(seat);
    this.dispatch();
    await this.store.update(conversation.id, { state: `chat-${reason}`, room: null });
    await this.transcript.system(
      conversation,
      reason === 'chosen' ? 'switched-to-chat' : 'media-lost',
    );
  }

  /**
   * Video and voice come back to a conversation in chat: a fresh room, both tokens at once,
   * then `call.live` again; each side joins and publishes as on accept.
   */
  async toCall(conversation: Conversation): Promise<void> {
    const seat = conversation.expert;
    if (conversation.state !== 'live' || !conversation.chatReason || !seat) return;
    if (callOf(seat)) {
      await this.transcript.system(conversation, 'expert-in-other-call');
      return;
    }
    let opened;
    try {
      opened = await this.media.open(conversation, seat);
    } catch (error) {
      // No media server: stay in chat, and both sides are told why video did not come back.
      this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
      conversation.chatReason = 'media-unavailable';
      tellBoth(conversation, chatOnlyFrame(conversation, seat));
      await this.transcript.system(conversation, 'media-unavailable');
      return;
    }
    const { room, expert, shopper } = opened;
    conversation.chatReason = undefined;
    conversation.room = room;
    this.refresh(seat);
    seat.peer?.send(ringFrame(conversation, expert, this.ringTimeoutMs));
    conversation.shopper?.send({
      type: 'shopper.connecting',
      conversationId: conversation.id,
      media: shopper,
    });
    tellBoth(conversation, liveFrame(conversation, seat));
    this.log('conversation.call', { conversation: conversation.id });
    await this.store.update(conversation.id, { state: 'live', room });
    await this.transcript.system(conversation, 'switched-to-call');
  }

  /** The shopper's connection dropped: they have the grace period to come back. */
  shopperLeft(conversation: Conversation, peer: Peer): void {
    if (conversation.shopper !== peer || conversation.state === 'ended') return;
    conversation.shopper = undefined;
    this.awaitShopper(conversation);
  }

  /** The console dropped: it has the grace period to come back to its conversations. */
  expertLeft(seat: Seat, peer: Peer): void {
    if (seat.peer !== peer) return;
    seat.peer = undefined;
    this.refresh(seat);
    for (const conversation of seat.conversations) {
      if (conversation.state !== 'ringing') continue;
      // Not the shopper's fault: back to their place for the next expert.
      clearTimeout(conversation.ringTimer);
      seat.conversations.delete(conversation);
      conversation.expert = undefined;
      conversation.state = 'queued';
      this.media.close(conversation);
      this.waiting.enqueue(conversation);
    }
    if (seat.conversations.size > 0) this.awaitExpert(seat);
    else this.unseat(seat);
    this.dispatch();
  }

  private newConversation(
    fields: Omit<Conversation, 'state' | 'skippedBy' | 'expert' | 'room'>,
  ): Conversation {
    const conversation: Conversation = { ...fields, state: 'queued', skippedBy: new Set() };
    this.conversations.set(conversation.id, conversation);
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
    this.seats.add(seat);
    return seat;
  }

  /** Tells a returning console what it was doing: its calls and chats, and their messages. */
  private async bringBack(seat: Seat): Promise<void> {
    for (const conversation of seat.conversations) {
      const peer = seat.peer;
      if (!peer) return;
      const inCall = hasMedia(conversation);
      if (inCall && !conversation.room) continue;
      const media =
        inCall && conversation.room
          ? await this.media.expertGrant(seat, conversation.room)
          : undefined;
      peer.send(ringFrame(conversation, media, this.ringTimeoutMs));
      if (conversation.state !== 'live') continue;
      peer.send(liveFrame(conversation, seat));
      if (!inCall) peer.send(chatOnlyFrame(conversation, seat));
      await this.transcript.replay(conversation, peer, 0);
    }
  }

  /** Offers the seat to the waiting room when it can be rung, withdraws it when not. */
  private refresh(seat: Seat): void {
    seat.load = seat.conversations.size;
    this.waiting.offer(seat, this.seats.has(seat) && canBeRung(seat, this.maxChats));
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

  private async ring(conversation: Conversation, seat: Seat): Promise<void> {
    conversation.state = 'ringing';
    conversation.told = undefined;
    conversation.expert = seat;
    seat.conversations.add(conversation);
    this.refresh(seat);
    let grants: { room?: string; expert?: MediaGrant; shopper?: MediaGrant } = {};
    if (hasMedia(conversation)) {
      try {
        grants = await this.media.open(conversation, seat);
      } catch (error) {
        // No media server: the expert can still answer in writing.
        this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
        conversation.chatReason = 'media-unavailable';
      }
    }
    // The shopper may have left, or the expert signed out, while the room was being made.
    if (conversation.state !== 'ringing' || conversation.expert !== seat) {
      if (grants.room) this.media.closeNamed(grants.room);
      return;
    }
    conversation.room = grants.room;
    conversation.ringTimer = setTimeout(
      () => this.endRing(conversation, 'timeout'),
      this.ringTimeoutMs,
    );
    seat.peer?.send(ringFrame(conversation, grants.expert, this.ringTimeoutMs));
    conversation.shopper?.send({
      type: 'shopper.connecting',
      conversationId: conversation.id,
      ...(grants.shopper ? { media: grants.shopper } : {}),
    });
    this.log('conversation.ringing', { conversation: conversation.id, expert: seat.expertId });
  }

  /** Sends the shop's requests to one console, or to every console signed in. */
  private async tellRequests(peer?: Peer): Promise<void> {
    const peers = peer ? [peer] : [...this.seats].flatMap((s) => (s.peer ? [s.peer] : []));
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
      this.unseat(seat);
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
    this.seats.delete(seat);
    this.waiting.offer(seat, false);
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

/** A stored state `chat-<reason>` back into its reason; undefined for any other state. */
function chatReasonOf(state: string): ChatReason | undefined {
  const reason = state.startsWith('chat-') ? state.slice('chat-'.length) : undefined;
  return reason === 'chosen' || reason === 'media-lost' || reason === 'media-unavailable'
    ? reason
    : undefined;
}

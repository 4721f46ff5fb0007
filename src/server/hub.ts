/**
 * The hub's core: conversations, the queue, ringing, accept, chat and hang-up. Transport-free:
 * the HTTP/WebSocket layer hands it frames and a way to answer, so tests can drive it directly.
 *
 * The conversation, not the connection, is what lives (design.md): it is stored, a browser
 * that loses its socket has a grace period to come back and resume it, and a restarted hub
 * picks up the conversations it had from storage.
 *
 * Join during the ring, publish on accept: when a shopper is assigned to an expert the hub
 * opens the room and mints both tokens at once, so both browsers join while the console rings
 * and accept only has to publish.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  decodeClientFrame,
  type CallMode,
  type ChatReason,
  type ClientMessage,
  type ClientMessageOf,
  type EndReason,
  type ErrorReason,
  type ExpertProfile,
  type ExpertStatus,
  type Language,
  type MediaGrant,
  type RingEndReason,
  type ServerMessage,
  type ShopperContext,
} from '../protocol/index.js';
import { Dispatcher, type FreeExpert, type Waiting } from './dispatcher.js';
import type { ExpertSessions } from './expert-sessions.js';
import type { MediaRooms } from './media-rooms.js';
import type { ConversationStore, NewMessage, StoredMessage } from './storage/conversation-store.js';

/** One browser connection, as the transport gives it to the hub. */
export interface Peer {
  send(message: ServerMessage): void;
}

export interface HubOptions {
  rooms: MediaRooms;
  sessions: ExpertSessions;
  store: ConversationStore;
  /** Lets `expert.dev-login` sign anyone in by name: for the demo and tests only. */
  devLogin: boolean;
  /** How long a console rings before the shopper goes to the next expert. */
  ringTimeoutMs: number;
  /** How long a conversation waits for a side whose connection dropped to come back. */
  reconnectGraceMs: number;
  log?: (event: string, fields?: Record<string, unknown>) => void;
  now?: () => number;
}

export interface Connection {
  receive(frame: string, byteLength?: number): Promise<void>;
  /** The transport lost this peer: it has `reconnectGraceMs` to resume. */
  closed(): void;
}

interface Conversation extends Waiting {
  readonly mode: CallMode;
  readonly lang: Language;
  readonly displayName: string | undefined;
  readonly context: ShopperContext;
  readonly resumeToken: string;
  /** The shopper's connection; undefined while they are away (reconnecting, changing page). */
  shopper: Peer | undefined;
  state: 'queued' | 'ringing' | 'live' | 'ended';
  /** Set when the conversation is in chat only (no media), with why; unset for a call. */
  chatReason: ChatReason | undefined;
  expert?: Seat;
  room?: string;
  ringTimer?: ReturnType<typeof setTimeout>;
  /** Ends the conversation if the shopper does not come back in time. */
  shopperGrace?: ReturnType<typeof setTimeout>;
  /** The queue position this shopper was last told, so unchanged positions are not resent. */
  toldPosition?: number;
}

interface Seat extends FreeExpert {
  readonly profile: ExpertProfile;
  /** The console's connection; undefined while it is reconnecting. */
  peer: Peer | undefined;
  status: ExpertStatus;
  conversation?: Conversation;
  grace?: ReturnType<typeof setTimeout>;
}

type Role =
  | { kind: 'anonymous' }
  | { kind: 'shopper'; conversation: Conversation }
  | { kind: 'expert'; seat: Seat };

class HubError extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export class Hub {
  private readonly dispatcher = new Dispatcher<Conversation, Seat>();
  private readonly conversations = new Map<string, Conversation>();
  private readonly seats = new Set<Seat>();
  private readonly now: () => number;
  private readonly log: NonNullable<HubOptions['log']>;
  private readonly store: ConversationStore;
  private closed = false;

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.store = options.store;
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
    }
    for (const seat of this.seats) clearTimeout(seat.grace);
  }

  /** Counts for health checks and tests. */
  stats() {
    return {
      waiting: this.dispatcher.queue().length,
      freeExperts: this.dispatcher.freeCount(),
      experts: this.seats.size,
      conversations: this.conversations.size,
    };
  }

  /**
   * Picks up the conversations a previous hub process left open: the waiting go back to the
   * queue in their order, live calls wait for their shopper and expert to reconnect.
   */
  async recover(): Promise<void> {
    for (const record of await this.store.open()) {
      const conversation: Conversation = {
        id: record.id,
        since: record.createdAt,
        skippedBy: new Set(),
        mode: record.mode as CallMode,
        lang: record.lang as Language,
        displayName: record.displayName ?? undefined,
        context: record.context as ShopperContext,
        resumeToken: '',
        shopper: undefined,
        state: 'queued',
        chatReason: chatReasonOf(record.state),
      };
      this.conversations.set(conversation.id, conversation);
      const live = (record.state === 'live' && record.room) || conversation.chatReason;
      if (live && record.expertId) {
        const profile = { id: record.expertId, name: record.expertName ?? '' };
        const seat = this.newSeat(undefined, profile);
        seat.status = 'busy';
        seat.conversation = conversation;
        conversation.expert = seat;
        if (record.room) conversation.room = record.room;
        conversation.state = 'live';
        this.awaitExpert(seat);
      } else {
        this.dispatcher.enqueue(conversation);
      }
      this.awaitShopper(conversation);
    }
    if (this.conversations.size)
      this.log('hub.recovered', { conversations: this.conversations.size });
  }

  connect(peer: Peer): Connection {
    let role: Role = { kind: 'anonymous' };
    // Frames of one connection are handled in order even when one awaits (storage, LiveKit).
    let queue: Promise<void> = Promise.resolve();

    const handle = async (message: ClientMessage): Promise<void> => {
      switch (message.type) {
        case 'shopper.request':
          if (role.kind !== 'anonymous') throw wrongState('This connection already has a role.');
          role = { kind: 'shopper', conversation: await this.request(peer, message) };
          return;
        case 'conversation.resume':
          if (role.kind !== 'anonymous') throw wrongState('This connection already has a role.');
          role = { kind: 'shopper', conversation: await this.resume(peer, message) };
          return;
        case 'shopper.cancel':
          if (role.kind !== 'shopper') throw wrongState('Only a shopper can leave the queue.');
          return this.finish(role.conversation, 'shopper-cancelled');
        case 'expert.dev-login':
          return this.devLogin(peer, message.name);
        case 'expert.auth': {
          if (role.kind !== 'anonymous') throw wrongState('This connection already has a role.');
          const profile = await this.options.sessions.verify(message.session);
          if (!profile) throw new HubError('unauthorized', 'This expert session is not valid.');
          role = { kind: 'expert', seat: this.seatExpert(peer, profile) };
          return;
        }
        case 'expert.set-presence':
          return this.setPresence(expertSeat(role), message.status);
        case 'expert.accept':
          return this.accept(expertSeat(role), message.conversationId);
        case 'expert.decline':
          return this.endRing(ringingFor(expertSeat(role), message.conversationId), 'declined');
        case 'call.end':
          return this.hangUp(role, message);
        case 'chat.send': {
          const conversation = this.chattingIn(role, message.conversationId);
          const self = role as Exclude<Role, { kind: 'anonymous' }>;
          await this.post(conversation, {
            conversationId: conversation.id,
            clientId: message.clientId,
            author: self.kind,
            authorName:
              self.kind === 'expert' ? self.seat.profile.name : (conversation.displayName ?? ''),
            text: message.text,
          });
          return;
        }
        case 'chat.sync': {
          const conversation = this.memberOf(role, message.conversationId);
          return this.replay(conversation, peer, message.lastSeq);
        }
        case 'media.lost':
          return this.toChat(this.memberOf(role, message.conversationId));
        case 'media.switch': {
          const conversation = this.chattingIn(role, message.conversationId);
          return message.to === 'chat'
            ? this.toChat(conversation, 'chosen')
            : this.toCall(conversation);
        }
        case 'chat.typing': {
          const conversation = this.chattingIn(role, message.conversationId);
          const author = role.kind === 'expert' ? 'expert' : 'shopper';
          const other = author === 'expert' ? conversation.shopper : conversation.expert?.peer;
          other?.send({ type: 'chat.typing', conversationId: conversation.id, author });
          return;
        }
        default:
          return unreachable(message);
      }
    };

    return {
      receive: (frame, byteLength) => {
        const run = async () => {
          const decoded = decodeClientFrame(frame, byteLength);
          if (!decoded.ok) {
            peer.send({
              type: 'error',
              reason: decoded.reason,
              message: decoded.detail,
              ...(decoded.ref ? { ref: decoded.ref } : {}),
            });
            return;
          }
          try {
            await handle(decoded.message);
          } catch (error) {
            const known = error instanceof HubError;
            if (!known) this.log('hub.error', { error: String(error) });
            peer.send({
              type: 'error',
              reason: known ? error.reason : 'internal',
              message: known ? error.message : 'The hub could not handle this message.',
              ref: decoded.message.type,
            });
          }
        };
        queue = queue.then(run);
        return queue;
      },
      closed: () => {
        queue = queue.then(() => {
          if (
            role.kind === 'shopper' &&
            role.conversation.shopper === peer &&
            role.conversation.state !== 'ended'
          ) {
            role.conversation.shopper = undefined;
            this.awaitShopper(role.conversation);
          }
          if (role.kind === 'expert' && role.seat.peer === peer) this.leaveSeat(role.seat);
        });
      },
    };
  }

  private async request(
    peer: Peer,
    message: ClientMessageOf<'shopper.request'>,
  ): Promise<Conversation> {
    const conversation: Conversation = {
      id: randomUUID(),
      since: this.now(),
      skippedBy: new Set(),
      mode: message.mode,
      lang: message.lang,
      displayName: message.displayName,
      context: message.context,
      resumeToken: randomBytes(24).toString('base64url'),
      shopper: peer,
      state: 'queued',
      chatReason: message.mode === 'chat' ? 'chosen' : undefined,
    };
    // Stored before anything is promised to the shopper.
    await this.store.create({
      id: conversation.id,
      mode: conversation.mode,
      lang: conversation.lang,
      displayName: conversation.displayName,
      context: conversation.context,
      state: 'queued',
      resumeToken: conversation.resumeToken,
    });
    this.conversations.set(conversation.id, conversation);
    peer.send({
      type: 'conversation.opened',
      conversationId: conversation.id,
      resumeToken: conversation.resumeToken,
    });
    this.dispatcher.enqueue(conversation);
    this.log('conversation.requested', { conversation: conversation.id, mode: message.mode });
    this.dispatch();
    return conversation;
  }

  /** A shopper comes back: same conversation, what they missed, and media again if live. */
  private async resume(
    peer: Peer,
    message: ClientMessageOf<'conversation.resume'>,
  ): Promise<Conversation> {
    const conversation = this.conversations.get(message.conversationId);
    const valid = await this.store.checkResumeToken(message.conversationId, message.resumeToken);
    if (!conversation || !valid) {
      throw new HubError('wrong-state', 'This conversation has ended or cannot be resumed.');
    }
    clearTimeout(conversation.shopperGrace);
    conversation.shopper = peer;
    peer.send({
      type: 'conversation.opened',
      conversationId: conversation.id,
      resumeToken: message.resumeToken,
    });
    if (conversation.state === 'queued') {
      conversation.toldPosition = undefined;
      this.dispatch();
    } else if (conversation.chatReason && conversation.expert) {
      peer.send(this.chatMessage(conversation, conversation.expert));
    } else if (conversation.room) {
      peer.send({
        type: 'shopper.connecting',
        conversationId: conversation.id,
        media: await this.shopperGrant(conversation, conversation.room),
      });
    }
    if (conversation.state === 'live' && !conversation.chatReason && conversation.expert) {
      peer.send(this.liveMessage(conversation, conversation.expert));
    }
    await this.replay(conversation, peer, message.lastSeq);
    this.log('conversation.resumed', { conversation: conversation.id, state: conversation.state });
    return conversation;
  }

  private async devLogin(peer: Peer, name: string): Promise<void> {
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

  private newSeat(peer: Peer | undefined, profile: ExpertProfile): Seat {
    const seat: Seat = {
      seat: randomUUID(),
      expertId: profile.id,
      profile,
      peer,
      status: 'away',
      idleSince: this.now(),
    };
    this.seats.add(seat);
    return seat;
  }

  /** Signs an expert in, back into their seat if they were in a conversation when they dropped. */
  private seatExpert(peer: Peer, profile: ExpertProfile): Seat {
    const waiting = [...this.seats].find(
      (s) => s.expertId === profile.id && !s.peer && s.conversation,
    );
    if (waiting) {
      clearTimeout(waiting.grace);
      waiting.peer = peer;
      peer.send({ type: 'expert.ready', expert: waiting.profile, status: waiting.status });
      void this.bringBack(waiting);
      this.log('expert.resumed', { expert: profile.id });
      return waiting;
    }
    const seat = this.newSeat(peer, profile);
    peer.send({ type: 'expert.ready', expert: profile, status: seat.status });
    this.log('expert.signed-in', { expert: profile.id });
    return seat;
  }

  /** Tells a returning console what it was doing: the ring, the call, the messages. */
  private async bringBack(seat: Seat): Promise<void> {
    const conversation = seat.conversation;
    if (!conversation || !seat.peer) return;
    const inCall = !conversation.chatReason;
    if (inCall && !conversation.room) return;
    const media =
      inCall && conversation.room
        ? await this.options.rooms.grant(conversation.room, this.expertIdentity(seat))
        : undefined;
    seat.peer.send(this.ringMessage(conversation, media));
    if (conversation.state !== 'live') return;
    seat.peer.send(this.liveMessage(conversation, seat));
    if (!inCall) seat.peer.send(this.chatMessage(conversation, seat));
    await this.replay(conversation, seat.peer, 0);
  }

  private setPresence(seat: Seat, status: 'available' | 'away'): void {
    if (seat.status === 'busy')
      throw wrongState('Finish the current call before changing presence.');
    this.setStatus(seat, status);
    this.dispatch();
  }

  private setStatus(seat: Seat, status: ExpertStatus): void {
    if (seat.status !== status && status === 'available') seat.idleSince = this.now();
    seat.status = status;
    if (status === 'available' && seat.peer) this.dispatcher.markFree(seat);
    else this.dispatcher.markBusy(seat.seat);
    seat.peer?.send({ type: 'expert.presence', status });
  }

  /** Puts waiting shoppers through to free experts, as many pairs as there are. */
  private dispatch(): void {
    const reachable = (conversation: Conversation) => conversation.shopper !== undefined;
    for (let pair = this.dispatcher.next(reachable); pair; pair = this.dispatcher.next(reachable)) {
      this.ring(pair.shopper, pair.expert).catch((error: unknown) =>
        this.log('hub.error', { conversation: pair.shopper.id, error: String(error) }),
      );
    }
    this.tellPositions();
  }

  private async ring(conversation: Conversation, seat: Seat): Promise<void> {
    conversation.state = 'ringing';
    conversation.toldPosition = undefined;
    conversation.expert = seat;
    seat.conversation = conversation;
    this.setStatus(seat, 'busy');
    let grants: { room?: string; expert?: MediaGrant; shopper?: MediaGrant } = {};
    if (!conversation.chatReason) {
      try {
        grants = await this.openRoom(conversation, seat);
      } catch (error) {
        // No media server: the expert can still answer in writing.
        this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
        conversation.chatReason = 'media-unavailable';
      }
    }
    // The shopper may have left, or the expert signed out, while the room was being made.
    if (conversation.state !== 'ringing' || conversation.expert !== seat) {
      if (grants.room) this.closeRoomNamed(grants.room);
      return;
    }
    conversation.room = grants.room;

    conversation.ringTimer = setTimeout(
      () => this.endRing(conversation, 'timeout'),
      this.options.ringTimeoutMs,
    );
    seat.peer?.send(this.ringMessage(conversation, grants.expert));
    conversation.shopper?.send({
      type: 'shopper.connecting',
      conversationId: conversation.id,
      ...(grants.shopper ? { media: grants.shopper } : {}),
    });
    this.log('conversation.ringing', { conversation: conversation.id, expert: seat.expertId });
  }

  private async accept(seat: Seat, conversationId: string): Promise<void> {
    const conversation = ringingFor(seat, conversationId);
    clearTimeout(conversation.ringTimer);
    conversation.state = 'live';
    const live = this.liveMessage(conversation, seat);
    seat.peer?.send(live);
    conversation.shopper?.send(live);
    if (conversation.chatReason) {
      const chat = this.chatMessage(conversation, seat);
      seat.peer?.send(chat);
      conversation.shopper?.send(chat);
    }
    this.log('conversation.live', { conversation: conversationId, expert: seat.expertId });
    await this.store.update(conversation.id, {
      state: conversation.chatReason ? `chat-${conversation.chatReason}` : 'live',
      expert: seat.profile,
      room: conversation.room ?? null,
    });
    await this.post(conversation, {
      conversationId,
      clientId: null,
      author: 'system',
      authorName: seat.profile.name,
      text: 'expert-joined',
    });
    if (conversation.chatReason === 'media-unavailable') {
      await this.post(conversation, {
        conversationId,
        clientId: null,
        author: 'system',
        authorName: '',
        text: 'media-unavailable',
      });
    }
  }

  /** A ring that was not accepted: the shopper goes back to their place, this expert is skipped. */
  private endRing(conversation: Conversation, reason: RingEndReason): void {
    const seat = conversation.expert;
    if (conversation.state !== 'ringing' || !seat) return;
    clearTimeout(conversation.ringTimer);
    seat.peer?.send({ type: 'expert.ring-ended', conversationId: conversation.id, reason });
    seat.conversation = undefined;
    conversation.expert = undefined;
    this.closeRoom(conversation);
    if (reason === 'shopper-cancelled') {
      this.setStatus(seat, 'available');
    } else {
      conversation.skippedBy.add(seat.expertId);
      conversation.state = 'queued';
      this.dispatcher.enqueue(conversation);
      // An expert who lets a ring time out is probably not at their desk.
      this.setStatus(seat, reason === 'timeout' ? 'away' : 'available');
    }
    this.log('conversation.ring-ended', { conversation: conversation.id, reason });
    this.dispatch();
  }

  private hangUp(role: Role, message: ClientMessageOf<'call.end'>): Promise<void> | void {
    const conversation = this.memberOf(role, message.conversationId);
    if (conversation.state === 'ringing' && role.kind === 'expert') {
      return this.endRing(conversation, 'declined');
    }
    return this.finish(conversation, role.kind === 'expert' ? 'expert-hung-up' : 'shopper-hung-up');
  }

  /** Ends a conversation in any state, tells both sides, and frees the expert. */
  private async finish(conversation: Conversation, reason: EndReason): Promise<void> {
    if (conversation.state === 'ended') return;
    const wasLive = conversation.state === 'live';
    if (conversation.state === 'ringing') this.endRing(conversation, 'shopper-cancelled');
    this.dispatcher.remove(conversation.id);
    conversation.state = 'ended';
    clearTimeout(conversation.shopperGrace);
    this.conversations.delete(conversation.id);
    const ended: ServerMessage = { type: 'call.ended', conversationId: conversation.id, reason };
    conversation.shopper?.send(ended);
    const seat = conversation.expert;
    if (seat) {
      seat.peer?.send(ended);
      seat.conversation = undefined;
      conversation.expert = undefined;
      if (seat.peer) this.setStatus(seat, 'available');
      else this.unseat(seat);
    }
    this.closeRoom(conversation);
    this.log('conversation.ended', { conversation: conversation.id, reason });
    this.dispatch();
    if (wasLive) {
      await this.store.append({
        conversationId: conversation.id,
        clientId: null,
        author: 'system',
        authorName: '',
        text: 'call-ended',
      });
    }
    await this.store.update(conversation.id, { state: 'ended', endReason: reason });
  }

  /** The console dropped: in a conversation, it has a grace period to come back to it. */
  private leaveSeat(seat: Seat): void {
    seat.peer = undefined;
    this.dispatcher.markBusy(seat.seat);
    const conversation = seat.conversation;
    if (conversation?.state === 'ringing') {
      // Not the shopper's fault: back to their place for the next expert.
      clearTimeout(conversation.ringTimer);
      seat.conversation = undefined;
      conversation.expert = undefined;
      conversation.state = 'queued';
      this.closeRoom(conversation);
      this.dispatcher.enqueue(conversation);
    }
    if (seat.conversation?.state === 'live') this.awaitExpert(seat);
    else this.unseat(seat);
    this.dispatch();
  }

  private awaitExpert(seat: Seat): void {
    clearTimeout(seat.grace);
    seat.grace = setTimeout(() => {
      const conversation = seat.conversation;
      if (conversation) this.finishLater(conversation, 'expert-left');
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
    this.dispatcher.markBusy(seat.seat);
    this.log('expert.signed-out', { expert: seat.expertId });
  }

  /**
   * Video and voice gave way (a side's media did not come back): the conversation goes on in
   * chat, both sides are told why, and the room is let go. Said once, whoever says it first.
   */
  private async toChat(
    conversation: Conversation,
    reason: 'media-lost' | 'chosen' = 'media-lost',
  ): Promise<void> {
    const seat = conversation.expert;
    if (conversation.state !== 'live' || conversation.chatReason || !seat) return;
    conversation.chatReason = reason;
    this.closeRoom(conversation);
    const message = this.chatMessage(conversation, seat);
    conversation.shopper?.send(message);
    seat.peer?.send(message);
    this.log('conversation.chat', { conversation: conversation.id, reason });
    await this.store.update(conversation.id, { state: `chat-${reason}`, room: null });
    await this.post(conversation, {
      conversationId: conversation.id,
      clientId: null,
      author: 'system',
      authorName: '',
      text: reason === 'chosen' ? 'switched-to-chat' : 'media-lost',
    });
  }

  /**
   * Video and voice come back to a conversation in chat: a fresh room, both tokens at once,
   * then `call.live` again; each side joins and publishes as on accept.
   */
  private async toCall(conversation: Conversation): Promise<void> {
    const seat = conversation.expert;
    if (conversation.state !== 'live' || !conversation.chatReason || !seat) return;
    let opened;
    try {
      opened = await this.openRoom(conversation, seat);
    } catch (error) {
      // No media server: stay in chat, and both sides are told why video did not come back.
      this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
      conversation.chatReason = 'media-unavailable';
      const message = this.chatMessage(conversation, seat);
      conversation.shopper?.send(message);
      seat.peer?.send(message);
      await this.post(conversation, {
        conversationId: conversation.id,
        clientId: null,
        author: 'system',
        authorName: '',
        text: 'media-unavailable',
      });
      return;
    }
    const { room, expert, shopper } = opened;
    conversation.chatReason = undefined;
    conversation.room = room;
    seat.peer?.send(this.ringMessage(conversation, expert));
    conversation.shopper?.send({
      type: 'shopper.connecting',
      conversationId: conversation.id,
      media: shopper,
    });
    const live = this.liveMessage(conversation, seat);
    seat.peer?.send(live);
    conversation.shopper?.send(live);
    this.log('conversation.call', { conversation: conversation.id });
    await this.store.update(conversation.id, { state: 'live', room });
    await this.post(conversation, {
      conversationId: conversation.id,
      clientId: null,
      author: 'system',
      authorName: '',
      text: 'switched-to-call',
    });
  }

  /** Stores a message, then sends it to both sides: nothing is shown that is not stored. */
  private async post(conversation: Conversation, message: NewMessage): Promise<void> {
    const { message: stored } = await this.store.append(message);
    const frame = chatFrame(stored);
    conversation.shopper?.send(frame);
    conversation.expert?.peer?.send(frame);
  }

  private async replay(conversation: Conversation, peer: Peer, afterSeq: number): Promise<void> {
    for (let seq = afterSeq; ;) {
      const page = await this.store.after(conversation.id, seq);
      for (const message of page) peer.send(chatFrame(message));
      if (page.length === 0) return;
      seq = page.at(-1)!.seq;
    }
  }

  /** The conversation `role` is in, if it has that id. */
  private memberOf(role: Role, conversationId: string): Conversation {
    const conversation =
      role.kind === 'shopper'
        ? role.conversation
        : role.kind === 'expert'
          ? role.seat.conversation
          : undefined;
    if (conversation?.id !== conversationId) {
      throw wrongState('This connection is not in that conversation.');
    }
    return conversation;
  }

  /** The conversation `role` may chat in: theirs, with an expert in it. */
  private chattingIn(role: Role, conversationId: string): Conversation {
    const conversation = this.memberOf(role, conversationId);
    if (conversation.state !== 'live') {
      throw wrongState('Messages can be sent once an expert has joined the conversation.');
    }
    return conversation;
  }

  private closeRoom(conversation: Conversation): void {
    const room = conversation.room;
    if (!room) return;
    conversation.room = undefined;
    this.closeRoomNamed(room);
  }

  private closeRoomNamed(room: string): void {
    this.options.rooms.close(room).catch((error: unknown) => {
      this.log('media.close-failed', { room, error: String(error) });
    });
  }

  private tellPositions(): void {
    for (const [index, conversation] of this.dispatcher.queue().entries()) {
      if (conversation.toldPosition === index + 1 || !conversation.shopper) continue;
      conversation.toldPosition = index + 1;
      conversation.shopper.send({
        type: 'shopper.queued',
        conversationId: conversation.id,
        position: index + 1,
      });
    }
  }

  /**
   * A fresh room for the conversation and both tokens at once. Fresh each time: the room of a
   * declined ring, or of media given up for chat, may still be being deleted.
   */
  private async openRoom(conversation: Conversation, seat: Seat) {
    const room = `conversation-${conversation.id}-${randomUUID().slice(0, 8)}`;
    const [, expert, shopper] = await Promise.all([
      this.options.rooms.open(room),
      this.options.rooms.grant(room, this.expertIdentity(seat)),
      this.shopperGrant(conversation, room),
    ]);
    return { room, expert, shopper };
  }

  private shopperGrant(conversation: Conversation, room: string) {
    return this.options.rooms.grant(room, {
      identity: `shopper-${conversation.id}`,
      name: conversation.displayName ?? 'Shopper',
    });
  }

  private expertIdentity(seat: Seat) {
    return { identity: `expert-${seat.expertId}`, name: seat.profile.name };
  }

  /** The ring a console shows: who, from where, and the room to join (none in chat only). */
  private ringMessage(conversation: Conversation, media: MediaGrant | undefined): ServerMessage {
    return {
      type: 'expert.ring',
      conversationId: conversation.id,
      mode: conversation.mode,
      lang: conversation.lang,
      shopper: {
        ...(conversation.displayName ? { displayName: conversation.displayName } : {}),
        context: conversation.context,
      },
      ...(media ? { media } : {}),
      ringTimeoutMs: this.options.ringTimeoutMs,
    };
  }

  private chatMessage(conversation: Conversation, seat: Seat): ServerMessage {
    return {
      type: 'conversation.chat',
      conversationId: conversation.id,
      reason: conversation.chatReason ?? 'media-lost',
      expert: seat.profile,
    };
  }

  private liveMessage(conversation: Conversation, seat: Seat): ServerMessage {
    return {
      type: 'call.live',
      conversationId: conversation.id,
      mode: conversation.mode,
      expert: seat.profile,
    };
  }
}

function chatFrame(message: StoredMessage): ServerMessage {
  return {
    type: 'chat.message',
    conversationId: message.conversationId,
    seq: message.seq,
    clientId: message.clientId,
    author: message.author,
    authorName: message.authorName,
    text: message.text,
    at: message.at,
  };
}

/** A stored state `chat-<reason>` back into its reason; undefined for any other state. */
function chatReasonOf(state: string): ChatReason | undefined {
  const reason = state.startsWith('chat-') ? state.slice('chat-'.length) : undefined;
  return reason === 'chosen' || reason === 'media-lost' || reason === 'media-unavailable'
    ? reason
    : undefined;
}

function wrongState(message: string): HubError {
  return new HubError('wrong-state', message);
}

function unreachable(message: never): never {
  throw new HubError('unknown-type', `Unhandled message ${JSON.stringify(message)}.`);
}

function expertSeat(role: Role): Seat {
  if (role.kind !== 'expert') throw new HubError('unauthorized', 'Sign in as an expert first.');
  return role.seat;
}

function ringingFor(seat: Seat, conversationId: string): Conversation {
  const conversation = seat.conversation;
  if (conversation?.id !== conversationId || conversation.state !== 'ringing') {
    throw wrongState('That conversation is not ringing for you.');
  }
  return conversation;
}

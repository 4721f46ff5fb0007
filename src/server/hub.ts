/**
 * The hub's core: conversations, the queue, ringing, accept and hang-up. Transport-free: the
 * HTTP/WebSocket layer hands it frames and a way to answer, so tests can drive it directly.
 *
 * Join during the ring, publish on accept (see design.md): when a shopper is assigned to an
 * expert the hub opens the room and mints both tokens at once, so both browsers join while the
 * console rings and accept only has to publish.
 */
import { randomUUID } from 'node:crypto';
import {
  decodeClientFrame,
  type CallMode,
  type ClientMessage,
  type ClientMessageOf,
  type EndReason,
  type ErrorReason,
  type ExpertProfile,
  type ExpertStatus,
  type Language,
  type RingEndReason,
  type ServerMessage,
  type ShopperContext,
} from '../protocol/index.js';
import { Dispatcher, type FreeExpert, type Waiting } from './dispatcher.js';
import type { ExpertSessions } from './expert-sessions.js';
import type { MediaRooms } from './media-rooms.js';

/** One browser connection, as the transport gives it to the hub. */
export interface Peer {
  send(message: ServerMessage): void;
}

export interface HubOptions {
  rooms: MediaRooms;
  sessions: ExpertSessions;
  /** Lets `expert.dev-login` sign anyone in by name: for the demo and tests only. */
  devLogin: boolean;
  /** How long a console rings before the shopper goes to the next expert. */
  ringTimeoutMs: number;
  log?: (event: string, fields?: Record<string, unknown>) => void;
  now?: () => number;
}

export interface Connection {
  receive(frame: string, byteLength?: number): Promise<void>;
  /** The transport lost this peer: whatever it was doing ends or goes back to the queue. */
  closed(): void;
}

interface Conversation extends Waiting {
  readonly mode: CallMode;
  readonly lang: Language;
  readonly displayName: string | undefined;
  readonly context: ShopperContext;
  readonly shopper: Peer;
  state: 'queued' | 'ringing' | 'live' | 'ended';
  expert?: Seat;
  room?: string;
  ringTimer?: ReturnType<typeof setTimeout>;
  /** The queue position this shopper was last told, so unchanged positions are not resent. */
  toldPosition?: number;
}

interface Seat extends FreeExpert {
  readonly profile: ExpertProfile;
  readonly peer: Peer;
  status: ExpertStatus;
  conversation?: Conversation;
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

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
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

  connect(peer: Peer): Connection {
    let role: Role = { kind: 'anonymous' };
    // Frames of one connection are handled in order even when one awaits (auth, room creation).
    let queue: Promise<void> = Promise.resolve();

    const handle = async (message: ClientMessage): Promise<void> => {
      switch (message.type) {
        case 'shopper.request':
          if (role.kind !== 'anonymous') throw wrongState('This connection already has a role.');
          role = { kind: 'shopper', conversation: this.request(peer, message) };
          return;
        case 'shopper.cancel':
          if (role.kind !== 'shopper') throw wrongState('Only a shopper can leave the queue.');
          this.finish(role.conversation, 'shopper-cancelled');
          return;
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
          if (role.kind === 'shopper') this.finish(role.conversation, 'shopper-left');
          if (role.kind === 'expert') this.unseat(role.seat);
        });
      },
    };
  }

  private request(peer: Peer, message: ClientMessageOf<'shopper.request'>): Conversation {
    const conversation: Conversation = {
      id: randomUUID(),
      since: this.now(),
      skippedBy: new Set(),
      mode: message.mode,
      lang: message.lang,
      displayName: message.displayName,
      context: message.context,
      shopper: peer,
      state: 'queued',
    };
    this.conversations.set(conversation.id, conversation);
    this.dispatcher.enqueue(conversation);
    this.log('conversation.requested', { conversation: conversation.id, mode: message.mode });
    this.dispatch();
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

  private seatExpert(peer: Peer, profile: ExpertProfile): Seat {
    const seat: Seat = {
      seat: randomUUID(),
      expertId: profile.id,
      profile,
      peer,
      status: 'away',
      idleSince: this.now(),
    };
    this.seats.add(seat);
    peer.send({ type: 'expert.ready', expert: profile, status: seat.status });
    this.log('expert.signed-in', { expert: profile.id });
    return seat;
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
    if (status === 'available') this.dispatcher.markFree(seat);
    else this.dispatcher.markBusy(seat.seat);
    seat.peer.send({ type: 'expert.presence', status });
  }

  /** Puts waiting shoppers through to free experts, as many pairs as there are. */
  private dispatch(): void {
    for (let pair = this.dispatcher.next(); pair; pair = this.dispatcher.next()) {
      void this.ring(pair.shopper, pair.expert);
    }
    this.tellPositions();
  }

  private async ring(conversation: Conversation, seat: Seat): Promise<void> {
    conversation.state = 'ringing';
    conversation.toldPosition = undefined;
    conversation.expert = seat;
    seat.conversation = conversation;
    this.setStatus(seat, 'busy');
    // A fresh room per ring: the room of a declined ring is being deleted while this one opens.
    const room = `conversation-${conversation.id}-${randomUUID().slice(0, 8)}`;
    conversation.room = room;
    let grants;
    try {
      const rooms = this.options.rooms;
      const [, expertGrant, shopperGrant] = await Promise.all([
        rooms.open(room),
        rooms.grant(room, { identity: `expert-${seat.expertId}`, name: seat.profile.name }),
        rooms.grant(room, {
          identity: `shopper-${conversation.id}`,
          name: conversation.displayName ?? 'Shopper',
        }),
      ]);
      grants = { expert: expertGrant, shopper: shopperGrant };
    } catch (error) {
      this.log('media.unavailable', { conversation: conversation.id, error: String(error) });
      conversation.shopper.send({
        type: 'error',
        reason: 'unavailable',
        message: 'Video calls are unavailable right now.',
        ref: 'shopper.request',
      });
      this.finish(conversation, 'shopper-cancelled');
      return;
    }
    // The shopper may have left, or the expert signed out, while the room was being made.
    if (conversation.state !== 'ringing' || conversation.expert !== seat) return;

    conversation.ringTimer = setTimeout(
      () => this.endRing(conversation, 'timeout'),
      this.options.ringTimeoutMs,
    );
    seat.peer.send({
      type: 'expert.ring',
      conversationId: conversation.id,
      mode: conversation.mode,
      lang: conversation.lang,
      shopper: {
        ...(conversation.displayName ? { displayName: conversation.displayName } : {}),
        context: conversation.context,
      },
      media: grants.expert,
      ringTimeoutMs: this.options.ringTimeoutMs,
    });
    conversation.shopper.send({
      type: 'shopper.connecting',
      conversationId: conversation.id,
      media: grants.shopper,
    });
    this.log('conversation.ringing', { conversation: conversation.id, expert: seat.expertId });
  }

  private accept(seat: Seat, conversationId: string): void {
    const conversation = ringingFor(seat, conversationId);
    clearTimeout(conversation.ringTimer);
    conversation.state = 'live';
    const live: ServerMessage = {
      type: 'call.live',
      conversationId,
      mode: conversation.mode,
      expert: seat.profile,
    };
    seat.peer.send(live);
    conversation.shopper.send(live);
    this.log('conversation.live', { conversation: conversationId, expert: seat.expertId });
  }

  /** A ring that was not accepted: the shopper goes back to their place, this expert is skipped. */
  private endRing(conversation: Conversation, reason: RingEndReason): void {
    const seat = conversation.expert;
    if (conversation.state !== 'ringing' || !seat) return;
    clearTimeout(conversation.ringTimer);
    seat.peer.send({ type: 'expert.ring-ended', conversationId: conversation.id, reason });
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

  private hangUp(role: Role, message: ClientMessageOf<'call.end'>): void {
    const conversation =
      role.kind === 'shopper'
        ? role.conversation
        : role.kind === 'expert'
          ? role.seat.conversation
          : undefined;
    if (!conversation || conversation.id !== message.conversationId) {
      throw wrongState('This connection is not in that conversation.');
    }
    if (conversation.state === 'ringing' && role.kind === 'expert') {
      return this.endRing(conversation, 'declined');
    }
    this.finish(conversation, role.kind === 'expert' ? 'expert-hung-up' : 'shopper-hung-up');
  }

  /** Ends a conversation in any state, tells both sides, and frees the expert. */
  private finish(conversation: Conversation, reason: EndReason): void {
    if (conversation.state === 'ended') return;
    const wasRinging = conversation.state === 'ringing';
    if (wasRinging) this.endRing(conversation, 'shopper-cancelled');
    this.dispatcher.remove(conversation.id);
    conversation.state = 'ended';
    this.conversations.delete(conversation.id);
    const ended: ServerMessage = { type: 'call.ended', conversationId: conversation.id, reason };
    conversation.shopper.send(ended);
    const seat = conversation.expert;
    if (seat) {
      seat.peer.send(ended);
      seat.conversation = undefined;
      conversation.expert = undefined;
      this.setStatus(seat, 'available');
    }
    this.closeRoom(conversation);
    this.log('conversation.ended', { conversation: conversation.id, reason });
    this.dispatch();
  }

  private unseat(seat: Seat): void {
    this.seats.delete(seat);
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
    } else if (conversation?.state === 'live') {
      this.finish(conversation, 'expert-left');
    }
    this.log('expert.signed-out', { expert: seat.expertId });
    this.dispatch();
  }

  private closeRoom(conversation: Conversation): void {
    const room = conversation.room;
    if (!room) return;
    conversation.room = undefined;
    this.options.rooms.close(room).catch((error: unknown) => {
      this.log('media.close-failed', { room, error: String(error) });
    });
  }

  private tellPositions(): void {
    for (const [index, conversation] of this.dispatcher.queue().entries()) {
      if (conversation.toldPosition === index + 1) continue;
      conversation.toldPosition = index + 1;
      conversation.shopper.send({
        type: 'shopper.queued',
        conversationId: conversation.id,
        position: index + 1,
      });
    }
  }
}

function wrongState(message: string): HubError {
  return new HubError('wrong-state', message);
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

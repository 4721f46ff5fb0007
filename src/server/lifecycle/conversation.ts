/**
 * What the hub holds in memory about a conversation and an expert's seat, and the capacity
 * rule between them: an expert holds one call, or up to a configured number of chats.
 */
import type {
  CallMode,
  ChatReason,
  ExpertProfile,
  ExpertStatus,
  Language,
  ServerMessage,
  ShopperContext,
} from '../../protocol/index.js';
import type { Candidate, Waiting } from '../routing/dispatcher.js';

/** One browser connection, as the transport gives it to the hub. */
export interface Peer {
  send(message: ServerMessage): void;
}

export interface Conversation extends Waiting {
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
  /** When the expert accepted: the handling time that feeds wait estimates starts here. */
  liveSince?: number;
  ringTimer?: ReturnType<typeof setTimeout>;
  /** Ends the conversation if the shopper does not come back in time. */
  shopperGrace?: ReturnType<typeof setTimeout>;
  /** Offers a message, a callback or an appointment after the shop's longest wait. */
  offerTimer?: ReturnType<typeof setTimeout>;
  /** The queue position and wait this shopper was last told, so unchanged ones are not resent. */
  told?: string;
}

export interface Seat extends Candidate {
  readonly profile: ExpertProfile;
  /** The console's connection; undefined while it is reconnecting. */
  peer: Peer | undefined;
  /** What the expert chose. Away: not rung; the conversations they hold go on. */
  presence: ExpertStatus;
  /** Every conversation the expert holds, ringing ones included. */
  readonly conversations: Set<Conversation>;
  grace?: ReturnType<typeof setTimeout>;
}

/** The conversation has video or voice (not chat only). */
export function hasMedia(conversation: Conversation): boolean {
  return conversation.chatReason === undefined;
}

/** The seat's conversation with video or voice, if any: there is at most one. */
export function callOf(seat: Seat): Conversation | undefined {
  for (const conversation of seat.conversations) if (hasMedia(conversation)) return conversation;
  return undefined;
}

function ringingOf(seat: Seat): Conversation | undefined {
  for (const conversation of seat.conversations) {
    if (conversation.state === 'ringing') return conversation;
  }
  return undefined;
}

/**
 * Whether the seat can be rung at all now: connected, available, not already ringing, and with
 * room for at least a chat.
 */
export function canBeRung(seat: Seat, maxChats: number): boolean {
  return (
    seat.peer !== undefined &&
    seat.presence === 'available' &&
    !ringingOf(seat) &&
    !callOf(seat) &&
    seat.conversations.size < maxChats
  );
}

/** The capacity rule: a call needs a free expert; a chat needs an expert with room for one more. */
export function fits(seat: Seat, conversation: Conversation, maxChats: number): boolean {
  if (!canBeRung(seat, maxChats)) return false;
  return hasMedia(conversation) ? seat.conversations.size === 0 : true;
}

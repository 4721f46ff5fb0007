/**
 * The capacity rule between an expert and the conversations they hold: one call, or up to a
 * configured number of chats, and one ring at a time.
 */
import type { Conversation, Seat } from '../registry.js';

/** The conversation has video or voice (not chat only). */
export function hasMedia(conversation: Conversation): boolean {
  return conversation.state.chat === undefined;
}

/**
 * The seat's conversation with video or voice, if any: there is at most one. A call that has
 * just gone to chat still counts until both sides have been told (`settled`).
 */
export function callOf(seat: Seat): Conversation | undefined {
  for (const conversation of seat.conversations) {
    if (hasMedia(conversation) || conversation.settled.chat === undefined) return conversation;
  }
  return undefined;
}

/** The seat's ring, if any; one just answered or declined counts until its sides are told. */
function ringingOf(seat: Seat): Conversation | undefined {
  for (const conversation of seat.conversations) {
    if (conversation.state.phase.kind === 'ringing') return conversation;
    if (conversation.settled.phase.kind === 'ringing') return conversation;
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

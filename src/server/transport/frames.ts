/** The frames the hub sends about a conversation, built in one place for every path that sends them. */
import type { MediaGrant, ServerMessage } from '../../protocol/index.js';
import { hasMedia, type Conversation, type Seat } from '../lifecycle/conversation.js';
import type { StoredMessage } from '../storage/conversation-store.js';

/** The ring a console shows: who, from where, and the room to join (none in chat only). */
export function ringFrame(
  conversation: Conversation,
  media: MediaGrant | undefined,
  ringTimeoutMs: number,
): ServerMessage {
  return {
    type: 'expert.ring',
    conversationId: conversation.id,
    // Rung without a room (chosen while waiting, or no media server): a chat, said as such.
    mode: hasMedia(conversation) ? conversation.mode : 'chat',
    lang: conversation.lang,
    shopper: {
      ...(conversation.displayName ? { displayName: conversation.displayName } : {}),
      context: conversation.context,
    },
    ...(media ? { media } : {}),
    ringTimeoutMs,
  };
}

export function chatOnlyFrame(conversation: Conversation, seat: Seat): ServerMessage {
  return {
    type: 'conversation.chat',
    conversationId: conversation.id,
    reason: conversation.chatReason ?? 'media-lost',
    expert: seat.profile,
  };
}

export function liveFrame(conversation: Conversation, seat: Seat): ServerMessage {
  return {
    type: 'call.live',
    conversationId: conversation.id,
    mode: conversation.mode,
    expert: seat.profile,
  };
}

export function messageFrame(message: StoredMessage): ServerMessage {
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

/** Sends `frame` to both sides of the conversation, whichever are connected. */
export function tellBoth(conversation: Conversation, frame: ServerMessage): void {
  conversation.shopper?.send(frame);
  conversation.expert?.peer?.send(frame);
}

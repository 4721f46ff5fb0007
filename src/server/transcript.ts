/**
 * The conversation's one transcript: a message is stored, and only then becomes a frame to
 * show, so nothing is shown that is not stored; a side that comes back is sent what it missed.
 */
import type { ServerMessageOf, SystemEvent } from '../protocol/index.js';
import type { Peer } from './registry.js';
import type { ConversationStore, NewMessage, StoredMessage } from './storage/conversation-store.js';

export type MessageFrame = ServerMessageOf<'chat.message'>;

export class Transcript {
  constructor(private readonly store: ConversationStore) {}

  /** Stores the message (once, whatever the resends) and gives the frame that shows it. */
  async append(message: NewMessage): Promise<MessageFrame> {
    return (await this.appendOnce(message)).frame;
  }

  /** {@link append}, saying whether the message was a resend of one already stored. */
  async appendOnce(message: NewMessage): Promise<{ frame: MessageFrame; duplicate: boolean }> {
    const { message: stored, duplicate } = await this.store.append(message);
    return { frame: messageFrame(stored), duplicate };
  }

  /** A system line: an event each side shows in its own language. */
  system(conversationId: string, event: SystemEvent, authorName = ''): Promise<MessageFrame> {
    return this.append({
      conversationId,
      clientId: null,
      author: 'system',
      authorName,
      text: event,
    });
  }

  async replay(conversationId: string, peer: Peer, afterSeq: number): Promise<void> {
    // Stryker disable next-line BlockStatement: an emptied loop never ends (a timeout, not a result)
    for (let seq = afterSeq; ;) {
      const page = await this.store.after(conversationId, seq);
      for (const message of page) peer.send(messageFrame(message));
      if (page.length === 0) return;
      seq = page.at(-1)!.seq;
    }
  }
}

function messageFrame(message: StoredMessage): MessageFrame {
  return {
    type: 'chat.message',
    conversationId: message.conversationId,
    seq: message.seq,
    clientId: message.clientId,
    author: message.author,
    authorName: message.authorName,
    text: message.text,
    ...(message.product ? { product: message.product } : {}),
    ...(message.photo ? { photo: message.photo } : {}),
    at: message.at,
  };
}

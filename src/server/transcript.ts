/**
 * The conversation's one transcript: a message is stored, then sent to both sides, so nothing
 * is shown that is not stored; a side that comes back is sent what it missed.
 */
import type { SystemEvent } from '../protocol/index.js';
import type { Conversation, Peer } from './lifecycle/conversation.js';
import { messageFrame, tellBoth } from './transport/frames.js';
import type { ConversationStore, NewMessage } from './storage/conversation-store.js';

export class Transcript {
  constructor(private readonly store: ConversationStore) {}

  async post(conversation: Conversation, message: NewMessage): Promise<void> {
    const { message: stored } = await this.store.append(message);
    tellBoth(conversation, messageFrame(stored));
  }

  /** A system line: an event each side shows in its own language. */
  system(conversation: Conversation, event: SystemEvent, authorName = ''): Promise<void> {
    return this.post(conversation, {
      conversationId: conversation.id,
      clientId: null,
      author: 'system',
      authorName,
      text: event,
    });
  }

  /** A system line kept in the transcript only: nobody is there to be shown it. */
  async record(conversation: Conversation, event: SystemEvent): Promise<void> {
    await this.store.append({
      conversationId: conversation.id,
      clientId: null,
      author: 'system',
      authorName: '',
      text: event,
    });
  }

  async replay(conversation: Conversation, peer: Peer, afterSeq: number): Promise<void> {
    for (let seq = afterSeq; ;) {
      const page = await this.store.after(conversation.id, seq);
      for (const message of page) peer.send(messageFrame(message));
      if (page.length === 0) return;
      seq = page.at(-1)!.seq;
    }
  }
}

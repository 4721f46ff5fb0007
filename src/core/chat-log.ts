/**
 * One side's view of a conversation's transcript: the stored messages in sequence order, then
 * this side's own messages not yet stored, each with its delivery state. Pure bookkeeping: the
 * chat channel feeds it what it sends and what the hub says.
 */
import type { Author, PhotoRef, ProductCard, ServerMessageOf } from '../protocol/index.js';

export type Delivery = 'sending' | 'sent' | 'failed';

export interface ChatEntry {
  /** Stable key for rendering: the client id for own messages, else `seq-N`. */
  key: string;
  seq: number | undefined;
  clientId: string | null;
  author: Author;
  authorName: string;
  /** For system lines, a SystemEvent code; for a product card, the product's name. */
  text: string;
  /** A product the expert showed: the entry is its card. */
  product?: ProductCard;
  /** A photo its author sent (at the hub's `photos/<id>`): the entry shows it. */
  photo?: PhotoRef;
  /** Epoch milliseconds: the hub's time once stored, the local time while sending. */
  at: number;
  /** Written by this side. */
  mine: boolean;
  delivery: Delivery;
}

export class ChatLog {
  private readonly stored = new Map<number, ChatEntry>();
  private readonly unsent = new Map<string, ChatEntry>();
  private highest = 0;
  private unbroken = 0;

  /**
   * What to ask after when reconnecting: the last sequence number up to which nothing is
   * missing. A live message can overtake a replay; asking after it would lose the messages
   * the replay had not brought yet.
   */
  get lastSeq(): number {
    return this.unbroken;
  }

  /** Highest sequence number received, gaps or not: what the person has been shown. */
  get newestSeq(): number {
    return this.highest;
  }

  /** Everything to show, oldest first; own unsent messages last, in the order they were written. */
  get entries(): ChatEntry[] {
    const stored = [...this.stored.values()].sort((a, b) => a.seq! - b.seq!);
    return [...stored, ...this.unsent.values()];
  }

  /** Own messages not yet stored (sending or failed), in the order they were written. */
  get undelivered(): ChatEntry[] {
    return [...this.unsent.values()];
  }

  addOwn(entry: {
    clientId: string;
    author: Author;
    authorName: string;
    text: string;
    photo?: PhotoRef;
    at: number;
  }): ChatEntry {
    const own: ChatEntry = {
      ...entry,
      key: entry.clientId,
      seq: undefined,
      mine: true,
      delivery: 'sending',
    };
    this.unsent.set(entry.clientId, own);
    return own;
  }

  /** A stored message from the hub; returns false when it was already known (a replay). */
  receive(message: ServerMessageOf<'chat.message'>, me: Author): boolean {
    if (this.stored.has(message.seq)) return false;
    const own = message.clientId !== null ? this.unsent.get(message.clientId) : undefined;
    if (own) this.unsent.delete(own.clientId!);
    this.stored.set(message.seq, {
      key: own?.key ?? `seq-${message.seq}`,
      seq: message.seq,
      clientId: message.clientId,
      author: message.author,
      authorName: message.authorName,
      text: message.text,
      ...(message.product ? { product: message.product } : {}),
      ...(message.photo ? { photo: message.photo } : {}),
      at: message.at,
      mine: message.author === me,
      delivery: 'sent',
    });
    this.highest = Math.max(this.highest, message.seq);
    while (this.stored.has(this.unbroken + 1)) this.unbroken++;
    return true;
  }

  setDelivery(clientId: string, delivery: Delivery): void {
    const entry = this.unsent.get(clientId);
    if (entry) this.unsent.set(clientId, { ...entry, delivery });
  }
}

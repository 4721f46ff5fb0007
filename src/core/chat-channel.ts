/**
 * Chat in one conversation, for either side: sends with a client-made id (so a resend is
 * recognised), shows a message as sent only once the hub has stored it, marks it failed when
 * no acknowledgement comes, resends what is pending after a reconnect, and relays typing.
 */
import {
  MAX_CHAT_LENGTH,
  cleanText,
  type ClientMessage,
  type PhotoRef,
  type ServerMessageOf,
} from '../protocol/index.js';
import { ChatLog, type ChatEntry } from './chat-log.js';
import { Emitter } from './emitter.js';

/** A message the hub has not acknowledged in this time is shown as failed, with a retry. */
const ACK_TIMEOUT_MS = 8_000;
/** Typing is told at most this often, and shown for a little longer than that. */
const TYPING_EVERY_MS = 2_500;
const TYPING_SHOWN_MS = 4_000;

/** Why a message was not sent; nothing typed is lost: the text stays in the box. */
export type ChatRefusal = 'empty' | 'too-long' | 'not-open';

export type ChatChannelEvents = { change: undefined };

export class ChatChannel extends Emitter<ChatChannelEvents> {
  readonly log = new ChatLog();
  private conversationId: string | undefined;
  private readonly ackTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private lastTypingSent = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The other side is typing. */
  otherTyping = false;
  /** While the hub connection is being brought back, messages wait, in order, for `flush`. */
  private paused = false;

  constructor(
    private readonly me: 'shopper' | 'expert',
    private readonly myName: () => string,
    private readonly send: (message: ClientMessage) => boolean,
  ) {
    super();
  }

  /** Messages can be sent (an expert has joined). */
  get isOpen(): boolean {
    return this.conversationId !== undefined;
  }

  open(conversationId: string): void {
    this.conversationId = conversationId;
    this.changed();
  }

  close(): void {
    this.conversationId = undefined;
    this.otherTyping = false;
    this.changed();
  }

  /** Sends `text`, or says why not. */
  post(text: string): ChatRefusal | null {
    const clean = cleanText(text).trim();
    if (!clean) return 'empty';
    if (clean.length > MAX_CHAT_LENGTH) return 'too-long';
    if (!this.conversationId) return 'not-open';
    const own = this.log.addOwn({
      clientId: newClientId(),
      author: this.me,
      authorName: this.myName(),
      text: clean,
      at: Date.now(),
    });
    this.transmit(own);
    this.changed();
    return null;
  }

  /**
   * Shows a photo the hub has stored (sent by HTTP with a ticket: ShopperConversation's
   * `sendPhoto`) as a line of this side's, delivered like a message: resent until stored.
   */
  postPhoto(photo: PhotoRef): 'not-open' | null {
    if (!this.conversationId) return 'not-open';
    const own = this.log.addOwn({
      clientId: newClientId(),
      author: this.me,
      authorName: this.myName(),
      text: '',
      photo,
      at: Date.now(),
    });
    this.transmit(own);
    this.changed();
    return null;
  }

  /** Sends a failed message again, with the same id: the hub stores it at most once. */
  retry(clientId: string): void {
    const entry = this.log.entries.find((e) => e.clientId === clientId && e.delivery === 'failed');
    if (!entry) return;
    this.log.setDelivery(clientId, 'sending');
    this.transmit(entry);
    this.changed();
  }

  /**
   * The hub connection dropped: hold messages until `flush`, so that nothing written now
   * overtakes what was written before the drop.
   */
  pause(): void {
    this.paused = true;
  }

  /** After a reconnect: sends again everything not yet stored, failed ones included, in order. */
  flush(): void {
    this.paused = false;
    for (const entry of this.log.undelivered) {
      this.log.setDelivery(entry.clientId!, 'sending');
      this.transmit(entry);
    }
    this.changed();
  }

  typing(): void {
    const now = Date.now();
    if (!this.conversationId || now - this.lastTypingSent < TYPING_EVERY_MS) return;
    this.lastTypingSent = now;
    this.send({ type: 'chat.typing', conversationId: this.conversationId });
  }

  receive(message: ServerMessageOf<'chat.message'>): void {
    if (message.clientId) {
      clearTimeout(this.ackTimers.get(message.clientId));
      this.ackTimers.delete(message.clientId);
    }
    if (message.author !== this.me) this.otherTyping = false;
    if (this.log.receive(message, this.me)) this.changed();
  }

  receiveTyping(): void {
    this.otherTyping = true;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.otherTyping = false;
      this.changed();
    }, TYPING_SHOWN_MS);
    this.changed();
  }

  dispose(): void {
    for (const timer of this.ackTimers.values()) clearTimeout(timer);
    this.ackTimers.clear();
    clearTimeout(this.typingTimer);
  }

  private transmit(entry: ChatEntry): void {
    const conversationId = this.conversationId;
    const clientId = entry.clientId!;
    if (this.paused) return;
    if (conversationId) {
      this.send(
        entry.photo
          ? { type: 'chat.photo', conversationId, clientId, photoId: entry.photo.id }
          : { type: 'chat.send', conversationId, clientId, text: entry.text },
      );
    }
    clearTimeout(this.ackTimers.get(clientId));
    this.ackTimers.set(
      clientId,
      setTimeout(() => {
        this.ackTimers.delete(clientId);
        this.log.setDelivery(clientId, 'failed');
        this.changed();
      }, ACK_TIMEOUT_MS),
    );
  }

  private changed(): void {
    this.emit('change', undefined);
  }
}

/** A message id of our own: random, and URL-safe. */
export function newClientId(): string {
  // Stryker disable next-line ConditionalExpression: every browser and Node 20 have a crypto; the check only keeps an old one from throwing
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // Pages served over plain http (not localhost) have no randomUUID.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * When nobody can answer now: the shop's hours, and what a shopper may leave instead (a
 * message, a callback request, an appointment in a free slot), stored and listed in every
 * expert's console until someone marks it done.
 */
import type {
  ClientMessageOf,
  OfflineKind,
  OfflineRequest,
  ServerMessage,
  ShopperContext,
  ShopWords,
} from '../../protocol/index.js';
import { isOpen, nextChange } from './business-hours.js';
import type { Peer } from '../registry.js';
import { hoursFor, type ShopConfig } from '../config/shop-config.js';
import { RequestError, type RequestStore, type ShopperRequest } from '../storage/requests-store.js';

type OfflineMessage = ClientMessageOf<
  'offline.slots' | 'offline.message' | 'offline.callback' | 'offline.book'
>;

/** The console lists at most this many requests: the ones to do first, then the latest done. */
const LISTED = 200;

export interface Opening {
  open: boolean;
  /** When it opens next, if closed and within two weeks. */
  opensAt?: number;
}

export class OfflineDesk {
  constructor(
    private readonly shop: ShopConfig,
    private readonly store: RequestStore,
    private readonly now: () => number,
    /** Something changed in the list: every console gets it again. */
    private readonly changed: () => void,
  ) {}

  /** Whether the shop's configuration knows this topic (any topic when it lists none). */
  knows(topic: string | undefined): boolean {
    return (
      topic === undefined ||
      this.shop.topics.length === 0 ||
      this.shop.topics.some((t) => t.id === topic)
    );
  }

  /** The shop's own words in `lang`, or in its first language. */
  words(lang: string | undefined): ShopWords {
    const shop = this.shop;
    const language = shop.languages.find((l) => l === lang) ?? shop.languages[0];
    return (language && shop.texts[language]) || {};
  }

  /** Open now for this topic (or the shop), and if not, when. */
  opening(topic: string | undefined): Opening {
    const hours = hoursFor(this.shop, this.topicOf(topic));
    const now = this.now();
    if (isOpen(hours, now)) return { open: true };
    const next = nextChange(hours, now);
    return next?.open ? { open: false, opensAt: next.at } : { open: false };
  }

  async handle(peer: Peer, message: OfflineMessage): Promise<void> {
    const topic = this.topicOf(message.topic);
    if (message.type === 'offline.slots') {
      const slots = await this.store.freeSlots({
        hours: hoursFor(this.shop, topic),
        slotMinutes: this.shop.limits.appointmentSlotMinutes,
        topic,
      });
      peer.send({
        type: 'offline.slots',
        ...(topic ? { topic } : {}),
        slots: slots.slice(0, 500),
      });
      return;
    }
    const kind = KIND[message.type];
    try {
      const stored = await this.record(message, topic);
      peer.send(confirmation(stored));
      this.changed();
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      peer.send({
        type: 'offline.rejected',
        kind,
        problem: error.reason,
        ...(error.field ? { field: error.field } : {}),
      });
    }
  }

  async list(): Promise<OfflineRequest[]> {
    const toDo = await this.store.list({ status: 'to-do', limit: LISTED });
    const done = await this.store.list({ status: 'done', limit: LISTED, newestFirst: true });
    return [...toDo, ...done].slice(0, LISTED).map(forConsole);
  }

  /** False when there is no such request. */
  async markDone(id: string, expertId: string): Promise<boolean> {
    try {
      await this.store.markDone(id, expertId);
    } catch (error) {
      if (error instanceof RequestError && error.reason === 'not-found') return false;
      throw error;
    }
    this.changed();
    return true;
  }

  private topicOf(topic: string | undefined): string | undefined {
    // A shop without topics routes by topic all the same, but has one set of hours.
    return topic !== undefined && this.shop.topics.some((t) => t.id === topic) ? topic : undefined;
  }

  private record(
    message: Exclude<OfflineMessage, { type: 'offline.slots' }>,
    topic: string | undefined,
  ): Promise<ShopperRequest> {
    const common = {
      topic: topic ?? null,
      lang: message.lang,
      name: message.name ?? null,
      context: message.context,
    };
    switch (message.type) {
      case 'offline.message':
        return this.store.leaveMessage({ ...common, contact: message.contact, text: message.text });
      case 'offline.callback':
        return this.store.requestCallback({
          ...common,
          phone: message.phone,
          window: { from: message.from, to: message.to },
          hours: hoursFor(this.shop, topic),
          text: message.text ?? null,
        });
      case 'offline.book':
        return this.store.bookAppointment({
          ...common,
          contact: message.contact,
          slotStart: message.start,
          hours: hoursFor(this.shop, topic),
          slotMinutes: this.shop.limits.appointmentSlotMinutes,
          text: message.text ?? null,
        });
    }
  }
}

const KIND = {
  'offline.message': 'message',
  'offline.callback': 'callback',
  'offline.book': 'appointment',
} as const satisfies Record<string, OfflineKind>;

/** When: a callback's window, an appointment's slot; a message has none. */
function spanOf(request: ShopperRequest): { from: number; to: number } | undefined {
  if (request.kind === 'callback') return request.window;
  if (request.kind === 'appointment') return { from: request.slot.start, to: request.slot.end };
  return undefined;
}

function confirmation(request: ShopperRequest): ServerMessage {
  const span = spanOf(request);
  return {
    type: 'offline.confirmed',
    kind: request.kind,
    id: request.id,
    ...(span ? { from: span.from, to: span.to } : {}),
  };
}

function forConsole(request: ShopperRequest): OfflineRequest {
  const span = spanOf(request) ?? { from: null, to: null };
  return {
    id: request.id,
    kind: request.kind,
    topic: request.topic,
    lang: request.lang,
    name: request.name,
    contact: request.kind === 'callback' ? null : request.contact,
    phone: request.kind === 'callback' ? request.phone : null,
    text: request.text,
    from: span.from,
    to: span.to,
    context: (request.context ?? {}) as ShopperContext,
    status: request.status,
    createdAt: request.createdAt,
  };
}

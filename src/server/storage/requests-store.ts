/**
 * What a shopper leaves when the shop is closed or nobody answers in time: a message, a
 * request to be called back, or a booked video appointment. The expert's console lists them
 * and marks them done.
 *
 * Everything is checked before it is stored (request-checks.ts), and a refusal is a
 * {@link RequestError} whose `reason` the panel turns into words. A slot is booked once:
 * bookings of one topic are taken one at a time (a transaction-scoped advisory lock, across
 * hub processes too), and a unique index on the slot is the last word if anything slips past.
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../../protocol/index.js';
import { slotStarts, type Hours } from '../offline/business-hours.js';
import { migrate } from './migrations.js';
import {
  checkedContact,
  checkedContext,
  checkedPhone,
  checkedSlot,
  checkedText,
  checkWindow,
  DAY,
  MAX_NAME,
  RequestError,
} from './request-checks.js';
import { databaseOf, type DatabaseSource, type SqlDatabase, type SqlQuery } from './sql.js';

export { RequestError, type RequestProblem } from './request-checks.js';

export type RequestKind = 'message' | 'callback' | 'appointment';

/** `to-do` until an expert marks it `done`; `cancelled` frees an appointment's slot. */
export type RequestStatus = 'to-do' | 'done' | 'cancelled';

const MINUTE = 60_000;

/** Key space of the per-topic booking lock (two-int advisory locks do not meet one-bigint ones). */
const BOOKING_LOCK = 7_201_356;

interface NewRequest {
  /** A topic id from the shop's config; absent or null for the shop as a whole. */
  topic?: string | null | undefined;
  lang: Language;
  /** How to address the shopper; optional. */
  name?: string | null | undefined;
  /** Where the shopper was (page, product), as the conversation's context. */
  context?: unknown;
}

export interface NewMessageRequest extends NewRequest {
  /** Where to answer: an email address or a phone number. */
  contact: string;
  text: string;
}

export interface NewCallbackRequest extends NewRequest {
  phone: string;
  /** When the shopper can take the call: epoch ms, `from` included, `to` excluded. */
  window: { from: number; to: number };
  /**
   * The topic's hours (`hoursFor(config, topic)`): the window must have some of them. Absent:
   * any time will do (a shop that calls back whenever).
   */
  hours?: Hours | undefined;
  /** What it is about; optional. */
  text?: string | null | undefined;
}

export interface NewAppointment extends NewRequest {
  /** Where to send the confirmation and the link: an email address or a phone number. */
  contact: string;
  /** Start of the slot, epoch ms: one of {@link RequestStore.freeSlots}. */
  slotStart: number;
  /** The topic's hours (`hoursFor(config, topic)`): the slot must lie within them. */
  hours: Hours;
  /** The shop's `limits.appointmentSlotMinutes`. */
  slotMinutes: number;
  text?: string | null | undefined;
}

interface StoredRequestBase {
  id: string;
  topic: string | null;
  lang: Language;
  name: string | null;
  /** The shopper's words, or null for a callback or an appointment without a note. */
  text: string | null;
  context: unknown;
  status: RequestStatus;
  createdAt: number;
  doneAt: number | null;
  /** Who marked it done, as given to {@link RequestStore.markDone}. */
  doneBy: string | null;
  cancelledAt: number | null;
}

export type ShopperRequest =
  | (StoredRequestBase & { kind: 'message'; contact: string })
  | (StoredRequestBase & {
      kind: 'callback';
      /** `+` and digits, e.g. `+33612345678`. */
      phone: string;
      window: { from: number; to: number };
    })
  | (StoredRequestBase & { kind: 'appointment'; contact: string; slot: Slot });

/** An appointment slot: epoch ms, `start` included, `end` excluded. */
export interface Slot {
  start: number;
  end: number;
}

export interface RequestStoreOptions {
  /** The shop these requests belong to (`shopId` of its config). */
  shopId: string;
  /** The shop's `callingCode` (`+33`), for phone numbers typed without one. */
  callingCode?: string | null | undefined;
  /** How far ahead a callback window may end or a slot be booked. Default 14 days. */
  maxDaysAhead?: number | undefined;
  /** The clock that decides "in the past"; tests set it. */
  now?: (() => number) | undefined;
}

interface RequestRow {
  id: string;
  kind: RequestKind;
  topic: string | null;
  lang: Language;
  name: string | null;
  contact: string | null;
  phone: string | null;
  body: string | null;
  window_from: Date | string | null;
  window_to: Date | string | null;
  slot_start: Date | string | null;
  slot_minutes: number | null;
  context: unknown;
  status: RequestStatus;
  created_at: Date | string;
  done_at: Date | string | null;
  done_by: string | null;
  cancelled_at: Date | string | null;
}

const iso = (time: number) => new Date(time).toISOString();
const time = (value: Date | string) => new Date(value).getTime();
const timeOrNull = (value: Date | string | null) => (value === null ? null : time(value));

/** Active bookings of one topic that overlap `[$3, $4)`: same start, or another slot length. */
const OVERLAPPING_BOOKINGS = `select slot_start, slot_minutes from requests
  where shop_id = $1 and coalesce(topic, '') = $2 and kind = 'appointment'
    and status <> 'cancelled'
    and slot_start < $4::timestamptz
    and slot_start + slot_minutes * interval '1 minute' > $3::timestamptz`;

export class RequestStore {
  private readonly shopId: string;
  private readonly callingCode: string | null;
  private readonly maxDaysAhead: number;
  private readonly now: () => number;

  private constructor(
    private readonly db: SqlDatabase,
    private readonly ownsDb: boolean,
    options: RequestStoreOptions,
  ) {
    this.shopId = options.shopId;
    this.callingCode = options.callingCode ?? null;
    this.maxDaysAhead = options.maxDaysAhead ?? 14;
    this.now = options.now ?? Date.now;
  }

  /** Opens on its own database (options) or on one shared with the other stores. */
  static async open(source: DatabaseSource, options: RequestStoreOptions): Promise<RequestStore> {
    const { db, owned } = await databaseOf(source);
    await migrate(db);
    return new RequestStore(db, owned, options);
  }

  async leaveMessage(input: NewMessageRequest): Promise<ShopperRequest> {
    const text = checkedText(input.text, 'text');
    if (text === null) throw new RequestError('text-empty', 'A message cannot be empty.', 'text');
    return this.insert(this.db, {
      kind: 'message',
      ...this.basics(input),
      contact: checkedContact(input.contact, this.callingCode),
      body: text,
    });
  }

  async requestCallback(input: NewCallbackRequest): Promise<ShopperRequest> {
    const phone = checkedPhone(input.phone, this.callingCode);
    checkWindow(input.window, this.now(), this.maxDaysAhead, input.hours);
    return this.insert(this.db, {
      kind: 'callback',
      ...this.basics(input),
      phone,
      body: checkedText(input.text, 'text'),
      window_from: iso(input.window.from),
      window_to: iso(input.window.to),
    });
  }

  /** Books the slot, or refuses with `slot-unavailable` or `slot-taken`. */
  async bookAppointment(input: NewAppointment): Promise<ShopperRequest> {
    const basics = this.basics(input);
    const contact = checkedContact(input.contact, this.callingCode);
    const body = checkedText(input.text, 'text');
    const slot = checkedSlot(
      input.hours,
      input.slotStart,
      input.slotMinutes,
      this.now(),
      this.maxDaysAhead,
    );
    const row = {
      kind: 'appointment' as const,
      ...basics,
      contact,
      body,
      slot_start: iso(slot.start),
      slot_minutes: input.slotMinutes,
    };
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [
          BOOKING_LOCK,
          `${this.shopId}/${row.topic ?? ''}`,
        ]);
        const clashes = await tx.query(OVERLAPPING_BOOKINGS, [
          this.shopId,
          row.topic ?? '',
          iso(slot.start),
          iso(slot.end),
        ]);
        if (clashes.length > 0) throw RequestError.slotTaken();
        return this.insert(tx, row);
      });
    } catch (error) {
      // A writer that skipped the lock (an older hub, a hand-made insert) meets the index.
      if ((error as { code?: unknown }).code === '23505') throw RequestError.slotTaken();
      throw error;
    }
  }

  /**
   * The slots a shopper may book for a topic: the grid of `hours` from `from` (default now)
   * for `days` days, in the future and within the booking horizon, minus booked slots.
   */
  async freeSlots(query: {
    hours: Hours;
    slotMinutes: number;
    topic?: string | null | undefined;
    days?: number | undefined;
    from?: number | undefined;
  }): Promise<Slot[]> {
    const now = this.now();
    const from = query.from ?? now;
    const until = Math.min(from + (query.days ?? this.maxDaysAhead) * DAY, this.horizon(now));
    if (until <= from) return [];
    const length = query.slotMinutes * MINUTE;
    const slots = slotStarts(query.hours, from, until, query.slotMinutes)
      .filter((start) => start > now)
      .map((start) => ({ start, end: start + length }));
    const booked = (
      await this.db.query<{ slot_start: Date | string; slot_minutes: number }>(
        OVERLAPPING_BOOKINGS,
        [this.shopId, query.topic ?? '', iso(from), iso(until + length)],
      )
    ).map((b) => ({
      start: time(b.slot_start),
      end: time(b.slot_start) + b.slot_minutes * MINUTE,
    }));
    return slots.filter((slot) => !booked.some((b) => b.start < slot.end && slot.start < b.end));
  }

  async get(id: string): Promise<ShopperRequest | null> {
    const [row] = await this.db.query<RequestRow>(
      'select * from requests where shop_id = $1 and id = $2',
      [this.shopId, id],
    );
    return row ? toRequest(row) : null;
  }

  /**
   * The shop's requests, oldest first (`newestFirst`: the latest first): what the console shows,
   * filtered by status or kind.
   */
  async list(
    filter: {
      status?: RequestStatus;
      kind?: RequestKind;
      limit?: number;
      newestFirst?: boolean;
    } = {},
  ): Promise<ShopperRequest[]> {
    const order = filter.newestFirst ? 'arrival desc' : 'arrival';
    const rows = await this.db.query<RequestRow>(
      `select * from requests
       where shop_id = $1 and ($2::text is null or status = $2) and ($3::text is null or kind = $3)
       order by ${order} limit $4`,
      [this.shopId, filter.status ?? null, filter.kind ?? null, filter.limit ?? 200],
    );
    return rows.map(toRequest);
  }

  /**
   * Marks a request done, by `expertId` when given. A request already done or cancelled is
   * returned as it is: two experts clicking at once is not an error.
   */
  async markDone(id: string, expertId?: string): Promise<ShopperRequest> {
    return this.settle(id, `status = 'done', done_at = now(), done_by = $3`, expertId ?? null);
  }

  /** Cancels a request still to do; a cancelled appointment's slot can be booked again. */
  async cancel(id: string): Promise<ShopperRequest> {
    return this.settle(id, `status = 'cancelled', cancelled_at = now()`);
  }

  async close(): Promise<void> {
    if (this.ownsDb) await this.db.close();
  }

  private async settle(id: string, set: string, ...params: unknown[]): Promise<ShopperRequest> {
    const [row] = await this.db.query<RequestRow>(
      `update requests set ${set} where shop_id = $1 and id = $2 and status = 'to-do' returning *`,
      [this.shopId, id, ...params],
    );
    if (row) return toRequest(row);
    const existing = await this.get(id);
    if (!existing) throw new RequestError('not-found', `No request ${id}.`);
    return existing;
  }

  private horizon(now: number): number {
    return now + this.maxDaysAhead * DAY;
  }

  private basics(input: NewRequest) {
    return {
      topic: input.topic ?? null,
      lang: input.lang,
      name: checkedText(input.name, 'name', MAX_NAME),
      context: checkedContext(input.context),
    };
  }

  private async insert(
    db: SqlQuery,
    row: {
      kind: RequestKind;
      topic: string | null;
      lang: Language;
      name: string | null;
      context: string;
      contact?: string;
      phone?: string;
      body: string | null;
      window_from?: string;
      window_to?: string;
      slot_start?: string;
      slot_minutes?: number;
    },
  ): Promise<ShopperRequest> {
    const [stored] = await db.query<RequestRow>(
      `insert into requests (id, kind, shop_id, topic, lang, name, contact, phone, body,
         window_from, window_to, slot_start, slot_minutes, context)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       returning *`,
      [
        randomUUID(),
        row.kind,
        this.shopId,
        row.topic,
        row.lang,
        row.name,
        row.contact ?? null,
        row.phone ?? null,
        row.body,
        row.window_from ?? null,
        row.window_to ?? null,
        row.slot_start ?? null,
        row.slot_minutes ?? null,
        row.context,
      ],
    );
    return toRequest(stored!);
  }
}

function toRequest(row: RequestRow): ShopperRequest {
  const base: StoredRequestBase = {
    id: row.id,
    topic: row.topic,
    lang: row.lang,
    name: row.name,
    text: row.body,
    context: row.context,
    status: row.status,
    createdAt: time(row.created_at),
    doneAt: timeOrNull(row.done_at),
    doneBy: row.done_by,
    cancelledAt: timeOrNull(row.cancelled_at),
  };
  switch (row.kind) {
    case 'message':
      return { ...base, kind: 'message', contact: row.contact! };
    case 'callback':
      return {
        ...base,
        kind: 'callback',
        phone: row.phone!,
        window: { from: time(row.window_from!), to: time(row.window_to!) },
      };
    case 'appointment': {
      const start = time(row.slot_start!);
      return {
        ...base,
        kind: 'appointment',
        contact: row.contact!,
        slot: { start, end: start + row.slot_minutes! * MINUTE },
      };
    }
  }
}

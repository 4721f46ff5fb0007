/**
 * Where conversations and their transcripts live: PGlite inside the hub by default, a
 * PostgreSQL server when DATABASE_URL is set. A message is stored before it is acknowledged,
 * gets the next sequence number of its conversation (one order for everyone), and a resend
 * with the same client id gets the stored message back instead of a second copy.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PhotoRef, ProductAction, ProductCard } from '../../protocol/index.js';
import { fenceHolds, fenceParams, LeaseLostError, type Fence } from './leader-lease.js';
import { migrate } from './migrations.js';
import { databaseOf, type DatabaseSource, type SqlDatabase } from './sql.js';

export type { StorageOptions } from './sql.js';

export type Author = 'shopper' | 'expert' | 'system';

export interface StoredMessage {
  conversationId: string;
  seq: number;
  /** The sender's own id for the message; null for system lines. */
  clientId: string | null;
  author: Author;
  authorName: string;
  text: string;
  /** A product card: the product as the catalogue gave it when the expert showed it. */
  product?: ProductCard;
  /** A photo its author sent (its bytes are in the photos table). */
  photo?: PhotoRef;
  /** Epoch milliseconds, the hub's clock. */
  at: number;
}

/** What happened to a product in a conversation: shown by the expert, then the shopper's doing. */
export interface ProductEvent {
  productId: string;
  action: 'shown' | ProductAction;
  /** Epoch milliseconds. */
  at: number;
}

/** A customer the hub verified from the shop's token (auth/customer-tokens.ts). */
export interface StoredCustomer {
  id: string;
  name: string;
  email?: string;
}

export interface ConversationRecord {
  id: string;
  mode: string;
  lang: string;
  topic: string | null;
  displayName: string | null;
  /** Who the shop's server said the shopper is, verified; null for an unidentified shopper. */
  customer: StoredCustomer | null;
  context: unknown;
  state: string;
  expertId: string | null;
  expertName: string | null;
  room: string | null;
  endReason: string | null;
  createdAt: number;
  endedAt: number | null;
}

export interface NewConversation {
  id: string;
  mode: string;
  lang: string;
  topic?: string | undefined;
  displayName?: string | undefined;
  customer?: StoredCustomer | undefined;
  context: unknown;
  state: string;
  /** The secret the shopper's browser presents to resume; only its hash is stored. */
  resumeToken: string;
}

/** How a shopper rated a conversation. */
export interface Rating {
  stars: number;
  /** Null when the shopper wrote none. */
  comment: string | null;
  /** Epoch milliseconds. */
  at: number;
}

export interface NewMessage {
  conversationId: string;
  clientId: string | null;
  author: Author;
  authorName: string;
  text: string;
  product?: ProductCard;
  photo?: PhotoRef;
}

interface MessageRow {
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author: Author;
  author_name: string;
  body: string;
  /** jsonb: an object from pg, a string or an object from PGlite. */
  card: ProductCard | string | null;
  photo: PhotoRef | string | null;
  created_at: Date | string;
}

interface ConversationRow {
  id: string;
  mode: string;
  lang: string;
  topic: string | null;
  display_name: string | null;
  customer_id: string | null;
  customer_name: string | null;
  customer_email: string | null;
  context: unknown;
  state: string;
  expert_id: string | null;
  expert_name: string | null;
  room: string | null;
  end_reason: string | null;
  created_at: Date | string;
  ended_at: Date | string | null;
}

export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`No conversation ${conversationId}.`);
  }
}

const CONVERSATION_COLUMNS = `id, mode, lang, topic, display_name, customer_id, customer_name,
  customer_email, context, state, expert_id, expert_name, room, end_reason, created_at, ended_at`;

const UNIQUE_VIOLATION = '23505';

/**
 * $1 conversation, $2 client id (null for system lines), $3 author, $4 author name, $5 text,
 * $6 product card (JSON) or null, $7 photo (JSON) or null; `fence`: a condition on $8 and $9
 * that must hold for the message to be numbered.
 */
const append = (fence: string) => `
  with existing as (
    select * from messages where conversation_id = $1 and client_id = $2::text
  ), numbered as (
    update conversations set last_seq = last_seq + 1
    where id = $1 and not exists (select from existing) and ${fence}
    returning last_seq
  ), inserted as (
    insert into messages (conversation_id, seq, client_id, author, author_name, body, card, photo)
    select $1, last_seq, $2::text, $3, $4, $5, $6::jsonb, $7::jsonb from numbered
    returning *
  )
  select *, false as duplicate from inserted
  union all
  select *, true as duplicate from existing`;

const hash = (token: string) => createHash('sha256').update(token).digest();
const time = (value: Date | string) => new Date(value).getTime();

export class ConversationStore {
  private readonly fenceSql: (first: number) => string;
  private readonly fenceArgs: unknown[];

  private constructor(
    private readonly db: SqlDatabase,
    /** Whether `close()` closes the database too (see {@link DatabaseSource}). */
    private readonly ownsDb: boolean,
    /** The lease every write must still hold (several hubs); none for a hub on its own. */
    private readonly fence?: Fence,
  ) {
    this.fenceSql = fence ? fenceHolds : () => 'true';
    this.fenceArgs = fence ? fenceParams(fence) : [];
  }

  /**
   * The same store, whose writes are refused ({@link LeaseLostError}) once `fence`'s term is
   * over: what the hub that runs the shop's conversations writes through.
   */
  fenced(fence: Fence): ConversationStore {
    return new ConversationStore(this.db, false, fence);
  }

  /** Which engine, for logs and tests. */
  get engine(): 'pglite' | 'postgres' {
    return this.db.engine;
  }

  static async open(source: DatabaseSource = {}): Promise<ConversationStore> {
    const { db, owned } = await databaseOf(source);
    await migrate(db);
    return new ConversationStore(db, owned);
  }

  async create(conversation: NewConversation): Promise<void> {
    const rows = await this.db.query(
      `insert into conversations (id, mode, lang, display_name, context, state, resume_token_hash, topic,
         customer_id, customer_name, customer_email)
       select $1::text, $2::text, $3::text, $4::text, $5::jsonb, $6::text, $7::text, $8::text,
         $9::text, $10::text, $11::text where ${this.fenceSql(12)}
       returning id`,
      [
        conversation.id,
        conversation.mode,
        conversation.lang,
        conversation.displayName ?? null,
        JSON.stringify(conversation.context),
        conversation.state,
        hash(conversation.resumeToken).toString('hex'),
        conversation.topic ?? null,
        conversation.customer?.id ?? null,
        conversation.customer?.name ?? null,
        conversation.customer?.email ?? null,
        ...this.fenceArgs,
      ],
    );
    this.refusedUnless(rows.length > 0);
  }

  async update(
    id: string,
    patch: {
      state?: string;
      expert?: { id: string; name: string } | null;
      room?: string | null;
      endReason?: string;
    },
  ): Promise<void> {
    const rows = await this.db.query(
      `update conversations set
         state = coalesce($2, state),
         expert_id = case when $3::boolean then $4 else expert_id end,
         expert_name = case when $3::boolean then $5 else expert_name end,
         room = case when $7::boolean then $8 else room end,
         end_reason = coalesce($6, end_reason),
         ended_at = case when $6::text is not null then now() else ended_at end
       where id = $1 and ${this.fenceSql(9)}
       returning id`,
      [
        id,
        patch.state ?? null,
        patch.expert !== undefined,
        patch.expert?.id ?? null,
        patch.expert?.name ?? null,
        patch.endReason ?? null,
        patch.room !== undefined,
        patch.room ?? null,
        ...this.fenceArgs,
      ],
    );
    this.refusedUnless(rows.length > 0);
  }

  async get(id: string): Promise<ConversationRecord | null> {
    const [row] = await this.db.query<ConversationRow>(
      `select ${CONVERSATION_COLUMNS} from conversations where id = $1`,
      [id],
    );
    return row ? toConversation(row) : null;
  }

  /** Conversations not ended, oldest first: what a restarted hub picks up again. */
  async open(): Promise<ConversationRecord[]> {
    const rows = await this.db.query<ConversationRow>(
      `select ${CONVERSATION_COLUMNS} from conversations where ended_at is null order by created_at`,
    );
    return rows.map(toConversation);
  }

  /** True when `token` is the one given to this conversation's shopper. */
  async checkResumeToken(id: string, token: string): Promise<boolean> {
    const [row] = await this.db.query<{ resume_token_hash: string }>(
      'select resume_token_hash from conversations where id = $1',
      [id],
    );
    if (!row) return false;
    const expected = Buffer.from(row.resume_token_hash, 'hex');
    const given = hash(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /**
   * Gives the conversation a new resume token (its shopper moved to another device): the old
   * one no longer resumes it.
   */
  async setResumeToken(id: string, token: string): Promise<void> {
    const rows = await this.db.query(
      `update conversations set resume_token_hash = $2 where id = $1 and ${this.fenceSql(3)}
       returning id`,
      [id, hash(token).toString('hex'), ...this.fenceArgs],
    );
    this.refusedUnless(rows.length > 0);
  }

  /** Stores a one-time code that moves the conversation to another device until `expiresAt`. */
  async createHandoff(conversationId: string, code: string, expiresAt: number): Promise<void> {
    await this.db.query(
      'insert into handoffs (code_hash, conversation_id, expires_at) values ($1, $2, $3)',
      [hash(code).toString('hex'), conversationId, new Date(expiresAt)],
    );
  }

  /**
   * The conversation a handoff code moves, if it is unused and not expired at `now`; the code
   * is used up by this, once, even when two devices present it at the same time.
   */
  async takeHandoff(code: string, now: number): Promise<string | undefined> {
    const [row] = await this.db.query<{ conversation_id: string }>(
      `update handoffs set used_at = $2
       where code_hash = $1 and used_at is null and expires_at > $2
       returning conversation_id`,
      [hash(code).toString('hex'), new Date(now)],
    );
    return row?.conversation_id;
  }

  /**
   * Stores a message with the next sequence number. A message whose client id is already
   * stored is not stored again: the stored one comes back with `duplicate: true`.
   *
   * One statement, so one round trip: numbering takes the conversation's row lock, so appends
   * to one conversation run one at a time, across hub processes too. Two sends of one client
   * id at the same instant both find it new; the unique index refuses the second, which then
   * reads the first.
   */
  async append(message: NewMessage): Promise<{ message: StoredMessage; duplicate: boolean }> {
    try {
      const [row] = await this.db.query<MessageRow & { duplicate: boolean }>(
        append(this.fenceSql(8)),
        [
          message.conversationId,
          message.clientId,
          message.author,
          message.authorName,
          message.text,
          message.product ? JSON.stringify(message.product) : null,
          message.photo ? JSON.stringify(message.photo) : null,
          ...this.fenceArgs,
        ],
      );
      if (!row) {
        this.refusedUnless(false);
        throw new ConversationNotFoundError(message.conversationId);
      }
      const { duplicate, ...stored } = row;
      return { message: toMessage(stored), duplicate };
    } catch (error) {
      // Only a client id can clash: a message without one (a system line) is never refused.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      const [existing] = await this.db.query<MessageRow>(
        'select * from messages where conversation_id = $1 and client_id = $2',
        [message.conversationId, message.clientId],
      );
      // Stryker disable next-line ConditionalExpression: the index refused it because that client id is stored, so it is found
      if (!existing) throw error;
      return { message: toMessage(existing), duplicate: true };
    }
  }

  /** Messages after `seq`, in order: what a reconnecting browser missed. */
  async after(conversationId: string, seq: number, limit = 500): Promise<StoredMessage[]> {
    const rows = await this.db.query<MessageRow>(
      `select * from messages where conversation_id = $1 and seq > $2 order by seq limit $3`,
      [conversationId, seq, limit],
    );
    return rows.map(toMessage);
  }

  /** Writes down what happened to a product in a conversation (shown, opened, added, reserved). */
  async recordProductEvent(
    conversationId: string,
    productId: string,
    action: ProductEvent['action'],
  ): Promise<void> {
    await this.db.query(
      'insert into product_events (conversation_id, product_id, action) values ($1, $2, $3)',
      [conversationId, productId, action],
    );
  }

  /** What happened to products in a conversation, oldest first. */
  async productEvents(conversationId: string): Promise<ProductEvent[]> {
    const rows = await this.db.query<{
      product_id: string;
      action: ProductEvent['action'];
      created_at: Date | string;
    }>(
      `select product_id, action, created_at from product_events
       where conversation_id = $1 order by created_at`,
      [conversationId],
    );
    return rows.map((r) => ({ productId: r.product_id, action: r.action, at: time(r.created_at) }));
  }

  /** Whether the expert showed this product in this conversation (a card in its transcript). */
  async wasShown(conversationId: string, productId: string): Promise<boolean> {
    const rows = await this.db.query(
      `select 1 from messages where conversation_id = $1 and card->>'id' = $2 limit 1`,
      [conversationId, productId],
    );
    return rows.length > 0;
  }

  /**
   * Stores the shopper's rating of a conversation; false, and nothing written, when it already
   * has one (the first one stands).
   */
  async rate(conversationId: string, stars: number, comment?: string): Promise<boolean> {
    const rows = await this.db.query(
      `insert into ratings (conversation_id, stars, comment) values ($1, $2, $3)
       on conflict (conversation_id) do nothing
       returning conversation_id`,
      // No comment, or an empty one: none.
      [conversationId, stars, comment || null],
    );
    return rows.length > 0;
  }

  async rating(conversationId: string): Promise<Rating | null> {
    const [row] = await this.db.query<{
      stars: number;
      comment: string | null;
      created_at: Date | string;
    }>('select stars, comment, created_at from ratings where conversation_id = $1', [
      conversationId,
    ]);
    return row ? { stars: row.stars, comment: row.comment, at: time(row.created_at) } : null;
  }

  async close(): Promise<void> {
    if (this.ownsDb) await this.db.close();
  }

  /**
   * A fenced write that changed nothing: the lease is lost (a fenced store only writes to
   * conversations it has, so a missing row means the fence did not hold).
   */
  private refusedUnless(written: boolean): void {
    if (!written && this.fence) throw new LeaseLostError(this.fence);
  }
}

/** A jsonb column: an object from pg, a string or an object from PGlite. */
const json = <T>(value: T | string): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

function toMessage(row: MessageRow): StoredMessage {
  return {
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    author: row.author,
    authorName: row.author_name,
    text: row.body,
    ...(row.card ? { product: json(row.card) } : {}),
    ...(row.photo ? { photo: json(row.photo) } : {}),
    at: time(row.created_at),
  };
}

function toConversation(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    mode: row.mode,
    lang: row.lang,
    topic: row.topic,
    displayName: row.display_name,
    customer:
      row.customer_id !== null && row.customer_name !== null
        ? {
            id: row.customer_id,
            name: row.customer_name,
            ...(row.customer_email !== null ? { email: row.customer_email } : {}),
          }
        : null,
    context: row.context,
    state: row.state,
    expertId: row.expert_id,
    expertName: row.expert_name,
    room: row.room,
    endReason: row.end_reason,
    createdAt: time(row.created_at),
    endedAt: row.ended_at === null ? null : time(row.ended_at),
  };
}

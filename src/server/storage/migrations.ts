/**
 * The schema, as an append-only list of steps: never edit a step that has shipped, add one.
 * The same steps run on PGlite and on PostgreSQL.
 */
import type { SqlDatabase } from './sql.js';

const steps: ReadonlyArray<readonly string[]> = [
  // 1: conversations and their transcript
  [
    `create table conversations (
    id text primary key,
    mode text not null,
    lang text not null,
    display_name text,
    context jsonb not null,
    state text not null,
    expert_id text,
    expert_name text,
    end_reason text,
    resume_token_hash text not null,
    last_seq integer not null default 0,
    created_at timestamptz not null default now(),
    ended_at timestamptz
  )`,
    `create table messages (
    conversation_id text not null references conversations (id) on delete cascade,
    seq integer not null,
    client_id text,
    author text not null,
    author_name text not null,
    body text not null,
    created_at timestamptz not null default now(),
    primary key (conversation_id, seq)
  )`,
    `create unique index messages_client_id on messages (conversation_id, client_id)
      where client_id is not null`,
    'create index conversations_open on conversations (state) where ended_at is null',
  ],
  // 2: the LiveKit room of a live conversation, so a restarted hub can hand out its tokens again
  ['alter table conversations add column room text'],
  // 3: the queue a conversation waits in, so a restarted hub puts it back in the right one
  ['alter table conversations add column topic text'],
  // 4: what shoppers leave when nobody can answer: a message, a callback request, an appointment
  [
    `create table requests (
    id text primary key,
    kind text not null check (kind in ('message', 'callback', 'appointment')),
    shop_id text not null,
    topic text,
    lang text not null,
    name text,
    contact text,
    phone text,
    body text,
    window_from timestamptz,
    window_to timestamptz,
    slot_start timestamptz,
    slot_minutes integer,
    context jsonb not null default '{}',
    status text not null default 'to-do' check (status in ('to-do', 'done', 'cancelled')),
    created_at timestamptz not null default now(),
    done_at timestamptz,
    done_by text,
    cancelled_at timestamptz,
    check (kind <> 'message' or (contact is not null and body is not null)),
    check (kind <> 'callback' or (phone is not null and window_to > window_from)),
    check (kind <> 'appointment'
      or (contact is not null and slot_start is not null and slot_minutes > 0))
  )`,
    // A slot of a topic is booked once; cancelling a booking frees it. coalesce: a null topic
    // (the whole shop) must clash with itself, and unique indexes treat nulls as all distinct.
    `create unique index requests_one_booking_per_slot
      on requests (shop_id, (coalesce(topic, '')), slot_start)
      where kind = 'appointment' and status <> 'cancelled'`,
    `create index requests_to_do on requests (shop_id, created_at) where status = 'to-do'`,
  ],
  // 5: the order requests came in, even two in the same millisecond (PGlite's clock is coarse)
  ['alter table requests add column arrival bigint generated always as identity'],
  // 6: which hub process runs the shop's conversations now, until when, and in which term
  [
    `create table hub_leases (
    shop_id text primary key,
    holder text not null,
    epoch bigint not null,
    expires_at timestamptz not null
  )`,
  ],
  // 7: the retention sweep finds what ended long ago without reading every row
  [
    'create index conversations_ended on conversations (ended_at) where ended_at is not null',
    'create index requests_created on requests (shop_id, created_at)',
  ],
  // 8: how the shopper rated a conversation an expert had: once, 1 to 5 stars, a comment
  [
    `create table ratings (
    conversation_id text primary key references conversations (id) on delete cascade,
    stars smallint not null check (stars between 1 and 5),
    comment text,
    created_at timestamptz not null default now()
  )`,
  ],
  // 9: who the shop's server said the shopper was (a verified customer token), so a restarted
  // hub rings with the same name; deleted with the conversation (retention.ts)
  [
    `alter table conversations
      add column customer_id text,
      add column customer_name text,
      add column customer_email text`,
  ],
  // 10: product cards in the transcript (the product as the catalogue gave it when shown), and
  // what shoppers did with them, for the shop to count sales that came from a conversation
  [
    `alter table messages add column card jsonb`,
    `create table product_events (
    conversation_id text not null references conversations (id) on delete cascade,
    product_id text not null,
    action text not null check (action in ('shown', 'open', 'add-to-cart', 'reserve')),
    created_at timestamptz not null default now()
  )`,
    `create index product_events_by_conversation on product_events (conversation_id)`,
  ],
  // 11: photos a side sent into the conversation (metadata stripped, photos/images.ts), served
  // only at their random id; a transcript line shows one (its id and size); deleted with the
  // conversation (retention.ts)
  [
    `create table photos (
    id text primary key,
    conversation_id text not null references conversations (id) on delete cascade,
    author text not null check (author in ('shopper', 'expert')),
    media_type text not null check (media_type in ('image/jpeg', 'image/png')),
    width integer not null,
    height integer not null,
    data bytea not null,
    created_at timestamptz not null default now()
  )`,
    `create index photos_by_conversation on photos (conversation_id)`,
    `alter table messages add column photo jsonb`,
  ],
  // 12: one-time codes that move a conversation to the shopper's other device (a QR code, a
  // short link): only their hash, a few minutes' life, used once
  [
    `create table handoffs (
    code_hash text primary key,
    conversation_id text not null references conversations (id) on delete cascade,
    expires_at timestamptz not null,
    used_at timestamptz
  )`,
    `create index handoffs_by_conversation on handoffs (conversation_id)`,
  ],
];

/** A fixed key for the advisory lock that keeps two hubs from migrating at the same time. */
const MIGRATION_LOCK = 7_201_355;

export async function migrate(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())',
    );
    const done = await tx.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(done.map((row) => row.version));
    for (const [index, step] of steps.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      for (const statement of step) await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    }
  });
}

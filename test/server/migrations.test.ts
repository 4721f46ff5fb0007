/**
 * The schema the migrations build, on both engines: every step recorded by its number, a second
 * run (a hub restarted, or two starting at once) changing nothing, and the indexes the hub's
 * queries rely on present: the unique ones hold rules (one message per client id, one booking
 * per slot), the others keep the queue, the retention sweep and a transcript's lookups from
 * reading every row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { migrate } from '../../src/server/storage/migrations.js';
import { openDatabase, type SqlDatabase } from '../../src/server/storage/sql.js';
import { storageEngines } from '../support/storage-engines.js';

const engines = await storageEngines('the migrations');

/** Each index of ours (keys aside), on its table, as PostgreSQL prints what follows "btree". */
const INDEXES = [
  ['conversations', 'conversations_ended', '(ended_at) WHERE (ended_at IS NOT NULL)'],
  ['conversations', 'conversations_open', '(state) WHERE (ended_at IS NULL)'],
  ['handoffs', 'handoffs_by_conversation', '(conversation_id)'],
  ['messages', 'messages_client_id', '(conversation_id, client_id) WHERE (client_id IS NOT NULL)'],
  ['photos', 'photos_by_conversation', '(conversation_id)'],
  ['product_events', 'product_events_by_conversation', '(conversation_id)'],
  ['requests', 'requests_created', '(shop_id, created_at)'],
  [
    'requests',
    'requests_one_booking_per_slot',
    "(shop_id, COALESCE(topic, ''::text), slot_start) WHERE ((kind = 'appointment'::text) AND (status <> 'cancelled'::text))",
  ],
  ['requests', 'requests_to_do', "(shop_id, created_at) WHERE (status = 'to-do'::text)"],
];

for (const engine of engines) {
  describe(`the schema on ${engine.name}`, () => {
    let db: SqlDatabase;
    before(async () => {
      db = await openDatabase(await engine.open());
      await migrate(db);
    });
    after(async () => {
      await db.close();
      await engine.dispose();
    });

    const versions = async () =>
      (
        await db.query<{ version: number }>(
          'select version from schema_migrations order by version',
        )
      ).map((row) => row.version);

    it('records each step by its number, from 1 with no gap', async () => {
      const applied = await versions();
      assert.ok(applied.length >= 12, `${applied.length} steps`);
      assert.deepEqual(
        applied,
        applied.map((_, index) => index + 1),
      );
    });

    it('changes nothing when run again, or by two hubs at once', async () => {
      const before = await versions();
      await Promise.all([migrate(db), migrate(db)]);
      await migrate(db);
      assert.deepEqual(await versions(), before);
    });

    it('has the indexes the queries rely on, unique where they hold a rule', async () => {
      const rows = await db.query<{ tablename: string; indexname: string; indexdef: string }>(
        `select tablename, indexname, indexdef from pg_indexes
         where schemaname = current_schema() and indexname not like '%_pkey'
         order by indexname`,
      );
      assert.deepEqual(
        rows.map((row) => [
          row.tablename,
          row.indexname,
          row.indexdef.replace(/^.* USING btree /, ''),
        ]),
        INDEXES,
      );
      assert.deepEqual(
        rows.filter((row) => row.indexdef.startsWith('CREATE UNIQUE')).map((row) => row.indexname),
        ['messages_client_id', 'requests_one_booking_per_slot'],
      );
    });
  });
}

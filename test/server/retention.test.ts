/**
 * Personal data is deleted when its retention is over, on both engines (see
 * test/support/storage-engines.ts): ended conversations with their transcripts, and offline
 * requests with their contact details; never a conversation still open. Old rows are made by
 * storing them as the hub does, then moving their dates back on the database's own clock.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it, mock } from '../support/node-test.js';
import { ConversationStore } from '../../src/server/storage/conversation-store.js';
import { RequestStore } from '../../src/server/storage/requests-store.js';
import { startRetention, sweepExpired } from '../../src/server/storage/retention.js';
import { openDatabase, type SqlDatabase } from '../../src/server/storage/sql.js';
import { until } from '../support/deadline.js';
import { storageEngines } from '../support/storage-engines.js';

const engines = await storageEngines('retention suite');
const DAYS = 30;
const SHOP = 'velo';
/** The sweep's period, as the hub promises it: an hour, not the constant's value. */
const HOUR = 60 * 60 * 1000;

for (const engine of engines) {
  describe(`retention on ${engine.name}`, () => {
    let db: SqlDatabase;
    let conversations: ConversationStore;
    let requests: RequestStore;
    before(async () => {
      db = await openDatabase(await engine.open());
      conversations = await ConversationStore.open(db);
      requests = await RequestStore.open(db, { shopId: SHOP, callingCode: '+33' });
    });
    after(async () => {
      await db.close();
      await engine.dispose();
    });

    /** A conversation with a two-line transcript; ended `endedDaysAgo` days ago, or open. */
    async function conversation(endedDaysAgo: number | 'open', createdDaysAgo = 0) {
      const id = `c-${randomUUID()}`;
      await conversations.create({
        id,
        mode: 'chat',
        lang: 'fr',
        displayName: 'Léa Martin',
        context: { pageUrl: 'https://shop.example/velo' },
        state: 'live',
        resumeToken: randomUUID(),
      });
      for (const text of ['Bonjour', 'Mon adresse est 3 rue des Lilas'])
        await conversations.append({
          conversationId: id,
          clientId: randomUUID(),
          author: 'shopper',
          authorName: 'Léa Martin',
          text,
        });
      await db.query(
        `update conversations set created_at = now() - $2::integer * interval '1 day' where id = $1`,
        [id, createdDaysAgo],
      );
      if (endedDaysAgo !== 'open') {
        await conversations.update(id, { state: 'ended', endReason: 'shopper-hung-up' });
        await db.query(
          `update conversations set ended_at = now() - $2::float8 * interval '1 day' where id = $1`,
          [id, endedDaysAgo],
        );
      }
      return id;
    }

    /** Moves every date of a request back by `days` days, as if it had come in then. */
    const age = (id: string, days: number) =>
      db.query(
        `update requests set
           created_at = created_at - $2::float8 * interval '1 day',
           window_from = window_from - $2::float8 * interval '1 day',
           window_to = window_to - $2::float8 * interval '1 day',
           slot_start = slot_start - $2::float8 * interval '1 day',
           done_at = done_at - $2::float8 * interval '1 day',
           cancelled_at = cancelled_at - $2::float8 * interval '1 day'
         where id = $1`,
        [id, days],
      );

    const message = (shop = requests) =>
      shop.leaveMessage({
        lang: 'fr',
        name: 'Léa Martin',
        contact: 'lea@example.org',
        text: 'Rappelez-moi pour le vélo',
      });

    const transcriptOf = async (id: string) =>
      (await conversations.after(id, 0)).map((m) => m.text);

    it('deletes a conversation ended longer ago than the retention, transcript included', async () => {
      const old = await conversation(DAYS + 1);
      const swept = await sweepExpired(db, { days: DAYS, shopId: SHOP });
      assert.ok(swept.conversations >= 1);
      assert.equal(await conversations.get(old), null);
      assert.deepEqual(await transcriptOf(old), []);
      const [left] = await db.query<{ n: number }>(
        'select count(*)::integer as n from messages where conversation_id = $1',
        [old],
      );
      assert.equal(left?.n, 0);
    });

    it('keeps a conversation that ended within the retention, and one still open however old', async () => {
      const recent = await conversation(DAYS - 0.5);
      const open = await conversation('open', DAYS * 10);
      await sweepExpired(db, { days: DAYS, shopId: SHOP });
      assert.equal((await conversations.get(recent))?.state, 'ended');
      assert.deepEqual(await transcriptOf(recent), ['Bonjour', 'Mon adresse est 3 rue des Lilas']);
      assert.equal((await conversations.get(open))?.endedAt, null);
      assert.deepEqual(await transcriptOf(open), ['Bonjour', 'Mon adresse est 3 rue des Lilas']);
      assert.ok((await conversations.open()).some((c) => c.id === open));
    });

    it("deletes the shop's requests over for longer than the retention, contact and words included", async () => {
      const settledLongAgo = await message();
      await requests.markDone(settledLongAgo.id, 'expert-1');
      await age(settledLongAgo.id, DAYS + 1);
      const cancelledLongAgo = await requests.requestCallback({
        lang: 'fr',
        phone: '06 12 34 56 78',
        window: { from: Date.now() + 3_600_000, to: Date.now() + 7_200_000 },
      });
      await requests.cancel(cancelledLongAgo.id);
      await age(cancelledLongAgo.id, DAYS + 1);
      const unansweredLongAgo = await message();
      await age(unansweredLongAgo.id, DAYS + 1);

      await sweepExpired(db, { days: DAYS, shopId: SHOP });
      for (const gone of [settledLongAgo, cancelledLongAgo, unansweredLongAgo])
        assert.equal(await requests.get(gone.id), null, gone.kind);
      const [left] = await db.query<{ n: number }>(
        'select count(*)::integer as n from requests where id = any($1::text[])',
        [[settledLongAgo.id, cancelledLongAgo.id, unansweredLongAgo.id]],
      );
      assert.equal(left?.n, 0);
    });

    it('keeps requests still needed: recent, settled recently, or whose callback window is recent', async () => {
      const recent = await message();
      const settledRecently = await message();
      await age(settledRecently.id, DAYS + 5);
      // Came in long ago, dealt with yesterday: counted from when it was done.
      await requests.markDone(settledRecently.id, 'expert-1');
      const callback = await requests.requestCallback({
        lang: 'fr',
        phone: '06 12 34 56 78',
        window: { from: Date.now() + 3_600_000, to: Date.now() + 2 * 86_400_000 },
      });
      // Came in DAYS + 1 days ago for a window that ended DAYS - 1 days ago: still to do.
      await age(callback.id, DAYS + 1);
      const otherShop = await RequestStore.open(db, { shopId: 'hifi', callingCode: '+33' });
      const elsewhere = await message(otherShop);
      await age(elsewhere.id, DAYS + 1);

      await sweepExpired(db, { days: DAYS, shopId: SHOP });
      assert.equal((await requests.get(recent.id))?.status, 'to-do');
      assert.equal((await requests.get(settledRecently.id))?.status, 'done');
      assert.equal((await requests.get(callback.id))?.status, 'to-do');
      assert.equal(
        (await otherShop.get(elsewhere.id))?.status,
        'to-do',
        "another shop's requests follow that shop's hub",
      );
    });

    it('sweeps idempotently: a second sweep, or two at once, delete nothing more', async () => {
      const old = await conversation(DAYS + 2);
      const oldRequest = await message();
      await age(oldRequest.id, DAYS + 2);
      const kept = await conversation(1);
      const keptRequest = await message();

      const [first, second] = await Promise.all([
        sweepExpired(db, { days: DAYS, shopId: SHOP }),
        sweepExpired(db, { days: DAYS, shopId: SHOP }),
      ]);
      assert.equal(first.conversations + second.conversations, 1);
      assert.equal(first.requests + second.requests, 1);
      assert.deepEqual(await sweepExpired(db, { days: DAYS, shopId: SHOP }), {
        conversations: 0,
        requests: 0,
      });
      assert.equal(await conversations.get(old), null);
      assert.equal(await requests.get(oldRequest.id), null);
      assert.equal((await conversations.get(kept))?.state, 'ended');
      assert.equal((await requests.get(keptRequest.id))?.status, 'to-do');
    });

    it('sweeps again on its timer, and logs counts only', async () => {
      const logged: Array<{ event: string; fields?: Record<string, unknown> }> = [];
      const retention = await startRetention(db, {
        days: DAYS,
        shopId: SHOP,
        everyMs: 20,
        log: (event, fields) => logged.push({ event, ...(fields ? { fields } : {}) }),
      });
      try {
        const old = await conversation(DAYS + 1);
        await until(
          () => conversations.get(old),
          (row) => row === null,
          { what: 'the timed sweep deleting an expired conversation' },
        );
      } finally {
        await retention.stop();
      }
      const swept = logged.filter((l) => l.event === 'retention.swept');
      assert.ok(swept.length >= 1);
      assert.deepEqual(Object.keys(swept[0]!.fields ?? {}).sort(), [
        'conversations',
        'days',
        'requests',
      ]);
    });

    it('sweeps at start, and logs a sweep only when it deleted something', async () => {
      await sweepExpired(db, { days: DAYS, shopId: SHOP });
      const logged: Array<[string, Record<string, unknown> | undefined]> = [];
      const start = async () =>
        (
          await startRetention(db, {
            days: DAYS,
            shopId: SHOP,
            log: (event, fields) => logged.push([event, fields]),
          })
        ).stop();
      await conversation(DAYS - 1);
      await start();
      assert.deepEqual(logged, [], 'nothing deleted, nothing said');
      const oldRequest = await message();
      await age(oldRequest.id, DAYS + 1);
      await start();
      assert.deepEqual(logged, [
        ['retention.swept', { days: DAYS, conversations: 0, requests: 1 }],
      ]);
      await conversation(DAYS + 1);
      await start();
      assert.deepEqual(logged[1], [
        'retention.swept',
        { days: DAYS, conversations: 1, requests: 0 },
      ]);
    });

    it('sweeps again once an hour after the start, not sooner', async () => {
      mock.timers.enable({ apis: ['setInterval'] });
      try {
        const retention = await startRetention(db, { days: DAYS, shopId: SHOP, log: () => {} });
        const old = await conversation(DAYS + 1);
        mock.timers.tick(HOUR - 1);
        // A sweep started by that tick would have asked its delete before this read.
        assert.notEqual(await conversations.get(old), null, 'not swept before the hour');
        mock.timers.tick(1);
        await retention.stop();
        assert.equal(await conversations.get(old), null, 'swept on the hour');
      } finally {
        mock.timers.reset();
      }
    });

    it('takes one day as the shortest retention', async () => {
      const recent = await conversation(0.5);
      const old = await conversation(1.5);
      const swept = await sweepExpired(db, { days: 1, shopId: SHOP });
      assert.ok(swept.conversations >= 1);
      assert.notEqual(await conversations.get(recent), null);
      assert.equal(await conversations.get(old), null);
    });

    it('refuses a retention that is not a whole number of days', async () => {
      for (const days of [0, -1, 1.5, Number.NaN])
        await assert.rejects(sweepExpired(db, { days, shopId: SHOP }), RangeError, String(days));
    });
  });
}

/**
 * The storage suite, run against both engines: PGlite in-process, and the PostgreSQL server on
 * 127.0.0.1:5432 (database `test`, or TEST_DATABASE_URL), each in a schema of its own.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from '../support/node-test.js';
import { until } from '../support/deadline.js';
import {
  ConversationNotFoundError,
  ConversationStore,
} from '../../src/server/storage/conversation-store.js';
import { storageEngines } from '../support/storage-engines.js';
import type { StorageOptions } from '../../src/server/storage/sql.js';
import pg from 'pg';

const engines = await storageEngines('storage suite');

let counter = 0;
async function newConversation(store: ConversationStore, token = 'secret-token'): Promise<string> {
  const id = `c-${++counter}-${randomUUID().slice(0, 8)}`;
  await store.create({
    id,
    mode: 'video',
    lang: 'fr',
    context: { pageUrl: 'https://shop/p' },
    state: 'queued',
    resumeToken: token,
  });
  return id;
}

const say = (conversationId: string, text: string, clientId: string | null = randomUUID()) => ({
  conversationId,
  clientId,
  author: 'shopper' as const,
  authorName: 'Léa',
  text,
});

for (const engine of engines) {
  describe(`conversation storage on ${engine.name}`, () => {
    let store: ConversationStore;
    let options: StorageOptions;
    before(async () => {
      options = await engine.open();
      store = await ConversationStore.open(options);
    });
    after(async () => {
      await store.close();
      await engine.dispose();
    });

    it('numbers the messages of a conversation 1, 2, 3 in the order they are stored', async () => {
      const id = await newConversation(store);
      const seqs = [];
      for (const text of ['bonjour', 'une question', 'merci'])
        seqs.push((await store.append(say(id, text))).message.seq);
      assert.deepEqual(seqs, [1, 2, 3]);
      assert.deepEqual(
        (await store.after(id, 0)).map((m) => m.text),
        ['bonjour', 'une question', 'merci'],
      );
    });

    it('stores a resent message once and gives the stored one back', async () => {
      const id = await newConversation(store);
      const first = await store.append(say(id, 'hello', 'client-1'));
      const again = await store.append(say(id, 'hello', 'client-1'));
      assert.equal(first.duplicate, false);
      assert.equal(again.duplicate, true);
      assert.deepEqual(again.message, first.message);
      assert.equal((await store.after(id, 0)).length, 1);
    });

    it('gives concurrent messages distinct numbers with no gap, and races of one resend store it once', async () => {
      const id = await newConversation(store);
      const results = await Promise.all([
        ...Array.from({ length: 40 }, (_, i) => store.append(say(id, `m${i}`))),
        ...Array.from({ length: 10 }, () => store.append(say(id, 'same', 'retried'))),
      ]);
      const stored = await store.after(id, 0);
      assert.deepEqual(
        stored.map((m) => m.seq),
        Array.from({ length: 41 }, (_, i) => i + 1),
      );
      assert.equal(stored.filter((m) => m.clientId === 'retried').length, 1);
      assert.equal(
        new Set(results.filter((r) => r.message.clientId === 'retried').map((r) => r.message.seq))
          .size,
        1,
      );
    });

    if (engine.name === 'PostgreSQL')
      it('gives the stored message back to a resend that met it at the same instant', async () => {
        // Both sends wait on the conversation's row, each having found the client id new;
        // the second one's insert then meets the unique index, and reads the first one's.
        const id = await newConversation(store);
        const locker = new pg.Client({ connectionString: options.databaseUrl });
        await locker.connect();
        try {
          await locker.query('begin');
          await locker.query('select 1 from conversations where id = $1 for update', [id]);
          const sends = [
            store.append(say(id, 'same instant', 'client-race')),
            store.append(say(id, 'same instant', 'client-race')),
          ];
          await until(
            async () =>
              (
                await locker.query(
                  `select count(*)::integer as n from pg_stat_activity
                   where wait_event_type = 'Lock' and query like '%with existing%'`,
                )
              ).rows[0].n as number,
            (waiting) => waiting === 2,
            { what: 'both sends waiting on the conversation' },
          );
          await locker.query('commit');
          const results = await Promise.all(sends);
          assert.deepEqual(results.map((r) => r.duplicate).sort(), [false, true]);
          assert.deepEqual(results[0]?.message, results[1]?.message);
          assert.deepEqual(
            (await store.after(id, 0)).map((m) => [m.seq, m.clientId]),
            [[1, 'client-race']],
          );
        } finally {
          await locker.end();
        }
      });

    it('returns what a reconnecting browser missed, after the last number it saw', async () => {
      const id = await newConversation(store);
      for (let i = 1; i <= 5; i++) await store.append(say(id, `m${i}`));
      assert.deepEqual(
        (await store.after(id, 3)).map((m) => m.seq),
        [4, 5],
      );
      assert.deepEqual(await store.after(id, 5), []);
    });

    it('keeps hostile text exactly as sent, as data', async () => {
      const id = await newConversation(store);
      const hostile = [
        '<script>alert(1)</script>',
        "'; drop table messages; --",
        '\u202Eevil\u202C right-to-left override',
        '𝕳𝖊𝖑𝖑𝖔 👋🏽 ﷽ 漢字',
        'x'.repeat(4000),
        '$1 $2 \\ %s %d',
      ];
      for (const text of hostile) await store.append(say(id, text));
      assert.deepEqual(
        (await store.after(id, 0)).map((m) => m.text),
        hostile,
      );
    });

    it('refuses a message for a conversation that does not exist', async () => {
      await assert.rejects(store.append(say('nope', 'hi')), ConversationNotFoundError);
    });

    it('recognises the shopper by the resume token only', async () => {
      const id = await newConversation(store, 'the-right-one');
      assert.equal(await store.checkResumeToken(id, 'the-right-one'), true);
      assert.equal(await store.checkResumeToken(id, 'the-wrong-one'), false);
      assert.equal(await store.checkResumeToken('unknown', 'the-right-one'), false);
    });

    it('records the expert and the end, and lists only conversations still open', async () => {
      const open = await newConversation(store);
      const ended = await newConversation(store);
      await store.update(open, { state: 'live', expert: { id: 'dev-ana', name: 'Ana' } });
      await store.update(ended, { state: 'ended', endReason: 'expert-hung-up' });
      const record = await store.get(open);
      assert.equal(record?.state, 'live');
      assert.equal(record?.expertName, 'Ana');
      assert.deepEqual(record?.context, { pageUrl: 'https://shop/p' });
      const openIds = (await store.open()).map((c) => c.id);
      assert.ok(openIds.includes(open));
      assert.ok(!openIds.includes(ended));
      assert.notEqual((await store.get(ended))?.endedAt, null);
    });

    it('reads back a conversation as stored: name, topic and customer, or null where none was given', async () => {
      const bare = await newConversation(store);
      const full = `c-full-${randomUUID().slice(0, 8)}`;
      await store.create({
        id: full,
        mode: 'chat',
        lang: 'de',
        displayName: 'Léa',
        topic: 'kitchen',
        customer: { id: 'cust-7', name: 'Léa Martin', email: 'lea@example.com' },
        context: { pageUrl: 'https://shop/q', product: { id: 'p-1' } },
        state: 'queued',
        resumeToken: 'full-token',
      });
      const noEmail = `c-noemail-${randomUUID().slice(0, 8)}`;
      await store.create({
        id: noEmail,
        mode: 'voice',
        lang: 'fr',
        customer: { id: 'cust-8', name: 'Marc' },
        context: {},
        state: 'queued',
        resumeToken: 'x',
      });
      const b = await store.get(bare);
      assert.deepEqual(
        [b?.mode, b?.lang, b?.displayName, b?.topic, b?.customer, b?.state, b?.room, b?.expertId],
        ['video', 'fr', null, null, null, 'queued', null, null],
      );
      assert.equal(b?.endReason, null);
      assert.equal(b?.endedAt, null);
      assert.ok(Math.abs((b?.createdAt ?? 0) - Date.now()) < 60_000, 'created now, in ms');
      const f = await store.get(full);
      assert.deepEqual(
        [f?.mode, f?.lang, f?.displayName, f?.topic, f?.customer, f?.context],
        [
          'chat',
          'de',
          'Léa',
          'kitchen',
          { id: 'cust-7', name: 'Léa Martin', email: 'lea@example.com' },
          { pageUrl: 'https://shop/q', product: { id: 'p-1' } },
        ],
      );
      assert.deepEqual((await store.get(noEmail))?.customer, { id: 'cust-8', name: 'Marc' });
      assert.equal(await store.get('no-such-conversation'), null);
    });

    it('changes only what an update names: the room and the expert stay until set or cleared', async () => {
      const id = await newConversation(store);
      await store.update(id, { state: 'live', expert: { id: 'ana', name: 'Ana' }, room: 'r-1' });
      await store.update(id, { state: 'paused' });
      let record = await store.get(id);
      assert.deepEqual(
        [record?.state, record?.expertId, record?.expertName, record?.room],
        ['paused', 'ana', 'Ana', 'r-1'],
      );
      await store.update(id, { room: null });
      record = await store.get(id);
      assert.deepEqual([record?.state, record?.expertId, record?.room], ['paused', 'ana', null]);
      await store.update(id, { expert: null, room: 'r-2' });
      record = await store.get(id);
      assert.deepEqual([record?.expertId, record?.expertName, record?.room], [null, null, 'r-2']);
      assert.equal(record?.endedAt, null);
      await store.update(id, { endReason: 'shopper-left' });
      record = await store.get(id);
      assert.deepEqual([record?.state, record?.endReason], ['paused', 'shopper-left']);
      assert.notEqual(record?.endedAt, null);
    });

    it('moves a conversation by a hand-off code once, before it expires, and to nothing else', async () => {
      const id = await newConversation(store);
      const now = Date.now();
      await store.createHandoff(id, 'code-once', now + 60_000);
      await store.createHandoff(id, 'code-late', now + 1_000);
      assert.equal(await store.takeHandoff('code-unknown', now), undefined);
      assert.equal(await store.takeHandoff('code-late', now + 1_000), undefined, 'expired');
      const takes = await Promise.all([
        store.takeHandoff('code-once', now),
        store.takeHandoff('code-once', now),
      ]);
      assert.deepEqual(takes.sort(), [id, undefined].sort(), 'taken by one device only');
      assert.equal(await store.takeHandoff('code-once', now), undefined, 'used up');
      await store.createHandoff(id, 'code-just', now + 1_000);
      assert.equal(await store.takeHandoff('code-just', now + 999), id, 'still valid');
    });

    it('gives a new resume token: the old one no longer resumes', async () => {
      const id = await newConversation(store, 'first-device');
      await store.setResumeToken(id, 'second-device');
      assert.equal(await store.checkResumeToken(id, 'first-device'), false);
      assert.equal(await store.checkResumeToken(id, 'second-device'), true);
    });

    it('keeps a product card and a photo with their message, and neither where there was none', async () => {
      const id = await newConversation(store);
      const card = {
        id: 'sku-42',
        name: 'Lave-linge 9 kg',
        url: 'https://shop/p/sku-42',
        price: { amount: 499.99, currency: 'EUR' },
        availability: { store: 'Lyon', inStock: true },
      };
      const photo = { id: 'ph-1', type: 'image/jpeg' as const, width: 640, height: 480 };
      await store.append({ ...say(id, 'voici'), author: 'expert', product: card });
      await store.append({ ...say(id, 'ma machine'), photo });
      await store.append(say(id, 'merci'));
      const [withCard, withPhoto, plain] = await store.after(id, 0);
      assert.deepEqual(withCard?.product, card);
      assert.equal(withCard?.author, 'expert');
      assert.equal('photo' in (withCard ?? {}), false);
      assert.deepEqual(withPhoto?.photo, photo);
      assert.equal('product' in (withPhoto ?? {}), false);
      assert.deepEqual(Object.keys(plain ?? {}).sort(), [
        'at',
        'author',
        'authorName',
        'clientId',
        'conversationId',
        'seq',
        'text',
      ]);
      assert.equal(await store.wasShown(id, 'sku-42'), true);
      assert.equal(await store.wasShown(id, 'sku-43'), false);
      assert.equal(await store.wasShown(await newConversation(store), 'sku-42'), false);
    });

    it('writes down what happened to products, oldest first, per conversation', async () => {
      const id = await newConversation(store);
      const other = await newConversation(store);
      await store.recordProductEvent(id, 'sku-1', 'shown');
      await store.recordProductEvent(other, 'sku-9', 'shown');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.recordProductEvent(id, 'sku-1', 'add-to-cart');
      const events = await store.productEvents(id);
      assert.deepEqual(
        events.map((e) => [e.productId, e.action]),
        [
          ['sku-1', 'shown'],
          ['sku-1', 'add-to-cart'],
        ],
      );
      assert.ok(
        events.every((e) => Math.abs(e.at - Date.now()) < 60_000),
        'times in ms',
      );
      assert.deepEqual(await store.productEvents('no-such-conversation'), []);
    });

    it('reads messages after a number, at most as many as asked', async () => {
      const id = await newConversation(store);
      for (const text of ['a', 'b', 'c', 'd']) await store.append(say(id, text));
      assert.deepEqual(
        (await store.after(id, 1, 2)).map((m) => m.text),
        ['b', 'c'],
      );
      const [first] = await store.after(id, 0, 1);
      assert.equal(first?.conversationId, id);
      assert.equal(first?.authorName, 'Léa');
      assert.ok(Math.abs((first?.at ?? 0) - Date.now()) < 60_000, 'time in ms');
    });

    it('keeps the first rating of a conversation, its comment as typed, and no empty comment', async () => {
      const rated = await newConversation(store);
      const silent = await newConversation(store);
      assert.equal(await store.rating(rated), null);
      assert.equal(await store.rate(rated, 4, "<b>Clear</b> & patient, l'été"), true);
      assert.equal(await store.rate(rated, 1, 'changed my mind'), false);
      const stored = await store.rating(rated);
      assert.equal(stored?.stars, 4);
      assert.equal(stored?.comment, "<b>Clear</b> & patient, l'été");
      assert.equal(await store.rate(silent, 5, ''), true);
      assert.equal((await store.rating(silent))?.comment, null);
      const starsOnly = await newConversation(store);
      assert.equal(await store.rate(starsOnly, 3), true);
      assert.deepEqual(
        [(await store.rating(starsOnly))?.stars, (await store.rating(starsOnly))?.comment],
        [3, null],
      );
    });

    it('refuses a rating out of 1 to 5, or for a conversation that does not exist', async () => {
      const id = await newConversation(store);
      await assert.rejects(store.rate(id, 6));
      await assert.rejects(store.rate(id, 0));
      await assert.rejects(store.rate('no-such-conversation', 3));
      assert.equal(await store.rating(id), null);
    });
  });
}

describe('PGlite on disk', () => {
  it('keeps conversations and transcripts across a restart of the hub', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'expert-call-pglite-'));
    try {
      // A folder that does not exist yet, two levels down: as `.data/hub` on a fresh clone.
      let store = await ConversationStore.open({ dataDir: join(dataDir, 'not', 'there') });
      const id = await newConversation(store);
      await store.append(say(id, 'before the restart'));
      await store.close();
      store = await ConversationStore.open({ dataDir: join(dataDir, 'not', 'there') });
      await store.append(say(id, 'after the restart'));
      assert.deepEqual(
        (await store.after(id, 0)).map((m) => [m.seq, m.text]),
        [
          [1, 'before the restart'],
          [2, 'after the restart'],
        ],
      );
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/**
 * The shop's lease, on both engines: one holder at a time, a new term each time it changes
 * hands, and the writes of a term that is over refused by the database (the fence).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from '../support/node-test.js';
import { until } from '../support/deadline.js';
import { ConversationStore } from '../../src/server/storage/conversation-store.js';
import { claimLease, LeaseLostError, releaseLease } from '../../src/server/storage/leader-lease.js';
import { openDatabase, type SqlDatabase } from '../../src/server/storage/sql.js';
import { storageEngines } from '../support/storage-engines.js';

const engines = await storageEngines('leader lease suite');

/** Long enough never to run out during a test that does not wait for it. */
const LONG = 60_000;
const SHORT = 150;

for (const engine of engines) {
  describe(`the shop's lease on ${engine.name}`, () => {
    let db: SqlDatabase;
    let store: ConversationStore;
    before(async () => {
      db = await openDatabase(await engine.open());
      store = await ConversationStore.open(db);
    });
    after(async () => {
      await db.close();
      await engine.dispose();
    });
    const shop = () => `shop-${randomUUID().slice(0, 8)}`;

    it('goes to the first hub that asks, and stays with it while it renews', async () => {
      const id = shop();
      assert.deepEqual(await claimLease(db, id, 'hub-a', LONG), { holder: 'hub-a', epoch: 1 });
      assert.deepEqual(await claimLease(db, id, 'hub-b', LONG), { holder: 'hub-a', epoch: 1 });
      assert.deepEqual(
        await claimLease(db, id, 'hub-a', LONG),
        { holder: 'hub-a', epoch: 1 },
        'renewing keeps the term',
      );
    });

    it('is given to one of many hubs asking at once', async () => {
      const id = shop();
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => claimLease(db, id, `hub-${i}`, LONG)),
      );
      assert.equal(new Set(answers.map((a) => a.holder)).size, 1, 'every hub is told one holder');
      assert.deepEqual(new Set(answers.map((a) => a.epoch)), new Set([1]));
    });

    it('goes to another hub once it has run out, in a new term', async () => {
      const id = shop();
      await claimLease(db, id, 'hub-a', SHORT);
      const taken = await until(
        () => claimLease(db, id, 'hub-b', LONG),
        (lease) => lease.holder === 'hub-b',
        { what: 'hub B taking the lease once hub A stopped renewing it' },
      );
      assert.equal(taken.epoch, 2);
      assert.deepEqual(
        await claimLease(db, id, 'hub-a', LONG),
        { holder: 'hub-b', epoch: 2 },
        'hub A coming back does not take it back',
      );
    });

    it('is let go at once by a hub stopping on purpose', async () => {
      const id = shop();
      const lease = await claimLease(db, id, 'hub-a', LONG);
      await releaseLease(db, { shopId: id, epoch: lease.epoch });
      assert.deepEqual(await claimLease(db, id, 'hub-b', LONG), { holder: 'hub-b', epoch: 2 });
    });

    it('refuses every write of a term that is over, and stores none of it', async () => {
      const id = shop();
      const first = await claimLease(db, id, 'hub-a', SHORT);
      const fenced = store.fenced({ shopId: id, epoch: first.epoch });
      const conversation = `c-${randomUUID()}`;
      await fenced.create({
        id: conversation,
        mode: 'chat',
        lang: 'fr',
        context: {},
        state: 'queued',
        resumeToken: 'token',
      });
      await fenced.append({
        conversationId: conversation,
        clientId: 'm1',
        author: 'shopper',
        authorName: '',
        text: 'while hub A holds the lease',
      });
      await until(
        () => claimLease(db, id, 'hub-b', LONG),
        (lease) => lease.holder === 'hub-b',
        { what: 'hub B taking over' },
      );

      // Hub A, paused through all that, wakes up and goes on writing.
      await assert.rejects(
        fenced.append({
          conversationId: conversation,
          clientId: 'm2',
          author: 'shopper',
          authorName: '',
          text: 'from a term that is over',
        }),
        LeaseLostError,
      );
      await assert.rejects(fenced.update(conversation, { state: 'ringing' }), LeaseLostError);
      await assert.rejects(fenced.setResumeToken(conversation, 'stolen'), LeaseLostError);
      await assert.rejects(
        fenced.create({
          id: `c-${randomUUID()}`,
          mode: 'chat',
          lang: 'fr',
          context: {},
          state: 'queued',
          resumeToken: 'token',
        }),
        LeaseLostError,
      );
      assert.deepEqual(
        (await store.after(conversation, 0)).map((m) => m.text),
        ['while hub A holds the lease'],
      );
      assert.equal((await store.get(conversation))?.state, 'queued');
      assert.equal(await store.checkResumeToken(conversation, 'token'), true);
      assert.equal(await store.checkResumeToken(conversation, 'stolen'), false);

      // Hub B's own writes, in its term, go through.
      const second = store.fenced({ shopId: id, epoch: 2 });
      await second.update(conversation, { state: 'ringing' });
      assert.equal((await store.get(conversation))?.state, 'ringing');
      await second.setResumeToken(conversation, 'moved');
      assert.equal(await store.checkResumeToken(conversation, 'moved'), true);
      assert.equal(await store.checkResumeToken(conversation, 'token'), false);
    });
  });
}

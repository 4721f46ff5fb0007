/**
 * The shopper's rating of a conversation, through the hub's real WebSocket with a real LiveKit
 * server and real storage (PostgreSQL when it answers, so the test can read what was stored):
 * stored, then answered, then shown to the expert; refused before the end, for a conversation
 * that is not the sender's, without an expert, twice, or out of 1 to 5.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { ConversationStore } from '../../src/server/storage/conversation-store.js';
import type { StorageOptions } from '../../src/server/storage/sql.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { storageEngines, type StorageEngine } from '../support/storage-engines.js';

let stack: HubFixture;
let engine: StorageEngine | undefined;
/** The hub's own storage, read beside it; undefined on in-memory PGlite, which only it can read. */
let store: ConversationStore | undefined;
const track = trackPeers(() => stack);

before(async () => {
  engine = (await storageEngines('ratings')).find((e) => e.name === 'PostgreSQL');
  const storage: StorageOptions = engine ? await engine.open() : {};
  stack = await startHubFixture({ storage });
  if (engine) store = await ConversationStore.open(storage);
});
after(async () => {
  await stack.stop();
  await store?.close();
  await engine?.dispose();
});

let experts = 0;
/** A call between a fresh expert and a fresh shopper, live, and ended if `ended`. */
async function call({ ended }: { ended: boolean }) {
  const expert = track(await HubPeer.expert(stack.hub.url, `Rated ${++experts}`));
  const shopper = track(await HubPeer.shopper(stack.hub.url, 'chat'));
  const { conversationId } = await shopper.next('conversation.opened');
  const ring = await expert.next('expert.ring');
  expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await shopper.next('call.live');
  if (ended) {
    shopper.send({ type: 'call.end', conversationId });
    await shopper.next('call.ended');
    await expert.next('call.ended');
    // Not rung again: the next call of the same test is between fresh peers.
    expert.send({ type: 'expert.set-presence', status: 'away' });
    await expert.next('expert.presence');
  }
  return { expert, shopper, conversationId };
}

describe('a shopper rates their conversation', () => {
  it('is stored once the conversation has ended, then confirmed, and the expert is told', async () => {
    const { expert, shopper, conversationId } = await call({ ended: true });
    shopper.send({ type: 'shopper.rate', conversationId, stars: 4, comment: '  Clear\u0000 ' });
    assert.deepEqual(await shopper.next('shopper.rated'), {
      type: 'shopper.rated',
      conversationId,
    });
    assert.deepEqual(await expert.next('expert.rated'), {
      type: 'expert.rated',
      conversationId,
      stars: 4,
      comment: 'Clear',
    });
    if (store) {
      const stored = await store.rating(conversationId);
      assert.equal(stored?.stars, 4);
      assert.equal(stored?.comment, 'Clear');
    }
  });

  it('keeps the first rating: a second one is refused with a reason', async () => {
    const { expert, shopper, conversationId } = await call({ ended: true });
    shopper.send({ type: 'shopper.rate', conversationId, stars: 5 });
    await shopper.next('shopper.rated');
    shopper.send({ type: 'shopper.rate', conversationId, stars: 1, comment: 'second thoughts' });
    const refused = await shopper.refusal();
    assert.equal(refused.reason, 'wrong-state');
    assert.equal(refused.ref, 'shopper.rate');
    assert.match(refused.message, /already rated/);
    await expert.roundTrip();
    assert.equal(expert.received.filter((m) => m.type === 'expert.rated').length, 1);
    if (store) assert.equal((await store.rating(conversationId))?.stars, 5);
  });

  it('is refused while the conversation goes on', async () => {
    const { expert, shopper, conversationId } = await call({ ended: false });
    shopper.send({ type: 'shopper.rate', conversationId, stars: 3 });
    const refused = await shopper.refusal();
    assert.equal(refused.reason, 'wrong-state');
    assert.match(refused.message, /once it has ended/);
    await expert.roundTrip();
    assert.ok(!expert.received.some((m) => m.type === 'expert.rated'));
    if (store) assert.equal(await store.rating(conversationId), null);
  });

  it('is refused for a conversation that is not the sender’s: another shopper’s, an expert, a stranger', async () => {
    const mine = await call({ ended: true });
    const theirs = await call({ ended: true });
    const rateTheirs = {
      type: 'shopper.rate',
      conversationId: theirs.conversationId,
      stars: 1,
    } as const;
    const stranger = track(await HubPeer.open(stack.hub.url));
    for (const peer of [mine.shopper, theirs.expert, stranger]) {
      peer.send(rateTheirs);
      const refused = await peer.refusal();
      assert.equal(refused.reason, 'wrong-state');
      assert.equal(refused.ref, 'shopper.rate');
    }
    await theirs.expert.roundTrip();
    assert.ok(!theirs.expert.received.some((m) => m.type === 'expert.rated'));
    if (store) assert.equal(await store.rating(theirs.conversationId), null);
    // The rightful shopper can still rate it.
    theirs.shopper.send(rateTheirs);
    await theirs.shopper.next('shopper.rated');
  });

  it('is refused after leaving the queue: no expert had the conversation', async () => {
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    const { conversationId } = await shopper.next('conversation.opened');
    shopper.send({ type: 'shopper.cancel' });
    await shopper.next('call.ended');
    shopper.send({ type: 'shopper.rate', conversationId, stars: 2 });
    const refused = await shopper.refusal();
    assert.equal(refused.reason, 'wrong-state');
    assert.match(refused.message, /expert joined/);
  });

  for (const stars of [0, 6, 3.5]) {
    it(`refuses ${stars} stars as an invalid message, said with the field`, async () => {
      const { shopper, conversationId } = await call({ ended: true });
      shopper.send({ type: 'shopper.rate', conversationId, stars });
      const refused = await shopper.refusal();
      assert.equal(refused.reason, 'invalid-message');
      assert.match(refused.message, /stars/);
      if (store) assert.equal(await store.rating(conversationId), null);
      shopper.send({ type: 'shopper.rate', conversationId, stars: 3 });
      await shopper.next('shopper.rated');
    });
  }
});

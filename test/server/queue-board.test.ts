/**
 * What experts see of the queues, through the hub's real WebSocket: the queues they answer,
 * how many wait in each and since when the first, named in their language; told on sign-in,
 * when a queue moves (also while they are in a call), and not again when nothing they see moved.
 * Each topic comes with the shop's names for it, for the console to pick its language's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import type { ServerMessageOf } from '../../src/protocol/index.js';
import { defaultShopConfig } from '../../src/server/config/shop-config.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';

let stack: HubFixture;
const track = trackPeers(() => stack);

before(async () => {
  stack = await startHubFixture({
    shop: {
      ...defaultShopConfig(),
      languages: ['fr', 'en'],
      topics: [
        { id: 'bikes', label: { fr: 'Vélos', en: 'Bikes' }, hours: null },
        { id: 'hi-fi', label: { en: 'Hi-fi' }, hours: null },
      ],
    },
  });
});
after(async () => {
  await stack.stop();
});

const expert = (name: string, skills: Parameters<typeof HubPeer.expert>[2]) =>
  HubPeer.expert(stack.hub.url, name, skills).then(track);
const shopper = (
  ...args: Parameters<typeof HubPeer.shopper> extends [string, ...infer R] ? R : never
) => HubPeer.shopper(stack.hub.url, ...args).then(track);

type Queues = ServerMessageOf<'expert.queues'>['queues'];

/** The queues as `desk` is told them next, once they hold. */
async function told(desk: HubPeer, holds: (queues: Queues) => boolean, what: string) {
  const message = await desk.nextWhere('expert.queues', (m) => holds(m.queues), { what });
  return message.queues;
}

const counts = (queues: Queues) => queues.map((q) => `${q.topic ?? '*'}/${q.lang}=${q.waiting}`);

async function away(desk: HubPeer): Promise<void> {
  desk.send({ type: 'expert.set-presence', status: 'away' });
  await desk.nextWhere('expert.presence', (m) => m.status === 'away');
}

describe('the queues an expert sees', () => {
  it('shows who waits in the queues the expert answers, with the topic’s names', async () => {
    const bikes = await expert('Camille', { topics: ['bikes'], languages: ['fr'] });
    const hifi = await expert('Sam', { topics: ['hi-fi'], languages: ['en'] });
    // Nobody waits yet: each console was told so when it signed in.
    for (const desk of [bikes, hifi]) {
      assert.deepEqual(
        desk.received.find((m) => m.type === 'expert.queues'),
        { type: 'expert.queues', queues: [] },
      );
    }
    await away(bikes);
    await away(hifi);

    const first = await shopper('video', { topic: 'bikes', lang: 'fr' });
    await first.next('shopper.queued');
    const second = await shopper('chat', { topic: 'bikes', lang: 'fr' });
    await second.next('shopper.queued');
    const third = await shopper('video', { topic: 'hi-fi', lang: 'en' });
    await third.next('shopper.queued');

    const seenByBikes = await told(
      bikes,
      (q) => counts(q).join() === 'bikes/fr=2',
      'two waiting for bikes in French, and nothing of hi-fi',
    );
    assert.deepEqual(seenByBikes[0]!.labels, { fr: 'Vélos', en: 'Bikes' });
    assert.ok(seenByBikes[0]!.longestWaitSeconds >= 0);
    const seenByHifi = await told(hifi, (q) => counts(q).join() === 'hi-fi/en=1', 'one for hi-fi');
    assert.deepEqual(seenByHifi[0]!.labels, { en: 'Hi-fi' });

    // Taking a call, the expert still sees who waits: one fewer.
    bikes.send({ type: 'expert.set-presence', status: 'available' });
    const ring = await bikes.next('expert.ring');
    bikes.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await first.next('call.live');
    await told(
      bikes,
      (q) => counts(q).join() === 'bikes/fr=1',
      'one left waiting, during the call',
    );

    // The last one leaves the queue: nobody waits.
    second.send({ type: 'shopper.cancel' });
    await told(bikes, (q) => q.length === 0, 'nobody waiting');

    // Hi-fi's console was not told again: nothing it sees moved.
    await hifi.roundTrip();
    assert.equal(hifi.received.filter((m) => m.type === 'expert.queues').length, 2);
  });

  it('tells a console that signs in who already waits, with the wait so far', async () => {
    const waiting = await shopper('audio', { topic: 'hi-fi', lang: 'fr' });
    await waiting.next('shopper.queued');
    const late = await expert('Léa', { topics: ['hi-fi'], languages: ['fr'] });
    const first = late.received.find((m) => m.type === 'expert.queues');
    assert.ok(first && first.type === 'expert.queues');
    assert.deepEqual(
      first.queues.map(({ longestWaitSeconds: _, ...q }) => q),
      [{ topic: 'hi-fi', labels: { en: 'Hi-fi' }, lang: 'fr', waiting: 1 }],
    );
  });
});

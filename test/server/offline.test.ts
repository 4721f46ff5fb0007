/**
 * When nobody can answer, through the hub's real WebSocket and HTTP with a real LiveKit server:
 * closed hours, a message, a callback request and an appointment stored and listed in the
 * console, each bad input refused with its reason, the wait that turns into alternatives, the
 * availability the launcher reads, and pages of other sites kept out.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from '../support/node-test.js';
import WebSocket from 'ws';
import type { ServerMessageOf } from '../../src/protocol/index.js';
import { defaultShopConfig } from '../../src/server/config/shop-config.js';
import { WAIT_MS, within } from '../support/deadline.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { closedToday } from '../support/shops.js';

const context = { pageUrl: 'https://shop.example/bike' };

let closed: HubFixture;
let open: HubFixture;
let peers: HubPeer[] = [];
const track = (peer: HubPeer) => (peers.push(peer), peer);

before(async () => {
  // A short grace, so that what one test leaves ends before the next (afterEach).
  closed = await startHubFixture({
    reconnectGraceMs: 300,
    shop: closedToday({
      topics: [{ id: 'repair', label: { en: 'Repairs', fr: 'Réparations' } }],
      limits: { appointmentSlotMinutes: 30 },
    }),
  });
  const shop = defaultShopConfig();
  open = await startHubFixture({
    reconnectGraceMs: 300,
    shop: {
      ...shop,
      allowedOrigins: ['https://shop.example'],
      topics: [{ id: 'bikes', label: { en: 'Bikes' }, hours: null }],
      limits: { ...shop.limits, maxWaitMs: 300 },
    },
  });
});
afterEach(async () => {
  await Promise.all(peers.map((peer) => peer.hangUpAndClose()));
  peers = [];
  await Promise.all([closed.untilIdle(), open.untilIdle()]);
});
after(async () => {
  await closed.stop();
  await open.stop();
});

const ask = (peer: HubPeer, topic?: string) =>
  peer.send({
    type: 'shopper.request',
    mode: 'video',
    lang: 'fr',
    context,
    ...(topic ? { topic } : {}),
  });

describe('a closed shop', () => {
  it('opens no conversation, and says when it opens', async () => {
    const shopper = track(await HubPeer.open(closed.hub.url));
    ask(shopper);
    const offline = await shopper.next('shopper.offline');
    assert.equal(offline.reason, 'closed');
    assert.ok(offline.opensAt && offline.opensAt > Date.now(), 'opens later');
    assert.equal(new Date(offline.opensAt).getUTCHours(), 9);
    assert.equal(closed.hub.hub.stats().conversations, 0);
  });

  it('books a free slot once, and the console lists it to do, then done', async () => {
    const expert = track(await HubPeer.expert(closed.hub.url, 'Atelier'));
    // Sent on sign-in, before the presence HubPeer.expert waits for.
    const before = expert.received.find(
      (m): m is ServerMessageOf<'expert.requests'> => m.type === 'expert.requests',
    )!;
    const shopper = track(await HubPeer.open(closed.hub.url));
    shopper.send({ type: 'offline.slots', topic: 'repair' });
    const { slots } = await shopper.next('offline.slots');
    assert.ok(slots.length > 0);
    const slot = slots[0]!;
    assert.equal(slot.end - slot.start, 30 * 60_000);

    const book = {
      type: 'offline.book',
      topic: 'repair',
      lang: 'fr',
      name: 'Camille',
      contact: 'camille@example.com',
      start: slot.start,
      context,
    } as const;
    shopper.send(book);
    const confirmed = await shopper.next('offline.confirmed');
    assert.deepEqual(
      [confirmed.kind, confirmed.from, confirmed.to],
      ['appointment', slot.start, slot.end],
    );
    const listed = await expert.next('expert.requests');
    assert.equal(listed.requests.length, before.requests.length + 1);
    const booked = listed.requests.find((r) => r.id === confirmed.id);
    assert.deepEqual(
      [booked?.kind, booked?.status, booked?.from, booked?.name],
      ['appointment', 'to-do', slot.start, 'Camille'],
    );

    // The same slot again: refused, and no longer offered.
    const other = track(await HubPeer.open(closed.hub.url));
    other.send({ ...book, name: 'Dominique', contact: 'dom@example.com' });
    const rejected = await other.next('offline.rejected');
    assert.deepEqual([rejected.kind, rejected.problem], ['appointment', 'slot-taken']);
    other.send({ type: 'offline.slots', topic: 'repair' });
    assert.ok(!(await other.next('offline.slots')).slots.some((s) => s.start === slot.start));

    expert.send({ type: 'expert.request-done', id: confirmed.id });
    const after = await expert.next('expert.requests');
    assert.equal(after.requests.find((r) => r.id === confirmed.id)?.status, 'done');
  });

  it('takes a message and a callback request, and refuses bad ones with the field at fault', async () => {
    const shopper = track(await HubPeer.open(closed.hub.url));
    shopper.send({
      type: 'offline.message',
      lang: 'fr',
      contact: '06 12 34 56 78',
      text: 'Ma chaîne a sauté, pouvez-vous me rappeler ?',
      context,
    });
    assert.equal((await shopper.next('offline.confirmed')).kind, 'message');

    // Tomorrow at 10:00 UTC: the shop (closed today) is open from 09:00 to 18:00 then.
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 1);
    const tomorrow = day.setUTCHours(10, 0, 0, 0);
    const callback = { type: 'offline.callback', lang: 'fr', context } as const;
    shopper.send({ ...callback, phone: 'call me maybe', from: tomorrow, to: tomorrow + 3_600_000 });
    assert.deepEqual(pick(await shopper.next('offline.rejected')), ['invalid-phone', 'phone']);
    shopper.send({ ...callback, phone: '+33 6 12 34 56 78', from: 1000, to: 2000 });
    assert.equal((await shopper.next('offline.rejected')).problem, 'window-in-past');
    shopper.send({ ...callback, phone: '+33 6 12 34 56 78', from: tomorrow, to: tomorrow });
    assert.equal((await shopper.next('offline.rejected')).problem, 'window-empty');
    // Tomorrow evening, once the shop has closed: nobody there to call back.
    const evening = tomorrow + 10 * 3_600_000;
    shopper.send({
      ...callback,
      phone: '+33 6 12 34 56 78',
      from: evening,
      to: evening + 3_600_000,
    });
    assert.deepEqual(pick(await shopper.next('offline.rejected')), ['window-closed', 'window']);
    shopper.send({
      ...callback,
      phone: '06.12.34.56.78',
      from: tomorrow,
      to: tomorrow + 3_600_000,
    });
    const confirmed = await shopper.next('offline.confirmed');
    assert.deepEqual([confirmed.kind, confirmed.from], ['callback', tomorrow]);
  });
});

describe('an open shop', () => {
  it('refuses a topic the shop does not have', async () => {
    const shopper = track(await HubPeer.open(open.hub.url));
    ask(shopper, 'kitchens');
    const error = await shopper.refusal();
    assert.equal(error.reason, 'invalid-message');
    assert.match(error.message, /kitchens/);
  });

  it('offers the alternatives to a shopper still waiting after the longest wait, keeping their place', async () => {
    const shopper = track(await HubPeer.open(open.hub.url));
    ask(shopper, 'bikes');
    assert.equal((await shopper.next('shopper.queued')).position, 1);
    assert.equal((await shopper.next('shopper.offline')).reason, 'no-answer');
    // Still in line: an expert who comes is rung for them.
    const expert = track(await HubPeer.expert(open.hub.url, 'Tardif'));
    await expert.next('expert.ring');
  });

  it('tells the launcher who could answer now, cacheably, to the shop’s pages only', async () => {
    const read = async (query = '') => {
      const response = await fetch(`${open.hub.url}/availability${query}`, {
        headers: { origin: 'https://shop.example' },
      });
      return { response, body: (await response.json()) as Record<string, unknown> };
    };
    const nobody = await read();
    assert.deepEqual(nobody.body, { open: true, call: 'none', chat: 'none', texts: {} });
    assert.match(nobody.response.headers.get('cache-control') ?? '', /max-age=\d+/);
    assert.equal(
      nobody.response.headers.get('access-control-allow-origin'),
      'https://shop.example',
    );

    const expert = track(await HubPeer.expert(open.hub.url, 'Présent'));
    assert.deepEqual((await read('?topic=bikes')).body, {
      open: true,
      call: 'free',
      chat: 'free',
      texts: {},
    });
    const shopper = track(await HubPeer.shopper(open.hub.url, 'chat'));
    const ring = await expert.next('expert.ring');
    expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await shopper.next('call.live');
    // The last thing an accept says: from then on the ring no longer holds the expert.
    await shopper.nextWhere('chat.message', (m) => m.text === 'expert-joined');
    // It speaks the five languages the SDK routes: nobody for Dutch, should a page ask in it.
    assert.deepEqual((await read('?lang=nl')).body, {
      open: true,
      call: 'none',
      chat: 'none',
      texts: {},
    });
    // Holding a chat: a call would wait, another chat would not.
    assert.deepEqual((await read()).body, { open: true, call: 'busy', chat: 'free', texts: {} });

    const foreign = await fetch(`${open.hub.url}/availability`, {
      headers: { origin: 'https://elsewhere.example' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    await foreign.body?.cancel();
  });

  it('keeps the WebSocket closed to pages of other sites', async () => {
    const socket = new WebSocket(`${open.hub.url.replace(/^http/, 'ws')}/ws`, {
      origin: 'https://elsewhere.example',
    });
    const status = await within(
      WAIT_MS,
      'an answer to a socket from another site',
      new Promise<number | undefined>((resolve) => {
        socket.once('unexpected-response', (request, response) => {
          resolve(response.statusCode);
          request.destroy();
        });
        socket.once('open', () => {
          resolve(undefined);
          socket.close();
        });
      }),
    );
    assert.equal(status, 403);
  });
});

function pick(rejected: ServerMessageOf<'offline.rejected'>): [string, string | undefined] {
  return [rejected.problem, rejected.field];
}

/**
 * The shopper's requests when nobody can answer, against a scripted hub (FakeHub): what each
 * form sends, and every answer it can get back (confirmed, refused beside a field, nothing, a
 * lost connection).
 */
import assert from 'node:assert/strict';
import { OfflineRequests, type OfflineAbout } from '../../src/core/offline-client.js';
import { FakeHub } from '../support/fake-hub.js';
import { after, afterEach, before, describe, it } from '../support/node-test.js';

const about: OfflineAbout = {
  topic: 'repair',
  lang: 'fr',
  context: { pageUrl: 'https://shop.example/lumen' },
};

let hub: FakeHub;
const clients: OfflineRequests[] = [];
const client = (answerTimeoutMs?: number) => {
  const made = new OfflineRequests(hub.url, answerTimeoutMs);
  clients.push(made);
  return made;
};

before(async () => {
  hub = await FakeHub.start();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
  hub.refuse(false);
  hub.forgetUntaken();
});
after(() => hub.close());

describe('OfflineRequests', () => {
  it('asks for the free slots of a topic', async () => {
    const requests = client();
    const slots = requests.slots('repair');
    const connection = await hub.nextConnection();
    assert.deepEqual(await connection.sent('offline.slots'), {
      type: 'offline.slots',
      topic: 'repair',
    });
    connection.send({ type: 'offline.slots', topic: 'repair', slots: [{ start: 1, end: 2 }] });
    assert.deepEqual(await slots, [{ start: 1, end: 2 }]);

    // The same connection serves the next question; no topic, none said.
    const again = requests.slots(undefined);
    assert.deepEqual(await connection.sent('offline.slots'), { type: 'offline.slots' });
    connection.send({ type: 'offline.slots', slots: [] });
    assert.deepEqual(await again, []);
    assert.equal(hub.quiet, true);
  });

  it('has no slots to offer when the hub cannot say', async () => {
    hub.refuse(true);
    assert.deepEqual(await client().slots('repair'), []);
    hub.refuse(false);
    const silent = client(100).slots('repair');
    await (await hub.nextConnection()).next('offline.slots');
    assert.deepEqual(await silent, []);
  });

  it('leaves a message, with a trimmed name, and returns the confirmation', async () => {
    const requests = client();
    const outcome = requests.leaveMessage(about, {
      name: '  Léa  ',
      contact: 'lea@example.fr',
      text: 'Mon vélo grince',
    });
    const connection = await hub.nextConnection();
    assert.deepEqual(await connection.sent('offline.message'), {
      type: 'offline.message',
      lang: 'fr',
      context: about.context,
      topic: 'repair',
      name: 'Léa',
      contact: 'lea@example.fr',
      text: 'Mon vélo grince',
    });
    const confirmed = { type: 'offline.confirmed', kind: 'message', id: 'r1' } as const;
    connection.send(confirmed);
    assert.deepEqual(await outcome, { ok: true, confirmed });
  });

  it('asks for a call back in a window, leaving out what was not given', async () => {
    const outcome = client().requestCallback(
      { ...about, topic: undefined },
      { name: '   ', phone: '06 12 34 56 78', from: 10, to: 20 },
    );
    const connection = await hub.nextConnection();
    assert.deepEqual(await connection.sent('offline.callback'), {
      type: 'offline.callback',
      lang: 'fr',
      context: about.context,
      phone: '06 12 34 56 78',
      from: 10,
      to: 20,
    });
    connection.send({ type: 'offline.confirmed', kind: 'callback', id: 'r2', from: 10, to: 20 });
    assert.equal((await outcome).ok, true);
  });

  it('books a slot with a note, and says beside which field a refusal is', async () => {
    const outcome = client().book(about, { contact: 'x', start: 1000, text: 'Freins' });
    const connection = await hub.nextConnection();
    const sent = await connection.sent('offline.book');
    assert.equal(sent.start, 1000);
    assert.equal(sent.text, 'Freins');
    connection.send({
      type: 'offline.rejected',
      kind: 'appointment',
      problem: 'slot-taken',
      field: 'slotStart',
    });
    assert.deepEqual(await outcome, { ok: false, problem: 'slot-taken', field: 'slotStart' });
  });

  it('gives a refusal without a field as it is', async () => {
    const outcome = client().leaveMessage(about, { contact: 'x', text: ' ' });
    const connection = await hub.nextConnection();
    await connection.sent('offline.message');
    connection.send({ type: 'offline.rejected', kind: 'message', problem: 'text-empty' });
    assert.deepEqual(await outcome, { ok: false, problem: 'text-empty' });
  });

  it('does not take a refusal of another kind of request for its own', async () => {
    const outcome = client().leaveMessage(about, { contact: 'x', text: 'y' });
    const connection = await hub.nextConnection();
    await connection.sent('offline.message');
    connection.send({ type: 'offline.rejected', kind: 'callback', problem: 'invalid-phone' });
    assert.deepEqual(await outcome, { ok: false, problem: 'unreachable' });
  });

  it('says "unreachable" when the hub cannot be reached, is silent, or goes', async () => {
    hub.refuse(true);
    assert.deepEqual(await client().leaveMessage(about, { contact: 'x', text: 'y' }), {
      ok: false,
      problem: 'unreachable',
    });
    hub.refuse(false);

    const silent = client(100).leaveMessage(about, { contact: 'x', text: 'y' });
    await (await hub.nextConnection()).next('offline.message');
    assert.deepEqual(await silent, { ok: false, problem: 'unreachable' });

    // Told at once by the connection going, not by the answer's time running out.
    const cut = client(10 * 60_000).leaveMessage(about, { contact: 'x', text: 'y' });
    const connection = await hub.nextConnection();
    await connection.sent('offline.message');
    connection.drop();
    assert.deepEqual(await cut, { ok: false, problem: 'unreachable' });
  });

  it('opens a new connection when the last one is gone, and lets it go on dispose', async () => {
    const requests = client();
    const first = requests.slots(undefined);
    const one = await hub.nextConnection();
    await one.next('offline.slots');
    one.send({ type: 'offline.slots', slots: [] });
    await first;
    one.drop();
    assert.notEqual(await one.closeSeen(), undefined, 'the connection let go');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = requests.slots(undefined);
    const two = await hub.nextConnection();
    await two.next('offline.slots');
    two.send({ type: 'offline.slots', slots: [] });
    await second;
    requests.dispose();
    assert.notEqual(await two.closeSeen(), undefined, 'the connection let go');
  });
});

/**
 * The hub's limits, on a real hub with the limits it ships with: one client flooding chat,
 * offline requests, sockets or HTTP is refused with a reason and let go, what it floods in is
 * not stored, consoles are not flooded in turn, and another conversation is served meanwhile.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { after, before, describe, it } from '../support/node-test.js';
import { DEFAULT_LIMITS } from '../../src/server/transport/limits.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { until } from '../support/deadline.js';

let stack: HubFixture;
before(async () => {
  stack = await startHubFixture({ limits: DEFAULT_LIMITS, maxChats: 3 });
});
after(() => stack.stop());

async function chatWith(expert: HubPeer) {
  const shopper = await HubPeer.shopper(stack.hub.url, 'chat');
  const ring = await expert.next('expert.ring');
  expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await shopper.next('call.live');
  await shopper.nextWhere('chat.message', (m) => m.text === 'expert-joined');
  return { shopper, conversationId: ring.conversationId };
}

/** One message from `shopper` to the expert and back to the shopper, stored in between. */
async function roundTrip(shopper: HubPeer, conversationId: string, text: string) {
  const clientId = randomUUID();
  shopper.send({ type: 'chat.send', conversationId, clientId, text });
  return shopper.nextWhere('chat.message', (m) => m.clientId === clientId);
}

describe('a client that floods', () => {
  it('is refused past its rate and let go, while another conversation is served', async () => {
    const expert = await HubPeer.expert(stack.hub.url, 'Patient');
    try {
      const flooder = await chatWith(expert);
      const other = await chatWith(expert);
      const sent = 5_000;
      for (let i = 0; i < sent; i++) {
        flooder.shopper.send({
          type: 'chat.send',
          conversationId: flooder.conversationId,
          clientId: `flood-${i}`,
          text: `flood ${i}`,
        });
      }
      // Served during the flood.
      assert.equal((await roundTrip(other.shopper, other.conversationId, 'still here')).seq, 2);
      await until(
        () => flooder.shopper.closeCode,
        (code) => code !== undefined,
        { what: 'the flooding socket let go' },
      );
      assert.equal(flooder.shopper.closeCode, 1008);
      const refused = flooder.shopper.received.filter(
        (m) => m.type === 'error' && m.reason === 'rate-limited',
      );
      assert.equal(refused.length, DEFAULT_LIMITS.framesRefusedBeforeClose);
      // What got through is what the bucket let through, not the flood.
      const flood = () =>
        expert.received.filter(
          (m) =>
            m.type === 'chat.message' &&
            m.conversationId === flooder.conversationId &&
            m.text.startsWith('flood '),
        ).length;
      await until(flood, (n) => n > 0, { what: 'the first flood messages stored' });
      assert.equal((await roundTrip(other.shopper, other.conversationId, 'after')).text, 'after');
      assert.ok(flood() < sent / 10, `${flood()} of ${sent} stored`);
      await other.shopper.close();
    } finally {
      await expert.close();
    }
  });

  it('leaves a handful of offline requests, and consoles are not flooded with lists', async () => {
    const expert = await HubPeer.expert(stack.hub.url, 'Listening');
    const listsBefore = expert.received.filter((m) => m.type === 'expert.requests').length;
    const flooder = await HubPeer.open(stack.hub.url);
    try {
      for (let i = 0; i < 1_000; i++) {
        flooder.send({
          type: 'offline.message',
          lang: 'en',
          context: {},
          contact: `flood${i}@example.com`,
          text: `call me ${i}`,
        });
      }
      await until(
        () => flooder.closeCode,
        (code) => code !== undefined,
        { what: 'the flooding socket let go' },
      );
      // The console's latest list holds what was stored: the burst, not the flood.
      const stored = () => {
        const lists = expert.received.filter((m) => m.type === 'expert.requests');
        const latest = lists.at(-1);
        const flood = latest?.type === 'expert.requests' ? latest.requests : [];
        return flood.filter((r) => r.text?.startsWith('call me ')).length;
      };
      await until(stored, (n) => n === DEFAULT_LIMITS.offlineRequests.burst, {
        what: 'the console told of the requests that got through',
      });
      await new Promise((resolve) => setTimeout(resolve, 1_200)); // past two coalescing windows
      assert.equal(stored(), DEFAULT_LIMITS.offlineRequests.burst);
      // One or two lists for the handful, not one per request.
      const lists = expert.received.filter((m) => m.type === 'expert.requests').length;
      assert.ok(lists - listsBefore <= 2, `${lists - listsBefore} lists`);
      // A new socket from the same address has nothing left to leave.
      const again = await HubPeer.open(stack.hub.url);
      again.send({
        type: 'offline.message',
        lang: 'en',
        context: {},
        contact: 'x@y.z',
        text: 'hi',
      });
      const refused = await again.next('error');
      assert.equal(refused.reason, 'rate-limited');
      await again.close();
    } finally {
      await expert.close();
    }
  });

  it('opens so many sockets from one address, then is answered 429', async () => {
    const url = `${stack.hub.url.replace(/^http/, 'ws')}/ws`;
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from(
        { length: DEFAULT_LIMITS.connects.burst + 10 },
        () =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url);
            socket.once('open', () => {
              resolve('open');
              socket.close();
            });
            socket.once('unexpected-response', (_, response) => {
              resolve(String(response.statusCode));
              socket.terminate();
            });
            socket.once('error', (error) => resolve(`error ${error.message}`));
          }),
      ),
    );
    // What the bucket refilled meanwhile, on however slow a machine, may be let in too.
    const refilled = Math.ceil(((Date.now() - started) / 1000) * DEFAULT_LIMITS.connects.perSecond);
    const opened = outcomes.filter((o) => o === 'open').length;
    assert.ok(opened <= DEFAULT_LIMITS.connects.burst + refilled + 1, outcomes.join(' '));
    assert.ok(outcomes.includes('429'), outcomes.join(' '));
  });

  it('asks so much over HTTP from one address, then is answered 429', async () => {
    const { burst, perSecond } = DEFAULT_LIMITS.http;
    // Twice the burst at once: however slow the machine, the bucket refills far less meanwhile.
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: burst * 2 }, () =>
        fetch(`${stack.hub.url}/availability`).then((response) => response.status),
      ),
    );
    const refilled = Math.ceil(((Date.now() - started) / 1000) * perSecond);
    const answered = statuses.filter((s) => s === 200).length;
    assert.ok(answered > 0, statuses.join(' '));
    assert.ok(statuses.includes(429), statuses.join(' '));
    assert.ok(answered <= burst + refilled + 1, `${answered} answered of a burst of ${burst}`);
  });
});

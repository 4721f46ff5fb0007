/**
 * The hub through its real WebSocket, with a real LiveKit server behind it: the call flow,
 * and every kind of bad input answered with an error while the hub keeps serving.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from '../support/node-test.js';
import { decodeJwt } from 'jose';
import { MAX_FRAME_BYTES } from '../../src/protocol/index.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';

let stack: HubFixture;
const track = trackPeers(() => stack);

before(async () => {
  stack = await startHubFixture({ ringTimeoutMs: 1500, reconnectGraceMs: 300 });
});
after(async () => {
  await stack.stop();
});

/** Whether a call and a chat could start now, as the launcher reads it. */
async function readiness(): Promise<{ call: string; chat: string }> {
  const { call, chat } = (await (await fetch(`${stack.hub.url}/availability`)).json()) as {
    call: string;
    chat: string;
  };
  return { call, chat };
}

/** Proves the hub still does its job: a shopper is put through to an expert and back. */
async function assertHubServes(): Promise<void> {
  const expert = track(await HubPeer.expert(stack.hub.url, 'Proof'));
  const shopper = track(await HubPeer.shopper(stack.hub.url));
  const ring = await expert.next('expert.ring');
  expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await shopper.next('call.live');
  shopper.send({ type: 'call.end', conversationId: ring.conversationId });
  await expert.next('call.ended');
  await expert.close();
  await shopper.close();
}

describe('a call through the hub', () => {
  it('rings an available expert with the shopper context, and both join one room', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Ana'));
    const shopper = track(await HubPeer.shopper(stack.hub.url));

    const ring = await expert.next('expert.ring');
    const connecting = await shopper.next('shopper.connecting');
    assert.equal(ring.conversationId, connecting.conversationId);
    assert.equal(ring.shopper.context.product?.name, 'Bike');
    assert.equal(ring.media?.room, connecting.media!.room);
    assert.notEqual(ring.media?.token, connecting.media!.token);

    expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
    const [forShopper, forExpert] = await Promise.all([
      shopper.next('call.live'),
      expert.next('call.live'),
    ]);
    assert.equal(forShopper.expert.name, 'Ana');
    assert.equal(forExpert.conversationId, ring.conversationId);
    assert.deepEqual(await readiness(), { call: 'busy', chat: 'busy' }, 'the one expert is taken');

    expert.send({ type: 'call.end', conversationId: ring.conversationId });
    assert.equal((await shopper.next('call.ended')).reason, 'expert-hung-up');
    assert.equal((await expert.next('call.ended')).reason, 'expert-hung-up');
    assert.deepEqual(await readiness(), { call: 'free', chat: 'free' }, 'and free again');
    // Back to available without doing anything.
    const statuses = expert.received
      .filter((m) => m.type === 'expert.presence')
      .map((m) => m.status);
    assert.equal(statuses.at(-1), 'available');
    await expert.close();
    await shopper.close();
  });

  it('gives each side a short-lived token for that room and that identity only', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Scope'));
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    const media = (await shopper.next('shopper.connecting')).media!;
    const claims = decodeJwt(media.token) as {
      video?: Record<string, unknown>;
      exp?: number;
      nbf?: number;
      sub?: string;
    };
    assert.equal(claims.video?.['room'], media.room);
    assert.equal(claims.video?.['roomJoin'], true);
    for (const power of ['roomAdmin', 'roomCreate', 'roomList', 'roomRecord', 'ingressAdmin']) {
      assert.ok(!claims.video?.[power], `shopper token must not grant ${power}`);
    }
    assert.match(claims.sub ?? '', /^shopper-/);
    assert.ok(claims.exp! - Math.floor(Date.now() / 1000) <= 10 * 60, 'lives minutes, not days');
    shopper.send({ type: 'shopper.cancel' });
    await expert.next('expert.ring-ended');
    await expert.close();
    await shopper.close();
  });

  it('gives the shopper to the next expert when one declines', async () => {
    const first = track(await HubPeer.expert(stack.hub.url, 'First'));
    const second = track(await HubPeer.expert(stack.hub.url, 'Second'));
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    const ring = await first.next('expert.ring');
    first.send({ type: 'expert.decline', conversationId: ring.conversationId });
    assert.equal((await first.next('expert.ring-ended')).reason, 'declined');
    const secondRing = await second.next('expert.ring');
    assert.equal(secondRing.conversationId, ring.conversationId);
    // The shopper is put through again, to a fresh room, without going back to the queue.
    await shopper.next('shopper.connecting');
    const reconnecting = await shopper.next('shopper.connecting');
    assert.equal(reconnecting.media!.room, secondRing.media?.room);
    assert.notEqual(secondRing.media?.room, ring.media?.room);
    assert.equal(shopper.received.filter((m) => m.type === 'shopper.queued').length, 0);
    shopper.send({ type: 'shopper.cancel' });
    assert.equal((await second.next('expert.ring-ended')).reason, 'shopper-cancelled');
    assert.equal((await shopper.next('call.ended')).reason, 'shopper-cancelled');
    await Promise.all([first, second, shopper].map((p) => p.close()));
  });

  it('sets an expert who lets a ring time out away, and the shopper waits for the next', async () => {
    const sleepy = track(await HubPeer.expert(stack.hub.url, 'Sleepy'));
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    const ring = await sleepy.next('expert.ring');
    assert.equal((await sleepy.next('expert.ring-ended')).reason, 'timeout');
    await sleepy.nextWhere('expert.presence', (m) => m.status === 'away', {
      what: 'the expert set away',
    });
    assert.equal((await shopper.next('shopper.queued')).position, 1);
    const awake = track(await HubPeer.expert(stack.hub.url, 'Awake'));
    assert.equal((await awake.next('expert.ring')).conversationId, ring.conversationId);
    await Promise.all([sleepy, awake, shopper].map((p) => p.close()));
  });

  it('ends the call for the expert when the shopper goes away and does not come back', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Left'));
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    const ring = await expert.next('expert.ring');
    expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await shopper.next('call.live');
    await shopper.close();
    assert.equal((await expert.next('call.ended')).reason, 'shopper-left');
    await expert.close();
  });

  it('tells waiting shoppers their place in the queue', async () => {
    const a = track(await HubPeer.shopper(stack.hub.url));
    assert.equal((await a.next('shopper.queued')).position, 1);
    const b = track(await HubPeer.shopper(stack.hub.url));
    assert.equal((await b.next('shopper.queued')).position, 2);
    a.send({ type: 'shopper.cancel' });
    assert.equal((await b.next('shopper.queued')).position, 1);
    await b.close();
    await a.close();
  });
});

describe('bad input to the hub', () => {
  const cases: Array<[string, string, string]> = [
    ['malformed JSON', '{"type": "shopper.request", ', 'bad-json'],
    ['an unknown message type', '{"type":"expert.promote","to":"admin"}', 'unknown-type'],
    [
      'a message of the wrong shape',
      '{"type":"shopper.request","mode":"video"}',
      'invalid-message',
    ],
    ['a JSON nesting bomb', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'invalid-message'],
    [
      'an oversized frame',
      JSON.stringify({ type: 'expert.dev-login', name: 'x'.repeat(MAX_FRAME_BYTES) }),
      'too-large',
    ],
  ];
  for (const [what, frame, reason] of cases) {
    it(`answers ${what} with "${reason}" and keeps the connection`, async () => {
      const peer = track(await HubPeer.open(stack.hub.url));
      peer.sendRaw(frame);
      const error = await peer.refusal();
      assert.equal(error.reason, reason);
      assert.ok(error.message.length > 0);
      // Same socket still works.
      peer.send({ type: 'expert.dev-login', name: 'Still here' });
      await peer.next('expert.session');
      await peer.close();
    });
  }

  it('answers a binary frame with an error', async () => {
    const peer = track(await HubPeer.open(stack.hub.url));
    peer.sendRaw(Buffer.from([1, 2, 3]), { binary: true });
    assert.equal((await peer.refusal()).reason, 'invalid-message');
    await peer.close();
  });

  it('closes a socket that sends a frame over a megabyte, and keeps serving others', async () => {
    const peer = track(await HubPeer.open(stack.hub.url));
    peer.sendRaw('x'.repeat(2 * 1024 * 1024));
    assert.equal(await peer.closed(), 1009);
    await assertHubServes();
  });

  const wrongState: Array<[string, (peer: HubPeer) => Promise<void> | void, string]> = [
    [
      'accept without a ring',
      (p) => p.send({ type: 'expert.accept', conversationId: 'nope' }),
      'unauthorized',
    ],
    [
      'presence before signing in',
      (p) => p.send({ type: 'expert.set-presence', status: 'available' }),
      'unauthorized',
    ],
    ['leaving a queue one is not in', (p) => p.send({ type: 'shopper.cancel' }), 'wrong-state'],
    [
      'hanging up a call one is not in',
      (p) => p.send({ type: 'call.end', conversationId: 'abc' }),
      'wrong-state',
    ],
    [
      'a forged expert session',
      (p) => p.send({ type: 'expert.auth', session: 'eyJhbGciOiJub25lIn0.e30.' }),
      'unauthorized',
    ],
  ];
  for (const [what, act, reason] of wrongState) {
    it(`refuses ${what} with "${reason}"`, async () => {
      const peer = track(await HubPeer.open(stack.hub.url));
      await act(peer);
      const answered = await peer.roundTrip();
      assert.deepEqual(
        answered.map((m) => (m.type === 'error' ? `error:${m.reason}` : m.type)),
        [`error:${reason}`],
        'refused, and nothing else done',
      );
      await peer.close();
    });
  }

  it('refuses a second request on one connection, and an expert accepting a ring that is not theirs', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Owner'));
    const other = track(await HubPeer.expert(stack.hub.url, 'Other'));
    other.send({ type: 'expert.set-presence', status: 'away' });
    await other.next('expert.presence');
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    shopper.send({ type: 'shopper.request', mode: 'audio', lang: 'en', context: {} });
    assert.equal((await shopper.refusal()).reason, 'wrong-state');
    const ring = await expert.next('expert.ring');
    other.send({ type: 'expert.accept', conversationId: ring.conversationId });
    assert.equal((await other.refusal()).reason, 'wrong-state');
    shopper.send({ type: 'shopper.cancel' });
    await expert.next('expert.ring-ended');
    await Promise.all([expert, other, shopper].map((p) => p.close()));
    await assertHubServes();
  });

  it('still serves after all of the above', assertHubServes);
});

describe('a failure the hub did not expect', () => {
  afterEach(() => stack.breakStorage(false));

  it('answers a request it cannot store with an "internal" error, and keeps no conversation', async () => {
    stack.breakStorage(true);
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    const error = await shopper.next('error');
    assert.deepEqual(error, {
      type: 'error',
      reason: 'internal',
      // Not the database's own words: they are for the hub's log, not for a browser.
      message: 'The hub could not handle this message.',
      ref: 'shopper.request',
    });
    assert.equal(stack.hub.hub.stats().conversations, 0);
    assert.equal(stack.hub.hub.stats().waiting, 0);

    // Once storage is back, the same connection can ask again.
    stack.breakStorage(false);
    shopper.send({ type: 'shopper.request', mode: 'chat', lang: 'en', context: {} });
    await shopper.next('conversation.opened');
  });

  it('answers a message it cannot store with an "internal" error; the resend is stored once', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Steady'));
    const shopper = track(await HubPeer.shopper(stack.hub.url, 'chat'));
    const ring = await expert.next('expert.ring');
    expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await shopper.next('conversation.chat');
    await shopper.nextWhere('chat.message', (m) => m.text === 'expert-joined');

    stack.breakStorage(true);
    const frame = {
      type: 'chat.send',
      conversationId: ring.conversationId,
      clientId: 'kept-after-a-fault-1',
      text: 'still there?',
    } as const;
    shopper.send(frame);
    const error = await shopper.next('error');
    assert.equal(error.reason, 'internal');
    assert.equal(error.ref, 'chat.send');

    stack.breakStorage(false);
    shopper.send(frame);
    const stored = await expert.nextWhere(
      'chat.message',
      (m) => m.clientId === 'kept-after-a-fault-1',
    );
    assert.equal(stored.text, 'still there?');
    shopper.send({ type: 'chat.typing', conversationId: ring.conversationId });
    await expert.next('chat.typing');
    assert.equal(
      expert.received.filter(
        (m) => m.type === 'chat.message' && m.clientId === 'kept-after-a-fault-1',
      ).length,
      1,
    );
  });
});

/**
 * The life of a conversation at its edges, through the hub's real WebSocket: a side that drops
 * and does or does not come back in time, a console that drops while it rings, waiting across
 * a reconnect and a hub restart, the wait learnt from the queue's own conversations, and a hub
 * that does not allow sign-in by name.
 */
import assert from 'node:assert/strict';
import { startHub } from '../../src/server/create-hub.js';
import { defaultShopConfig } from '../../src/server/config/shop-config.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { after, before, describe, it } from '../support/node-test.js';

const GRACE_MS = 1_000;

let stack: HubFixture;
const track = trackPeers(() => stack);
const expert = (name: string, topic: string) =>
  HubPeer.expert(stack.hub.url, name, { topics: [topic] }).then(track);
const shopper = (topic: string, mode: 'video' | 'chat' = 'video') =>
  HubPeer.shopper(stack.hub.url, mode, { topic }).then(track);

before(async () => {
  // On disk, so that the restart test restarts onto the same storage.
  stack = await startHubFixture({ reconnectGraceMs: GRACE_MS, storage: 'disk' });
});
after(async () => {
  await stack.stop();
});

/** A shopper's conversation id and resume token, from the hub's first answer. */
async function opened(peer: HubPeer): Promise<{ conversationId: string; resumeToken: string }> {
  const { conversationId, resumeToken } = await peer.next('conversation.opened');
  return { conversationId, resumeToken };
}

/** A new connection resuming a shopper's conversation. */
async function resumed(ticket: { conversationId: string; resumeToken: string }) {
  const back = track(await HubPeer.open(stack.hub.url));
  back.send({ type: 'conversation.resume', ...ticket, lastSeq: 0 });
  await back.next('conversation.opened');
  return back;
}

describe('a side that drops', () => {
  it('ends the call for the shopper when the console does not come back in time', async () => {
    const desk = await expert('Gone', 'drop-expert');
    const customer = await shopper('drop-expert');
    const ring = await desk.next('expert.ring');
    desk.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await customer.next('call.live');
    await desk.close();
    const ended = await customer.next('call.ended', { timeoutMs: GRACE_MS + 5_000 });
    assert.equal(ended.reason, 'expert-left');
    assert.equal(stack.hub.hub.stats().experts, 0, 'the expert is signed out');
  });

  it('takes a waiting shopper who does not come back out of line; the next moves up', async () => {
    await expert('Elsewhere', 'other-topic');
    const first = await shopper('drop-waiting');
    const second = await shopper('drop-waiting');
    await second.nextWhere('shopper.queued', (m) => m.position === 2);
    await first.close();
    const moved = await second.nextWhere('shopper.queued', (m) => m.position === 1, {
      timeoutMs: GRACE_MS + 5_000,
    });
    assert.equal(moved.position, 1);
  });

  it('keeps a waiting shopper’s place across a reconnect, and tells it again', async () => {
    const first = await shopper('rejoin');
    const ticket = await opened(first);
    await first.next('shopper.queued');
    const second = await shopper('rejoin');
    await second.nextWhere('shopper.queued', (m) => m.position === 2);
    await first.close();
    const back = await resumed(ticket);
    assert.equal((await back.next('shopper.queued')).position, 1);
    const desk = await expert('Late', 'rejoin');
    assert.equal((await desk.next('expert.ring')).conversationId, ticket.conversationId);
    await back.next('shopper.connecting');
  });

  it('puts the shopper back in line when the console drops while it rings, for the next expert', async () => {
    const first = await expert('Dropping', 'ring-drop');
    const customer = await shopper('ring-drop');
    const ring = await first.next('expert.ring');
    await customer.next('shopper.connecting');
    await first.close();
    assert.equal((await customer.next('shopper.queued')).position, 1);
    const next = await expert('Next', 'ring-drop');
    assert.equal((await next.next('expert.ring')).conversationId, ring.conversationId);
  });
});

describe('a hub restart', () => {
  it('keeps waiting shoppers in line, in their order', async () => {
    const first = await shopper('restart-queue');
    const firstTicket = await opened(first);
    await first.next('shopper.queued');
    const second = await shopper('restart-queue');
    const secondTicket = await opened(second);
    await second.nextWhere('shopper.queued', (m) => m.position === 2);

    await stack.restartHub();
    const backSecond = await resumed(secondTicket);
    const backFirst = await resumed(firstTicket);
    assert.equal((await backFirst.next('shopper.queued')).position, 1);
    await backSecond.nextWhere('shopper.queued', (m) => m.position === 2);
    const desk = await expert('After restart', 'restart-queue');
    assert.equal((await desk.next('expert.ring')).conversationId, firstTicket.conversationId);
  });

  it('leaves a stored conversation it cannot take up again, says which, and takes up the rest', async () => {
    const line = async (position: number) => {
      const waiting = await shopper('restart-unreadable');
      const ticket = await opened(waiting);
      await waiting.nextWhere('shopper.queued', (m) => m.position === position);
      return ticket;
    };
    const badLanguage = await line(1);
    const badChat = await line(2);
    const good = await line(3);
    // What another version of the hub (or a hand in the database) could have left there.
    await stack.sql(`update conversations set lang = 'xx' where id = $1`, [
      badLanguage.conversationId,
    ]);
    await stack.sql(`update conversations set state = 'chat-unheard-of' where id = $1`, [
      badChat.conversationId,
    ]);
    const logged = stack.logged.length;

    await stack.restartHub();
    const since = stack.logged.slice(logged);
    assert.deepEqual(
      since.filter((l) => l.event === 'hub.unrecoverable'),
      [
        {
          event: 'hub.unrecoverable',
          fields: { conversation: badLanguage.conversationId, state: 'queued' },
        },
        {
          event: 'hub.unrecoverable',
          fields: { conversation: badChat.conversationId, state: 'chat-unheard-of' },
        },
      ],
      'oldest first, as stored',
    );
    assert.deepEqual(
      since.find((l) => l.event === 'hub.recovered'),
      { event: 'hub.recovered', fields: { conversations: 1 } },
    );
    const back = await resumed(good);
    assert.equal((await back.next('shopper.queued')).position, 1);
    for (const lost of [badLanguage, badChat]) {
      const again = track(await HubPeer.open(stack.hub.url));
      again.send({ type: 'conversation.resume', ...lost, lastSeq: 0 });
      assert.match((await again.next('error')).message, /ended or cannot be resumed/);
    }
  });
});

describe('the expected wait', () => {
  it('learns from how long the queue’s conversations take', async () => {
    const desk = await expert('Quick', 'learn');
    const quick = await shopper('learn', 'chat');
    const ring = await desk.next('expert.ring');
    desk.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await quick.next('call.live');
    quick.send({ type: 'call.end', conversationId: ring.conversationId });
    await desk.next('call.ended');

    // The expert is busy with the next one; the one after is told the wait.
    const busy = await shopper('learn');
    const next = await desk.next('expert.ring');
    desk.send({ type: 'expert.accept', conversationId: next.conversationId });
    await busy.next('call.live');
    const waiting = await shopper('learn');
    // Half a conversation of well under a minute, rounded up: 30 s (not the 90 s of no history).
    assert.equal((await waiting.next('shopper.queued')).etaSeconds, 30);
  });
});

describe('a hub without sign-in by name', () => {
  it('refuses it, and says so', async () => {
    const hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      livekit: { url: 'ws://127.0.0.1:9', apiKey: 'devkey', apiSecret: 'x'.repeat(32) },
      expertSessionSecret: 'y'.repeat(32),
      devLogin: false,
      reconnectGraceMs: GRACE_MS,
      storage: {},
      shop: defaultShopConfig(),
      shopConfigPath: undefined,
    });
    try {
      const peer = await HubPeer.open(hub.url);
      peer.send({ type: 'expert.dev-login', name: 'Mallory' });
      const error = await peer.refusal();
      assert.equal(error.reason, 'unauthorized');
      assert.equal(error.ref, 'expert.dev-login');
      assert.match(error.message, /turned off/);
      await peer.close();
    } finally {
      await hub.close();
    }
  });
});

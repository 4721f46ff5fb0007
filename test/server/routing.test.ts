/**
 * Who gets rung, through the hub's real WebSocket with a real LiveKit server: several chats at
 * once but one call per expert, topic and language queues, a live place in the queue with an
 * estimated wait, and switching to chat while waiting.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import type { ServerMessageOf } from '../../src/protocol/index.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';

let stack: HubFixture;
const track = trackPeers(() => stack);

before(async () => {
  // On disk, so that the restart test restarts onto the same storage.
  stack = await startHubFixture({ maxChats: 2, reconnectGraceMs: 2_000, storage: 'disk' });
});
after(async () => {
  await stack.stop();
});

const expert = (name: string, skills?: Parameters<typeof HubPeer.expert>[2]) =>
  HubPeer.expert(stack.hub.url, name, skills).then(track);
const shopper = (
  ...args: Parameters<typeof HubPeer.shopper> extends [string, ...infer R] ? R : never
) => HubPeer.shopper(stack.hub.url, ...args).then(track);

/** Rings `desk`, accepts, and returns the conversation id once both sides are told. */
async function answer(desk: HubPeer, customer: HubPeer): Promise<string> {
  const ring = await desk.next('expert.ring');
  desk.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await customer.next('call.live');
  return ring.conversationId;
}

/** Whether `peer` has been sent a frame of `type` so far (nothing is awaited). */
function hasReceived(peer: HubPeer, type: string): boolean {
  return peer.received.some((m) => m.type === type);
}

/** Lets the hub handle everything in flight: a round trip through its socket. */
async function settle(peer: HubPeer): Promise<void> {
  await peer.roundTrip();
}

describe('an expert holding several chats', () => {
  it('takes chats up to the limit, one ring at a time, and each chat is its own', async () => {
    const desk = await expert('Chloé', { topics: ['limit'] });
    const first = await shopper('chat', { topic: 'limit' });
    const second = await shopper('chat', { topic: 'limit' });
    const third = await shopper('chat', { topic: 'limit' });

    const one = await answer(desk, first);
    const two = await answer(desk, second);
    assert.notEqual(one, two);
    // At the limit of two chats: the third waits, first in line.
    await untilPosition(third, 1);
    await settle(desk);
    assert.equal(desk.received.filter((m) => m.type === 'expert.ring').length, 2);

    desk.send({
      type: 'chat.send',
      conversationId: one,
      clientId: 'to-first-1',
      text: 'Bonjour 1',
    });
    desk.send({ type: 'chat.send', conversationId: two, clientId: 'to-second', text: 'Bonjour 2' });
    const toFirst = await nextSaid(first);
    const toSecond = await nextSaid(second);
    assert.deepEqual([toFirst.text, toSecond.text], ['Bonjour 1', 'Bonjour 2']);

    // One chat ends: the third shopper is rung to the same expert.
    first.send({ type: 'call.end', conversationId: one });
    await desk.next('call.ended');
    const three = await answer(desk, third);
    assert.notEqual(three, two);
  });

  it('is not rung for a call while holding a chat; the call waits for a free expert', async () => {
    const desk = await expert('Malik', { topics: ['one-call'] });
    const writer = await shopper('chat', { topic: 'one-call' });
    const chat = await answer(desk, writer);
    const caller = await shopper('video', { topic: 'one-call' });
    await untilPosition(caller, 1);
    await settle(desk);
    assert.equal(desk.received.filter((m) => m.type === 'expert.ring').length, 1);

    writer.send({ type: 'call.end', conversationId: chat });
    const ring = await desk.next('expert.ring');
    assert.equal(ring.mode, 'video');
    assert.ok(ring.media, 'a call rings with its room');
  });

  it('is not rung at all while in a call, not even for a chat', async () => {
    const desk = await expert('Nour', { topics: ['in-call'] });
    const caller = await shopper('video', { topic: 'in-call' });
    await answer(desk, caller);
    const writer = await shopper('chat', { topic: 'in-call' });
    await untilPosition(writer, 1);
    await settle(desk);
    assert.equal(desk.received.filter((m) => m.type === 'expert.ring').length, 1);
  });

  it('keeps video from coming back to a chat while the expert is in another call', async () => {
    const desk = await expert('Yanis', { topics: ['other-call'] });
    const writer = await shopper('chat', { topic: 'other-call' });
    const chat = await answer(desk, writer);
    // The chat's shopper asks for video while a second conversation already has it.
    const caller = await shopper('video', { topic: 'other-call' });
    writer.send({ type: 'call.end', conversationId: chat });
    await desk.next('call.ended');
    const call = await answer(desk, caller);
    const writer2 = await shopper('chat', { topic: 'other-call' });
    // The call ends the expert's "call" capacity only when it goes to chat.
    caller.send({ type: 'media.switch', conversationId: call, to: 'chat' });
    await desk.next('conversation.chat');
    const second = await answer(desk, writer2);
    await desk.next('conversation.chat');
    caller.send({ type: 'media.switch', conversationId: call, to: 'call' });
    await caller.next('call.live');
    writer2.send({ type: 'media.switch', conversationId: second, to: 'call' });
    const line = await nextSystem(writer2, 'expert-in-other-call');
    assert.equal(line.conversationId, second);
  });

  it('gives a reconnecting console all its chats back, with what it missed', async () => {
    const desk = await expert('Inès', { topics: ['back'] });
    const session = (
      desk.received.find((m) => m.type === 'expert.session') as ServerMessageOf<'expert.session'>
    ).session;
    const first = await shopper('chat', { topic: 'back' });
    const second = await shopper('chat', { topic: 'back' });
    const one = await answer(desk, first);
    const two = await answer(desk, second);
    await desk.close();

    second.send({ type: 'chat.send', conversationId: two, clientId: 'while-away', text: 'Allô ?' });
    await nextSaid(second);
    const back = track(await HubPeer.open(stack.hub.url));
    back.send({ type: 'expert.auth', session });
    const ready = await back.next('expert.ready');
    assert.deepEqual([...(ready.conversations ?? [])].sort(), [one, two].sort());
    const rings = [await back.next('expert.ring'), await back.next('expert.ring')];
    assert.deepEqual(rings.map((r) => r.conversationId).sort(), [one, two].sort());
    const missed = await nextSaid(back);
    assert.equal(missed.text, 'Allô ?');
  });

  it('gives the chats to a console that comes back before its old socket is missed', async () => {
    const desk = await expert('Noor', { topics: ['switch'] });
    const session = (
      desk.received.find((m) => m.type === 'expert.session') as ServerMessageOf<'expert.session'>
    ).session;
    const customer = await shopper('chat', { topic: 'switch' });
    const id = await answer(desk, customer);
    // The tablet changed network: a new socket signs in while the old one still looks open.
    const back = track(await HubPeer.open(stack.hub.url));
    back.send({ type: 'expert.auth', session });
    const ready = await back.next('expert.ready');
    assert.deepEqual(ready.conversations, [id], 'the new console holds the chat');
    customer.send({
      type: 'chat.send',
      conversationId: id,
      clientId: 'to-the-new-console',
      text: 'Still there?',
    });
    assert.equal((await nextSaid(back)).text, 'Still there?');
    const before = desk.received.length;
    // The old socket closing late takes nothing from the new one.
    await desk.close();
    back.send({
      type: 'chat.send',
      conversationId: id,
      clientId: 'from-the-new-console',
      text: 'Yes.',
    });
    await customer.nextWhere('chat.message', (m) => m.text === 'Yes.');
    assert.equal(desk.received.length, before, 'the old console is sent nothing more');
  });
});

describe('a hub restart', () => {
  it('gives an expert all their chats back, each with its transcript', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Two chats', { topics: ['restart'] }));
    const session = (
      expert.received.find((m) => m.type === 'expert.session') as ServerMessageOf<'expert.session'>
    ).session;
    const chats: string[] = [];
    for (const text of ['first chat', 'second chat']) {
      const shopper = track(await HubPeer.shopper(stack.hub.url, 'chat', { topic: 'restart' }));
      const ring = await expert.next('expert.ring');
      expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
      await shopper.next('conversation.chat');
      shopper.send({
        type: 'chat.send',
        conversationId: ring.conversationId,
        clientId: `said-before-restart-${chats.length}`,
        text,
      });
      await nextSaid(shopper); // stored before the restart
      chats.push(ring.conversationId);
    }
    await stack.restartHub();
    await expert.closed();

    const back = track(await HubPeer.open(stack.hub.url));
    back.send({ type: 'expert.auth', session, topics: ['restart'] });
    const ready = await back.next('expert.ready');
    assert.deepEqual([...(ready.conversations ?? [])].sort(), [...chats].sort());
    const said = new Map<string, string[]>();
    for (let seen = 0; seen < 2;) {
      const message = await back.next('chat.message');
      if (message.author !== 'shopper') continue;
      said.set(message.conversationId, [...(said.get(message.conversationId) ?? []), message.text]);
      seen++;
    }
    assert.deepEqual(said.get(chats[0]!), ['first chat']);
    assert.deepEqual(said.get(chats[1]!), ['second chat']);
  });
});

describe('topics and languages', () => {
  it('rings only an expert of the shopper’s topic and language', async () => {
    const cyclist = await expert('Vélo', { topics: ['bikes'], languages: ['fr'] });
    const hifi = await shopper('video', { topic: 'hi-fi', lang: 'fr' });
    const english = await shopper('video', { topic: 'bikes', lang: 'en' });
    const french = await shopper('video', { topic: 'bikes', lang: 'fr' });

    const ring = await cyclist.next('expert.ring');
    const connecting = await french.next('shopper.connecting');
    assert.equal(ring.conversationId, connecting.conversationId);
    // The two others wait, each first in their own queue, with no expert to estimate from.
    for (const waiting of [hifi, english]) {
      const queued = await waiting.next('shopper.queued');
      assert.equal(queued.position, 1);
      assert.equal(queued.etaSeconds, undefined);
    }
  });

  it('routes German, Spanish and Italian each to an expert who speaks it', async () => {
    const deutsch = await expert('Jonas', { topics: ['bikes'], languages: ['de'] });
    const italiano = await expert('Giulia', { topics: ['bikes'], languages: ['it', 'es'] });
    const german = await shopper('chat', { topic: 'bikes', lang: 'de' });
    assert.equal(
      (await deutsch.next('expert.ring')).conversationId,
      (await german.next('shopper.connecting')).conversationId,
    );
    const spanish = await shopper('chat', { topic: 'bikes', lang: 'es' });
    const ring = await italiano.next('expert.ring');
    assert.equal(ring.conversationId, (await spanish.next('shopper.connecting')).conversationId);
    assert.equal(ring.lang, 'es');
  });

  it('lets an expert without topics answer every topic', async () => {
    const general = await expert('Polyvalent', { languages: ['en'] });
    const repair = await shopper('video', { topic: 'repair' });
    await answer(general, repair);
  });
});

describe('waiting', () => {
  it('tells each waiting shopper a live place and an estimated wait', async () => {
    const desk = await expert('Sam', { topics: ['eta'] });
    const busy = await shopper('video', { topic: 'eta' });
    await answer(desk, busy);
    const second = await shopper('video', { topic: 'eta' });
    const third = await shopper('video', { topic: 'eta' });
    const [two, three] = [await second.next('shopper.queued'), await third.next('shopper.queued')];
    assert.deepEqual([two.position, three.position], [1, 2]);
    // One expert, no history yet (3 minutes a conversation): (1 − ½) × 3 min, (2 − ½) × 3 min.
    assert.deepEqual([two.etaSeconds, three.etaSeconds], [90, 270]);

    // The one ahead leaves: the third moves up, told at once.
    second.send({ type: 'shopper.cancel' });
    const moved = await third.next('shopper.queued');
    assert.equal(moved.position, 1);
    assert.equal(moved.etaSeconds, two.etaSeconds);
  });

  it('counts every expert on duty for the queue in the wait, and only them', async () => {
    const desks = [
      await expert('Ines', { topics: ['pair'] }),
      await expert('Omar', { topics: ['pair'] }),
    ];
    for (const desk of desks) await answer(desk, await shopper('video', { topic: 'pair' }));
    // Neither of these answers the queue now: one is away, one answers another topic.
    const away = await expert('Away', { topics: ['pair'] });
    away.send({ type: 'expert.set-presence', status: 'away' });
    await away.nextWhere('expert.presence', (m) => m.status === 'away');
    await expert('Elsewhere', { topics: ['other'] });

    const waiting = [];
    for (let i = 0; i < 3; i++) waiting.push(await shopper('video', { topic: 'pair' }));
    const told = await Promise.all(
      waiting.map((peer, i) =>
        peer.nextWhere('shopper.queued', (m) => m.position === i + 1, { what: `place ${i + 1}` }),
      ),
    );
    // Two experts: the first two are served in the first round, the third in the second.
    assert.deepEqual(
      told.map((m) => m.etaSeconds),
      [90, 90, 270],
    );
  });

  it('gives no wait to a shopper whose queue no expert answers now', async () => {
    await expert('Elsewhere', { topics: ['other'] });
    const alone = await shopper('video', { topic: 'nobody' });
    const queued = await alone.next('shopper.queued');
    assert.equal(queued.position, 1);
    assert.equal(queued.etaSeconds, undefined);
  });

  it('keeps the place of a shopper who switches to chat while waiting', async () => {
    const desk = await expert('Léa', { topics: ['switch'] });
    const caller = await shopper('video', { topic: 'switch' });
    const call = await answer(desk, caller);
    const waiting = await shopper('video', { topic: 'switch' });
    const later = await shopper('video', { topic: 'switch' });
    const opened = await waiting.next('conversation.opened');
    await waiting.next('shopper.queued');

    waiting.send({ type: 'media.switch', conversationId: opened.conversationId, to: 'chat' });
    // The call moves to chat: the expert now has room for a chat, and the writer is rung
    // first, ahead of the later caller who still wants video.
    caller.send({ type: 'media.switch', conversationId: call, to: 'chat' });
    const ring = await desk.next('expert.ring');
    assert.equal(ring.conversationId, opened.conversationId);
    assert.equal(ring.media, undefined, 'a chat rings without a room');
    await settle(later);
    assert.equal(hasReceived(later, 'shopper.connecting'), false);
  });
});

/** Waits until the shopper is told they are at `position` in their queue. */
async function untilPosition(peer: HubPeer, position: number): Promise<void> {
  await peer.nextWhere('shopper.queued', (m) => m.position === position, {
    what: `place ${position} in the queue`,
  });
}

function nextSaid(peer: HubPeer): Promise<ServerMessageOf<'chat.message'>> {
  return peer.nextWhere('chat.message', (m) => m.author !== 'system', {
    what: 'a message from a person',
  });
}

function nextSystem(peer: HubPeer, event: string): Promise<ServerMessageOf<'chat.message'>> {
  return peer.nextWhere('chat.message', (m) => m.author === 'system' && m.text === event, {
    what: `the system line "${event}"`,
  });
}

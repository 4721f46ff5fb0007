/**
 * Several hubs serving one shop, as real processes on the real PostgreSQL and Redis with a
 * real LiveKit server: shoppers and experts spread over the hubs, calls and chats across
 * them, hubs killed with SIGKILL mid-call and mid-chat, and every transcript checked whole.
 */
import assert from 'node:assert/strict';
import type { ServerMessage, ServerMessageOf } from '../../src/protocol/index.js';
import { after, afterEach, before, describe, it } from '../support/node-test.js';
import { DeadlineError, until } from '../support/deadline.js';
import { startHubCluster, type ClusterHub, type HubCluster } from '../support/hub-cluster.js';
import { HubPeer } from '../support/hub-peer.js';
import { postWebhook, signature } from '../support/webhooks.js';

let cluster: HubCluster;
let peers: HubPeer[] = [];
const track = (peer: HubPeer) => (peers.push(peer), peer);

before(async () => {
  cluster = await startHubCluster({ hubs: 3, leaseMs: 1_000 });
});
afterEach(async () => {
  await Promise.all(peers.map((peer) => peer.hangUpAndClose().catch(() => {})));
  peers = [];
  const holder = await cluster.holder();
  await until(
    () => holder.health(),
    (h) => h?.conversations === 0 && h.experts === 0,
    {
      what: 'the holder letting go of every conversation and expert',
    },
  );
});
after(async () => {
  await cluster?.stop();
});

/** The hubs alive, the holder first. */
async function roles(): Promise<{ holder: ClusterHub; others: ClusterHub[] }> {
  const holder = await cluster.holder();
  const others = cluster.hubs.filter(
    (h) => h !== holder && h.process.exitCode === null && h.process.signalCode === null,
  );
  return { holder, others };
}

let names = 0;
/** An expert answering a topic of their own, so that only the shoppers meant for them ring. */
const expertOn = async (hub: ClusterHub) => {
  const name = `Expert ${++names}`;
  return track(await HubPeer.expert(hub.url, name, { topics: [topicOf(name)] }));
};
const topicOf = (expertName: string) => `topic-${expertName.toLowerCase().replace(/\W+/g, '-')}`;
const nameOf = (expert: HubPeer) =>
  (expert.received.find((m) => m.type === 'expert.session') as ServerMessageOf<'expert.session'>)
    .expert.name;

const sessionOf = (expert: HubPeer) =>
  (expert.received.find((m) => m.type === 'expert.session') as ServerMessageOf<'expert.session'>)
    .session;

interface Conversation {
  id: string;
  resumeToken: string;
  shopper: HubPeer;
  expert: HubPeer;
}

/** A shopper on one hub, put through to and accepted by an expert on another. */
async function connect(
  shopperHub: ClusterHub,
  expert: HubPeer,
  mode: 'video' | 'chat',
): Promise<Conversation> {
  const shopper = track(
    await HubPeer.shopper(shopperHub.url, mode, { topic: topicOf(nameOf(expert)) }),
  );
  const opened = await shopper.next('conversation.opened');
  const ring = await expert.nextWhere(
    'expert.ring',
    (r) => r.conversationId === opened.conversationId,
  );
  if (mode === 'video') assert.ok(ring.media, 'the ring carries the room to join');
  expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await shopper.next('call.live');
  return { id: opened.conversationId, resumeToken: opened.resumeToken, shopper, expert };
}

/** Sends a message and waits until the sender has it back, stored. */
async function say(peer: HubPeer, conversationId: string, text: string) {
  const clientId = `m-${text.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
  peer.send({ type: 'chat.send', conversationId, clientId, text });
  const stored = await peer.nextWhere('chat.message', (m) => m.clientId === clientId, {
    what: `"${text}" stored and shown`,
  });
  return { clientId, seq: stored.seq };
}

/** The whole transcript as a side sees it: every message from the first. */
async function transcript(peer: HubPeer, conversationId: string) {
  await peer.roundTrip(); // what came before is not part of the answer
  peer.send({ type: 'chat.sync', conversationId, lastSeq: 0 });
  const frames = await peer.roundTrip();
  return frames.filter(
    (m): m is ServerMessageOf<'chat.message'> =>
      m.type === 'chat.message' && m.conversationId === conversationId,
  );
}

function assertWhole(
  messages: Array<ServerMessageOf<'chat.message'>>,
  acknowledged: string[],
  what: string,
) {
  const seqs = messages.map((m) => m.seq);
  assert.deepEqual(
    seqs,
    seqs.map((_, i) => i + 1),
    `${what}: numbered 1…n with no gap or repeat`,
  );
  const ids = messages.flatMap((m) => (m.clientId ? [m.clientId] : []));
  assert.equal(new Set(ids).size, ids.length, `${what}: no message stored twice`);
  for (const id of acknowledged) assert.ok(ids.includes(id), `${what}: ${id} kept`);
}

const isDead = (hub: ClusterHub) =>
  hub.process.exitCode !== null || hub.process.signalCode !== null;

async function kill(hub: ClusterHub): Promise<void> {
  hub.process.kill('SIGKILL');
  await new Promise((resolve) =>
    isDead(hub) ? resolve(undefined) : hub.process.once('exit', resolve),
  );
}

/** A shopper back through `hub` after losing their socket: the same conversation, resumed. */
async function resumeShopper(hub: ClusterHub, conversation: Conversation, lastSeq: number) {
  const back = track(await HubPeer.open(hub.url));
  back.send({
    type: 'conversation.resume',
    conversationId: conversation.id,
    resumeToken: conversation.resumeToken,
    lastSeq,
  });
  await back.next('conversation.opened');
  return back;
}

async function resumeExpert(hub: ClusterHub, session: string) {
  const back = track(await HubPeer.open(hub.url));
  back.send({ type: 'expert.auth', session });
  await back.next('expert.ready');
  return back;
}

const lastSeqOf = (peer: HubPeer) =>
  Math.max(
    0,
    ...peer.received.flatMap((m: ServerMessage) => (m.type === 'chat.message' ? [m.seq] : [])),
  );

describe('several hubs serving one shop', () => {
  it('puts a shopper on one hub through to an expert on another, for a call and a chat', async () => {
    const { holder, others } = await roles();
    const [relayA, relayB] = others as [ClusterHub, ClusterHub];
    const expert = await expertOn(relayA);
    // Every hub's launchers see the expert on duty on another hub.
    for (const hub of [holder, relayB]) {
      await until(
        async () => (await (await fetch(`${hub.url}/availability`)).json()) as { call: string },
        (a) => a.call === 'free',
        { what: `the availability at ${hub.url} showing the expert on ${relayA.url}` },
      );
    }
    const call = await connect(relayB, expert, 'video');
    const connecting = call.shopper.received.find((m) => m.type === 'shopper.connecting') as
      ServerMessageOf<'shopper.connecting'> | undefined;
    assert.ok(connecting?.media, 'the shopper gets a media grant through their own hub');
    await say(call.shopper, call.id, 'Does it fold?');
    const atExpert = await expert.nextWhere('chat.message', (m) => m.text === 'Does it fold?');
    assert.equal(atExpert.author, 'shopper');
    await say(expert, call.id, 'Yes, in two.');

    const writer = await expertOn(holder);
    const chat = await connect(relayA, writer, 'chat');
    await say(chat.shopper, chat.id, 'par écrit');
    await say(writer, chat.id, 'bien reçu');
    assertWhole(await transcript(chat.shopper, chat.id), [], 'the chat');

    call.shopper.send({ type: 'call.end', conversationId: call.id });
    await expert.next('call.ended');
    chat.shopper.send({ type: 'call.end', conversationId: chat.id });
    await writer.next('call.ended');
  });

  it('passes a LiveKit webhook that reached a hub not running the calls on to the one that does', async () => {
    const { holder, others } = await roles();
    const [relay] = others as [ClusterHub];
    const call = await connect(relay, await expertOn(relay), 'video');
    const connecting = call.shopper.received.find(
      (m) => m.type === 'shopper.connecting',
    ) as ServerMessageOf<'shopper.connecting'>;
    const room = connecting.media!.room;
    const body = JSON.stringify({ event: 'room_finished', room: { name: room } });

    const status = await postWebhook(relay.url, body, {
      authorization: await signature(body, cluster.livekit),
    });

    assert.equal(status, 204);
    // Only the holder can act on it: the call it runs goes on in chat.
    const [atShopper, atExpert] = await Promise.all([
      call.shopper.nextWhere('conversation.chat', (m) => m.conversationId === call.id),
      call.expert.nextWhere('conversation.chat', (m) => m.conversationId === call.id),
    ]);
    assert.equal(atShopper.reason, 'media-lost');
    assert.equal(atExpert.reason, 'media-lost');
    const heard = (hub: ClusterHub) =>
      hub.output.some((line) => line.includes('"media.event"') && line.includes(room));
    await until(
      () => heard(holder),
      (yes) => yes,
      { what: 'the holder logging the event' },
    );
    assert.ok(!heard(relay), 'the hub it reached passed it on without acting on it');
    call.shopper.send({ type: 'call.end', conversationId: call.id });
    await call.expert.next('call.ended');
  });

  it('rings each shopper once and gives no expert two calls, with many of both on three hubs', async () => {
    const alive = cluster.hubs.filter((h) => !isDead(h));
    assert.equal(alive.length, 3);
    const topic = 'rush-hour';
    const experts = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        HubPeer.expert(alive[i % alive.length]!.url, `Rush ${i}`, { topics: [topic] }).then(track),
      ),
    );
    const shoppers = await Promise.all(
      Array.from({ length: 27 }, (_, i) =>
        HubPeer.shopper(alive[i % alive.length]!.url, 'video', { topic }).then(track),
      ),
    );
    const ids = await Promise.all(
      shoppers.map(async (s) => (await s.next('conversation.opened')).conversationId),
    );
    const rings: Array<{ expert: number; conversation: string }> = [];
    const busy = new Set<number>();
    let overlapping = 0;
    let handled = 0;
    // Each expert takes every ring they get, talks, hangs up, and is free again.
    await Promise.all(
      experts.map(async (expert, i) => {
        while (handled < ids.length) {
          let ring;
          try {
            ring = await expert.next('expert.ring', { timeoutMs: 500 });
          } catch (error) {
            if (error instanceof DeadlineError) continue;
            throw error;
          }
          if (busy.has(i)) overlapping++;
          busy.add(i);
          rings.push({ expert: i, conversation: ring.conversationId });
          expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
          await expert.nextWhere('call.live', (m) => m.conversationId === ring.conversationId);
          expert.send({ type: 'call.end', conversationId: ring.conversationId });
          await expert.nextWhere('call.ended', (m) => m.conversationId === ring.conversationId);
          busy.delete(i);
          handled++;
        }
      }),
    );
    assert.equal(overlapping, 0, 'no expert was rung while in a call');
    assert.deepEqual(
      rings.map((r) => r.conversation).sort(),
      [...ids].sort(),
      'every shopper rung exactly once',
    );
    for (const [i, shopper] of shoppers.entries()) {
      await shopper.nextWhere('call.ended', (m) => m.conversationId === ids[i]);
      const connecting = shopper.received.filter((m) => m.type === 'shopper.connecting');
      assert.equal(connecting.length, 1, `shopper ${i} was put through once`);
    }
    assert.ok(
      new Set(rings.map((r) => r.expert)).size > 3,
      'the calls were spread over experts on every hub',
    );
  });

  it('adopts no conversation of a live hub, and carries on whole when hubs are killed', async () => {
    const { holder, others } = await roles();
    const [relayA, relayB] = others as [ClusterHub, ClusterHub];
    // A call: the expert on the holder, the shopper on relay A. A chat: the expert on relay A,
    // the shopper on relay B.
    const callExpert = await expertOn(holder);
    const call = await connect(relayA, callExpert, 'video');
    const chatExpert = await expertOn(relayA);
    const chat = await connect(relayB, chatExpert, 'chat');
    const acknowledged = { call: [] as string[], chat: [] as string[] };
    acknowledged.call.push((await say(call.shopper, call.id, 'before any fault')).clientId);
    acknowledged.chat.push((await say(chat.expert, chat.id, 'before any fault')).clientId);

    // A hub started while the others live takes up nothing of theirs.
    const holderName = await holderId(holder);
    const late = await cluster.add();
    await until(
      () => late.health(),
      (h) => h?.leader === holderName,
      {
        what: 'the new hub following the holder',
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 3 * cluster.leaseMs));
    assert.equal((await late.health())?.leader, holderName, 'the holder did not change');
    const open = await cluster.query<{ id: string }>(
      'select id from conversations where ended_at is null order by id',
    );
    assert.deepEqual(open.map((r) => r.id).sort(), [call.id, chat.id].sort(), 'both still open');
    acknowledged.call.push((await say(callExpert, call.id, 'with a new hub beside')).clientId);

    // The holder is killed mid-call and mid-chat: another hub takes the lease when it runs
    // out, every socket is dropped, and each side comes back through a hub alive.
    const session = { call: sessionOf(callExpert), chat: sessionOf(chatExpert) };
    await kill(holder);
    await Promise.all(
      [call.shopper, call.expert, chat.shopper, chat.expert].map((p) => p.closed()),
    );
    const successor = await cluster.holder();
    assert.notEqual(successor, holder);
    const expertBack = await resumeExpert(late, session.call);
    const shopperBack = await resumeShopper(relayB, call, lastSeqOf(call.shopper));
    const connecting = await shopperBack.next('shopper.connecting');
    assert.ok(connecting.media, 'the call goes on: the shopper gets the same room again');
    await shopperBack.next('call.live');
    const chatExpertBack = await resumeExpert(relayA, session.chat);
    const chatShopperBack = await resumeShopper(late, chat, lastSeqOf(chat.shopper));
    acknowledged.call.push((await say(shopperBack, call.id, 'after the holder died')).clientId);
    acknowledged.chat.push((await say(chatShopperBack, chat.id, 'after the holder died')).clientId);
    await expertBack.nextWhere('chat.message', (m) => m.text === 'after the holder died');
    await chatExpertBack.nextWhere('chat.message', (m) => m.text === 'after the holder died');

    // A hub that only passes frames is killed: its browsers come back through another.
    const victim = [relayA, relayB, late].find((h) => h !== successor && !isDead(h))!;
    const onVictim = [
      ...(victim === late ? [expertBack, chatShopperBack] : []),
      ...(victim === relayA ? [chatExpertBack] : []),
      ...(victim === relayB ? [shopperBack] : []),
    ];
    await kill(victim);
    await Promise.all(onVictim.map((p) => p.closed()));
    const refuge = [relayA, relayB, late].find((h) => h !== victim && !isDead(h))!;
    const sides = {
      callShopper: onVictim.includes(shopperBack)
        ? await resumeShopper(refuge, call, lastSeqOf(shopperBack))
        : shopperBack,
      callExpert: onVictim.includes(expertBack)
        ? await resumeExpert(refuge, session.call)
        : expertBack,
      chatShopper: onVictim.includes(chatShopperBack)
        ? await resumeShopper(refuge, chat, lastSeqOf(chatShopperBack))
        : chatShopperBack,
      chatExpert: onVictim.includes(chatExpertBack)
        ? await resumeExpert(refuge, session.chat)
        : chatExpertBack,
    };
    acknowledged.call.push((await say(sides.callExpert, call.id, 'after a relay died')).clientId);
    acknowledged.chat.push((await say(sides.chatExpert, chat.id, 'after a relay died')).clientId);

    assertWhole(await transcript(sides.callShopper, call.id), acknowledged.call, 'the call');
    assertWhole(await transcript(sides.callExpert, call.id), acknowledged.call, 'the call, expert');
    assertWhole(await transcript(sides.chatShopper, chat.id), acknowledged.chat, 'the chat');
    assertWhole(await transcript(sides.chatExpert, chat.id), acknowledged.chat, 'the chat, expert');
    const ended = await cluster.query<{ id: string }>(
      'select id from conversations where ended_at is not null and id = any($1)',
      [[call.id, chat.id]],
    );
    assert.deepEqual(ended, [], 'no conversation was ended by a hub taking over');
  });

  it('lets a holder paused past its lease wake up to follow its successor, one transcript kept', async () => {
    const { holder, others } = await roles();
    const relay = others[0]!;
    const expert = await expertOn(relay);
    const chat = await connect(relay, expert, 'chat');
    const acknowledged = [(await say(chat.shopper, chat.id, 'before the pause')).clientId];
    const session = sessionOf(expert);

    holder.process.kill('SIGSTOP');
    try {
      // The relay takes the lease once it runs out, and drops its sockets to start afresh.
      await Promise.all([chat.shopper.closed(), expert.closed()]);
      const successor = await until(
        () => relay.health(),
        (h) => h?.leader === h?.hub && h?.conversations !== undefined,
        { what: 'the relay taking over from the paused holder' },
      );
      assert.ok(successor);
    } finally {
      holder.process.kill('SIGCONT');
    }
    const expertBack = await resumeExpert(relay, session);
    const shopperBack = await resumeShopper(relay, chat, lastSeqOf(chat.shopper));
    acknowledged.push((await say(shopperBack, chat.id, 'after the pause')).clientId);
    await expertBack.nextWhere('chat.message', (m) => m.text === 'after the pause');
    // The woken hub follows the new holder instead of running the conversations too.
    const woken = await until(
      () => holder.health(),
      (h) => h !== undefined && h.leader !== h.hub,
      { what: 'the woken hub following the new holder' },
    );
    assert.equal(woken?.conversations, undefined, 'it runs no conversation any more');
    acknowledged.push((await say(expertBack, chat.id, 'still one transcript')).clientId);
    assertWhole(await transcript(shopperBack, chat.id), acknowledged, 'the chat');
    assertWhole(await transcript(expertBack, chat.id), acknowledged, 'the chat, expert');
  });
});

async function holderId(hub: ClusterHub): Promise<string> {
  const health = await hub.health();
  assert.ok(health, `${hub.url} answers its health check`);
  return health.hub;
}

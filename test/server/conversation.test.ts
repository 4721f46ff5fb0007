/**
 * The conversation as the backbone, through the hub's real WebSocket with a real LiveKit
 * server and real storage: chat stored before it is shown, resumes after lost connections,
 * a restarted hub, and hostile text.
 */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, it } from '../support/node-test.js';
import type { ServerMessageOf } from '../../src/protocol/index.js';
import { startHub } from '../../src/server/create-hub.js';
import { defaultShopConfig } from '../../src/server/config/shop-config.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { until } from '../support/deadline.js';

let stack: HubFixture;
const track = trackPeers(() => stack);

before(async () => {
  // On disk, so that the restart test restarts onto the same storage.
  stack = await startHubFixture({ reconnectGraceMs: 5_000, storage: 'disk' });
});
after(async () => {
  await stack.stop();
});

interface Call {
  expert: HubPeer;
  shopper: HubPeer;
  conversationId: string;
  resumeToken: string;
  session: string;
}

let experts = 0;
/** A live call between a fresh expert and a fresh shopper. */
async function liveCall(): Promise<Call> {
  const name = `Expert ${++experts}`;
  const expert = track(await HubPeer.expert(stack.hub.url, name));
  const session = (
    expert.received.find((m) => m.type === 'expert.session') as ServerMessageOf<'expert.session'>
  ).session;
  const shopper = track(await HubPeer.shopper(stack.hub.url));
  const opened = await shopper.next('conversation.opened');
  const ring = await expert.next('expert.ring');
  expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await shopper.next('call.live');
  const joined = await shopper.next('chat.message');
  assert.equal(joined.author, 'system');
  assert.equal(joined.text, 'expert-joined');
  await expert.next('chat.message');
  return {
    expert,
    shopper,
    conversationId: opened.conversationId,
    resumeToken: opened.resumeToken,
    session,
  };
}

const send = (
  peer: HubPeer,
  conversationId: string,
  text: string,
  clientId = `m-${Math.random().toString(36).slice(2, 12)}`,
) => peer.send({ type: 'chat.send', conversationId, clientId, text });

describe('chat in a conversation', () => {
  it('is refused before an expert has joined, with a reason', async () => {
    const shopper = track(await HubPeer.shopper(stack.hub.url));
    const { conversationId } = await shopper.next('conversation.opened');
    send(shopper, conversationId, 'anyone?');
    const error = await shopper.refusal();
    assert.equal(error.reason, 'wrong-state');
    assert.equal(error.ref, 'chat.send');
    assert.match(error.message, /expert has joined/);
    assert.deepEqual(
      shopper.received.filter((m) => m.type === 'chat.message'),
      [],
      'nothing stored or shown',
    );
  });

  it('stores a message, then shows it to both sides with one sequence number', async () => {
    const call = await liveCall();
    send(call.shopper, call.conversationId, 'Is the battery removable?', 'shopper-msg-1');
    const [atShopper, atExpert] = await Promise.all([
      call.shopper.next('chat.message'),
      call.expert.next('chat.message'),
    ]);
    assert.equal(atShopper.seq, 2, 'after the system line of the expert joining');
    assert.deepEqual(atExpert, atShopper);
    assert.equal(atShopper.clientId, 'shopper-msg-1');
    assert.equal(atShopper.author, 'shopper');
    send(call.expert, call.conversationId, 'Yes, it is.');
    assert.equal((await call.shopper.next('chat.message')).author, 'expert');
  });

  it('stores a resent message once: the resend gets the same sequence number back', async () => {
    const call = await liveCall();
    send(call.shopper, call.conversationId, 'once', 'resent-id-1');
    send(call.shopper, call.conversationId, 'once', 'resent-id-1');
    const first = await call.shopper.next('chat.message');
    const second = await call.shopper.next('chat.message');
    assert.equal(first.seq, second.seq);
    send(call.shopper, call.conversationId, 'next');
    assert.equal((await call.shopper.next('chat.message')).seq, first.seq + 1);
  });

  it('relays typing to the other side only', async () => {
    const call = await liveCall();
    call.shopper.send({ type: 'chat.typing', conversationId: call.conversationId });
    assert.equal((await call.expert.next('chat.typing')).author, 'shopper');
  });
});

describe('hostile text', () => {
  const cases: Array<[string, string, (stored: string) => void]> = [
    [
      'markup',
      '<script>alert(1)</script><img src=x onerror=alert(1)>',
      (s) => assert.equal(s, '<script>alert(1)</script><img src=x onerror=alert(1)>'),
    ],
    ['a right-to-left override', 'abc\u202Egpj.exe', (s) => assert.equal(s, 'abc\u202Egpj.exe')],
    ['control characters and NUL', 'a\u0000b\u0007c\td\ne', (s) => assert.equal(s, 'abc\td\ne')],
    ['lone UTF-16 surrogates', 'x\uD800y\uDFFFz', (s) => assert.equal(s, 'x\uFFFDy\uFFFDz')],
    ['emoji and scripts', '👋🏽 مرحبا 漢字 𝕳', (s) => assert.equal(s, '👋🏽 مرحبا 漢字 𝕳')],
  ];
  for (const [what, text, check] of cases) {
    it(`stores ${what} as inert text`, async () => {
      const call = await liveCall();
      send(call.shopper, call.conversationId, text);
      check((await call.expert.next('chat.message')).text);
    });
  }

  const refused: Array<[string, unknown]> = [
    ['an empty message', ''],
    ['a whitespace-only message', ' \n\t '],
    ['a message over the length limit', 'x'.repeat(2001)],
    ['a message that is not a string', { nested: [[[[]]]] }],
  ];
  for (const [what, text] of refused) {
    it(`refuses ${what} with a clear error and keeps serving`, async () => {
      const call = await liveCall();
      call.shopper.sendRaw(
        JSON.stringify({
          type: 'chat.send',
          conversationId: call.conversationId,
          clientId: 'hostile-1',
          text,
        }),
      );
      const error = await call.shopper.refusal();
      assert.equal(error.reason, 'invalid-message');
      send(call.shopper, call.conversationId, 'still here');
      assert.equal((await call.expert.next('chat.message')).text, 'still here');
    });
  }

  it('takes a hostile display name as data', async () => {
    const shopper = track(await HubPeer.open(stack.hub.url));
    shopper.send({
      type: 'shopper.request',
      mode: 'video',
      lang: 'en',
      displayName: '<b>\u202E\uD800</b>',
      context: {},
    });
    await shopper.next('conversation.opened');
    shopper.send({
      type: 'shopper.request',
      mode: 'video',
      lang: 'en',
      displayName: 'x'.repeat(81),
      context: {},
    });
    assert.equal((await shopper.refusal()).reason, 'invalid-message');
  });
});

describe('resuming after a lost connection', () => {
  it('gives a returning shopper exactly what they missed, once, and the call goes on', async () => {
    const call = await liveCall();
    send(call.shopper, call.conversationId, 'before');
    const before = await call.shopper.next('chat.message');
    await call.shopper.close();
    send(call.expert, call.conversationId, 'while you were away 1');
    send(call.expert, call.conversationId, 'while you were away 2');
    await call.expert.next('chat.message');
    await call.expert.next('chat.message');
    await call.expert.next('chat.message');

    const back = track(await HubPeer.open(stack.hub.url));
    back.send({
      type: 'conversation.resume',
      conversationId: call.conversationId,
      resumeToken: call.resumeToken,
      lastSeq: before.seq,
    });
    await back.next('conversation.opened');
    await back.next('shopper.connecting');
    await back.next('call.live');
    const missed = [await back.next('chat.message'), await back.next('chat.message')];
    assert.deepEqual(
      missed.map((m) => m.text),
      ['while you were away 1', 'while you were away 2'],
    );
    send(back, call.conversationId, 'back again');
    assert.equal((await call.expert.next('chat.message')).text, 'back again');
    assert.equal(
      back.received.filter((m) => m.type === 'chat.message' && m.seq <= before.seq).length,
      0,
    );
  });

  it('refuses a resume with the wrong token', async () => {
    const call = await liveCall();
    const thief = track(await HubPeer.open(stack.hub.url));
    thief.send({
      type: 'conversation.resume',
      conversationId: call.conversationId,
      resumeToken: 'guessed',
      lastSeq: 0,
    });
    const answered = await thief.roundTrip();
    assert.deepEqual(
      answered.map((m) => (m.type === 'error' ? `error:${m.reason}` : m.type)),
      ['error:wrong-state'],
      'refused, and nothing of the conversation given',
    );
  });

  it('puts an expert who reconnects back in their call, with the transcript', async () => {
    const call = await liveCall();
    send(call.shopper, call.conversationId, 'hello');
    await call.expert.next('chat.message');
    await call.expert.close();
    send(call.shopper, call.conversationId, 'are you there?');
    await call.shopper.next('chat.message');
    await call.shopper.next('chat.message');
    const back = track(await HubPeer.open(stack.hub.url));
    back.send({ type: 'expert.auth', session: call.session });
    await back.next('expert.ready');
    assert.equal((await back.next('expert.ring')).conversationId, call.conversationId);
    await back.next('call.live');
    const transcript = [];
    for (let i = 0; i < 3; i++) transcript.push((await back.next('chat.message')).text);
    assert.deepEqual(transcript, ['expert-joined', 'hello', 'are you there?']);
    back.send({ type: 'call.end', conversationId: call.conversationId });
    assert.equal((await call.shopper.next('call.ended')).reason, 'expert-hung-up');
  });
});

describe('a hub restart', () => {
  it('keeps a call in progress: both sides resume and the transcript continues in order', async () => {
    const call = await liveCall();
    send(call.shopper, call.conversationId, 'before the restart');
    const last = await call.shopper.next('chat.message');
    await stack.restartHub();
    await Promise.all([call.shopper.closed(), call.expert.closed()]);

    const shopper = track(await HubPeer.open(stack.hub.url));
    shopper.send({
      type: 'conversation.resume',
      conversationId: call.conversationId,
      resumeToken: call.resumeToken,
      lastSeq: last.seq,
    });
    await shopper.next('call.live');
    const expert = track(await HubPeer.open(stack.hub.url));
    expert.send({ type: 'expert.auth', session: call.session });
    await expert.next('call.live');
    send(expert, call.conversationId, 'after the restart');
    const next = await shopper.next('chat.message');
    assert.equal(next.text, 'after the restart');
    assert.equal(next.seq, last.seq + 1);
  });
});

/** A hub whose LiveKit really cannot be reached: by default nothing listens on this port. */
function startHubWithoutMediaServer(url = 'ws://127.0.0.1:9', apiSecret = 'x'.repeat(32)) {
  return startHub({
    host: '127.0.0.1',
    port: 0,
    livekit: { url, apiKey: 'devkey', apiSecret },
    expertSessionSecret: 'y'.repeat(32),
    devLogin: true,
    reconnectGraceMs: 1_000,
    storage: {},
    shop: defaultShopConfig(),
    shopConfigPath: undefined,
  });
}

describe('a conversation in chat only', () => {
  it('rings the expert without a room when the shopper chose to write, and chat works', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Writer'));
    const shopper = track(await HubPeer.open(stack.hub.url));
    shopper.send({ type: 'shopper.request', mode: 'chat', lang: 'fr', context: {} });
    const ring = await expert.next('expert.ring');
    assert.equal(ring.mode, 'chat');
    assert.equal(ring.media, undefined, 'no media room for a written conversation');
    assert.equal((await shopper.next('shopper.connecting')).media, undefined);
    expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
    await shopper.next('call.live');
    assert.equal((await shopper.next('conversation.chat')).reason, 'chosen');
    assert.equal((await expert.next('conversation.chat')).reason, 'chosen');
    send(shopper, ring.conversationId, 'Bonjour, par écrit');
    await shopper.next('chat.message'); // expert joined
    assert.equal((await shopper.next('chat.message')).text, 'Bonjour, par écrit');
  });

  it('falls back to chat, and says why, when the media server cannot be reached', async () => {
    const unreachable = await startHubWithoutMediaServer();
    try {
      const expert = await HubPeer.expert(unreachable.url, 'No media');
      const shopper = await HubPeer.shopper(unreachable.url, 'video');
      // Rung at once with a room to join; the room that cannot be made turns it to writing.
      assert.ok((await expert.next('expert.ring')).media);
      assert.ok((await shopper.next('shopper.connecting')).media);
      const ring = await expert.next('expert.ring');
      assert.equal(ring.mode, 'chat');
      assert.equal(ring.media, undefined);
      assert.equal((await shopper.next('shopper.connecting')).media, undefined);
      expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
      assert.equal((await shopper.next('conversation.chat')).reason, 'media-unavailable');
      const lines = [
        (await shopper.next('chat.message')).text,
        (await shopper.next('chat.message')).text,
      ];
      assert.deepEqual(lines, ['expert-joined', 'media-unavailable']);
      await Promise.all([expert.close(), shopper.close()]);
    } finally {
      await unreachable.close();
    }
  });
});

describe('a ring that does not wait on the media server', () => {
  it('rings while LiveKit is still making the room, and rings on in writing when the room is cut', async () => {
    // A LiveKit that takes the request to make the room and does not answer, until cut.
    const held = new Set<Socket>();
    let asked = '';
    const silent = createServer((socket) => {
      held.add(socket);
      socket.on('data', (chunk) => (asked += chunk.toString('latin1')));
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const hub = await startHubWithoutMediaServer(`ws://127.0.0.1:${port}`);
    try {
      const expert = await HubPeer.expert(hub.url, 'Quick');
      const shopper = await HubPeer.shopper(hub.url, 'video');
      const ring = await expert.next('expert.ring');
      assert.ok(ring.media, 'rung with the room to join');
      assert.equal(ring.mode, 'video');
      assert.ok((await shopper.next('shopper.connecting')).media);
      await until(
        () => asked.includes('CreateRoom'),
        (seen) => seen,
        { what: 'the hub asked LiveKit for the room' },
      );
      for (const socket of held) socket.destroy();
      const written = await expert.next('expert.ring');
      assert.equal(written.conversationId, ring.conversationId);
      assert.equal(written.mode, 'chat');
      assert.equal(written.media, undefined);
      assert.equal((await shopper.next('shopper.connecting')).media, undefined);
      expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
      assert.equal((await shopper.next('conversation.chat')).reason, 'media-unavailable');
      await Promise.all([expert.close(), shopper.close()]);
    } finally {
      await hub.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('rings in writing when the hub cannot sign the room’s tokens (a bad key)', async () => {
    const hub = await startHubWithoutMediaServer('ws://127.0.0.1:9', '');
    try {
      const expert = await HubPeer.expert(hub.url, 'Keyless');
      const shopper = await HubPeer.shopper(hub.url, 'video');
      const ring = await expert.next('expert.ring');
      assert.equal(ring.mode, 'chat');
      assert.equal(ring.media, undefined);
      expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
      assert.equal((await shopper.next('conversation.chat')).reason, 'media-unavailable');
      await Promise.all([expert.close(), shopper.close()]);
    } finally {
      await hub.close();
    }
  });

  it('rings on in writing when the shopper cannot join the ring’s room', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'Joinless'));
    const shopper = track(await HubPeer.shopper(stack.hub.url, 'video'));
    const ring = await expert.next('expert.ring');
    assert.ok(ring.media);
    await shopper.next('shopper.connecting');
    shopper.send({ type: 'media.lost', conversationId: ring.conversationId });
    const written = await expert.next('expert.ring');
    assert.equal(written.mode, 'chat');
    assert.equal(written.media, undefined);
    expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
    assert.equal((await shopper.next('conversation.chat')).reason, 'media-unavailable');
  });
});

describe('bringing video back when the media server is down', () => {
  it('keeps the conversation in chat and tells both sides why', async () => {
    const unreachable = await startHubWithoutMediaServer();
    try {
      const expert = await HubPeer.expert(unreachable.url, 'Back to video');
      const shopper = await HubPeer.open(unreachable.url);
      shopper.send({ type: 'shopper.request', mode: 'chat', lang: 'en', context: {} });
      const ring = await expert.next('expert.ring');
      expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
      assert.equal((await shopper.next('conversation.chat')).reason, 'chosen');
      shopper.send({ type: 'media.switch', conversationId: ring.conversationId, to: 'call' });
      assert.equal((await shopper.next('conversation.chat')).reason, 'media-unavailable');
      await expert.next('conversation.chat');
      assert.equal((await expert.next('conversation.chat')).reason, 'media-unavailable');
      assert.equal(shopper.received.filter((m) => m.type === 'error').length, 0);
      await Promise.all([expert.close(), shopper.close()]);
    } finally {
      await unreachable.close();
    }
  });
});

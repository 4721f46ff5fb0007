/**
 * The expert's desk controller against a scripted hub (FakeHub): signing in, presence, rings,
 * the conversations held with what is unread, and coming back after the connection drops.
 * Media needs a browser: here rooms cannot be joined, which the desk must survive.
 */
import assert from 'node:assert/strict';
import type { DeskState } from '../../src/core/desk-state.js';
import { ExpertDesk, type Skills } from '../../src/core/expert-desk.js';
import type { OfflineRequest, ServerMessageOf } from '../../src/protocol/index.js';
import { until } from '../support/deadline.js';
import { FakeHub, type FakeConnection } from '../support/fake-hub.js';
import { after, afterEach, before, describe, it } from '../support/node-test.js';

const EXPERT = { id: 'dev-camille', name: 'Camille' };
const quick = { nextDelay: (attempt: number) => (attempt < 3 ? 20 : null) };

let hub: FakeHub;
const desks: ExpertDesk[] = [];

before(async () => {
  hub = await FakeHub.start();
});
afterEach(() => {
  for (const desk of desks.splice(0)) desk.dispose();
  hub.refuse(false);
  hub.forgetUntaken();
});
after(() => hub.close());

function newDesk(skills: Skills = {}) {
  const desk = new ExpertDesk(hub.url, skills, quick);
  desks.push(desk);
  const sessions: Array<string | null> = [];
  desk.on('session', (s) => sessions.push(s));
  return { desk, sessions };
}

function untilDesk(desk: ExpertDesk, holds: (state: DeskState) => boolean, what: string) {
  return until(() => desk.state, holds, { what });
}

/**
 * The desk once the browser has taken in every frame the hub sent: as `holds` says, or the test
 * fails there, saying what it is.
 */
async function deskOnceDelivered(
  connection: FakeConnection,
  desk: ExpertDesk,
  holds: (state: DeskState) => boolean,
  what: string,
) {
  await connection.delivered();
  assert.ok(holds(desk.state), `${what}: the desk is ${JSON.stringify(desk.state)}`);
}

const ready = (desk: ExpertDesk) => {
  assert.equal(desk.state.kind, 'ready');
  return desk.state as Extract<DeskState, { kind: 'ready' }>;
};

/** A desk signed in with a session, available, on `connection`. */
async function signedIn(skills: Skills = {}, status: 'available' | 'away' = 'available') {
  const made = newDesk(skills);
  await made.desk.signIn({ session: 'session-1' });
  const connection = await hub.nextConnection();
  await connection.sent('expert.auth');
  connection.send({ type: 'expert.ready', expert: EXPERT, status });
  await deskOnceDelivered(connection, made.desk, (s) => s.kind === 'ready', 'ready');
  return { ...made, connection };
}

function ring(
  conversationId: string,
  fields: Partial<ServerMessageOf<'expert.ring'>> = {},
): ServerMessageOf<'expert.ring'> {
  return {
    type: 'expert.ring',
    conversationId,
    mode: 'chat',
    lang: 'fr',
    shopper: { context: { pageUrl: 'https://shop.example/lumen' } },
    ringTimeoutMs: 30_000,
    ...fields,
  };
}

/** Rings, accepts and puts a chat live on the desk. */
async function holdChat(desk: ExpertDesk, connection: FakeConnection, conversationId: string) {
  connection.send(ring(conversationId));
  await deskOnceDelivered(
    connection,
    desk,
    (s) => s.kind === 'ready' && !!s.ring,
    `a ring for ${conversationId}`,
  );
  desk.accept();
  await connection.sent('expert.accept');
  connection.send({ type: 'call.live', conversationId, mode: 'chat', expert: EXPERT });
  connection.send({ type: 'conversation.chat', conversationId, reason: 'chosen', expert: EXPERT });
  await deskOnceDelivered(
    connection,
    desk,
    (s) => s.kind === 'ready' && s.conversations.some((c) => c.conversationId === conversationId),
    `holding ${conversationId}`,
  );
}

const fromShopper = (conversationId: string, seq: number, text: string) =>
  ({
    type: 'chat.message',
    conversationId,
    seq,
    clientId: `shopper-${conversationId}-${seq}`,
    author: 'shopper',
    authorName: 'Léa',
    text,
    at: 1000 + seq,
  }) satisfies ServerMessageOf<'chat.message'>;

describe('ExpertDesk', () => {
  describe('signing in', () => {
    it('signs in by name where the hub allows it, keeps the session, and answers with skills', async () => {
      const { desk, sessions } = newDesk({ topics: ['bikes'], languages: ['fr'] });
      await desk.signIn({ devName: 'Camille' });
      assert.equal(desk.state.kind, 'signing-in');
      const connection = await hub.nextConnection();
      assert.deepEqual(await connection.sent('expert.dev-login'), {
        type: 'expert.dev-login',
        name: 'Camille',
      });
      connection.send({ type: 'expert.session', session: 'signed-1', expert: EXPERT });
      assert.deepEqual(await connection.sent('expert.auth'), {
        type: 'expert.auth',
        session: 'signed-1',
        topics: ['bikes'],
        languages: ['fr'],
      });
      assert.deepEqual(sessions, ['signed-1']);
      connection.send({ type: 'expert.ready', expert: EXPERT, status: 'away' });
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready', 'ready');
      assert.deepEqual(desk.state, {
        kind: 'ready',
        expert: EXPERT,
        status: 'away',
        conversations: [],
      });
    });

    it('signs in with a session the back office signed', async () => {
      const { desk } = newDesk();
      await desk.signIn({ session: 'from-back-office' });
      const connection = await hub.nextConnection();
      assert.deepEqual(await connection.sent('expert.auth'), {
        type: 'expert.auth',
        session: 'from-back-office',
      });
      await desk.signIn({ session: 'again' });
      assert.equal(hub.quiet, true, 'one sign-in at a time');
    });

    it('says why it could not sign in', async () => {
      hub.refuse(true);
      const unreachable = newDesk().desk;
      await unreachable.signIn({ devName: 'A' });
      assert.deepEqual(unreachable.state, { kind: 'signed-out', reason: 'hub-unreachable' });
      hub.refuse(false);

      const refused = newDesk();
      await refused.desk.signIn({ session: 'expired' });
      const connection = await hub.nextConnection();
      await connection.sent('expert.auth');
      connection.send({ type: 'error', reason: 'unauthorized', message: 'no', ref: 'expert.auth' });
      await deskOnceDelivered(
        connection,
        refused.desk,
        (s) => s.kind === 'signed-out',
        'signed out',
      );
      assert.deepEqual(refused.desk.state, { kind: 'signed-out', reason: 'unauthorized' });
      assert.deepEqual(refused.sessions, [null], 'the kept session is forgotten');

      const noDevLogin = newDesk().desk;
      await noDevLogin.signIn({ devName: 'B' });
      const other = await hub.nextConnection();
      await other.sent('expert.dev-login');
      other.send({
        type: 'error',
        reason: 'unauthorized',
        message: 'no',
        ref: 'expert.dev-login',
      });
      await deskOnceDelivered(other, noDevLogin, (s) => s.kind === 'signed-out', 'signed out');
      assert.deepEqual(noDevLogin.state, { kind: 'signed-out', reason: 'dev-login-disabled' });
    });

    it('stays signing in when the hub fails on the sign-in, asks again, and keeps the session', async () => {
      const { desk, sessions } = newDesk();
      await desk.signIn({ session: 'session-1' });
      const connection = await hub.nextConnection();
      await connection.sent('expert.auth');
      connection.send({ type: 'error', reason: 'internal', message: 'oops', ref: 'expert.auth' });
      const again = await connection.next('expert.auth');
      assert.equal(again.session, 'session-1');
      assert.equal(desk.state.kind, 'signing-in');
      connection.send({ type: 'expert.ready', expert: EXPERT, status: 'away' });
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready', 'ready');
      assert.deepEqual(sessions, [], 'the session is kept');
    });

    it('stays signed in when the hub fails on the sign-in after a reconnect', async () => {
      const { desk, connection, sessions } = await signedIn();
      connection.drop();
      const back = await hub.nextConnection();
      await back.next('expert.auth');
      back.send({ type: 'error', reason: 'internal', message: 'oops', ref: 'expert.auth' });
      await back.next('expert.auth');
      assert.equal(desk.state.kind, 'ready', 'still signed in');
      back.send({ type: 'expert.ready', expert: EXPERT, status: 'available' });
      await back.delivered();
      assert.equal(desk.reconnecting, false, 'back');
      assert.equal(desk.state.kind, 'ready');
      assert.deepEqual(sessions, [], 'the session is kept');
    });

    it('signs out as "hub-failed", keeping the session, when the hub keeps failing', async () => {
      const { desk, sessions } = newDesk();
      await desk.signIn({ session: 'session-1' });
      const connection = await hub.nextConnection();
      for (let attempt = 0; attempt < 4; attempt++) {
        await connection.next('expert.auth');
        connection.send({ type: 'error', reason: 'internal', message: 'oops', ref: 'expert.auth' });
      }
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'signed-out', 'signed out');
      assert.deepEqual(desk.state, { kind: 'signed-out', reason: 'hub-failed' });
      assert.deepEqual(sessions, [], 'the session is kept for the next sign-in');
    });

    it('signs out with the refusal, keeping the session, when the hub refuses other than the session', async () => {
      const { desk, sessions } = newDesk();
      await desk.signIn({ session: 'session-1' });
      const connection = await hub.nextConnection();
      await connection.sent('expert.auth');
      connection.send({ type: 'error', reason: 'wrong-state', message: 'no', ref: 'expert.auth' });
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'signed-out', 'signed out');
      assert.deepEqual(desk.state, { kind: 'signed-out', reason: 'refused' });
      assert.deepEqual(sessions, []);
      assert.equal(connection.all('expert.auth').length, 1, 'a refusal is not asked again');
    });

    it('asks again with the session the hub gave a sign-in by name, not by name, when the hub fails on it', async () => {
      const { desk, sessions } = newDesk();
      await desk.signIn({ devName: 'Camille' });
      const connection = await hub.nextConnection();
      await connection.sent('expert.dev-login');
      connection.send({ type: 'expert.session', session: 'session-9', expert: EXPERT });
      assert.deepEqual(await connection.sent('expert.auth'), {
        type: 'expert.auth',
        session: 'session-9',
      });
      assert.deepEqual(sessions, ['session-9']);
      connection.send({ type: 'error', reason: 'internal', message: 'oops', ref: 'expert.auth' });
      assert.equal((await connection.next('expert.auth')).session, 'session-9');
      assert.equal(connection.all('expert.dev-login').length, 1, 'not by name again');
    });

    it('asks again by name when the hub fails on a sign-in by name', async () => {
      const { desk } = newDesk();
      await desk.signIn({ devName: 'Camille' });
      const connection = await hub.nextConnection();
      await connection.sent('expert.dev-login');
      connection.send({
        type: 'error',
        reason: 'internal',
        message: 'oops',
        ref: 'expert.dev-login',
      });
      assert.equal((await connection.next('expert.dev-login')).name, 'Camille');
      assert.equal(desk.state.kind, 'signing-in');
    });

    it('signs out on purpose: forgets the session and lets the hub go', async () => {
      const { desk, sessions, connection } = await signedIn();
      desk.signOutNow();
      assert.deepEqual(desk.state, { kind: 'signed-out', reason: 'signed-out' });
      assert.deepEqual(sessions, [null]);
      assert.notEqual(await connection.closeSeen(), undefined, 'the connection let go');
    });
  });

  describe('presence', () => {
    it('asks the hub to go available or away, and shows what the hub says', async () => {
      const { desk, connection } = await signedIn({}, 'away');
      desk.setAvailable(true);
      assert.deepEqual(await connection.sent('expert.set-presence'), {
        type: 'expert.set-presence',
        status: 'available',
      });
      assert.equal(ready(desk).status, 'away', 'until the hub says so');
      connection.send({ type: 'expert.presence', status: 'available' });
      await deskOnceDelivered(
        connection,
        desk,
        (s) => s.kind === 'ready' && s.status === 'available',
        'available',
      );
      desk.setAvailable(false);
      assert.equal((await connection.sent('expert.set-presence')).status, 'away');
    });

    it('asks nothing before it is signed in', () => {
      const { desk } = newDesk();
      desk.setAvailable(true);
      desk.accept();
      desk.decline();
      desk.markDone('r1');
      assert.equal(desk.state.kind, 'signed-out');
      assert.equal(hub.quiet, true);
    });
  });

  describe('the catalogue', () => {
    const CARGO = { id: 'cargo', name: 'Cargo E5' };

    it('searches, shows what the hub found, and drops an answer to a search replaced since', async () => {
      const { desk, connection } = await signedIn();
      desk.findProducts('  velo ');
      assert.deepEqual(await connection.sent('expert.find-products'), {
        type: 'expert.find-products',
        query: 'velo',
      });
      assert.deepEqual(desk.productSearch, { query: 'velo' }, 'searching');
      desk.findProducts('cargo');
      await connection.sent('expert.find-products');
      // The first search's answer comes after the second was asked: it is not shown.
      connection.send({ type: 'expert.products', query: 'velo', products: [], catalogue: true });
      await connection.delivered();
      assert.deepEqual(desk.productSearch, { query: 'cargo' }, 'still searching');
      connection.send({
        type: 'expert.products',
        query: 'cargo',
        products: [CARGO],
        catalogue: true,
      });
      await connection.delivered();
      assert.deepEqual(desk.productSearch, { query: 'cargo', products: [CARGO], catalogue: true });

      desk.showProduct('c1', 'cargo');
      const shown = await connection.sent('expert.show-product');
      assert.equal(shown.conversationId, 'c1');
      assert.equal(shown.productId, 'cargo');
      assert.match(shown.clientId, /^[A-Za-z0-9_-]{8,64}$/);
    });

    it('asks nothing for an empty search or before it is signed in', () => {
      const { desk } = newDesk();
      desk.findProducts('velo');
      assert.equal(desk.productSearch, undefined);
      assert.equal(hub.quiet, true);
    });
  });

  describe('a ring', () => {
    it('shows who rings, and accepts it once', async () => {
      const { desk, connection } = await signedIn();
      const before = Date.now();
      connection.send(ring('c1', { shopper: { displayName: 'Léa', context: {} } }));
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready' && !!s.ring, 'the ring');
      const shown = ready(desk).ring!;
      assert.equal(shown.conversationId, 'c1');
      assert.equal(shown.shopper.displayName, 'Léa');
      assert.ok(shown.until >= before + 30_000 && shown.until <= Date.now() + 30_000);
      desk.accept();
      desk.accept();
      await connection.sent('expert.accept');
      assert.equal(connection.all('expert.accept').length, 1);
      assert.equal(ready(desk).accepting, true);
    });

    it('rings on as a written conversation when the ring’s room failed, on the same clock', async () => {
      const { desk, connection } = await signedIn();
      const media = { url: 'ws://127.0.0.1:9', token: 't', room: 'r1', peer: 'shopper-c1' };
      connection.send(ring('c1', { mode: 'video', media }));
      await deskOnceDelivered(
        connection,
        desk,
        (s) => s.kind === 'ready' && s.ring?.mode === 'video',
        'a video ring',
      );
      const until = ready(desk).ring!.until;
      connection.send(ring('c1', { mode: 'chat', ringTimeoutMs: 60_000 }));
      await deskOnceDelivered(
        connection,
        desk,
        (s) => s.kind === 'ready' && s.ring?.mode === 'chat',
        'a written ring',
      );
      assert.equal(ready(desk).ring!.until, until);
      desk.accept();
      await connection.sent('expert.accept');
    });

    it('declines a ring, and shows why a ring ended', async () => {
      const { desk, connection } = await signedIn();
      connection.send(ring('c1'));
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready' && !!s.ring, 'the ring');
      desk.decline();
      assert.deepEqual(await connection.sent('expert.decline'), {
        type: 'expert.decline',
        conversationId: 'c1',
      });
      connection.send({ type: 'expert.ring-ended', conversationId: 'c1', reason: 'declined' });
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready' && !s.ring, 'no ring');
      assert.equal(ready(desk).missed, 'declined');
    });

    it('is a chat held in front once live, and writes to the shopper', async () => {
      const { desk, connection } = await signedIn();
      await holdChat(desk, connection, 'c1');
      const state = ready(desk);
      assert.deepEqual(
        state.conversations.map((c) => [c.conversationId, c.chatOnly]),
        [['c1', 'chosen']],
      );
      assert.equal(state.selected, 'c1');
      const chat = desk.chatOf('c1')!;
      assert.equal(chat.isOpen, true);
      assert.equal(chat.post('Bonjour, je regarde.'), null);
      const sent = await connection.sent('chat.send');
      assert.equal(sent.conversationId, 'c1');
      connection.send({ type: 'chat.typing', conversationId: 'c1', author: 'shopper' });
      await connection.delivered();
      assert.equal(chat.otherTyping, true);
    });

    it('joins a room it cannot join without failing the call: the hub decides', async () => {
      const { desk, connection } = await signedIn();
      const media = {
        url: 'ws://127.0.0.1:9',
        token: 't',
        room: 'conversation-c1',
        peer: 'shopper-c1',
      };
      connection.send(ring('c1', { mode: 'video', media }));
      await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready' && !!s.ring, 'the ring');
      desk.accept();
      connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
      await deskOnceDelivered(
        connection,
        desk,
        (s) => s.kind === 'ready' && s.conversations.length === 1,
        'held',
      );
      assert.equal(ready(desk).conversations[0]!.chatOnly, undefined, 'a call, not a chat');

      // LiveKit gives up on the room: the conversation goes on in chat, and the hub is told.
      emit(desk.media, 'disconnected', { cause: 'lost' });
      assert.deepEqual(await connection.sent('media.lost'), {
        type: 'media.lost',
        conversationId: 'c1',
      });
      assert.equal(ready(desk).conversations[0]!.chatOnly, 'media-lost');
    });

    it('hangs up and switches a conversation as asked, and lets an ended one go', async () => {
      const { desk, connection } = await signedIn();
      await holdChat(desk, connection, 'c1');
      desk.switchTo('c1', 'call');
      assert.deepEqual(await connection.sent('media.switch'), {
        type: 'media.switch',
        conversationId: 'c1',
        to: 'call',
      });
      desk.hangUp('c1');
      assert.deepEqual(await connection.sent('call.end'), {
        type: 'call.end',
        conversationId: 'c1',
      });
      connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
      await deskOnceDelivered(
        connection,
        desk,
        (s) => s.kind === 'ready' && s.conversations.length === 0,
        'none',
      );
      assert.equal(desk.chatOf('c1'), undefined, 'its chat is let go');
      assert.equal(ready(desk).selected, undefined);
    });
  });

  describe('ratings', () => {
    it('shows the rating a shopper gave an ended conversation, as the hub passes it on', async () => {
      const { desk, connection } = await signedIn();
      connection.send({
        type: 'expert.rated',
        conversationId: 'c7',
        stars: 5,
        comment: 'Very clear',
        displayName: 'Léa',
      });
      await deskOnceDelivered(
        connection,
        desk,
        (s) => s.kind === 'ready' && (s.ratings?.length ?? 0) > 0,
        'a rating',
      );
      assert.deepEqual(ready(desk).ratings, [
        { conversationId: 'c7', stars: 5, comment: 'Very clear', displayName: 'Léa' },
      ]);
    });
  });

  describe('several chats', () => {
    it('counts what the shopper wrote in a chat not in front, until it is put in front', async () => {
      const { desk, connection } = await signedIn();
      await holdChat(desk, connection, 'c1');
      await holdChat(desk, connection, 'c2');
      assert.equal(ready(desk).selected, 'c2', 'the newest in front');

      connection.send(fromShopper('c1', 1, 'un'));
      connection.send(fromShopper('c1', 2, 'deux'));
      connection.send(fromShopper('c2', 1, 'in front'));
      await connection.delivered();
      assert.equal(desk.unread('c1'), 2, 'two unread in c1');
      assert.equal(desk.unread('c2'), 0, 'what is in front is read');
      assert.equal(desk.unread('nowhere'), 0);

      desk.select('c1');
      assert.equal(ready(desk).selected, 'c1');
      assert.equal(desk.unread('c1'), 0);
      connection.send(fromShopper('c2', 2, 'while away'));
      await connection.delivered();
      assert.equal(desk.unread('c2'), 1, 'one unread in c2');
      desk.select('nowhere');
      assert.equal(ready(desk).selected, 'c1');
    });
  });

  describe('a dropped connection', () => {
    it('signs in again by itself, gets its conversations back, and sends what waited', async () => {
      const { desk, connection } = await signedIn();
      desk.setAvailable(true);
      await connection.sent('expert.set-presence');
      await holdChat(desk, connection, 'c1');
      await holdChat(desk, connection, 'c2');
      connection.drop();
      await until(
        () => desk.reconnecting,
        (r) => r,
        { what: 'reconnecting' },
      );
      desk.chatOf('c1')!.post('écrit pendant la coupure');

      const back = await hub.nextConnection();
      assert.deepEqual(await back.next('expert.auth'), {
        type: 'expert.auth',
        session: 'session-1',
      });
      assert.deepEqual(back.all('chat.send'), [], 'held until signed in again');
      // The hub kept c1 only, and lost the expert's presence with the connection.
      back.send({ type: 'expert.ready', expert: EXPERT, status: 'away', conversations: ['c1'] });
      assert.equal((await back.sent('expert.set-presence')).status, 'available');
      const resent = await back.sent('chat.send');
      assert.equal(resent.text, 'écrit pendant la coupure');
      assert.equal(desk.reconnecting, false);
      assert.deepEqual(
        ready(desk).conversations.map((c) => c.conversationId),
        ['c1'],
      );
      assert.equal(desk.chatOf('c2'), undefined);
    });

    it('stays away after a reconnect when the expert had gone away', async () => {
      const { desk, connection } = await signedIn({}, 'away');
      connection.drop();
      const back = await hub.nextConnection();
      await back.next('expert.auth');
      back.send({ type: 'expert.ready', expert: EXPERT, status: 'away' });
      await back.delivered();
      assert.equal(desk.reconnecting, false);
      assert.deepEqual(back.all('expert.set-presence'), []);
    });

    it('asks nothing of its presence after a reconnect when the hub kept it available', async () => {
      const { desk, connection } = await signedIn();
      desk.setAvailable(true);
      await connection.sent('expert.set-presence');
      connection.drop();
      const back = await hub.nextConnection();
      await back.next('expert.auth');
      back.send({ type: 'expert.ready', expert: EXPERT, status: 'available' });
      await back.delivered();
      assert.equal(desk.reconnecting, false);
      assert.deepEqual(back.all('expert.set-presence'), []);
    });

    it('signs out as "hub-unreachable" when the hub does not come back', async () => {
      const { desk, connection } = await signedIn();
      hub.refuse(true);
      connection.drop();
      await untilDesk(desk, (s) => s.kind === 'signed-out', 'signed out');
      assert.deepEqual(desk.state, { kind: 'signed-out', reason: 'hub-unreachable' });
      assert.equal(desk.reconnecting, false);
    });

    it('forgets what it was marking done: the list sent on sign-in says what is true', async () => {
      const { desk, connection } = await signedIn();
      connection.send({ type: 'expert.requests', requests: [request('r1')] });
      await connection.delivered();
      assert.equal(desk.requests.length, 1, 'the list');
      desk.markDone('r1');
      await connection.sent('expert.request-done');
      assert.equal(desk.markingDone.size, 1);
      connection.drop();
      await until(
        () => desk.markingDone.size,
        (n) => n === 0,
        { what: 'marking forgotten' },
      );
    });
  });
});

describe('ExpertDesk, what it shows and asks', () => {
  it('turns how long the first shopper has waited into an instant of this clock', async () => {
    const { desk, connection } = await signedIn();
    const before = Date.now();
    connection.send({
      type: 'expert.queues',
      queues: [{ lang: 'fr', waiting: 2, longestWaitSeconds: 90 }],
    });
    await until(
      () => desk.queues.length,
      (n) => n === 1,
      { what: 'the queues' },
    );
    const [queue] = desk.queues;
    assert.equal(queue!.waiting, 2);
    assert.ok(
      queue!.longestSince >= before - 90_000 && queue!.longestSince <= Date.now() - 90_000,
      `waiting since ${queue!.longestSince}, 90 s before ${before}`,
    );
  });

  it('forgets the requests and queues it showed once signed out, and says so', async () => {
    const { desk, connection } = await signedIn();
    connection.send({ type: 'expert.requests', requests: [request('r1')] });
    connection.send({
      type: 'expert.queues',
      queues: [{ lang: 'fr', waiting: 1, longestWaitSeconds: 0 }],
    });
    await until(
      () => desk.queues.length,
      (n) => n === 1,
      { what: 'the queues' },
    );
    assert.equal(desk.requests.length, 1);
    let changes = 0;
    desk.on('change', () => changes++);
    desk.signOutNow();
    assert.deepEqual([desk.requests, desk.queues], [[], []]);
    assert.ok(changes > 0, 'the console is told');
  });

  it('keeps the reason it was signed out for when it is let go', async () => {
    const { desk, connection } = await signedIn();
    hub.refuse(true);
    connection.drop();
    await untilDesk(desk, (s) => s.kind === 'signed-out', 'signed out');
    desk.dispose();
    assert.deepEqual(desk.state, { kind: 'signed-out', reason: 'hub-unreachable' });
  });

  it('tells of a change of state only when the state changed', async () => {
    const { desk, connection } = await signedIn();
    const states: DeskState[] = [];
    desk.on('state', ({ state }) => states.push(state));
    connection.send({ type: 'expert.presence', status: 'available' });
    connection.send({ type: 'expert.presence', status: 'away' });
    await deskOnceDelivered(
      connection,
      desk,
      (s) => s.kind === 'ready' && s.status === 'away',
      'away',
    );
    assert.deepEqual(
      states.map((s) => s.kind === 'ready' && s.status),
      ['away'],
      'the same presence again is no change',
    );
  });

  it('keeps a request marked while a list that crossed the mark has it to do, until it is listed done', async () => {
    const { desk, connection } = await signedIn();
    connection.send({ type: 'expert.requests', requests: [request('r1'), request('r2')] });
    await connection.delivered();
    desk.markDone('r1');
    desk.markDone('r2');
    desk.markDone('r1');
    await connection.delivered();
    assert.deepEqual(
      connection.all('expert.request-done').map((m) => m.id),
      ['r1', 'r2'],
      'each asked once',
    );
    const marked = desk.markingDone;
    assert.deepEqual([...marked], ['r1', 'r2']);
    // A list the hub sent before it had the marks: both still to do, both still marked.
    connection.send({ type: 'expert.requests', requests: [request('r1'), request('r2')] });
    await connection.delivered();
    assert.equal(desk.markingDone, marked, 'the same set: nothing changed');
    connection.send({
      type: 'expert.requests',
      requests: [request('r1'), { ...request('r2'), status: 'done' }],
    });
    await connection.delivered();
    assert.deepEqual([...desk.markingDone], ['r1']);
    assert.deepEqual(
      desk.requests.map((r) => `${r.id}:${r.status}`),
      ['r1:to-do', 'r2:done'],
    );
  });

  it('marks nothing done while it signs in, though connected', async () => {
    const { desk } = newDesk();
    await desk.signIn({ session: 'session-1' });
    const connection = await hub.nextConnection();
    await connection.sent('expert.auth');
    desk.markDone('r1');
    await connection.delivered();
    assert.deepEqual(connection.all('expert.request-done'), []);
    assert.equal(desk.markingDone.size, 0);
  });

  it('brings the button back when the hub refuses a mark, and only then', async () => {
    const { desk, connection } = await signedIn();
    connection.send({ type: 'expert.requests', requests: [request('r1')] });
    await connection.delivered();
    desk.markDone('r1');
    await connection.sent('expert.request-done');
    connection.send({
      type: 'error',
      reason: 'wrong-state',
      message: 'no',
      ref: 'expert.find-products',
    });
    await connection.delivered();
    assert.deepEqual([...desk.markingDone], ['r1'], 'another refusal changes nothing');
    connection.send({
      type: 'error',
      reason: 'wrong-state',
      message: 'no',
      ref: 'expert.request-done',
    });
    await connection.delivered();
    assert.deepEqual([...desk.markingDone], []);
    assert.equal(desk.state.kind, 'ready');
  });

  it('does not ask to be available again on a new sign-in, only after a reconnect', async () => {
    const { desk, connection } = await signedIn();
    desk.setAvailable(true);
    await connection.sent('expert.set-presence');
    desk.signOutNow();
    await desk.signIn({ session: 'session-2' });
    const again = await hub.nextConnection();
    await again.sent('expert.auth');
    again.send({ type: 'expert.ready', expert: EXPERT, status: 'away' });
    await deskOnceDelivered(again, desk, (s) => s.kind === 'ready', 'ready');
    assert.deepEqual(again.all('expert.set-presence'), []);
  });

  it('tells of no new state when let go after signing out on purpose', async () => {
    const { desk } = await signedIn();
    desk.signOutNow();
    const states: DeskState[] = [];
    desk.on('state', ({ state }) => states.push(state));
    desk.dispose();
    assert.deepEqual(states, []);
    assert.deepEqual(desk.state, { kind: 'signed-out', reason: 'signed-out' });
  });

  it('tells of a change on signing out only when it showed requests or queues', async () => {
    const { desk } = await signedIn();
    let changes = 0;
    desk.on('change', () => changes++);
    desk.signOutNow();
    assert.equal(changes, 0, 'the state says it: nothing else changed');
  });

  it('tells of a change when its media session changes', async () => {
    const { desk } = await signedIn();
    let changes = 0;
    desk.on('change', () => changes++);
    emit(desk.media, 'change', undefined);
    assert.equal(changes, 1);
  });

  it('searches nothing for blanks, even signed in', async () => {
    const { desk, connection } = await signedIn();
    desk.findProducts('   ');
    assert.equal(desk.productSearch, undefined);
    desk.findProducts('cargo');
    assert.equal((await connection.sent('expert.find-products')).query, 'cargo');
    assert.deepEqual(
      connection.all('expert.find-products').map((m) => m.query),
      ['cargo'],
      'one search asked, the blank one not',
    );
  });

  it('asks for no presence while it is still signing in', async () => {
    const { desk } = newDesk();
    assert.equal(desk.reconnecting, false);
    const signingIn = desk.signIn({ session: 'session-1' });
    const connection = await hub.nextConnection();
    await signingIn;
    await connection.sent('expert.auth');
    assert.equal(desk.state.kind, 'signing-in');
    desk.setAvailable(true);
    desk.findProducts('cargo');
    connection.send({ type: 'expert.ready', expert: EXPERT, status: 'away' });
    await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready', 'ready');
    desk.setAvailable(false);
    assert.equal((await connection.sent('expert.set-presence')).status, 'away', 'only once ready');
    assert.deepEqual(connection.all('expert.find-products'), [], 'no search before ready');
  });

  it('marks the shopper’s picture as asked, and gives each photo its address at the hub', async () => {
    const { desk, connection } = await signedIn();
    const points = [{ x: 0.25, y: 0.5 }];
    desk.mark('c1', points);
    assert.deepEqual(await connection.sent('expert.mark'), {
      type: 'expert.mark',
      conversationId: 'c1',
      points,
    });
    assert.equal(
      desk.photoUrl('p1'),
      `${hub.url.replace(/^ws/, 'http').replace(/\/$/, '')}/photos/p1`,
    );
  });

  it('counts as unread only what the shopper wrote, and keeps a chat rung again', async () => {
    const { desk, connection } = await signedIn();
    await holdChat(desk, connection, 'c1');
    await holdChat(desk, connection, 'c2');
    const changes: number[] = [];
    desk.on('change', () => changes.push(desk.unread('c1')));
    connection.send(fromShopper('c1', 1, 'un'));
    connection.send({
      ...fromShopper('c1', 2, 'from the expert'),
      author: 'expert',
      authorName: 'Camille',
    });
    await until(
      () => desk.chatOf('c1')!.log.entries.length,
      (n) => n === 2,
      { what: 'two lines' },
    );
    assert.equal(desk.unread('c1'), 1, 'the expert’s own line is not unread');
    assert.ok(changes.includes(1), 'the console is told of the new line');

    // Rung again while it rings (its room failed): the same chat, with what the shopper wrote.
    const media = { url: 'ws://127.0.0.1:9', token: 't', room: 'r3', peer: 'shopper-c3' };
    connection.send(ring('c3', { mode: 'video', media }));
    await deskOnceDelivered(
      connection,
      desk,
      (s) => s.kind === 'ready' && s.ring?.conversationId === 'c3',
      'rung',
    );
    const chat = desk.chatOf('c3');
    connection.send(fromShopper('c3', 1, 'Bonjour ?'));
    await until(
      () => chat!.log.entries.length,
      (n) => n === 1,
      { what: 'the line' },
    );
    connection.send(ring('c3'));
    await until(
      () => desk.chatOf('c3'),
      (c) => c !== undefined,
      { what: 'rung again' },
    );
    assert.equal(desk.chatOf('c3'), chat);
    assert.equal(desk.chatOf('c3')!.log.entries.length, 1);
  });

  it('says nothing to the hub when its room is left rather than lost', async () => {
    const { desk, connection } = await signedIn();
    const media = { url: 'ws://127.0.0.1:9', token: 't', room: 'r1', peer: 'shopper-c1' };
    connection.send(ring('c1', { mode: 'video', media }));
    await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready' && !!s.ring, 'the ring');
    emit(desk.media, 'disconnected', { cause: 'left' });
    desk.decline();
    await connection.sent('expert.decline');
    assert.deepEqual(connection.all('media.lost'), []);
  });
});

function request(id: string): OfflineRequest {
  return {
    id,
    kind: 'message',
    topic: null,
    lang: 'fr',
    name: null,
    contact: 'lea@example.fr',
    phone: null,
    text: 'Rappelez-moi',
    from: null,
    to: null,
    context: {},
    status: 'to-do',
    createdAt: 0,
  };
}

/** What the media layer says when LiveKit loses (or closes) the room. */
function emit(target: object, event: string, payload: unknown): void {
  (target as { emit(event: string, payload: unknown): void }).emit(event, payload);
}

/**
 * Writes down what the desk asks of its media session instead of doing it: Node has no WebRTC,
 * and the end-to-end tests run the same decisions on a real LiveKit server. `joined` says
 * whether the session is in a room; `microphone` whether it publishes the microphone.
 */
function recordMedia(desk: ExpertDesk) {
  const asked: string[] = [];
  const session = { connected: false, microphone: false };
  Object.defineProperty(desk.media, 'connected', { get: () => session.connected });
  Object.defineProperty(desk.media, 'microphoneOn', { get: () => session.microphone });
  Object.assign(desk.media, {
    join: async (grant: { room: string }) => {
      asked.push(`join ${grant.room}`);
      session.connected = true;
    },
    leave: async () => {
      asked.push('leave');
      session.connected = false;
    },
    prepare: async (devices: { camera: boolean; microphone: boolean }) => {
      asked.push(`prepare camera=${devices.camera} microphone=${devices.microphone}`);
    },
    publishMuted: async () => void asked.push('publish muted'),
    unmuteStaged: async () => {
      asked.push('unmute');
      session.microphone = true;
    },
    publish: async (devices: { camera: boolean; microphone: boolean }) => {
      asked.push(`publish camera=${devices.camera} microphone=${devices.microphone}`);
      session.microphone = devices.microphone;
      return [];
    },
  });
  return { asked, session };
}

const room = (name: string) => ({
  url: 'ws://127.0.0.1:9',
  token: 't',
  room: name,
  peer: 'shopper',
});
const isRung = (conversationId: string) => (s: DeskState) =>
  s.kind === 'ready' && s.ring?.conversationId === conversationId;
const isHeld = (conversationId: string) => (s: DeskState) =>
  s.kind === 'ready' && s.conversations.some((c) => c.conversationId === conversationId);

/** Rings the desk for a video call c1 in room r1, and puts it live once accepted. */
async function inVideoCall(desk: ExpertDesk, connection: FakeConnection) {
  connection.send(ring('c1', { mode: 'video', media: room('r1') }));
  await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
  desk.accept();
  connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
  await deskOnceDelivered(connection, desk, isHeld('c1'), 'the call');
}

describe('ExpertDesk and its media', () => {
  it('joins the ring’s room and readies the devices while it rings; accepting and going live turn them on', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    connection.send(ring('c1', { mode: 'video', media: room('r1') }));
    await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
    assert.deepEqual(media.asked, [
      'join r1',
      'prepare camera=true microphone=true',
      'publish muted',
    ]);
    desk.accept();
    await connection.sent('expert.accept');
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    await deskOnceDelivered(connection, desk, isHeld('c1'), 'the call');
    assert.deepEqual(media.asked.slice(3), ['unmute', 'publish camera=true microphone=true']);
  });

  it('readies only the microphone for a voice call', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    connection.send(ring('c1', { mode: 'audio', media: room('r1') }));
    await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
    assert.deepEqual(media.asked, [
      'join r1',
      'prepare camera=false microphone=true',
      'publish muted',
    ]);
  });

  it('joins nothing for a written ring, and leaves the room of a ring that becomes written', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    connection.send(ring('c1'));
    await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
    assert.deepEqual(media.asked, []);
    connection.send(ring('c2', { mode: 'video', media: room('r2') }));
    connection.send({ type: 'expert.ring-ended', conversationId: 'c1', reason: 'timeout' });
    connection.send(ring('c2', { mode: 'chat' }));
    await deskOnceDelivered(connection, desk, isRung('c2'), 'the written ring');
    assert.deepEqual(media.asked.at(-1), 'leave');
  });

  it('leaves the room when the ring ends unanswered, but not for another conversation’s', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    connection.send(ring('c1', { mode: 'video', media: room('r1') }));
    connection.send({ type: 'expert.ring-ended', conversationId: 'c9', reason: 'timeout' });
    await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
    assert.equal(media.asked.includes('leave'), false);
    connection.send({ type: 'expert.ring-ended', conversationId: 'c1', reason: 'timeout' });
    await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready' && !s.ring, 'no ring');
    assert.equal(media.asked.at(-1), 'leave');
  });

  it('does not turn on the devices of a ring the expert no longer has by the time they are ready', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    let ready: () => void = () => {};
    Object.assign(desk.media, {
      prepare: () => new Promise<void>((resolve) => (ready = resolve)),
    });
    connection.send(ring('c1', { mode: 'video', media: room('r1') }));
    await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
    connection.send({ type: 'expert.ring-ended', conversationId: 'c1', reason: 'timeout' });
    await deskOnceDelivered(connection, desk, (s) => s.kind === 'ready' && !s.ring, 'no ring');
    ready();
    await connection.delivered();
    assert.deepEqual(media.asked, ['join r1', 'leave']);
  });

  it('joins and turns the devices on when it goes live without having joined', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    Object.assign(desk.media, { join: async () => Promise.reject(new Error('no room yet')) });
    connection.send(ring('c1', { mode: 'video', media: room('r1') }));
    await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
    Object.assign(desk.media, {
      join: async (grant: { room: string }) => {
        media.asked.push(`join ${grant.room}`);
        media.session.connected = true;
      },
    });
    desk.accept();
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    await deskOnceDelivered(connection, desk, isHeld('c1'), 'the call');
    assert.deepEqual(media.asked.slice(-2), ['join r1', 'publish camera=true microphone=true']);
  });

  it('publishes nothing again for a call it holds with the microphone on, and stays in its room', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    await inVideoCall(desk, connection);
    const before = media.asked.length;
    // The hub puts it through again (after a reconnect): the room is still joined.
    connection.send(ring('c1', { mode: 'video', media: room('r1') }));
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    await connection.delivered();
    assert.deepEqual(media.asked.slice(before), []);
    // With the microphone off (its device failed), going live publishes again.
    media.session.microphone = false;
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'audio', expert: EXPERT });
    await connection.delivered();
    assert.deepEqual(media.asked.slice(before), ['publish camera=false microphone=true']);
  });

  it('joins a held conversation’s room again without readying its devices a second time', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    await holdChat(desk, connection, 'c1');
    connection.send(ring('c1', { mode: 'video', media: room('r1') }));
    await connection.delivered();
    assert.deepEqual(media.asked, ['join r1']);
  });

  it('leaves the room when the call goes to chat or ends, and when signing out', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    connection.send(ring('c1', { mode: 'video', media: room('r1') }));
    await deskOnceDelivered(connection, desk, isRung('c1'), 'the ring');
    desk.accept();
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    connection.send({
      type: 'conversation.chat',
      conversationId: 'c1',
      reason: 'chosen',
      expert: EXPERT,
    });
    await deskOnceDelivered(
      connection,
      desk,
      (s) => s.kind === 'ready' && s.conversations[0]?.chatOnly === 'chosen',
      'in chat',
    );
    assert.equal(media.asked.at(-1), 'leave');
    // Video again, then the call ends.
    connection.send(ring('c1', { mode: 'video', media: room('r2') }));
    await connection.delivered();
    assert.equal(media.asked.at(-1), 'join r2');
    connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
    await deskOnceDelivered(
      connection,
      desk,
      (s) => s.kind === 'ready' && s.conversations.length === 0,
      'ended',
    );
    assert.equal(media.asked.at(-1), 'leave');
    media.asked.length = 0;
    desk.signOutNow();
    assert.deepEqual(media.asked, ['leave']);
  });

  it('joins the next call’s room while the last call’s room is still being left', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    await inVideoCall(desk, connection);
    // LiveKit's leave takes a while: the session says it is connected until it is done.
    Object.assign(desk.media, { leave: async () => void media.asked.push('leave') });
    connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
    connection.send(ring('c2', { mode: 'video', media: room('r2') }));
    await deskOnceDelivered(connection, desk, isRung('c2'), 'the next ring');
    assert.equal(media.session.connected, true, 'the last room, not left yet');
    assert.deepEqual(media.asked.slice(-4), [
      'leave',
      'join r2',
      'prepare camera=true microphone=true',
      'publish muted',
    ]);
  });

  it('readies the devices for a call’s ring while it holds a chat of someone else', async () => {
    const { desk, connection } = await signedIn();
    const media = recordMedia(desk);
    await holdChat(desk, connection, 'c1');
    connection.send(ring('c2', { mode: 'audio', media: room('r2') }));
    await deskOnceDelivered(connection, desk, isRung('c2'), 'the ring');
    assert.deepEqual(media.asked.slice(-3), [
      'join r2',
      'prepare camera=false microphone=true',
      'publish muted',
    ]);
  });

  it('keeps a chat’s messages when video comes back to it', async () => {
    const { desk, connection } = await signedIn();
    recordMedia(desk);
    await holdChat(desk, connection, 'c1');
    connection.send(fromShopper('c1', 1, 'On se voit ?'));
    connection.send(ring('c1', { mode: 'video', media: room('r2') }));
    await connection.delivered();
    assert.deepEqual(
      desk.chatOf('c1')?.log.entries.map((e) => e.text),
      ['On se voit ?'],
    );
  });

  it('tells the hub the room was lost, and shows the call in chat', async () => {
    const { desk, connection } = await signedIn();
    recordMedia(desk);
    await inVideoCall(desk, connection);
    emit(desk.media, 'disconnected', { cause: 'lost' });
    assert.deepEqual(await connection.sent('media.lost'), {
      type: 'media.lost',
      conversationId: 'c1',
    });
    assert.equal(ready(desk).conversations[0]?.chatOnly, 'media-lost');
  });

  it('says nothing of a room lost when it holds no call', async () => {
    const { desk, connection } = await signedIn();
    recordMedia(desk);
    emit(desk.media, 'disconnected', { cause: 'lost' });
    await connection.delivered();
    assert.deepEqual(connection.all('media.lost'), []);
  });
});

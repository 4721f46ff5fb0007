/**
 * The waiting room on its own, with the test's clock: when a shopper is offered the
 * alternatives, what each is told of their place and wait and when, which queues are gone
 * through, how a long queue is told a slice at a time, and what closing stops. The hub tests
 * (test/server/routing.test.ts) drive the same room through real sockets; here every count of
 * frames is exact.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it, type TestContext } from '../support/node-test.js';
import type { ServerMessage } from '../../src/protocol/index.js';
import type { ConversationState, Phase } from '../../src/server/lifecycle/lifecycle.js';
import { Conversation, type Seat } from '../../src/server/registry.js';
import { WaitingRoom } from '../../src/server/routing/waiting-room.js';

const NOW = 1_000_000;
const MAX_WAIT_MS = 60_000;
/** The estimate of a first place with one expert and no history: half of 3 min, in 30 s steps. */
const FIRST_WITH_ONE_EXPERT = 90;

let t: TestContext;
beforeEach((context) => {
  t = context as TestContext;
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: NOW });
});

/**
 * The next turn of the event loop: a long queue's next slice has been told. (`setImmediate` is
 * left real: the mocked one would run every slice within the tick that started the first.)
 */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A shopper's connection that keeps what it was sent. */
function shopperPeer() {
  const sent: ServerMessage[] = [];
  return { sent, send: (message: ServerMessage) => void sent.push(message) };
}

function conversation(
  id: string,
  options: {
    since?: number;
    topic?: string;
    lang?: ConversationState['lang'];
    phase?: Phase;
    away?: boolean;
  } = {},
) {
  const peer = shopperPeer();
  const state: ConversationState = {
    id,
    since: options.since ?? NOW,
    mode: 'video',
    lang: options.lang ?? 'fr',
    topic: options.topic,
    displayName: undefined,
    context: {},
    chat: undefined,
    skippedBy: new Set(),
    phase: options.phase ?? { kind: 'queued' },
  };
  const made = new Conversation(state, 'resume', options.away ? undefined : peer);
  return Object.assign(made, { sent: peer.sent });
}
type Waiter = ReturnType<typeof conversation>;

function seat(
  name: string,
  options: {
    languages?: string[];
    topics?: string[];
    presence?: 'available' | 'away';
    peer?: boolean;
  } = {},
): Seat {
  return {
    seat: name,
    expertId: name,
    profile: { id: name, name },
    peer: options.peer === false ? undefined : { send: () => {} },
    presence: options.presence ?? 'available',
    topics: new Set(options.topics ?? []),
    languages: new Set(options.languages ?? ['fr', 'en']),
    conversations: new Set(),
    load: 0,
    idleSince: 0,
  };
}

/** A room with these experts signed in, counting how often it asks who they are. */
function room(experts: Seat[] = [], queuesMoved = () => {}) {
  const asked = { seats: 0 };
  const waiting = new WaitingRoom({
    maxWaitMs: MAX_WAIT_MS,
    now: () => Date.now(),
    seats: () => {
      asked.seats++;
      return experts;
    },
    queuesMoved,
  });
  return { waiting, experts, asked };
}

/** The places and waits a shopper was told, in order, as "position/eta". */
const places = (shopper: Waiter) =>
  shopper.sent.flatMap((m) =>
    m.type === 'shopper.queued' ? [`${m.position}/${m.etaSeconds ?? '-'}`] : [],
  );
const offers = (shopper: Waiter) => shopper.sent.filter((m) => m.type === 'shopper.offline');

/**
 * A French and an English queue of these lengths, told their places; the first of each then
 * leaves, and half a second on the first slice of the pass that tells the rest has gone.
 */
function twoQueuesMoved(waiting: WaitingRoom, frenchLength: number, englishLength: number) {
  const french = Array.from({ length: frenchLength }, (_, i) =>
    conversation(`f${i}`, { since: NOW + i }),
  );
  const english = Array.from({ length: englishLength }, (_, i) =>
    conversation(`e${i}`, { since: NOW + i, lang: 'en' }),
  );
  for (const shopper of [...french, ...english]) waiting.arrive(shopper);
  waiting.tellPositions();
  waiting.leave(french[0]!);
  waiting.leave(english[0]!);
  waiting.tellPositions();
  t.mock.timers.tick(500);
}

describe('WaitingRoom', () => {
  describe('the alternatives after the longest wait', () => {
    it('are offered the shop’s longest wait after the shopper first asked, not after they came back', () => {
      const { waiting } = room();
      const shopper = conversation('c1', { since: NOW - 20_000 });
      waiting.arrive(shopper);
      t.mock.timers.tick(MAX_WAIT_MS - 20_001);
      assert.deepEqual(offers(shopper), []);
      t.mock.timers.tick(1);
      assert.deepEqual(offers(shopper), [{ type: 'shopper.offline', reason: 'no-answer' }]);
    });

    it('are offered at once to a shopper who has waited longer than that already', () => {
      const { waiting } = room();
      const shopper = conversation('c1', { since: NOW - 2 * MAX_WAIT_MS });
      waiting.arrive(shopper);
      assert.deepEqual(offers(shopper), []);
      t.mock.timers.tick(0);
      assert.equal(offers(shopper).length, 1);
    });

    it('are not offered to a shopper no longer waiting when the time comes', () => {
      const { waiting } = room();
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      shopper.state = { ...shopper.state, phase: { kind: 'ended', reason: 'shopper-hung-up' } };
      t.mock.timers.tick(MAX_WAIT_MS);
      assert.deepEqual(offers(shopper), []);
    });

    it('are still offered after a ring that took the shopper out of line for a while', () => {
      const { waiting } = room();
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.take(shopper);
      waiting.enqueue(shopper);
      t.mock.timers.tick(MAX_WAIT_MS);
      assert.equal(offers(shopper).length, 1);
    });

    it('are not offered once the conversation has left', () => {
      const { waiting } = room();
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.leave(shopper);
      t.mock.timers.tick(MAX_WAIT_MS);
      assert.deepEqual(offers(shopper), []);
    });

    it('are not offered to anyone once the room is closed', () => {
      const { waiting } = room();
      const first = conversation('c1');
      const second = conversation('c2');
      waiting.arrive(first);
      waiting.arrive(second);
      waiting.close();
      t.mock.timers.tick(MAX_WAIT_MS);
      assert.deepEqual([...offers(first), ...offers(second)], []);
    });
  });

  describe('telling places and waits', () => {
    it('tells a new shopper their place at once, with no wait when nobody answers their queue', () => {
      const { waiting } = room();
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.tellPositions();
      assert.deepEqual(shopper.sent, [
        { type: 'shopper.queued', conversationId: 'c1', position: 1 },
      ]);
    });

    it('counts only the experts connected, available and answering the queue in the wait', () => {
      const { waiting } = room([
        seat('away', { presence: 'away' }),
        seat('reconnecting', { peer: false }),
        seat('english-only', { languages: ['en'] }),
        seat('bikes-only', { topics: ['bikes'] }),
      ]);
      const shopper = conversation('c1', { topic: 'tv' });
      waiting.arrive(shopper);
      waiting.tellPositions();
      assert.deepEqual(places(shopper), ['1/-']);
    });

    it('gives the wait of the shopper’s place from the experts who answer it', () => {
      const { waiting } = room([seat('ana'), seat('bob'), seat('tv', { topics: ['tv'] })]);
      const shoppers = ['c1', 'c2', 'c3'].map((id) => conversation(id, { topic: 'tv' }));
      for (const shopper of shoppers) waiting.arrive(shopper);
      waiting.tellPositions();
      // Three experts: all three are served in the first round.
      assert.deepEqual(shoppers.map(places), [['1/90'], ['2/90'], ['3/90']]);
    });

    it('does not tell a shopper again what they were told last, but does when asked to retell', () => {
      const { waiting } = room([seat('ana')]);
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.tellPositions();
      waiting.expertsChanged();
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.deepEqual(places(shopper), [`1/${FIRST_WITH_ONE_EXPERT}`]);
      waiting.retell(shopper);
      waiting.tellPositions();
      assert.deepEqual(places(shopper), [
        `1/${FIRST_WITH_ONE_EXPERT}`,
        `1/${FIRST_WITH_ONE_EXPERT}`,
      ]);
      assert.equal(waiting.stats().positionFrames, 2);
    });

    it('tells nothing to a shopper who is away from the page, and counts no frame for them', () => {
      const { waiting } = room();
      const away = conversation('c1', { away: true });
      waiting.arrive(away);
      waiting.tellPositions();
      assert.equal(waiting.stats().positionFrames, 0);
    });

    it('tells the rest of a queue their new places within half a second of one leaving it', () => {
      const moved: number[] = [];
      const { waiting } = room([], () => moved.push(Date.now()));
      const [first, second, third] = ['c1', 'c2', 'c3'].map((id) => conversation(id));
      for (const shopper of [first!, second!, third!]) waiting.arrive(shopper);
      waiting.tellPositions();
      waiting.leave(first!);
      waiting.tellPositions();
      t.mock.timers.tick(499);
      assert.deepEqual([places(second!), places(third!)], [['2/-'], ['3/-']]);
      assert.deepEqual(moved, []);
      t.mock.timers.tick(1);
      assert.deepEqual(
        [places(second!), places(third!)],
        [
          ['2/-', '1/-'],
          ['3/-', '2/-'],
        ],
      );
      assert.deepEqual(moved, [NOW + 500], 'the experts hear of the moved queues with the places');
      assert.deepEqual(places(first!), ['1/-']);
    });

    it('goes through the queues at most twice a second, however many times it is asked', () => {
      const moved: number[] = [];
      const { waiting } = room([], () => moved.push(Date.now()));
      const shoppers = ['c1', 'c2', 'c3'].map((id) => conversation(id));
      for (const shopper of shoppers) waiting.arrive(shopper);
      waiting.tellPositions();
      waiting.leave(shoppers[0]!);
      waiting.tellPositions();
      t.mock.timers.tick(200);
      waiting.leave(shoppers[1]!);
      waiting.tellPositions();
      t.mock.timers.tick(300);
      assert.deepEqual(moved, [NOW + 500]);
      assert.deepEqual(places(shoppers[2]!), ['3/-', '1/-']);
    });

    it('goes through no queue when none moved', () => {
      const moved: number[] = [];
      const { waiting } = room([], () => moved.push(Date.now()));
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      moved.length = 0;
      waiting.tellPositions();
      t.mock.timers.tick(1_000);
      assert.deepEqual(moved, []);
    });

    it('goes through only the queues that moved, unless the experts changed', () => {
      const experts: Seat[] = [];
      const { waiting, asked } = room(experts);
      const french = conversation('c1');
      const english = conversation('c2', { lang: 'en' });
      waiting.arrive(french);
      waiting.arrive(english);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      // An expert signs in; only the French queue moves on its own: only it is gone through.
      experts.push(seat('ana'));
      waiting.take(conversation('c9'));
      waiting.enqueue(conversation('c3'));
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.deepEqual(places(french), ['1/-', `1/${FIRST_WITH_ONE_EXPERT}`]);
      assert.deepEqual(places(english), ['1/-']);
      // Told that the experts changed, every queue is gone through.
      waiting.expertsChanged();
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.deepEqual(places(english), ['1/-', `1/${FIRST_WITH_ONE_EXPERT}`]);
      assert.ok(asked.seats > 0);
    });

    it('asks who the experts are once per queue in a pass, not once per shopper', () => {
      const { waiting, asked } = room([seat('ana')]);
      const shoppers = ['c1', 'c2', 'c3', 'c4'].map((id) => conversation(id));
      for (const shopper of shoppers) waiting.arrive(shopper);
      waiting.tellPositions();
      asked.seats = 0;
      waiting.leave(shoppers[0]!);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.equal(asked.seats, 1);
      assert.deepEqual(places(shoppers[3]!), ['4/630', '3/450']);
    });

    it('tells a long queue two hundred shoppers per turn of the event loop, reading it afresh each turn', async () => {
      const { waiting } = room();
      const shoppers = Array.from({ length: 450 }, (_, i) =>
        conversation(`c${i}`, { since: NOW + i }),
      );
      for (const shopper of shoppers) waiting.arrive(shopper);
      waiting.tellPositions();
      const frames = () => waiting.stats().positionFrames;
      assert.equal(frames(), 450);
      waiting.leave(shoppers[0]!);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.equal(frames(), 450 + 200);
      // Between two slices, one more leaves: the next slices read the queue as it is now. The
      // shopper who moved into the part already told is told on the next pass.
      waiting.leave(shoppers[1]!);
      await nextTurn();
      assert.equal(frames(), 450 + 400);
      await nextTurn();
      assert.equal(frames(), 450 + 448);
      assert.deepEqual(places(shoppers[449]!), ['450/-', '448/-']);
      assert.deepEqual(places(shoppers[201]!), ['202/-']);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      await nextTurn();
      await nextTurn();
      assert.equal(frames(), 450 + 448 + 200);
      assert.deepEqual(places(shoppers[201]!), ['202/-', '200/-']);
    });

    it('goes on to the next queue within the same slice', async () => {
      const { waiting } = room();
      twoQueuesMoved(waiting, 150, 150);
      // 149 French and the first 51 English in the first slice.
      assert.equal(waiting.stats().positionFrames, 300 + 200);
      await nextTurn();
      assert.equal(waiting.stats().positionFrames, 300 + 298);
      await nextTurn();
      assert.equal(waiting.stats().positionFrames, 300 + 298);
    });

    it('stops telling a long queue once the room is closed between two slices', async () => {
      const { waiting } = room();
      const shoppers = Array.from({ length: 450 }, (_, i) =>
        conversation(`c${i}`, { since: NOW + i }),
      );
      for (const shopper of shoppers) waiting.arrive(shopper);
      waiting.tellPositions();
      waiting.leave(shoppers[0]!);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      waiting.close();
      await nextTurn();
      await nextTurn();
      assert.equal(waiting.stats().positionFrames, 450 + 200);
    });

    it('tells nobody anything once closed, not even the untold', async () => {
      const moved: number[] = [];
      const { waiting } = room([], () => moved.push(Date.now()));
      const first = conversation('c1');
      const second = conversation('c2');
      waiting.arrive(first);
      waiting.arrive(second);
      waiting.tellPositions();
      waiting.leave(first);
      waiting.tellPositions();
      waiting.close();
      const late = conversation('c3');
      waiting.enqueue(late);
      waiting.tellPositions();
      t.mock.timers.runAll();
      await nextTurn();
      assert.deepEqual(places(second), ['2/-']);
      assert.deepEqual(late.sent, []);
      assert.deepEqual(moved, []);
    });

    it('tells a shopper out of line (rung) nothing when asked to retell', () => {
      const { waiting } = room();
      const rung = conversation('c1');
      waiting.arrive(rung);
      waiting.take(rung);
      waiting.retell(rung);
      waiting.tellPositions();
      assert.deepEqual(rung.sent, []);
    });

    it('goes on to the next queue in the slice that finishes a long one', async () => {
      const { waiting } = room();
      twoQueuesMoved(waiting, 250, 100);
      assert.equal(waiting.stats().positionFrames, 350 + 200);
      // The last 49 French and all 99 English: 148 of the slice's 200.
      await nextTurn();
      assert.equal(waiting.stats().positionFrames, 350 + 249 + 99);
    });

    it('forgets an untold shopper who leaves before being told', () => {
      const { waiting } = room();
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.leave(shopper);
      waiting.tellPositions();
      assert.deepEqual(shopper.sent, []);
    });
  });

  describe('wait estimates', () => {
    it('learn from how long the queue’s conversations were handled, and tell its shoppers', () => {
      const { waiting } = room([seat('ana')]);
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.tellPositions();
      waiting.handled(conversation('done'), 60_000);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.deepEqual(places(shopper), ['1/90', '1/30']);
    });

    it('learn per queue: another queue’s conversations change nothing here', () => {
      const { waiting } = room([seat('ana')]);
      const shopper = conversation('c1');
      waiting.arrive(shopper);
      waiting.tellPositions();
      waiting.handled(conversation('done', { lang: 'en' }), 60_000);
      waiting.expertsChanged();
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.deepEqual(places(shopper), ['1/90']);
    });
  });

  describe('pairs', () => {
    it('puts the longest waiting shopper through to a free expert, one pair at a time', () => {
      const { waiting } = room();
      const ana = seat('ana');
      const late = conversation('late', { since: NOW + 10 });
      const early = conversation('early', { since: NOW });
      waiting.arrive(late);
      waiting.arrive(early);
      waiting.offer(ana, true);
      assert.deepEqual(waiting.stats(), { waiting: 2, freeExperts: 1, positionFrames: 0 });
      const pairs = waiting.pairs(() => true);
      const first = pairs.next();
      assert.equal(first.done, false);
      assert.equal(first.value?.shopper, early);
      assert.equal(first.value?.expert, ana);
      // The caller rings the pair: the expert is no longer free for the next one.
      waiting.offer(ana, false);
      assert.equal(pairs.next().done, true);
      assert.deepEqual(waiting.stats(), { waiting: 1, freeExperts: 0, positionFrames: 0 });
    });

    it('tells the rest of the queue of a shopper put through', () => {
      const { waiting } = room();
      const shoppers = ['c1', 'c2'].map((id) => conversation(id));
      for (const shopper of shoppers) waiting.arrive(shopper);
      waiting.tellPositions();
      waiting.offer(seat('ana'), true);
      for (const { expert } of waiting.pairs(() => true)) waiting.offer(expert, false);
      assert.equal(waiting.stats().waiting, 1);
      waiting.tellPositions();
      t.mock.timers.tick(500);
      assert.deepEqual(places(shoppers[1]!), ['2/-', '1/-']);
    });

    it('puts nobody through to an expert the capacity rule refuses', () => {
      const { waiting } = room();
      waiting.arrive(conversation('c1'));
      waiting.offer(seat('ana'), true);
      assert.deepEqual([...waiting.pairs(() => false)], []);
      assert.equal(waiting.stats().waiting, 1);
    });

    it('puts through no shopper who is away from the page, and keeps them in line', () => {
      const { waiting } = room();
      const away = conversation('away', { away: true });
      const here = conversation('here', { since: NOW + 1 });
      waiting.arrive(away);
      waiting.arrive(here);
      waiting.offer(seat('ana'), true);
      const [pair, ...more] = [...waiting.pairs(() => true)];
      assert.equal(pair?.shopper, here);
      assert.deepEqual(more, []);
      assert.equal(waiting.stats().waiting, 1);
    });
  });

  describe('lines', () => {
    it('gives each queue with shoppers in it once: its topic, language, length and first arrival', () => {
      const { waiting } = room();
      waiting.arrive(conversation('c1', { topic: 'tv', since: NOW - 50 }));
      waiting.arrive(conversation('c2', { topic: 'tv', since: NOW - 10 }));
      waiting.arrive(conversation('c3', { lang: 'en', since: NOW - 30 }));
      const emptied = conversation('c4', { topic: 'bikes' });
      waiting.arrive(emptied);
      waiting.leave(emptied);
      const lines = waiting.lines().sort((a, b) => a.lang.localeCompare(b.lang));
      assert.deepEqual(lines, [
        { topic: undefined, lang: 'en', waiting: 1, since: NOW - 30 },
        { topic: 'tv', lang: 'fr', waiting: 2, since: NOW - 50 },
      ]);
    });
  });
});

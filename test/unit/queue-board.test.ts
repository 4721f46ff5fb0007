/**
 * What each console is told of the queues (routing/queue-board.ts), on its own: which queues,
 * with which names and waits, and when a console is not told again. The hub's own test
 * (test/server/queue-board.test.ts) drives the same board through real sockets.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import type { ServerMessage } from '../../src/protocol/index.js';
import type { Seat } from '../../src/server/registry.js';
import { forgetToldQueues, tellQueues } from '../../src/server/routing/queue-board.js';
import type { QueueLine } from '../../src/server/routing/waiting-room.js';

const NOW = 1_000_000;
const shop = {
  topics: [
    { id: 'bikes', label: { fr: 'Vélos', en: 'Bikes' }, hours: null },
    { id: 'hi-fi', label: { en: 'Hi-fi' }, hours: null },
  ],
};

function consoleOf(name: string, options: { topics?: string[]; languages?: string[] } = {}) {
  const sent: ServerMessage[] = [];
  const seat: Seat = {
    seat: name,
    expertId: name,
    profile: { id: name, name },
    peer: { send: (message) => void sent.push(message) },
    presence: 'available',
    topics: new Set(options.topics ?? []),
    languages: new Set(options.languages ?? ['fr', 'en']),
    conversations: new Set(),
    load: 0,
    idleSince: 0,
  };
  return { seat, sent };
}

const line = (options: Partial<QueueLine> = {}): QueueLine => ({
  topic: undefined,
  lang: 'fr',
  waiting: 1,
  since: NOW - 10_000,
  ...options,
});

describe('tellQueues', () => {
  it('tells each console the queues its expert answers, named and with the first one’s wait', () => {
    const ana = consoleOf('ana', { topics: ['bikes'], languages: ['fr'] });
    const lines = [
      line({ topic: 'bikes', waiting: 3, since: NOW - 65_500 }),
      line({ topic: 'bikes', lang: 'en' }),
      line({ topic: 'hi-fi' }),
      line({ topic: undefined, waiting: 2, since: NOW - 999 }),
    ];
    tellQueues([ana.seat], lines, shop, NOW);
    assert.deepEqual(ana.sent, [
      {
        type: 'expert.queues',
        queues: [
          {
            topic: 'bikes',
            labels: { fr: 'Vélos', en: 'Bikes' },
            lang: 'fr',
            waiting: 3,
            longestWaitSeconds: 65,
          },
          { lang: 'fr', waiting: 2, longestWaitSeconds: 0 },
        ],
      },
    ]);
  });

  it('names no topic the shop no longer has, and counts no wait before the first arrival', () => {
    const ana = consoleOf('ana');
    tellQueues([ana.seat], [line({ topic: 'gone', since: NOW + 5_000 })], shop, NOW);
    assert.deepEqual(ana.sent, [
      {
        type: 'expert.queues',
        queues: [{ topic: 'gone', lang: 'fr', waiting: 1, longestWaitSeconds: 0 }],
      },
    ]);
  });

  it('tells a console nothing while it is reconnecting', () => {
    const ana = consoleOf('ana');
    ana.seat.peer = undefined;
    tellQueues([ana.seat], [line()], shop, NOW);
    const bob = consoleOf('bob');
    tellQueues([ana.seat, bob.seat], [line()], shop, NOW);
    assert.equal(bob.sent.length, 1, 'the others are told');
  });

  it('does not tell a console the same view twice, whatever the time, but does when any of it moved', () => {
    const ana = consoleOf('ana');
    const first = line({ topic: 'bikes', waiting: 2 });
    tellQueues([ana.seat], [first], shop, NOW);
    tellQueues([ana.seat], [first], shop, NOW + 60_000);
    assert.equal(ana.sent.length, 1);
    const moved: Array<Partial<QueueLine>> = [
      { waiting: 3 },
      { since: NOW - 5_000 },
      { lang: 'en' },
      { topic: 'hi-fi' },
      { topic: undefined },
    ];
    // Each change on top of the one before: every one of them alone makes a new view.
    let view = first;
    for (const change of moved) {
      view = { ...view, ...change };
      tellQueues([ana.seat], [view], shop, NOW);
    }
    assert.equal(ana.sent.length, 1 + moved.length);
  });

  it('tells a console an empty list once the last shopper of its queues is gone', () => {
    const ana = consoleOf('ana');
    tellQueues([ana.seat], [line()], shop, NOW);
    tellQueues([ana.seat], [], shop, NOW);
    tellQueues([ana.seat], [], shop, NOW);
    assert.deepEqual(ana.sent.at(-1), { type: 'expert.queues', queues: [] });
    assert.equal(ana.sent.length, 2);
  });

  it('tells a console again what it was told, once it is to be told afresh (back, say)', () => {
    const ana = consoleOf('ana');
    const bob = consoleOf('bob');
    tellQueues([ana.seat, bob.seat], [line()], shop, NOW);
    forgetToldQueues(ana.seat);
    tellQueues([ana.seat, bob.seat], [line()], shop, NOW);
    assert.deepEqual([ana.sent.length, bob.sent.length], [2, 1]);
    assert.deepEqual(ana.sent[1], ana.sent[0]);
  });
});

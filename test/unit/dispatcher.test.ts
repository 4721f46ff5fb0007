import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { Dispatcher, type Candidate, type Waiting } from '../../src/server/routing/dispatcher.js';

const shopper = (
  id: string,
  since: number,
  queue: { topic?: string; lang?: string; skippedBy?: string[] } = {},
): Waiting => ({
  id,
  since,
  skippedBy: new Set(queue.skippedBy),
  topic: queue.topic,
  lang: queue.lang ?? 'fr',
});

const expert = (
  seat: string,
  idleSince: number,
  skills: { topics?: string[]; languages?: string[]; load?: number } = {},
): Candidate => ({
  seat,
  expertId: seat,
  idleSince,
  load: skills.load ?? 0,
  topics: new Set(skills.topics ?? []),
  languages: new Set(skills.languages ?? ['fr', 'en']),
});

const always = () => true;

/** Every pair the dispatcher makes, in order, as "shopper→expert". */
function drain(
  d: Dispatcher<Waiting, Candidate>,
  fits: (e: Candidate, s: Waiting) => boolean = always,
): string[] {
  const pairs: string[] = [];
  for (let pair = d.next(fits); pair; pair = d.next(fits)) {
    pairs.push(`${pair.shopper.id}→${pair.expert.seat}`);
    d.withdraw(pair.expert.seat);
  }
  return pairs;
}

describe('Dispatcher', () => {
  describe('fairness', () => {
    it('gives the longest-waiting shopper to the expert idle the longest', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('late', 20));
      d.enqueue(shopper('early', 10));
      d.offer(expert('fresh', 200));
      d.offer(expert('idle', 100));
      assert.deepEqual(drain(d), ['early→idle', 'late→fresh']);
      assert.equal(d.next(always), null);
    });

    it('keeps arrival order across many shoppers as experts free up one by one', () => {
      const d = new Dispatcher();
      for (let i = 0; i < 20; i++) d.enqueue(shopper(`s${i}`, 1000 - (i % 2 ? 0 : 500) + i));
      const order = [...d.queue()].map((s) => s.id);
      const served: string[] = [];
      for (let i = 0; i < 20; i++) {
        d.offer(expert(`e${i}`, i));
        const pair = d.next(always);
        served.push(pair!.shopper.id);
        d.withdraw(pair!.expert.seat);
      }
      assert.deepEqual(served, order);
    });

    it('prefers the least loaded expert, then the longest idle', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('s', 1));
      d.offer(expert('busy-but-idle-long', 0, { load: 2 }));
      d.offer(expert('free', 50));
      assert.deepEqual(drain(d), ['s→free']);
    });

    it('puts a shopper back in their place after a failed ring', () => {
      const d = new Dispatcher();
      const first = shopper('first', 1);
      d.enqueue(first);
      d.enqueue(shopper('second', 2));
      d.offer(expert('a', 0));
      assert.equal(d.next(always)?.shopper, first);
      d.enqueue(first);
      assert.equal(d.position('first'), 1);
      assert.equal(d.position('second'), 2);
    });
  });

  describe('skipping', () => {
    it('does not ring an expert who skipped that shopper, but rings them for the next', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('skipped', 1, { skippedBy: ['a'] }));
      d.enqueue(shopper('other', 2));
      d.offer(expert('a', 0));
      assert.deepEqual(drain(d), ['other→a']);
      assert.equal(d.position('skipped'), 1);
    });

    it('gives a skipped shopper to the next expert before anyone who came later', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('skipped', 1, { skippedBy: ['a'] }));
      d.enqueue(shopper('later', 2));
      d.offer(expert('a', 0));
      d.offer(expert('b', 1));
      assert.deepEqual(drain(d), ['skipped→b', 'later→a']);
    });

    it('passes over a shopper who is away, keeping their place', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('away', 1));
      d.enqueue(shopper('here', 2));
      d.offer(expert('a', 0));
      assert.equal(d.next(always, (s) => s.id !== 'away')?.shopper.id, 'here');
      assert.equal(d.position('away'), 1);
    });
  });

  describe('topics and languages', () => {
    it('routes each shopper to an expert of their topic', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('bike-fan', 1, { topic: 'bikes' }));
      d.enqueue(shopper('audiophile', 2, { topic: 'hi-fi' }));
      d.offer(expert('hifi-expert', 0, { topics: ['hi-fi'] }));
      d.offer(expert('bike-expert', 1, { topics: ['bikes'] }));
      assert.deepEqual(drain(d), ['bike-fan→bike-expert', 'audiophile→hifi-expert']);
    });

    it('routes by language, and an expert without topics answers every topic', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('anglophone', 1, { topic: 'repair', lang: 'en' }));
      d.enqueue(shopper('francophone', 2, { topic: 'repair', lang: 'fr' }));
      d.offer(expert('french-only', 0, { languages: ['fr'] }));
      assert.deepEqual(drain(d), ['francophone→french-only']);
      assert.equal(d.position('anglophone'), 1);
    });

    it('leaves a shopper whose topic nobody answers waiting, without blocking the others', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('repair', 1, { topic: 'repair' }));
      d.enqueue(shopper('bikes', 2, { topic: 'bikes' }));
      d.offer(expert('bikes-only', 0, { topics: ['bikes'] }));
      assert.deepEqual(drain(d), ['bikes→bikes-only']);
    });

    it('counts a position within the shopper’s own queue', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('b1', 1, { topic: 'bikes' }));
      d.enqueue(shopper('h1', 2, { topic: 'hi-fi' }));
      d.enqueue(shopper('b2', 3, { topic: 'bikes' }));
      d.enqueue(shopper('b2-en', 4, { topic: 'bikes', lang: 'en' }));
      assert.deepEqual(
        ['b1', 'h1', 'b2', 'b2-en'].map((id) => d.position(id)),
        [1, 1, 2, 1],
      );
    });
  });

  describe('capacity', () => {
    it('rings only experts the capacity rule lets take the shopper', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('call', 1));
      d.enqueue(shopper('chat', 2));
      d.offer(expert('holding-chats', 0, { load: 1 }));
      const chatsOnly = (e: Candidate, s: Waiting): boolean => e.load === 0 || s.id === 'chat';
      assert.deepEqual(drain(d, chatsOnly), ['chat→holding-chats']);
      assert.equal(d.position('call'), 1);
    });

    it('has no pair once the expert is withdrawn', () => {
      const d = new Dispatcher();
      d.enqueue(shopper('s', 1));
      d.offer(expert('a', 0));
      d.withdraw('a');
      assert.equal(d.next(always), null);
      assert.equal([...d.offered()].length, 0);
    });
  });

  it('forgets a shopper who leaves', () => {
    const d = new Dispatcher();
    d.enqueue(shopper('s', 1));
    assert.equal(d.remove('s'), '*/fr', 'taken out of their queue');
    assert.equal(d.remove('s'), undefined, 'in no queue any more');
    assert.equal(d.position('s'), 0);
  });

  it('keeps a shopper asked to wait twice in one place', () => {
    const d = new Dispatcher();
    const twice = shopper('s', 1);
    d.enqueue(twice);
    assert.equal(d.enqueue(twice), '*/fr');
    d.enqueue(shopper('t', 2));
    assert.deepEqual(
      d.queue().map((s) => s.id),
      ['s', 't'],
    );
    assert.deepEqual(
      d.queueNamed('*/fr').map((s) => s.id),
      ['s', 't'],
    );
    assert.equal(d.position('t'), 2);
  });

  it('names only the queues someone waits in', () => {
    const d = new Dispatcher();
    d.enqueue(shopper('s', 1));
    d.enqueue(shopper('t', 2, { topic: 'bikes' }));
    assert.deepEqual([...d.queueNames()].sort(), ['*/fr', 'bikes/fr']);
    d.remove('t');
    assert.deepEqual([...d.queueNames()], ['*/fr']);
    assert.deepEqual(d.queueNamed('bikes/fr'), []);
  });

  it('finds the place of each of many shoppers who came at the same instant', () => {
    const d = new Dispatcher();
    const ids = ['a', 'b', 'c', 'd', 'e'];
    d.enqueue(shopper('before', 1));
    for (const id of ids) d.enqueue(shopper(id, 5));
    d.enqueue(shopper('after', 9));
    assert.deepEqual(
      ['before', ...ids, 'after'].map((id) => d.position(id)),
      [1, 2, 3, 4, 5, 6, 7],
    );
    d.remove('c');
    assert.deepEqual(
      d.queueNamed('*/fr').map((s) => s.id),
      ['before', 'a', 'b', 'd', 'e', 'after'],
    );
  });
});

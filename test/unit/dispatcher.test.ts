import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dispatcher, type FreeExpert, type Waiting } from '../../src/server/dispatcher.js';

const shopper = (id: string, since: number): Waiting => ({ id, since, skippedBy: new Set() });
const expert = (seat: string, idleSince: number): FreeExpert => ({
  seat,
  expertId: seat,
  idleSince,
});

describe('Dispatcher', () => {
  it('gives the longest-waiting shopper to the expert idle the longest', () => {
    const d = new Dispatcher();
    d.enqueue(shopper('late', 20));
    d.enqueue(shopper('early', 10));
    d.markFree(expert('fresh', 200));
    d.markFree(expert('idle', 100));
    const pair = d.next();
    assert.equal(pair?.shopper.id, 'early');
    assert.equal(pair?.expert.seat, 'idle');
    assert.equal(d.next()?.shopper.id, 'late');
    assert.equal(d.next(), null);
  });

  it('puts a shopper back in their place after a failed ring', () => {
    const d = new Dispatcher();
    const first = shopper('first', 1);
    d.enqueue(first);
    d.enqueue(shopper('second', 2));
    d.markFree(expert('a', 0));
    assert.equal(d.next()?.shopper, first);
    d.enqueue(first);
    assert.equal(d.position('first'), 1);
    assert.equal(d.position('second'), 2);
  });

  it('does not ring an expert who skipped that shopper, but rings them for the next', () => {
    const d = new Dispatcher();
    const skipped = shopper('skipped', 1);
    skipped.skippedBy.add('a');
    d.enqueue(skipped);
    d.enqueue(shopper('other', 2));
    d.markFree(expert('a', 0));
    const pair = d.next();
    assert.equal(pair?.shopper.id, 'other');
    assert.equal(d.position('skipped'), 1);
  });

  it('passes over a shopper who is away, keeping their place', () => {
    const d = new Dispatcher();
    d.enqueue(shopper('away', 1));
    d.enqueue(shopper('here', 2));
    d.markFree(expert('a', 0));
    assert.equal(d.next((s) => s.id !== 'away')?.shopper.id, 'here');
    assert.equal(d.position('away'), 1);
  });

  it('has no pair without a free expert', () => {
    const d = new Dispatcher();
    d.enqueue(shopper('s', 1));
    d.markFree(expert('a', 0));
    d.markBusy('a');
    assert.equal(d.next(), null);
    assert.equal(d.freeCount(), 0);
  });

  it('forgets a shopper who leaves', () => {
    const d = new Dispatcher();
    d.enqueue(shopper('s', 1));
    assert.equal(d.remove('s'), true);
    assert.equal(d.remove('s'), false);
    assert.equal(d.position('s'), 0);
  });
});

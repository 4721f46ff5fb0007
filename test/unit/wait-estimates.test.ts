/**
 * The expected wait a queued shopper is told, against worked examples of the README's formula:
 * (⌈p / k⌉ − ½) × the mean length of the queue's last 20 conversations (3 minutes until there
 * are any), rounded up to the half minute; no figure when no expert answers the queue.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { WaitEstimates } from '../../src/server/routing/wait-estimates.js';

const MINUTE = 60_000;

describe('WaitEstimates', () => {
  describe('before a queue has any conversation (3 minutes each)', () => {
    const waits = new WaitEstimates();
    const cases: Array<[position: number, experts: number, seconds: number]> = [
      [1, 1, 90], // (1 − ½) × 180
      [2, 1, 270], // (2 − ½) × 180
      [3, 1, 450],
      [1, 2, 90], // two experts: the first two are served in the first round
      [2, 2, 90],
      [3, 2, 270], // ⌈3 / 2⌉ = 2 rounds
      [4, 2, 270],
      [5, 2, 450],
      [7, 3, 450], // ⌈7 / 3⌉ = 3 rounds
      [10, 10, 90],
    ];
    for (const [position, experts, seconds] of cases) {
      it(`at place ${position} with ${experts} expert(s): ${seconds} s`, () => {
        assert.equal(waits.estimate('bikes/fr', position, experts), seconds);
      });
    }

    it('gives no figure when no expert answers the queue', () => {
      assert.equal(waits.estimate('bikes/fr', 1, 0), undefined);
      assert.equal(waits.estimate('bikes/fr', 1, -1), undefined);
    });
  });

  it('uses the mean length of the queue’s conversations, rounded up to the half minute', () => {
    const waits = new WaitEstimates();
    waits.record('q', 1 * MINUTE);
    waits.record('q', 2 * MINUTE);
    assert.equal(waits.handlingMs('q'), 1.5 * MINUTE);
    assert.equal(waits.estimate('q', 1, 1), 60, '½ × 90 s = 45 s, shown as 60 s');
    assert.equal(waits.estimate('q', 2, 1), 150, '1½ × 90 s = 135 s, shown as 150 s');
    waits.record('q', 3 * MINUTE);
    assert.equal(waits.estimate('q', 1, 1), 60, '½ × 2 min = exactly 60 s, not rounded up');
  });

  it('keeps each queue’s own history', () => {
    const waits = new WaitEstimates();
    waits.record('repair/fr', 10 * MINUTE);
    assert.equal(waits.estimate('repair/fr', 1, 1), 300);
    assert.equal(waits.estimate('repair/en', 1, 1), 90);
  });

  it('forgets all but the last 20 conversations', () => {
    const waits = new WaitEstimates();
    waits.record('q', 100 * MINUTE);
    for (let i = 0; i < 19; i++) waits.record('q', 2 * MINUTE);
    assert.equal(waits.handlingMs('q'), ((100 + 19 * 2) * MINUTE) / 20);
    waits.record('q', 2 * MINUTE);
    assert.equal(waits.handlingMs('q'), 2 * MINUTE);
    assert.equal(waits.estimate('q', 1, 1), 60);
  });

  it('counts a conversation of negative length (a clock change) as none', () => {
    const waits = new WaitEstimates();
    waits.record('q', -5 * MINUTE);
    waits.record('q', 2 * MINUTE);
    assert.equal(waits.handlingMs('q'), MINUTE);
  });

  it('takes the stand-in length it is given until a queue has history', () => {
    assert.equal(new WaitEstimates(MINUTE).estimate('q', 1, 1), 30);
    assert.equal(new WaitEstimates(MINUTE).handlingMs('q'), MINUTE);
  });
});

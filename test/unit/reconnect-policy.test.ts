/**
 * When a browser tries the hub again after losing it: at once, then backing off, each delay
 * spread by ±20 % so that browsers do not all come back together, and never after the hub's
 * grace period.
 */
import assert from 'node:assert/strict';
import { BackoffReconnectPolicy, RetryClock } from '../../src/core/reconnect-policy.js';
import { until } from '../support/deadline.js';
import { describe, it } from '../support/node-test.js';

describe('BackoffReconnectPolicy', () => {
  it('tries at once, then backs off, and stays at its longest delay', () => {
    const middle = new BackoffReconnectPolicy(30_000, undefined, () => 0.5);
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => middle.nextDelay(attempt, 0)),
      [0, 300, 800, 1500, 3000, 5000, 5000, 5000],
    );
  });

  it('spreads each delay by up to 20 % either way', () => {
    const low = new BackoffReconnectPolicy(30_000, [1000], () => 0);
    const high = new BackoffReconnectPolicy(30_000, [1000], () => 0.999_999);
    assert.equal(low.nextDelay(0, 0), 800);
    assert.equal(high.nextDelay(0, 0), 1200);
    assert.equal(new BackoffReconnectPolicy(30_000, [1000], () => 0.25).nextDelay(3, 0), 900);
  });

  it('gives up once the grace period is over, not before', () => {
    const policy = new BackoffReconnectPolicy(30_000, undefined, () => 0.5);
    assert.equal(policy.nextDelay(9, 29_999), 5000);
    assert.equal(policy.nextDelay(9, 30_000), null);
    assert.equal(policy.nextDelay(0, 45_000), null);
    assert.equal(new BackoffReconnectPolicy(1000).nextDelay(0, 1000), null);
  });

  it('varies from one browser to the next by default', () => {
    const policy = new BackoffReconnectPolicy();
    const delays = new Set(Array.from({ length: 20 }, () => policy.nextDelay(5, 0)));
    assert.ok(delays.size > 1, 'jittered');
    for (const delay of delays) assert.ok(delay! >= 4000 && delay! <= 6000, String(delay));
  });
});

describe('RetryClock', () => {
  it('asks again on the policy’s clock until it gives up, and starts over once reset', async () => {
    const seen: Array<[number, number]> = [];
    const started = Date.now();
    const clock = new RetryClock({
      nextDelay: (attempt, elapsedMs) => {
        seen.push([attempt, elapsedMs]);
        return attempt < 2 ? 1 : null;
      },
    });
    let asked = 0;
    const ask = () => asked++;
    assert.equal(clock.schedule(ask), true);
    await until(
      () => asked,
      (n) => n === 1,
      { what: 'the first ask' },
    );
    assert.equal(clock.schedule(ask), true);
    await until(
      () => asked,
      (n) => n === 2,
      { what: 'the second ask' },
    );
    assert.equal(clock.schedule(ask), false, 'the policy gave up: nothing scheduled');
    assert.deepEqual(
      seen.map(([attempt]) => attempt),
      [0, 1, 2],
    );
    const spent = Date.now() - started;
    for (const [attempt, elapsed] of seen) {
      assert.ok(elapsed >= 0 && elapsed <= spent, `attempt ${attempt}: ${elapsed} ms of ${spent}`);
    }
    clock.reset();
    assert.equal(clock.schedule(ask), true);
    assert.equal(seen.at(-1)![0], 0, 'a reset starts from the first attempt');
    clock.reset();
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(asked, 2, 'a reset cancels what was scheduled');
  });
});

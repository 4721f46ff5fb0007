/** The token buckets behind the hub's limits, on a clock the test moves. */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  AddressLimits,
  DEFAULT_LIMITS,
  KeyedBuckets,
  TokenBucket,
  leavesOfflineRequest,
} from '../../src/server/transport/limits.js';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('a token bucket', () => {
  it('gives its burst at once, then so many a second, and never more than its burst', () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, time.now);
    assert.deepEqual(
      [1, 2, 3, 4].map(() => bucket.take()),
      [true, true, true, false],
    );
    time.advance(500);
    assert.deepEqual([bucket.take(), bucket.take()], [true, false]);
    time.advance(60_000);
    assert.equal(bucket.full, true);
    assert.deepEqual(
      [1, 2, 3, 4].map(() => bucket.take()),
      [true, true, true, false],
    );
  });
});

describe('buckets per address', () => {
  it('keeps each address to its own bucket', () => {
    const time = clock();
    const buckets = new KeyedBuckets({ burst: 1, perSecond: 1 }, 100, time.now);
    assert.deepEqual(
      [buckets.take('a'), buckets.take('a'), buckets.take('b')],
      [true, false, true],
    );
  });

  it('stays bounded: full buckets are forgotten, and past the bound new addresses share one', () => {
    const time = clock();
    const buckets = new KeyedBuckets({ burst: 1, perSecond: 1 }, 2, time.now);
    buckets.take('a');
    buckets.take('b');
    // Both empty: a third address shares the overflow bucket.
    assert.equal(buckets.take('c'), true);
    assert.equal(buckets.take('d'), false);
    assert.equal(buckets.size, 2);
    time.advance(5_000);
    // Refilled: forgotten to make room.
    assert.equal(buckets.take('e'), true);
    assert.ok(buckets.size <= 2);
  });
});

describe('telling an offline request from other frames', () => {
  it('finds one however it is written, and nothing else', () => {
    for (const type of ['offline.message', 'offline.callback', 'offline.book']) {
      assert.equal(leavesOfflineRequest(JSON.stringify({ type, text: 'x' })), true, type);
      assert.equal(leavesOfflineRequest(`{"text":"x","type":"${type}"}`), true, type);
    }
    // Escaped so that the word does not appear as such.
    assert.equal(leavesOfflineRequest('{"type":"\\u006fffline.message"}'), true);
    assert.equal(leavesOfflineRequest('{"type":"offline.slots","lang":"en"}'), false);
    assert.equal(
      leavesOfflineRequest('{"type":"chat.send","text":"I was offline.message me"}'),
      false,
    );
    assert.equal(leavesOfflineRequest('not json offline'), false);
    assert.equal(leavesOfflineRequest('null'), false);
  });
});

describe('limits per address across hubs', () => {
  const rates = { ...DEFAULT_LIMITS, offlineRequests: { burst: 2, perSecond: 0.001 } };

  it('counts an address over every hub together', async () => {
    const counts = new Map<string, number>();
    const shared = {
      prefix: 'test',
      count: async (key: string) => {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return counts.get(key)!;
      },
    };
    // Two hubs, each with its own buckets, one shared counter.
    const hubs = [new AddressLimits(rates, shared), new AddressLimits(rates, shared)];
    const answers = [];
    for (const hub of [...hubs, ...hubs]) answers.push(await hub.take('offlineRequests', 'a'));
    assert.deepEqual(answers, [true, true, false, false]);
  });

  it('lets a request through when the shared count fails or does not answer', async () => {
    const failing = new AddressLimits(rates, {
      prefix: 'test',
      count: () => Promise.reject(new Error('Redis is down')),
    });
    assert.equal(await failing.take('offlineRequests', 'a'), true);
    const silent = new AddressLimits(rates, {
      prefix: 'test',
      count: () => new Promise<number>(() => {}),
    });
    assert.equal(await silent.take('offlineRequests', 'a'), true);
    // The hub's own bucket still holds.
    await silent.take('offlineRequests', 'a');
    assert.equal(silent.take('offlineRequests', 'a'), false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { FallbackPolicy } from '../../src/core/fallback-policy.js';

/** Feeds one reading a second from `from` for `seconds` seconds; returns the last advice. */
function feed(
  policy: FallbackPolicy,
  quality: 'good' | 'poor' | 'lost',
  from: number,
  seconds: number,
  media: 'video' | 'voice' = 'video',
) {
  let advice = policy.advice;
  for (let s = 0; s <= seconds; s++) advice = policy.observe(quality, from + s * 1000, media);
  return advice;
}

describe('FallbackPolicy', () => {
  it('offers nothing while the connection is good', () => {
    assert.equal(feed(new FallbackPolicy(10_000), 'good', 0, 60), 'none');
  });

  it('offers nothing for a short bad patch', () => {
    const policy = new FallbackPolicy(10_000);
    feed(policy, 'poor', 0, 8);
    assert.equal(feed(policy, 'good', 9_000, 30), 'none');
  });

  it('offers voice only after a sustained poor connection in a video call, then chat', () => {
    const policy = new FallbackPolicy(10_000);
    assert.equal(feed(policy, 'poor', 0, 9), 'none');
    assert.equal(feed(policy, 'poor', 10_000, 0), 'voice');
    assert.equal(
      feed(policy, 'lost', 11_000, 8),
      'voice',
      'the next step needs its own sustained period',
    );
    assert.equal(feed(policy, 'lost', 20_000, 0), 'chat');
    assert.equal(feed(policy, 'poor', 21_000, 30), 'chat', 'chat is the last step');
  });

  it('offers chat directly in a voice call', () => {
    const policy = new FallbackPolicy(10_000);
    assert.equal(feed(policy, 'poor', 0, 10, 'voice'), 'chat');
  });

  it('keeps what was offered when the connection recovers, until reset', () => {
    const policy = new FallbackPolicy(10_000);
    feed(policy, 'poor', 0, 10);
    assert.equal(feed(policy, 'good', 11_000, 5), 'voice');
    policy.reset();
    assert.equal(policy.advice, 'none');
    assert.equal(feed(policy, 'poor', 20_000, 5), 'none', 'the count starts over after a reset');
  });
});

/** When the panel offers to carry the conversation on to a phone. */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { offerPhone, type CallingFrom } from '../../src/core/handoff-offer.js';

const phoneThatCalls: CallingFrom = {
  touch: true,
  framed: false,
  blocked: false,
  devicesFailed: false,
};

describe('offering the phone', () => {
  it('is not offered on a phone that calls well from a page of its own', () => {
    assert.equal(offerPhone(phoneThatCalls), false);
  });

  for (const [why, change] of [
    ['a desktop, which has no rear camera', { touch: false }],
    ['a framed page', { framed: true }],
    ['a browser where no call can start', { blocked: true }],
    ['a phone whose camera or microphone failed (an app’s own browser)', { devicesFailed: true }],
  ] as const) {
    it(`is offered to ${why}`, () => {
      assert.equal(offerPhone({ ...phoneThatCalls, ...change }), true);
    });
  }
});

/**
 * What the launcher is told before any click (routing/availability.ts): from the experts on
 * duty, whether a call or a chat can start now, must wait, or cannot happen.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { availabilityOf, type OnDuty } from '../../src/server/routing/availability.js';

const OPEN = { open: true };
const words = { panelTitle: 'Nos experts' };
const expert = (options: Partial<OnDuty> = {}): OnDuty => ({
  topics: [],
  languages: ['fr'],
  ring: true,
  free: true,
  ...options,
});
const any = { topic: undefined, lang: undefined };

describe('availabilityOf', () => {
  it('says free when an expert could be rung now, with the opening and the shop’s words', () => {
    assert.deepEqual(availabilityOf([expert()], any, OPEN, words), {
      open: true,
      call: 'free',
      chat: 'free',
      texts: words,
    });
  });

  it('says busy for a call when every expert holds something, free for a chat if one has room', () => {
    const inChats = expert({ free: false });
    assert.deepEqual(availabilityOf([inChats], any, OPEN, {}), {
      open: true,
      call: 'busy',
      chat: 'free',
      texts: {},
    });
    const full = expert({ free: false, ring: false });
    const answer = availabilityOf([full, inChats], any, OPEN, {});
    assert.deepEqual([answer.call, answer.chat], ['busy', 'free']);
    assert.deepEqual(
      [availabilityOf([full], any, OPEN, {}).call, availabilityOf([full], any, OPEN, {}).chat],
      ['busy', 'busy'],
    );
  });

  it('says free when any one of the experts could be rung', () => {
    const answer = availabilityOf([expert({ free: false, ring: false }), expert()], any, OPEN, {});
    assert.deepEqual([answer.call, answer.chat], ['free', 'free']);
  });

  it('says none when nobody is on duty, or the shop is closed, and when it opens', () => {
    assert.deepEqual(availabilityOf([], any, OPEN, {}), {
      open: true,
      call: 'none',
      chat: 'none',
      texts: {},
    });
    const closed = { open: false, opensAt: 1_700_000_000_000 };
    assert.deepEqual(availabilityOf([expert()], any, closed, {}), {
      open: false,
      opensAt: 1_700_000_000_000,
      call: 'none',
      chat: 'none',
      texts: {},
    });
  });

  it('counts only the experts who answer the topic and the language asked', () => {
    const bikes = expert({ topics: ['bikes'] });
    const english = expert({ languages: ['en'] });
    const tv = { topic: 'tv', lang: 'fr' };
    assert.equal(availabilityOf([bikes, english], tv, OPEN, {}).call, 'none');
    assert.equal(
      availabilityOf([bikes, english], { topic: 'bikes', lang: 'fr' }, OPEN, {}).call,
      'free',
    );
    assert.equal(availabilityOf([english], { topic: 'tv', lang: 'en' }, OPEN, {}).call, 'free');
    assert.equal(availabilityOf([bikes], { topic: undefined, lang: 'fr' }, OPEN, {}).call, 'free');
  });
});

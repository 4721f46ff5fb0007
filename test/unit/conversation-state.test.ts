import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  conversationReducer,
  type ConversationEvent,
  type ConversationState,
  type ConversationStateKind,
} from '../../src/core/conversation-state.js';

const expert = { id: 'dev-ana', name: 'Ana' };

const states: Record<ConversationStateKind, ConversationState> = {
  idle: { kind: 'idle' },
  choosing: { kind: 'choosing' },
  requesting: { kind: 'requesting', mode: 'video' },
  queued: { kind: 'queued', mode: 'video', conversationId: 'c1', position: 3 },
  connecting: { kind: 'connecting', mode: 'video', conversationId: 'c1' },
  'in-call': { kind: 'in-call', mode: 'video', conversationId: 'c1', expert },
  chat: { kind: 'chat', mode: 'video', conversationId: 'c1', expert, reason: 'media-lost' },
  ended: { kind: 'ended', reason: 'expert-hung-up' },
  closed: { kind: 'closed', opensAt: 1000 },
};

const events: Record<ConversationEvent['type'], ConversationEvent> = {
  open: { type: 'open' },
  back: { type: 'back' },
  choose: { type: 'choose', mode: 'audio' },
  resume: { type: 'resume', mode: 'video' },
  queued: { type: 'queued', conversationId: 'c1', position: 2, etaSeconds: 90 },
  'wait-for-chat': { type: 'wait-for-chat' },
  closed: { type: 'closed', opensAt: 2000 },
  'no-answer': { type: 'no-answer' },
  connecting: { type: 'connecting', conversationId: 'c1' },
  live: { type: 'live', conversationId: 'c1', expert },
  'to-chat': { type: 'to-chat', conversationId: 'c1', expert, reason: 'media-lost' },
  ended: { type: 'ended', reason: 'hub-unreachable' },
  dismiss: { type: 'dismiss' },
  rate: { type: 'rate' },
  rated: { type: 'rated' },
  'rate-failed': { type: 'rate-failed' },
  'rating-expired': { type: 'rating-expired' },
};

const queuedSecond: ConversationState = {
  kind: 'queued',
  mode: 'video',
  conversationId: 'c1',
  position: 2,
  etaSeconds: 90,
};

/** Every transition that changes the state; every other (state, event) pair must not. */
const transitions: Partial<
  Record<`${ConversationStateKind} × ${ConversationEvent['type']}`, ConversationState>
> = {
  'idle × open': { kind: 'choosing' },
  'ended × open': { kind: 'choosing' },
  'closed × dismiss': { kind: 'idle' },
  'requesting × closed': { kind: 'closed', opensAt: 2000 },
  'queued × no-answer': {
    kind: 'queued',
    mode: 'video',
    conversationId: 'c1',
    position: 3,
    alternatives: true,
  },
  'choosing × back': { kind: 'idle' },
  'choosing × choose': { kind: 'requesting', mode: 'audio' },
  'idle × resume': { kind: 'requesting', mode: 'video' },
  'choosing × dismiss': { kind: 'idle' },
  'ended × dismiss': { kind: 'idle' },
  'requesting × queued': { ...queuedSecond },
  'queued × queued': { ...queuedSecond },
  'connecting × queued': { ...queuedSecond },
  'queued × wait-for-chat': { kind: 'queued', mode: 'chat', conversationId: 'c1', position: 3 },
  'requesting × connecting': { kind: 'connecting', mode: 'video', conversationId: 'c1' },
  'queued × connecting': { kind: 'connecting', mode: 'video', conversationId: 'c1' },
  'connecting × live': { kind: 'in-call', mode: 'video', conversationId: 'c1', expert },
  'requesting × ended': { kind: 'ended', reason: 'hub-unreachable' },
  'queued × ended': { kind: 'ended', reason: 'hub-unreachable' },
  'connecting × ended': { kind: 'ended', reason: 'hub-unreachable' },
  'in-call × ended': { kind: 'ended', reason: 'hub-unreachable' },
  'chat × ended': { kind: 'ended', reason: 'hub-unreachable' },
  'chat × live': { kind: 'in-call', mode: 'video', conversationId: 'c1', expert },
  'in-call × to-chat': {
    kind: 'chat',
    mode: 'video',
    conversationId: 'c1',
    expert,
    reason: 'media-lost',
  },
  'connecting × to-chat': {
    kind: 'chat',
    mode: 'video',
    conversationId: 'c1',
    expert,
    reason: 'media-lost',
  },
  'requesting × to-chat': {
    kind: 'chat',
    mode: 'video',
    conversationId: 'c1',
    expert,
    reason: 'media-lost',
  },
};

describe('conversation state machine', () => {
  for (const [stateKind, state] of Object.entries(states)) {
    for (const [eventType, event] of Object.entries(events)) {
      const key = `${stateKind} × ${eventType}` as keyof typeof transitions;
      const expected = transitions[key];
      it(`${key} → ${expected ? expected.kind : 'unchanged'}`, () => {
        const next = conversationReducer(state, event);
        if (expected) assert.deepEqual(next, expected);
        else assert.equal(next, state, 'an event that does not apply leaves the very same state');
      });
    }
  }

  it('tells why again when a conversation in chat stays there for a new reason', () => {
    const chosen: ConversationState = { ...states.chat, reason: 'chosen' } as ConversationState;
    const next = conversationReducer(chosen, {
      type: 'to-chat',
      conversationId: 'c1',
      expert,
      reason: 'media-unavailable',
    });
    assert.deepEqual(next, { ...states.chat, reason: 'media-unavailable' });
  });

  describe('rating', () => {
    const rating = (status: 'open' | 'sending' | 'sent' | 'failed') => ({
      kind: 'ended' as const,
      reason: 'expert-hung-up' as const,
      rating: { conversationId: 'c1', expert, status },
    });
    const hungUp = { type: 'ended', reason: 'expert-hung-up' } as const;

    it('is offered after a call or a chat an expert had, ended by a side', () => {
      assert.deepEqual(conversationReducer(states['in-call'], hungUp), rating('open'));
      assert.deepEqual(conversationReducer(states.chat, hungUp), rating('open'));
    });

    it('is not offered after leaving the queue or the ring, nor after a lost connection', () => {
      for (const before of [states.requesting, states.queued, states.connecting]) {
        const next = conversationReducer(before, { type: 'ended', reason: 'shopper-cancelled' });
        assert.deepEqual(next, { kind: 'ended', reason: 'shopper-cancelled' });
      }
      const lost = conversationReducer(states['in-call'], events.ended);
      assert.deepEqual(lost, { kind: 'ended', reason: 'hub-unreachable' });
    });

    it('goes open → sending → sent, and a failed one can be sent again', () => {
      assert.deepEqual(conversationReducer(rating('open'), events.rate), rating('sending'));
      assert.deepEqual(conversationReducer(rating('sending'), events.rated), rating('sent'));
      assert.deepEqual(
        conversationReducer(rating('sending'), events['rate-failed']),
        rating('failed'),
      );
      assert.deepEqual(conversationReducer(rating('failed'), events.rate), rating('sending'));
    });

    it('is sent once: nothing moves a sent rating, nor sends one twice at a time', () => {
      for (const event of [events.rate, events.rated, events['rate-failed']]) {
        const sent = rating('sent');
        assert.equal(conversationReducer(sent, event), sent);
      }
      const sending = rating('sending');
      assert.equal(conversationReducer(sending, events.rate), sending);
      const open = rating('open');
      assert.equal(conversationReducer(open, events.rated), open);
    });

    it('stops being asked for when its time is over, unless it is on its way or sent', () => {
      for (const status of ['open', 'failed'] as const) {
        assert.deepEqual(conversationReducer(rating(status), events['rating-expired']), {
          kind: 'ended',
          reason: 'expert-hung-up',
        });
      }
      for (const status of ['sending', 'sent'] as const) {
        const kept = rating(status);
        assert.equal(conversationReducer(kept, events['rating-expired']), kept);
      }
    });

    it('is left behind by closing the panel or starting again', () => {
      assert.deepEqual(conversationReducer(rating('open'), events.dismiss), { kind: 'idle' });
      assert.deepEqual(conversationReducer(rating('sent'), events.open), { kind: 'choosing' });
    });
  });

  it('says the shop is closed without a time when the hub gives none, and only while asking', () => {
    assert.deepEqual(conversationReducer(states.requesting, { type: 'closed' }), {
      kind: 'closed',
    });
    assert.equal(conversationReducer(states.queued, { type: 'closed' }), states.queued);
  });

  it('ignores a live event for another conversation', () => {
    const next = conversationReducer(states.connecting, {
      type: 'live',
      conversationId: 'other',
      expert,
    });
    assert.equal(next, states.connecting);
  });

  it('keeps the chosen mode through the queue and the ring', () => {
    let state = conversationReducer({ kind: 'choosing' }, { type: 'choose', mode: 'audio' });
    state = conversationReducer(state, events.queued);
    state = conversationReducer(state, events.connecting);
    state = conversationReducer(state, events.live);
    assert.deepEqual(state, { kind: 'in-call', mode: 'audio', conversationId: 'c1', expert });
  });
});

describe('waiting past the shop’s longest wait', () => {
  it('keeps offering the alternatives as the place in line changes', () => {
    const waited = conversationReducer(states.queued, { type: 'no-answer' });
    const moved = conversationReducer(waited, {
      type: 'queued',
      conversationId: 'c1',
      position: 1,
    });
    assert.deepEqual(moved, {
      kind: 'queued',
      mode: 'video',
      conversationId: 'c1',
      position: 1,
      alternatives: true,
    });
  });
});

describe('what does not change the conversation', () => {
  it('keeps the same state when the alternatives are offered already, or the wait is for a chat already', () => {
    const offered = conversationReducer(states.queued, { type: 'no-answer' });
    assert.notEqual(offered, states.queued);
    assert.equal(conversationReducer(offered, { type: 'no-answer' }), offered);
    const forChat = conversationReducer(states.queued, { type: 'wait-for-chat' });
    assert.equal(forChat.kind === 'queued' && forChat.mode, 'chat');
    assert.equal(conversationReducer(forChat, { type: 'wait-for-chat' }), forChat);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  callOf,
  deskReducer,
  type DeskEvent,
  type DeskState,
  type HeldConversation,
  type Ring,
} from '../../src/core/desk-state.js';

const expert = { id: 'dev-ana', name: 'Ana' };
const card = (conversationId: string, chatOnly?: 'chosen'): HeldConversation => ({
  conversationId,
  mode: 'video',
  lang: 'fr',
  shopper: { context: {} },
  ...(chatOnly ? { chatOnly } : {}),
});
const ring: Ring = { ...card('c1'), until: 0 };
const ready: DeskState & { kind: 'ready' } = {
  kind: 'ready',
  expert,
  status: 'available',
  conversations: [],
};

/** One state of each kind of situation the desk can be in. */
const states = {
  'signed-out': { kind: 'signed-out' },
  'signing-in': { kind: 'signing-in' },
  idle: ready,
  ringing: { ...ready, ring, accepting: false },
  'in-call': { ...ready, conversations: [card('c1')], selected: 'c1' },
  'in-chats': {
    ...ready,
    conversations: [card('c1', 'chosen'), card('c2', 'chosen')],
    selected: 'c2',
  },
} satisfies Record<string, DeskState>;

const events: Record<DeskEvent['type'], DeskEvent> = {
  'sign-in': { type: 'sign-in' },
  'signed-in': { type: 'signed-in', expert, status: 'away', holding: ['c1'] },
  'signed-out': { type: 'signed-out', reason: 'hub-unreachable' },
  presence: { type: 'presence', status: 'away' },
  ring: { type: 'ring', ring },
  accept: { type: 'accept' },
  'ring-ended': { type: 'ring-ended', conversationId: 'c1', reason: 'timeout' },
  live: { type: 'live', conversationId: 'c1' },
  'to-chat': { type: 'to-chat', conversationId: 'c1', reason: 'media-lost' },
  'call-ended': { type: 'call-ended', conversationId: 'c1' },
  select: { type: 'select', conversationId: 'c1' },
  rated: { type: 'rated', rating: { conversationId: 'c0', stars: 4, comment: 'Clear' } },
};
const rated = [{ conversationId: 'c0', stars: 4, comment: 'Clear' }];

const signedOut: DeskState = { kind: 'signed-out', reason: 'hub-unreachable' };
const transitions: Partial<Record<string, DeskState>> = {
  'signed-out × sign-in': { kind: 'signing-in' },
  'signing-in × signed-in': { kind: 'ready', expert, status: 'away', conversations: [] },
  'idle × signed-in': { kind: 'ready', expert, status: 'away', conversations: [] },
  // The ring went to someone else while the desk was reconnecting.
  'ringing × signed-in': { kind: 'ready', expert, status: 'away', conversations: [] },
  'in-call × signed-in': { ...states['in-call'], status: 'away' },
  // c2 ended while the desk was away; c1 carries on and comes to the front.
  'in-chats × signed-in': {
    kind: 'ready',
    expert,
    status: 'away',
    conversations: [card('c1', 'chosen')],
    selected: 'c1',
  },
  'signed-out × signed-out': signedOut,
  'signing-in × signed-out': signedOut,
  'idle × signed-out': signedOut,
  'ringing × signed-out': signedOut,
  'in-call × signed-out': signedOut,
  'in-chats × signed-out': signedOut,
  'idle × presence': { ...ready, status: 'away' },
  'ringing × presence': { ...states.ringing, status: 'away' },
  'in-call × presence': { ...states['in-call'], status: 'away' },
  'in-chats × presence': { ...states['in-chats'], status: 'away' },
  'idle × ring': { ...ready, ring, accepting: false },
  'ringing × accept': { ...states.ringing, accepting: true },
  'ringing × ring-ended': { ...ready, status: 'away', missed: 'timeout' },
  'ringing × live': { ...ready, conversations: [card('c1')], selected: 'c1' },
  'ringing × call-ended': ready,
  'in-call × to-chat': {
    ...states['in-call'],
    conversations: [{ ...card('c1'), chatOnly: 'media-lost' }],
  },
  // Video and voice back in a conversation that was in chat.
  'in-chats × live': {
    ...states['in-chats'],
    conversations: [card('c1'), card('c2', 'chosen')],
  },
  'in-chats × to-chat': {
    ...states['in-chats'],
    conversations: [{ ...card('c1'), chatOnly: 'media-lost' }, card('c2', 'chosen')],
  },
  'in-call × call-ended': ready,
  'in-chats × call-ended': { ...ready, conversations: [card('c2', 'chosen')], selected: 'c2' },
  'in-chats × select': { ...states['in-chats'], selected: 'c1' },
  // A rating is shown whatever the expert is doing, and signed-out desks have none.
  'idle × rated': { ...ready, ratings: rated },
  'ringing × rated': { ...states.ringing, ratings: rated },
  'in-call × rated': { ...states['in-call'], ratings: rated },
  'in-chats × rated': { ...states['in-chats'], ratings: rated },
};

describe('expert desk state machine', () => {
  for (const [stateName, state] of Object.entries(states) as Array<[string, DeskState]>) {
    for (const [eventType, event] of Object.entries(events)) {
      const key = `${stateName} × ${eventType}`;
      const expected = transitions[key];
      it(`${key} → ${expected ? 'changes' : 'unchanged'}`, () => {
        const next = deskReducer(state, event);
        if (expected) assert.deepEqual(next, expected);
        else assert.equal(next, state);
      });
    }
  }

  describe('ratings', () => {
    const rating = (conversationId: string, stars = 5) => ({ conversationId, stars });

    it('shows the newest first, a repeat once, and the last 20 at most', () => {
      let state: DeskState = ready;
      for (let i = 1; i <= 25; i++)
        state = deskReducer(state, { type: 'rated', rating: rating(`c${i}`) });
      state = deskReducer(state, { type: 'rated', rating: rating('c25', 2) });
      const ratings = state.kind === 'ready' ? (state.ratings ?? []) : [];
      assert.equal(ratings.length, 20);
      assert.deepEqual(ratings[0], rating('c25', 2));
      assert.deepEqual(ratings[1], rating('c24'));
      assert.equal(ratings.filter((r) => r.conversationId === 'c25').length, 1);
    });

    it('keeps them through a reconnect, and forgets them on sign-out', () => {
      const withRating = deskReducer(ready, { type: 'rated', rating: rating('c9') });
      const back = deskReducer(withRating, events['signed-in']);
      assert.deepEqual(back.kind === 'ready' && back.ratings, [rating('c9')]);
      const out = deskReducer(withRating, events['signed-out']);
      assert.equal(out.kind, 'signed-out');
    });
  });

  it('a declined ring leaves the expert as they were, a missed one away', () => {
    const declined = deskReducer(states.ringing, {
      type: 'ring-ended',
      conversationId: 'c1',
      reason: 'declined',
    });
    assert.deepEqual(declined, { ...ready, missed: 'declined' });
  });

  it('rings an expert holding chats, and the accepted chat joins them in front', () => {
    const chatRing: Ring = { ...card('c3'), mode: 'chat', until: 0 };
    let state: DeskState = deskReducer(states['in-chats'], { type: 'ring', ring: chatRing });
    state = deskReducer(state, { type: 'live', conversationId: 'c3' });
    state = deskReducer(state, { type: 'to-chat', conversationId: 'c3', reason: 'chosen' });
    assert.equal(state.kind, 'ready');
    assert.deepEqual(
      state.kind === 'ready' && state.conversations.map((c) => [c.conversationId, c.chatOnly]),
      [
        ['c1', 'chosen'],
        ['c2', 'chosen'],
        ['c3', 'chosen'],
      ],
    );
    assert.equal(state.kind === 'ready' && state.selected, 'c3');
  });

  it('does not take a ring for a conversation already held (media coming back)', () => {
    const again = deskReducer(states['in-call'], { type: 'ring', ring });
    assert.equal(again, states['in-call']);
  });

  it('takes the same ring again as written when its room failed, on the same clock', () => {
    const ringing = { ...ready, ring: { ...ring, until: 5_000 }, accepting: false };
    const written = deskReducer(ringing, {
      type: 'ring',
      ring: { ...ring, mode: 'chat', until: 9_000 },
    });
    assert.deepEqual(written, { ...ringing, ring: { ...ringing.ring, mode: 'chat' } });
  });

  it('clears the missed notice when the next ring comes', () => {
    const missed: DeskState = { ...ready, missed: 'timeout' };
    assert.deepEqual(deskReducer(missed, { type: 'ring', ring }), states.ringing);
  });
});

describe('which conversation is in front', () => {
  const chats = states['in-chats'];
  const end = (state: DeskState, conversationId: string) =>
    deskReducer(state, { type: 'call-ended', conversationId });

  it('stays in front while it is held, whichever other one ends', () => {
    assert.equal((end(chats, 'c1') as typeof chats).selected, 'c2');
  });

  it('stays in front when the console signs in again and the hub still holds it', () => {
    const back = deskReducer(chats, {
      type: 'signed-in',
      expert,
      status: 'available',
      holding: ['c1', 'c2'],
    });
    assert.equal(back.kind === 'ready' && back.selected, 'c2');
  });

  it('goes to the first one held when the one in front ends, and to none when none is left', () => {
    const first = end(chats, 'c2') as typeof chats;
    assert.equal(first.selected, 'c1');
    const none = end(first, 'c1');
    assert.deepEqual(none, { ...ready, conversations: [] });
    assert.equal('selected' in none, false);
  });
});

describe('callOf', () => {
  it('is the conversation with video or voice, if the expert holds one', () => {
    assert.equal(callOf(states['in-call'])?.conversationId, 'c1');
    assert.equal(callOf(states['in-chats']), undefined);
    assert.equal(callOf(ready), undefined);
    const both = { ...ready, conversations: [card('c1', 'chosen'), card('c2')] };
    assert.equal(callOf(both)?.conversationId, 'c2');
  });
});

describe('what does not change the desk', () => {
  it('keeps the same state for the same presence, and for a chat already chat only', () => {
    const idle = states.idle;
    assert.equal(deskReducer(idle, { type: 'presence', status: 'available' }), idle);
    const chats = states['in-chats'];
    assert.equal(
      deskReducer(chats, { type: 'to-chat', conversationId: 'c1', reason: 'chosen' }),
      chats,
    );
    const lost = deskReducer(chats, {
      type: 'to-chat',
      conversationId: 'c1',
      reason: 'media-lost',
    });
    assert.notEqual(lost, chats);
    assert.equal(lost.kind === 'ready' && lost.conversations[0]!.chatOnly, 'media-lost');
  });
});

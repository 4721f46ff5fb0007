import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  deskReducer,
  type DeskEvent,
  type DeskState,
  type Ring,
} from '../../src/core/desk-state.js';

const expert = { id: 'dev-ana', name: 'Ana' };
const ring: Ring = {
  conversationId: 'c1',
  mode: 'video',
  lang: 'fr',
  shopper: { context: {} },
  until: 0,
};

const states: Record<DeskState['kind'], DeskState> = {
  'signed-out': { kind: 'signed-out' },
  'signing-in': { kind: 'signing-in' },
  ready: { kind: 'ready', expert, status: 'available' },
  ringing: { kind: 'ringing', expert, ring, accepting: false },
  'in-call': { kind: 'in-call', expert, ring },
};

const events: Record<DeskEvent['type'], DeskEvent> = {
  'sign-in': { type: 'sign-in' },
  'signed-in': { type: 'signed-in', expert, status: 'away' },
  'signed-out': { type: 'signed-out', reason: 'hub-unreachable' },
  presence: { type: 'presence', status: 'away' },
  ring: { type: 'ring', ring },
  accept: { type: 'accept' },
  'ring-ended': { type: 'ring-ended', conversationId: 'c1', reason: 'timeout' },
  live: { type: 'live', conversationId: 'c1' },
  'to-chat': { type: 'to-chat', conversationId: 'c1', reason: 'media-lost' },
  'call-ended': { type: 'call-ended', conversationId: 'c1' },
};

const transitions: Partial<Record<string, DeskState>> = {
  'signed-out × sign-in': { kind: 'signing-in' },
  'signing-in × signed-in': { kind: 'ready', expert, status: 'away' },
  'ready × signed-in': { kind: 'ready', expert, status: 'away' },
  'signed-out × signed-out': { kind: 'signed-out', reason: 'hub-unreachable' },
  'signing-in × signed-out': { kind: 'signed-out', reason: 'hub-unreachable' },
  'ready × signed-out': { kind: 'signed-out', reason: 'hub-unreachable' },
  'ringing × signed-out': { kind: 'signed-out', reason: 'hub-unreachable' },
  'in-call × signed-out': { kind: 'signed-out', reason: 'hub-unreachable' },
  'ready × presence': { kind: 'ready', expert, status: 'away' },
  'ready × ring': { kind: 'ringing', expert, ring, accepting: false },
  'ringing × accept': { kind: 'ringing', expert, ring, accepting: true },
  'ringing × ring-ended': { kind: 'ready', expert, status: 'away', missed: 'timeout' },
  'ringing × live': { kind: 'in-call', expert, ring },
  'ringing × call-ended': { kind: 'ready', expert, status: 'available' },
  'in-call × call-ended': { kind: 'ready', expert, status: 'available' },
  'in-call × to-chat': { kind: 'in-call', expert, ring, chatOnly: 'media-lost' },
};

describe('expert desk state machine', () => {
  for (const [stateKind, state] of Object.entries(states)) {
    for (const [eventType, event] of Object.entries(events)) {
      const key = `${stateKind} × ${eventType}`;
      const expected = transitions[key];
      it(`${key} → ${expected ? expected.kind : 'unchanged'}`, () => {
        const next = deskReducer(state, event);
        if (expected) assert.deepEqual(next, expected);
        else assert.equal(next, state);
      });
    }
  }

  it('a declined ring leaves the expert available, a missed one away', () => {
    const declined = deskReducer(states.ringing, {
      type: 'ring-ended',
      conversationId: 'c1',
      reason: 'declined',
    });
    assert.deepEqual(declined, { kind: 'ready', expert, status: 'available', missed: 'declined' });
  });

  it('brings an expert in chat only back to the call when video returns', () => {
    const chatOnly: DeskState = { kind: 'in-call', expert, ring, chatOnly: 'chosen' };
    assert.deepEqual(
      deskReducer(chatOnly, { type: 'live', conversationId: 'c1' }),
      states['in-call'],
    );
  });

  it('ignores the busy echo of a ring', () => {
    assert.equal(deskReducer(states.ready, { type: 'presence', status: 'busy' }), states.ready);
  });
});

/**
 * The capacity rule between an expert and what they hold (routing/capacity.ts): one call, or
 * up to the shop's number of chats, one ring at a time; and a call gone to chat, or a ring
 * answered, counted until both sides have been told.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import type { ConversationState, Phase } from '../../src/server/lifecycle/lifecycle.js';
import { Conversation, type Seat } from '../../src/server/registry.js';
import { callOf, canBeRung, fits, hasMedia } from '../../src/server/routing/capacity.js';

const MAX_CHATS = 3;
const ana = { seat: 'seat-ana', profile: { id: 'ana', name: 'Ana' } };
const RINGING: Phase = { kind: 'ringing', expert: ana, room: undefined };
const LIVE: Phase = { kind: 'live', expert: ana, room: undefined, since: 0 };

function state(id: string, phase: Phase, chat: ConversationState['chat']): ConversationState {
  return {
    id,
    since: 0,
    mode: chat ? 'chat' : 'video',
    lang: 'fr',
    topic: undefined,
    displayName: undefined,
    context: {},
    chat,
    skippedBy: new Set(),
    phase,
  };
}

/** A conversation whose state is `now`, with both sides told of `settled` (by default, `now`). */
function held(id: string, now: ConversationState, settled = now): Conversation {
  const conversation = new Conversation(settled, 'resume');
  conversation.state = now;
  return conversation;
}
const call = (id: string, phase: Phase = LIVE) => held(id, state(id, phase, undefined));
const chat = (id: string, phase: Phase = LIVE) => held(id, state(id, phase, 'chosen'));

function seat(holds: Conversation[] = [], options: Partial<Pick<Seat, 'presence' | 'peer'>> = {}) {
  const made: Seat = {
    seat: 'seat-ana',
    expertId: 'ana',
    profile: ana.profile,
    peer: { send: () => {} },
    presence: 'available',
    topics: new Set(),
    languages: new Set(['fr']),
    conversations: new Set(holds),
    load: holds.length,
    idleSince: 0,
  };
  return Object.assign(made, options);
}

describe('the capacity rule', () => {
  it('tells a call from a chat by whether the conversation is in chat', () => {
    assert.equal(hasMedia(call('c1')), true);
    assert.equal(hasMedia(chat('c1')), false);
  });

  describe('callOf', () => {
    it('finds the seat’s call among its chats, and nothing when it holds only chats', () => {
      const theCall = call('c2');
      assert.equal(callOf(seat([chat('c1'), theCall, chat('c3')])), theCall);
      assert.equal(callOf(seat([chat('c1'), chat('c3')])), undefined);
      assert.equal(callOf(seat()), undefined);
    });

    it('still counts a call gone to chat until both sides have been told', () => {
      const goneToChat = held('c1', state('c1', LIVE, 'media-lost'), state('c1', LIVE, undefined));
      assert.equal(callOf(seat([goneToChat])), goneToChat);
      goneToChat.settled = goneToChat.state;
      assert.equal(callOf(seat([goneToChat])), undefined);
    });
  });

  describe('canBeRung', () => {
    it('rings an expert connected, available, holding less than the chats allowed', () => {
      assert.equal(canBeRung(seat(), MAX_CHATS), true);
      assert.equal(canBeRung(seat([chat('c1'), chat('c2')]), MAX_CHATS), true);
    });

    it('does not ring an expert who is reconnecting or away', () => {
      assert.equal(canBeRung(seat([], { peer: undefined }), MAX_CHATS), false);
      assert.equal(canBeRung(seat([], { presence: 'away' }), MAX_CHATS), false);
    });

    it('does not ring an expert holding as many chats as allowed', () => {
      assert.equal(canBeRung(seat([chat('c1'), chat('c2'), chat('c3')]), MAX_CHATS), false);
      assert.equal(canBeRung(seat([chat('c1')]), 1), false);
    });

    it('does not ring an expert in a call', () => {
      assert.equal(canBeRung(seat([call('c1')]), MAX_CHATS), false);
    });

    it('does not ring an expert already ringing, nor one whose answer is not told yet', () => {
      assert.equal(canBeRung(seat([chat('c1', RINGING)]), MAX_CHATS), false);
      const answered = held('c1', state('c1', LIVE, 'chosen'), state('c1', RINGING, 'chosen'));
      assert.equal(canBeRung(seat([answered]), MAX_CHATS), false);
      answered.settled = answered.state;
      assert.equal(canBeRung(seat([answered]), MAX_CHATS), true);
      // Rung just now: neither side told yet, already ringing.
      const rung = held(
        'c2',
        state('c2', RINGING, 'chosen'),
        state('c2', { kind: 'queued' }, 'chosen'),
      );
      assert.equal(canBeRung(seat([rung]), MAX_CHATS), false);
    });
  });

  describe('fits', () => {
    it('gives a call only to an expert holding nothing', () => {
      assert.equal(fits(seat(), call('new', { kind: 'queued' }), MAX_CHATS), true);
      assert.equal(fits(seat([chat('c1')]), call('new', { kind: 'queued' }), MAX_CHATS), false);
    });

    it('gives a chat to an expert with room for one more', () => {
      assert.equal(fits(seat([chat('c1')]), chat('new', { kind: 'queued' }), MAX_CHATS), true);
      assert.equal(fits(seat([chat('c1')]), chat('new', { kind: 'queued' }), 1), false);
    });

    it('gives nothing to an expert who cannot be rung', () => {
      const away = seat([], { presence: 'away' });
      assert.equal(fits(away, chat('new', { kind: 'queued' }), MAX_CHATS), false);
      assert.equal(fits(away, call('new', { kind: 'queued' }), MAX_CHATS), false);
    });
  });
});

/**
 * The hub's conversation lifecycle, every state × every event: what each becomes, and what the
 * hub is asked to do about it, in what order.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  step,
  type ConversationState,
  type Effect,
  type ExpertRef,
  type LifecycleEvent,
  type OpenedMedia,
  type Phase,
} from '../../src/server/lifecycle/lifecycle.js';
import { Conversation } from '../../src/server/registry.js';

const ana: ExpertRef = { seat: 'seat-ana', profile: { id: 'ana', name: 'Ana' } };
const at = { now: 10_000, ringTimeoutMs: 30_000 };
const grant = (who: string, room: string) => ({
  url: 'ws://lk',
  token: `${who}-token`,
  room,
  peer: 'the-other-side',
});
const media = (room: string): OpenedMedia => ({
  room,
  expert: grant('expert', room),
  shopper: grant('shopper', room),
});

function conversation(phase: Phase, chat?: ConversationState['chat']): ConversationState {
  return {
    id: 'c1',
    since: 1_000,
    mode: chat === 'chosen' ? 'chat' : 'video',
    lang: 'fr',
    topic: undefined,
    displayName: 'Zoé',
    context: { pageUrl: 'https://shop.example/bike' },
    chat,
    skippedBy: new Set(),
    phase,
  };
}

/** Every situation a conversation can be in on the hub. */
const STATES = {
  'queued call': conversation({ kind: 'queued' }),
  'queued chat': conversation({ kind: 'queued' }, 'chosen'),
  'ringing call': conversation({ kind: 'ringing', expert: ana, room: 'r1' }),
  'ringing chat': conversation({ kind: 'ringing', expert: ana, room: undefined }, 'chosen'),
  'live call': conversation({ kind: 'live', expert: ana, room: 'r1', since: 5_000 }),
  'live chat': conversation(
    { kind: 'live', expert: ana, room: undefined, since: 5_000 },
    'media-lost',
  ),
  ended: conversation({ kind: 'ended', reason: 'shopper-hung-up' }),
} satisfies Record<string, ConversationState>;
type StateName = keyof typeof STATES;

/** Every event, by name. */
const EVENTS = {
  'ring with a room': { type: 'ring', expert: ana, media: media('r2') },
  'ring without a room': { type: 'ring', expert: ana },
  accept: { type: 'accept' },
  decline: { type: 'decline' },
  'ring timeout': { type: 'ring-timeout' },
  'expert gone': { type: 'expert-gone' },
  'wait for chat': { type: 'wait-for-chat' },
  'media lost': { type: 'to-chat', reason: 'media-lost' },
  'chat chosen': { type: 'to-chat', reason: 'chosen' },
  'room r1 failed': { type: 'room-failed', room: 'r1' },
  'an old room failed': { type: 'room-failed', room: 'r0' },
  'to call': { type: 'to-call', media: media('r3') },
  'call refused, no media': { type: 'to-call-refused', why: 'media-unavailable' },
  'call refused, expert busy': { type: 'to-call-refused', why: 'expert-in-other-call' },
  end: { type: 'end', reason: 'expert-hung-up' },
} satisfies Record<string, LifecycleEvent>;
type EventName = keyof typeof EVENTS;

/** What a state becomes: its phase, room and chat reason, in a few words. */
function summary(state: ConversationState): string {
  const phase = state.phase;
  if (phase.kind === 'ended') return 'ended';
  const room = phase.kind === 'ringing' || phase.kind === 'live' ? phase.room : undefined;
  return [phase.kind, room && `room ${room}`, state.chat && `chat ${state.chat}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * The table: for each state, the events it takes and what it becomes. Every pair not listed
 * must leave the state as it is and do nothing.
 */
const TABLE: Record<StateName, Partial<Record<EventName, string>>> = {
  'queued call': {
    'ring with a room': 'ringing, room r2',
    'ring without a room': 'ringing, chat media-unavailable',
    'wait for chat': 'queued, chat chosen',
    end: 'ended',
  },
  'queued chat': {
    'ring with a room': 'ringing, room r2, chat chosen',
    'ring without a room': 'ringing, chat chosen',
    end: 'ended',
  },
  'ringing call': {
    'room r1 failed': 'ringing, chat media-unavailable',
    accept: 'live, room r1',
    decline: 'queued',
    'ring timeout': 'queued',
    'expert gone': 'queued',
    end: 'ended',
  },
  'ringing chat': {
    accept: 'live, chat chosen',
    decline: 'queued, chat chosen',
    'ring timeout': 'queued, chat chosen',
    'expert gone': 'queued, chat chosen',
    end: 'ended',
  },
  'live call': {
    'room r1 failed': 'live, chat media-lost',
    'media lost': 'live, chat media-lost',
    'chat chosen': 'live, chat chosen',
    end: 'ended',
  },
  'live chat': {
    'to call': 'live, room r3',
    'call refused, no media': 'live, chat media-unavailable',
    'call refused, expert busy': 'live, chat media-lost',
    end: 'ended',
  },
  ended: {},
};

const kinds = (effects: readonly Effect[]) => effects.map((e) => e.kind);
const frames = (effects: readonly Effect[]) =>
  effects.flatMap((e) =>
    e.kind === 'send' ? [`${e.to === 'shopper' ? 'shopper' : 'expert'} ${e.frame.type}`] : [],
  );

describe('the hub’s conversation lifecycle, state × event', () => {
  for (const [stateName, state] of Object.entries(STATES) as Array<
    [StateName, ConversationState]
  >) {
    describe(stateName, () => {
      for (const [eventName, event] of Object.entries(EVENTS) as Array<
        [EventName, LifecycleEvent]
      >) {
        const expected = TABLE[stateName][eventName];
        it(expected ? `${eventName} → ${expected}` : `${eventName}: nothing changes`, () => {
          const next = step(state, event, at);
          if (!expected) {
            assert.equal(next.state, state);
            assert.deepEqual(next.effects, []);
            return;
          }
          assert.equal(summary(next.state), expected);
          // Storage decides before anyone is told: no frame or line before the last store.
          const lastStore = kinds(next.effects).lastIndexOf('store');
          const firstTold = next.effects.findIndex(
            (e) => e.kind === 'say' || (e.kind === 'send' && e.frame.type !== 'expert.ring-ended'),
          );
          if (lastStore !== -1 && firstTold !== -1)
            assert.ok(lastStore < firstTold, kinds(next.effects).join(' '));
          // The input is data: never changed in place.
          assert.equal(summary(state), summary(STATES[stateName]));
        });
      }
    });
  }
});

describe('what each step asks the hub to do', () => {
  it('rings the expert with their token and tells the shopper they are put through', () => {
    const { effects } = step(STATES['queued call'], EVENTS['ring with a room'], at);
    assert.deepEqual(frames(effects), ['expert expert.ring', 'shopper shopper.connecting']);
    const ring = effects.find((e) => e.kind === 'send' && e.frame.type === 'expert.ring');
    assert.ok(ring?.kind === 'send' && ring.frame.type === 'expert.ring');
    assert.equal(ring.frame.media?.token, 'expert-token');
    assert.equal(ring.frame.mode, 'video');
    assert.deepEqual(effects[0], { kind: 'arm-ring-timer', ms: 30_000 });
  });

  it('rings a call with no room as a written conversation', () => {
    const { effects } = step(STATES['queued call'], EVENTS['ring without a room'], at);
    const ring = effects.find((e) => e.kind === 'send' && e.frame.type === 'expert.ring');
    assert.ok(ring?.kind === 'send' && ring.frame.type === 'expert.ring');
    assert.equal(ring.frame.mode, 'chat');
    assert.equal(ring.frame.media, undefined);
  });

  it('rings on in writing when the ring’s room fails: the room let go, both sides told', () => {
    const { effects } = step(STATES['ringing call'], EVENTS['room r1 failed'], at);
    assert.deepEqual(effects[0], { kind: 'close-room', room: 'r1' });
    assert.deepEqual(frames(effects), ['expert expert.ring', 'shopper shopper.connecting']);
    for (const effect of effects) {
      if (effect.kind !== 'send') continue;
      assert.ok(effect.frame.type === 'expert.ring' || effect.frame.type === 'shopper.connecting');
      assert.equal(effect.frame.media, undefined, 'no room to join any more');
      if (effect.frame.type === 'expert.ring') assert.equal(effect.frame.mode, 'chat');
    }
    assert.ok(!kinds(effects).includes('arm-ring-timer'), 'the ring keeps its clock');
  });

  it('on accept stores the expert, then tells both sides, then says who joined', () => {
    const { effects } = step(STATES['ringing call'], EVENTS.accept, at);
    assert.deepEqual(kinds(effects), ['disarm-ring-timer', 'store', 'send', 'send', 'log', 'say']);
    assert.deepEqual(effects[1], {
      kind: 'store',
      patch: { state: 'live', expert: ana.profile, room: 'r1' },
    });
    assert.deepEqual(frames(effects), ['shopper call.live', 'expert call.live']);
    assert.deepEqual(effects.at(-1), { kind: 'say', line: 'expert-joined', authorName: 'Ana' });
  });

  it('a declined ring skips that expert and lets the room go; a lost console skips nobody', () => {
    const declined = step(STATES['ringing call'], EVENTS.decline, at);
    assert.deepEqual([...declined.state.skippedBy], ['ana']);
    assert.deepEqual(frames(declined.effects), ['expert expert.ring-ended']);
    assert.ok(declined.effects.some((e) => e.kind === 'close-room' && e.room === 'r1'));
    const gone = step(STATES['ringing call'], EVENTS['expert gone'], at);
    assert.deepEqual([...gone.state.skippedBy], []);
    assert.deepEqual(frames(gone.effects), []);
  });

  it('an unanswered ring sets the expert away', () => {
    const { effects } = step(STATES['ringing call'], EVENTS['ring timeout'], at);
    assert.ok(effects.some((e) => e.kind === 'set-away' && e.seat === 'seat-ana'));
  });

  it('ending a live call records it, counts its length for the wait, and tells both', () => {
    const { effects } = step(STATES['live call'], EVENTS.end, at);
    assert.ok(effects.some((e) => e.kind === 'handled' && e.ms === 5_000));
    assert.ok(effects.some((e) => e.kind === 'record' && e.line === 'call-ended'));
    assert.deepEqual(frames(effects), ['shopper call.ended', 'expert call.ended']);
  });

  it('a shopper who leaves during the ring stops the ring, not the expert’s other work', () => {
    const { effects } = step(
      STATES['ringing call'],
      { type: 'end', reason: 'shopper-cancelled' },
      at,
    );
    assert.deepEqual(frames(effects), ['expert expert.ring-ended', 'shopper call.ended']);
    assert.ok(!effects.some((e) => e.kind === 'handled'));
  });

  it('video that gives way lets the room go and says why to both, once', () => {
    const first = step(STATES['live call'], EVENTS['media lost'], at);
    assert.ok(first.effects.some((e) => e.kind === 'close-room' && e.room === 'r1'));
    assert.deepEqual(frames(first.effects), [
      'shopper conversation.chat',
      'expert conversation.chat',
    ]);
    const second = step(first.state, EVENTS['chat chosen'], at);
    assert.equal(second.state, first.state);
  });

  it('video back: the expert joins the fresh room as on a ring, then both are live', () => {
    const { effects } = step(STATES['live chat'], EVENTS['to call'], at);
    assert.deepEqual(frames(effects), [
      'expert expert.ring',
      'shopper shopper.connecting',
      'shopper call.live',
      'expert call.live',
    ]);
  });

  it('video refused because the expert is in another call is said, and stored nowhere else', () => {
    const { effects } = step(STATES['live chat'], EVENTS['call refused, expert busy'], at);
    assert.deepEqual(effects, [{ kind: 'say', line: 'expert-in-other-call' }]);
  });
});

describe('each step’s effects, whole', () => {
  const ringEnded = (reason: string) => ({
    kind: 'send',
    to: ana,
    frame: { type: 'expert.ring-ended', conversationId: 'c1', reason },
  });
  const chatFrame = (reason: string) => ({
    type: 'conversation.chat',
    conversationId: 'c1',
    reason,
    expert: ana.profile,
  });
  const logged = (event: string, fields: Record<string, unknown> = {}) => ({
    kind: 'log',
    event,
    fields: { conversation: 'c1', ...fields },
  });

  it('a shopper who would rather write while waiting is stored as such, and nothing is sent', () => {
    assert.deepEqual(step(STATES['queued call'], EVENTS['wait for chat'], at).effects, [
      { kind: 'store', patch: { state: 'chat-chosen' } },
    ]);
  });

  it('a conversation asked in writing and rung without a room is a plain written one', () => {
    const written: ConversationState = { ...STATES['queued call'], mode: 'chat' };
    const rung = step(written, EVENTS['ring without a room'], at);
    assert.equal(rung.state.chat, undefined, 'not a call that lost its media');
    const live = step(rung.state, EVENTS.accept, at);
    assert.deepEqual(live.effects, [
      { kind: 'disarm-ring-timer' },
      { kind: 'store', patch: { state: 'live', expert: ana.profile, room: null } },
      {
        kind: 'send',
        to: 'shopper',
        frame: { type: 'call.live', conversationId: 'c1', mode: 'chat', expert: ana.profile },
      },
      {
        kind: 'send',
        to: ana,
        frame: { type: 'call.live', conversationId: 'c1', mode: 'chat', expert: ana.profile },
      },
      logged('conversation.live', { expert: 'ana' }),
      { kind: 'say', line: 'expert-joined', authorName: 'Ana' },
    ]);
  });

  it('a call accepted without media says so to both, in the transcript too', () => {
    const rung = step(STATES['queued call'], EVENTS['ring without a room'], at);
    const { effects } = step(rung.state, EVENTS.accept, at);
    const callLive = {
      type: 'call.live',
      conversationId: 'c1',
      mode: 'video',
      expert: ana.profile,
    };
    assert.deepEqual(effects, [
      { kind: 'disarm-ring-timer' },
      {
        kind: 'store',
        patch: { state: 'chat-media-unavailable', expert: ana.profile, room: null },
      },
      { kind: 'send', to: 'shopper', frame: callLive },
      { kind: 'send', to: ana, frame: callLive },
      { kind: 'send', to: 'shopper', frame: chatFrame('media-unavailable') },
      { kind: 'send', to: ana, frame: chatFrame('media-unavailable') },
      logged('conversation.live', { expert: 'ana' }),
      { kind: 'say', line: 'expert-joined', authorName: 'Ana' },
      { kind: 'say', line: 'media-unavailable' },
    ]);
  });

  it('a written ring declined has no room to let go', () => {
    assert.deepEqual(step(STATES['ringing chat'], EVENTS.decline, at).effects, [
      { kind: 'disarm-ring-timer' },
      ringEnded('declined'),
      logged('conversation.ring-ended', { reason: 'declined' }),
    ]);
  });

  for (const [eventName, reason, line] of [
    ['media lost', 'media-lost', 'media-lost'],
    ['chat chosen', 'chosen', 'switched-to-chat'],
  ] as const) {
    it(`a call that goes to writing (${eventName}) lets its room go, is stored, and says why`, () => {
      const { state, effects } = step(STATES['live call'], EVENTS[eventName], at);
      assert.deepEqual(effects, [
        { kind: 'close-room', room: 'r1' },
        { kind: 'store', patch: { state: `chat-${reason}`, room: null } },
        { kind: 'send', to: 'shopper', frame: chatFrame(reason) },
        { kind: 'send', to: ana, frame: chatFrame(reason) },
        logged('conversation.chat', { reason }),
        { kind: 'say', line },
      ]);
      assert.equal(state.phase.kind === 'live' && state.phase.room, undefined);
    });
  }

  it('video back is stored with its room before anyone is told', () => {
    const { effects } = step(STATES['live chat'], EVENTS['to call'], at);
    assert.deepEqual(effects.slice(0, 1), [
      { kind: 'store', patch: { state: 'live', room: 'r3' } },
    ]);
    assert.deepEqual(effects.slice(-2), [
      logged('conversation.call'),
      { kind: 'say', line: 'switched-to-call' },
    ]);
  });

  it('video refused for want of media is stored, told to both and said', () => {
    assert.deepEqual(step(STATES['live chat'], EVENTS['call refused, no media'], at).effects, [
      { kind: 'store', patch: { state: 'chat-media-unavailable' } },
      { kind: 'send', to: 'shopper', frame: chatFrame('media-unavailable') },
      { kind: 'send', to: ana, frame: chatFrame('media-unavailable') },
      logged('media.unavailable'),
      { kind: 'say', line: 'media-unavailable' },
    ]);
  });

  const ended = (to: unknown, reason = 'expert-hung-up') => ({
    kind: 'send',
    to,
    frame: { type: 'call.ended', conversationId: 'c1', reason },
  });

  it('ending a live call lets its room go, records it, stores it, then tells both', () => {
    assert.deepEqual(step(STATES['live call'], EVENTS.end, at).effects, [
      { kind: 'close-room', room: 'r1' },
      { kind: 'record', line: 'call-ended' },
      { kind: 'handled', ms: 5_000 },
      { kind: 'store', patch: { state: 'ended', endReason: 'expert-hung-up' } },
      ended('shopper'),
      ended(ana),
      logged('conversation.ended', { reason: 'expert-hung-up' }),
    ]);
  });

  it('ending during the ring stops it and lets its room go; ending in the queue only stores', () => {
    assert.deepEqual(step(STATES['ringing call'], EVENTS.end, at).effects, [
      { kind: 'disarm-ring-timer' },
      ringEnded('shopper-cancelled'),
      { kind: 'close-room', room: 'r1' },
      { kind: 'store', patch: { state: 'ended', endReason: 'expert-hung-up' } },
      ended('shopper'),
      logged('conversation.ended', { reason: 'expert-hung-up' }),
    ]);
    assert.deepEqual(step(STATES['queued call'], EVENTS.end, at).effects, [
      { kind: 'store', patch: { state: 'ended', endReason: 'expert-hung-up' } },
      ended('shopper'),
      logged('conversation.ended', { reason: 'expert-hung-up' }),
    ]);
  });

  it('rings with who the shopper is, as they gave it and as the shop vouched for it', () => {
    const known: ConversationState = {
      ...STATES['queued call'],
      customer: { id: 'cust-1', name: 'Zoé Martin' },
    };
    const ring = step(known, EVENTS['ring with a room'], at).effects[1];
    assert.deepEqual(ring, {
      kind: 'send',
      to: ana,
      frame: {
        type: 'expert.ring',
        conversationId: 'c1',
        mode: 'video',
        lang: 'fr',
        shopper: {
          displayName: 'Zoé',
          customer: { id: 'cust-1', name: 'Zoé Martin' },
          context: { pageUrl: 'https://shop.example/bike' },
        },
        media: grant('expert', 'r2'),
        ringTimeoutMs: 30_000,
      },
    });
    const anonymous: ConversationState = { ...STATES['queued call'], displayName: undefined };
    const bare = step(anonymous, EVENTS['ring without a room'], at).effects[1];
    assert.ok(bare?.kind === 'send' && bare.frame.type === 'expert.ring');
    assert.deepEqual(bare.frame.shopper, { context: { pageUrl: 'https://shop.example/bike' } });
  });
});

describe('a conversation as the hub holds it', () => {
  it('is held by the seat it rings or is live with, and by none while queued or ended', () => {
    const seats = Object.fromEntries(
      Object.entries(STATES).map(([name, state]) => [name, new Conversation(state, 't').seat]),
    );
    assert.deepEqual(seats, {
      'queued call': undefined,
      'queued chat': undefined,
      'ringing call': 'seat-ana',
      'ringing chat': 'seat-ana',
      'live call': 'seat-ana',
      'live chat': 'seat-ana',
      ended: undefined,
    });
  });

  it('reads its id, wait, topic, language and skipped experts from its state, settled as given', () => {
    const state = { ...STATES['queued call'], topic: 'bikes', skippedBy: new Set(['bo']) };
    const held = new Conversation(state, 'token');
    assert.deepEqual(
      [held.id, held.since, held.topic, held.lang, [...held.skippedBy], held.resumeToken],
      ['c1', 1_000, 'bikes', 'fr', ['bo'], 'token'],
    );
    assert.equal(held.settled, state);
    assert.equal(held.shopper, undefined);
  });
});

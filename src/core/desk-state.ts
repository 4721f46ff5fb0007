/**
 * The expert's desk as data, and its one transition function.
 *
 * signed-out → signing-in → ready(available|away)
 *
 * Once ready, the desk holds what the expert is doing: at most one ring, and the conversations
 * they hold (one call, or several chats), one of them in front. Going away only stops new
 * rings; the conversations held go on.
 *
 * Pure: the controller (expert-desk.ts) feeds hub messages and clicks in and runs the effects.
 */
import type {
  CallMode,
  ChatReason,
  ExpertProfile,
  ExpertStatus,
  Language,
  RingEndReason,
  ShopperContext,
  VerifiedCustomer,
} from '../protocol/index.js';
import type { HubFailure } from './hub-failure.js';

/** Who a conversation is with, as the ring showed it. */
export interface ConversationCard {
  conversationId: string;
  mode: CallMode;
  lang: Language;
  shopper: {
    /** The name the shopper typed, if any: unverified. */
    displayName?: string;
    /** Who the shop's server says the shopper is, verified by the hub. */
    customer?: VerifiedCustomer;
    context: ShopperContext;
  };
}

export interface Ring extends ConversationCard {
  /** Local time at which the hub gives the ring to someone else. */
  until: number;
}

export interface HeldConversation extends ConversationCard {
  /** In chat only, and why (chosen, or media lost or unavailable); absent with video or voice. */
  chatOnly?: ChatReason;
}

/** A shopper's rating of a conversation this expert had, as the hub passed it on. */
export interface ReceivedRating {
  conversationId: string;
  stars: number;
  comment?: string;
  /** The name the shopper typed: unverified. */
  displayName?: string;
  /** Who the shop's server says the shopper is, verified by the hub. */
  customer?: VerifiedCustomer;
}

/** The ratings a desk keeps on show, newest first. */
export const RATINGS_SHOWN = 20;

/**
 * Why the expert is signed out: on purpose, a hub that turns sign-in by name off, or a failure
 * that trying again did not mend (`unauthorized` alone means the session itself was refused).
 */
export type SignedOutReason = 'signed-out' | 'dev-login-disabled' | HubFailure;

export type DeskState =
  | { kind: 'signed-out'; reason?: SignedOutReason }
  | { kind: 'signing-in' }
  | {
      kind: 'ready';
      expert: ExpertProfile;
      status: ExpertStatus;
      ring?: Ring;
      /** The expert pressed accept; waiting for the hub. */
      accepting?: boolean;
      conversations: HeldConversation[];
      /** The conversation in front. */
      selected?: string;
      /** Why the last ring ended without a conversation, shown once. */
      missed?: RingEndReason;
      /** Ratings received since sign-in, newest first; absent before the first. */
      ratings?: ReceivedRating[];
    };

export type ReadyState = Extract<DeskState, { kind: 'ready' }>;

export type DeskEvent =
  | { type: 'sign-in' }
  /** `holding`: the conversations the hub still has this expert in (after a reconnect). */
  | { type: 'signed-in'; expert: ExpertProfile; status: ExpertStatus; holding: string[] }
  | { type: 'signed-out'; reason: SignedOutReason }
  | { type: 'presence'; status: ExpertStatus }
  | { type: 'ring'; ring: Ring }
  | { type: 'accept' }
  | { type: 'ring-ended'; conversationId: string; reason: RingEndReason }
  | { type: 'live'; conversationId: string }
  | { type: 'to-chat'; conversationId: string; reason: ChatReason }
  | { type: 'call-ended'; conversationId: string }
  | { type: 'select'; conversationId: string }
  | { type: 'rated'; rating: ReceivedRating };

export function deskReducer(state: DeskState, event: DeskEvent): DeskState {
  if (event.type === 'sign-in') {
    return state.kind === 'signed-out' ? { kind: 'signing-in' } : state;
  }
  if (event.type === 'signed-out') return { kind: 'signed-out', reason: event.reason };
  if (event.type === 'signed-in') {
    if (state.kind === 'signing-in') {
      return { kind: 'ready', expert: event.expert, status: event.status, conversations: [] };
    }
    if (state.kind !== 'ready') return state;
    // Signed in again after a reconnect: the hub says which conversations carry on, and
    // re-sends their ring and call; a ring that was pending went to someone else.
    const conversations = state.conversations.filter((c) =>
      event.holding.includes(c.conversationId),
    );
    return select(
      {
        kind: 'ready',
        expert: event.expert,
        status: event.status,
        conversations,
        ...(state.ratings ? { ratings: state.ratings } : {}),
      },
      state.selected,
    );
  }
  if (state.kind !== 'ready') return state;
  switch (event.type) {
    case 'presence':
      return event.status === state.status ? state : { ...state, status: event.status };
    case 'ring':
      // The same ring again: its room failed, it rings on as a written one, on the same clock.
      if (state.ring?.conversationId === event.ring.conversationId) {
        const { mode } = event.ring;
        return mode === state.ring.mode ? state : { ...state, ring: { ...state.ring, mode } };
      }
      // A ring for a conversation already held is the hub bringing its media back: no ring.
      return state.ring || held(state, event.ring.conversationId)
        ? state
        : withoutMissed({ ...state, ring: event.ring, accepting: false });
    case 'accept':
      return state.ring && !state.accepting ? { ...state, accepting: true } : state;
    case 'ring-ended': {
      if (state.ring?.conversationId !== event.conversationId) return state;
      const { ring, accepting, ...rest } = state;
      return {
        ...rest,
        status: event.reason === 'timeout' ? 'away' : state.status,
        missed: event.reason,
      };
    }
    case 'live': {
      const conversation = held(state, event.conversationId);
      if (conversation?.chatOnly) {
        // Video and voice are back.
        return replace(state, { ...withoutChatOnly(conversation) });
      }
      if (state.ring?.conversationId !== event.conversationId) return state;
      const { ring, accepting, ...rest } = state;
      const { until, ...card } = ring;
      return {
        ...rest,
        conversations: [...state.conversations, card],
        selected: card.conversationId,
      };
    }
    case 'to-chat': {
      const conversation = held(state, event.conversationId);
      return conversation && conversation.chatOnly !== event.reason
        ? replace(state, { ...conversation, chatOnly: event.reason })
        : state;
    }
    case 'call-ended': {
      if (state.ring?.conversationId === event.conversationId) {
        const { ring, accepting, ...rest } = state;
        return rest;
      }
      if (!held(state, event.conversationId)) return state;
      const conversations = state.conversations.filter(
        (c) => c.conversationId !== event.conversationId,
      );
      return select({ ...state, conversations }, state.selected);
    }
    case 'select':
      return held(state, event.conversationId) && state.selected !== event.conversationId
        ? { ...state, selected: event.conversationId }
        : state;
    case 'rated': {
      // The hub sends a conversation's rating once; a repeat (a resent frame) is shown once.
      const others = (state.ratings ?? []).filter(
        (r) => r.conversationId !== event.rating.conversationId,
      );
      return { ...state, ratings: [event.rating, ...others].slice(0, RATINGS_SHOWN) };
    }
  }
}

function held(state: ReadyState, conversationId: string): HeldConversation | undefined {
  return state.conversations.find((c) => c.conversationId === conversationId);
}

function replace(state: ReadyState, conversation: HeldConversation): ReadyState {
  return {
    ...state,
    conversations: state.conversations.map((c) =>
      c.conversationId === conversation.conversationId ? conversation : c,
    ),
  };
}

/** Keeps `preferred` in front if it is still held, else the first conversation, else none. */
function select(state: ReadyState, preferred: string | undefined): ReadyState {
  const { selected, ...rest } = state;
  const front =
    preferred && held(state, preferred) ? preferred : state.conversations[0]?.conversationId;
  return front ? { ...rest, selected: front } : rest;
}

function withoutChatOnly(conversation: HeldConversation): HeldConversation {
  const { chatOnly, ...rest } = conversation;
  return rest;
}

function withoutMissed(state: ReadyState): ReadyState {
  const { missed, ...rest } = state;
  return rest;
}

/** The conversation with video or voice, if the expert is in one. */
export function callOf(state: ReadyState): HeldConversation | undefined {
  return state.conversations.find((c) => !c.chatOnly);
}

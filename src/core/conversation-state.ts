/**
 * The shopper's side of a conversation as data, and its one transition function.
 *
 * idle → choosing → requesting → queued → connecting → in-call → ended (→ rated)
 *                               └→ closed (nobody can answer: a message, a callback, an appointment)
 *
 * Pure: no I/O, no timers. The controller (shopper-conversation.ts) feeds events in and runs the
 * effects; every state can be left by `end` and every waiting state has a timer in the controller.
 */
import {
  EndReason,
  type CallMode,
  type ChatReason,
  type ExpertProfile,
} from '../protocol/index.js';
import type { HubFailure } from './hub-failure.js';

/** Why the conversation ended, as the shopper is told. */
export type ConversationEndReason =
  | EndReason
  /** The hub could not be reached, failed, or refused the request or the resume. */
  | HubFailure
  /** Video calls cannot be made right now (the media server is down). */
  | 'media-unavailable'
  /** The hub did not answer a request in time. */
  | 'timeout'
  /** The shopper carried the conversation on on another device (a QR code, a link). */
  | 'moved'
  /** The link from another device had expired, was used, or its conversation had ended. */
  | 'link-expired';

/**
 * The rating of an ended conversation an expert had: `open` to give, `sending`, `sent` (the
 * hub stored it), `failed` (not stored; may be sent again while the hub connection holds).
 */
export interface RatingState {
  conversationId: string;
  expert: ExpertProfile;
  status: 'open' | 'sending' | 'sent' | 'failed';
}

export type ConversationState =
  | { kind: 'idle' }
  /** The first screen: what will be shared, video or voice. */
  | { kind: 'choosing' }
  | { kind: 'requesting'; mode: CallMode }
  | {
      kind: 'queued';
      mode: CallMode;
      conversationId: string;
      /** 1: next in line. */
      position: number;
      /** Estimated wait in seconds; absent when no expert answers this queue right now. */
      etaSeconds?: number;
      /** Waited the shop's longest wait: a message, a callback or an appointment is offered. */
      alternatives?: boolean;
    }
  /** The shop (or this topic) is closed: no conversation; leave a request instead. */
  | { kind: 'closed'; opensAt?: number }
  /** An expert is being rung; we are joining the room so that accept is instant. */
  | { kind: 'connecting'; mode: CallMode; conversationId: string }
  | { kind: 'in-call'; mode: CallMode; conversationId: string; expert: ExpertProfile }
  /** Video and voice gave way; the conversation goes on in chat with the same expert. */
  | {
      kind: 'chat';
      mode: CallMode;
      conversationId: string;
      expert: ExpertProfile;
      reason: ChatReason;
    }
  | {
      kind: 'ended';
      reason: ConversationEndReason;
      /** Only after a conversation an expert had, ended by one side (not lost, not refused). */
      rating?: RatingState;
    };

export type ConversationEvent =
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'choose'; mode: CallMode }
  /** Carry on with a conversation this browser had (after a page change). */
  | { type: 'resume'; mode: CallMode }
  | { type: 'queued'; conversationId: string; position: number; etaSeconds?: number }
  /** While waiting: write instead of waiting for video; the place in line is kept. */
  | { type: 'wait-for-chat' }
  | { type: 'closed'; opensAt?: number }
  /** Nobody answered within the shop's longest wait. */
  | { type: 'no-answer' }
  | { type: 'connecting'; conversationId: string }
  | { type: 'live'; conversationId: string; expert: ExpertProfile }
  | { type: 'to-chat'; conversationId: string; expert: ExpertProfile; reason: ChatReason }
  | { type: 'ended'; reason: ConversationEndReason }
  | { type: 'dismiss' }
  /** The shopper sends their rating, the hub stored it, or it could not be sent. */
  | { type: 'rate' }
  | { type: 'rated' }
  | { type: 'rate-failed' }
  /** The time to rate is over: the end screen stops asking (a rating on its way goes on). */
  | { type: 'rating-expired' };

export type ConversationStateKind = ConversationState['kind'];

export const initialConversationState: ConversationState = { kind: 'idle' };

/** True while there is a conversation the hub knows about (or is being asked for). */
export function isActive(state: ConversationState): boolean {
  return (
    state.kind === 'requesting' ||
    state.kind === 'queued' ||
    state.kind === 'connecting' ||
    state.kind === 'in-call' ||
    state.kind === 'chat'
  );
}

export function conversationReducer(
  state: ConversationState,
  event: ConversationEvent,
): ConversationState {
  switch (event.type) {
    case 'open':
      // Closed stays closed: a shopper who put the panel away finds the alternatives again.
      return state.kind === 'idle' || state.kind === 'ended' ? { kind: 'choosing' } : state;
    case 'back':
      return state.kind === 'choosing' ? { kind: 'idle' } : state;
    case 'choose':
      return state.kind === 'choosing' ? { kind: 'requesting', mode: event.mode } : state;
    case 'resume':
      return state.kind === 'idle' ? { kind: 'requesting', mode: event.mode } : state;
    case 'queued':
      // From connecting too: a ring that was declined or timed out puts the shopper back.
      return state.kind === 'requesting' || state.kind === 'queued' || state.kind === 'connecting'
        ? {
            kind: 'queued',
            mode: state.mode,
            conversationId: event.conversationId,
            position: event.position,
            ...(event.etaSeconds === undefined ? {} : { etaSeconds: event.etaSeconds }),
            ...(state.kind === 'queued' && state.alternatives ? { alternatives: true } : {}),
          }
        : state;
    case 'closed':
      return state.kind === 'requesting'
        ? { kind: 'closed', ...(event.opensAt === undefined ? {} : { opensAt: event.opensAt }) }
        : state;
    case 'no-answer':
      return state.kind === 'queued' && !state.alternatives
        ? { ...state, alternatives: true }
        : state;
    case 'wait-for-chat':
      return state.kind === 'queued' && state.mode !== 'chat' ? { ...state, mode: 'chat' } : state;
    case 'connecting':
      return state.kind === 'requesting' || state.kind === 'queued'
        ? { kind: 'connecting', mode: state.mode, conversationId: event.conversationId }
        : state;
    case 'live':
      // From chat too: video and voice brought back.
      return (state.kind === 'connecting' || state.kind === 'chat') &&
        state.conversationId === event.conversationId
        ? {
            kind: 'in-call',
            mode: state.mode,
            conversationId: event.conversationId,
            expert: event.expert,
          }
        : state;
    case 'to-chat':
      // From requesting too: resuming (on another page) a conversation already in chat; from
      // chat: a new reason (video could not come back).
      return state.kind === 'in-call' ||
        state.kind === 'requesting' ||
        state.kind === 'connecting' ||
        (state.kind === 'chat' && state.reason !== event.reason)
        ? {
            kind: 'chat',
            mode: state.mode,
            conversationId: event.conversationId,
            expert: event.expert,
            reason: event.reason,
          }
        : state;
    case 'ended':
      if (!isActive(state)) return state;
      return (state.kind === 'in-call' || state.kind === 'chat') && endedByASide(event.reason)
        ? {
            kind: 'ended',
            reason: event.reason,
            rating: { conversationId: state.conversationId, expert: state.expert, status: 'open' },
          }
        : { kind: 'ended', reason: event.reason };
    case 'rate':
      return rating(state, ['open', 'failed'], 'sending');
    case 'rated':
      return rating(state, ['sending'], 'sent');
    case 'rate-failed':
      return rating(state, ['sending'], 'failed');
    case 'rating-expired': {
      if (state.kind !== 'ended' || !state.rating) return state;
      if (state.rating.status === 'sending' || state.rating.status === 'sent') return state;
      return { kind: 'ended', reason: state.reason };
    }
    case 'dismiss':
      return state.kind === 'ended' || state.kind === 'choosing' || state.kind === 'closed'
        ? { kind: 'idle' }
        : state;
  }
}

/** An end one side chose or the hub decided: the hub connection still holds, to rate on. */
function endedByASide(reason: ConversationEndReason): boolean {
  return (EndReason.options as readonly string[]).includes(reason);
}

/** The ended state with its rating moved from one of `from` to `to`; else `state` as it is. */
function rating(
  state: ConversationState,
  from: ReadonlyArray<RatingState['status']>,
  to: RatingState['status'],
): ConversationState {
  if (state.kind !== 'ended' || !state.rating || !from.includes(state.rating.status)) return state;
  return { ...state, rating: { ...state.rating, status: to } };
}

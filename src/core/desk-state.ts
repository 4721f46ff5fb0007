/**
 * The expert's desk as data, and its one transition function.
 *
 * signed-out → signing-in → ready(available|away) → ringing → in-call → ready
 *
 * Pure: the controller (expert-desk.ts) feeds hub messages and clicks in and runs the effects.
 */
import type {
  CallMode,
  ChatReason,
  ExpertProfile,
  Language,
  RingEndReason,
  ShopperContext,
} from '../protocol/index.js';

export interface Ring {
  conversationId: string;
  mode: CallMode;
  lang: Language;
  shopper: { displayName?: string; context: ShopperContext };
  /** Local time at which the hub gives the ring to someone else. */
  until: number;
}

/** Why the desk is signed out. */
export type SignedOutReason = 'signed-out' | 'rejected' | 'hub-unreachable' | 'dev-login-disabled';

export type DeskState =
  | { kind: 'signed-out'; reason?: SignedOutReason }
  | { kind: 'signing-in' }
  | {
      kind: 'ready';
      expert: ExpertProfile;
      status: 'available' | 'away';
      /** Why the last ring ended without a call, shown once. */
      missed?: RingEndReason;
    }
  | { kind: 'ringing'; expert: ExpertProfile; ring: Ring; accepting: boolean }
  | {
      kind: 'in-call';
      expert: ExpertProfile;
      ring: Ring;
      /** In chat only, and why (chosen by the shopper, or media lost or unavailable). */
      chatOnly?: ChatReason;
    };

export type DeskEvent =
  | { type: 'sign-in' }
  | { type: 'signed-in'; expert: ExpertProfile; status: 'available' | 'away' | 'busy' }
  | { type: 'signed-out'; reason: SignedOutReason }
  | { type: 'presence'; status: 'available' | 'away' | 'busy' }
  | { type: 'ring'; ring: Ring }
  | { type: 'accept' }
  | { type: 'ring-ended'; conversationId: string; reason: RingEndReason }
  | { type: 'live'; conversationId: string }
  | { type: 'to-chat'; conversationId: string; reason: ChatReason }
  | { type: 'call-ended'; conversationId: string };

export function deskReducer(state: DeskState, event: DeskEvent): DeskState {
  switch (event.type) {
    case 'sign-in':
      return state.kind === 'signed-out' ? { kind: 'signing-in' } : state;
    case 'signed-in':
      // From `ready` too: signing in again after a reconnect (a ring or call carries on as is).
      return state.kind === 'signing-in' || state.kind === 'ready'
        ? {
            kind: 'ready',
            expert: event.expert,
            status: event.status === 'available' ? 'available' : 'away',
          }
        : state;
    case 'signed-out':
      return { kind: 'signed-out', reason: event.reason };
    case 'presence':
      // `busy` is the hub's echo of a ring or call, which the ring/live events already show.
      return state.kind === 'ready' && event.status !== 'busy'
        ? { kind: 'ready', expert: state.expert, status: event.status }
        : state;
    case 'ring':
      return state.kind === 'ready'
        ? { kind: 'ringing', expert: state.expert, ring: event.ring, accepting: false }
        : state;
    case 'accept':
      return state.kind === 'ringing' ? { ...state, accepting: true } : state;
    case 'ring-ended':
      return state.kind === 'ringing' && state.ring.conversationId === event.conversationId
        ? {
            kind: 'ready',
            expert: state.expert,
            status: event.reason === 'timeout' ? 'away' : 'available',
            missed: event.reason,
          }
        : state;
    case 'live':
      if (
        state.kind === 'in-call' &&
        state.chatOnly &&
        state.ring.conversationId === event.conversationId
      ) {
        return { kind: 'in-call', expert: state.expert, ring: state.ring }; // video and voice back
      }
      return state.kind === 'ringing' && state.ring.conversationId === event.conversationId
        ? { kind: 'in-call', expert: state.expert, ring: state.ring }
        : state;
    case 'to-chat':
      return state.kind === 'in-call' && state.ring.conversationId === event.conversationId
        ? { ...state, chatOnly: event.reason }
        : state;
    case 'call-ended':
      return (state.kind === 'in-call' || state.kind === 'ringing') &&
        state.ring.conversationId === event.conversationId
        ? { kind: 'ready', expert: state.expert, status: 'available' }
        : state;
  }
}

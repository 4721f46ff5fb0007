/**
 * The life of one conversation on the hub, as data: `step(state, event)` gives the next state
 * and the effects to carry out, in order. No I/O, no clock, no timers here: the hub runs the
 * effects (hub.ts) and owns the live handles (sockets, timers, rooms) in its registry.
 *
 *   queued ──ring──▶ ringing ──accept──▶ live (call or chat) ⇄ chat / call
 *     ▲                 │                     │
 *     └── declined, timeout, expert gone ─────┘ (a ring only)
 *   any ──end──▶ ended
 *
 * Effects are ordered so that storage decides before anyone is told: a `store` comes before
 * the frames that announce what it stored. An event that does not apply to the state (a late
 * timer, a second hang-up) changes nothing and does nothing.
 */
import type {
  CallMode,
  ChatReason,
  EndReason,
  ExpertProfile,
  Language,
  MediaGrant,
  ServerMessage,
  ShopperContext,
  SystemEvent,
  VerifiedCustomer,
} from '../../protocol/index.js';

/** The expert side of a conversation: which seat (one console's sign-in) and who. */
export interface ExpertRef {
  readonly seat: string;
  readonly profile: ExpertProfile;
}

export type Phase =
  | { readonly kind: 'queued' }
  | { readonly kind: 'ringing'; readonly expert: ExpertRef; readonly room: string | undefined }
  | {
      readonly kind: 'live';
      readonly expert: ExpertRef;
      readonly room: string | undefined;
      /** When the expert accepted: the handling time that feeds wait estimates starts here. */
      readonly since: number;
    }
  | { readonly kind: 'ended'; readonly reason: EndReason };

export interface ConversationState {
  readonly id: string;
  /** When the shopper first asked; kept through failed rings so they keep their place. */
  readonly since: number;
  readonly mode: CallMode;
  readonly lang: Language;
  readonly topic: string | undefined;
  /** The name the shopper typed, if any: unverified. */
  readonly displayName: string | undefined;
  /** Who the shop's server says the shopper is, verified by the hub; absent: unidentified. */
  readonly customer?: VerifiedCustomer | undefined;
  readonly context: ShopperContext;
  /** Set when the conversation is in chat only (no media), with why; unset for a call. */
  readonly chat: ChatReason | undefined;
  /** Experts (by id) who declined or let this shopper's ring time out: not rung again. */
  readonly skippedBy: ReadonlySet<string>;
  readonly phase: Phase;
}

/** A room opened for the conversation, with a token for each side. */
export interface OpenedMedia {
  readonly room: string;
  readonly expert: MediaGrant;
  readonly shopper: MediaGrant;
}

export type LifecycleEvent =
  /** The dispatcher put the shopper through to this expert; `media` absent: a written one. */
  | { readonly type: 'ring'; readonly expert: ExpertRef; readonly media?: OpenedMedia }
  | { readonly type: 'accept' }
  | { readonly type: 'decline' }
  | { readonly type: 'ring-timeout' }
  /** The ringing console lost its connection: not the shopper's fault, nor a refusal. */
  | { readonly type: 'expert-gone' }
  /** A waiting shopper would rather write: they keep their place. */
  | { readonly type: 'wait-for-chat' }
  | { readonly type: 'to-chat'; readonly reason: 'media-lost' | 'chosen' }
  /**
   * This room could not be made, or a side could not join it: rung in it, the ring goes on as a
   * written one; live in it, the call gives way to chat. A room no longer current is nothing.
   */
  | { readonly type: 'room-failed'; readonly room: string }
  /** Video and voice back, in this fresh room. */
  | { readonly type: 'to-call'; readonly media: OpenedMedia }
  /** Video and voice were asked back and cannot be: the conversation stays in chat. */
  | { readonly type: 'to-call-refused'; readonly why: 'media-unavailable' | 'expert-in-other-call' }
  | { readonly type: 'end'; readonly reason: EndReason };

/** What the stored conversation becomes (storage/conversation-store.ts). */
export interface StoredPatch {
  readonly state?: string;
  readonly expert?: ExpertProfile | null;
  readonly room?: string | null;
  readonly endReason?: EndReason;
}

/** Who a frame goes to: the shopper, or the expert on this seat; either may be away. */
export type Recipient = 'shopper' | { readonly seat: string };

export type Effect =
  | { readonly kind: 'store'; readonly patch: StoredPatch }
  | { readonly kind: 'send'; readonly to: Recipient; readonly frame: ServerMessage }
  /** A system line: stored in the transcript, then shown to both sides. */
  | { readonly kind: 'say'; readonly line: SystemEvent; readonly authorName?: string }
  /** A system line kept in the transcript only: nobody is there to be shown it. */
  | { readonly kind: 'record'; readonly line: SystemEvent }
  | { readonly kind: 'arm-ring-timer'; readonly ms: number }
  | { readonly kind: 'disarm-ring-timer' }
  | { readonly kind: 'close-room'; readonly room: string }
  /** The conversation was handled for `ms`: the queue's wait estimates learn from it. */
  | { readonly kind: 'handled'; readonly ms: number }
  /** An expert who lets a ring time out is probably not at their desk. */
  | { readonly kind: 'set-away'; readonly seat: string }
  | { readonly kind: 'log'; readonly event: string; readonly fields?: Record<string, unknown> };

export interface Step {
  readonly state: ConversationState;
  readonly effects: readonly Effect[];
}

export interface StepContext {
  readonly now: number;
  readonly ringTimeoutMs: number;
}

/** The next state of the conversation after `event`, and what to do about it. */
export function step(state: ConversationState, event: LifecycleEvent, at: StepContext): Step {
  const phase = state.phase;
  switch (event.type) {
    case 'ring':
      return phase.kind === 'queued' ? ring(state, event, at) : unchanged(state);
    case 'accept':
      return phase.kind === 'ringing' ? accept(state, phase, at) : unchanged(state);
    case 'decline':
      return phase.kind === 'ringing' ? backToQueue(state, phase, 'declined') : unchanged(state);
    case 'ring-timeout':
      return phase.kind === 'ringing' ? backToQueue(state, phase, 'timeout') : unchanged(state);
    case 'expert-gone':
      return phase.kind === 'ringing' ? backToQueue(state, phase, 'gone') : unchanged(state);
    case 'wait-for-chat':
      return phase.kind === 'queued' && !state.chat
        ? {
            state: { ...state, chat: 'chosen' },
            effects: [{ kind: 'store', patch: { state: 'chat-chosen' } }],
          }
        : unchanged(state);
    case 'to-chat':
      return phase.kind === 'live' && !state.chat
        ? toChat(state, phase, event.reason)
        : unchanged(state);
    case 'room-failed':
      if (phase.kind === 'ringing' && phase.room === event.room)
        return ringInWriting(state, phase, at);
      return phase.kind === 'live' && phase.room === event.room && !state.chat
        ? toChat(state, phase, 'media-lost')
        : unchanged(state);
    case 'to-call':
      return phase.kind === 'live' && state.chat
        ? toCall(state, phase, event.media, at)
        : unchanged(state);
    case 'to-call-refused':
      return phase.kind === 'live' && state.chat
        ? callRefused(state, phase, event.why)
        : unchanged(state);
    case 'end':
      return phase.kind === 'ended' ? unchanged(state) : end(state, event.reason, at);
  }
}

function unchanged(state: ConversationState): Step {
  return { state, effects: [] };
}

function ring(
  state: ConversationState,
  event: Extract<LifecycleEvent, { type: 'ring' }>,
  at: StepContext,
): Step {
  const { expert, media } = event;
  // A call rung without a room (the media server failed before): a written conversation.
  const chat = state.chat ?? (media || state.mode === 'chat' ? undefined : 'media-unavailable');
  const next: ConversationState = {
    ...state,
    chat,
    phase: { kind: 'ringing', expert, room: media?.room },
  };
  return {
    state: next,
    effects: [
      { kind: 'arm-ring-timer', ms: at.ringTimeoutMs },
      { kind: 'send', to: expert, frame: ringFrame(next, media?.expert, at.ringTimeoutMs) },
      {
        kind: 'send',
        to: 'shopper',
        frame: {
          type: 'shopper.connecting',
          conversationId: state.id,
          ...(media ? { media: media.shopper } : {}),
        },
      },
      log('conversation.ringing', state, { expert: expert.profile.id }),
    ],
  };
}

/**
 * The ring's room failed before anyone answered: the expert is still rung, for a written
 * conversation, and both sides leave the room. The console keeps its countdown.
 */
function ringInWriting(
  state: ConversationState,
  phase: Extract<Phase, { kind: 'ringing' }>,
  at: StepContext,
): Step {
  const next: ConversationState = {
    ...state,
    chat: state.chat ?? 'media-unavailable',
    phase: { ...phase, room: undefined },
  };
  return {
    state: next,
    effects: [
      ...(phase.room ? [{ kind: 'close-room', room: phase.room } as const] : []),
      { kind: 'send', to: phase.expert, frame: ringFrame(next, undefined, at.ringTimeoutMs) },
      {
        kind: 'send',
        to: 'shopper',
        frame: { type: 'shopper.connecting', conversationId: state.id },
      },
      log('conversation.room-failed', state, { room: phase.room }),
    ],
  };
}

function accept(
  state: ConversationState,
  phase: Extract<Phase, { kind: 'ringing' }>,
  at: StepContext,
): Step {
  const { expert, room } = phase;
  const next: ConversationState = {
    ...state,
    phase: { kind: 'live', expert, room, since: at.now },
  };
  return {
    state: next,
    effects: [
      { kind: 'disarm-ring-timer' },
      {
        kind: 'store',
        patch: { state: storedState(next), expert: expert.profile, room: room ?? null },
      },
      ...both(expert, liveFrame(state, expert)),
      ...(state.chat ? both(expert, chatOnlyFrame(state, expert)) : []),
      log('conversation.live', state, { expert: expert.profile.id }),
      { kind: 'say', line: 'expert-joined', authorName: expert.profile.name },
      ...(state.chat === 'media-unavailable'
        ? [{ kind: 'say', line: 'media-unavailable' } as const]
        : []),
    ],
  };
}

/** A ring that was not accepted: the shopper goes back to their place. */
function backToQueue(
  state: ConversationState,
  phase: Extract<Phase, { kind: 'ringing' }>,
  why: 'declined' | 'timeout' | 'gone',
): Step {
  const { expert, room } = phase;
  const skippedBy =
    why === 'gone' ? state.skippedBy : new Set([...state.skippedBy, expert.profile.id]);
  return {
    state: { ...state, skippedBy, phase: { kind: 'queued' } },
    effects: [
      { kind: 'disarm-ring-timer' },
      ...(why === 'gone'
        ? []
        : [
            {
              kind: 'send',
              to: expert,
              frame: { type: 'expert.ring-ended', conversationId: state.id, reason: why },
            } as const,
          ]),
      ...(room ? [{ kind: 'close-room', room } as const] : []),
      ...(why === 'timeout' ? [{ kind: 'set-away', seat: expert.seat } as const] : []),
      log('conversation.ring-ended', state, { reason: why === 'gone' ? 'expert-gone' : why }),
    ],
  };
}

/** Video and voice give way: the conversation goes on in chat, both sides told why. */
function toChat(
  state: ConversationState,
  phase: Extract<Phase, { kind: 'live' }>,
  reason: 'media-lost' | 'chosen',
): Step {
  const next: ConversationState = { ...state, chat: reason, phase: { ...phase, room: undefined } };
  return {
    state: next,
    effects: [
      ...(phase.room ? [{ kind: 'close-room', room: phase.room } as const] : []),
      { kind: 'store', patch: { state: storedState(next), room: null } },
      ...both(phase.expert, chatOnlyFrame(next, phase.expert)),
      log('conversation.chat', state, { reason }),
      { kind: 'say', line: reason === 'chosen' ? 'switched-to-chat' : 'media-lost' },
    ],
  };
}

/** Video and voice come back in a fresh room: each side joins and publishes as on accept. */
function toCall(
  state: ConversationState,
  phase: Extract<Phase, { kind: 'live' }>,
  media: OpenedMedia,
  at: StepContext,
): Step {
  const { expert } = phase;
  const next: ConversationState = {
    ...state,
    chat: undefined,
    phase: { ...phase, room: media.room },
  };
  return {
    state: next,
    effects: [
      { kind: 'store', patch: { state: 'live', room: media.room } },
      { kind: 'send', to: expert, frame: ringFrame(next, media.expert, at.ringTimeoutMs) },
      {
        kind: 'send',
        to: 'shopper',
        frame: { type: 'shopper.connecting', conversationId: state.id, media: media.shopper },
      },
      ...both(expert, liveFrame(state, expert)),
      log('conversation.call', state),
      { kind: 'say', line: 'switched-to-call' },
    ],
  };
}

function callRefused(
  state: ConversationState,
  phase: Extract<Phase, { kind: 'live' }>,
  why: 'media-unavailable' | 'expert-in-other-call',
): Step {
  if (why === 'expert-in-other-call') {
    return { state, effects: [{ kind: 'say', line: 'expert-in-other-call' }] };
  }
  const next: ConversationState = { ...state, chat: 'media-unavailable' };
  return {
    state: next,
    effects: [
      { kind: 'store', patch: { state: storedState(next) } },
      ...both(phase.expert, chatOnlyFrame(next, phase.expert)),
      log('media.unavailable', state),
      { kind: 'say', line: 'media-unavailable' },
    ],
  };
}

function end(state: ConversationState, reason: EndReason, at: StepContext): Step {
  const phase = state.phase;
  const room = phase.kind === 'ringing' || phase.kind === 'live' ? phase.room : undefined;
  const ended: Effect = {
    kind: 'send',
    to: 'shopper',
    frame: { type: 'call.ended', conversationId: state.id, reason },
  };
  return {
    state: { ...state, phase: { kind: 'ended', reason } },
    effects: [
      ...(phase.kind === 'ringing'
        ? [
            { kind: 'disarm-ring-timer' } as const,
            {
              kind: 'send',
              to: phase.expert,
              frame: {
                type: 'expert.ring-ended',
                conversationId: state.id,
                reason: 'shopper-cancelled',
              },
            } as const,
          ]
        : []),
      ...(room ? [{ kind: 'close-room', room } as const] : []),
      ...(phase.kind === 'live'
        ? [
            { kind: 'record', line: 'call-ended' } as const,
            { kind: 'handled', ms: at.now - phase.since } as const,
          ]
        : []),
      { kind: 'store', patch: { state: 'ended', endReason: reason } },
      ended,
      ...(phase.kind === 'live' ? [{ ...ended, to: phase.expert }] : []),
      log('conversation.ended', state, { reason }),
    ],
  };
}

/** How a live conversation is stored: `live` for a call, `chat-<reason>` for a written one. */
export function storedState(state: ConversationState): string {
  return state.chat ? `chat-${state.chat}` : 'live';
}

function both(expert: ExpertRef, frame: ServerMessage): Effect[] {
  return [
    { kind: 'send', to: 'shopper', frame },
    { kind: 'send', to: expert, frame },
  ];
}

function log(
  event: string,
  state: ConversationState,
  fields: Record<string, unknown> = {},
): Effect {
  return { kind: 'log', event, fields: { conversation: state.id, ...fields } };
}

/** The ring a console shows: who, from where, and the room to join (none in chat only). */
export function ringFrame(
  state: ConversationState,
  media: MediaGrant | undefined,
  ringTimeoutMs: number,
): ServerMessage {
  return {
    type: 'expert.ring',
    conversationId: state.id,
    // Rung without a room (chosen while waiting, or no media server): a chat, said as such.
    mode: state.chat ? 'chat' : state.mode,
    lang: state.lang,
    shopper: {
      ...(state.displayName ? { displayName: state.displayName } : {}),
      ...(state.customer ? { customer: state.customer } : {}),
      context: state.context,
    },
    ...(media ? { media } : {}),
    ringTimeoutMs,
  };
}

export function chatOnlyFrame(state: ConversationState, expert: ExpertRef): ServerMessage {
  return {
    type: 'conversation.chat',
    conversationId: state.id,
    reason: state.chat ?? 'media-lost',
    expert: expert.profile,
  };
}

export function liveFrame(state: ConversationState, expert: ExpertRef): ServerMessage {
  return { type: 'call.live', conversationId: state.id, mode: state.mode, expert: expert.profile };
}

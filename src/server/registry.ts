/**
 * What the hub holds beside each conversation's data: the live handles. A conversation's
 * state is plain data (lifecycle/lifecycle.ts), replaced at each step; the sockets and timers
 * that go with it, and the expert seats, are here.
 */
import type { ExpertProfile, ExpertStatus, ServerMessage } from '../protocol/index.js';
import type { ConversationState } from './lifecycle/lifecycle.js';

/** One browser connection, as the transport gives it to the hub. */
export interface Peer {
  send(message: ServerMessage): void;
}

/** One conversation: its state and its live handles. */
export class Conversation {
  /** The shopper's connection; undefined while they are away (reconnecting, changing page). */
  shopper: Peer | undefined;
  ringTimer?: ReturnType<typeof setTimeout>;
  /** Ends the conversation if the shopper does not come back in time. */
  shopperGrace?: ReturnType<typeof setTimeout>;
  /** Offers a message, a callback or an appointment after the shop's longest wait. */
  offerTimer?: ReturnType<typeof setTimeout>;
  /** The queue position and wait this shopper was last told, so unchanged ones are not resent. */
  told?: string;
  /** The effects of its steps, run one after the other. */
  effects: Promise<void> = Promise.resolve();
  /**
   * The state whose effects have all run (both sides told): what the conversation gives back
   * (an expert's call capacity, a ring) is given back only once it is this one's.
   */
  settled: ConversationState;

  constructor(
    public state: ConversationState,
    /** The secret the shopper's browser resumes with; empty for a conversation recovered. */
    readonly resumeToken: string,
    shopper?: Peer,
  ) {
    this.shopper = shopper;
    this.settled = state;
  }

  get id(): string {
    return this.state.id;
  }
  get since(): number {
    return this.state.since;
  }
  get topic(): string | undefined {
    return this.state.topic;
  }
  get lang(): string {
    return this.state.lang;
  }
  get skippedBy(): ReadonlySet<string> {
    return this.state.skippedBy;
  }
  /** The seat of the expert it is rung for or held by, if any. */
  get seat(): string | undefined {
    const phase = this.state.phase;
    return phase.kind === 'ringing' || phase.kind === 'live' ? phase.expert.seat : undefined;
  }
}

/** One expert's sign-in: what they answer, their presence, and the conversations they hold. */
export interface Seat {
  readonly seat: string;
  readonly expertId: string;
  readonly profile: ExpertProfile;
  /** The console's connection; undefined while it is reconnecting. */
  peer: Peer | undefined;
  /** What the expert chose. Away: not rung; the conversations they hold go on. */
  presence: ExpertStatus;
  /** Topics this expert answers; empty: every topic. */
  readonly topics: ReadonlySet<string>;
  readonly languages: ReadonlySet<string>;
  /** Every conversation the expert holds, ringing ones included. */
  readonly conversations: Set<Conversation>;
  /** Conversations the expert holds now. */
  load: number;
  /** Since when the expert has had nothing new; the longest idle is rung first. */
  idleSince: number;
  grace?: ReturnType<typeof setTimeout>;
}

/**
 * The shopper's side of "nobody can answer now": a message, a callback request, or a video
 * appointment in a free slot. One request at a time over a hub connection of its own (the
 * conversation may have none: a closed shop opens no conversation).
 *
 * Every answer is typed: the stored request to confirm, or the problem and the field at fault,
 * which the form shows beside that field with everything typed kept.
 */
import type {
  ClientMessage,
  Language,
  OfflineKind,
  OfflineProblem,
  ServerMessageOf,
  ShopperContext,
  Slot,
} from '../protocol/index.js';
import { fitContext } from '../protocol/index.js';
import { HubClient } from './hub-client.js';

/** How long the hub may take to answer before the form says it could not be sent. */
const ANSWER_TIMEOUT_MS = 10_000;

export type OfflineOutcome =
  | { ok: true; confirmed: ServerMessageOf<'offline.confirmed'> }
  | { ok: false; problem: OfflineProblem | 'unreachable'; field?: string };

export interface OfflineAbout {
  topic: string | undefined;
  lang: Language;
  context: ShopperContext;
}

type Answer = 'offline.slots' | 'offline.confirmed' | 'offline.rejected';

export class OfflineRequests {
  private hub: HubClient | undefined;

  constructor(
    private readonly hubUrl: string,
    /** How long the hub may take to answer before the form says it could not be sent; 10 s. */
    private readonly answerTimeoutMs = ANSWER_TIMEOUT_MS,
  ) {}

  /** Free appointment slots for the topic, soonest first; empty when the hub cannot say. */
  async slots(topic: string | undefined): Promise<Slot[]> {
    let hub: HubClient;
    try {
      hub = await this.connect();
    } catch {
      return [];
    }
    const answer = this.answer(hub, ['offline.slots']);
    hub.send({ type: 'offline.slots', ...(topic ? { topic } : {}) });
    return (await answer)?.slots ?? [];
  }

  leaveMessage(
    about: OfflineAbout,
    input: { name?: string; contact: string; text: string },
  ): Promise<OfflineOutcome> {
    return this.submit('message', {
      type: 'offline.message',
      ...common(about, input.name),
      contact: input.contact,
      text: input.text,
    });
  }

  requestCallback(
    about: OfflineAbout,
    input: { name?: string; phone: string; from: number; to: number; text?: string },
  ): Promise<OfflineOutcome> {
    return this.submit('callback', {
      type: 'offline.callback',
      ...common(about, input.name),
      phone: input.phone,
      from: input.from,
      to: input.to,
      ...(input.text ? { text: input.text } : {}),
    });
  }

  book(
    about: OfflineAbout,
    input: { name?: string; contact: string; start: number; text?: string },
  ): Promise<OfflineOutcome> {
    return this.submit('appointment', {
      type: 'offline.book',
      ...common(about, input.name),
      contact: input.contact,
      start: input.start,
      ...(input.text ? { text: input.text } : {}),
    });
  }

  dispose(): void {
    this.hub?.close();
    this.hub = undefined;
  }

  private async submit(kind: OfflineKind, message: ClientMessage): Promise<OfflineOutcome> {
    let hub: HubClient;
    try {
      hub = await this.connect();
    } catch {
      return { ok: false, problem: 'unreachable' };
    }
    const answered = this.answer(hub, ['offline.confirmed', 'offline.rejected']);
    hub.send(message);
    const answer = await answered;
    if (answer?.type === 'offline.confirmed') return { ok: true, confirmed: answer };
    if (answer === undefined || answer.kind !== kind) return { ok: false, problem: 'unreachable' };
    return {
      ok: false,
      problem: answer.problem,
      ...(answer.field ? { field: answer.field } : {}),
    };
  }

  private async connect(): Promise<HubClient> {
    if (this.hub?.connected) return this.hub;
    this.hub?.close();
    const hub = new HubClient(this.hubUrl);
    this.hub = hub;
    await hub.connect();
    return hub;
  }

  /** The next frame of one of `types`; undefined when the hub is silent or the connection goes. */
  private answer<T extends Answer>(
    hub: HubClient,
    types: readonly T[],
  ): Promise<ServerMessageOf<T> | undefined> {
    return new Promise((resolve) => {
      const offs: Array<() => void> = [];
      const done = (answer: ServerMessageOf<T> | undefined) => {
        clearTimeout(timer);
        for (const off of offs) off();
        resolve(answer);
      };
      const timer = setTimeout(() => done(undefined), this.answerTimeoutMs);
      for (const type of types) {
        offs.push(hub.on(type, (message) => done(message as ServerMessageOf<T>)));
      }
      offs.push(hub.on('lost', () => done(undefined)));
    });
  }
}

function common(about: OfflineAbout, name: string | undefined) {
  return {
    lang: about.lang,
    context: fitContext(about.context),
    ...(about.topic ? { topic: about.topic } : {}),
    ...(name?.trim() ? { name: name.trim() } : {}),
  };
}

/**
 * What the launcher shows before any click, from the roster of experts on duty: plain data, so
 * the hub that runs the conversations can hand it to the others, which answer the launchers
 * that reach them with the same words.
 */
import type { Availability, Readiness, ShopWords } from '../../protocol/index.js';
import type { Opening } from '../offline/offline-desk.js';
import { answers } from './dispatcher.js';

/** One expert signed in, connected and available, as the launchers need to know them. */
export interface OnDuty {
  readonly topics: readonly string[];
  readonly languages: readonly string[];
  /** Can be rung now for a chat (room for one more, not ringing, not in a call). */
  readonly ring: boolean;
  /** Can be rung now for a call (holds nothing). */
  readonly free: boolean;
}

/** Whether a call or a chat could start now on `topic` in `lang`, and the shop's words. */
export function availabilityOf(
  roster: readonly OnDuty[],
  asked: { topic: string | undefined; lang: string | undefined },
  opening: Opening,
  texts: ShopWords,
): Availability {
  const onDuty = roster.filter((expert) =>
    answers({ topics: new Set(expert.topics), languages: new Set(expert.languages) }, asked),
  );
  const state = (can: (expert: OnDuty) => boolean): Readiness =>
    !opening.open || onDuty.length === 0 ? 'none' : onDuty.some(can) ? 'free' : 'busy';
  return {
    ...opening,
    call: state((expert) => expert.free),
    chat: state((expert) => expert.ring),
    texts,
  };
}

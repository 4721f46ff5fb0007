/**
 * `expert-call/console`: the expert's `<expert-console>` element. Importing this module defines it.
 */
import type { DeskState } from '../core/desk-state.js';

export { ExpertConsole } from './expert-console.js';
export type { DeskState, Ring } from '../core/desk-state.js';

/** `detail` of `ec-desk-state`. */
export interface DeskStateChange {
  state: DeskState;
  previous: DeskState;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The expert's desk changed state (signed in, available, ringing, in a call, …). */
    'ec-desk-state': CustomEvent<DeskStateChange>;
  }
}

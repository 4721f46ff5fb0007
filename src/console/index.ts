/**
 * `expert-call/console`: the expert's `<expert-console>` element. Importing this module defines it.
 */
export { ExpertConsole } from './expert-console.js';
export type { DeskState, Ring } from '../core/desk-state.js';

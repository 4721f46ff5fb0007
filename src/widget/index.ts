/**
 * `expert-call`: the shopper's `<expert-call>` element. Importing this module defines it.
 */
import { ExpertCall } from './expert-call.js';

export { ExpertCall } from './expert-call.js';
export type { ConversationState, ShopperContext, StateChange } from './expert-call.js';

if (!customElements.get('expert-call')) customElements.define('expert-call', ExpertCall);

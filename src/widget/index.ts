/**
 * `expert-call`: the shopper's `<expert-call>` element. Importing this module defines it in a
 * browser; on a server (SSR) it defines nothing and throws nothing.
 */
import { defineElement } from '../core/custom-element.js';
import { ExpertCall } from './expert-call.js';

export { ExpertCall } from './expert-call.js';
export type {
  ConversationState,
  ExpertCallErrorDetail,
  ExpertCallErrorReason,
  ShopperContext,
  StateChange,
} from './expert-call.js';

defineElement('expert-call', ExpertCall);

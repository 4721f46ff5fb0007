/**
 * `expert-call`: the shopper's `<expert-call>` element. Importing this module defines it in a
 * browser; on a server (SSR) it defines nothing and throws nothing.
 */
import { defineElement, hasDom } from '../core/custom-element.js';
import { installCommandQueue, readScriptConfig } from './command-queue.js';
import { ExpertCall } from './expert-call.js';

export { ExpertCall } from './expert-call.js';
export type {
  ConversationState,
  ExpertCallErrorDetail,
  ExpertCallErrorReason,
  ProductCard,
  ProductEventDetail,
  ShopperContext,
  StateChange,
} from './expert-call.js';
export type { ExpertCallCommand, ExpertCallEvents } from './command-queue.js';

// The script tag's data-* first: elements already in the page take them when they upgrade.
if (hasDom) readScriptConfig(import.meta.url);
defineElement('expert-call', ExpertCall);
if (hasDom) installCommandQueue();

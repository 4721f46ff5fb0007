/**
 * Refusals the hub sends back to a browser. Each carries a reason from the protocol's closed
 * set, so the browser picks its words from the reason, never from the message.
 */
import type { ErrorReason } from '../protocol/index.js';

/** A refusal the browser can act on: its reason is from the protocol's closed set. */
export class HubError extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** The frame is valid, but not now, or not for this connection. */
export function wrongState(message: string): HubError {
  return new HubError('wrong-state', message);
}

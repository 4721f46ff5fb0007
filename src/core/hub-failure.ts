/**
 * Why something asked of the hub did not happen: the one closed set both elements act on,
 * mapped once from the hub's error reasons and from this side's own connection errors.
 *
 * Each reason says what to do: try again (the hub or the way to it failed, not the request), or
 * say the refusal as what it is (trying again would be refused the same way). The widget and the
 * console pick their words from the reason, never from a message.
 */
import type { ErrorReason } from '../protocol/index.js';
import { HubConnectionError } from './hub-client.js';

export type HubFailure =
  /** Nothing answers at the hub, or the connection was lost and could not be brought back. */
  | 'hub-unreachable'
  /** The hub answered but failed to handle the request itself (its `internal`). */
  | 'hub-failed'
  /** The hub refused the request as it stands now: e.g. a conversation that has ended. */
  | 'refused'
  /**
   * The hub cannot accept what this page sent: not valid, too large, or not understood (a page
   * or script the hub does not take, or a hub URL that is not one).
   */
  | 'invalid-request'
  /** The hub refused who is asking: a session expired, revoked, or never valid. */
  | 'unauthorized';

export const HUB_FAILURES: readonly HubFailure[] = [
  'hub-unreachable',
  'hub-failed',
  'refused',
  'invalid-request',
  'unauthorized',
];

/** The hub's reason for an error frame, as a failure. */
export function failureOfHubError(reason: ErrorReason): HubFailure {
  switch (reason) {
    // Too much from this client just now (transport/limits.ts) is retried after a pause, as a
    // failure of the hub is; a person's pace never meets it.
    case 'internal':
    case 'rate-limited':
      return 'hub-failed';
    case 'unauthorized':
      return 'unauthorized';
    case 'wrong-state':
      return 'refused';
    case 'bad-json':
    case 'too-large':
    case 'unknown-type':
    case 'invalid-message':
      return 'invalid-request';
  }
}

/** An error this side met reaching the hub, as a failure. */
export function failureOfClientError(error: unknown): HubFailure {
  if (error instanceof HubConnectionError && error.reason === 'bad-url') return 'invalid-request';
  return 'hub-unreachable';
}

/** True when trying again (after a backoff) may succeed: the way failed, not the request. */
export function isRetryable(failure: HubFailure): boolean {
  return failure === 'hub-unreachable' || failure === 'hub-failed';
}

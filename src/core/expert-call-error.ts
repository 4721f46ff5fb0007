/**
 * Why `<expert-call>` cannot offer a conversation: the closed set of `ec-error` reasons, each with
 * the one console message that names the cause and the fix for the shop's developer. The shopper
 * never reads these: the launcher shows them an "unavailable" button instead.
 */

export type ExpertCallErrorReason =
  /** The element has no `hub` attribute. */
  | 'hub-missing'
  /** `hub` is not an http(s) or ws(s) URL. */
  | 'hub-invalid'
  /** Nothing answers at `hub` (down, wrong host or port, or the shopper is offline). */
  | 'hub-unreachable'
  /** The hub answers, but not to this page's origin (not in its config's `allowedOrigins`). */
  | 'origin-refused'
  /** The page's Content-Security-Policy does not allow the hub in `connect-src`. */
  | 'csp-blocked'
  /** Something answers at `hub`, but not as an Expert Call hub of this version. */
  | 'hub-incompatible'
  /** The hub answers over HTTP but its WebSocket (`/ws`) cannot be opened. */
  | 'socket-refused'
  /** The panel's chunk could not be fetched (the rest of `dist/embed/` is not hosted beside). */
  | 'load-failed';

export const EXPERT_CALL_ERROR_REASONS: readonly ExpertCallErrorReason[] = [
  'hub-missing',
  'hub-invalid',
  'hub-unreachable',
  'origin-refused',
  'csp-blocked',
  'hub-incompatible',
  'socket-refused',
  'load-failed',
];

/** `detail` of an `ec-error` event. */
export interface ExpertCallErrorDetail {
  reason: ExpertCallErrorReason;
  /** The same words as the console message: the cause and the fix, for developers. */
  message: string;
}

/** The developer's message for `reason`: what is wrong, then what to do about it. */
export function explainError(
  reason: ExpertCallErrorReason,
  facts: { hub?: string | null; origin?: string; status?: number | undefined } = {},
): string {
  const hub = facts.hub ? `"${facts.hub}"` : '';
  const hubOrigin = originOf(facts.hub) ?? 'the hub’s origin';
  const page = facts.origin ?? 'this page’s origin';
  switch (reason) {
    case 'hub-missing':
      return 'The "hub" attribute is missing: set it to your hub’s URL, e.g. <expert-call hub="https://experts.example.com">.';
    case 'hub-invalid':
      return `The "hub" attribute ${hub} is not an http(s) URL: set it to your hub’s URL, e.g. "https://experts.example.com".`;
    case 'hub-unreachable':
      return `Nothing answers at the hub ${hub}: check that the hub is running and that the URL (host, port, https) is the one it listens on.`;
    case 'origin-refused':
      return `The hub ${hub} refuses pages of ${page}: add "${page}" to "allowedOrigins" in the hub’s shop config.`;
    case 'csp-blocked':
      return `This page’s Content-Security-Policy blocks the hub ${hub}: add ${hubOrigin} to its connect-src directive.`;
    case 'hub-incompatible':
      return `${hub} answers${facts.status ? ` (HTTP ${facts.status})` : ''}, but not as an Expert Call hub of this version: check the URL, and run a hub of the same version as this script.`;
    case 'socket-refused':
      // Stryker disable next-line Regex: the hub's origin is http(s)://…, so its first "http" is its start
      return `The hub ${hub} answers over HTTP but its WebSocket (${hubOrigin.replace(/^http/, 'ws')}/ws) cannot be opened: let your proxy or load balancer pass WebSocket upgrades to the hub.`;
    case 'load-failed':
      return 'The panel’s code could not be fetched: host the whole of dist/embed/ (the script and its chunks/ folder) together.';
  }
}

function originOf(hub: string | null | undefined): string | undefined {
  if (!hub) return undefined;
  try {
    // Stryker disable BlockStatement: the catch below; emptied, it gives undefined just as well
    return new URL(hub, globalThis.location?.href).origin;
  } catch {
    return undefined;
  }
}
// Stryker restore BlockStatement

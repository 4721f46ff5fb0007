/**
 * The launcher's one question to the hub before any click (`GET /availability`), and, when it
 * fails, why: the browser hides the cause of a failed fetch, so a second, opaque request tells a
 * hub that refuses this page's origin from a hub that does not answer, and the page's CSP
 * violation events tell a blocked request from both. Plain DOM: it is part of the launcher.
 */
import type { ExpertCallErrorReason } from '../core/expert-call-error.js';
import type { Availability } from '../protocol/index.js';

export type HubCheck =
  | { ok: true; availability: Availability }
  | { ok: false; reason: ExpertCallErrorReason; status?: number };

/** A hub that has not answered in this long is taken as not answering. */
const CHECK_TIMEOUT_MS = 10_000;

/** The hub's base URL as http(s), or null when `hub` is not a usable URL. */
export function hubBase(hub: string): URL | null {
  let url: URL;
  try {
    url = new URL(hub, location.href);
  } catch {
    return null;
  }
  if (!/^(https?|wss?):$/.test(url.protocol) || !url.hostname) return null;
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  url.pathname = url.pathname.replace(/\/?$/, '/');
  url.search = '';
  url.hash = '';
  return url;
}

/** Problems that need no request: the attribute itself is wrong. */
export function hubAttributeProblem(hub: string | null): ExpertCallErrorReason | null {
  if (!hub?.trim()) return 'hub-missing';
  return hubBase(hub) ? null : 'hub-invalid';
}

export async function checkHub(
  hub: string | null,
  query: { topic?: string | null; lang: string },
): Promise<HubCheck> {
  const problem = hubAttributeProblem(hub);
  if (problem) return { ok: false, reason: problem };
  const url = new URL('availability', hubBase(hub!)!);
  if (query.topic) url.searchParams.set('topic', query.topic);
  url.searchParams.set('lang', query.lang);

  let blockedByCsp = false;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (event.blockedURI.startsWith(url.origin)) blockedByCsp = true;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    }).catch(() => null);
    if (!response) return { ok: false, reason: await whyNoAnswer(url, () => blockedByCsp) };
    if (!response.ok) return { ok: false, reason: 'hub-incompatible', status: response.status };
    const body: unknown = await response.json().catch(() => null);
    return isAvailability(body)
      ? { ok: true, availability: body }
      : { ok: false, reason: 'hub-incompatible' };
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}

async function whyNoAnswer(url: URL, blockedByCsp: () => boolean): Promise<ExpertCallErrorReason> {
  // An opaque request needs no CORS: it succeeds whenever something answers at all.
  const answered = await fetch(url, {
    mode: 'no-cors',
    credentials: 'omit',
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  }).then(
    () => true,
    () => false,
  );
  // The violation event is queued as a task of its own: let it arrive.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (blockedByCsp()) return 'csp-blocked';
  return answered ? 'origin-refused' : 'hub-unreachable';
}

const READINESS = ['free', 'busy', 'none'];

function isAvailability(body: unknown): body is Availability {
  if (!body || typeof body !== 'object') return false;
  const a = body as Record<string, unknown>;
  return (
    typeof a['open'] === 'boolean' &&
    READINESS.includes(a['call'] as string) &&
    READINESS.includes(a['chat'] as string) &&
    typeof a['texts'] === 'object' &&
    a['texts'] !== null
  );
}

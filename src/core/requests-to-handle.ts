/**
 * What the expert's console does with the shop's offline requests (messages, callback requests,
 * appointments): the order to handle them in, how to reach each shopper, and when.
 *
 * Everything a shopper typed is data: a link is made only from a value that has the shape of a
 * phone number, an email address or an http(s) URL, and the scheme is always ours.
 */
import type { OfflineRequest } from '../protocol/index.js';

/**
 * To do first, the one waiting longest at the top; then the handled ones (done, cancelled),
 * the latest first.
 */
export function inHandlingOrder(requests: readonly OfflineRequest[]): OfflineRequest[] {
  const toDo = requests.filter((r) => r.status === 'to-do');
  const handled = requests.filter((r) => r.status !== 'to-do');
  toDo.sort((a, b) => a.createdAt - b.createdAt || compareIds(a, b));
  handled.sort((a, b) => b.createdAt - a.createdAt || compareIds(a, b));
  return [...toDo, ...handled];
}

export function countToDo(requests: readonly OfflineRequest[]): number {
  return requests.filter((r) => r.status === 'to-do').length;
}

/** How to reach the shopper: what they left, and a link when it is a phone or an email. */
export interface Reach {
  text: string;
  /** `tel:` or `mailto:`; absent when the value is neither (it is then shown as text only). */
  href?: string;
}

/** The phone of a callback request, or the contact of a message or an appointment. */
export function reachOf(request: OfflineRequest): Reach | undefined {
  const text = (request.phone ?? request.contact)?.trim();
  if (!text) return undefined;
  const href = telHref(text) ?? mailtoHref(text);
  return href ? { text, href } : { text };
}

/** `tel:+33612345678` for a number in the hub's stored form (`+` and 8 to 15 digits). */
export function telHref(value: string): string | undefined {
  return /^\+[1-9]\d{7,14}$/.test(value) ? `tel:${value}` : undefined;
}

/**
 * `mailto:` for something shaped like an email address. Each part is percent-encoded, so that
 * a `?`, `&` or `#` typed in it cannot add a recipient, a subject or a body.
 */
export function mailtoHref(value: string): string | undefined {
  if (value.length > 254 || !/^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(value)) return undefined;
  const at = value.lastIndexOf('@');
  const local = encodeURIComponent(value.slice(0, at));
  const domain = encodeURIComponent(value.slice(at + 1));
  return `mailto:${local}@${domain}`;
}

/** The URL itself when it is an absolute http(s) URL, else undefined (never a link). */
export function webHref(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    // Stryker disable BlockStatement: the catch below; emptied, it gives undefined just as well
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
// Stryker restore BlockStatement

/**
 * A callback window or an appointment slot in the expert's locale: the day once when both ends
 * fall on it (`25 Nov 2025, 14:00–14:30`). Empty for a message, which has neither.
 */
export function formatSpan(request: Pick<OfflineRequest, 'from' | 'to'>, locale: string): string {
  const { from, to } = request;
  if (from === null) return '';
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // Stryker disable next-line ConditionalExpression: without this, null would compare as 0 below, giving the same
  if (to === null) return format.format(from);
  // Stryker disable next-line EqualityOperator: a range from an instant to itself is that instant
  return to <= from ? format.format(from) : format.formatRange(from, to);
}

/** When the shopper left the request, in the expert's locale. */
export function formatInstant(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A callback window or an appointment slot over, and the request still to do. */
export function isOverdue(request: OfflineRequest, now: number): boolean {
  return request.status === 'to-do' && request.to !== null && request.to <= now;
}

function compareIds(a: OfflineRequest, b: OfflineRequest): number {
  if (a.id < b.id) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort only asks whether a comparison is below zero (0 for 1 sorts alike), and ids are never equal
  return a.id > b.id ? 1 : 0;
}

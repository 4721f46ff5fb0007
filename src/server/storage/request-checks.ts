/**
 * The checks a message, a callback request or an appointment passes before it is stored. Each
 * refusal is a {@link RequestError} whose `reason` the panel turns into words (never its
 * `message`, which is for logs) and whose `field` says which input to point at.
 */
import { cleanText } from '../../protocol/index.js';
import { openPeriods, slotStarts, type Hours } from '../offline/business-hours.js';
import { isEmail, normalizePhone } from '../offline/contact.js';

/**
 * Why a request was refused:
 * - `invalid-phone`: not a phone number (letters, too short or long, or national without the
 *   shop's calling code configured);
 * - `invalid-contact`: neither an email address nor a phone number;
 * - `text-empty`: a message with nothing in it;
 * - `too-long`: a field over its limit (see `field`);
 * - `window-empty`: a callback window that ends before it starts;
 * - `window-in-past`: a callback window already over;
 * - `window-too-far`: a callback window ending beyond the booking horizon;
 * - `window-closed`: a callback window while the shop (or its topic) is closed throughout;
 * - `slot-unavailable`: not a slot of the grid: outside the hours, off the grid, started, or
 *   beyond the booking horizon;
 * - `slot-taken`: someone booked that slot first;
 * - `not-found`: no request with that id (console actions).
 */
export type RequestProblem =
  | 'invalid-phone'
  | 'invalid-contact'
  | 'text-empty'
  | 'too-long'
  | 'window-empty'
  | 'window-in-past'
  | 'window-too-far'
  | 'window-closed'
  | 'slot-unavailable'
  | 'slot-taken'
  | 'not-found';

export class RequestError extends Error {
  constructor(
    readonly reason: RequestProblem,
    message: string,
    /** The input field at fault, when there is one: `phone`, `text`, `name`… */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }

  static slotTaken(): RequestError {
    return new RequestError('slot-taken', 'Someone booked that slot first.', 'slotStart');
  }
}

/** Longest message or note, in characters (as a chat message). */
export const MAX_REQUEST_TEXT = 2000;
export const MAX_NAME = 100;
/** The page context (URL, product) is kept small: it is a hint for the expert, not a payload. */
const MAX_CONTEXT_JSON = 4096;

const MINUTE = 60_000;
export const DAY = 86_400_000;

/** What a person typed, cleaned and trimmed; null when nothing is left. */
export function checkedText(
  raw: string | null | undefined,
  field: string,
  max = MAX_REQUEST_TEXT,
): string | null {
  if (raw === null || raw === undefined) return null;
  const text = cleanText(raw).trim();
  if (text.length > max) {
    throw new RequestError('too-long', `At most ${max} characters, got ${text.length}.`, field);
  }
  return text === '' ? null : text;
}

/** The page context as the JSON to store. */
export function checkedContext(context: unknown): string {
  const json = JSON.stringify(context ?? {});
  if (json.length > MAX_CONTEXT_JSON) {
    throw new RequestError('too-long', 'The page context is too large.', 'context');
  }
  return json;
}

export function checkedPhone(raw: string, callingCode: string | null): string {
  const phone = normalizePhone(raw, callingCode);
  if (phone === null)
    throw new RequestError('invalid-phone', `"${raw}" is not a phone number.`, 'phone');
  return phone;
}

/** An email address as typed, or a phone number in its stored form. */
export function checkedContact(raw: string, callingCode: string | null): string {
  const contact = raw.trim();
  if (contact.includes('@')) {
    if (isEmail(contact)) return contact;
  } else {
    const phone = normalizePhone(contact, callingCode);
    if (phone) return phone;
  }
  throw new RequestError(
    'invalid-contact',
    `"${raw}" is neither an email address nor a phone number.`,
    'contact',
  );
}

/**
 * A callback window: it must end after it starts, not be over, end within `maxDaysAhead`
 * days, and, given the topic's `hours`, have some of them left (nobody calls back from a
 * closed shop). One that has started is fine ("call me in the next hour").
 */
export function checkWindow(
  window: { from: number; to: number },
  now: number,
  maxDaysAhead: number,
  hours?: Hours,
): void {
  const { from, to } = window;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
    throw new RequestError('window-empty', 'The window ends before it starts.', 'window');
  }
  if (to <= now) throw new RequestError('window-in-past', 'The window is over.', 'window');
  if (to > now + maxDaysAhead * DAY) {
    throw new RequestError(
      'window-too-far',
      `The window ends more than ${maxDaysAhead} days ahead.`,
      'window',
    );
  }
  if (hours && openPeriods(hours, Math.max(from, now), to).length === 0) {
    throw new RequestError('window-closed', 'The shop is closed all through the window.', 'window');
  }
}

/**
 * An appointment slot: a start of the grid of `hours` (see `slotStarts`), after `now` and
 * before `maxDaysAhead` days from it. Returns the slot as a range.
 */
export function checkedSlot(
  hours: Hours,
  start: number,
  slotMinutes: number,
  now: number,
  maxDaysAhead: number,
): { start: number; end: number } {
  const unavailable = (why: string) =>
    new RequestError('slot-unavailable', `That slot cannot be booked: ${why}.`, 'slotStart');
  if (!Number.isInteger(start)) throw unavailable('not a time');
  if (start <= now) throw unavailable('it has started');
  if (start >= now + maxDaysAhead * DAY) throw unavailable(`more than ${maxDaysAhead} days ahead`);
  if (!slotStarts(hours, start, start + 1, slotMinutes).includes(start)) {
    throw unavailable('not a slot of the opening hours');
  }
  return { start, end: start + slotMinutes * MINUTE };
}

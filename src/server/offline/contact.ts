/**
 * The ways a shopper leaves to be reached again: a phone number or an email address, checked
 * and put in one stored form, so the expert's console can dial or write without guessing.
 */

/**
 * Calling codes whose national numbers keep their leading 0 after the code (Italy, San Marino,
 * the Vatican): "06 1234 5678" in Rome is +39 06 1234 5678. Everywhere else the 0 is a trunk
 * prefix, dropped after the code: "06 12 34 56 78" in France is +33 6 12 34 56 78.
 */
const KEEPS_LEADING_ZERO = new Set(['39', '378', '379']);

/** E.164 allows 15 digits with the country code; fewer than 8 is no one's number. */
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;

/**
 * A phone number as `+` and digits (`+33612345678`), or null when it is not one.
 *
 * Accepts what people type: `+33 6 12 34 56 78`, `+33 (0)6 12 34 56 78`, `0033 6…`, and the
 * national form (`06.12.34.56.78`, `06-12-34-56-78`, `(555) 123-4567`) when the shop's
 * `callingCode` (`+33`) says which country it belongs to. Letters (`ext. 12`, `06 CALL ME`)
 * are refused rather than guessed at.
 */
export function normalizePhone(raw: string, callingCode?: string | null): string | null {
  const text = raw.trim().replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  if (!/^\+?[\d\s.\-()/]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  let international: string;
  if (text.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else {
    const code = callingCode?.replace(/^\+/, '');
    if (!code) return null;
    international = code + (KEEPS_LEADING_ZERO.has(code) ? digits : digits.replace(/^0/, ''));
  }
  if (international.startsWith('0')) return null;
  if (international.length < MIN_DIGITS || international.length > MAX_DIGITS) return null;
  return `+${international}`;
}

/**
 * True for something that looks like an address mail can be sent to. Deliberately loose (one
 * `@`, a dot in the domain, no spaces): the real test is the expert's reply arriving.
 */
export function isEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(text);
}

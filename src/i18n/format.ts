/**
 * Numbers, plurals, lists and moments in each language, through `Intl` only: no
 * `n === 1 ? … : …`, which is wrong in most languages but English.
 */

/** Forms by plural category (`one`, `other`, and `many`, `few`… where a language has them). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `forms` for `n` in `lang`; `#` in a form is replaced by `n`, formatted for the language. */
export function plural(lang: string, n: number, forms: PluralForms): string {
  const rule = new Intl.PluralRules(lang).select(n);
  const form = forms[rule] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(lang).format(n));
}

/** `a, b and c` in the language's own way. */
export function list(lang: string, items: readonly string[]): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A moment as people say it: "today at 9 a.m." / "aujourd'hui à 9 h", "tomorrow at…", else the
 * weekday and date. `timeZone` is the shop's, when the moment is the shop's hours.
 */
export function moment(
  lang: string,
  at: number,
  options: { now?: number; timeZone?: string } = {},
): string {
  const now = options.now ?? Date.now();
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const dayOf = (t: number) =>
    new Intl.DateTimeFormat('en-CA', {
      ...zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(t);
  const days = Math.round((Date.parse(dayOf(at)) - Date.parse(dayOf(now))) / 86_400_000);
  const time = timeOfDay(lang, at, zone);
  if (days === 0 || days === 1) {
    const day = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
    return join(lang, day, time);
  }
  const date = new Intl.DateTimeFormat(lang, {
    ...zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(at);
  return join(lang, date, time);
}

/** "9 h", "9:30 AM", "9 Uhr": the hour as the language writes it, minutes only when needed. */
export function timeOfDay(lang: string, at: number, zone: { timeZone?: string } = {}): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    ...zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  if (lang.startsWith('fr')) {
    return minute ? `${hour}\u00a0h\u00a0${String(minute).padStart(2, '0')}` : `${hour}\u00a0h`;
  }
  return new Intl.DateTimeFormat(lang, {
    ...zone,
    hour: 'numeric',
    ...(minute ? { minute: '2-digit' } : {}),
  }).format(at);
}

/** "today" + "9 h" → "aujourd'hui à 9 h", "today at 9 AM", "heute um 9 Uhr"… */
function join(lang: string, day: string, time: string): string {
  const at: Record<string, string> = { fr: 'à', en: 'at', de: 'um', es: 'a las', it: 'alle' };
  const primary = lang.split('-')[0]!;
  const word = at[primary] ?? 'at';
  // "a la 1" / "all'1": Spanish and Italian say one o'clock in the singular.
  const one = /^1\D|^1$/.test(time);
  const said = primary === 'es' && one ? 'a la' : primary === 'it' && one ? 'all’' : word;
  return `${day} ${said}${said.endsWith('’') ? '' : ' '}${time}`;
}

/**
 * French typography: a narrow no-break space before `; : ! ? »` and after `«`, so that a lone
 * ":" or "?" never wraps to a line of its own.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([;:!?»])/g, '\u202f$1')
    .replace(/« /g, '«\u202f')
    .replace(/(\d) (h|min|s|%)(?=[\s.,;:!?)]|$)/g, '$1\u00a0$2');
}

/** A number of minutes as the language says it: "3 minutes", "3 Minuten", "3 minuti". */
export function minutes(lang: string, n: number): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(
    n,
  );
}

/**
 * A French catalog with French typography applied to every string it holds or returns, so that
 * no writer of a text has to remember the narrow no-break spaces.
 */
export function withFrenchSpacing<T>(catalog: T): T {
  const typeset = (value: unknown): unknown => {
    if (typeof value === 'string') return frenchSpacing(value);
    if (typeof value === 'function') {
      return (...args: unknown[]) => typeset((value as (...a: unknown[]) => unknown)(...args));
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeset(v)]));
    }
    return value;
  };
  return typeset(catalog) as T;
}

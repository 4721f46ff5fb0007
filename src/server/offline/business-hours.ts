/**
 * When a shop (or one of its topics) is open, read in the shop's own time zone: weekly hours,
 * plus dated exceptions (a holiday, a late opening). Pure: no clock, no I/O. Every function
 * takes the instant it is asked about, so the hub, the tests and the slot picker agree.
 *
 * Hours are wall-clock times. Twice a year the wall clock is not a straight line, and we
 * resolve it with one rule: **an interval opens the first moment the shop's clock reads
 * `from` or later, and closes the first moment it reads `to` or later.** So:
 *
 * - spring forward (the clock jumps, say, from 02:00 to 03:00): a time inside the skipped
 *   hour means the jump itself. Hours of 02:30–10:00 open at 03:00; 00:00–02:30 close at 03:00.
 * - fall back (the clock goes from 03:00 back to 02:00, and 02:00–02:59 happens twice): the
 *   first pass counts. Hours of 00:00–02:30 close at the first 02:30 and do not open again
 *   for the repeat; 02:30–05:00 open at the first 02:30 and stay open through the repeat.
 *
 * This keeps each interval one unbroken stretch of real time, never shown as open, closed,
 * then open again. Shops rarely open at 2 a.m., but 24-hour desks do, and they must not blink.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Weekdays in the order of `Date.prototype.getUTCDay()` (Sunday first). */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Local opening hours within one day: `from` included, `to` excluded; `to` may be `24:00`. */
export interface Interval {
  from: string;
  to: string;
}

/** The usual week; a day left out (or `[]`) is closed. */
export type WeeklyHours = Partial<Record<Weekday, readonly Interval[]>>;

/** One date whose hours replace the weekly ones: `[]` closes it all day (a holiday). */
export interface DateException {
  /** A local date, `YYYY-MM-DD`. */
  date: string;
  hours: readonly Interval[];
}

export interface Hours {
  /** An IANA time zone, e.g. `Europe/Paris`: the hours are read on this zone's clock. */
  timeZone: string;
  weekly: WeeklyHours;
  exceptions?: readonly DateException[] | undefined;
}

/** One interval of one day, as real time: epoch milliseconds, `start` included, `end` excluded. */
export interface OpenPeriod {
  start: number;
  end: number;
}

/** What changes next: `open` is the state from `at` on. */
export interface HoursChange {
  open: boolean;
  at: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** How far ahead `nextChange` looks before saying "no change" (`null`). */
export const NEXT_CHANGE_HORIZON_DAYS = 14;

const CLOCK_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes after midnight of `HH:MM` (`24:00` is 1440), or null when it is not such a time. */
export function parseClockTime(text: string): number | null {
  const match = CLOCK_TIME.exec(text);
  if (!match) return null;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` that is a real calendar date, else null. */
export function parseLocalDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March 2nd: a real date reads back the same.
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  return time / DAY;
}

/**
 * True for the name of an IANA zone such as `Europe/Paris` or `UTC`, exactly as spelled in the
 * tz database. Intl also accepts `europe/paris`, `EST` or `CET` and quietly maps them to some
 * zone (`CET` becomes Brussels): in a config file those are more likely slips than intent.
 */
export function isTimeZone(name: string): boolean {
  if (name !== 'UTC' && !/^[A-Z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** Whether `hours` has the shop open at the instant `at` (epoch ms). */
export function isOpen(hours: Hours, at: number): boolean {
  const today = localDay(hours.timeZone, at);
  for (let day = today - 1; day <= today; day++) {
    if (periodsOfDay(hours, day).some((p) => p.start <= at && at < p.end)) return true;
  }
  return false;
}

/**
 * When the shop next opens (if closed at `at`) or closes (if open), within the next
 * {@link NEXT_CHANGE_HORIZON_DAYS} days; null when nothing changes that soon (always open,
 * or closed for longer). Back-to-back intervals (`…–24:00` then `00:00–…`) are one stretch.
 */
export function nextChange(hours: Hours, at: number): HoursChange | null {
  const horizon = at + NEXT_CHANGE_HORIZON_DAYS * DAY;
  const today = localDay(hours.timeZone, at);
  // Two days beyond the horizon, so a stretch still open at the horizon is seen as such.
  const stretches = merge(periodsOfDays(hours, today - 1, today + NEXT_CHANGE_HORIZON_DAYS + 2));
  for (const stretch of stretches) {
    if (stretch.end <= at) continue;
    const change =
      stretch.start <= at ? { open: false, at: stretch.end } : { open: true, at: stretch.start };
    return change.at <= horizon ? change : null;
  }
  return null;
}

/**
 * The open periods that overlap `[from, until)`, in order: one per interval of each local
 * day, as configured, neither merged nor clipped. The appointment grid starts at each one.
 */
export function openPeriods(hours: Hours, from: number, until: number): OpenPeriod[] {
  const first = localDay(hours.timeZone, from) - 1;
  const last = localDay(hours.timeZone, until);
  return periodsOfDays(hours, first, last).filter((p) => p.start < until && p.end > from);
}

/**
 * Appointment slots starting in `[from, until)`: each open period is cut into slots of
 * `slotMinutes` from its opening time, and a slot must end by the period's close (so 09:00–
 * 12:10 in 20-minute slots gives 09:00, 09:20 … 11:40, and the last 10 minutes are left).
 */
export function slotStarts(
  hours: Hours,
  from: number,
  until: number,
  slotMinutes: number,
): number[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) {
    throw new RangeError(`A slot is a whole number of minutes, got ${slotMinutes}.`);
  }
  const length = slotMinutes * MINUTE;
  const starts = new Set<number>();
  for (const period of openPeriods(hours, from, until)) {
    for (let start = period.start; start + length <= period.end; start += length) {
      if (start >= from && start < until) starts.add(start);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** The intervals of one local day (an exception for that date, else its weekday) as real time. */
function periodsOfDay(hours: Hours, day: number): OpenPeriod[] {
  const date = new Date(day * DAY);
  const key = date.toISOString().slice(0, 10);
  const exception = hours.exceptions?.find((e) => e.date === key);
  const intervals = exception ? exception.hours : (hours.weekly[WEEKDAYS[date.getUTCDay()]!] ?? []);
  const periods: OpenPeriod[] = [];
  for (const interval of intervals) {
    const from = parseClockTime(interval.from);
    const to = parseClockTime(interval.to);
    if (from === null || to === null) {
      throw new RangeError(`Hours "${interval.from}"–"${interval.to}" are not HH:MM times.`);
    }
    const start = instantOf(hours.timeZone, day, from);
    const end = instantOf(hours.timeZone, day, to);
    if (start < end) periods.push({ start, end });
  }
  return periods;
}

function periodsOfDays(hours: Hours, first: number, last: number): OpenPeriod[] {
  const periods: OpenPeriod[] = [];
  for (let day = first; day <= last; day++) periods.push(...periodsOfDay(hours, day));
  return periods.sort((a, b) => a.start - b.start);
}

/** Sorted periods joined where they touch or overlap: the stretches the shop is really open. */
function merge(periods: readonly OpenPeriod[]): OpenPeriod[] {
  const stretches: OpenPeriod[] = [];
  for (const period of periods) {
    const last = stretches.at(-1);
    if (last && period.start <= last.end) last.end = Math.max(last.end, period.end);
    else stretches.push({ ...period });
  }
  return stretches;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat costs far more than using one: one per zone, kept. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at `at`, written as if it were UTC (epoch ms, whole seconds). */
function wallClock(timeZone: string, at: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts['year']!,
    parts['month']! - 1,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
  );
}

/** The zone's offset from UTC at `at`, in milliseconds. */
function offsetAt(timeZone: string, at: number): number {
  return wallClock(timeZone, at) - Math.floor(at / 1000) * 1000;
}

/** The local date at `at`, as days since 1970-01-01. */
function localDay(timeZone: string, at: number): number {
  return Math.floor(wallClock(timeZone, at) / DAY);
}

/**
 * The first instant at which the zone's clock reads `minutes` after midnight of `day`, or
 * later (see the rule at the top of this file). At most one offset change is assumed within a
 * day either side, which holds for every zone in the tz database since 1970.
 */
function instantOf(timeZone: string, day: number, minutes: number): number {
  const wall = day * DAY + minutes * MINUTE;
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  const candidates = [wall - before, wall - after].filter(
    (at) => at + offsetAt(timeZone, at) === wall,
  );
  // Repeated (fall back): both candidates read `wall`, and the earlier is the first pass.
  if (candidates.length > 0) return Math.min(...candidates);
  // Skipped (spring forward): the clock never reads `wall`. The jump lies between the instant
  // that would read `wall` on the new offset and the one that would on the old; find it.
  let low = wall - after; // still on the old offset: reads before `wall`
  let high = wall - before; // on the new offset: reads after `wall`
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetAt(timeZone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

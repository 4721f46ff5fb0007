import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  isOpen,
  isTimeZone,
  nextChange,
  openPeriods,
  parseClockTime,
  parseLocalDate,
  slotStarts,
  type Hours,
  type Interval,
  type WeeklyHours,
} from '../../src/server/offline/business-hours.js';

const at = (iso: string) => Date.parse(iso);
const iso = (time: number) => new Date(time).toISOString();
const span = (from: string, to: string): Interval => ({ from, to });
const everyDay = (...intervals: Interval[]): WeeklyHours => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
  sat: intervals,
  sun: intervals,
});
const weekdays = (...intervals: Interval[]): WeeklyHours => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});

/** A shop in Paris: split weekdays, Saturday without a lunch break, Sunday closed. */
const paris: Hours = {
  timeZone: 'Europe/Paris',
  weekly: {
    ...weekdays(span('09:00', '12:30'), span('14:00', '19:00')),
    sat: [span('10:00', '18:00')],
  },
  exceptions: [
    { date: '2026-12-24', hours: [span('09:00', '16:00')] },
    { date: '2026-12-25', hours: [] },
  ],
};

describe('isOpen, read on the shop clock', () => {
  it('is open in Paris during the morning and afternoon hours, closed at lunch and after closing', () => {
    // Tuesday 16 June 2026, summer time (UTC+2).
    assert.equal(isOpen(paris, at('2026-06-16T06:59:59Z')), false, '08:59:59');
    assert.equal(isOpen(paris, at('2026-06-16T07:00:00Z')), true, '09:00 opens');
    assert.equal(isOpen(paris, at('2026-06-16T10:29:59Z')), true, '12:29:59');
    assert.equal(isOpen(paris, at('2026-06-16T10:30:00Z')), false, '12:30 closes for lunch');
    assert.equal(isOpen(paris, at('2026-06-16T12:00:00Z')), true, '14:00 reopens');
    assert.equal(isOpen(paris, at('2026-06-16T17:00:00Z')), false, '19:00 is closed');
  });

  it('uses the day of the week in the shop, not in UTC', () => {
    assert.equal(isOpen(paris, at('2026-06-20T08:00:00Z')), true, 'Saturday 10:00');
    assert.equal(isOpen(paris, at('2026-06-21T10:00:00Z')), false, 'Sunday noon');
    // Monday 09:00 in Auckland (UTC+12 in June) is still Sunday in UTC.
    const auckland: Hours = {
      timeZone: 'Pacific/Auckland',
      weekly: weekdays(span('09:00', '17:00')),
    };
    assert.equal(isOpen(auckland, at('2026-06-14T20:59:59Z')), false, 'Monday 08:59:59');
    assert.equal(isOpen(auckland, at('2026-06-14T21:00:00Z')), true, 'Monday 09:00 (NZST)');
    // In January New Zealand is on summer time, UTC+13.
    assert.equal(isOpen(auckland, at('2026-01-11T20:00:00Z')), true, 'Monday 09:00 (NZDT)');
    assert.equal(isOpen(auckland, at('2026-01-11T19:59:59Z')), false, 'Monday 08:59:59 (NZDT)');
  });

  it('follows New York from summer to winter time and Tokyo all year', () => {
    const newYork: Hours = {
      timeZone: 'America/New_York',
      weekly: weekdays(span('10:00', '18:00')),
    };
    assert.equal(isOpen(newYork, at('2026-07-15T14:00:00Z')), true, 'Wednesday 10:00 EDT');
    assert.equal(isOpen(newYork, at('2026-07-15T13:59:00Z')), false, 'Wednesday 09:59 EDT');
    assert.equal(isOpen(newYork, at('2026-12-02T14:30:00Z')), false, 'Wednesday 09:30 EST');
    assert.equal(isOpen(newYork, at('2026-12-02T15:00:00Z')), true, 'Wednesday 10:00 EST');
    const tokyo: Hours = { timeZone: 'Asia/Tokyo', weekly: everyDay(span('10:00', '20:00')) };
    assert.equal(isOpen(tokyo, at('2026-06-16T00:59:00Z')), false, '09:59 JST');
    assert.equal(isOpen(tokyo, at('2026-06-16T01:00:00Z')), true, '10:00 JST');
    assert.equal(isOpen(tokyo, at('2026-12-16T10:59:00Z')), true, '19:59 JST');
    assert.equal(isOpen(tokyo, at('2026-12-16T11:00:00Z')), false, '20:00 JST');
  });

  it('treats 24:00 as the end of the day and every day closed when the week is empty', () => {
    const allDay: Hours = { timeZone: 'Asia/Tokyo', weekly: { tue: [span('00:00', '24:00')] } };
    assert.equal(isOpen(allDay, at('2026-06-15T15:00:00Z')), true, 'Tuesday 00:00 JST');
    assert.equal(isOpen(allDay, at('2026-06-16T14:59:59Z')), true, 'Tuesday 23:59:59 JST');
    assert.equal(isOpen(allDay, at('2026-06-16T15:00:00Z')), false, 'Wednesday 00:00 JST');
    assert.equal(isOpen({ timeZone: 'UTC', weekly: {} }, at('2026-06-16T12:00:00Z')), false);
  });
});

describe('exceptions', () => {
  it('closes on a holiday that falls on an opening day', () => {
    assert.equal(isOpen(paris, at('2026-12-25T09:00:00Z')), false, 'Christmas, Friday 10:00');
    assert.equal(isOpen(paris, at('2026-12-18T09:00:00Z')), true, 'the Friday before, 10:00');
  });

  it('replaces the weekly hours of a date with its special hours', () => {
    assert.equal(isOpen(paris, at('2026-12-24T12:00:00Z')), true, '13:00: no lunch break today');
    assert.equal(isOpen(paris, at('2026-12-24T14:59:59Z')), true, '15:59:59');
    assert.equal(isOpen(paris, at('2026-12-24T15:00:00Z')), false, '16:00: closes early');
  });

  it('can open a day that is closed every week', () => {
    const sundaySale: Hours = {
      ...paris,
      exceptions: [{ date: '2026-12-20', hours: [span('11:00', '17:00')] }],
    };
    assert.equal(isOpen(sundaySale, at('2026-12-20T10:00:00Z')), true, 'Sunday 11:00 CET');
    assert.equal(isOpen(paris, at('2026-12-20T10:00:00Z')), false);
  });
});

describe('daylight saving time', () => {
  describe('Europe/Paris springs forward on Sunday 2026-03-29 (02:00 becomes 03:00)', () => {
    const daily: Hours = { timeZone: 'Europe/Paris', weekly: everyDay(span('09:00', '19:00')) };

    it('opens at 09:00 on the shop clock before and after the change', () => {
      assert.equal(isOpen(daily, at('2026-03-28T07:59:59Z')), false, 'Saturday 08:59:59 CET');
      assert.equal(isOpen(daily, at('2026-03-28T08:00:00Z')), true, 'Saturday 09:00 CET');
      assert.equal(isOpen(daily, at('2026-03-29T06:59:59Z')), false, 'Sunday 08:59:59 CEST');
      assert.equal(isOpen(daily, at('2026-03-29T07:00:00Z')), true, 'Sunday 09:00 CEST');
      assert.equal(isOpen(daily, at('2026-03-29T17:00:00Z')), false, 'Sunday 19:00 CEST');
    });

    it('opens at the jump when the opening time does not exist that night', () => {
      const night: Hours = { timeZone: 'Europe/Paris', weekly: { sun: [span('02:30', '05:00')] } };
      assert.equal(isOpen(night, at('2026-03-29T00:59:59Z')), false, '01:59:59 CET');
      assert.equal(isOpen(night, at('2026-03-29T01:00:00Z')), true, '03:00 CEST, the jump');
      assert.deepEqual(nextChange(night, at('2026-03-29T00:00:00Z')), {
        open: true,
        at: at('2026-03-29T01:00:00Z'),
      });
      assert.deepEqual(nextChange(night, at('2026-03-29T01:00:00Z')), {
        open: false,
        at: at('2026-03-29T03:00:00Z'),
      });
    });

    it('closes at the jump when the closing time does not exist that night', () => {
      const late: Hours = { timeZone: 'Europe/Paris', weekly: { sun: [span('00:00', '02:30')] } };
      assert.equal(isOpen(late, at('2026-03-29T00:59:59Z')), true, '01:59:59 CET');
      assert.deepEqual(nextChange(late, at('2026-03-29T00:30:00Z')), {
        open: false,
        at: at('2026-03-29T01:00:00Z'),
      });
    });

    it('has a day of 23 hours', () => {
      const allDay: Hours = { timeZone: 'Europe/Paris', weekly: { sun: [span('00:00', '24:00')] } };
      const [day] = openPeriods(allDay, at('2026-03-29T12:00:00Z'), at('2026-03-29T12:00:01Z'));
      assert.equal(iso(day!.start), '2026-03-28T23:00:00.000Z');
      assert.equal(iso(day!.end), '2026-03-29T22:00:00.000Z');
      assert.equal((day!.end - day!.start) / 3_600_000, 23);
    });
  });

  describe('Europe/Paris falls back on Sunday 2026-10-25 (03:00 becomes 02:00 again)', () => {
    const daily: Hours = { timeZone: 'Europe/Paris', weekly: everyDay(span('09:00', '19:00')) };

    it('opens at 09:00 on the shop clock before and after the change', () => {
      assert.equal(isOpen(daily, at('2026-10-24T07:00:00Z')), true, 'Saturday 09:00 CEST');
      assert.equal(isOpen(daily, at('2026-10-25T07:30:00Z')), false, 'Sunday 08:30 CET');
      assert.equal(isOpen(daily, at('2026-10-25T08:00:00Z')), true, 'Sunday 09:00 CET');
      assert.equal(isOpen(daily, at('2026-10-25T18:00:00Z')), false, 'Sunday 19:00 CET');
    });

    it('counts the first pass of the repeated hour: an interval never opens twice', () => {
      const untilHalfPast: Hours = {
        timeZone: 'Europe/Paris',
        weekly: { sun: [span('00:00', '02:30')] },
      };
      const fromHalfPast: Hours = {
        timeZone: 'Europe/Paris',
        weekly: { sun: [span('02:30', '05:00')] },
      };
      // 00:30Z is the first 02:30 (CEST); 01:15Z is 02:15 again, on the second pass (CET).
      assert.equal(isOpen(untilHalfPast, at('2026-10-25T00:29:59Z')), true, 'first 02:29:59');
      assert.equal(isOpen(untilHalfPast, at('2026-10-25T00:30:00Z')), false, 'first 02:30');
      assert.equal(isOpen(untilHalfPast, at('2026-10-25T01:15:00Z')), false, 'second 02:15');
      assert.equal(isOpen(fromHalfPast, at('2026-10-25T00:30:00Z')), true, 'first 02:30');
      assert.equal(isOpen(fromHalfPast, at('2026-10-25T01:15:00Z')), true, 'second 02:15');
      assert.deepEqual(nextChange(fromHalfPast, at('2026-10-25T00:30:00Z')), {
        open: false,
        at: at('2026-10-25T04:00:00Z'),
      });
    });

    it('has a day of 25 hours', () => {
      const allDay: Hours = { timeZone: 'Europe/Paris', weekly: { sun: [span('00:00', '24:00')] } };
      const [day] = openPeriods(allDay, at('2026-10-25T12:00:00Z'), at('2026-10-25T12:00:01Z'));
      assert.equal(iso(day!.start), '2026-10-24T22:00:00.000Z');
      assert.equal(iso(day!.end), '2026-10-25T23:00:00.000Z');
    });
  });

  describe('America/New_York falls back on Sunday 2026-11-01 (02:00 becomes 01:00 again)', () => {
    it('opens at 10:00 on the shop clock on either side of the change', () => {
      const shop: Hours = {
        timeZone: 'America/New_York',
        weekly: everyDay(span('10:00', '18:00')),
      };
      assert.equal(isOpen(shop, at('2026-10-31T14:00:00Z')), true, 'Saturday 10:00 EDT');
      assert.equal(isOpen(shop, at('2026-11-01T14:30:00Z')), false, 'Sunday 09:30 EST');
      assert.equal(isOpen(shop, at('2026-11-01T15:00:00Z')), true, 'Sunday 10:00 EST');
      assert.deepEqual(nextChange(shop, at('2026-10-31T22:00:00Z')), {
        open: true,
        at: at('2026-11-01T15:00:00Z'),
      });
    });

    it('resolves a time in the repeated hour to its first pass', () => {
      const night: Hours = {
        timeZone: 'America/New_York',
        weekly: { sun: [span('00:00', '01:30'), span('01:30', '03:00')] },
      };
      const periods = openPeriods(night, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'));
      assert.deepEqual(
        periods.map((p) => [iso(p.start), iso(p.end)]),
        [
          ['2026-11-01T04:00:00.000Z', '2026-11-01T05:30:00.000Z'],
          ['2026-11-01T05:30:00.000Z', '2026-11-01T08:00:00.000Z'],
        ],
      );
      assert.deepEqual(nextChange(night, at('2026-11-01T04:00:00Z')), {
        open: false,
        at: at('2026-11-01T08:00:00Z'),
      });
    });
  });
});

describe('nextChange', () => {
  const weekdayShop: Hours = {
    timeZone: 'Europe/Paris',
    weekly: weekdays(span('09:00', '19:00')),
    exceptions: [{ date: '2026-12-25', hours: [] }],
  };

  it('says when an open shop closes', () => {
    assert.deepEqual(nextChange(weekdayShop, at('2026-06-19T10:00:00Z')), {
      open: false,
      at: at('2026-06-19T17:00:00Z'),
    });
  });

  it('looks across the weekend for the next opening', () => {
    // Friday 20:00 → Monday 09:00 (CEST).
    assert.deepEqual(nextChange(weekdayShop, at('2026-06-19T18:00:00Z')), {
      open: true,
      at: at('2026-06-22T07:00:00Z'),
    });
  });

  it('looks across a holiday for the next opening', () => {
    // Thursday 24 December 20:00 → Friday 25 is Christmas → Monday 28, 09:00 CET.
    assert.deepEqual(nextChange(weekdayShop, at('2026-12-24T19:00:00Z')), {
      open: true,
      at: at('2026-12-28T08:00:00Z'),
    });
    // With the Paris shop's special hours on the 24th and its Saturday hours.
    assert.deepEqual(nextChange(paris, at('2026-12-24T15:00:00Z')), {
      open: true,
      at: at('2026-12-26T09:00:00Z'),
    });
  });

  it('treats back-to-back intervals as one stretch', () => {
    const weekend: Hours = {
      timeZone: 'Europe/Paris',
      weekly: { sat: [span('00:00', '24:00')], sun: [span('00:00', '12:00')] },
    };
    assert.deepEqual(nextChange(weekend, at('2026-06-20T10:00:00Z')), {
      open: false,
      at: at('2026-06-21T10:00:00Z'),
    });
  });

  it('gives null when nothing changes within 14 days', () => {
    const always: Hours = { timeZone: 'Asia/Tokyo', weekly: everyDay(span('00:00', '24:00')) };
    assert.equal(nextChange(always, at('2026-06-16T12:00:00Z')), null);
    assert.equal(nextChange({ timeZone: 'UTC', weekly: {} }, at('2026-06-16T12:00:00Z')), null);
    const longHoliday: Hours = {
      timeZone: 'UTC',
      weekly: everyDay(span('09:00', '17:00')),
      exceptions: Array.from({ length: 20 }, (_, i) => ({
        date: `2026-08-${String(i + 1).padStart(2, '0')}`,
        hours: [],
      })),
    };
    assert.equal(nextChange(longHoliday, at('2026-07-31T18:00:00Z')), null);
    assert.deepEqual(nextChange(longHoliday, at('2026-08-10T00:00:00Z')), {
      open: true,
      at: at('2026-08-21T09:00:00Z'),
    });
  });
});

describe('slotStarts', () => {
  const morning: Hours = { timeZone: 'Europe/Paris', weekly: weekdays(span('09:00', '12:10')) };

  it('cuts each opening into slots from its opening time, each ending by the close', () => {
    const starts = slotStarts(morning, at('2026-06-16T00:00:00Z'), at('2026-06-17T00:00:00Z'), 20);
    assert.deepEqual(
      starts.map((s) => iso(s).slice(11, 16)),
      ['07:00', '07:20', '07:40', '08:00', '08:20', '08:40', '09:00', '09:20', '09:40'],
    );
  });

  it('keeps the grid of an opening already under way and leaves out earlier slots', () => {
    const starts = slotStarts(morning, at('2026-06-16T08:05:00Z'), at('2026-06-16T09:00:00Z'), 20);
    assert.deepEqual(
      starts.map((s) => iso(s).slice(11, 16)),
      ['08:20', '08:40'],
    );
  });

  it('skips closed days and rejects a slot length that is not whole minutes', () => {
    const weekend = slotStarts(morning, at('2026-06-20T00:00:00Z'), at('2026-06-22T00:00:00Z'), 20);
    assert.deepEqual(weekend, []);
    assert.throws(() => slotStarts(morning, 0, 1, 0), RangeError);
    assert.throws(() => slotStarts(morning, 0, 1, 7.5), RangeError);
  });
});

describe('reading times, dates and zones', () => {
  it('reads HH:MM from 00:00 to 24:00 and nothing else', () => {
    assert.equal(parseClockTime('00:00'), 0);
    assert.equal(parseClockTime('09:30'), 570);
    assert.equal(parseClockTime('24:00'), 1440);
    for (const bad of ['24:01', '25:00', '9:30', '09:60', '09h30', '', ' 09:30'])
      assert.equal(parseClockTime(bad), null, bad);
  });

  it('reads real calendar dates only', () => {
    assert.equal(parseLocalDate('1970-01-02'), 1);
    assert.equal(parseLocalDate('2028-02-29') !== null, true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '25/12/2026'])
      assert.equal(parseLocalDate(bad), null, bad);
  });

  it('knows IANA zone names exactly as spelled, not abbreviations', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Pacific/Auckland', 'UTC'])
      assert.equal(isTimeZone(zone), true, zone);
    for (const zone of ['Europe/Pariss', 'europe/paris', 'CET', 'EST', '+01:00', 'Mars/Olympus'])
      assert.equal(isTimeZone(zone), false, zone);
  });
});

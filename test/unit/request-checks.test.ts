/**
 * The checks a message, a callback request or an appointment passes before it is stored
 * (storage/request-checks.ts), each at its edge: what is taken, in which form, and each refusal
 * with its reason, its field, and the words the logs get. The stores' tests
 * (test/server/requests-store.test.ts) run the same checks through the real databases.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import type { Hours } from '../../src/server/offline/business-hours.js';
import {
  checkedContact,
  checkedContext,
  checkedPhone,
  checkedSlot,
  checkedText,
  checkWindow,
  DAY,
  MAX_REQUEST_TEXT,
  RequestError,
} from '../../src/server/storage/request-checks.js';

const MINUTE = 60_000;
/** Monday 1 June 2026, 10:00 UTC. */
const MONDAY_10 = Date.parse('2026-06-01T10:00:00Z');
/** Open 09:00–12:00 UTC on weekdays. */
const mornings: Hours = {
  timeZone: 'UTC',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '09:00', to: '12:00' }]]),
  ),
};

/** The refusal `run` throws, as reason, field and message. */
function refusal(run: () => unknown): { reason: string; field?: string; message: string } {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof RequestError, `a RequestError, got ${String(error)}`);
    assert.equal(error.name, 'RequestError');
    return {
      reason: error.reason,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
    };
  }
  assert.fail('no refusal');
}

describe('request checks', () => {
  describe('checkedText', () => {
    it('cleans and trims what was typed, and gives null for nothing at all', () => {
      assert.equal(checkedText('  Hello\u0000 there \n', 'text'), 'Hello there');
      assert.equal(checkedText('   ', 'text'), null);
      assert.equal(checkedText('', 'text'), null);
      assert.equal(checkedText(null, 'text'), null);
      assert.equal(checkedText(undefined, 'text'), null);
    });

    it('takes a text of exactly the limit, and refuses one character more, naming the field', () => {
      const full = 'x'.repeat(MAX_REQUEST_TEXT);
      assert.equal(checkedText(full, 'text'), full);
      assert.deepEqual(
        refusal(() => checkedText(`${full}x`, 'text')),
        {
          reason: 'too-long',
          field: 'text',
          message: `At most ${MAX_REQUEST_TEXT} characters, got ${MAX_REQUEST_TEXT + 1}.`,
        },
      );
      assert.equal(checkedText('abc', 'name', 3), 'abc');
      assert.deepEqual(
        refusal(() => checkedText('abcd', 'name', 3)),
        {
          reason: 'too-long',
          field: 'name',
          message: 'At most 3 characters, got 4.',
        },
      );
    });

    it('counts the length once trimmed', () => {
      assert.equal(checkedText(`  ${'x'.repeat(3)}  `, 'name', 3), 'xxx');
    });
  });

  describe('checkedContext', () => {
    it('keeps the page context as JSON, an empty object when there is none', () => {
      assert.equal(
        checkedContext({ pageUrl: 'https://shop.example/p' }),
        '{"pageUrl":"https://shop.example/p"}',
      );
      assert.equal(checkedContext(undefined), '{}');
      assert.equal(checkedContext(null), '{}');
    });

    it('takes a context of 4096 characters of JSON, and refuses a larger one', () => {
      const padding = 4096 - JSON.stringify({ p: '' }).length;
      assert.equal(checkedContext({ p: 'x'.repeat(padding) }).length, 4096);
      assert.deepEqual(
        refusal(() => checkedContext({ p: 'x'.repeat(padding + 1) })),
        {
          reason: 'too-long',
          field: 'context',
          message: 'The page context is too large.',
        },
      );
    });
  });

  describe('checkedPhone', () => {
    it('gives a phone number in its stored form', () => {
      assert.equal(checkedPhone('06 12 34 56 78', '+33'), '+33612345678');
    });

    it('refuses what is not a phone number, quoting it', () => {
      assert.deepEqual(
        refusal(() => checkedPhone('06 CALL ME', '+33')),
        {
          reason: 'invalid-phone',
          field: 'phone',
          message: '"06 CALL ME" is not a phone number.',
        },
      );
    });
  });

  describe('checkedContact', () => {
    it('keeps an email address as typed, trimmed', () => {
      assert.equal(checkedContact('  zoe@shop.example ', null), 'zoe@shop.example');
    });

    it('gives a phone number in its stored form', () => {
      assert.equal(checkedContact(' 06 12 34 56 78 ', '+33'), '+33612345678');
    });

    it('refuses what is neither, quoting it as typed', () => {
      for (const raw of ['zoe@', 'call me', '06 12 34 56 78']) {
        assert.deepEqual(
          refusal(() => checkedContact(raw, null)),
          {
            reason: 'invalid-contact',
            field: 'contact',
            message: `"${raw}" is neither an email address nor a phone number.`,
          },
          raw,
        );
      }
    });

    it('does not read an address with an @ as a phone number', () => {
      assert.equal(refusal(() => checkedContact('+33612345678@', '+33')).reason, 'invalid-contact');
    });
  });

  describe('checkWindow', () => {
    const window = (fromMinutes: number, toMinutes: number) => ({
      from: MONDAY_10 + fromMinutes * MINUTE,
      to: MONDAY_10 + toMinutes * MINUTE,
    });

    it('takes a window that has started but is not over, within the horizon and the hours', () => {
      assert.doesNotThrow(() => checkWindow(window(-30, 30), MONDAY_10, 14, mornings));
      assert.doesNotThrow(() => checkWindow(window(0, 1), MONDAY_10, 14));
    });

    it('refuses a window that ends when or before it starts, or is not a time', () => {
      const empty = {
        reason: 'window-empty',
        field: 'window',
        message: 'The window ends before it starts.',
      };
      assert.deepEqual(
        refusal(() => checkWindow(window(30, 30), MONDAY_10, 14)),
        empty,
      );
      assert.deepEqual(
        refusal(() => checkWindow(window(30, 20), MONDAY_10, 14)),
        empty,
      );
      for (const bad of [NaN, Infinity]) {
        assert.deepEqual(
          refusal(() => checkWindow({ from: bad, to: MONDAY_10 }, MONDAY_10, 14)),
          empty,
        );
        assert.deepEqual(
          refusal(() => checkWindow({ from: MONDAY_10, to: bad }, MONDAY_10, 14)),
          empty,
        );
      }
    });

    it('refuses a window over, even by an instant', () => {
      assert.deepEqual(
        refusal(() => checkWindow(window(-30, 0), MONDAY_10, 14)),
        {
          reason: 'window-in-past',
          field: 'window',
          message: 'The window is over.',
        },
      );
    });

    it('takes a window ending exactly at the horizon, and refuses one ending after it', () => {
      const horizon = 14 * DAY;
      assert.doesNotThrow(() =>
        checkWindow({ from: MONDAY_10, to: MONDAY_10 + horizon }, MONDAY_10, 14),
      );
      assert.deepEqual(
        refusal(() => checkWindow({ from: MONDAY_10, to: MONDAY_10 + horizon + 1 }, MONDAY_10, 14)),
        {
          reason: 'window-too-far',
          field: 'window',
          message: 'The window ends more than 14 days ahead.',
        },
      );
    });

    it('refuses a window the shop is closed all through, counting only what is still to come', () => {
      const closed = {
        reason: 'window-closed',
        field: 'window',
        message: 'The shop is closed all through the window.',
      };
      // 12:00–13:00: after the morning.
      assert.deepEqual(
        refusal(() => checkWindow(window(120, 180), MONDAY_10, 14, mornings)),
        closed,
      );
      // 09:00–12:00 asked at 12:00-: only the part still to come counts, and it is closed.
      const atNoon = MONDAY_10 + 120 * MINUTE;
      assert.deepEqual(
        refusal(() => checkWindow(window(-60, 150), atNoon, 14, mornings)),
        closed,
      );
      // The same window is fine without hours.
      assert.doesNotThrow(() => checkWindow(window(120, 180), MONDAY_10, 14));
    });
  });

  describe('checkedSlot', () => {
    const slot = (minutes: number) => MONDAY_10 + minutes * MINUTE;

    it('gives a slot of the grid as a range of its length', () => {
      assert.deepEqual(checkedSlot(mornings, slot(30), 30, MONDAY_10, 14), {
        start: slot(30),
        end: slot(60),
      });
    });

    it('refuses what is not a slot of the grid, saying why', () => {
      const unavailable = (why: string) => ({
        reason: 'slot-unavailable',
        field: 'slotStart',
        message: `That slot cannot be booked: ${why}.`,
      });
      assert.deepEqual(
        refusal(() => checkedSlot(mornings, slot(30) + 0.5, 30, MONDAY_10, 14)),
        unavailable('not a time'),
      );
      assert.deepEqual(
        refusal(() => checkedSlot(mornings, MONDAY_10, 30, MONDAY_10, 14)),
        unavailable('it has started'),
      );
      assert.deepEqual(
        refusal(() => checkedSlot(mornings, slot(15), 30, MONDAY_10, 14)),
        unavailable('not a slot of the opening hours'),
      );
      assert.deepEqual(
        refusal(() => checkedSlot(mornings, slot(120), 30, MONDAY_10, 14)),
        unavailable('not a slot of the opening hours'),
      );
    });

    it('takes a slot just before the horizon, and refuses one at it', () => {
      // Monday 15 June, 09:00 and 10:00 UTC: 14 days after Monday 1 June 10:00 is 10:00.
      const lastDay = MONDAY_10 + 14 * DAY;
      assert.equal(
        checkedSlot(mornings, lastDay - 60 * MINUTE, 30, MONDAY_10, 14).start,
        lastDay - 60 * MINUTE,
      );
      assert.deepEqual(
        refusal(() => checkedSlot(mornings, lastDay, 30, MONDAY_10, 14)),
        {
          reason: 'slot-unavailable',
          field: 'slotStart',
          message: 'That slot cannot be booked: more than 14 days ahead.',
        },
      );
    });
  });

  it('says which slot was taken first', () => {
    const taken = RequestError.slotTaken();
    assert.deepEqual(
      { reason: taken.reason, field: taken.field, message: taken.message, name: taken.name },
      {
        reason: 'slot-taken',
        field: 'slotStart',
        message: 'Someone booked that slot first.',
        name: 'RequestError',
      },
    );
  });
});

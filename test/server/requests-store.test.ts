/**
 * Messages, callback requests and appointments left when nobody can answer, on both engines
 * (see test/support/storage-engines.ts).
 */
import assert from 'node:assert/strict';
import pg from 'pg';
import { after, before, describe, it } from '../support/node-test.js';
import type { Hours, Interval } from '../../src/server/offline/business-hours.js';
import { isEmail, normalizePhone } from '../../src/server/offline/contact.js';
import { ConversationStore } from '../../src/server/storage/conversation-store.js';
import {
  RequestError,
  RequestStore,
  type RequestProblem,
  type ShopperRequest,
} from '../../src/server/storage/requests-store.js';
import { openDatabase, type SqlDatabase } from '../../src/server/storage/sql.js';
import { storageEngines } from '../support/storage-engines.js';
import { until } from '../support/deadline.js';

/** A time on the shop's clock in June 2026 (Paris, UTC+2). */
const paris = (date: string, time: string) => Date.parse(`2026-06-${date}T${time}:00+02:00`);
/** Monday 15 June 2026, 10:00 in Paris: the shop has just opened. */
const NOW = paris('15', '10:00');
const MINUTE = 60_000;
const DAY = 86_400_000;

const day: Interval[] = [
  { from: '10:00', to: '12:30' },
  { from: '14:00', to: '19:00' },
];
const hours: Hours = {
  timeZone: 'Europe/Paris',
  weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day },
};

async function refused(promise: Promise<unknown>, reason: RequestProblem, field?: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof RequestError, String(error));
    assert.equal(error.reason, reason, error.message);
    assert.match(error.message, /\w.*\.$/, 'a sentence that says why');
    if (field) assert.equal(error.field, field);
    return true;
  });
}

describe('normalizePhone', () => {
  it('reads international numbers as people write them', () => {
    for (const typed of [
      '+33 6 12 34 56 78',
      '+33612345678',
      '+33 (0)6 12 34 56 78',
      '0033 6 12 34 56 78',
      ' +33 6.12.34.56.78 ',
    ])
      assert.equal(normalizePhone(typed), '+33612345678', typed);
    assert.equal(normalizePhone('+1 (555) 123-4567'), '+15551234567');
  });

  it("reads national numbers with the shop's calling code", () => {
    for (const typed of ['06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', '0612345678'])
      assert.equal(normalizePhone(typed, '+33'), '+33612345678', typed);
    assert.equal(normalizePhone('(555) 123-4567', '+1'), '+15551234567');
    assert.equal(normalizePhone('06 1234 5678', '+39'), '+390612345678', 'Rome keeps its 0');
    assert.equal(normalizePhone('06 12 34 56 78'), null, 'no calling code: whose number?');
  });

  it('refuses letters, and numbers too short or too long', () => {
    for (const typed of [
      '06 12 34 56 7a',
      '+33 6 CALL ME',
      '+33 6 12 34 56 78 ext. 12',
      '+33 6 12',
      '+33 6 12 34 56 78 90 12 34',
      '++33 6 12 34 56 78',
      '6 12 34 56 78 +33',
      '',
    ])
      assert.equal(normalizePhone(typed, '+33'), null, typed);
  });

  it('takes a plausible email address', () => {
    assert.equal(isEmail('lea@example.fr'), true);
    for (const typed of ['lea', 'lea@', 'lea@example', 'lea @example.fr', 'a@b@c.fr'])
      assert.equal(isEmail(typed), false, typed);
  });
});

const engines = await storageEngines('requests suite');

for (const engine of engines) {
  describe(`requests on ${engine.name}`, () => {
    let db: SqlDatabase;
    let store: RequestStore;
    let databaseUrl: string | undefined;
    before(async () => {
      const options = await engine.open();
      databaseUrl = options.databaseUrl;
      db = await openDatabase(options);
      store = await RequestStore.open(db, { shopId: 'velo', callingCode: '+33', now: () => NOW });
    });
    after(async () => {
      await store.close();
      await db.close();
      await engine.dispose();
    });

    describe('messages', () => {
      it('stores a message with the text as typed, cleaned of control characters', async () => {
        const stored = await store.leaveMessage({
          lang: 'fr',
          topic: 'bikes',
          name: '  Léa ',
          contact: 'lea@example.fr',
          text: '  Bonjour,\nle vélo <b>rouge</b> existe-t-il en 54 ?\u0007 ',
          context: { pageUrl: 'https://shop.example/velo-rouge' },
        });
        assert.equal(stored.kind, 'message');
        assert.equal(stored.name, 'Léa');
        assert.equal(stored.text, 'Bonjour,\nle vélo <b>rouge</b> existe-t-il en 54 ?');
        assert.equal(stored.status, 'to-do');
        assert.deepEqual(stored.context, { pageUrl: 'https://shop.example/velo-rouge' });
        assert.deepEqual(await store.get(stored.id), stored);
      });

      it('keeps a phone number given as the contact in its stored form', async () => {
        const stored = await store.leaveMessage({
          lang: 'fr',
          contact: '06 12 34 56 78',
          text: 'Rappelez-moi',
        });
        assert.equal(stored.kind === 'message' && stored.contact, '+33612345678');
      });

      it('refuses an empty message, a text or name too long, a contact that is neither', async () => {
        const base = { lang: 'en' as const, contact: 'sam@example.com' };
        await refused(store.leaveMessage({ ...base, text: ' \n\t ' }), 'text-empty', 'text');
        await refused(store.leaveMessage({ ...base, text: 'x'.repeat(2001) }), 'too-long', 'text');
        await refused(
          store.leaveMessage({ ...base, text: 'hi', name: 'n'.repeat(101) }),
          'too-long',
          'name',
        );
        await refused(
          store.leaveMessage({ ...base, text: 'hi', context: { pageUrl: 'x'.repeat(5000) } }),
          'too-long',
          'context',
        );
        for (const contact of ['sam', 'sam@', '12 34', 'call me maybe'])
          await refused(
            store.leaveMessage({ ...base, contact, text: 'hi' }),
            'invalid-contact',
            'contact',
          );
      });
    });

    describe('callback requests', () => {
      const window = { from: paris('15', '14:00'), to: paris('15', '16:00') };

      it('stores the phone number normalised and the window', async () => {
        const stored = await store.requestCallback({
          lang: 'fr',
          name: 'Marc',
          phone: '06.12.34.56.78',
          window,
          text: 'Pour un devis',
        });
        assert.equal(stored.kind, 'callback');
        assert.ok(stored.kind === 'callback');
        assert.equal(stored.phone, '+33612345678');
        assert.deepEqual(stored.window, window);
        assert.equal(stored.text, 'Pour un devis');
      });

      it('accepts a window that has started, as long as it is not over', async () => {
        const stored = await store.requestCallback({
          lang: 'en',
          phone: '+44 20 7946 0958',
          window: { from: NOW - 30 * MINUTE, to: NOW + 30 * MINUTE },
        });
        assert.equal(stored.text, null);
      });

      it('refuses a phone number that is not one', async () => {
        for (const phone of ['06 12 34 56 7a', '12345', 'Marc'])
          await refused(
            store.requestCallback({ lang: 'fr', phone, window }),
            'invalid-phone',
            'phone',
          );
      });

      it('refuses a window that is empty, over, or too far ahead', async () => {
        const phone = '+33 6 12 34 56 78';
        const ask = (from: number, to: number) =>
          store.requestCallback({ lang: 'fr', phone, window: { from, to } });
        await refused(ask(window.to, window.from), 'window-empty', 'window');
        await refused(ask(window.from, window.from), 'window-empty', 'window');
        await refused(ask(NOW - 2 * 3_600_000, NOW), 'window-in-past', 'window');
        await refused(ask(NOW + 14 * DAY, NOW + 15 * DAY), 'window-too-far', 'window');
      });

      it('refuses a window the shop is closed all through, and takes one that meets its hours', async () => {
        const phone = '+33 6 12 34 56 78';
        const ask = (from: number, to: number) =>
          store.requestCallback({ lang: 'fr', phone, window: { from, to }, hours });
        // Over lunch, at night, on Sunday: nobody there to call.
        await refused(ask(paris('15', '12:30'), paris('15', '14:00')), 'window-closed', 'window');
        await refused(ask(paris('15', '19:00'), paris('16', '10:00')), 'window-closed', 'window');
        await refused(ask(paris('21', '09:00'), paris('21', '18:00')), 'window-closed', 'window');
        // A window that ends in the first half hour of the afternoon will do.
        const taken = await ask(paris('15', '13:00'), paris('15', '14:30'));
        assert.equal(taken.kind, 'callback');
        // Without hours, any time will do.
        const whenever = await store.requestCallback({
          lang: 'fr',
          phone,
          window: { from: paris('15', '22:00'), to: paris('15', '23:00') },
        });
        assert.equal(whenever.kind, 'callback');
      });
    });

    describe('appointments', () => {
      const book = (slotStart: number, topic: string | null = 'repair', slotMinutes = 20) =>
        store.bookAppointment({
          lang: 'fr',
          topic,
          name: 'Léa',
          contact: 'lea@example.fr',
          slotStart,
          hours,
          slotMinutes,
        });

      it('books a slot of the grid, once', async () => {
        const stored = await book(paris('16', '10:20'));
        assert.ok(stored.kind === 'appointment');
        assert.deepEqual(stored.slot, { start: paris('16', '10:20'), end: paris('16', '10:40') });
        await refused(book(paris('16', '10:20')), 'slot-taken', 'slotStart');
      });

      it('books the same time for another topic', async () => {
        await book(paris('16', '11:00'), 'repair');
        const other = await book(paris('16', '11:00'), 'hi-fi');
        assert.equal(other.topic, 'hi-fi');
        await book(paris('16', '11:00'), null);
        await refused(book(paris('16', '11:00'), null), 'slot-taken');
      });

      it('refuses a slot off the grid, outside the hours, started or too far ahead', async () => {
        for (const slotStart of [
          paris('16', '10:10'), // off the 20-minute grid
          paris('16', '12:20'), // would end after the 12:30 close
          paris('16', '13:00'), // lunch
          paris('21', '10:00'), // Sunday
          NOW, // starting now
          paris('08', '10:00'), // last week
          NOW + 14 * DAY, // beyond the horizon
        ])
          await refused(book(slotStart), 'slot-unavailable', 'slotStart');
      });

      it('lists free slots from now, without the booked ones', async () => {
        const free = await store.freeSlots({ hours, slotMinutes: 20, topic: 'bikes', days: 1 });
        const times = free.map((s) => new Date(s.start).toISOString().slice(11, 16));
        // 10:00 has started; 10:20 … 12:00 then 14:00 … 18:40, in UTC (Paris − 2 h).
        assert.equal(times[0], '08:20');
        assert.equal(times.length, 6 + 15);
        await book(paris('15', '10:40'), 'bikes');
        const after = await store.freeSlots({ hours, slotMinutes: 20, topic: 'bikes', days: 1 });
        assert.equal(after.length, free.length - 1);
        assert.ok(!after.some((s) => s.start === paris('15', '10:40')));
        const otherTopic = await store.freeSlots({
          hours,
          slotMinutes: 20,
          topic: 'hi-fi',
          days: 1,
        });
        assert.equal(otherTopic.length, free.length);
      });

      it('offers no slot beyond the 14-day horizon', async () => {
        const free = await store.freeSlots({ hours, slotMinutes: 20, topic: 'x', days: 30 });
        assert.ok(free.length > 0);
        assert.ok(free.every((s) => s.start > NOW && s.start < NOW + 14 * DAY));
      });

      it('frees a slot when its appointment is cancelled', async () => {
        const booked = await book(paris('17', '15:00'));
        await refused(book(paris('17', '15:00')), 'slot-taken');
        const cancelled = await store.cancel(booked.id);
        assert.equal(cancelled.status, 'cancelled');
        assert.notEqual(cancelled.cancelledAt, null);
        const again = await book(paris('17', '15:00'));
        assert.equal(again.status, 'to-do');
      });

      it('keeps bookings made on an older slot length from being overlapped', async () => {
        await book(paris('18', '11:00'), 'repair', 20); // 11:00–11:20
        const free = await store.freeSlots({
          hours,
          slotMinutes: 30,
          topic: 'repair',
          from: paris('18', '10:00'),
          days: 1,
        });
        const morning = free
          .filter((s) => s.start < paris('18', '12:30'))
          .map((s) => new Date(s.start).toISOString().slice(11, 16));
        assert.deepEqual(
          morning,
          ['08:00', '08:30', '09:30', '10:00'],
          '11:00 overlaps 11:00–11:20',
        );
        await refused(book(paris('18', '11:00'), 'repair', 30), 'slot-taken');
      });

      it('refuses a booking of another length that overlaps one already booked', async () => {
        // The slot length changed between the two bookings: the starts differ, so only the
        // store's overlap check (not the database's one-booking-per-start index) stands.
        await book(paris('22', '11:20'), 'repair', 20); // 11:20–11:40
        await refused(book(paris('22', '11:00'), 'repair', 30), 'slot-taken', 'slotStart'); // 11:00–11:30
        await refused(book(paris('22', '11:30'), 'repair', 30), 'slot-taken'); // 11:30–12:00

        await book(paris('23', '11:00'), 'repair', 30); // 11:00–11:30
        await refused(book(paris('23', '11:20'), 'repair', 20), 'slot-taken'); // 11:20–11:40
        await refused(book(paris('23', '11:00'), 'repair', 20), 'slot-taken'); // 11:00–11:20, inside
      });

      it('takes a booking of another length that only touches one already booked', async () => {
        await book(paris('24', '10:30'), 'repair', 30); // 10:30–11:00
        const before = await book(paris('24', '10:00'), 'repair', 20); // 10:00–10:20
        const after = await book(paris('24', '11:00'), 'repair', 20); // 11:00–11:20
        assert.equal(before.status, 'to-do');
        assert.equal(after.status, 'to-do');
        await refused(book(paris('24', '10:20'), 'repair', 20), 'slot-taken'); // 10:20–10:40
        await refused(book(paris('24', '10:40'), 'repair', 20), 'slot-taken'); // 10:40–11:00
      });

      it('lists as free only the slots of the new length that overlap no booking', async () => {
        await book(paris('25', '11:20'), 'repair', 20); // 11:20–11:40
        const free = await store.freeSlots({
          hours,
          slotMinutes: 30,
          topic: 'repair',
          from: paris('25', '10:00'),
          days: 1,
        });
        const morning = free
          .filter((s) => s.start < paris('25', '12:30'))
          .map((s) => new Date(s.start).toISOString().slice(11, 16));
        // 10:00, 10:30 and 12:00 (Paris; UTC + 2 h): not 11:00–11:30 nor 11:30–12:00.
        assert.deepEqual(morning, ['08:00', '08:30', '10:00']);
      });

      it('has the database itself refuse a second booking of a slot, but not after a cancel', async () => {
        // Below the store's own check: what two hubs of different versions would meet.
        const insert = (id: string, status: string) =>
          db.query(
            `insert into requests (id, kind, shop_id, topic, lang, contact, slot_start, slot_minutes, status)
             values ($1, 'appointment', 'velo', 'direct', 'en', 'x@example.com', $2, 20, $3)`,
            [id, new Date(paris('20', '10:00')).toISOString(), status],
          );
        await insert('direct-1', 'cancelled');
        await insert('direct-2', 'to-do');
        await assert.rejects(insert('direct-3', 'done'), { code: '23505' });
      });

      // Only PostgreSQL has a second connection to write from while the store books.
      if (engine.name === 'PostgreSQL')
        it('refuses as taken a booking that meets, at its insert, a slot written past the lock', async () => {
          // An older hub, or a hand in the database: it books without the store's lock, and has
          // not committed yet when the store looks for overlaps, so the store sees none.
          const hand = new pg.Client({ connectionString: databaseUrl });
          await hand.connect();
          try {
            await hand.query('begin');
            const [{ xid }] = (
              await hand.query<{ xid: string }>('select pg_current_xact_id()::xid::text as xid')
            ).rows as [{ xid: string }];
            await hand.query(
              `insert into requests (id, kind, shop_id, topic, lang, contact, slot_start, slot_minutes)
               values ('by-hand', 'appointment', 'velo', 'past-the-lock', 'en', 'x@example.com', $1, 20)`,
              [new Date(paris('22', '15:00')).toISOString()],
            );
            const booking = book(paris('22', '15:00'), 'past-the-lock');
            booking.catch(() => {});
            await until(
              () =>
                hand.query(
                  `select 1 from pg_locks where not granted and locktype = 'transactionid'
                   and transactionid::text = $1`,
                  [xid],
                ),
              (waiting) => waiting.rowCount === 1,
              { what: 'the store’s insert waiting on the row written by hand' },
            );
            await hand.query('commit');
            await refused(booking, 'slot-taken', 'slotStart');
          } finally {
            await hand.end();
          }
          const stored = (await store.list({ kind: 'appointment' })).filter(
            (r) => r.topic === 'past-the-lock',
          );
          assert.deepEqual(
            stored.map((r) => r.id),
            ['by-hand'],
          );
        });

      it('gives a slot to exactly one of 50 shoppers booking it at once', async () => {
        const slotStart = paris('19', '16:00');
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) =>
            store.bookAppointment({
              lang: 'en',
              topic: 'race',
              contact: `shopper${i}@example.com`,
              slotStart,
              hours,
              slotMinutes: 20,
            }),
          ),
        );
        const booked = results.filter((r) => r.status === 'fulfilled');
        const reasons = results.flatMap((r) =>
          r.status === 'rejected' ? [(r.reason as RequestError).reason] : [],
        );
        assert.equal(booked.length, 1);
        assert.deepEqual(reasons, Array(49).fill('slot-taken'));
        const stored = (await store.list({ kind: 'appointment' })).filter(
          (r) => r.topic === 'race',
        );
        assert.equal(stored.length, 1);
      });

      it('gives overlapping slots of two lengths to exactly one of the shoppers booking them at once', async () => {
        const results = await Promise.allSettled(
          Array.from(
            { length: 20 },
            (_, i) =>
              i % 2 === 0
                ? book(paris('26', '11:00'), 'race-lengths', 30) // 11:00–11:30
                : book(paris('26', '11:20'), 'race-lengths', 20), // 11:20–11:40
          ),
        );
        const reasons = results.flatMap((r) =>
          r.status === 'rejected' ? [(r.reason as RequestError).reason] : [],
        );
        assert.deepEqual(reasons, Array(19).fill('slot-taken'));
        const stored = (await store.list({ kind: 'appointment' })).filter(
          (r) => r.topic === 'race-lengths',
        );
        assert.equal(stored.length, 1);
      });
    });

    describe('the console', () => {
      it('lists what is to do, oldest first, and marks a request done by an expert', async () => {
        const first = await store.leaveMessage({
          lang: 'en',
          contact: 'a@example.com',
          text: 'one',
        });
        const second = await store.leaveMessage({
          lang: 'en',
          contact: 'b@example.com',
          text: 'two',
        });
        const ids = (await store.list({ status: 'to-do' })).map((r) => r.id);
        assert.ok(ids.indexOf(first.id) < ids.indexOf(second.id));

        const done = await store.markDone(first.id, 'dev-ana');
        assert.equal(done.status, 'done');
        assert.equal(done.doneBy, 'dev-ana');
        assert.notEqual(done.doneAt, null);
        const toDo = (await store.list({ status: 'to-do' })).map((r) => r.id);
        assert.ok(!toDo.includes(first.id));
        assert.ok(toDo.includes(second.id));
        assert.ok((await store.list({ status: 'done' })).some((r) => r.id === first.id));
      });

      it('lists the latest first when asked, and no more than the limit', async () => {
        const texts = ['first', 'second', 'third'];
        for (const text of texts)
          await store.leaveMessage({ lang: 'en', contact: 'o@example.com', text: `order ${text}` });
        const ours = (list: ShopperRequest[]) =>
          list.flatMap((r) => (r.text?.startsWith('order ') ? [r.text.slice(6)] : []));
        assert.deepEqual(ours(await store.list()), texts);
        assert.deepEqual(ours(await store.list({ newestFirst: true })), [...texts].reverse());
        const latest = await store.list({ newestFirst: true, limit: 2 });
        assert.deepEqual(
          latest.map((r) => r.text),
          ['order third', 'order second'],
        );
      });

      it('lets two experts mark the same request done without an error', async () => {
        const request = await store.leaveMessage({
          lang: 'en',
          contact: 'c@example.com',
          text: 'hi',
        });
        const [one, two] = await Promise.all([
          store.markDone(request.id, 'dev-ana'),
          store.markDone(request.id, 'dev-bo'),
        ]);
        assert.equal(one.status, 'done');
        assert.deepEqual(one, two, 'the first one wins, the second sees it');
      });

      it('filters by kind and says when a request does not exist', async () => {
        const kinds = new Set((await store.list({ kind: 'callback' })).map((r) => r.kind));
        assert.deepEqual([...kinds], ['callback']);
        await refused(store.markDone('no-such-request'), 'not-found');
        await refused(store.cancel('no-such-request'), 'not-found');
      });

      it("shows one shop's requests only", async () => {
        const other = await RequestStore.open(db, { shopId: 'hifi', now: () => NOW });
        await other.leaveMessage({ lang: 'en', contact: 'd@example.com', text: 'other shop' });
        const mine: ShopperRequest[] = await store.list();
        assert.ok(!mine.some((r) => r.text === 'other shop'));
        assert.equal((await other.list()).length, 1);
        await other.close();
      });
    });

    it('shares its database with the conversation store, and leaves it open', async () => {
      const conversations = await ConversationStore.open(db);
      await conversations.create({
        id: 'c-shared',
        mode: 'chat',
        lang: 'en',
        context: {},
        state: 'queued',
        resumeToken: 'token',
      });
      await conversations.close();
      assert.equal((await db.query('select id from conversations')).length, 1);
      assert.ok((await store.list()).length > 0, 'still usable after the other store closed');
    });
  });
}

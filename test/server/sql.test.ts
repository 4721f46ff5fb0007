/**
 * The SQL layer under both engines: statements asked together (PGlite pipelines them to its
 * worker) answer each its own, in order; a transaction's statements run with nothing from
 * outside in between, so a rollback takes back its own and only its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { openDatabase, type SqlDatabase } from '../../src/server/storage/sql.js';
import { lostConnection } from '../../src/server/storage/storage-health.js';
import pg from 'pg';
import { until } from '../support/deadline.js';
import { POSTGRES, storageEngines } from '../support/storage-engines.js';

const engines = await storageEngines('the SQL layer');

for (const engine of engines) {
  describe(`SQL on ${engine.name}`, () => {
    let db: SqlDatabase;
    before(async () => {
      db = await openDatabase(await engine.open());
      await db.query('create table notes (n integer primary key, who text not null)');
    });
    after(async () => {
      await db.close();
      await engine.dispose();
    });

    it('answers each of many statements asked at once with its own rows', async () => {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, n) => db.query<{ n: number }>('select $1::int as n', [n])),
      );
      assert.deepEqual(
        answers.map((rows) => rows[0]?.n),
        Array.from({ length: 200 }, (_, n) => n),
      );
    });

    it('fails one bad statement among many without failing the others', async () => {
      const [good, bad, after] = await Promise.allSettled([
        db.query('select 1 as one'),
        db.query('select * from no_such_table'),
        db.query('select 2 as two'),
      ]);
      assert.deepEqual(good.status === 'fulfilled' && good.value, [{ one: 1 }]);
      assert.equal(bad.status, 'rejected');
      assert.equal((bad as PromiseRejectedResult).reason.code, '42P01');
      assert.deepEqual(after.status === 'fulfilled' && after.value, [{ two: 2 }]);
    });

    it('keeps statements asked during a transaction out of it: its rollback takes back only its own', async () => {
      let inside!: () => void;
      const started = new Promise<void>((resolve) => (inside = resolve));
      const rolledBack = db
        .transaction(async (tx) => {
          await tx.query(`insert into notes values (1, 'transaction')`);
          inside();
          // Time for the statement below to be asked while this transaction is open.
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error('changed my mind');
        })
        .then(
          () => 'committed',
          (error: Error) => error.message,
        );
      await started;
      const outside = db.query(`insert into notes values (2, 'outside')`);
      assert.equal(await rolledBack, 'changed my mind');
      await outside;
      assert.deepEqual(await db.query('select n, who from notes order by n'), [
        { n: 2, who: 'outside' },
      ]);
    });
  });
}

describe('telling a lost database from a refused statement', () => {
  it('takes connection, shutdown and driver errors for a lost database, and no other', () => {
    for (const code of ['08006', '08001', '57P01', '53300', 'ECONNREFUSED', undefined]) {
      assert.equal(lostConnection(Object.assign(new Error('x'), { code })), true, String(code));
    }
    for (const code of ['23505', '22P02', '42P01', '40001', '22008', '0A000']) {
      assert.equal(lostConnection(Object.assign(new Error('x'), { code })), false, code);
    }
  });
});

const postgresOnly = (await storageEngines('connection loss')).filter(
  (engine) => engine.name === 'PostgreSQL',
);
for (const postgres of postgresOnly)
  describe('a PostgreSQL connection terminated by the server', () => {
    let db: SqlDatabase;
    let admin: pg.Client;
    const logged: string[] = [];
    before(async () => {
      admin = new pg.Client({ connectionString: POSTGRES });
      await admin.connect();
      // One connection: what happens to it decides what the next statement gets.
      db = await openDatabase({ ...(await postgres.open()), poolSize: 1 }, (event) =>
        logged.push(event),
      );
    });
    after(async () => {
      await db.close();
      await admin.end();
      await postgres.dispose();
    });
    const pid = async (ask: { query: SqlDatabase['query'] }) =>
      (await ask.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
    const lossLogged = () =>
      until(
        () => logged,
        (events) => events.includes('storage.connection-lost'),
        { what: 'the lost connection logged' },
      );
    const terminate = (backend: number) =>
      admin.query('select pg_terminate_backend($1)', [backend]);

    it('keeps a connection whose transaction failed on a statement, and rolls it back', async () => {
      const before = await pid(db);
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('select 1');
          await tx.query('select * from no_such_table');
        }),
        { code: '42P01' },
      );
      assert.equal(await pid(db), before, 'the same connection, usable');
      assert.deepEqual(await db.query('select 1 as one'), [{ one: 1 }]);
    });

    it('throws away a connection lost inside a transaction, and says so', async () => {
      logged.length = 0;
      let lostPid = 0;
      await assert.rejects(
        db.transaction(async (tx) => {
          lostPid = await pid(tx);
          await terminate(lostPid);
          await lossLogged();
          await tx.query('select 1');
        }),
      );
      const next = await pid(db);
      assert.notEqual(next, lostPid, 'a new connection');
      assert.deepEqual(await db.transaction((tx) => tx.query('select 2 as two')), [{ two: 2 }]);
    });

    it('replaces an idle connection the server terminated, and says so', async () => {
      logged.length = 0;
      const idle = await pid(db);
      await terminate(idle);
      await lossLogged();
      assert.notEqual(await pid(db), idle);
    });
  });

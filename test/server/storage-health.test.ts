/**
 * Whether the hub's storage answers (storage/storage-health.ts), on the real PostgreSQL reached
 * through a link this test cuts: a connection lost marks it down once, a refused statement does
 * not, a probe brings it back up by itself once the database answers, and stopping ends the
 * probes. The hub's own test of the same fault (test/server/hub-faults.test.ts) checks what
 * shoppers and experts see of it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { until } from '../support/deadline.js';
import { postgresBehindLink, type PostgresBehindLink } from '../support/storage-engines.js';
import { openPostgres } from '../../src/server/storage/sql.js';
import type { SqlDatabase } from '../../src/server/storage/sql.js';
import { watchStorage } from '../../src/server/storage/storage-health.js';

const PROBE_MS = 20;

let postgres: PostgresBehindLink | undefined;

before(async () => {
  postgres = await postgresBehindLink('storage health');
});
after(() => postgres?.dispose());

/** The database through the link, its probes counted, watched with its log kept. */
async function watched() {
  const db = await openPostgres(postgres!.databaseUrl, { poolSize: 2 });
  const counted = { probes: 0 };
  const counting: SqlDatabase = {
    ...db,
    query: (text, params) => {
      if (text === 'select 1') counted.probes++;
      return db.query(text, params);
    },
  };
  const log: string[] = [];
  const said: Array<Record<string, unknown> | undefined> = [];
  const storage = watchStorage(
    counting,
    (event, fields) => {
      log.push(event);
      said.push(fields);
    },
    PROBE_MS,
  );
  return { storage, log, said, counted, close: () => db.close() };
}

/** Cuts every connection and refuses new ones: the database cannot be reached. */
function cut(): void {
  postgres!.link.refuse(true);
  postgres!.link.cutAll();
}

describe('watchStorage', () => {
  it('stays up through a statement the database refuses', async (t) => {
    if (!postgres) return t.diagnostic('PostgreSQL is not reachable here (it is required on CI)');
    const { storage, log, close } = await watched();
    t.after(close);
    await assert.rejects(storage.db.query('select * from no_such_table'), { code: '42P01' });
    await assert.rejects(
      storage.db.transaction((tx) => tx.query('select * from no_such_table')),
      { code: '42P01' },
    );
    assert.equal(storage.healthy(), true);
    assert.deepEqual(log, []);
    assert.deepEqual(await storage.db.query('select 2 as n'), [{ n: 2 }]);
    assert.deepEqual(log, [], 'nothing to say of a storage that was never down');
    storage.stop();
  });

  it('is down once the connection is lost, says so once, and comes back by itself', async (t) => {
    if (!postgres) return t.diagnostic('PostgreSQL is not reachable here (it is required on CI)');
    const { storage, log, said, counted, close } = await watched();
    t.after(async () => {
      postgres!.link.refuse(false);
      storage.stop();
      await close();
    });
    assert.equal(storage.db.engine, 'postgres');
    cut();
    await assert.rejects(storage.db.query('select 1 as n'));
    assert.equal(storage.healthy(), false);
    await assert.rejects(storage.db.transaction((tx) => tx.query('select 1')));
    assert.deepEqual(log, ['storage.down']);
    assert.match(String(said[0]?.['error']), /\w/, 'the log says what failed');
    // While down, it probes again and again.
    await until(
      () => counted.probes,
      (n) => n >= 3,
      { what: 'probes while down' },
    );
    assert.equal(storage.healthy(), false);
    postgres!.link.refuse(false);
    await until(() => storage.healthy(), Boolean, { what: 'the storage back up' });
    assert.deepEqual(log, ['storage.down', 'storage.up']);
    // Up, it probes no more.
    const probes = counted.probes;
    await new Promise((resolve) => setTimeout(resolve, PROBE_MS * 10));
    assert.equal(counted.probes, probes);
    assert.deepEqual(await storage.db.query('select 3 as n'), [{ n: 3 }]);
    assert.deepEqual(log, ['storage.down', 'storage.up']);
  });

  it('is down once a transaction loses its connection', async (t) => {
    if (!postgres) return t.diagnostic('PostgreSQL is not reachable here (it is required on CI)');
    const { storage, log, close } = await watched();
    t.after(async () => {
      postgres!.link.refuse(false);
      storage.stop();
      await close();
    });
    await assert.rejects(
      storage.db.transaction(async (tx) => {
        await tx.query('select 1');
        cut();
        await tx.query('select 2');
      }),
    );
    assert.equal(storage.healthy(), false);
    assert.deepEqual(log, ['storage.down']);
  });

  it('probes no more once stopped', async (t) => {
    if (!postgres) return t.diagnostic('PostgreSQL is not reachable here (it is required on CI)');
    const { storage, counted, close } = await watched();
    t.after(async () => {
      postgres!.link.refuse(false);
      await close();
    });
    cut();
    await assert.rejects(storage.db.query('select 1 as n'));
    await until(
      () => counted.probes,
      (n) => n >= 2,
      { what: 'probes while down' },
    );
    storage.stop();
    const probes = counted.probes;
    postgres!.link.refuse(false);
    await new Promise((resolve) => setTimeout(resolve, PROBE_MS * 10));
    assert.equal(counted.probes, probes);
    assert.equal(storage.healthy(), false, 'nobody probes to bring it back');
  });
});

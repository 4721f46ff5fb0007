/**
 * The engines a storage suite runs on: PGlite in-process, always; and the PostgreSQL server on
 * 127.0.0.1:5432 (database `test`, or TEST_DATABASE_URL) when it answers, or whenever CI is
 * set, so that CI fails rather than quietly testing less. Each PostgreSQL engine works in a
 * schema of its own, created on open and dropped on dispose: suites can run side by side on
 * the shared database and leave nothing behind.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.js';
import type { StorageOptions } from '../../src/server/storage/sql.js';

export const POSTGRES =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface StorageEngine {
  name: 'PGlite' | 'PostgreSQL';
  /** Options for a store on a fresh, empty database (or schema). */
  open(): Promise<StorageOptions>;
  /** Drops what `open` made. */
  dispose(): Promise<void>;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const pglite = (): StorageEngine => ({
  name: 'PGlite',
  open: async () => ({}),
  dispose: async () => {},
});

/** A fresh schema of its own on the PostgreSQL server, made on `open`, dropped on `dispose`. */
export function postgresSchema(): StorageEngine {
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  let created = false;
  return {
    name: 'PostgreSQL',
    open: async () => {
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      created = true;
      const url = new URL(POSTGRES);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return { databaseUrl: url.toString() };
    },
    dispose: async () => {
      if (created) await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** Fresh engines for one suite; says so when PostgreSQL is left out. */
export async function storageEngines(suite: string): Promise<StorageEngine[]> {
  const engines = [pglite()];
  if (process.env['CI'] || (await postgresReachable())) engines.push(postgresSchema());
  else
    console.log(`# PostgreSQL at ${POSTGRES} is not reachable here: ${suite} runs on PGlite only`);
  return engines;
}

/** A fresh PostgreSQL schema reached through a link the test can cut, and its address through it. */
export interface PostgresBehindLink {
  engine: StorageEngine;
  link: FlakyProxy;
  /** The schema's address, through the link. */
  databaseUrl: string;
  /** Closes the link and drops the schema. */
  dispose(): Promise<void>;
}

/**
 * PostgreSQL behind a link this test can cut and keep cut (`FlakyProxy`): a real lost
 * connection. Undefined where PostgreSQL is left out (never on CI).
 */
export async function postgresBehindLink(suite: string): Promise<PostgresBehindLink | undefined> {
  const engine = (await storageEngines(suite)).find((e) => e.name === 'PostgreSQL');
  if (!engine) return undefined;
  const { databaseUrl } = await engine.open();
  const direct = new URL(databaseUrl!);
  const link = await startFlakyProxy(`tcp://${direct.hostname}:${direct.port || 5432}`);
  direct.port = new URL(link.url).port;
  return {
    engine,
    link,
    databaseUrl: direct.toString(),
    dispose: async () => {
      await link.close();
      await engine.dispose();
    },
  };
}

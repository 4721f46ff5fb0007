/**
 * The little the storage needs from a SQL database, so one implementation (and one schema)
 * serves both PGlite, embedded in the hub, and a PostgreSQL server.
 */
import { mkdir } from 'node:fs/promises';

export interface SqlQuery {
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlQuery {
  /** Which engine, for logs and tests. */
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** postgres://… — a PostgreSQL server. When absent, PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; absent = in memory (tests). */
  dataDir?: string | undefined;
}

/**
 * What a store is opened on: options, and the store opens its own database and closes it
 * with itself; or a database already open, shared with other stores and left open. Share
 * one when several stores use the same PGlite folder: PGlite must not open a folder twice.
 */
export type DatabaseSource = StorageOptions | SqlDatabase;

/** The database `options` name: PostgreSQL when there is a URL, else PGlite. */
export function openDatabase(options: StorageOptions = {}): Promise<SqlDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPGlite(options.dataDir);
}

/** The database of a {@link DatabaseSource}, and whether the store owns it (must close it). */
export async function databaseOf(
  source: DatabaseSource,
): Promise<{ db: SqlDatabase; owned: boolean }> {
  if ('query' in source) return { db: source, owned: false };
  return { db: await openDatabase(source), owned: true };
}

/** PGlite: PostgreSQL compiled to WebAssembly, in-process. `dataDir` undefined = in memory. */
export async function openPGlite(dataDir?: string): Promise<SqlDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  // PGlite creates its own folder but not the ones above it (.data/ on a fresh clone).
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    engine: 'pglite',
    query: async <Row>(text: string, params?: readonly unknown[]) =>
      (await db.query<Row>(text, params ? [...params] : undefined)).rows,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row>(text: string, params?: readonly unknown[]) =>
            (await tx.query<Row>(text, params ? [...params] : undefined)).rows,
        }),
      ),
    close: () => db.close(),
  };
}

/** A PostgreSQL server, through a small connection pool. */
export async function openPostgres(connectionString: string): Promise<SqlDatabase> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start, with the server's own words, rather than at the first message.
  await pool.query('select 1');
  return {
    engine: 'postgres',
    query: async <Row>(text: string, params?: readonly unknown[]) =>
      (await pool.query(text, params ? [...params] : undefined)).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <Row>(text: string, params?: readonly unknown[]) =>
            (await client.query(text, params ? [...params] : undefined)).rows as Row[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

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
  /** PostgreSQL connections this hub process keeps at most (default 10). */
  poolSize?: number | undefined;
}

/**
 * What a store is opened on: options, and the store opens its own database and closes it
 * with itself; or a database already open, shared with other stores and left open. Share
 * one when several stores use the same PGlite folder: PGlite must not open a folder twice.
 */
export type DatabaseSource = StorageOptions | SqlDatabase;

/** The database `options` name: PostgreSQL when there is a URL, else PGlite. */
export function openDatabase(
  options: StorageOptions = {},
  log?: (event: string, fields?: Record<string, unknown>) => void,
): Promise<SqlDatabase> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, { poolSize: options.poolSize, ...(log ? { log } : {}) })
    : openPGlite(options.dataDir);
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

/**
 * A PostgreSQL server, through a connection pool. A connection the server drops (a restart, a
 * failover, an idle timeout, `pg_terminate_backend`) fails the query that was using it, if
 * any, and is replaced: it never stops the hub.
 */
export async function openPostgres(
  connectionString: string,
  options: {
    poolSize?: number | undefined;
    log?: (event: string, fields?: Record<string, unknown>) => void;
  } = {},
): Promise<SqlDatabase> {
  const { default: pg } = await import('pg');
  const log = options.log ?? (() => {});
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // Without a listener, an idle connection's error would be thrown out of the event loop.
  pool.on('error', (error) => log('storage.connection-lost', { error: error.message }));
  // Fail at start, with the server's own words, rather than at the first message.
  await pool.query('select 1');
  return {
    engine: 'postgres',
    query: async <Row>(text: string, params?: readonly unknown[]) =>
      (await pool.query(text, params ? [...params] : undefined)).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      // A connection lost between two statements of the transaction: the next statement
      // fails and the connection is thrown away on release.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
        log('storage.connection-lost', { error: error.message });
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await work({
          query: async <Row>(text: string, params?: readonly unknown[]) =>
            (await client.query(text, params ? [...params] : undefined)).rows as Row[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        lost ??= await client.query('rollback').then(
          () => undefined,
          (rollbackError: unknown) => rollbackError as Error,
        );
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}

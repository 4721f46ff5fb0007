/**
 * The little the storage needs from a SQL database, so one implementation (and one schema)
 * serves both PGlite, embedded in the hub, and a PostgreSQL server.
 */
import { Worker } from 'node:worker_threads';

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

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in a worker thread of the hub (pglite-worker.mjs)
 * so that its queries do not hold up the event loop. `dataDir` undefined = in memory.
 *
 * Statements are pipelined: each is sent at once, without waiting for the one before to
 * answer, and those asked in one turn of the event loop go in one message; the worker runs
 * them in the order they came (PGlite has a single connection). A transaction's statements go
 * with nothing in between: statements asked while one is open wait for its end.
 */
export async function openPGlite(dataDir?: string): Promise<SqlDatabase> {
  const script = new URL('./pglite-worker.mjs', import.meta.url);
  const worker = new Worker(script, { workerData: { dataDir } });
  const waiting = new Map<number, { resolve(rows: unknown[]): void; reject(e: Error): void }>();
  let stopped: Error | undefined;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  worker.on('message', (answers: WorkerAnswer[]) => {
    for (const answer of answers) {
      const waiter = waiting.get(answer.id);
      if (!waiter) continue;
      waiting.delete(answer.id);
      if ('rows' in answer) waiter.resolve(answer.rows);
      else
        waiter.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
    }
  });
  worker.on('error', (error) => stop(new Error(`PGlite stopped: ${error.message}`)));
  worker.on('exit', () => stop(new Error('PGlite has been closed.')));
  let nextId = 0;
  let outbox: WorkerRequest[] = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    worker.postMessage(batch);
  };
  const ask = (request: DistributiveOmit<WorkerRequest, 'id'>) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      if (outbox.push({ ...request, id }) === 1) queueMicrotask(flush);
    });
  // The worker says it is ready (id 0) once PGlite is open, or fails to start.
  await new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
  });
  const send = async <Row>(text: string, params?: readonly unknown[]) =>
    (await ask({ op: 'query', text, params: params ? [...params] : undefined })) as Row[];
  // Held by an open transaction, and by the statements queued behind it.
  let held: Promise<void> | undefined;
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = (held ?? Promise.resolve()).then(work);
    const done = run.then(
      () => {},
      () => {},
    );
    held = done;
    void done.then(() => {
      if (held === done) held = undefined;
    });
    return run;
  };
  return {
    engine: 'pglite',
    query: (text, params) => (held ? exclusive(() => send(text, params)) : send(text, params)),
    transaction: (work) =>
      exclusive(async () => {
        await send('begin');
        try {
          const result = await work({ query: send });
          await send('commit');
          return result;
        } catch (error) {
          await send('rollback').catch(() => {});
          throw error;
        }
      }),
    close: async () => {
      if (stopped) return;
      await exclusive(() => ask({ op: 'close' }));
      await worker.terminate();
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What sql.ts asks of pglite-worker.mjs, in batches (an array a message). */
type WorkerRequest =
  | { id: number; op: 'query'; text: string; params: unknown[] | undefined }
  | { id: number; op: 'close' };

/** What pglite-worker.mjs answers, in batches; id 0 once PGlite is open. */
type WorkerAnswer =
  | { id: number; rows: unknown[] }
  | { id: number; error: { message: string; code: string | undefined } };

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
      // A connection lost while the transaction has it: said here (an error with no listener
      // would be thrown out of the event loop); the statement under way, or the next, fails,
      // and the pool throws the connection away on release.
      const onError = (error: Error) => log('storage.connection-lost', { error: error.message });
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
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Whether the hub's storage answers. A statement that fails for the connection (the server
 * gone, unreachable, restarting; not a refused value) marks the storage down; while down, a
 * probe every `probeMs` brings it back up as soon as the database answers again. The hub says
 * it is degraded meanwhile (/health), and refuses what it cannot store with a retryable error.
 */
import type { SqlDatabase } from './sql.js';

type Log = (event: string, fields?: Record<string, unknown>) => void;

export interface WatchedStorage {
  readonly db: SqlDatabase;
  healthy(): boolean;
  /** Stops probing (the database itself is closed by its owner). */
  stop(): void;
}

export function watchStorage(db: SqlDatabase, log: Log, probeMs = 1_000): WatchedStorage {
  let down = false;
  let probe: ReturnType<typeof setInterval> | undefined;
  const up = () => {
    if (!down) return;
    down = false;
    clearInterval(probe);
    probe = undefined;
    log('storage.up');
  };
  const failed = (error: unknown) => {
    if (down || !lostConnection(error)) return;
    down = true;
    log('storage.down', { error: String(error) });
    probe = setInterval(() => {
      db.query('select 1').then(up, () => {});
    }, probeMs);
    probe.unref();
  };
  const watched = <T>(work: Promise<T>): Promise<T> =>
    work.then(
      (value) => {
        up();
        return value;
      },
      (error: unknown) => {
        failed(error);
        throw error;
      },
    );
  return {
    db: {
      engine: db.engine,
      query: (text, params) => watched(db.query(text, params)),
      transaction: (work) => watched(db.transaction(work)),
      close: () => db.close(),
    },
    healthy: () => !down,
    stop: () => clearInterval(probe),
  };
}

/**
 * Whether an error says the database could not be reached or dropped the connection, rather
 * than refusing a statement: SQLSTATE classes 08 (connection), 57P (shut down), 53 (out of
 * resources), or a driver's error without a SQLSTATE.
 */
export function lostConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(08|57P|53)/.test(code);
  return true;
}

/**
 * PGlite in a worker thread: PostgreSQL compiled to WebAssembly runs its queries here, so that
 * the hub's event loop goes on with sockets and timers while one runs (sql.ts speaks to it,
 * and types the messages: `WorkerRequest` in, `WorkerAnswer` out). One request at a time, in
 * the order they came: PGlite has one connection, and sql.ts keeps a transaction's statements
 * together.
 *
 * Plain JavaScript, so that the worker starts the same from the sources and once built.
 */
import { mkdir } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs as a worker thread (see sql.ts).');
const { dataDir } = /** @type {{ dataDir: string | undefined }} */ (workerData);
// PGlite creates its own folder but not the ones above it (.data/ on a fresh clone).
if (dataDir) await mkdir(dataDir, { recursive: true });
const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();

let chain = Promise.resolve();
port.on(
  'message',
  (/** @type {{ id: number, op: string, text?: string, params?: unknown[] }} */ request) => {
    chain = chain.then(async () => {
      try {
        if (request.op === 'close') {
          await db.close();
          port.postMessage({ id: request.id, rows: [] });
          port.close();
          return;
        }
        const result = await db.query(/** @type {string} */ (request.text), request.params);
        port.postMessage({ id: request.id, rows: result.rows });
      } catch (error) {
        const { message, code } = /** @type {{ message?: string, code?: string }} */ (error);
        port.postMessage({ id: request.id, error: { message: message ?? String(error), code } });
      }
    });
  },
);
// Ready: PGlite is open.
port.postMessage({ id: 0, rows: [] });

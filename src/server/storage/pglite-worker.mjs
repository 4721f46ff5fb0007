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

/** @typedef {{ id: number, op: string, text?: string, params?: unknown[] }} Request */
/** @typedef {{ id: number, rows: unknown[] } | { id: number, error: { message: string, code?: string } }} Answer */

let chain = Promise.resolve();
let pending = 0;
/** @type {Answer[]} */
let answers = [];
/** Answers go back in batches: when nothing more is queued, or every 32. */
const answer = (/** @type {Answer} */ a) => {
  answers.push(a);
  if (pending > 0 && answers.length < 32) return;
  port.postMessage(answers);
  answers = [];
};

/** Runs one request; never throws (an error is its answer). */
async function run(/** @type {Request} */ request) {
  try {
    if (request.op === 'close') {
      await db.close();
      pending--;
      port.postMessage([...answers, { id: request.id, rows: [] }]);
      port.close();
      return;
    }
    const result = await db.query(/** @type {string} */ (request.text), request.params);
    pending--;
    answer({ id: request.id, rows: result.rows });
  } catch (error) {
    const { message, code } = /** @type {{ message?: string, code?: string }} */ (error);
    pending--;
    answer({ id: request.id, error: { message: message ?? String(error), code } });
  }
}

port.on('message', (/** @type {Request[]} */ batch) => {
  pending += batch.length;
  for (const request of batch) chain = chain.then(() => run(request));
});
// Ready: PGlite is open.
port.postMessage([{ id: 0, rows: [] }]);

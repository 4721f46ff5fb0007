/**
 * One hub with a long queue: BENCH_WAITING shoppers (default 10,000) wait for video in four
 * topic/language queues, new ones keep arriving at BENCH_ARRIVALS per second (default 50), and
 * one expert per queue takes call after call (accept, hang up, next). Prints what the hub's
 * event loop, the rings and the frames cost while the queue is long, and the hub's memory.
 *
 * The shoppers' sockets are in the same process as the hub (as in the dispatch section), so the
 * memory figures include both ends of every socket; the heap per waiting shopper is the
 * difference before and after they arrived, divided by their number.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startHubFixture } from '../test/support/hub-fixture.js';
import { HubPeer } from '../test/support/hub-peer.js';
import type { StorageOptions } from '../src/server/storage/sql.js';

const QUEUES = [
  { topic: 'bikes', lang: 'en' },
  { topic: 'bikes', lang: 'fr' },
  { topic: 'hi-fi', lang: 'en' },
  { topic: 'hi-fi', lang: 'fr' },
] as const;
const EVENT_LOOP_TARGET_MS = 20;
const RING_AFTER_FREE_TARGET_MS = 50;
const MEASURE_MS = 10_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};

export async function longQueue(label: string, storage: StorageOptions): Promise<void> {
  const asked = Number(process.env['BENCH_WAITING'] ?? 10_000);
  // Both ends of every shopper's socket are in this process: it needs two descriptors each.
  const descriptors = openFilesLimit();
  const waiting = Math.min(asked, Math.floor((descriptors - 4_000) / 2));
  if (waiting < asked) {
    console.log(
      `  (${asked} waiting would need ${2 * asked + 4_000} open files; this process may have ` +
        `${descriptors}: measuring ${waiting})`,
    );
  }
  const arrivalsPerSecond = Number(process.env['BENCH_ARRIVALS'] ?? 50);
  global.gc?.();
  const stack = await startHubFixture({ ringTimeoutMs: 10 * 60_000, storage });
  const { hub, url } = stack.hub;
  const peers: HubPeer[] = [];
  const queueOf = (n: number) => QUEUES[n % QUEUES.length]!;
  try {
    const atStart = process.memoryUsage();
    for (let first = 0; first < waiting; first += 100) {
      const batch = Array.from({ length: Math.min(100, waiting - first) }, (_, i) =>
        HubPeer.shopper(url, 'video', queueOf(first + i)),
      );
      peers.push(...(await Promise.all(batch)));
    }
    while (hub.stats().waiting < waiting) await new Promise((r) => setTimeout(r, 50));
    global.gc?.();
    const withQueue = process.memoryUsage();

    const experts = await Promise.all(
      QUEUES.map(async ({ topic, lang }, n) => {
        const peer = await HubPeer.open(url);
        peer.send({ type: 'expert.dev-login', name: `Queue ${n}` });
        const { session } = await peer.next('expert.session');
        peer.send({ type: 'expert.auth', session, topics: [topic], languages: [lang] });
        await peer.next('expert.ready');
        return peer;
      }),
    );
    peers.push(...experts);

    const framesBefore = peers.reduce((sum, p) => sum + p.received.length, 0);
    const positionFramesBefore = hub.stats().positionFrames;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const afterFree: number[] = [];
    let running = true;
    const answer = async (expert: HubPeer) => {
      let freedAt: number | undefined;
      while (running) {
        const ring = await expert.next('expert.ring').catch(() => undefined);
        if (!ring || !running) return;
        if (freedAt !== undefined) afterFree.push(performance.now() - freedAt);
        expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
        expert.send({ type: 'call.end', conversationId: ring.conversationId });
        freedAt = performance.now();
      }
    };
    delay.enable();
    const started = performance.now();
    for (const expert of experts) expert.send({ type: 'expert.set-presence', status: 'available' });
    const answering = experts.map(answer);
    let arrived = 0;
    const arriving: Array<Promise<unknown>> = [];
    const arrivals = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * arrivalsPerSecond);
      for (; arrived < due; arrived++) {
        arriving.push(HubPeer.shopper(url, 'video', queueOf(arrived)).then((p) => peers.push(p)));
      }
    }, 20);
    await new Promise((r) => setTimeout(r, MEASURE_MS));
    clearInterval(arrivals);
    await Promise.allSettled(arriving);
    delay.disable();
    running = false;
    const seconds = (performance.now() - started) / 1000;
    const frames = peers.reduce((sum, p) => sum + p.received.length, 0) - framesBefore;
    const positionFrames = hub.stats().positionFrames - positionFramesBefore;

    console.log(
      `\nA long queue in one hub on ${label}: ${waiting} waiting, ${arrivalsPerSecond} new/s, 4 experts taking call after call`,
    );
    console.log(
      `  hub memory at start: rss ${mb(atStart.rss)}, heap ${mb(atStart.heapUsed)};` +
        ` with the queue: rss ${mb(withQueue.rss)}, heap per waiting shopper ${((withQueue.heapUsed - atStart.heapUsed) / waiting / 1024).toFixed(1)} KB (both ends of each socket)`,
    );
    const p99 = delay.percentile(99) / 1e6;
    console.log(
      `  event-loop delay: p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(0)} ms` +
        `  (target p99 ${EVENT_LOOP_TARGET_MS} ms: at ${((p99 / EVENT_LOOP_TARGET_MS) * 100).toFixed(0)}%)`,
    );
    const ringP99 = percentile(afterFree, 0.99);
    console.log(
      `  call.end → next ring (${afterFree.length}): median ${percentile(afterFree, 0.5).toFixed(1)} ms, p99 ${ringP99.toFixed(1)} ms` +
        `  (target p99 ${RING_AFTER_FREE_TARGET_MS} ms: at ${((ringP99 / RING_AFTER_FREE_TARGET_MS) * 100).toFixed(0)}%)`,
    );
    console.log(
      `  frames sent: ${(frames / seconds).toFixed(0)}/s in all, of which places and waits ${(positionFrames / seconds).toFixed(0)}/s;` +
        ` ${afterFree.length + QUEUES.length} calls, ${arrived} arrivals`,
    );
    await Promise.all(answering.map((a) => Promise.race([a, Promise.resolve()])));
  } finally {
    await Promise.all(peers.map((peer) => peer.close()));
    await stack.stop();
  }
}

/** This process's limit on open files (Linux), or a large number where it cannot be read. */
function openFilesLimit(): number {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = /Max open files\s+(\d+)/.exec(limits)?.[1];
    return soft ? Number(soft) : Number.MAX_SAFE_INTEGER;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

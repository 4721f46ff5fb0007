/**
 * Several hubs, and what a hub process costs in memory: `BENCH_ONLY=cluster` and
 * `BENCH_ONLY=memory`. The hubs are real processes (`src/server/main.ts`) on the local
 * PostgreSQL and Redis with a real LiveKit server (test/support/hub-cluster.ts).
 */
import { readFileSync } from 'node:fs';
import { HubPeer } from '../test/support/hub-peer.js';
import { answerRings } from './answer-rings.js';
import { ROOMY_LIMITS } from '../test/support/hub-fixture.js';
import { startHubCluster, type ClusterHub } from '../test/support/hub-cluster.js';

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

async function waitingAt(holder: ClusterHub): Promise<number> {
  const health = (await holder.health()) as { waiting?: number } | undefined;
  return health?.waiting ?? -1;
}

async function untilTrue(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Dispatch across three hub processes: shoppers and experts spread evenly over the hubs (so
 * two thirds of every frame crosses Redis), the same protocol as the one-hub section: all
 * shoppers wait, then every expert goes available and accepts and hangs up on each ring.
 */
export async function dispatchInCluster(hubCount: number, expertCount: number): Promise<void> {
  const shoppers = Number(process.env['BENCH_SHOPPERS'] ?? 1000);
  const cluster = await startHubCluster({ hubs: hubCount, leaseMs: 2_000 });
  const peers: HubPeer[] = [];
  try {
    const holder = await cluster.holder();
    const hubs = cluster.hubs;
    for (let first = 0; first < shoppers; first += 100) {
      const batch = Array.from({ length: Math.min(100, shoppers - first) }, (_, i) =>
        HubPeer.shopper(hubs[(first + i) % hubs.length]!.url, 'video', { topic: 'bench' }),
      );
      peers.push(...(await Promise.all(batch)));
    }
    await untilTrue(async () => (await waitingAt(holder)) === shoppers, 'every shopper waiting');
    const experts = await Promise.all(
      Array.from({ length: expertCount }, async (_, n) => {
        const peer = await HubPeer.open(hubs[n % hubs.length]!.url);
        peer.send({ type: 'expert.dev-login', name: `Cluster ${n}` });
        const { session } = await peer.next('expert.session');
        peer.send({ type: 'expert.auth', session, topics: ['bench'] });
        await peer.next('expert.ready');
        return peer;
      }),
    );
    peers.push(...experts);
    const rings = answerRings(experts, shoppers);
    await rings.done;
    const seconds = (rings.lastRingAt() - rings.started) / 1000;
    const sorted = rings.afterFree.sort((a, b) => a - b);
    console.log(
      `  ${hubCount} hubs, ${expertCount} experts: ${shoppers} assignments in ${seconds.toFixed(2)} s = ` +
        `${(shoppers / seconds).toFixed(0)}/s; call.end sent → next ring median ` +
        `${at(sorted, 0.5).toFixed(0)} ms, p99 ${at(sorted, 0.99).toFixed(0)} ms (${sorted.length})`,
    );
    console.log(
      `  hub memory after the run (RSS): ${hubs.map((h) => `${rssMb(h.process.pid).toFixed(0)} MB`).join(', ')}` +
        ` (the holder: ${rssMb(holder.process.pid).toFixed(0)} MB)`,
    );
  } finally {
    await Promise.all(peers.map((peer) => peer.close().catch(() => {})));
    await cluster.stop();
  }
}

/**
 * A hub process's resident memory at start, and per shopper waiting (1,000 added), with its
 * storage on PGlite (in a worker thread) and on PostgreSQL.
 */
export async function hubMemory(): Promise<void> {
  const { spawn } = await import('node:child_process');
  const { randomBytes } = await import('node:crypto');
  const { startLocalLiveKit } = await import('../demo/stack/livekit-server.js');
  const { storageEngines } = await import('../test/support/storage-engines.js');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const folder = await mkdtemp(join(tmpdir(), 'expert-call-memory-'));
  const livekit = await startLocalLiveKit({ ports: 'free' });
  try {
    for (const engine of await storageEngines('the memory bench')) {
      const storage = await engine.open();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: {
          ...process.env,
          LIVEKIT_URL: livekit.url,
          LIVEKIT_API_KEY: livekit.apiKey,
          LIVEKIT_API_SECRET: livekit.apiSecret,
          EXPERT_SESSION_SECRET: randomBytes(32).toString('hex'),
          HUB_PORT: '0',
          HUB_DATA_DIR: folder,
          HUB_LIMITS: JSON.stringify(ROOMY_LIMITS),
          ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const peers: HubPeer[] = [];
      try {
        const url = await new Promise<string>((resolve, reject) => {
          child.stdout!.on('data', (chunk: Buffer) => {
            const found = /listening on (http:\/\/\S+)/.exec(chunk.toString())?.[1];
            if (found) resolve(found);
          });
          child.once('exit', () => reject(new Error('the hub exited at start')));
        });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const atStart = rssMb(child.pid);
        for (let first = 0; first < 1000; first += 100) {
          peers.push(
            ...(await Promise.all(
              Array.from({ length: 100 }, () => HubPeer.shopper(url, 'video', { topic: 'bench' })),
            )),
          );
        }
        await Promise.all(peers.map((p) => p.next('conversation.opened')));
        const loaded = rssMb(child.pid);
        console.log(
          `  ${engine.name}: ${atStart.toFixed(0)} MB at start; ${loaded.toFixed(0)} MB with 1,000 waiting` +
            ` (${(((loaded - atStart) * 1024) / 1000).toFixed(1)} KB per waiting shopper)`,
        );
      } finally {
        await Promise.all(peers.map((p) => p.close().catch(() => {})));
        child.kill('SIGKILL');
        await engine.dispose();
      }
    }
  } finally {
    await livekit.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Several real hub processes serving one shop, as an operator runs them: `src/server/main.ts`
 * started from its environment, on the real PostgreSQL (a schema of this cluster's own) and
 * the real Redis, with a real LiveKit server. Each can be killed for real (`SIGKILL`,
 * `SIGSTOP`), and new ones started beside the others.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { ROOMY_LIMITS } from './hub-fixture.js';
import type { Limits } from '../../src/server/transport/limits.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startLocalLiveKit, type LocalLiveKit } from '../../demo/stack/livekit-server.js';
import { storageEngines } from './storage-engines.js';
import { until, within, WAIT_MS } from './deadline.js';

export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** The hubs' operator token: their `/health` gives its figures to this only. */
const OPERATOR_TOKEN = randomUUID() + randomUUID();

export interface ClusterHub {
  readonly url: string;
  readonly process: ChildProcess;
  /** What it printed: one JSON line per event. */
  readonly output: string[];
  /** Its `/health`, or undefined when it does not answer. */
  health(): Promise<Health | undefined>;
}

export interface Health {
  ok: boolean;
  hub: string;
  leader: string | null;
  term: number | null;
  /** The holder's figures (absent on the other hubs). */
  conversations?: number;
  experts?: number;
}

export interface HubCluster {
  readonly hubs: ClusterHub[];
  readonly shopId: string;
  readonly leaseMs: number;
  /** The LiveKit server the hubs use, and the key they check its webhooks with. */
  readonly livekit: LocalLiveKit;
  /** Starts one more hub process beside the others. */
  add(): Promise<ClusterHub>;
  /** The hub that runs the conversations now, once every hub alive agrees on it. */
  holder(): Promise<ClusterHub>;
  /** Runs one query on the cluster's database (its own schema). */
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
}

export async function startHubCluster(
  options: {
    hubs?: number;
    leaseMs?: number;
    reconnectGraceMs?: number;
    /** What one client may ask; default roomy (a test's crowd comes from loopback). */
    limits?: Limits;
  } = {},
): Promise<HubCluster> {
  const leaseMs = options.leaseMs ?? 1_000;
  const engine = (await storageEngines('a hub cluster')).find((e) => e.name === 'PostgreSQL');
  if (!engine) throw new Error(`several hubs need PostgreSQL, and it does not answer`);
  const storage = await engine.open();
  const livekit: LocalLiveKit = await startLocalLiveKit({ ports: 'free' });
  const folder = await mkdtemp(join(tmpdir(), 'expert-call-cluster-'));
  // A shop of its own, so that its hubs hear nobody else's on the shared Redis.
  const shopId = `cluster-${randomUUID().slice(0, 8)}`;
  const shopConfig = join(folder, 'shop.json');
  const allDay = [{ from: '00:00', to: '24:00' }];
  await writeFile(
    shopConfig,
    JSON.stringify({
      shopId,
      allowedOrigins: ['http://localhost'],
      timeZone: 'UTC',
      hours: {
        weekly: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]),
        ),
      },
    }),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    EXPERT_SESSION_SECRET: randomBytes(32).toString('hex'),
    HUB_DEV_LOGIN: '1',
    HUB_HOST: '127.0.0.1',
    HUB_PORT: '0',
    DATABASE_URL: storage.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL,
    HUB_LEASE_MS: String(leaseMs),
    HUB_OPERATOR_TOKEN: OPERATOR_TOKEN,
    HUB_LIMITS: JSON.stringify(options.limits ?? ROOMY_LIMITS),
    RECONNECT_GRACE_MS: String(options.reconnectGraceMs ?? 30_000),
    SHOP_CONFIG: shopConfig,
  };
  const hubs: ClusterHub[] = [];
  const spawnHub = async (): Promise<ClusterHub> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Not left running if the test process dies first.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.off('exit', orphan));
    const output: string[] = [];
    let buffered = '';
    const listening = new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          output.push(line);
          if (process.env['HUB_LOG']) console.log(`[hub ${child.pid}] ${line}`);
          const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
          if (url) resolve(url);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code, signal) =>
        reject(new Error(`hub exited (${code ?? signal}) before listening: ${output.join('\n')}`)),
      );
    });
    const url = await within(WAIT_MS * 2, 'a hub process starting', listening);
    const hub: ClusterHub = {
      url,
      process: child,
      output,
      health: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        try {
          const response = await fetch(`${url}/health`, {
            headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
            signal: AbortSignal.timeout(2_000),
          });
          return (await response.json()) as Health;
        } catch {
          return undefined;
        }
      },
    };
    hubs.push(hub);
    return hub;
  };
  const alive = () =>
    hubs.filter((h) => h.process.exitCode === null && h.process.signalCode === null);

  let admin: pg.Client | undefined;
  const cluster: HubCluster = {
    hubs,
    shopId,
    leaseMs,
    livekit,
    add: spawnHub,
    holder: async () => {
      const agreed = await until(
        async () => {
          const running = alive();
          const all = await Promise.all(running.map((h) => h.health()));
          const leaders = new Set(all.map((h) => h?.leader));
          const holder = all.find((h) => h && h.leader === h.hub && h.conversations !== undefined);
          return leaders.size === 1 && holder ? running[all.indexOf(holder)] : undefined;
        },
        (hub) => hub !== undefined,
        { what: 'every hub agreeing on one holder that has taken up the conversations' },
      );
      return agreed!;
    },
    query: async <Row>(text: string, params: unknown[] = []) => {
      if (!admin) {
        admin = new pg.Client({ connectionString: storage.databaseUrl });
        await admin.connect();
      }
      return (await admin.query(text, params)).rows as Row[];
    },
    stop: async () => {
      for (const hub of hubs) hub.process.kill('SIGKILL');
      await Promise.all(
        hubs.map((h) =>
          h.process.exitCode !== null || h.process.signalCode !== null
            ? undefined
            : new Promise((resolve) => h.process.once('exit', resolve)),
        ),
      );
      await admin?.end();
      await engine.dispose();
      await livekit.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  try {
    for (let i = 0; i < (options.hubs ?? 3); i++) await spawnHub();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

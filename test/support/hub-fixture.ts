/** A real LiveKit server and a real hub on free loopback ports, for server tests. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freeTcpPort,
  hostedLiveKitFromEnv,
  startLocalLiveKit,
  type LocalLiveKit,
} from '../../demo/stack/livekit-server.js';
import { startHubOn, type HubConfig, type RunningHub } from '../../src/server/create-hub.js';
import type { LiveKitCredentials } from '../../src/server/media/media-rooms.js';
import { defaultShopConfig, type ShopConfig } from '../../src/server/config/shop-config.js';
import type { StorageOptions } from '../../src/server/storage/conversation-store.js';
import { WEBHOOK_PATH } from '../../src/server/transport/hub-server.js';
import type { Limits } from '../../src/server/transport/limits.js';
import { openDatabase, type SqlDatabase, type SqlQuery } from '../../src/server/storage/sql.js';
import { until } from './deadline.js';
import type { HubPeer } from './hub-peer.js';
import { after, afterEach, before } from './node-test.js';
import { postgresSchema, type StorageEngine } from './storage-engines.js';

export interface HubFixture {
  livekit: LiveKitCredentials;
  hub: RunningHub;
  /** Every event the hub logged, oldest first (printed too with HUB_LOG=1). */
  readonly logged: Array<{ event: string; fields: Record<string, unknown> }>;
  /** Stops the hub process's server and starts a new one on the same port and storage. */
  restartHub(): Promise<RunningHub>;
  /**
   * Waits until the hub holds nothing: no conversation, no expert signed in, nobody waiting.
   * After a test has closed its sockets, this keeps what it left (a ring, a grace period) from
   * reaching the next test.
   */
  untilIdle(): Promise<void>;
  /**
   * Makes every query of the hub's storage fail (`true`) until called with `false`: what a
   * database that went away looks like to the hub.
   */
  breakStorage(broken: boolean): void;
  /** The running hub's database, for tests that arrange or inspect rows as the hub stored them. */
  sql(text: string, params?: readonly unknown[]): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

/** Limits no test's crowd of loopback peers reaches (the bench's thousand shoppers included). */
export const ROOMY_LIMITS: Limits = {
  frames: { burst: 100_000, perSecond: 100_000 },
  framesRefusedBeforeClose: 100_000,
  connects: { burst: 100_000, perSecond: 100_000 },
  http: { burst: 100_000, perSecond: 100_000 },
  offlineRequests: { burst: 100_000, perSecond: 100_000 },
};

export async function startHubFixture(
  options: {
    ringTimeoutMs?: number;
    reconnectGraceMs?: number;
    maxChats?: number;
    /**
     * Where the hub keeps conversations: `'disk'`, a temporary folder removed on stop, for
     * tests that restart the hub onto the same storage; default in memory.
     */
    storage?: StorageOptions | 'disk';
    /** The shop's settings; default: open around the clock, no topics, any origin. */
    shop?: ShopConfig;
    /** Who may read `/health`'s figures; default nobody. */
    operatorToken?: string;
    /**
     * What one client may ask: default {@link ROOMY_LIMITS}, since a test's many peers all
     * come from loopback; tests of the limits pass DEFAULT_LIMITS.
     */
    limits?: Limits;
    /** The local LiveKit posts its webhooks to the hub (whose port is then chosen first). */
    webhook?: boolean;
    /** RETENTION_DAYS: personal data deleted this many days after it is over; default kept. */
    retentionDays?: number;
  } = {},
): Promise<HubFixture> {
  const hubPort = options.webhook ? await freeTcpPort() : 0;
  const local: LocalLiveKit | undefined = hostedLiveKitFromEnv()
    ? undefined
    : await startLocalLiveKit({
        ports: 'free',
        ...(options.webhook ? { webhookUrls: [`http://127.0.0.1:${hubPort}${WEBHOOK_PATH}`] } : {}),
      });
  const livekit = hostedLiveKitFromEnv() ?? local!;
  const logged: HubFixture['logged'] = [];
  const log = (event: string, fields: Record<string, unknown> = {}) => {
    logged.push({ event, fields });
    if (process.env['HUB_LOG']) console.log(event, JSON.stringify(fields));
  };
  const shop = options.shop ?? defaultShopConfig();
  // HUB_TEST_STORAGE=postgres: the hub keeps its conversations in a PostgreSQL schema of its
  // own instead of PGlite (whose start costs seconds a file: `npm run mutate` sets it).
  const schema: StorageEngine | undefined =
    process.env['HUB_TEST_STORAGE'] === 'postgres' && typeof options.storage !== 'object'
      ? postgresSchema()
      : undefined;
  const storage: StorageOptions = schema
    ? await schema.open()
    : options.storage === 'disk'
      ? { dataDir: await mkdtemp(join(tmpdir(), 'expert-call-hub-')) }
      : (options.storage ?? {});
  const config: HubConfig = {
    host: '127.0.0.1',
    port: 0,
    livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
    expertSessionSecret: randomBytes(32).toString('hex'),
    devLogin: true,
    operatorToken: options.operatorToken,
    limits: options.limits ?? ROOMY_LIMITS,
    reconnectGraceMs: options.reconnectGraceMs ?? 30_000,
    storage,
    shop: {
      ...shop,
      limits: {
        ...shop.limits,
        ringTimeoutMs: options.ringTimeoutMs ?? 30_000,
        maxChatsPerExpert: options.maxChats ?? shop.limits.maxChatsPerExpert,
      },
    },
    shopConfigPath: undefined,
    retentionDays: options.retentionDays,
  };
  let broken = false;
  let db: SqlDatabase | undefined;
  const start = async (port: number) => {
    db = await openDatabase(storage);
    return startHubOn(
      breakable(db, () => broken),
      { ...config, port },
      log,
    );
  };
  const fixture: HubFixture = {
    livekit,
    logged,
    hub: await start(hubPort),
    restartHub: async () => {
      await fixture.hub.close();
      fixture.hub = await start(Number(new URL(fixture.hub.url).port));
      return fixture.hub;
    },
    breakStorage: (on) => {
      broken = on;
    },
    sql: (text, params) => db!.query(text, params),
    untilIdle: async () => {
      await until(
        () => fixture.hub.hub.stats(),
        (s) => s.conversations === 0 && s.experts === 0 && s.waiting === 0,
        { what: 'the hub letting go of every conversation and expert' },
      );
    },
    stop: async () => {
      await fixture.hub.close();
      await local?.stop();
      await schema?.dispose();
      if (options.storage === 'disk' && !schema) {
        await rm(storage.dataDir!, { recursive: true, force: true });
      }
    },
  };
  return fixture;
}

/**
 * Each test of the file starts on an empty hub: after each, the sockets it opened (passed
 * through the `track` this returns) are hung up and closed, and the hub is waited on until it
 * holds nothing. What a failing test left behind (a ringing expert, a shopper in the queue)
 * ends with its sockets, instead of being rung in the next test.
 */
export function trackPeers(fixture: () => HubFixture): (peer: HubPeer) => HubPeer {
  let peers: HubPeer[] = [];
  afterEach(async () => {
    await Promise.all(peers.map((peer) => peer.hangUpAndClose()));
    peers = [];
    await fixture().untilIdle();
  });
  return (peer) => (peers.push(peer), peer);
}

/**
 * A hub on one storage engine for the suite it is called in (started before its tests,
 * stopped after), and the `track` of {@link trackPeers}: what a suite that runs on both engines
 * declares first.
 */
export function hubOnEngine(
  engine: StorageEngine,
  options: Omit<Parameters<typeof startHubFixture>[0], 'storage'> = {},
): { readonly stack: HubFixture; track: (peer: HubPeer) => HubPeer } {
  const env = {} as { stack: HubFixture };
  before(async () => {
    env.stack = await startHubFixture({ ...options, storage: await engine.open() });
  });
  after(async () => {
    await env.stack.stop();
    await engine.dispose();
  });
  return {
    get stack() {
      return env.stack;
    },
    track: trackPeers(() => env.stack),
  };
}

/** `db`, whose queries fail while `broken()` says so, as if the database had gone away. */
function breakable(db: SqlDatabase, broken: () => boolean): SqlDatabase {
  const guarded = (tx: SqlQuery): SqlQuery => ({
    query: (text, params) =>
      broken()
        ? Promise.reject(new Error('connection terminated (a fault the test put there)'))
        : tx.query(text, params),
  });
  return {
    engine: db.engine,
    ...guarded(db),
    transaction: (work) => db.transaction((tx) => work(guarded(tx))),
    close: () => db.close(),
  };
}

/** A real LiveKit server and a real hub on free loopback ports, for server tests. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hostedLiveKitFromEnv,
  startLocalLiveKit,
  type LocalLiveKit,
} from '../../demo/stack/livekit-server.js';
import { startHub, type HubConfig, type RunningHub } from '../../src/server/create-hub.js';
import type { LiveKitCredentials } from '../../src/server/media/media-rooms.js';
import { defaultShopConfig, type ShopConfig } from '../../src/server/config/shop-config.js';
import type { StorageOptions } from '../../src/server/storage/conversation-store.js';

export interface HubFixture {
  livekit: LiveKitCredentials;
  hub: RunningHub;
  /** Stops the hub process's server and starts a new one on the same port and storage. */
  restartHub(): Promise<RunningHub>;
  stop(): Promise<void>;
}

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
  } = {},
): Promise<HubFixture> {
  const local: LocalLiveKit | undefined = hostedLiveKitFromEnv()
    ? undefined
    : await startLocalLiveKit({ ports: 'free' });
  const livekit = hostedLiveKitFromEnv() ?? local!;
  const log = process.env['HUB_LOG']
    ? (event: string, fields?: Record<string, unknown>) =>
        console.log(event, JSON.stringify(fields))
    : undefined;
  const shop = options.shop ?? defaultShopConfig();
  const storage: StorageOptions =
    options.storage === 'disk'
      ? { dataDir: await mkdtemp(join(tmpdir(), 'expert-call-hub-')) }
      : (options.storage ?? {});
  const config: HubConfig = {
    host: '127.0.0.1',
    port: 0,
    livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
    expertSessionSecret: randomBytes(32).toString('hex'),
    devLogin: true,
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
  };
  const fixture: HubFixture = {
    livekit,
    hub: await startHub(config, log),
    restartHub: async () => {
      await fixture.hub.close();
      fixture.hub = await startHub({ ...config, port: Number(new URL(fixture.hub.url).port) }, log);
      return fixture.hub;
    },
    stop: async () => {
      await fixture.hub.close();
      await local?.stop();
      if (options.storage === 'disk') await rm(storage.dataDir!, { recursive: true, force: true });
    },
  };
  return fixture;
}

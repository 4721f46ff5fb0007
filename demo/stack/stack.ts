/**
 * The whole local stack: LiveKit (local server, or a hosted one from the environment), the hub,
 * and the static server for the demo pages. Used by `npm run demo`, the end-to-end tests and
 * the benchmarks, so all three run the same thing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startHub, type HubConfig, type RunningHub } from '../../src/server/create-hub.js';
import type { LiveKitCredentials } from '../../src/server/media/media-rooms.js';
import { loadShopConfig, type ShopConfig } from '../../src/server/config/shop-config.js';
import type { StorageOptions } from '../../src/server/storage/conversation-store.js';
import { WEBHOOK_PATH } from '../../src/server/transport/hub-server.js';
import type { Limits } from '../../src/server/transport/limits.js';
import {
  freeTcpPort,
  hostedLiveKitFromEnv,
  startLocalLiveKit,
  type LocalLiveKit,
} from './livekit-server.js';
import { startStaticServer, type StaticServer } from './static-server.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export interface StackOptions {
  /** `fixed`: the demo's well-known ports; `free`: any free ports (tests, benchmarks). */
  ports: 'fixed' | 'free';
  /** The shop's settings; default demo/shop.json (open around the clock but for repairs). */
  shop?: ShopConfig;
  ringTimeoutMs?: number;
  /** Where the hub keeps conversations; the demo uses .data/demo, tests memory by default. */
  storage?: StorageOptions;
  log?: (event: string, fields?: Record<string, unknown>) => void;
  /** Trusted Types policies of the shop's own, allowed beside ours by the pages' CSP. */
  trustedTypes?: string[];
  /**
   * LiveKit tells the hub what the media did (webhooks; the demo always has them): the hub's
   * port is chosen first so that the local LiveKit can be given its webhook URL.
   */
  webhook?: boolean;
  /** A LiveKit server already running to use, instead of starting one (not stopped with the stack). */
  livekit?: LiveKitCredentials;
  /** Other hubs the pages may be pointed at (a test's proxy in front of the hub), for connect-src. */
  otherHubs?: () => string[];
  /** What one client may ask of the hub; default the limits it ships with. */
  limits?: Limits;
}

export interface Stack {
  readonly livekit: LiveKitCredentials;
  /** The local LiveKit server, when the stack started one (not with a hosted LiveKit). */
  readonly localLiveKit: LocalLiveKit | undefined;
  readonly hub: RunningHub;
  /** Stops the hub and starts a new one on the same port and storage (a hub restart). */
  restartHub(): Promise<RunningHub>;
  readonly web: StaticServer;
  readonly shopUrl: string;
  readonly consoleUrl: string;
  stop(): Promise<void>;
}

/**
 * The `connect-src` sources a shop adds (README, "Content-Security-Policy and Trusted Types"):
 * the hub's origin over http(s) (its /availability) and ws(s) (its /ws), and LiveKit's URL as
 * the hub is configured with it (ws(s)://; a ws(s) source also covers LiveKit's http(s)
 * requests to the same host, while an http(s) source would not cover a WebSocket).
 */
export function connectSources(hubUrl: string, livekitUrl: string): string[] {
  const hub = new URL(hubUrl).origin;
  return [hub, hub.replace(/^http/, 'ws'), new URL(livekitUrl).origin];
}

export async function startStack(options: StackOptions): Promise<Stack> {
  if (!existsSync(`${repo}dist/embed/expert-call.js`)) {
    throw new Error('dist/embed is missing: run `npm run build` first.');
  }
  const hosted = options.livekit ?? hostedLiveKitFromEnv();
  const fixed = options.ports === 'fixed';
  const hubPort = fixed ? 8787 : options.webhook ? await freeTcpPort() : 0;
  const localLiveKit = hosted
    ? undefined
    : await startLocalLiveKit({
        ports: fixed ? 'config' : 'free',
        ...(fixed || options.webhook
          ? { webhookUrls: [`http://127.0.0.1:${hubPort}${WEBHOOK_PATH}`] }
          : {}),
      });
  const livekit: LiveKitCredentials = hosted ?? localLiveKit!;
  const stopped: Array<() => Promise<void>> = [];
  if (localLiveKit) stopped.push(() => localLiveKit.stop());
  try {
    // The pages' server first: its origin is one the hub must let in.
    let hub: RunningHub | undefined;
    const web = await startStaticServer({
      root: `${repo}demo`,
      mounts: { '/expert-call/': `${repo}dist/embed` },
      hubUrl: () => hub?.url ?? '',
      connectTo: () => [
        ...(hub ? connectSources(hub.url, livekit.url) : []),
        ...(options.otherHubs?.() ?? []).flatMap((url) => connectSources(url, url).slice(0, 2)),
      ],
      ...(options.trustedTypes ? { trustedTypes: options.trustedTypes } : {}),
      port: fixed ? 8080 : 0,
    });
    stopped.unshift(() => web.close());
    const shop = options.shop ?? (await loadShopConfig(`${repo}demo/shop.json`));
    const config: HubConfig = {
      host: '127.0.0.1',
      port: hubPort,
      livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
      // A fresh secret per run: demo sessions do not outlive the demo.
      expertSessionSecret: randomBytes(32).toString('hex'),
      devLogin: true,
      limits: options.limits,
      reconnectGraceMs: 30_000,
      storage: options.storage ?? (fixed ? { dataDir: `${repo}.data/demo` } : {}),
      shop: {
        ...shop,
        allowedOrigins: [...new Set([...shop.allowedOrigins, web.url])],
        limits: {
          ...shop.limits,
          ringTimeoutMs: options.ringTimeoutMs ?? shop.limits.ringTimeoutMs,
        },
      },
      shopConfigPath: options.shop ? undefined : 'demo/shop.json',
    };
    let running = await startHub(config, options.log);
    hub = running;
    stopped.unshift(() => running.close());
    return {
      livekit,
      localLiveKit,
      get hub() {
        return running;
      },
      restartHub: async () => {
        const port = Number(new URL(running.url).port);
        await running.close();
        running = await startHub({ ...config, port }, options.log);
        hub = running;
        return running;
      },
      web,
      shopUrl: `${web.url}/shop/`,
      consoleUrl: `${web.url}/back-office/`,
      stop: async () => {
        for (const stop of stopped.splice(0)) await stop();
      },
    };
  } catch (error) {
    for (const stop of stopped) await stop();
    throw error;
  }
}

/** A real LiveKit server and a real hub on free loopback ports, for server tests. */
import { randomBytes } from 'node:crypto';
import {
  hostedLiveKitFromEnv,
  startLocalLiveKit,
  type LocalLiveKit,
} from '../../demo/stack/livekit-server.js';
import { startHub, type RunningHub } from '../../src/server/create-hub.js';
import type { LiveKitCredentials } from '../../src/server/media-rooms.js';

export interface HubFixture {
  livekit: LiveKitCredentials;
  hub: RunningHub;
  stop(): Promise<void>;
}

export async function startHubFixture(
  options: { ringTimeoutMs?: number } = {},
): Promise<HubFixture> {
  const local: LocalLiveKit | undefined = hostedLiveKitFromEnv()
    ? undefined
    : await startLocalLiveKit({ ports: 'free' });
  const livekit = hostedLiveKitFromEnv() ?? local!;
  const hub = await startHub(
    {
      host: '127.0.0.1',
      port: 0,
      livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
      expertSessionSecret: randomBytes(32).toString('hex'),
      devLogin: true,
      ringTimeoutMs: options.ringTimeoutMs ?? 30_000,
    },
    process.env['HUB_LOG']
      ? (event, fields) => console.log(event, JSON.stringify(fields))
      : undefined,
  );
  return {
    livekit,
    hub,
    stop: async () => {
      await hub.close();
      await local?.stop();
    },
  };
}

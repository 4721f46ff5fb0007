import type { HubConfig } from './config.js';
import { ExpertSessions } from './expert-sessions.js';
import { startHubServer, type RunningHub } from './hub-server.js';
import { MediaRooms } from './media-rooms.js';
import { ConversationStore } from './storage/conversation-store.js';

export type { HubConfig } from './config.js';
export type { RunningHub } from './hub-server.js';

/** Starts a hub from its configuration: the one way the CLI, the demo and the tests start one. */
export async function startHub(
  config: HubConfig,
  log?: (event: string, fields?: Record<string, unknown>) => void,
): Promise<RunningHub> {
  const store = await ConversationStore.open(config.storage);
  return startHubServer({
    store,
    reconnectGraceMs: config.reconnectGraceMs,
    host: config.host,
    port: config.port,
    rooms: new MediaRooms(config.livekit),
    sessions: new ExpertSessions(config.expertSessionSecret),
    devLogin: config.devLogin,
    ringTimeoutMs: config.ringTimeoutMs,
    maxChats: config.maxChats,
    ...(log ? { log } : {}),
  });
}

import type { HubConfig } from './config/config.js';
import { ExpertSessions } from './auth/expert-sessions.js';
import { startHubServer, type RunningHub } from './transport/hub-server.js';
import { MediaRooms } from './media/media-rooms.js';
import { ConversationStore } from './storage/conversation-store.js';
import { RequestStore } from './storage/requests-store.js';
import { openDatabase, type SqlDatabase } from './storage/sql.js';

export type { HubConfig } from './config/config.js';
export type { RunningHub } from './transport/hub-server.js';

/** Starts a hub from its configuration: the one way the CLI, the demo and the tests start one. */
export async function startHub(
  config: HubConfig,
  log?: (event: string, fields?: Record<string, unknown>) => void,
): Promise<RunningHub> {
  // One database for both stores: PGlite must not open one folder twice.
  return startHubOn(await openDatabase(config.storage, log), config, log);
}

/**
 * Starts a hub on a database already open (`config.storage` is not read), and closes that
 * database when the hub stops or fails to start. Tests use it to put faults under the hub.
 */
export async function startHubOn(
  db: SqlDatabase,
  config: HubConfig,
  log?: (event: string, fields?: Record<string, unknown>) => void,
): Promise<RunningHub> {
  try {
    const store = await ConversationStore.open(db);
    const requests = await RequestStore.open(db, {
      shopId: config.shop.shopId,
      callingCode: config.shop.callingCode,
    });
    return await startHubServer({
      store,
      requests,
      shop: config.shop,
      reconnectGraceMs: config.reconnectGraceMs,
      host: config.host,
      port: config.port,
      rooms: new MediaRooms(config.livekit),
      sessions: new ExpertSessions(config.expertSessionSecret),
      devLogin: config.devLogin,
      closeStorage: () => db.close(),
      ...(log ? { log } : {}),
    });
  } catch (error) {
    await db.close();
    throw error;
  }
}

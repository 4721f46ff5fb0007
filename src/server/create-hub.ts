import type { HubConfig } from './config/config.js';
import { ExpertSessions } from './auth/expert-sessions.js';
import { Catalogue } from './commerce/catalogue.js';
import { RedisBus } from './bus/redis-bus.js';
import { ClusterNode } from './cluster/cluster-node.js';
import { SoleNode, type HubNode } from './cluster/node.js';
import { Hub, type HubOptions } from './hub.js';
import { startHubServer, type HubServerOptions, type RunningHub } from './transport/hub-server.js';
import { MediaRooms } from './media/media-rooms.js';
import { OfflineDesk } from './offline/offline-desk.js';
import { availabilityOf } from './routing/availability.js';
import { ConversationStore } from './storage/conversation-store.js';
import { PhotoStore } from './photos/photo-store.js';
import { PhotoTickets } from './photos/photo-tickets.js';
import { RequestStore } from './storage/requests-store.js';
import { startRetention } from './storage/retention.js';
import { openDatabase, type SqlDatabase } from './storage/sql.js';
import { watchStorage } from './storage/storage-health.js';

export type { HubConfig } from './config/config.js';
export type { RunningHub } from './transport/hub-server.js';

type Log = (event: string, fields?: Record<string, unknown>) => void;

/** Starts a hub from its configuration: the one way the CLI, the demo and the tests start one. */
export async function startHub(config: HubConfig, log?: Log): Promise<RunningHub> {
  // One database for both stores: PGlite must not open one folder twice.
  return startHubOn(await openDatabase(config.storage, log), config, log);
}

/**
 * Starts a hub on a database already open (`config.storage` is not read), and closes that
 * database when the hub stops or fails to start. Tests use it to put faults under the hub.
 *
 * On its own (no `config.cluster`) the hub runs every conversation of the shop. With a Redis
 * URL it is one of several hubs on the shop's PostgreSQL, and runs the conversations only
 * while it holds the shop's lease (cluster/cluster-node.ts).
 */
export async function startHubOn(
  database: SqlDatabase,
  config: HubConfig,
  log: Log = () => {},
): Promise<RunningHub> {
  const storage = watchStorage(database, log);
  const { db } = storage;
  const stops: Array<() => Promise<void>> = [() => db.close(), async () => storage.stop()];
  const stop = async () => {
    for (const close of stops.splice(0).reverse()) await close();
  };
  try {
    const store = await ConversationStore.open(db);
    const requests = await RequestStore.open(db, {
      shopId: config.shop.shopId,
      callingCode: config.shop.callingCode,
    });
    if (config.retentionDays !== undefined) {
      // On every hub of a cluster: a sweep deletes only rows that can no longer change.
      const retention = await startRetention(db, {
        days: config.retentionDays,
        shopId: config.shop.shopId,
        log,
      });
      stops.push(() => retention.stop());
    }
    const photos = {
      store: new PhotoStore(db),
      tickets: new PhotoTickets(config.expertSessionSecret),
    };
    const catalogue = await Catalogue.open(config.shop.catalogue, log);
    stops.push(async () => catalogue.close());
    const hubOptions: HubOptions = {
      store,
      catalogue,
      photos,
      requests,
      shop: config.shop,
      reconnectGraceMs: config.reconnectGraceMs,
      rooms: new MediaRooms(config.livekit, config.reconnectGraceMs),
      sessions: new ExpertSessions(config.expertSessionSecret, config.expertSessions),
      devLogin: config.devLogin,
      log,
    };
    let node: HubNode;
    let shared: HubServerOptions['shared'];
    if (config.cluster) {
      const bus = await RedisBus.connect(config.cluster.redisUrl, log);
      stops.push(() => bus.close());
      shared = {
        count: (key, windowSeconds) => bus.count(key, windowSeconds),
        prefix: `expert-call:${config.shop.shopId}:limits`,
      };
      const desk = new OfflineDesk(config.shop, requests, Date.now, () => {});
      node = await ClusterNode.join({
        shopId: config.shop.shopId,
        bus,
        db,
        leaseMs: config.cluster.leaseMs,
        log,
        startHub: async (fence, rosterChanged) => {
          const hub = new Hub({ ...hubOptions, store: store.fenced(fence), rosterChanged });
          try {
            await hub.recover();
          } catch (error) {
            hub.close();
            throw error;
          }
          return hub;
        },
        availability: (roster, topic, lang) =>
          availabilityOf(
            roster,
            { topic, lang },
            desk.knows(topic) ? desk.opening(topic) : { open: false },
            desk.words(lang),
          ),
      });
    } else {
      const hub = new Hub(hubOptions);
      await hub.recover();
      node = new SoleNode(hub, log);
    }
    stops.push(() => node.close());
    return await startHubServer({
      node,
      host: config.host,
      port: config.port,
      allowedOrigins: config.shop.allowedOrigins,
      operatorToken: config.operatorToken,
      storageHealthy: storage.healthy,
      limits: config.limits,
      shared,
      trustProxy: config.trustProxy,
      livekit: config.livekit,
      photos,
      log,
      closeAfter: stop,
    });
  } catch (error) {
    await stop();
    throw error;
  }
}

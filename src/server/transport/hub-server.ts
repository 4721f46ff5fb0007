/**
 * The hub over the network: plain HTTP for health, a WebSocket at /ws for browsers.
 * Everything the hub decides lives in hub.ts; this file only moves frames.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encode } from '../../protocol/index.js';
import { Hub, type HubOptions } from '../hub.js';
import { openConnection } from './connection.js';

export interface HubServerOptions extends HubOptions {
  host: string;
  port: number;
  /** Closes the database under the stores, once the hub has stopped. */
  closeStorage?: () => Promise<void>;
}

export interface RunningHub {
  readonly hub: Hub;
  /** http://host:port of this hub; browsers connect to its /ws. */
  readonly url: string;
  close(): Promise<void>;
}

/** Frames larger than this close the socket (1009); smaller ones over the protocol limit get an error frame. */
const MAX_SOCKET_PAYLOAD = 1024 * 1024;
/** Dead peers (a phone that lost signal) are noticed within two of these. */
const HEARTBEAT_MS = 30_000;
/** Launchers may show an availability this old: one request per page view at most. */
const AVAILABILITY_MAX_AGE_S = 20;

export async function startHubServer(options: HubServerOptions): Promise<RunningHub> {
  const hub = new Hub(options);
  const log = options.log ?? (() => {});
  await hub.recover();
  const allowed = (origin: string | undefined) =>
    origin === undefined ||
    options.shop.allowedOrigins.length === 0 ||
    options.shop.allowedOrigins.includes(origin);
  const http: Server = createServer((request, response) => {
    const url = requestUrl(request.url);
    if (!url) {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end('Bad request target.\n');
      return;
    }
    if (request.method === 'GET' && url.pathname === '/availability') {
      const origin = request.headers.origin;
      const topic = url.searchParams.get('topic') ?? undefined;
      response.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': `public, max-age=${AVAILABILITY_MAX_AGE_S}`,
        vary: 'origin',
        ...(origin && allowed(origin) ? { 'access-control-allow-origin': origin } : {}),
      });
      const lang = url.searchParams.get('lang') ?? undefined;
      response.end(JSON.stringify(hub.availability(topic, lang)));
      return;
    }
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ ok: true, ...hub.stats() }));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found. Browsers talk to this hub over a WebSocket at /ws.\n');
  });
  const sockets = new WebSocketServer({
    server: http,
    path: '/ws',
    maxPayload: MAX_SOCKET_PAYLOAD,
    // A page of another site may not open conversations (browsers always send Origin).
    verifyClient: ({ origin }: { origin?: string }) => allowed(origin || undefined),
  });
  const alive = new WeakSet<WebSocket>();

  sockets.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    const connection = openConnection(
      hub,
      {
        send: (message) => {
          if (socket.readyState === socket.OPEN) socket.send(encode(message));
        },
      },
      log,
    );
    socket.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data);
      if (isBinary) {
        socket.send(
          encode({ type: 'error', reason: 'invalid-message', message: 'Frames are JSON text.' }),
        );
        return;
      }
      void connection.receive(bytes.toString('utf8'), bytes.byteLength);
    });
    socket.on('close', () => connection.closed());
    socket.on('error', () => socket.terminate());
  });

  const heartbeat = setInterval(() => {
    for (const socket of sockets.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  return {
    hub,
    url: `http://${options.host}:${port}`,
    close: async () => {
      clearInterval(heartbeat);
      hub.close();
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await options.store.close();
      await options.requests.close();
      await options.closeStorage?.();
    },
  };
}

/** The request's target as a URL, or undefined when it is not one (`GET http://[ HTTP/1.1`). */
function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://hub');
  } catch {
    return undefined;
  }
}

/**
 * The hub over the network: plain HTTP for health, availability, photos and LiveKit's webhooks,
 * a WebSocket at /ws for browsers.
 * Everything the hub decides lives in hub.ts; this file only moves frames, to the node
 * (cluster/node.ts), which hands them to this process's hub or to the one that runs the shop.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebhookReceiver } from 'livekit-server-sdk';
import { WebSocketServer, type WebSocket } from 'ws';
import { encode } from '../../protocol/index.js';
import type { HubNode, Log } from '../cluster/node.js';
import type { Hub } from '../hub.js';
import { mediaEventOf } from '../media/media-events.js';
import {
  AddressLimits,
  DEFAULT_LIMITS,
  TokenBucket,
  leavesOfflineRequest,
  type Limits,
  type SharedCount,
} from './limits.js';
import type { LiveKitCredentials } from '../media/media-rooms.js';
import { readBody } from './http-body.js';
import { photoRoutes } from './photo-routes.js';
import type { PhotoTickets } from '../photos/photo-tickets.js';
import type { PhotoStore } from '../photos/photo-store.js';

export interface HubServerOptions {
  node: HubNode;
  host: string;
  port: number;
  /** Page origins allowed to open sockets and read availability; empty: any. */
  allowedOrigins: readonly string[];
  /** What one client may ask, and how fast (transport/limits.ts); default DEFAULT_LIMITS. */
  limits?: Limits | undefined;
  /**
   * Behind a load balancer: a client's address is the first of X-Forwarded-For, not the
   * socket's (which is the balancer's). Only when every request comes through it.
   */
  trustProxy?: boolean | undefined;
  /** With several hubs: the counter they share, so that an address's limits hold across them. */
  shared?: { count: SharedCount; prefix: string } | undefined;
  /** Whether the storage answers now: a hub without it is degraded. */
  storageHealthy?: (() => boolean) | undefined;
  /** Who may read `/health`'s figures (Authorization: Bearer); others get ok or degraded. */
  operatorToken?: string | undefined;
  /** The key LiveKit signs its webhooks with: the hub's own. */
  livekit: Pick<LiveKitCredentials, 'apiKey' | 'apiSecret'>;
  log?: Log;
  /** Where photos go, and the tickets that let them in (`POST /photos`, `GET /photos/<id>`). */
  photos?: { store: PhotoStore; tickets: PhotoTickets } | undefined;
  /** Stops what the node stands on (bus, storage), once the server has stopped. */
  closeAfter?: () => Promise<void>;
}

/** How a browser is told to reconnect: "service restart" (the hub that runs the shop changed). */
const RECONNECT_CODE = 1012;

export interface RunningHub {
  /** The hub that runs the conversations in this process (throws if another process does). */
  readonly hub: Hub;
  readonly node: HubNode;
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
/** Where LiveKit posts what the media did (its `webhook.urls`). */
export const WEBHOOK_PATH = '/livekit/webhook';
/** LiveKit's events are a few hundred bytes; anything this big is not one. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

export async function startHubServer(options: HubServerOptions): Promise<RunningHub> {
  const { node } = options;
  const log = options.log ?? (() => {});
  const webhooks = new WebhookReceiver(options.livekit.apiKey, options.livekit.apiSecret);
  const allowed = (origin: string | undefined) =>
    origin === undefined ||
    options.allowedOrigins.length === 0 ||
    options.allowedOrigins.includes(origin);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const addressOf = (request: IncomingMessage): string => {
    const forwarded = options.trustProxy ? request.headers['x-forwarded-for'] : undefined;
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return first || request.socket.remoteAddress || 'unknown';
  };
  const addresses = new AddressLimits(limits, options.shared);
  const photos = options.photos && photoRoutes({ ...options.photos, allowed, log });
  const http: Server = createServer((request, response) => {
    // LiveKit's webhooks are signed and come as fast as rooms change: not a client's requests.
    const webhook = request.method === 'POST' && request.url === WEBHOOK_PATH;
    if (webhook) return route(request, response);
    whenAllowed(addresses.take('http', addressOf(request)), (ok) => {
      if (ok) return route(request, response);
      response.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '10' });
      response.end('Too many requests from this address: try again in a few seconds.\n');
    });
  });

  function route(request: IncomingMessage, response: ServerResponse): void {
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
      response.end(JSON.stringify(node.availability(topic, lang)));
      return;
    }
    if (request.method === 'POST' && url.pathname === WEBHOOK_PATH) {
      // A sender that broke off its request gets no answer.
      receiveWebhook(request, response).catch(() => response.destroy());
      return;
    }
    if (photos?.handle(request, response, url)) return;
    if (request.method === 'GET' && url.pathname === '/health') {
      const storage = options.storageHealthy?.() === false ? 'down' : 'up';
      const health: Record<string, unknown> = { ...node.health(), storage };
      const ok = health['ok'] === true && storage === 'up';
      const operator =
        options.operatorToken !== undefined &&
        sameSecret(request.headers.authorization ?? '', `Bearer ${options.operatorToken}`);
      // Figures (experts signed in, shoppers waiting) are the shop's business: operators only.
      const said = operator ? { ...health, ok } : { ok };
      response.writeHead(ok ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify({ ...said, status: ok ? 'ok' : 'degraded' }));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found. Browsers talk to this hub over a WebSocket at /ws.\n');
  }

  // CONNECT (a proxy's method) never reaches the handler above: unanswered, Node would drop
  // the connection without a word. Nothing here is a proxy: say so, and close.
  http.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    // Destroyed once said: nobody reads this socket, so its other half would never close.
    socket.once('finish', () => socket.destroy());
    socket.end(
      'HTTP/1.1 405 Method Not Allowed\r\nallow: GET, POST\r\ncontent-length: 0\r\n' +
        'connection: close\r\n\r\n',
    );
  });

  /** A webhook whose signature (the hub's API key, over the body's hash) checks, to the node. */
  async function receiveWebhook(request: IncomingMessage, response: ServerResponse) {
    const bytes = await readBody(request, MAX_WEBHOOK_BYTES);
    if (bytes === undefined) {
      // Said before the rest is read: the socket closes after, so no more of it is taken.
      response.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
      response.end(`A webhook is at most ${MAX_WEBHOOK_BYTES} bytes.\n`);
      return;
    }
    let webhook;
    try {
      webhook = await webhooks.receive(bytes.toString('utf8'), request.headers.authorization);
    } catch (error) {
      log('media.webhook-refused', { error: String(error) });
      response.writeHead(401, { 'content-type': 'text/plain' });
      response.end('The signature does not match this hub’s LiveKit key.\n');
      return;
    }
    const { event, ignored } = mediaEventOf(webhook);
    if (event) node.media(event);
    else log('media.ignored', { webhook: webhook.event, reason: ignored });
    response.writeHead(204).end();
  }

  const sockets = new WebSocketServer({
    server: http,
    path: '/ws',
    maxPayload: MAX_SOCKET_PAYLOAD,
    // A page of another site may not open conversations (browsers always send Origin). Both
    // headers are read: for protocol version 8, ws would give only Sec-WebSocket-Origin, and an
    // Origin of another site would then go unchecked. One address may open so many sockets.
    verifyClient: (
      info: { req: IncomingMessage },
      done: (ok: boolean, code?: number, message?: string) => void,
    ) => {
      const { req } = info;
      const origins = [req.headers.origin, req.headers['sec-websocket-origin']];
      if (!origins.every((origin) => typeof origin !== 'string' || allowed(origin || undefined))) {
        return done(false, 403, 'Origin not allowed');
      }
      whenAllowed(addresses.take('connects', addressOf(req)), (ok) =>
        ok ? done(true) : done(false, 429, 'Too many connections'),
      );
    },
  });
  const alive = new WeakSet<WebSocket>();

  sockets.on('connection', (socket, request) => {
    alive.add(socket);
    const address = addressOf(request);
    const frames = new TokenBucket(limits.frames);
    /** The last frame still waiting on a shared count, if any. */
    let checking: Promise<void> | undefined;
    let refused = 0;
    /** Over a limit: said, not handled; a client that does not slow down is let go. */
    const refuse = (message: string) => {
      socket.send(encode({ type: 'error', reason: 'rate-limited', message }));
      if (++refused === limits.framesRefusedBeforeClose) {
        log('transport.flood-closed', { refused });
        socket.close(1008, 'Too many messages.');
      }
    };
    socket.on('pong', () => alive.add(socket));
    const connection = node.connect({
      send: (frame) => {
        if (socket.readyState === socket.OPEN) socket.send(frame);
      },
      drop: () => socket.close(RECONNECT_CODE, 'The hub changed: reconnect.'),
    });
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
      if (!frames.take()) return refuse('Too many messages: slow down.');
      const frame = bytes.toString('utf8');
      const allowed = leavesOfflineRequest(frame)
        ? addresses.take('offlineRequests', address)
        : true;
      const act = (ok: boolean) =>
        ok
          ? void connection.receive(frame, bytes.byteLength)
          : refuse('Too many requests left from this address: try again later.');
      // Frames go on in the order they came, even while one waits on the shared count.
      if (checking === undefined && typeof allowed === 'boolean') return act(allowed);
      const mine: Promise<void> = (checking ?? Promise.resolve()).then(async () =>
        act(await allowed),
      );
      checking = mine;
      void mine.then(() => {
        if (checking === mine) checking = undefined;
      });
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
    get hub() {
      if (!node.hub) throw new Error('Another hub process runs the conversations now.');
      return node.hub;
    },
    node,
    url: `http://${options.host}:${port}`,
    close: async () => {
      clearInterval(heartbeat);
      await node.close();
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await options.closeAfter?.();
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

/** Compares a secret in constant time (both hashed first, so lengths do not show either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Calls `then` with a limit's answer, at once when it is known, else when it comes. */
function whenAllowed(allowed: boolean | Promise<boolean>, then: (ok: boolean) => void): void {
  if (typeof allowed === 'boolean') then(allowed);
  else void allowed.then(then);
}

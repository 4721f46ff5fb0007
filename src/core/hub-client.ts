/**
 * The browser's connection to the hub: one WebSocket, typed messages in and out.
 */
import {
  decodeServerFrame,
  encode,
  type ClientMessage,
  type ServerMessage,
  type ServerMessageOf,
} from '../protocol/index.js';
import { Emitter } from './emitter.js';
import type { ReconnectPolicy } from './reconnect-policy.js';

/** How long opening the hub's WebSocket may take before we say the hub is unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

export type HubClientEvents = {
  [T in ServerMessage['type']]: ServerMessageOf<T>;
} & {
  /** The connection dropped; the client is trying again. */
  reconnecting: undefined;
  /** The connection is back: say who you are again (resume, auth), then carry on. */
  reconnected: undefined;
  /** The connection is gone for good: it dropped and could not be brought back. */
  lost: { code: number };
};

export class HubConnectionError extends Error {
  constructor(
    readonly reason: 'bad-url' | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'HubConnectionError';
  }
}

/** ws(s)://…/ws for a hub given as http(s)://host[:port][/base]. */
export function hubSocketUrl(hub: string, base: string = globalThis.location?.href ?? ''): string {
  const url = hubUrl(hub, base);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/ws`;
  return url.toString();
}

/** http(s)://…/`path` for a hub given as http(s) or ws(s)://host[:port][/base]. */
export function hubHttpUrl(
  hub: string,
  path: string,
  base: string = globalThis.location?.href ?? '',
): string {
  const url = hubUrl(hub, base);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

function hubUrl(hub: string, base: string): URL {
  let url: URL;
  try {
    url = new URL(hub, base || undefined);
  } catch {
    throw new HubConnectionError('bad-url', `"${hub}" is not a hub URL.`);
  }
  // Stryker disable next-line Regex: a URL's protocol is its scheme and one colon, nothing after it
  if (!/^(https?|wss?):$/.test(url.protocol)) {
    throw new HubConnectionError('bad-url', `"${hub}" is not an http(s) or ws(s) URL.`);
  }
  return url;
}

export interface HubClientOptions {
  /** How to come back after a drop; without one, a drop is `lost` at once. */
  reconnect?: ReconnectPolicy;
  /** How long opening the socket may take before the hub counts as unreachable; 10 s. */
  connectTimeoutMs?: number;
}

export class HubClient extends Emitter<HubClientEvents> {
  private socket: WebSocket | undefined;
  // Stryker disable next-line BooleanLiteral: connect() sets it before there is a socket to close
  private closing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hub: string,
    private readonly options: HubClientOptions = {},
  ) {
    super();
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket; rejects with a HubConnectionError if the hub cannot be reached in time. */
  async connect(): Promise<void> {
    if (this.connected) return;
    this.closing = false;
    const socket = await this.open();
    // Closed while it opened (the page went, the panel was shut): the socket goes too.
    if (this.closing) {
      socket.close(1000);
      return;
    }
    this.attach(socket);
  }

  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(encode(message));
    return true;
  }

  close(): void {
    this.closing = true;
    clearTimeout(this.retryTimer);
    this.socket?.close(1000);
    this.socket = undefined;
  }

  private open(): Promise<WebSocket> {
    const socket = new WebSocket(hubSocketUrl(this.hub));
    return new Promise<WebSocket>((resolve, reject) => {
      const fail = () => {
        clearTimeout(timer);
        socket.close();
        reject(new HubConnectionError('unreachable', `Cannot reach the hub at ${this.hub}.`));
      };
      const timer = setTimeout(fail, this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        // Stryker disable next-line StringLiteral: an error after the open closes the socket anyway, which is all `fail` then does (the promise is settled)
        socket.removeEventListener('error', fail);
        resolve(socket);
      });
      socket.addEventListener('error', fail);
    });
  }

  private attach(socket: WebSocket): void {
    this.socket = socket;
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      const decoded = decodeServerFrame(event.data);
      if (!decoded.ok) {
        console.warn(`[expert-call] ignored a frame from the hub: ${decoded.detail}`);
        return;
      }
      const message = decoded.message;
      this.emit(message.type, message as never);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (this.closing) return;
      if (this.options.reconnect) this.retry(event.code);
      else this.emit('lost', { code: event.code });
    });
  }

  private retry(code: number): void {
    const policy = this.options.reconnect!;
    const started = Date.now();
    this.emit('reconnecting', undefined);
    const attempt = (n: number) => {
      // Closed meanwhile (by a 'reconnecting' listener, too): no new socket.
      if (this.closing) return;
      const delay = policy.nextDelay(n, Date.now() - started);
      if (delay === null) {
        this.emit('lost', { code });
        return;
      }
      this.retryTimer = setTimeout(() => {
        this.open().then(
          (socket) => {
            if (this.closing) {
              socket.close(1000);
              return;
            }
            this.attach(socket);
            this.emit('reconnected', undefined);
          },
          () => attempt(n + 1),
        );
      }, delay);
    };
    attempt(0);
  }
}

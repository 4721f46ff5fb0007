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

/** How long opening the hub's WebSocket may take before we say the hub is unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

export type HubClientEvents = {
  [T in ServerMessage['type']]: ServerMessageOf<T>;
} & {
  /** The socket closed without `close()` being called. */
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
  let url: URL;
  try {
    url = new URL(hub, base || undefined);
  } catch {
    throw new HubConnectionError('bad-url', `"${hub}" is not a hub URL.`);
  }
  if (!/^(https?|wss?):$/.test(url.protocol)) {
    throw new HubConnectionError('bad-url', `"${hub}" is not an http(s) or ws(s) URL.`);
  }
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/ws`;
  return url.toString();
}

export class HubClient extends Emitter<HubClientEvents> {
  private socket: WebSocket | undefined;
  private closing = false;

  constructor(private readonly hub: string) {
    super();
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket; rejects with a HubConnectionError if the hub cannot be reached in time. */
  async connect(): Promise<void> {
    if (this.connected) return;
    const url = hubSocketUrl(this.hub);
    this.closing = false;
    const socket = new WebSocket(url);
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      const fail = () => {
        clearTimeout(timer);
        socket.close();
        reject(new HubConnectionError('unreachable', `Cannot reach the hub at ${this.hub}.`));
      };
      const timer = setTimeout(fail, CONNECT_TIMEOUT_MS);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.addEventListener('error', fail);
    });
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
      if (this.socket === socket) this.socket = undefined;
      if (!this.closing) this.emit('lost', { code: event.code });
    });
  }

  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(encode(message));
    return true;
  }

  close(): void {
    this.closing = true;
    this.socket?.close(1000);
    this.socket = undefined;
  }
}

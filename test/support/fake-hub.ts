/**
 * A hub stand-in for tests of the browser's side (src/core/): a real WebSocket server on
 * loopback whose frames the test reads and writes itself, so it can say exactly what a hub
 * would say, in any order, or nothing at all. The mirror image of HubPeer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { ClientMessage, ClientMessageOf, ServerMessage } from '../../src/protocol/index.js';
import { DeadlineError, WAIT_MS, until } from './deadline.js';

// The browser code speaks the browser's WebSocket; Node 20 has none of its own.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

/** One browser connected to the fake hub. */
export class FakeConnection {
  readonly received: ClientMessage[] = [];
  private cursor = 0;
  closeCode: number | undefined;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.received.push(JSON.parse(String(data)) as ClientMessage));
    socket.on('close', (code) => (this.closeCode = code));
  }

  send(message: ServerMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  sendRaw(frame: string | Buffer, binary = false): void {
    this.socket.send(frame, { binary });
  }

  /** The next frame of this type from the browser, skipping others; fails after `timeoutMs`. */
  async next<T extends ClientMessage['type']>(
    type: T,
    { timeoutMs = WAIT_MS }: { timeoutMs?: number } = {},
  ): Promise<ClientMessageOf<T>> {
    const from = this.cursor;
    try {
      await until(
        () => this.received.slice(this.cursor).some((m) => m.type === type),
        (found) => found,
        { what: `a "${type}" from the browser`, timeoutMs, everyMs: 5 },
      );
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      const seen = this.received.slice(from).map((m) => m.type);
      throw new DeadlineError(
        `no "${type}" from the browser within ${timeoutMs} ms; received: [${seen.join(', ')}]`,
      );
    }
    while (this.received[this.cursor]!.type !== type) this.cursor++;
    return this.received[this.cursor++] as ClientMessageOf<T>;
  }

  /** The frames of this type received so far. */
  all<T extends ClientMessage['type']>(type: T): Array<ClientMessageOf<T>> {
    return this.received.filter((m) => m.type === type) as Array<ClientMessageOf<T>>;
  }

  /** Cuts the connection from the hub's side, as a restart or a lost network does. */
  drop(): void {
    this.socket.terminate();
  }

  /** Closes the connection from the hub's side with a close code. */
  close(code = 1000): void {
    this.socket.close(code);
  }

  /** Resolves once the browser has closed its side. */
  async closed(timeoutMs = WAIT_MS): Promise<number> {
    return until(
      () => this.closeCode,
      (code) => code !== undefined,
      { what: 'the browser closing its connection', timeoutMs, everyMs: 5 },
    ) as Promise<number>;
  }
}

export class FakeHub {
  readonly connections: FakeConnection[] = [];
  private taken = 0;

  private constructor(
    private readonly http: Server,
    private readonly sockets: WebSocketServer,
    private readonly gate: { refusing: boolean; held?: Promise<void> },
    /** http://127.0.0.1:port, as a shop's page gives it. */
    readonly url: string,
  ) {
    sockets.on('connection', (socket) => this.connections.push(new FakeConnection(socket)));
  }

  static async start(): Promise<FakeHub> {
    const http = createServer((_, response) => response.writeHead(404).end());
    const gate: { refusing: boolean; held?: Promise<void> } = { refusing: false };
    const sockets = new WebSocketServer({
      server: http,
      path: '/ws',
      verifyClient: (_info, accept) => {
        if (gate.refusing) accept(false);
        else if (gate.held) void gate.held.then(() => accept(true));
        else accept(true);
      },
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return new FakeHub(http, sockets, gate, `http://127.0.0.1:${port}`);
  }

  /** The next browser connection not taken yet, once it is open. */
  async nextConnection(timeoutMs = WAIT_MS): Promise<FakeConnection> {
    await until(
      () => this.connections.length,
      (n) => n > this.taken,
      { what: 'a browser connecting to the hub', timeoutMs, everyMs: 5 },
    );
    return this.connections[this.taken++]!;
  }

  /** Refuses new connections (`true`), as a hub that is down, until called with `false`. */
  refuse(on: boolean): void {
    this.gate.refusing = on;
  }

  /**
   * Holds every new connection's handshake until the returned function is called: a hub that
   * is slow to answer.
   */
  hold(): () => void {
    let release = () => {};
    this.gate.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate.held = undefined;
      release();
    };
  }

  /**
   * Lets the connections no test took go by, so that the next test's `nextConnection` is its
   * own (a test that failed, or a client let go while reconnecting, can leave one behind).
   */
  forgetUntaken(): void {
    this.taken = this.connections.length;
  }

  /** True when the browser has made no connection beyond the ones taken. */
  get quiet(): boolean {
    return this.connections.length === this.taken;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets.clients) socket.terminate();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

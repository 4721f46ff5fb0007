/**
 * A hub stand-in for tests of the browser's side (src/core/): a real WebSocket server on
 * loopback whose frames the test reads and writes itself, so it can say exactly what a hub
 * would say, in any order, or nothing at all. The mirror image of HubPeer.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { ClientMessage, ClientMessageOf, ServerMessage } from '../../src/protocol/index.js';
import { DeadlineError, WAIT_MS, until, within } from './deadline.js';

// The browser code speaks the browser's WebSocket; Node 20 has none of its own.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

/** Turns of the event loop a frame's handlers get to finish in (see `delivered`). */
const SETTLE_TURNS = 10;

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

  /**
   * The next frame of this type from the browser, skipping others, once the browser has taken
   * in every frame sent to it (`delivered`): a browser that did not send it fails an assertion
   * there, saying what it sent instead, rather than a wait running out.
   */
  async sent<T extends ClientMessage['type']>(type: T): Promise<ClientMessageOf<T>> {
    await this.delivered();
    const at = this.received.findIndex((m, i) => i >= this.cursor && m.type === type);
    if (at === -1) {
      const seen = this.received.slice(this.cursor).map((m) => m.type);
      assert.fail(`no "${type}" from the browser; it sent: [${seen.join(', ')}]`);
    }
    this.cursor = at + 1;
    return this.received[at] as ClientMessageOf<T>;
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

  /**
   * Resolves once the browser has taken in every frame sent to it so far, the hub has every
   * frame the browser sent before that, and what those frames set off in the browser without
   * waiting on a timer or the network has run. A WebSocket ping goes out after the frames, and
   * the browser's socket answers it only once it has read them, in order; a few turns of the
   * event loop (browser and hub share this process) then let their handlers finish. A test
   * asserts on what the browser shows then: a change that makes it ignore a frame fails an
   * assertion at once, rather than a wait running out.
   */
  async delivered(): Promise<void> {
    const token = randomBytes(8);
    await within(
      WAIT_MS,
      'the browser answering a ping',
      new Promise<void>((resolve) => {
        // A browser that closed the connection has taken in all it ever will.
        if (this.socket.readyState === WebSocket.CLOSED) return resolve();
        if (this.socket.readyState === WebSocket.CLOSING) {
          this.socket.once('close', () => resolve());
          return;
        }
        const done = () => {
          this.socket.off('pong', onPong);
          this.socket.off('close', done);
          resolve();
        };
        const onPong = (data: Buffer) => {
          if (data.equals(token)) done();
        };
        this.socket.on('pong', onPong);
        this.socket.on('close', done);
        this.socket.ping(token);
      }),
    );
    for (let turn = 0; turn < SETTLE_TURNS; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * The close code once the browser has taken in every frame sent to it (`delivered`):
   * undefined when it has not closed the connection by then.
   */
  async closeSeen(): Promise<number | undefined> {
    await this.delivered();
    return this.closeCode;
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
    private readonly gate: {
      refusing: boolean;
      held?: Promise<void>;
      http?: RequestListener | undefined;
    },
    /** http://127.0.0.1:port, as a shop's page gives it. */
    readonly url: string,
  ) {
    sockets.on('connection', (socket) => this.connections.push(new FakeConnection(socket)));
  }

  static async start(): Promise<FakeHub> {
    const gate: FakeHub['gate'] = { refusing: false };
    const http = createServer((request, response) => {
      if (gate.http) gate.http(request, response);
      else response.writeHead(404).end();
    });
    const sockets = new WebSocketServer({
      server: http,
      path: '/ws',
      // Uncompressed, so that the browser reads each frame as it comes (see `delivered`).
      perMessageDeflate: false,
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

  /** Answers the hub's HTTP requests (its photos) with `listener`; 404 without one. */
  answerHttp(listener: RequestListener | undefined): void {
    this.gate.http = listener;
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

/**
 * A browser stand-in for hub tests: a real WebSocket to the hub that records every frame and
 * lets a test wait for the next message of a given type.
 */
import { AssertionError } from 'node:assert/strict';
import WebSocket from 'ws';
import type {
  ClientMessage,
  Language,
  ServerMessage,
  ServerMessageOf,
} from '../../src/protocol/index.js';
import { DeadlineError, WAIT_MS, within } from './deadline.js';

/** A conversation id no conversation has: a `chat.sync` for it is always refused. */
const ROUND_TRIP_PROBE = 'round-trip-probe';

export class HubPeer {
  readonly received: ServerMessage[] = [];
  private readonly waiters: Array<() => void> = [];
  private cursor = 0;
  closeCode: number | undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      for (const wake of this.waiters.splice(0)) wake();
    });
    // A reset connection closes it: waits then fail with its close code, not the process.
    socket.on('error', () => {});
  }

  static async open(hubUrl: string): Promise<HubPeer> {
    const socket = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/ws`);
    await within(
      WAIT_MS,
      `opening a socket to ${hubUrl}`,
      new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      }),
    );
    return new HubPeer(socket);
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  sendRaw(frame: string | Buffer, options: { binary?: boolean } = {}): void {
    this.socket.send(frame, { binary: options.binary ?? false });
  }

  /**
   * The next message of this type after the ones already taken. Fails if the socket closes
   * first, if the hub answers with an error frame instead (a refused frame would otherwise
   * leave the test waiting for an answer that never comes), or after `timeoutMs`, saying what
   * came instead.
   */
  async next<T extends ServerMessage['type']>(
    type: T,
    { timeoutMs = WAIT_MS }: { timeoutMs?: number } = {},
  ): Promise<ServerMessageOf<T>> {
    const from = this.cursor;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (; this.cursor < this.received.length; this.cursor++) {
        const message = this.received[this.cursor]!;
        if (message.type === type) {
          this.cursor++;
          return message as ServerMessageOf<T>;
        }
        if (message.type === 'error') {
          this.cursor++;
          throw new Error(
            `the hub refused a frame while waiting for "${type}": ${JSON.stringify(message)}`,
          );
        }
      }
      if (this.closeCode !== undefined) {
        throw new Error(`socket closed (${this.closeCode}) while waiting for "${type}"`);
      }
      if (!(await this.wake(deadline))) {
        const seen = this.received.slice(from).map((m) => m.type);
        throw new DeadlineError(
          `no "${type}" within ${timeoutMs} ms; received meanwhile: [${seen.join(', ')}]`,
        );
      }
    }
  }

  /**
   * The first message at or after index `from` of `received` that `matches`, waiting for it if
   * need be, within the deadline. Fails if the socket closes first.
   */
  async until(
    matches: (message: ServerMessage) => boolean,
    from = 0,
    { timeoutMs = WAIT_MS }: { timeoutMs?: number } = {},
  ): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (let seen = from; ;) {
      for (; seen < this.received.length; seen++) {
        if (matches(this.received[seen]!)) return this.received[seen]!;
      }
      if (this.closeCode !== undefined) {
        throw new Error(`socket closed (${this.closeCode}) before the message awaited`);
      }
      if (!(await this.wake(deadline))) {
        throw new DeadlineError(`the message awaited did not come within ${timeoutMs} ms`);
      }
    }
  }

  /**
   * The next message of this type that `holds`, skipping the others of that type; one deadline
   * for the whole search.
   */
  async nextWhere<T extends ServerMessage['type']>(
    type: T,
    holds: (message: ServerMessageOf<T>) => boolean,
    {
      timeoutMs = WAIT_MS,
      what = `a "${type}" that holds`,
    }: { timeoutMs?: number; what?: string } = {},
  ): Promise<ServerMessageOf<T>> {
    const deadline = Date.now() + timeoutMs;
    const skipped: ServerMessageOf<T>[] = [];
    for (;;) {
      const left = deadline - Date.now();
      let message: ServerMessageOf<T>;
      try {
        message = await this.next(type, { timeoutMs: Math.max(0, left) });
      } catch (error) {
        if (!(error instanceof DeadlineError)) throw error;
        throw new DeadlineError(
          `no ${what} within ${timeoutMs} ms; skipped: ${JSON.stringify(skipped).slice(0, 500)}`,
        );
      }
      if (holds(message)) return message;
      skipped.push(message);
    }
  }

  /**
   * Everything the hub answered to what this peer sent so far: sends a probe the hub always
   * refuses and, since the hub handles one connection's frames in order, returns the frames
   * that came before the probe's refusal (taking them). A test then asserts on what was sent,
   * and on what was not, at once instead of waiting for a frame that may never come.
   */
  async roundTrip({ timeoutMs = WAIT_MS }: { timeoutMs?: number } = {}): Promise<ServerMessage[]> {
    this.send({ type: 'chat.sync', conversationId: ROUND_TRIP_PROBE, lastSeq: 0 });
    const isProbe = (m: ServerMessage) => m.type === 'error' && m.ref === 'chat.sync';
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.received.slice(this.cursor).findIndex(isProbe);
      if (at !== -1) {
        const frames = this.received.slice(this.cursor, this.cursor + at);
        this.cursor += at + 1;
        return frames;
      }
      if (this.closeCode !== undefined) {
        throw new Error(`socket closed (${this.closeCode}) during a round trip`);
      }
      if (!(await this.wake(deadline))) {
        throw new DeadlineError(`the hub did not answer a round trip within ${timeoutMs} ms`);
      }
    }
  }

  /**
   * The hub's refusal of what this peer just sent: fails at once, saying what came instead,
   * when the hub answered without an error.
   */
  async refusal(): Promise<ServerMessageOf<'error'>> {
    const frames = await this.roundTrip();
    const error = frames.find((m): m is ServerMessageOf<'error'> => m.type === 'error');
    if (!error) {
      throw new AssertionError({
        message: `expected the hub to refuse; it answered [${frames.map((m) => m.type).join(', ')}]`,
        actual: frames,
        expected: 'an error frame',
      });
    }
    return error;
  }

  /** Resolves when the socket has closed. */
  async closed({ timeoutMs = WAIT_MS }: { timeoutMs?: number } = {}): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === undefined) {
      if (!(await this.wake(deadline))) {
        throw new DeadlineError(`the socket did not close within ${timeoutMs} ms`);
      }
    }
    return this.closeCode;
  }

  /** Waits for the next frame or the close: true, or false once `deadline` has passed. */
  private wake(deadline: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(
        () => {
          const at = this.waiters.indexOf(woken);
          if (at !== -1) this.waiters.splice(at, 1);
          resolve(false);
        },
        Math.max(0, deadline - Date.now()),
      );
      const woken = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(woken);
    });
  }

  /** Closes the socket and waits until it is closed, so the hub has seen the peer leave. */
  async close(): Promise<void> {
    if (this.closeCode === undefined) this.socket.close();
    await this.closed();
  }

  /**
   * Ends this shopper's conversation, if it has one, then closes: what a test's clean-up does
   * so that the hub lets go at once instead of after its grace period.
   */
  async hangUpAndClose(): Promise<void> {
    const opened = [...this.received].reverse().find((m) => m.type === 'conversation.opened');
    if (opened && this.closeCode === undefined) {
      this.send({ type: 'call.end', conversationId: opened.conversationId });
    }
    await this.close();
  }

  /** Signs in through dev login, with the topics and languages given, and goes available. */
  static async expert(
    hubUrl: string,
    name: string,
    skills: { topics?: string[]; languages?: Language[] } = {},
  ): Promise<HubPeer> {
    const peer = await HubPeer.open(hubUrl);
    peer.send({ type: 'expert.dev-login', name });
    const { session } = await peer.next('expert.session');
    peer.send({ type: 'expert.auth', session, ...skills });
    await peer.next('expert.ready');
    peer.send({ type: 'expert.set-presence', status: 'available' });
    const presence = await peer.next('expert.presence');
    if (presence.status !== 'available') throw new Error(`expert is ${presence.status}`);
    return peer;
  }

  static async shopper(
    hubUrl: string,
    mode: 'video' | 'audio' | 'chat' = 'video',
    queue: { topic?: string; lang?: Language } = {},
  ): Promise<HubPeer> {
    const peer = await HubPeer.open(hubUrl);
    peer.send({
      type: 'shopper.request',
      mode,
      lang: queue.lang ?? 'en',
      ...(queue.topic ? { topic: queue.topic } : {}),
      context: { pageUrl: 'https://shop.example/bike', product: { name: 'Bike' } },
    });
    return peer;
  }
}

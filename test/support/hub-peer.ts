/**
 * A browser stand-in for hub tests: a real WebSocket to the hub that records every frame and
 * lets a test wait for the next message of a given type.
 */
import WebSocket from 'ws';
import type { ClientMessage, ServerMessage, ServerMessageOf } from '../../src/protocol/index.js';

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
  }

  static async open(hubUrl: string): Promise<HubPeer> {
    const socket = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/ws`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
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
   * first, or if the hub answers with an error frame instead: a refused frame would otherwise
   * leave the test waiting for an answer that never comes.
   */
  async next<T extends ServerMessage['type']>(type: T): Promise<ServerMessageOf<T>> {
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
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /**
   * The first message at or after index `from` of `received` that `matches`, waiting for it if
   * need be. Fails if the socket closes first.
   */
  async until(matches: (message: ServerMessage) => boolean, from = 0): Promise<ServerMessage> {
    for (let seen = from; ;) {
      for (; seen < this.received.length; seen++) {
        if (matches(this.received[seen]!)) return this.received[seen]!;
      }
      if (this.closeCode !== undefined) {
        throw new Error(`socket closed (${this.closeCode}) before the message awaited`);
      }
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /** Resolves when the socket has closed. */
  async closed(): Promise<number> {
    while (this.closeCode === undefined) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.closeCode;
  }

  /** Closes the socket and waits until it is closed, so the hub has seen the peer leave. */
  async close(): Promise<void> {
    if (this.closeCode === undefined) this.socket.close();
    await this.closed();
  }

  /** Signs in through dev login, with the topics and languages given, and goes available. */
  static async expert(
    hubUrl: string,
    name: string,
    skills: { topics?: string[]; languages?: Array<'en' | 'fr'> } = {},
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
    queue: { topic?: string; lang?: 'en' | 'fr' } = {},
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

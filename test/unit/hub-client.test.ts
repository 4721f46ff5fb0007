/**
 * The browser's connection to the hub, against a scripted hub on loopback (FakeHub): the URL
 * it opens, typed frames both ways, a hub that cannot be reached, and what happens when the
 * connection drops, with and without a reconnect policy.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  HubClient,
  HubConnectionError,
  hubHttpUrl,
  hubSocketUrl,
} from '../../src/core/hub-client.js';
import { PendingAnswer } from '../../src/core/pending-answer.js';
import type { ReconnectPolicy } from '../../src/core/reconnect-policy.js';
import type { ServerMessage } from '../../src/protocol/index.js';
import { until, WAIT_MS, within } from '../support/deadline.js';
import { FakeHub } from '../support/fake-hub.js';
import { after, afterEach, before, describe, it } from '../support/node-test.js';

const presence: ServerMessage = { type: 'expert.presence', status: 'away' };

/** Every event the client emits, in order, as "name" or "name:payload". */
function record(client: HubClient, names: string[]): string[] {
  const seen: string[] = [];
  for (const name of names) {
    client.on(name as 'lost', (payload) =>
      seen.push(payload === undefined ? name : `${name}:${JSON.stringify(payload)}`),
    );
  }
  return seen;
}

/** A policy that says how many attempts it allows, and records what it was asked. */
/**
 * A policy that allows `allowed` attempts, 10 ms apart; `refused` settles once it has said no
 * more: the client acts on that answer in the same turn, so it is done by then.
 */
function attempts(allowed: number): ReconnectPolicy & { asked: number[]; refused: Promise<void> } {
  const asked: number[] = [];
  let said!: () => void;
  const refused = new Promise<void>((resolve) => (said = resolve));
  return {
    asked,
    refused,
    nextDelay: (attempt) => {
      asked.push(attempt);
      if (attempt < allowed) return 10;
      said();
      return null;
    },
  };
}

describe('hubSocketUrl', () => {
  it('turns the hub’s http(s) address into its WebSocket at /ws', () => {
    assert.equal(hubSocketUrl('http://127.0.0.1:8787'), 'ws://127.0.0.1:8787/ws');
    assert.equal(hubSocketUrl('https://experts.shop.example'), 'wss://experts.shop.example/ws');
    assert.equal(hubSocketUrl('wss://experts.shop.example/'), 'wss://experts.shop.example/ws');
    assert.equal(hubSocketUrl('ws://h.example'), 'ws://h.example/ws');
    assert.equal(hubSocketUrl('https://shop.example/experts//'), 'wss://shop.example/experts/ws');
  });

  it('reads a relative hub address against the page', () => {
    assert.equal(
      hubSocketUrl('/hub', 'https://shop.example/bikes/lumen'),
      'wss://shop.example/hub/ws',
    );
    assert.equal(hubSocketUrl('hub', 'http://shop.example/a/'), 'ws://shop.example/a/hub/ws');
  });

  it('reads a relative hub address against the page’s own address by default, as in a browser', (t) => {
    // Node has no page: without one a relative address is refused, with one it is read against it.
    assert.throws(() => hubSocketUrl('/hub'), { name: 'HubConnectionError' });
    assert.throws(() => hubHttpUrl('/hub', 'photos'), { name: 'HubConnectionError' });
    Object.defineProperty(globalThis, 'location', {
      value: { href: 'https://shop.example/bikes/lumen' },
      configurable: true,
    });
    t.after(() => Reflect.deleteProperty(globalThis, 'location'));
    assert.equal(hubSocketUrl('/hub'), 'wss://shop.example/hub/ws');
    assert.equal(hubHttpUrl('hub', 'photos'), 'https://shop.example/bikes/hub/photos');
  });

  it('refuses what is not an http(s) or ws(s) address, with a reason', () => {
    for (const bad of ['ftp://hub.example', 'javascript:alert(1)', 'not a url']) {
      assert.throws(
        () => hubSocketUrl(bad, ''),
        (error: unknown) => error instanceof HubConnectionError && error.reason === 'bad-url',
        bad,
      );
    }
  });
});

describe('hubHttpUrl', () => {
  it('gives a path of the hub over http(s), whether it was given as http(s) or ws(s)', () => {
    assert.equal(
      hubHttpUrl('ws://127.0.0.1:8787', 'photos/abc'),
      'http://127.0.0.1:8787/photos/abc',
    );
    assert.equal(
      hubHttpUrl('wss://experts.shop.example/base/', 'photos'),
      'https://experts.shop.example/base/photos',
    );
    assert.equal(
      hubHttpUrl('https://h.example/?x=1#y', 'photos'),
      'https://h.example/photos',
      'no query or fragment of the hub’s address is carried over',
    );
    assert.equal(
      hubHttpUrl('/hub', 'photos', 'https://shop.example/p'),
      'https://shop.example/hub/photos',
    );
    assert.throws(() => hubHttpUrl('ftp://h.example', 'photos', ''), HubConnectionError);
    assert.equal(
      hubHttpUrl('https://h.example/base//', 'photos'),
      'https://h.example/base/photos',
      'every trailing slash of the base goes',
    );
  });

  it('says which address it refused, and why, in its message', () => {
    assert.throws(() => hubHttpUrl('not a url', 'photos', ''), {
      name: 'HubConnectionError',
      message: '"not a url" is not a hub URL.',
    });
    assert.throws(() => hubHttpUrl('xhttp://h.example', 'photos', ''), {
      message: '"xhttp://h.example" is not an http(s) or ws(s) URL.',
    });
  });
});

describe('PendingAnswer', () => {
  it('gives the answer, or undefined when not sent, refused, out of time or asked again', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const pending = new PendingAnswer<string>();
    const answered = pending.ask(() => true, 1000);
    pending.settle('ticket');
    assert.equal(await answered, 'ticket');
    assert.equal(await pending.ask(() => false, 1000), undefined, 'not sent');

    const late = pending.ask(() => true, 1000);
    t.mock.timers.tick(1000);
    assert.equal(await late, undefined, 'no answer in time');
    pending.settle('too late');

    const first = pending.ask(() => true, 1000);
    const second = pending.ask(() => true, 1000);
    assert.equal(await first, undefined, 'the earlier wait let go');
    pending.settle('second');
    assert.equal(await second, 'second');
  });
});

describe('HubClient', () => {
  let hub: FakeHub;
  const clients: HubClient[] = [];
  const client = (options?: ConstructorParameters<typeof HubClient>[1]) => {
    const made = new HubClient(hub.url, options);
    clients.push(made);
    return made;
  };

  before(async () => {
    hub = await FakeHub.start();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    hub.refuse(false);
  });
  after(() => hub.close());

  describe('frames', () => {
    it('sends typed messages once connected, and says when it could not', async () => {
      const c = client();
      assert.equal(c.connected, false);
      assert.equal(c.send({ type: 'shopper.cancel' }), false, 'nothing to send on');
      await c.connect();
      assert.equal(c.connected, true);
      const connection = await hub.nextConnection();
      assert.equal(c.send({ type: 'expert.dev-login', name: 'Ana' }), true);
      assert.deepEqual(await connection.next('expert.dev-login'), {
        type: 'expert.dev-login',
        name: 'Ana',
      });
      await c.connect(); // connected already: no second socket
      assert.equal(hub.quiet, true);
    });

    it('emits each frame from the hub under its type', async () => {
      const c = client();
      const got: ServerMessage[] = [];
      c.on('expert.presence', (m) => got.push(m));
      c.on('chat.typing', (m) => got.push(m));
      await c.connect();
      const connection = await hub.nextConnection();
      connection.send(presence);
      connection.send({ type: 'chat.typing', conversationId: 'c1', author: 'expert' });
      await until(
        () => got.length,
        (n) => n === 2,
        { what: 'both frames' },
      );
      assert.deepEqual(got, [
        presence,
        { type: 'chat.typing', conversationId: 'c1', author: 'expert' },
      ]);
    });

    it('ignores a frame that is not a valid message, and the ones after still arrive', async (t) => {
      const warn = t.mock.method(console, 'warn', () => {});
      const c = client();
      const got: ServerMessage[] = [];
      c.on('expert.presence', (m) => got.push(m));
      await c.connect();
      const connection = await hub.nextConnection();
      connection.sendRaw('{"type":"expert.presence","status":"on the moon"}');
      connection.sendRaw('not json');
      connection.sendRaw(Buffer.from([1, 2, 3]), true);
      connection.send(presence);
      await until(
        () => got.length,
        (n) => n > 0,
        { what: 'the valid frame' },
      );
      assert.deepEqual(got, [presence]);
      assert.equal(warn.mock.callCount(), 2, 'each bad text frame is reported');
      assert.match(String(warn.mock.calls[0]!.arguments[0]), /^\[expert-call\] ignored a frame/);
    });
  });

  describe('a hub that cannot be reached', () => {
    it('rejects with "unreachable" when nothing listens', async () => {
      const c = new HubClient('http://127.0.0.1:9');
      await assert.rejects(
        c.connect(),
        (error: unknown) =>
          error instanceof HubConnectionError &&
          error.reason === 'unreachable' &&
          error.message === 'Cannot reach the hub at http://127.0.0.1:9.',
      );
      assert.equal(c.connected, false);
    });

    it('rejects with "unreachable" when the hub refuses the socket', async () => {
      hub.refuse(true);
      await assert.rejects(client().connect(), { name: 'HubConnectionError' });
    });

    it('gives up on a hub that does not answer in time', async () => {
      // A server that takes the connection and never answers the WebSocket handshake.
      const held: Socket[] = [];
      const silent: Server = createServer((socket) => held.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = silent.address() as AddressInfo;
        const started = Date.now();
        const c = new HubClient(`http://127.0.0.1:${port}`, { connectTimeoutMs: 200 });
        await assert.rejects(
          within(WAIT_MS, 'the connect timeout', c.connect()),
          (error: unknown) => error instanceof HubConnectionError && error.reason === 'unreachable',
        );
        assert.ok(Date.now() - started >= 190, 'not before its time');
      } finally {
        for (const socket of held) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });
  });

  describe('a dropped connection', () => {
    it('is lost at once, with its close code, without a reconnect policy', async () => {
      const c = client();
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      await c.connect();
      (await hub.nextConnection()).close(4000);
      await until(
        () => events.length,
        (n) => n > 0,
        { what: 'lost' },
      );
      assert.deepEqual(events, ['lost:{"code":4000}']);
      assert.equal(c.connected, false);
      assert.equal(c.send({ type: 'shopper.cancel' }), false);
    });

    it('lets go of the socket that opens after it was closed', async () => {
      const c = client({ reconnect: attempts(5) });
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      const connecting = c.connect();
      c.close();
      await connecting;
      assert.equal(c.connected, false);
      assert.equal(c.send({ type: 'shopper.cancel' }), false);
      const opened = await hub.nextConnection();
      assert.equal(await opened.closed(), 1000, 'closed by the client, normally');
      assert.deepEqual(events, []);
    });

    it('keeps its new socket when the one it closed finishes closing after it', async () => {
      const c = client({ reconnect: attempts(5) });
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      await c.connect();
      const first = await hub.nextConnection();
      c.close();
      await c.connect();
      const second = await hub.nextConnection();
      await first.closed();
      await second.delivered();
      assert.deepEqual(events, [], 'the old socket’s close is no drop');
      assert.equal(c.connected, true);
      assert.equal(c.send({ type: 'shopper.cancel' }), true);
      assert.equal(hub.quiet, true, 'no new connection');
    });

    it('comes back with a reconnect policy, and says so', async () => {
      const policy = attempts(5);
      const c = client({ reconnect: policy });
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      await c.connect();
      (await hub.nextConnection()).drop();
      const second = await hub.nextConnection();
      // The client answers the hub's frames once its socket is open, so by then it has said so.
      await second.delivered();
      assert.deepEqual(events, ['reconnecting', 'reconnected']);
      assert.deepEqual(policy.asked, [0]);
      assert.equal(c.send({ type: 'shopper.cancel' }), true);
      await second.next('shopper.cancel');
    });

    it('tries again while the hub refuses, then gives up when the policy says so', async () => {
      const policy = attempts(3);
      const c = client({ reconnect: policy });
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      await c.connect();
      hub.refuse(true);
      (await hub.nextConnection()).close(1012);
      await within(WAIT_MS, 'the policy saying no more', policy.refused);
      assert.deepEqual(events, ['reconnecting', 'lost:{"code":1012}']);
      assert.equal(c.connected, false);
      assert.deepEqual(policy.asked, [0, 1, 2, 3]);
    });

    it('passes the time spent so far to the policy', async () => {
      const elapsed: number[] = [];
      const c = client({
        reconnect: {
          nextDelay: (attempt, ms) => (elapsed.push(ms), attempt < 2 ? 50 : null),
        },
      });
      const lost = new Promise((resolve) => c.on('lost', resolve));
      await c.connect();
      hub.refuse(true);
      (await hub.nextConnection()).drop();
      await within(WAIT_MS, 'lost', lost);
      assert.equal(elapsed.length, 3);
      assert.ok(elapsed[0]! < 50, `first asked at once, got ${elapsed[0]}`);
      assert.ok(elapsed[2]! >= 100, `third after two delays, got ${elapsed[2]}`);
    });

    it('stays closed when closed on purpose: no reconnect, no "lost"', async () => {
      const c = client({ reconnect: attempts(5) });
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      await c.connect();
      const connection = await hub.nextConnection();
      c.close();
      await connection.closed();
      assert.equal(connection.closeCode, 1000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(events, []);
      assert.equal(hub.quiet, true);
    });

    it('opens no new socket when a "reconnecting" listener closes it', async () => {
      const policy = attempts(5);
      const c = client({ reconnect: policy });
      const afterClose = new Promise<number[]>((resolve) =>
        c.on('reconnecting', () => {
          c.close();
          // Whatever the client does on its own after telling its listeners, it has done.
          queueMicrotask(() => resolve([...policy.asked]));
        }),
      );
      await c.connect();
      (await hub.nextConnection()).drop();
      assert.deepEqual(await within(WAIT_MS, 'reconnecting', afterClose), [], 'not asked to retry');
    });

    it('stops trying when closed while waiting to try again', async () => {
      const c = client({ reconnect: { nextDelay: () => 200 } });
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      await c.connect();
      (await hub.nextConnection()).drop();
      await until(
        () => events.length,
        (n) => n === 1,
        { what: 'reconnecting' },
      );
      c.close();
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.deepEqual(events, ['reconnecting']);
      assert.equal(hub.quiet, true, 'no new connection');
    });

    it('closes a connection that opens after it was closed on purpose', async () => {
      const c = client({ reconnect: { nextDelay: (n) => (n === 0 ? 0 : null) } });
      const events = record(c, ['reconnecting', 'reconnected', 'lost']);
      await c.connect();
      const release = hub.hold();
      (await hub.nextConnection()).drop();
      await until(
        () => events.length,
        (n) => n === 1,
        { what: 'reconnecting' },
      );
      // The page goes while the hub is still answering the new socket.
      c.close();
      release();
      const late = await hub.nextConnection();
      assert.equal(await late.closed(), 1000);
      assert.deepEqual(events, ['reconnecting']);
    });
  });
});

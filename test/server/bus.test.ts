/**
 * The bus between hubs, with both adapters held to one contract: in order per publisher and
 * channel, only to those listening now, nothing after unsubscribing. The Redis one runs on
 * the real Redis (127.0.0.1:6379), and carries on after its connections are cut for real.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { after, before, describe, it } from '../support/node-test.js';
import { until } from '../support/deadline.js';
import type { Bus } from '../../src/server/bus/bus.js';
import { LocalBus } from '../../src/server/bus/local-bus.js';
import { RedisBus } from '../../src/server/bus/redis-bus.js';
import { REDIS_URL } from '../support/hub-cluster.js';

const name = `expert-call-test-${randomUUID().slice(0, 8)}`;
const adapters: Array<{ name: string; open: () => Promise<Bus> }> = [
  { name: 'in-process', open: async () => new LocalBus() },
  { name: 'Redis', open: () => RedisBus.connect(REDIS_URL, () => {}, name) },
];

for (const adapter of adapters) {
  describe(`the ${adapter.name} bus`, () => {
    let bus: Bus;
    before(async () => {
      bus = await adapter.open();
    });
    after(async () => {
      await bus.close();
    });
    const channel = () => `test:${randomUUID()}`;

    it("delivers one publisher's messages on a channel in the order published", async () => {
      const on = channel();
      const heard: string[] = [];
      const stop = await bus.subscribe(on, (m) => heard.push(m));
      const sent = Array.from({ length: 500 }, (_, i) => `message ${i}`);
      for (const message of sent) bus.publish(on, message);
      await until(
        () => heard.length,
        (n) => n >= sent.length,
        { what: 'every message heard' },
      );
      assert.deepEqual(heard, sent);
      await stop();
    });

    it('delivers to every listener of the channel, and only of that channel', async () => {
      const on = channel();
      const other = channel();
      const a: string[] = [];
      const b: string[] = [];
      const c: string[] = [];
      const stops = [
        await bus.subscribe(on, (m) => a.push(m)),
        await bus.subscribe(on, (m) => b.push(m)),
        await bus.subscribe(other, (m) => c.push(m)),
      ];
      bus.publish(on, 'for both');
      bus.publish(other, 'marker');
      await until(
        () => c.length,
        (n) => n === 1,
        { what: 'the marker heard' },
      );
      await until(
        () => a.length + b.length,
        (n) => n === 2,
        { what: 'both listeners hearing' },
      );
      assert.deepEqual([a, b, c], [['for both'], ['for both'], ['marker']]);
      for (const stop of stops) await stop();
    });

    it('keeps nothing for later: a listener hears only what is said after it listens, until it stops', async () => {
      const on = channel();
      bus.publish(on, 'before anyone listened');
      const heard: string[] = [];
      const stop = await bus.subscribe(on, (m) => heard.push(m));
      bus.publish(on, 'while listening');
      await until(
        () => heard.length,
        (n) => n === 1,
        { what: 'the message heard' },
      );
      await stop();
      bus.publish(on, 'after it stopped');
      // A marker on a second listener: once it is heard, the one before it would have been.
      const marker: string[] = [];
      const stopMarker = await bus.subscribe(on, (m) => marker.push(m));
      bus.publish(on, 'marker');
      await until(
        () => marker.length,
        (n) => n === 1,
        { what: 'the marker heard' },
      );
      assert.deepEqual(heard, ['while listening']);
      await stopMarker();
    });
  });
}

describe('the Redis bus under faults', () => {
  it('says which setting is wrong when Redis cannot be reached', async () => {
    // Nothing listens on port 1 of loopback.
    await assert.rejects(RedisBus.connect('redis://127.0.0.1:1'), /REDIS_URL: cannot reach Redis/);
  });

  it('carries on after Redis cuts its connections', async () => {
    const own = `expert-call-cut-${randomUUID().slice(0, 8)}`;
    const bus = await RedisBus.connect(REDIS_URL, () => {}, own);
    const admin = createClient({ url: REDIS_URL });
    await admin.connect();
    try {
      const on = `test:${randomUUID()}`;
      const heard: string[] = [];
      await bus.subscribe(on, (m) => heard.push(m));
      bus.publish(on, 'before the cut');
      await until(
        () => heard.length,
        (n) => n === 1,
        { what: 'the first message' },
      );
      // The real fault: the server drops both of the bus's connections.
      const list = await admin.sendCommand(['CLIENT', 'LIST']);
      const ids = String(list)
        .split('\n')
        .filter((line) => line.includes(` name=${own} `))
        .map((line) => /(?:^|\s)id=(\d+)/.exec(line)![1]!);
      assert.equal(ids.length, 2, 'the publisher and the listener');
      for (const id of ids) await admin.sendCommand(['CLIENT', 'KILL', 'ID', id]);
      // Said again and again until heard: what was said during the cut is lost, by contract.
      await until(
        () => {
          bus.publish(on, 'after the cut');
          return heard.includes('after the cut');
        },
        (back) => back,
        { what: 'a message heard after the connections came back', everyMs: 100 },
      );
    } finally {
      await admin.close();
      await bus.close();
    }
  });
});

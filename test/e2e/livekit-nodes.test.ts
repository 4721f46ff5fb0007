/**
 * LiveKit itself on more than one node: two livekit-server processes on loopback sharing the
 * local Redis (LiveKit's own multi-node mode), a stack (hub and pages) on each, and a browser
 * call through each. Calls work whichever node holds the room, and each node sees the rooms
 * of the other. The Redis database is one of its own, emptied before and after.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { createClient } from '@redis/client';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { after, before, describe, it } from '../support/node-test.js';
import { startLocalLiveKit, type LocalLiveKit } from '../../demo/stack/livekit-server.js';
import { startStack, type Stack } from '../../demo/stack/stack.js';
import { eventually, inboundStats, launchChromium, newParticipant } from '../support/browser.js';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage } from '../support/pages.js';

const REDIS = { host: '127.0.0.1', port: 6379 };
/** Not database 0, where the hubs' own bus and other tests live. */
const db = randomInt(1, 16);

const nodes: LocalLiveKit[] = [];
const stacks: Stack[] = [];
let browser: Browser;

async function flushDb(): Promise<void> {
  const redis = createClient({ socket: REDIS, database: db });
  await redis.connect();
  try {
    await redis.flushDb();
  } finally {
    await redis.close();
  }
}

const roomsVia = (node: LocalLiveKit) =>
  new RoomServiceClient(`http://127.0.0.1:${node.port}`, node.apiKey, node.apiSecret);

/** Whether a process of this id still exists (signal 0 only asks). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

before(async () => {
  await flushDb();
  for (let i = 0; i < 2; i++) {
    nodes.push(
      await startLocalLiveKit({
        ports: 'free',
        redis: { address: `${REDIS.host}:${REDIS.port}`, db },
      }),
    );
  }
  for (const node of nodes) stacks.push(await startStack({ ports: 'free', livekit: node }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const stack of stacks) await stack.stop();
  for (const node of nodes) await node.stop();
  await flushDb();
});

describe('LiveKit on two nodes sharing one Redis', () => {
  it('sees both nodes in one cluster', async () => {
    assert.equal(nodes.length, 2);
    assert.notEqual(nodes[0]!.port, nodes[1]!.port);
    // Each node answers for the rooms of both: none yet.
    for (const node of nodes) assert.deepEqual(await roomsVia(node).listRooms(), []);
  });

  it('carries a browser call through a stack on each node, each room seen from the other node', async () => {
    const calls = [];
    for (const [i, stack] of stacks.entries()) {
      const expert = new ConsolePage((await newParticipant(browser)).page);
      const shopper = new ShopPage((await newParticipant(browser)).page);
      await expert.signIn(stack.consoleUrl, `Node ${i}`);
      await expert.goAvailable();
      await shopper.open(stack.shopUrl);
      await shopper.choose('video');
      await expert.waitForRing();
      await expert.accept();
      await shopper.waitForState('in-call');
      await eventually(
        () => inboundStats(shopper.page),
        (s) => s.videoFramesDecoded > 10 && s.audioSamplesReceived > 0,
        `the expert’s video and voice at the shopper, through node ${i}`,
      );
      await eventually(
        () => inboundStats(expert.page),
        (s) => s.audioSamplesReceived > 0,
        `the shopper’s voice at the expert, through node ${i}`,
      );
      calls.push({ expert, shopper });
    }

    // Either node lists both calls' rooms, each with its two sides in it.
    for (const [i, node] of nodes.entries()) {
      const rooms = await until(
        () => roomsVia(node).listRooms(),
        (list) => list.length === 2 && list.every((r) => r.numParticipants === 2),
        { what: `node ${i} listing both calls' rooms with two sides each` },
      );
      assert.ok(rooms.every((r) => r.name.startsWith('conversation-')));
    }

    for (const { expert, shopper } of calls) {
      await shopper.hangUp();
      await expert.waitForStatus('available');
    }
  });

  it('leaves no livekit-server running once both nodes are stopped', async () => {
    for (const stack of stacks.splice(0)) await stack.stop();
    for (const node of nodes) await node.stop();
    for (const node of nodes) assert.equal(running(node.pid), false, `pid ${node.pid} is gone`);
  });
});

/**
 * An address's limits hold across hubs: two hub processes on the real Redis and PostgreSQL,
 * with the limits they ship with; offline requests left on each hub in turn are counted
 * together, not once per hub.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { DEFAULT_LIMITS } from '../../src/server/transport/limits.js';
import { startHubCluster, type HubCluster } from '../support/hub-cluster.js';
import { HubPeer } from '../support/hub-peer.js';

let cluster: HubCluster;
before(async () => {
  cluster = await startHubCluster({ hubs: 2, limits: DEFAULT_LIMITS });
  await cluster.holder();
});
after(() => cluster?.stop());

describe('limits across hubs', () => {
  it('lets one address leave its handful of offline requests over all hubs together', async () => {
    const burst = DEFAULT_LIMITS.offlineRequests.burst;
    const answers: string[] = [];
    for (let i = 0; i < burst * cluster.hubs.length; i++) {
      const peer = await HubPeer.open(cluster.hubs[i % cluster.hubs.length]!.url);
      try {
        peer.send({
          type: 'offline.message',
          lang: 'en',
          context: {},
          contact: `turns${i}@example.com`,
          text: `message ${i}`,
        });
        const answer = await peer.until(
          (m) => m.type === 'offline.confirmed' || m.type === 'error',
        );
        answers.push(answer.type === 'error' ? answer.reason : answer.type);
      } finally {
        await peer.close();
      }
    }
    assert.equal(answers.filter((a) => a === 'offline.confirmed').length, burst, answers.join());
    assert.equal(answers.filter((a) => a === 'rate-limited').length, burst, answers.join());
  });
});

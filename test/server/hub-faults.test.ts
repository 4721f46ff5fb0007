/**
 * Faults from outside that must not stop the hub: requests no browser would send, and a
 * database that drops its connections. Each fault is inflicted for real (raw bytes over TCP,
 * `pg_terminate_backend`), with a live conversation on the hub that must carry on through it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, it } from '../support/node-test.js';
import pg from 'pg';
import type { ServerMessageOf } from '../../src/protocol/index.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { until } from '../support/deadline.js';
import {
  postgresBehindLink,
  storageEngines,
  type PostgresBehindLink,
  type StorageEngine,
} from '../support/storage-engines.js';

/** A written conversation between a new expert and a new shopper, accepted. */
async function chatBetween(hubUrl: string, name: string) {
  const expert = await HubPeer.expert(hubUrl, name);
  const shopper = await HubPeer.shopper(hubUrl, 'chat');
  const ring = await expert.next('expert.ring');
  expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await shopper.next('call.live');
  return { expert, shopper, conversationId: ring.conversationId };
}

/** Sends one chat message and waits until the hub has stored it, resending after a refusal. */
async function say(
  shopper: HubPeer,
  conversationId: string,
  text: string,
): Promise<ServerMessageOf<'chat.message'>> {
  const clientId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const from = shopper.received.length;
    shopper.send({ type: 'chat.send', conversationId, clientId, text });
    const answer = await shopper.until(
      (m) =>
        (m.type === 'chat.message' && m.clientId === clientId) ||
        (m.type === 'error' && m.ref === 'chat.send'),
      from,
    );
    if (answer.type === 'chat.message') return answer;
    assert.ok(attempt < 5, `"${text}" refused ${attempt} times: ${JSON.stringify(answer)}`);
  }
}

/** The whole transcript as the hub replays it to a side that lost everything, up to `lastSeq`. */
async function transcript(peer: HubPeer, conversationId: string, lastSeq: number) {
  // The live copy first, so that the replay is all that comes after `from`.
  await peer.until((m) => m.type === 'chat.message' && m.seq === lastSeq);
  const from = peer.received.length;
  peer.send({ type: 'chat.sync', conversationId, lastSeq: 0 });
  await peer.until((m) => m.type === 'chat.message' && m.seq === lastSeq, from);
  return peer.received
    .slice(from)
    .flatMap((m) => (m.type === 'chat.message' && m.author !== 'system' ? [m] : []))
    .map((m) => m.text);
}

describe('requests no browser sends', () => {
  let stack: HubFixture;
  before(async () => {
    stack = await startHubFixture();
  });
  after(() => stack.stop());

  /** Sends raw bytes to the hub's port and returns the status line it answers with. */
  async function raw(request: string): Promise<string> {
    const { hostname, port } = new URL(stack.hub.url);
    const socket = connect(Number(port), hostname);
    socket.write(request);
    let answer = '';
    for await (const chunk of socket) {
      answer += String(chunk);
      if (answer.includes('\r\n')) break;
    }
    socket.destroy();
    return answer.split('\r\n')[0]!;
  }

  it('answers malformed request targets with 400 and keeps a live conversation going', async () => {
    const { expert, shopper, conversationId } = await chatBetween(stack.hub.url, 'Steady');
    await say(shopper, conversationId, 'before');
    for (const target of ['http://[', '//[::1', 'http://%zz', 'http://a:99999999/']) {
      assert.equal(
        await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        'HTTP/1.1 400 Bad Request',
        target,
      );
    }
    assert.match(await raw('GET /health HTTP/1.1\r\nHost: \u0000\r\n\r\n'), /^HTTP\/1\.1 400/);
    const stored = await say(shopper, conversationId, 'after');
    assert.equal(stored.text, 'after');
    await expert.close();
    await shopper.close();
  });
});

describe('the health endpoint', () => {
  const token = 'operator-'.repeat(4);
  let stack: HubFixture;
  before(async () => {
    stack = await startHubFixture({ operatorToken: token });
  });
  after(() => stack.stop());

  const health = async (authorization?: string) => {
    const response = await fetch(`${stack.hub.url}/health`, {
      headers: authorization ? { authorization } : {},
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('tells anyone ok or degraded, and its figures only to the operator', async () => {
    const expert = await HubPeer.expert(stack.hub.url, 'Counted');
    try {
      assert.deepEqual(await health(), { status: 200, body: { ok: true, status: 'ok' } });
      assert.deepEqual((await health(`Bearer ${token}x`)).body, { ok: true, status: 'ok' });
      assert.deepEqual((await health(token)).body, { ok: true, status: 'ok' });
      const told = await health(`Bearer ${token}`);
      assert.equal(told.status, 200);
      assert.equal(told.body['experts'], 1);
      assert.equal(told.body['status'], 'ok');
    } finally {
      await expert.close();
    }
  });
});

describe('a PostgreSQL that drops the hub’s connections', () => {
  let stack: HubFixture;
  let engine: StorageEngine | undefined;
  let admin: pg.Client;
  const application = `hub-faults-${randomUUID().slice(0, 8)}`;

  before(async () => {
    engine = (await storageEngines('hub faults')).find((e) => e.name === 'PostgreSQL');
    if (!engine) return;
    const { databaseUrl } = await engine.open();
    const url = new URL(databaseUrl!);
    url.searchParams.set('application_name', application);
    stack = await startHubFixture({ storage: { databaseUrl: url.toString() } });
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  after(async () => {
    await stack?.stop();
    await admin?.end();
    await engine?.dispose();
  });

  it('keeps the hub up through terminated connections, with the transcript complete', async (t) => {
    if (!engine) return t.diagnostic('PostgreSQL is not reachable here (it is required on CI)');
    const { expert, shopper, conversationId } = await chatBetween(stack.hub.url, 'Durable');
    const sent = ['one'];
    let last = await say(shopper, conversationId, 'one');
    for (let round = 0; round < 3; round++) {
      const { rows } = await admin.query<{ pid: number }>(
        `select pg_terminate_backend(pid) as pid from pg_stat_activity where application_name = $1`,
        [application],
      );
      assert.ok(rows.length > 0, 'the hub holds connections to terminate');
      for (const text of [`after ${round} a`, `after ${round} b`]) {
        last = await say(shopper, conversationId, text);
        sent.push(text);
      }
    }
    assert.deepEqual(await transcript(expert, conversationId, last.seq), sent);
    await expert.close();
    await shopper.close();
  });
});

describe('a PostgreSQL the hub cannot reach for a while', () => {
  let stack: HubFixture;
  let postgres: PostgresBehindLink | undefined;
  const token = 'operator-'.repeat(4);

  before(async () => {
    // The hub reaches PostgreSQL through a link this test can cut and keep cut.
    postgres = await postgresBehindLink('hub faults');
    if (!postgres) return;
    stack = await startHubFixture({
      storage: { databaseUrl: postgres.databaseUrl },
      operatorToken: token,
    });
  });
  after(async () => {
    await stack?.stop();
    await postgres?.dispose();
  });

  const health = async () => {
    const response = await fetch(`${stack.hub.url}/health`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { http: response.status, ...((await response.json()) as { storage?: string }) };
  };

  it('says degraded, refuses what it cannot store, and comes back by itself', async (t) => {
    if (!postgres) return t.diagnostic('PostgreSQL is not reachable here (it is required on CI)');
    const { expert, shopper, conversationId } = await chatBetween(stack.hub.url, 'Degraded');
    await say(shopper, conversationId, 'before');
    assert.equal((await health()).http, 200);

    postgres.link.refuse(true);
    postgres.link.cutAll();
    const clientId = randomUUID();
    const from = shopper.received.length;
    shopper.send({ type: 'chat.send', conversationId, clientId, text: 'while down' });
    const refused = await shopper.until((m) => m.type === 'error', from);
    assert.ok(refused.type === 'error');
    assert.equal(refused.reason, 'internal', 'a retryable refusal');
    const down = await health();
    assert.equal(down.http, 503);
    assert.equal(down.storage, 'down');

    postgres.link.refuse(false);
    await until(health, (h) => h.http === 200, { what: 'the hub back up by itself' });
    // The same message again (same id): stored once.
    const again = shopper.received.length;
    shopper.send({ type: 'chat.send', conversationId, clientId, text: 'while down' });
    const stored = await shopper.until(
      (m) => (m.type === 'chat.message' && m.clientId === clientId) || m.type === 'error',
      again,
    );
    assert.ok(stored.type === 'chat.message', JSON.stringify(stored));
    assert.deepEqual(await transcript(expert, conversationId, stored.seq), [
      'before',
      'while down',
    ]);
    await expert.close();
    await shopper.close();
  });
});

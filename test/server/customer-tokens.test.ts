/**
 * A logged-in customer, identified by a token the shop's server signs, on a real hub (real
 * LiveKit, real storage): with a shared secret, or with the shop's keys in a JWKS file. A valid
 * token rings the expert with the verified name and customer id, stored with the conversation
 * on both storage engines; every kind of bad token, and a token for a shop that verifies none,
 * leaves the shopper unidentified but in their conversation, with the reason logged and
 * nothing of the token or its claims.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { after, before, describe, it } from '../support/node-test.js';
import { defaultShopConfig, type ShopConfig } from '../../src/server/config/shop-config.js';
import { MAX_CUSTOMER_TOKEN, type ServerMessageOf } from '../../src/protocol/index.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { storageEngines } from '../support/storage-engines.js';

const SECRET = 'a-secret-the-shop-shares-with-its-hub';
const ISSUER = 'https://cycles.example';
const CUSTOMER = { sub: 'cust-48151623', name: 'Léa Martin-Dubois', email: 'lea@example.org' };
/** What the shopper typed in the page: never verified, never mistaken for the customer. */
const TYPED_NAME = 'Lea (typed)';

const now = () => Math.floor(Date.now() / 1000);
const hmac = new TextEncoder().encode(SECRET);

interface Claims {
  iss?: string;
  aud?: string;
  iat?: number;
  exp?: number | null;
  sub?: string;
  name?: string;
  extra?: Record<string, unknown>;
}

/** A token as a shop's server signs it, with what `claims` changes. */
function sign(
  key: CryptoKey | Uint8Array,
  claims: Claims = {},
  header: { alg: string; kid?: string } = { alg: 'HS256' },
): Promise<string> {
  const jwt = new SignJWT({
    name: claims.name ?? CUSTOMER.name,
    email: CUSTOMER.email,
    ...claims.extra,
  })
    .setProtectedHeader(header)
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? 'expert-call')
    .setSubject(claims.sub ?? CUSTOMER.sub)
    .setIssuedAt(claims.iat ?? now());
  if (claims.exp !== null) jwt.setExpirationTime(claims.exp ?? now() + 600);
  return jwt.sign(key);
}

/** A token that says it is signed with no algorithm at all, and so is not signed. */
function unsigned(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { ...CUSTOMER, iss: ISSUER, aud: 'expert-call', iat: now(), exp: now() + 600 };
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

function shopWith(customerTokens: ShopConfig['customerTokens']): ShopConfig {
  return { ...defaultShopConfig(), customerTokens };
}

const settings = { issuer: ISSUER, audience: 'expert-call', maxLifetimeSeconds: 3600 };

/** The hub a describe block runs against, and the peers its tests open. */
function onHub(start: () => Promise<HubFixture>) {
  let fixture: HubFixture;
  before(async () => {
    fixture = await start();
  });
  after(() => fixture.stop());
  const track = trackPeers(() => fixture);
  let experts = 0;

  /** A shopper asks with `token` (and a typed name); an expert is rung with what the hub made of it. */
  async function ring(token: string | undefined) {
    const expert = track(await HubPeer.expert(fixture.hub.url, `Expert ${++experts}`));
    const shopper = track(await HubPeer.open(fixture.hub.url));
    shopper.send({
      type: 'shopper.request',
      mode: 'chat',
      lang: 'en',
      displayName: TYPED_NAME,
      context: { pageUrl: 'https://cycles.example/bike' },
      ...(token === undefined ? {} : { customerToken: token }),
    });
    const { conversationId } = await shopper.next('conversation.opened');
    const rung = await expert.nextWhere('expert.ring', (r) => r.conversationId === conversationId);
    return { conversationId, ring: rung, expert, shopper };
  }

  /** What the hub logged of this conversation's token: `customer.unverified` reasons. */
  function unverified(conversationId: string): unknown[] {
    return fixture.logged
      .filter((l) => l.event === 'customer.unverified')
      .filter((l) => l.fields['conversation'] === conversationId)
      .map((l) => l.fields['why']);
  }

  /**
   * An ordinary conversation from the ring on: accepted, then ended, and the expert steps away
   * so that the next shopper of the same test rings the next expert.
   */
  async function settle({
    conversationId,
    expert,
    shopper,
  }: {
    conversationId: string;
    expert: HubPeer;
    shopper: HubPeer;
  }): Promise<void> {
    expert.send({ type: 'expert.accept', conversationId });
    await shopper.next('call.live');
    shopper.send({ type: 'call.end', conversationId });
    await shopper.next('call.ended');
    await expert.next('call.ended');
    expert.send({ type: 'expert.set-presence', status: 'away' });
    await expert.nextWhere('expert.presence', (p) => p.status === 'away');
  }

  /** `token` is refused for `why`: the conversation goes on, unidentified, and one line says why. */
  async function refused(token: string, why: string): Promise<void> {
    const { conversationId, ring: rung, expert, shopper } = await ring(token);
    assertUnidentified(rung);
    assert.deepEqual(unverified(conversationId), [why]);
    const [row] = await fixture.sql(
      'select customer_id, customer_name from conversations where id = $1',
      [conversationId],
    );
    assert.deepEqual(row, { customer_id: null, customer_name: null });
    await settle({ conversationId, expert, shopper });
    assertNothingPersonalLogged(token);
  }

  function assertNothingPersonalLogged(token: string): void {
    const logs = JSON.stringify(fixture.logged);
    for (const value of [token, CUSTOMER.name, CUSTOMER.email, CUSTOMER.sub, TYPED_NAME])
      assert.ok(!logs.includes(value), `"${value.slice(0, 40)}" is in the hub's logs`);
  }

  return { fixture: () => fixture, ring, settle, unverified, refused, assertNothingPersonalLogged };
}

function assertUnidentified(ring: ServerMessageOf<'expert.ring'>): void {
  assert.equal(ring.shopper.customer, undefined, 'no verified customer on the ring');
  assert.equal(ring.shopper.displayName, TYPED_NAME, 'the typed name stays as typed');
  assert.ok(!JSON.stringify(ring).includes(CUSTOMER.name), 'no name from the token');
}

for (const engine of await storageEngines('customer tokens')) {
  describe(`a shop that shares a secret with its hub (${engine.name})`, () => {
    const hub = onHub(async () =>
      startHubFixture({
        shop: shopWith({ secret: SECRET, jwks: null, ...settings }),
        storage: engine.name === 'PGlite' ? 'disk' : await engine.open(),
        reconnectGraceMs: 60_000,
      }),
    );
    after(() => engine.dispose());

    it('rings the expert with the verified name, customer id and email, and stores who it is', async () => {
      const { conversationId, ring } = await hub.ring(await sign(hmac));
      assert.deepEqual(ring.shopper.customer, {
        id: CUSTOMER.sub,
        name: CUSTOMER.name,
        email: CUSTOMER.email,
      });
      assert.equal(ring.shopper.displayName, TYPED_NAME, 'the typed name is kept apart');
      assert.deepEqual(hub.unverified(conversationId), []);
      const [row] = await hub
        .fixture()
        .sql('select customer_id, customer_name, customer_email from conversations where id = $1', [
          conversationId,
        ]);
      assert.deepEqual(row, {
        customer_id: CUSTOMER.sub,
        customer_name: CUSTOMER.name,
        customer_email: CUSTOMER.email,
      });
      const requested = hub
        .fixture()
        .logged.find(
          (l) =>
            l.event === 'conversation.requested' && l.fields['conversation'] === conversationId,
        );
      assert.equal(requested?.fields['identified'], true);
      hub.assertNothingPersonalLogged(CUSTOMER.sub);
    });

    it('tells the expert who rated by the verified name, kept apart from the typed one', async () => {
      const rung = await hub.ring(await sign(hmac));
      await hub.settle(rung);
      rung.shopper.send({ type: 'shopper.rate', conversationId: rung.conversationId, stars: 5 });
      const rated = await rung.expert.next('expert.rated');
      assert.deepEqual(rated.customer, {
        id: CUSTOMER.sub,
        name: CUSTOMER.name,
        email: CUSTOMER.email,
      });
      assert.equal(rated.displayName, TYPED_NAME);
    });

    it('rings with the verified customer again after the hub restarts, from storage', async () => {
      const fixture = hub.fixture();
      const shopper = await HubPeer.open(fixture.hub.url);
      shopper.send({
        type: 'shopper.request',
        mode: 'chat',
        lang: 'en',
        context: {},
        customerToken: await sign(hmac),
      });
      const opened = await shopper.next('conversation.opened');
      await shopper.next('shopper.queued');
      await fixture.restartHub();
      const back = await HubPeer.open(fixture.hub.url);
      back.send({
        type: 'conversation.resume',
        conversationId: opened.conversationId,
        resumeToken: opened.resumeToken,
        lastSeq: 0,
      });
      await back.next('conversation.opened');
      const expert = await HubPeer.expert(fixture.hub.url, 'After restart');
      const ring = await expert.nextWhere(
        'expert.ring',
        (r) => r.conversationId === opened.conversationId,
      );
      assert.equal(ring.shopper.customer?.name, CUSTOMER.name);
      assert.equal(ring.shopper.customer?.id, CUSTOMER.sub);
      await back.hangUpAndClose();
      await expert.close();
      await shopper.close();
      await fixture.untilIdle();
    });

    it('takes an expired token as no token: the conversation goes on unidentified', async () => {
      await hub.refused(await sign(hmac, { iat: now() - 3000, exp: now() - 600 }), 'expired');
    });

    it('refuses a token signed with another secret', async () => {
      const other = new TextEncoder().encode('another-secret-of-more-than-32-chars');
      await hub.refused(await sign(other), 'signature');
    });

    it('refuses a token from another issuer, or for another audience', async () => {
      await hub.refused(await sign(hmac, { iss: 'https://other.example' }), 'issuer');
      await hub.refused(await sign(hmac, { aud: 'someone-else' }), 'audience');
    });

    it('refuses a token signed with no algorithm (alg: none)', async () => {
      await hub.refused(unsigned(), 'algorithm');
    });

    it('refuses a token that never expires, or lives longer than the shop allows', async () => {
      await hub.refused(await sign(hmac, { exp: null }), 'no-expiry');
      await hub.refused(await sign(hmac, { exp: now() + 2 * 3600 }), 'lifetime');
    });

    it('refuses a token over the length bound, without refusing the request', async () => {
      const long = await sign(hmac, { extra: { padding: 'x'.repeat(MAX_CUSTOMER_TOKEN) } });
      assert.ok(long.length > MAX_CUSTOMER_TOKEN);
      await hub.refused(long, 'too-long');
    });

    it('refuses a token with no name or no subject', async () => {
      await hub.refused(await sign(hmac, { name: ' ' }), 'no-name');
      await hub.refused(await sign(hmac, { sub: '' }), 'no-subject');
    });

    it('refuses what is not a token at all', async () => {
      await hub.refused('not-a-token', 'malformed');
    });
  });
}

describe('a shop that publishes its keys as a JWKS file', () => {
  let folder: string;
  let current: CryptoKey;
  let rotated: CryptoKey;
  const hub = onHub(async () => {
    folder = await mkdtemp(join(tmpdir(), 'expert-call-jwks-'));
    const [a, b] = await Promise.all([
      generateKeyPair('ES256', { extractable: true }),
      generateKeyPair('ES256', { extractable: true }),
    ]);
    current = a.privateKey;
    rotated = b.privateKey;
    const keys = [
      { ...(await exportJWK(a.publicKey)), kid: 'current', alg: 'ES256', use: 'sig' },
      { ...(await exportJWK(b.publicKey)), kid: 'next', alg: 'ES256', use: 'sig' },
    ];
    const jwks = join(folder, 'jwks.json');
    await writeFile(jwks, JSON.stringify({ keys }));
    return startHubFixture({ shop: shopWith({ secret: null, jwks, ...settings }) });
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('rings with the verified customer for a token signed with any of its keys (rotation by kid)', async () => {
    for (const [key, kid] of [
      [current, 'current'],
      [rotated, 'next'],
    ] as const) {
      const rung = await hub.ring(await sign(key, {}, { alg: 'ES256', kid }));
      assert.deepEqual(rung.ring.shopper.customer, {
        id: CUSTOMER.sub,
        name: CUSTOMER.name,
        email: CUSTOMER.email,
      });
      await hub.settle(rung);
    }
  });

  it('refuses a token signed with a key it does not publish', async () => {
    const stranger = await generateKeyPair('ES256');
    await hub.refused(
      await sign(stranger.privateKey, {}, { alg: 'ES256', kid: 'current' }),
      'signature',
    );
    await hub.refused(
      await sign(stranger.privateKey, {}, { alg: 'ES256', kid: 'unknown' }),
      'unknown-key',
    );
  });

  it('refuses an HS256 token: this shop shares no secret', async () => {
    await hub.refused(await sign(hmac), 'algorithm');
  });

  it('refuses a token signed with no algorithm (alg: none)', async () => {
    await hub.refused(unsigned(), 'algorithm');
  });

  it('refuses an expired token and one from another issuer', async () => {
    await hub.refused(
      await sign(
        current,
        { iat: now() - 3000, exp: now() - 600 },
        { alg: 'ES256', kid: 'current' },
      ),
      'expired',
    );
    await hub.refused(
      await sign(current, { iss: 'https://other.example' }, { alg: 'ES256', kid: 'current' }),
      'issuer',
    );
  });
});

describe('a shop that verifies no customer tokens', () => {
  const hub = onHub(() => startHubFixture({ shop: shopWith(null) }));

  it('takes a token as no token: the conversation goes on unidentified', async () => {
    await hub.refused(await sign(hmac), 'not-configured');
  });

  it('rings an ordinary shopper as before when the page gave no token', async () => {
    const { conversationId, ring } = await hub.ring(undefined);
    assertUnidentified(ring);
    assert.deepEqual(hub.unverified(conversationId), [], 'nothing to log without a token');
  });
});

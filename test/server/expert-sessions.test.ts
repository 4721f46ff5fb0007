/**
 * Expert sessions a shop signs: with the shared secret, or with its own keys published as a
 * JWKS (a file, or a URL served here on loopback), rotated by `kid`. Real jose tokens, signed
 * correctly, each wrong in one way.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';

type KeyLike = CryptoKey;
import { after, before, describe, it } from '../support/node-test.js';
import { ExpertSessions } from '../../src/server/auth/expert-sessions.js';
import { HubPeer } from '../support/hub-peer.js';
import { startHub, type RunningHub } from '../../src/server/create-hub.js';
import { defaultShopConfig } from '../../src/server/config/shop-config.js';

const SECRET = 's'.repeat(32);
const now = () => Math.floor(Date.now() / 1000);

/** A session as a shop's back office would sign it, with `change` applied to its claims. */
function session(
  key: KeyLike | Uint8Array,
  claims: { sub?: string; name?: string; iat?: number; exp?: number | null } = {},
  header: { alg: string; kid?: string } = { alg: 'HS256' },
): Promise<string> {
  const jwt = new SignJWT(claims.name === undefined ? { name: 'Camille' } : { name: claims.name })
    .setProtectedHeader(header)
    .setIssuer('expert-call')
    .setAudience('expert-console')
    .setSubject(claims.sub ?? 'camille')
    .setIssuedAt(claims.iat ?? now());
  if (claims.exp !== null) jwt.setExpirationTime(claims.exp ?? now() + 3600);
  return jwt.sign(key);
}

const hmac = new TextEncoder().encode(SECRET);

describe('expert sessions signed with the shared secret', () => {
  const sessions = new ExpertSessions(SECRET, { maxLifetimeSeconds: 8 * 3600 });

  it('takes a session with an expiry, a subject and a name', async () => {
    assert.deepEqual(await sessions.check(await session(hmac)), {
      expert: { id: 'camille', name: 'Camille' },
    });
  });

  it('refuses a session that never expires', async () => {
    assert.deepEqual(await sessions.check(await session(hmac, { exp: null })), {
      refused: 'no-expiry',
    });
  });

  it('refuses a session longer than the longest the hub allows', async () => {
    const long = await session(hmac, { exp: now() + 9 * 3600 });
    assert.deepEqual(await sessions.check(long), { refused: 'too-long' });
    // Issued long ago, expiring soon: its lifetime is what counts.
    const old = await session(hmac, { iat: now() - 30 * 3600, exp: now() + 60 });
    assert.deepEqual(await sessions.check(old), { refused: 'too-long' });
  });

  it('refuses an empty subject and a name that is only blanks or control characters', async () => {
    assert.deepEqual(await sessions.check(await session(hmac, { sub: '  ' })), {
      refused: 'no-subject',
    });
    assert.deepEqual(await sessions.check(await session(hmac, { name: ' \u0000\u0007 ' })), {
      refused: 'no-name',
    });
  });

  it('cleans a name storage would refuse: a lone surrogate, a NUL', async () => {
    const checked = await sessions.check(await session(hmac, { name: 'Ana\u0000 \uD83D' }));
    assert.deepEqual(checked, { expert: { id: 'camille', name: 'Ana \uFFFD' } });
  });

  it('issues dev sessions within the longest lifetime', async () => {
    const short = new ExpertSessions(SECRET, { maxLifetimeSeconds: 3600 });
    const token = await short.issue({ id: 'dev-ana', name: 'Ana' });
    const [, payload] = token.split('.');
    const { iat, exp } = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    assert.equal(exp - iat, 3600);
    assert.deepEqual(await short.check(token), { expert: { id: 'dev-ana', name: 'Ana' } });
  });
});

describe('expert sessions signed with the shop’s own keys (JWKS)', () => {
  let first: { privateKey: KeyLike; jwk: JWK };
  let second: { privateKey: KeyLike; jwk: JWK };
  let folder: string;
  let published: JWK[] = [];
  let server: Server;
  let url: string;

  const keyPair = async (kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
  };

  before(async () => {
    first = await keyPair('2026-11');
    second = await keyPair('2026-12');
    folder = await mkdtemp(join(tmpdir(), 'expert-call-jwks-'));
    server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  it('takes a session signed with a published key, from a URL, and a rotated one', async () => {
    published = [first.jwk];
    const sessions = new ExpertSessions(SECRET, { jwks: url, jwksRefreshMs: 200 });
    const signedBy = (key: typeof first) =>
      session(key.privateKey, {}, { alg: 'ES256', kid: key.jwk.kid! });
    assert.deepEqual(await sessions.check(await signedBy(first)), {
      expert: { id: 'camille', name: 'Camille' },
    });
    // Not published yet: refused.
    assert.deepEqual(await sessions.check(await signedBy(second)), { refused: 'invalid' });
    // Rotated: the new key published beside the old.
    published = [first.jwk, second.jwk];
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the refetch cooldown
    assert.deepEqual(await sessions.check(await signedBy(second)), {
      expert: { id: 'camille', name: 'Camille' },
    });
  });

  it('takes keys from a file, a rotated one too, and refuses a stranger’s key and an unsigned session', async () => {
    const file = join(folder, 'jwks.json');
    await writeFile(file, JSON.stringify({ keys: [first.jwk] }));
    const sessions = new ExpertSessions(SECRET, { jwks: file, jwksRefreshMs: 200 });
    assert.deepEqual(
      await sessions.check(await session(first.privateKey, {}, { alg: 'ES256', kid: '2026-11' })),
      { expert: { id: 'camille', name: 'Camille' } },
    );
    const stranger = await keyPair('2026-11');
    assert.deepEqual(
      await sessions.check(
        await session(stranger.privateKey, {}, { alg: 'ES256', kid: '2026-11' }),
      ),
      { refused: 'invalid' },
    );
    // Rotated in the file: read again for the new `kid`.
    await writeFile(file, JSON.stringify({ keys: [first.jwk, second.jwk] }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.deepEqual(
      await sessions.check(await session(second.privateKey, {}, { alg: 'ES256', kid: '2026-12' })),
      { expert: { id: 'camille', name: 'Camille' } },
    );
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'x', name: 'x', exp: now() + 60 }),
    ).toString('base64url')}.`;
    assert.deepEqual(await sessions.check(unsigned), { refused: 'invalid' });
  });

  it('refuses a key-signed session on a hub that has no JWKS', async () => {
    const sessions = new ExpertSessions(SECRET);
    const token = await session(first.privateKey, {}, { alg: 'ES256', kid: '2026-11' });
    assert.deepEqual(await sessions.check(token), { refused: 'invalid' });
  });
});

describe('a console signing in with a session the hub refuses', () => {
  let hub: RunningHub;
  before(async () => {
    hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      livekit: { url: 'ws://127.0.0.1:9', apiKey: 'devkey', apiSecret: 'x'.repeat(32) },
      expertSessionSecret: SECRET,
      devLogin: false,
      reconnectGraceMs: 1_000,
      storage: {},
      shop: defaultShopConfig(),
      shopConfigPath: undefined,
    });
  });
  after(() => hub.close());

  for (const [why, claims, said] of [
    ['never expires', { exp: null }, /never expires/],
    ['names nobody', { sub: ' ' }, /names no expert/],
  ] as const) {
    it(`is told why when the session ${why}, as unauthorized`, async () => {
      const peer = await HubPeer.open(hub.url);
      try {
        peer.send({ type: 'expert.auth', session: await session(hmac, claims) });
        const error = await peer.next('error');
        assert.equal(error.reason, 'unauthorized');
        assert.match(error.message, said);
      } finally {
        await peer.close();
      }
    });
  }
});

/**
 * Signed expert sessions. The demo's dev login issues them; a shop plugs in its own auth by
 * signing the same kind of JWT in its back office: issuer `expert-call`, audience
 * `expert-console`, `sub` = expert id, `name`, and an `exp` no further than the hub's maximum
 * lifetime. Signed either with the secret the shop shares with the hub (HS256), or with the
 * shop's own private key, whose public half the hub reads from a JWKS (a URL or a file): keys
 * are told apart by `kid`, so a shop rotates by publishing the new key beside the old.
 */
import {
  SignJWT,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { ExpertProfile } from '../../protocol/index.js';
import { KEY_ALGORITHMS, fitted, keySet } from './key-set.js';

const ISSUER = 'expert-call';
const AUDIENCE = 'expert-console';

export interface ExpertSessionOptions {
  /** How long a session the hub issues (dev login) lasts, in seconds. */
  ttlSeconds?: number;
  /** The longest `exp - iat` a session may have, in seconds: longer ones are refused. */
  maxLifetimeSeconds?: number;
  /** The shop's public keys: an http(s) URL or a file holding a JWKS. */
  jwks?: string | undefined;
  /** How soon the JWKS is read again for a `kid` it did not have (default 30 s). */
  jwksRefreshMs?: number;
}

export type SessionCheck =
  | { readonly expert: ExpertProfile }
  | { readonly refused: 'invalid' | 'no-expiry' | 'too-long' | 'no-subject' | 'no-name' };

export class ExpertSessions {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;
  private readonly maxLifetimeSeconds: number;
  private readonly keys: JWTVerifyGetKey | undefined;

  constructor(secret: string, options: ExpertSessionOptions = {}) {
    if (secret.length < 32)
      throw new Error('The expert session secret needs 32 characters or more.');
    this.key = new TextEncoder().encode(secret);
    this.maxLifetimeSeconds = options.maxLifetimeSeconds ?? 12 * 3600;
    this.ttlSeconds = Math.min(options.ttlSeconds ?? 12 * 3600, this.maxLifetimeSeconds);
    this.keys = options.jwks ? keySet(options.jwks, options.jwksRefreshMs ?? 30_000) : undefined;
  }

  async issue(expert: ExpertProfile): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ name: expert.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(expert.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
  }

  /** The expert a session names, or null when it is forged, expired or malformed. */
  async verify(session: string): Promise<ExpertProfile | null> {
    const checked = await this.check(session);
    return 'expert' in checked ? checked.expert : null;
  }

  /** The expert a session names, or why it is refused. */
  async check(session: string): Promise<SessionCheck> {
    let payload: JWTPayload;
    try {
      payload = await this.payloadOf(session);
    } catch {
      return { refused: 'invalid' };
    }
    if (typeof payload.exp !== 'number') return { refused: 'no-expiry' };
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
    if (payload.exp - issuedAt > this.maxLifetimeSeconds) return { refused: 'too-long' };
    const id = typeof payload.sub === 'string' ? fitted(payload.sub, 128) : '';
    if (!id) return { refused: 'no-subject' };
    const name = typeof payload['name'] === 'string' ? fitted(payload['name'], 100) : '';
    if (!name) return { refused: 'no-name' };
    return { expert: { id, name } };
  }

  private async payloadOf(session: string): Promise<JWTPayload> {
    // `exp` and `sub` are checked after, to say which is missing.
    const claims = { issuer: ISSUER, audience: AUDIENCE };
    const { alg } = decodeProtectedHeader(session);
    if (alg === 'HS256') {
      return (await jwtVerify(session, this.key, { ...claims, algorithms: ['HS256'] })).payload;
    }
    if (!this.keys) throw new Error('no JWKS configured for asymmetric sessions');
    return (await jwtVerify(session, this.keys, { ...claims, algorithms: KEY_ALGORITHMS })).payload;
  }
}

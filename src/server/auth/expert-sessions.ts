/**
 * Signed expert sessions. The demo's dev login issues them; a shop plugs in its own auth by
 * signing the same kind of JWT in its back office with the secret it shares with the hub
 * (HS256, issuer `expert-call`, audience `expert-console`, `sub` = expert id, `name`).
 */
import { SignJWT, jwtVerify } from 'jose';
import type { ExpertProfile } from '../../protocol/index.js';

const ISSUER = 'expert-call';
const AUDIENCE = 'expert-console';

export class ExpertSessions {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttl = '12h',
  ) {
    if (secret.length < 32)
      throw new Error('The expert session secret needs 32 characters or more.');
    this.key = new TextEncoder().encode(secret);
  }

  async issue(expert: ExpertProfile): Promise<string> {
    return new SignJWT({ name: expert.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(expert.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.key);
  }

  /** The expert a session names, or null when it is forged, expired or malformed. */
  async verify(session: string): Promise<ExpertProfile | null> {
    try {
      const { payload } = await jwtVerify(session, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const name = payload['name'];
      if (typeof payload.sub !== 'string' || typeof name !== 'string') return null;
      return { id: payload.sub.slice(0, 128), name: name.slice(0, 100) };
    } catch {
      return null;
    }
  }
}

/**
 * What expert sessions and customer tokens share: the public keys of a JWKS (a URL or a file,
 * told apart by `kid`, so a signer rotates by publishing the new key beside the old), the
 * algorithms taken from it, and names fitted to what storage and the elements take.
 */
import { readFile } from 'node:fs/promises';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { cleanText } from '../../protocol/index.js';

/** Asymmetric algorithms taken from a JWKS; a shared secret is HS256 only. */
export const KEY_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/** A name or id as storage and both elements take it: clean text, at most `max` characters. */
export function fitted(text: string, max: number): string {
  return [
    ...cleanText(text)
      .replace(/[\t\n]/g, ' ')
      .trim(),
  ]
    .slice(0, max)
    .join('')
    .trim();
}

/**
 * The keys of a JWKS URL (fetched again when a `kid` is new, at most every `refreshMs`, as jose
 * does) or of a file (read again, at most as often, when a `kid` is not in it: a rotated key).
 */
export function keySet(source: string, refreshMs: number): JWTVerifyGetKey {
  if (/^https?:\/\//.test(source)) {
    return createRemoteJWKSet(new URL(source), {
      cooldownDuration: refreshMs,
      timeoutDuration: 5_000,
    });
  }
  let current: { keys: JWTVerifyGetKey; readAt: number } | undefined;
  const load = async () => {
    const jwks = JSON.parse(await readFile(source, 'utf8')) as JSONWebKeySet;
    current = { keys: createLocalJWKSet(jwks), readAt: Date.now() };
    return current.keys;
  };
  return async (header, token) => {
    const keys = current?.keys ?? (await load());
    try {
      return await keys(header, token);
    } catch (error) {
      if (current && Date.now() - current.readAt < refreshMs) throw error;
      return (await load())(header, token);
    }
  };
}

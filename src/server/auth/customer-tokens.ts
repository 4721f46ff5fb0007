/**
 * Customer tokens: how a shop tells the hub who a logged-in shopper is. The shop's server signs
 * a short JWT (`sub` = its customer id, `name`, optionally `email`; its own issuer, our
 * audience, an `exp` within the shop's maximum lifetime) and the page hands it over with
 * `ExpertCall('identify', token)`. Signed with a secret the shop shares with the hub (HS256)
 * or with the shop's private key, whose public half the hub reads from a JWKS (a URL or a file,
 * keys told apart by `kid`).
 *
 * A token that does not verify never costs the shopper their conversation: they go on as an
 * unidentified customer, and the hub says why in one log line (the reason, never the token).
 */
import {
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { MAX_CUSTOMER_TOKEN, type VerifiedCustomer } from '../../protocol/index.js';
import type { CustomerTokenSettings } from '../config/shop-config.js';
import { KEY_ALGORITHMS, fitted, keySet } from './key-set.js';

/** Why a token was not taken; logged as such. */
export type CustomerRefusal =
  /** The shop's config names no way to verify customer tokens. */
  | 'not-configured'
  | 'too-long'
  /** Not a signed JWT at all. */
  | 'malformed'
  /** Signed with an algorithm not allowed (`none` among them), or one the shop has no key for. */
  | 'algorithm'
  /** No key of the shop's JWKS has the token's `kid`. */
  | 'unknown-key'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer'
  | 'audience'
  | 'no-expiry'
  /** `exp` further after `iat` (or now) than the shop's maximum lifetime. */
  | 'lifetime'
  | 'no-subject'
  | 'no-name'
  /** The shop's JWKS could not be read (its URL did not answer, its file is gone). */
  | 'keys-unavailable';

export type CustomerCheck =
  { readonly customer: VerifiedCustomer } | { readonly refused: CustomerRefusal };

/** Clock difference allowed between the shop's server and the hub, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 30;

export class CustomerTokens {
  private readonly secret: Uint8Array | undefined;
  private readonly keys: JWTVerifyGetKey | undefined;

  /** `settings` null: the shop verifies no customer tokens, and every one is refused. */
  constructor(
    private readonly settings: CustomerTokenSettings | null,
    options: { jwksRefreshMs?: number } = {},
  ) {
    this.secret = settings?.secret ? new TextEncoder().encode(settings.secret) : undefined;
    this.keys = settings?.jwks ? keySet(settings.jwks, options.jwksRefreshMs ?? 30_000) : undefined;
  }

  /** The customer a token names, or why it is not taken. Never throws. */
  async check(token: string): Promise<CustomerCheck> {
    const settings = this.settings;
    if (!settings || (!this.secret && !this.keys)) return { refused: 'not-configured' };
    if (token.length > MAX_CUSTOMER_TOKEN) return { refused: 'too-long' };
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return { refused: 'malformed' };
    }
    const claims = {
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    };
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && this.secret) {
        payload = (await jwtVerify(token, this.secret, { ...claims, algorithms: ['HS256'] }))
          .payload;
      } else if (this.keys && typeof alg === 'string' && KEY_ALGORITHMS.includes(alg)) {
        payload = (await jwtVerify(token, this.keys, { ...claims, algorithms: KEY_ALGORITHMS }))
          .payload;
      } else {
        return { refused: 'algorithm' };
      }
    } catch (error) {
      return { refused: refusalOf(error) };
    }
    if (typeof payload.exp !== 'number') return { refused: 'no-expiry' };
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
    if (payload.exp - issuedAt > settings.maxLifetimeSeconds) return { refused: 'lifetime' };
    const id = typeof payload.sub === 'string' ? fitted(payload.sub, 128) : '';
    if (!id) return { refused: 'no-subject' };
    const name = typeof payload['name'] === 'string' ? fitted(payload['name'], 100) : '';
    if (!name) return { refused: 'no-name' };
    const email = typeof payload['email'] === 'string' ? fitted(payload['email'], 254) : '';
    return { customer: { id, name, ...(email ? { email } : {}) } };
  }
}

/** What jose's error says, as a reason an operator acts on. */
function refusalOf(error: unknown): CustomerRefusal {
  if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout) {
    return 'keys-unavailable';
  }
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'issuer';
    if (error.claim === 'aud') return 'audience';
    if (error.claim === 'nbf' || error.claim === 'iat') return 'not-yet-valid';
    return 'malformed';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown-key';
  return 'malformed';
}

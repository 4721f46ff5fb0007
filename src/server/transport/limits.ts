/**
 * What one client may ask of the hub, and how fast: token buckets, per socket and per address.
 * A client over a limit is refused with a reason (`rate-limited`, HTTP 429), never queued: what
 * it floods in costs the hub a counter, not a frame handled, and other conversations do not
 * wait behind it.
 */

import type { Limits, Rate } from '../config/limits.js';

export { DEFAULT_LIMITS, type Limits, type Rate } from '../config/limits.js';

/** `burst` tokens, refilled at `perSecond`; `take` spends one if there is one. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = rate.burst;
    this.at = now();
  }

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether the bucket is full again: nothing to remember about its client. */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.rate.burst;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(
      this.rate.burst,
      this.tokens + ((now - this.at) / 1000) * this.rate.perSecond,
    );
    this.at = now;
  }
}

/**
 * One bucket per key (an address). Memory stays bounded: full buckets are forgotten when the
 * map grows, and past `maxKeys` addresses a new one shares an overflow bucket.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly overflow: TokenBucket;

  constructor(
    private readonly rate: Rate,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.overflow = new TokenBucket(rate, now);
  }

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forgetFull();
      if (this.buckets.size >= this.maxKeys) return this.overflow.take();
      bucket = new TokenBucket(this.rate, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  get size(): number {
    return this.buckets.size;
  }

  private forgetFull(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
  }
}

/** Offline requests that store something (slot lookups are reads). */
const OFFLINE_WRITES = new Set(['offline.message', 'offline.callback', 'offline.book']);

/**
 * Whether a frame leaves an offline request, read before the frame is handled. Only frames that
 * could be one are parsed: those that name `offline` or escape a character (`\u006f…`).
 */
export function leavesOfflineRequest(frame: string): boolean {
  if (!frame.includes('offline') && !frame.includes('\\')) return false;
  try {
    const type = (JSON.parse(frame) as { type?: unknown } | null)?.type;
    return typeof type === 'string' && OFFLINE_WRITES.has(type);
  } catch {
    return false;
  }
}

/** A counter every hub shares (Redis): one more for `key`, and its value in this window. */
export type SharedCount = (key: string, windowSeconds: number) => Promise<number>;

/**
 * The limits per address, on this hub and, with several hubs, across them: each hub keeps its
 * token bucket, and a shared counter allows `burst` per `burst / perSecond` seconds to the
 * address over all hubs together. A shared counter that does not answer lets the request
 * through (the hub's own bucket still holds), and so does one that takes longer than 250 ms:
 * a Redis hiccup must neither lock shoppers out nor hold them up.
 */
export class AddressLimits {
  private readonly local = new Map<keyof AddressRates, KeyedBuckets>();

  constructor(
    private readonly limits: Limits,
    private readonly shared?: { count: SharedCount; prefix: string },
  ) {
    for (const kind of ADDRESS_RATES) this.local.set(kind, new KeyedBuckets(limits[kind]));
  }

  /** Whether `address` may do one more `kind` now: said at once when this hub refuses. */
  take(kind: keyof AddressRates, address: string): boolean | Promise<boolean> {
    if (!this.local.get(kind)!.take(address)) return false;
    if (!this.shared) return true;
    const { burst, perSecond } = this.limits[kind];
    const windowSeconds = Math.max(1, Math.ceil(burst / Math.max(perSecond, 1e-9)));
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const counted = this.shared
      .count(`${this.shared.prefix}:${kind}:${address}:${window}`, windowSeconds)
      .then(
        (count) => count <= burst,
        () => true,
      );
    // A Redis that is reconnecting holds commands: not the client, who is let through.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), SHARED_COUNT_WAIT_MS);
    });
    return Promise.race([counted, late]).finally(() => clearTimeout(timer));
  }
}

type AddressRates = Pick<Limits, 'connects' | 'http' | 'offlineRequests'>;
/** How long a shared count may take before the request is let through on the hub's own. */
const SHARED_COUNT_WAIT_MS = 250;
const ADDRESS_RATES = ['connects', 'http', 'offlineRequests'] as const;

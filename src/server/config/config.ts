/**
 * The hub's settings from its environment, checked at start with errors that name the variable.
 */
import { existsSync } from 'node:fs';
import * as v from 'valibot';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import type { LiveKitCredentials } from '../media/media-rooms.js';
import { defaultShopConfig, loadShopConfig, type ShopConfig } from './shop-config.js';
import type { StorageOptions } from '../storage/conversation-store.js';

export interface HubConfig {
  host: string;
  port: number;
  livekit: LiveKitCredentials;
  expertSessionSecret: string;
  /** Expert sessions: the longest lifetime taken (default 12 h), the shop's keys (a JWKS). */
  expertSessions?: { maxLifetimeSeconds: number; jwks: string | undefined } | undefined;
  devLogin: boolean;
  /** Who may read `/health`'s figures (Authorization: Bearer); without it: ok or degraded. */
  operatorToken?: string | undefined;
  /** What one client may ask, and how fast (HUB_LIMITS over the defaults of limits.ts). */
  limits?: Limits | undefined;
  /** Client addresses from X-Forwarded-For (HUB_TRUST_PROXY=1, behind a load balancer). */
  trustProxy?: boolean | undefined;
  reconnectGraceMs: number;
  storage: StorageOptions;
  /**
   * One of several hubs serving the shop (REDIS_URL, with DATABASE_URL): what they say to each
   * other goes through Redis, and the one holding the shop's lease, renewed every quarter of
   * `leaseMs`, runs the conversations. Absent: this hub runs them on its own.
   */
  cluster?: { redisUrl: string; leaseMs: number } | undefined;
  /**
   * Days after which ended conversations (with their transcripts) and settled offline requests
   * (with their contact details and words) are deleted (RETENTION_DAYS); absent: kept.
   */
  retentionDays?: number | undefined;
  /** The shop's hours, topics, origins and limits (SHOP_CONFIG; docs/shop-config.md). */
  shop: ShopConfig;
  /** Where `shop` was read from; undefined for the built-in default. */
  shopConfigPath: string | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/**
 * The hub's settings from its environment, and the shop's from the file SHOP_CONFIG names.
 * A bad file stops the start with every problem in it (ShopConfigError).
 */
export async function loadHubConfig(env: NodeJS.ProcessEnv = process.env): Promise<HubConfig> {
  const base = hubConfigFromEnv(env);
  const path = env['SHOP_CONFIG'] || undefined;
  return {
    ...base,
    shop: path ? await loadShopConfig(path, env) : defaultShopConfig(),
    shopConfigPath: path,
  };
}

function hubConfigFromEnv(env: NodeJS.ProcessEnv): Omit<HubConfig, 'shop' | 'shopConfigPath'> {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new ConfigError(name, 'is required.');
    return value;
  };
  const integer = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new ConfigError(name, `must be an integer of at least ${min}, got "${raw}".`);
    }
    return value;
  };
  const livekitUrl = required('LIVEKIT_URL');
  if (!/^wss?:\/\//.test(livekitUrl)) {
    throw new ConfigError('LIVEKIT_URL', `must start with ws:// or wss://, got "${livekitUrl}".`);
  }
  const databaseUrl = env['DATABASE_URL'];
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// URL.');
  }
  const redisUrl = env['REDIS_URL'];
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL.');
  }
  if (redisUrl && !databaseUrl) {
    throw new ConfigError(
      'REDIS_URL',
      "needs DATABASE_URL too: several hubs share one PostgreSQL (PGlite is one process's).",
    );
  }
  const secret = required('EXPERT_SESSION_SECRET');
  if (secret.length < 32)
    throw new ConfigError('EXPERT_SESSION_SECRET', 'needs 32 characters or more.');
  const jwks = env['EXPERT_JWKS'] || undefined;
  if (jwks && !/^https?:\/\//.test(jwks) && !existsSync(jwks)) {
    throw new ConfigError(
      'EXPERT_JWKS',
      `must be an http(s) URL or a JWKS file; "${jwks}" is neither.`,
    );
  }
  const host = env['HUB_HOST'] || '127.0.0.1';
  const devLogin = env['HUB_DEV_LOGIN'] ?? '';
  if (!['', '0', '1', 'force'].includes(devLogin)) {
    throw new ConfigError('HUB_DEV_LOGIN', `is 1, force or unset, got "${devLogin}".`);
  }
  if (devLogin === '1' && !isLoopback(host)) {
    throw new ConfigError(
      'HUB_DEV_LOGIN',
      `lets anyone sign in as an expert: only on a hub bound to loopback, and HUB_HOST is ` +
        `"${host}". Set HUB_DEV_LOGIN=force if you mean it.`,
    );
  }
  const operatorToken = env['HUB_OPERATOR_TOKEN'] || undefined;
  if (operatorToken && operatorToken.length < 32) {
    throw new ConfigError('HUB_OPERATOR_TOKEN', 'needs 32 characters or more.');
  }
  return {
    limits: limitsFromEnv(env['HUB_LIMITS']),
    trustProxy: env['HUB_TRUST_PROXY'] === '1',
    host,
    port: integer('HUB_PORT', 8787, 0),
    livekit: {
      url: livekitUrl,
      apiKey: required('LIVEKIT_API_KEY'),
      apiSecret: required('LIVEKIT_API_SECRET'),
    },
    expertSessionSecret: secret,
    expertSessions: {
      maxLifetimeSeconds: integer('EXPERT_SESSION_MAX_HOURS', 12, 1) * 3600,
      jwks,
    },
    devLogin: devLogin === '1' || devLogin === 'force',
    operatorToken,
    reconnectGraceMs: integer('RECONNECT_GRACE_MS', 30_000, 1000),
    retentionDays: env['RETENTION_DAYS'] ? integer('RETENTION_DAYS', 0, 1) : undefined,
    storage: databaseUrl
      ? { databaseUrl, poolSize: integer('DATABASE_POOL_SIZE', 10, 1) }
      : { dataDir: env['HUB_DATA_DIR'] || '.data/hub' },
    cluster: redisUrl ? { redisUrl, leaseMs: integer('HUB_LEASE_MS', 5000, 400) } : undefined,
  };
}

/** Whether a hub bound to `host` is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const RateSchema = v.strictObject({
  burst: v.pipe(v.number(), v.minValue(1)),
  perSecond: v.pipe(v.number(), v.minValue(0)),
});
const LimitsSchema = v.strictObject({
  frames: v.optional(RateSchema),
  framesRefusedBeforeClose: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  connects: v.optional(RateSchema),
  http: v.optional(RateSchema),
  offlineRequests: v.optional(RateSchema),
});

/** HUB_LIMITS: JSON naming some limits (e.g. `{"connects":{"burst":100,"perSecond":2}}`). */
function limitsFromEnv(raw: string | undefined): Limits {
  if (!raw) return DEFAULT_LIMITS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('HUB_LIMITS', 'must be JSON.');
  }
  const checked = v.safeParse(LimitsSchema, parsed);
  if (!checked.success) {
    const issue = checked.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new ConfigError('HUB_LIMITS', `${where ? `${where}: ` : ''}${issue.message}`);
  }
  const given = Object.fromEntries(
    Object.entries(checked.output).filter(([, v]) => v !== undefined),
  );
  return { ...DEFAULT_LIMITS, ...given };
}

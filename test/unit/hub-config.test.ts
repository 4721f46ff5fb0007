/** The hub's settings from its environment: each bad one named, with what it should be. */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { ConfigError, loadHubConfig } from '../../src/server/config/config.js';
import { DEFAULT_LIMITS } from '../../src/server/transport/limits.js';

const base = {
  LIVEKIT_URL: 'ws://127.0.0.1:7880',
  LIVEKIT_API_KEY: 'devkey',
  LIVEKIT_API_SECRET: 'secret',
  EXPERT_SESSION_SECRET: 'x'.repeat(32),
};

async function refusal(env: NodeJS.ProcessEnv): Promise<ConfigError> {
  try {
    await loadHubConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('the settings were accepted');
}

describe('several hubs, from the environment', () => {
  it('runs one hub on its own without REDIS_URL', async () => {
    assert.equal((await loadHubConfig(base)).cluster, undefined);
  });

  it('joins the shop’s other hubs with REDIS_URL and DATABASE_URL, with a lease of HUB_LEASE_MS', async () => {
    const config = await loadHubConfig({
      ...base,
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: 'postgres://127.0.0.1/shop',
      HUB_LEASE_MS: '2000',
    });
    assert.deepEqual(config.cluster, { redisUrl: 'redis://127.0.0.1:6379', leaseMs: 2000 });
    const defaults = await loadHubConfig({
      ...base,
      REDIS_URL: 'rediss://cache.internal:6380',
      DATABASE_URL: 'postgres://127.0.0.1/shop',
    });
    assert.equal(defaults.cluster?.leaseMs, 5000);
  });

  it('refuses REDIS_URL without DATABASE_URL: PGlite belongs to one process', async () => {
    const error = await refusal({ ...base, REDIS_URL: 'redis://127.0.0.1:6379' });
    assert.equal(error.variable, 'REDIS_URL');
    assert.match(error.message, /needs DATABASE_URL/);
  });

  it('refuses a REDIS_URL that is not a Redis URL, and a lease too short to renew', async () => {
    const db = { DATABASE_URL: 'postgres://127.0.0.1/shop' };
    assert.equal(
      (await refusal({ ...base, ...db, REDIS_URL: 'http://127.0.0.1:6379' })).variable,
      'REDIS_URL',
    );
    const short = await refusal({
      ...base,
      ...db,
      REDIS_URL: 'redis://127.0.0.1:6379',
      HUB_LEASE_MS: '100',
    });
    assert.equal(short.variable, 'HUB_LEASE_MS');
    assert.match(short.message, /at least 400/);
  });
});

describe('expert sign-in, from the environment', () => {
  it('allows dev login on a hub bound to loopback only, unless forced', async () => {
    assert.equal((await loadHubConfig({ ...base, HUB_DEV_LOGIN: '1' })).devLogin, true);
    assert.equal(
      (await loadHubConfig({ ...base, HUB_DEV_LOGIN: '1', HUB_HOST: '::1' })).devLogin,
      true,
    );
    const open = await refusal({ ...base, HUB_DEV_LOGIN: '1', HUB_HOST: '0.0.0.0' });
    assert.equal(open.variable, 'HUB_DEV_LOGIN');
    assert.match(open.message, /loopback.*"0\.0\.0\.0".*HUB_DEV_LOGIN=force/s);
    const forced = await loadHubConfig({ ...base, HUB_DEV_LOGIN: 'force', HUB_HOST: '0.0.0.0' });
    assert.equal(forced.devLogin, true);
    assert.equal((await loadHubConfig({ ...base, HUB_HOST: '0.0.0.0' })).devLogin, false);
    assert.equal((await refusal({ ...base, HUB_DEV_LOGIN: 'yes' })).variable, 'HUB_DEV_LOGIN');
  });

  it('takes sessions of at most EXPERT_SESSION_MAX_HOURS (12 by default) and a JWKS', async () => {
    assert.deepEqual((await loadHubConfig(base)).expertSessions, {
      maxLifetimeSeconds: 12 * 3600,
      jwks: undefined,
    });
    const set = await loadHubConfig({
      ...base,
      EXPERT_SESSION_MAX_HOURS: '2',
      EXPERT_JWKS: 'https://shop.example/.well-known/jwks.json',
    });
    assert.deepEqual(set.expertSessions, {
      maxLifetimeSeconds: 2 * 3600,
      jwks: 'https://shop.example/.well-known/jwks.json',
    });
    assert.equal(
      (await refusal({ ...base, EXPERT_SESSION_MAX_HOURS: '0' })).variable,
      'EXPERT_SESSION_MAX_HOURS',
    );
    const missing = await refusal({ ...base, EXPERT_JWKS: '/no/such/jwks.json' });
    assert.equal(missing.variable, 'EXPERT_JWKS');
  });

  it('wants an operator token of 32 characters or more', async () => {
    assert.equal(
      (await loadHubConfig({ ...base, HUB_OPERATOR_TOKEN: 'o'.repeat(32) })).operatorToken,
      'o'.repeat(32),
    );
    assert.equal(
      (await refusal({ ...base, HUB_OPERATOR_TOKEN: 'short' })).variable,
      'HUB_OPERATOR_TOKEN',
    );
  });

  it('keeps personal data until told RETENTION_DAYS, a whole number of days of at least 1', async () => {
    assert.equal((await loadHubConfig(base)).retentionDays, undefined);
    assert.equal((await loadHubConfig({ ...base, RETENTION_DAYS: '30' })).retentionDays, 30);
    for (const bad of ['0', '-3', '1.5', 'thirty'])
      assert.equal(
        (await refusal({ ...base, RETENTION_DAYS: bad })).variable,
        'RETENTION_DAYS',
        bad,
      );
  });
});

describe('limits, from the environment', () => {
  it('takes the shipped limits, or those HUB_LIMITS names over them', async () => {
    assert.deepEqual((await loadHubConfig(base)).limits, DEFAULT_LIMITS);
    const set = await loadHubConfig({
      ...base,
      HUB_LIMITS: '{"connects":{"burst":100,"perSecond":2}}',
      HUB_TRUST_PROXY: '1',
    });
    assert.deepEqual(set.limits, { ...DEFAULT_LIMITS, connects: { burst: 100, perSecond: 2 } });
    assert.equal(set.trustProxy, true);
  });

  it('refuses HUB_LIMITS that is not JSON, names an unknown limit, or a burst under one', async () => {
    for (const raw of [
      '{',
      '{"sockets":{"burst":1,"perSecond":1}}',
      '{"http":{"burst":0,"perSecond":1}}',
    ]) {
      assert.equal((await refusal({ ...base, HUB_LIMITS: raw })).variable, 'HUB_LIMITS', raw);
    }
  });
});

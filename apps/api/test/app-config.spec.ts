import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { ConfigurationError, DEV_IDENTITY_DIR, loadConfig } from '@nastavnik/platform/config/app-config';

/** The settings issue 16 moved into the loader: checked once at start-up, never NaN or a bad pattern at run time. */
describe('loadConfig: the worker and dev identity settings', () => {
  const env = { AUTH_MODE: 'keycloak', KEYCLOAK_REALM_PUBLIC_KEY: 'x' };
  const refusal = (overrides: Record<string, string>): string => {
    try {
      loadConfig({ ...env, ...overrides });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(overrides)}`);
  };

  it('has defaults for all of them', () => {
    const config = loadConfig(env);
    expect(config).toMatchObject({
      databasePoolSize: 10,
      queueLockMs: 30_000,
      queueStalledCheckMs: 30_000,
      indicatorsNightlyCron: '30 2 * * *',
      indicatorsReconcileMs: 2000,
    });
    expect(config.auth.devIdentityDir).toBe(DEV_IDENTITY_DIR);
  });

  it('refuses numbers that are not whole numbers in range, naming the variable', () => {
    for (const name of ['DATABASE_POOL_SIZE', 'QUEUE_LOCK_MS', 'QUEUE_STALLED_CHECK_MS', 'INDICATORS_RECONCILE_MS']) {
      expect(refusal({ [name]: 'ten' })).toContain(name);
      expect(refusal({ [name]: '1.5' })).toContain(name);
      expect(refusal({ [name]: '0' })).toContain(name);
    }
    expect(refusal({ INDICATORS_RECONCILE_MS: '10' })).toMatch(/INDICATORS_RECONCILE_MS must be between 50 and/);
    expect(loadConfig({ ...env, DATABASE_POOL_SIZE: ' 3 ', QUEUE_LOCK_MS: '2000', INDICATORS_RECONCILE_MS: '200' })).toMatchObject({ databasePoolSize: 3, queueLockMs: 2000, indicatorsReconcileMs: 200 });
  });

  it('accepts cron patterns of 5 or 6 fields that BullMQ’s parser reads', () => {
    const accepted = ['0 3 * * *', ' 30  2 * * * ', '*/15 * * * *', '0 0 1 1 *', '0 2 * * MON-FRI', '0 2 * * 1-5', '0 0 L * *', '15 30 2 * * *', '0 22 * * sun', '0 0 1,15 */2 ?', '0 12 * JAN,JUL 7'];
    for (const pattern of accepted) {
      const read = loadConfig({ ...env, INDICATORS_NIGHTLY_CRON: pattern }).indicatorsNightlyCron;
      expect(read).toBe(pattern.trim().split(/\s+/).join(' '));
      expect(() => CronExpressionParser.parse(read, { tz: 'Europe/Moscow' })).not.toThrow();
    }
  });

  it('refuses a cron pattern that is not one, saying which field is wrong', () => {
    expect(refusal({ INDICATORS_NIGHTLY_CRON: 'nightly' })).toMatch(/INDICATORS_NIGHTLY_CRON must be a cron pattern of 5 fields/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 2 * *' })).toMatch(/5 fields/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '0 0 30 2 * * *' })).toMatch(/5 fields/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '60 2 * * *' })).toMatch(/the minute field "60"/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 24 * * *' })).toMatch(/the hour field "24"/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 2 0 * *' })).toMatch(/the day of month field "0"/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 2 * 13 *' })).toMatch(/the month field "13"/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 2 * * 8' })).toMatch(/the day of week field "8"/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '*/0 2 * * *' })).toMatch(/the minute field/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 5-2 * * *' })).toMatch(/the hour field/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 2 * * FOO' })).toMatch(/the day of week field/);
    expect(refusal({ INDICATORS_NIGHTLY_CRON: '30 2 * * 1;rm' })).toMatch(/the day of week field/);
  });

  it('takes the development identity directory from DEV_IDENTITY_DIR, and says where the key is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-identity-'));
    try {
      expect(refusal({ AUTH_MODE: 'dev', DEV_IDENTITY_DIR: dir })).toContain(`development key pair in ${dir}`);
      writeFileSync(join(dir, 'public.pem'), '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
      const config = loadConfig({ AUTH_MODE: 'dev', DEV_IDENTITY_DIR: dir });
      expect(config.auth).toMatchObject({ devIdentityDir: dir, realmPublicKey: 'AAAA' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Issue 18: where Redis is (one server, Sentinel, Cluster) and the read replica, checked at start-up. */
describe('loadConfig: Redis topology and the read replica', () => {
  const env = { AUTH_MODE: 'keycloak', KEYCLOAK_REALM_PUBLIC_KEY: 'x' };
  const refusal = (overrides: Record<string, string>): string => {
    try {
      loadConfig({ ...env, ...overrides });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(overrides)}`);
  };

  it('defaults to one server and no replica, as before', () => {
    const config = loadConfig(env);
    expect(config.redis).toMatchObject({ mode: 'single', url: 'redis://127.0.0.1:6379', nodes: [], sentinels: [], tls: false, prefix: 'nastavnik' });
    expect(config.rateLimits.namespace).toBe('nastavnik:rate-limit:');
    expect(config.readReplica).toEqual({ url: null, maxLagMs: 5000 });
  });

  it('reads a cluster from its seed nodes and a Sentinel group from its Sentinels', () => {
    expect(loadConfig({ ...env, REDIS_MODE: 'cluster', REDIS_NODES: '10.0.0.1:7000, redis-2.internal:7001,[::1]:7002', REDIS_PASSWORD: 's3cret', REDIS_TLS: 'true' }).redis).toMatchObject({
      mode: 'cluster',
      nodes: [{ host: '10.0.0.1', port: 7000 }, { host: 'redis-2.internal', port: 7001 }, { host: '::1', port: 7002 }],
      password: 's3cret',
      tls: true,
    });
    expect(loadConfig({ ...env, REDIS_MODE: 'sentinel', REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'queues', REDIS_SENTINEL_PASSWORD: 'p' }).redis).toMatchObject({
      mode: 'sentinel',
      sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }],
      sentinelName: 'queues',
      sentinelPassword: 'p',
    });
    expect(loadConfig({ ...env, REDIS_MODE: 'sentinel', REDIS_SENTINELS: 's1:26379' }).redis.sentinelName).toBe('mymaster');
  });

  it('refuses a mode without its servers, and settings of another mode, naming them', () => {
    expect(refusal({ REDIS_MODE: 'sharded' })).toMatch(/REDIS_MODE must be single, sentinel or cluster/);
    expect(refusal({ REDIS_MODE: 'cluster' })).toMatch(/REDIS_MODE=cluster needs REDIS_NODES/);
    expect(refusal({ REDIS_MODE: 'sentinel' })).toMatch(/REDIS_MODE=sentinel needs REDIS_SENTINELS/);
    expect(refusal({ REDIS_NODES: 'a:1' })).toMatch(/REDIS_NODES is not read with REDIS_MODE=single/);
    expect(refusal({ REDIS_PASSWORD: 'p' })).toMatch(/REDIS_PASSWORD is not read with REDIS_MODE=single: .*REDIS_URL/);
    expect(refusal({ REDIS_TLS: 'true' })).toMatch(/REDIS_TLS is not read with REDIS_MODE=single/);
    expect(refusal({ REDIS_MODE: 'cluster', REDIS_NODES: 'a:1', REDIS_URL: 'redis://a:1' })).toMatch(/REDIS_URL is not read with REDIS_MODE=cluster/);
    expect(refusal({ REDIS_MODE: 'cluster', REDIS_NODES: 'a:1', REDIS_SENTINELS: 's:2' })).toMatch(/REDIS_SENTINELS is not read with REDIS_MODE=cluster/);
    expect(refusal({ REDIS_MODE: 'sentinel', REDIS_SENTINELS: 's:2', REDIS_NODES: 'a:1' })).toMatch(/REDIS_NODES is not read with REDIS_MODE=sentinel/);
  });

  it('refuses servers, URLs, prefixes and flags it cannot use', () => {
    for (const nodes of ['a', 'a:', 'a:0', 'a:70000', 'a:1,,b:2', 'http://a:1', '[zz]:1', '::1:6379']) {
      expect(refusal({ REDIS_MODE: 'cluster', REDIS_NODES: nodes })).toMatch(/REDIS_NODES must list servers as host:port/);
    }
    expect(refusal({ REDIS_URL: 'localhost:6379' })).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(refusal({ REDIS_URL: 'http://localhost:6379' })).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(refusal({ REDIS_URL: 'redis://localhost:6379/queues' })).toMatch(/database number/);
    expect(loadConfig({ ...env, REDIS_URL: 'rediss://user:p%40ss@cache:6380/2' }).redis.url).toBe('rediss://user:p%40ss@cache:6380/2');
    for (const prefix of ['{nastavnik}', 'a b', 'env}x', ':x']) expect(refusal({ REDIS_PREFIX: prefix })).toMatch(/REDIS_PREFIX may hold/);
    expect(refusal({ REDIS_MODE: 'cluster', REDIS_NODES: 'a:1', REDIS_TLS: 'yes' })).toMatch(/REDIS_TLS must be true or false/);
  });

  it('takes a postgres:// read replica and its maximum lag, and refuses anything else', () => {
    expect(loadConfig({ ...env, DATABASE_READ_URL: 'postgres://nastavnik_app@standby:5432/nastavnik', DATABASE_READ_MAX_LAG_MS: '250' }).readReplica).toEqual({
      url: 'postgres://nastavnik_app@standby:5432/nastavnik',
      maxLagMs: 250,
    });
    expect(loadConfig({ ...env, DATABASE_READ_URL: ' ' }).readReplica.url).toBeNull();
    expect(refusal({ DATABASE_READ_URL: 'standby:5432' })).toMatch(/DATABASE_READ_URL must be a postgres:\/\/ URL/);
    expect(refusal({ DATABASE_READ_URL: 'mysql://standby/nastavnik' })).toMatch(/DATABASE_READ_URL must be a postgres:\/\/ URL/);
    expect(refusal({ DATABASE_READ_MAX_LAG_MS: '50' })).toMatch(/DATABASE_READ_MAX_LAG_MS must be between 100 and/);
    expect(refusal({ DATABASE_READ_MAX_LAG_MS: 'soon' })).toMatch(/DATABASE_READ_MAX_LAG_MS must be a whole number/);
  });
});

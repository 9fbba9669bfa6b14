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

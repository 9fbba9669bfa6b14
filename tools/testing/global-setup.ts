// Global setup runs outside jest's module system: resolve the @nastavnik/* aliases ourselves.
import '../register.cjs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateUp } from '../db/migrate';
import { type TestEnv, withDatabase } from '@nastavnik/testing/test-env';
import { createProductDatabase } from '@nastavnik/testing/product-database';

/**
 * One database and one Redis key prefix per test run, so that runs never collide; migrations
 * applied as the owner role; an RSA key pair standing in for the Keycloak realm's key.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const superuserUrl = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `nastavnik_test_${runId}`;
  await createProductDatabase(superuserUrl, database);
  const ownerUrl = withDatabase(process.env.MIGRATION_DATABASE_URL ?? 'postgres://nastavnik_owner@127.0.0.1:5432/nastavnik', database);
  const appUrl = withDatabase(process.env.DATABASE_URL ?? 'postgres://nastavnik_app@127.0.0.1:5432/nastavnik', database);
  const indicatorsUrl = withDatabase(process.env.INDICATORS_DATABASE_URL ?? 'postgres://nastavnik_indicators@127.0.0.1:5432/nastavnik', database);
  await migrateUp(ownerUrl);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const env: TestEnv = {
    runId,
    database,
    superuserUrl,
    ownerUrl,
    appUrl,
    indicatorsUrl,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: `nastavnik-test-${runId}`,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const file = join(tmpdir(), `nastavnik-test-env-${runId}.json`);
  writeFileSync(file, JSON.stringify(env), { mode: 0o600 });
  process.env.NASTAVNIK_TEST_ENV_FILE = file;
}

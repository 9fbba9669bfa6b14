// Global setup runs outside jest's module system: resolve the @nastavnik/* aliases ourselves.
import '../register.cjs';
import { rmSync } from 'node:fs';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { deleteKeysWithPrefix } from '@nastavnik/testing/scratch';
import { readTestEnv } from '@nastavnik/testing/test-env';

/** Drops the run's database and its Redis keys (KEEP_TEST_DB=1 keeps them for a look). */
export default async function globalTeardown(): Promise<void> {
  const env = readTestEnv();
  if (process.env.KEEP_TEST_DB === '1') {
    console.log(`\nkept test database ${env.database} and Redis prefix ${env.redisPrefix}`);
    return;
  }
  const admin = new Client({ connectionString: env.superuserUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${env.database} with (force)`);
  } finally {
    await admin.end();
  }
  const redis = new IORedis(env.redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    await deleteKeysWithPrefix(redis, env.redisPrefix);
  } finally {
    redis.disconnect();
  }
  rmSync(process.env.NASTAVNIK_TEST_ENV_FILE!, { force: true });
}

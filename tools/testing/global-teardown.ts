// Global setup runs outside jest's module system: resolve the @nastavnik/* aliases ourselves.
import '../register.cjs';
import { rmSync } from 'node:fs';
import IORedis from 'ioredis';
import { Client } from 'pg';
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
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.redisPrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  rmSync(process.env.NASTAVNIK_TEST_ENV_FILE!, { force: true });
}

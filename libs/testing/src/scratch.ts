import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Cluster, Redis as IORedis } from 'ioredis';
import type { RedisClient } from '@nastavnik/platform/redis/redis-client';
import { Client } from 'pg';
import { type TestEnv, withDatabase } from './test-env';
import { createProductDatabase } from './product-database';

/** A database of one spec's own beside the run's (a spec that kills workers or loads the demo), and its roles' URLs. */
export type ScratchDatabase = {
  name: string;
  appUrl: string;
  ownerUrl: string;
  indicatorsUrl: string;
  /** Creates it empty, owned by the owner role (migrate it next). */
  create(): Promise<void>;
  /** Runs every migration on it, as `npm run migrate` does (a lib may not import tools/: a child process). */
  migrate(): Promise<void>;
  /** Drops it, whoever is still connected. */
  drop(): Promise<void>;
};

const ROOT = join(__dirname, '..', '..', '..');

export function scratchDatabase(env: TestEnv, tag: string): ScratchDatabase {
  const name = `${env.database}_${tag}_${randomBytes(3).toString('hex')}`;
  const asSuperuser = async (sql: string) => {
    const admin = new Client({ connectionString: env.superuserUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  return {
    name,
    appUrl: withDatabase(env.appUrl, name),
    ownerUrl: withDatabase(env.ownerUrl, name),
    indicatorsUrl: withDatabase(env.indicatorsUrl, name),
    create: () => createProductDatabase(env.superuserUrl, name),
    migrate: async () => {
      await promisify(execFile)(process.execPath, ['-r', './tools/register.cjs', 'tools/db/migrate.ts'], {
        cwd: ROOT,
        env: { ...process.env, MIGRATION_DATABASE_URL: withDatabase(env.ownerUrl, name), AUTH_MODE: 'keycloak', NODE_ENV: 'test' },
        timeout: 120_000,
      });
    },
    drop: () => dropDatabase(asSuperuser, name),
  };
}

/**
 * Drops a test database, whoever is still connected, once the connections that are closing have
 * gone. pg-pool's `end()` resolves as soon as it has asked its idle clients to end, before their
 * backends have read the request; a forced drop at that moment terminates those backends, and each
 * such client, still holding the pool's idle listener, re-emits the server's FATAL (57P01) as an
 * `error` on the pool that nobody listens to any more — an unhandled error that jest charges to
 * the spec that had already ended its pool (seen in CI on demo-seed.spec.ts). So: wait up to a
 * second for the database to have no session, then drop it with `force` (what is still connected
 * then is a spec's own leftover).
 */
async function dropDatabase(asSuperuser: (sql: string) => Promise<unknown>, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`dropDatabase: unexpected database name ${name}`);
  await asSuperuser(
    `do $$ begin for i in 1 .. 50 loop exit when not exists (select 1 from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()); perform pg_sleep(0.02); end loop; end $$`,
  );
  await asSuperuser(`drop database if exists ${name} with (force)`);
}

/**
 * Deletes every key under `prefix` (BullMQ's keys of one run, `<prefix>:{queue}:…`); returns how
 * many. On a cluster, each master holds its own slots: every one is scanned.
 */
export async function deleteKeysWithPrefix(redis: RedisClient, prefix: string): Promise<number> {
  if (redis.isCluster) {
    const counts = await Promise.all((redis as Cluster).nodes('master').map((node) => deleteOnNode(node, prefix)));
    return counts.reduce((sum, n) => sum + n, 0);
  }
  return deleteOnNode(redis as IORedis, prefix);
}

async function deleteOnNode(redis: IORedis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    // One DEL per key, pipelined: on a cluster node a DEL of several keys must not span slots.
    if (keys.length) {
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.del(key);
      deleted += ((await pipeline.exec()) ?? []).reduce((sum, [, n]) => sum + Number(n ?? 0), 0);
    }
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

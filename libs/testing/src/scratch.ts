import { randomBytes } from 'node:crypto';
import type IORedis from 'ioredis';
import { Client } from 'pg';
import { type TestEnv, withDatabase } from './test-env';

/** A database of one spec's own beside the run's (a spec that kills workers or loads the demo), and its roles' URLs. */
export type ScratchDatabase = {
  name: string;
  appUrl: string;
  ownerUrl: string;
  indicatorsUrl: string;
  /** Creates it empty, owned by the owner role (migrate it next). */
  create(): Promise<void>;
  /** Drops it, whoever is still connected. */
  drop(): Promise<void>;
};

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
    create: () => asSuperuser(`create database ${name} owner nastavnik_owner`),
    drop: () => asSuperuser(`drop database if exists ${name} with (force)`),
  };
}

/** Deletes every key under `prefix` (BullMQ's keys of one run); returns how many. */
export async function deleteKeysWithPrefix(redis: IORedis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

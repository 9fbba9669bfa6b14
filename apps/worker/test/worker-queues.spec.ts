import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import IORedis from 'ioredis';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { testConfig } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { createWorkerApp } from '../src/bootstrap';

/** The worker app consumes every queue of the product (own Redis prefix: only its consumers count). */
describe('worker: queues', () => {
  const env = readTestEnv();
  const prefix = `${env.redisPrefix}-wq-${randomBytes(3).toString('hex')}`;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await createWorkerApp(testConfig(env, { REDIS_PREFIX: prefix }), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    const redis = new IORedis(env.redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  // A BullMQ worker names its Redis connection once connected; wait for that, then count.
  const consumers = async (name: (typeof QUEUES)[keyof typeof QUEUES]) => {
    const queue = worker.get(JobQueues).get(name);
    for (let tries = 0; tries < 50 && (await queue.getWorkersCount()) === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    return queue.getWorkersCount();
  };

  it.each(Object.values(QUEUES))('has a consumer on "%s"', async (name) => {
    expect(await consumers(name)).toBe(1);
  });
});

import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { QUEUES, queuePrefix } from '@nastavnik/platform/queue/queues';
import { closeRedisClient, createRedisClient } from '@nastavnik/platform/redis/redis-client';
import { deleteKeysWithPrefix } from '@nastavnik/testing/scratch';
import { testConfig } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { moveLegacyJobs } from './move-legacy-jobs';

/** The upgrade to per-queue hash tags: jobs still to be done under the old keys are moved to the new ones. */
describe('moving jobs from the keys before issue 18', () => {
  const env = readTestEnv();
  const prefix = `${env.redisPrefix}:mlj-${randomBytes(3).toString('hex')}`;
  const config = testConfig(env, { REDIS_PREFIX: prefix });
  const redis = createRedisClient(config.redis, { name: 'spec' });

  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await closeRedisClient(redis);
  });

  it('moves waiting and delayed jobs with their ids, drops the old scheduler, and is idempotent', async () => {
    const oldReports = new Queue(QUEUES.reports, { connection: redis, prefix });
    const oldIndicators = new Queue(QUEUES.indicators, { connection: redis, prefix });
    await oldReports.add('render-report', { reportId: 'a' }, { jobId: 'report-a', attempts: 5 });
    await oldReports.add('render-report', { reportId: 'b' }, { jobId: 'report-b', delay: 60_000 });
    await oldIndicators.upsertJobScheduler('nightly-indicators', { every: 3_600_000 }, { name: 'nightly-indicators', data: {} });
    expect(await redis.exists(`${prefix}:reports:report-a`)).toBe(1);

    const results = await moveLegacyJobs(config);
    expect(results).toEqual([
      { queue: 'indicators', moved: 0, schedulersRemoved: 1, activeLeft: 0, obliterated: false },
      { queue: 'reports', moved: 2, schedulersRemoved: 0, activeLeft: 0, obliterated: false },
      { queue: 'extracts', moved: 0, schedulersRemoved: 0, activeLeft: 0, obliterated: false },
      // Queues added after issue 18 never had keys of the old form: nothing to move.
      ...Object.values(QUEUES)
        .filter((queue) => !['indicators', 'reports', 'extracts'].includes(queue))
        .map((queue) => ({ queue, moved: 0, schedulersRemoved: 0, activeLeft: 0, obliterated: false })),
    ]);
    const reports = new Queue(QUEUES.reports, { connection: redis, prefix: queuePrefix(prefix, QUEUES.reports) });
    const a = await reports.getJob('report-a');
    const b = await reports.getJob('report-b');
    expect([a?.data, a?.opts.attempts, await a?.getState()]).toEqual([{ reportId: 'a' }, 5, 'waiting']);
    expect(await b?.getState()).toBe('delayed');
    expect(b!.timestamp + (b!.opts.delay ?? 0) - Date.now()).toBeGreaterThan(50_000);
    expect(await oldReports.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
    expect(await oldIndicators.getJobSchedulersCount()).toBe(0);

    // Again: nothing left to move; with --obliterate the old keys go.
    expect((await moveLegacyJobs(config, { obliterate: true })).map((r) => [r.moved, r.obliterated])).toEqual(Object.values(QUEUES).map(() => [0, true]));
    expect(await redis.keys(`${prefix}:reports:*`)).toEqual([]);
    expect(await reports.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 1, delayed: 1 });
    await Promise.all([oldReports.close(), oldIndicators.close(), reports.close()]);
  }, 30_000);
});

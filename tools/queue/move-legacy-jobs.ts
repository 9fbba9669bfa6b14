import 'reflect-metadata';
import { Queue } from 'bullmq';
import { type AppConfig, loadConfig } from '@nastavnik/platform/config/app-config';
import { DEFAULT_JOB_OPTIONS } from '@nastavnik/platform/queue/job-queues';
import { QUEUES, queuePrefix } from '@nastavnik/platform/queue/queues';
import { closeRedisClient, createRedisClient } from '@nastavnik/platform/redis/redis-client';

export type MovedQueue = { queue: string; moved: number; schedulersRemoved: number; activeLeft: number; obliterated: boolean };

/**
 * Upgrade step of issue 18: before it, every queue's keys were `<REDIS_PREFIX>:<queue>:…`; now
 * they are `<REDIS_PREFIX>:{<queue>}:<queue>:…` (a hash tag per queue, for Redis Cluster). New
 * workers do not see the old keys. This moves what was still to be done — waiting, prioritized
 * and delayed jobs (the product never pauses a queue) — to the new keys with the same name,
 * data, options and id (a delayed job keeps its remaining delay; a job waiting for a retry starts
 * its attempts again), and removes it from the old ones; it removes the old
 * job schedulers (the worker creates the nightly one again under the new keys at start). Jobs
 * produced by a scheduler are not moved. Active jobs are left (and counted): run it after the
 * old workers have stopped. With `obliterate`, what remains under the old keys (history of
 * finished jobs) is deleted once nothing is active there.
 *
 * Safe to run twice (an id already present under the new keys is not added again) and on a new
 * installation (nothing to move). Only REDIS_MODE=single or sentinel can hold old keys: on a
 * cluster they could never have been written.
 */
export async function moveLegacyJobs(config: AppConfig, options: { obliterate?: boolean } = {}): Promise<MovedQueue[]> {
  if (config.redis.mode === 'cluster') return [];
  const client = createRedisClient(config.redis, { name: 'move-legacy-jobs' });
  const results: MovedQueue[] = [];
  try {
    for (const name of Object.values(QUEUES)) {
      const legacy = new Queue(name, { connection: client, prefix: config.redis.prefix });
      const current = new Queue(name, { connection: client, prefix: queuePrefix(config.redis.prefix, name), defaultJobOptions: DEFAULT_JOB_OPTIONS });
      try {
        let moved = 0;
        for (const job of await legacy.getJobs(['waiting', 'prioritized', 'delayed'], 0, -1, true)) {
          if (job.repeatJobKey || !job.id) continue;
          const due = job.opts.delay ? job.timestamp + job.opts.delay : 0;
          await current.add(job.name, job.data, { ...job.opts, jobId: job.id, delay: Math.max(0, due - Date.now()) });
          await job.remove();
          moved += 1;
        }
        let schedulersRemoved = 0;
        for (const scheduler of await legacy.getJobSchedulers()) {
          if (await legacy.removeJobScheduler(scheduler.key)) schedulersRemoved += 1;
        }
        const activeLeft = await legacy.getActiveCount();
        const obliterated = Boolean(options.obliterate) && activeLeft === 0;
        if (obliterated) await legacy.obliterate({ force: true });
        results.push({ queue: name, moved, schedulersRemoved, activeLeft, obliterated });
      } finally {
        await legacy.close();
        await current.close();
      }
    }
  } finally {
    await closeRedisClient(client);
  }
  return results;
}

if (require.main === module) {
  moveLegacyJobs(loadConfig(), { obliterate: process.argv.includes('--obliterate') })
    .then((results) => {
      for (const r of results) console.log(`${r.queue}: ${r.moved} moved, ${r.schedulersRemoved} scheduler(s) removed, ${r.activeLeft} active left${r.obliterated ? ', old keys deleted' : ''}`);
      if (results.length === 0) console.log('REDIS_MODE=cluster: no keys of the old layout can exist there');
      process.exitCode = results.some((r) => r.activeLeft > 0) ? 2 : 0;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

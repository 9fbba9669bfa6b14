import type { JobQueues } from '../queue/job-queues';
import { QUEUES } from '../queue/queues';
import type { ScrapedGauge } from './metrics';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Jobs per queue and state (BullMQ's counts), read when Prometheus scrapes. */
export function queueJobCounts(queues: JobQueues): ScrapedGauge {
  return {
    name: 'nastavnik_queue_jobs',
    help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'],
    collect: async () => {
      const rows = await Promise.all(
        Object.values(QUEUES).map(async (queue) => {
          const counts = await queues.get(queue).getJobCounts(...STATES);
          return STATES.map((state) => ({ labels: { queue, state }, value: counts[state] ?? 0 }));
        }),
      );
      return rows.flat();
    },
  };
}

/**
 * How long the oldest waiting job of each queue has waited: the lag of the queue — for
 * `indicators`, how far the recomputes run behind the edits that asked for them.
 */
export function queueOldestWaiting(queues: JobQueues): ScrapedGauge {
  return {
    name: 'nastavnik_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting job per queue (0 when none waits)',
    labelNames: ['queue'],
    collect: async () =>
      Promise.all(
        Object.values(QUEUES).map(async (queue) => {
          const [oldest] = await queues.get(queue).getJobs(['waiting'], 0, 0, true);
          return { labels: { queue }, value: oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0 };
        }),
      ),
  };
}

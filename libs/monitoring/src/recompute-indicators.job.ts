import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { IndicatorEngine, type SnapshotRow } from './indicator-engine';

export const RECOMPUTE_INDICATORS_JOB = 'recompute-indicators';

/** One recorded request (`indicator_recompute_requests`); the job id is derived from it. */
export type RecomputeIndicatorsJobData = { requestId: string };

export type RecomputeIndicatorsResult = { requestId: string; status: 'done' | 'already-done'; snapshots: number };

/**
 * Works off one recompute request: marks it running, recomputes that organisation's snapshots
 * for the period (upsert — a retry after a crash writes each snapshot once), marks it done.
 * A request still `running` after a crash is taken again by the retry or by the reconciler.
 */
@Injectable()
@QueueJob(QUEUES.indicators, RECOMPUTE_INDICATORS_JOB, { runsAs: 'engine' })
export class RecomputeIndicatorsJob {
  constructor(private readonly engine: IndicatorEngine) {}

  async handle(data: RecomputeIndicatorsJobData, job: Job): Promise<RecomputeIndicatorsResult> {
    const client = await this.engine.connect();
    let claimed: { tenant_id: string; period: string } | undefined;
    try {
      ({ rows: [claimed] } = await client.query<{ tenant_id: string; period: string }>(
        `update indicator_recompute_requests
            set status = 'running', started_at = now(), attempts = attempts + 1
          where id = $1 and status in ('pending', 'running')
        returning tenant_id, period`,
        [data.requestId],
      ));
    } finally {
      client.release();
    }
    if (!claimed) return { requestId: data.requestId, status: 'already-done', snapshots: 0 };
    let rows: SnapshotRow[];
    try {
      rows = await this.engine.recompute({ tenantIds: [claimed.tenant_id] }, claimed.period);
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.finish(data.requestId, final ? 'failed' : 'running', (error as Error).message);
      throw error;
    }
    await this.finish(data.requestId, 'done', null);
    return { requestId: data.requestId, status: 'done', snapshots: rows.length };
  }

  private async finish(requestId: string, status: 'done' | 'failed' | 'running', error: string | null): Promise<void> {
    const client = await this.engine.connect();
    try {
      await client.query(
        `update indicator_recompute_requests set status = $2, error = $3, finished_at = case when $2 = 'running' then null else now() end where id = $1`,
        [requestId, status, error?.slice(0, 2000) ?? null],
      );
    } finally {
      client.release();
    }
  }
}

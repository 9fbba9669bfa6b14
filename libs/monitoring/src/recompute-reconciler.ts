import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { IndicatorEngine } from './indicator-engine';
import { RECOMPUTE_INDICATORS_JOB, type RecomputeIndicatorsJobData } from './recompute-indicators.job';

/** A request `running` for longer than this is considered abandoned and enqueued again. */
const ABANDONED_AFTER = '10 minutes';

/**
 * Requests are recorded in Postgres first (by triggers on the records, in the same transaction as
 * the edit), so a Redis that loses its data loses no request: this reconciler enqueues every open
 * request with a job id derived from the request — BullMQ ignores an id it already holds, so a
 * request is one job however often it is seen, and a burst of edits (one pending row) is one job.
 */
@Injectable()
export class RecomputeReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecomputeReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly engine: IndicatorEngine,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Looks for recorded requests that have no job (new, or lost with Redis) every INDICATORS_RECONCILE_MS. */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.indicatorsReconcileMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Enqueues every open request; returns how many were seen. */
  async reconcile(): Promise<number> {
    const client = await this.engine.connect();
    let ids: string[];
    try {
      const { rows } = await client.query<{ id: string }>(
        `select id from indicator_recompute_requests
          where status = 'pending' or (status = 'running' and started_at < now() - interval '${ABANDONED_AFTER}')
          order by requested_at limit 1000`,
      );
      ids = rows.map((r) => r.id);
    } finally {
      client.release();
    }
    for (const requestId of ids) {
      const data: RecomputeIndicatorsJobData = { requestId };
      await this.queues.add(QUEUES.indicators, RECOMPUTE_INDICATORS_JOB, data, { jobId: `recompute-${requestId}` });
    }
    return ids.length;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.reconcile();
    try {
      await this.running;
    } catch (error) {
      this.logger.warn(`reconcile failed: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}

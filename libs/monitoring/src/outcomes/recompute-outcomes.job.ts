import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { REGION_TIME_ZONE } from '@nastavnik/platform/calendar';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { IndicatorEngine } from '../indicator-engine';
import { schoolYearOf } from '../indicator-period';
import { storeOutcomeSnapshots } from './outcome-snapshots';

export const RECOMPUTE_OUTCOMES_JOB = 'recompute-outcomes';
export const OUTCOMES_SCHEDULER_ID = 'nightly-outcomes';

/** A school year (default: the current one) and a subtree (default: every region). */
export type RecomputeOutcomesJobData = { period?: string; path?: string };

/**
 * The region's outcome snapshots (`OUT.*`, docs/adr/0035): every night after the indicators, each
 * region's schools' before/after aggregates from `ind_outcome_facts`, on the engine's connection.
 */
@Injectable()
@QueueJob(QUEUES.indicators, RECOMPUTE_OUTCOMES_JOB, { runsAs: 'engine' })
export class RecomputeOutcomesJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecomputeOutcomesJob.name);

  constructor(
    private readonly engine: IndicatorEngine,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One scheduler however many workers start (idempotent by id), on the indicators' nightly pattern. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(QUEUES.indicators)
      .upsertJobScheduler(OUTCOMES_SCHEDULER_ID, { pattern: this.config.indicatorsNightlyCron, tz: REGION_TIME_ZONE }, { name: RECOMPUTE_OUTCOMES_JOB, data: {} });
  }

  async handle(data: RecomputeOutcomesJobData): Promise<{ period: string; regions: number; snapshots: number }> {
    const period = data.period ?? schoolYearOf();
    const client = await this.engine.connect();
    try {
      const paths = data.path
        ? [data.path]
        : (await client.query<{ path: string }>(`select path::text as path from tenant_tree where kind = 'region' order by path`)).rows.map((r) => r.path);
      let snapshots = 0;
      for (const path of paths) snapshots += await storeOutcomeSnapshots(client, period, path);
      this.logger.log(`outcomes ${period}: ${paths.length} regions, ${snapshots} snapshots`);
      return { period, regions: paths.length, snapshots };
    } finally {
      client.release();
    }
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { REGION_TIME_ZONE } from '@nastavnik/platform/calendar';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { IndicatorEngine } from './indicator-engine';
import { schoolYearOf } from './indicator-period';

export const NIGHTLY_INDICATORS_JOB = 'nightly-indicators';
export const NIGHTLY_SCHEDULER_ID = 'nightly-indicators';

export type NightlyIndicatorsJobData = { period?: string };

/** Every night: the whole platform's current school year, region by region, set-based. */
@Injectable()
@QueueJob(QUEUES.indicators, NIGHTLY_INDICATORS_JOB, { runsAs: 'engine' })
export class NightlyIndicatorsJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(NightlyIndicatorsJob.name);

  constructor(
    private readonly engine: IndicatorEngine,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One scheduler, however many workers start: upsertJobScheduler is idempotent by id. The pattern
   * is INDICATORS_NIGHTLY_CRON (default 02:30), in the region's time zone.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(QUEUES.indicators)
      .upsertJobScheduler(NIGHTLY_SCHEDULER_ID, { pattern: this.config.indicatorsNightlyCron, tz: REGION_TIME_ZONE }, { name: NIGHTLY_INDICATORS_JOB, data: {} });
  }

  async handle(data: NightlyIndicatorsJobData): Promise<{ period: string; regions: number; snapshots: number }> {
    const period = data.period ?? schoolYearOf();
    const client = await this.engine.connect();
    let regions: string[];
    try {
      regions = (await client.query<{ path: string }>(`select path::text as path from tenant_tree where kind = 'region' order by path`)).rows.map((r) => r.path);
    } finally {
      client.release();
    }
    let snapshots = 0;
    for (const path of regions) snapshots += (await this.engine.recompute({ path }, period)).length;
    this.logger.log(`nightly ${period}: ${regions.length} regions, ${snapshots} snapshots`);
    return { period, regions: regions.length, snapshots };
  }
}

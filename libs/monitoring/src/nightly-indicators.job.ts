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

/**
 * Every night: the whole platform's current school year, set-based. Every organisation of every
 * region, ordered by path, in parts of at most 600 schools, each taken by the next free connection
 * of the engine — no connection waits at the end of a region for the other's part (Federation-S,
 * docs/benchmarks.md); the rows are not kept once stored.
 */
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
    let regions: number;
    let organisations: string[];
    try {
      regions = Number((await client.query<{ n: string }>(`select count(*) as n from tenant_tree where kind = 'region'`)).rows[0].n);
      organisations = (await client.query<{ id: string }>(`select id from tenant_tree where kind = 'organisation' order by path`)).rows.map((r) => r.id);
    } finally {
      client.release();
    }
    const snapshots = organisations.length ? await this.engine.recomputeCounting({ tenantIds: organisations }, period) : 0;
    this.logger.log(`nightly ${period}: ${regions} regions, ${organisations.length} organisations, ${snapshots} snapshots`);
    return { period, regions, snapshots };
  }
}

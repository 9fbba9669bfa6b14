import { Injectable } from '@nestjs/common';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';

export const CENSUS_TENANTS_JOB = 'census-tenants';

export type CensusTenantsJobData = ScopedJobData & {
  /** Restrict the census to these nodes (and count only those the scope can see). */
  tenantIds?: string[];
};

export type CensusTenantsResult = { regions: number; municipalities: number; organisations: number; tenantIds: string[] };

/**
 * Counts the regions, municipalities and organisations the job's scope can see: the regional
 * centre's "how many schools are we covering" figure, and the smallest job that shows a job's SQL
 * runs under the scope of the person who asked for it.
 */
@Injectable()
@QueueJob(QUEUES.indicators, CENSUS_TENANTS_JOB)
export class CensusTenantsJob {
  constructor(private readonly context: TenantContext) {}

  async handle(data: CensusTenantsJobData): Promise<CensusTenantsResult> {
    const em = await this.context.manager();
    const rows: { id: string; kind: string }[] = await em.query(
      `select id, kind from tenants where $1::uuid[] is null or id = any($1::uuid[]) order by path`,
      [data.tenantIds ?? null],
    );
    const count = (kind: string) => rows.filter((row) => row.kind === kind).length;
    return { regions: count('region'), municipalities: count('municipality'), organisations: count('organisation'), tenantIds: rows.map((row) => row.id) };
  }
}

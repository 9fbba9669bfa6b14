import type { INestApplicationContext } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { CENSUS_TENANTS_JOB, type CensusTenantsResult } from '@nastavnik/tenants/jobs/census-tenants.job';
import { TestDb, testConfig, type TenantRow } from '@nastavnik/testing/test-context';
import { createWorkerApp } from '../src/bootstrap';

async function settled(queues: JobQueues, job: Job, timeoutMs = 20_000): Promise<Job> {
  const started = Date.now();
  for (;;) {
    // The state first, then the job: a job read before it finished carries no return value yet.
    const state = await job.getState();
    const fresh = (await queues.get(QUEUES.indicators).getJob(job.id!)) ?? job;
    if (state === 'completed' || (state === 'failed' && fresh.attemptsMade >= (fresh.opts.attempts ?? 1))) return fresh;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${job.id} still ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The worker on the real Redis (this run's key prefix) and the real Postgres. */
describe('worker: a job runs its SQL under the scope it carries', () => {
  let worker: INestApplicationContext;
  let queues: JobQueues;
  let db: TestDb;
  let a: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let b: { region: TenantRow; municipality: TenantRow; school: TenantRow };

  beforeAll(async () => {
    worker = await createWorkerApp(testConfig(), { logger: false });
    await worker.init();
    queues = worker.get(JobQueues);
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
  });
  afterAll(async () => {
    await worker.close();
    await db.close();
  });

  const enqueue = (data: object) => queues.add(QUEUES.indicators, CENSUS_TENANTS_JOB, data, { attempts: 1 });

  it("a job under school A's scope cannot read school B's rows", async () => {
    const scope: Scope = { role: 'curator', tenantId: a.school.id, tenantPath: a.school.path, allTenants: false, actor: 'test' };
    const job = await settled(queues, await enqueue({ scope, tenantIds: [a.school.id, b.school.id, b.region.id] }));
    expect(await job.getState()).toBe('completed');
    expect(job.returnvalue as CensusTenantsResult).toEqual({ regions: 0, municipalities: 0, organisations: 1, tenantIds: [a.school.id] });
  });

  it("a region analyst's job counts their region's subtree only", async () => {
    const scope: Scope = { role: 'region-analyst', tenantId: a.region.id, tenantPath: a.region.path, allTenants: false, actor: 'test' };
    const ids = [a.region.id, a.municipality.id, a.school.id, b.region.id, b.municipality.id, b.school.id];
    const job = await settled(queues, await enqueue({ scope, tenantIds: ids }));
    expect(job.returnvalue).toEqual({ regions: 1, municipalities: 1, organisations: 1, tenantIds: [a.region.id, a.municipality.id, a.school.id] });
  });

  it('a job without a scope is refused, not run with all rows', async () => {
    const job = await settled(queues, await enqueue({ tenantIds: [a.school.id] }));
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toMatch(/области доступа/);
  });
});

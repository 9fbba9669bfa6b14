import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { REGION_TIME_ZONE } from '@nastavnik/platform/calendar';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ERASE_PERSONAL_DATA_JOB, erasureJobId, type ErasePersonalDataJobData } from './erasure.service';

export const SWEEP_ERASURES_JOB = 'sweep-erasures';
export const SWEEP_ERASURES_SCHEDULER_ID = 'sweep-erasures';

/** An erasure this long past its undo window without being done is looked after. */
const GRACE_MINUTES = 15;

/**
 * The sweep runs as the platform (every school's erasures in one statement, docs/adr/0010); a job it
 * queues again runs under this scope too, and the journal records the erasure as the platform's.
 */
export const ERASURE_SWEEP_SCOPE: Scope = { role: 'platform-admin', tenantId: null, tenantPath: null, allTenants: true, actor: 'system:erasure-sweep' };

export type SweepErasuresJobData = ScopedJobData;
export type SweepOutcome = { overdue: number; requeued: string[]; retried: string[]; pastDeadline: string[] };

/**
 * Nothing requested is lost (issue 14, docs/adr/0025): an erasure whose job never ran — Redis lost
 * its data, the job exhausted its attempts, it was queued from a process without a queue — stays
 * «scheduled» past its undo window. Every hour this sweep finds those and queues their job again
 * (or retries the failed one), so the person is de-identified within the legal deadline; any
 * already past the deadline is logged as an error for the operator.
 */
@Injectable()
@QueueJob(QUEUES.privacy, SWEEP_ERASURES_JOB)
export class SweepErasuresJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(SweepErasuresJob.name);

  constructor(
    private readonly context: TenantContext,
    private readonly queues: JobQueues,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(QUEUES.privacy)
      .upsertJobScheduler(SWEEP_ERASURES_SCHEDULER_ID, { pattern: '17 * * * *', tz: REGION_TIME_ZONE }, { name: SWEEP_ERASURES_JOB, data: { scope: ERASURE_SWEEP_SCOPE } satisfies SweepErasuresJobData });
  }

  async handle(_data: SweepErasuresJobData): Promise<SweepOutcome> {
    const em = await this.context.manager();
    const overdue: { id: string; past_deadline: boolean }[] = await em.query(
      `select id, due_by <= now() as past_deadline from participant_erasures
        where status = 'scheduled' and run_after <= now() - make_interval(mins => $1) order by run_after`,
      [GRACE_MINUTES],
    );
    const queue = this.queues.get(QUEUES.privacy);
    const outcome: SweepOutcome = { overdue: overdue.length, requeued: [], retried: [], pastDeadline: overdue.filter((e) => e.past_deadline).map((e) => e.id) };
    for (const { id } of overdue) {
      const job = await queue.getJob(erasureJobId(id));
      const state = job ? await job.getState() : 'missing';
      if (job && state === 'failed') {
        await job.retry('failed');
        outcome.retried.push(id);
      } else if (!job || state === 'completed' || state === 'unknown') {
        // A completed job left it scheduled only if it ran before the window ended; queue a fresh one.
        if (job) await job.remove();
        await this.queues.add(QUEUES.privacy, ERASE_PERSONAL_DATA_JOB, { scope: ERASURE_SWEEP_SCOPE, erasureId: id } satisfies ErasePersonalDataJobData, { jobId: erasureJobId(id) });
        outcome.requeued.push(id);
      }
    }
    if (outcome.requeued.length || outcome.retried.length) this.logger.warn(`erasure sweep: ${outcome.requeued.length} queued again, ${outcome.retried.length} retried of ${overdue.length} overdue`);
    if (outcome.pastDeadline.length) this.logger.error(`erasure sweep: ${outcome.pastDeadline.length} erasures past the legal deadline (ERASURE_DEADLINE_DAYS) — see participant_erasures`);
    return outcome;
  }
}

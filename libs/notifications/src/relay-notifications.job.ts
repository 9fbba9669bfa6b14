import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { PLATFORM_SCOPE, schoolScope } from './notification-scopes';
import { SEND_NOTIFICATIONS_JOB, type SendNotificationsJobData } from './send-notifications.job';

export const RELAY_NOTIFICATIONS_JOB = 'relay-notifications';
export const RELAY_SCHEDULER_ID = 'notifications-relay';

/** Rows per send job, and rows per relay pass. */
export const BATCH_SIZE = 50;
const PASS_LIMIT = 5000;

export const UNCERTAIN_REASON = 'Отправка прервалась (сбой обработчика): неизвестно, принял ли сервер письмо. Повторная отправка — вручную.';

/**
 * The outbox's relay (docs/adr/0029): every NOTIFICATIONS_RELAY_MS it takes the due pending rows
 * of every school (`for update skip locked`, so two relays never take the same row), stamps them
 * `enqueued_at`, and adds one send job per school and 50 rows, carrying that school's scope. A
 * stamped row whose job vanished (Redis lost) is taken again after the queue's lock time; a row
 * left `sending` longer than that by a worker that died becomes `uncertain`.
 */
@Injectable()
@QueueJob(QUEUES.notifications, RELAY_NOTIFICATIONS_JOB)
export class RelayNotificationsJob implements OnApplicationBootstrap {
  constructor(
    private readonly context: TenantContext,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One scheduler however many workers start (upsertJobScheduler is idempotent by id). */
  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(QUEUES.notifications)
      .upsertJobScheduler(RELAY_SCHEDULER_ID, { every: this.config.notifications.relayMs }, { name: RELAY_NOTIFICATIONS_JOB, data: { scope: PLATFORM_SCOPE } satisfies ScopedJobData, opts: { attempts: 1, removeOnComplete: true, removeOnFail: 100 } });
  }

  /** Runs under the data's scope: the platform scope the scheduler gives it. */
  async handle(): Promise<{ enqueued: number; uncertain: number }> {
    const em = await this.context.manager();
    const leaseMs = Math.max(this.config.queueLockMs, this.config.queueStalledCheckMs) * 2;
    const [, uncertain] = (await em.query(
      `update notifications set status = 'uncertain', last_error = $2, updated_at = now()
        where status = 'sending' and claimed_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [leaseMs, UNCERTAIN_REASON],
    )) as [unknown, number];
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [due] = (await em.query(
      `with due as (
         select tenant_id, id from notifications
          where status = 'pending' and next_attempt_at <= now()
            and (enqueued_at is null or enqueued_at < now() - make_interval(secs => $1::double precision / 1000))
          order by next_attempt_at limit ${PASS_LIMIT} for update skip locked)
       update notifications n set enqueued_at = now() from due
        where n.tenant_id = due.tenant_id and n.id = due.id
       returning n.tenant_id, n.id, (select path::text from tenant_tree t where t.id = n.tenant_id) as path`,
      [leaseMs],
    )) as [{ tenant_id: string; id: string; path: string }[], number];
    const bySchool = new Map<string, { path: string; ids: string[] }>();
    for (const row of due) {
      const school = bySchool.get(row.tenant_id) ?? { path: row.path, ids: [] };
      school.ids.push(row.id);
      bySchool.set(row.tenant_id, school);
    }
    const jobs = [...bySchool].flatMap(([tenantId, school]) => {
      const batches: { name: string; data: SendNotificationsJobData }[] = [];
      for (let i = 0; i < school.ids.length; i += BATCH_SIZE) {
        batches.push({ name: SEND_NOTIFICATIONS_JOB, data: { scope: schoolScope(tenantId, school.path), ids: school.ids.slice(i, i + BATCH_SIZE) } });
      }
      return batches;
    });
    if (jobs.length > 0) await this.queues.get(QUEUES.notifications).addBulk(jobs);
    return { enqueued: due.length, uncertain };
  }
}

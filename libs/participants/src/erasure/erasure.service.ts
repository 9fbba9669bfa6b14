import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { ConflictException, ForbiddenException, NotFoundException } from '@nastavnik/platform/errors/app.exceptions';
import { journal } from '@nastavnik/platform/personal-data/journal';
import { personalDataFieldsOf } from '@nastavnik/platform/personal-data/personal-data';
import { nameForms, subjectDataHandlers, type DataSubject } from '@nastavnik/platform/personal-data/subject-data';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { ErasureReason, ErasureStatus, PersonalDataErasureEntity } from './erasure.types';

export const ERASE_PERSONAL_DATA_JOB = 'erase-personal-data';
export type ErasePersonalDataJobData = ScopedJobData & { erasureId: string };

/** What the job reports: done, or why it did nothing (cancelled meanwhile, not yet due, already done). */
export type ErasureOutcome = { erasureId: string; outcome: 'done' | 'cancelled' | 'not-due' | 'already-done'; changed?: Record<string, number> };

const HOUR_MS = 3_600_000;

/** One job per erasure: queuing it again (the sweep) never runs it twice. */
export const erasureJobId = (erasureId: string): string => `erasure-${erasureId}`;
/** Even with no undo window the job waits for the request's transaction to commit (a retry would find it anyway). */
const MIN_DELAY_MS = 3_000;

/**
 * Erasure by de-identification (issue 14, docs/adr/0025). A request — the curator's, or the
 * withdrawal of the last consent in force — records a row in the caller's transaction and queues a
 * delayed job (carrying the caller's scope, ADR 0005) for the end of the undo window; the curator
 * may cancel until then. The job de-identifies the person in every lib's tables through the
 * handlers the libs register (platform/personal-data/subject-data.ts) and journals it.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly context: TenantContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly queues?: JobQueues,
  ) {}

  async forParticipant(participantId: string): Promise<PersonalDataErasureEntity[]> {
    const em = await this.context.manager();
    return em.find(PersonalDataErasureEntity, { where: { participantId }, order: { requestedAt: 'DESC' } });
  }

  async get(id: string): Promise<PersonalDataErasureEntity> {
    const found = await (await this.context.manager()).findOneBy(PersonalDataErasureEntity, { id });
    if (!found) throw new NotFoundException('Запрос на удаление персональных данных не найден или недоступен.');
    return found;
  }

  /** Schedules the person's erasure; a person already scheduled or erased is a conflict. */
  async request(participantId: string, reason: ErasureReason): Promise<PersonalDataErasureEntity> {
    const em = await this.context.manager();
    const scope = this.context.scope;
    if (scope.role !== 'curator' && scope.role !== 'platform-admin') throw new ForbiddenException();
    const [person]: { tenant_id: string; erased_at: Date | null }[] = await em.query(`select tenant_id, erased_at from participants where id = $1`, [participantId]);
    if (!person) throw new NotFoundException('Участник не найден или недоступен.');
    if (person.erased_at) throw new ConflictException('Персональные данные участника уже удалены.');
    const open = await em.findOneBy(PersonalDataErasureEntity, { participantId, status: ErasureStatus.SCHEDULED });
    if (open) return open;
    const { undoWindowHours, deadlineDays } = this.config.erasure;
    const [row]: { id: string }[] = await em.query(
      `insert into participant_erasures (tenant_id, participant_id, reason, requested_by, run_after, due_by)
       values ($1, $2, $3, $4, now() + make_interval(hours => $5), now() + make_interval(days => $6))
       returning id`,
      [person.tenant_id, participantId, reason, scope.actor, undoWindowHours, deadlineDays],
    );
    if (this.queues) {
      const data: ErasePersonalDataJobData = { scope, erasureId: row.id };
      await this.queues.add(QUEUES.privacy, ERASE_PERSONAL_DATA_JOB, data, { jobId: erasureJobId(row.id), delay: Math.max(undoWindowHours * HOUR_MS, MIN_DELAY_MS) });
    } else {
      this.logger.warn(`erasure ${row.id}: no job queue in this process; the erasure waits for one to be queued`);
    }
    return this.get(row.id);
  }

  /** The curator changes their mind inside the undo window. */
  async cancel(id: string): Promise<PersonalDataErasureEntity> {
    const em = await this.context.manager();
    const erasure = await this.get(id);
    if (erasure.status !== ErasureStatus.SCHEDULED) throw new ConflictException(erasure.status === ErasureStatus.DONE ? 'Данные уже обезличены: удаление не отменяется.' : 'Удаление уже отменено.');
    // An UPDATE answers [rows, count] through TypeORM.
    const [, cancelled]: [unknown[], number] = await em.query(
      `update participant_erasures set status = 'cancelled', cancelled_at = now(), cancelled_by = $2
        where id = $1 and status = 'scheduled' and run_after > now()`,
      [id, this.context.scope.actor],
    );
    if (cancelled !== 1) throw new ConflictException('Срок отмены истёк: данные обезличиваются.');
    return this.get(id);
  }

  /** The job: de-identifies the person once the undo window is over (under the requester's scope). */
  async run(erasureId: string): Promise<ErasureOutcome> {
    const em = await this.context.manager();
    const [erasure]: { tenant_id: string; participant_id: string; status: string; due: boolean }[] = await em.query(
      `select tenant_id, participant_id, status, run_after <= now() as due from participant_erasures where id = $1 for update`,
      [erasureId],
    );
    if (!erasure) throw new NotFoundException('Запрос на удаление персональных данных не найден или недоступен.');
    if (erasure.status === 'cancelled') return { erasureId, outcome: 'cancelled' };
    if (erasure.status === 'done') return { erasureId, outcome: 'already-done' };
    if (!erasure.due) return { erasureId, outcome: 'not-due' };
    const subject = await this.subject(em, erasure.tenant_id, erasure.participant_id);
    const changed: Record<string, number> = {};
    for (const handler of subjectDataHandlers()) {
      for (const [table, n] of Object.entries(await handler.erase(em, subject))) changed[table] = (changed[table] ?? 0) + n;
    }
    await em.query(`update participant_erasures set status = 'done', done_at = now() where id = $1`, [erasureId]);
    journal.record({
      tenantId: erasure.tenant_id,
      operation: `job ${ERASE_PERSONAL_DATA_JOB}`,
      action: 'erase',
      entity: 'Participant',
      ids: [erasure.participant_id],
      fields: [...personalDataFieldsOf('Participant')],
    });
    // Counts only: never a name or a value in a log line.
    this.logger.log(`erasure ${erasureId}: de-identified (${Object.entries(changed).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')})`);
    return { erasureId, outcome: 'done', changed };
  }

  private async subject(em: EntityManager, tenantId: string, participantId: string): Promise<DataSubject> {
    const [p]: { last_name: string; first_name: string; middle_name: string | null }[] = await em.query(
      `select last_name, first_name, middle_name from participants where tenant_id = $1 and id = $2`,
      [tenantId, participantId],
    );
    if (!p) throw new NotFoundException('Участник не найден или недоступен.');
    // The legal representatives' names as written on the consents go too (a parent's name names the child).
    const representatives: { name: string }[] = await em.query(
      `select distinct representative_name as name from consents where tenant_id = $1 and participant_id = $2 and representative_name is not null`,
      [tenantId, participantId],
    );
    const relatedNames = representatives.map((r) => r.name.trim()).filter((name) => name.length > 2);
    return { tenantId, participantId, nameForms: nameForms(p.last_name, p.first_name, p.middle_name), relatedNames };
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayIso } from '@nastavnik/platform/calendar';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { NotificationOutbox } from '@nastavnik/notifications/notification-outbox.service';
import { type UnsubmittedReport, UnsubmittedReports } from '@nastavnik/notifications/unsubmitted-reports';
import type { ReportFileJobData } from '../jobs/report-file.job';
import { ReportDataService } from '../report-data.service';
import { reportJobId, requestHash } from '../report-request';
import { reportJobFor } from '../report.service';
import type { SubmissionReportParams } from './submission-file';
import type { FrozenSubmission } from './submission.document';
import {
  type ReviewDecision,
  type SchoolSubmissionRowType,
  type SubmissionAction,
  type SubmissionDueDateType,
  type SubmissionFileType,
  type SubmissionEventType,
  type SubmissionState,
  type SubmissionStatus,
  type SubmissionType,
  type SubmissionVersionType,
} from './submission.types';

const ACTOR_ROLES: ReadonlyMap<string, string> = new Map([
  ['curator', 'Куратор организации'],
  ['region-analyst', 'Аналитик региона'],
  ['platform-admin', 'Администратор платформы'],
]);

type SubmissionRow = { id: string; tenant_id: string; tenant_name: string; school_year: string; status: SubmissionStatus; note: string; version: number; updated_at: Date; tenant_path: string };

/** Overdue: the region's due date has passed and the report is neither on review nor accepted. */
export function isOverdue(status: SubmissionStatus | null, dueOn: string | null, today = todayIso()): boolean {
  return dueOn !== null && today > dueOn && status !== 'submitted' && status !== 'accepted';
}

/**
 * The yearly report of a school to the regional mentoring centre (seed 004 item 34; docs/adr/0034):
 * the curator keeps a draft (the analytical note) and submits it — the report's data is frozen in a
 * version row in the same transaction and its PDF rendered by the worker's `render-report` job from
 * that frozen data (a `report_files` row of kind `submission_report`, progress as for any report);
 * the region analyst accepts or returns it with a comment; every step is a history row. Everything
 * runs under the caller's scope: row-level security keeps a curator to their school and an analyst
 * to their region's schools, with no write but the review.
 *
 * A review writes the school's curator a message in its own transaction (the notifications lib's
 * outbox; the address is read when it is sent, docs/adr/0039); the notifications lib's reminder run
 * asks `unsubmitted` (its port `UnsubmittedReports`) for the schools late with their report.
 */
@Injectable()
export class SubmissionService implements UnsubmittedReports {
  constructor(
    private readonly context: TenantContext,
    private readonly queues: JobQueues,
    private readonly data: ReportDataService,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** The curator's own school's report for the year, or null when none was started. */
  async mine(schoolYear: string): Promise<SubmissionType | null> {
    const scope = this.curatorScope();
    const em = await this.context.manager();
    const [row] = await em.query(`select id from report_submissions where tenant_id = $1 and school_year = $2`, [scope.tenantId, schoolYear]);
    return row ? this.get(row.id) : null;
  }

  async get(id: string): Promise<SubmissionType> {
    const em = await this.context.manager();
    const [row]: SubmissionRow[] = await em.query(
      `select s.id, s.tenant_id, t.short_name as tenant_name, s.school_year, s.status, s.note, s.version, s.updated_at, s.tenant_path::text as tenant_path
         from report_submissions s join tenant_tree t on t.id = s.tenant_id where s.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException('Отчёт не найден или недоступен.');
    const versions: { id: string; version: number; submitted_at: Date; note: string; report_file_id: string }[] = await em.query(
      `select id, version, submitted_at, note, report_file_id from report_submission_versions where tenant_id = $1 and submission_id = $2 order by version desc`,
      [row.tenant_id, row.id],
    );
    const events: { action: SubmissionAction; actor_role: string; version: number; comment: string | null; at: Date }[] = await em.query(
      `select action, actor_role, version, comment, at from report_submission_events where tenant_id = $1 and submission_id = $2 order by at, id`,
      [row.tenant_id, row.id],
    );
    const files: { id: string; status: SubmissionFileType['status']; progress: number; error: string | null; file_name: string | null }[] = versions.length
      ? await em.query(`select id, status, progress, error, file_name from report_files where id = any($1::uuid[])`, [versions.map((v) => v.report_file_id)])
      : [];
    const fileOf = (id: string): SubmissionFileType | null => {
      const f = files.find((x) => x.id === id);
      return f ? { id: f.id, status: f.status, progress: f.progress, error: f.error, fileName: f.file_name, downloadUrl: f.status === 'done' ? `/reports/${f.id}/file` : null } : null;
    };
    const dueOn = await this.dueOnFor(em, row.tenant_path, row.school_year);
    return {
      id: row.id,
      tenantId: row.tenant_id,
      tenantName: row.tenant_name,
      schoolYear: row.school_year,
      status: row.status,
      note: this.context.scope.role === 'curator' ? row.note : null,
      version: row.version,
      dueOn,
      overdue: isOverdue(row.status, dueOn),
      updatedAt: row.updated_at,
      versions: versions.map(
        (v): SubmissionVersionType => ({ id: v.id, version: v.version, submittedAt: v.submitted_at, note: v.note, reportId: v.report_file_id, file: fileOf(v.report_file_id) }),
      ),
      history: events.map((e): SubmissionEventType => ({ action: e.action, actorRole: ACTOR_ROLES.get(e.actor_role) ?? e.actor_role, version: e.version, comment: e.comment, at: e.at })),
    };
  }

  /** Saves the curator's analytical note to the draft (started here if need be); a report on review or accepted is not edited. */
  async saveNote(schoolYear: string, note: string): Promise<SubmissionType> {
    const scope = this.curatorScope();
    const em = await this.context.manager();
    const row = await this.draft(em, scope, schoolYear);
    editable(row.status);
    await em.query(`update report_submissions set note = $2 where tenant_id = $3 and id = $1`, [row.id, note.trim(), scope.tenantId]);
    return this.get(row.id);
  }

  /**
   * Submits the year's report: in one transaction of its own (committed before the job is
   * enqueued, like every report request) the note is saved, the report's data frozen as the next
   * version, the PDF's `report_files` row recorded, the status set to «на проверке» and the step
   * written to the history; then the PDF is rendered by the worker from the frozen version.
   */
  async submit(schoolYear: string, note: string): Promise<SubmissionType> {
    const scope = this.curatorScope();
    const recorded = await this.context.runInScope(scope, async () => {
      const em = await this.context.manager();
      const row = await this.draft(em, scope, schoolYear);
      editable(row.status);
      const data = await this.data.school(schoolYear, row.tenant_id);
      const version = row.version + 1;
      const submittedAt = new Date();
      const [{ id: versionId }] = await em.query(`select gen_random_uuid() as id`);
      const frozen: FrozenSubmission = {
        schoolYear,
        version,
        submittedAt: submittedAt.toISOString(),
        note: note.trim(),
        data: {
          ...data,
          generatedAt: submittedAt.toISOString(),
          // The region reads this copy: the roadmap's execution without the responsible persons (personal data).
          roadmap: data.roadmap && { ...data.roadmap, items: data.roadmap.items.map(({ responsible: _responsible, ...item }) => item) },
        },
      };
      const params: SubmissionReportParams = { submissionId: row.id, versionId, version, schoolYear };
      const hash = requestHash('submission_report', params, scope);
      const [file] = await em.query(
        `insert into report_files (tenant_id, tenant_path, kind, parameters, params_hash, requested_by, requested_role)
         values ($1, $2::ltree, 'submission_report', $3::jsonb, $4, $5, 'curator') returning id`,
        [row.tenant_id, row.tenant_path, JSON.stringify(params), hash, scope.actor],
      );
      await em.query(
        `insert into report_submission_versions (tenant_id, tenant_path, id, submission_id, version, note, data, report_file_id, submitted_at)
         values ($1, $2::ltree, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
        [row.tenant_id, row.tenant_path, versionId, row.id, version, frozen.note, JSON.stringify(frozen), file.id, submittedAt],
      );
      await em.query(`update report_submissions set status = 'submitted', version = $2, note = $3 where tenant_id = $4 and id = $1`, [row.id, version, frozen.note, row.tenant_id]);
      await this.event(em, scope, row, 'submitted', version, null);
      return { submissionId: row.id, reportId: file.id as string, hash };
    });
    const target = reportJobFor('submission_report');
    const job: ReportFileJobData = { scope, reportId: recorded.reportId };
    await this.queues.get(target.queue).add(target.name, job, { jobId: reportJobId(recorded.hash) });
    return this.get(recorded.submissionId);
  }

  /** The region analyst's decision on a submitted report: accepted, or returned with what to rework. */
  async review(id: string, decision: ReviewDecision, comment?: string): Promise<SubmissionType> {
    const scope = this.context.scope;
    if (scope.role !== 'region-analyst') throw new ForbiddenException('Принимает и возвращает отчёты аналитик региона.');
    const text = comment?.trim() || null;
    if (decision === 'return' && !text) throw new ValidationFailedException('Укажите, что нужно доработать: при возврате комментарий обязателен.', [{ field: 'comment', message: 'Обязателен при возврате.' }]);
    const em = await this.context.manager();
    const [row]: SubmissionRow[] = await em.query(`select id, tenant_id, school_year, status, version, tenant_path::text as tenant_path from report_submissions where id = $1`, [id]);
    if (!row) throw new NotFoundException('Отчёт не найден или недоступен.');
    if (row.status !== 'submitted') throw new ConflictException('Отчёт не на проверке: принять или вернуть можно только представленный отчёт.');
    const status = decision === 'accept' ? 'accepted' : 'returned';
    const updated = await em.query(`update report_submissions set status = $2 where tenant_id = $3 and id = $1 and status = 'submitted' returning id`, [id, status, row.tenant_id]);
    if (updated.length === 0) throw new ConflictException('Отчёт уже рассмотрен: обновите страницу.');
    await this.event(em, scope, row, status, row.version, text);
    // The school's curator hears of it: a message written by this transaction (docs/adr/0039).
    await this.outbox.reportReviewed({ tenantId: row.tenant_id, schoolYear: row.school_year, version: row.version, decision: status, comment: text });
    return this.get(id);
  }

  /** «Кто не сдал»: every school under the analyst's region (or municipality) with its report's state for the year. */
  async regionTable(schoolYear: string, today = todayIso()): Promise<SchoolSubmissionRowType[]> {
    if (this.context.scope.role !== 'region-analyst') throw new ForbiddenException('Сводка сдачи отчётов — для аналитика региона.');
    const em = await this.context.manager();
    const rows: {
      tenant_id: string; tenant_name: string; tenant_code: string; municipality: string | null; submission_id: string | null; status: SubmissionStatus | null;
      version: number | null; due_on: string | null; submitted_at: Date | null; reviewed_at: Date | null; last_comment: string | null; report_id: string | null;
    }[] = await em.query(
      `select o.id as tenant_id, o.short_name as tenant_name, o.code as tenant_code, m.short_name as municipality,
              s.id as submission_id, s.status, s.version, d.due_on::text as due_on,
              v.submitted_at, v.report_file_id as report_id, r.at as reviewed_at, ret.comment as last_comment
         from tenant_tree o
         left join tenant_tree m on m.id = o.parent_id and m.kind = 'municipality'
         left join report_submissions s on s.tenant_id = o.id and s.school_year = $1
         left join lateral (select due_on from report_submission_due_dates dd where dd.school_year = $1 and dd.tenant_path @> o.path
                             order by nlevel(dd.tenant_path) desc limit 1) d on true
         left join lateral (select submitted_at, report_file_id from report_submission_versions v
                             where v.tenant_id = s.tenant_id and v.submission_id = s.id order by version desc limit 1) v on true
         left join lateral (select at from report_submission_events e where e.tenant_id = s.tenant_id and e.submission_id = s.id
                               and e.action in ('accepted', 'returned') order by at desc limit 1) r on true
         left join lateral (select comment from report_submission_events e where e.tenant_id = s.tenant_id and e.submission_id = s.id
                               and e.action = 'returned' order by at desc limit 1) ret on true
        where o.kind = 'organisation'
        order by o.short_name, o.code`,
      [schoolYear],
    );
    return rows.map((r) => {
      const overdue = isOverdue(r.status, r.due_on, today);
      const state: SubmissionState = overdue ? 'overdue' : (r.status ?? 'not_started');
      return {
        tenantId: r.tenant_id, tenantName: r.tenant_name, tenantCode: r.tenant_code, municipality: r.municipality, submissionId: r.submission_id, state, status: r.status,
        overdue, dueOn: r.due_on, version: r.version ?? 0, submittedAt: r.submitted_at, reviewedAt: r.reviewed_at, lastComment: r.last_comment, reportId: r.report_id,
      };
    });
  }

  /**
   * The notifications lib's port (docs/adr/0039), under a region analyst's scope: per school year
   * whose due date (of the analyst's region) has passed by `today` and is `dueFrom` or later, the
   * schools of the region whose report is neither on review nor accepted — the «Кто не сдал»
   * table's overdue rows.
   */
  async unsubmitted(today: string, dueFrom: string): Promise<UnsubmittedReport[]> {
    const em = await this.context.manager();
    const years: { school_year: string }[] = await em.query(
      `select distinct school_year from report_submission_due_dates where due_on < $1::date and due_on >= $2::date order by school_year`,
      [today, dueFrom],
    );
    const found: UnsubmittedReport[] = [];
    for (const { school_year: schoolYear } of years) {
      const late = (await this.regionTable(schoolYear, today)).filter((row) => row.overdue);
      const byDue = new Map<string, UnsubmittedReport>();
      for (const row of late) {
        if (row.dueOn === null || row.dueOn < dueFrom) continue; // overdue implies a due date; an older one is outside the window
        const entry = byDue.get(row.dueOn) ?? { schoolYear, dueOn: row.dueOn, schools: [] };
        entry.schools.push({ tenantId: row.tenantId, title: row.tenantName });
        byDue.set(row.dueOn, entry);
      }
      found.push(...byDue.values());
    }
    return found;
  }

  /** The due date that applies to the caller: their region's (a curator's school's region). */
  async dueDate(schoolYear: string): Promise<SubmissionDueDateType> {
    const scope = this.context.scope;
    if (!scope.tenantPath) return { schoolYear, dueOn: null };
    return { schoolYear, dueOn: await this.dueOnFor(await this.context.manager(), scope.tenantPath, schoolYear) };
  }

  /** The region sets the due date of the year (a region analyst of the region itself). */
  async setDueDate(schoolYear: string, dueOn: string): Promise<SubmissionDueDateType> {
    const scope = this.context.scope;
    if (scope.role !== 'region-analyst' || !scope.tenantId) throw new ForbiddenException('Срок сдачи устанавливает аналитик региона.');
    const em = await this.context.manager();
    const [node] = await em.query(`select kind, path::text as path from tenant_tree where id = $1`, [scope.tenantId]);
    if (node?.kind !== 'region') throw new ValidationFailedException('Срок сдачи отчётов устанавливается для региона целиком: войдите как аналитик региона.');
    await em.query(
      `insert into report_submission_due_dates (tenant_id, tenant_path, school_year, due_on) values ($1, $2::ltree, $3, $4::date)
       on conflict (tenant_id, school_year) do update set due_on = excluded.due_on, updated_at = now()`,
      [scope.tenantId, node.path, schoolYear, dueOn],
    );
    return { schoolYear, dueOn };
  }

  private curatorScope(): Scope & { tenantId: string } {
    const scope = this.context.scope;
    if (scope.role !== 'curator' || !scope.tenantId) throw new ForbiddenException('Отчёт в РНЦ составляет куратор организации.');
    return scope as Scope & { tenantId: string };
  }

  /** The year's report of the curator's school, started (with its first history row) if need be, locked for this transaction. */
  private async draft(em: EntityManager, scope: Scope & { tenantId: string }, schoolYear: string): Promise<SubmissionRow> {
    const created = await em.query(
      `insert into report_submissions (tenant_id, tenant_path, school_year) values ($1, $2::ltree, $3)
       on conflict (tenant_id, school_year) do nothing returning id`,
      [scope.tenantId, scope.tenantPath, schoolYear],
    );
    const [row]: SubmissionRow[] = await em.query(
      `select id, tenant_id, school_year, status, note, version, tenant_path::text as tenant_path from report_submissions where tenant_id = $1 and school_year = $2 for update`,
      [scope.tenantId, schoolYear],
    );
    if (!row) throw new NotFoundException('Отчёт не найден или недоступен.');
    if (created.length) await this.event(em, scope, row, 'created', 0, null);
    return row;
  }

  private async event(em: EntityManager, scope: Scope, row: Pick<SubmissionRow, 'id' | 'tenant_id' | 'tenant_path'>, action: SubmissionAction, version: number, comment: string | null): Promise<void> {
    await em.query(
      `insert into report_submission_events (tenant_id, tenant_path, submission_id, version, action, actor, actor_role, comment) values ($1, $2::ltree, $3, $4, $5, $6, $7, $8)`,
      [row.tenant_id, row.tenant_path, row.id, version, action, scope.actor, scope.role, comment],
    );
  }

  private async dueOnFor(em: EntityManager, path: string, schoolYear: string): Promise<string | null> {
    const [due] = await em.query(
      `select due_on::text as due_on from report_submission_due_dates where school_year = $1 and tenant_path @> $2::ltree order by nlevel(tenant_path) desc limit 1`,
      [schoolYear, path],
    );
    return due?.due_on ?? null;
  }
}

function editable(status: SubmissionStatus): void {
  if (status === 'submitted') throw new ConflictException('Отчёт на проверке в РНЦ: изменить его можно, если регион вернёт его на доработку.');
  if (status === 'accepted') throw new ConflictException('Отчёт принят регионом: изменить его нельзя.');
}

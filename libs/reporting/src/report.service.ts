import { Injectable } from '@nestjs/common';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { Page } from '@nastavnik/platform/graphql/list-args';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES, type QueueName } from '@nastavnik/platform/queue/queues';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { ExtractCompiler } from './render/extract-layout';
import type { RequestExtractArgs, RequestRegionReportArgs, RequestSchoolReportArgs, ReportFilter, ReportListArgs } from './dtos/report.inputs';
import { FORMS, formFor, formVersion } from './forms/form-definitions';
import { REGION_REPORT_CODES } from './report-data.service';
import { ReportFileEntity, type ReportKind } from './report-file.entity';
import { type ReportParams, reportJobId, requestHash } from './report-request';
import { PRODUCE_EXTRACT_JOB } from './jobs/produce-extract.job';
import { RENDER_REPORT_JOB } from './jobs/render-report.job';
import type { ReportFileJobData } from './jobs/report-file.job';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';

/** Where a request's job goes: PDF reports on `reports`, form extracts on `extracts`. */
export function reportJobFor(kind: ReportKind): { queue: QueueName; name: string } {
  return kind === 'extract_xlsx' || kind === 'extract_csv' ? { queue: QUEUES.extracts, name: PRODUCE_EXTRACT_JOB } : { queue: QUEUES.reports, name: RENDER_REPORT_JOB };
}

type RequestOwner = { tenantId: string | null; tenantPath: string };
type PreparedRequest = { kind: ReportKind; params: ReportParams; owner: RequestOwner; form?: { code: string; version: string }; compiler?: ExtractCompiler | null };

const SORTABLE = sortColumns({ requestedAt: 'r.requested_at', kind: 'r.kind', status: 'r.status', fileName: 'r.file_name', finishedAt: 'r.finished_at' });

/**
 * Requests, lists and downloads of reports, in the caller's scope. A request is a row (one per
 * distinct kind + parameters + scope + day) and a BullMQ job with an id derived from the same
 * hash (on `reports` for PDFs, on `extracts` for form extracts), so identical requests share one
 * job and one file; the worker renders under the requester's scope.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly context: TenantContext,
    private readonly queues: JobQueues,
  ) {}

  async requestSchoolReport(args: RequestSchoolReportArgs): Promise<ReportFileEntity> {
    return this.request(async (scope) => {
      const tenantId = args.tenantId ?? scope.tenantId;
      if (!tenantId) throw new ValidationFailedException('Укажите организацию.');
      const node = await this.node(tenantId, 'Организация не найдена или недоступна.');
      if (node.kind !== 'organisation') throw new ValidationFailedException('Отчёт организации строится по образовательной организации.');
      if (scope.role === 'curator' && tenantId !== scope.tenantId) throw new NotFoundException('Организация не найдена или недоступна.');
      return { kind: 'school_report', params: { period: args.period, tenantId }, owner: { tenantId, tenantPath: node.path } };
    });
  }

  async requestRegionReport(args: RequestRegionReportArgs): Promise<ReportFileEntity> {
    return this.request(async (scope) => {
      const codes = [...new Set(args.codes ?? REGION_REPORT_CODES)];
      for (const code of codes) if (!INDICATORS.some((d) => d.code === code)) throw new ValidationFailedException(`Неизвестный показатель «${code}».`);
      const parentId = args.parentId ?? scope.tenantId;
      if (!parentId) {
        if (!scope.allTenants) throw new ValidationFailedException('Укажите регион или муниципалитет.');
        throw new ValidationFailedException('Укажите регион или муниципалитет: сравнительный отчёт строится по одному региону.');
      }
      const node = await this.node(parentId, 'Регион или муниципалитет не найден или недоступен.');
      if (node.kind === 'organisation') throw new ValidationFailedException('Сравнительный отчёт строится по региону или муниципалитету.');
      return { kind: 'region_report', params: { period: args.period, parentId, codes }, owner: { tenantId: parentId, tenantPath: node.path } };
    });
  }

  async requestExtract(args: RequestExtractArgs): Promise<ReportFileEntity> {
    return this.request(async (scope) => {
      const form = args.formVersion ? formVersion(args.formCode, args.formVersion) : formFor(args.formCode, args.period);
      if (!form && args.formVersion && FORMS.some((f) => f.code === args.formCode)) throw new ValidationFailedException(`Версии ${args.formVersion} формы «${args.formCode}» нет.`);
      if (!form) throw new ValidationFailedException(`Неизвестная статистическая форма «${args.formCode}».`);
      const kind: ReportKind = args.format === 'csv' ? 'extract_csv' : 'extract_xlsx';
      const regionId = args.regionId ?? (scope.allTenants ? null : scope.tenantId);
      let owner: RequestOwner = { tenantId: null, tenantPath: '' };
      if (regionId) {
        const node = await this.node(regionId, 'Регион не найден или недоступен.');
        if (node.kind !== 'region') throw new ValidationFailedException('Выгрузка формируется по региону (или по всем регионам для федерального уровня).');
        owner = { tenantId: regionId, tenantPath: node.path };
      }
      const compiler = args.compiler ? { name: args.compiler.name.trim(), position: args.compiler.position.trim(), phone: args.compiler.phone.trim() } : null;
      return { kind, params: { period: args.period, regionId, formCode: form.code, formVersion: form.version }, owner, form, compiler };
    });
  }

  async get(id: string): Promise<ReportFileEntity> {
    const em = await this.context.manager();
    const report = await em.findOne(ReportFileEntity, { where: { id } });
    if (!report) throw new NotFoundException('Отчёт не найден или недоступен.');
    return report;
  }

  async list(args: ReportListArgs, filter: ReportFilter = {}): Promise<Page<ReportFileEntity>> {
    return pageOf(await this.filtered(filter), args, SORTABLE, 'requestedAt');
  }

  async count(filter: ReportFilter = {}): Promise<number> {
    return (await this.filtered(filter)).getCount();
  }

  private async filtered(filter: ReportFilter) {
    const query = (await this.context.manager()).createQueryBuilder(ReportFileEntity, 'r');
    if (filter.ids) query.andWhere('r.id = any(:ids)', { ids: filter.ids });
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    return query;
  }

  /** The finished file of a report the caller may see; 404 for anything else (another school's id included). */
  async file(id: string): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const em = await this.context.manager();
    const [row] = await em.query(`select status, file_bytes, content_type, file_name from report_files where id = $1`, [id]);
    if (!row) throw new NotFoundException('Отчёт не найден или недоступен.');
    if (row.status !== 'done') throw new NotFoundException('Отчёт ещё не готов: дождитесь статуса «Готов».');
    return { bytes: row.file_bytes, contentType: row.content_type, fileName: row.file_name };
  }

  private async node(id: string, message: string): Promise<{ kind: string; path: string }> {
    const em = await this.context.manager();
    const [row] = await em.query(`select kind, path::text as path from tenant_tree where id = $1`, [id]);
    if (!row) throw new NotFoundException(message);
    return row;
  }

  /**
   * Checks and records a request in one transaction of its own, committed before the job is
   * enqueued (so the worker sees the row the moment it takes the job): `prepare` looks up and
   * checks what is asked for, the row is inserted (or the day's identical one found), and the
   * row is read back as the answer — one transaction, nothing left to read after the enqueue.
   * The job's id is derived from the request's hash.
   */
  private async request(prepare: (scope: Scope) => Promise<PreparedRequest>): Promise<ReportFileEntity> {
    const scope = this.context.scope;
    const recorded = await this.context.runInScope(scope, async () => {
      const { kind, params, owner, form, compiler } = await prepare(scope);
      // The compiler is printed in the file, so another compiler is another file (docs/adr/0037).
      const hash = requestHash(kind, compiler ? { ...params, compiler } : params, scope);
      const em = await this.context.manager();
      const [saved] = await em.query(
        `insert into report_files (tenant_id, tenant_path, kind, parameters, params_hash, form_code, form_version, requested_by, requested_role, compiler)
         values ($1, $2::ltree, $3, $4::jsonb, $5, $6, $7, $8, $9, $10::jsonb)
         on conflict (params_hash) do update
            set status = 'queued', progress = 0, error = null, requested_at = now()
          where report_files.status = 'failed'
         returning id, status, (xmax = 0) as inserted`,
        [owner.tenantId, owner.tenantPath, kind, JSON.stringify(params), hash, form?.code ?? null, form?.version ?? null, scope.actor, scope.role, compiler ? JSON.stringify(compiler) : null],
      );
      const id: string | undefined = saved?.id ?? (await em.query(`select id from report_files where params_hash = $1`, [hash]))[0]?.id;
      if (!id) throw new NotFoundException('Отчёт не найден или недоступен.');
      const report = await this.get(id);
      return { report, kind, hash, fresh: Boolean(saved), retried: Boolean(saved) && !saved.inserted };
    });
    if (recorded.fresh) {
      const target = reportJobFor(recorded.kind);
      const queue = this.queues.get(target.queue);
      const jobId = reportJobId(recorded.hash);
      if (recorded.retried) await (await queue.getJob(jobId))?.remove();
      const data: ReportFileJobData = { scope, reportId: recorded.report.id };
      await queue.add(target.name, data, { jobId });
    }
    return recorded.report;
  }
}

import { Injectable } from '@nestjs/common';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { formVersion } from './forms/form-definitions';
import { extractCsv, extractXlsx } from './render/extract.document';
import type { ExtractCompiler } from './render/extract-layout';
import { renderPdf } from './render/pdf-engine';
import { regionReportDocument } from './render/region-report.document';
import { schoolReportDocument } from './render/school-report.document';
import { ReportDataService } from './report-data.service';
import type { ReportKind } from './report-file.entity';
import type { ExtractParams, RegionReportParams, ReportParams, SchoolReportParams } from './report-request';
import { renderSubmissionPdf, type SubmissionReportParams } from './submissions/submission-file';

export type RenderedFile = { bytes: Buffer; contentType: string; fileName: string };
export type ProgressFn = (percent: number) => Promise<void>;
/** What a request's row holds besides its parameters: an extract's compiler (not a parameter: never shown by GraphQL). */
export type RenderExtras = { compiler?: ExtractCompiler | null };

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

/** Gathers a report's data under the running scope and renders the file (no writes). */
@Injectable()
export class ReportRenderer {
  constructor(
    private readonly data: ReportDataService,
    private readonly context: TenantContext,
  ) {}

  async render(kind: ReportKind, params: ReportParams | SubmissionReportParams, progress: ProgressFn = async () => undefined, extras: RenderExtras = {}): Promise<RenderedFile> {
    switch (kind) {
      case 'school_report': {
        const p = params as SchoolReportParams;
        const data = await this.data.school(p.period, p.tenantId);
        await progress(40);
        const bytes = await renderPdf(schoolReportDocument(data));
        return { bytes, contentType: PDF, fileName: safeName(`Отчёт о наставничестве ${data.organisation.shortName} ${p.period.replace('/', '-')}.pdf`) };
      }
      case 'region_report': {
        const p = params as RegionReportParams;
        const data = await this.data.region(p.period, p.parentId, p.codes, (done) => progress(10 + Math.round((50 * done) / p.codes.length)));
        const bytes = await renderPdf(regionReportDocument(data));
        return { bytes, contentType: PDF, fileName: safeName(`Сравнительный отчёт ${data.node.name} ${p.period.replace('/', '-')}.pdf`) };
      }
      case 'extract_xlsx':
      case 'extract_csv': {
        const p = params as ExtractParams;
        const form = formVersion(p.formCode, p.formVersion);
        if (!form) throw new ValidationFailedException(`Форма ${p.formCode} версии ${p.formVersion} не найдена.`);
        const data = await this.data.extract(form, p.period, p.regionId, extras.compiler ?? null);
        await progress(60);
        const where = p.regionId ? (data.regions[0]?.name ?? 'регион') : 'все регионы';
        const base = `Форма ${form.name} версия ${form.version} ${where} ${p.period.replace('/', '-')}`;
        return kind === 'extract_xlsx'
          ? { bytes: await extractXlsx(data), contentType: XLSX, fileName: safeName(`${base}.xlsx`) }
          : { bytes: extractCsv(data), contentType: CSV, fileName: safeName(`${base}.csv`) };
      }
      case 'submission_report': {
        // A yearly report to the regional centre: rendered from the version frozen at submission (submissions/).
        const p = params as SubmissionReportParams;
        const { bytes, shortName } = await renderSubmissionPdf(await this.context.manager(), p);
        return { bytes, contentType: PDF, fileName: safeName(`Отчёт в РНЦ ${shortName} ${p.schoolYear.replace('/', '-')} версия ${p.version}.pdf`) };
      }
    }
  }
}

/** A file name without path separators or control characters, at most 180 characters. */
function safeName(name: string): string {
  const clean = [...name].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('').replace(/[\\/:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= 180) return clean;
  const dot = clean.lastIndexOf('.');
  return `${clean.slice(0, 180 - (clean.length - dot))}${clean.slice(dot)}`;
}

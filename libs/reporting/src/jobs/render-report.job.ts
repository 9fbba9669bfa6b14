import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@nastavnik/platform/queue/job-queues';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportRenderer } from '../report-renderer';
import type { ReportKind } from '../report-file.entity';
import type { ReportParams } from '../report-request';

export const RENDER_REPORT_JOB = 'render-report';

export type RenderReportJobData = ScopedJobData & { reportId: string };
export type RenderReportResult = { reportId: string; status: 'done' | 'already-done'; bytes: number };

/**
 * Renders one requested report under the requester's scope (the worker opens that transaction
 * around `handle`). Progress goes to BullMQ and, in short transactions of its own, to the row, so
 * the client sees it while the job runs. The file is written by row id at the very end of the
 * job's transaction: a worker killed mid-render leaves no half file, the retried job writes it
 * once, and a job that finds its row already done does nothing.
 */
@Injectable()
@QueueJob(QUEUES.reports, RENDER_REPORT_JOB)
export class RenderReportJob {
  private readonly logger = new Logger(RenderReportJob.name);

  constructor(
    private readonly context: TenantContext,
    private readonly renderer: ReportRenderer,
  ) {}

  async handle(data: RenderReportJobData, job?: Job): Promise<RenderReportResult> {
    const em = await this.context.manager();
    const [row] = await em.query(`select kind, parameters, status from report_files where id = $1`, [data.reportId]);
    if (!row) throw new Error(`report ${data.reportId} is not visible in the job's scope`);
    if (row.status === 'done') return { reportId: data.reportId, status: 'already-done', bytes: 0 };
    let written = 0;
    const progress = async (percent: number, status?: 'running') => {
      await job?.updateProgress(percent);
      // The row follows at most every 250 ms (each write is a short transaction of its own).
      if (!status && Date.now() - written < 250) return;
      written = Date.now();
      await this.context.runInScope(data.scope, async () => {
        const tx = await this.context.manager();
        await tx.query(
          `update report_files set progress = greatest(progress, $2), status = coalesce($3, status),
                  started_at = case when $3::text is null then started_at else now() end,
                  attempts = attempts + case when $3::text is null then 0 else 1 end
            where id = $1 and status <> 'done'`,
          [data.reportId, percent, status ?? null],
        );
      });
    };
    try {
      await progress(5, 'running');
      const file = await this.renderer.render(row.kind as ReportKind, row.parameters as ReportParams, (p) => progress(p));
      await progress(90);
      await em.query(
        `update report_files set status = 'done', progress = 100, error = null, file_bytes = $2, content_type = $3, file_name = $4, finished_at = now()
          where id = $1`,
        [data.reportId, file.bytes, file.contentType, file.fileName],
      );
      return { reportId: data.reportId, status: 'done', bytes: file.bytes.length };
    } catch (error) {
      const attempts = job?.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1;
      if (!job || job.attemptsMade + 1 >= attempts) await this.fail(data, error as Error);
      throw error;
    }
  }

  private async fail(data: RenderReportJobData, error: Error): Promise<void> {
    this.logger.warn(`report ${data.reportId} failed: ${error.message}`);
    const message = error.name === 'AppException' || /[а-яё]/i.test(error.message) ? error.message : 'Не удалось сформировать отчёт. Попробуйте запросить его ещё раз.';
    await this.context.runInScope(data.scope, async () => {
      const tx = await this.context.manager();
      await tx.query(`update report_files set status = 'failed', error = left($2, 2000), finished_at = now() where id = $1 and status <> 'done'`, [data.reportId, message]);
    });
  }
}

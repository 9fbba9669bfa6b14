import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@nastavnik/platform/queue/job-queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportRenderer } from '../report-renderer';
import type { ReportKind } from '../report-file.entity';
import type { ReportParams } from '../report-request';

export type ReportFileJobData = ScopedJobData & { reportId: string };
export type ReportFileJobResult = { reportId: string; status: 'done' | 'already-done'; bytes: number };

/**
 * Produces the file of one requested row under the requester's scope (the worker opens that
 * transaction around `handle`): a PDF report (`RenderReportJob`, queue `reports`) or a form
 * extract (`ProduceExtractJob`, queue `extracts`). Progress goes to BullMQ and, in short
 * transactions of its own, to the row, so the client sees it while the job runs. The file is
 * written by row id at the very end of the job's transaction: a worker killed mid-render leaves
 * no half file, the retried job writes it once, and a job that finds its row already done does
 * nothing.
 */
@Injectable()
export abstract class ReportFileJob {
  private readonly logger = new Logger(this.constructor.name);

  constructor(
    private readonly context: TenantContext,
    private readonly renderer: ReportRenderer,
  ) {}

  async handle(data: ReportFileJobData, job?: Job): Promise<ReportFileJobResult> {
    const em = await this.context.manager();
    const [row] = await em.query(`select kind, parameters, status from report_files where id = $1`, [data.reportId]);
    if (!row) throw new Error(`report ${data.reportId} is not visible in the job's scope`);
    if (row.status === 'done') return { reportId: data.reportId, status: 'already-done', bytes: 0 };
    // Progress goes out beside the work, not in its way: BullMQ's and the row's (at most every
    // 250 ms, each a short transaction of its own on another connection) are started and left
    // running; all of them are awaited before the file is written and before a failure is
    // recorded, and an error in any of them fails the job as before.
    let written = 0;
    let pending: Promise<void> = Promise.resolve();
    let progressError: unknown = null;
    const progress = async (percent: number, status?: 'running') => {
      const writes: Promise<unknown>[] = [job?.updateProgress(percent) ?? Promise.resolve()];
      if (status || Date.now() - written >= 250) {
        written = Date.now();
        writes.push(
          this.context.runInScope(data.scope, async () => {
            const tx = await this.context.manager();
            await tx.query(
              `update report_files set progress = greatest(progress, $2), status = coalesce($3, status),
                      started_at = case when $3::text is null then started_at else now() end,
                      attempts = attempts + case when $3::text is null then 0 else 1 end
                where id = $1 and status <> 'done'`,
              [data.reportId, percent, status ?? null],
            );
          }),
        );
      }
      const previous = pending;
      pending = Promise.all([previous, ...writes]).then(
        () => undefined,
        (error: unknown) => {
          progressError ??= error;
        },
      );
    };
    const settled = async () => {
      await pending;
      if (progressError) throw progressError;
    };
    try {
      await progress(5, 'running');
      const file = await this.renderer.render(row.kind as ReportKind, row.parameters as ReportParams, (p) => progress(p));
      await progress(90);
      await settled();
      await em.query(
        `update report_files set status = 'done', progress = 100, error = null, file_bytes = $2, content_type = $3, file_name = $4, finished_at = now()
          where id = $1`,
        [data.reportId, file.bytes, file.contentType, file.fileName],
      );
      return { reportId: data.reportId, status: 'done', bytes: file.bytes.length };
    } catch (error) {
      await pending; // the row's 'running' write lands before a 'failed' one
      const attempts = job?.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1;
      if (!job || job.attemptsMade + 1 >= attempts) await this.fail(data, error as Error);
      throw error;
    }
  }

  private async fail(data: ReportFileJobData, error: Error): Promise<void> {
    this.logger.warn(`report ${data.reportId} failed: ${error.message}`);
    const message = error.name === 'AppException' || /[а-яё]/i.test(error.message) ? error.message : 'Не удалось сформировать отчёт. Попробуйте запросить его ещё раз.';
    await this.context.runInScope(data.scope, async () => {
      const tx = await this.context.manager();
      await tx.query(`update report_files set status = 'failed', error = left($2, 2000), finished_at = now() where id = $1 and status <> 'done'`, [data.reportId, message]);
    });
  }
}

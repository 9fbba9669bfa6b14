import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@nastavnik/platform/queue/job-queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportRenderer } from '../report-renderer';
import type { ReportKind } from '../report-file.entity';
import type { ReportParams } from '../report-request';

/** How long a job runs before its progress is written to the row too (BullMQ gets it at once). */
export const ROW_PROGRESS_AFTER_MS = 300;

export type ReportFileJobData = ScopedJobData & { reportId: string };
export type ReportFileJobResult = { reportId: string; status: 'done' | 'already-done'; bytes: number };

/**
 * Produces the file of one requested row under the requester's scope (the worker opens that
 * transaction around `handle`): a PDF report (`RenderReportJob`, queue `reports`) or a form
 * extract (`ProduceExtractJob`, queue `extracts`). Progress goes to BullMQ and, once the job has
 * run for a moment, in short transactions of its own to the row, so the client sees it while a
 * long job runs. The file is written by row id at the very end of the job's transaction: a worker
 * killed mid-render leaves no half file, the retried job writes it once, and a job that finds its
 * row already done does nothing.
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
    const [row] = await em.query(`select kind, parameters, status, compiler from report_files where id = $1`, [data.reportId]);
    if (!row) throw new Error(`report ${data.reportId} is not visible in the job's scope`);
    if (row.status === 'done') return { reportId: data.reportId, status: 'already-done', bytes: 0 };
    // Progress goes to BullMQ at once and to the row only once the job has run for
    // ROW_PROGRESS_AFTER_MS (then at most every 250 ms): a client polls the row every second or
    // so, and a short report (a school's: ~0.1 s) would only pay for a row it never shows. The
    // first row write marks the attempt (status 'running', started_at, attempts + 1); a job that
    // ends before it records its attempt in its last write instead (the file's, or the failure's).
    // Row writes are short transactions of their own on another connection, started and left
    // running; all are awaited before the file is written and before a failure is recorded, and
    // an error in any of them fails the job as before.
    const started = Date.now();
    let written = 0;
    let attemptRecorded = false;
    let pending: Promise<void> = Promise.resolve();
    let progressError: unknown = null;
    const rowWrite = (percent: number) => {
      const first = !attemptRecorded;
      attemptRecorded = true;
      return this.context.runInScope(data.scope, async () => {
        const tx = await this.context.manager();
        await tx.query(
          `update report_files set progress = greatest(progress, $2),
                  status = case when $3 then 'running' else status end,
                  started_at = case when $3 then $4::timestamptz else started_at end,
                  attempts = attempts + case when $3 then 1 else 0 end
            where id = $1 and status <> 'done'`,
          [data.reportId, percent, first, new Date(started)],
        );
      });
    };
    const progress = async (percent: number) => {
      const writes: Promise<unknown>[] = [job?.updateProgress(percent) ?? Promise.resolve()];
      const now = Date.now();
      if (now - started >= ROW_PROGRESS_AFTER_MS && now - written >= 250) {
        written = now;
        writes.push(rowWrite(percent));
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
      await progress(5);
      const file = await this.renderer.render(row.kind as ReportKind, row.parameters as ReportParams, (p) => progress(p), { compiler: row.compiler });
      await progress(90);
      await settled();
      await em.query(
        `update report_files set status = 'done', progress = 100, error = null, file_bytes = $2, content_type = $3, file_name = $4, finished_at = now(),
                started_at = case when $5 then started_at else $6::timestamptz end, attempts = attempts + case when $5 then 0 else 1 end
          where id = $1`,
        [data.reportId, file.bytes, file.contentType, file.fileName, attemptRecorded, new Date(started)],
      );
      return { reportId: data.reportId, status: 'done', bytes: file.bytes.length };
    } catch (error) {
      await pending; // the row's 'running' write lands before a 'failed' one
      const attempts = job?.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1;
      if (!attemptRecorded) await rowWrite(0).catch(() => undefined);
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

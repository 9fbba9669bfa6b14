import { Injectable } from '@nestjs/common';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { ReportFileJob } from './report-file.job';

export const RENDER_REPORT_JOB = 'render-report';

/**
 * Renders a requested PDF report (school, region) on the `reports` queue; see `ReportFileJob`.
 * It produces whatever kind its row names, so extract jobs enqueued on `reports` before extracts
 * got their own queue are still drained.
 */
@Injectable()
@QueueJob(QUEUES.reports, RENDER_REPORT_JOB)
export class RenderReportJob extends ReportFileJob {}

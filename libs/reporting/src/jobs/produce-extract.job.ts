import { Injectable } from '@nestjs/common';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { ReportFileJob } from './report-file.job';

export const PRODUCE_EXTRACT_JOB = 'produce-extract';

/**
 * Produces a federal statistical-form extract (XLSX/CSV) on the `extracts` queue, so that a
 * ministry-wide extract never waits behind regional PDFs (each queue has its own consumers);
 * the work itself is `ReportFileJob`'s.
 */
@Injectable()
@QueueJob(QUEUES.extracts, PRODUCE_EXTRACT_JOB)
export class ProduceExtractJob extends ReportFileJob {}

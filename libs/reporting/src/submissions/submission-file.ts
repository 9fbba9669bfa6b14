import type { EntityManager } from 'typeorm';
import { NotFoundException } from '@nastavnik/platform/errors/app.exceptions';
import { renderPdf } from '../render/pdf-engine';
import { type FrozenSubmission, submissionDocument } from './submission.document';

/** A frozen submission's PDF request: the version row it is rendered from. */
export type SubmissionReportParams = { submissionId: string; versionId: string; version: number; schoolYear: string };

/**
 * Renders the PDF of one submitted version from its frozen data (never from the live tables, so
 * later edits cannot change what was submitted), under the running scope (the submitting curator's).
 */
export async function renderSubmissionPdf(em: EntityManager, params: SubmissionReportParams): Promise<{ bytes: Buffer; shortName: string }> {
  const [row] = await em.query(`select data from report_submission_versions where id = $1 and submission_id = $2`, [params.versionId, params.submissionId]);
  if (!row) throw new NotFoundException('Представленная версия отчёта не найдена или недоступна.');
  const frozen = row.data as FrozenSubmission;
  return { bytes: await renderPdf(submissionDocument(frozen)), shortName: frozen.data.organisation.shortName };
}

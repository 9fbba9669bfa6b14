import type { ConsoleDataProvider } from '../dataProvider';

export type ReportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
export type ReportKind = 'SCHOOL_REPORT' | 'REGION_REPORT' | 'EXTRACT_XLSX' | 'EXTRACT_CSV';

/** A report or extract as the API's `Report` type returns it. */
export type Report = {
  id: string;
  kind: ReportKind;
  status: ReportStatus;
  progress: number;
  error: string | null;
  fileName: string | null;
  downloadUrl: string | null;
  tenantId: string | null;
  formCode: string | null;
  formVersion: string | null;
  /** JSON of the request: `{ period, regionId, formCode, formVersion }` for an extract. */
  parameters: string;
  requestedAt: string;
  finishedAt: string | null;
};

export const REPORT_FIELDS = 'id kind status progress error fileName downloadUrl tenantId formCode formVersion parameters requestedAt finishedAt';

/** How often an unfinished report is asked about. */
export const POLL_MS = 1500;

export function isFinished(report: Pick<Report, 'status'> | null | undefined): boolean {
  return report?.status === 'DONE' || report?.status === 'FAILED';
}

export function periodOf(report: Report): string | null {
  try {
    return (JSON.parse(report.parameters) as { period?: string }).period ?? null;
  } catch {
    return null;
  }
}

/**
 * Saves a finished report: `/reports/<id>/file` fetched with the bearer token (a plain link would
 * carry none), handed to the browser as a download under the file's Russian name.
 */
export async function downloadReport(dataProvider: ConsoleDataProvider, report: Report, fallbackName: string): Promise<void> {
  const blob = await dataProvider.fetchFile(report.downloadUrl ?? `/reports/${report.id}/file`);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = report.fileName ?? fallbackName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import type { ConsoleDataProvider } from '../dataProvider';

export type SubmissionStatus = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
export type SubmissionState = 'NOT_STARTED' | SubmissionStatus | 'OVERDUE';

export type SubmissionFile = { id: string; status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'; progress: number; error: string | null; fileName: string | null; downloadUrl: string | null };
export type SubmissionVersion = { id: string; version: number; submittedAt: string; note: string; reportId: string; file: SubmissionFile | null };
export type SubmissionEvent = { action: 'CREATED' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED'; actorRole: string; version: number; comment: string | null; at: string };
export type Submission = {
  id: string;
  tenantId: string;
  tenantName: string;
  schoolYear: string;
  status: SubmissionStatus;
  note: string | null;
  version: number;
  dueOn: string | null;
  overdue: boolean;
  updatedAt: string;
  versions: SubmissionVersion[];
  history: SubmissionEvent[];
};
export type SchoolSubmissionRow = {
  tenantId: string;
  tenantName: string;
  tenantCode: string;
  municipality: string | null;
  submissionId: string | null;
  state: SubmissionState;
  status: SubmissionStatus | null;
  overdue: boolean;
  dueOn: string | null;
  version: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  lastComment: string | null;
  reportId: string | null;
};

export const SUBMISSION_FIELDS = `id tenantId tenantName schoolYear status note version dueOn overdue updatedAt
  versions { id version submittedAt note reportId file { id status progress error fileName downloadUrl } }
  history { action actorRole version comment at }`;

export const ROW_FIELDS = 'tenantId tenantName tenantCode municipality submissionId state status overdue dueOn version submittedAt reviewedAt lastComment reportId';

/** How often an unfinished PDF is asked about. */
export const POLL_MS = 1500;

export const ruDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '—');
export const ruDateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';

/** Saves a frozen version's PDF (`/reports/<id>/file` with the bearer token) under its Russian name. */
export async function downloadSubmissionPdf(dataProvider: ConsoleDataProvider, reportId: string, fileName: string | null): Promise<void> {
  const blob = await dataProvider.fetchFile(`/reports/${reportId}/file`);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName ?? `otchet-rnc-${reportId}.pdf`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const STATE_COLOURS: Record<SubmissionState, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  NOT_STARTED: 'default',
  DRAFT: 'default',
  SUBMITTED: 'info',
  ACCEPTED: 'success',
  RETURNED: 'warning',
  OVERDUE: 'error',
};

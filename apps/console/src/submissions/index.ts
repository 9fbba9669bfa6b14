import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import type { ConsoleResource } from '../registry';
import { CuratorSubmissionPage } from './CuratorSubmissionPage';
import { RegionSubmissionsPage } from './RegionSubmissionsPage';

/**
 * «Отчёт в РНЦ»: the curator's yearly report to the regional mentoring centre (issue 13, item 2;
 * docs/adr/0034). The page is the resource's list view, so the menu entry and the access rule
 * follow from `access`.
 */
export const reportSubmission: ConsoleResource = {
  name: 'report-submission',
  graphqlType: 'ReportSubmission',
  icon: ForwardToInboxIcon,
  list: CuratorSubmissionPage,
  access: { curator: ['list'] },
  messages: { name: 'Отчёт в РНЦ |||| Отчёт в РНЦ', fields: {} },
};

/** «Отчёты школ»: the region analyst's table of the schools' yearly reports, by status and due date. */
export const schoolReportSubmissions: ConsoleResource = {
  name: 'school-report-submissions',
  graphqlType: 'SchoolReportSubmissionRow',
  icon: AssignmentTurnedInIcon,
  list: RegionSubmissionsPage,
  access: { 'region-analyst': ['list'] },
  messages: { name: 'Отчёты школ |||| Отчёты школ', fields: {} },
};

import type { MigrationInterface } from 'typeorm';
import { CreateReportFiles1795300400000 } from './1795300400000-create-report-files';
import { ReportFilesStoredUncompressed1795300410000 } from './1795300410000-report-files-stored-uncompressed';
import { DeclareReportPolicies1795301150000 } from './1795301150000-declare-report-policies';
import { CreateReportSubmissions1795302100000 } from './1795302100000-create-report-submissions';
import { ReportExtractCompiler1795302400000 } from './1795302400000-report-extract-compiler';

export const reportingMigrations: (new () => MigrationInterface)[] = [
  CreateReportFiles1795300400000,
  ReportFilesStoredUncompressed1795300410000,
  DeclareReportPolicies1795301150000,
  // The yearly report to the regional centre (issue 13, docs/adr/0034).
  CreateReportSubmissions1795302100000,
  // Who compiled a form extract, for its title block (issue 13, docs/adr/0037).
  ReportExtractCompiler1795302400000,
];

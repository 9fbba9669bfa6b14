import type { MigrationInterface } from 'typeorm';
import { CreateReportFiles1795300400000 } from './1795300400000-create-report-files';
import { ReportFilesStoredUncompressed1795300410000 } from './1795300410000-report-files-stored-uncompressed';
import { DeclareReportPolicies1795301150000 } from './1795301150000-declare-report-policies';

export const reportingMigrations: (new () => MigrationInterface)[] = [CreateReportFiles1795300400000, ReportFilesStoredUncompressed1795300410000, DeclareReportPolicies1795301150000];

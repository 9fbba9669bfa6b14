import type { MigrationInterface } from 'typeorm';
import { CreateReportFiles1795300400000 } from './1795300400000-create-report-files';

export const reportingMigrations: (new () => MigrationInterface)[] = [CreateReportFiles1795300400000];

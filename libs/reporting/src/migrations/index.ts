import type { MigrationInterface } from 'typeorm';

export const reportingMigrations: (new () => MigrationInterface)[] = [];

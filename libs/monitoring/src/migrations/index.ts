import type { MigrationInterface } from 'typeorm';

export const monitoringMigrations: (new () => MigrationInterface)[] = [];

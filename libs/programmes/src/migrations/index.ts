import type { MigrationInterface } from 'typeorm';

export const programmesMigrations: (new () => MigrationInterface)[] = [];

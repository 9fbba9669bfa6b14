import type { MigrationInterface } from 'typeorm';

export const participantsMigrations: (new () => MigrationInterface)[] = [];

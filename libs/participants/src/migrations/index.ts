import type { MigrationInterface } from 'typeorm';
import { CreateParticipants1795300100000 } from './1795300100000-create-participants';

export const participantsMigrations: (new () => MigrationInterface)[] = [CreateParticipants1795300100000];

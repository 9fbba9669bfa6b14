import type { MigrationInterface } from 'typeorm';
import { CreateParticipants1795300100000 } from './1795300100000-create-participants';
import { PublishParticipantReadModels1795301010000 } from './1795301010000-publish-participant-read-models';
import { DeclareParticipantPolicies1795301110000 } from './1795301110000-declare-participant-policies';
import { KeyParticipantsByTenant1795301210000 } from './1795301210000-key-participants-by-tenant';
import { CreateParticipantImportMappings1795301300000 } from './1795301300000-create-participant-import-mappings';
import { CreateParticipantErasures1795301600000 } from './1795301600000-create-participant-erasures';

export const participantsMigrations: (new () => MigrationInterface)[] = [CreateParticipants1795300100000, PublishParticipantReadModels1795301010000, DeclareParticipantPolicies1795301110000, KeyParticipantsByTenant1795301210000, CreateParticipantImportMappings1795301300000, CreateParticipantErasures1795301600000];

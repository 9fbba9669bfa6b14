import type { MigrationInterface } from 'typeorm';
import { CreateReferenceData1795300200000 } from './1795300200000-create-reference-data';
import { SeedReferenceData1795300201000 } from './1795300201000-seed-reference-data';
import { CreateProgrammes1795300210000 } from './1795300210000-create-programmes';
import { CreatePairs1795300220000 } from './1795300220000-create-pairs';
import { PublishProgrammeReadModels1795301020000 } from './1795301020000-publish-programme-read-models';
import { DeclareProgrammePolicies1795301120000 } from './1795301120000-declare-programme-policies';
import { KeyProgrammesByTenant1795301220000 } from './1795301220000-key-programmes-by-tenant';
import { RegionReadsRoadmaps1795302010000 } from './1795302010000-region-reads-roadmaps';
import { CreateCompletionStage1795302300000 } from './1795302300000-create-completion-stage';

export const programmesMigrations: (new () => MigrationInterface)[] = [
  CreateReferenceData1795300200000,
  SeedReferenceData1795300201000,
  CreateProgrammes1795300210000,
  CreatePairs1795300220000,
  PublishProgrammeReadModels1795301020000,
  DeclareProgrammePolicies1795301120000,
  KeyProgrammesByTenant1795301220000,
  // A region analyst reads its schools' roadmaps; their execution by stage (issue 13, docs/adr/0033).
  RegionReadsRoadmaps1795302010000,
  // The completion stage: mentors' nominations, regional competitions, the bank of practices (issue 13, docs/adr/0036).
  CreateCompletionStage1795302300000,
];

import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { CreateProgrammeScorecardInput, ProgrammeScorecardListArgs, UpdateProgrammeScorecardInput } from './dtos/scorecard.inputs';
import { ProgrammeScorecardEntity, SCORECARD_INDICATORS, ScorecardIndicator } from './scorecard.entity';
import { ScorecardService } from './scorecard.service';

/** A school's own assessments; regions will read only the aggregated distribution of levels. */
const ROLES = ['curator', 'platform-admin'] as const;
const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;

@Resolver(() => ProgrammeScorecardEntity)
export class ScorecardResolver extends crudResolver({
  entity: ProgrammeScorecardEntity,
  names: { many: 'ProgrammeScorecards', one: 'ProgrammeScorecard' },
  listArgs: ProgrammeScorecardListArgs,
  create: CreateProgrammeScorecardInput,
  update: UpdateProgrammeScorecardInput,
  delete: true,
  roles: { read: ROLES, write: ROLES },
  service: ScorecardService,
}) {
  @Roles(...READERS)
  @Query(() => [ScorecardIndicator], { description: 'Показатели эффективности E1–E9 (критерии и формулировки)' })
  scorecardIndicators(): ScorecardIndicator[] {
    return SCORECARD_INDICATORS;
  }
}

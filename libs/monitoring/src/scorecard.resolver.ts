import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { CreateProgrammeScorecardInput, ProgrammeScorecardListArgs, UpdateProgrammeScorecardInput } from './dtos/scorecard.inputs';
import { ProgrammeScorecardEntity, SCORECARD_INDICATORS, ScorecardIndicator } from './scorecard.entity';
import { ScorecardService } from './scorecard.service';

/** A school's own assessments; regions will read only the aggregated distribution of levels. */
const ROLES = ['curator', 'platform-admin'] as const;
const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;

@Resolver(() => ProgrammeScorecardEntity)
export class ScorecardResolver {
  constructor(private readonly scorecards: ScorecardService) {}

  @Roles(...READERS)
  @Query(() => [ScorecardIndicator], { description: 'Показатели эффективности E1–E9 (критерии и формулировки)' })
  scorecardIndicators(): ScorecardIndicator[] {
    return SCORECARD_INDICATORS;
  }

  @Roles(...ROLES)
  @Query(() => [ProgrammeScorecardEntity])
  allProgrammeScorecards(@Args() args: ProgrammeScorecardListArgs): Promise<ProgrammeScorecardEntity[]> {
    return this.scorecards.list(args, args.filter);
  }

  @Roles(...ROLES)
  @Query(() => ListMetadata)
  async _allProgrammeScorecardsMeta(@Args() args: ProgrammeScorecardListArgs): Promise<ListMetadata> {
    return { count: await this.scorecards.count(args.filter) };
  }

  @Roles(...ROLES)
  @Query(() => ProgrammeScorecardEntity, { name: 'ProgrammeScorecard' })
  programmeScorecard(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ProgrammeScorecardEntity> {
    return this.scorecards.get(id);
  }

  @Roles(...ROLES)
  @Mutation(() => ProgrammeScorecardEntity)
  createProgrammeScorecard(@Args('input') input: CreateProgrammeScorecardInput): Promise<ProgrammeScorecardEntity> {
    return this.scorecards.create(input);
  }

  @Roles(...ROLES)
  @Mutation(() => ProgrammeScorecardEntity)
  updateProgrammeScorecard(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateProgrammeScorecardInput): Promise<ProgrammeScorecardEntity> {
    return this.scorecards.update(id, input);
  }

  @Roles(...ROLES)
  @Mutation(() => ProgrammeScorecardEntity)
  deleteProgrammeScorecard(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ProgrammeScorecardEntity> {
    return this.scorecards.remove(id);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { OutcomeService } from './outcome.service';
import { ProgrammeOutcomesArgs, SchoolOutcomesType } from './outcome.types';

@Resolver()
export class OutcomeResolver {
  constructor(private readonly outcomes: OutcomeService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => SchoolOutcomesType, { description: 'Результаты программ организации: сравнение «до/после» по вопросам и отклик на анкеты' })
  schoolOutcomes(@Args() args: ProgrammeOutcomesArgs): Promise<SchoolOutcomesType> {
    return this.outcomes.school(args.period, args.tenantId);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { OutcomeService } from './outcome.service';
import { ProgrammeOutcomesArgs, RegionOutcomesArgs, RegionOutcomesType, SchoolOutcomesType } from './outcome.types';
import { RegionOutcomeService } from './region-outcome.service';

@Resolver()
export class OutcomeResolver {
  constructor(
    private readonly outcomes: OutcomeService,
    private readonly regions: RegionOutcomeService,
  ) {}

  @Roles('curator', 'platform-admin')
  @Query(() => SchoolOutcomesType, { description: 'Результаты программ организации: сравнение «до/после» по вопросам и отклик на анкеты' })
  schoolOutcomes(@Args() args: ProgrammeOutcomesArgs): Promise<SchoolOutcomesType> {
    return this.outcomes.school(args.period, args.tenantId);
  }

  @Roles('region-analyst', 'ministry-official', 'platform-admin')
  @Query(() => RegionOutcomesType, { description: 'Результаты «до/после» по региону или муниципалитету: суммы по организациям, группы меньше 3 пар — «мало ответов»' })
  regionOutcomes(@Args() args: RegionOutcomesArgs): Promise<RegionOutcomesType> {
    return this.regions.region(args.period, args.parentId);
  }
}

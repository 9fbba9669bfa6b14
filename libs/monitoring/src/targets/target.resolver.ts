import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { TargetService } from './target.service';
import { IndicatorTargetsArgs, IndicatorTargetType, RemoveIndicatorTargetArgs, SetIndicatorTargetInput } from './target.types';

/** Who sets a region's targets: its analyst and the platform admin; curators and the ministry read them. */
const SETTERS = ['region-analyst', 'platform-admin'] as const;

@Resolver()
export class TargetResolver {
  constructor(private readonly targets: TargetService) {}

  @Roles(...SETTERS, 'ministry-official', 'curator')
  @Query(() => [IndicatorTargetType], { description: 'Целевые значения показателей на учебный год (региона и муниципалитетов)' })
  indicatorTargets(@Args() args: IndicatorTargetsArgs): Promise<IndicatorTargetType[]> {
    return this.targets.list(args);
  }

  @Roles(...SETTERS)
  @Mutation(() => IndicatorTargetType, { description: 'Установить цель показателя для региона или муниципалитета на учебный год' })
  setIndicatorTarget(@Args('input') input: SetIndicatorTargetInput): Promise<IndicatorTargetType> {
    return this.targets.set(input);
  }

  @Roles(...SETTERS)
  @Mutation(() => IndicatorTargetType, { description: 'Снять цель (действует цель уровнем выше или цель по умолчанию)' })
  removeIndicatorTarget(@Args() args: RemoveIndicatorTargetArgs): Promise<IndicatorTargetType> {
    return this.targets.remove(args.id);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { RegionComparisonArgs } from './region-comparison.args';
import { RegionComparisonService } from './region-comparison.service';
import { RegionComparisonType } from './region-comparison.types';

/** The ministry's comparison of regions (aggregates only): the federal level's home page. */
@Resolver(() => RegionComparisonType)
export class RegionComparisonResolver {
  constructor(private readonly service: RegionComparisonService) {}

  @Roles('platform-admin', 'ministry-official')
  @Query(() => RegionComparisonType, { description: 'Регионы по показателям целевой модели за учебный год и итог по Российской Федерации' })
  regionComparison(@Args() args: RegionComparisonArgs): Promise<RegionComparisonType> {
    return this.service.compare(args.period);
  }
}

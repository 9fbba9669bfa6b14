import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { IndicatorQueryService } from './indicator-query.service';
import { IndicatorComparisonArgs, IndicatorTableArgs, IndicatorTrendArgs, IndicatorValuesArgs, RequestRecomputeArgs } from './dtos/indicator.inputs';
import { IndicatorComparisonType, IndicatorDefinitionType, IndicatorTableType, IndicatorTrendPointType, IndicatorValueType } from './indicator.types';

const ANALYSTS = ['platform-admin', 'ministry-official', 'region-analyst'] as const;

@Resolver()
export class IndicatorResolver {
  constructor(private readonly indicators: IndicatorQueryService) {}

  @Roles(...ANALYSTS, 'curator')
  @Query(() => [IndicatorDefinitionType], { description: 'Целевые показатели' })
  indicatorDefinitions(): IndicatorDefinitionType[] {
    return this.indicators.definitions();
  }

  @Roles(...ANALYSTS, 'curator')
  @Query(() => [IndicatorValueType], { description: 'Показатели организации за период (по умолчанию своей)' })
  indicatorValues(@Args() args: IndicatorValuesArgs): Promise<IndicatorValueType[]> {
    return this.indicators.values(args.period, args.tenantId);
  }

  @Roles(...ANALYSTS)
  @Query(() => IndicatorComparisonType, { description: 'Сравнение организаций региона или муниципалитета' })
  indicatorComparison(@Args() args: IndicatorComparisonArgs): Promise<IndicatorComparisonType> {
    return this.indicators.comparison(args.period, args.code, args.parentId);
  }

  @Roles(...ANALYSTS)
  @Query(() => IndicatorTableType, { description: 'Таблица: организации региона или муниципалитета × выбранные показатели' })
  indicatorTable(@Args() args: IndicatorTableArgs): Promise<IndicatorTableType> {
    return this.indicators.table(args.period, args.codes, args.parentId);
  }

  @Roles(...ANALYSTS, 'curator')
  @Query(() => [IndicatorTrendPointType], { description: 'Динамика показателя по учебным годам' })
  indicatorTrend(@Args() args: IndicatorTrendArgs): Promise<IndicatorTrendPointType[]> {
    return this.indicators.trend(args.code, args.parentId);
  }

  @Roles('curator')
  @Mutation(() => Boolean, { description: 'Запросить пересчёт показателей своей организации' })
  requestIndicatorRecompute(@Args() args: RequestRecomputeArgs): Promise<boolean> {
    return this.indicators.requestRecompute(args.period);
  }
}

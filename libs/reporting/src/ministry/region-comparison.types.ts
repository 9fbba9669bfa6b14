import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** One indicator's figures for a region (or the all-Russia total): Σnumerator, Σdenominator, the value. */
@ObjectType('RegionIndicatorFigure', { description: 'Показатель региона: сумма числителей и знаменателей по организациям и значение' })
export class RegionIndicatorFigureType {
  @Field({ description: 'Код показателя' }) code!: string;
  @Field(() => Int, { description: 'Сумма числителей' }) numerator!: number;
  @Field(() => Int, { nullable: true, description: 'Сумма знаменателей (для процентов)' }) denominator!: number | null;
  @Field(() => Float, { nullable: true, description: 'Значение: процент (Σчисл. / Σзнам.) или численность; пусто при нулевом знаменателе' }) value!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Ниже целевого значения (если цель задана)' }) belowTarget!: boolean | null;
}

/** A region's line of the comparison (aggregates only). */
@ObjectType('RegionFigures', { description: 'Регион в сравнении: организации и показатели (только агрегаты)' })
export class RegionFiguresType {
  @Field(() => ID, { nullable: true, description: 'Регион; пусто — итог по Российской Федерации' }) regionId!: string | null;
  @Field({ description: 'Краткое наименование' }) name!: string;
  @Field({ description: 'Полное наименование' }) fullName!: string;
  @Field(() => Int, { description: 'Организаций в регионе' }) organisations!: number;
  @Field(() => Int, { description: 'Организаций с рассчитанными показателями за период' }) reporting!: number;
  @Field(() => [RegionIndicatorFigureType]) figures!: RegionIndicatorFigureType[];
}

/** An indicator of the comparison, with its default target. */
@ObjectType('RegionComparisonIndicator', { description: 'Показатель сравнения регионов' })
export class RegionComparisonIndicatorType {
  @Field() code!: string;
  @Field() title!: string;
  @Field() shortTitle!: string;
  @Field({ description: 'percent или count' }) unit!: string;
  @Field(() => Float, { nullable: true, description: 'Целевое значение по умолчанию' }) target!: number | null;
  @Field(() => String, { nullable: true, description: 'at_least или at_most' }) targetDirection!: string | null;
}

/** The ministry's home page: every region in scope on the target-model indicators, and the total. */
@ObjectType('RegionComparison', { description: 'Сравнение регионов по показателям целевой модели (для министерства)' })
export class RegionComparisonType {
  @Field() period!: string;
  @Field(() => [RegionComparisonIndicatorType]) indicators!: RegionComparisonIndicatorType[];
  @Field(() => [RegionFiguresType], { description: 'Каждый регион в области видимости, по наименованию; без данных — нули' }) regions!: RegionFiguresType[];
  @Field(() => RegionFiguresType, { description: 'Итог по Российской Федерации (по регионам сравнения)' }) total!: RegionFiguresType;
}

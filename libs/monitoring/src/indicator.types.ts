import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DenominatorSource } from './contingent/contingent.types';

@ObjectType('IndicatorDefinition', { description: 'Целевой показатель модели наставничества' })
export class IndicatorDefinitionType {
  @Field() code!: string;
  @Field() title!: string;
  @Field() shortTitle!: string;
  @Field({ description: 'percent или count' }) unit!: string;
  @Field(() => Float, { nullable: true, description: 'Целевое значение по умолчанию' }) defaultTarget!: number | null;
  @Field() source!: string;
}

@ObjectType('IndicatorValue', { description: 'Значение показателя организации (или свода) за период' })
export class IndicatorValueType {
  @Field(() => ID) tenantId!: string;
  @Field() tenantName!: string;
  @Field(() => ID, { nullable: true, description: 'Муниципалитет организации' }) municipalityId!: string | null;
  @Field(() => String, { nullable: true }) municipalityName!: string | null;
  @Field() code!: string;
  @Field() period!: string;
  @Field(() => Int) numerator!: number;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Int, { nullable: true, description: 'Процент (целый, округление половины вверх) или количество' }) value!: number | null;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Ниже цели' }) belowTarget!: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Место в рейтинге (1 — лучшее; равные значения делят место: 1, 1, 3; без данных — не ранжируется)' }) rank!: number | null;
  @Field(() => Date, { nullable: true }) computedAt!: Date | null;
  @Field(() => DenominatorSource, { nullable: true, description: 'Знаменатель по контингенту организации или по зарегистрированным участникам (пусто — знаменатель не численность: T3, T4, количества)' })
  denominatorSource!: DenominatorSource | null;
}

@ObjectType('IndicatorAggregate', { description: 'Свод: Σ числителей / Σ знаменателей' })
export class IndicatorAggregateType {
  @Field(() => ID) tenantId!: string;
  @Field() name!: string;
  @Field(() => Int) organisations!: number;
  @Field(() => Int) numerator!: number;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Int, { nullable: true }) value!: number | null;
}

@ObjectType('IndicatorComparison', { description: 'Сравнение организаций по показателю' })
export class IndicatorComparisonType {
  @Field(() => IndicatorDefinitionType) indicator!: IndicatorDefinitionType;
  @Field() period!: string;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => [IndicatorValueType], { description: 'Рейтинг организаций: по месту, затем организации без данных (место пусто)' }) organisations!: IndicatorValueType[];
  @Field(() => [IndicatorValueType], { description: 'Организации ниже цели' }) belowTarget!: IndicatorValueType[];
  @Field(() => [IndicatorAggregateType], { description: 'Муниципалитеты' }) municipalities!: IndicatorAggregateType[];
  @Field(() => IndicatorAggregateType, { nullable: true, description: 'Итого по выбранному узлу' }) total!: IndicatorAggregateType | null;
  @Field(() => [ScorecardLevelCountType], { description: 'Распределение программ по уровням эффективности' }) scorecardLevels!: ScorecardLevelCountType[];
}

@ObjectType('ScorecardLevelCount', { description: 'Программы на уровне эффективности (шкала E1–E9)' })
export class ScorecardLevelCountType {
  @Field({ description: 'optimal, acceptable или unacceptable' }) level!: string;
  @Field() title!: string;
  @Field(() => Int) programmes!: number;
}

@ObjectType('IndicatorTrendPoint', { description: 'Значение за учебный год; год без данных — точка без значения (разрыв линии)' })
export class IndicatorTrendPointType {
  @Field() period!: string;
  @Field(() => Int, { nullable: true, description: 'Нет данных за год — пусто' }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Int, { nullable: true }) value!: number | null;
  @Field(() => Int) organisations!: number;
}

@ObjectType('IndicatorTableRow', { description: 'Строка таблицы показателей: организация и значения выбранных показателей' })
export class IndicatorTableRowType {
  @Field(() => ID) tenantId!: string;
  @Field() tenantName!: string;
  @Field(() => ID, { nullable: true }) municipalityId!: string | null;
  @Field(() => String, { nullable: true }) municipalityName!: string | null;
  @Field(() => [IndicatorValueType], { description: 'По одному значению на выбранный показатель, в порядке выбора' }) cells!: IndicatorValueType[];
}

@ObjectType('IndicatorTable', { description: 'Организации × выбранные показатели' })
export class IndicatorTableType {
  @Field() period!: string;
  @Field(() => [IndicatorDefinitionType]) indicators!: IndicatorDefinitionType[];
  @Field(() => [IndicatorTableRowType]) rows!: IndicatorTableRowType[];
}

import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IdField, ReportingPeriodField } from '@nastavnik/platform/graphql/input-fields';
import { IndicatorValueType, ScorecardLevelCountType } from '../indicator.types';

@ObjectType('SurveyResponseRate', { description: 'Доля ответивших рядом с опросным показателем (T3, T4): ответившие ÷ участники роли' })
export class SurveyResponseRateType {
  @Field({ description: 'Показатель: T3 или T4' }) code!: string;
  @Field({ description: 'Кто отвечает: наставляемые или наставники' }) roleTitle!: string;
  @Field(() => Int, { description: 'Ответили на анкету удовлетворённости за год' }) respondents!: number;
  @Field(() => Int, { description: 'Участники роли в программах за год' }) participants!: number;
  @Field(() => Int, { nullable: true, description: 'Процент ответивших (целый, половина вверх); нет участников — пусто' }) rate!: number | null;
}

@ObjectType('RoadmapStageExecution', { description: 'Исполнение дорожной карты по этапу: количество мероприятий в каждом состоянии' })
export class RoadmapStageExecutionType {
  @Field(() => String, { nullable: true, description: 'Код этапа; пусто — мероприятия без этапа' }) stageCode!: string | null;
  @Field() stageTitle!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) planned!: number;
  @Field(() => Int) notDone!: number;
  @Field(() => Int, { description: 'Просрочены: срок окончания прошёл, мероприятие не выполнено и не отмечено невыполненным' }) overdue!: number;
}

@ObjectType('RoadmapExecution', { description: 'Исполнение дорожной карты организации за учебный год' })
export class RoadmapExecutionType {
  @Field(() => Int) total!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) planned!: number;
  @Field(() => Int) notDone!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => [RoadmapStageExecutionType]) stages!: RoadmapStageExecutionType[];
}

@ObjectType('DataFreshness', { description: 'Когда данные раздела организации менялись в последний раз' })
export class DataFreshnessType {
  @Field({ description: 'participants, pairs, meetings, questionnaires или roadmap' }) area!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'Дата последнего изменения (ГГГГ-ММ-ДД); пусто — данных нет' }) changedOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Дней с последнего изменения' }) daysAgo!: number | null;
}

/** Карточка организации для региона: только агрегаты, без персональных данных. */
@ObjectType('SchoolCard', { description: 'Карточка организации для региона: показатели, цели, отклик, эффективность программ, дорожная карта, свежесть данных' })
export class SchoolCardType {
  @Field(() => ID) tenantId!: string;
  @Field() shortName!: string;
  @Field() fullName!: string;
  @Field(() => ID, { nullable: true }) municipalityId!: string | null;
  @Field(() => String, { nullable: true }) municipalityName!: string | null;
  @Field() period!: string;
  @Field(() => [IndicatorValueType], { description: 'Целевые показатели организации: числитель, знаменатель, значение, цель' }) indicators!: IndicatorValueType[];
  @Field(() => [SurveyResponseRateType]) responseRates!: SurveyResponseRateType[];
  @Field(() => [ScorecardLevelCountType], { description: 'Программы организации по уровням эффективности' }) scorecardLevels!: ScorecardLevelCountType[];
  @Field(() => RoadmapExecutionType, { nullable: true, description: 'Нет мероприятий дорожной карты на год — пусто' }) roadmap!: RoadmapExecutionType | null;
  @Field(() => [DataFreshnessType]) freshness!: DataFreshnessType[];
  @Field(() => Date, { nullable: true, description: 'Когда показатели пересчитаны' }) indicatorsComputedAt!: Date | null;
}

@ArgsType()
export class SchoolCardArgs {
  @IdField('Организация') tenantId!: string;
  @ReportingPeriodField() period!: string;
}

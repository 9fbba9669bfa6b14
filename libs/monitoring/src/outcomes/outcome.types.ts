import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IdField, ReportingPeriodField } from '@nastavnik/platform/graphql/input-fields';
import { QuestionKind, RespondentRole } from '../questionnaire.codes';

/** Phases a response rate is counted for: before, after, and questionnaires outside the pair (satisfaction, feedback). */
export type RatePhase = 'pre' | 'post' | 'none';

@ArgsType()
export class ProgrammeOutcomesArgs {
  @ReportingPeriodField() period!: string;
  @IdField('Организация', { optional: true, description: 'Организация; по умолчанию своя (администратору платформы — обязательно)' }) tenantId?: string;
}

@ObjectType('OutcomeOptionShift', { description: 'Вариант закрытого вопроса: сколько участников пар «до/после» выбрали его до и после' })
export class OutcomeOptionShiftType {
  @Field() label!: string;
  @Field(() => Int, { description: 'Выбрали во входной анкете (среди участников пар)' }) before!: number;
  @Field(() => Int, { description: 'Выбрали в итоговой анкете (среди участников пар)' }) after!: number;
}

@ObjectType('OutcomeQuestion', { description: 'Сравнение «до/после» по одному вопросу: пары по участнику и неспаренные ответы' })
export class OutcomeQuestionType {
  @Field({ description: 'Ключ вопроса (роль и текст): один и тот же вопрос входной и итоговой анкеты' }) key!: string;
  @Field(() => RespondentRole) role!: RespondentRole;
  @Field(() => QuestionKind) kind!: QuestionKind;
  @Field({ description: 'Текст вопроса (итоговой анкеты)' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Подсказка (параметр оценки)' }) hint!: string | null;
  @Field(() => Int, { nullable: true }) scaleMin!: number | null;
  @Field(() => Int, { nullable: true }) scaleMax!: number | null;
  @Field(() => Int, { description: 'Участников, ответивших и до, и после (пары)' }) pairs!: number;
  @Field(() => Float, { nullable: true, description: 'Среднее «до» по парам' }) meanBefore!: number | null;
  @Field(() => Float, { nullable: true, description: 'Среднее «после» по парам' }) meanAfter!: number | null;
  @Field(() => Float, { nullable: true, description: 'Среднее изменение (после − до) по парам' }) meanChange!: number | null;
  @Field(() => Int, { description: 'Ответили только до (без итоговой анкеты)' }) onlyBefore!: number;
  @Field(() => Int, { description: 'Ответили только после (без входной анкеты)' }) onlyAfter!: number;
  @Field(() => [OutcomeOptionShiftType], { description: 'Закрытые вопросы: распределение вариантов до и после (по парам)' }) options!: OutcomeOptionShiftType[];
}

@ObjectType('QuestionnaireResponseRate', { description: 'Отклик на анкеты: ответы ÷ выданные ссылки и ÷ участники программы' })
export class ResponseRateType {
  @Field(() => RespondentRole) role!: RespondentRole;
  @Field({ description: 'pre — входные, post — итоговые, none — вне «до/после» (удовлетворённость, обратная связь)' }) phase!: string;
  @Field(() => Int, { description: 'Участников, которым выдана ссылка' }) linksIssued!: number;
  @Field(() => Int, { description: 'Из них ответили по ссылке' }) answeredByLink!: number;
  @Field(() => Int, { description: 'Ответивших всего (по ссылке и внесённых куратором)' }) respondents!: number;
  @Field(() => Int, { description: 'Участников программы в этой роли (наставляемых или наставников начатых пар)' }) participants!: number;
  @Field(() => Int, { nullable: true, description: 'Ответили по ссылке ÷ выдано ссылок, % (целый)' }) linkRate!: number | null;
  @Field(() => Int, { nullable: true, description: 'Ответивших ÷ участников, % (целый)' }) participantRate!: number | null;
}

@ObjectType('ProgrammeOutcome', { description: 'Результаты программы: сравнение «до/после» и отклик на анкеты' })
export class ProgrammeOutcomeType {
  @Field(() => ID, { nullable: true, description: 'Программа; пусто — анкеты года, внесённые без указания программы' }) programmeId!: string | null;
  @Field() title!: string;
  @Field(() => [OutcomeQuestionType]) questions!: OutcomeQuestionType[];
  @Field(() => [ResponseRateType]) responseRates!: ResponseRateType[];
}

@ObjectType('SchoolOutcomes', { description: 'Результаты наставничества организации за учебный год' })
export class SchoolOutcomesType {
  @Field(() => ID) tenantId!: string;
  @Field() period!: string;
  @Field(() => [ProgrammeOutcomeType]) programmes!: ProgrammeOutcomeType[];
  @Field(() => [ResponseRateType], { description: 'Отклик по организации (различные участники всех программ года)' }) responseRates!: ResponseRateType[];
  @Field(() => ResponseRateType, { nullable: true, description: 'Анкета удовлетворённости наставляемых (рядом с T3)' }) satisfactionMentees!: ResponseRateType | null;
  @Field(() => ResponseRateType, { nullable: true, description: 'Анкета удовлетворённости наставников (рядом с T4)' }) satisfactionMentors!: ResponseRateType | null;
}

@ArgsType()
export class RegionOutcomesArgs {
  @ReportingPeriodField() period!: string;
  @IdField('Регион или муниципалитет', { optional: true, description: 'Регион или муниципалитет; по умолчанию свой' }) parentId?: string;
}

@ObjectType('RegionOutcomeQuestion', { description: 'Сравнение «до/после» по вопросу в сумме по организациям (без персональных данных); меньше 3 пар — «мало ответов»' })
export class RegionOutcomeQuestionType {
  @Field(() => RespondentRole) role!: RespondentRole;
  @Field({ description: 'Текст вопроса (итоговой анкеты по умолчанию)' }) text!: string;
  @Field(() => String, { nullable: true }) hint!: string | null;
  @Field(() => Int, { nullable: true }) scaleMax!: number | null;
  @Field(() => Int, { description: 'Организаций, где есть пары' }) organisations!: number;
  @Field(() => Int, { description: 'Пар (участников с ответами до и после)' }) pairs!: number;
  @Field({ description: 'Меньше 3 пар: средние не показываются («мало ответов»)' }) tooFew!: boolean;
  @Field(() => Float, { nullable: true }) meanBefore!: number | null;
  @Field(() => Float, { nullable: true }) meanAfter!: number | null;
  @Field(() => Float, { nullable: true }) meanChange!: number | null;
  @Field(() => Int) onlyBefore!: number;
  @Field(() => Int) onlyAfter!: number;
}

@ObjectType('RegionOutcomes', { description: 'Результаты наставничества «до/после» по региону или муниципалитету: суммы по организациям' })
export class RegionOutcomesType {
  @Field(() => ID, { nullable: true }) nodeId!: string | null;
  @Field() name!: string;
  @Field() period!: string;
  @Field(() => Date, { nullable: true, description: 'Когда суммы рассчитаны' }) computedAt!: Date | null;
  @Field(() => [RegionOutcomeQuestionType]) questions!: RegionOutcomeQuestionType[];
}

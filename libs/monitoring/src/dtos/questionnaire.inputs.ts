import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsAcademicYear, IsCleanText, Nullable } from '@nastavnik/platform/graphql/validators';
import { LinkStatus, QuestionKind, QuestionnaireInstrument, QuestionnairePhase, RespondentRole, ResponseChannel } from '../questionnaire.codes';

const CODE_MESSAGE = 'Код анкеты: от 2 до 60 символов — строчные латинские буквы, цифры, «-» и «_», начинается с буквы или цифры.';
const FORM_CODE_MESSAGE = 'Код формы наставничества: заглавные латинские буквы, цифры и «_» (например, STUDENT_STUDENT).';
const ID_MESSAGE = 'Некорректный идентификатор записи.';

// ---------------------------------------------------------------- questions

@InputType({ description: 'Вариант ответа закрытого вопроса' })
export class QuestionOptionInput {
  @Field(() => String, { nullable: true, description: 'Код варианта (строчные латинские буквы, цифры, «_»); не указан — присваивается' })
  @Nullable()
  @IsString({ message: 'Код варианта должен быть строкой.' })
  @MaxLength(40, { message: 'Код варианта — не длиннее 40 символов.' })
  @IsCleanText()
  code?: string | null;

  @Field({ description: 'Текст варианта' })
  @IsString({ message: 'Укажите текст варианта ответа.' })
  @MaxLength(300, { message: 'Текст варианта ответа — не длиннее 300 символов.' })
  @IsCleanText()
  label!: string;

  @Field(() => Boolean, { nullable: true, description: 'Для вопроса удовлетворённости: выбор этого варианта означает «удовлетворён»' })
  @Nullable()
  @IsBoolean({ message: 'Отметка «удовлетворён» — да или нет.' })
  satisfied?: boolean | null;
}

/** The fields of a question, shared by the create and update inputs. */
@InputType({ isAbstract: true })
class QuestionFields {
  @Field(() => Int, { nullable: true, description: 'Место в анкете (1 — первый); не указано — в конец' })
  @Nullable()
  @IsInt({ message: 'Номер вопроса — целое число.' })
  @Min(1, { message: 'Номер вопроса — от 1.' })
  @Max(1000, { message: 'Номер вопроса — не больше 1000.' })
  position?: number | null;

  @Field(() => String, { nullable: true, description: 'Подсказка' })
  @Nullable()
  @IsString({ message: 'Подсказка должна быть строкой.' })
  @MaxLength(1000, { message: 'Подсказка — не длиннее 1000 символов.' })
  @IsCleanText()
  hint?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Обязательный (по умолчанию да)' })
  @Nullable()
  @IsBoolean({ message: 'Обязательность — да или нет.' })
  required?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Шкала: наименьшая оценка (по умолчанию 1)' })
  @Nullable()
  @IsInt({ message: 'Границы шкалы — целые числа.' })
  @Min(0, { message: 'Границы шкалы — от 0 до 100.' })
  @Max(100, { message: 'Границы шкалы — от 0 до 100.' })
  scaleMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Шкала: наибольшая оценка (по умолчанию 10)' })
  @Nullable()
  @IsInt({ message: 'Границы шкалы — целые числа.' })
  @Min(0, { message: 'Границы шкалы — от 0 до 100.' })
  @Max(100, { message: 'Границы шкалы — от 0 до 100.' })
  scaleMax?: number | null;

  @Field(() => String, { nullable: true, description: 'Подпись наименьшей оценки' })
  @Nullable()
  @IsString({ message: 'Подпись шкалы должна быть строкой.' })
  @MaxLength(200, { message: 'Подпись шкалы — не длиннее 200 символов.' })
  @IsCleanText()
  minLabel?: string | null;

  @Field(() => String, { nullable: true, description: 'Подпись наибольшей оценки' })
  @Nullable()
  @IsString({ message: 'Подпись шкалы должна быть строкой.' })
  @MaxLength(200, { message: 'Подпись шкалы — не длиннее 200 символов.' })
  @IsCleanText()
  maxLabel?: string | null;

  @Field(() => [QuestionOptionInput], { nullable: true, description: 'Варианты ответа закрытого вопроса' })
  @Nullable()
  @IsArray({ message: 'Варианты ответа — список.' })
  @ArrayMaxSize(50, { message: 'Вариантов ответа — не больше 50.' })
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionInput)
  options?: QuestionOptionInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Это вопрос удовлетворённости (в анкете он один; отметка снимается с прежнего)' })
  @Nullable()
  @IsBoolean({ message: 'Отметка вопроса удовлетворённости — да или нет.' })
  isSatisfaction?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Для вопроса удовлетворённости со шкалой: оценка, начиная с которой респондент удовлетворён' })
  @Nullable()
  @IsInt({ message: 'Порог удовлетворённости — целое число.' })
  @Min(0, { message: 'Порог удовлетворённости — от 0 до 100.' })
  @Max(100, { message: 'Порог удовлетворённости — от 0 до 100.' })
  satisfiedMin?: number | null;
}

@InputType({ description: 'Вопрос в составе анкеты' })
export class QuestionInput extends QuestionFields {
  @Field(() => QuestionKind)
  @IsEnum(QuestionKind, { message: 'Тип вопроса: оценка по шкале, один вариант, несколько вариантов или открытый.' })
  kind!: QuestionKind;

  @Field({ description: 'Текст вопроса' })
  @IsString({ message: 'Укажите текст вопроса.' })
  @Length(3, 1000, { message: 'Текст вопроса — от 3 до 1000 символов.' })
  @IsCleanText()
  text!: string;
}

@InputType({ description: 'Новый вопрос анкеты' })
export class CreateQuestionnaireQuestionInput extends QuestionInput {
  @Field(() => ID, { description: 'Анкета (шаблон)' })
  @IsUUID('all', { message: ID_MESSAGE })
  templateId!: string;
}

@InputType({ description: 'Изменение вопроса; если на анкету уже отвечали, создаётся её новая версия' })
export class UpdateQuestionnaireQuestionInput extends QuestionFields {
  @Field(() => QuestionKind, { nullable: true })
  @IsOptional()
  @IsEnum(QuestionKind, { message: 'Тип вопроса: оценка по шкале, один вариант, несколько вариантов или открытый.' })
  kind?: QuestionKind;

  @Field({ nullable: true, description: 'Текст вопроса' })
  @IsOptional()
  @IsString({ message: 'Укажите текст вопроса.' })
  @Length(3, 1000, { message: 'Текст вопроса — от 3 до 1000 символов.' })
  @IsCleanText()
  text?: string;
}

@InputType({ description: 'Отбор вопросов' })
export class QuestionnaireQuestionFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Анкета (шаблон)' })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  templateId?: string;
}

@ArgsType()
export class QuestionnaireQuestionListArgs extends ListArgs {
  @Field(() => QuestionnaireQuestionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionnaireQuestionFilter)
  filter?: QuestionnaireQuestionFilter;
}

// ---------------------------------------------------------------- templates

@InputType({ isAbstract: true })
class TemplateFields {
  @Field(() => String, { nullable: true, description: 'Пояснение для респондента' })
  @Nullable()
  @IsString({ message: 'Пояснение должно быть строкой.' })
  @MaxLength(4000, { message: 'Пояснение — не длиннее 4000 символов.' })
  @IsCleanText()
  description?: string | null;

  @Field(() => QuestionnairePhase, { nullable: true, description: 'Этап измерения (по умолчанию — без привязки)' })
  @IsOptional()
  @IsEnum(QuestionnairePhase, { message: 'Этап: входная, итоговая или без привязки.' })
  phase?: QuestionnairePhase;

  @Field(() => [String], { nullable: true, description: 'Коды форм наставничества; пусто — для любых форм' })
  @IsOptional()
  @IsArray({ message: 'Формы наставничества — список кодов.' })
  @ArrayMaxSize(20, { message: 'Форм наставничества — не больше 20.' })
  @Matches(/^[A-Z0-9_]{1,40}$/, { each: true, message: FORM_CODE_MESSAGE })
  formCodes?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Используется' })
  @IsOptional()
  @IsBoolean({ message: 'Признак «используется» — да или нет.' })
  isActive?: boolean;

  @Field(() => [QuestionInput], { nullable: true, description: 'Вопросы по порядку (при изменении — полная замена списка)' })
  @IsOptional()
  @IsArray({ message: 'Вопросы — список.' })
  @ArrayMaxSize(200, { message: 'В анкете может быть не больше 200 вопросов.' })
  @ValidateNested({ each: true })
  @Type(() => QuestionInput)
  questions?: QuestionInput[];
}

@InputType({ description: 'Новая анкета (шаблон)' })
export class CreateQuestionnaireTemplateInput extends TemplateFields {
  @Field({ description: 'Код анкеты, уникальный в организации (например, mentee-satisfaction)' })
  @IsString({ message: CODE_MESSAGE })
  @Matches(/^[a-z0-9][a-z0-9_-]{1,59}$/, { message: CODE_MESSAGE })
  code!: string;

  @Field({ description: 'Название' })
  @IsString({ message: 'Укажите название анкеты.' })
  @Length(3, 300, { message: 'Название анкеты — от 3 до 300 символов.' })
  @IsCleanText()
  title!: string;

  @Field(() => QuestionnaireInstrument)
  @IsEnum(QuestionnaireInstrument, { message: 'Инструмент мониторинга — один из Q1–Q16.' })
  instrument!: QuestionnaireInstrument;

  @Field(() => RespondentRole)
  @IsEnum(RespondentRole, { message: 'Кто заполняет: наставник, наставляемый или куратор.' })
  respondentRole!: RespondentRole;

  @Field(() => ID, { nullable: true, description: 'Только для администратора платформы: организация; не указана — анкета по умолчанию' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  tenantId?: string | null;
}

@InputType({ description: 'Изменение анкеты; если на неё уже отвечали, изменение вопросов, роли, этапа или инструмента создаёт новую версию' })
export class UpdateQuestionnaireTemplateInput extends TemplateFields {
  @Field({ nullable: true, description: 'Название' })
  @IsOptional()
  @IsString({ message: 'Укажите название анкеты.' })
  @Length(3, 300, { message: 'Название анкеты — от 3 до 300 символов.' })
  @IsCleanText()
  title?: string;

  @Field(() => QuestionnaireInstrument, { nullable: true })
  @IsOptional()
  @IsEnum(QuestionnaireInstrument, { message: 'Инструмент мониторинга — один из Q1–Q16.' })
  instrument?: QuestionnaireInstrument;

  @Field(() => RespondentRole, { nullable: true })
  @IsOptional()
  @IsEnum(RespondentRole, { message: 'Кто заполняет: наставник, наставляемый или куратор.' })
  respondentRole?: RespondentRole;
}

@InputType({ description: 'Копия анкеты (обычно — анкеты по умолчанию) в свою организацию' })
export class CopyQuestionnaireTemplateInput {
  @Field(() => String, { nullable: true, description: 'Код копии; не указан — код исходной анкеты' })
  @Nullable()
  @IsString({ message: CODE_MESSAGE })
  @Matches(/^[a-z0-9][a-z0-9_-]{1,59}$/, { message: CODE_MESSAGE })
  @IsCleanText()
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Название копии; не указано — название исходной анкеты' })
  @Nullable()
  @IsString({ message: 'Укажите название анкеты.' })
  @Length(3, 300, { message: 'Название анкеты — от 3 до 300 символов.' })
  @IsCleanText()
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'Только для администратора платформы: организация, в которую копируется анкета' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  tenantId?: string | null;
}

@InputType({ description: 'Отбор анкет' })
export class QuestionnaireTemplateFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field({ nullable: true, description: 'Поиск по названию или коду' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Строка поиска — не длиннее 200 символов.' })
  @IsCleanText()
  q?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'Код — не длиннее 60 символов.' })
  @IsCleanText()
  code?: string;

  @Field(() => QuestionnaireInstrument, { nullable: true })
  @IsOptional()
  @IsEnum(QuestionnaireInstrument, { message: 'Инструмент мониторинга — один из Q1–Q16.' })
  instrument?: QuestionnaireInstrument;

  @Field(() => RespondentRole, { nullable: true })
  @IsOptional()
  @IsEnum(RespondentRole, { message: 'Кто заполняет: наставник, наставляемый или куратор.' })
  respondentRole?: RespondentRole;

  @Field(() => QuestionnairePhase, { nullable: true })
  @IsOptional()
  @IsEnum(QuestionnairePhase, { message: 'Этап: входная, итоговая или без привязки.' })
  phase?: QuestionnairePhase;

  @Field(() => String, { nullable: true, description: 'Подходит для формы наставничества (код)' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,40}$/, { message: FORM_CODE_MESSAGE })
  formCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Только анкеты по умолчанию (да) или только свои (нет)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Показывать и прежние версии (по умолчанию — только актуальные)' })
  @IsOptional()
  @IsBoolean()
  includeOutdated?: boolean;
}

@ArgsType()
export class QuestionnaireTemplateListArgs extends ListArgs {
  @Field(() => QuestionnaireTemplateFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionnaireTemplateFilter)
  filter?: QuestionnaireTemplateFilter;
}

// ---------------------------------------------------------------- responses

@InputType({ description: 'Ответ на вопрос: оценка, текст или коды выбранных вариантов' })
export class QuestionnaireAnswerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Некорректный идентификатор вопроса.' })
  questionId!: string;

  @Field(() => Int, { nullable: true, description: 'Оценка по шкале' })
  @Nullable()
  @IsInt({ message: 'Оценка — целое число.' })
  value?: number | null;

  @Field(() => String, { nullable: true, description: 'Ответ на открытый вопрос' })
  @Nullable()
  @IsString({ message: 'Ответ должен быть строкой.' })
  @MaxLength(4000, { message: 'Ответ — не длиннее 4000 символов.' })
  @IsCleanText()
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'Коды выбранных вариантов' })
  @Nullable()
  @IsArray({ message: 'Выбранные варианты — список.' })
  @ArrayMaxSize(50, { message: 'Выбрано слишком много вариантов.' })
  @IsString({ each: true, message: 'Код варианта должен быть строкой.' })
  @IsCleanText({ each: true })
  options?: string[] | null;
}

@InputType({ isAbstract: true })
class ResponseFields {
  @Field(() => ID, { nullable: true, description: 'Программа наставничества' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Наставническая пара/группа' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  pairId?: string | null;

  @Field(() => String, { nullable: true, description: 'Учебный год (по умолчанию — год даты заполнения)' })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @Field(() => Date, { nullable: true, description: 'Когда анкета заполнена (по умолчанию — сейчас)' })
  @IsOptional()
  @IsDate({ message: 'Некорректная дата заполнения.' })
  submittedAt?: Date;
}

@InputType({ description: 'Ответы участника, внесённые куратором' })
export class CreateQuestionnaireResponseInput extends ResponseFields {
  @Field(() => ID, { description: 'Анкета (версия шаблона)' })
  @IsUUID('all', { message: ID_MESSAGE })
  templateId!: string;

  @Field(() => ID, { nullable: true, description: 'Участник; для анкеты куратора можно не указывать' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  participantId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Только для администратора платформы и анкеты куратора без участника: организация' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  tenantId?: string | null;

  @Field(() => [QuestionnaireAnswerInput])
  @IsArray({ message: 'Ответы — список.' })
  @ArrayMaxSize(500, { message: 'Слишком много ответов.' })
  @ValidateNested({ each: true })
  @Type(() => QuestionnaireAnswerInput)
  answers!: QuestionnaireAnswerInput[];
}

@InputType({ description: 'Исправление заполненной анкеты (ответы по персональной ссылке не изменяются)' })
export class UpdateQuestionnaireResponseInput extends ResponseFields {
  @Field(() => [QuestionnaireAnswerInput], { nullable: true, description: 'Ответы (полная замена)' })
  @IsOptional()
  @IsArray({ message: 'Ответы — список.' })
  @ArrayMaxSize(500, { message: 'Слишком много ответов.' })
  @ValidateNested({ each: true })
  @Type(() => QuestionnaireAnswerInput)
  answers?: QuestionnaireAnswerInput[];
}

@InputType({ description: 'Отбор заполненных анкет' })
export class QuestionnaireResponseFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  templateId?: string;

  @Field(() => String, { nullable: true, description: 'Код анкеты (все версии)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @IsCleanText()
  templateCode?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  participantId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  programmeId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  pairId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @Field(() => RespondentRole, { nullable: true })
  @IsOptional()
  @IsEnum(RespondentRole, { message: 'Кто заполняет: наставник, наставляемый или куратор.' })
  respondentRole?: RespondentRole;

  @Field(() => QuestionnairePhase, { nullable: true })
  @IsOptional()
  @IsEnum(QuestionnairePhase, { message: 'Этап: входная, итоговая или без привязки.' })
  phase?: QuestionnairePhase;

  @Field(() => ResponseChannel, { nullable: true })
  @IsOptional()
  @IsEnum(ResponseChannel, { message: 'Способ получения: куратор или ссылка.' })
  channel?: ResponseChannel;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  satisfied?: boolean;
}

@ArgsType()
export class QuestionnaireResponseListArgs extends ListArgs {
  @Field(() => QuestionnaireResponseFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionnaireResponseFilter)
  filter?: QuestionnaireResponseFilter;
}

// ---------------------------------------------------------------- links

@InputType({ description: 'Персональная одноразовая ссылка на анкету для одного участника' })
export class CreateQuestionnaireLinkInput {
  @Field(() => ID, { description: 'Анкета (актуальная версия)' })
  @IsUUID('all', { message: ID_MESSAGE })
  templateId!: string;

  @Field(() => ID, { description: 'Участник' })
  @IsUUID('all', { message: ID_MESSAGE })
  participantId!: string;

  @Field(() => ID, { nullable: true })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE })
  pairId?: string | null;

  @Field(() => String, { nullable: true, description: 'Учебный год ответов (по умолчанию — текущий)' })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @Field(() => Int, { nullable: true, description: 'Срок действия в днях (по умолчанию 14, не больше 90)' })
  @IsOptional()
  @IsInt({ message: 'Срок действия — целое число дней.' })
  @Min(1, { message: 'Срок действия — от 1 до 90 дней.' })
  @Max(90, { message: 'Срок действия — от 1 до 90 дней.' })
  expiresInDays?: number;
}

@InputType({ description: 'Отбор персональных ссылок' })
export class QuestionnaireLinkFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  templateId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  participantId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  programmeId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @Field(() => LinkStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LinkStatus, { message: 'Состояние ссылки: действует, использована или истекла.' })
  status?: LinkStatus;
}

@ArgsType()
export class QuestionnaireLinkListArgs extends ListArgs {
  @Field(() => QuestionnaireLinkFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionnaireLinkFilter)
  filter?: QuestionnaireLinkFilter;
}

import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import {
  AcademicYearField, allOf, BoolField, EnumField, type FieldOptions, FilterField, FilterIdsField, IdField, IntField, NestedListField, presence, SearchField,
  TextField,
} from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { IsCleanText, Nullable } from '@nastavnik/platform/graphql/validators';
import { LinkStatus, QuestionKind, QuestionnaireInstrument, QuestionnairePhase, RespondentRole, ResponseChannel } from '../questionnaire.codes';

/** One message per rule: what may be chosen. */
const KIND = 'Тип вопроса: оценка по шкале, один вариант, несколько вариантов или открытый.';
const PHASE = 'Этап: входная, итоговая или без привязки.';
const INSTRUMENT = 'Инструмент мониторинга — один из Q1–Q16.';
const ROLE = 'Кто заполняет: наставник, наставляемый или куратор.';
const CHANNEL = 'Способ получения: куратор или ссылка.';
const LINK_STATUS = 'Состояние ссылки: действует, использована, истекла или отозвана.';
const FORM_CODE = /^[A-Z0-9_]{1,40}$/;
const FORM_CODE_MESSAGE = 'Код формы наставничества: заглавные латинские буквы, цифры и «_» (например, STUDENT_STUDENT).';
const TEMPLATE_CODE_MESSAGE = 'Код анкеты: от 2 до 60 символов — строчные латинские буквы, цифры, «-» и «_», начинается с буквы или цифры.';

/** The code of a questionnaire, unique in its organisation (`mentee-satisfaction`). */
function TemplateCodeField(options: FieldOptions): PropertyDecorator {
  return allOf(
    Field(() => String, { nullable: !!options.nullable, description: options.description }),
    ...presence(options),
    IsString({ message: TEMPLATE_CODE_MESSAGE }),
    Matches(/^[a-z0-9][a-z0-9_-]{1,59}$/, { message: TEMPLATE_CODE_MESSAGE }),
  );
}

const TemplateTitleField = (options: FieldOptions = {}) => TextField('Название анкеты', 3, 300, options);
const QuestionTextField = (options: FieldOptions = {}) => TextField('Текст вопроса', 3, 1000, { ...options, description: 'Текст вопроса' });

// ---------------------------------------------------------------- questions

@InputType({ description: 'Вариант ответа закрытого вопроса' })
export class QuestionOptionInput {
  @TextField('Код варианта', 0, 40, { nullable: true, description: 'Код варианта (строчные латинские буквы, цифры, «_»); не указан — присваивается' })
  code?: string | null;

  @TextField('Текст варианта ответа', 1, 300, { description: 'Текст варианта' }) label!: string;

  @BoolField('Отметка «удовлетворён»', { nullable: true, description: 'Для вопроса удовлетворённости: выбор этого варианта означает «удовлетворён»' })
  satisfied?: boolean | null;
}

/** The fields of a question, shared by the create and update inputs. */
@InputType({ isAbstract: true })
class QuestionFields {
  @IntField('Номер вопроса', 1, 1000, { nullable: true, description: 'Место в анкете (1 — первый); не указано — в конец' }) position?: number | null;
  @TextField('Подсказка', 0, 1000, { nullable: true, description: 'Подсказка' }) hint?: string | null;
  @BoolField('Обязательность', { nullable: true, description: 'Обязательный (по умолчанию да)' }) required?: boolean | null;
  @IntField('Наименьшая оценка шкалы', 0, 100, { nullable: true, description: 'Шкала: наименьшая оценка (по умолчанию 1)' }) scaleMin?: number | null;
  @IntField('Наибольшая оценка шкалы', 0, 100, { nullable: true, description: 'Шкала: наибольшая оценка (по умолчанию 10)' }) scaleMax?: number | null;
  @TextField('Подпись шкалы', 0, 200, { nullable: true, description: 'Подпись наименьшей оценки' }) minLabel?: string | null;
  @TextField('Подпись шкалы', 0, 200, { nullable: true, description: 'Подпись наибольшей оценки' }) maxLabel?: string | null;

  @NestedListField('Варианты ответа', () => QuestionOptionInput, { nullable: true, maxItems: 50, description: 'Варианты ответа закрытого вопроса' })
  options?: QuestionOptionInput[] | null;

  @BoolField('Отметка вопроса удовлетворённости', { nullable: true, description: 'Это вопрос удовлетворённости (в анкете он один; отметка снимается с прежнего)' })
  isSatisfaction?: boolean | null;

  @IntField('Порог удовлетворённости', 0, 100, { nullable: true, description: 'Для вопроса удовлетворённости со шкалой: оценка, начиная с которой респондент удовлетворён' })
  satisfiedMin?: number | null;
}

@InputType({ description: 'Вопрос в составе анкеты' })
export class QuestionInput extends QuestionFields {
  @EnumField(QuestionKind, KIND) kind!: QuestionKind;
  @QuestionTextField() text!: string;
}

@InputType({ description: 'Новый вопрос анкеты' })
export class CreateQuestionnaireQuestionInput extends QuestionInput {
  @IdField('Анкета', { description: 'Анкета (шаблон)' }) templateId!: string;
}

@InputType({ description: 'Изменение вопроса; если на анкету уже отвечали, создаётся её новая версия' })
export class UpdateQuestionnaireQuestionInput extends QuestionFields {
  @EnumField(QuestionKind, KIND, { optional: true }) kind?: QuestionKind;
  @QuestionTextField({ optional: true }) text?: string;
}

@InputType({ description: 'Отбор вопросов' })
export class QuestionnaireQuestionFilter {
  @FilterIdsField() ids?: string[];
  @IdField('Анкета', { optional: true, description: 'Анкета (шаблон)' }) templateId?: string;
}

@ArgsType()
export class QuestionnaireQuestionListArgs extends ListArgs {
  @FilterField(() => QuestionnaireQuestionFilter) filter?: QuestionnaireQuestionFilter;
}

// ---------------------------------------------------------------- templates

@InputType({ isAbstract: true })
class TemplateFields {
  @TextField('Пояснение', 0, 4000, { nullable: true, description: 'Пояснение для респондента' }) description?: string | null;
  @EnumField(QuestionnairePhase, PHASE, { optional: true, description: 'Этап измерения (по умолчанию — без привязки)' }) phase?: QuestionnairePhase;

  @Field(() => [String], { nullable: true, description: 'Коды форм наставничества; пусто — для любых форм' })
  @IsOptional()
  @IsArray({ message: 'Формы наставничества: ожидается список кодов.' })
  @ArrayMaxSize(20, { message: 'Формы наставничества — не больше 20.' })
  @Matches(FORM_CODE, { each: true, message: FORM_CODE_MESSAGE })
  formCodes?: string[];

  @BoolField('Признак «используется»', { optional: true, description: 'Используется' }) isActive?: boolean;

  @NestedListField('Вопросы', () => QuestionInput, { optional: true, maxItems: 200, description: 'Вопросы по порядку (при изменении — полная замена списка)' })
  questions?: QuestionInput[];
}

@InputType({ description: 'Новая анкета (шаблон)' })
export class CreateQuestionnaireTemplateInput extends TemplateFields {
  @TemplateCodeField({ description: 'Код анкеты, уникальный в организации (например, mentee-satisfaction)' }) code!: string;
  @TemplateTitleField({ description: 'Название' }) title!: string;
  @EnumField(QuestionnaireInstrument, INSTRUMENT) instrument!: QuestionnaireInstrument;
  @EnumField(RespondentRole, ROLE) respondentRole!: RespondentRole;

  @IdField('Организация', { nullable: true, description: 'Только для администратора платформы: организация; не указана — анкета по умолчанию' })
  tenantId?: string | null;
}

@InputType({ description: 'Изменение анкеты; если на неё уже отвечали, изменение вопросов, роли, этапа или инструмента создаёт новую версию' })
export class UpdateQuestionnaireTemplateInput extends TemplateFields {
  @TemplateTitleField({ optional: true, description: 'Название' }) title?: string;
  @EnumField(QuestionnaireInstrument, INSTRUMENT, { optional: true }) instrument?: QuestionnaireInstrument;
  @EnumField(RespondentRole, ROLE, { optional: true }) respondentRole?: RespondentRole;
}

@InputType({ description: 'Копия анкеты (обычно — анкеты по умолчанию) в свою организацию' })
export class CopyQuestionnaireTemplateInput {
  @TemplateCodeField({ nullable: true, description: 'Код копии; не указан — код исходной анкеты' }) code?: string | null;
  @TemplateTitleField({ nullable: true, description: 'Название копии; не указано — название исходной анкеты' }) title?: string | null;
  @IdField('Организация', { nullable: true, description: 'Только для администратора платформы: организация, в которую копируется анкета' }) tenantId?: string | null;
}

@InputType({ description: 'Отбор анкет' })
export class QuestionnaireTemplateFilter {
  @FilterIdsField() ids?: string[];
  @SearchField('Поиск по названию или коду') q?: string;
  @TextField('Код анкеты', 0, 60, { optional: true }) code?: string;
  @EnumField(QuestionnaireInstrument, INSTRUMENT, { optional: true }) instrument?: QuestionnaireInstrument;
  @EnumField(RespondentRole, ROLE, { optional: true }) respondentRole?: RespondentRole;
  @EnumField(QuestionnairePhase, PHASE, { optional: true }) phase?: QuestionnairePhase;

  @Field(() => String, { nullable: true, description: 'Подходит для формы наставничества (код)' })
  @IsOptional()
  @Matches(FORM_CODE, { message: FORM_CODE_MESSAGE })
  formCode?: string;

  @BoolField('Признак «по умолчанию»', { optional: true, description: 'Только анкеты по умолчанию (да) или только свои (нет)' }) isDefault?: boolean;
  @BoolField('Признак «используется»', { optional: true }) isActive?: boolean;
  @BoolField('Признак «и прежние версии»', { optional: true, description: 'Показывать и прежние версии (по умолчанию — только актуальные)' }) includeOutdated?: boolean;
}

@ArgsType()
export class QuestionnaireTemplateListArgs extends ListArgs {
  @FilterField(() => QuestionnaireTemplateFilter) filter?: QuestionnaireTemplateFilter;
}

// ---------------------------------------------------------------- responses

/** An answer, entered by the curator or sent through a personal link (respondent-submission.input.ts). */
@InputType({ description: 'Ответ на вопрос: оценка, текст или коды выбранных вариантов' })
export class QuestionnaireAnswerInput {
  @IdField('Вопрос') questionId!: string;

  @Field(() => Int, { nullable: true, description: 'Оценка по шкале' })
  @Nullable()
  @IsInt({ message: 'Оценка — целое число.' })
  value?: number | null;

  @TextField('Ответ', 0, 4000, { nullable: true, description: 'Ответ на открытый вопрос' }) text?: string | null;

  @Field(() => [String], { nullable: true, description: 'Коды выбранных вариантов' })
  @Nullable()
  @IsArray({ message: 'Выбранные варианты: ожидается список.' })
  @ArrayMaxSize(50, { message: 'Выбрано слишком много вариантов.' })
  @IsString({ each: true, message: 'Код варианта должен быть строкой.' })
  @IsCleanText({ each: true })
  options?: string[] | null;
}

@InputType({ isAbstract: true })
class ResponseFields {
  @IdField('Программа', { nullable: true, description: 'Программа наставничества' }) programmeId?: string | null;
  @IdField('Пара', { nullable: true, description: 'Наставническая пара/группа' }) pairId?: string | null;
  @AcademicYearField({ optional: true, description: 'Учебный год (по умолчанию — год даты заполнения)' }) academicYear?: string;

  @Field(() => Date, { nullable: true, description: 'Когда анкета заполнена (по умолчанию — сейчас)' })
  @IsOptional()
  @IsDate({ message: 'Некорректная дата заполнения.' })
  submittedAt?: Date;
}

@InputType({ description: 'Ответы участника, внесённые куратором' })
export class CreateQuestionnaireResponseInput extends ResponseFields {
  @IdField('Анкета', { description: 'Анкета (версия шаблона)' }) templateId!: string;
  @IdField('Участник', { nullable: true, description: 'Участник; для анкеты куратора можно не указывать' }) participantId?: string | null;

  @IdField('Организация', { nullable: true, description: 'Только для администратора платформы и анкеты куратора без участника: организация' })
  tenantId?: string | null;

  @NestedListField('Ответы', () => QuestionnaireAnswerInput, { maxItems: 500 }) answers!: QuestionnaireAnswerInput[];
}

@InputType({ description: 'Исправление заполненной анкеты (ответы по персональной ссылке не изменяются)' })
export class UpdateQuestionnaireResponseInput extends ResponseFields {
  @NestedListField('Ответы', () => QuestionnaireAnswerInput, { optional: true, maxItems: 500, description: 'Ответы (полная замена)' })
  answers?: QuestionnaireAnswerInput[];
}

@InputType({ description: 'Отбор заполненных анкет' })
export class QuestionnaireResponseFilter {
  @FilterIdsField() ids?: string[];
  @IdField('Анкета', { optional: true }) templateId?: string;
  @TextField('Код анкеты', 0, 60, { optional: true, description: 'Код анкеты (все версии)' }) templateCode?: string;
  @IdField('Участник', { optional: true }) participantId?: string;
  @IdField('Программа', { optional: true }) programmeId?: string;
  @IdField('Пара', { optional: true }) pairId?: string;
  @AcademicYearField({ optional: true }) academicYear?: string;
  @EnumField(RespondentRole, ROLE, { optional: true }) respondentRole?: RespondentRole;
  @EnumField(QuestionnairePhase, PHASE, { optional: true }) phase?: QuestionnairePhase;
  @EnumField(ResponseChannel, CHANNEL, { optional: true }) channel?: ResponseChannel;
  @BoolField('Признак «удовлетворён»', { optional: true }) satisfied?: boolean;
}

@ArgsType()
export class QuestionnaireResponseListArgs extends ListArgs {
  @FilterField(() => QuestionnaireResponseFilter) filter?: QuestionnaireResponseFilter;
}

// ---------------------------------------------------------------- links

@InputType({ description: 'Персональная одноразовая ссылка на анкету для одного участника' })
export class CreateQuestionnaireLinkInput {
  @IdField('Анкета', { description: 'Анкета (актуальная версия)' }) templateId!: string;
  @IdField('Участник', { description: 'Участник' }) participantId!: string;
  @IdField('Программа', { nullable: true }) programmeId?: string | null;
  @IdField('Пара', { nullable: true }) pairId?: string | null;
  @AcademicYearField({ optional: true, description: 'Учебный год ответов (по умолчанию — текущий)' }) academicYear?: string;
  @IntField('Срок действия, дней', 1, 90, { optional: true, description: 'Срок действия в днях (по умолчанию 14, не больше 90)' }) expiresInDays?: number;
}

@InputType({ description: 'Отбор персональных ссылок' })
export class QuestionnaireLinkFilter {
  @FilterIdsField() ids?: string[];
  @IdField('Анкета', { optional: true }) templateId?: string;
  @IdField('Участник', { optional: true }) participantId?: string;
  @IdField('Программа', { optional: true }) programmeId?: string;
  @AcademicYearField({ optional: true }) academicYear?: string;
  @EnumField(LinkStatus, LINK_STATUS, { optional: true }) status?: LinkStatus;
}

@ArgsType()
export class QuestionnaireLinkListArgs extends ListArgs {
  @FilterField(() => QuestionnaireLinkFilter) filter?: QuestionnaireLinkFilter;
}

import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { ParticipantKind } from '@nastavnik/participants/participant.codes';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsCleanText, IsNotBlank } from '../common/validators';
import { DirectionAudience, MeetingScope } from './reference.entities';
import { Nullable } from '@nastavnik/platform/graphql/validators';

const CODE_MESSAGE = 'Код: от 1 до 40 символов — латинские буквы, цифры и «_».';
const TEXT_MESSAGE = 'Текст не должен содержать управляющих символов.';

@InputType({ isAbstract: true })
abstract class ReferenceInput {
  @Field()
  @IsString({ message: CODE_MESSAGE })
  @Matches(/^[A-Za-z0-9_]{1,40}$/, { message: CODE_MESSAGE })
  code!: string;

  @Field()
  @IsString({ message: 'Укажите наименование.' })
  @Length(1, 1000, { message: 'Наименование — от 1 до 1000 символов.' })
  @IsNotBlank({ message: 'Укажите наименование.' })
  @IsCleanText({ message: TEXT_MESSAGE })
  title!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Порядок — целое число.' })
  @Min(0, { message: 'Порядок — от 0 до 100000.' })
  @Max(100000, { message: 'Порядок — от 0 до 100000.' })
  sortOrder?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'Признак «используется» — да или нет.' })
  isActive?: boolean;
}

function LongText(label: string): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { nullable: true })(target, key);
    IsOptional()(target, key);
    IsString({ message: `${label}: ожидается текст.` })(target, key);
    MaxLength(4000, { message: `${label} — не длиннее 4000 символов.` })(target, key);
    IsCleanText({ message: TEXT_MESSAGE })(target, key);
  };
}

function TextList(label: string): PropertyDecorator {
  return (target, key) => {
    Field(() => [String], { nullable: true })(target, key);
    IsOptional()(target, key);
    IsArray({ message: `${label}: ожидается список.` })(target, key);
    ArrayMaxSize(50, { message: `${label} — не больше 50 пунктов.` })(target, key);
    IsString({ each: true, message: `${label}: каждый пункт — текст.` })(target, key);
    Length(1, 2000, { each: true, message: `${label}: каждый пункт — от 1 до 2000 символов.` })(target, key);
    IsCleanText({ each: true, message: TEXT_MESSAGE })(target, key);
  };
}

function Age(label: string): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, { nullable: true })(target, key);
    IsOptional()(target, key);
    IsInt({ message: `${label} — целое число лет.` })(target, key);
    Min(5, { message: `${label} — от 5 до 100 лет.` })(target, key);
    Max(100, { message: `${label} — от 5 до 100 лет.` })(target, key);
  };
}

function Kinds(label: string): PropertyDecorator {
  return (target, key) => {
    Field(() => [ParticipantKind])(target, key);
    IsArray({ message: `${label}: ожидается список категорий.` })(target, key);
    ArrayMinSize(1, { message: `${label}: укажите хотя бы одну категорию участников.` })(target, key);
    ArrayMaxSize(20, { message: `${label}: слишком много категорий.` })(target, key);
    IsEnum(ParticipantKind, { each: true, message: `${label}: неизвестная категория участника.` })(target, key);
  };
}

@InputType({ description: 'Новая форма наставничества' })
export class CreateMentoringFormInput extends ReferenceInput {
  @LongText('Определение') description?: string | null;
  @LongText('Цель') goal?: string | null;
  @TextList('Задачи') tasks?: string[];
  @TextList('Ожидаемые результаты') expectedResults?: string[];
  @TextList('Характеристика наставника') mentorProfile?: string[];
  @TextList('Характеристика наставляемого') menteeProfile?: string[];
  @Kinds('Наставники') mentorKinds!: ParticipantKind[];
  @Kinds('Наставляемые') menteeKinds!: ParticipantKind[];
  @Age('Наименьший возраст наставника') mentorMinAge?: number | null;
  @Age('Наименьший возраст наставляемого') menteeMinAge?: number | null;
  @Age('Наибольший возраст наставляемого') menteeMaxAge?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'Признак «наставник обычно старше» — да или нет.' })
  mentorUsuallyOlder?: boolean;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Источник: ожидается текст.' })
  @MaxLength(500, { message: 'Источник — не длиннее 500 символов.' })
  @IsCleanText({ message: TEXT_MESSAGE })
  source?: string | null;
}

@InputType({ description: 'Изменение формы наставничества; код неизменен' })
export class UpdateMentoringFormInput extends PartialType(OmitType(CreateMentoringFormInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новая ролевая модель' })
export class CreateRoleModelInput extends ReferenceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Некорректный идентификатор формы наставничества.' })
  formId!: string;

  @LongText('Цель') goal?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Источник: ожидается текст.' })
  @MaxLength(500, { message: 'Источник — не длиннее 500 символов.' })
  @IsCleanText({ message: TEXT_MESSAGE })
  source?: string | null;
}

@InputType({ description: 'Изменение ролевой модели; код неизменен' })
export class UpdateRoleModelInput extends PartialType(OmitType(CreateRoleModelInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новый вид наставничества' })
export class CreateMentoringFormatInput extends ReferenceInput {
  @LongText('Определение') description?: string | null;
}

@InputType({ description: 'Изменение вида наставничества; код неизменен' })
export class UpdateMentoringFormatInput extends PartialType(OmitType(CreateMentoringFormatInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новое направление наставничества' })
export class CreateMentoringDirectionInput extends ReferenceInput {
  @Field()
  @IsString({ message: 'Укажите краткое наименование.' })
  @Length(1, 300, { message: 'Краткое наименование — от 1 до 300 символов.' })
  @IsNotBlank({ message: 'Укажите краткое наименование.' })
  @IsCleanText({ message: TEXT_MESSAGE })
  shortTitle!: string;

  @Field(() => DirectionAudience)
  @IsEnum(DirectionAudience, { message: 'Для кого направление: обучающиеся или педагоги.' })
  audience!: DirectionAudience;
}

@InputType({ description: 'Изменение направления наставничества; код неизменен' })
export class UpdateMentoringDirectionInput extends PartialType(OmitType(CreateMentoringDirectionInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новая область интересов наставляемых' })
export class CreateMenteeInterestInput extends ReferenceInput {}

@InputType({ description: 'Изменение области интересов; код неизменен' })
export class UpdateMenteeInterestInput extends PartialType(OmitType(CreateMenteeInterestInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новый вид встречи' })
export class CreateMeetingTypeInput extends ReferenceInput {
  @LongText('Описание') description?: string | null;

  @Field(() => MeetingScope)
  @IsEnum(MeetingScope, { message: 'Кто встречается: пара (группа) или все участники программы.' })
  scope!: MeetingScope;
}

@InputType({ description: 'Изменение вида встречи; код неизменен' })
export class UpdateMeetingTypeInput extends PartialType(OmitType(CreateMeetingTypeInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новый этап реализации целевой модели' })
export class CreateProgrammeStageInput extends ReferenceInput {
  @Field(() => Int, { nullable: true })
  @Nullable()
  @IsInt({ message: 'Номер этапа — целое число от 1 до 20.' })
  @Min(1, { message: 'Номер этапа — целое число от 1 до 20.' })
  @Max(20, { message: 'Номер этапа — целое число от 1 до 20.' })
  number?: number | null;

  @LongText('Цель') goal?: string | null;
  @LongText('Задача') task?: string | null;
  @LongText('Результат') result?: string | null;
}

@InputType({ description: 'Изменение этапа; код неизменен' })
export class UpdateProgrammeStageInput extends PartialType(OmitType(CreateProgrammeStageInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор справочника' })
export class ReferenceFilter {
  @Field({ nullable: true, description: 'Поиск по коду или наименованию' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Строка поиска — не длиннее 200 символов.' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => [String], { nullable: true, description: 'Коды' })
  @IsOptional()
  @IsString({ each: true, message: 'Код — строка.' })
  @MaxLength(40, { each: true, message: 'Код — не длиннее 40 символов.' })
  codes?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'Признак «используется» — да или нет.' })
  isActive?: boolean;
}

@InputType({ description: 'Отбор ролевых моделей' })
export class RoleModelFilter extends ReferenceFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор формы наставничества.' })
  formId?: string;
}

@InputType({ description: 'Отбор направлений' })
export class MentoringDirectionFilter extends ReferenceFilter {
  @Field(() => DirectionAudience, { nullable: true })
  @IsOptional()
  @IsEnum(DirectionAudience, { message: 'Для кого направление: обучающиеся или педагоги.' })
  audience?: DirectionAudience;
}

@InputType({ description: 'Отбор видов встреч' })
export class MeetingTypeFilter extends ReferenceFilter {
  @Field(() => MeetingScope, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingScope, { message: 'Кто встречается: пара (группа) или все участники программы.' })
  scope?: MeetingScope;
}

@ArgsType()
export class ReferenceListArgs extends ListArgs {
  @Field(() => ReferenceFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferenceFilter)
  filter?: ReferenceFilter;
}

@ArgsType()
export class RoleModelListArgs extends ListArgs {
  @Field(() => RoleModelFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoleModelFilter)
  filter?: RoleModelFilter;
}

@ArgsType()
export class MentoringDirectionListArgs extends ListArgs {
  @Field(() => MentoringDirectionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentoringDirectionFilter)
  filter?: MentoringDirectionFilter;
}

@ArgsType()
export class MeetingTypeListArgs extends ListArgs {
  @Field(() => MeetingTypeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingTypeFilter)
  filter?: MeetingTypeFilter;
}

/** Every filter field any reference list understands. */
export type AnyReferenceFilter = ReferenceFilter & Partial<Pick<RoleModelFilter, 'formId'> & Pick<MentoringDirectionFilter, 'audience'> & Pick<MeetingTypeFilter, 'scope'>>;

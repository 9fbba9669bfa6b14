import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BaseKind, BaseStatus, InfoSource, ParticipantCategory, TrainingForm } from '../participant.codes';
import { ISO_DATE, NoControlChars, Tidy } from './input-helpers';
import { Nullable } from '@nastavnik/platform/graphql/validators';

const TEXT = 'Текст не должен содержать управляющих символов.';
const DATE = (what: string) => `${what} — в формате ГГГГ-ММ-ДД.`;

@InputType({ description: 'Включение участника в базу наставников или наставляемых' })
export class CreateBaseEntryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Некорректный идентификатор участника.' })
  participantId!: string;

  @Field(() => BaseKind)
  @IsEnum(BaseKind, { message: 'База: наставников или наставляемых.' })
  base!: BaseKind;

  @Field(() => BaseStatus, { nullable: true, description: 'По умолчанию — потенциальный участник' })
  @Nullable()
  @IsEnum(BaseStatus, { message: 'Неизвестное состояние в базе.' })
  status?: BaseStatus | null;

  @Field(() => String, { nullable: true, description: 'Дата включения в базу (по умолчанию сегодня)' })
  @Nullable()
  @Matches(ISO_DATE, { message: DATE('Дата включения') })
  includedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Matches(ISO_DATE, { message: DATE('Дата анкетирования') })
  surveyedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Matches(ISO_DATE, { message: DATE('Дата отбора') })
  selectedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Matches(ISO_DATE, { message: DATE('Дата обучения') })
  trainedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Matches(ISO_DATE, { message: DATE('Дата включения в пару') })
  pairedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Matches(ISO_DATE, { message: DATE('Дата завершения') })
  finishedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Matches(ISO_DATE, { message: DATE('Дата выбытия') })
  withdrawnOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Причина выбытия должна быть строкой.' })
  @Length(1, 1000, { message: 'Причина выбытия — от 1 до 1000 символов.' })
  @NoControlChars({ message: TEXT })
  withdrawalReason?: string | null;

  @Field(() => [ParticipantCategory], { nullable: true })
  @Nullable()
  @ArrayMaxSize(14, { message: 'Слишком много категорий.' })
  @IsEnum(ParticipantCategory, { each: true, message: 'Неизвестная категория.' })
  categories?: ParticipantCategory[] | null;

  @Field(() => String, { nullable: true, description: 'Запрос наставляемого' })
  @Nullable()
  @IsString({ message: 'Запрос должен быть строкой.' })
  @MaxLength(2000, { message: 'Запрос — не длиннее 2000 символов.' })
  @NoControlChars({ message: TEXT })
  request?: string | null;

  @Field(() => String, { nullable: true, description: 'Компетенции и возможности наставника' })
  @Nullable()
  @IsString({ message: 'Компетенции должны быть строкой.' })
  @MaxLength(2000, { message: 'Компетенции — не длиннее 2000 символов.' })
  @NoControlChars({ message: TEXT })
  competencies?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Мотивация должна быть строкой.' })
  @MaxLength(2000, { message: 'Мотивация — не длиннее 2000 символов.' })
  @NoControlChars({ message: TEXT })
  motivation?: string | null;

  @Field(() => [InfoSource], { nullable: true })
  @Nullable()
  @ArrayMaxSize(10, { message: 'Слишком много источников сведений.' })
  @IsEnum(InfoSource, { each: true, message: 'Неизвестный источник сведений.' })
  infoSources?: InfoSource[] | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Сведения третьих лиц должны быть строкой.' })
  @MaxLength(2000, { message: 'Сведения третьих лиц — не длиннее 2000 символов.' })
  @NoControlChars({ message: TEXT })
  thirdPartyNotes?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Итог собеседования должен быть строкой.' })
  @MaxLength(2000, { message: 'Итог собеседования — не длиннее 2000 символов.' })
  @NoControlChars({ message: TEXT })
  interviewResult?: string | null;

  @Field(() => Boolean, { nullable: true })
  @Nullable()
  @IsBoolean({ message: 'Психологическая готовность: да или нет.' })
  psychReady?: boolean | null;

  @Field(() => TrainingForm, { nullable: true })
  @Nullable()
  @IsEnum(TrainingForm, { message: 'Форма обучения: очно, дистанционно или индивидуально.' })
  trainingForm?: TrainingForm | null;

  @Field(() => Int, { nullable: true, description: 'Сколько наставляемых может взять (1–30)' })
  @Nullable()
  @IsInt({ message: 'Число наставляемых — целое от 1 до 30.' })
  @Min(1, { message: 'Число наставляемых — от 1 до 30.' })
  @Max(30, { message: 'Число наставляемых — от 1 до 30.' })
  maxMentees?: number | null;

  @Field(() => Boolean, { nullable: true })
  @Nullable()
  @IsBoolean({ message: 'Членство в совете наставников: да или нет.' })
  councilMember?: boolean | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Поощрения должны быть строкой.' })
  @MaxLength(2000, { message: 'Поощрения — не длиннее 2000 символов.' })
  @NoControlChars({ message: TEXT })
  awards?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Итоги должны быть строкой.' })
  @MaxLength(4000, { message: 'Итоги — не длиннее 4000 символов.' })
  @NoControlChars({ message: TEXT })
  results?: string | null;

  @Field(() => Boolean, { nullable: true })
  @Nullable()
  @IsBoolean({ message: 'Удовлетворённость: да или нет.' })
  satisfied?: boolean | null;
}

@InputType({ description: 'Изменение записи в базе; участник и база неизменны' })
export class UpdateBaseEntryInput extends PartialType(OmitType(CreateBaseEntryInput, ['participantId', 'base'] as const), InputType) {}

@InputType({ description: 'Отбор записей баз' })
export class BaseEntryFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор участника.' })
  participantId?: string;

  @Field(() => BaseKind, { nullable: true })
  @IsOptional()
  @IsEnum(BaseKind, { message: 'База: наставников или наставляемых.' })
  base?: BaseKind;

  @Field(() => BaseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(BaseStatus, { message: 'Неизвестное состояние в базе.' })
  status?: BaseStatus;
}

@ArgsType()
export class BaseEntryListArgs extends ListArgs {
  @Field(() => BaseEntryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BaseEntryFilter)
  filter?: BaseEntryFilter;
}

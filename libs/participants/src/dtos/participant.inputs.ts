import { ArgsType, Field, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BaseKind, BaseStatus, Direction, InterestArea, ParticipantKind, Sex } from '../participant.codes';
import { ISO_DATE, NoControlChars, PERSON_NAME, Tidy } from './input-helpers';
import { Nullable } from '@nastavnik/platform/graphql/validators';
import { BoolField, EnumField, FilterField, FilterIdsField, IdField, SearchField } from '@nastavnik/platform/graphql/input-fields';
import { BASE_KIND, BASE_STATUS } from './base-entry.inputs';

const TEXT = 'Текст не должен содержать управляющих символов.';

@InputType({ description: 'Новый участник' })
export class CreateParticipantInput {
  @IdField('Организация', { nullable: true, description: 'Организация — только для администратора платформы; куратор добавляет в свою' }) tenantId?: string | null;

  @Field(() => ParticipantKind)
  @IsEnum(ParticipantKind, { message: 'Неизвестная категория участника.' })
  kind!: ParticipantKind;

  @Field({ description: 'Фамилия' })
  @Tidy()
  @IsString({ message: 'Укажите фамилию.' })
  @Length(1, 100, { message: 'Фамилия — от 1 до 100 символов.' })
  @Matches(PERSON_NAME, { message: 'Фамилия: только буквы, пробел, дефис и апостроф.' })
  lastName!: string;

  @Field({ description: 'Имя' })
  @Tidy()
  @IsString({ message: 'Укажите имя.' })
  @Length(1, 100, { message: 'Имя — от 1 до 100 символов.' })
  @Matches(PERSON_NAME, { message: 'Имя: только буквы, пробел, дефис и апостроф.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Отчество (если есть)' })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Отчество должно быть строкой.' })
  @Length(1, 100, { message: 'Отчество — от 1 до 100 символов.' })
  @Matches(PERSON_NAME, { message: 'Отчество: только буквы, пробел, дефис и апостроф.' })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'Дата рождения, ГГГГ-ММ-ДД' })
  @Nullable()
  @IsString({ message: 'Дата рождения — в формате ГГГГ-ММ-ДД.' })
  @Matches(ISO_DATE, { message: 'Дата рождения — в формате ГГГГ-ММ-ДД.' })
  birthDate?: string | null;

  @Field(() => Sex, { nullable: true })
  @Nullable()
  @IsEnum(Sex, { message: 'Пол: мужской или женский.' })
  sex?: Sex | null;

  @Field(() => Int, { nullable: true, description: 'Класс 1–11 (для обучающихся)' })
  @Nullable()
  @IsInt({ message: 'Класс — целое число от 1 до 11.' })
  @Min(1, { message: 'Класс — от 1 до 11.' })
  @Max(11, { message: 'Класс — от 1 до 11.' })
  grade?: number | null;

  @Field(() => String, { nullable: true, description: 'Литера класса («А», «Б»…)' })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Литера класса должна быть строкой.' })
  @Matches(/^\p{L}{1,3}$/u, { message: 'Литера класса — от 1 до 3 букв.' })
  classLetter?: string | null;

  @Field(() => String, { nullable: true, description: 'Должность' })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Должность должна быть строкой.' })
  @Length(1, 200, { message: 'Должность — от 1 до 200 символов.' })
  @NoControlChars({ message: TEXT })
  position?: string | null;

  @Field(() => Int, { nullable: true, description: 'Педагогический стаж, лет (0–60)' })
  @Nullable()
  @IsInt({ message: 'Стаж — целое число лет от 0 до 60.' })
  @Min(0, { message: 'Стаж — от 0 до 60 лет.' })
  @Max(60, { message: 'Стаж — от 0 до 60 лет.' })
  teachingExperienceYears?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Опыт классного руководства' })
  @Nullable()
  @IsBoolean({ message: 'Опыт классного руководства: да или нет.' })
  classTeacher?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Предметы' })
  @Nullable()
  @Tidy()
  @ArrayMaxSize(20, { message: 'Не больше 20 предметов.' })
  @IsString({ each: true, message: 'Предмет должен быть строкой.' })
  @Length(1, 100, { each: true, message: 'Название предмета — от 1 до 100 символов.' })
  @NoControlChars({ message: TEXT })
  subjects?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Организация (вуз, колледж, предприятие) — для внешних участников' })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Организация должна быть строкой.' })
  @Length(1, 300, { message: 'Наименование организации — от 1 до 300 символов.' })
  @NoControlChars({ message: TEXT })
  organisationName?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Tidy()
  @MaxLength(200, { message: 'Адрес эл. почты — не длиннее 200 символов.' })
  @IsEmail({}, { message: 'Некорректный адрес электронной почты.' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Телефон должен быть строкой.' })
  @Matches(/^\+?[0-9][0-9 ()-]{4,38}$/, { message: 'Телефон: цифры, пробелы, скобки, дефисы, от 5 до 40 символов.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Достижения' })
  @Nullable()
  @IsString({ message: 'Достижения должны быть строкой.' })
  @MaxLength(2000, { message: 'Достижения — не длиннее 2000 символов.' })
  @NoControlChars({ message: TEXT })
  achievements?: string | null;

  @Field(() => [String], { nullable: true, description: 'Запросы' })
  @Nullable()
  @Tidy()
  @ArrayMaxSize(20, { message: 'Не больше 20 запросов.' })
  @IsString({ each: true, message: 'Запрос должен быть строкой.' })
  @Length(1, 500, { each: true, message: 'Запрос — от 1 до 500 символов.' })
  @NoControlChars({ message: TEXT })
  requests?: string[] | null;

  @Field(() => [InterestArea], { nullable: true })
  @Nullable()
  @IsEnum(InterestArea, { each: true, message: 'Неизвестная область интересов.' })
  interests?: InterestArea[] | null;

  @Field(() => [Direction], { nullable: true })
  @Nullable()
  @IsEnum(Direction, { each: true, message: 'Неизвестное направление (ожидается D01–D11).' })
  directions?: Direction[] | null;

  @Field(() => String, { nullable: true, description: 'Заметки куратора' })
  @Nullable()
  @IsString({ message: 'Заметки должны быть строкой.' })
  @MaxLength(4000, { message: 'Заметки — не длиннее 4000 символов.' })
  @NoControlChars({ message: TEXT })
  notes?: string | null;
}

@InputType({ description: 'Изменение участника: переданные поля заменяются, null очищает необязательное поле' })
export class UpdateParticipantInput extends PartialType(OmitType(CreateParticipantInput, ['tenantId'] as const), InputType) {}

@InputType({ description: 'Отбор участников' })
export class ParticipantFilter {
  @SearchField('Поиск по ФИО') q?: string;
  @FilterIdsField() ids?: string[];
  @EnumField(ParticipantKind, 'Неизвестная категория участника.', { optional: true }) kind?: ParticipantKind;
  @EnumField(BaseKind, BASE_KIND, { optional: true, description: 'Состоит в базе наставников или наставляемых' }) base?: BaseKind;
  @EnumField(BaseStatus, BASE_STATUS, { optional: true, description: 'Состояние в базе (в указанной базе, если она задана)' }) status?: BaseStatus;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Класс — целое число от 1 до 11.' })
  @Min(1, { message: 'Класс — от 1 до 11.' })
  @Max(11, { message: 'Класс — от 1 до 11.' })
  grade?: number;

  @EnumField(Direction, 'Неизвестное направление (ожидается D01–D11).', { optional: true }) direction?: Direction;
  @EnumField(InterestArea, 'Неизвестная область интересов.', { optional: true }) interest?: InterestArea;
  @BoolField('Признак «есть согласие»', { optional: true, description: 'Есть действующее согласие на обработку персональных данных' }) hasValidConsent?: boolean;
}

@ArgsType()
export class ParticipantListArgs extends ListArgs {
  @FilterField(() => ParticipantFilter) filter?: ParticipantFilter;
}

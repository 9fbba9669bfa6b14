import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ScorecardLevel } from '../scorecard.entity';
import { IsAcademicYear, IsCalendarDate, IsCleanText, Nullable } from '@nastavnik/platform/graphql/validators';

const SCORES_COUNT = 'Нужно ровно 9 оценок — по показателям E1–E9.';
const SCORE_VALUE = 'Каждая оценка — 0 (не проявляется), 1 (частично проявляется) или 2 (проявляется в полной мере).';

@InputType({ isAbstract: true })
class ScorecardFields {
  @Field(() => String, { nullable: true, description: 'Дата оценки (по умолчанию — сегодня)' })
  @IsOptional()
  @IsCalendarDate()
  ratedOn?: string;

  @Field(() => String, { nullable: true, description: 'Кто оценивал (по умолчанию — вносящий оценку)' })
  @IsOptional()
  @IsString({ message: 'Укажите, кто оценивал.' })
  @Length(2, 300, { message: 'Кто оценивал — от 2 до 300 символов.' })
  @IsCleanText()
  rater?: string;

  @Field(() => String, { nullable: true, description: 'Комментарий' })
  @Nullable()
  @IsString({ message: 'Комментарий должен быть строкой.' })
  @MaxLength(4000, { message: 'Комментарий — не длиннее 4000 символов.' })
  @IsCleanText()
  comment?: string | null;
}

@InputType({ description: 'Оценка эффективности реализации программы наставничества' })
export class CreateProgrammeScorecardInput extends ScorecardFields {
  @Field(() => ID, { description: 'Программа наставничества' })
  @IsUUID('all', { message: 'Некорректный идентификатор программы.' })
  programmeId!: string;

  @Field({ description: 'Учебный год, например 2022/2023' })
  @IsAcademicYear()
  academicYear!: string;

  @Field(() => [Int], { description: 'Баллы E1–E9 по порядку: 2 — проявляется в полной мере, 1 — частично, 0 — не проявляется' })
  @IsArray({ message: SCORES_COUNT })
  @ArrayMinSize(9, { message: SCORES_COUNT })
  @ArrayMaxSize(9, { message: SCORES_COUNT })
  @IsInt({ each: true, message: SCORE_VALUE })
  @IsIn([0, 1, 2], { each: true, message: SCORE_VALUE })
  scores!: number[];

  @Field(() => ID, { nullable: true, description: 'Только для администратора платформы: организация' })
  @Nullable()
  @IsUUID('all', { message: 'Некорректный идентификатор организации.' })
  tenantId?: string | null;
}

@InputType({ description: 'Изменение оценки эффективности' })
export class UpdateProgrammeScorecardInput extends ScorecardFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @Field(() => [Int], { nullable: true, description: 'Баллы E1–E9 по порядку' })
  @IsOptional()
  @IsArray({ message: SCORES_COUNT })
  @ArrayMinSize(9, { message: SCORES_COUNT })
  @ArrayMaxSize(9, { message: SCORES_COUNT })
  @IsInt({ each: true, message: SCORE_VALUE })
  @IsIn([0, 1, 2], { each: true, message: SCORE_VALUE })
  scores?: number[];
}

@InputType({ description: 'Отбор оценок эффективности' })
export class ProgrammeScorecardFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор программы.' })
  programmeId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @Field(() => ScorecardLevel, { nullable: true })
  @IsOptional()
  @IsEnum(ScorecardLevel, { message: 'Уровень: оптимальный, допустимый или недопустимый.' })
  level?: ScorecardLevel;
}

@ArgsType()
export class ProgrammeScorecardListArgs extends ListArgs {
  @Field(() => ProgrammeScorecardFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgrammeScorecardFilter)
  filter?: ProgrammeScorecardFilter;
}

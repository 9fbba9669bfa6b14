import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt } from 'class-validator';
import {
  AcademicYearField, allOf, DateField, EnumField, type FieldOptions, FilterField, FilterIdsField, IdField, presence, TextField,
} from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { ScorecardLevel } from '../scorecard.entity';

const SCORES_COUNT = 'Нужно ровно 9 оценок — по показателям E1–E9.';
const SCORE_VALUE = 'Каждая оценка — 0 (не проявляется), 1 (частично проявляется) или 2 (проявляется в полной мере).';

/** The nine scores E1–E9, each 0, 1 or 2. */
function ScoresField(options: FieldOptions): PropertyDecorator {
  return allOf(
    Field(() => [Int], { nullable: !!options.optional, description: options.description }),
    ...presence(options),
    IsArray({ message: SCORES_COUNT }),
    ArrayMinSize(9, { message: SCORES_COUNT }),
    ArrayMaxSize(9, { message: SCORES_COUNT }),
    IsInt({ each: true, message: SCORE_VALUE }),
    IsIn([0, 1, 2], { each: true, message: SCORE_VALUE }),
  );
}

@InputType({ isAbstract: true })
class ScorecardFields {
  @DateField('Дата оценки', { optional: true, description: 'Дата оценки (по умолчанию — сегодня)' }) ratedOn?: string;
  @TextField('Кто оценивал', 2, 300, { optional: true, description: 'Кто оценивал (по умолчанию — вносящий оценку)' }) rater?: string;
  @TextField('Комментарий', 0, 4000, { nullable: true, description: 'Комментарий' }) comment?: string | null;
}

@InputType({ description: 'Оценка эффективности реализации программы наставничества' })
export class CreateProgrammeScorecardInput extends ScorecardFields {
  @IdField('Программа', { description: 'Программа наставничества' }) programmeId!: string;
  @AcademicYearField({ description: 'Учебный год, например 2022/2023' }) academicYear!: string;
  @ScoresField({ description: 'Баллы E1–E9 по порядку: 2 — проявляется в полной мере, 1 — частично, 0 — не проявляется' }) scores!: number[];
  @IdField('Организация', { nullable: true, description: 'Только для администратора платформы: организация' }) tenantId?: string | null;
}

@InputType({ description: 'Изменение оценки эффективности' })
export class UpdateProgrammeScorecardInput extends ScorecardFields {
  @AcademicYearField({ optional: true }) academicYear?: string;
  @ScoresField({ optional: true, description: 'Баллы E1–E9 по порядку' }) scores?: number[];
}

@InputType({ description: 'Отбор оценок эффективности' })
export class ProgrammeScorecardFilter {
  @FilterIdsField() ids?: string[];
  @IdField('Программа', { optional: true }) programmeId?: string;
  @AcademicYearField({ optional: true }) academicYear?: string;
  @EnumField(ScorecardLevel, 'Уровень: оптимальный, допустимый или недопустимый.', { optional: true }) level?: ScorecardLevel;
}

@ArgsType()
export class ProgrammeScorecardListArgs extends ListArgs {
  @FilterField(() => ProgrammeScorecardFilter) filter?: ProgrammeScorecardFilter;
}

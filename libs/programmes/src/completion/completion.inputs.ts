import { ArgsType, Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum } from 'class-validator';
import { AcademicYearField, allOf, BoolField, DateField, EnumField, FilterField, IdField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { BaseFilter } from '../dtos/base-filter.input';
import { CompetitionResult, CompetitionStatus, MentorNominationKind, PracticeCaseStatus } from './completion.codes';

const NOMINATION = 'Номинация: лучший наставник, наставник года, лучшая пара, лучшая пара «Наставник+», лучший наставник из числа обучающихся.';

/** The nominations of a competition: one to five of them. */
function NominationListField(): PropertyDecorator {
  return allOf(
    Field(() => [MentorNominationKind], { description: 'Номинации конкурса' }),
    IsArray({ message: 'Номинации: ожидается список.' }),
    ArrayMinSize(1, { message: 'Выберите хотя бы одну номинацию.' }),
    ArrayMaxSize(5, { message: 'Номинаций — не больше пяти.' }),
    IsEnum(MentorNominationKind, { each: true, message: NOMINATION }),
  );
}

@InputType({ description: 'Выдвижение наставника на поощрение' })
export class CreateMentorNominationInput {
  @IdField('Наставник') mentorId!: string;
  @EnumField(MentorNominationKind, NOMINATION) nomination!: MentorNominationKind;
  @AcademicYearField() academicYear!: string;
  @TextField('Обоснование', 10, 2000) reason!: string;
}

@InputType({ description: 'Изменение выдвижения: номинация и обоснование' })
export class UpdateMentorNominationInput extends PartialType(OmitType(CreateMentorNominationInput, ['mentorId', 'academicYear'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор выдвижений' })
export class MentorNominationFilter extends BaseFilter {
  @EnumField(MentorNominationKind, NOMINATION, { optional: true }) nomination?: MentorNominationKind;
  @AcademicYearField({ optional: true }) academicYear?: string;
}

@ArgsType()
export class MentorNominationListArgs extends ListArgs {
  @FilterField(() => MentorNominationFilter) filter?: MentorNominationFilter;
}

@InputType({ description: 'Новый конкурс наставников региона' })
export class CreateMentorCompetitionInput {
  @TextField('Название конкурса', 3, 300) title!: string;
  @AcademicYearField() academicYear!: string;
  @NominationListField() nominations!: MentorNominationKind[];
  @DateField('Приём заявок до', { optional: true, nullable: true }) entriesUntil?: string | null;
}

@InputType({ description: 'Изменение конкурса' })
export class UpdateMentorCompetitionInput extends PartialType(CreateMentorCompetitionInput, { skipNullProperties: false }) {
  @EnumField(CompetitionStatus, 'Состояние: приём заявок или завершён.', { optional: true }) status?: CompetitionStatus;
}

@InputType({ description: 'Отбор конкурсов' })
export class MentorCompetitionFilter extends BaseFilter {
  @EnumField(CompetitionStatus, 'Состояние: приём заявок или завершён.', { optional: true }) status?: CompetitionStatus;
  @AcademicYearField({ optional: true }) academicYear?: string;
}

@ArgsType()
export class MentorCompetitionListArgs extends ListArgs {
  @FilterField(() => MentorCompetitionFilter) filter?: MentorCompetitionFilter;
}

@InputType({ description: 'Отбор заявок на конкурс' })
export class CompetitionEntryFilter extends BaseFilter {
  @IdField('Конкурс', { optional: true }) competitionId?: string;
  @IdField('Выдвижение', { optional: true }) nominationId?: string;
  @EnumField(CompetitionResult, 'Итог: победитель, призёр или участник.', { optional: true }) result?: CompetitionResult;
}

@ArgsType()
export class CompetitionEntryListArgs extends ListArgs {
  @FilterField(() => CompetitionEntryFilter) filter?: CompetitionEntryFilter;
}

@InputType({ description: 'Новый кейс банка практик' })
export class CreatePracticeCaseInput {
  @AcademicYearField() academicYear!: string;
  @TextField('Название кейса', 3, 300) title!: string;
  @IdField('Форма наставничества') formId!: string;
  @IdField('Ролевая модель', { optional: true, nullable: true }) roleModelId?: string | null;
  @TextField('Что было сделано', 10, 8000) whatWasDone!: string;
  @TextField('Результаты', 10, 4000) results!: string;
}

@InputType({ description: 'Изменение кейса (черновика или возвращённого на доработку)' })
export class UpdatePracticeCaseInput extends PartialType(CreatePracticeCaseInput, { skipNullProperties: false }) {}

@InputType({ description: 'Отбор кейсов' })
export class PracticeCaseFilter extends BaseFilter {
  @EnumField(PracticeCaseStatus, 'Состояние: черновик, на модерации, опубликован, возвращён.', { optional: true }) status?: PracticeCaseStatus;
  @IdField('Форма наставничества', { optional: true }) formId?: string;
  /** Only the caller's school's cases (a curator's «Только кейсы моей школы»); off or absent: every case the caller may read. */
  @BoolField('Только свои', { optional: true }) own?: boolean;
}

@ArgsType()
export class PracticeCaseListArgs extends ListArgs {
  @FilterField(() => PracticeCaseFilter) filter?: PracticeCaseFilter;
}

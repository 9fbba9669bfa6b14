import { ArgsType, InputType, OmitType, PartialType } from '@nestjs/graphql';
import {
  AcademicYearField, DateField, EnumField, FilterField, IdField, IdListField, IntField, TextField,
} from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantIdField, TextListField } from '../common/input-decorators';
import { ProgrammeStatus } from '../programmes/programme.entity';
import { BaseFilter } from './base-filter.input';

/** How school years are described where a record is created for one. */
export const ACADEMIC_YEAR_DESCRIPTION = 'Учебный год, например «2022/2023»';

@InputType({ description: 'Новая программа наставничества (создаётся черновиком)' })
export class CreateProgrammeInput {
  @TenantIdField() tenantId?: string | null;
  @TextField('Наименование', 1, 500) title!: string;
  @AcademicYearField({ description: ACADEMIC_YEAR_DESCRIPTION }) academicYear!: string;
  @IdField('Форма наставничества') formId!: string;
  @IdListField('Ролевые модели', { nullable: true, maxItems: 50 }) roleModelIds?: string[];
  @IdListField('Виды наставничества', { nullable: true, maxItems: 50 }) formatIds?: string[];
  @IdListField('Направления', { nullable: true, maxItems: 50 }) directionIds?: string[];
  @TextField('Цель', 0, 4000, { nullable: true, description: 'Цель; по умолчанию — цель формы наставничества' }) goal?: string | null;
  @TextListField('Задачи', { nullable: true, description: 'Задачи; по умолчанию — задачи формы' }) tasks?: string[];
  @TextListField('Ожидаемые результаты', { nullable: true, description: 'Ожидаемые результаты; по умолчанию — результаты формы' }) expectedResults?: string[];
  @DateField('Дата начала', { nullable: true }) startDate?: string | null;
  @DateField('Дата окончания', { nullable: true }) endDate?: string | null;
  @IdField('Приказ об утверждении', { nullable: true }) approvalOrderId?: string | null;
  @IntField('Наибольшее число наставляемых у наставника', 1, 30, { nullable: true }) mentorCapacity?: number;
}

@InputType({ description: 'Изменение программы; состояние меняется отдельно (changeProgrammeStatus)' })
export class UpdateProgrammeInput extends PartialType(OmitType(CreateProgrammeInput, ['tenantId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор программ' })
export class ProgrammeFilter extends BaseFilter {
  @AcademicYearField({ optional: true }) academicYear?: string;
  @IdField('Форма наставничества', { optional: true }) formId?: string;
  @EnumField(ProgrammeStatus, 'Неизвестное состояние программы.', { optional: true }) status?: ProgrammeStatus;
}

@ArgsType()
export class ProgrammeListArgs extends ListArgs {
  @FilterField(() => ProgrammeFilter) filter?: ProgrammeFilter;
}

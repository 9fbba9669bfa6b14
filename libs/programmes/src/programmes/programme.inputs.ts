import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseFilter } from '../common/base-filter';
import {
  AcademicYearField, DateField, IdField, IdListField, IntField, TenantIdField, TextField, TextListField,
} from '../common/input-decorators';
import { IsAcademicYear } from '../common/validators';
import { ProgrammeStatus } from './programme.entity';

@InputType({ description: 'Новая программа наставничества (создаётся черновиком)' })
export class CreateProgrammeInput {
  @TenantIdField() tenantId?: string | null;
  @TextField('Наименование', 1, 500) title!: string;
  @AcademicYearField() academicYear!: string;
  @IdField('Форма наставничества') formId!: string;
  @IdListField('Ролевые модели') roleModelIds?: string[];
  @IdListField('Виды наставничества') formatIds?: string[];
  @IdListField('Направления') directionIds?: string[];
  @TextField('Цель', 0, 4000, { optional: true, description: 'Цель; по умолчанию — цель формы наставничества' }) goal?: string | null;
  @TextListField('Задачи', { description: 'Задачи; по умолчанию — задачи формы' }) tasks?: string[];
  @TextListField('Ожидаемые результаты', { description: 'Ожидаемые результаты; по умолчанию — результаты формы' }) expectedResults?: string[];
  @DateField('Дата начала', { optional: true }) startDate?: string | null;
  @DateField('Дата окончания', { optional: true }) endDate?: string | null;
  @IdField('Приказ об утверждении', { optional: true }) approvalOrderId?: string | null;
  @IntField('Наибольшее число наставляемых у наставника', 1, 30, { optional: true }) mentorCapacity?: number;
}

@InputType({ description: 'Изменение программы; состояние меняется отдельно (changeProgrammeStatus)' })
export class UpdateProgrammeInput extends PartialType(OmitType(CreateProgrammeInput, ['tenantId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор программ' })
export class ProgrammeFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор формы наставничества.' })
  formId?: string;

  @Field(() => ProgrammeStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProgrammeStatus, { message: 'Неизвестное состояние программы.' })
  status?: ProgrammeStatus;
}

@ArgsType()
export class ProgrammeListArgs extends ListArgs {
  @Field(() => ProgrammeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgrammeFilter)
  filter?: ProgrammeFilter;
}

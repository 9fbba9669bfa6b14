import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseFilter } from '../common/base-filter';
import { DateField, IdField, IdListField, IntField, TextField } from '../common/input-decorators';
import { PlanStatus, PlanTaskStatus } from './personalised-programme.entity';

@InputType({ description: 'Новая персонализированная программа пары (группы)' })
export class CreatePersonalisedProgrammeInput {
  @IdField('Пара (группа)') pairId!: string;
  @TextField('Наименование', 1, 500) title!: string;
  @DateField('Дата начала', { optional: true }) startDate?: string | null;
  @DateField('Дата окончания', { optional: true }) endDate?: string | null;
  @IdListField('Виды наставничества', { maxItems: 20 }) formatIds?: string[];
  @TextField('Цель', 0, 4000, { optional: true }) goal?: string | null;
  @TextField('Выявленные затруднения', 0, 4000, { optional: true }) difficulties?: string | null;
  @TextField('Сильные стороны', 0, 4000, { optional: true }) strengths?: string | null;
  @TextField('Ожидаемые результаты', 0, 4000, { optional: true }) expectedResults?: string | null;
}

@InputType({ description: 'Изменение (продление, корректировка) персонализированной программы' })
export class UpdatePersonalisedProgrammeInput extends PartialType(OmitType(CreatePersonalisedProgrammeInput, ['pairId'] as const), { skipNullProperties: false }) {
  @Field(() => PlanStatus, { nullable: true, description: 'Разрабатывается → реализуется → завершена' })
  @IsOptional()
  @IsEnum(PlanStatus, { message: 'Неизвестное состояние персонализированной программы.' })
  status?: PlanStatus;
}

@InputType({ description: 'Отбор персонализированных программ' })
export class PersonalisedProgrammeFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор пары.' })
  pairId?: string;

  @Field(() => PlanStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PlanStatus, { message: 'Неизвестное состояние персонализированной программы.' })
  status?: PlanStatus;
}

@ArgsType()
export class PersonalisedProgrammeListArgs extends ListArgs {
  @Field(() => PersonalisedProgrammeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalisedProgrammeFilter)
  filter?: PersonalisedProgrammeFilter;
}

@InputType({ description: 'Новое мероприятие индивидуального плана' })
export class CreatePlanTaskInput {
  @IdField('Персонализированная программа') personalisedProgrammeId!: string;
  @IntField('Порядок', 0, 100000, { optional: true, description: 'Порядок в плане; по умолчанию — в конец' }) position?: number;
  @TextField('Мероприятие', 1, 1000) title!: string;
  @TextField('Описание', 0, 4000, { optional: true }) description?: string | null;
  @DateField('Срок', { optional: true }) deadline?: string | null;
  @TextField('Ответственный', 0, 300, { optional: true }) responsible?: string | null;

  @Field(() => PlanTaskStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PlanTaskStatus, { message: 'Выполнение: запланировано, выполняется, выполнено или отменено.' })
  status?: PlanTaskStatus;

  @TextField('Результат', 0, 4000, { optional: true }) result?: string | null;
  @DateField('Дата выполнения', { optional: true }) completedOn?: string | null;
}

@InputType({ description: 'Изменение мероприятия плана' })
export class UpdatePlanTaskInput extends PartialType(OmitType(CreatePlanTaskInput, ['personalisedProgrammeId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор мероприятий плана' })
export class PlanTaskFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор персонализированной программы.' })
  personalisedProgrammeId?: string;

  @Field(() => PlanTaskStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PlanTaskStatus, { message: 'Неизвестное состояние мероприятия.' })
  status?: PlanTaskStatus;
}

@ArgsType()
export class PlanTaskListArgs extends ListArgs {
  @Field(() => PlanTaskFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanTaskFilter)
  filter?: PlanTaskFilter;
}

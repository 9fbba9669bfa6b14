import { ArgsType, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { DateField, EnumField, FilterField, IdField, IdListField, IntField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { PlanStatus, PlanTaskStatus } from '../plans/personalised-programme.entity';
import { BaseFilter } from './base-filter.input';

const PLAN_STATUS = 'Неизвестное состояние персонализированной программы.';
const TASK_STATUS = 'Выполнение: запланировано, выполняется, выполнено или отменено.';

@InputType({ description: 'Новая персонализированная программа пары (группы)' })
export class CreatePersonalisedProgrammeInput {
  @IdField('Пара (группа)') pairId!: string;
  @TextField('Наименование', 1, 500) title!: string;
  @DateField('Дата начала', { nullable: true }) startDate?: string | null;
  @DateField('Дата окончания', { nullable: true }) endDate?: string | null;
  @IdListField('Виды наставничества', { nullable: true, maxItems: 20 }) formatIds?: string[];
  @TextField('Цель', 0, 4000, { nullable: true }) goal?: string | null;
  @TextField('Выявленные затруднения', 0, 4000, { nullable: true }) difficulties?: string | null;
  @TextField('Сильные стороны', 0, 4000, { nullable: true }) strengths?: string | null;
  @TextField('Ожидаемые результаты', 0, 4000, { nullable: true }) expectedResults?: string | null;
}

@InputType({ description: 'Изменение (продление, корректировка) персонализированной программы' })
export class UpdatePersonalisedProgrammeInput extends PartialType(OmitType(CreatePersonalisedProgrammeInput, ['pairId'] as const), { skipNullProperties: false }) {
  @EnumField(PlanStatus, PLAN_STATUS, { optional: true, description: 'Разрабатывается → реализуется → завершена' }) status?: PlanStatus;
}

@InputType({ description: 'Отбор персонализированных программ' })
export class PersonalisedProgrammeFilter extends BaseFilter {
  @IdField('Пара', { optional: true }) pairId?: string;
  @EnumField(PlanStatus, PLAN_STATUS, { optional: true }) status?: PlanStatus;
}

@ArgsType()
export class PersonalisedProgrammeListArgs extends ListArgs {
  @FilterField(() => PersonalisedProgrammeFilter) filter?: PersonalisedProgrammeFilter;
}

@InputType({ description: 'Новое мероприятие индивидуального плана' })
export class CreatePlanTaskInput {
  @IdField('Персонализированная программа') personalisedProgrammeId!: string;
  @IntField('Порядок', 0, 100000, { nullable: true, description: 'Порядок в плане; по умолчанию — в конец' }) position?: number;
  @TextField('Мероприятие', 1, 1000) title!: string;
  @TextField('Описание', 0, 4000, { nullable: true }) description?: string | null;
  @DateField('Срок', { nullable: true }) deadline?: string | null;
  @TextField('Ответственный', 0, 300, { nullable: true }) responsible?: string | null;
  @EnumField(PlanTaskStatus, TASK_STATUS, { optional: true }) status?: PlanTaskStatus;
  @TextField('Результат', 0, 4000, { nullable: true }) result?: string | null;
  @DateField('Дата выполнения', { nullable: true }) completedOn?: string | null;
}

@InputType({ description: 'Изменение мероприятия плана' })
export class UpdatePlanTaskInput extends PartialType(OmitType(CreatePlanTaskInput, ['personalisedProgrammeId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор мероприятий плана' })
export class PlanTaskFilter extends BaseFilter {
  @IdField('Персонализированная программа', { optional: true }) personalisedProgrammeId?: string;
  @EnumField(PlanTaskStatus, TASK_STATUS, { optional: true }) status?: PlanTaskStatus;
}

@ArgsType()
export class PlanTaskListArgs extends ListArgs {
  @FilterField(() => PlanTaskFilter) filter?: PlanTaskFilter;
}

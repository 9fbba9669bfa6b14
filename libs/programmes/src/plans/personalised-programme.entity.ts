import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';
import { monthsBetween } from '../common/validators';

export const PlanStatus = { DRAFT: 'draft', ACTIVE: 'active', COMPLETED: 'completed' } as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];
describeEnum(PlanStatus, 'PlanStatus', 'Состояние персонализированной программы', { DRAFT: 'Разрабатывается', ACTIVE: 'Реализуется', COMPLETED: 'Завершена' });

/** A personalised programme lasts «от 3 месяцев до 1 года» (001 §1.3); outside that the curator is warned, not stopped. */
export const PERSONALISED_MONTHS = [3, 12] as const;

/**
 * Персонализированная программа наставничества of a pair or group: forms (виды) of mentoring,
 * the mentee's difficulties and strengths, goal and expected results, and the plan of activities
 * (индивидуальный план, `PlanTask`) with deadlines. Extended or corrected by mutual consent.
 */
@ObjectType('PersonalisedProgramme', { description: 'Персонализированная программа наставничества пары (группы)' })
@Entity('personalised_programmes')
export class PersonalisedProgrammeEntity extends TenantOwnedEntity {
  @Field(() => ID, { description: 'Пара (группа)' })
  @Column({ name: 'pair_id', type: 'uuid' })
  pairId!: string;

  @Field({ description: 'Наименование' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Дата начала (ГГГГ-ММ-ДД)' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата окончания (ГГГГ-ММ-ДД)' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => [ID], { description: 'Виды наставничества' })
  @Column({ name: 'format_ids', type: 'uuid', array: true })
  formatIds!: string[];

  @Field(() => String, { nullable: true, description: 'Цель' })
  @Column({ type: 'text', nullable: true })
  goal!: string | null;

  @Field(() => String, { nullable: true, description: 'Выявленные затруднения наставляемого' })
  @Column({ type: 'text', nullable: true })
  difficulties!: string | null;

  @Field(() => String, { nullable: true, description: 'Сильные стороны наставляемого' })
  @Column({ type: 'text', nullable: true })
  strengths!: string | null;

  @Field(() => String, { nullable: true, description: 'Ожидаемые результаты' })
  @Column({ name: 'expected_results', type: 'text', nullable: true })
  expectedResults!: string | null;

  @Field(() => PlanStatus)
  @Column({ type: 'text' })
  status!: PlanStatus;

  @Field(() => Int, { nullable: true, description: 'Продолжительность, полных месяцев' })
  get durationMonths(): number | null {
    return this.startDate && this.endDate ? Math.floor(monthsBetween(this.startDate, this.endDate)) : null;
  }

  @Field(() => String, { nullable: true, description: 'Предупреждение о сроке (рекомендуется от 3 до 12 месяцев)' })
  get durationWarning(): string | null {
    if (!this.startDate || !this.endDate) return null;
    const months = monthsBetween(this.startDate, this.endDate);
    if (months < PERSONALISED_MONTHS[0]) return `Срок программы меньше 3 месяцев — персонализированная программа рассчитана на срок от 3 месяцев до 1 года.`;
    if (months > PERSONALISED_MONTHS[1]) return `Срок программы больше 12 месяцев — персонализированная программа рассчитана на срок от 3 месяцев до 1 года.`;
    return null;
  }
}

export const PlanTaskStatus = { PLANNED: 'planned', IN_PROGRESS: 'in_progress', DONE: 'done', CANCELLED: 'cancelled' } as const;
export type PlanTaskStatus = (typeof PlanTaskStatus)[keyof typeof PlanTaskStatus];
describeEnum(PlanTaskStatus, 'PlanTaskStatus', 'Выполнение мероприятия плана', {
  PLANNED: 'Запланировано',
  IN_PROGRESS: 'Выполняется',
  DONE: 'Выполнено',
  CANCELLED: 'Отменено',
});

/** Мероприятие индивидуального плана: what, by when, who, done or not, with what result. */
@ObjectType('PlanTask', { description: 'Мероприятие индивидуального плана (плана персонализированной программы)' })
@Entity('plan_tasks')
export class PlanTaskEntity extends TenantOwnedEntity {
  @Field(() => ID)
  @Column({ name: 'personalised_programme_id', type: 'uuid' })
  personalisedProgrammeId!: string;

  @Field(() => Int, { description: 'Порядок в плане' })
  @Column({ type: 'int' })
  position!: number;

  @Field({ description: 'Мероприятие' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Срок (ГГГГ-ММ-ДД)' })
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Field(() => String, { nullable: true, description: 'Ответственный' })
  @Column({ type: 'text', nullable: true })
  responsible!: string | null;

  @Field(() => PlanTaskStatus)
  @Column({ type: 'text' })
  status!: PlanTaskStatus;

  @Field(() => String, { nullable: true, description: 'Результат' })
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата выполнения (ГГГГ-ММ-ДД)' })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;
}

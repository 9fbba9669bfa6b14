import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/**
 * Дорожная карта (план мероприятий) of an organisation for an academic year: the dated plan of
 * introducing the target model, and — with each item's execution result — its execution report
 * («Отчет об исполнении дорожной карты … за 2022-2023 уч. год», seed 004).
 */
@ObjectType('Roadmap', { description: 'Дорожная карта внедрения целевой модели наставничества' })
@Entity('roadmaps')
export class RoadmapEntity extends TenantOwnedEntity {
  @Field({ description: 'Наименование' })
  @Column({ type: 'text' })
  title!: string;

  @Field({ description: 'Учебный год, за который ведётся карта и отчёт, например «2022/2023»' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Field(() => String, { nullable: true, description: 'Период действия, как в документе, например «2023–2026»' })
  @Column({ name: 'period_text', type: 'text', nullable: true })
  periodText!: string | null;

  @Field(() => ID, { nullable: true, description: 'Приказ об утверждении' })
  @Column({ name: 'approval_order_id', type: 'uuid', nullable: true })
  approvalOrderId!: string | null;
}

/** Исполнение мероприятия дорожной карты. */
export const RoadmapItemStatus = { PLANNED: 'planned', IN_PROGRESS: 'in_progress', DONE: 'done', NOT_DONE: 'not_done' } as const;
export type RoadmapItemStatus = (typeof RoadmapItemStatus)[keyof typeof RoadmapItemStatus];
describeEnum(RoadmapItemStatus, 'RoadmapItemStatus', 'Исполнение мероприятия', {
  PLANNED: 'Запланировано',
  IN_PROGRESS: 'Выполняется',
  DONE: 'Выполнено',
  NOT_DONE: 'Не выполнено (в том числе «Программа не завершена»)',
});

/**
 * Мероприятие дорожной карты: number as printed («3.4», «пос. 38»), stage, activity, content,
 * schedule verbatim («до 15 апреля 2023 года., далее – по мере необходимости») with optional
 * dates, responsible, and the execution result and date.
 */
@ObjectType('RoadmapItem', { description: 'Мероприятие дорожной карты' })
@Entity('roadmap_items')
export class RoadmapItemEntity extends TenantOwnedEntity {
  @Field(() => ID)
  @Column({ name: 'roadmap_id', type: 'uuid' })
  roadmapId!: string;

  @Field({ description: '№ п/п, как в документе' })
  @Column({ type: 'text' })
  number!: string;

  @Field(() => Int, { description: 'Порядок в карте' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => ID, { nullable: true, description: 'Этап (раздел) карты' })
  @Column({ name: 'stage_id', type: 'uuid', nullable: true })
  stageId!: string | null;

  @Field({ description: 'Мероприятие' })
  @Column({ type: 'text' })
  activity!: string;

  @Field(() => [String], { description: 'Содержание деятельности (пункты)' })
  @Column({ type: 'text', array: true })
  content!: string[];

  @Field(() => String, { nullable: true, description: 'Сроки — как в документе' })
  @Column({ name: 'schedule_text', type: 'text', nullable: true })
  scheduleText!: string | null;

  @Field(() => String, { nullable: true, description: 'Плановое начало (ГГГГ-ММ-ДД)' })
  @Column({ name: 'planned_start', type: 'date', nullable: true })
  plannedStart!: string | null;

  @Field(() => String, { nullable: true, description: 'Плановое окончание (ГГГГ-ММ-ДД)' })
  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd!: string | null;

  @Field(() => String, { nullable: true, description: 'Ответственный' })
  @Column({ type: 'text', nullable: true })
  responsible!: string | null;

  @Field(() => RoadmapItemStatus)
  @Column({ type: 'text' })
  status!: RoadmapItemStatus;

  @Field(() => String, { nullable: true, description: 'Результат исполнения' })
  @Column({ name: 'execution_result', type: 'text', nullable: true })
  executionResult!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата исполнения (ГГГГ-ММ-ДД)' })
  @Column({ name: 'executed_on', type: 'date', nullable: true })
  executedOn!: string | null;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/** draft → active → completed (§4.4, inferred). */
export const ProgrammeStatus = { DRAFT: 'draft', ACTIVE: 'active', COMPLETED: 'completed' } as const;
export type ProgrammeStatus = (typeof ProgrammeStatus)[keyof typeof ProgrammeStatus];
describeEnum(ProgrammeStatus, 'ProgrammeStatus', 'Состояние программы наставничества', { DRAFT: 'Черновик', ACTIVE: 'Реализуется', COMPLETED: 'Завершена' });

/**
 * Программа наставничества of an organisation for an academic year: one form of mentoring with
 * its role models, formats (виды) and directions; goal, tasks, expected results; the order that
 * approved it. Pairs and groups work inside a programme.
 */
@ObjectType('Programme', { description: 'Программа наставничества' })
@Entity('programmes')
export class ProgrammeEntity extends TenantOwnedEntity {
  @Field({ description: 'Наименование' })
  @Column({ type: 'text' })
  title!: string;

  @Field({ description: 'Учебный год, например «2022/2023»' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Field(() => ID, { description: 'Форма наставничества' })
  @Column({ name: 'form_id', type: 'uuid' })
  formId!: string;

  @Field(() => [ID], { description: 'Ролевые модели (формы взаимодействия) этой формы' })
  @Column({ name: 'role_model_ids', type: 'uuid', array: true })
  roleModelIds!: string[];

  @Field(() => [ID], { description: 'Виды наставничества' })
  @Column({ name: 'format_ids', type: 'uuid', array: true })
  formatIds!: string[];

  @Field(() => [ID], { description: 'Направления наставничества' })
  @Column({ name: 'direction_ids', type: 'uuid', array: true })
  directionIds!: string[];

  @Field(() => String, { nullable: true, description: 'Цель' })
  @Column({ type: 'text', nullable: true })
  goal!: string | null;

  @Field(() => [String], { description: 'Задачи' })
  @Column({ type: 'text', array: true })
  tasks!: string[];

  @Field(() => [String], { description: 'Ожидаемые результаты' })
  @Column({ name: 'expected_results', type: 'text', array: true })
  expectedResults!: string[];

  @Field(() => String, { nullable: true, description: 'Дата начала (ГГГГ-ММ-ДД)' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата окончания (ГГГГ-ММ-ДД)' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => ProgrammeStatus)
  @Column({ type: 'text' })
  status!: ProgrammeStatus;

  @Field(() => ID, { nullable: true, description: 'Приказ об утверждении программы' })
  @Column({ name: 'approval_order_id', type: 'uuid', nullable: true })
  approvalOrderId!: string | null;

  @Field(() => Int, { description: 'Наибольшее число наставляемых у одного наставника (во всех действующих парах и группах), если в базе наставников не указано иное' })
  @Column({ name: 'mentor_capacity', type: 'smallint' })
  mentorCapacity!: number;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { ParticipantKind } from '@nastavnik/participants/participant.codes';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Reference data (справочники) of the target model: global (no organisation), readable by every
 * signed-in role, written by the platform admin only, seeded from the source documents. Rows are
 * retired with `isActive = false`, never deleted, so every reference to them stays valid.
 */
@ObjectType({ isAbstract: true })
export abstract class ReferenceEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Постоянный код (латиница, цифры, «_»)' })
  @Column({ type: 'text' })
  code!: string;

  @Field({ description: 'Наименование' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => Int, { description: 'Порядок в списках' })
  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;

  @Field({ description: 'Используется (неактивные не предлагаются для новых записей)' })
  @Column({ name: 'is_active', type: 'boolean' })
  isActive!: boolean;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Форма наставничества: the role positions of mentor and mentee («Ученик – ученик», «Учитель – учитель», …). */
@ObjectType('MentoringForm', { description: 'Форма наставничества' })
@Entity('mentoring_forms')
export class MentoringFormEntity extends ReferenceEntry {
  @Field(() => String, { nullable: true, description: 'Определение формы' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Цель' })
  @Column({ type: 'text', nullable: true })
  goal!: string | null;

  @Field(() => [String], { description: 'Задачи' })
  @Column({ type: 'text', array: true })
  tasks!: string[];

  @Field(() => [String], { description: 'Ожидаемые результаты' })
  @Column({ name: 'expected_results', type: 'text', array: true })
  expectedResults!: string[];

  @Field(() => [String], { description: 'Характеристика наставника' })
  @Column({ name: 'mentor_profile', type: 'text', array: true })
  mentorProfile!: string[];

  @Field(() => [String], { description: 'Характеристика наставляемого' })
  @Column({ name: 'mentee_profile', type: 'text', array: true })
  menteeProfile!: string[];

  @Field(() => [ParticipantKind], { description: 'Кто может быть наставником' })
  @Column({ name: 'mentor_kinds', type: 'text', array: true })
  mentorKinds!: ParticipantKind[];

  @Field(() => [ParticipantKind], { description: 'Кто может быть наставляемым' })
  @Column({ name: 'mentee_kinds', type: 'text', array: true })
  menteeKinds!: ParticipantKind[];

  @Field(() => Int, { nullable: true, description: 'Наименьший возраст наставника, лет' })
  @Column({ name: 'mentor_min_age', type: 'int', nullable: true })
  mentorMinAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'Наименьший возраст наставляемого, лет' })
  @Column({ name: 'mentee_min_age', type: 'int', nullable: true })
  menteeMinAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'Наибольший возраст наставляемого, лет' })
  @Column({ name: 'mentee_max_age', type: 'int', nullable: true })
  menteeMaxAge!: number | null;

  @Field({ description: 'Наставник, как правило, старше (выше классом) наставляемого — иначе предупреждение' })
  @Column({ name: 'mentor_usually_older', type: 'boolean' })
  mentorUsuallyOlder!: boolean;

  @Field(() => String, { nullable: true, description: 'Источник (документ, раздел)' })
  @Column({ type: 'text', nullable: true })
  source!: string | null;
}

/** Ролевая модель (форма взаимодействия) inside a form, e.g. «Опытный педагог – молодой специалист». */
@ObjectType('RoleModel', { description: 'Ролевая модель (форма взаимодействия наставника и наставляемого)' })
@Entity('role_models')
export class RoleModelEntity extends ReferenceEntry {
  @Field(() => ID, { description: 'Форма наставничества' })
  @Column({ name: 'form_id', type: 'uuid' })
  formId!: string;

  @Field(() => String, { nullable: true, description: 'Цель взаимодействия' })
  @Column({ type: 'text', nullable: true })
  goal!: string | null;

  @Field(() => String, { nullable: true, description: 'Источник (документ, раздел)' })
  @Column({ type: 'text', nullable: true })
  source!: string | null;
}

/** Вид наставничества (виртуальное, в группе, реверсивное, …): orthogonal to the form. */
@ObjectType('MentoringFormat', { description: 'Вид наставничества' })
@Entity('mentoring_formats')
export class MentoringFormatEntity extends ReferenceEntry {
  @Field(() => String, { nullable: true, description: 'Определение' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;
}

export const DirectionAudience = { STUDENTS: 'students', TEACHERS: 'teachers' } as const;
export type DirectionAudience = (typeof DirectionAudience)[keyof typeof DirectionAudience];
describeEnum(DirectionAudience, 'DirectionAudience', 'Для кого направление', { STUDENTS: 'Наставляемые-обучающиеся', TEACHERS: 'Наставляемые-педагоги' });

/** Направление наставнической деятельности D01–D11 (the reporting dimension of seed 004). */
@ObjectType('MentoringDirection', { description: 'Направление наставничества' })
@Entity('mentoring_directions')
export class MentoringDirectionEntity extends ReferenceEntry {
  @Field({ description: 'Краткое наименование' })
  @Column({ name: 'short_title', type: 'text' })
  shortTitle!: string;

  @Field(() => DirectionAudience)
  @Column({ type: 'text' })
  audience!: DirectionAudience;
}

/** Область интересов наставляемых (интеллектуальное, спортивное, волонтёрское, творческое, методическое). */
@ObjectType('MenteeInterest', { description: 'Область интересов наставляемых' })
@Entity('interest_areas')
export class MenteeInterestEntity extends ReferenceEntry {}

export const MeetingScope = { PAIR: 'pair', PROGRAMME: 'programme' } as const;
export type MeetingScope = (typeof MeetingScope)[keyof typeof MeetingScope];
describeEnum(MeetingScope, 'MeetingScope', 'Кто встречается', { PAIR: 'Наставническая пара или группа', PROGRAMME: 'Все участники программы' });

/** Вид встречи (организационная, пробная рабочая, планирование, регулярная, заключительная, …). */
@ObjectType('MeetingType', { description: 'Вид встречи' })
@Entity('meeting_types')
export class MeetingTypeEntity extends ReferenceEntry {
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => MeetingScope)
  @Column({ type: 'text' })
  scope!: MeetingScope;
}

/** Этап реализации целевой модели (1–7 by seed 004, plus cross-cutting sections of the roadmaps). */
@ObjectType('ProgrammeStage', { description: 'Этап реализации целевой модели наставничества' })
@Entity('programme_stages')
export class ProgrammeStageEntity extends ReferenceEntry {
  @Field(() => Int, { nullable: true, description: 'Номер этапа 1–7; у сквозных разделов нет' })
  @Column({ type: 'int', nullable: true })
  number!: number | null;

  @Field(() => String, { nullable: true, description: 'Цель' })
  @Column({ type: 'text', nullable: true })
  goal!: string | null;

  @Field(() => String, { nullable: true, description: 'Задача' })
  @Column({ type: 'text', nullable: true })
  task!: string | null;

  @Field(() => String, { nullable: true, description: 'Результат' })
  @Column({ type: 'text', nullable: true })
  result!: string | null;
}

export const REFERENCE_ENTITIES = [
  MentoringFormEntity,
  RoleModelEntity,
  MentoringFormatEntity,
  MentoringDirectionEntity,
  MenteeInterestEntity,
  MeetingTypeEntity,
  ProgrammeStageEntity,
] as const;

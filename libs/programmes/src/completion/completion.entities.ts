import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';
import { CompetitionResult, CompetitionStatus, MentorNominationKind, PracticeCaseStatus } from './completion.codes';

/**
 * Выдвижение наставника на поощрение (номинация с обоснованием) школой, for a school year. The
 * mentor's full name is kept as written when nominated: the letter of thanks and an entry print it.
 */
@ObjectType('MentorNomination', { description: 'Выдвижение наставника на поощрение' })
@Entity('mentor_nominations')
export class MentorNominationEntity extends TenantOwnedEntity {
  @Field({ description: 'Учебный год (ГГГГ/ГГГГ)' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Field(() => MentorNominationKind)
  @Column({ type: 'text' })
  nomination!: MentorNominationKind;

  @Field(() => ID, { description: 'Наставник (участник)' })
  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @Field({ description: 'ФИО наставника' })
  @Column({ name: 'mentor_name', type: 'text' })
  mentorName!: string;

  @Field({ description: 'Обоснование выдвижения' })
  @Column({ type: 'text' })
  reason!: string;
}

/** Конкурс наставников, который проводит регион (или муниципалитет), с его номинациями. */
@ObjectType('MentorCompetition', { description: 'Конкурс наставников региона' })
@Entity('mentor_competitions')
export class MentorCompetitionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'Регион или муниципалитет, проводящий конкурс' })
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field({ description: 'Название конкурса' })
  @Column({ type: 'text' })
  title!: string;

  @Field({ description: 'Учебный год (ГГГГ/ГГГГ)' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Field(() => [MentorNominationKind], { description: 'Номинации конкурса' })
  @Column({ type: 'text', array: true })
  nominations!: MentorNominationKind[];

  @Field(() => String, { nullable: true, description: 'Приём заявок до (ГГГГ-ММ-ДД)' })
  @Column({ name: 'entries_until', type: 'date', nullable: true })
  entriesUntil!: string | null;

  @Field(() => CompetitionStatus)
  @Column({ type: 'text' })
  status!: CompetitionStatus;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * Заявка школы на конкурс: the nomination the school entered, copied (nomination, name, reason,
 * school) — what the region reads of the school's recognition — and the region's result.
 */
@ObjectType('CompetitionEntry', { description: 'Заявка школы на конкурс наставников' })
@Entity('competition_entries')
export class CompetitionEntryEntity extends TenantOwnedEntity {
  @Field(() => ID, { description: 'Конкурс' })
  @Column({ name: 'competition_id', type: 'uuid' })
  competitionId!: string;

  @Field(() => ID, { description: 'Выдвижение школы' })
  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId!: string;

  @Field(() => MentorNominationKind)
  @Column({ type: 'text' })
  nomination!: MentorNominationKind;

  @Field({ description: 'ФИО наставника' })
  @Column({ name: 'mentor_name', type: 'text' })
  mentorName!: string;

  @Field({ description: 'Обоснование выдвижения' })
  @Column({ type: 'text' })
  reason!: string;

  @Field({ description: 'Образовательная организация' })
  @Column({ name: 'school_name', type: 'text' })
  schoolName!: string;

  @Field(() => CompetitionResult, { nullable: true, description: 'Итог: победитель, призёр, участник' })
  @Column({ type: 'text', nullable: true })
  result!: CompetitionResult | null;

  @Field(() => Date, { nullable: true, description: 'Когда подведён итог' })
  @Column({ name: 'result_at', type: 'timestamptz', nullable: true })
  resultAt!: Date | null;
}

/** Кейс банка практик (лучшие практики, методическая копилка): форма, ролевая модель, что сделано, результаты. */
@ObjectType('PracticeCase', { description: 'Кейс банка практик наставничества' })
@Entity('practice_cases')
export class PracticeCaseEntity extends TenantOwnedEntity {
  @Field({ description: 'Образовательная организация' })
  @Column({ name: 'school_name', type: 'text' })
  schoolName!: string;

  @Field({ description: 'Учебный год (ГГГГ/ГГГГ)' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Field({ description: 'Название кейса' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => ID, { description: 'Форма наставничества' })
  @Column({ name: 'form_id', type: 'uuid' })
  formId!: string;

  @Field(() => ID, { nullable: true, description: 'Ролевая модель' })
  @Column({ name: 'role_model_id', type: 'uuid', nullable: true })
  roleModelId!: string | null;

  @Field({ description: 'Что было сделано' })
  @Column({ name: 'what_was_done', type: 'text' })
  whatWasDone!: string;

  @Field({ description: 'Результаты' })
  @Column({ type: 'text' })
  results!: string;

  @Field(() => PracticeCaseStatus)
  @Column({ type: 'text' })
  status!: PracticeCaseStatus;

  @Field(() => String, { nullable: true, description: 'Комментарий модератора региона' })
  @Column({ name: 'moderator_comment', type: 'text', nullable: true })
  moderatorComment!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'moderated_at', type: 'timestamptz', nullable: true })
  moderatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

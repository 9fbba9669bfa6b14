import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TenantRowEntity } from '@nastavnik/tenants/tenant-row.entity';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { QuestionnairePhase, RespondentRole, ResponseChannel } from './questionnaire.codes';

/** Ответ на один вопрос анкеты: оценка, текст или выбранные варианты. */
@ObjectType('QuestionnaireAnswer', { description: 'Ответ на вопрос' })
@Entity('questionnaire_answers')
export class QuestionnaireAnswerEntity extends TenantRowEntity {
  @Field(() => ID)
  @Column({ name: 'response_id', type: 'uuid' })
  responseId!: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Field(() => ID)
  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @Field(() => Int, { nullable: true, description: 'Оценка по шкале' })
  @Column({ name: 'value_number', type: 'smallint', nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Текст ответа на открытый вопрос' })
  @Column({ name: 'value_text', type: 'text', nullable: true })
  text!: string | null;

  @Field(() => [String], { nullable: true, description: 'Коды выбранных вариантов' })
  @Column({ name: 'value_options', type: 'text', array: true, nullable: true })
  options!: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Заполненная анкета (questionnaire response) of one participant for one template version, in
 * an academic year and a phase. `satisfied` is derived when the response is saved from the
 * template's satisfaction question (null when the template has none) — what T3/T4 count.
 */
@ObjectType('QuestionnaireResponse', { description: 'Заполненная анкета' })
@Entity('questionnaire_responses')
export class QuestionnaireResponseEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => ID, { description: 'Версия шаблона, на которую отвечали' })
  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Field(() => ID, { nullable: true, description: 'Участник (для анкеты куратора может отсутствовать)' })
  @Column({ name: 'participant_id', type: 'uuid', nullable: true })
  participantId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Программа наставничества' })
  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Наставническая пара/группа' })
  @Column({ name: 'pair_id', type: 'uuid', nullable: true })
  pairId!: string | null;

  @Field(() => RespondentRole)
  @Column({ name: 'respondent_role', type: 'text' })
  respondentRole!: RespondentRole;

  @Field({ description: 'Учебный год, например 2022/2023' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Field(() => QuestionnairePhase)
  @Column({ type: 'text' })
  phase!: QuestionnairePhase;

  @Field(() => ResponseChannel)
  @Column({ type: 'text' })
  channel!: ResponseChannel;

  @Field(() => ID, { nullable: true, description: 'Персональная ссылка, по которой получены ответы' })
  @Column({ name: 'link_id', type: 'uuid', nullable: true })
  linkId!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Удовлетворён участием (по вопросу удовлетворённости); пусто — в анкете такого вопроса нет' })
  @Column({ type: 'boolean', nullable: true })
  satisfied!: boolean | null;

  @Field({ description: 'Когда анкета заполнена' })
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Кто внёс ответы (учётная запись куратора)' })
  @Column({ name: 'entered_by', type: 'text', nullable: true })
  enteredBy!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Loaded by the service; not a column. */
  @Field(() => [QuestionnaireAnswerEntity], { description: 'Ответы' })
  answers!: QuestionnaireAnswerEntity[];
}

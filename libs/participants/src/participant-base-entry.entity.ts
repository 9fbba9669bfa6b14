import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TenantRowEntity } from '@nastavnik/tenants/tenant-row.entity';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { BaseKind, BaseStatus, InfoSource, ParticipantCategory, TrainingForm } from './participant.codes';

/**
 * Запись в базе наставников или в базе наставляемых (база / банк наставников, наставляемых): why
 * the person is there and how far they have come (potential → surveyed → selected → trained →
 * in a pair → finished, or withdrawn), with the date of each step. A person may stand in both
 * bases (a mentor in one programme, a mentee in another), once in each. The questionnaires and
 * the assessments before and after belong to the monitoring lib; the pair, the form and the
 * role-model to the programmes lib.
 */
@ObjectType('ParticipantBaseEntry', { description: 'Запись в базе наставников или наставляемых' })
@Entity('participant_base_entries')
export class ParticipantBaseEntryEntity extends TenantRowEntity {
  @Field(() => ID)
  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @Field(() => BaseKind)
  @Column({ type: 'text' })
  base!: BaseKind;

  @Field(() => BaseStatus)
  @Column({ type: 'text', default: 'potential' })
  status!: BaseStatus;

  @Field({ description: 'Дата включения в базу' })
  @Column({ name: 'included_on', type: 'date' })
  includedOn!: string;

  @Field(() => String, { nullable: true, description: 'Дата анкетирования / собеседования' })
  @Column({ name: 'surveyed_on', type: 'date', nullable: true })
  surveyedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата отбора' })
  @Column({ name: 'selected_on', type: 'date', nullable: true })
  selectedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата окончания обучения (наставники)' })
  @Column({ name: 'trained_on', type: 'date', nullable: true })
  trainedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата включения в пару или группу' })
  @Column({ name: 'paired_on', type: 'date', nullable: true })
  pairedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата завершения программы' })
  @Column({ name: 'finished_on', type: 'date', nullable: true })
  finishedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата выбытия' })
  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Причина выбытия' })
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Field(() => [ParticipantCategory], { description: 'Категории (молодой специалист, ОВЗ, одарённый…)' })
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  categories!: ParticipantCategory[];

  @Field(() => String, { nullable: true, description: 'Запрос наставляемого: какие задачи решить, трудности' })
  @Column({ type: 'text', nullable: true })
  request!: string | null;

  @Field(() => String, { nullable: true, description: 'Компетенции и возможности наставника (что может предложить)' })
  @Column({ type: 'text', nullable: true })
  competencies!: string | null;

  @Field(() => String, { nullable: true, description: 'Мотивация участия' })
  @Column({ type: 'text', nullable: true })
  motivation!: string | null;

  @Field(() => [InfoSource], { description: 'Источники сведений о потребностях' })
  @Column({ name: 'info_sources', type: 'text', array: true, default: () => `'{}'` })
  infoSources!: InfoSource[];

  @Field(() => String, { nullable: true, description: 'Сведения третьих лиц (классный руководитель, психолог, родители)' })
  @Column({ name: 'third_party_notes', type: 'text', nullable: true })
  thirdPartyNotes!: string | null;

  @Field(() => String, { nullable: true, description: 'Итог собеседования, тестирования' })
  @Column({ name: 'interview_result', type: 'text', nullable: true })
  interviewResult!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Психологическая готовность к работе в программе' })
  @Column({ name: 'psych_ready', type: 'boolean', nullable: true })
  psychReady!: boolean | null;

  @Field(() => TrainingForm, { nullable: true, description: 'Форма обучения наставника' })
  @Column({ name: 'training_form', type: 'text', nullable: true })
  trainingForm!: TrainingForm | null;

  @Field(() => Int, { nullable: true, description: 'Сколько наставляемых может взять наставник' })
  @Column({ name: 'max_mentees', type: 'smallint', nullable: true })
  maxMentees!: number | null;

  @Field({ description: 'Член совета (методического объединения) наставников' })
  @Column({ name: 'council_member', type: 'boolean', default: false })
  councilMember!: boolean;

  @Field(() => String, { nullable: true, description: 'Поощрения и награды' })
  @Column({ type: 'text', nullable: true })
  awards!: string | null;

  @Field(() => String, { nullable: true, description: 'Итоги участия в программе' })
  @Column({ type: 'text', nullable: true })
  results!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Удовлетворён участием' })
  @Column({ type: 'boolean', nullable: true })
  satisfied!: boolean | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LinkStatus } from './questionnaire.codes';

/**
 * Персональная одноразовая ссылка на анкету: one participant, one template version, until it
 * expires, once. Only the SHA-256 of its token is stored; the address `/q/<token>` is shown once,
 * in the answer to the mutation that created it.
 */
@ObjectType('QuestionnaireLink', { description: 'Персональная одноразовая ссылка на анкету' })
@Entity('questionnaire_links')
export class QuestionnaireLinkEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => ID, { description: 'Версия шаблона анкеты' })
  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Field(() => ID, { description: 'Участник, для которого выдана ссылка' })
  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'pair_id', type: 'uuid', nullable: true })
  pairId!: string | null;

  @Field({ description: 'Учебный год ответов' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Column({ name: 'token_hash', type: 'text', select: false })
  tokenHash!: string;

  @Field({ description: 'Действует до' })
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Когда по ссылке отправлены ответы' })
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Когда ссылка отозвана (отозвано согласие на анкетирование)' })
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Кто выдал ссылку' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Set only in the answer to `createQuestionnaireLink`: the token is never stored. */
  @Field(() => String, { nullable: true, description: 'Адрес анкеты «/q/<код>» — показывается один раз, при создании ссылки' })
  path?: string | null;

  @Field(() => LinkStatus)
  get status(): LinkStatus {
    if (this.usedAt) return 'used';
    if (this.withdrawnAt) return 'withdrawn';
    return this.expiresAt.getTime() <= Date.now() ? 'expired' : 'active';
  }
}

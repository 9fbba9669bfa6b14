import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { QuestionnaireInstrument, QuestionnairePhase, RespondentRole } from './questionnaire.codes';
import { QuestionnaireQuestionEntity } from './questionnaire-question.entity';

/**
 * Шаблон анкеты (questionnaire template), one row per version. A template of the platform
 * (`tenantId` null) is a default every school may use or copy; a school's own is edited by its
 * curator. Editing a template that already has responses creates the next version (a new row
 * with a new id, `isCurrent`); responses keep the version they answered.
 */
@ObjectType('QuestionnaireTemplate', { description: 'Шаблон анкеты (одна версия)' })
@Entity('questionnaire_templates')
export class QuestionnaireTemplateEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Организация; пусто — анкета платформы по умолчанию' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Field({ description: 'Код анкеты (общий для всех её версий)' })
  @Column({ type: 'text' })
  code!: string;

  @Field(() => Int, { description: 'Номер версии' })
  @Column({ type: 'int' })
  version!: number;

  @Field({ description: 'Актуальная версия (более ранние хранятся для уже полученных ответов)' })
  @Column({ name: 'is_current', type: 'boolean' })
  isCurrent!: boolean;

  @Field({ description: 'Название' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Пояснение для респондента' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => QuestionnaireInstrument)
  @Column({ type: 'text' })
  instrument!: QuestionnaireInstrument;

  @Field(() => RespondentRole)
  @Column({ name: 'respondent_role', type: 'text' })
  respondentRole!: RespondentRole;

  @Field(() => QuestionnairePhase)
  @Column({ type: 'text' })
  phase!: QuestionnairePhase;

  @Field(() => [String], { description: 'Коды форм наставничества, для которых предназначена анкета; пусто — для любых' })
  @Column({ name: 'form_codes', type: 'text', array: true })
  formCodes!: string[];

  @Field(() => ID, { nullable: true, description: 'Анкета по умолчанию, с которой сделана копия' })
  @Column({ name: 'copied_from_id', type: 'uuid', nullable: true })
  copiedFromId!: string | null;

  @Field({ description: 'Используется (неактивную нельзя заполнить и по ней нельзя выдать ссылку)' })
  @Column({ name: 'is_active', type: 'boolean' })
  isActive!: boolean;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Loaded by the service (ordered by position); not a column. */
  @Field(() => [QuestionnaireQuestionEntity], { description: 'Вопросы по порядку' })
  questions!: QuestionnaireQuestionEntity[];

  @Field({ description: 'Анкета платформы по умолчанию (изменяет администратор платформы; школа может скопировать её себе)' })
  get isDefault(): boolean {
    return this.tenantId === null;
  }
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { QuestionKind } from './questionnaire.codes';

@ObjectType('QuestionOption', { description: 'Вариант ответа' })
export class QuestionOption {
  @Field({ description: 'Код варианта (его сохраняет ответ)' })
  code!: string;

  @Field({ description: 'Текст варианта' })
  label!: string;

  @Field({ description: 'Выбор этого варианта означает «удовлетворён» (для вопроса удовлетворённости)' })
  satisfied!: boolean;
}

/**
 * Вопрос анкеты: с оценочным параметром (шкала min..max), закрытый (один или несколько вариантов)
 * или открытый. One question of a template may be THE satisfaction question: a response is
 * «удовлетворён» when its rating is at least `satisfiedMin`, or when it picked one of the options
 * marked satisfied.
 */
@ObjectType('QuestionnaireQuestion', { description: 'Вопрос анкеты' })
@Entity('questionnaire_questions')
export class QuestionnaireQuestionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Организация; пусто — вопрос анкеты по умолчанию' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Field(() => ID, { description: 'Шаблон (версия) анкеты' })
  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Field(() => Int, { description: 'Порядковый номер' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => QuestionKind)
  @Column({ type: 'text' })
  kind!: QuestionKind;

  @Field({ description: 'Текст вопроса' })
  @Column({ type: 'text' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Подсказка' })
  @Column({ type: 'text', nullable: true })
  hint!: string | null;

  @Field({ description: 'Обязательный' })
  @Column({ type: 'boolean' })
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'Шкала: наименьшая оценка' })
  @Column({ name: 'scale_min', type: 'smallint', nullable: true })
  scaleMin!: number | null;

  @Field(() => Int, { nullable: true, description: 'Шкала: наибольшая оценка' })
  @Column({ name: 'scale_max', type: 'smallint', nullable: true })
  scaleMax!: number | null;

  @Field(() => String, { nullable: true, description: 'Подпись наименьшей оценки' })
  @Column({ name: 'min_label', type: 'text', nullable: true })
  minLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'Подпись наибольшей оценки' })
  @Column({ name: 'max_label', type: 'text', nullable: true })
  maxLabel!: string | null;

  @Column({ name: 'option_codes', type: 'text', array: true })
  optionCodes!: string[];

  @Column({ name: 'option_labels', type: 'text', array: true })
  optionLabels!: string[];

  @Field({ description: 'Вопрос удовлетворённости (его считают показатели удовлетворённости наставников и наставляемых)' })
  @Column({ name: 'is_satisfaction', type: 'boolean' })
  isSatisfaction!: boolean;

  @Field(() => Int, { nullable: true, description: 'Для вопроса удовлетворённости со шкалой: оценка, начиная с которой респондент удовлетворён' })
  @Column({ name: 'satisfied_min', type: 'smallint', nullable: true })
  satisfiedMin!: number | null;

  @Column({ name: 'satisfied_options', type: 'text', array: true })
  satisfiedOptions!: string[];

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => [QuestionOption], { description: 'Варианты ответа (для закрытых вопросов)' })
  get options(): QuestionOption[] {
    return (this.optionCodes ?? []).map((code, i) => ({ code, label: this.optionLabels[i], satisfied: (this.satisfiedOptions ?? []).includes(code) }));
  }
}

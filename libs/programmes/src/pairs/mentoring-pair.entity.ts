import { Field, ID, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/** черновик → действует → завершена | прекращена досрочно (§4.3–4.4). */
export const PairStatus = { DRAFT: 'draft', ACTIVE: 'active', COMPLETED: 'completed', ENDED_EARLY: 'ended_early' } as const;
export type PairStatus = (typeof PairStatus)[keyof typeof PairStatus];
describeEnum(PairStatus, 'PairStatus', 'Состояние пары (группы)', {
  DRAFT: 'Черновик (предложена, ещё не закреплена)',
  ACTIVE: 'Действует',
  COMPLETED: 'Завершена: план выполнен',
  ENDED_EARLY: 'Прекращена досрочно',
});

/** Why a pair ended before its plan was fulfilled (001 §7, §4.1, §5.1). */
export const PairEndReason = {
  PARTICIPANT_INITIATIVE: 'participant_initiative',
  MUTUAL_DECISION: 'mutual_decision',
  CURATOR_INITIATIVE: 'curator_initiative',
  MENTOR_REPLACEMENT: 'mentor_replacement',
  OTHER: 'other',
} as const;
export type PairEndReason = (typeof PairEndReason)[keyof typeof PairEndReason];
describeEnum(PairEndReason, 'PairEndReason', 'Причина досрочного прекращения', {
  PARTICIPANT_INITIATIVE: 'По инициативе наставника или наставляемого',
  MUTUAL_DECISION: 'По взаимному решению',
  CURATOR_INITIATIVE: 'По инициативе куратора (ненадлежащая реализация, форс-мажор)',
  MENTOR_REPLACEMENT: 'Замена наставника (по ходатайству наставляемого или просьбе наставника)',
  OTHER: 'Другое (укажите в комментарии)',
});

/** How the pair was formed (003 L156–162). */
export const FormationMethod = { CURATOR: 'curator', QUESTIONNAIRE: 'questionnaire', GROUP_MEETING: 'group_meeting', SUGGESTION: 'suggestion' } as const;
export type FormationMethod = (typeof FormationMethod)[keyof typeof FormationMethod];
describeEnum(FormationMethod, 'FormationMethod', 'Способ формирования пары', {
  CURATOR: 'Назначение куратором',
  QUESTIONNAIRE: 'По анкетам (дистанционно)',
  GROUP_MEETING: 'Групповая встреча («быстрые встречи»)',
  SUGGESTION: 'Принятое предложение автоматического подбора',
});

export const PairKind = { PAIR: 'pair', GROUP: 'group' } as const;
export type PairKind = (typeof PairKind)[keyof typeof PairKind];
describeEnum(PairKind, 'PairKind', 'Пара или группа', { PAIR: 'Пара: один наставляемый', GROUP: 'Группа: два и более наставляемых' });

/**
 * Наставническая пара / группа: one mentor and one or more mentees (a group from two) working in
 * a programme under a role model and a direction; fixed by an order; with a lifecycle.
 */
@ObjectType('MentoringPair', { description: 'Наставническая пара или группа' })
@Entity('mentoring_pairs')
export class MentoringPairEntity extends TenantOwnedEntity {
  @Field(() => ID)
  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Field(() => ID, { description: 'Наставник' })
  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  /** Filled by the service from `pair_mentees`. */
  @Field(() => [ID], { description: 'Наставляемые' })
  menteeIds!: string[];

  /** Filled by the service: «Петрова А. И. — Сидоров В. П., Иванов К. С.». */
  @Field(() => String, { description: 'Наставник — наставляемые (фамилии и инициалы), как пару называют в формах' })
  title!: string;

  @Field(() => PairKind, { description: 'Пара (один наставляемый) или группа (два и более)' })
  get kind(): PairKind {
    return (this.menteeIds?.length ?? 0) >= 2 ? 'group' : 'pair';
  }

  @Field(() => ID, { nullable: true, description: 'Ролевая модель' })
  @Column({ name: 'role_model_id', type: 'uuid', nullable: true })
  roleModelId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Направление наставничества' })
  @Column({ name: 'direction_id', type: 'uuid', nullable: true })
  directionId!: string | null;

  @Field(() => PairStatus)
  @Column({ type: 'text' })
  status!: PairStatus;

  @Field(() => FormationMethod, { nullable: true })
  @Column({ name: 'formation_method', type: 'text', nullable: true })
  formationMethod!: FormationMethod | null;

  @Field(() => String, { nullable: true, description: 'Дата начала работы (ГГГГ-ММ-ДД)' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата завершения или прекращения (ГГГГ-ММ-ДД)' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => PairEndReason, { nullable: true })
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: PairEndReason | null;

  @Field(() => String, { nullable: true, description: 'Комментарий к завершению' })
  @Column({ name: 'end_comment', type: 'text', nullable: true })
  endComment!: string | null;

  @Field(() => String, { nullable: true, description: 'Итоги работы (проект, улучшение показателей, решение продолжить или прекратить)' })
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Field(() => ID, { nullable: true, description: 'Приказ (распоряжение) о закреплении пары' })
  @Column({ name: 'fixing_order_id', type: 'uuid', nullable: true })
  fixingOrderId!: string | null;

  @Field(() => [String], { description: 'Предупреждения (не ошибки): например, наставник младше наставляемого' })
  @Column({ type: 'text', array: true })
  warnings!: string[];
}

/** A mentee of a pair; `mentor_id` repeats the pair's so the database refuses a mentor as own mentee. */
@Entity('pair_mentees')
export class PairMenteeEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'pair_id', type: 'uuid' })
  pairId!: string;

  @PrimaryColumn({ name: 'mentee_id', type: 'uuid' })
  menteeId!: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

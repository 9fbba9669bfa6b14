import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

export const SuggestionStatus = { PROPOSED: 'proposed', ACCEPTED: 'accepted', REJECTED: 'rejected' } as const;
export type SuggestionStatus = (typeof SuggestionStatus)[keyof typeof SuggestionStatus];
describeEnum(SuggestionStatus, 'SuggestionStatus', 'Решение куратора по предложению', {
  PROPOSED: 'Предложено',
  ACCEPTED: 'Принято: создан черновик пары',
  REJECTED: 'Отклонено',
});

@ObjectType('MatchScoreComponent', { description: 'Вклад критерия в оценку совместимости' })
export class MatchScoreComponent {
  @Field({ description: 'Критерий: directions, interests, requests, subjects, questionnaire, ageGap' })
  criterion!: string;

  @Field(() => Float, { description: 'Баллы' })
  points!: number;

  @Field({ description: 'Пояснение' })
  explanation!: string;
}

/**
 * Предложение подбора: a mentor–mentee pair the matching engine proposes for a programme, with
 * its score and a Russian explanation. Nothing becomes a pair until the curator accepts it.
 */
@ObjectType('MatchSuggestion', { description: 'Предложенная пара «наставник – наставляемый»' })
@Entity('match_suggestions')
export class MatchSuggestionEntity extends TenantOwnedEntity {
  @Field(() => ID)
  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Field(() => ID, { description: 'Запуск подбора' })
  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @Field(() => ID)
  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @Field(() => ID)
  @Column({ name: 'mentee_id', type: 'uuid' })
  menteeId!: string;

  @Field(() => Float, { description: 'Оценка совместимости, 0–100' })
  @Column({ type: 'double precision' })
  score!: number;

  @Field({ description: 'Почему предложена эта пара' })
  @Column({ type: 'text' })
  explanation!: string;

  @Field(() => [MatchScoreComponent])
  @Column({ type: 'jsonb' })
  components!: MatchScoreComponent[];

  @Field(() => SuggestionStatus)
  @Column({ type: 'text' })
  status!: SuggestionStatus;

  @Field(() => ID, { nullable: true, description: 'Пара, созданная при принятии' })
  @Column({ name: 'pair_id', type: 'uuid', nullable: true })
  pairId!: string | null;

  @Field(() => Date, { nullable: true, description: 'Когда принято решение' })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}

@ObjectType('UnmatchedMentee', { description: 'Наставляемый, для которого пара не предложена' })
export class UnmatchedMentee {
  @Field(() => ID)
  menteeId!: string;

  @Field({ description: 'Причина' })
  reason!: string;
}

@ObjectType('SuggestPairsResult', { description: 'Результат подбора пар' })
export class SuggestPairsResult {
  @Field(() => ID)
  runId!: string;

  @Field({ description: 'optimal — оптимальное распределение; greedy — приближённое' })
  algorithm!: string;

  @Field(() => Float, { description: 'Суммарная оценка предложенных пар' })
  totalScore!: number;

  @Field(() => [MatchSuggestionEntity])
  suggestions!: MatchSuggestionEntity[];

  @Field(() => [UnmatchedMentee])
  unmatched!: UnmatchedMentee[];

  @Field({ description: 'Сколько наставников и наставляемых было в пуле' })
  poolSummary!: string;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Уровень эффективности программы: 15–18 оптимальный, 9–14 допустимый, 0–8 недопустимый. */
export const ScorecardLevel = { OPTIMAL: 'optimal', ACCEPTABLE: 'acceptable', UNACCEPTABLE: 'unacceptable' } as const;
export type ScorecardLevel = (typeof ScorecardLevel)[keyof typeof ScorecardLevel];
describeEnum(ScorecardLevel, 'ScorecardLevel', 'Уровень эффективности реализации программы', {
  OPTIMAL: '15–18 баллов – оптимальный уровень',
  ACCEPTABLE: '9–14 баллов – допустимый уровень',
  UNACCEPTABLE: '0–8 баллов – недопустимый уровень',
});

export const SCORECARD_SIZE = 9;

/** The level a total falls into (the database computes the same in a generated column). */
export function scorecardLevel(total: number): ScorecardLevel {
  if (total >= 15) return 'optimal';
  if (total >= 9) return 'acceptable';
  return 'unacceptable';
}

@ObjectType('ScorecardIndicator', { description: 'Показатель эффективности программы наставничества' })
export class ScorecardIndicator {
  @Field({ description: 'Код показателя, E1–E9' })
  code!: string;

  @Field({ description: 'Критерий' })
  criterion!: string;

  @Field({ description: 'Показатель' })
  title!: string;
}

const PROGRAMME = 'Оценка программы наставничества в организации';
const PARTICIPANTS = 'Определение эффективности участников наставнической деятельности в организации';
const MENTEE = 'Изменения в личности наставляемого';

/** E1–E9, verbatim from the seeds (000 §6, 002 §4). Scale: 2 — проявляется в полной мере, 1 — частично, 0 — не проявляется. */
export const SCORECARD_INDICATORS: ScorecardIndicator[] = [
  { code: 'E1', criterion: PROGRAMME, title: 'Соответствие наставнической деятельности цели и задачам, по которым она осуществляется' },
  { code: 'E2', criterion: PROGRAMME, title: 'Оценка соответствия организации наставнической деятельности принципам, заложенным в программе' },
  { code: 'E3', criterion: PROGRAMME, title: 'Соответствие наставнической деятельности современным подходам и технологиям' },
  { code: 'E4', criterion: PROGRAMME, title: 'Наличие комфортного психологического климата в организации' },
  { code: 'E5', criterion: PROGRAMME, title: 'Логичность деятельности наставника, понимание им ситуации наставляемого и правильность выбора основного направления взаимодействия' },
  { code: 'E6', criterion: PARTICIPANTS, title: 'Степень удовлетворенности всех участников наставнической деятельности' },
  { code: 'E7', criterion: PARTICIPANTS, title: 'Уровень удовлетворенности партнеров от взаимодействия в наставнической деятельности' },
  { code: 'E8', criterion: MENTEE, title: 'Активность и заинтересованность в участии в мероприятиях, связанных с наставнической деятельностью' },
  {
    code: 'E9',
    criterion: MENTEE,
    title: 'Степень применения наставляемыми полученных от наставника знаний, умений и опыта в профессиональных (учебных, жизненных) ситуациях, активная гражданская позиция',
  },
];

/**
 * Показатели эффективности реализации программы наставничества: one scorecard per programme and
 * academic year, nine scores 0/1/2; the total (0–18) and the level are generated columns.
 */
@ObjectType('ProgrammeScorecard', { description: 'Оценка эффективности реализации программы наставничества (E1–E9)' })
@Entity('programme_scorecards')
export class ProgrammeScorecardEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => ID, { description: 'Программа наставничества' })
  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Field({ description: 'Учебный год, например 2022/2023' })
  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Column({ type: 'smallint' }) e1!: number;
  @Column({ type: 'smallint' }) e2!: number;
  @Column({ type: 'smallint' }) e3!: number;
  @Column({ type: 'smallint' }) e4!: number;
  @Column({ type: 'smallint' }) e5!: number;
  @Column({ type: 'smallint' }) e6!: number;
  @Column({ type: 'smallint' }) e7!: number;
  @Column({ type: 'smallint' }) e8!: number;
  @Column({ type: 'smallint' }) e9!: number;

  @Field(() => Int, { description: 'Сумма баллов, 0–18' })
  @Column({ type: 'smallint', insert: false, update: false })
  total!: number;

  @Field(() => ScorecardLevel)
  @Column({ type: 'text', insert: false, update: false })
  level!: ScorecardLevel;

  @Field({ description: 'Дата оценки' })
  @Column({ name: 'rated_on', type: 'date' })
  ratedOn!: string;

  @Field({ description: 'Кто оценивал' })
  @Column({ type: 'text' })
  rater!: string;

  @Field(() => String, { nullable: true, description: 'Комментарий' })
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true, description: 'Кто внёс оценку (учётная запись)' })
  @Column({ name: 'entered_by', type: 'text', nullable: true })
  enteredBy!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => [Int], { description: 'Баллы E1–E9 по порядку (0, 1 или 2)' })
  get scores(): number[] {
    return [this.e1, this.e2, this.e3, this.e4, this.e5, this.e6, this.e7, this.e8, this.e9];
  }
}

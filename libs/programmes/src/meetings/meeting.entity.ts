import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/**
 * Встреча: of a pair or group (организационная, пробная, планирование, регулярная, заключительная)
 * or of the whole programme (групповая встреча, заключительная встреча всех пар, торжественное
 * мероприятие). Carries a direction, because seed 004 reports meetings counted per direction.
 */
@ObjectType('Meeting', { description: 'Встреча наставника и наставляемых (или участников программы)' })
@Entity('meetings')
export class MeetingEntity extends TenantOwnedEntity {
  @Field(() => ID)
  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Field(() => ID, { nullable: true, description: 'Пара (группа); нет — встреча всех участников программы' })
  @Column({ name: 'pair_id', type: 'uuid', nullable: true })
  pairId!: string | null;

  @Field(() => ID, { description: 'Вид встречи' })
  @Column({ name: 'meeting_type_id', type: 'uuid' })
  meetingTypeId!: string;

  @Field(() => ID, { nullable: true, description: 'Направление наставничества' })
  @Column({ name: 'direction_id', type: 'uuid', nullable: true })
  directionId!: string | null;

  @Field({ description: 'Дата (ГГГГ-ММ-ДД)' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Field(() => Int, { nullable: true, description: 'Продолжительность, минут' })
  @Column({ name: 'duration_minutes', type: 'int', nullable: true })
  durationMinutes!: number | null;

  @Field(() => String, { nullable: true, description: 'Тема' })
  @Column({ type: 'text', nullable: true })
  topic!: string | null;

  @Field(() => String, { nullable: true, description: 'Заметки' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Field(() => [ID], { description: 'Присутствовали' })
  @Column({ name: 'attendee_ids', type: 'uuid', array: true })
  attendeeIds!: string[];
}

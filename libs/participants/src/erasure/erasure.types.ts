import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TenantRowEntity } from '@nastavnik/tenants/tenant-row.entity';
import { Column, Entity } from 'typeorm';

export enum ErasureReason {
  CONSENT_WITHDRAWN = 'consent_withdrawn',
  CURATOR_REQUEST = 'curator_request',
}
registerEnumType(ErasureReason, {
  name: 'ErasureReason',
  description: 'Почему удаляются персональные данные',
  valuesMap: { CONSENT_WITHDRAWN: { description: 'Отозвано согласие на обработку' }, CURATOR_REQUEST: { description: 'Запрос куратора (субъекта, законного представителя)' } },
});

export enum ErasureStatus {
  SCHEDULED = 'scheduled',
  CANCELLED = 'cancelled',
  DONE = 'done',
}
registerEnumType(ErasureStatus, {
  name: 'ErasureStatus',
  description: 'Состояние удаления персональных данных',
  valuesMap: { SCHEDULED: { description: 'Запланировано' }, CANCELLED: { description: 'Отменено' }, DONE: { description: 'Выполнено (данные обезличены)' } },
});

/**
 * Удаление персональных данных участника обезличиванием (docs/adr/0025): requested on consent
 * withdrawal or by the curator; may be cancelled until `runAfter` (the undo window); done by the
 * job no later than `dueBy`.
 */
@ObjectType('PersonalDataErasure', { description: 'Удаление (обезличивание) персональных данных участника' })
@Entity('participant_erasures')
export class PersonalDataErasureEntity extends TenantRowEntity {
  @Field(() => ID)
  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @Field(() => ErasureReason)
  @Column({ type: 'text' })
  reason!: ErasureReason;

  @Field(() => ErasureStatus)
  @Column({ type: 'text' })
  status!: ErasureStatus;

  @Field({ description: 'Когда запрошено' })
  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Field({ description: 'Кто запросил (учётная запись)' })
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Field({ description: 'До этого момента удаление можно отменить; затем данные обезличиваются' })
  @Column({ name: 'run_after', type: 'timestamptz' })
  runAfter!: Date;

  @Field({ description: 'Крайний срок обезличивания' })
  @Column({ name: 'due_by', type: 'timestamptz' })
  dueBy!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Кто отменил (учётная запись)' })
  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'Когда данные обезличены' })
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}

import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES, NOTIFICATION_KIND_TITLES, type NotificationKind, type NotificationStatus } from './notification.codes';

/** GraphQL enums: the stored codes in upper case. */
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind.toUpperCase(), kind])) as Record<string, NotificationKind>;
export const NotificationStatusEnum = Object.fromEntries(NOTIFICATION_STATUSES.map((status) => [status.toUpperCase(), status])) as Record<string, NotificationStatus>;
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'Вид уведомления',
  valuesMap: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind.toUpperCase(), { description: NOTIFICATION_KIND_TITLES.get(kind) }])),
});
registerEnumType(NotificationStatusEnum, {
  name: 'NotificationStatus',
  description: 'Состояние уведомления',
  valuesMap: {
    PENDING: { description: 'ожидает отправки (или повтора)' },
    SENDING: { description: 'отправляется' },
    SENT: { description: 'отправлено' },
    FAILED: { description: 'не доставлено после всех попыток' },
    CANCELLED: { description: 'не отправлено: согласие отозвано или адресат отписался' },
    UNCERTAIN: { description: 'отправка прервалась, неизвестно, дошло ли письмо' },
  },
});

/** Уведомление: one e-mail of the outbox (docs/adr/0029), as the school's curator sees it. */
@ObjectType('Notification', { description: 'Уведомление по электронной почте' })
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => NotificationKindEnum)
  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Field(() => String, { nullable: true, description: 'Адрес получателя (письмо куратору о проверке отчёта в РНЦ получает адрес из настроек школы при отправке)' })
  @Column({ name: 'recipient_email', type: 'text', nullable: true })
  recipientEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Имя получателя' })
  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName!: string | null;

  @Field(() => ID, { nullable: true, description: 'Участник, которого касается письмо' })
  @Column({ name: 'participant_id', type: 'uuid', nullable: true })
  participantId!: string | null;

  @Field({ description: 'Тема' })
  @Column({ type: 'text' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Текст письма (ссылка на анкету после отправки скрыта)' })
  @Column({ name: 'body_text', type: 'text', nullable: true })
  bodyText!: string | null;

  @Field(() => String, { nullable: true, description: 'HTML письма' })
  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml!: string | null;

  @Field({ description: 'Приложено приглашение в календарь (.ics)' })
  get hasInvitation(): boolean {
    return this.ics !== null;
  }

  @Column({ type: 'text', nullable: true })
  ics!: string | null;

  @Field({ description: 'Message-ID письма' })
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Field(() => NotificationStatusEnum)
  @Column({ type: 'text' })
  status!: NotificationStatus;

  @Field(() => Int, { description: 'Попыток отправки' })
  @Column({ type: 'integer' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Причина неудачи или отмены' })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Field({ description: 'Следующая попытка' })
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}

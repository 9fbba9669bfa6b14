import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { Journaled } from '@nastavnik/platform/personal-data/journal';
import { NotificationContactInput, NotificationContactView, NotificationListArgs, NotificationPreview, NotificationSettingsInput, NotificationSettingsView, RegionNotificationSettingsInput, RegionNotificationSettingsView } from './dtos/notification.inputs';
import type { NotificationKind } from './notification.codes';
import { NotificationEntity, NotificationKindEnum } from './notification.entity';
import { NotificationsService } from './notifications.service';

/** A contact is keyed by its participant: the journal names the participant's id (issue 14). */
const contactRecords = (result: unknown) => (Array.isArray(result) ? result : [result]).map((c) => ({ id: (c as NotificationContactView | null)?.participantId }));

/** Personal data (addresses, names): the school's curator and the platform admin only. */
const ROLES = ['curator', 'platform-admin'] as const;

/** «Уведомления»: what the outbox sent for the school, resend, settings, contacts, previews. */
@Resolver(() => NotificationEntity)
export class NotificationResolver extends crudResolver({
  entity: NotificationEntity,
  names: { many: 'Notifications', one: 'Notification' },
  listArgs: NotificationListArgs,
  roles: { read: ROLES },
  descriptions: { list: 'Уведомления школы: кому, что, состояние, причина неудачи' },
  service: NotificationsService,
}) {
  @Roles(...ROLES)
  @Mutation(() => NotificationEntity, { description: 'Отправить ещё раз недоставленное письмо (с тем же Message-ID)' })
  @Journaled({ entity: 'Notification', action: 'update', operation: 'resendNotification' })
  resendNotification(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<NotificationEntity> {
    return this.service.resend(id);
  }

  @Roles('curator')
  @Query(() => NotificationSettingsView, { description: 'Настройки уведомлений школы' })
  @Journaled({ entity: 'NotificationSettings', action: 'read', operation: 'notificationSettings', always: true })
  notificationSettings(): Promise<NotificationSettingsView> {
    return this.service.settings();
  }

  @Roles('curator')
  @Mutation(() => NotificationSettingsView, { description: 'Изменить настройки уведомлений школы' })
  @Journaled({ entity: 'NotificationSettings', action: 'update', operation: 'updateNotificationSettings', input: 0, always: true })
  updateNotificationSettings(@Args('input', { type: () => NotificationSettingsInput }) input: NotificationSettingsInput): Promise<NotificationSettingsView> {
    return this.service.updateSettings(input);
  }

  @Roles('region-analyst')
  @Query(() => RegionNotificationSettingsView, { description: 'Настройки уведомлений региона: значения по умолчанию для школ, адрес аналитиков' })
  @Journaled({ entity: 'RegionNotificationAddress', action: 'read', operation: 'regionNotificationSettings', fields: ['analystEmail'], always: true })
  regionNotificationSettings(): Promise<RegionNotificationSettingsView> {
    return this.service.regionSettings();
  }

  @Roles('region-analyst')
  @Mutation(() => RegionNotificationSettingsView, { description: 'Изменить настройки уведомлений региона' })
  @Journaled({ entity: 'RegionNotificationAddress', action: 'update', operation: 'updateRegionNotificationSettings', input: 0, always: true })
  updateRegionNotificationSettings(
    @Args('input', { type: () => RegionNotificationSettingsInput }) input: RegionNotificationSettingsInput,
  ): Promise<RegionNotificationSettingsView> {
    return this.service.updateRegionSettings(input);
  }

  @Roles(...ROLES)
  @Query(() => [NotificationContactView], { description: 'Адреса для писем участникам' })
  @Journaled({ entity: 'NotificationContact', action: 'read', operation: 'notificationContacts', records: contactRecords })
  notificationContacts(@Args('participantIds', { type: () => [ID] }) participantIds: string[]): Promise<NotificationContactView[]> {
    return this.service.contacts(participantIds);
  }

  @Roles('curator')
  @Mutation(() => NotificationContactView, { description: 'Задать адрес для писем участнику (несовершеннолетнему — законного представителя)' })
  @Journaled({ entity: 'NotificationContact', action: 'update', operation: 'setNotificationContact', input: 0, records: contactRecords })
  setNotificationContact(@Args('input', { type: () => NotificationContactInput }) input: NotificationContactInput): Promise<NotificationContactView> {
    return this.service.setContact(input);
  }

  @Roles(...ROLES)
  @Query(() => NotificationPreview, { description: 'Образец письма данного вида' })
  notificationPreview(@Args('kind', { type: () => NotificationKindEnum }) kind: NotificationKind): NotificationPreview {
    return this.service.preview(kind);
  }
}

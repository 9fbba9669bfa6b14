import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';
import { registerSubjectDataHandler, scrubDeclaredText } from '@nastavnik/platform/personal-data/subject-data';

/**
 * Personal data held by the notifications lib (issue 14): the addresses messages go to, the
 * messages themselves (they name the person), and unsubscribed addresses. Loaded by the lib's
 * module; checked against the tables by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData(
    { entity: 'Notification', title: 'Уведомление', table: 'notifications' },
    {
      name: { recipientName: 'Имя получателя' },
      contact: { recipientEmail: 'Адрес получателя' },
      'free-text': { subject: 'Тема', bodyText: 'Текст', bodyHtml: 'Текст (HTML)', ics: 'Приглашение (.ics)', lastError: 'Ошибка отправки' },
    },
  ),
  // No TypeORM entity: the lib writes these tables in SQL; the names are the GraphQL type's and its fields'.
  declarePersonalData({ entity: 'NotificationContact', title: 'Адрес для уведомлений', table: 'notification_contacts' }, { name: { name: 'Имя' }, contact: { email: 'Эл. почта' } }),
  // The school's and the region's addresses for staff messages (a curator's, the analysts'): staff, not pupils, but people.
  declarePersonalData({ entity: 'NotificationSettings', title: 'Настройки уведомлений', table: 'notification_settings' }, { contact: { curatorEmail: 'Адрес куратора' } }),
  declarePersonalData({ entity: 'RegionNotificationAddress', title: 'Адрес аналитиков региона для уведомлений', table: 'region_notification_addresses' }, { contact: { analystEmail: 'Адрес аналитиков региона' } }),
  declarePersonalData({ entity: 'NotificationUnsubscribe', title: 'Отписка от уведомлений', table: 'notification_unsubscribes' }, { contact: { email: 'Эл. почта' } }),
] as const;

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'notifications', column: 'consent_purpose', why: 'код цели согласия, по которой отправляется письмо' },
  { table: 'notifications', column: 'dedupe_key', why: 'служебный ключ от повторной отправки (вид и идентификаторы)' },
  { table: 'notifications', column: 'message_id', why: 'идентификатор письма для SMTP (<id@домен платформы>), без данных человека' },
  { table: 'notifications', column: 'created_by', why: 'учётная запись сотрудника или задания, создавшего письмо (не данные участника)' },
];

/**
 * Erasure (docs/adr/0025): the person's contact and their unsubscribed addresses go; messages to
 * them lose address, name and text (kept as the record that something was sent), unsent ones are
 * cancelled; the person's name is scrubbed from every message of the school. Subject access lists
 * the contact and the messages.
 */
registerSubjectDataHandler({
  lib: 'notifications',
  async erase(em, subject) {
    const args = [subject.tenantId, subject.participantId];
    const count = (result: unknown) => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);
    const changed: Record<string, number> = {
      notification_unsubscribes: count(
        await em.query(
          `delete from notification_unsubscribes u
            where u.tenant_id = $1 and u.email in (select lower(c.email) from notification_contacts c where c.tenant_id = $1 and c.participant_id = $2
                                                   union select lower(n.recipient_email) from notifications n where n.tenant_id = $1 and n.participant_id = $2)`,
          args,
        ),
      ),
      notification_contacts: count(await em.query(`delete from notification_contacts where tenant_id = $1 and participant_id = $2`, args)),
      notifications: count(
        await em.query(
          `update notifications
              set recipient_email = 'erased@invalid', recipient_name = null, subject = 'Удалено', body_text = null, body_html = null, ics = null, last_error = null,
                  status = case when status = 'pending' then 'cancelled' else status end
            where tenant_id = $1 and participant_id = $2`,
          args,
        ),
      ),
    };
    for (const [table, n] of Object.entries(await scrubDeclaredText(em, PERSONAL_DATA, subject))) changed[table] = (changed[table] ?? 0) + n;
    return changed;
  },
  async collect(em, subject) {
    const args = [subject.tenantId, subject.participantId];
    const contacts: { row: Record<string, unknown> }[] = await em.query(
      `select jsonb_build_object('id', c.participant_id, 'email', c.email, 'name', c.name, 'representative', c.representative, 'updatedAt', c.updated_at) as row
         from notification_contacts c where c.tenant_id = $1 and c.participant_id = $2`,
      args,
    );
    const messages: { row: Record<string, unknown> }[] = await em.query(
      `select jsonb_build_object('id', n.id, 'kind', n.kind, 'recipientEmail', n.recipient_email, 'subject', n.subject, 'status', n.status, 'createdAt', n.created_at, 'sentAt', n.sent_at) as row
         from notifications n where n.tenant_id = $1 and n.participant_id = $2 order by n.created_at, n.id`,
      args,
    );
    return [
      { entity: 'NotificationContact', title: 'Адрес для уведомлений', rows: contacts.map((r) => r.row) },
      { entity: 'Notification', title: 'Уведомления по электронной почте', rows: messages.map((r) => r.row) },
    ];
  },
});

import { lookupTable } from '@nastavnik/contracts/lookup';

/**
 * The kinds of message the platform sends (issue 17). A kind is what a person unsubscribes from
 * (RFC 8058 one-click, per kind), what a school's settings switch, and which template renders it.
 * The report kinds come from the yearly report workflow of issue 13 (docs/adr/0039): a region
 * analyst's review writes `report_returned` / `report_accepted` to the school's curator, the
 * reminder run `report_not_submitted` to the region's analysts.
 */
export const NOTIFICATION_KINDS = [
  'questionnaire_link',
  'questionnaire_reminder',
  'pair_idle',
  'roadmap_due',
  'roadmap_overdue',
  'weekly_digest',
  'meeting_invitation',
  'report_returned',
  'report_accepted',
  'report_not_submitted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_TITLES = lookupTable<string>({
  questionnaire_link: 'Ссылка на анкету',
  questionnaire_reminder: 'Напоминание об анкете',
  pair_idle: 'Пара давно не встречалась',
  roadmap_due: 'Срок мероприятия дорожной карты через 7 дней',
  roadmap_overdue: 'Мероприятие дорожной карты просрочено',
  weekly_digest: 'Еженедельная сводка куратору',
  meeting_invitation: 'Приглашение на встречу',
  report_returned: 'Отчёт возвращён регионом на доработку',
  report_accepted: 'Отчёт принят регионом',
  report_not_submitted: 'Школы, не сдавшие отчёт в срок',
});

/**
 * pending → sending → sent; pending → cancelled (consent withdrawn, unsubscribed) at send time;
 * pending (retry with backoff) → failed after the last attempt; sending → uncertain when the worker
 * died between claiming the message and recording the server's answer (docs/adr/0029).
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled', 'uncertain'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The consent purpose a message to a participant (or their representative) needs in force when it is sent. */
export const CONTACT_PURPOSE = 'questionnaires';

import Handlebars from 'handlebars';
import { REGION_TIME_ZONE } from '@nastavnik/platform/calendar';
import type { NotificationKind } from './notification.codes';

/** What every template may use beside its own fields. */
export type TemplateCommon = { recipientName: string | null; schoolName: string; unsubscribeUrl: string };

export type TemplateData = TemplateCommon & Record<string, unknown>;

type Source = { subject: string; text: string; html: string };

const FOOTER_TEXT = `
—
Письмо отправлено платформой «Наставник» по поручению {{schoolName}}.
Отписаться от таких писем: {{unsubscribeUrl}}`;
const FOOTER_HTML = `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 8px">
<p style="color:#777;font-size:12px">Письмо отправлено платформой «Наставник» по поручению {{schoolName}}.
<a href="{{unsubscribeUrl}}">Отписаться от таких писем</a></p>`;
const GREETING_TEXT = `{{#if recipientName}}Здравствуйте, {{recipientName}}!{{else}}Здравствуйте!{{/if}}`;
const html = (body: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:15px;color:#222;max-width:600px">
<p>${GREETING_TEXT}</p>
${body}
${FOOTER_HTML}</body></html>`;

/**
 * Russian templates, plain text and HTML, per kind (Handlebars: `{{x}}` escapes HTML in the HTML
 * part; the text part is compiled without escaping).
 */
const SOURCES = new Map<NotificationKind, Source>([
  ['questionnaire_link', {
    subject: 'Анкета: {{templateTitle}}',
    text: `${GREETING_TEXT}

Просим вас ответить на анкету «{{templateTitle}}» в рамках программы наставничества.{{#if forRepresentative}} Вы отвечаете как законный представитель участника: {{participantName}}.{{/if}}

Персональная ссылка (одноразовая, действует до {{expiresOn}}):
{{linkUrl}}
${FOOTER_TEXT}`,
    html: html(`<p>Просим вас ответить на анкету «{{templateTitle}}» в рамках программы наставничества.{{#if forRepresentative}} Вы отвечаете как законный представитель участника: {{participantName}}.{{/if}}</p>
<p><a href="{{linkUrl}}" style="display:inline-block;background:#1565c0;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">Заполнить анкету</a></p>
<p style="color:#555">Ссылка одноразовая и действует до {{expiresOn}}</p>`),
  }],
  ['questionnaire_reminder', {
    subject: 'Напоминание: анкета «{{templateTitle}}»',
    text: `${GREETING_TEXT}

Напоминаем: анкета «{{templateTitle}}» ещё не заполнена. Ссылка из письма от {{issuedOn}} действует до {{expiresOn}}
${FOOTER_TEXT}`,
    html: html(`<p>Напоминаем: анкета «{{templateTitle}}» ещё не заполнена. Ссылка из письма от {{issuedOn}} действует до {{expiresOn}}</p>`),
  }],
  ['pair_idle', {
    subject: 'Пары без встреч больше {{days}} дн.: {{count}}',
    text: `${GREETING_TEXT}

Эти наставнические пары не встречались больше {{days}} дней:
{{#each items}}- {{this.title}} (последняя встреча: {{this.lastMeeting}})
{{/each}}${FOOTER_TEXT}`,
    html: html(`<p>Эти наставнические пары не встречались больше {{days}} дней:</p>
<ul>{{#each items}}<li>{{this.title}} — последняя встреча: {{this.lastMeeting}}</li>{{/each}}</ul>`),
  }],
  ['roadmap_due', {
    subject: 'Мероприятия дорожной карты со сроком в ближайшие {{days}} дн.: {{count}}',
    text: `${GREETING_TEXT}

Срок этих мероприятий дорожной карты наступает в ближайшие {{days}} дней:
{{#each items}}- {{this.title}} — до {{this.due}}
{{/each}}${FOOTER_TEXT}`,
    html: html(`<p>Срок этих мероприятий дорожной карты наступает в ближайшие {{days}} дней:</p>
<ul>{{#each items}}<li>{{this.title}} — до {{this.due}}</li>{{/each}}</ul>`),
  }],
  ['roadmap_overdue', {
    subject: 'Просроченные мероприятия дорожной карты: {{count}}',
    text: `${GREETING_TEXT}

Срок этих мероприятий дорожной карты прошёл, а они не выполнены:
{{#each items}}- {{this.title}} — срок {{this.due}}
{{/each}}${FOOTER_TEXT}`,
    html: html(`<p>Срок этих мероприятий дорожной карты прошёл, а они не выполнены:</p>
<ul>{{#each items}}<li>{{this.title}} — срок {{this.due}}</li>{{/each}}</ul>`),
  }],
  ['weekly_digest', {
    subject: 'Сводка за неделю: {{schoolName}}',
    text: `${GREETING_TEXT}

За неделю: отправлено писем — {{sent}}, не доставлено — {{failed}}; пар без встреч больше {{idleDays}} дн. — {{idlePairs}}; просроченных мероприятий — {{overdue}}.
${FOOTER_TEXT}`,
    html: html(`<p>За неделю:</p><ul><li>отправлено писем — {{sent}}, не доставлено — {{failed}};</li>
<li>пар без встреч больше {{idleDays}} дн. — {{idlePairs}};</li><li>просроченных мероприятий дорожной карты — {{overdue}}.</li></ul>`),
  }],
  ['meeting_invitation', {
    subject: 'Встреча: {{title}}, {{when}}',
    text: `${GREETING_TEXT}

Запланирована встреча «{{title}}» — {{when}}{{#if place}}, {{place}}{{/if}}. Приглашение для календаря во вложении.
${FOOTER_TEXT}`,
    html: html(`<p>Запланирована встреча «{{title}}» — {{when}}{{#if place}}, {{place}}{{/if}}.</p><p>Приглашение для календаря во вложении.</p>`),
  }],
  ['report_returned', {
    subject: 'Отчёт в РНЦ за {{period}} возвращён на доработку',
    text: `${GREETING_TEXT}

Региональный наставнический центр вернул на доработку годовой отчёт школы за {{period}} учебный год (версия {{version}}).

Что доработать:
{{comment}}

Открыть отчёт в консоли «Наставник» («Отчёт в РНЦ»): {{consoleUrl}}
${FOOTER_TEXT}`,
    html: html(`<p>Региональный наставнический центр вернул на доработку годовой отчёт школы за {{period}} учебный год (версия {{version}}).</p>
<p><b>Что доработать:</b></p>
<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #c62828;background:#fafafa;white-space:pre-wrap">{{comment}}</blockquote>
<p><a href="{{consoleUrl}}" style="display:inline-block;background:#1565c0;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">Открыть отчёт в РНЦ</a></p>`),
  }],
  ['report_accepted', {
    subject: 'Отчёт в РНЦ за {{period}} принят',
    text: `${GREETING_TEXT}

Региональный наставнический центр принял годовой отчёт школы за {{period}} учебный год (версия {{version}}).{{#if comment}}
Комментарий: {{comment}}{{/if}}

Отчёт в консоли «Наставник» («Отчёт в РНЦ»): {{consoleUrl}}
${FOOTER_TEXT}`,
    html: html(`<p>Региональный наставнический центр принял годовой отчёт школы за {{period}} учебный год (версия {{version}}).</p>{{#if comment}}
<p>Комментарий: {{comment}}</p>{{/if}}
<p><a href="{{consoleUrl}}">Открыть отчёт в РНЦ</a></p>`),
  }],
  ['report_not_submitted', {
    subject: 'Не сдали отчёт в РНЦ за {{period}} к сроку {{due}}: {{count}}',
    text: `${GREETING_TEXT}

К сроку {{due}} не представили годовой отчёт за {{period}} учебный год ({{count}}):
{{#each items}}- {{this.title}}
{{/each}}
Сводка «Отчёты школ» в консоли «Наставник»: {{consoleUrl}}
${FOOTER_TEXT}`,
    html: html(`<p>К сроку {{due}} не представили годовой отчёт за {{period}} учебный год ({{count}}):</p><ul>{{#each items}}<li>{{this.title}}</li>{{/each}}</ul>
<p><a href="{{consoleUrl}}">Открыть сводку «Отчёты школ»</a></p>`),
  }],
]);

type Compiled = { subject: Handlebars.TemplateDelegate; text: Handlebars.TemplateDelegate; html: Handlebars.TemplateDelegate };
const COMPILED = new Map<NotificationKind, Compiled>(
  [...SOURCES].map(([kind, source]) => [kind, {
    subject: Handlebars.compile(source.subject, { noEscape: true, strict: true }),
    text: Handlebars.compile(source.text, { noEscape: true, strict: true }),
    html: Handlebars.compile(source.html, { strict: true }),
  }]),
);

export type RenderedMessage = { subject: string; text: string; html: string };

/** Renders a kind's message; a field the template needs and `data` lacks throws (strict mode). */
export function renderNotification(kind: NotificationKind, data: TemplateData): RenderedMessage {
  const template = COMPILED.get(kind);
  if (!template) throw new Error(`No template for notification kind ${kind}`);
  // A subject is one line, whatever the data says.
  const subject = template.subject(data).replace(/[\r\n]+/g, ' ').trim().slice(0, 300);
  return { subject, text: template.text(data), html: template.html(data) };
}

/** «5 декабря 2026 г.» in the region's calendar. */
export function ruDay(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: REGION_TIME_ZONE }).format(date);
}

import type { SubjectAccessData } from '@nastavnik/participants/subject-access/subject-access.service';
import { lookupTable } from '@nastavnik/contracts/lookup';
import { BASE_STYLES, pageFooter, type PdfContent, type PdfDocDefinition } from '../render/pdf-engine';

/** Russian labels of the keys the sections carry (others are printed as they are). */
const LABELS = lookupTable<string>({
  id: 'Идентификатор', kind: 'Категория', last_name: 'Фамилия', first_name: 'Имя', middle_name: 'Отчество', birth_date: 'Дата рождения',
  sex: 'Пол', grade: 'Класс', class_letter: 'Литера', position: 'Должность', teaching_experience_years: 'Стаж, лет', class_teacher: 'Классный руководитель',
  subjects: 'Предметы', organisation_name: 'Организация', email: 'Эл. почта', phone: 'Телефон', achievements: 'Достижения', requests: 'Запросы',
  interests: 'Интересы', directions: 'Направления', notes: 'Заметки', created_at: 'Внесено', updated_at: 'Изменено', erased_at: 'Данные удалены',
  participant_id: 'Участник', signed_by: 'Подписал', representative_name: 'Законный представитель', representative_relation: 'Кем приходится',
  signed_on: 'Дата подписания', purposes: 'Цели', valid_until: 'Действует до', document_ref: 'Документ', revoked_on: 'Отозвано', revocation_reason: 'Причина отзыва',
  base: 'База', status: 'Состояние', included_on: 'Включён', surveyed_on: 'Анкетирование', selected_on: 'Отбор', trained_on: 'Обучение', paired_on: 'В паре с',
  finished_on: 'Завершил', withdrawn_on: 'Выбыл', withdrawal_reason: 'Причина выбытия', categories: 'Категории', request: 'Запрос', competencies: 'Компетенции',
  motivation: 'Мотивация', info_sources: 'Источники сведений', third_party_notes: 'Сведения третьих лиц', interview_result: 'Итог собеседования',
  psych_ready: 'Психологическая готовность', training_form: 'Форма обучения', max_mentees: 'Наставляемых не более', council_member: 'Член совета',
  awards: 'Поощрения', results: 'Итоги', satisfied: 'Удовлетворён', reason: 'Основание', requested_at: 'Запрошено', requested_by: 'Кто запросил',
  run_after: 'Окно отмены до', due_by: 'Срок', cancelled_at: 'Отменено', cancelled_by: 'Кто отменил', done_at: 'Выполнено',
  questionnaire: 'Анкета', academicYear: 'Учебный год', role: 'Роль', phase: 'Этап', channel: 'Способ', submittedAt: 'Заполнена', answers: 'Ответы',
  createdAt: 'Создано', expiresAt: 'Действует до', usedAt: 'Использована', withdrawnAt: 'Отозвана', programme: 'Программа', startDate: 'Начало',
  endDate: 'Окончание', endComment: 'Комментарий', result: 'Итоги', heldOn: 'Дата', durationMinutes: 'Минут', topic: 'Тема', attended: 'Присутствовал(а)',
  title: 'Наименование', goal: 'Цель', difficulties: 'Затруднения', strengths: 'Сильные стороны', expected_results: 'Ожидаемые результаты', tasks: 'План',
  score: 'Оценка совместимости', explanation: 'Пояснение',
});

const label = (key: string) => LABELS.get(key) ?? key;

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => (typeof v === 'object' && v !== null ? objectText(v as Record<string, unknown>) : String(v))).join('\n');
  if (typeof value === 'object') return objectText(value as Record<string, unknown>);
  return String(value);
}

function objectText(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${label(k)}: ${valueText(v)}`)
    .join('; ');
}

/**
 * «Сведения о персональных данных» for a parent or the person (152-ФЗ ст. 14): what the platform
 * holds about one person, section by section, as plain text — nothing fetched, nothing evaluated.
 */
export function subjectAccessDocument(data: SubjectAccessData): PdfDocDefinition {
  const content: PdfContent[] = [
    { text: 'Сведения о персональных данных, обрабатываемых на платформе «Наставник»', style: 'title' },
    { text: data.organisation, fontSize: 11, bold: true, margin: [0, 0, 0, 2] },
    { text: `Субъект персональных данных: ${data.fullName}`, style: 'subtitle' },
    {
      text: `Сформировано ${new Date(data.generatedAt).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' })} по запросу субъекта персональных данных (его законного представителя).`,
      style: 'note',
    },
  ];
  for (const section of data.sections) {
    content.push({ text: section.title, style: 'h2' });
    if (section.rows.length === 0) {
      content.push({ text: 'Сведений нет.', style: 'note' });
      continue;
    }
    for (const row of section.rows) {
      const body = Object.entries(row).map(([key, value]) => [{ text: label(key), bold: true }, valueText(value)]);
      content.push({ table: { widths: [150, '*'], body }, layout: 'lightHorizontalLines', fontSize: 8.5, margin: [0, 0, 0, 8] });
    }
  }
  content.push({
    text: 'Обработка ведётся образовательной организацией как оператором персональных данных (152-ФЗ). Отозвать согласие или потребовать удаления данных можно, обратившись к куратору наставничества организации.',
    style: 'note',
    margin: [0, 12, 0, 0],
  });
  return {
    content,
    info: { title: 'Сведения о персональных данных', author: 'Наставник' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: BASE_STYLES,
    footer: pageFooter('Сведения о персональных данных'),
  };
}

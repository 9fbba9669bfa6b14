import { REGION_TIME_ZONE } from '@nastavnik/platform/calendar';
import { BASE_STYLES, barChart, pageFooter, type PdfContent, type PdfDocDefinition, valueText } from './pdf-engine';
import type { IndicatorLine, SchoolReportData } from './report-data.types';
import { outcomesSection } from './outcomes.section';
import { ownValue } from '@nastavnik/contracts/lookup';

const LEVELS: Record<string, string> = { optimal: 'оптимальный', acceptable: 'допустимый', unacceptable: 'недопустимый' };
const STATUSES: Record<string, string> = { planned: 'запланировано', in_progress: 'выполняется', done: 'выполнено', not_done: 'не выполнено' };

const th = (text: string) => ({ text, style: 'th' });
const dash = (v: number | null) => (v === null ? '—' : String(v));

/**
 * Годовой отчёт образовательной организации о реализации целевой модели наставничества: the
 * shape of seed 004's annual report (§8.2 target indicators, §8.3 counts, §8.4 meetings by
 * direction, §8.5 roadmap execution). Everything printed is plain text; nothing is fetched.
 */
export function schoolReportDocument(data: SchoolReportData): PdfDocDefinition {
  const org = data.organisation;
  const content: PdfContent[] = [
    { text: 'Отчёт о реализации целевой модели наставничества', style: 'title' },
    { text: org.fullName, fontSize: 12, bold: true, margin: [0, 0, 0, 2] },
    {
      text: [`Учебный год: ${data.period.replace('/', '–')}`, org.municipality ? ` · ${org.municipality}` : '', org.region ? ` · ${org.region}` : ''].join(''),
      style: 'subtitle',
    },
    { text: '1. Целевые показатели', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: [28, '*', 40, 48, 92, 40],
        body: [
          [th('Код'), th('Показатель'), th('Числ.'), th('Знам.'), th('Значение'), th('Цель')],
          ...data.indicators.map((i) => [
            i.code,
            i.title,
            dash(i.numerator),
            i.unit === 'percent' ? dash(i.denominator) : '—',
            { text: valueText(i.unit, i.numerator, i.denominator, i.value), style: i.belowTarget ? 'below' : undefined },
            i.target === null ? '—' : i.unit === 'percent' ? `≥ ${i.target} %` : String(i.target),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
    },
    { text: 'Проценты — целые, округление половины вверх; значение ниже цели выделено красным.', style: 'note' },
    ...denominatorNote(data.indicators),
  ];

  content.push({ text: '2. Эффективность программ наставничества', style: 'h2' });
  if (data.scorecard === null) {
    content.push({ text: 'Оценки эффективности программ доступны только куратору организации и в этот отчёт не включены.', style: 'note' });
  } else if (data.scorecard.length === 0) {
    content.push({ text: 'Оценка эффективности программ за этот год не проводилась.', style: 'note' });
  } else {
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 50, 80, 70],
        body: [[th('Программа'), th('Баллы'), th('Уровень'), th('Дата оценки')], ...data.scorecard.map((s) => [s.programme, `${s.total} из 18`, ownValue(LEVELS, s.level) ?? s.level, s.ratedOn])],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
    });
  }

  content.push(
    { text: '3. Участники программ наставничества', style: 'h2' },
    {
      table: { widths: ['*', 80], body: [['Наставники', dash(data.counts.mentors)], ['Наставляемые', dash(data.counts.mentees)]] },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    },
    { text: '4. Встречи наставников и наставляемых по направлениям', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: [30, '*', 70, 70],
        body: [
          [th('Код'), th('Направление'), th('Первые (организац.)'), th('Вторые (пробные)')],
          ...data.meetings.map((m) => [m.code, m.title, String(m.organisational), String(m.trial)]),
          [
            '',
            { text: 'Итого', bold: true },
            { text: String(data.meetings.reduce((s, m) => s + m.organisational, 0)), bold: true },
            { text: String(data.meetings.reduce((s, m) => s + m.trial, 0)), bold: true },
          ],
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
    },
    barChart(
      data.meetings.map((m) => ({ label: `${m.code} ${m.title}`, value: m.organisational, secondary: m.trial })),
      { legend: ['первые (организационные) встречи', 'вторые (пробные рабочие) встречи'] },
    ),
    { text: '5. Исполнение дорожной карты', style: 'h2' },
  );

  // The region's copy (audience 'aggregate') prints the execution without the responsible persons;
  // a reader who may not see roadmaps at all (the ministry) gets the note instead.
  const withResponsible = data.audience === 'curator';
  if (data.audience === 'aggregate' && (data.roadmapHidden ?? true)) {
    content.push({ text: 'Дорожная карта доступна только куратору организации и аналитику региона: в этом отчёте приведены только сводные разделы.', style: 'note' });
  } else if (!data.roadmap) {
    content.push({ text: 'Дорожная карта на этот учебный год не ведётся.', style: 'note' });
  } else {
    const t = data.roadmap.totals;
    content.push(
      { text: data.roadmap.title, bold: true, fontSize: 9.5, margin: [0, 0, 0, 4] },
      { text: `Мероприятий: ${t.total}; выполнено: ${t.done}; выполняется: ${t.inProgress}; запланировано: ${t.planned}; не выполнено: ${t.notDone}.`, fontSize: 9, margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: withResponsible ? [22, '*', 58, 70, 58, '*'] : [22, '*', 64, 62, '*'],
          body: [
            [th('№'), th('Мероприятие'), th('Срок'), ...(withResponsible ? [th('Ответственный')] : []), th('Статус'), th('Результат исполнения')],
            ...data.roadmap.items.map((i) => [i.number, i.activity, i.due ?? '—', ...(withResponsible ? [i.responsible ?? '—'] : []), ownValue(STATUSES, i.status) ?? i.status, i.result ?? '—']),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 7.5,
      },
    );
  }

  if (data.outcomes !== undefined) content.push(...outcomesSection(data.outcomes, 6));

  return {
    info: { title: `Отчёт о наставничестве — ${org.shortName}, ${data.period}`, author: 'Наставник', subject: 'Целевая модель наставничества' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: BASE_STYLES,
    footer: pageFooter(`Сформировано ${formatDate(data.generatedAt)} · ${org.shortName}`),
    content,
  };
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString('ru-RU', { timeZone: REGION_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
}

/**
 * Where the population denominators came from (docs/adr/0027): «по контингенту» — the school's
 * pupils by age and teachers as it entered them — or «по зарегистрированным» участникам.
 */
function denominatorNote(lines: readonly IndicatorLine[]): PdfContent[] {
  return (['contingent', 'registered'] as const).flatMap((source) => {
    const codes = lines.filter((l) => l.denominatorSource === source).map((l) => l.code);
    return codes.length ? [{ text: `Знаменатели ${codes.join(', ')} — ${source === 'contingent' ? 'по контингенту организации' : 'по зарегистрированным участникам'}.`, style: 'note' }] : [];
  });
}

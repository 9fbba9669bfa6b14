import { BASE_STYLES, barChart, pageFooter, type PdfContent, type PdfDocDefinition, trendChart } from './pdf-engine';
import type { RegionReportData } from './report-data.types';
import { formatDate } from './school-report.document';

const th = (text: string) => ({ text, style: 'th' });
const formatValue = (value: number, unit: 'percent' | 'count') => (unit === 'percent' ? `${value} %` : String(value));
const cell = (v: { value: number | null; numerator: number; denominator: number | null } | null, unit: 'percent' | 'count') => {
  if (!v) return 'нет данных';
  if (unit === 'count') return String(v.numerator);
  return v.value === null ? `${v.numerator}/—` : `${v.value} % (${v.numerator}/${v.denominator})`;
};

/**
 * Сравнительный отчёт региона (муниципалитета) on the indicators asked for (the dashboard's
 * chosen one): totals Σnumerators / Σdenominators, municipalities as bars with their values as
 * printed («41 %»), those below target («нет» when none), each indicator's trend over school
 * years (a year without data is a gap), and the league table with the dashboard's places (ties
 * share a place; organisations without data are listed apart, unranked). Aggregates only — no
 * personal data exists in its sources.
 */
export function regionReportDocument(data: RegionReportData): PdfDocDefinition {
  const first = data.indicators[0];
  const content: PdfContent[] = [
    { text: 'Сравнительный отчёт о реализации целевой модели наставничества', style: 'title' },
    { text: data.node.name, fontSize: 12, bold: true, margin: [0, 0, 0, 2] },
    { text: `Учебный год: ${data.period.replace('/', '–')} · организаций: ${data.organisations.length}`, style: 'subtitle' },
    { text: '1. Итоги по показателям (Σ числителей / Σ знаменателей)', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: [36, '*', 60, 60, 50, 50, 50],
        body: [
          [th('Код'), th('Показатель'), th('Σ числ.'), th('Σ знам.'), th('Значение'), th('Цель'), th('Ниже цели')],
          ...data.indicators.map((i) => {
            const total = data.totals[i.code];
            return [
              i.code,
              i.title,
              total ? String(total.numerator) : '—',
              total && i.unit === 'percent' ? String(total.denominator ?? 0) : '—',
              total ? (i.unit === 'percent' ? (total.value === null ? '—' : `${total.value} %`) : String(total.numerator)) : '—',
              i.target === null ? '—' : i.unit === 'percent' ? `${i.target} %` : String(i.target),
              i.target === null ? '—' : String(data.belowTarget[i.code]?.length ?? 0),
            ];
          }),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
  ];

  if (data.municipalities.length > 0 && first) {
    content.push({ text: `2. Муниципалитеты: ${first.shortTitle}`, style: 'h2' });
    // In the order of the first indicator's ranking (IndicatorQueryService: the dashboard's order).
    content.push(
      barChart(
        data.municipalities.slice(0, 40).map((m) => {
          const v = m.values[first.code];
          const value = first.unit === 'percent' ? (v?.value ?? null) : (v?.numerator ?? null);
          return {
            label: m.name,
            value: value ?? 0,
            empty: value === null,
            text: value === null ? 'нет данных' : formatValue(value, first.unit),
            highlight: value !== null && first.target !== null && first.unit === 'percent' && value < first.target,
          };
        }),
      ),
    );
  }

  content.push({ text: '3. Организации ниже цели', style: 'h2' });
  for (const i of data.indicators) {
    const heading = `${i.code} ${i.shortTitle}`;
    if (i.target === null) {
      content.push({ text: `${heading}: целевое значение не установлено`, fontSize: 9, margin: [0, 4, 0, 2] });
      continue;
    }
    const list = data.belowTarget[i.code] ?? [];
    content.push({ text: `${heading} (цель ${formatValue(i.target, i.unit)}): ${list.length === 0 ? 'нет' : list.length}`, bold: true, fontSize: 9, margin: [0, 4, 0, 2] });
    if (list.length > 0) {
      content.push({
        text: list.map((o) => `${o.name} — ${o.value === null ? 'нет данных' : formatValue(o.value, i.unit)}`).join('; '),
        fontSize: 7.5,
      });
    }
  }

  content.push({ text: '4. Динамика по учебным годам', style: 'h2' });
  for (const i of data.indicators) {
    const points = data.trends[i.code] ?? [];
    content.push({ text: `${i.code} ${i.shortTitle}`, bold: true, fontSize: 9, margin: [0, 4, 0, 2] });
    if (points.length === 0) {
      content.push({ text: 'нет данных ни за один учебный год', fontSize: 8 });
      continue;
    }
    content.push(
      trendChart(
        points.map((p) => ({ label: p.period, value: p.value, text: p.value === null ? 'нет данных' : formatValue(p.value, i.unit) })),
        { max: i.unit === 'percent' ? 100 : undefined, target: i.target, format: (v) => formatValue(v, i.unit) },
      ),
    );
  }
  content.push({ text: 'Год без данных — разрыв линии: соседние годы не соединяются.', style: 'note' });

  const codes = data.indicators.map((i) => i.code);
  const ranked = data.organisations.filter((o) => typeof o.values[first?.code ?? '']?.rank === 'number');
  const unranked = data.organisations.filter((o) => !ranked.includes(o));
  const values = (o: RegionReportData['organisations'][number]) =>
    data.indicators.map((i) => {
      const v = o.values[i.code];
      return { text: cell(v, i.unit), color: v?.belowTarget ? '#b00020' : undefined };
    });
  content.push({ text: '5. Рейтинг организаций', style: 'h2', pageBreak: data.organisations.length > 30 ? 'before' : undefined });
  content.push({
    table: {
      headerRows: 1,
      widths: [34, '*', 90, ...codes.map(() => 62)],
      body: [
        [th('Место'), th('Организация'), th('Муниципалитет'), ...data.indicators.map((i) => th(i.code))],
        ...ranked.map((o) => [String(o.values[first?.code ?? '']?.rank), o.name, o.municipality ?? '—', ...values(o)]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 7,
  });
  content.push({
    text: `Рейтинг — по показателю ${first?.code ?? ''}: равные значения делят место (1, 1, 3); значения ниже цели выделены красным. Проценты — целые, половина вверх.`,
    style: 'note',
  });
  if (first) {
    content.push({ text: `Нет данных по ${first.code} — не ранжируются: ${unranked.length === 0 ? 'нет' : unranked.length}`, bold: true, fontSize: 9, margin: [0, 6, 0, 2] });
    if (unranked.length > 0) {
      content.push({
        table: {
          headerRows: 1,
          widths: ['*', 90, ...codes.map(() => 62)],
          body: [[th('Организация'), th('Муниципалитет'), ...data.indicators.map((i) => th(i.code))], ...unranked.map((o) => [o.name, o.municipality ?? '—', ...values(o)])],
        },
        layout: 'lightHorizontalLines',
        fontSize: 7,
      });
    }
  }

  return {
    info: { title: `Сравнительный отчёт — ${data.node.name}, ${data.period}`, author: 'Наставник', subject: 'Целевая модель наставничества' },
    pageSize: 'A4',
    pageOrientation: codes.length > 3 ? 'landscape' : 'portrait',
    pageMargins: [30, 36, 30, 40],
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    styles: BASE_STYLES,
    footer: pageFooter(`Сформировано ${formatDate(data.generatedAt)} · ${data.node.name}`),
    content,
  };
}

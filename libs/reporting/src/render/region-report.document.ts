import { BASE_STYLES, barChart, pageFooter, type PdfContent, type PdfDocDefinition } from './pdf-engine';
import type { RegionReportData } from './report-data.types';
import { formatDate } from './school-report.document';

const th = (text: string) => ({ text, style: 'th' });
const cell = (v: { value: number | null; numerator: number; denominator: number | null } | null, unit: 'percent' | 'count') => {
  if (!v) return '—';
  if (unit === 'count') return String(v.numerator);
  return v.value === null ? `${v.numerator}/—` : `${v.value} % (${v.numerator}/${v.denominator})`;
};

/**
 * Сравнительный отчёт региона (муниципалитета): the league table of every organisation on the
 * chosen indicators, those below target, a chart per indicator (municipalities), and totals
 * Σnumerators / Σdenominators. Aggregates only — no personal data exists in its sources.
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
              String(data.belowTarget[i.code]?.length ?? 0),
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
    const ranked = [...data.municipalities].sort((a, b) => (b.values[first.code]?.value ?? -1) - (a.values[first.code]?.value ?? -1));
    content.push(
      barChart(
        ranked.slice(0, 40).map((m) => {
          const v = m.values[first.code];
          const value = first.unit === 'percent' ? (v?.value ?? 0) : (v?.numerator ?? 0);
          return { label: m.name, value, highlight: first.target !== null && first.unit === 'percent' && value < first.target };
        }),
      ),
    );
  }

  content.push({ text: '3. Организации ниже цели', style: 'h2' });
  for (const i of data.indicators.filter((d) => d.target !== null)) {
    const list = data.belowTarget[i.code] ?? [];
    content.push({ text: `${i.code} ${i.shortTitle} (цель ${i.target}${i.unit === 'percent' ? ' %' : ''}): ${list.length}`, bold: true, fontSize: 9, margin: [0, 4, 0, 2] });
    if (list.length > 0) {
      content.push({
        text: list.map((o) => `${o.name} — ${o.value === null ? 'нет данных' : `${o.value}${i.unit === 'percent' ? ' %' : ''}`}`).join('; '),
        fontSize: 7.5,
      });
    }
  }

  content.push({ text: '4. Рейтинг организаций', style: 'h2', pageBreak: data.organisations.length > 30 ? 'before' : undefined });
  const codes = data.indicators.map((i) => i.code);
  content.push({
    table: {
      headerRows: 1,
      widths: [24, '*', 90, ...codes.map(() => 62)],
      body: [
        [th('№'), th('Организация'), th('Муниципалитет'), ...data.indicators.map((i) => th(i.code))],
        ...data.organisations.map((o, n) => [
          String(o.values[first?.code ?? '']?.rank ?? n + 1),
          o.name,
          o.municipality ?? '—',
          ...data.indicators.map((i) => {
            const v = o.values[i.code];
            return { text: cell(v, i.unit), color: v?.belowTarget ? '#b00020' : undefined };
          }),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 7,
  });
  content.push({ text: `Рейтинг — по показателю ${first?.code ?? ''}; значения ниже цели выделены красным. Проценты — целые, половина вверх.`, style: 'note' });

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

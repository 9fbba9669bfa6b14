import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf, TREND_LINE_COLOR, trendChart } from '../src/render/pdf-engine';
import { regionReportDocument } from '../src/render/region-report.document';
import type { RegionReportData } from '../src/render/report-data.types';

type Segment = { type: string; x1: number; x2: number; lineColor?: string };

/** The data line's segments of a trend chart (by their colour), as [x1, x2]. */
function segments(chart: unknown): [number, number][] {
  const canvas = (chart as { columns: [unknown, { stack: [{ canvas: Segment[] }] }] }).columns[1].stack[0].canvas;
  return canvas.filter((s) => s.type === 'line' && s.lineColor === TREND_LINE_COLOR).map((s) => [s.x1, s.x2]);
}

const value = (numerator: number, denominator: number, v: number, rank: number | null, belowTarget: boolean) => ({ numerator, denominator, value: v, rank, belowTarget });

/** The region's data as ReportDataService gathers it (ranks from IndicatorQueryService). */
function data(): RegionReportData {
  return {
    node: { id: 'r', name: 'Курганская область', kind: 'region' },
    period: '2022/2023',
    indicators: [
      { code: 'N1', title: 'Доля обучающихся, вовлечённых в наставничество', shortTitle: 'Вовлечённость обучающихся', unit: 'percent', target: 70 },
      { code: 'T3', title: 'Доля наставляемых в формах наставничества', shortTitle: 'Наставляемые', unit: 'percent', target: null },
    ],
    organisations: [
      { tenantId: '1', name: 'Мишкинская СОШ', municipality: 'Мишкинский МО', values: { N1: value(41, 100, 41, 1, true), T3: value(3, 6, 50, 1, false) } },
      { tenantId: '2', name: 'Шаминская СОШ', municipality: 'Мишкинский МО', values: { N1: value(82, 200, 41, 1, true), T3: null } },
      { tenantId: '3', name: 'Кирово ООШ', municipality: 'Юргамышский МО', values: { N1: value(12, 100, 12, 3, true), T3: value(1, 4, 25, 2, false) } },
      { tenantId: '4', name: 'Новая школа', municipality: 'Юргамышский МО', values: { N1: null, T3: value(1, 4, 25, 2, false) } },
    ],
    municipalities: [
      { name: 'Мишкинский МО', values: { N1: { numerator: 123, denominator: 300, value: 41, organisations: 2 } } },
      { name: 'Юргамышский МО', values: { N1: { numerator: 12, denominator: 100, value: 12, organisations: 1 } } },
    ],
    totals: { N1: { numerator: 135, denominator: 400, value: 34, organisations: 3 }, T3: { numerator: 5, denominator: 14, value: 36, organisations: 3 } },
    belowTarget: { N1: [{ name: 'Мишкинская СОШ', value: 41, target: 70 }, { name: 'Шаминская СОШ', value: 41, target: 70 }, { name: 'Кирово ООШ', value: 12, target: 70 }], T3: [] },
    trends: {
      N1: [
        { period: '2019/2020', value: 20, numerator: 20, denominator: 100 },
        { period: '2020/2021', value: null, numerator: null, denominator: null },
        { period: '2021/2022', value: 30, numerator: 30, denominator: 100 },
        { period: '2022/2023', value: 34, numerator: 135, denominator: 400 },
      ],
      T3: [],
    },
    generatedAt: new Date('2023-06-30T12:00:00Z'),
  };
}

describe('regional report document: places, no data apart, «нет», «%», gaps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'region-document-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a trend line joins only neighbouring years that both have a value', () => {
    const chart = trendChart([
      { label: 'a', value: 10, text: '10 %' },
      { label: 'b', value: null, text: 'нет данных' },
      { label: 'c', value: 20, text: '20 %' },
      { label: 'd', value: 30, text: '30 %' },
      { label: 'e', value: null, text: 'нет данных' },
    ], { width: 500, max: 100 });
    // Columns 100 wide: year centres at 50, 150, 250, 350, 450; only c–d is joined.
    expect(segments(chart)).toEqual([[250, 350]]);
    // A year between two gaps still gets its dot; a gap gets none.
    const dots = (chart as { columns: [unknown, { stack: [{ canvas: { type: string; x: number }[] }] }] }).columns[1].stack[0].canvas.filter((s) => s.type === 'ellipse').map((s) => s.x);
    expect(dots).toEqual([50, 250, 350]);
    expect(segments(trendChart([{ label: 'a', value: 1, text: '' }, { label: 'b', value: 2, text: '' }], { width: 200 }))).toEqual([[50, 150]]);
  });

  it('the rendered PDF: shared places, no data apart, the below-target list and «нет», «%» on bars, the gap year', async () => {
    const pdf = await renderPdf(regionReportDocument(data()));
    const file = join(dir, 'region.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
    const rows = text.split('\n').map((line) => line.trim().split(/\s{2,}/));
    const starting = (...key: string[]) => rows.filter((cells) => key.every((k, i) => cells[i] === k));
    const flat = text.replace(/\s+/g, ' ');

    expect(starting('1', 'Мишкинская СОШ')[0].slice(-2)).toEqual(['41 % (41/100)', '50 % (3/6)']);
    expect(starting('1', 'Шаминская СОШ')[0].slice(-2)).toEqual(['41 % (82/200)', 'нет данных']);
    expect(starting('3', 'Кирово ООШ')).toHaveLength(1);
    expect(flat).toContain('Нет данных по N1 — не ранжируются: 1');
    expect(starting('Новая школа')).toEqual([['Новая школа', 'Юргамышский МО', 'нет данных', '25 % (1/4)']]);

    expect(flat).toContain('N1 Вовлечённость обучающихся (цель 70 %): 3');
    expect(flat).toContain('Мишкинская СОШ — 41 %; Шаминская СОШ — 41 %; Кирово ООШ — 12 %');
    expect(flat).toContain('T3 Наставляемые: целевое значение не установлено');

    expect(starting('Мишкинский МО', '41 %')).toHaveLength(1);
    expect(starting('Юргамышский МО', '12 %')).toHaveLength(1);

    expect(starting('20 %')).toEqual([['20 %', 'нет данных', '30 %', '34 %']]);
    expect(flat).toContain('T3 Наставляемые нет данных ни за один учебный год');

    if (process.env.UPDATE_SCREENSHOTS === '1') {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-f', '1', '-l', '1', file, join(dir, 'page1')]);
      const target = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
      mkdirSync(target, { recursive: true });
      copyFileSync(join(dir, 'page1.png'), join(target, 'regional-report.png'));
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { renderPdf, renderPdfAsShipped, type PdfDocDefinition } from '../src/render/pdf-engine';
import type { SchoolReportData } from '../src/render/report-data.types';
import { schoolReportDocument } from '../src/render/school-report.document';

/**
 * The engine parses Roboto once per process and gives each document a view of it (its own glyph
 * cache). What a reader gets must not change: the text of every PDF, read back by pdftotext,
 * equals the text of the same definition rendered by pdfmake as shipped — in any order, however
 * many documents the process rendered before.
 */
describe('pdf engine: fonts parsed once, the same documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-engine-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const textOf = (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
  };
  const fontsOf = (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}-fonts.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).sort();
  };

  const school = (name: string, roadmapRows: number): SchoolReportData => ({
    organisation: { id: 'x', fullName: `Муниципальное бюджетное общеобразовательное учреждение «${name}»`, shortName: `МБОУ «${name}»`, municipality: 'Мишкинский муниципальный округ', region: 'Курганская область' },
    period: '2022/2023',
    audience: 'curator',
    indicators: INDICATORS.map((d, i) => ({ code: d.code, title: d.title, unit: d.unit, numerator: 10 + i, denominator: d.denominator ? 50 + i : null, value: d.unit === 'percent' ? 20 + i : 10 + i, target: d.target?.value ?? null, belowTarget: i % 3 === 0 })),
    scorecard: [{ programme: 'Программа «Учитель – ученик»', total: 14, level: 'optimal', ratedOn: '01.06.2023' }],
    counts: { mentors: 15, mentees: 59 },
    meetings: [{ code: 'D01', title: 'Профориентация', organisational: 3, trial: 2 }],
    roadmap: {
      title: 'Дорожная карта',
      items: Array.from({ length: roadmapRows }, (_, i) => ({ number: String(i + 1), activity: `Мероприятие № ${i + 1}: qwerty QWERTY ёжик Ъъ`, due: 'сентябрь', responsible: 'куратор', status: i % 2 ? 'done' : 'planned', result: i % 2 ? `Выполнено: ${i} участников` : null })),
      totals: { total: roadmapRows, planned: 1, inProgress: 0, done: 1, notDone: 0 },
    },
    generatedAt: new Date('2023-06-30T12:00:00Z'),
  });
  const plain = (lines: string[]): PdfDocDefinition => ({ content: [...lines, { text: lines.join(' '), bold: true }, { text: lines.join(' '), italics: true }] });

  // The order matters: a glyph laid out (or measured) in an earlier document must keep its
  // characters in a later one (a shared glyph cache lost "y" and "и" in the second of these).
  const documents: [string, () => PdfDocDefinition][] = [
    ['first', () => plain(['Первый документ: ёЁ Щщ'])],
    ['second', () => plain(['Второй: ABC xyz 123 — «кавычки»', 'Ǆ ﬁ ffi'])],
    ['school', () => schoolReportDocument(school('Мишкинская СОШ', 30)) as PdfDocDefinition],
    ['third', () => plain(['Третий: The quick brown fox jumps over the lazy dog', 'Съешь же ещё этих мягких французских булок, да выпей чаю'])],
    ['school-again', () => schoolReportDocument(school('Средняя школа № 31 имени Героя', 5)) as PdfDocDefinition],
  ];

  it.each(documents)('%s: the same text and the same embedded fonts as pdfmake as shipped', async (name, definition) => {
    const ours = await renderPdf(definition());
    const reference = await renderPdfAsShipped(definition());
    expect(ours.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = textOf(ours, `${name}-ours`);
    expect(text.replace(/\s+/g, '').length).toBeGreaterThan(10);
    expect(text).toEqual(textOf(reference, `${name}-shipped`));
    expect(fontsOf(ours, `${name}-ours`)).toEqual(fontsOf(reference, `${name}-shipped`));
  });

  it('a later document still carries every character it was given', async () => {
    const line = 'Проверка: xyz и й Ё — «Мишкинская СОШ» 33 из 59 – 56 %';
    for (let i = 0; i < 3; i += 1) await renderPdf(plain([`Разогрев ${i}: абвгд ABC`]));
    expect(textOf(await renderPdf(plain([line])), 'later').replace(/\s+/g, ' ')).toContain(line);
  });
});

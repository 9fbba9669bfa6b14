import ExcelJS from 'exceljs';
import { indicatorTableWorkbook, parseQuery, sortTableRows } from '../src/indicator-table.controller';
import type { IndicatorTableType, IndicatorValueType } from '../src/indicator.types';

const cell = (code: string, numerator: number, denominator: number | null, value: number | null, computed = true): IndicatorValueType => ({
  tenantId: 'x', tenantName: 'x', municipalityId: null, municipalityName: null, code, period: '2024/2025',
  numerator, denominator, value, target: 70, belowTarget: value === null ? null : value < 70, rank: null, computedAt: computed ? new Date() : null, denominatorSource: null,
});
const row = (name: string, municipality: string | null, n1: IndicatorValueType, mentors: IndicatorValueType) => ({ tenantId: name, tenantName: name, municipalityId: null, municipalityName: municipality, cells: [n1, mentors] });

const TABLE: IndicatorTableType = {
  period: '2024/2025',
  indicators: [
    { code: 'N1', title: 'Доля', shortTitle: 'Вовлечённость обучающихся', unit: 'percent', defaultTarget: 70, source: '' },
    { code: 'MENTORS', title: 'Наставники', shortTitle: 'Наставники', unit: 'count', defaultTarget: null, source: '' },
  ],
  rows: [
    row('Бета', 'Южный', cell('N1', 50, 100, 50), cell('MENTORS', 3, null, 3)),
    row('=Альфа()', 'Северный', cell('N1', 90, 100, 90), cell('MENTORS', 7, null, 7)),
    row('Гамма', null, cell('N1', 0, 0, null, false), cell('MENTORS', 0, null, null, false)),
  ],
};

/** The multi-indicator table's XLSX (issue 13): the query checked, the console's order, numbers as numbers, formula-safe text. */
describe('indicator table export', () => {
  it('checks the query: a wrong period, code or sort is VALIDATION_FAILED, never a key into an object', () => {
    expect(parseQuery({ period: '2024/2025', codes: 'N1,MENTORS', sort: 'N1', order: 'desc' })).toEqual({ period: '2024/2025', codes: ['N1', 'MENTORS'], parentId: undefined, sort: { by: 'N1', order: 'desc' } });
    for (const bad of [{ period: '2024', codes: 'N1' }, { period: '2024/2025', codes: '' }, { period: '2024/2025', codes: 'n1;drop' }, { period: '2024/2025', codes: 'N1', sort: '__proto__' }, { period: '2024/2025', codes: 'N1', sort: 'constructor' }, { period: '2024/2025', codes: 'N1', parentId: 'x' }]) {
      expect(() => parseQuery(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
    expect(() => parseQuery({ period: '2024/2025', codes: Array.from({ length: 41 }, (_, i) => `T${i}`).join(',') })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('sorts by a column with rows without a value last, by name or by municipality', () => {
    expect(sortTableRows(TABLE, { by: 'N1', order: 'desc' }).map((r) => r.tenantName)).toEqual(['=Альфа()', 'Бета', 'Гамма']);
    expect(sortTableRows(TABLE, { by: 'N1', order: 'asc' }).map((r) => r.tenantName)).toEqual(['Бета', '=Альфа()', 'Гамма']);
    expect(sortTableRows(TABLE, { by: 'name', order: 'asc' }).map((r) => r.tenantName)).toEqual(['=Альфа()', 'Бета', 'Гамма']);
    expect(sortTableRows(TABLE, { by: 'municipality', order: 'asc' }).map((r) => r.municipalityName)).toEqual([null, 'Северный', 'Южный']);
  });

  it('writes Russian headings, numbers as numbers, formula-safe names and the Σnum/Σden total', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await indicatorTableWorkbook(TABLE, { by: 'N1', order: 'desc' })).buffer);
    const rows = (workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(rows[1]).toEqual(['Организация', 'Муниципалитет', 'N1 Вовлечённость обучающихся: значение, %', 'N1: числитель', 'N1: знаменатель', 'N1: цель, %', 'Наставники: значение', 'Наставники: числитель', 'Наставники: знаменатель', 'Наставники: цель']);
    expect(rows[2]).toEqual(["'=Альфа()", 'Северный', 90, 90, 100, 70, 7, 7, undefined, 70]);
    expect(rows[4].slice(0, 3)).toEqual(['Гамма', undefined, undefined]);
    // Σ 140 / Σ 200 = 70 % over the two computed schools; the count's total is the sum.
    expect(rows[5]).toEqual(['Итого (Σ числителей / Σ знаменателей)', undefined, 70, 140, 200, undefined, 10, 10]);
  });
});

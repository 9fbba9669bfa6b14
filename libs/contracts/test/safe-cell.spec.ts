import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { safeCell, safeCellText, toCsv } from '../src/spreadsheet/safe-cell';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/** Formula-safe cells: what a spreadsheet would run gets a leading apostrophe; everything else is written as it is. */
describe('contracts: formula-safe spreadsheet cells', () => {
  it('puts an apostrophe before text that a spreadsheet would read as a formula', () => {
    expect(safeCellText('=HYPERLINK("http://x","клик")')).toBe(`'=HYPERLINK("http://x","клик")`);
    expect(safeCellText("+cmd|' /C calc'!A0")).toBe(`'+cmd|' /C calc'!A0`);
    expect(safeCellText('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`);
    expect(safeCellText('-2+3')).toBe(`'-2+3`);
    expect(safeCellText('\t=1+1')).toBe(`'\t=1+1`);
    expect(safeCellText('\r=1+1')).toBe(`'\r=1+1`);
    expect(safeCellText('＝1+1')).toBe(`'＝1+1`);
    for (const trigger of TRIGGERS) expect(safeCellText(`${trigger}x`)).toBe(`'${trigger}x`);
  });

  it('leaves ordinary text, numbers and empty cells as they are', () => {
    expect(safeCellText('Иванова')).toBe('Иванова');
    expect(safeCellText('Территория: =HYPERLINK(1)')).toBe('Территория: =HYPERLINK(1)');
    expect(safeCellText('')).toBe('');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(Number.NaN)).toBeNull();
    expect(safeCell(null)).toBeNull();
    expect(safeCell(undefined)).toBeNull();
  });

  it('writes CSV with a BOM, «;», CRLF, RFC 4180 quoting, and neutralised text — numbers stay numbers', () => {
    const csv = toCsv(
      [
        ['Фамилия', 'Телефон', 'Стаж'],
        ['=HYPERLINK("http://x","клик")', '+7 912 000-00-00', -3],
        ['Иванов; Петров', 'строка\nвторая', null],
        ['@SUM(A1)', '-1', 2.5],
      ],
      { delimiter: ';', bom: true },
    );
    expect(csv).toBe(
      '\uFEFFФамилия;Телефон;Стаж\r\n' +
        `"'=HYPERLINK(""http://x"",""клик"")";'+7 912 000-00-00;-3\r\n` +
        '"Иванов; Петров";"строка\nвторая";\r\n' +
        `'@SUM(A1);'-1;2.5\r\n`,
    );
  });

  it('quotes by the delimiter in use', () => {
    expect(toCsv([['a,b', 'c;d', 'e\tf']], { delimiter: ',' })).toBe('"a,b",c;d,e\tf\r\n');
    expect(toCsv([['a,b', '\tx']], { delimiter: '\t' })).toBe(`a,b\t"'\tx"\r\n`);
  });

  it('round-trips through a CSV parser: every cell reads back as written, and no text cell starts a formula', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ';', ',', 'а', 'b', ' ', '＝') }), fc.integer({ min: -1000, max: 1000 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = toCsv(rows, { delimiter: ';', bom: true });
        const back = parse(text, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
        expect(back).toEqual(rows.map((row) => row.map((c) => (typeof c === 'number' ? String(c) : safeCellText(c)))));
        for (const [i, row] of back.entries()) {
          row.forEach((value, j) => {
            if (typeof rows[i][j] === 'string') expect(value).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

import ExcelJS from 'exceljs';
import { formVersion, type FormDefinition } from '../src/forms/form-definitions';
import { extractCsv, extractXlsx, type ExtractData } from '../src/render/extract.document';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** A form whose texts (headings, a line's title) start like formulas: a definition is data, and data is not trusted. */
function hostileData(): ExtractData {
  const shipped = formVersion('MENTORING-R145', '1') as FormDefinition;
  const form: FormDefinition = {
    ...shipped,
    headings: ['@SUM(1+1)*cmd|\' /C calc\'!A0', ...shipped.headings.slice(1)],
    rows: shipped.rows.map((row, i) => (i === 0 ? { ...row, title: '=HYPERLINK("http://x","клик")' } : row)),
  };
  const regions: ExtractData['regions'] = [
    { code: 'r1', name: '-2+3+cmd|\' /C calc\'!A0', values: { T1: { numerator: -5, denominator: 10, value: -50, organisations: 1 } } },
    { code: 'r2', name: '＝1+1', values: {} },
  ];
  return { form, period: '2022/2023', regions, generatedAt: new Date('2026-12-01T10:00:00Z') };
}

/** The XLSX and CSV of a form extract: every text cell is written formula-safe, numbers stay numbers. */
describe('reporting: extract documents are formula-safe', () => {
  it('XLSX: every string cell of every sheet is neutralised; a negative number is still a number', async () => {
    const bytes = await extractXlsx(hostileData());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    const strings: string[] = [];
    const numbers: number[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') strings.push(cell.value);
          if (typeof cell.value === 'number') numbers.push(cell.value);
        }),
      );
    }
    expect(strings).toContain(`'@SUM(1+1)*cmd|' /C calc'!A0`);
    expect(strings).toContain(`'=HYPERLINK("http://x","клик")`);
    expect(strings).toContain(`Территория: -2+3+cmd|' /C calc'!A0 (r1)`); // not at the start of the cell: harmless as it is
    expect(strings.filter((s) => FORMULA_START.test(s))).toEqual([]);
    expect(numbers).toContain(-5);
    expect(numbers).toContain(-50);
  });

  it('CSV: region names and titles neutralised and quoted by RFC 4180; numbers as numbers', () => {
    const text = extractCsv(hostileData()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toContain(`r1;'-2+3+cmd|' /C calc'!A0;01;"'=HYPERLINK(""http://x"",""клик"")";%;-5;10;-50`);
    expect(lines.some((line) => line.startsWith(`r2;'＝1+1;`))).toBe(true);
    expect(lines.some((line) => line.startsWith(`ALL;Свод;01;`))).toBe(true);
  });
});

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
    { id: null, code: 'r1', name: '-2+3+cmd|\' /C calc\'!A0', fullName: '@регион 1', organisations: 1, reporting: 1, values: { T1: { numerator: -5, denominator: 10, value: -50 } } },
    { id: null, code: 'r2', name: '＝1+1', fullName: '＝1+1', organisations: 0, reporting: 0, values: {} },
  ];
  const total = { id: null, code: '', name: 'Российская Федерация', fullName: 'Российская Федерация — итого', organisations: 1, reporting: 1, values: { T1: { numerator: -5, denominator: 10, value: -50 } } };
  return { form, period: '2022/2023', regions, total, compiler: { name: '=Иванов И. И.', position: '+ведущий специалист', phone: '+7 495 000-00-00' }, generatedAt: new Date('2026-12-01T10:00:00Z') };
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
    expect(strings).toContain(`'@регион 1`); // the respondent, in the title block
    expect(strings).toContain(`'=Иванов И. И.`);
    expect(strings).toContain(`'+7 495 000-00-00`);
    // Sheet names are not cells (nothing evaluates them); Excel's forbidden characters are replaced.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Российская Федерация', `-2+3+cmd|' C calc'!A0`, '＝1+1']);
    expect(strings.filter((s) => FORMULA_START.test(s))).toEqual([]);
    expect(numbers).toContain(-5);
    expect(numbers).toContain(-50);
  });

  it('CSV: region names and titles neutralised and quoted by RFC 4180; numbers as numbers', () => {
    const text = extractCsv(hostileData()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toContain(`'-2+3+cmd|' /C calc'!A0;"'=HYPERLINK(""http://x"",""клик"")";01;процент;744;-5;10;-50`);
    expect(lines.some((line) => line.startsWith(`'＝1+1;`))).toBe(true);
    expect(lines.some((line) => line.startsWith(`Российская Федерация;`))).toBe(true);
    expect(lines).toContain(`Составитель (Ф. И. О.);'=Иванов И. И.`);
    expect(lines.filter((line) => FORMULA_START.test(line))).toEqual([]);
  });
});

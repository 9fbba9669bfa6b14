import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { xlsxOfRows, zipBombXlsx } from '@nastavnik/testing/xlsx-files';
import { readXlsxRows, type SheetRow } from '../src/import/read-xlsx';
import { XmlScanner, type XmlHandler } from '../src/import/xml-scanner';

const LIMITS = { maxRows: 5000, maxColumns: 60, maxUnpackedBytes: 40_000_000 };

const tidy = (value: string) => value.replace(/[\u00a0\t]/g, ' ').replace(/ {2,}/g, ' ').trim();

/** How the import read a workbook before the streaming reader: ExcelJS's `xlsx.load` and this cell-to-text rule (the oracle). */
async function readWithExcelJs(file: Buffer): Promise<SheetRow[]> {
  const cellText = (value: ExcelJS.CellValue): string => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    if (typeof value === 'string') return tidy(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if ('richText' in value) return tidy(value.richText.map((part) => part.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return tidy(String(value.text));
    return '';
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push({ line, cells });
  });
  return rows;
}

/** Rows with some text, cut to the last column with text (what the import goes on to use). */
function normalised(rows: SheetRow[]): SheetRow[] {
  const kept = rows.filter((row) => row.cells.some((cell) => cell !== ''));
  const width = Math.max(0, ...kept.map((row) => row.cells.reduce((last, cell, i) => (cell !== '' ? i + 1 : last), 0)));
  return kept.map((row) => ({ line: row.line, cells: Array.from({ length: width }, (_, i) => row.cells[i] ?? '') }));
}

const text = fc.string({ unit: fc.constantFrom('а', 'Б', 'z', ' ', '\u00a0', '\t', '\n', '&', '<', '>', '"', "'", ';', '=', 'ё', '1', '€', '😀'), maxLength: 12 });
const day = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(Math.floor(ms / 86_400_000) * 86_400_000));
type Kind = { value: ExcelJS.CellValue; numFmt?: string };
const cellKind: fc.Arbitrary<Kind | null> = fc.oneof(
  fc.constant(null),
  text.map((value) => ({ value })),
  fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })).map((value) => ({ value })),
  fc.boolean().map((value) => ({ value })),
  day.map((value) => ({ value })),
  day.map((value) => ({ value, numFmt: 'dd.mm.yyyy' })),
  fc.integer({ min: 20000, max: 60000 }).map((value) => ({ value, numFmt: '[$-419]DD MMMM YYYY;@' })),
  fc.integer({ min: 1, max: 99 }).map((value) => ({ value, numFmt: '0" лет"' })),
  fc.tuple(text, text).map(([a, b]) => ({ value: { richText: [{ text: a }, { text: b, font: { bold: true } }] } })),
  fc.integer({ min: 1, max: 9 }).map((n) => ({ value: { formula: `${n}+1`, result: n + 1 } })),
  text.map((result) => ({ value: { formula: 'A1&""', result } })),
  day.map((result) => ({ value: { formula: 'TODAY()', result } })),
  text.map((value) => ({ value: { text: value || 'ссылка', hyperlink: 'https://example.org/' } })),
  fc.constant({ value: { error: '#N/A' as const } }),
);

/** The streaming XLSX reader of the import: the same text as ExcelJS gave, bounded work, clear refusals. */
describe('participants: the streaming XLSX reader', () => {
  it('reads workbooks written by ExcelJS exactly as the ExcelJS loader did (strings, numbers, booleans, dates, formulas, links)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellKind, { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.nat({ max: 3 }),
        async (rows, date1904, blankRowsFirst) => {
          const workbook = new ExcelJS.Workbook();
          workbook.properties.date1904 = date1904;
          const sheet = workbook.addWorksheet('Участники');
          rows.forEach((cells, r) =>
            cells.forEach((kind, c) => {
              if (!kind) return;
              const cell = sheet.getCell(r + 1 + blankRowsFirst, c + 1);
              cell.value = kind.value;
              if (kind.numFmt) cell.numFmt = kind.numFmt;
            }),
          );
          const file = Buffer.from(await workbook.xlsx.writeBuffer());
          expect(await readXlsxRows(file, LIMITS)).toEqual(normalised(await readWithExcelJs(file)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads what other writers produce: inline and rich strings, prefixed names, entities, CDATA, comments, cells without references, the 1904 system', async () => {
    const file = xlsxOfRows(
      [
        '<!-- LibreOffice-style inline strings --><x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Фамилия</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Им</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">я </x:t></x:r><x:rPh><x:t>фонетика</x:t></x:rPh></x:is></x:c>',
        '<x:c r="D3" t="s"><x:v>0</x:v></x:c></x:row>',
        '<row><c t="str"><v>Т&amp;Т &lt;1&gt; &#1025;&#x451;</v></c><c><v>1.5E+2</v></c><c s="1"><v>0</v></c><c s="2"><v>45000</v></c><c s="3"><v>7</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>',
        '<row r="9"><c r="B9"><f>A1*2</f><v>42</v></c><c r="C9" t="str"><f>A1</f><v><![CDATA[a<b]]></v></c><c r="D9" t="d"><v>2024-09-01T00:00:00Z</v></c><c r="E9" s="4"><v>1</v></c></row>',
        '<row r="10"><c r="A10" s="1"/><c r="B10" t="s"><v>99</v></c></row>',
      ].join(''),
      {
        date1904: true,
        sharedStrings: '<si><t>Кат&#x435;гория</t><rPh><t>カテゴリ</t></rPh></si>',
        styles: '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="&quot;№&quot;\\ 0"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs>',
      },
    );
    expect(await readXlsxRows(file, LIMITS)).toEqual([
      { line: 3, cells: ['Фамилия', 'Имя', '', 'Категория', '', ''] },
      { line: 4, cells: ['Т&Т <1> Ёё', '150', '1904-01-01', '2027-03-16', '7', 'true'] },
      { line: 9, cells: ['', '42', 'a<b', '2024-09-01', '1', ''] },
    ]);
  });

  it('refuses a million-row zip bomb by its declared size before inflating it, in milliseconds', async () => {
    const bomb = await zipBombXlsx(1_000_000);
    expect(bomb.length).toBeLessThan(1_500_000);
    const started = Date.now();
    await expect(readXlsxRows(bomb, LIMITS)).rejects.toThrow(/^Файл XLSX после распаковки больше 40 МБ — похоже, он повреждён или содержит лишние данные/);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('stops at the byte where an entry outgrows its declared size, and at the first row past the limit', async () => {
    await expect(readXlsxRows(await zipBombXlsx(1_000_000, 100_000), LIMITS)).rejects.toThrow(/Файл XLSX повреждён: данные внутри архива больше, чем указано в его оглавлении/);
    await expect(readXlsxRows(await zipBombXlsx(1_000_000, 39_000_000), LIMITS)).rejects.toThrow('В файле больше 5000 строк с данными. Разделите файл на части.');
    expect(await readXlsxRows(await zipBombXlsx(5000), LIMITS)).toHaveLength(5001);
    await expect(readXlsxRows(await zipBombXlsx(5001), LIMITS)).rejects.toThrow('В файле больше 5000 строк');
  });

  it('refuses other broken files with a reason', async () => {
    const wide = xlsxOfRows('<row r="1"><c r="BJ1" t="inlineStr"><is><t>x</t></is></c></row>');
    await expect(readXlsxRows(wide, LIMITS)).rejects.toThrow('В файле больше 60 столбцов');
    await expect(readXlsxRows(Buffer.from('PK\u0003\u0004 not really'), LIMITS)).rejects.toThrow(/^Не удалось прочитать файл XLSX/);
    await expect(readXlsxRows(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), LIMITS)).rejects.toThrow(/старого формата Excel \(\.xls\) или книга, защищённая паролем/);
    const corrupt = xlsxOfRows('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>');
    corrupt.fill(0x55, 600, 700); // inside the deflated parts
    await expect(readXlsxRows(corrupt, LIMITS)).rejects.toThrow(/^(Не удалось прочитать файл XLSX|Файл XLSX повреждён)/);
    const endless = xlsxOfRows(`<row r="1"><c r="A1" t="inlineStr"><is><t a="${'x'.repeat(2_000_000)}">x</t></is></c></row>`);
    await expect(readXlsxRows(endless, LIMITS)).rejects.toThrow(/^Не удалось прочитать файл XLSX: он повреждён/);
  });

  it('the XML scanner reports the same events however the text is cut into chunks', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><a x:b="1 &gt; 0" c=\'>\'><!-- c > d --><b/>t&amp;u\r\nv<![CDATA[<w>]]>&#1025;&e;</a>';
    const events = (chunks: string[]) => {
      const seen: string[] = [];
      const handler: XmlHandler = { open: (n, a, s) => seen.push(`<${n}${a}${s ? '/' : ''}>`), close: (n) => seen.push(`</${n}>`), text: (t) => seen.push(t) };
      const scanner = new XmlScanner(handler);
      for (const chunk of chunks) scanner.write(chunk);
      scanner.end();
      return seen.join('');
    };
    const whole = events([xml]);
    expect(whole).toBe(`<a x:b="1 &gt; 0" c='>'><b/></b>t&u\nv<w>Ё&e;</a>`); // the DOCTYPE skipped, its entity never expanded
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((x, y) => x - y), xml.length];
        expect(events(points.slice(1).map((end, i) => xml.slice(points[i], end)))).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });
});

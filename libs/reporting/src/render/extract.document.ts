import { createRequire } from 'node:module';
import { safeCell, toCsv, type SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import { extractLayout, periodLabel, type ExtractData } from './extract-layout';

export type { ExtractData, ExtractTerritory, ExtractValue, ExtractCompiler } from './extract-layout';

// ExcelJS (~30 MiB of resident memory) is loaded on the first XLSX, not at start-up: a worker
// that only renders PDFs never pays for it.
const load = createRequire(__filename);
let excel: typeof import('exceljs') | null = null;
const exceljs = () => (excel ??= load('exceljs') as typeof import('exceljs'));

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The form as XLSX (docs/adr/0037): one sheet per territory — the all-Russia total first (all-regions
 * extracts), then every region in scope by name, each sheet named by the region's Russian name —
 * laid out as a statistics department expects: the form's title, the title block (form and version,
 * approving document, periodicity, reporting period, respondent, organisations, compiler, position,
 * phone, date), the column titles, their numbers (А, Б, В, Г, 1, 2, 3), one line per form row with
 * its unit and ОКЕИ code, and the notes. Aggregates only. Every cell goes through `safeCell`
 * (libs/contracts): a region's name is typed by people, and a workbook re-saved as CSV must not
 * turn a text that starts with «=» into a formula.
 */
export async function extractXlsx(data: ExtractData): Promise<Buffer> {
  const layout = extractLayout(data);
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Наставник';
  workbook.created = data.generatedAt;
  workbook.title = `${data.form.name}, версия ${data.form.version}`;
  workbook.subject = data.form.title;
  workbook.keywords = `форма=${data.form.code};версия=${data.form.version};период=${data.period}`;
  const width = layout.header.length;
  for (const part of layout.sheets) {
    const sheet = workbook.addWorksheet(part.name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const addRow = (cells: SheetCell[]) => sheet.addRow(cells.map(safeCell));
    const spanned = (text: string, bold = false) => {
      const row = addRow([text]);
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      if (bold) row.font = { bold: true };
      return row;
    };
    layout.headings.forEach((heading, i) => (spanned(heading, i === 0).getCell(1).alignment = { horizontal: 'center', wrapText: true }));
    addRow([]);
    for (const line of part.title) {
      const row = addRow([line.label, line.value]);
      sheet.mergeCells(row.number, 2, row.number, width);
      row.getCell(1).font = { bold: true };
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      if (line.value.length > 90) row.height = 15 * Math.ceil(line.value.length / 90);
    }
    addRow([]);
    const header = addRow(layout.header);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    const numbers = addRow(layout.numbers);
    numbers.alignment = { horizontal: 'center' };
    for (const cells of part.rows) addRow(cells).getCell(1).alignment = { wrapText: true };
    for (let r = header.number; r < header.number + 2 + part.rows.length; r += 1) {
      for (let c = 1; c <= width; c += 1) sheet.getCell(r, c).border = BORDER;
    }
    addRow([]);
    spanned('Примечания:', true);
    layout.notes.forEach((note, i) => spanned(`${i + 1}. ${note}`));
    data.form.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.key === 'title' ? 62 : c.key === 'value' ? 22 : c.key === 'line' ? 9 : 14));
    sheet.views = [{ state: 'frozen', ySplit: header.number + 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same form as CSV (UTF-8 with BOM, `;` as in Russian Excel), from the same layout: the title
 * block of the extract's scope (the total of an all-regions extract, else the region), then one
 * table — the territory, then the form's columns with their numbers — with a block of lines per
 * territory, then the notes. Written by the shared formula-safe writer (a region named
 * «=HYPERLINK(…)» stays text).
 */
export function extractCsv(data: ExtractData): Buffer {
  const layout = extractLayout(data);
  const scope = layout.sheets[0];
  const lines: SheetCell[][] = [];
  for (const heading of layout.headings) lines.push([heading]);
  for (const line of scope?.title ?? [{ label: 'Отчётный период', value: periodLabel(data.period) }]) lines.push([line.label, line.value]);
  lines.push([]);
  lines.push(['Территория', ...layout.header]);
  lines.push(['', ...layout.numbers]);
  for (const part of layout.sheets) for (const cells of part.rows) lines.push([part.territory.name, ...cells]);
  lines.push([]);
  lines.push(['Примечания:']);
  layout.notes.forEach((note, i) => lines.push([`${i + 1}. ${note}`]));
  return Buffer.from(toCsv(lines, { delimiter: ';', bom: true }), 'utf8');
}

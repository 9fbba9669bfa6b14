import { createRequire } from 'node:module';
import type { Worksheet } from 'exceljs';
import { safeCell, type SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import type { LayoutColumn, TableRow } from './column-layout';
import { isoToRu } from './import-dates';
import { fieldOfHeading, headingOf, IMPORT_FIELDS, type ImportFieldKey } from './import-fields';

declare module 'exceljs' {
  interface Worksheet {
    /** A range's data validation; present at run time (exceljs 4, `lib/doc/worksheet.js`), missing from its typings. */
    dataValidations: { add(address: string, validation: DataValidation): void };
  }
}

// ExcelJS (~30 MiB of resident memory) is loaded on the first workbook written, not at start-up:
// an API that never hands out a template or an error file never pays for it.
const load = createRequire(__filename);
let excel: typeof import('exceljs') | null = null;
const exceljs = () => (excel ??= load('exceljs') as typeof import('exceljs'));

/** The heading of the error file's first column; the import knows it and never loads it. */
export const ERROR_COLUMN = 'Ошибка';

const DATE_FIELDS = new Set<ImportFieldKey | null>(['birthDate', 'consentDate', 'consentValidUntil']);

/** Drop-down lists the template offers (a hint: any other word the import knows is accepted too). */
const CHOICES: [ImportFieldKey, string[]][] = [
  ['kind', ['ученик', 'педагог', 'студент', 'представитель вуза/СПО', 'работодатель', 'выпускник', 'родитель', 'ветеран', 'другое']],
  ['sex', ['м', 'ж']],
  ['bases', ['наставник', 'наставляемый', 'наставник; наставляемый']],
  ['consentSigner', ['сам', 'законный представитель']],
  ['consentRelation', ['мать', 'отец', 'опекун', 'попечитель', 'иной']],
];

function addRow(sheet: Worksheet, cells: SheetCell[]) {
  return sheet.addRow(cells.map(safeCell));
}

async function written(workbook: import('exceljs').Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The template a school fills in: every column the import knows under its canonical heading, in
 * the table's order, one example row, drop-down hints for the columns with a fixed list of words,
 * and a second sheet that says what goes where and which other headings are understood.
 */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Наставник';
  const sheet = workbook.addWorksheet('Участники', { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = IMPORT_FIELDS.filter((spec) => spec.example !== null);
  addRow(sheet, fields.map((spec) => spec.heading)).font = { bold: true };
  const example = addRow(sheet, fields.map((spec) => spec.example ?? ''));
  example.font = { italic: true, color: { argb: 'FF666666' } };
  fields.forEach((spec, i) => (sheet.getColumn(i + 1).width = Math.min(40, Math.max(12, spec.heading.length + 4, (spec.example ?? '').length + 2))));
  for (const [key, words] of CHOICES) {
    const column = fields.findIndex((spec) => spec.key === key) + 1;
    if (column === 0) continue;
    const letter = sheet.getColumn(column).letter;
    sheet.dataValidations.add(`${letter}2:${letter}5001`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${words.join(',')}"`],
      showErrorMessage: false,
      showInputMessage: true,
      promptTitle: headingOf(key),
      prompt: `Например: ${words.slice(0, 3).join(', ')}`,
    });
  }

  const help = workbook.addWorksheet('Как заполнять');
  addRow(help, ['Столбец', 'Что писать', 'Другие названия, которые тоже подходят']).font = { bold: true };
  for (const spec of IMPORT_FIELDS) addRow(help, [spec.heading, spec.hint, spec.synonyms.join('; ')]);
  addRow(help, []);
  addRow(help, ['Строка 2 листа «Участники» — образец: замените её своими данными или удалите.']);
  addRow(help, ['Над строкой заголовков может быть название списка: такие строки пропускаются. Столбцы можно переставлять и удалять; обязательны фамилия и имя (или ФИО в одном столбце) и категория.']);
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 90;
  help.getColumn(3).width = 60;
  return written(workbook);
}

/**
 * The rows a dry run refused, as a workbook the curator fixes and loads again: «Ошибка» first (the
 * reasons, one per line), then the file's columns that are loaded — under the file's heading when
 * the import knows it as the same field, otherwise under the field's canonical one (a column the
 * curator mapped, the parts of a merged «ФИО») — so that the file loads again without a mapping
 * step. Columns that are not loaded and the title rows above the table are left out; dates are
 * written as ДД.ММ.ГГГГ; every cell goes through the formula-safe writer.
 */
export async function rejectedRowsXlsx(columns: readonly LayoutColumn[], rows: readonly { row: TableRow; problems: { column?: string | null; message: string }[] }[]): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Наставник';
  const sheet = workbook.addWorksheet('Строки с ошибками', { views: [{ state: 'frozen', ySplit: 1 }] });
  const kept = columns.filter((c) => c.field !== null && c.field !== 'ignore');
  const heading = (c: LayoutColumn) => (fieldOfHeading(c.heading) === c.field ? c.heading : headingOf(c.field as ImportFieldKey));
  addRow(sheet, [ERROR_COLUMN, ...kept.map(heading)]).font = { bold: true };
  for (const { row, problems } of rows) {
    const reason = problems.map((p) => (p.column && !p.message.toLowerCase().includes(p.column.toLowerCase()) ? `${p.column} — ${p.message}` : p.message)).join('\n');
    const cells = kept.map((c) => {
      const value = row.cells[c.index] ?? '';
      return DATE_FIELDS.has(c.field) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoToRu(value) : value;
    });
    const added = addRow(sheet, [reason, ...cells]);
    added.getCell(1).font = { color: { argb: 'FFB00020' } };
    added.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.getColumn(1).width = 60;
  kept.forEach((c, i) => (sheet.getColumn(i + 2).width = Math.min(40, Math.max(12, heading(c).length + 4))));
  return written(workbook);
}

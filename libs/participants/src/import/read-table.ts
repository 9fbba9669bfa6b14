import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';

export type ImportFileFormat = 'xlsx' | 'csv';

/** One data row of the file: its line number as a spreadsheet shows it, and its cells as text. */
export type TableRow = { line: number; cells: string[] };
export type Table = { headings: string[]; rows: TableRow[] };

/** The API's request body limit is 8 MiB; base64 adds a third, so a file of up to 5 MB fits. */
export const MAX_IMPORT_BYTES = 5_000_000;
export const MAX_IMPORT_ROWS = 5_000;
const MAX_COLUMNS = 60;

/** Decodes the base64 upload, refusing what is not base64 or too large before any parsing. */
export function decodeUpload(file: string): Buffer {
  const compact = file.replace(/\s+/g, '');
  if (compact.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4) throw tooLarge();
  if (compact.length === 0) throw new ValidationFailedException('Файл пуст.');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new ValidationFailedException('Файл передан повреждённым: ожидается содержимое в кодировке base64.');
  }
  const buffer = Buffer.from(compact, 'base64');
  if (buffer.length > MAX_IMPORT_BYTES) throw tooLarge();
  return buffer;
}

/** The first sheet of an XLSX workbook, or a CSV file (UTF-8, separator «;», «,» or tab), as text cells. */
export async function readTable(buffer: Buffer, format: ImportFileFormat): Promise<Table> {
  const lines = format === 'xlsx' ? await readXlsx(buffer) : readCsv(buffer);
  const [header, ...rest] = lines;
  if (!header || header.cells.every((c) => c === '')) throw new ValidationFailedException('В первой строке файла должны быть названия столбцов.');
  const rows = rest.filter((row) => row.cells.some((c) => c !== ''));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationFailedException(`В файле ${rows.length} строк с данными; за один раз можно загрузить не больше ${MAX_IMPORT_ROWS}. Разделите файл на части.`);
  }
  return { headings: header.cells, rows };
}

async function readXlsx(buffer: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ValidationFailedException('Не удалось прочитать файл XLSX: сохраните его в Excel или LibreOffice как «Книга Excel (.xlsx)».');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationFailedException('В книге XLSX нет ни одного листа.');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
    throw new ValidationFailedException(`В файле больше ${MAX_IMPORT_ROWS} строк с данными. Разделите файл на части.`);
  }
  if (sheet.columnCount > MAX_COLUMNS) throw new ValidationFailedException(`В файле больше ${MAX_COLUMNS} столбцов: лишние столбцы удалите.`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push({ line, cells });
  });
  // Leading blank rows: the first non-empty row is the header, wherever it is.
  return rows;
}

function readCsv(buffer: Buffer): TableRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new ValidationFailedException('Файл CSV не в кодировке UTF-8: сохраните его как «CSV UTF-8 (разделитель — точка с запятой)».');
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ';');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, info: true, trim: false }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ValidationFailedException(`Не удалось разобрать CSV${line ? ` (строка ${line})` : ''}: проверьте кавычки и разделители.`);
  }
  if (records.length > MAX_IMPORT_ROWS + 1 + 1000) throw new ValidationFailedException(`В файле больше ${MAX_IMPORT_ROWS} строк с данными. Разделите файл на части.`);
  if (records.some((r) => r.record.length > MAX_COLUMNS)) throw new ValidationFailedException(`В файле больше ${MAX_COLUMNS} столбцов: проверьте разделитель.`);
  return records.map(({ record, info }) => ({ line: info.lines, cells: record.map((c) => tidyCell(c)) }));
}

/** An XLSX cell value as the text a person sees (dates as ГГГГ-ММ-ДД). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return tidyCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return tidyCell(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return tidyCell(String(value.text));
  if ('error' in value) return '';
  return '';
}

function tidyCell(value: string): string {
  return value.replace(/[\u00a0\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function tooLarge(): ValidationFailedException {
  return new ValidationFailedException(`Файл больше ${(MAX_IMPORT_BYTES / 1_000_000).toLocaleString('ru-RU')} МБ: разделите его на части.`);
}

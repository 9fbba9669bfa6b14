import { parse } from 'csv-parse/sync';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { tidyCell } from './cell-text';
import { readXlsxRows } from './read-xlsx';

export type ImportFileFormat = 'xlsx' | 'csv';

/** One data row of the file: its line number as a spreadsheet shows it, and its cells as text. */
export type TableRow = { line: number; cells: string[] };
export type Table = { headings: string[]; rows: TableRow[] };

/**
 * File size limits per route. The GraphQL mutation carries the file as base64 in a JSON body, and
 * /graphql's body limit is small (2 MB), so the mutation takes files of up to 1.5 MB; larger
 * school files go to `POST /participants/import` as raw bytes, up to 5 MB (read from the stream
 * with that cap, see `read-upload.ts`).
 */
export const MAX_GRAPHQL_IMPORT_BYTES = 1_500_000;
export const MAX_FILE_IMPORT_BYTES = 5_000_000;
export const MAX_IMPORT_ROWS = 5_000;
const MAX_COLUMNS = 60;
/**
 * The uncompressed XLSX parts an import reads (sheet, shared strings, styles, workbook): a sheet
 * of 5,000 rows × 60 columns of inline text is about 25 MB; what is larger is not a school list.
 */
export const MAX_XLSX_UNPACKED_BYTES = 40_000_000;

/** Decodes the base64 upload, refusing what is not base64 or too large before any parsing. */
export function decodeUpload(file: string, maxBytes = MAX_GRAPHQL_IMPORT_BYTES): Buffer {
  const compact = file.replace(/\s+/g, '');
  if (compact.length > Math.ceil(maxBytes / 3) * 4) throw fileTooLarge(maxBytes);
  if (compact.length === 0) throw new ValidationFailedException('Файл пуст.');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new ValidationFailedException('Файл передан повреждённым: ожидается содержимое в кодировке base64.');
  }
  const buffer = Buffer.from(compact, 'base64');
  if (buffer.length > maxBytes) throw fileTooLarge(maxBytes);
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

/** The first sheet's non-empty rows, read as a stream with caps on rows, columns and unpacked size (read-xlsx.ts). */
function readXlsx(buffer: Buffer): Promise<TableRow[]> {
  // Leading blank rows: the first non-empty row is the header, wherever it is.
  return readXlsxRows(buffer, { maxRows: MAX_IMPORT_ROWS, maxColumns: MAX_COLUMNS, maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES });
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
  // Each record's line number comes from the parser's own context (the same snapshot `info: true`
  // would attach), taken in `on_record` so that the typed overload's `string[][]` stays the result.
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      on_record: (record, context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ValidationFailedException(`Не удалось разобрать CSV${line ? ` (строка ${line})` : ''}: проверьте кавычки и разделители.`);
  }
  if (records.length > MAX_IMPORT_ROWS + 1 + 1000) throw new ValidationFailedException(`В файле больше ${MAX_IMPORT_ROWS} строк с данными. Разделите файл на части.`);
  if (records.some((record) => record.length > MAX_COLUMNS)) throw new ValidationFailedException(`В файле больше ${MAX_COLUMNS} столбцов: проверьте разделитель.`);
  return records.map((record, i) => ({ line: lines[i] ?? 0, cells: record.map((c) => tidyCell(c)) }));
}

export function fileTooLarge(maxBytes: number): ValidationFailedException {
  return new ValidationFailedException(`Файл больше ${(maxBytes / 1_000_000).toLocaleString('ru-RU')} МБ: разделите его на части.`);
}

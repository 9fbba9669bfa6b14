import { parse } from 'csv-parse/sync';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { tidyCell } from './cell-text';
import { MAX_TITLE_ROWS, type TableRow } from './column-layout';
import { decodeText, detectDelimiter, type CsvDelimiter, type TextEncoding } from './decode-text';
import { readXlsxSheet, type MergedRange } from './read-xlsx';

export type ImportFileFormat = 'xlsx' | 'csv';
export type { TableRow } from './column-layout';

/** A file's non-empty rows, before the header is found: title rows, the header and the data rows alike. */
export type SheetTable = {
  rows: TableRow[];
  merges: MergedRange[];
  /** What the file turned out to be (a workbook sent as «csv» is read as the workbook it is). */
  format: ImportFileFormat;
  encoding: TextEncoding | null;
  delimiter: CsvDelimiter | null;
};

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

const ZIP_SIGNATURE = 0x504b0304;
const OLE_SIGNATURE = 0xd0cf11e0;

/**
 * The first sheet of an XLSX workbook, or a CSV file (see `decode-text.ts` for the encodings and
 * delimiters), as the text of its non-empty rows with their line numbers as the spreadsheet shows
 * them. A workbook (or an old .xls) sent as CSV is recognised by its first bytes.
 */
export async function readTable(buffer: Buffer, format: ImportFileFormat): Promise<SheetTable> {
  const signature = buffer.length >= 4 ? buffer.readUInt32BE(0) : 0;
  const workbook = format === 'xlsx' || signature === ZIP_SIGNATURE || signature === OLE_SIGNATURE;
  const table: SheetTable = workbook ? { ...(await readXlsx(buffer)), format: 'xlsx', encoding: null, delimiter: null } : { ...readCsv(buffer), merges: [], format: 'csv' };
  if (table.rows.length === 0) throw new ValidationFailedException('В файле нет ни одной заполненной строки: нужна строка с названиями столбцов (Фамилия, Имя, Категория…) и строки с участниками.');
  return table;
}

/** The first sheet's non-empty rows and merged ranges, read as a stream with caps on rows, columns and unpacked size (read-xlsx.ts). */
function readXlsx(buffer: Buffer): Promise<{ rows: TableRow[]; merges: MergedRange[] }> {
  return readXlsxSheet(buffer, { maxRows: MAX_IMPORT_ROWS, leadingRows: MAX_TITLE_ROWS, maxColumns: MAX_COLUMNS, maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES });
}

function readCsv(buffer: Buffer): { rows: TableRow[]; encoding: TextEncoding; delimiter: CsvDelimiter } {
  const { text, encoding } = decodeText(buffer);
  const delimiter = detectDelimiter(text);
  // Each record's line number comes from the parser's own context (the same snapshot `info: true`
  // would attach), taken in `on_record` so that the typed overload's `string[][]` stays the result.
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
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
  if (records.length > MAX_IMPORT_ROWS + MAX_TITLE_ROWS + 1 + 1000) throw new ValidationFailedException(`В файле больше ${MAX_IMPORT_ROWS} строк с данными. Разделите файл на части.`);
  if (records.some((record) => record.length > MAX_COLUMNS)) throw new ValidationFailedException(`В файле больше ${MAX_COLUMNS} столбцов: проверьте разделитель.`);
  const rows = records.map((record, i) => ({ line: lines[i] ?? 0, cells: record.map((c) => tidyCell(c)) })).filter((row) => row.cells.some((c) => c !== ''));
  return { rows, encoding, delimiter };
}

export function fileTooLarge(maxBytes: number): ValidationFailedException {
  return new ValidationFailedException(`Файл больше ${(maxBytes / 1_000_000).toLocaleString('ru-RU')} МБ: разделите его на части.`);
}

import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { tidyCell } from './cell-text';
import { attribute, XmlScanner, XmlTokenTooLongError, type XmlHandler } from './xml-scanner';
import { entryChunks, readZipDirectory, ZipReadError, type ZipEntry } from './zip-entries';

export type XlsxLimits = {
  /** Non-empty rows after the heading row; one more and the file is refused, without reading further. */
  maxRows: number;
  /** Non-empty rows allowed above the heading row besides (title rows of a school's list); 0 unless given. */
  leadingRows?: number;
  /** The highest column with content. */
  maxColumns: number;
  /** The uncompressed bytes of every part read (workbook, relationships, styles, shared strings, the sheet), as declared and as inflated. */
  maxUnpackedBytes: number;
};

/** A non-empty row of the first sheet: its number as Excel shows it, its cells as text (dates as ГГГГ-ММ-ДД). */
export type SheetRow = { line: number; cells: string[] };

/** A merged range of the sheet, by row numbers and column numbers (1-based, inclusive): «A1:F1» → 1, 1, 1, 6. */
export type MergedRange = { top: number; left: number; bottom: number; right: number };

/** More merged ranges than a school's list has; the rest are not read. */
const MAX_MERGES = 10_000;

/** More parts than any real workbook has (a few sheets, styles, a theme, some pictures): refused from the directory. */
const MAX_PARTS = 1000;

const UNREADABLE = 'Не удалось прочитать файл XLSX: сохраните его в Excel или LibreOffice как «Книга Excel (.xlsx)».';
const SAVE_AGAIN = 'Откройте файл в Excel или LibreOffice и сохраните заново как «Книга Excel (.xlsx)».';
const BROKEN = `Не удалось прочитать файл XLSX: он повреждён. ${SAVE_AGAIN}`;

/**
 * The first sheet of an XLSX workbook as rows of text, with work and memory bounded by `limits`
 * whatever the file claims (docs/adr/0007-participants-consent-import.md). A 250 KB zip bomb of
 * a million rows used to expand to a gigabyte in ExcelJS's `xlsx.load` and block the event loop
 * for seconds; here:
 * - the central directory is read first, and the file is refused by the uncompressed sizes it
 *   declares before anything is inflated;
 * - only the parts needed are inflated (relationships, workbook, styles for date formats, shared
 *   strings, the first sheet), as streams: zlib works off the event loop, the XML is scanned
 *   chunk by chunk and never held whole, and an entry that inflates beyond its declared size is
 *   refused as broken at that byte;
 * - the sheet is read until the row limit is passed, and no further.
 * Values are read as ExcelJS read them: shared and inline strings (rich text joined), numbers as
 * written, booleans as «true»/«false», formulas by their cached result, errors as empty, and a
 * number in a date format (built-in or custom, 1900 or 1904 date system) as ГГГГ-ММ-ДД.
 */
export async function readXlsxRows(file: Buffer, limits: XlsxLimits): Promise<SheetRow[]> {
  return (await readXlsxSheet(file, limits)).rows;
}

/** The same rows, and the sheet's merged ranges (a title merged across the table, a class merged down its pupils). */
export async function readXlsxSheet(file: Buffer, limits: XlsxLimits): Promise<{ rows: SheetRow[]; merges: MergedRange[] }> {
  if (file.length >= 4 && file.readUInt32BE(0) === 0xd0cf11e0) {
    throw new ValidationFailedException('Это файл старого формата Excel (.xls) или книга, защищённая паролем: снимите защиту и сохраните файл как «Книга Excel (.xlsx)».');
  }
  try {
    return await new XlsxReader(file, limits).firstSheet();
  } catch (error) {
    if (error instanceof ZipReadError) throw zipProblem(error);
    if (error instanceof XmlTokenTooLongError) throw new ValidationFailedException(BROKEN);
    throw error;
  }
}

class XlsxReader {
  private readonly parts: Map<string, ZipEntry>;
  private reserved = 0;

  constructor(
    private readonly file: Buffer,
    private readonly limits: XlsxLimits,
  ) {
    this.parts = readZipDirectory(file, MAX_PARTS);
  }

  async firstSheet(): Promise<{ rows: SheetRow[]; merges: MergedRange[] }> {
    const rootRelations = await this.relationships('');
    const workbookPath = [...rootRelations.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const workbook = await this.workbook(workbookPath);
    const relations = await this.relationships(workbookPath);
    if (workbook.firstSheetId === undefined) throw new ValidationFailedException('В книге XLSX нет ни одного листа.');
    const sheet = this.part(relations.get(workbook.firstSheetId)?.target ?? 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new ValidationFailedException('В книге XLSX нет ни одного листа.');
    const related = (kind: string, fallback: string) => this.part([...relations.values()].find((r) => r.type.endsWith(kind))?.target ?? fallback);
    const styles = related('/styles', 'xl/styles.xml');
    const sharedStrings = related('/sharedStrings', 'xl/sharedStrings.xml');
    // The big parts are weighed together, by their declared sizes, before any of them is inflated.
    this.reserve(styles, sharedStrings, sheet);
    const dateStyles = styles ? await this.dateStyles(styles) : [];
    const strings = sharedStrings ? await this.sharedStrings(sharedStrings) : [];
    return this.rows(sheet, { strings, dateStyles, date1904: workbook.date1904 });
  }

  private part(path: string): ZipEntry | undefined {
    return this.parts.get(path.toLowerCase());
  }

  /** Counts entries against the unpacked-size limit by what the archive declares (each entry may not inflate beyond it). */
  private reserve(...entries: (ZipEntry | undefined)[]): void {
    for (const entry of entries) if (entry) this.reserved += entry.size;
    if (this.reserved > this.limits.maxUnpackedBytes) {
      const megabytes = (this.limits.maxUnpackedBytes / 1_000_000).toLocaleString('ru-RU');
      throw new ValidationFailedException(
        `Файл XLSX после распаковки больше ${megabytes} МБ — похоже, он повреждён или содержит лишние данные (листы, картинки, форматирование на миллионы строк). Скопируйте таблицу участников в новую книгу, сохраните её и загрузите снова.`,
      );
    }
  }

  /** Streams an entry through the XML scanner; the handler may throw to stop (the inflation stops with it). */
  private async scan(entry: ZipEntry, handler: XmlHandler): Promise<void> {
    const scanner = new XmlScanner(handler);
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of entryChunks(this.file, entry)) scanner.write(decoder.decode(chunk, { stream: true }));
    scanner.write(decoder.decode());
    scanner.end();
  }

  /** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; '' → `_rels/.rels`), targets resolved to part names. */
  private async relationships(of: string): Promise<Map<string, { type: string; target: string }>> {
    const slash = of.lastIndexOf('/');
    const entry = this.part(`${of.slice(0, slash + 1)}_rels/${of.slice(slash + 1)}.rels`);
    const relations = new Map<string, { type: string; target: string }>();
    if (!entry) return relations;
    this.reserve(entry);
    await this.scan(entry, {
      open: (name, attributes) => {
        if (name !== 'Relationship' || attribute(attributes, 'TargetMode') === 'External') return;
        const id = attribute(attributes, 'Id');
        const target = attribute(attributes, 'Target');
        if (id && target && !relations.has(id)) relations.set(id, { type: attribute(attributes, 'Type') ?? '', target: resolvePart(of, target) });
      },
      close: () => undefined,
      text: () => undefined,
    });
    return relations;
  }

  /** The first sheet's relationship id (sheets in workbook order, as ExcelJS's `worksheets[0]`) and the date system. */
  private async workbook(path: string): Promise<{ firstSheetId: string | undefined; date1904: boolean }> {
    const entry = this.part(path);
    if (!entry) throw new ZipReadError('broken');
    this.reserve(entry);
    let firstSheetId: string | undefined;
    let date1904 = false;
    await this.scan(entry, {
      open: (name, attributes) => {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attributes, 'date1904') ?? '');
        if (name === 'sheet' && firstSheetId === undefined) firstSheetId = attribute(attributes, 'id') ?? '';
      },
      close: () => undefined,
      text: () => undefined,
    });
    return { firstSheetId, date1904 };
  }

  /** Per cell style (`s`), whether its number format shows a date. */
  private async dateStyles(entry: ZipEntry): Promise<boolean[]> {
    const customFormats = new Map<number, string>();
    const styleFormats: number[] = [];
    let inCellXfs = false;
    await this.scan(entry, {
      open: (name, attributes) => {
        if (name === 'numFmt') customFormats.set(Number(attribute(attributes, 'numFmtId')), (attribute(attributes, 'formatCode') ?? '').replace(/\\(.)/g, '$1'));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text: () => undefined,
    });
    return styleFormats.map((id) => {
      const custom = customFormats.get(id);
      return custom ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id);
    });
  }

  /** The shared string table: each `<si>`'s text (rich text runs joined; phonetic guides left out). */
  private async sharedStrings(entry: ZipEntry): Promise<string[]> {
    const strings: string[] = [];
    let current = '';
    let inText = false;
    let phonetic = 0;
    await this.scan(entry, {
      open: (name) => {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si') strings.push(current);
      },
      text: (text) => {
        if (inText) current += text;
      },
    });
    return strings;
  }

  private async rows(entry: ZipEntry, book: Book): Promise<{ rows: SheetRow[]; merges: MergedRange[] }> {
    const { maxRows, maxColumns } = this.limits;
    const leadingRows = this.limits.leadingRows ?? 0;
    const rows: { line: number; cells: string[] }[] = [];
    const merges: MergedRange[] = [];
    let width = 0;
    let inSheetData = false;
    let line = 0;
    let row: string[] = [];
    let column = 0;
    let cell: CellState = emptyCell();
    let capture: 'value' | 'inline' | null = null;
    let inInline = false;
    let phonetic = 0;
    await this.scan(entry, {
      open: (name, attributes) => {
        if (name === 'sheetData') inSheetData = true;
        if (name === 'mergeCell' && !inSheetData && merges.length < MAX_MERGES) {
          const range = mergedRange(attribute(attributes, 'ref') ?? '');
          if (range) merges.push(range);
        }
        if (!inSheetData) return;
        switch (name) {
          case 'row': {
            const number = Number(attribute(attributes, 'r'));
            line = Number.isInteger(number) && number > 0 ? number : line + 1;
            row = [];
            column = 0;
            break;
          }
          case 'c': {
            const reference = attribute(attributes, 'r');
            const parsed = reference ? columnOf(reference) : 0;
            column = parsed > 0 ? parsed : column + 1;
            cell = { type: attribute(attributes, 't') ?? 'n', style: Number(attribute(attributes, 's') ?? 0), formula: false, value: undefined, inline: undefined };
            break;
          }
          case 'f':
            cell.formula = true;
            break;
          case 'v':
            capture = 'value';
            cell.value ??= '';
            break;
          case 'is':
            inInline = true;
            cell.inline ??= '';
            break;
          case 'rPh':
            phonetic += 1;
            break;
          case 't':
            if (inInline && phonetic === 0) capture = 'inline';
            break;
        }
      },
      close: (name) => {
        if (name === 'sheetData') inSheetData = false;
        if (!inSheetData) return;
        switch (name) {
          case 'v':
          case 't':
            capture = null;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic -= 1;
            break;
          case 'c': {
            const text = cellText(cell, book);
            if (text === '') break;
            if (column > maxColumns) throw new ValidationFailedException(`В файле больше ${maxColumns} столбцов: лишние столбцы удалите.`);
            row[column - 1] = text;
            width = Math.max(width, column);
            break;
          }
          case 'row':
            if (row.length === 0) break;
            rows.push({ line, cells: row });
            // The heading row, the title rows above it and `maxRows` data rows are allowed; the next non-empty row ends the reading.
            if (rows.length > maxRows + 1 + leadingRows) throw new ValidationFailedException(`В файле больше ${maxRows} строк с данными. Разделите файл на части.`);
            break;
        }
      },
      text: (text) => {
        if (capture === 'value') cell.value += text;
        else if (capture === 'inline') cell.inline += text;
      },
    });
    return { rows: rows.map((r) => ({ line: r.line, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? '') })), merges };
  }
}

type Book = { strings: string[]; dateStyles: boolean[]; date1904: boolean };
type CellState = { type: string; style: number; formula: boolean; value: string | undefined; inline: string | undefined };

const emptyCell = (): CellState => ({ type: 'n', style: 0, formula: false, value: undefined, inline: undefined });

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30; the ones ExcelJS knows). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's rule: a format is a date one when, outside quotes and brackets, it has y, m, d, h, s or b. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A cell as the text a person sees, the way the import read it through ExcelJS. */
function cellText(cell: CellState, book: Book): string {
  const number = (raw: string): string => {
    const value = parseFloat(raw);
    if (Number.isNaN(value)) return '';
    return book.dateStyles[cell.style] === true ? excelDate(value, book.date1904) : String(value);
  };
  const raw = cell.value;
  if (cell.formula) {
    if (raw === undefined || raw === '') return '';
    if (cell.type === 'str') return tidyCell(raw);
    if (cell.type === 'b') return String(parseInt(raw, 10) !== 0);
    if (cell.type === 'e') return '';
    return number(raw);
  }
  switch (cell.type) {
    case 's': {
      const index = parseInt(raw ?? '', 10);
      return tidyCell(Number.isInteger(index) && index >= 0 && index < book.strings.length ? book.strings[index] : '');
    }
    case 'inlineStr':
      return tidyCell(cell.inline ?? raw ?? '');
    case 'str':
      return tidyCell(raw ?? '');
    case 'b':
      return raw === undefined ? '' : String(parseInt(raw, 10) !== 0);
    case 'e':
      return '';
    case 'd': {
      const date = raw === undefined ? Number.NaN : Date.parse(raw);
      return Number.isNaN(date) ? '' : new Date(date).toISOString().slice(0, 10);
    }
    default:
      return raw === undefined ? '' : number(raw);
  }
}

/** An Excel serial day number as ГГГГ-ММ-ДД (ExcelJS's `excelToDate`, then the UTC day). */
function excelDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** «A1» → 1, «AB7» → 28; 0 when the reference has no column letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > 16384) return 16385; // beyond Excel's last column; refused as too wide if it has content
  }
  return column;
}

/** «B3:D3» → its rows and columns; null for anything else (a single cell is no range). */
function mergedRange(reference: string): MergedRange | null {
  const match = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(reference);
  if (!match) return null;
  const [left, right] = [columnOf(match[1]), columnOf(match[3])];
  const [top, bottom] = [Number(match[2]), Number(match[4])];
  if (left < 1 || top < 1 || right < left || bottom < top || (left === right && top === bottom)) return null;
  return { top, left, bottom, right };
}

/** A relationship target as a part name: relative to the source part's folder unless it starts with «/». */
function resolvePart(source: string, target: string): string {
  const path = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') path.pop();
    else if (segment !== '.' && segment !== '') path.push(segment);
  }
  return path.join('/');
}

function zipProblem(error: ZipReadError): ValidationFailedException {
  switch (error.problem) {
    case 'encrypted':
      return new ValidationFailedException('Файл XLSX зашифрован: снимите защиту паролем и сохраните файл заново.');
    case 'size-mismatch':
      return new ValidationFailedException(`Файл XLSX повреждён: данные внутри архива больше, чем указано в его оглавлении. ${SAVE_AGAIN}`);
    case 'too-many-entries':
      return new ValidationFailedException(`В файле XLSX больше ${MAX_PARTS} частей — похоже, он повреждён или содержит лишние данные. ${SAVE_AGAIN}`);
    default:
      return new ValidationFailedException(UNREADABLE);
  }
}

import { fieldOfHeading, headingOf, normHeading, type ColumnKey, type ImportFieldKey } from './import-fields';
import type { MergedRange } from './read-xlsx';

/** A file's non-empty row: its number as the spreadsheet shows it, and its cells as text. */
export type TableRow = { line: number; cells: string[] };

/** Rows above the header that may be titles of the list («МАОУ … — база участников, 2023/2024»), blank rows aside. */
export const MAX_TITLE_ROWS = 20;

/** Where a column's meaning came from: the table of headings, the school's saved mapping, or the request's. */
export const ImportColumnSource = { TABLE: 'TABLE', SAVED: 'SAVED', GIVEN: 'GIVEN' } as const;
export type ImportColumnSource = (typeof ImportColumnSource)[keyof typeof ImportColumnSource];

/** The curator's assignment of headings to fields, by normalised heading (the heading as typed kept for the record). */
export type ColumnMapping = ReadonlyMap<string, { heading: string; field: ImportFieldKey }>;

export const NO_MAPPING: ColumnMapping = new Map();

/** One column of the file as the import reads it. */
export type LayoutColumn = {
  index: number;
  /** «A», «B» … as the spreadsheet labels it. */
  letter: string;
  /** The heading as in the file; «Столбец C» for a column with data but no heading. */
  heading: string;
  field: ImportFieldKey | null;
  source: ImportColumnSource | null;
  /** A few values from the first data rows, so the curator can tell what the column holds. */
  samples: string[];
};

export type Layout = {
  headerLine: number;
  /** Rows above the header: titles of the list, skipped. */
  titleLines: { line: number; text: string }[];
  columns: LayoutColumn[];
  /** What keeps the file from being read: unknown, repeated and missing columns. Empty: the rows can be read. */
  problems: string[];
  /** The data rows below the header: vertical merges filled down, the writer's formula guard taken off, rows with nothing to load left out. */
  rows: TableRow[];
};

/** «A» for 0, «AB» for 27. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The heading of a column that has data but none: the mapping step and the saved mapping name it by its letter. */
export function unnamedHeading(letter: string): string {
  return `Столбец ${letter}`;
}

/**
 * Finds the header row and what each column holds. The header is the first row, among the first
 * rows of the file, in which at least two cells are headings the import knows (from the table,
 * the school's saved mapping or the request's mapping); failing that, the row with the most such
 * cells, or the first row. Rows above it are titles, skipped and reported as such.
 *
 * A heading merged across two or three columns that is «ФИО» reads them as surname, name and
 * patronymic; a column with data but no heading (and not part of such a merge) becomes
 * «Столбец C», to be mapped or ignored like any unknown column.
 */
export function layoutOf(rows: readonly TableRow[], merges: readonly MergedRange[], given: ColumnMapping, saved: ColumnMapping): Layout {
  const resolve = (heading: string): { field: ImportFieldKey; source: ImportColumnSource } | null => {
    const key = normHeading(heading);
    if (key === '') return null;
    const chosen = given.get(key) ?? saved.get(key);
    if (chosen) return { field: chosen.field, source: given.has(key) ? 'GIVEN' : 'SAVED' };
    const known = fieldOfHeading(heading);
    return known ? { field: known, source: 'TABLE' } : null;
  };
  const headerIndex = findHeader(rows, (heading) => resolve(heading) !== null);
  const header = rows[headerIndex];
  const below = rows.slice(headerIndex + 1).map((row) => ({ line: row.line, cells: [...row.cells] }));
  fillMergesDown(below, merges, header.line);
  const width = Math.max(header.cells.length, ...below.map((row) => lastFilled(row.cells)));

  const headerMerges = merges.filter((m) => m.top <= header.line && m.bottom >= header.line && m.right > m.left);
  const spannedBy = new Map<number, number>(); // column index → the index of the merged heading's first column
  for (const m of headerMerges) for (let c = m.left; c < m.right; c += 1) spannedBy.set(c, m.left - 1);

  const columns: LayoutColumn[] = [];
  for (let index = 0; index < width; index += 1) {
    const letter = columnLetter(index);
    const written = header.cells[index] ?? '';
    const hasData = below.some((row) => (row.cells[index] ?? '') !== '');
    const samples = sampleValues(below, index);
    if (written !== '') {
      const resolved = resolve(written);
      columns.push({ index, letter, heading: written, field: resolved?.field ?? null, source: resolved?.source ?? null, samples });
      continue;
    }
    const master = spannedBy.get(index);
    const first = master === undefined ? undefined : columns.find((c) => c.index === master);
    const offset = master === undefined ? 0 : index - master;
    if (first && (first.field === 'fullName' || first.field === 'lastName') && offset <= 2 && first.heading !== '') {
      // ФИО merged over its parts: the first column is the surname, then the name, then the patronymic.
      first.field = 'lastName';
      columns.push({ index, letter, heading: first.heading, field: offset === 1 ? 'firstName' : 'middleName', source: first.source, samples });
      continue;
    }
    if (!hasData) continue;
    const heading = unnamedHeading(letter);
    const resolved = resolve(heading);
    columns.push({ index, letter, heading, field: resolved?.field ?? null, source: resolved?.source ?? null, samples });
  }

  // A row with nothing but a row number (a list numbered down in advance) is a blank row.
  const ignored = new Set(columns.filter((c) => c.field === 'ignore').map((c) => c.index));
  const data = below.filter((row) => row.cells.some((cell, i) => cell !== '' && !ignored.has(i)));
  for (const row of data) row.cells = row.cells.map(unguard);

  return {
    headerLine: header.line,
    titleLines: rows.slice(0, headerIndex).map((row) => ({ line: row.line, text: titleText(row.cells) })),
    columns,
    problems: headerProblems(columns),
    rows: data,
  };
}

function findHeader(rows: readonly TableRow[], known: (heading: string) => boolean): number {
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, MAX_TITLE_ROWS + 1); i += 1) {
    const score = rows[i].cells.filter((cell) => cell !== '' && known(cell)).length;
    if (score >= 2) return i;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

/** Unknown, repeated and missing columns, in that order. */
function headerProblems(columns: LayoutColumn[]): string[] {
  const unknown = columns.filter((c) => c.field === null).map((c) => `неизвестный столбец «${c.heading}»`);
  const repeated: string[] = [];
  const first = new Map<ImportFieldKey, LayoutColumn>();
  for (const column of columns) {
    if (column.field === null || column.field === 'ignore') continue;
    const earlier = first.get(column.field);
    if (!earlier) first.set(column.field, column);
    else if (normHeading(earlier.heading) === normHeading(column.heading)) repeated.push(`столбец «${column.heading}» повторяется`);
    else repeated.push(`столбцы «${earlier.heading}» и «${column.heading}» — это одно поле «${headingOf(column.field)}»: оставьте один`);
  }
  const fullName = first.get('fullName');
  const part = (['lastName', 'firstName', 'middleName'] as const).map((key) => first.get(key)).find((c) => c !== undefined);
  if (fullName && part) repeated.push(`столбцы «${fullName.heading}» и «${part.heading}»: оставьте что-то одно — ФИО в одном столбце или по частям`);
  const missing: string[] = [];
  if (!fullName) {
    for (const key of ['lastName', 'firstName'] as const) if (!first.has(key)) missing.push(`нет обязательного столбца «${headingOf(key)}» (или одного столбца «ФИО»)`);
  }
  if (!first.has('kind') && !first.has('position') && !first.has('grade')) missing.push(`нет обязательного столбца «${headingOf('kind')}»`);
  return [...unknown, ...repeated, ...missing];
}

/** A value merged down several rows (a class over its pupils) is every row's value in the merged column. */
function fillMergesDown(rows: TableRow[], merges: readonly MergedRange[], headerLine: number): void {
  const byLine = new Map(rows.map((row) => [row.line, row]));
  for (const m of merges) {
    if (m.bottom <= m.top || m.top <= headerLine) continue;
    const value = byLine.get(m.top)?.cells[m.left - 1] ?? '';
    if (value === '') continue;
    for (let line = m.top + 1; line <= m.bottom; line += 1) {
      const row = byLine.get(line);
      if (row && (row.cells[m.left - 1] ?? '') === '') row.cells[m.left - 1] = value;
    }
  }
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i -= 1) if (cells[i] !== '') return i + 1;
  return 0;
}

function sampleValues(rows: TableRow[], index: number): string[] {
  const seen: string[] = [];
  for (const row of rows) {
    const cell = row.cells[index] ?? '';
    // An Excel date is read as ГГГГ-ММ-ДД; the curator knows it as ДД.ММ.ГГГГ.
    const value = /^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell.split('-').reverse().join('.') : cell.length > 60 ? `${cell.slice(0, 59)}…` : cell;
    if (value !== '' && !seen.includes(value)) seen.push(value);
    if (seen.length === 3) break;
  }
  return seen;
}

function titleText(cells: string[]): string {
  const text = [...new Set(cells.filter((cell) => cell !== ''))].join(' ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * The formula-safe writer (libs/contracts/src/spreadsheet/safe-cell.ts) puts «'» before a text
 * that starts like a formula; a file it wrote (the error file) comes back with it. Taken off here,
 * so that «'+7 900 …» is read as the phone it was.
 */
export function unguard(cell: string): string {
  return /^'[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? cell.slice(1) : cell;
}

/** The column a field is read from, for messages: the file's heading (merged ФИО parts: «ФИО»), else the canonical one. */
export function columnHeading(columns: readonly LayoutColumn[], key: ColumnKey): string {
  const direct = columns.find((c) => c.field === key);
  if (direct) return direct.heading;
  if (key === 'lastName' || key === 'firstName' || key === 'middleName') {
    const whole = columns.find((c) => c.field === 'fullName');
    if (whole) return whole.heading;
  }
  return headingOf(key);
}

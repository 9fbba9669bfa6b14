/**
 * The one formula-safe writer for every CSV and XLSX the product produces: the API's statistical
 * extracts and the console's list exports use it, and nothing else writes spreadsheet cells.
 *
 * Why: a spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` as a formula (Excel
 * also after a leading tab or CR, and some builds with the full-width ＝ ＋ － ＠). A surname typed
 * as `=HYPERLINK("http://x";"клик")` or a tenant name `+cmd|' /C calc'!A0` would then act in the
 * spreadsheet of whoever opens the export — a curator, a ministry official (OWASP «CSV
 * Injection»). Such text gets a leading apostrophe: the reader sees the value with a visible `'`,
 * nothing is evaluated, and an XLSX that someone re-saves as CSV stays inert. Numbers stay
 * numbers: a real negative number is not text and needs no guard.
 *
 * No imports: the console bundles this file as it is (see docs/adr/0004-module-boundaries.md).
 */

/** A cell as the writers take it: text is neutralised, a finite number passes as a number, the rest is empty. */
export type SheetCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The text with a leading `'` when a spreadsheet would read it as a formula; otherwise unchanged. */
export function safeCellText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell for an XLSX writer: text neutralised, a finite number unchanged, anything else empty (null). */
export function safeCell(value: SheetCell): string | number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || value === undefined) return null;
  return safeCellText(value);
}

export type CsvOptions = {
  /** `;` unless told otherwise: what Excel with Russian regional settings splits on. */
  delimiter?: ';' | ',' | '\t';
  /** A UTF-8 byte-order mark first, so that Excel reads Cyrillic as UTF-8 and not as cp1251. */
  bom?: boolean;
};

/**
 * CSV text (RFC 4180): every cell through `safeCell`, quoted when it holds a quote, the delimiter
 * or a line break (quotes doubled), CRLF after every line.
 */
export function toCsv(rows: readonly (readonly SheetCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  let text = options.bom ? '\uFEFF' : '';
  for (const row of rows) text += `${row.map((cell) => csvField(cell, delimiter)).join(delimiter)}\r\n`;
  return text;
}

function csvField(cell: SheetCell, delimiter: string): string {
  const value = safeCell(cell);
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const needsQuotes = value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r');
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The largest file the import route takes (`POST /participants/import`); the API refuses more with 413. */
export const MAX_IMPORT_BYTES = 5_000_000;

/** The template to fill in (`GET`, with the bearer token). */
export const TEMPLATE_PATH = '/participants/import/template';
export const TEMPLATE_NAME = 'Шаблон загрузки участников.xlsx';

/** What each column of a file holds, by its heading as the file writes it: an `ImportField` name («NOTES», «IGNORE» …). */
export type ColumnChoices = Record<string, string>;

export function formatOf(fileName: string): 'XLSX' | 'CSV' {
  return /\.(csv|txt|tsv)$/i.test(fileName) ? 'CSV' : 'XLSX';
}

function query(fileName: string, extra: [string, string][], mapping: ColumnChoices = {}): string {
  const params = new URLSearchParams([['format', formatOf(fileName).toLowerCase()], ...extra]);
  if (Object.keys(mapping).length > 0) params.set('mapping', JSON.stringify(mapping));
  return params.toString();
}

/**
 * Where a file is uploaded: the REST import route, which takes the raw file (up to 5 MB) — not
 * the GraphQL mutation, whose base64 in a JSON body is limited to 1.5 MB. `mapping` is the
 * curator's choice for the columns the import does not know; `commitValid` loads the valid rows
 * of a file that has bad ones too.
 */
export function importPath(fileName: string, dryRun: boolean, options: { mapping?: ColumnChoices; commitValid?: boolean } = {}): string {
  const extra: [string, string][] = [['dryRun', String(dryRun)]];
  if (options.commitValid) extra.push(['commitValid', 'true']);
  return `/participants/import?${query(fileName, extra, options.mapping)}`;
}

/** How the file's columns would be read (the mapping step). */
export function columnsPath(fileName: string, mapping: ColumnChoices = {}): string {
  return `/participants/import/columns?${query(fileName, [], mapping)}`;
}

/** The rows a dry run refuses, as an XLSX with «Ошибка». */
export function rejectedPath(fileName: string, mapping: ColumnChoices = {}): string {
  return `/participants/import/rejected?${query(fileName, [], mapping)}`;
}

/** «Список 7Б.xlsx» → «Список 7Б — строки с ошибками.xlsx». */
export function rejectedName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')} — строки с ошибками.xlsx`;
}

/** Hands a file to the browser as a download under `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

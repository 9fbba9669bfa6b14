/** The largest file the import route takes (`POST /participants/import`); the API refuses more with 413. */
export const MAX_IMPORT_BYTES = 5_000_000;

export function formatOf(fileName: string): 'XLSX' | 'CSV' {
  return /\.csv$/i.test(fileName) ? 'CSV' : 'XLSX';
}

/**
 * Where a file is uploaded: the REST import route, which takes the raw file (up to 5 MB) — not
 * the GraphQL mutation, whose base64 in a JSON body is limited to 1.5 MB.
 */
export function importPath(fileName: string, dryRun: boolean): string {
  return `/participants/import?format=${formatOf(fileName).toLowerCase()}&dryRun=${dryRun}`;
}

import { useCallback } from 'react';
import { downloadCSV, useTranslate, type Exporter, type RaRecord } from 'react-admin';
import { toCsv, type SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';

/** One column of an export: its Russian heading and how a record fills it. */
export type CsvColumn<T> = { heading: string; value: (record: T) => SheetCell };

/**
 * The CSV of a list export: a line of headings, then one line per record. Written by the shared
 * formula-safe writer (libs/contracts): react-admin's default exporter writes «=HYPERLINK(…)»
 * typed into a surname as it is, and Excel would run it on the curator's computer. `;` and a
 * BOM, so that Excel with Russian settings opens the file in columns and in Cyrillic.
 */
export function buildCsv<T>(records: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return toCsv([columns.map((column) => column.heading), ...records.map((record) => columns.map((column) => column.value(record)))], { delimiter: ';', bom: true });
}

/** A react-admin `exporter` that downloads `<fileName>.csv` built by `buildCsv`. */
export function csvExporter<T extends RaRecord>(columns: readonly CsvColumn<T>[], fileName: string): Exporter<T> {
  return (records) => downloadCSV(buildCsv(records, columns), fileName);
}

/** A value of a record as one cell: lists joined by «; », yes/no in Russian, nested data as JSON. */
export function cellOf(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join('; ');
  return JSON.stringify(value);
}

/** Columns for any list: every field the records carry (in order of appearance), headed by `heading(field)`. */
export function recordColumns(records: readonly RaRecord[], heading: (field: string) => string): CsvColumn<RaRecord>[] {
  const fields = new Set<string>();
  for (const record of records) for (const field of Object.keys(record)) if (field !== '__typename') fields.add(field);
  return [...fields].map((field) => ({ heading: heading(field), value: (record) => cellOf(Object.hasOwn(record, field) ? record[field] : null) }));
}

/**
 * The exporter every list of the console uses unless it has its own (see `common/List.tsx`): all
 * fields of the records, headed by the resource's Russian field labels, through `buildCsv`.
 */
export function useRecordsExporter(): Exporter {
  const translate = useTranslate();
  return useCallback<Exporter>(
    (records, _fetchRelated, _dataProvider, resource) => {
      const name = resource ?? 'export';
      const columns = recordColumns(records, (field) => translate(`resources.${name}.fields.${field}`, { _: field }));
      downloadCSV(buildCsv(records, columns), translate(`resources.${name}.name`, { smart_count: 2, _: name }));
    },
    [translate],
  );
}

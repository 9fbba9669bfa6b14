import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';

/**
 * Personal data held by the reporting lib (issue 14): who requested a report (an account). The
 * reports and form extracts themselves are aggregates (no lib of reporting reads a name).
 * Loaded by the lib's module; checked by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData({
    entity: 'Report',
    table: 'report_files',
    fields: [{ property: 'requestedBy', column: 'requested_by', category: 'other' }],
  }),
] as const;

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'report_files', column: 'file_name', why: 'имя файла отчёта (по организации и периоду)' },
];

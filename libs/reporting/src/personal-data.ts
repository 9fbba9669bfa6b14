import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';

/**
 * Personal data held by the reporting lib (issue 14): who requested a report (an account), and who
 * compiled a form extract (typed with the request, printed in its title block). The reports' and
 * extracts' figures are aggregates (no lib of reporting reads a participant's name).
 * Loaded by the lib's module; checked by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData(
    { entity: 'Report', title: 'Отчёт', table: 'report_files' },
    {
      // An extract's compiler — name, position, phone — printed in its title block (docs/adr/0037).
      contact: { compiler: 'Составитель выгрузки (Ф. И. О., должность, телефон)' },
      other: { requestedBy: 'Кто запросил' },
    },
  ),
] as const;

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'report_files', column: 'file_name', why: 'имя файла отчёта (по организации и периоду)' },
  { table: 'report_submissions', column: 'note', why: 'аналитическая справка организации к годовому отчёту в РНЦ (об организации, без персональных данных)' },
  { table: 'report_submission_versions', column: 'note', why: 'аналитическая справка организации в представленной версии отчёта' },
  { table: 'report_submission_events', column: 'comment', why: 'замечания РНЦ к отчёту организации при возврате' },
];

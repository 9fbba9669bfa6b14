import { useCallback } from 'react';
import { downloadCSV, useTranslate, type Exporter, type RaRecord } from 'react-admin';
import { toCsv, type SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import type { ConsoleDataProvider } from '../dataProvider';
import { type EnumName, labelOf } from './choices';
import { ENUM_LABELS } from './enumLabels';
import { isoToRu } from './ruDate';
import { useIsAdmin } from './useIsAdmin';

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

/** Fields naming another record: which resource, and which of its fields reads as its name. */
const REFERENCES: ReadonlyMap<string, { resource: string; name: string }> = new Map([
  ['programmeId', { resource: 'programmes', name: 'title' }],
  ['pairId', { resource: 'pairs', name: 'title' }],
  ['mentorId', { resource: 'participants', name: 'fullName' }],
  ['menteeIds', { resource: 'participants', name: 'fullName' }],
  ['participantId', { resource: 'participants', name: 'fullName' }],
  ['attendeeIds', { resource: 'participants', name: 'fullName' }],
  ['meetingTypeId', { resource: 'meeting-types', name: 'title' }],
  ['formId', { resource: 'mentoring-forms', name: 'title' }],
  ['formatIds', { resource: 'mentoring-formats', name: 'title' }],
  ['directionId', { resource: 'mentoring-directions', name: 'title' }],
  ['directionIds', { resource: 'mentoring-directions', name: 'title' }],
  ['roleModelId', { resource: 'role-models', name: 'title' }],
  ['roleModelIds', { resource: 'role-models', name: 'title' }],
  ['stageId', { resource: 'programme-stages', name: 'title' }],
  ['roadmapId', { resource: 'roadmaps', name: 'title' }],
  ['parentId', { resource: 'tenants', name: 'shortName' }],
  ['templateId', { resource: 'questionnaire-templates', name: 'title' }],
]);

/** Fields holding codes of reference entries (a template's forms): which reference, read whole (they are short). */
const CODE_REFERENCES: ReadonlyMap<string, string> = new Map([
  ['formCodes', 'mentoring-forms'],
  ['formCode', 'mentoring-forms'],
]);

/** Headings of fields many records carry, where a resource has no label of its own. */
const COMMON_HEADINGS: ReadonlyMap<string, string> = new Map([
  ['createdAt', 'Создано'],
  ['updatedAt', 'Изменено'],
  ['title', 'Наименование'],
  ['code', 'Код'],
  ['status', 'Статус'],
  ['kind', 'Вид'],
  ['isActive', 'Используется'],
  ['sortOrder', 'Порядок'],
  ['position', 'Порядок'],
  ['comment', 'Комментарий'],
  ['notes', 'Заметки'],
  ['description', 'Описание'],
  ['warnings', 'Предупреждения'],
  ['academicYear', 'Учебный год'],
  ['programmeId', 'Программа'],
  ['pairId', 'Пара или группа'],
  ['mentorId', 'Наставник'],
  ['menteeIds', 'Наставляемые'],
  ['participantId', 'Участник'],
  ['attendeeIds', 'Участники'],
  ['meetingTypeId', 'Вид встречи'],
  ['formId', 'Форма наставничества'],
  ['formatIds', 'Виды наставничества'],
  ['directionId', 'Направление'],
  ['directionIds', 'Направления'],
  ['roleModelId', 'Ролевая модель'],
  ['roleModelIds', 'Ролевые модели'],
  ['stageId', 'Этап'],
  ['roadmapId', 'Дорожная карта'],
  ['parentId', 'Входит в'],
  ['templateId', 'Анкета'],
]);

/** A field an export leaves out: the record's own id, the tenant, ids of records not named above. */
const isBareId = (field: string) => field === 'id' || field === 'tenantId' || (/(Id|Ids)$/.test(field) && !REFERENCES.has(field));

/** Nested records (a response's answers): the list does not show them, and a cell of JSON is no use in Excel. */
const isNested = (value: unknown) =>
  value !== null && typeof value === 'object' && (!Array.isArray(value) || value.some((item) => item !== null && typeof item === 'object'));

type Names = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** A timestamp as a Russian reader writes it: 01.09.2026 14:05 (the computer's time zone). */
function ruDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/**
 * One cell of the generic export: an enum value as its Russian label, a DateTime as ДД.ММ.ГГГГ
 * ЧЧ:ММ, a day (ГГГГ-ММ-ДД) as ДД.ММ.ГГГГ, a reference as the record's name, yes/no in Russian.
 */
function exportCell(field: string, value: unknown, type: string | undefined, names: Names): SheetCell {
  if (value === null || value === undefined) return null;
  const named = names.get(field);
  if (named) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => named.get(String(id)) ?? '—').join('; ');
  }
  if (type && Object.hasOwn(ENUM_LABELS, type)) {
    const enumName = type as EnumName;
    return Array.isArray(value) ? value.map((item) => labelOf(enumName, String(item))).join('; ') : labelOf(enumName, String(value));
  }
  if (type === 'DateTime' && typeof value === 'string') return ruDateTime(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return isoToRu(value);
  return cellOf(value);
}

/** Columns for any list: every field the records carry (in order of appearance) but bare ids, headed by `heading(field)`. */
export function recordColumns(
  records: readonly RaRecord[],
  heading: (field: string) => string,
  types: Record<string, string> = {},
  names: Names = new Map(),
  omit: ReadonlySet<string> = new Set(),
): CsvColumn<RaRecord>[] {
  const fields = new Set<string>();
  for (const record of records) {
    for (const field of Object.keys(record)) if (field !== '__typename' && !omit.has(field) && !isBareId(field) && !isNested(record[field])) fields.add(field);
  }
  return [...fields].map((field) => ({
    heading: heading(field),
    value: (record) => exportCell(field, Object.hasOwn(record, field) ? record[field] : null, Object.hasOwn(types, field) ? types[field] : undefined, names),
  }));
}

/**
 * The exporter every list of the console uses unless it has its own (see `common/List.tsx`): the
 * records' fields, headed by the resource's Russian field labels, values as a person reads them
 * (labels of enums, Russian dates, names of referenced records instead of ids), through `buildCsv`.
 */
export function useRecordsExporter(): Exporter {
  const translate = useTranslate();
  const admin = useIsAdmin();
  return useCallback<Exporter>(
    async (records, fetchRelated, dataProvider, resource) => {
      const name = resource ?? 'export';
      const types = await (dataProvider as Partial<ConsoleDataProvider>).fieldTypes?.(name).catch(() => ({})) ?? {};
      const names = new Map<string, Map<string, string>>();
      for (const [field, target] of REFERENCES) {
        if (!records.some((record) => Object.hasOwn(record, field) && record[field] !== null && record[field] !== undefined)) continue;
        const related = (await fetchRelated(records, field, target.resource).catch(() => ({}))) as Record<string, RaRecord>;
        names.set(field, new Map(Object.values(related).map((record) => [String(record.id), String(record[target.name] ?? '—')])));
      }
      const heading = (field: string) => translate(`resources.${name}.fields.${field}`, { _: COMMON_HEADINGS.get(field) ?? field });
      for (const [field, reference] of CODE_REFERENCES) {
        if (!records.some((record) => Object.hasOwn(record, field))) continue;
        const { data } = await dataProvider.getList(reference, { pagination: { page: 1, perPage: 500 }, sort: { field: 'sortOrder', order: 'ASC' }, filter: {} }).catch(() => ({ data: [] as RaRecord[] }));
        names.set(field, new Map(data.map((entry) => [String(entry.code), String(entry.title ?? entry.code)])));
      }
      // The platform's internal codes (STUDENT_STUDENT, a tenant's `mish`) are the admin's business only, as on screen.
      const columns = recordColumns(records, heading, types, names, admin ? new Set() : new Set(['code']));
      downloadCSV(buildCsv(records, columns), translate(`resources.${name}.name`, { smart_count: 2, _: name }));
    },
    [translate, admin],
  );
}

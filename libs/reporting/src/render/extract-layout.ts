import { todayIso } from '@nastavnik/platform/calendar';
import type { SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import { requiredValue } from '@nastavnik/contracts/lookup';
import type { FormColumnKey, FormDefinition } from '../forms/form-definitions';

/** One line's figures for a territory: Σnumerator, Σdenominator (percentages only) and the value. */
export type ExtractValue = { numerator: number; denominator: number | null; value: number | null };
/** A region (or the all-Russia total): its names, how many organisations it has and how many have data, its figures by indicator. */
export type ExtractTerritory = { id: string | null; code: string; name: string; fullName: string; organisations: number; reporting: number; values: Record<string, ExtractValue> };
/** Who compiled the extract (printed in its title block; docs/adr/0037). */
export type ExtractCompiler = { name: string; position: string; phone: string };
export type ExtractData = {
  form: FormDefinition;
  period: string;
  /** Every region in scope, by name — a region without data has zero rows. */
  regions: ExtractTerritory[];
  /** The all-Russia total (all-regions extracts only). */
  total: ExtractTerritory | null;
  compiler: ExtractCompiler | null;
  generatedAt: Date;
};

/** A label and its value in the title block. */
export type TitleLine = { label: string; value: string };
/** One territory's part of the form: the XLSX makes a sheet of it, the CSV a block of lines. */
export type ExtractSheet = { name: string; territory: ExtractTerritory; title: TitleLine[]; rows: SheetCell[][] };
export type ExtractLayout = {
  headings: string[];
  /** Column titles and their numbers (А, Б, … for descriptive columns, 1, 2, … for figures). */
  header: string[];
  numbers: string[];
  /** The total first (when there is one), then the regions by name. */
  sheets: ExtractSheet[];
  notes: string[];
};

const UNITS = { percent: 'процент', count: 'человек' } as const;
/** ОКЕИ (Общероссийский классификатор единиц измерения): 744 — процент, 792 — человек. */
const OKEI = { percent: '744', count: '792' } as const;

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

/** «2022/2023 учебный год (01.09.2022–31.08.2023)». */
export function periodLabel(period: string): string {
  const start = Number(period.slice(0, 4));
  return `${period} учебный год (01.09.${start}–31.08.${start + 1})`;
}

function cellOf(key: FormColumnKey, row: FormDefinition['rows'][number], v: ExtractValue | undefined): SheetCell {
  switch (key) {
    case 'line':
      return row.line;
    case 'title':
      return row.title;
    case 'unit':
      return requiredValue(UNITS, row.unit);
    case 'okei':
      return requiredValue(OKEI, row.unit);
    case 'numerator':
      return v ? v.numerator : 0;
    case 'denominator':
      return row.unit === 'percent' ? (v?.denominator ?? 0) : null;
    case 'value':
      return v ? v.value : null;
  }
}

/** A sheet name Excel accepts: no `[]*?/\:`, no apostrophe at either end, at most 31 characters, unique (case-insensitive). */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const visible = [...raw].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
    const base = visible.replace(/[[\]*?/\\:]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim() || 'Регион';
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  });
}

/** The title block of one territory's part (docs/adr/0037): form, approving document, period, respondent, compiler, date. */
export function titleBlock(data: ExtractData, territory: ExtractTerritory): TitleLine[] {
  const { form, compiler } = data;
  return [
    { label: 'Наименование формы', value: form.title },
    { label: 'Форма', value: `${form.name}, версия ${form.version} (действует с ${ruDate(form.validFrom)})` },
    { label: 'Утверждена', value: form.approvedBy },
    { label: 'Периодичность', value: form.periodicity },
    { label: 'Отчётный период', value: periodLabel(data.period) },
    { label: 'Респондент', value: territory.fullName },
    { label: 'Организаций', value: `всего ${territory.organisations}, с рассчитанными показателями за период ${territory.reporting}` },
    { label: 'Составитель (Ф. И. О.)', value: compiler?.name || '—' },
    { label: 'Должность', value: compiler?.position || '—' },
    { label: 'Контактный телефон', value: compiler?.phone || '—' },
    { label: 'Дата составления', value: ruDate(todayIso(data.generatedAt)) },
  ];
}

/**
 * The one layout of a form extract, from the one form definition: the XLSX (a sheet per territory)
 * and the CSV (a block of lines per territory) are both written from it, so the two can never
 * disagree on titles, column numbers, units or figures.
 */
export function extractLayout(data: ExtractData): ExtractLayout {
  const territories = [...(data.total ? [data.total] : []), ...data.regions];
  const names = sheetNames(territories.map((t) => t.name));
  return {
    headings: [data.form.title.toUpperCase(), ...data.form.headings],
    header: data.form.columns.map((c) => c.title),
    numbers: data.form.columns.map((c) => c.number),
    sheets: territories.map((territory, i) => ({
      name: names[i],
      territory,
      title: titleBlock(data, territory),
      rows: data.form.rows.map((row) => data.form.columns.map((c) => cellOf(c.key, row, territory.values[row.indicator]))),
    })),
    notes: data.form.notes,
  };
}

import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import mentoringR145v1 from './mentoring-r145.v1.json';

/**
 * A federal statistical-form layout is data (docs/adr/0201, 0037): a machine code and its Russian
 * name, version, valid-from, the approving document, periodicity, headings, numbered columns (letters
 * for the descriptive ones, numbers for the figures, as statistical forms number them), notes, and
 * rows bound to indicator codes. A new version of the form is a new JSON file added to `FORM_FILES`,
 * not new code; every extract records the code and version that produced it, and the one definition
 * drives both the XLSX and the CSV (render/extract-layout.ts).
 */
export type FormColumnKey = 'line' | 'title' | 'unit' | 'okei' | 'numerator' | 'denominator' | 'value';
export type FormColumn = { key: FormColumnKey; number: string; title: string };
export type FormRow = { line: string; title: string; indicator: string; unit: 'percent' | 'count' };
export type FormDefinition = {
  /** Machine code (Latin, stable: API arguments, file properties); never printed as a label. */
  code: string;
  /** The form's Russian designation, printed in the title block. */
  name: string;
  version: string;
  validFrom: string;
  title: string;
  /** The document the form follows («Утверждена»). */
  approvedBy: string;
  /** «годовая», … */
  periodicity: string;
  headings: string[];
  columns: FormColumn[];
  notes: string[];
  rows: FormRow[];
};

const FORM_FILES: Record<string, unknown> = { 'mentoring-r145.v1.json': mentoringR145v1 };
const COLUMN_KEYS: readonly string[] = ['line', 'title', 'unit', 'okei', 'numerator', 'denominator', 'value'];
const text = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** Throws a message naming the file and the field; called at module load and start-up. */
export function validateFormDefinition(file: string, raw: unknown): FormDefinition {
  const fail = (what: string): never => {
    throw new Error(`Form definition ${file}: ${what}`);
  };
  const form = raw as Partial<FormDefinition> | null;
  if (typeof form !== 'object' || form === null) return fail('not an object');
  if (typeof form.code !== 'string' || !/^[A-Z][A-Z0-9-]{1,39}$/.test(form.code)) fail('"code" must be like MENTORING-R145');
  if (typeof form.version !== 'string' || !/^[0-9]{1,4}$/.test(form.version)) fail('"version" must be a number as a string, e.g. "1"');
  if (typeof form.validFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(form.validFrom) || Number.isNaN(Date.parse(form.validFrom))) fail('"validFrom" must be a date YYYY-MM-DD');
  if (!text(form.name) || /[A-Za-z]/.test(form.name)) fail('"name" (the Russian designation of the form) is required, in Cyrillic');
  if (!text(form.title)) fail('"title" is required');
  if (!text(form.approvedBy)) fail('"approvedBy" (the approving document) is required');
  if (!text(form.periodicity)) fail('"periodicity" is required');
  if (!Array.isArray(form.headings) || form.headings.some((h) => typeof h !== 'string')) fail('"headings" must be a list of strings');
  if (!Array.isArray(form.notes) || form.notes.some((h) => typeof h !== 'string')) fail('"notes" must be a list of strings');
  if (!Array.isArray(form.columns) || form.columns.length === 0) return fail('"columns" must be a non-empty list');
  const keys = new Set<string>();
  const numbers = new Set<string>();
  for (const column of form.columns) {
    if (!COLUMN_KEYS.includes(column?.key)) fail(`column key "${column?.key}" is not one of ${COLUMN_KEYS.join(', ')}`);
    if (keys.has(column.key)) fail(`column "${column.key}" appears twice`);
    if (!text(column.title)) fail(`column "${column.key}" has no title`);
    if (!text(column.number) || !/^([А-Я]|[0-9]{1,2})$/.test(column.number)) fail(`column "${column.key}" needs a "number" (a Cyrillic letter or a number)`);
    if (numbers.has(column.number)) fail(`column number "${column.number}" appears twice`);
    keys.add(column.key);
    numbers.add(column.number);
  }
  if (!Array.isArray(form.rows) || form.rows.length === 0) return fail('"rows" must be a non-empty list');
  const lines = new Set<string>();
  for (const row of form.rows) {
    if (typeof row?.line !== 'string' || !row.line.trim()) fail('a row has no "line"');
    if (lines.has(row.line)) fail(`line ${row.line} appears twice`);
    lines.add(row.line);
    if (typeof row.title !== 'string' || !row.title.trim()) fail(`line ${row.line} has no title`);
    const indicator = INDICATORS.find((d) => d.code === row.indicator);
    if (!indicator) return fail(`line ${row.line} is bound to unknown indicator "${row.indicator}"`);
    if (row.unit !== indicator.unit) fail(`line ${row.line}: unit "${row.unit}" differs from indicator ${row.indicator} (${indicator.unit})`);
  }
  return form as FormDefinition;
}

/** Every shipped definition, validated; a bad one stops the process that loads this module. */
export function loadFormDefinitions(files: Record<string, unknown> = FORM_FILES): FormDefinition[] {
  const forms = Object.entries(files).map(([file, raw]) => validateFormDefinition(file, raw));
  const seen = new Set<string>();
  for (const form of forms) {
    const key = `${form.code}@${form.version}`;
    if (seen.has(key)) throw new Error(`Form definition ${key} is defined twice`);
    seen.add(key);
  }
  return forms;
}

export const FORMS: readonly FormDefinition[] = loadFormDefinitions();

/** The version of `code` in force for an academic year (the latest whose validFrom ≤ 1 September of the year). */
export function formFor(code: string, period: string): FormDefinition | null {
  const start = `${period.slice(0, 4)}-09-01`;
  const candidates = FORMS.filter((f) => f.code === code && f.validFrom <= start).sort((a, b) => Number(b.version) - Number(a.version));
  return candidates[0] ?? FORMS.filter((f) => f.code === code).sort((a, b) => Number(a.version) - Number(b.version))[0] ?? null;
}

/** One named version of a form, or null. */
export function formVersion(code: string, version: string): FormDefinition | null {
  return FORMS.find((f) => f.code === code && f.version === version) ?? null;
}

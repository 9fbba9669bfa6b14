import { createRequire } from 'node:module';
import { percentValue } from '@nastavnik/monitoring/indicator-definitions';
import { safeCell, toCsv, type SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import type { FormColumnKey, FormDefinition } from '../forms/form-definitions';
import { requiredValue } from '@nastavnik/contracts/lookup';

export type ExtractValue = { numerator: number; denominator: number | null; value: number | null; organisations: number };
export type ExtractData = {
  form: FormDefinition;
  period: string;
  /** One entry per region in scope; values by indicator code (Σnum/Σden over its organisations). */
  regions: { code: string; name: string; values: Record<string, ExtractValue> }[];
  generatedAt: Date;
};

// ExcelJS (~30 MiB of resident memory) is loaded on the first XLSX, not at start-up: a worker
// that only renders PDFs never pays for it.
const load = createRequire(__filename);
let excel: typeof import('exceljs') | null = null;
const exceljs = () => (excel ??= load('exceljs') as typeof import('exceljs'));

const UNITS = { percent: '%', count: 'чел.' } as const;

function cellOf(key: FormColumnKey, row: FormDefinition['rows'][number], v: ExtractValue | undefined): string | number | null {
  switch (key) {
    case 'line':
      return row.line;
    case 'title':
      return row.title;
    case 'unit':
      return requiredValue(UNITS, row.unit);
    case 'numerator':
      return v ? v.numerator : null;
    case 'denominator':
      return v && row.unit === 'percent' ? v.denominator : null;
    case 'value':
      return v ? v.value : null;
  }
}

/**
 * The federal form as XLSX: one sheet per region in the form's layout (headings, column titles,
 * one line per form row), and a first sheet «Свод» with every region when there are several.
 * The form code and version are printed in the headings and in the workbook's properties.
 * Aggregates only: every number is a sum over organisations' snapshots. Every cell goes through
 * `safeCell` (libs/contracts): a region's name is typed by people, and a workbook re-saved as CSV
 * must not turn a text that starts with «=» into a formula.
 */
export async function extractXlsx(data: ExtractData): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Наставник';
  workbook.created = data.generatedAt;
  workbook.title = `${data.form.code} v${data.form.version}`;
  workbook.subject = data.form.title;
  workbook.keywords = `form=${data.form.code};version=${data.form.version};period=${data.period}`;
  const sheets = data.regions.length > 1 ? [{ code: 'ALL', name: 'Свод', values: totals(data) }, ...data.regions] : data.regions;
  for (const region of sheets) {
    const sheet = workbook.addWorksheet(sheetName(region.code === 'ALL' ? 'Свод' : `${region.code}`));
    const addRow = (cells: SheetCell[]) => sheet.addRow(cells.map(safeCell));
    for (const heading of data.form.headings) addRow([heading]).font = { bold: true };
    addRow([`Период: ${data.period.replace('/', '–')} учебный год`]);
    addRow([`Территория: ${region.name} (${region.code})`]);
    addRow([`Версия формы: ${data.form.code} v${data.form.version}, действует с ${data.form.validFrom}`]);
    addRow([]);
    const header = addRow(data.form.columns.map((c) => c.title));
    header.font = { bold: true };
    for (const row of data.form.rows) addRow(data.form.columns.map((c) => cellOf(c.key, row, region.values[row.indicator])));
    data.form.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.key === 'title' ? 70 : 16));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same layout as CSV (UTF-8 with BOM, `;` as in Russian Excel): one block of lines per region,
 * written by the shared formula-safe writer (a region named «=HYPERLINK(…)» stays text).
 */
export function extractCsv(data: ExtractData): Buffer {
  const lines: SheetCell[][] = [];
  lines.push([`# ${data.form.code} v${data.form.version}`, data.form.title, `период ${data.period}`]);
  lines.push(['Код региона', 'Регион', ...data.form.columns.map((c) => c.title)]);
  const regions = data.regions.length > 1 ? [{ code: 'ALL', name: 'Свод', values: totals(data) }, ...data.regions] : data.regions;
  for (const region of regions) {
    for (const row of data.form.rows) {
      lines.push([region.code, region.name, ...data.form.columns.map((c) => cellOf(c.key, row, region.values[row.indicator]))]);
    }
  }
  return Buffer.from(toCsv(lines, { delimiter: ';', bom: true }), 'utf8');
}

function totals(data: ExtractData): Record<string, ExtractValue> {
  const out: Record<string, ExtractValue> = {};
  for (const row of data.form.rows) {
    const list = data.regions.map((r) => r.values[row.indicator]).filter((v): v is ExtractValue => !!v);
    if (list.length === 0) continue;
    const numerator = list.reduce((s, v) => s + v.numerator, 0);
    const denominator = row.unit === 'percent' ? list.reduce((s, v) => s + (v.denominator ?? 0), 0) : null;
    const value = row.unit === 'percent' ? percentValue(numerator, denominator) : numerator;
    out[row.indicator] = { numerator, denominator, value, organisations: list.reduce((s, v) => s + v.organisations, 0) };
  }
  return out;
}

function sheetName(name: string): string {
  return name.replace(/[[\]*?/\\:]/g, '_').slice(0, 31);
}

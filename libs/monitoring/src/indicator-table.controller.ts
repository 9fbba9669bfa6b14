import { createRequire } from 'node:module';
import { Controller, Get, Query as HttpQuery, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IsOptional, IsString } from 'class-validator';
import { safeCell, type SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { percentValue } from './indicator-definitions';
import { IndicatorQueryService, MAX_TABLE_INDICATORS } from './indicator-query.service';
import type { IndicatorTableRowType, IndicatorTableType } from './indicator.types';

const load = createRequire(__filename);
let excel: typeof import('exceljs') | null = null;
const exceljs = () => (excel ??= load('exceljs') as typeof import('exceljs'));

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PERIOD = /^[0-9]{4}\/[0-9]{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Z][A-Z0-9_.]{0,39}$/;

/** The query string as it comes (every value text, checked by `parseQuery`). */
export class IndicatorTableQuery {
  @IsOptional() @IsString() period?: unknown;
  @IsOptional() @IsString() codes?: unknown;
  @IsOptional() @IsString() parentId?: unknown;
  @IsOptional() @IsString() sort?: unknown;
  @IsOptional() @IsString() order?: unknown;
}
export type IndicatorTableSort = { by: string; order: 'asc' | 'desc' };

/**
 * `GET /indicator-table/export.xlsx?period=2022/2023&codes=T1,N1&parentId=&sort=N1&order=desc`:
 * the multi-indicator table as the console shows it (the caller's scope decides which schools),
 * sorted the same way — by «name», «municipality» or an indicator's code (its value; no value
 * last). One sheet: Russian headings, per indicator its value, numerator, denominator and target
 * as numbers, the total Σnumerators / Σdenominators last; every cell through the formula-safe
 * writer (`safeCell`, libs/contracts).
 */
@Controller('indicator-table')
export class IndicatorTableExportController {
  constructor(private readonly indicators: IndicatorQueryService) {}

  @Roles('platform-admin', 'ministry-official', 'region-analyst')
  @Get('export.xlsx')
  async export(@HttpQuery() query: IndicatorTableQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { period, codes, parentId, sort } = parseQuery(query);
    const table = await this.indicators.table(period, codes, parentId);
    const bytes = await indicatorTableWorkbook(table, sort);
    const name = `Таблица показателей ${period.replace('/', '-')}.xlsx`;
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="indicator-table.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff');
    return bytes;
  }
}

/** The query string, checked: a wrong value is a Russian «VALIDATION_FAILED», never a key into an object. */
export function parseQuery(query: IndicatorTableQuery): { period: string; codes: string[]; parentId?: string; sort: IndicatorTableSort } {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const period = text(query.period);
  if (!PERIOD.test(period)) throw new ValidationFailedException('Учебный год — в виде «2022/2023».');
  const codes = text(query.codes).split(',').map((c) => c.trim()).filter(Boolean);
  if (codes.length === 0) throw new ValidationFailedException('Выберите хотя бы один показатель.');
  if (codes.length > MAX_TABLE_INDICATORS) throw new ValidationFailedException(`Не больше ${MAX_TABLE_INDICATORS} показателей в одной таблице.`);
  if (!codes.every((c) => CODE.test(c))) throw new ValidationFailedException('Некорректный код показателя.');
  const parentId = text(query.parentId) || undefined;
  if (parentId !== undefined && !UUID.test(parentId)) throw new ValidationFailedException('Регион или муниципалитет: некорректный идентификатор.');
  const by = text(query.sort) || 'name';
  if (by !== 'name' && by !== 'municipality' && !codes.includes(by)) throw new ValidationFailedException('Сортировка — по организации, муниципалитету или одному из выбранных показателей.');
  const order = text(query.order) === 'desc' ? 'desc' : 'asc';
  return { period, codes, parentId, sort: { by, order } };
}

/** The rows in the table's order: by name or municipality (Russian collation), or by an indicator's value, rows without a value last. */
export function sortTableRows(table: IndicatorTableType, sort: IndicatorTableSort): IndicatorTableRowType[] {
  const sign = sort.order === 'desc' ? -1 : 1;
  const byName = (a: IndicatorTableRowType, b: IndicatorTableRowType) => a.tenantName.localeCompare(b.tenantName, 'ru');
  const column = table.indicators.findIndex((d) => d.code === sort.by);
  return [...table.rows].sort((a, b) => {
    if (sort.by === 'municipality') return sign * (a.municipalityName ?? '').localeCompare(b.municipalityName ?? '', 'ru') || byName(a, b);
    if (column < 0) return sign * byName(a, b);
    const x = a.cells[column]?.value ?? null;
    const y = b.cells[column]?.value ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

export async function indicatorTableWorkbook(table: IndicatorTableType, sort: IndicatorTableSort): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  const sheet = workbook.addWorksheet('Показатели');
  const addRow = (cells: SheetCell[]) => sheet.addRow(cells.map(safeCell));
  addRow([`Таблица показателей за ${table.period} учебный год`]);
  const headings: SheetCell[] = ['Организация', 'Муниципалитет'];
  for (const d of table.indicators) {
    const unit = d.unit === 'percent' ? ', %' : '';
    // A code ending in a digit (T1, N1) is how the target model names the indicator; the counts (MENTORS) go by their Russian title.
    const coded = /\d$/.test(d.code);
    const name = coded ? d.code : d.shortTitle;
    headings.push(`${coded ? `${d.code} ${d.shortTitle}` : d.shortTitle}: значение${unit}`, `${name}: числитель`, `${name}: знаменатель`, `${name}: цель${unit}`);
  }
  addRow(headings);
  for (const row of sortTableRows(table, sort)) {
    addRow([row.tenantName, row.municipalityName, ...row.cells.flatMap((c) => [c.value, c.computedAt === null ? null : c.numerator, c.denominator, c.target])]);
  }
  const totals: SheetCell[] = ['Итого (Σ числителей / Σ знаменателей)', null];
  table.indicators.forEach((d, i) => {
    const computed = table.rows.map((r) => r.cells[i]).filter((c) => c && c.computedAt !== null);
    const numerator = computed.reduce((sum, c) => sum + c.numerator, 0);
    const denominator = d.unit === 'percent' ? computed.reduce((sum, c) => sum + (c.denominator ?? 0), 0) : null;
    totals.push(computed.length === 0 ? null : d.unit === 'percent' ? percentValue(numerator, denominator) : numerator, computed.length ? numerator : null, denominator, null);
  });
  addRow(totals);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(2).font = { bold: true };
  sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.getColumn(1).width = 40;
  sheet.getColumn(2).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

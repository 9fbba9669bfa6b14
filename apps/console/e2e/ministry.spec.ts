import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { ConsoleWorld, schoolYear } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
const LINES = [
  ['01', 'T1', 'percent'],
  ['02', 'T2', 'percent'],
  ['03', 'T3', 'percent'],
  ['04', 'T4', 'percent'],
  ['05', 'N1', 'percent'],
  ['06', 'MENTORS', 'count'],
  ['07', 'MENTEES', 'count'],
] as const;

type Figures = Record<string, [number, number | null, number | null]>;
type Sheet = { name: string; title: Map<string, string>; lines: Figures; rows: (string | number | null)[][] };

/** docs/screenshots/13-<name>.png, written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(target: Page | Locator, name: string, fullPage = false): Promise<void> {
  const page = 'mouse' in target ? target : target.page();
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `13-${name}-${process.pid}.png`);
  await ('mouse' in target ? target.screenshot({ path: file, fullPage }) : target.screenshot({ path: file }));
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `13-${name}.png`));
  }
}

async function choose(page: Page, field: Locator, name: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name, exact: true }).click();
}

/**
 * Every region's figures for the period, computed here in SQL over the snapshots (not by the code
 * under test): Σnumerator, Σdenominator, the value rounded half up; zeros where a region has none.
 */
async function snapshots(world: ConsoleWorld, period: string): Promise<{ regions: Map<string, Figures>; total: Figures }> {
  const { rows } = await world.owner.query<{ name: string; line: string; unit: string; numerator: string; denominator: string }>(
    `select r.short_name as name, l.line, l.unit, coalesce(sum(s.numerator), 0) as numerator, coalesce(sum(s.denominator), 0) as denominator
       from tenants r
      cross join unnest($2::text[], $3::text[], $4::text[]) as l(line, code, unit)
       left join indicator_snapshots s on s.tenant_path <@ r.path and s.period = $1 and s.indicator_code = l.code
      where r.kind = 'region'
      group by r.short_name, l.line, l.unit`,
    [period, LINES.map((l) => l[0]), LINES.map((l) => l[1]), LINES.map((l) => l[2])],
  );
  const figures = (unit: string, n: number, d: number): Figures[string] => (unit === 'percent' ? [n, d, d === 0 ? null : Math.floor((200 * n + d) / (2 * d))] : [n, null, n]);
  const regions = new Map<string, Figures>();
  const sums = new Map<string, [number, number]>();
  for (const row of rows) {
    const [n, d] = [Number(row.numerator), Number(row.denominator)];
    regions.set(row.name, { ...regions.get(row.name), [row.line]: figures(row.unit, n, d) });
    const sum = sums.get(row.line) ?? [0, 0];
    sums.set(row.line, [sum[0] + n, sum[1] + d]);
  }
  const total: Figures = Object.fromEntries(LINES.map(([line, , unit]) => [line, figures(unit, ...(sums.get(line) ?? [0, 0]))]));
  return { regions, total };
}

/** The workbook read back with ExcelJS: per sheet, its title block, its form lines and its cells (for the rendering). */
async function readWorkbook(bytes: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const sheet: Sheet = { name: worksheet.name, title: new Map(), lines: {}, rows: [] };
    let header = false;
    // A merged range holds its value in its first cell (ExcelJS repeats it in the others when read).
    const value = (row: ExcelJS.Row, i: number) => {
      const cell = row.getCell(i);
      if (cell.isMerged && cell.master.address !== cell.address) return null;
      return cell.value === null || cell.value === undefined ? null : (cell.value as string | number);
    };
    for (let r = 1; r <= worksheet.rowCount; r += 1) {
      const row = worksheet.getRow(r);
      const cells = Array.from({ length: 7 }, (_, i) => value(row, i + 1));
      sheet.rows.push(cells);
      if (cells[0] === 'Наименование показателя') header = true;
      if (typeof cells[1] === 'string' && /^\d{2}$/.test(cells[1])) sheet.lines[cells[1]] = [cells[4] as number, cells[5] as number | null, cells[6] as number | null];
      else if (!header && typeof cells[0] === 'string' && typeof cells[1] === 'string') sheet.title.set(cells[0], cells[1]);
    }
    return sheet;
  });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain HTML rendering of read-back sheets (LibreOffice is not installed here): what the file holds, cell by cell. */
function sheetsHtml(sheets: Sheet[]): string {
  const body = sheets
    .map((sheet) => {
      const rows = sheet.rows
        .map((cells) => {
          if (cells.every((c) => c === null)) return '<tr class="gap"><td colspan="7"></td></tr>';
          if (cells.slice(1).every((c) => c === null)) return `<tr><td colspan="7" class="span">${escape(String(cells[0]))}</td></tr>`;
          if (typeof cells[0] === 'string' && typeof cells[1] === 'string' && cells.slice(2).every((c) => c === null)) {
            return `<tr><th>${escape(cells[0])}</th><td colspan="6">${escape(cells[1])}</td></tr>`;
          }
          return `<tr class="grid">${cells.map((c, i) => `<td class="${typeof c === 'number' ? 'num' : ''} c${i}">${c === null ? '' : escape(String(c))}</td>`).join('')}</tr>`;
        })
        .join('');
      return `<section><div class="tab">Лист «${escape(sheet.name)}»</div><table>${rows}</table></section>`;
    })
    .join('');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><style>
    body { font: 12px 'DejaVu Sans', Arial, sans-serif; margin: 12px; color: #111; }
    section { margin-bottom: 18px; } .tab { display: inline-block; background: #e8f0e8; border: 1px solid #9a9; border-bottom: none; padding: 3px 10px; font-weight: bold; }
    table { border-collapse: collapse; width: 1240px; table-layout: fixed; border: 1px solid #bbb; }
    td, th { padding: 2px 5px; vertical-align: top; text-align: left; } th { width: 230px; }
    tr.grid td { border: 1px solid #444; } td.num { text-align: right; } td.c0 { width: 430px; } td.c1, td.c3 { text-align: center; }
    td.span { font-weight: bold; text-align: center; } tr.gap td { height: 6px; }
  </style></head><body>${body}</body></html>`;
}

/**
 * Issue 13, item 7, as the minister does it: the home page compares the regions on the indicators
 * (table and plot; «Северный регион», two organisations without data, listed in zeros); «Выгрузки»
 * → every region as XLSX with the compiler's details; the downloaded file read back with ExcelJS —
 * the all-Russia total and every region's sheet equal to the snapshots computed here in SQL.
 */
describe('the ministry: regions compared on the home page, an extract of every region and the total', () => {
  let world: ConsoleWorld;
  const period = schoolYear();

  beforeAll(async () => {
    world = await ConsoleWorld.start();
    await world.indicatorsSettled(240_000);
  }, 600_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('the home page compares every region on the indicators, with the total; the table equals the snapshots', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'minister');
      await page.getByRole('heading', { name: 'Все регионы', level: 1 }).waitFor();
      const table = page.getByTestId('region-comparison-table');
      await table.waitFor();
      await page.getByTestId('region-comparison-chart').locator('.recharts-bar-rectangle').first().waitFor();
      const expected = await snapshots(world, period);
      const rows = page.getByTestId('region-comparison-row');
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-region')))).toEqual([...expected.regions.keys()].sort((a, b) => a.localeCompare(b, 'ru')));
      // T1 and N1 of each region as the table shows them: the value, and Σnumerator / Σdenominator.
      for (const [name, figures] of expected.regions) {
        const row = page.locator(`[data-testid="region-comparison-row"][data-region="${name}"]`);
        for (const [code, line] of [['T1', '01'], ['N1', '05']] as const) {
          const [n, d, v] = figures[line];
          expect((await row.locator(`td[data-code="${code}"]`).innerText()).replace(/\s+/g, ' ').trim()).toBe(`${v === null ? '—' : `${v} %`} ${n} / ${d}`);
        }
        const [mentors] = figures['06'];
        expect((await row.locator('td[data-code="MENTORS"]').innerText()).trim()).toBe(String(mentors));
      }
      const north = page.locator('[data-testid="region-comparison-row"][data-region="Северный регион"]');
      expect(await north.innerText()).toContain('нет рассчитанных данных');
      expect((await north.locator('td').nth(1).innerText()).trim()).toBe('0 / 2');
      const [tn, td, tv] = expected.total['01'];
      expect((await page.getByTestId('region-comparison-total').locator('td[data-code="T1"]').innerText()).replace(/\s+/g, ' ').trim()).toBe(`${tv === null ? '—' : `${tv} %`} ${tn} / ${td}`);
      expect(expected.total['05'][0]).toBeGreaterThan(0); // real numbers from the seeded region, not an empty table
      const axis = (await page.getByTestId('region-comparison-chart').textContent()) ?? '';
      expect(axis).toContain('Северный регион (нет данных)');
      expect(axis).toContain('Демо-регион');
      await screenshot(page, 'ministry-home', true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the minister downloads an extract of all regions; every region’s sheet and the total read back equal the snapshots', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'minister');
      await page.getByRole('menuitem', { name: 'Выгрузки' }).click();
      await page.getByRole('heading', { name: 'Выгрузки по статистическим формам', level: 1 }).waitFor();
      await page.getByTestId('extract-form-select').getByText('МОНИТОРИНГ-НАСТАВНИЧЕСТВО (Р-145), версия 1 (действует с 01.09.2022)').waitFor();
      await page.getByTestId('extract-region-select').getByText('Все регионы').waitFor();
      await choose(page, page.getByLabel('Учебный год'), period);
      // The compiler's name comes from the account; position and phone are typed.
      expect(await page.getByLabel('Составитель (Ф. И. О.)').inputValue()).toBe('Виктор Лебедев');
      await page.getByRole('button', { name: 'Сформировать выгрузку' }).click();
      await page.getByText('Укажите должность составителя.').waitFor();
      await page.getByLabel('Должность').fill('Главный специалист отдела мониторинга');
      await page.getByLabel('Контактный телефон').fill('+7 (495) 123-45-67');
      await page.getByRole('radio', { name: 'Excel (XLSX)' }).check();
      await page.getByRole('button', { name: 'Сформировать выгрузку' }).click();
      const row = page.getByTestId('extract-row').filter({ hasText: 'Все регионы' }).first();
      await row.getByRole('button', { name: 'Скачать' }).waitFor({ timeout: 60_000 });
      expect(await row.innerText()).toContain('МОНИТОРИНГ-НАСТАВНИЧЕСТВО (Р-145), версия 1');
      await page.waitForFunction(() => !document.body.innerText.includes('Выгрузка поставлена в очередь'), undefined, { timeout: 20_000 });
      await screenshot(page, 'extracts-page');

      const [event] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Скачать' }).click()]);
      const dir = mkdtempSync(join(tmpdir(), 'ministry-extract-'));
      let sheets: Sheet[];
      try {
        await event.saveAs(join(dir, 'file.xlsx'));
        expect(event.suggestedFilename()).toMatch(/\.xlsx$/);
        sheets = await readWorkbook(readFileSync(join(dir, 'file.xlsx')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const expected = await snapshots(world, period);
      expect(sheets.map((s) => s.name)).toEqual(['Российская Федерация', ...[...expected.regions.keys()].sort((a, b) => a.localeCompare(b, 'ru'))]);
      expect(sheets.map((s) => s.name)).toContain('Северный регион');
      expect(sheets[0].lines).toEqual(expected.total);
      for (const sheet of sheets.slice(1)) expect([sheet.name, sheet.lines]).toEqual([sheet.name, expected.regions.get(sheet.name)]);
      expect(sheets.find((s) => s.name === 'Северный регион')!.lines['01']).toEqual([0, 0, null]);
      expect(expected.total['05'][0]).toBeGreaterThan(0);
      for (const sheet of sheets) {
        expect(sheet.title.get('Составитель (Ф. И. О.)')).toBe('Виктор Лебедев');
        expect(sheet.title.get('Должность')).toBe('Главный специалист отдела мониторинга');
        expect(sheet.title.get('Отчётный период')).toMatch(new RegExp(`^${period.replace('/', '\\/')} учебный год`));
        expect(sheet.rows.flat().filter((c) => typeof c === 'string' && /[A-Za-z]/.test(c))).toEqual([]);
      }

      // The sheets as they were read back, rendered in the browser for the screenshot.
      const view = await context.newPage();
      await view.setViewportSize({ width: 1280, height: 800 });
      await view.setContent(sheetsHtml([sheets[0], sheets.find((s) => s.name === 'Северный регион')!]));
      await screenshot(view, 'extract', true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

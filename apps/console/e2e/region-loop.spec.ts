import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ConsoleWorld, schoolYear } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Taken every run; written to docs/screenshots/13-<name>.png only with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `13-${name}-${process.pid}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `13-${name}.png`));
  }
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const dir = mkdtempSync(join(tmpdir(), 'region-loop-download-'));
  try {
    const path = join(dir, 'file');
    await event.saveAs(path);
    return { name: event.suggestedFilename(), bytes: readFileSync(path) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Picks `option` of a MUI select (a TextField with `select`) found by its test id. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).locator('[role="combobox"]').click();
  await page.getByRole('option', { name: option }).first().click();
}

const MISH = 'МБОУ «Мишкинская СОШ»';
const SCH51 = 'МАОУ «Средняя школа № 51»';
const UYUT = 'МБОУ «Уютненская СШ-гимназия»';

/**
 * Issue 13 in the browser, as analyst.demo works: from the league table into a school's card and
 * its roadmap's execution (seed 004's Мишкинская СОШ, 2022/2023 — the figures equal the items'
 * statuses in the database); a target set for the region changes the below-target list; the
 * multi-indicator table, sorted, downloads an XLSX that exceljs reads back equal to the page.
 */
describe('the regional loop: school card, targets, multi-indicator table', () => {
  let world: ConsoleWorld;
  const period = schoolYear();

  async function setN1(code: string, numerator: number, denominator: number): Promise<void> {
    await world.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       select id, path, $2, 'N1', $3, $4, gen_random_uuid() from tenants where code = $1
       on conflict (tenant_id, period, indicator_code) do update set numerator = excluded.numerator, denominator = excluded.denominator`,
      [code, period, numerator, denominator],
    );
  }

  beforeAll(async () => {
    world = await ConsoleWorld.start();
    await world.indicatorsSettled(120_000);
    // N1 this year: Уютненская 60 % (below the default 70 %), № 51 80 % (above 70, below 90).
    await setN1('uyut', 60, 100);
    await setN1('sch51', 80, 100);
    await world.owner.query(`delete from indicator_targets where period = $1`, [period]);
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it("drills from the league table into a school's card and reads its roadmap's execution", async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      const league = page.getByTestId('league-table');
      const row = league.locator('tbody tr', { hasText: MISH }).first();
      await row.scrollIntoViewIfNeeded();
      await row.getByText(MISH, { exact: true }).click({ timeout: 30_000 });
      await page.waitForURL(/#\/schools\/[0-9a-f-]+\/card/);
      const card = page.getByTestId('school-card');
      await card.getByRole('heading', { name: MISH }).waitFor();
      await card.getByTestId('card-indicators').locator('tr[data-code="N1"]').waitFor();
      // The roadmap of seed 004 is of 2022/2023.
      await choose(page, 'period-select', '2022/2023');
      await page.waitForURL(/period=2022%2F2023/);
      const totals = card.getByTestId('roadmap-totals');
      await totals.waitFor();
      const { rows } = await world.owner.query<{ total: string; done: string; overdue: string }>(
        `select count(*) as total, count(*) filter (where i.status = 'done') as done,
                count(*) filter (where i.status in ('planned', 'in_progress') and i.planned_end < current_date) as overdue
           from roadmap_items i join roadmaps r on r.id = i.roadmap_id join tenants t on t.id = i.tenant_id
          where t.code = 'mish' and r.academic_year = '2022/2023'`,
      );
      expect(Number(rows[0].total)).toBeGreaterThan(0);
      await totals.getByText(`Всего: ${rows[0].total}`).waitFor();
      await totals.getByText(`Выполнено: ${rows[0].done}`).waitFor();
      await totals.getByText(`Просрочено: ${rows[0].overdue}`).waitFor();
      expect(await card.getByTestId('roadmap-stages').locator('tr').count()).toBeGreaterThan(0);
      // Freshness: the roadmap's last change is known; no personal data on the card.
      await card.getByTestId('card-freshness').locator('tr[data-area="roadmap"]').getByText(/\d\d\.\d\d\.\d{4}/).waitFor();
      expect(await card.innerText()).not.toContain('[ФИО]');
      await screenshot(page, 'school-card');

      // The schools page and its search reach the same card.
      await page.goto(`${new URL(page.url()).origin}/#/schools`);
      await page.getByTestId('school-search').fill('Мишкин');
      await page.getByTestId('school-link').filter({ hasText: MISH }).click();
      await card.getByRole('heading', { name: MISH }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('sets a target for the region and sees the below-target list change', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('menuitem', { name: 'Цели региона' }).click();
      const below = page.getByTestId('below-target');
      await below.getByText(/ниже цели \d+ из \d+/).waitFor();
      const names = async () => (await below.getByTestId('below-target-list').locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
      const before = await names();
      expect(before).toContain(UYUT);
      expect(before).not.toContain(SCH51);

      await page.getByTestId('target-value').fill('90');
      await page.getByTestId('target-save').click();
      await page.getByTestId('targets-table').getByText('90 %').waitFor();
      await below.getByText(/цель 90 %/).waitFor();
      const after = await names();
      expect(after).toContain(SCH51);
      expect(after).toContain(UYUT);
      expect(after.length).toBeGreaterThan(before.length);
      await screenshot(page, 'targets');

      // The card of № 51 compares against the region's target too.
      await below.getByRole('link', { name: SCH51 }).click();
      const n1 = page.getByTestId('card-indicators').locator('tr[data-code="N1"]');
      await n1.waitFor();
      expect(await n1.getAttribute('data-below-target')).toBe('true');
      expect(await n1.innerText()).toContain('90 %');
      const { rows } = await world.owner.query(`select t.target::float as target from indicator_targets t join tenants r on r.id = t.tenant_id where r.code = 'demo' and t.period = $1 and t.indicator_code = 'N1'`, [period]);
      expect(rows).toEqual([{ target: 90 }]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('the multi-indicator table: columns picked, sorted, exported — the XLSX read back equals the page', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('menuitem', { name: 'Таблица показателей' }).click();
      const table = page.getByTestId('indicator-table');
      await table.locator('tbody tr').first().waitFor();
      await page.getByTestId('indicator-columns').locator('[data-code="MENTORS"]').click();
      await table.getByText('Наставники', { exact: true }).waitFor();
      await page.getByTestId('sort-N1').click(); // by N1, highest first
      await page.waitForTimeout(300);
      const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => (row.querySelector('td a') as HTMLElement).innerText.trim()));
      expect(shown.indexOf(SCH51)).toBeLessThan(shown.indexOf(UYUT));
      await screenshot(page, 'indicator-table');

      const file = await download(page, () => page.getByTestId('indicator-table-export').click());
      expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, not the console's page
      expect(file.name).toBe(`Таблица показателей ${period.replace('/', '-')}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as never);
      const sheet = workbook.worksheets[0];
      const values = (sheet.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
      const headings = values[1] as string[];
      expect(headings.slice(0, 2)).toEqual(['Организация', 'Муниципалитет']);
      expect(headings).toContain('N1 Вовлечённость обучающихся: значение, %');
      expect(headings).toContain('Наставники: значение');
      const body = values.slice(2, -1);
      expect(body.map((r) => r[0])).toEqual(shown);
      const n1 = headings.indexOf('N1 Вовлечённость обучающихся: значение, %');
      const row51 = body.find((r) => r[0] === SCH51)!;
      expect(row51[n1]).toBe(80);
      expect(typeof row51[n1 + 1]).toBe('number');
      expect(row51[n1 + 3]).toBe(90); // the region's target set above
      expect(values.at(-1)![0]).toBe('Итого (Σ числителей / Σ знаменателей)');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

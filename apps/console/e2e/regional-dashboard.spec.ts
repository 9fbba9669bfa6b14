import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ConsoleWorld, schoolYear } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** docs/screenshots/regional-<name>.png, written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const page = 'mouse' in target ? target : target.page();
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `regional-${name}-${process.pid}.png`);
  await target.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `regional-${name}.png`));
  }
}

/** «2026/2027» shifted by `years`. */
function yearOf(period: string, years: number): string {
  const start = Number(period.slice(0, 4)) + years;
  return `${start}/${start + 1}`;
}

/**
 * Issue 12, defect 8, in the browser as analyst.demo sees it: on N1, 41 % and 41 % share the
 * second place and the next school is fourth; a school without data is listed apart, unranked;
 * the trend leaves a year without data open; the PDF asked from the dashboard is about N1 with
 * the same places and the same gap.
 */
describe('regional dashboard: shared places, no data apart, gaps in the trend, the PDF on the chosen indicator', () => {
  let world: ConsoleWorld;
  const period = schoolYear();
  // Y-3 has data, Y-2 has none (the gap), Y-1 and Y have data.
  const [early, gap, last] = [yearOf(period, -3), yearOf(period, -2), yearOf(period, -1)];

  async function setN1(code: string, p: string, numerator: number, denominator: number): Promise<void> {
    await world.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       select id, path, $2, 'N1', $3, $4, gen_random_uuid() from tenants where code = $1
       on conflict (tenant_id, period, indicator_code) do update set numerator = excluded.numerator, denominator = excluded.denominator`,
      [code, p, numerator, denominator],
    );
  }

  beforeAll(async () => {
    world = await ConsoleWorld.start();
    // The worker's computations from the seed's records are finished before the snapshots are set by hand.
    await world.indicatorsSettled(120_000);
    await world.owner.query(
      `delete from indicator_snapshots s using tenants r
        where r.code = 'demo' and s.tenant_path <@ r.path and s.indicator_code = 'N1' and (s.period <> $1 or s.tenant_id = (select id from tenants where code = 'sosh31'))`,
      [period],
    );
    await setN1('uyut', period, 60, 100); // 60 % — first
    await setN1('sch51', period, 41, 100); // 41 % — second, shared
    await setN1('g40', period, 82, 200); // 41 % — second, shared
    await setN1('mish', period, 30, 100); // 30 % — fourth; ГБОУ СОШ № 31: no N1 this year
    await setN1('sch51', early, 50, 100);
    await setN1('sch51', last, 45, 100);
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('analyst.demo sees shared places, the school without data apart, and a gap in the trend; the PDF says the same', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      const league = page.getByTestId('league-table');
      await league.getByText('МБОУ «Мишкинская СОШ»').waitFor();
      const placeOf = async (school: string) => league.locator('tbody tr', { hasText: school }).getAttribute('data-rank');
      expect(await placeOf('МБОУ «Уютненская СШ-гимназия»')).toBe('1');
      expect(await placeOf('МАОУ «Средняя школа № 51»')).toBe('2');
      expect(await placeOf('МАОУ гимназия № 40')).toBe('2');
      expect(await placeOf('МБОУ «Мишкинская СОШ»')).toBe('4');
      expect(await placeOf('ГБОУ СОШ № 31')).toBe('none');
      // What a person reads: the place column, and the school without data below the «нет данных» line.
      const rows = (await league.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
      expect(rows.map((cells) => cells[0])).toEqual(['1', '2', '2', '4', 'Нет данных — не ранжируются (1)', '—', '']);
      expect(rows[5].slice(1, 2).concat(rows[5].slice(-1))).toEqual(['ГБОУ СОШ № 31', 'нет данных']);
      expect(rows[1][4]).toBe('41 %');
      expect(rows[2][4]).toBe('41 %');

      // Municipality bars are labelled with their values.
      const bars = page.getByTestId('municipality-chart');
      await bars.locator('.recharts-label-list').first().waitFor();
      const labels = (await bars.locator('.recharts-label-list text').allTextContents()).map((label) => label.trim());
      expect(labels).toEqual(expect.arrayContaining(['60 %', '41 %', '30 %']));
      // Василеостровский район has no school with data: no bar, and its name says so.
      expect(await bars.textContent()).toMatch(/Василеостровский\s*район\s*\(нет\s*данных\)/);

      // The trend: four school years, the gap year named, the line broken there (two pieces, three dots).
      const trend = page.getByTestId('trend-chart');
      await trend.locator('.recharts-line-dot').first().waitFor();
      expect(await trend.getByTestId('trend-gaps').innerText()).toBe(`Нет данных: ${gap} — линия прерывается.`);
      // Recharts draws the axes' tick labels in a layer of their own: the school years are the ones shaped «2024/2025».
      const ticks = (await trend.locator('.recharts-cartesian-axis-tick-value').allTextContents()).map((tick) => tick.trim()).filter((tick) => /^\d{4}\/\d{4}$/.test(tick));
      expect(ticks).toEqual([early, gap, last, period]);
      expect(await trend.locator('.recharts-line-dot').count()).toBe(3);
      const d = (await trend.locator('path.recharts-curve').first().getAttribute('d')) ?? '';
      expect(d.match(/M/g)).toHaveLength(2);
      await page.getByTestId('region-indicators').scrollIntoViewIfNeeded();
      await screenshot(page.getByTestId('league-table'), 'dashboard-ranking');
      await trend.scrollIntoViewIfNeeded();
      await screenshot(page.getByTestId('region-indicators'), 'dashboard');

      // The PDF asked from the dashboard: N1, the same places, the school apart, the gap year.
      const panel = page.getByTestId('region-report');
      await panel.getByRole('button', { name: 'Сформировать отчёт' }).click();
      const button = panel.getByRole('button', { name: 'Скачать отчёт (PDF)' });
      await button.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const dir = mkdtempSync(join(tmpdir(), 'regional-pdf-'));
      try {
        const pdf = join(dir, 'report.pdf');
        await download.saveAs(pdf);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-'], { encoding: 'utf8' });
        const cells = text.split('\n').map((line) => line.trim().split(/\s{2,}/));
        const starting = (...key: string[]) => cells.filter((row) => key.every((k, i) => row[i] === k));
        expect(starting('N1')).toHaveLength(1);
        expect(text).not.toMatch(/\bT[1-4]\b/);
        expect(starting('1', 'МБОУ «Уютненская СШ-гимназия»')).toHaveLength(1);
        expect(starting('2', 'МАОУ «Средняя школа № 51»')).toHaveLength(1);
        expect(starting('2', 'МАОУ гимназия № 40')).toHaveLength(1);
        expect(starting('4', 'МБОУ «Мишкинская СОШ»')).toHaveLength(1);
        expect(text).toContain('Нет данных по N1 — не ранжируются: 1');
        expect(starting('ГБОУ СОШ № 31')).toHaveLength(1);
        // Σ(60 + 41 + 82 + 30) / Σ(100 + 100 + 200 + 100) = 213/500 = 42.6 % → 43 %.
        expect(starting(early)).toEqual([[early, gap, last, period]]);
        expect(starting('50 %')).toEqual([['50 %', 'нет данных', '45 %', '43 %']]);
        expect(starting('г. Краснодар', '41 %')).toHaveLength(1);
        if (process.env.UPDATE_SCREENSHOTS === '1') {
          execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
          copyFileSync(join(dir, 'page.png'), join(SCREENSHOTS, 'regional-report-demo.png'));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

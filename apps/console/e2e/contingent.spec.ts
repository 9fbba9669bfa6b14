import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ConsoleWorld, schoolYear } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** docs/screenshots/contingent-<name>.png, written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const page = 'mouse' in target ? target : target.page();
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `contingent-${name}-${process.pid}.png`);
  await target.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `contingent-${name}.png`));
  }
}

/**
 * Issue 14 item 5 in the browser: curator.mish enters the school's contingent for this school year
 * on the «Контингент» page (ages × counts, teachers); the worker recomputes, and the school's
 * indicators on the home page say their denominators now come «по контингенту» (T1 out of the
 * 10–19-year-olds entered) instead of «по зарегистрированным». The region's analyst checks a file
 * for the region's schools and sees the bad line by its number.
 */
describe('contingent: the curator enters it, the indicators take their denominators from it', () => {
  let world: ConsoleWorld;
  const period = schoolYear();

  beforeAll(async () => {
    world = await ConsoleWorld.start();
    await world.indicatorsSettled(120_000);
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('curator.mish: «по зарегистрированным» → enters the contingent → «по контингенту», T1 of the 10–19-year-olds entered', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.mish');
      const card = page.getByTestId('school-indicators');
      await expectText(card.getByTestId('denominator-source-T1'), 'по зарегистрированным');
      await expectText(card.getByTestId('denominator-source-M2'), 'по зарегистрированным');
      expect(await card.getByTestId('denominator-source-T3').count()).toBe(0); // respondents, not a population
      await screenshot(card, 'indicators-before');

      await page.goto(`${world.consoleUrl}#/contingents/create`);
      await page.getByText('Обучающиеся по возрасту на 1 сентября').waitFor();
      await page.getByRole('combobox', { name: 'Учебный год' }).click();
      await page.getByRole('option', { name: period, exact: true }).click();
      await page.locator('input[name="teachers"]').fill('31');
      const counts: [number, number][] = [[7, 25], [8, 24], [9, 23], [10, 22], [12, 20], [14, 18], [15, 17], [17, 15]];
      for (const [age, pupils] of counts) await page.locator(`input[name="byAge.a${age}"]`).fill(String(pupils));
      // 164 pupils, 92 of them 10–19, 32 of them 15–19 — shown as typed.
      await expectText(page.getByTestId('contingent-totals'), 'Всего обучающихся: 164, из них 10–19 лет: 92, 15–19 лет: 32');
      await screenshot(page, 'form');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL(/#\/contingents$/);
      const row = page.locator('tbody tr', { hasText: period });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/164\s+92\s+32\s+31\s+внесён в консоли/);
      await screenshot(page, 'list');

      const { rows } = await world.owner.query(`select teachers, source from school_contingents where tenant_id = $1 and school_year = $2`, [await world.tenantId('mish'), period]);
      expect(rows).toEqual([{ teachers: 31, source: 'console' }]);
      await world.indicatorsSettled();

      await page.goto(world.consoleUrl);
      await expectText(card.getByTestId('denominator-source-T1'), 'по контингенту');
      const t1 = card.locator('tr', { has: page.getByTestId('denominator-source-T1') });
      expect(await t1.innerText()).toMatch(/\/ 92\s*по контингенту/);
      const m2 = card.locator('tr', { has: page.getByTestId('denominator-source-M2') });
      expect(await m2.innerText()).toMatch(/\/ 31\s*по контингенту/);
      await screenshot(card, 'indicators');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('analyst.demo checks the region’s file: the unknown school refused by its line number, nothing written', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.goto(`${world.consoleUrl}#/contingent-import`);
      await page.getByText('Один файл на все школы региона').waitFor();
      const csv = `Код ОО;Наименование ОО;Учебный год;10 лет;15 лет;Педагогические работники\r\nuyut;Уютненская;${period};40;30;25\r\nnope;Нет такой;${period};1;1;1\r\n`;
      await page.getByTestId('contingent-file').setInputFiles({ name: 'Контингент региона.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByRole('button', { name: 'Проверить (пробная загрузка)' }).click();
      const errors = page.getByTestId('contingent-import-errors');
      await expectText(errors, 'Строка 3, «Код ОО»: организация с кодом «nope» не найдена в вашем регионе.');
      expect(await page.getByTestId('contingent-import-lines').innerText()).toMatch(/2\s+МБОУ «Уютненская/);
      expect(await page.getByRole('button', { name: 'Загрузить', exact: true }).isDisabled()).toBe(true);
      await screenshot(page, 'import');
      const { rows } = await world.owner.query(`select count(*)::int as n from school_contingents where tenant_id = $1`, [await world.tenantId('uyut')]);
      expect(rows).toEqual([{ n: 0 }]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}

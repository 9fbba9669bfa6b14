import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ConsoleWorld, schoolYear } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** docs/screenshots/13-report-<name>.png, written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(target: Page | Locator, name: string, fullPage = false): Promise<void> {
  const page = 'mouse' in target ? target : target.page();
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `13-report-${name}-${process.pid}.png`);
  await ('mouse' in target ? target.screenshot({ path: file, fullPage }) : target.screenshot({ path: file }));
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `13-report-${name}.png`));
  }
}

/**
 * Issue 13 item 2 in the browser: curator.mish writes the analytical note on «Отчёт в РНЦ» and
 * submits (the frozen PDF is made and kept with version 1); curator.g40 submits too; analyst.demo
 * sets the region's due date on «Отчёты школ», sees both on review, accepts one and returns the
 * other with a comment; curator.g40 reads the comment on its page.
 */
describe('report submission: the analyst accepts one report and returns another', () => {
  let world: ConsoleWorld;
  const year = schoolYear();

  beforeAll(async () => {
    world = await ConsoleWorld.start();
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  const submitAs = async (username: string, note: string) => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, username);
      await page.goto(`${world.consoleUrl}#/report-submission`);
      await page.getByTestId('submission-status').getByText('Не начат').waitFor();
      await page.getByTestId('submission-note').fill(note);
      await page.getByTestId('submission-submit').click();
      await page.getByTestId('submission-confirm').click();
      await page.getByTestId('submission-status').getByText('На проверке').waitFor();
      // The frozen PDF is rendered by the worker; the page follows its progress until it can be downloaded.
      await page.getByTestId('submission-versions').getByRole('button', { name: 'Скачать PDF' }).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('submission-history').innerText()).toMatch(/Куратор организации\s+Представлен на проверку \(версия 1\)/);
      expect(problems).toEqual([]);
      return { context, page };
    } catch (error) {
      await context.close();
      throw error;
    }
  };

  it('two curators submit; analyst.demo accepts mish and returns g40 with a comment; g40 reads it', async () => {
    const mish = await submitAs('curator.mish', 'Наставничество охватило обучающихся 6–11 классов.\n\nВ следующем году — больше пар «педагог — педагог».');
    await screenshot(mish.page, 'curator', true);
    await mish.context.close();
    const g40 = await submitAs('curator.g40', 'Справка гимназии № 40.');
    await g40.context.close();

    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.goto(`${world.consoleUrl}#/school-report-submissions`);
      const table = page.getByTestId('school-submissions');
      await table.waitFor();
      const dueYear = Number(year.slice(5));
      await page.getByTestId('due-date').fill(`${dueYear}-06-15`);
      await page.getByRole('button', { name: 'Установить срок' }).click();
      await page.getByText(`Действует срок 15.06.${dueYear}`).waitFor();

      const mishRow = page.getByTestId('submission-row-mish');
      const g40Row = page.getByTestId('submission-row-g40');
      await expectText(mishRow, 'На проверке');
      await expectText(g40Row, 'На проверке');
      await expectText(page.getByTestId('submission-count-SUBMITTED'), 'На проверке: 2');
      const notStarted = Number((await page.getByTestId('submission-count-NOT_STARTED').innerText()).replace(/\D+/g, ''));
      expect(notStarted).toBeGreaterThan(0);
      await screenshot(page, 'region');

      await mishRow.getByRole('button', { name: 'Принять' }).click();
      await expectText(mishRow, 'Принят');
      await g40Row.getByRole('button', { name: 'Вернуть' }).click();
      await page.getByTestId('return-confirm').click();
      await page.getByText('Укажите, что нужно доработать').waitFor(); // a return needs a comment
      await page.getByTestId('return-comment').fill('Добавьте итоги по разделу «Формирование базы наставников».');
      await screenshot(page.getByRole('dialog'), 'return');
      await page.getByTestId('return-confirm').click();
      await expectText(g40Row, 'Возвращён');
      await expectText(g40Row, 'Добавьте итоги по разделу «Формирование базы наставников».');
      await screenshot(page, 'region-reviewed');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    const { rows } = await world.owner.query<{ code: string; status: string; version: number }>(
      `select t.code, s.status, s.version from report_submissions s join tenants t on t.id = s.tenant_id where s.school_year = $1 order by t.code`,
      [year],
    );
    expect(rows).toEqual([
      { code: 'g40', status: 'returned', version: 1 },
      { code: 'mish', status: 'accepted', version: 1 },
    ]);
    const files = await world.owner.query<{ n: number }>(`select count(*)::int as n from report_files where kind = 'submission_report' and status = 'done'`);
    expect(files.rows[0].n).toBe(2);

    const curator = await world.newPage();
    try {
      await world.signIn(curator.page, 'curator.g40');
      await curator.page.goto(`${world.consoleUrl}#/report-submission`);
      await expectText(curator.page.getByTestId('submission-returned'), 'Добавьте итоги по разделу «Формирование базы наставников».');
      await curator.page.getByRole('button', { name: 'Представить повторно' }).waitFor();
      expect(await curator.page.getByTestId('submission-history').innerText()).toMatch(/Аналитик региона\s+Возвращён на доработку \(версия 1\)\s+Добавьте итоги/);
      await screenshot(curator.page, 'returned', true);
      expect(curator.problems).toEqual([]);
    } finally {
      await curator.context.close();
    }
  }, 300_000);
});

async function expectText(locator: Locator, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await locator.innerText().catch(() => '')).includes(text);
    if (found) return;
    if (Date.now() > deadline) throw new Error(`expected «${text}» in ${locator}, found «${await locator.innerText().catch(() => '')}»`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

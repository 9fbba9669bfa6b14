import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ConsoleWorld } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** docs/screenshots/journal-<name>.png, written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `journal-${name}-${process.pid}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `journal-${name}.png`));
  }
}

/**
 * Issue 14 item 2 in the browser: curator.mish opens the participants list and a card; the
 * «Журнал доступа» page then shows those reads — who, the operation, the entity, the fields by
 * name — filtered by action, and exports the filtered journal as an XLSX. The region's analyst has
 * no such page.
 */
describe('access journal: the curator sees who read their school’s data', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await ConsoleWorld.start();
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('curator.mish: a list and a card read → both in «Журнал доступа», filtered, exported', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.mish');
      await page.goto(`${world.consoleUrl}#/participants`);
      await page.locator('tbody tr').first().waitFor();
      const [person] = (await world.owner.query(`select id, last_name from participants where tenant_id = $1 order by last_name limit 1`, [await world.tenantId('mish')])).rows;
      await page.goto(`${world.consoleUrl}#/participants/${person.id}/show`);
      await page.locator('main').getByText(person.last_name).first().waitFor();

      await page.goto(`${world.consoleUrl}#/access-journal`);
      const rows = page.locator('tbody tr');
      await rows.filter({ hasText: 'allParticipants' }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: /^(?=.*Participant\b)(?!.*allParticipants)/ }).first().waitFor();
      const listRow = rows.filter({ hasText: 'allParticipants' }).first();
      const text = await listRow.innerText();
      expect(text).toMatch(/curator\.mish/);
      expect(text).toMatch(/чтение/);
      expect(text).toMatch(/Участник/);
      // Fields by their Russian names (personal-data.ts titles), never property names.
      expect(text).toMatch(/Фамилия, Имя, Отчество/);
      expect(text).not.toMatch(/lastName|firstName/);
      await screenshot(page, 'list');

      // Filter: reads only.
      await page.getByRole('combobox', { name: 'Действие' }).click();
      await page.getByRole('option', { name: 'чтение' }).click();
      await page.waitForTimeout(800);
      const actions = await page.locator('tbody tr td:nth-child(4)').allInnerTexts();
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['чтение']));

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Выгрузить в XLSX' }).click();
      const file = await (await download).path();
      expect(readFileSync(file!).subarray(0, 2).toString()).toBe('PK');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('the platform admin sees every school’s journal; the region analyst has no page', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'admin');
      await page.goto(`${world.consoleUrl}#/access-journal`);
      await page.locator('tbody tr').filter({ hasText: 'curator.mish' }).first().waitFor({ timeout: 30_000 });
      await screenshot(page, 'admin');
    } finally {
      await context.close();
    }
    const analyst = await world.newPage();
    try {
      await world.signIn(analyst.page, 'analyst.demo');
      await analyst.page.goto(`${world.consoleUrl}#/access-journal`);
      await analyst.page.getByText('Нет доступа').first().waitFor();
    } finally {
      await analyst.context.close();
    }
  }, 180_000);
});

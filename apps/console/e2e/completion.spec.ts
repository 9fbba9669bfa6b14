import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ConsoleWorld } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Taken every run; written to docs/screenshots/13-completion-<name>.png only with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `13-completion-${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `13-completion-${name}.png`));
  }
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const dir = mkdtempSync(join(tmpdir(), 'completion-download-'));
  try {
    const path = join(dir, 'file');
    await event.saveAs(path);
    return { name: event.suggestedFilename(), bytes: readFileSync(path) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'completion-pdf-'));
  try {
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Picks `option` of a react-admin SelectInput (a MUI select) by its label. */
async function select(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const COMPETITION = 'Наставник года — региональный этап';
const CASE = 'Клуб «Точка развития»: ученик – ученик';

/**
 * The completion stage in the browser (issue 13 item 6, docs/adr/0036): the region announces a
 * competition; a school nominates a mentor, downloads the letter of thanks and enters the
 * competition; the region records the result; the school writes a case and submits it, the region
 * publishes it, another school of the region reads it — and another region's analyst does not.
 */
describe('console: the completion stage — nominations, competition, bank of practices', () => {
  let world: ConsoleWorld;
  let mentor: { lastName: string; fullName: string };

  beforeAll(async () => {
    world = await ConsoleWorld.start();
    const school = await world.tenantId('mish');
    const { rows } = await world.owner.query<{ last_name: string; full_name: string }>(
      `select p.last_name, concat_ws(' ', p.last_name, p.first_name, p.middle_name) as full_name
         from participants p
        where p.tenant_id = $1 and p.kind = 'teacher'
          and exists (select 1 from participant_base_entries e where e.participant_id = p.id and e.base = 'mentor')
          and exists (select 1 from participant_eligibility e where e.participant_id = p.id and e.purpose = 'reports')
        order by p.last_name, p.id limit 1`,
      [school],
    );
    expect(rows).toHaveLength(1);
    mentor = { lastName: rows[0].last_name, fullName: rows[0].full_name };
  }, 600_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('the analyst announces a competition', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('menuitem', { name: 'Конкурс наставников' }).click();
      await page.getByRole('link', { name: 'Создать' }).click();
      await page.getByLabel('Название').fill(COMPETITION);
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Школы ещё не подали заявок.').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the curator nominates a mentor, downloads the letter of thanks and enters the competition', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.mish');
      await page.getByRole('menuitem', { name: 'Номинации наставников' }).click();
      await page.getByRole('link', { name: 'Создать' }).click();
      const field = page.getByRole('combobox', { name: 'Наставник', exact: true });
      await field.click();
      await field.fill(mentor.lastName);
      await page.getByRole('option', { name: mentor.fullName }).first().click();
      await select(page, 'Номинация', 'Наставник года');
      await page.getByLabel('Обоснование').fill('Подготовила двух молодых педагогов к первой квалификационной категории');
      await page.getByRole('button', { name: 'Сохранить' }).click();

      const row = page.getByRole('row').filter({ hasText: mentor.fullName });
      await row.waitFor();
      const file = await download(page, () => row.getByRole('button', { name: 'Письмо (PDF)' }).click());
      expect(file.name).toMatch(/^Благодарственное письмо — .*\.pdf$/);
      const text = pdfText(file.bytes);
      expect(text).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
      expect(text).toContain(mentor.fullName);
      expect(text).toContain('«Наставник года»');

      await row.getByRole('button', { name: 'На конкурс' }).click();
      await select(page, 'Конкурс', COMPETITION);
      await page.getByRole('button', { name: 'Подать заявку' }).click();
      await row.getByText('Заявка подана: итог не подведён').waitFor();
      await screenshot(page, 'nominations');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("the analyst reads the school's entry and records the result", async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('menuitem', { name: 'Конкурс наставников' }).click();
      await page.getByText(COMPETITION).click();
      const entry = page.getByRole('row').filter({ hasText: mentor.fullName });
      await entry.waitFor();
      await entry.getByRole('button', { name: 'Победитель' }).click();
      await page.getByText('Итог: победитель').waitFor();
      await screenshot(page, 'competition');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a case: the curator writes it and sends it to moderation', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.mish');
      await page.getByRole('menuitem', { name: 'Банк практик' }).click();
      await page.getByRole('link', { name: 'Создать' }).click();
      await page.getByLabel('Название кейса').fill(CASE);
      const form = page.getByRole('combobox', { name: 'Форма наставничества', exact: true });
      await form.click();
      await page.getByRole('option', { name: /Ученик – ученик/i }).first().click();
      await page.getByLabel('Что было сделано').fill('Клуб по интересам: старшеклассники ведут занятия для пятиклассников раз в неделю, 12 пар.');
      await page.getByLabel('Результаты').fill('Доля пятиклассников с неудовлетворительными оценками снизилась с 14 до 6 %.');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByRole('button', { name: 'Отправить на модерацию' }).click();
      await page.getByText('На модерации').first().waitFor();
      await page.getByRole('menuitem', { name: 'Банк практик' }).click();
      await page.getByRole('row').filter({ hasText: CASE }).waitFor();
      await screenshot(page, 'practice-bank');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the analyst publishes it', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('menuitem', { name: 'Модерация практик' }).click();
      await page.getByRole('row').filter({ hasText: CASE }).click();
      await page.getByText('Клуб по интересам').waitFor();
      await screenshot(page, 'moderation');
      await page.getByRole('button', { name: 'Опубликовать' }).click();
      await page.getByText('Опубликован', { exact: true }).first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('another school of the region reads the published case; another region does not see it', async () => {
    const other = await world.newPage();
    const north = await world.newPage();
    try {
      const o = other.page;
      await world.signIn(o, 'curator.sh51');
      await o.getByRole('menuitem', { name: 'Банк практик' }).click();
      const published = o.getByRole('row').filter({ hasText: CASE });
      await published.waitFor();
      await published.click();
      await o.getByText('Доля пятиклассников с неудовлетворительными оценками снизилась').waitFor();
      await o.getByText('МБОУ «Мишкинская СОШ»').first().waitFor();
      expect(await o.getByRole('button', { name: 'Отправить на модерацию' }).count()).toBe(0);
      expect(await o.getByRole('link', { name: 'Редактировать' }).count()).toBe(0);
      await screenshot(o, 'practice-read');

      const n = north.page;
      await world.signIn(n, 'analyst.north');
      await n.getByRole('menuitem', { name: 'Модерация практик' }).click();
      await select(n, 'Состояние', 'Опубликован');
      await n.waitForLoadState('networkidle');
      await n.waitForTimeout(500);
      expect(await n.getByRole('row').filter({ hasText: CASE }).count()).toBe(0);

      for (const p of [other, north]) expect(p.problems).toEqual([]);
    } finally {
      for (const p of [other, north]) await p.context.close();
    }
  }, 120_000);
});

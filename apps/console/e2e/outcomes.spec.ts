import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { ConsoleWorld, schoolYear } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** docs/screenshots/13-<name>.png, written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(target: Locator, name: string): Promise<void> {
  const page = target.page();
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `13-${name}-${process.pid}.png`);
  await target.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `13-${name}.png`));
  }
}

/**
 * Issue 13 item 5 in the browser: curator.mish opens «Моя организация» and, under the indicators,
 * the section «Результаты: до и после программы» — the response to the satisfaction questionnaire
 * beside T3/T4, and the entry and final questionnaires compared over the persons who answered
 * both, as a before/after plot and a table whose pair counts and means are the database's. The
 * region's analyst opens «Результаты до/после»: the schools' sums, no means below 3 pairs.
 */
describe('outcomes: the curator sees before and after', () => {
  let world: ConsoleWorld;
  const period = schoolYear();

  beforeAll(async () => {
    world = await ConsoleWorld.start();
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('curator.mish: the plot of means before and after, the pairs and means as in the database, the response beside T3', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('mish');
      // The demo's growth questionnaires of the year (entered without a programme): the persons with both, per statement.
      const { rows } = await world.owner.query<{ pairs: number; before: string; after: string }>(
        `with a as (
           select r.participant_id, r.phase, a.value_number as value,
                  row_number() over (partition by r.participant_id, r.phase order by case when r.phase = 'pre' then r.submitted_at end, r.submitted_at desc) as n
             from questionnaire_responses r join questionnaire_answers a on a.response_id = r.id join questionnaire_questions q on q.id = a.question_id
            where r.tenant_id = $1 and r.academic_year = $2 and r.programme_id is null and r.respondent_role = 'mentee' and q.hint = 'Мотивация к учёбе')
         select count(*)::int as pairs, round(avg(b.value), 2) as before, round(avg(f.value), 2) as after
           from a b join a f on f.participant_id = b.participant_id and f.phase = 'post' and f.n = 1 where b.phase = 'pre' and b.n = 1`,
        [school, period],
      );
      expect(rows[0].pairs).toBeGreaterThan(0);
      const { rows: [satisfaction] } = await world.owner.query<{ n: number }>(
        `select count(distinct participant_id)::int as n from questionnaire_responses where tenant_id = $1 and academic_year = $2 and respondent_role = 'mentee' and satisfied is not null`,
        [school, period],
      );

      await world.signIn(page, 'curator.mish');
      const card = page.getByTestId('school-outcomes');
      await card.scrollIntoViewIfNeeded();
      const mentees = card.getByTestId('outcomes-mentee');
      await mentees.waitFor({ timeout: 30_000 });
      // The plot: a «До» and a «После» bar for each of the six statements.
      await mentees.locator('.recharts-bar-rectangle').first().waitFor();
      expect(await mentees.locator('.recharts-bar-rectangle').count()).toBe(12);
      expect(await mentees.locator('.recharts-legend-item').allInnerTexts()).toEqual(['До', 'После']);
      const row = mentees.locator('tr', { hasText: 'Мотивация к учёбе' });
      const ru = (value: string) => Number(value).toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(`Мотивация к учёбе ${rows[0].pairs} ${ru(rows[0].before)} ${ru(rows[0].after)}`);
      expect((await card.getByTestId('survey-response').locator('tr', { hasText: 'T3' }).innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`${satisfaction.n} / \\d+`));
      await screenshot(card, 'outcomes');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('analyst.demo: «Результаты до/после» — the region’s pairs summed over its schools, «мало ответов» below 3 pairs', async () => {
    // As the worker's nightly job leaves them: the world's start ran `cli indicators --region demo`, which stores the region's outcome snapshots too.
    const { rows: [stored] } = await world.owner.query<{ n: number }>(
      `select count(*)::int as n from indicator_snapshots s join tenants t on t.id = s.tenant_id
        where s.period = $1 and t.path <@ (select path from tenants where code = 'demo') and s.indicator_code like 'OUT.%'`,
      [period],
    );
    expect(stored.n).toBeGreaterThan(0);
    const { rows: [motivation] } = await world.owner.query<{ pairs: string }>(
      `select sum(s.numerator) as pairs from indicator_snapshots s join tenants t on t.id = s.tenant_id
        where s.period = $1 and t.path <@ (select path from tenants where code = 'demo') and s.indicator_code like 'OUT.%.N'
          and split_part(s.indicator_code, '.', 2) = (select upper(substr(md5('mentee|rating:' || lower(q.text)), 1, 12)) from questionnaire_questions q
                                                     join questionnaire_templates t on t.id = q.template_id
                                                    where t.tenant_id is null and t.code = 'mentee-student-growth-post' and q.hint = 'Мотивация к учёбе')`,
      [period],
    );
    expect(Number(motivation.pairs)).toBeGreaterThanOrEqual(3);

    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('menuitem', { name: 'Результаты до/после' }).click();
      const card = page.getByTestId('region-outcomes');
      const mentees = card.getByTestId('region-outcomes-mentee');
      await mentees.waitFor({ timeout: 30_000 });
      expect((await mentees.locator('tr', { hasText: 'Мотивация к учёбе' }).innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`Мотивация к учёбе \\d+ ${motivation.pairs} \\d`));
      await mentees.locator('.recharts-bar-rectangle').first().waitFor();
      expect(await card.innerText()).toContain('средние по группе меньше 3 пар не показываются');
      await screenshot(card, 'region-outcomes');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ConsoleWorld } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** docs/screenshots/personal-data-<name>.png, written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const page = 'mouse' in target ? target : target.page();
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `personal-data-${name}-${process.pid}.png`);
  await target.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `personal-data-${name}.png`));
  }
}

/**
 * Issue 14 in the browser: on a participant's card curator.mish downloads everything the platform
 * holds about the person (PDF for a parent, JSON), asks «Удалить персональные данные», sees the
 * erasure scheduled with its undo window and cancels it.
 */
describe('personal data on the participant card: subject access and erasure with its undo window', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await ConsoleWorld.start();
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('curator.mish: PDF and JSON of the person, «Удалить персональные данные» → scheduled → «Отменить удаление»', async () => {
    const school = await world.tenantId('mish');
    const { rows } = await world.owner.query<{ id: string; last_name: string; first_name: string }>(
      `select p.id, p.last_name, p.first_name from participants p where p.tenant_id = $1 and p.kind = 'student' and exists (select 1 from pair_mentees m where m.mentee_id = p.id) order by p.last_name, p.first_name limit 1`,
      [school],
    );
    const person = rows[0];
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.mish');
      await page.goto(`${world.consoleUrl}#/participants/${person.id}/show`);
      const actions = page.getByTestId('personal-data-actions');
      await actions.waitFor();

      const [pdf] = await Promise.all([page.waitForEvent('download'), actions.getByTestId('subject-access-pdf').click()]);
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
      expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const [json] = await Promise.all([page.waitForEvent('download'), actions.getByTestId('subject-access-json').click()]);
      const data = JSON.parse(readFileSync(await json.path(), 'utf8')) as { participantId: string; fullName: string; sections: { entity: string; rows: unknown[] }[] };
      expect(data.participantId).toBe(person.id);
      expect(data.fullName).toContain(person.last_name);
      expect(data.sections.find((s) => s.entity === 'MentoringPair')?.rows.length).toBeGreaterThan(0);

      await actions.getByTestId('request-erasure').click();
      await page.getByText('Удалить персональные данные участника?').waitFor();
      await screenshot(page, 'confirm');
      await page.getByTestId('confirm-erasure').click();
      await actions.getByText('Удаление персональных данных запланировано').waitFor();
      await screenshot(page, 'scheduled');
      const scheduled = await world.owner.query(`select status, reason from participant_erasures where participant_id = $1`, [person.id]);
      expect(scheduled.rows).toEqual([{ status: 'scheduled', reason: 'curator_request' }]);

      await actions.getByTestId('cancel-erasure').click();
      await actions.getByTestId('request-erasure').waitFor();
      const cancelled = await world.owner.query(`select status from participant_erasures where participant_id = $1`, [person.id]);
      expect(cancelled.rows).toEqual([{ status: 'cancelled' }]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

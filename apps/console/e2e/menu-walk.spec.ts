import type { Page } from 'playwright-core';
import { ConsoleWorld } from './console-world';

/**
 * Latin words a Russian reader meets on purpose: file formats (PDF, XLSX, CSV, JSON) and the programs that open them,
 * the address format, the sign-in system's name.
 */
const ALLOWED = new Set(['PDF', 'XLSX', 'XLS', 'CSV', 'JSON', 'UTF-8', 'Excel', 'EXCEL', 'e-mail', 'E-mail', 'Keycloak']);
/** Codes shown beside their names: an indicator's T1, N1, E9, a federal form's MENTORING-R145 — capitals ending in digits. */
const CODE = /^[A-Z][A-Z-]*\d+$/;

/** Every Latin word of two characters or more («Format», «MENTORS», «mish», a UUID), with the line it stands in. */
function englishWords(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(/[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]/g)) {
      if (!ALLOWED.has(match[0]) && !CODE.test(match[0])) found.push(`«${match[0]}» in «${line.trim().slice(0, 120)}»`);
    }
  }
  return found;
}

/** Waits until react-admin has nothing loading (no progress bar, no skeleton) and the page has settled. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('[role="progressbar"]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
}

type Visit = { where: string; words: string[] };

/**
 * Pages whose rows show records verbatim, checked for their chrome only: the access journal names
 * entities and fields in Russian, but shows each row's technical call as recorded (allParticipants,
 * Participant.consents) and the logins of the staff.
 */
const VERBATIM_ROWS = ['#/access-journal'];

/** What a page shows, checked: the URL (hash) it was read at and the English words found. */
async function check(page: Page, visits: Visit[]): Promise<void> {
  await settled(page);
  const where = new URL(page.url()).hash || '#/';
  const verbatim = VERBATIM_ROWS.some((prefix) => where.startsWith(prefix));
  const text = await page.evaluate((rowsToo) => {
    if (rowsToo) return document.body.innerText;
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('table tbody, noscript, script, style').forEach((node) => node.remove());
    return clone.innerText;
  }, !verbatim);
  visits.push({ where, words: englishWords(text) });
}

/**
 * Every page of a role's menu: the home page, each list, the first record's page from each list
 * (a click on its first row) and the create form where the role may create. Returns every page
 * visited with the English words it showed.
 */
async function walk(world: ConsoleWorld, username: string): Promise<Visit[]> {
  const { context, page, problems } = await world.newPage();
  const visits: Visit[] = [];
  try {
    await world.signIn(page, username);
    await check(page, visits);
    const items = page.locator('.RaMenu-open [role="menuitem"], [role="menuitem"]');
    const labels = (await items.allInnerTexts()).map((label) => label.trim()).filter((label) => label !== '');
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) {
      // Opened by the menu item's own link: on the access journal's page its wide table lies over
      // the lower menu items and takes their clicks (noted on issue 14), which is not this walk's subject.
      const href = (await page.getByRole('menuitem', { name: label, exact: true }).getAttribute('href')) ?? '';
      await page.goto(new URL(href, page.url()).toString());
      await check(page, visits);
      // No list trades its page for react-admin's empty page once loaded: «Создать» would move
      // from the toolbar under a pointer already on its way to it (common/List.tsx).
      expect({ where: label, emptyPage: await page.locator('.RaEmpty-message').count() }).toEqual({ where: label, emptyPage: 0 });
      const listUrl = page.url();
      const create = page.getByRole('link', { name: /^(Создать|Новая|Новый|Новое)/ }).first();
      if (await create.isVisible().catch(() => false)) {
        await create.click();
        await check(page, visits);
        await page.goto(listUrl);
        await settled(page);
      }
      const firstRow = page.locator('table tbody tr.RaDataTable-row, table tbody tr.MuiTableRow-hover').first();
      if (await firstRow.isVisible().catch(() => false)) {
        await firstRow.locator('td').last().click();
        await settled(page);
        if (page.url() !== listUrl) {
          await check(page, visits);
          // Each tab of a record's page (a programme's pairs, suggestions, meetings, scorecard).
          const tabs = page.getByRole('tab');
          const tabCount = await tabs.count();
          for (let i = 1; i < tabCount; i += 1) {
            await tabs.nth(i).click();
            await check(page, visits);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    return visits;
  } finally {
    await context.close();
  }
}

describe('console: no English word on any page the curator, the analyst or the ministry official opens (issue 12)', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await ConsoleWorld.start();
  }, 600_000); // the whole product starts; on a loaded machine that takes minutes

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('the allow-list check itself: finds «Format», «MENTORS», «mish» and lets PDF, T1, E9 and e-mail pass', () => {
    expect(englishWords('Format\nMENTORS 12\nКод mish\nПара a1151310-aabf-4dd7-8cd2-f90f5aa8a556\nsch51')).toHaveLength(5);
    expect(englishWords('Отчёт школы (PDF), T1, N1, E9, D04 — e-mail; MENTORING-R145; Excel (XLSX)')).toEqual([]);
  });

  it.each(['curator.mish', 'analyst.demo', 'minister'])('%s: every page of the menu, a record’s page and a create form are in Russian', async (username) => {
    const visits = await walk(world, username);
    expect(visits.length).toBeGreaterThan(3);
    const english = visits.filter((visit) => visit.words.length > 0).map((visit) => `${visit.where}: ${visit.words.join('; ')}`);
    expect(english).toEqual([]);
  }, 240_000);
});

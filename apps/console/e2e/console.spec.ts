import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { ConsoleWorld, schoolYear } from './console-world';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_HEADINGS = ['Фамилия', 'Имя', 'Отчество', 'Категория', 'Класс', 'База', 'Согласие: дата', 'Согласие: подписал', 'Согласие: представитель', 'Согласие: кем приходится'];

/** A workbook as a school keeps its list: the headings in the first row, one person a row. */
async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Участники');
  sheet.addRow(IMPORT_HEADINGS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers every question of a rendered questionnaire: the highest rating, the first option, a sentence. */
async function answerAll(page: Page): Promise<void> {
  const questions = page.getByTestId('question');
  await questions.first().waitFor();
  const count = await questions.count();
  for (let i = 0; i < count; i += 1) {
    const question = questions.nth(i);
    const radios = question.locator('input[type="radio"]:not([value=""])');
    const boxes = question.locator('input[type="checkbox"]');
    const text = question.locator('textarea:not([readonly])');
    // MUI keeps the inputs visually hidden; a click event on the input is what a click on its label sends.
    if ((await radios.count()) > 0) await radios.last().dispatchEvent('click');
    else if ((await boxes.count()) > 0) await boxes.first().dispatchEvent('click');
    else if ((await text.count()) > 0) await text.first().fill('Всё понравилось, хочу продолжить.');
  }
}

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/**
 * Each role's main screen, 1280×800. Always taken (a broken layout fails loudly in the log);
 * written to docs/screenshots/console-<role>.png only with UPDATE_SCREENSHOTS=1, so an ordinary
 * test run leaves the tree as it was.
 */
async function screenshot(page: Page, name: string, { settle = true } = {}): Promise<void> {
  await page.mouse.move(1, 799); // no hover effects or tooltips in the picture
  if (settle) await page.waitForTimeout(300); // not for a passing state such as a progress bar
  const file = join(tmpdir(), `console-${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `console-${name}.png`));
  }
}

/** A date as the API's clock sees it, `days` from today (UTC here, which is never ahead of the browser's Moscow time). */
function isoDay(days = 0): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** 2026-09-01 → 01.09.2026, as Russian spreadsheets and the console print dates. */
function ruDay(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** Clicks something that makes the page download a file; returns the file as the browser saved it. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; path: string; dispose: () => void }> {
  const [event] = await Promise.all([page.waitForEvent('download'), click()]);
  const dir = mkdtempSync(join(tmpdir(), 'console-download-'));
  const path = join(dir, 'file');
  await event.saveAs(path);
  return { name: event.suggestedFilename(), bytes: readFileSync(path), path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One organisation's row of the analyst's league table: «числитель / знаменатель» and the value as shown. */
async function leagueRow(page: Page, school: string): Promise<{ numerator: number; denominator: number; value: string }> {
  const row = page.getByTestId('league-table').locator('tbody tr', { hasText: school });
  await row.waitFor();
  const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
  const [numerator, denominator] = cells[3].split('/').map((part) => Number(part.trim()));
  return { numerator, denominator, value: cells[4] };
}

/** Opens a drop-down (MUI select) and picks an option. */
async function choose(page: Page, field: Locator, name: string | RegExp, exact = true): Promise<void> {
  await field.click();
  await page.getByRole('option', { name, exact: typeof name === 'string' ? exact : undefined }).click();
}

/** A participant's entry in a pick list: the full name, then the class or the position that tells namesakes apart. */
function optionName(fullName: string): RegExp {
  return new RegExp(`^${fullName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, .+)?$`);
}

async function bodyText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

describe('console in a real browser (Chromium, development identity)', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await ConsoleWorld.start();
  }, 300_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('the login page lists the demo users in Russian', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await page.goto(world.consoleUrl);
      await page.waitForURL(/#\/login$/);
      await page.getByRole('heading', { name: 'Вход в платформу «Наставник»' }).waitFor();
      await page.locator('[data-username="curator.sh51"]').waitFor();
      const text = await bodyText(page);
      expect(text).toContain('Наталья Орлова');
      expect(text).toContain('Администратор платформы');
      expect(text).toContain('Режим разработки');
      await screenshot(page, 'login');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the platform admin sees the tree in Russian and creates a municipality', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'admin');
      await page.getByRole('heading', { name: 'Структура платформы', level: 1 }).waitFor();
      await page.getByRole('menuitem', { name: 'Регионы и организации' }).click();
      await page.waitForURL(/#\/tenants/);
      await page.getByText('МАОУ «Средняя школа № 51»').waitFor();
      const table = await page.locator('table').first().innerText();
      for (const expected of ['Краткое наименование', 'Уровень', 'Тип организации', 'Входит в', 'Демо-регион', 'Северный регион', 'Озёрный пед. колледж', 'Муниципалитет', 'Гимназия']) {
        expect(table).toContain(expected);
      }
      await screenshot(page, 'platform-admin');

      await page.getByRole('link', { name: 'Создать' }).click();
      await page.waitForURL(/#\/tenants\/create/);
      // The form's select, not the list's «Уровень» sort button, which may still be on screen for a moment.
      await choose(page, page.getByRole('combobox', { name: 'Уровень' }), 'Муниципалитет');
      await page.getByLabel('Входит в (регион)').fill('Демо');
      await page.getByRole('option', { name: 'Демо-регион' }).click();
      await page.getByLabel('Краткое наименование').fill('Приморский район');
      await page.getByLabel('Полное наименование').fill('Приморский муниципальный район');
      await page.getByLabel('Код').fill('demo-primorsky');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL(/#\/tenants\/[0-9a-f-]{36}\/show$/);
      await page.getByText('Приморский муниципальный район').waitFor();

      const { rows } = await world.owner.query<{ kind: string; parent: string; path: string }>(
        `select t.kind, p.code as parent, t.path::text as path from tenants t join tenants p on p.id = t.parent_id where t.code = 'demo-primorsky'`,
      );
      expect(rows).toEqual([{ kind: 'municipality', parent: 'demo', path: 'demo.demo_primorsky' }]);

      // The API's Russian message reaches the person: the code is taken now.
      await page.goto(`${world.consoleUrl}#/tenants/create?source=${encodeURIComponent(JSON.stringify({ kind: 'MUNICIPALITY' }))}`);
      await page.getByLabel('Входит в (регион)').fill('Демо');
      await page.getByRole('option', { name: 'Демо-регион' }).click();
      await page.getByLabel('Краткое наименование').fill('Ещё один район');
      await page.getByLabel('Полное наименование').fill('Ещё один муниципальный район');
      await page.getByLabel('Код').fill('demo-primorsky');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Код «demo-primorsky» уже занят.').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a curator sees only their own organisation', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.sh51');
      const card = page.getByTestId('my-organisation');
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain('МАОУ «Средняя школа № 51»');
      expect(text).toContain('Муниципальное автономное общеобразовательное учреждение «Средняя школа № 51»');
      expect(text).toContain('Общеобразовательная школа');
      const menu = await page.getByRole('menu').first().innerText();
      expect(menu).toContain('Моя организация');
      expect(menu).not.toContain('Регионы и организации');
      await screenshot(page, 'curator');

      // No list of tenants for a curator: «Нет доступа», and nothing of the tree is fetched.
      await page.goto(`${world.consoleUrl}#/tenants`);
      await page.getByTestId('access-denied').filter({ hasText: 'Раздел недоступен для роли «Куратор программы наставничества»' }).waitFor();
      const page2 = await bodyText(page);
      for (const other of ['гимназия № 40', 'Мишкинская', 'Уютненская', 'СОШ № 31', 'Озёрн']) expect(page2).not.toContain(other);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("a curator cannot open another school's record by URL", async () => {
    const { context, page, problems } = await world.newPage();
    const graphqlData: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/graphql')) graphqlData.push(await response.text().catch(() => ''));
    });
    try {
      await world.signIn(page, 'curator.sh51');
      const otherId = await world.tenantId('g40');
      await page.goto(`${world.consoleUrl}#/tenants/${otherId}/show`);
      await page.getByRole('alert').filter({ hasText: 'не найдена или недоступна' }).waitFor();
      const text = await bodyText(page);
      expect(text).toContain('Запись недоступна');
      expect(text).not.toContain('гимназия № 40');
      expect(text).not.toContain('g40');
      // Nothing of that school crossed the wire either.
      expect(graphqlData.join('\n')).not.toContain('гимназия № 40');

      // Editing is refused for a curator, own organisation included, before anything is asked of the API.
      const ownId = await world.tenantId('sch51');
      await page.goto(`${world.consoleUrl}#/tenants/${ownId}/edit`);
      await page.getByTestId('access-denied').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("a region analyst sees their region's organisations and the chart by municipality", async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('heading', { name: 'Демо-регион', level: 1 }).waitFor();
      const chart = page.getByTestId('organisations-chart');
      await chart.locator('.recharts-bar-rectangle').first().waitFor();
      const bars = await chart.locator('.recharts-bar-rectangle').count();
      // Five demo municipalities plus the one the admin spec created (zero organisations, no bar drawn).
      expect(bars).toBeGreaterThanOrEqual(5);
      const axis = (await chart.textContent()) ?? '';
      for (const municipality of ['г. Краснодар', 'Сакский район', 'ГО Демонстрационный', 'Мишкинский МО', 'Василеостровский район']) {
        expect(axis).toContain(municipality);
      }
      await page.locator('table').last().getByText('ГБОУ СОШ № 31').waitFor(); // the organisations list below the chart
      const text = await bodyText(page);
      for (const school of ['МАОУ «Средняя школа № 51»', 'МАОУ гимназия № 40', 'МБОУ «Мишкинская СОШ»', 'МБОУ «Уютненская СШ-гимназия»', 'ГБОУ СОШ № 31']) {
        expect(text).toContain(school);
      }
      // The other region stays out of sight.
      expect(text).not.toContain('Северный регион');
      expect(text).not.toContain('Озёрн');
      await screenshot(page, 'region-analyst');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a ministry official gets a read-only view of every region', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'minister');
      await page.getByRole('heading', { name: 'Все регионы', level: 1 }).waitFor();
      const chart = page.getByTestId('organisations-chart');
      await chart.locator('.recharts-bar-rectangle').first().waitFor();
      const axis = (await chart.textContent()) ?? '';
      expect(axis).toContain('Демо-регион');
      expect(axis).toContain('Северный регион');
      await screenshot(page, 'ministry-official');

      await page.getByRole('menuitem', { name: 'Регионы и организации' }).click();
      await page.getByText('Озёрная СШ № 1').waitFor();
      expect(await page.getByRole('link', { name: 'Создать' }).count()).toBe(0);
      await page.getByText('Озёрная СШ № 1').click();
      await page.waitForURL(/#\/tenants\/[0-9a-f-]{36}\/show$/);
      await page.getByText('МБОУ «Озёрная средняя школа № 1»').waitFor();
      expect(await page.getByRole('link', { name: 'Редактировать' }).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the platform admin edits a node, and a refused delete shows the API reason', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const { rows } = await world.owner.query<{ id: string }>(
        `insert into tenants (kind, code, parent_id, path, full_name, short_name)
         select 'municipality', 'demo-e2e-edit', id, 'demo.demo_e2e_edit', 'Район для правки', 'Район для правки' from tenants where code = 'demo'
         returning id`,
      );
      const id = rows[0].id;
      await world.signIn(page, 'admin');
      await page.goto(`${world.consoleUrl}#/tenants/${id}`);
      await page.getByLabel('Краткое наименование').fill('Заречный район');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL(new RegExp(`#/tenants/${id}/show$`));
      await page.getByText('Заречный район').first().waitFor();
      const saved = await world.owner.query<{ short_name: string; full_name: string; parent: string }>(
        `select t.short_name, t.full_name, p.code as parent from tenants t join tenants p on p.id = t.parent_id where t.id = $1`,
        [id],
      );
      expect(saved.rows).toEqual([{ short_name: 'Заречный район', full_name: 'Район для правки', parent: 'demo' }]);

      // A municipality with a school under it cannot go: the API's CONFLICT message is shown.
      const krasnodar = await world.tenantId('demo-krasnodar');
      await page.goto(`${world.consoleUrl}#/tenants/${krasnodar}`);
      await page.getByRole('button', { name: 'Удалить' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Подтвердить' }).click();
      await page.getByText('Нельзя удалить «г. Краснодар»: у него есть подчинённые узлы (1).').waitFor();
      expect((await world.owner.query('select 1 from tenants where id = $1', [krasnodar])).rowCount).toBe(1);

      // An empty one can.
      await page.goto(`${world.consoleUrl}#/tenants/${id}`);
      await page.getByRole('button', { name: 'Удалить' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Подтвердить' }).click();
      await page.waitForURL(/#\/tenants$/);
      expect((await world.owner.query('select 1 from tenants where id = $1', [id])).rowCount).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('in Keycloak mode signs in by the authorization code flow with PKCE (a stand-in for Keycloak)', async () => {
    const { context, page, problems } = await world.newPage();
    const accessToken = await world.devToken('curator.uyut');
    const keycloak = 'http://localhost:8080/realms/mentoring/protocol/openid-connect';
    let authorize: URL | undefined;
    let tokenForm: URLSearchParams | undefined;
    try {
      // The API answers 404 on the development routes when it runs with AUTH_MODE=keycloak.
      await context.route('**/auth/dev/users', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"code":"NOT_FOUND"}' }));
      // Keycloak's login page: the person signs in, Keycloak redirects back with a code.
      await context.route(
        (url) => url.href.startsWith(`${keycloak}/auth`),
        (route) => {
          authorize = new URL(route.request().url());
          const back = new URL(authorize.searchParams.get('redirect_uri') ?? '');
          back.searchParams.set('state', authorize.searchParams.get('state') ?? '');
          back.searchParams.set('session_state', 'e2e');
          back.searchParams.set('code', 'e2e-code');
          return route.fulfill({ status: 302, headers: { location: back.toString() } });
        },
      );
      // The code is exchanged for tokens (here: a token the API accepts, minted by its dev identity).
      await context.route(
        (url) => url.href === `${keycloak}/token`,
        (route) => {
          tokenForm = new URLSearchParams(route.request().postData() ?? '');
          return route.fulfill({
            status: 200,
            contentType: 'application/json',
            // keycloak-js sends cookies along (credentials: 'include'), as Keycloak's CORS allows for its web origins.
            headers: { 'access-control-allow-origin': new URL(world.consoleUrl).origin, 'access-control-allow-credentials': 'true' },
            body: JSON.stringify({ access_token: accessToken, refresh_token: accessToken, expires_in: 28800, refresh_expires_in: 28800, token_type: 'Bearer' }),
          });
        },
      );
      await page.goto(world.consoleUrl);
      const card = page.getByTestId('my-organisation');
      await card.waitFor();
      expect(await card.innerText()).toContain('МБОУ «Уютненская СШ-гимназия»');
      expect(authorize?.searchParams.get('client_id')).toBe('mentoring-console');
      expect(authorize?.searchParams.get('response_type')).toBe('code');
      expect(authorize?.searchParams.get('response_mode')).toBe('query');
      expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize?.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize?.searchParams.get('redirect_uri')).toBe(world.consoleUrl);
      expect(tokenForm?.get('grant_type')).toBe('authorization_code');
      expect(tokenForm?.get('code')).toBe('e2e-code');
      expect(tokenForm?.get('client_id')).toBe('mentoring-console');
      expect(tokenForm?.get('code_verifier')?.length).toBeGreaterThanOrEqual(43);
      // The callback's code and state are gone from the address bar.
      expect(page.url()).not.toContain('code=');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('signing out returns to the login page and forgets the token', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.north');
      await page.getByRole('heading', { name: 'Северный регион', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Профиль' }).click();
      await page.getByRole('menuitem', { name: 'Выйти' }).click();
      await page.locator('[data-username="analyst.north"]').waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('nastavnik.accessToken'))).toBeNull();
      // A bookmarked page now leads to the login page.
      await page.goto(`${world.consoleUrl}#/tenants`);
      await page.locator('[data-username="analyst.north"]').waitFor();
      expect(page.url()).toMatch(/#\/login$/);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a curator imports participants from an Excel file: a dry run with reasons, then «Загрузить»', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('mish');
      await world.signIn(page, 'curator.mish');
      await page.getByRole('menuitem', { name: 'Участники' }).click();
      await page.getByRole('link', { name: 'Импорт из Excel' }).click();
      await page.getByRole('heading', { name: 'Импорт участников из Excel или CSV', level: 1 }).waitFor();

      const people: string[][] = [
        ['Импортова', 'Анна', 'Сергеевна', 'педагог', '', 'наставник', '01.09.2026', 'сам', '', ''],
        ['Импортов', 'Илья', 'Петрович', 'ученик', '7Б', 'наставляемый', '02.09.2026', 'законный представитель', 'Импортова Мария Ивановна', 'мать'],
      ];
      const withMistake = await xlsx([...people, ['Ошибкин', 'Олег', '', 'космонавт', '', '', '', '', '', '']]);
      await page.getByTestId('import-file').setInputFiles({ name: 'uchastniki.xlsx', mimeType: XLSX_TYPE, buffer: withMistake });
      const errors = page.getByTestId('import-errors');
      await errors.getByText('Неизвестная категория «космонавт»', { exact: false }).waitFor();
      expect(await errors.innerText()).toContain('4'); // the line number as the spreadsheet shows it
      expect(await page.getByRole('button', { name: 'Загрузить' }).isDisabled()).toBe(true);
      await screenshot(page, 'curator-import');

      await page.getByTestId('import-file').setInputFiles({ name: 'uchastniki.xlsx', mimeType: XLSX_TYPE, buffer: await xlsx(people) });
      await page.getByText('ошибок нет, файл ещё не загружен').waitFor();
      expect((await world.owner.query(`select 1 from participants where tenant_id = $1 and last_name like 'Импортов%'`, [school])).rowCount).toBe(0);
      await page.getByRole('button', { name: 'Загрузить' }).click();
      await page.getByText('Загрузка завершена: добавлено 2, обновлено 0.').first().waitFor();
      const { rows } = await world.owner.query<{ last_name: string }>(`select last_name from participants where tenant_id = $1 and last_name like 'Импортов%' order by 1`, [school]);
      expect(rows.map((row) => row.last_name)).toEqual(['Импортов', 'Импортова']);

      // «Экспорт» of the list: Russian columns, and a formula typed into a field stays text (formula-safe writer).
      await world.owner.query(`update participants set position = '=HYPERLINK("http://x","клик")' where tenant_id = $1 and last_name = 'Импортова'`, [school]);
      await page.getByRole('menuitem', { name: 'Участники' }).click();
      const exported = await download(page, () => page.getByRole('button', { name: 'Экспорт' }).click());
      try {
        const text = exported.bytes.toString('utf8');
        expect(exported.name).toBe('Участники.csv');
        expect(text.startsWith('\uFEFFФамилия;Имя;Отчество;Дата рождения;Пол;Категория;Класс;Должность;')).toBe(true);
        expect(text).toContain(`Импортова;Анна;Сергеевна;;;Педагог организации (в том числе руководитель);;"'=HYPERLINK(""http://x"",""клик"")";`);
      } finally {
        exported.dispose();
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a curator asks for pair suggestions and accepts one', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('mish');
      const { rows } = await world.owner.query<{ id: string }>(`select id from programmes where tenant_id = $1 and title = 'Учитель – ученик'`, [school]);
      const before = await world.owner.query(`select 1 from match_suggestions where programme_id = $1 and status = 'accepted'`, [rows[0].id]);
      await world.signIn(page, 'curator.mish');
      await page.goto(`${world.consoleUrl}#/programmes/${rows[0].id}/show/suggestions`);
      await page.getByRole('button', { name: 'Подобрать пары' }).click();
      await page.getByText('предложено пар:', { exact: false }).waitFor();
      const first = page.getByTestId('suggestion').first();
      await first.waitFor();
      expect(await first.innerText()).toMatch(/баллов|\+\d+/);
      const count = await page.getByTestId('suggestion').count();
      await screenshot(page, 'curator-suggestions');
      await first.getByRole('button', { name: 'Принять' }).click();
      await page.getByText('Пара создана (черновик)').waitFor();
      await page.getByTestId('suggestion').nth(count - 1).waitFor({ state: 'detached' });
      const after = await world.owner.query<{ pair_id: string }>(`select pair_id from match_suggestions where programme_id = $1 and status = 'accepted'`, [rows[0].id]);
      expect(after.rowCount).toBe((before.rowCount ?? 0) + 1);
      const pair = await world.owner.query<{ status: string }>(`select p.status from mentoring_pairs p join match_suggestions s on s.pair_id = p.id where s.programme_id = $1 and s.decided_at is not null order by s.decided_at desc limit 1`, [rows[0].id]);
      expect(pair.rows[0]?.status).toBe('draft');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a curator enters a questionnaire for a participant, and a participant answers through a one-time link', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('mish');
      // Two mentees with a consent to questionnaires whose names no namesake in the school shares.
      const { rows } = await world.owner.query<{ full_name: string }>(
        `with named as (select p.id, p.kind, concat_ws(' ', p.last_name, p.first_name, p.middle_name) as full_name from participants p where p.tenant_id = $1),
              unique_names as (select full_name from named group by full_name having count(*) = 1)
         select n.full_name
           from named n join unique_names u using (full_name)
           join participant_base_entries e on e.participant_id = n.id and e.base = 'mentee'
          where n.kind = 'student'
            and exists (select 1 from consents c where c.participant_id = n.id and c.revoked_on is null and 'questionnaires' = any (c.purposes)
                          and (c.valid_until is null or c.valid_until >= current_date))
          order by n.full_name limit 2`,
        [school],
      );
      expect(rows).toHaveLength(2);
      const [person, linkPerson] = rows.map((row) => row.full_name);
      const countResponses = async () => Number((await world.owner.query<{ n: string }>('select count(*) as n from questionnaire_responses where tenant_id = $1', [school])).rows[0].n);
      const before = await countResponses();

      await world.signIn(page, 'curator.mish');
      await page.goto(`${world.consoleUrl}#/questionnaire-responses/create`);
      await choose(page, page.getByLabel('Участник'), optionName(person));
      await choose(page, page.getByLabel('Анкета'), 'Удовлетворённость наставляемого участием', false);
      await answerAll(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'curator-questionnaire');
      await page.getByRole('button', { name: 'Сохранить ответы' }).click();
      await page.getByText('Ответы сохранены').waitFor();
      expect(await countResponses()).toBe(before + 1);

      // A personal link: the URL is shown once; the participant opens it without signing in.
      await page.goto(`${world.consoleUrl}#/questionnaire-links/create`);
      await choose(page, page.getByLabel('Участник'), optionName(linkPerson));
      await choose(page, page.getByLabel('Анкета'), 'Удовлетворённость наставляемого участием', false);
      await page.getByRole('button', { name: 'Выдать ссылку' }).click();
      const url = (await page.getByTestId('link-url').locator('code').innerText()).trim();
      expect(url).toMatch(new RegExp(`^${world.consoleUrl.replace(/\/$/, '')}/q/[A-Za-z0-9_-]{43}$`));

      const respondent = await context.browser()!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
      const form = await respondent.newPage();
      try {
        await form.goto(url);
        await form.getByRole('heading', { name: 'Удовлетворённость наставляемого', exact: false }).waitFor();
        expect(await form.locator('body').innerText()).not.toContain(linkPerson); // nothing personal on the public page
        await answerAll(form);
        await form.getByRole('button', { name: 'Отправить ответы' }).click();
        await form.getByTestId('respondent-done').waitFor();
        expect(await countResponses()).toBe(before + 2);
        // The link is spent: opening it again says so.
        await form.goto(url);
        await form.getByRole('alert').waitFor();
      } finally {
        await respondent.close();
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a region analyst compares the organisations of the region on an indicator', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      const league = page.getByTestId('league-table');
      await league.getByText('МБОУ «Мишкинская СОШ»').waitFor();
      const text = await league.innerText();
      for (const school of ['МАОУ «Средняя школа № 51»', 'МАОУ гимназия № 40', 'МБОУ «Уютненская СШ-гимназия»', 'ГБОУ СОШ № 31', 'Всего']) expect(text).toContain(school);
      expect(text).not.toContain('Озёрн');
      // N1 has a target of 70 %: the demo schools are below it and highlighted.
      expect(await league.locator('tr[data-below-target="true"]').count()).toBeGreaterThan(0);
      await page.getByTestId('municipality-chart').locator('.recharts-bar-rectangle').first().waitFor();
      await page.getByTestId('trend-chart').locator('.recharts-line').first().waitFor({ state: 'attached' });
      await page.getByTestId('region-report').getByRole('button', { name: 'Сформировать отчёт' }).waitFor();
      await page.getByTestId('region-indicators').scrollIntoViewIfNeeded();
      await screenshot(page, 'region-analyst-comparison');

      // Another indicator.
      await choose(page, page.getByTestId('indicator-select'), 'M1 — ', false);
      await page.getByText('Анкетированы', { exact: false }).first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("a curator cannot open another school's participant by URL", async () => {
    const { context, page, problems } = await world.newPage();
    const graphqlData: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/graphql')) graphqlData.push(await response.text().catch(() => ''));
    });
    try {
      const other = await world.tenantId('g40');
      const { rows } = await world.owner.query<{ id: string; last_name: string; first_name: string }>(
        'select id, last_name, first_name from participants where tenant_id = $1 order by last_name limit 1',
        [other],
      );
      await world.signIn(page, 'curator.mish');
      await page.goto(`${world.consoleUrl}#/participants/${rows[0].id}/show`);
      await page.getByRole('alert').filter({ hasText: 'Запись недоступна' }).waitFor();
      await page.goto(`${world.consoleUrl}#/participants/${rows[0].id}`);
      await page.getByRole('alert').filter({ hasText: 'Запись недоступна' }).waitFor();
      expect(graphqlData.join('\n')).not.toContain(`${rows[0].last_name} ${rows[0].first_name}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a curator adds a consent to a participant: the form and the API explain in Russian what is missing', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('g40');
      // A pupil who is a minor today: the consent must be signed by a legal representative.
      const { rows } = await world.owner.query<{ id: string; last_name: string }>(
        `select id, last_name from participants where tenant_id = $1 and kind = 'student' and birth_date > current_date - interval '17 years' order by last_name, first_name limit 1`,
        [school],
      );
      expect(rows).toHaveLength(1);
      const person = rows[0];
      const before = Number((await world.owner.query<{ n: string }>('select count(*) as n from consents where participant_id = $1', [person.id])).rows[0].n);

      await world.signIn(page, 'curator.g40');
      await page.goto(`${world.consoleUrl}#/participants/${person.id}/show/bases`);
      await page.getByTestId('add-consent').click();
      await page.waitForURL(/#\/consents\/create/);
      await page.getByText('Новое согласие на обработку персональных данных').first().waitFor();
      const who = page.getByRole('combobox', { name: 'Участник' });
      await page.waitForFunction((name) => (document.querySelector('input[name="participantId"]') as HTMLInputElement | null)?.value.includes(name), person.last_name);
      expect(await who.inputValue()).toContain(person.last_name);

      // Nothing filled in: the form's own messages.
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Укажите, кто подписал согласие.').waitFor();
      await page.getByText('Укажите дату подписания.').waitFor();

      // Dates are typed the Russian way; a day that does not exist is named.
      await page.getByLabel('Дата подписания').fill('31.02.2026');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Даты 31.02.2026 не существует.').waitFor();

      // Signed by the pupil, valid until a day before signing: the form refuses the dates…
      await page.getByRole('radio', { name: 'Сам участник' }).check();
      await page.getByLabel('Дата подписания').fill(ruDay(isoDay(-1)));
      await page.getByLabel('Действует до').fill(ruDay(isoDay(-2)));
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Срок действия не может закончиться раньше даты подписания.').waitFor();
      // … and, the dates fixed, the API refuses a minor's own signature, under the field it concerns.
      await page.getByLabel('Действует до').fill('');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Участник был несовершеннолетним на дату подписания: согласие подписывает законный представитель.').first().waitFor();
      expect(page.url()).toMatch(/#\/consents\/create/);

      // A legal representative: who, and who they are to the pupil.
      await page.getByRole('radio', { name: 'Законный представитель' }).check();
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Укажите ФИО законного представителя.').waitFor();
      await page.getByText('Укажите, кем приходится законный представитель.').waitFor();
      await page.getByLabel('ФИО законного представителя').fill('Смирнова Ольга Петровна');
      await choose(page, page.getByLabel('Кем приходится'), 'Мать');
      await page.getByRole('checkbox', { name: 'подбор наставнических пар' }).check();
      await page.getByRole('checkbox', { name: 'анкетирование' }).check();
      await page.getByLabel('Реквизиты документа').fill('Папка согласий 2026/2027, № 14');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'curator-consent');
      await page.getByRole('button', { name: 'Сохранить' }).click();

      await page.waitForURL(new RegExp(`#/participants/${person.id}/show/bases$`));
      const consents = page.getByTestId('consents');
      await consents.getByText(ruDay(isoDay(-1))).first().waitFor();
      expect(await consents.innerText()).toContain('Законный представитель');
      const saved = await world.owner.query<{ signed_by: string; representative_name: string; representative_relation: string; purposes: string[]; signed_on: string }>(
        `select signed_by, representative_name, representative_relation, purposes, signed_on::text from consents where participant_id = $1 order by created_at desc limit 1`,
        [person.id],
      );
      expect(saved.rows[0]).toEqual({
        signed_by: 'legal_representative',
        representative_name: 'Смирнова Ольга Петровна',
        representative_relation: 'mother',
        purposes: ['processing', 'pairing', 'questionnaires'],
        signed_on: isoDay(-1),
      });
      expect(Number((await world.owner.query<{ n: string }>('select count(*) as n from consents where participant_id = $1', [person.id])).rows[0].n)).toBe(before + 1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a curator puts a teacher into the mentor base; the rules of each base are explained, a second entry is refused', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('g40');
      // A young teacher of the mentee base, now ready to mentor others.
      const { rows } = await world.owner.query<{ id: string }>(
        `select p.id from participants p
          where p.tenant_id = $1 and p.kind = 'teacher'
            and not exists (select 1 from participant_base_entries e where e.participant_id = p.id and e.base = 'mentor')
          order by p.last_name, p.first_name limit 1`,
        [school],
      );
      expect(rows).toHaveLength(1);
      const teacher = rows[0].id;

      await world.signIn(page, 'curator.g40');
      await page.goto(`${world.consoleUrl}#/participants/${teacher}/show/bases`);
      await page.getByTestId('add-base-entry').click();
      await page.waitForURL(/#\/participant-base-entries\/create/);
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Выберите базу: наставников или наставляемых.').waitFor();

      // The mentee base has no training; an inclusion date cannot be in the future.
      await page.getByRole('radio', { name: 'База наставляемых' }).check();
      await choose(page, page.getByLabel('Состояние в базе'), 'Обучен (только наставники)');
      await page.getByLabel('Дата включения в базу').fill(ruDay(isoDay(10)));
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Обучение проходят только наставники.').waitFor();
      await page.getByText(`Дата включения ${ruDay(isoDay(10))} — в будущем.`).waitFor();

      // The mentor base: up to 30 mentees.
      await page.getByRole('radio', { name: 'База наставников' }).check();
      await page.getByLabel('Дата включения в базу').fill(ruDay(isoDay(-3)));
      await page.getByLabel('Компетенции и возможности наставника').fill('Подготовка к олимпиадам по математике, сопровождение проектов');
      await page.getByLabel('Сколько наставляемых может взять').fill('40');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Наставник может взять от 1 до 30 наставляемых.').waitFor();
      await page.getByLabel('Сколько наставляемых может взять').fill('2');
      await page.getByLabel('Дата обучения').fill(ruDay(isoDay(-1)));
      await choose(page, page.getByLabel('Форма обучения'), 'Очно');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'curator-base-entry');
      await page.getByRole('button', { name: 'Сохранить' }).click();

      await page.waitForURL(new RegExp(`#/participants/${teacher}/show/bases$`));
      const entries = page.getByTestId('base-entries');
      await entries.getByText('База наставников').waitFor();
      expect(await entries.innerText()).toContain('Обучен');
      const saved = await world.owner.query<{ base: string; status: string; max_mentees: number; included_on: string; trained_on: string; training_form: string }>(
        `select base, status, max_mentees, included_on::text, trained_on::text, training_form from participant_base_entries where participant_id = $1 and base = 'mentor'`,
        [teacher],
      );
      expect(saved.rows).toEqual([{ base: 'mentor', status: 'trained', max_mentees: 2, included_on: isoDay(-3), trained_on: isoDay(-1), training_form: 'in_person' }]);

      // The same base twice: the API's conflict, in Russian.
      await page.getByTestId('add-base-entry').click();
      await page.getByRole('radio', { name: 'База наставников' }).check();
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Участник уже состоит в базе наставников.').first().waitFor();
      expect((await world.owner.query(`select 1 from participant_base_entries where participant_id = $1 and base = 'mentor'`, [teacher])).rowCount).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  // One chain across roles, in this order: a curator's import → the worker's recompute → the
  // region analyst's dashboard and PDF → the ministry's extract, made from the snapshots it left.
  it('a curator writes a personalised programme for an active pair and plans its tasks', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('sosh31');
      const { rows } = await world.owner.query<{ id: string; mentor: string }>(
        `select p.id, m.last_name as mentor from mentoring_pairs p join participants m on m.id = p.mentor_id
          where p.tenant_id = $1 and p.status = 'active' and not exists (select from personalised_programmes pp where pp.pair_id = p.id)
          order by p.created_at limit 1`,
        [school],
      );
      expect(rows).toHaveLength(1);
      const pair = rows[0];
      await world.signIn(page, 'curator.sosh31');
      await page.goto(`${world.consoleUrl}#/pairs/${pair.id}/show`);
      await page.getByText('Персонализированные программы').first().waitFor();
      await page.getByRole('link', { name: 'Добавить план' }).click();
      await page.waitForURL(/#\/plans\/create/);
      await page.getByText('Новая персонализированная программа').first().waitFor();

      // Required fields and a Russian date check before anything is sent.
      await page.getByRole('button', { name: 'Сохранить' }).click();
      expect(page.url()).toMatch(/#\/plans\/create/);
      await page.getByLabel('Наименование').fill('Подготовка к олимпиаде по математике');
      await page.getByLabel('Начало').fill(ruDay(isoDay(-1)));
      await page.getByLabel('Окончание').fill('31.02.2027');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Даты 31.02.2027 не существует.').waitFor();
      // Two months: allowed, with the API's warning (3–12 months are recommended).
      await page.getByLabel('Окончание').fill(ruDay(isoDay(60)));
      await page.getByLabel('Цель').fill('Выйти на региональный этап олимпиады');
      await page.getByLabel('Выявленные затруднения наставляемого').fill('Нестандартные задачи, нехватка времени на олимпиаде');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL(/#\/plans\/[0-9a-f-]{36}\/show$/);
      await page.getByRole('alert').filter({ hasText: 'месяц' }).waitFor();
      const planId = /#\/plans\/([0-9a-f-]{36})\/show$/.exec(page.url())![1];
      expect((await world.owner.query(`select pair_id, title, goal from personalised_programmes where id = $1`, [planId])).rows[0]).toEqual({
        pair_id: pair.id, title: 'Подготовка к олимпиаде по математике', goal: 'Выйти на региональный этап олимпиады',
      });

      // A task of the individual plan, done, with its result.
      await page.getByRole('link', { name: 'Добавить мероприятие' }).click();
      await page.waitForURL(/#\/plan-tasks\/create/);
      await page.getByText('Новое мероприятие плана').first().waitFor();
      await page.getByRole('textbox', { name: /^Мероприятие/ }).fill('Разбор заданий муниципального этапа');
      await page.getByLabel('Срок').fill(ruDay(isoDay(-1)));
      await page.getByLabel('Ответственный').fill('Наставник');
      await choose(page, page.getByLabel('Выполнение'), 'Выполнено');
      await page.getByLabel('Дата выполнения').fill(ruDay(isoDay(-1)));
      await page.getByLabel('Результат').fill('Разобраны 12 задач, составлен список тем для повторения');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL(new RegExp(`#/plans/${planId}/show$`));
      await page.getByText('Разбор заданий муниципального этапа').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'curator-plan');
      const tasks = await world.owner.query(`select title, status, result from plan_tasks where personalised_programme_id = $1`, [planId]);
      expect(tasks.rows).toEqual([{ title: 'Разбор заданий муниципального этапа', status: 'done', result: 'Разобраны 12 задач, составлен список тем для повторения' }]);

      // The pair's page lists its plan, and offers no second one (a pair has one personalised programme).
      await page.goto(`${world.consoleUrl}#/pairs/${pair.id}/show`);
      await page.getByText('Подготовка к олимпиаде по математике').waitFor();
      expect(await page.getByRole('link', { name: 'Добавить план' }).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  describe('from a curator’s import to the ministry’s extract (api, worker and console running)', () => {
    const SCHOOL = 'ГБОУ СОШ № 31';

    it('after a curator imports pupils, the region analyst sees the school’s indicator change once the worker has recomputed it', async () => {
      const analyst = await world.newPage();
      const curator = await world.newPage();
      try {
        await world.indicatorsSettled();
        await world.signIn(analyst.page, 'analyst.demo');
        const before = await leagueRow(analyst.page, SCHOOL); // N1, the dashboard's default indicator
        expect(before.numerator).toBeGreaterThan(0); // so that a larger denominator changes the value too

        const school = await world.tenantId('sosh31');
        await world.signIn(curator.page, 'curator.sosh31');
        await curator.page.getByRole('menuitem', { name: 'Участники' }).click();
        await curator.page.getByRole('link', { name: 'Импорт из Excel' }).click();
        const signed = ruDay(isoDay(-1));
        const pupils = [
          ['Веретенникова', 'Таисия', 'Глебовна', 'ученик', '6А', 'наставляемый', signed, 'законный представитель', 'Веретенникова Ирина Олеговна', 'мать'],
          ['Крутиков', 'Ярослав', 'Денисович', 'ученик', '6А', 'наставляемый', signed, 'законный представитель', 'Крутиков Денис Павлович', 'отец'],
          ['Шестакова', 'Ульяна', 'Романовна', 'ученик', '7В', '', signed, 'законный представитель', 'Шестакова Анна Викторовна', 'мать'],
        ];
        await curator.page.getByTestId('import-file').setInputFiles({ name: 'novye-uchastniki.xlsx', mimeType: XLSX_TYPE, buffer: await xlsx(pupils) });
        await curator.page.getByText('ошибок нет, файл ещё не загружен').waitFor();
        await curator.page.getByRole('button', { name: 'Загрузить' }).click();
        await curator.page.getByText('Загрузка завершена: добавлено 3, обновлено 0.').first().waitFor();
        const pupilsNow = Number((await world.owner.query<{ n: string }>(`select count(*) as n from participants where tenant_id = $1 and kind = 'student'`, [school])).rows[0].n);

        // The worker picks the recorded request up; the analyst reloads until the row changes (bounded).
        const deadline = Date.now() + 60_000;
        let after = before;
        while (after.denominator === before.denominator) {
          if (Date.now() > deadline) throw new Error(`${SCHOOL}: N1 still ${before.numerator} / ${before.denominator} a minute after the import`);
          await analyst.page.waitForTimeout(500);
          await analyst.page.reload();
          after = await leagueRow(analyst.page, SCHOOL);
        }
        expect(after.denominator).toBe(before.denominator + 3);
        expect(after.denominator).toBe(pupilsNow); // N1's denominator: every pupil of the school
        expect(after.numerator).toBe(before.numerator);
        expect(after.value).not.toBe(before.value);
        expect(analyst.problems).toEqual([]);
        expect(curator.problems).toEqual([]);
      } finally {
        await analyst.context.close();
        await curator.context.close();
      }
    }, 180_000);

    it('the region analyst requests the regional PDF, watches its progress and downloads it', async () => {
      const { context, page, problems } = await world.newPage();
      try {
        await world.signIn(page, 'analyst.demo');
        const panel = page.getByTestId('region-report');
        await page.getByTestId('league-table').waitFor();
        await page.getByTestId('region-indicators').scrollIntoViewIfNeeded();
        await panel.getByRole('button', { name: 'Сформировать отчёт' }).click();
        // Queued at once; the bar stays until the worker has written the file.
        await panel.getByRole('progressbar').waitFor();
        expect(await panel.getByTestId('report-progress').innerText()).toMatch(/(В очереди|Формируется): \d+ %/);
        await screenshot(page, 'region-analyst-report-progress', { settle: false });
        const button = panel.getByRole('button', { name: 'Скачать отчёт (PDF)' });
        await button.waitFor({ timeout: 60_000 });
        expect(await panel.getByRole('progressbar').count()).toBe(0);
        await screenshot(page, 'region-analyst-report-done');

        const file = await download(page, () => button.click());
        try {
          expect(file.name).toMatch(/\.pdf$/);
          expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file.path, '-'], { encoding: 'utf8' });
          expect(text).toContain('Сравнительный отчёт о реализации целевой модели наставничества');
          expect(text).toMatch(/Демо-регион|Демонстрационный регион/);
          expect(text).toContain(SCHOOL);
        } finally {
          file.dispose();
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('the ministry official requests federal-form extracts on «Выгрузки», watches their progress and downloads them', async () => {
      const { context, page, problems } = await world.newPage();
      try {
        await world.indicatorsSettled(); // the extract is made from the snapshots the worker left
        await world.signIn(page, 'minister');
        await page.getByRole('menuitem', { name: 'Выгрузки' }).click();
        await page.getByRole('heading', { name: 'Выгрузки по статистическим формам', level: 1 }).waitFor();
        await page.getByTestId('extract-form-select').getByText('МОНИТОРИНГ-НАСТАВНИЧЕСТВО (Р-145), версия 1 (действует с 01.09.2022)').waitFor();
        await page.getByTestId('extract-region-select').getByText('Все регионы').waitFor();
        const rows = page.getByTestId('extract-row');
        // The form's title block names its compiler (the account's name is filled in), position and phone.
        await page.getByLabel('Должность').fill('Главный специалист');
        await page.getByLabel('Контактный телефон').fill('8 (495) 000-00-00');

        // Every region, as CSV.
        await page.getByRole('radio', { name: 'CSV' }).check();
        await page.getByRole('button', { name: 'Сформировать выгрузку' }).click();
        await rows.first().getByRole('progressbar').waitFor();
        await page.locator('[data-testid="extract-row"][data-status="DONE"]').first().waitFor({ timeout: 60_000 });

        // The demo region, as XLSX.
        await choose(page, page.getByLabel('Территория'), 'Демо-регион');
        await page.getByRole('radio', { name: 'Excel (XLSX)' }).check();
        await page.getByRole('button', { name: 'Сформировать выгрузку' }).click();
        const xlsxRow = rows.filter({ hasText: 'Демо-регион' });
        await xlsxRow.getByRole('progressbar').waitFor();
        expect(await xlsxRow.innerText()).toMatch(/(В очереди|Формируется): \d+ %/);
        await xlsxRow.getByRole('button', { name: 'Скачать' }).waitFor({ timeout: 60_000 });
        expect(await rows.count()).toBe(2);
        await page.waitForFunction(() => !document.body.innerText.includes('Выгрузка поставлена в очередь'), undefined, { timeout: 20_000 }); // the notification has gone
        await screenshot(page, 'ministry-official-extracts');

        const period = schoolYear();
        const { rows: snapshots } = await world.owner.query<{ indicator_code: string; numerator: number; denominator: number | null }>(
          `select s.indicator_code, sum(s.numerator)::int as numerator, sum(s.denominator)::int as denominator
             from indicator_snapshots s join tenants r on s.tenant_path <@ r.path
            where r.code = 'demo' and s.period = $1 group by s.indicator_code`,
          [period],
        );
        const snapshot = new Map(snapshots.map((row) => [row.indicator_code, row]));

        const file = await download(page, () => xlsxRow.getByRole('button', { name: 'Скачать' }).click());
        try {
          expect(file.name).toMatch(/\.xlsx$/);
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
          // One region asked for: its sheet alone, named by the region's name (docs/adr/0037).
          expect(workbook.worksheets.map((w) => w.name)).toEqual(['Демо-регион']);
          const sheet = workbook.getWorksheet('Демо-регион');
          const values = (row: number) => (sheet!.getRow(row).values as unknown[]).slice(1);
          expect(values(1)[0]).toBe('СВЕДЕНИЯ О РЕАЛИЗАЦИИ ЦЕЛЕВОЙ МОДЕЛИ НАСТАВНИЧЕСТВА (Р-145)');
          let header = 0;
          sheet!.eachRow((row, index) => {
            if (row.getCell(1).value === 'Наименование показателя') header = index;
          });
          expect(header).toBeGreaterThan(0);
          expect(values(header)).toEqual([
            'Наименование показателя',
            '№ строки',
            'Единица измерения',
            'Код по ОКЕИ',
            'Числитель, человек',
            'Знаменатель, человек',
            'Значение показателя (процент — гр. 1 / гр. 2 × 100, человек — гр. 1)',
          ]);
          expect(values(header + 1)).toEqual(['А', 'Б', 'В', 'Г', '1', '2', '3']);
          const text = sheet!.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
          expect(text).toContain('Демонстрационный регион'); // the respondent
          expect(text).toContain(`${period} учебный год (01.09.`);
          expect(text).toContain('Главный специалист');
          // Form v1's lines and their indicators: each number is the sum of the region's snapshots.
          const lines: Record<string, string> = { '01': 'T1', '02': 'T2', '03': 'T3', '04': 'T4', '05': 'N1', '06': 'MENTORS', '07': 'MENTEES' };
          let compared = 0;
          for (let index = header + 1; index <= sheet!.rowCount; index += 1) {
            const [, line, unit, , numerator, denominator] = values(index);
            const code = lines[String(line)];
            if (!code) continue;
            const expected = snapshot.get(code);
            expect(numerator).toBe(expected?.numerator ?? 0);
            if (unit === 'процент') expect(denominator).toBe(expected?.denominator ?? 0);
            compared += 1;
          }
          expect(compared).toBe(7);
          expect(snapshot.get('N1')?.numerator).toBeGreaterThan(0); // real numbers, not an empty form
        } finally {
          file.dispose();
        }

        const csv = await download(page, () => rows.filter({ hasText: 'Все регионы' }).getByRole('button', { name: 'Скачать' }).click());
        try {
          const text = csv.bytes.toString('utf8');
          expect(text.startsWith('\uFEFFСВЕДЕНИЯ О РЕАЛИЗАЦИИ ЦЕЛЕВОЙ МОДЕЛИ НАСТАВНИЧЕСТВА (Р-145)\r\n')).toBe(true);
          expect(text).toContain('\r\nФорма;МОНИТОРИНГ-НАСТАВНИЧЕСТВО (Р-145), версия 1 (действует с 01.09.2022)\r\n');
          // Every region, the one without data too, after the all-Russia total.
          expect(text).toMatch(/\r\nРоссийская Федерация;Доля обучающихся[^;]*;05;/);
          expect(text).toMatch(/\r\nДемо-регион;Доля обучающихся[^;]*;05;/);
          expect(text).toMatch(/\r\nСеверный регион;Доля обучающихся[^;]*;05;процент;744;0;0;\r\n/);
        } finally {
          csv.dispose();
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }, 180_000);

    it('the ministry official has no menu item leading to personal data and is refused participants by URL', async () => {
      const { context, page, problems } = await world.newPage();
      const requests: string[] = [];
      const responses: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/graphql')) requests.push(request.postData() ?? '');
      });
      page.on('response', async (response) => {
        if (response.url().endsWith('/graphql')) responses.push(await response.text().catch(() => ''));
      });
      try {
        await world.signIn(page, 'minister');
        const items = (await page.getByRole('menu').first().getByRole('menuitem').allInnerTexts()).map((item) => item.trim());
        // The contingent is counts by age (no person in it), the outcomes are sums over schools (no person, groups under 3 pairs without means): officials read them like the indicators.
        expect(items.sort()).toEqual(['Выгрузки', 'Контингент', 'Обзор регионов', 'Регионы и организации', 'Результаты до/после']);

        const school = await world.tenantId('sosh31');
        const { rows } = await world.owner.query<{ id: string; last_name: string }>('select id, last_name from participants where tenant_id = $1 order by last_name limit 1', [school]);
        for (const path of ['#/participants', `#/participants/${rows[0].id}/show`, '#/questionnaire-responses', '#/consents/create']) {
          await page.goto(`${world.consoleUrl}${path}`);
          await page.getByTestId('access-denied').filter({ hasText: 'Раздел недоступен для роли «Специалист министерства»' }).waitFor();
        }
        await screenshot(page, 'ministry-official-access-denied');
        expect(requests.join('\n')).not.toMatch(/allParticipants|Participant\(|allQuestionnaireResponses/);
        expect(responses.join('\n')).not.toContain(rows[0].last_name);

        // The API says the same to the same person's token.
        const token = await world.devToken('minister');
        const response = await fetch(`${world.consoleUrl}graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ allParticipants { id lastName } }' }),
        });
        const body = (await response.json()) as { data: unknown; errors?: { extensions?: { code?: string } }[] };
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  });
});

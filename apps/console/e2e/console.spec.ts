import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ConsoleWorld } from './console-world';

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
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 799); // no hover effects or tooltips in the picture
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `console-${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `console-${name}.png`));
  }
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
      await page.getByLabel('Уровень').click();
      await page.getByRole('option', { name: 'Муниципалитет' }).click();
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

      // No list of tenants for a curator: the route does not exist.
      await page.goto(`${world.consoleUrl}#/tenants`);
      await page.getByText('Не найдено').first().waitFor();
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

      // Editing is not even routed for a curator, own organisation included.
      const ownId = await world.tenantId('sch51');
      await page.goto(`${world.consoleUrl}#/tenants/${ownId}/edit`);
      await page.getByText('Не найдено').first().waitFor();
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
      const { rows } = await world.owner.query<{ full_name: string }>(
        `select concat_ws(' ', p.last_name, p.first_name, p.middle_name) as full_name
           from participants p join participant_base_entries e on e.participant_id = p.id and e.base = 'mentee'
          where p.tenant_id = $1 and p.kind = 'student'
            and exists (select 1 from consents c where c.participant_id = p.id and c.revoked_on is null and 'questionnaires' = any (c.purposes)
                          and (c.valid_until is null or c.valid_until >= current_date))
          order by p.last_name, p.first_name limit 2`,
        [school],
      );
      const [person, linkPerson] = rows.map((row) => row.full_name);
      const countResponses = async () => Number((await world.owner.query<{ n: string }>('select count(*) as n from questionnaire_responses where tenant_id = $1', [school])).rows[0].n);
      const before = await countResponses();

      await world.signIn(page, 'curator.mish');
      await page.goto(`${world.consoleUrl}#/questionnaire-responses/create`);
      await page.getByLabel('Участник').click();
      await page.getByRole('option', { name: person, exact: true }).click();
      await page.getByLabel('Анкета').click();
      await page.getByRole('option', { name: 'Удовлетворённость наставляемого участием', exact: false }).click();
      await answerAll(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'curator-questionnaire');
      await page.getByRole('button', { name: 'Сохранить ответы' }).click();
      await page.getByText('Ответы сохранены').waitFor();
      expect(await countResponses()).toBe(before + 1);

      // A personal link: the URL is shown once; the participant opens it without signing in.
      await page.goto(`${world.consoleUrl}#/questionnaire-links/create`);
      await page.getByLabel('Участник').click();
      await page.getByRole('option', { name: linkPerson, exact: true }).click();
      await page.getByLabel('Анкета').click();
      await page.getByRole('option', { name: 'Удовлетворённость наставляемого участием', exact: false }).click();
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
      await page.getByTestId('indicator-select').click();
      await page.getByRole('option', { name: 'M1 — ', exact: false }).click();
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
});

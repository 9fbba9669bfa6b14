import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ConsoleWorld } from './console-world';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Taken every run (a broken layout fails loudly); written to docs/screenshots/console-<name>.png only with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `console-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `console-${name}.png`));
  }
}

/** Clicks something that makes the page download a file; returns the file as the browser saved it. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent('download'), click()]);
  const dir = mkdtempSync(join(tmpdir(), 'console-import-download-'));
  try {
    const path = join(dir, 'file');
    await event.saveAs(path);
    return { name: event.suggestedFilename(), bytes: readFileSync(path) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  return workbook;
}

const texts = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));

const TITLE = 'МАОУ «Мишкинская СОШ» — база участников программы наставничества, 2023/2024';
const HEADINGS = ['№ п/п', 'ФИО', 'Дата рождения', 'Роль', 'Категория', 'Класс', 'Запрос / направление', 'Любимый предмет', 'Согласие: дата', 'Согласие: подписал', 'Согласие: представитель', 'Согласие: кем приходится'];
const nextYear = new Date().getFullYear() + 1;

/**
 * The list as the school keeps it: the title merged over the table, a blank row, then the header
 * with «ФИО», «Роль», «Запрос / направление» and a column of the school's own («Любимый предмет»),
 * numbered rows, a blank row in the middle. Nine people: four good, then a day that does not
 * exist, a birth date in the future, an unknown role, a repeated person, a name of one word.
 */
async function schoolList(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('База наставничества');
  sheet.getRow(1).values = [TITLE];
  sheet.mergeCells(1, 1, 1, HEADINGS.length);
  sheet.getRow(3).values = HEADINGS;
  const rows: [number, (string | number | Date)[]][] = [
    [4, [1, 'Листова Мария Ивановна', new Date(Date.UTC(2012, 4, 14)), 'наставляемый', 'ученик', '6А', 'Подтянуть математику', 'математика', '02.09.2024', 'законный представитель', 'Листова Ирина Петровна', 'мать']],
    [5, [2, 'Таблицын Иван Сергеевич', '31.02.2011', 'наставляемый', 'ученик', '7Б', 'Подготовка к олимпиаде', 'физика']],
    [7, [3, 'Колонкина Ольга Петровна', '12.10.1984', 'наставник', 'педагог', '', '', '', '01.09.2024', 'сам']],
    [8, [4, 'Строкин Алексей Дмитриевич', `15.05.${nextYear}`, 'наставляемый', 'ученик', '5В']],
    [9, [5, 'Ячейкина Анна Сергеевна', '03.03.1990', 'куратор', 'педагог']],
    [10, [6, 'Листова Мария Ивановна', '14.05.2012', 'наставляемый', 'ученик', '6А']],
    [11, [7, 'Формулов Денис Андреевич', new Date(Date.UTC(2011, 10, 21)), 'наставляемый', 'ученик', '7Б', 'Выбор профессии', 'история']],
    [12, [8, 'Графина Елена Викторовна', '07.07.1979', 'наставник', 'учитель математики', '', '', '', '01.09.2024', 'сам']],
    [13, [9, 'Сводный', '01.01.2012', 'наставляемый', 'ученик', '8А']],
  ];
  for (const [line, cells] of rows) {
    sheet.getRow(line).values = cells;
    cells.forEach((cell, i) => {
      if (cell instanceof Date) sheet.getRow(line).getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const SURNAMES = `('Листова', 'Таблицын', 'Колонкина', 'Строкин', 'Ячейкина', 'Формулов', 'Графина', 'Сводный')`;

describe('console: a curator imports the school’s list as Excel keeps it (issue 12)', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await ConsoleWorld.start();
  }, 300_000);

  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  it('maps the school’s own column, loads the four good lines, fixes the five others in the error file and loads it; the mapping is remembered', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      const school = await world.tenantId('mish');
      const loaded = async () =>
        (await world.owner.query<{ last_name: string }>(`select last_name from participants where tenant_id = $1 and last_name in ${SURNAMES} order by 1`, [school])).rows.map((r) => r.last_name);
      await world.signIn(page, 'curator.mish');
      await page.getByRole('menuitem', { name: 'Участники' }).click();
      await page.getByRole('link', { name: 'Импорт из Excel' }).click();
      await page.getByRole('heading', { name: 'Импорт участников из Excel или CSV', level: 1 }).waitFor();

      // The template: every column, an example row.
      const template = await download(page, () => page.getByRole('button', { name: 'Скачать шаблон' }).click());
      expect(template.name).toBe('Шаблон загрузки участников.xlsx');
      const templateSheet = (await workbookOf(template.bytes)).worksheets[0];
      expect(texts(templateSheet.getRow(1)).slice(0, 6)).toEqual(['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Пол', 'Категория']);
      expect(texts(templateSheet.getRow(2)).slice(0, 3)).toEqual(['Иванова', 'Анна', 'Сергеевна']);

      // The list: the title is skipped, «ФИО», «Роль», «Запрос / направление» are known; «Любимый предмет» waits for the curator.
      await page.getByTestId('import-file').setInputFiles({ name: 'baza-nastavnichestva.xlsx', mimeType: XLSX_TYPE, buffer: await schoolList() });
      const mapping = page.getByTestId('import-mapping');
      await mapping.waitFor();
      expect(await mapping.getByTestId('import-reading').innerText()).toBe(`Строка заголовков — 3. Пропущено как название списка: строка 1 «${TITLE}».`);
      const unknown = mapping.getByTestId('import-mapping-column').filter({ hasText: 'Столбец не распознан' });
      expect(await unknown.count()).toBe(1);
      expect(await unknown.innerText()).toContain('Любимый предмет');
      expect(await unknown.innerText()).toContain('математика · физика · история');
      expect(await page.getByRole('button', { name: 'Проверить файл' }).isDisabled()).toBe(true);
      await screenshot(page, 'curator-import-mapping', true);
      await page.getByRole('combobox', { name: 'Поле: H «Любимый предмет»' }).click();
      await page.getByRole('option', { name: 'Примечание', exact: true }).click();
      await page.getByRole('button', { name: 'Проверить файл' }).click();

      // The dry run: every bad line by its number in the spreadsheet, with its reason; nothing written.
      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      const lines = (await errors.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
      expect(lines.map((row) => row[0])).toEqual(['5', '8', '9', '10', '13']);
      expect(lines.map((row) => `${row[1]}: ${row[2]}`)).toEqual([
        'Дата рождения: Дата рождения 31.02.2011: такого дня нет — в феврале 2011 года 28 дней.',
        `Дата рождения: Дата рождения 15.05.${nextYear} — в будущем.`,
        'Роль: Роль «куратор» не распознана: допустимо «наставник» или «наставляемый» (если оба — через «;»).',
        '—: Строка повторяет строку 4: те же фамилия, имя, отчество и дата рождения.',
        'ФИО: «Сводный»: нужны фамилия и имя через пробел, например «Иванова Анна Сергеевна».',
      ]);
      expect(await page.getByRole('button', { name: 'Загрузить' }).isDisabled()).toBe(true);
      expect(await loaded()).toEqual([]);
      await screenshot(page, 'curator-import-errors', true);

      // «Внести только верные строки (4)»: the good lines are loaded, the others stay reported.
      await page.getByRole('button', { name: 'Внести только верные строки (4)' }).click();
      await page.getByTestId('import-summary').getByText('Внесены верные строки: добавлено 4, обновлено 0. Строки с ошибками (5) не загружены').waitFor();
      expect(await loaded()).toEqual(['Графина', 'Колонкина', 'Листова', 'Формулов']);
      const notes = await world.owner.query(`select notes from participants where tenant_id = $1 and last_name = 'Листова'`, [school]);
      expect(notes.rows).toEqual([{ notes: 'математика' }]);

      // The error file: the five rows under «Ошибка», the school's column under the field it was mapped to.
      const rejected = await download(page, () => page.getByRole('button', { name: 'Скачать строки с ошибками (XLSX)' }).click());
      expect(rejected.name).toBe('baza-nastavnichestva — строки с ошибками.xlsx');
      const workbook = await workbookOf(rejected.bytes);
      const sheet = workbook.worksheets[0];
      const header = texts(sheet.getRow(1));
      expect(header).toEqual(['Ошибка', 'ФИО', 'Дата рождения', 'Роль', 'Категория', 'Класс', 'Запрос / направление', 'Примечание', 'Согласие: дата', 'Согласие: подписал', 'Согласие: представитель', 'Согласие: кем приходится']);
      const column = (name: string) => header.indexOf(name) + 1;
      const byName = new Map<string, number>();
      sheet.eachRow((row, number) => {
        if (number > 1) byName.set(String(row.getCell(column('ФИО')).value), number);
      });
      expect([...byName.keys()]).toEqual(['Таблицын Иван Сергеевич', 'Строкин Алексей Дмитриевич', 'Ячейкина Анна Сергеевна', 'Листова Мария Ивановна', 'Сводный']);
      expect(String(sheet.getRow(byName.get('Таблицын Иван Сергеевич')!).getCell(1).value)).toMatch(/^Дата рождения 31\.02\.2011: такого дня нет/);

      // The curator fixes them in Excel: two dates, the role, the full name; the repeated person is deleted.
      sheet.getRow(byName.get('Таблицын Иван Сергеевич')!).getCell(column('Дата рождения')).value = '28.02.2011';
      sheet.getRow(byName.get('Строкин Алексей Дмитриевич')!).getCell(column('Дата рождения')).value = '15.05.2013';
      sheet.getRow(byName.get('Ячейкина Анна Сергеевна')!).getCell(column('Роль')).value = 'наставник';
      sheet.getRow(byName.get('Сводный')!).getCell(column('ФИО')).value = 'Сводный Павел Николаевич';
      sheet.spliceRows(byName.get('Листова Мария Ивановна')!, 1);
      const fixed = Buffer.from(await workbook.xlsx.writeBuffer());

      // Loaded again: «Ошибка» is not loaded, no mapping step, no errors; «Загрузить».
      await page.getByTestId('import-file').setInputFiles({ name: rejected.name, mimeType: XLSX_TYPE, buffer: fixed });
      await page.getByText('ошибок нет, файл ещё не загружен').waitFor();
      expect(await page.getByTestId('import-mapping').count()).toBe(0);
      await page.getByRole('button', { name: 'Загрузить' }).click();
      await page.getByTestId('import-summary').getByText('Загрузка завершена: добавлено 4, обновлено 0.').waitFor();
      expect(await loaded()).toEqual(['Графина', 'Колонкина', 'Листова', 'Сводный', 'Строкин', 'Таблицын', 'Формулов', 'Ячейкина']);
      await screenshot(page, 'curator-import-fixed', true);

      // The school's column is remembered: the original list goes straight to the report.
      await page.getByTestId('import-file').setInputFiles({ name: 'baza-nastavnichestva.xlsx', mimeType: XLSX_TYPE, buffer: await schoolList() });
      await page.getByTestId('import-report').waitFor();
      expect(await page.getByTestId('import-mapping').count()).toBe(0);
      await page.getByRole('button', { name: 'Изменить сопоставление столбцов' }).click();
      expect(await page.getByTestId('import-mapping-column').filter({ hasText: 'Любимый предмет' }).innerText()).toContain('запомнено для организации');
      await page.getByRole('button', { name: 'Отмена' }).click();

      // A refused file stays on the page, not in a pop-up that goes away.
      await page.getByTestId('import-file').setInputFiles({ name: 'spisok.csv', mimeType: 'text/csv', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03]) });
      const refused = page.getByTestId('import-file-error');
      await refused.waitFor();
      await page.waitForTimeout(6000);
      expect(await refused.isVisible()).toBe(true);
      expect(await refused.innerText()).toMatch(/Файл не принят\s+Файл не похож на CSV: в нём есть двоичные данные/);
      await screenshot(page, 'curator-import-file-error');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('reads what Russian Excel saves as CSV: Windows-1251 with «;», a title line above the header', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.mish');
      await page.getByRole('menuitem', { name: 'Участники' }).click();
      await page.getByRole('link', { name: 'Импорт из Excel' }).click();
      const text = [`${TITLE};;;;`, ';;;;', 'Фамилия;Имя;Отчество;Должность;Роль', 'Кодировкина;Светлана;Олеговна;учитель информатики;наставник', ''].join('\r\n');
      const decoder = new TextDecoder('windows-1251');
      const table = new Map(Array.from({ length: 256 }, (_, byte) => [decoder.decode(Uint8Array.of(byte)), byte] as [string, number]));
      const cp1251 = Buffer.from([...text].map((char) => table.get(char) ?? 0x3f));
      await page.getByTestId('import-file').setInputFiles({ name: 'spisok.csv', mimeType: 'text/csv', buffer: cp1251 });
      await page.getByText('ошибок нет, файл ещё не загружен').waitFor();
      expect(await page.getByTestId('import-reading').innerText()).toBe(`Строка заголовков — 3. Пропущено как название списка: строка 1 «${TITLE}». Кодировка Windows-1251, разделитель «;».`);
      expect(await page.locator('[data-stat="Будет добавлено"]').innerText()).toBe('1');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

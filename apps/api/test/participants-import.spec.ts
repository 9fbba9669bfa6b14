import ExcelJS from 'exceljs';
import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

type Report = { rows: number; created: number; updated: number; unchanged: number; committed: boolean; dryRun: boolean; errors: { line: number; column: string | null; message: string }[] };

const IMPORT = `mutation($f: String!, $fmt: ImportFormat!, $dry: Boolean!) {
  importParticipants(file: $f, format: $fmt, dryRun: $dry) { rows created updated unchanged committed dryRun errors { line column message } }
}`;

const HEADINGS = ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Категория', 'Класс', 'Должность', 'Стаж', 'Предметы', 'База', 'Запрос', 'Интересы', 'Направления',
  'Согласие: дата', 'Согласие: подписал', 'Согласие: представитель', 'Согласие: кем приходится'];

function yearsAgo(years: number): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getFullYear() - years, 2, 15));
}
const LETTERS = 'абвгдежзиклмнопрст';
const ru = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;

/** A clean school list: 12 students (minors, consent by a parent) and 8 teachers (own consent), as Excel dates. */
function cleanRows(): (string | number | Date)[][] {
  const students = Array.from({ length: 12 }, (_, i) => [
    `Ученикова${LETTERS[i]}`, 'Дарья', 'Сергеевна', yearsAgo(10 + (i % 6)), 'ученик', `${4 + (i % 6)}${'АБВ'[i % 3]}`, '', '', '', 'наставляемый',
    'Подтянуть математику; Найти друзей', 'спортивное; творческое', 'D04, D07', new Date(Date.UTC(2024, 8, 2)), 'законный представитель', 'Ученикова Ольга Ивановна', 'мать',
  ]);
  const teachers = Array.from({ length: 8 }, (_, i) => [
    `Педагогов${LETTERS[i]}`, 'Андрей', i % 2 ? '' : 'Павлович', yearsAgo(30 + i), 'педагог', '', 'учитель математики', 5 + i, 'математика, информатика',
    i % 2 ? 'наставник' : 'наставник; наставляемый', '', 'методическое', 'D11', new Date(Date.UTC(2024, 8, 1)), 'сам', '', '',
  ]);
  return [...students, ...teachers];
}

async function xlsx(rows: (string | number | Date | null)[][], headings = HEADINGS): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Участники');
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const csv = (lines: string[], bom = false) => Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');

/** Import from XLSX and CSV: every bad line reported, all-or-nothing commits, idempotent re-imports. */
describe('participants: import from XLSX and CSV', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  let token: string;

  const run = async (file: string, format: 'XLSX' | 'CSV', dryRun: boolean) => api.gql<{ importParticipants: Report }>(token, IMPORT, { f: file, fmt: format, dry: dryRun });
  const report = async (file: string, format: 'XLSX' | 'CSV', dryRun: boolean) => {
    const response = await run(file, format, dryRun);
    expect(response.errors).toBeUndefined();
    return response.data!.importParticipants;
  };
  const counts = async () => {
    const q = async (table: string) => Number((await db.owner.query(`select count(*) from ${table} where tenant_id = $1`, [school.id])).rows[0].count);
    return { participants: await q('participants'), entries: await q('participant_base_entries'), consents: await q('consents') };
  };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    school = (await db.newSchoolWorld()).school;
    token = tokenFor('curator', school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('a CSV with many kinds of errors: the dry run names each bad line and its reason; a commit writes nothing', async () => {
    const minor = ru(yearsAgo(12));
    const lines = [
      'Фамилия;Имя;Отчество;Дата рождения;Категория;Класс;Стаж;База;Направления;Согласие: дата;Согласие: подписал;Согласие: представитель;Согласие: кем приходится',
      `Хорошев;Иван;Иванович;${minor};ученик;6А;;наставляемый;D04;01.09.2024;законный представитель;Хорошева Анна Петровна;мать`, // 2 ok
      `;Иван;;${minor};ученик;6;;;;;;;`, // 3 no last name
      'Датов;Иван;;31.02.2010;ученик;6;;;;;;;', // 4 impossible date
      'Космов;Иван;;;космонавт;;;;;;;;', // 5 unknown category
      `хорошев;ИВАН;Иванович;${minor};ученик;6А;;;;;;;`, // 6 repeats line 2
      `Классов;Иван;;${minor};ученик;12;;;;;;;`, // 7 grade out of range
      'Стажев;Иван;;;педагог;;много;;;;;;', // 8 experience not a number
      'Направов;Иван;;;педагог;;;;D12;;;;', // 9 unknown direction
      `Несовершеннов;Иван;;${minor};ученик;6;;;;01.09.2024;сам;;`, // 10 minor signed himself
      'Будущев;Иван;;01.01.2999;педагог;;;;;;;;', // 11 birth date in the future
      'Базов;Иван;;;педагог;;;куратор;;;;;', // 12 unknown base
      `Представов;Иван;;${minor};ученик;6;;;;01.09.2024;законный представитель;;`, // 13 representative without name/relation
      'Учителев;Иван;;;педагог;5;;;;;;;', // 14 class for a teacher
      '', // blank line: skipped
    ];
    const before = await counts();
    const dry = await report(csv(lines), 'CSV', true);
    expect(dry).toMatchObject({ rows: 13, created: 1, updated: 0, unchanged: 0, dryRun: true, committed: false });
    const byLine = new Map<number, string[]>();
    for (const e of dry.errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), `${e.column ?? ''}: ${e.message}`]);
    expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const expectLine = (line: number, pattern: RegExp) => expect(byLine.get(line)!.join(' | ')).toMatch(pattern);
    expectLine(3, /Фамилия: Не указана фамилия/);
    expectLine(4, /Дата рождения: Дата рождения 31.02.2010: такого дня нет — в феврале 2010 года 28 дней/);
    expectLine(5, /Категория: Неизвестная категория «космонавт»/);
    expectLine(6, /повторяет строку 2/);
    expectLine(7, /Класс: Класс — от 1 до 11/);
    expectLine(8, /Стаж: Стаж «много»/);
    expectLine(9, /Направления: Неизвестные направления: «D12»/);
    expectLine(10, /Согласие: подписал: .*законный представитель/);
    expectLine(11, /Дата рождения: .*в будущем/);
    expectLine(12, /База: База «куратор» не распознана/);
    expectLine(13, /Согласие: представитель: .*ФИО/);
    expectLine(14, /Класс: Класс указывается только для обучающихся/);
    expect(await counts()).toEqual(before);

    const commit = await report(csv(lines), 'CSV', false);
    expect(commit).toMatchObject({ created: 0, updated: 0, unchanged: 0, committed: false });
    expect(commit.errors).toEqual(dry.errors);
    expect(await counts()).toEqual(before);
  });

  it('a clean XLSX imports all rows with bases and consents; importing it again duplicates nothing', async () => {
    const file = await xlsx(cleanRows());
    const before = await counts();
    const dry = await report(file, 'XLSX', true);
    expect(dry).toMatchObject({ rows: 20, created: 20, updated: 0, unchanged: 0, errors: [], committed: false });
    expect(await counts()).toEqual(before);

    const first = await report(file, 'XLSX', false);
    expect(first).toMatchObject({ rows: 20, created: 20, updated: 0, unchanged: 0, errors: [], committed: true });
    expect(await counts()).toEqual({ participants: before.participants + 20, entries: before.entries + 24, consents: before.consents + 20 });

    const stored = await db.owner.query(
      `select grade, class_letter, to_char(birth_date, 'YYYY-MM-DD') as birth_date, interests, directions, requests from participants where tenant_id = $1 and last_name = 'Ученикова' || $2`,
      [school.id, LETTERS[0]],
    );
    expect(stored.rows[0]).toEqual({ grade: 4, class_letter: 'А', birth_date: yearsAgo(10).toISOString().slice(0, 10), interests: ['sport', 'creative'], directions: ['D04', 'D07'], requests: ['Подтянуть математику', 'Найти друзей'] });

    const again = await report(file, 'XLSX', false);
    expect(again).toMatchObject({ rows: 20, created: 0, updated: 0, unchanged: 20, errors: [], committed: true });
    expect(await counts()).toEqual({ participants: before.participants + 20, entries: before.entries + 24, consents: before.consents + 20 });

    // The same person spelt in capitals is matched (and the spelling updated), not duplicated; a new position and a new base are updates.
    const rows = cleanRows();
    rows[0][0] = String(rows[0][0]).toUpperCase();
    rows[13][6] = 'заместитель директора по УВР';
    rows[13][9] = 'наставник; наставляемый';
    const changed = await report(await xlsx(rows), 'XLSX', false);
    expect(changed).toMatchObject({ created: 0, updated: 2, unchanged: 18, errors: [] });
    const rows2 = cleanRows();
    rows2[15][9] = 'наставник; наставляемый';
    rows2[16][6] = 'педагог-психолог';
    const changed2 = await report(await xlsx(rows2), 'XLSX', false);
    // Back to the original file: the capitals and the position revert, two more rows change.
    expect(changed2).toMatchObject({ created: 0, updated: 4, unchanged: 16, errors: [] });
    expect((await counts()).participants).toBe(before.participants + 20);
  });

  it('imports a file at the row limit (5000 rows) in one commit, and re-imports it unchanged', async () => {
    const word = (i: number) => [...String(i).padStart(4, '0')].map((d) => LETTERS[Number(d)]).join('');
    const lines = ['Фамилия;Имя;Дата рождения;Категория;База;Согласие: дата', ...Array.from({ length: 5000 }, (_, i) => `Массов${word(i)};Пётр;15.05.1985;педагог;наставник;01.09.2024`)];
    const started = Date.now();
    expect(await report(csv(lines), 'CSV', false)).toMatchObject({ rows: 5000, created: 5000, errors: [], committed: true });
    expect(await report(csv(lines), 'CSV', false)).toMatchObject({ rows: 5000, created: 0, updated: 0, unchanged: 5000, committed: true });
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('reads a comma-separated CSV with a BOM and Russian dates', async () => {
    const result = await report(csv(['Фамилия,Имя,Дата рождения,Категория,Пол', 'Запятов,Илья,05.06.1990,педагог,м'], true), 'CSV', false);
    expect(result).toMatchObject({ rows: 1, created: 1, errors: [], committed: true });
  });

  it('refuses whole files with a clear reason: bad headings, not base64, a broken workbook, too many rows, too large', async () => {
    const cases: [string, 'XLSX' | 'CSV', RegExp][] = [
      [csv(['Фамилия;Имя;Возраст', 'А;Б;5']), 'CSV', /неизвестный столбец «Возраст».*нет обязательного столбца «Категория»/],
      ['это не base64!', 'CSV', /base64/],
      [Buffer.from('not a zip at all').toString('base64'), 'XLSX', /Не удалось прочитать файл XLSX/],
      [Buffer.from([0xff, 0xfe, 0xc0]).toString('base64'), 'CSV', /UTF-8/],
      [csv(['Фамилия;Имя;Категория', ...Array.from({ length: 5001 }, (_, i) => `Ф;И${i};педагог`)]), 'CSV', /не больше 5000/],
      // Just over 1.5 MB once decoded, inside /graphql's 2 MB body limit: larger files go to POST /participants/import.
      ['A'.repeat(2_000_100), 'CSV', /больше 1,5 МБ/],
    ];
    for (const [file, format, reason] of cases) {
      const response = await run(file, format, true);
      expect([reason, codesOf(response)]).toEqual([reason, ['VALIDATION_FAILED']]);
      expect(response.errors![0].message).toMatch(reason);
    }
  });
});

import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { EXPECTED_PROBLEMS, GOOD_NAMES, LIST_HEADINGS, LIST_TITLE, schoolListCsv, schoolListXlsx, type ListEncoding } from '@nastavnik/participants/../test/school-lists';
import { codesOf, TestApi } from './test-api';

type Problem = { line: number; column: string | null; message: string };
type Report = {
  rows: number; created: number; updated: number; unchanged: number; rejected: number; committed: boolean; dryRun: boolean; errors: Problem[];
  headerLine: number; titleLines: { line: number; text: string }[]; columns: { letter: string; heading: string; field: string | null; source: string | null; samples: string[] }[];
  encoding: string | null; delimiter: string | null;
};

const REPORT = `rows created updated unchanged rejected committed dryRun errors { line column message } headerLine titleLines { line text } columns { letter heading field source samples } encoding delimiter`;
const IMPORT = `mutation($f: String!, $fmt: ImportFormat!, $dry: Boolean!, $mapping: [ImportColumnMappingInput!], $valid: Boolean) {
  importParticipants(file: $f, format: $fmt, dryRun: $dry, mapping: $mapping, commitValid: $valid) { ${REPORT} }
}`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest: the body as bytes, whatever its type. */
const bytes = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

async function sheetOf(file: Buffer, index = 0): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[index].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

/**
 * Issue 12: the import meets Excel where it is. A school's list with a title merged over the
 * table, numbered rows, one «ФИО» column, «Роль» and «Запрос / направление», saved as XLSX, as
 * Russian Excel's CSV (Windows-1251, «;»), as CSV UTF-8 and as «Текст Юникод» (UTF-16, tabs):
 * every bad line is reported with its number as the spreadsheet shows it and a Russian reason,
 * the good lines load when asked, the others come back as an XLSX with «Ошибка» that loads again
 * once fixed; unknown columns are mapped once and remembered for the school.
 */
describe('participants import: school lists as Excel keeps them', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  let token: string;

  const post = (path: string, file: Buffer, query: Record<string, string>) =>
    api.http().post(`/participants/import${path}?${new URLSearchParams(query)}`).set('authorization', `Bearer ${token}`).set('content-type', 'application/octet-stream').send(file);
  const upload = async (file: Buffer, format: 'xlsx' | 'csv', query: Record<string, string> = {}): Promise<Report> => {
    const response = await post('', file, { format, dryRun: 'true', ...query });
    expect([response.status, response.body.message]).toEqual([200, undefined]);
    return response.body as Report;
  };
  const gql = (file: Buffer, format: 'XLSX' | 'CSV', dryRun: boolean, extra: Record<string, unknown> = {}) =>
    api.gql<{ importParticipants: Report }>(token, IMPORT, { f: file.toString('base64'), fmt: format, dry: dryRun, ...extra });
  const count = async (where = '') => Number((await db.owner.query(`select count(*) from participants where tenant_id = $1 ${where}`, [school.id])).rows[0].count);
  const said = (report: Report) => report.errors.map((e) => [e.line, `${e.column ?? ''}: ${e.message}`] as [number, string]);

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

  const files: [string, () => Promise<Buffer> | Buffer, 'xlsx' | 'csv', string | null, string | null][] = [
    ['XLSX with a title merged over the table', schoolListXlsx, 'xlsx', null, null],
    ...([
      ['windows-1251', ';', 'Windows-1251', '«;»'],
      ['utf-8-bom', ',', 'UTF-8', '«,»'],
      ['utf-8', ';', 'UTF-8', '«;»'],
      ['utf-16le', '\t', 'UTF-16 LE', 'табуляция'],
      ['utf-16be', '\t', 'UTF-16 BE', 'табуляция'],
    ] as [ListEncoding, ';' | ',' | '\t', string, string][]).map(([encoding, delimiter, name, shown]): [string, () => Buffer, 'csv', string, string] => [
      `CSV ${encoding}, ${shown}`,
      () => schoolListCsv(encoding, delimiter),
      'csv',
      name,
      shown,
    ]),
  ];

  it.each(files)('%s: the dry run skips the title, reads every column and names each of the five bad lines with its reason; nothing is written', async (_name, file, format, encoding, delimiter) => {
    const before = await count();
    const report = await upload(await file(), format);
    expect(report).toMatchObject({ rows: 9, created: 4, updated: 0, unchanged: 0, rejected: 5, dryRun: true, committed: false, headerLine: 3, encoding, delimiter });
    expect(report.titleLines).toEqual([{ line: 1, text: LIST_TITLE }]);
    expect(report.columns.map((c) => [c.heading, c.field])).toEqual(
      LIST_HEADINGS.map((h, i) => [h, ['IGNORE', 'FULL_NAME', 'BIRTH_DATE', 'BASES', 'KIND', 'GRADE', 'REQUESTS', 'CONSENT_DATE', 'CONSENT_SIGNER', 'CONSENT_REPRESENTATIVE', 'CONSENT_RELATION'][i]]),
    );
    const problems = said(report);
    expect(problems.map(([line]) => line)).toEqual(EXPECTED_PROBLEMS.map(([line]) => line));
    problems.forEach(([line, text], i) => expect([line, text]).toEqual([line, expect.stringMatching(EXPECTED_PROBLEMS[i][1])]));
    expect(await count()).toBe(before);
  });

  it('the mutation reads the same files (base64) and answers the same report', async () => {
    const response = await gql(schoolListCsv('windows-1251', ';'), 'CSV', true);
    expect(response.errors).toBeUndefined();
    const report = response.data!.importParticipants;
    expect(report).toMatchObject({ rows: 9, created: 4, rejected: 5, headerLine: 3, encoding: 'Windows-1251', delimiter: '«;»' });
    expect(report.errors.map((e) => e.line)).toEqual([5, 8, 9, 10, 13]);
  });

  it('a commit with errors writes nothing; with commitValid the four good lines are loaded and the five others reported; again, nothing changes', async () => {
    const file = await schoolListXlsx();
    const before = await count();
    const all = await upload(file, 'xlsx', { dryRun: 'false' });
    expect(all).toMatchObject({ committed: false, created: 0, rejected: 5 });
    expect(await count()).toBe(before);

    const valid = await upload(file, 'xlsx', { dryRun: 'false', commitValid: 'true' });
    expect(valid).toMatchObject({ rows: 9, created: 4, updated: 0, rejected: 5, committed: true, dryRun: false });
    expect(valid.errors.map((e) => e.line)).toEqual([5, 8, 9, 10, 13]);
    const loaded = await db.owner.query<{ last_name: string; kind: string; position: string | null; grade: number | null }>(
      `select last_name, kind, position, grade from participants where tenant_id = $1 order by last_name`,
      [school.id],
    );
    expect(loaded.rows.map((r) => r.last_name)).toEqual(GOOD_NAMES);
    expect(loaded.rows.find((r) => r.last_name === 'Новикова')).toMatchObject({ kind: 'teacher', position: 'учитель математики' });
    const entries = await db.owner.query(`select p.last_name, e.base from participant_base_entries e join participants p on p.id = e.participant_id where e.tenant_id = $1 order by 1`, [school.id]);
    expect(entries.rows).toEqual([
      { last_name: 'Кузнецова', base: 'mentor' },
      { last_name: 'Морозов', base: 'mentee' },
      { last_name: 'Новикова', base: 'mentor' },
      { last_name: 'Соколова', base: 'mentee' },
    ]);

    const again = await upload(file, 'xlsx', { dryRun: 'false', commitValid: 'true' });
    expect(again).toMatchObject({ created: 0, unchanged: 4, rejected: 5, committed: true });
    expect(await count()).toBe(before + 4);
  });

  it('the error file: the rejected rows under «Ошибка», dates as ДД.ММ.ГГГГ; fixed in Excel and loaded again, it is accepted («Ошибка» is never loaded)', async () => {
    const response = await post('/rejected', await schoolListXlsx(), { format: 'xlsx' }).buffer(true).parse(bytes);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_TYPE);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Строки с ошибками.xlsx')}`);
    const rejected = response.body as Buffer;
    const rows = await sheetOf(rejected);
    expect(rows[0]).toEqual(['Ошибка', ...LIST_HEADINGS.slice(1)]); // «№ п/п» is not loaded, so it is not there
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Петров Иван Сергеевич', 'Смирнов Алексей Дмитриевич', 'Волкова Анна Сергеевна', 'Соколова Мария Ивановна', 'Орлов']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      expect.stringMatching(/^Дата рождения 31\.02\.2011: такого дня нет/),
      expect.stringMatching(/^Дата рождения 15\.05\.\d{4} — в будущем\.$/),
      expect.stringMatching(/^Роль «куратор» не распознана/),
      'Строка повторяет строку 4: те же фамилия, имя, отчество и дата рождения.',
      expect.stringMatching(/^ФИО — «Орлов»: нужны фамилия и имя/),
    ]);
    expect(rows[4][2]).toBe('14.05.2012'); // an Excel date written back as the curator typed it

    // The curator fixes the file in Excel: two dates, a role, a full name; the repeated person is deleted.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(rejected.buffer.slice(rejected.byteOffset, rejected.byteOffset + rejected.length) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    sheet.getCell('C2').value = '28.02.2011';
    sheet.getCell('C3').value = '15.05.2012';
    sheet.getCell('D4').value = 'наставник';
    sheet.getCell('B6').value = 'Орлов Павел Николаевич';
    sheet.spliceRows(5, 1);
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());

    const dry = await upload(fixed, 'xlsx');
    expect(dry).toMatchObject({ rows: 4, created: 4, rejected: 0, errors: [], headerLine: 1 });
    expect(dry.columns[0]).toMatchObject({ heading: 'Ошибка', field: 'IGNORE', source: 'TABLE' });
    const before = await count();
    expect(await upload(fixed, 'xlsx', { dryRun: 'false' })).toMatchObject({ created: 4, committed: true });
    expect(await count()).toBe(before + 4);
    expect(await count(`and last_name in ('Петров', 'Смирнов', 'Волкова', 'Орлов')`)).toBe(4);
  });

  it('the error file is written by the formula-safe writer, and what it guarded is read back unguarded', async () => {
    const csv = Buffer.from('ФИО;Категория;Телефон\r\n"=HYPERLINK(""http://x"";""клик"") Иван";педагог;+7 900 000-00-00\r\n', 'utf8');
    const response = await post('/rejected', csv, { format: 'csv' }).buffer(true).parse(bytes);
    expect(response.status).toBe(200);
    const rows = await sheetOf(response.body as Buffer);
    expect(rows[1].slice(1)).toEqual(['\'=HYPERLINK("http://x";"клик") Иван', 'педагог', "'+7 900 000-00-00"]);
    const again = await upload(response.body as Buffer, 'xlsx');
    expect(again.errors.map((e) => e.message).join(' ')).toMatch(/только буквы/); // the name, still wrong — and no other problem
    expect(again.errors.every((e) => e.column === 'ФИО')).toBe(true);
  });

  it('unknown columns are refused by name until mapped; the mapping step’s route shows each column; a committed mapping is remembered for the school', async () => {
    const csv = Buffer.from('Фамилия;Имя;Категория;Чем увлекается;Возраст\r\nЛебедев;Игорь;ученик;шахматы;12\r\n', 'utf8');
    const refused = await gql(csv, 'CSV', true);
    expect(codesOf(refused)).toEqual(['VALIDATION_FAILED']);
    expect(refused.errors![0].message).toMatch(/^Строка заголовков: неизвестный столбец «Чем увлекается»; неизвестный столбец «Возраст»\. Допустимые столбцы: .*«ФИО».* сопоставьте с полем участника или отметьте «Не загружать»/);

    const columns = await post('/columns', csv, { format: 'csv' });
    expect(columns.status).toBe(200);
    expect(columns.body).toMatchObject({ headerLine: 1, rows: 1, problems: ['неизвестный столбец «Чем увлекается»', 'неизвестный столбец «Возраст»'], encoding: 'UTF-8' });
    expect(columns.body.columns.slice(3)).toEqual([
      { letter: 'D', heading: 'Чем увлекается', field: null, source: null, samples: ['шахматы'] },
      { letter: 'E', heading: 'Возраст', field: null, source: null, samples: ['12'] },
    ]);
    expect(columns.body.fields).toContainEqual({ field: 'NOTES', heading: 'Примечание', hint: 'любой текст' });
    expect(columns.body.fields).toContainEqual(expect.objectContaining({ field: 'IGNORE', heading: 'Не загружать' }));

    const mapping = { 'Чем увлекается': 'NOTES', Возраст: 'IGNORE' };
    const mapped = await post('/columns', csv, { format: 'csv', mapping: JSON.stringify(mapping) });
    expect(mapped.body.problems).toEqual([]);
    expect(mapped.body.columns.slice(3).map((c: { field: string; source: string }) => [c.field, c.source])).toEqual([['NOTES', 'GIVEN'], ['IGNORE', 'GIVEN']]);

    const saved = async () => (await api.gql<{ participantImportMapping: { heading: string; field: string }[] }>(token, `{ participantImportMapping { heading field updatedAt } }`)).data!.participantImportMapping;
    const asArgument = Object.entries(mapping).map(([heading, field]) => ({ heading, field }));
    expect((await gql(csv, 'CSV', true, { mapping: asArgument })).data!.importParticipants).toMatchObject({ created: 1, errors: [] });
    expect(await saved()).toEqual([]); // a dry run remembers nothing
    expect((await gql(csv, 'CSV', false, { mapping: [...asArgument, { heading: 'Категория', field: 'KIND' }] })).data!.importParticipants).toMatchObject({ created: 1, committed: true });
    expect((await saved()).map((m) => [m.heading, m.field]).sort()).toEqual([['Возраст', 'IGNORE'], ['Чем увлекается', 'NOTES']]); // «Категория» is the table's anyway
    expect((await db.owner.query(`select notes from participants where tenant_id = $1 and last_name = 'Лебедев'`, [school.id])).rows).toEqual([{ notes: 'шахматы' }]);

    // The next list of the same shape loads without the mapping step; a new choice replaces the saved one.
    const next = Buffer.from('ФИО;Категория;ЧЕМ УВЛЕКАЕТСЯ;Возраст\r\nЛебедева Инна;ученик;танцы;11\r\n', 'utf8');
    const plain = await upload(next, 'csv');
    expect(plain).toMatchObject({ created: 1, errors: [] });
    expect(plain.columns.slice(2).map((c) => [c.field, c.source])).toEqual([['NOTES', 'SAVED'], ['IGNORE', 'SAVED']]);
    await upload(next, 'csv', { dryRun: 'false', mapping: JSON.stringify({ 'Чем увлекается': 'IGNORE' }) });
    expect((await saved()).map((m) => [m.heading, m.field]).sort()).toEqual([['Возраст', 'IGNORE'], ['Чем увлекается', 'IGNORE']]);
  });

  it('the REST mapping parameter: malformed JSON, an unknown field or a bad heading are refused with what is expected; prototype keys are plain headings', async () => {
    const csv = Buffer.from('Фамилия;Имя;Категория\r\nКлючев;Пётр;педагог\r\n', 'utf8');
    const refused = async (mapping: string) => {
      const response = await post('', csv, { format: 'csv', dryRun: 'true', mapping });
      return [response.status, response.body.code, response.body.message];
    };
    expect(await refused('{not json')).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/^Сопоставление столбцов \(mapping\): ожидается JSON-объект/)]);
    expect(await refused('["IGNORE"]')).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/ожидается JSON-объект/)]);
    expect(await refused('{"Возраст":"AGE"}')).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/«AGE» — не поле загрузки; допустимы FULL_NAME, LAST_NAME/)]);
    expect(await refused('{"Возраст":"toString"}')).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/«toString» — не поле загрузки/)]);
    expect(await refused(JSON.stringify({ 'a\u0000b': 'IGNORE' }))).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/название столбца — от 1 до 200 символов/)]);
    const proto = await post('', csv, { format: 'csv', dryRun: 'true', mapping: '{"__proto__":"IGNORE","constructor":"NOTES"}' });
    expect([proto.status, proto.body.created]).toEqual([200, 1]);
    expect(({} as Record<string, unknown>).IGNORE).toBeUndefined();
  });

  it('the template: every column the import knows, an example row that loads as it is, drop-downs and a help sheet', async () => {
    const response = await api.http().get('/participants/import/template').set('authorization', `Bearer ${token}`).buffer(true).parse(bytes);
    expect([response.status, response.headers['content-type']]).toEqual([200, XLSX_TYPE]);
    const file = response.body as Buffer;
    const [headings, example] = await sheetOf(file);
    expect(headings).toEqual([
      'Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Пол', 'Категория', 'Класс', 'Должность', 'Стаж', 'Предметы', 'Организация', 'Телефон', 'Эл. почта', 'База', 'Запрос',
      'Интересы', 'Направления', 'Достижения', 'Примечание', 'Согласие: дата', 'Согласие: подписал', 'Согласие: представитель', 'Согласие: кем приходится', 'Согласие: цели',
      'Согласие: действует до',
    ]);
    expect(example.slice(0, 7)).toEqual(['Иванова', 'Анна', 'Сергеевна', '12.03.2011', 'ж', 'ученик', '7Б']);
    const help = await sheetOf(file, 1);
    expect(help[0]).toEqual(['Столбец', 'Что писать', 'Другие названия, которые тоже подходят']);
    expect(help.find((row) => row[0] === 'ФИО')?.[2]).toMatch(/Ф\.И\.О\./);
    expect(await upload(file, 'xlsx')).toMatchObject({ rows: 1, created: 1, errors: [], headerLine: 1, titleLines: [] });
  });

  it('whole-file refusals stay typed and Russian: a list without a header, a binary «CSV», an empty sheet', async () => {
    const refusal = async (file: Buffer, format: 'xlsx' | 'csv') => {
      const response = await post('', file, { format, dryRun: 'true' });
      return [response.status, response.body.code, response.body.message];
    };
    expect(await refusal(Buffer.from('Список учеников 5А\r\nПетров Иван\r\n', 'utf8'), 'csv')).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/^Строка заголовков: неизвестный столбец «Список учеников 5А»/)]);
    expect(await refusal(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x0a, 0x01]), 'csv')).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/^Файл не похож на CSV/)]);
    expect(await refusal(Buffer.from(';;;\r\n;;;\r\n', 'utf8'), 'csv')).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/^В файле нет ни одной заполненной строки/)]);
  });
});

import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { scratchDatabase } from '@nastavnik/testing/scratch';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';
import { downloadReportFile } from './report-files';

const PERIOD = '2022/2023';
const LINES = [
  ['01', 'T1', 'percent'],
  ['02', 'T2', 'percent'],
  ['03', 'T3', 'percent'],
  ['04', 'T4', 'percent'],
  ['05', 'N1', 'percent'],
  ['06', 'MENTORS', 'count'],
  ['07', 'MENTEES', 'count'],
] as const;
const COMPILER = { name: 'Лебедев Виктор Петрович', position: 'Главный специалист отдела мониторинга', phone: '+7 (495) 123-45-67' };

type Figures = Record<string, [number, number | null, number | null]>;
type Sheet = { name: string; title: Map<string, string>; header: string[]; numbers: string[]; lines: Record<string, Figures[string]>; strings: string[] };


async function insertSnapshots(owner: Pool, org: TenantRow, values: Record<string, [number, number?]>): Promise<void> {
  const computation = randomUUID();
  for (const [code, [numerator, denominator]] of Object.entries(values)) {
    await owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id) values ($1, $2::ltree, $3, $4, $5, $6, $7)`,
      [org.id, org.path, PERIOD, code, numerator, denominator ?? null, computation],
    );
  }
}

/**
 * The snapshot of every region in the run's database, by the region's short name, computed here in
 * SQL (not by the code under test): Σnumerator, Σdenominator over its organisations' snapshots, the
 * value rounded half up; zeros for a region with none; and the all-Russia total over all of them.
 */
async function snapshots(owner: Pool): Promise<{ regions: Map<string, Figures>; total: Figures; fullNames: Map<string, string> }> {
  const { rows } = await owner.query<{ name: string; full_name: string; line: string; unit: string; numerator: string; denominator: string }>(
    `select r.short_name as name, r.full_name, l.line, l.unit,
            coalesce(sum(s.numerator), 0) as numerator, coalesce(sum(s.denominator), 0) as denominator
       from tenants r
      cross join unnest($2::text[], $3::text[], $4::text[]) as l(line, code, unit)
       left join indicator_snapshots s on s.tenant_path <@ r.path and s.period = $1 and s.indicator_code = l.code
      where r.kind = 'region'
      group by r.short_name, r.full_name, l.line, l.unit`,
    [PERIOD, LINES.map((l) => l[0]), LINES.map((l) => l[1]), LINES.map((l) => l[2])],
  );
  const figures = (unit: string, n: number, d: number): Figures[string] =>
    unit === 'percent' ? [n, d, d === 0 ? null : Math.floor((200 * n + d) / (2 * d))] : [n, null, n];
  const regions = new Map<string, Figures>();
  const fullNames = new Map<string, string>();
  const sums: Record<string, [number, number]> = {};
  for (const row of rows) {
    const n = Number(row.numerator);
    const d = Number(row.denominator);
    regions.set(row.name, { ...regions.get(row.name), [row.line]: figures(row.unit, n, d) });
    fullNames.set(row.name, row.full_name);
    sums[row.line] = [(sums[row.line]?.[0] ?? 0) + n, (sums[row.line]?.[1] ?? 0) + d];
  }
  const total: Figures = Object.fromEntries(LINES.map(([line, , unit]) => [line, figures(unit, sums[line][0], sums[line][1])]));
  return { regions, total, fullNames };
}

/** The all-Russia line figures from the regions' (Σnumerator, Σdenominator, the value rounded half up). */
function totalOf(regions: Figures[]): Figures {
  return Object.fromEntries(
    LINES.map(([line, , unit]) => {
      const n = regions.reduce((sum, r) => sum + r[line][0], 0);
      if (unit === 'count') return [line, [n, null, n]];
      const d = regions.reduce((sum, r) => sum + (r[line][1] ?? 0), 0);
      return [line, [n, d, d === 0 ? null : Math.floor((200 * n + d) / (2 * d))]];
    }),
  );
}

/** Every sheet of the XLSX, read back with ExcelJS: its title block (label → value), column titles and numbers, and lines. */
async function readWorkbook(bytes: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const sheet: Sheet = { name: worksheet.name, title: new Map(), header: [], numbers: [], lines: {}, strings: [] };
    const cell = (row: ExcelJS.Row, i: number) => {
      const value = row.getCell(i).value;
      return value === null || value === undefined ? null : (value as string | number);
    };
    worksheet.eachRow((row) => {
      row.eachCell((c) => typeof c.value === 'string' && sheet.strings.push(c.value));
      const first = cell(row, 1);
      if (first === 'Наименование показателя') sheet.header = Array.from({ length: 7 }, (_, i) => String(cell(row, i + 1)));
      else if (first === 'А') sheet.numbers = Array.from({ length: 7 }, (_, i) => String(cell(row, i + 1)));
      else if (typeof cell(row, 2) === 'string' && /^\d{2}$/.test(String(cell(row, 2)))) {
        sheet.lines[String(cell(row, 2))] = [cell(row, 5) as number, cell(row, 6) as number | null, cell(row, 7) as number | null];
      } else if (typeof first === 'string' && typeof cell(row, 2) === 'string' && sheet.header.length === 0) sheet.title.set(first, String(cell(row, 2)));
    });
    return sheet;
  });
}

/**
 * The ministry's extract (issue 13, docs/adr/0037): every region in scope — one with organisations
 * but no snapshots included, with zero lines — plus the all-Russia total, one sheet each, named by
 * the region's Russian name; the title block; numbered columns; all labels Russian; the CSV from
 * the same definition; the compiler printed, kept out of GraphQL, and part of the request's identity.
 */
describe('ministry extract: every region and the all-Russia total, in a statistical layout', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: TestDb;
  let north: { region: TenantRow; school: TenantRow; college: TenantRow };
  let south: { region: TenantRow; school: TenantRow };
  const official = tokenFor('ministry-official', null);

  const requestExtract = async (token: string, args: string, vars: Record<string, unknown> = {}): Promise<string> => {
    const response = await api.gql<{ r: { id: string } }>(
      token,
      `mutation($id: ID, $compiler: ExtractCompilerInput) { r: requestExtract(formCode: "MENTORING-R145", period: "${PERIOD}", regionId: $id, compiler: $compiler, ${args}) { id } }`,
      vars,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.r.id;
  };
  const fileOf = async (token: string, id: string): Promise<Buffer> => {
    return downloadReportFile(api, db, token, id);
  };

  // A database of its own: the extract is of every region, and specs running beside it add and
  // rename regions (extract-formula-safety names one «=HYPERLINK(…)») between its reads.
  const env = readTestEnv();
  const database = scratchDatabase(env, 'ministry');

  beforeAll(async () => {
    await database.create();
    await database.migrate();
    const own = { ...env, database: database.name, appUrl: database.appUrl, ownerUrl: database.ownerUrl, indicatorsUrl: database.indicatorsUrl };
    // A Redis prefix of its own: another spec's extract worker (in a parallel jest worker) would take this one's jobs.
    const config = testConfig(own, { REDIS_PREFIX: `${env.redisPrefix}:ministry-extract` });
    api = await TestApi.start(config);
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, ReportingWorkerModule, QueueWorkersModule] })
    class ExtractWorkerModule {}
    worker = await NestFactory.createApplicationContext(ExtractWorkerModule, { logger: false });
    await worker.init();
    db = new TestDb(own);
    const rename = (t: TenantRow, full: string, short: string) => db.owner.query(`update tenants set full_name = $2, short_name = $3 where id = $1`, [t.id, full, short]);
    // «Северный регион»: two organisations, no snapshot for the period — the region the issue found missing.
    const n = await db.newSchoolWorld();
    north = { region: n.region, school: n.school, college: await db.newOrganisation(n.municipality) };
    await rename(north.region, 'Северный демонстрационный регион', 'Северный регион');
    const s = await db.newSchoolWorld();
    south = { region: s.region, school: s.school };
    const south2 = await db.newOrganisation(s.municipality);
    await rename(south.region, 'Южный демонстрационный регион', 'Южный регион');
    await insertSnapshots(db.owner, south.school, { T1: [55, 108], T2: [3, 100], T3: [33, 59], T4: [8, 12], N1: [60, 170], MENTORS: [15], MENTEES: [59] });
    await insertSnapshots(db.owner, south2, { T1: [40, 50], T3: [10, 20], MENTORS: [4], MENTEES: [12] });
    // A snapshot of another year and another indicator must not count.
    await db.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id) values ($1, $2::ltree, '2021/2022', 'T1', 999, 1000, gen_random_uuid()), ($1, $2::ltree, $3, 'M1', 5, 10, gen_random_uuid())`,
      [south.school.id, south.school.path, PERIOD],
    );
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.close();
    await database.drop();
  }, 60_000);

  it('XLSX of all regions: the total and every region (the one without data in zeros) equal the snapshots; Russian labels, title block, numbered columns', async () => {
    // The database is this spec's own, but its other tests add regions of their own: the snapshots
    // are taken before and after, and each sheet must equal one of them (both, when nothing changed).
    const before = await snapshots(db.owner);
    const sheets = await readWorkbook(await fileOf(official, await requestExtract(official, 'format: XLSX', { compiler: COMPILER })));
    const after = await snapshots(db.owner);
    expect(sheets[0].name).toBe('Российская Федерация');
    const names = sheets.slice(1).map((s) => s.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'ru'))).toEqual(names);
    expect(names).toEqual(expect.arrayContaining([...before.regions.keys()]));
    expect([...after.regions.keys()]).toEqual(expect.arrayContaining(names));
    for (const sheet of sheets.slice(1)) expect([before.regions.get(sheet.name), after.regions.get(sheet.name)]).toContainEqual(sheet.lines);
    // The total is the sum over the regions' sheets (Σnumerator / Σdenominator, never a mean of percentages) …
    expect(sheets[0].lines).toEqual(totalOf(sheets.slice(1).map((s) => s.lines)));
    // … and the snapshots' total whenever the database stood still.
    if (JSON.stringify(before.total) === JSON.stringify(after.total)) expect(sheets[0].lines).toEqual(before.total);
    const northern = sheets.find((s) => s.name === 'Северный регион')!;
    expect(northern.lines).toEqual(before.regions.get('Северный регион'));
    expect(northern.lines['01']).toEqual([0, 0, null]);
    expect(northern.lines['06']).toEqual([0, null, 0]);
    expect(northern.title.get('Организаций')).toBe('всего 2, с рассчитанными показателями за период 0');
    const southern = sheets.find((s) => s.name === 'Южный регион')!;
    expect(southern.lines).toEqual(before.regions.get('Южный регион'));
    expect(southern.lines['01']).toEqual([95, 158, 60]);
    expect(southern.lines['03']).toEqual([43, 79, 54]);
    expect(southern.lines['07']).toEqual([71, null, 71]);
    expect(southern.title.get('Организаций')).toBe('всего 2, с рассчитанными показателями за период 2');

    for (const sheet of sheets) {
      expect(sheet.header).toEqual([
        'Наименование показателя',
        '№ строки',
        'Единица измерения',
        'Код по ОКЕИ',
        'Числитель, человек',
        'Знаменатель, человек',
        'Значение показателя (процент — гр. 1 / гр. 2 × 100, человек — гр. 1)',
      ]);
      expect(sheet.numbers).toEqual(['А', 'Б', 'В', 'Г', '1', '2', '3']);
      expect(Object.fromEntries(sheet.title)).toMatchObject({
        'Наименование формы': 'Сведения о реализации целевой модели наставничества (Р-145)',
        Форма: 'МОНИТОРИНГ-НАСТАВНИЧЕСТВО (Р-145), версия 1 (действует с 01.09.2022)',
        Периодичность: 'годовая',
        'Отчётный период': '2022/2023 учебный год (01.09.2022–31.08.2023)',
        'Составитель (Ф. И. О.)': COMPILER.name,
        Должность: COMPILER.position,
        // «+7 …» starts like a formula: the one formula-safe writer keeps it text with a leading apostrophe (docs/adr/0037).
        'Контактный телефон': `'${COMPILER.phone}`,
      });
      expect(sheet.title.get('Утверждена')).toMatch(/^Распоряжение Министерства просвещения Российской Федерации от 25\.12\.2019 № Р-145/);
      expect(sheet.title.get('Дата составления')).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      // All labels Russian: no Latin letter in the sheet (no «MENTORING-R145 v1, действует с 2022-09-01»);
      // the names of other specs' regions («Регион t0a1b2…») are theirs.
      if (['Российская Федерация', 'Северный регион', 'Южный регион'].includes(sheet.name)) expect(sheet.strings.filter((s) => /[A-Za-z]/.test(s))).toEqual([]);
    }
    expect(sheets[0].title.get('Респондент')).toBe(`Российская Федерация — итого по регионам выгрузки (${names.length})`);
    expect(northern.title.get('Респондент')).toBe('Северный демонстрационный регион');
  });

  it('CSV of all regions: the same definition, the same figures per territory, the total first', async () => {
    const before = await snapshots(db.owner);
    const text = (await fileOf(official, await requestExtract(official, 'format: CSV', { compiler: COMPILER }))).toString('utf8');
    const after = await snapshots(db.owner);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('Форма;МОНИТОРИНГ-НАСТАВНИЧЕСТВО (Р-145), версия 1 (действует с 01.09.2022)');
    expect(lines).toContain(`Составитель (Ф. И. О.);${COMPILER.name}`);
    expect(lines).toContain(';А;Б;В;Г;1;2;3');
    const read: Map<string, Figures> = new Map();
    for (const line of lines) {
      const cells = line.split(';');
      if (cells.length !== 8 || !/^\d{2}$/.test(cells[2])) continue;
      const num = (c: string) => (c === '' ? null : Number(c));
      read.set(cells[0], { ...read.get(cells[0]), [cells[2]]: [num(cells[5]) as number, num(cells[6]), num(cells[7])] });
    }
    expect([...read.keys()][0]).toBe('Российская Федерация');
    const total = read.get('Российская Федерация');
    read.delete('Российская Федерация');
    expect(total).toEqual(totalOf([...read.values()]));
    for (const [name, figures] of read) expect([before.regions.get(name), after.regions.get(name)]).toContainEqual(figures);
    expect(read.get('Северный регион')).toEqual(before.regions.get('Северный регион'));
    expect(read.get('Южный регион')).toEqual(before.regions.get('Южный регион'));
    expect(lines.filter((line) => /[A-Za-z]/.test(line) && !/^Регион t[0-9a-f]+;/.test(line))).toEqual([]);
  });

  it('regionComparison (the minister\'s home page): every region with the same figures as the extract, the total; refused to regional and school roles', async () => {
    type Line = { regionId: string | null; name: string; organisations: number; reporting: number; figures: { code: string; numerator: number; denominator: number | null; value: number | null; belowTarget: boolean | null }[] };
    const query = `query { regionComparison(period: "${PERIOD}") { indicators { code unit target } regions { regionId name organisations reporting figures { code numerator denominator value belowTarget } } total { regionId name organisations reporting figures { code numerator denominator value belowTarget } } } }`;
    const before = await snapshots(db.owner);
    const response = await api.gql<{ regionComparison: { indicators: { code: string }[]; regions: Line[]; total: Line } }>(official, query);
    const after = await snapshots(db.owner);
    expect(response.errors).toBeUndefined();
    const { indicators, regions, total } = response.data!.regionComparison;
    expect(indicators.map((i) => i.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'N1', 'M1', 'M2', 'M3', 'M5', 'MENTORS', 'MENTEES']);
    const asLines = (line: Line): Figures =>
      Object.fromEntries(LINES.map(([n, code]) => {
        const f = line.figures.find((x) => x.code === code)!;
        return [n, [f.numerator, f.denominator, f.value]];
      }));
    expect(regions.map((r) => r.name)).toEqual(expect.arrayContaining([...before.regions.keys()]));
    for (const region of regions) expect([before.regions.get(region.name), after.regions.get(region.name)]).toContainEqual(asLines(region));
    expect(asLines(total)).toEqual(totalOf(regions.map(asLines)));
    const northern = regions.find((r) => r.name === 'Северный регион')!;
    expect([northern.regionId, northern.organisations, northern.reporting]).toEqual([north.region.id, 2, 0]);
    expect(northern.figures.find((f) => f.code === 'N1')).toEqual({ code: 'N1', numerator: 0, denominator: 0, value: null, belowTarget: null });
    const southern = regions.find((r) => r.name === 'Южный регион')!;
    // N1 = 60/170 = 35 % against the default target of at least 70 %; M1 (not a line of the form) 5/10, no target.
    expect(southern.figures.find((f) => f.code === 'N1')).toEqual({ code: 'N1', numerator: 60, denominator: 170, value: 35, belowTarget: true });
    expect(southern.figures.find((f) => f.code === 'M1')).toEqual({ code: 'M1', numerator: 5, denominator: 10, value: 50, belowTarget: null });
    expect(total.regionId).toBeNull();
    expect(codesOf(await api.gql(tokenFor('region-analyst', north.region.code), query))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(tokenFor('curator', south.school.code), query))).toEqual(['FORBIDDEN']);
  });

  it("a region analyst's extract is their region alone, no total; another region is not found", async () => {
    const analyst = tokenFor('region-analyst', north.region.code);
    const sheets = await readWorkbook(await fileOf(analyst, await requestExtract(analyst, 'format: XLSX')));
    expect(sheets.map((s) => s.name)).toEqual(['Северный регион']);
    expect(sheets[0].title.get('Составитель (Ф. И. О.)')).toBe('—');
    const other = await api.gql(analyst, `mutation($id: ID) { requestExtract(formCode: "MENTORING-R145", period: "${PERIOD}", regionId: $id) { id } }`, { id: south.region.id });
    expect(codesOf(other)).toEqual(['NOT_FOUND']);
  });

  it('the compiler is kept in the row only: another compiler is another file, GraphQL never returns it, a bad phone is refused in Russian', async () => {
    const first = await requestExtract(official, 'format: CSV', { compiler: COMPILER });
    const again = await requestExtract(official, 'format: CSV', { compiler: COMPILER });
    const other = await requestExtract(official, 'format: CSV', { compiler: { ...COMPILER, name: 'Иванова Анна Сергеевна' } });
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    const { rows } = await db.owner.query(`select compiler from report_files where id = $1`, [first]);
    expect(rows[0].compiler).toEqual(COMPILER);
    const shown = await api.gql<{ Report: { parameters: string } }>(official, `query($id: ID!) { Report(id: $id) { parameters } }`, { id: first });
    expect(shown.data!.Report.parameters).not.toContain(COMPILER.phone);
    expect(JSON.stringify(shown.data)).not.toContain(COMPILER.name);
    const bad = await api.gql(official, `mutation($c: ExtractCompilerInput) { requestExtract(formCode: "MENTORING-R145", period: "${PERIOD}", compiler: $c) { id } }`, { c: { ...COMPILER, phone: 'звоните' } });
    expect(codesOf(bad)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(bad.errors)).toContain('Телефон составителя');
    const curator = await api.gql(tokenFor('curator', north.school.code), `mutation($c: ExtractCompilerInput) { requestExtract(formCode: "MENTORING-R145", period: "${PERIOD}", compiler: $c) { id } }`, { c: COMPILER });
    expect(codesOf(curator)).toEqual(['FORBIDDEN']);
  });
});

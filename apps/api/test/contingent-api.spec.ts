import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { readTable } from '@nastavnik/participants/import/read-table';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };
type Contingent = { id: string; tenantId: string; schoolYear: string; teachers: number; pupils: number; pupils10To19: number; pupils15To19: number; source: string; ages: { age: number; pupils: number }[] };

const FIELDS = 'id tenantId schoolYear teachers pupils pupils10To19 pupils15To19 source ages { age pupils }';
const CREATE = `mutation($input: CreateSchoolContingentInput!) { createSchoolContingent(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSchoolContingentInput!) { updateSchoolContingent(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteSchoolContingent(id: $id) { id } }`;
const ONE = `query($id: ID!) { SchoolContingent(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: SchoolContingentFilter) { allSchoolContingents(filter: $f, perPage: 500) { ${FIELDS} } _allSchoolContingentsMeta(filter: $f) { count } }`;
const IMPORT = `mutation($file: String!, $format: ImportFormat!, $dry: Boolean!, $year: String) {
  importSchoolContingents(file: $file, format: $format, dryRun: $dry, schoolYear: $year) {
    dryRun committed errors { line column message } lines { line tenantId tenantCode schoolYear pupils pupils10To19 pupils15To19 teachers replaces }
  }
}`;
const TEMPLATE = `query($region: Boolean!) { schoolContingentTemplate(region: $region) }`;

type ImportReport = { dryRun: boolean; committed: boolean; errors: { line: number | null; column: string | null; message: string }[]; lines: Record<string, unknown>[] };

const csv = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8').toString('base64');
async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Контингент');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/**
 * Issue 14 item 5: the school's contingent (docs/adr/0027) through the API — entered by the
 * curator, imported by the school and, for the schools of a region, by the region's analyst in
 * one file (dry run first, Russian errors with line numbers, all or nothing); kept apart between
 * schools and regions by the API and by the forced policies themselves; the indicator values say
 * where their denominators came from.
 */
describe('contingent: entered, imported, isolated', () => {
  let api: TestApi;
  let db: TestDb;
  let a: World;
  let a2: TenantRow;
  let b: World;
  let curatorA: string;
  let curatorB: string;
  let analystA: string;
  let analystB: string;
  let contingentA: Contingent;

  const ownerRows = (tenantId: string) =>
    db.owner
      .query(
        `select c.school_year, c.teachers, c.source, coalesce(json_agg(json_build_object('age', g.age, 'pupils', g.pupils) order by g.age) filter (where g.age is not null), '[]') as ages
           from school_contingents c left join school_contingent_ages g on g.tenant_id = c.tenant_id and g.contingent_id = c.id
          where c.tenant_id = $1 group by c.tenant_id, c.id order by c.school_year`,
        [tenantId],
      )
      .then((r) => r.rows);
  const requests = (tenantId: string, period: string) =>
    db.owner.query(`select count(*)::int as n from indicator_recompute_requests where tenant_id = $1 and period = $2`, [tenantId, period]).then((r) => r.rows[0].n as number);

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    a = await db.newSchoolWorld();
    a2 = await db.newOrganisation(a.municipality);
    b = await db.newSchoolWorld();
    curatorA = tokenFor('curator', a.school.code);
    curatorB = tokenFor('curator', b.school.code);
    analystA = tokenFor('region-analyst', a.region.code);
    analystB = tokenFor('region-analyst', b.region.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('a curator enters the school’s contingent: totals for the indicators, one per year, checked input, and a recompute request', async () => {
    const created = await api.gql<{ createSchoolContingent: Contingent }>(curatorA, CREATE, {
      input: { schoolYear: '2022/2023', ages: [{ age: 15, pupils: 30 }, { age: 7, pupils: 20 }, { age: 10, pupils: 40 }, { age: 19, pupils: 0 }], teachers: 12 },
    });
    expect(created.errors).toBeUndefined();
    contingentA = created.data!.createSchoolContingent;
    expect(contingentA).toMatchObject({
      tenantId: a.school.id, schoolYear: '2022/2023', teachers: 12, pupils: 90, pupils10To19: 70, pupils15To19: 30, source: 'CONSOLE',
      ages: [{ age: 7, pupils: 20 }, { age: 10, pupils: 40 }, { age: 15, pupils: 30 }], // an age without pupils is not kept
    });
    expect(await requests(a.school.id, '2022/2023')).toBe(1);

    const again = await api.gql(curatorA, CREATE, { input: { schoolYear: '2022/2023', ages: [], teachers: 1 } });
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].message).toBe('Контингент за 2022/2023 учебный год уже внесён — откройте его и измените.');
    const twice = await api.gql(curatorA, CREATE, { input: { schoolYear: '2021/2022', ages: [{ age: 10, pupils: 1 }, { age: 10, pupils: 2 }], teachers: 1 } });
    expect([codesOf(twice), twice.errors![0].message]).toEqual([['VALIDATION_FAILED'], 'Возраст 10 указан дважды.']);
    const old = await api.gql(curatorA, CREATE, { input: { schoolYear: '2021/2022', ages: [{ age: 30, pupils: 1 }], teachers: -1 } });
    expect(codesOf(old)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(old.errors)).toMatch(/Возраст — целое число от 5 до 25/);

    const updated = await api.gql<{ updateSchoolContingent: Contingent }>(curatorA, UPDATE, { id: contingentA.id, input: { teachers: 14, ages: [{ age: 11, pupils: 50 }, { age: 16, pupils: 45 }] } });
    expect(updated.data!.updateSchoolContingent).toMatchObject({ teachers: 14, pupils: 95, pupils10To19: 95, pupils15To19: 45, ages: [{ age: 11, pupils: 50 }, { age: 16, pupils: 45 }] });
    expect(await ownerRows(a.school.id)).toEqual([{ school_year: '2022/2023', teachers: 14, source: 'console', ages: [{ age: 11, pupils: 50 }, { age: 16, pupils: 45 }] }]);
  });

  it('another school’s curator and another region’s analyst see and change nothing of it; the school’s region reads it; an official only reads', async () => {
    const before = await ownerRows(a.school.id);
    const list = async (token: string) => (await api.gql<{ allSchoolContingents: Contingent[]; _allSchoolContingentsMeta: { count: number } }>(token, LIST)).data!;
    expect(await list(curatorB)).toEqual({ allSchoolContingents: [], _allSchoolContingentsMeta: { count: 0 } });
    expect(await list(analystB)).toEqual({ allSchoolContingents: [], _allSchoolContingentsMeta: { count: 0 } });
    for (const token of [curatorB, analystB]) {
      expect(codesOf(await api.gql(token, ONE, { id: contingentA.id }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(token, UPDATE, { id: contingentA.id, input: { teachers: 1 } }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(token, DELETE, { id: contingentA.id }))).toEqual(['NOT_FOUND']);
    }
    expect(codesOf(await api.gql(curatorB, CREATE, { input: { schoolYear: '2023/2024', ages: [], teachers: 1, tenantId: a.school.id } }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(analystB, CREATE, { input: { schoolYear: '2023/2024', ages: [], teachers: 1, tenantId: a.school.id } }))).toEqual(['NOT_FOUND']);
    expect(await ownerRows(a.school.id)).toEqual(before);

    const regional = await list(analystA);
    expect(regional.allSchoolContingents.map((c) => c.id)).toEqual([contingentA.id]);
    const official = tokenFor('ministry-official', null);
    expect((await api.gql<{ SchoolContingent: Contingent }>(official, ONE, { id: contingentA.id })).data!.SchoolContingent.teachers).toBe(14);
    expect(codesOf(await api.gql(official, UPDATE, { id: contingentA.id, input: { teachers: 1 } }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(official, IMPORT, { file: csv('Учебный год;10;Педагоги\n2022/2023;1;1'), format: 'CSV', dry: true }))).toEqual(['FORBIDDEN']);
    // The school's region enters a contingent for another of its schools.
    const forA2 = await api.gql<{ createSchoolContingent: Contingent }>(analystA, CREATE, { input: { schoolYear: '2022/2023', ages: [{ age: 12, pupils: 5 }], teachers: 2, tenantId: a2.id } });
    expect(forA2.data?.createSchoolContingent).toMatchObject({ tenantId: a2.id, pupils: 5 });
    expect(codesOf(await api.gql(analystA, CREATE, { input: { schoolYear: '2022/2023', ages: [], teachers: 2, tenantId: a.municipality.id } }))).toEqual(['VALIDATION_FAILED']);
    expect(await requests(a2.id, '2022/2023')).toBe(1);
  });

  it('under the app role the forced policies alone keep the rows apart (both tables)', async () => {
    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    const as = async <T>(scope: Omit<Scope, 'actor'>, work: () => Promise<T>): Promise<T | { error: string }> => {
      await client.query('begin');
      try {
        await client.query(scopeStatement({ ...scope, actor: 'isolation-spec' }));
        return await work();
      } catch (error) {
        return { error: (error as { code?: string }).code ?? String(error) };
      } finally {
        await client.query('rollback');
      }
    };
    const curatorOf = (school: TenantRow): Omit<Scope, 'actor'> => ({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false });
    const analystOf = (region: TenantRow): Omit<Scope, 'actor'> => ({ role: 'region-analyst', tenantId: null, tenantPath: region.path, allTenants: false });
    const tenantsIn = (scope: Omit<Scope, 'actor'>) =>
      as(scope, async () => ({
        contingents: (await client.query(`select tenant_id from school_contingents where tenant_id = any($1::uuid[]) order by tenant_id`, [[a.school.id, a2.id]])).rows.map((r) => r.tenant_id),
        ages: (await client.query(`select distinct tenant_id from school_contingent_ages where tenant_id = any($1::uuid[]) order by tenant_id`, [[a.school.id, a2.id]])).rows.map((r) => r.tenant_id),
      }));
    try {
      expect(await tenantsIn(curatorOf(a.school))).toEqual({ contingents: [a.school.id], ages: [a.school.id] });
      expect(await tenantsIn(curatorOf(b.school))).toEqual({ contingents: [], ages: [] });
      expect(await tenantsIn(analystOf(b.region))).toEqual({ contingents: [], ages: [] });
      const both = [a.school.id, a2.id].sort();
      expect(await tenantsIn(analystOf(a.region))).toEqual({ contingents: both, ages: both });
      for (const outsider of [curatorOf(b.school), analystOf(b.region)]) {
        for (const statement of [
          `update school_contingents set teachers = 0 where tenant_id = $1`,
          `delete from school_contingents where tenant_id = $1`,
          `update school_contingent_ages set pupils = 0 where tenant_id = $1`,
          `delete from school_contingent_ages where tenant_id = $1`,
        ]) expect([statement, await as(outsider, async () => (await client.query(statement, [a.school.id])).rowCount)]).toEqual([statement, 0]);
        // The school is not even visible to them: the path trigger refuses before the policy would.
        expect(await as(outsider, () => client.query(`insert into school_contingents (tenant_id, school_year, teachers, source) values ($1, '2030/2031', 1, 'console')`, [a.school.id]))).toEqual({ error: '23503' });
      }
      // A curator cannot write a row of another school even naming its path: the policy refuses (the trigger takes the path from the tree).
      expect(await as(curatorOf(a.school), () => client.query(`insert into school_contingents (tenant_id, school_year, teachers, source) values ($1, '2030/2031', 1, 'console')`, [a2.id]))).toEqual({ error: '23503' });
      const ownInsert = await as(curatorOf(a.school), async () => (await client.query(`insert into school_contingents (tenant_id, school_year, teachers, source) values ($1, '2030/2031', 1, 'console') returning tenant_path::text`, [a.school.id])).rows);
      expect(ownInsert).toEqual([{ tenant_path: a.school.path }]);
      expect((await client.query(`select (select count(*) from school_contingents)::int as c, (select count(*) from school_contingent_ages)::int as g`)).rows).toEqual([{ c: 0, g: 0 }]);
    } finally {
      await client.end();
    }
  });

  it('the school imports its own contingent: Russian errors with line numbers, a dry run, then all lines or none', async () => {
    const bad = csv('Контингент МБОУ на 1 сентября\nУчебный год;6 лет;7 лет;10;15 лет;Обучающихся всего;Педагогические работники\n2023/2024;10;;5;x;20;3\n2023/2024;1;1;1;1;5;\n2023-2024;1;;;;1;2');
    const refused = await api.gql<{ importSchoolContingents: ImportReport }>(curatorA, IMPORT, { file: bad, format: 'CSV', dry: false });
    expect(refused.data!.importSchoolContingents).toMatchObject({ dryRun: false, committed: false });
    expect(refused.data!.importSchoolContingents.errors).toEqual([
      { line: 3, column: '15 лет', message: 'Строка 3, «15 лет»: ожидается целое число от 0 до 10000, а не «x».' },
      { line: 4, column: 'Педагогические работники', message: 'Строка 4, «Педагогические работники»: не заполнено (если педагогов нет — 0).' },
    ]);
    expect(refused.data!.importSchoolContingents.lines).toEqual([
      { line: 5, tenantId: a.school.id, tenantCode: a.school.code, schoolYear: '2023/2024', pupils: 1, pupils10To19: 0, pupils15To19: 0, teachers: 2, replaces: false },
    ]);
    expect(await ownerRows(a.school.id)).toHaveLength(1);

    const sums = await api.gql<{ importSchoolContingents: ImportReport }>(curatorA, IMPORT, { file: csv('Учебный год;10;11;Всего обучающихся;Педагоги\n;3;4;8;1'), format: 'CSV', dry: true, year: '2023/2024' });
    expect(sums.data!.importSchoolContingents.errors.map((e) => e.message)).toEqual(['Строка 2, «Обучающихся всего»: 8, а по возрастам — 7: проверьте строку.']);
    const other = await api.gql<{ importSchoolContingents: ImportReport }>(curatorA, IMPORT, { file: csv(`Код ОО;Учебный год;10;Педагоги\n${a2.code};2023/2024;3;1`), format: 'CSV', dry: true });
    expect(other.data!.importSchoolContingents.errors.map((e) => e.message)).toEqual([`Строка 2, «Код ОО»: код «${a2.code}» — не код вашей организации (${a.school.code}): куратор загружает только свой контингент.`]);
    const unknown = await api.gql<{ importSchoolContingents: ImportReport }>(curatorA, IMPORT, { file: csv('Учебный год;10;Возраст ребёнка;Педагоги\n2023/2024;3;4;1'), format: 'CSV', dry: true });
    expect(unknown.data!.importSchoolContingents.errors[0]).toMatchObject({ line: 1, column: 'Возраст ребёнка' });

    const good = csv(`Код ОО;Учебный год;6 лет;10 лет;15 лет;Обучающихся всего;Педагоги\n${a.school.code};2023/2024;10;20;30;60;5\n;2021/2022;1;2;3;6;1`);
    const dry = await api.gql<{ importSchoolContingents: ImportReport }>(curatorA, IMPORT, { file: good, format: 'CSV', dry: true });
    expect(dry.data!.importSchoolContingents).toEqual({
      dryRun: true, committed: false, errors: [],
      lines: [
        { line: 2, tenantId: a.school.id, tenantCode: a.school.code, schoolYear: '2023/2024', pupils: 60, pupils10To19: 50, pupils15To19: 30, teachers: 5, replaces: false },
        { line: 3, tenantId: a.school.id, tenantCode: a.school.code, schoolYear: '2021/2022', pupils: 6, pupils10To19: 5, pupils15To19: 3, teachers: 1, replaces: false },
      ],
    });
    expect(await ownerRows(a.school.id)).toHaveLength(1);
    const done = await api.gql<{ importSchoolContingents: ImportReport }>(curatorA, IMPORT, { file: good, format: 'CSV', dry: false });
    expect(done.data!.importSchoolContingents).toMatchObject({ committed: true, errors: [] });
    expect((await ownerRows(a.school.id)).map((r) => [r.school_year, r.source, r.teachers])).toEqual([
      ['2021/2022', 'school-import', 1],
      ['2022/2023', 'console', 14],
      ['2023/2024', 'school-import', 5],
    ]);
    expect(await requests(a.school.id, '2023/2024')).toBe(1);
    // The access journal has the import (one event for the school, no personal-data fields); the dry runs left nothing.
    const events = await db.owner.query(`select role, operation, action, entity, cardinality(entity_ids) as ids, fields from access_journal where tenant_id = $1 and entity = 'SchoolContingent'`, [a.school.id]);
    expect(events.rows).toEqual([{ role: 'curator', operation: 'importSchoolContingents', action: 'import', entity: 'SchoolContingent', ids: 2, fields: [] }]);
  });

  it('the region imports one XLSX for its schools by code: unknown and other regions’ codes refused by line, then every school written', async () => {
    const heading = ['Код ОО', 'Наименование ОО', 'Учебный год', '9 лет', '10 лет', '14 лет', '17 лет', 'Педагогические работники'];
    const rows = (extra: (string | number | null)[][]) => [['Контингент школ региона на 1 сентября 2023 года'], heading, [a.school.code, 'Школа А', '2023/2024', 1, 2, 3, 4, 7], [a2.code, 'Школа А2', '2023/2024', null, 10, null, 5, 3], ...extra];
    const refused = await api.gql<{ importSchoolContingents: ImportReport }>(analystA, IMPORT, {
      file: await xlsx(rows([['НЕТ-ТАКОЙ', 'x', '2023/2024', 1, 1, 1, 1, 1], [b.school.code, 'чужая', '2023/2024', 1, 1, 1, 1, 1], [a2.code, 'снова', '2023/2024', 1, 1, 1, 1, 1], [null, 'без кода', '2023/2024', 1, 1, 1, 1, 1]])),
      format: 'XLSX', dry: false,
    });
    expect(refused.data!.importSchoolContingents.committed).toBe(false);
    expect(refused.data!.importSchoolContingents.errors.map((e) => e.message)).toEqual([
      'Строка 5, «Код ОО»: организация с кодом «НЕТ-ТАКОЙ» не найдена в вашем регионе.',
      `Строка 6, «Код ОО»: организация с кодом «${b.school.code}» не найдена в вашем регионе.`,
      `Строка 7: ${a2.short_name}, 2023/2024 — уже в строке 4.`,
      'Строка 8, «Код ОО»: не заполнен: в файле региона каждая строка — организация с её кодом.',
    ]);
    expect((await ownerRows(a.school.id)).find((r) => r.school_year === '2023/2024')).toMatchObject({ source: 'school-import', teachers: 5 });
    expect(await ownerRows(b.school.id)).toEqual([]);

    const file = await xlsx(rows([]));
    const dry = await api.gql<{ importSchoolContingents: ImportReport }>(analystA, IMPORT, { file, format: 'XLSX', dry: true });
    expect(dry.data!.importSchoolContingents.lines.map((l) => [l.line, l.tenantCode, l.pupils, l.pupils10To19, l.pupils15To19, l.teachers, l.replaces])).toEqual([
      [3, a.school.code, 10, 9, 4, 7, true],
      [4, a2.code, 15, 15, 5, 3, false],
    ]);
    const before = await requests(a2.id, '2023/2024');
    const done = await api.gql<{ importSchoolContingents: ImportReport }>(analystA, IMPORT, { file, format: 'XLSX', dry: false });
    expect(done.data!.importSchoolContingents).toMatchObject({ committed: true, errors: [] });
    expect((await ownerRows(a.school.id)).find((r) => r.school_year === '2023/2024')).toEqual({
      school_year: '2023/2024', teachers: 7, source: 'region-import', ages: [{ age: 9, pupils: 1 }, { age: 10, pupils: 2 }, { age: 14, pupils: 3 }, { age: 17, pupils: 4 }],
    });
    expect((await ownerRows(a2.id)).find((r) => r.school_year === '2023/2024')).toMatchObject({ teachers: 3, source: 'region-import' });
    expect(await requests(a2.id, '2023/2024')).toBe(before + 1);
    // Region analysts are journaled like curators (docs/adr/0023): the school's chain shows who imported its counts — no personal field.
    expect((await db.owner.query(`select role, action, fields from access_journal where tenant_id = $1 and entity = 'SchoolContingent'`, [a2.id])).rows).toEqual([{ role: 'region-analyst', action: 'import', fields: [] }]);
    // Another region's analyst names these schools: nothing found, nothing written.
    const outsider = await api.gql<{ importSchoolContingents: ImportReport }>(analystB, IMPORT, { file, format: 'XLSX', dry: false });
    expect(outsider.data!.importSchoolContingents.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(outsider.data!.importSchoolContingents.committed).toBe(false);
  });

  it('the templates read back: the region’s lists its schools by code, the school’s has no code column', async () => {
    const read = async (token: string, region: boolean) => {
      const response = await api.gql<{ schoolContingentTemplate: string }>(token, TEMPLATE, { region });
      return (await readTable(Buffer.from(response.data!.schoolContingentTemplate, 'base64'), 'xlsx')).rows.map((r) => r.cells);
    };
    const regional = await read(analystA, true);
    expect(regional[0].slice(0, 4)).toEqual(['Код ОО', 'Наименование ОО', 'Учебный год', '6 лет']);
    expect(regional[0].slice(-2)).toEqual(['Обучающихся всего', 'Педагогические работники']);
    expect(regional.slice(1).map((cells) => cells[0]).sort()).toEqual([a.school.code, a2.code].sort());
    const own = await read(curatorA, false);
    expect(own[0][0]).toBe('Учебный год');
    expect(codesOf(await api.gql(tokenFor('ministry-official', null), TEMPLATE, { region: true }))).toEqual(['FORBIDDEN']);
  });

  it('indicator values say where their denominator came from', async () => {
    await db.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, denominator_source, computation_id)
       values ($1, $2, '2022/2023', 'T1', 55, 108, 'contingent', gen_random_uuid()), ($1, $2, '2022/2023', 'M2', 4, 16, 'registered', gen_random_uuid()),
              ($1, $2, '2022/2023', 'T3', 33, 59, null, gen_random_uuid())`,
      [a.school.id, a.school.path],
    );
    const values = await api.gql<{ indicatorValues: { code: string; denominatorSource: string | null }[] }>(curatorA, `query { indicatorValues(period: "2022/2023") { code denominatorSource } }`);
    const source = new Map(values.data!.indicatorValues.map((v) => [v.code, v.denominatorSource]));
    expect([source.get('T1'), source.get('M2'), source.get('T3'), source.get('T2')]).toEqual(['CONTINGENT', 'REGISTERED', null, null]);
  });
});

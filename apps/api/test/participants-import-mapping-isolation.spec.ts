import { Client } from 'pg';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };

const CSV = Buffer.from('Фамилия;Имя;Категория;Чем увлекается\r\nСвоев;Игорь;ученик;шахматы\r\n', 'utf8').toString('base64');
const IMPORT = `mutation($f: String!, $dry: Boolean!, $t: ID, $m: [ImportColumnMappingInput!]) {
  importParticipants(file: $f, format: CSV, dryRun: $dry, tenantId: $t, mapping: $m) { created committed }
}`;
const MAPPING = `query($t: ID) { participantImportMapping(tenantId: $t) { heading field } }`;

/**
 * Issue 12's new table, `participant_import_mappings`: how a school names its columns is the
 * school's. A curator of school A remembers a mapping; school B's curator neither sees it nor gets
 * it applied, cannot read or write A's by naming A; regional roles read none; and under the app
 * role the forced policies themselves show each curator only their school's rows.
 */
describe('participants import: the saved column mapping stays with its school', () => {
  let api: TestApi;
  let db: TestDb;
  let a: World;
  let b: World;
  let curatorA: string;
  let curatorB: string;
  /** School A's saved rows, through the owner role. */
  let rows: () => Promise<unknown[]>;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    curatorA = tokenFor('curator', a.school.code);
    curatorB = tokenFor('curator', b.school.code);
    const saved = await api.gql<{ importParticipants: { committed: boolean } }>(curatorA, IMPORT, { f: CSV, dry: false, m: [{ heading: 'Чем увлекается', field: 'NOTES' }] });
    expect(saved.data?.importParticipants.committed).toBe(true);
    rows = () => db.owner.query(`select tenant_id, heading_key, heading, field, updated_at from participant_import_mappings where tenant_id = $1 order by heading_key`, [a.school.id]).then((r) => r.rows);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('curator A reads the mapping; curator B reads none, and B’s file with the same heading is refused: A’s choice is not applied to B', async () => {
    expect((await api.gql(curatorA, MAPPING)).data).toEqual({ participantImportMapping: [{ heading: 'Чем увлекается', field: 'NOTES' }] });
    expect((await api.gql(curatorB, MAPPING)).data).toEqual({ participantImportMapping: [] });
    const refused = await api.gql(curatorB, IMPORT, { f: CSV, dry: true });
    expect(codesOf(refused)).toEqual(['VALIDATION_FAILED']);
    expect(refused.errors![0].message).toMatch(/неизвестный столбец «Чем увлекается»/);
    const columns = await api.http().post('/participants/import/columns?format=csv').set('authorization', `Bearer ${curatorB}`).set('content-type', 'application/octet-stream').send(Buffer.from(CSV, 'base64'));
    expect(columns.body.columns[3]).toMatchObject({ heading: 'Чем увлекается', field: null, source: null });
  });

  it('curator B naming school A is refused everywhere (query, mutation with a mapping, REST routes), and A’s rows are untouched', async () => {
    const before = await rows();
    expect(codesOf(await api.gql(curatorB, MAPPING, { t: a.school.id }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(curatorB, IMPORT, { f: CSV, dry: false, t: a.school.id, m: [{ heading: 'Чем увлекается', field: 'IGNORE' }] }))).toEqual(['FORBIDDEN']);
    for (const path of ['/participants/import?format=csv&dryRun=false', '/participants/import/columns?format=csv', '/participants/import/rejected?format=csv']) {
      const mapping = encodeURIComponent(JSON.stringify({ 'Чем увлекается': 'IGNORE' }));
      const response = await api.http().post(`${path}&tenantId=${a.school.id}&mapping=${mapping}`).set('authorization', `Bearer ${curatorB}`).set('content-type', 'application/octet-stream').send(Buffer.from(CSV, 'base64'));
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    // B's own commit with a mapping of the same heading is B's row, beside A's.
    await api.gql(curatorB, IMPORT, { f: CSV, dry: false, m: [{ heading: 'Чем увлекается', field: 'IGNORE' }] });
    expect((await api.gql(curatorA, MAPPING)).data).toEqual({ participantImportMapping: [{ heading: 'Чем увлекается', field: 'NOTES' }] });
    expect((await api.gql(curatorB, MAPPING)).data).toEqual({ participantImportMapping: [{ heading: 'Чем увлекается', field: 'IGNORE' }] });
    expect(await rows()).toEqual(before);
  });

  it('regional roles read no school’s mapping; the platform admin reads a school’s by its id', async () => {
    expect(codesOf(await api.gql(tokenFor('region-analyst', a.region.code), MAPPING, { t: a.school.id }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(tokenFor('ministry-official', null), MAPPING, { t: a.school.id }))).toEqual(['FORBIDDEN']);
    expect((await api.gql(tokenFor('platform-admin', null), MAPPING, { t: a.school.id })).data).toEqual({ participantImportMapping: [{ heading: 'Чем увлекается', field: 'NOTES' }] });
  });

  it('under the app role the forced policies alone keep the rows apart: a curator scope sees and changes only its school’s', async () => {
    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    const asCurator = async <T>(school: TenantRow, work: () => Promise<T>): Promise<T | { error: string }> => {
      await client.query('begin');
      try {
        await client.query(scopeStatement({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'isolation-spec' }));
        return await work();
      } catch (error) {
        return { error: (error as { code?: string }).code ?? String(error) };
      } finally {
        await client.query('rollback');
      }
    };
    try {
      const visible = (school: TenantRow) => asCurator(school, async () => (await client.query(`select tenant_id from participant_import_mappings`)).rows.map((r) => r.tenant_id));
      expect(await visible(a.school)).toEqual([a.school.id]);
      expect(await visible(b.school)).toEqual([b.school.id]);
      expect(await asCurator(b.school, async () => (await client.query(`update participant_import_mappings set field = 'IGNORE' where tenant_id = $1`, [a.school.id])).rowCount)).toBe(0);
      expect(await asCurator(b.school, async () => (await client.query(`delete from participant_import_mappings where tenant_id = $1`, [a.school.id])).rowCount)).toBe(0);
      expect(await asCurator(b.school, () => client.query(`insert into participant_import_mappings (tenant_id, heading_key, heading, field) values ($1, 'x', 'x', 'IGNORE')`, [a.school.id]))).toEqual({ error: '42501' });
      // No scope at all: nothing.
      expect((await client.query(`select count(*)::int as n from participant_import_mappings`)).rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });
});

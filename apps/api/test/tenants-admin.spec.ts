import { codesOf, TestApi, type GqlResponse } from './test-api';
import { TestDb, tokenFor } from '@nastavnik/testing/test-context';

type T = { id: string; code: string; path: string; parentId: string | null; kind: string; orgType: string | null };
const FIELDS = 'id code path parentId kind orgType';

describe('tenants: the platform admin keeps the tree', () => {
  let api: TestApi;
  let db: TestDb;
  const admin = () => tokenFor('platform-admin', null);
  const suffix = Date.now().toString(36);
  const create = (input: Record<string, unknown>) =>
    api.gql<{ createTenant: T }>(admin(), `mutation($input: CreateTenantInput!) { createTenant(input: $input) { ${FIELDS} } }`, { input });

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('creates region → municipality → school with ltree paths, moves a municipality with its schools, deletes a leaf', async () => {
    const region = (await create({ kind: 'REGION', code: `r-${suffix}`, fullName: 'Тестовый регион', shortName: 'Регион' })).data!.createTenant;
    const region2 = (await create({ kind: 'REGION', code: `r2-${suffix}`, fullName: 'Второй регион', shortName: 'Регион 2' })).data!.createTenant;
    const municipality = (await create({ kind: 'MUNICIPALITY', code: `m-${suffix}`, parentId: region.id, fullName: 'Район', shortName: 'Район' })).data!.createTenant;
    const school = (await create({ kind: 'ORGANISATION', code: `s-${suffix}`, parentId: municipality.id, fullName: 'Школа № 1', shortName: 'Школа 1', orgType: 'LYCEUM', address: 'ул. Ленина, 1' })).data!.createTenant;
    expect(region.path).toBe(`r_${suffix}`);
    expect(school.path).toBe(`r_${suffix}.m_${suffix}.s_${suffix}`);
    expect(school.orgType).toBe('LYCEUM');

    const moved = await api.gql<{ updateTenant: T }>(admin(), `mutation($id: ID!, $p: ID!) { updateTenant(id: $id, input: { parentId: $p }) { ${FIELDS} } }`, { id: municipality.id, p: region2.id });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateTenant.path).toBe(`r2_${suffix}.m_${suffix}`);
    expect((await db.tenant(school.id))?.path).toBe(`r2_${suffix}.m_${suffix}.s_${suffix}`);

    const blocked = await api.gql(admin(), `mutation($id: ID!) { deleteTenant(id: $id) { id } }`, { id: municipality.id });
    expect(codesOf(blocked)).toEqual(['CONFLICT']);
    expect(blocked.errors![0].message).toMatch(/подчинённые/);
    const deleted = await api.gql(admin(), `mutation($id: ID!) { deleteTenant(id: $id) { id } }`, { id: school.id });
    expect(deleted.errors).toBeUndefined();
    expect(await db.tenant(school.id)).toBeUndefined();
  });

  it('refuses bad input with VALIDATION_FAILED (or CONFLICT) and a Russian message, writing nothing', async () => {
    const { region, municipality } = await db.newSchoolWorld();
    // Only what this test could have written (other specs add tenants to the same database meanwhile).
    const count = async () =>
      Number((await db.owner.query(`select count(*) from tenants where code like $1 or code = any($2) or parent_id = any($3)`, [`ok-${suffix}-%`, [region.code, 'x', 'Плохой код'], [region.id, municipality.id]])).rows[0].count);
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'REGION', code: 'Плохой код', fullName: 'Регион', shortName: 'Регион' }, 'VALIDATION_FAILED'],
      [{ kind: 'REGION', code: 'x', fullName: 'Регион', shortName: 'Регион' }, 'VALIDATION_FAILED'],
      [{ kind: 'REGION', code: `ok-${suffix}-a`, fullName: 'Р', shortName: 'Регион' }, 'VALIDATION_FAILED'],
      [{ kind: 'REGION', code: `ok-${suffix}-b`, parentId: region.id, fullName: 'Регион', shortName: 'Регион' }, 'VALIDATION_FAILED'],
      [{ kind: 'MUNICIPALITY', code: `ok-${suffix}-c`, fullName: 'Район', shortName: 'Район' }, 'VALIDATION_FAILED'],
      [{ kind: 'MUNICIPALITY', code: `ok-${suffix}-d`, parentId: municipality.id, fullName: 'Район', shortName: 'Район' }, 'VALIDATION_FAILED'],
      [{ kind: 'ORGANISATION', code: `ok-${suffix}-e`, parentId: municipality.id, fullName: 'Школа', shortName: 'Школа' }, 'VALIDATION_FAILED'],
      [{ kind: 'ORGANISATION', code: `ok-${suffix}-f`, parentId: 'not-a-uuid', fullName: 'Школа', shortName: 'Школа', orgType: 'SCHOOL' }, 'VALIDATION_FAILED'],
      [{ kind: 'ORGANISATION', code: `ok-${suffix}-g`, parentId: '00000000-0000-4000-8000-000000000000', fullName: 'Школа', shortName: 'Школа', orgType: 'SCHOOL' }, 'VALIDATION_FAILED'],
      [{ kind: 'REGION', code: region.code, fullName: 'Дубль', shortName: 'Дубль' }, 'CONFLICT'],
      [{ kind: 'REGION', code: `ok-${suffix}-h`, fullName: 'Регион', shortName: 'Регион', extra: 'поле' }, 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [input, code] of cases) {
      const response = await create(input);
      expect({ input, codes: codesOf(response) }).toEqual({ input, codes: [code] });
      expect(response.data).toBeNull();
      if (code !== 'GRAPHQL_VALIDATION_FAILED') expect(response.errors![0].message).toMatch(/[А-Яа-яЁё]/);
    }
    expect(await count()).toBe(before);
  });

  it('answers VALIDATION_FAILED to a malformed id and to an unknown sort field', async () => {
    expect(codesOf(await api.gql(admin(), `{ Tenant(id: "42") { id } }`))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await api.gql(admin(), `{ allTenants(sortField: "password") { id } }`))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await api.gql(admin(), `{ allTenants(perPage: 100000) { id } }`))).toEqual(['VALIDATION_FAILED']);
  });

  it('rolls back the whole operation when one of its mutations fails', async () => {
    const code = `atomic-${suffix}`;
    const response: GqlResponse = await api.gql(admin(), `mutation {
      ok: createTenant(input: { kind: REGION, code: "${code}", fullName: "Регион", shortName: "Регион" }) { id }
      bad: createTenant(input: { kind: REGION, code: "${code}", fullName: "Регион", shortName: "Регион" }) { id }
    }`);
    expect(codesOf(response)).toEqual(['CONFLICT']);
    expect((await db.owner.query('select 1 from tenants where code = $1', [code])).rowCount).toBe(0);
  });
});

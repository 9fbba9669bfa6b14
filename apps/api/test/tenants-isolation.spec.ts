import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

const TENANT_FIELDS = 'id code kind path parentId fullName shortName orgType address';

/**
 * The product's promise: whatever a curator sends, they see and change only their own school;
 * a region analyst sees only their region. Every tenants query and mutation is tried against
 * another tenant's ids, and the database is checked afterwards through the owner role.
 */
describe('tenants: isolation between schools and regions', () => {
  let api: TestApi;
  let db: TestDb;
  let a: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let b: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let schoolA2: TenantRow;
  let curatorA: string;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    schoolA2 = await db.newOrganisation(a.municipality);
    curatorA = tokenFor('curator', a.school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  describe('a curator of school A', () => {
    const othersIds = () => [b.school.id, b.municipality.id, b.region.id, schoolA2.id, a.municipality.id, a.region.id];

    it('reads their own organisation', async () => {
      const response = await api.gql<{ myTenant: { id: string }; Tenant: { id: string } }>(curatorA, `query($id: ID!) { myTenant { id } Tenant(id: $id) { id } }`, { id: a.school.id });
      expect(response.errors).toBeUndefined();
      expect(response.data?.myTenant.id).toBe(a.school.id);
      expect(response.data?.Tenant.id).toBe(a.school.id);
    });

    it('gets NOT_FOUND for Tenant(id) of every other node, their own region and a neighbour school included', async () => {
      for (const id of othersIds()) {
        const response = await api.gql(curatorA, `query($id: ID!) { Tenant(id: $id) { ${TENANT_FIELDS} } }`, { id });
        expect(codesOf(response)).toEqual(['NOT_FOUND']);
        expect(response.data).toBeNull();
      }
    });

    it('lists only their own organisation, whatever the filter says', async () => {
      const filters = [{}, { ids: othersIds() }, { parentId: b.municipality.id }, { q: b.school.code }, { kind: 'REGION' }, { ids: [a.school.id, b.school.id] }];
      for (const filter of filters) {
        const response = await api.gql<{ allTenants: { id: string }[]; _allTenantsMeta: { count: number } }>(
          curatorA,
          `query($filter: TenantFilter) { allTenants(filter: $filter, perPage: 500) { id } _allTenantsMeta(filter: $filter) { count } }`,
          { filter },
        );
        expect(response.errors).toBeUndefined();
        const ids = response.data!.allTenants.map((t) => t.id);
        expect(ids.every((id) => id === a.school.id)).toBe(true);
        expect(response.data!._allTenantsMeta.count).toBe(ids.length);
      }
    });

    it('cannot create, update or delete any node, and nothing changes', async () => {
      const before = await Promise.all([b.school.id, a.school.id].map((id) => db.tenant(id)));
      const attempts = [
        [`mutation($id: ID!) { updateTenant(id: $id, input: { fullName: "Взломано" }) { id } }`, { id: b.school.id }],
        [`mutation($id: ID!) { updateTenant(id: $id, input: { fullName: "Взломано" }) { id } }`, { id: a.school.id }],
        [`mutation($id: ID!, $p: ID!) { updateTenant(id: $id, input: { parentId: $p }) { id } }`, { id: b.school.id, p: a.municipality.id }],
        [`mutation($id: ID!) { deleteTenant(id: $id) { id } }`, { id: b.school.id }],
        [`mutation($id: ID!) { deleteTenant(id: $id) { id } }`, { id: a.school.id }],
        [`mutation($p: ID!) { createTenant(input: { kind: ORGANISATION, code: "intruder", parentId: $p, fullName: "Чужая школа", shortName: "Чужая", orgType: SCHOOL }) { id } }`, { p: b.municipality.id }],
      ] as const;
      for (const [mutation, variables] of attempts) {
        const response = await api.gql(curatorA, mutation, variables);
        expect(codesOf(response)).toEqual(['FORBIDDEN']);
        expect(response.data).toBeNull();
      }
      expect(await Promise.all([b.school.id, a.school.id].map((id) => db.tenant(id)))).toEqual(before);
      expect((await db.owner.query(`select 1 from tenants where code = 'intruder'`)).rowCount).toBe(0);
    });
  });

  describe('a region analyst of region A', () => {
    const analystA = () => tokenFor('region-analyst', a.region.code);

    it('sees the whole subtree of their region and nothing of region B', async () => {
      const response = await api.gql<{ allTenants: { id: string }[] }>(analystA(), `{ allTenants(perPage: 500) { id } }`);
      const ids = new Set(response.data!.allTenants.map((t) => t.id));
      for (const id of [a.region.id, a.municipality.id, a.school.id, schoolA2.id]) expect(ids.has(id)).toBe(true);
      for (const id of [b.region.id, b.municipality.id, b.school.id]) expect(ids.has(id)).toBe(false);
      for (const id of [b.region.id, b.municipality.id, b.school.id]) {
        expect(codesOf(await api.gql(analystA(), `query($id: ID!) { Tenant(id: $id) { id } }`, { id }))).toEqual(['NOT_FOUND']);
      }
      const meta = await api.gql<{ _allTenantsMeta: { count: number } }>(analystA(), `query($f: TenantFilter) { _allTenantsMeta(filter: $f) { count } }`, { f: { ids: [b.school.id, b.region.id] } });
      expect(meta.data!._allTenantsMeta.count).toBe(0);
    });

    it('bound to a municipality, sees that municipality only', async () => {
      const token = tokenFor('region-analyst', a.municipality.code);
      const response = await api.gql<{ allTenants: { id: string }[] }>(token, `{ allTenants(perPage: 500) { id } }`);
      expect(response.data!.allTenants.map((t) => t.id).sort()).toEqual([a.municipality.id, a.school.id, schoolA2.id].sort());
    });

    it('cannot write', async () => {
      const response = await api.gql(analystA(), `mutation($id: ID!) { updateTenant(id: $id, input: { shortName: "Иначе" }) { id } }`, { id: a.school.id });
      expect(codesOf(response)).toEqual(['FORBIDDEN']);
      expect((await db.tenant(a.school.id))?.short_name).toBe(a.school.short_name);
    });
  });

  describe('a ministry official', () => {
    it('at the federal level sees every region; bound to region B, only region B', async () => {
      const federal = await api.gql<{ allTenants: { id: string }[] }>(tokenFor('ministry-official', null), `{ allTenants(perPage: 500, filter: { kind: REGION }) { id } }`);
      const regions = federal.data!.allTenants.map((t) => t.id);
      expect(regions).toEqual(expect.arrayContaining([a.region.id, b.region.id]));
      const regional = await api.gql<{ allTenants: { id: string }[] }>(tokenFor('ministry-official', b.region.code), `{ allTenants(perPage: 500) { id } }`);
      expect(regional.data!.allTenants.map((t) => t.id).sort()).toEqual([b.region.id, b.municipality.id, b.school.id].sort());
    });
  });
});

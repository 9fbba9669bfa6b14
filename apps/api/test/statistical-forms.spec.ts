import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

const PERIOD = '2022/2023';

/** The forms a client offers for an extract, and a version chosen explicitly (the console's «Выгрузки»). */
describe('statistical forms: the list and an explicit version', () => {
  let api: TestApi;
  let db: TestDb;
  let world: { region: TenantRow; municipality: TenantRow; school: TenantRow };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    world = await db.newSchoolWorld();
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('lists every shipped form version to regional and federal roles, and none to a curator', async () => {
    const query = '{ statisticalForms { code version validFrom title lines } }';
    for (const token of [tokenFor('ministry-official', null), tokenFor('region-analyst', world.region.code)]) {
      const response = await api.gql<{ statisticalForms: { code: string; version: string; validFrom: string; title: string; lines: number }[] }>(token, query);
      expect(response.errors).toBeUndefined();
      expect(response.data!.statisticalForms).toContainEqual({
        code: 'MENTORING-R145',
        version: '1',
        validFrom: '2022-09-01',
        title: 'Сведения о реализации целевой модели наставничества (Р-145)',
        lines: 7,
      });
    }
    expect(codesOf(await api.gql(tokenFor('curator', world.school.code), query))).toEqual(['FORBIDDEN']);
  });

  it('records the version asked for, and refuses a version that does not exist in Russian', async () => {
    const official = tokenFor('ministry-official', null);
    const ok = await api.gql<{ requestExtract: { formCode: string; formVersion: string; tenantId: string } }>(
      official,
      'mutation($id: ID) { requestExtract(formCode: "MENTORING-R145", formVersion: "1", period: "2022/2023", regionId: $id) { formCode formVersion tenantId } }',
      { id: world.region.id },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.requestExtract).toEqual({ formCode: 'MENTORING-R145', formVersion: '1', tenantId: world.region.id });

    const missing = await api.gql(official, `mutation { requestExtract(formCode: "MENTORING-R145", formVersion: "9", period: "${PERIOD}") { id } }`);
    expect(codesOf(missing)).toEqual(['VALIDATION_FAILED']);
    expect(missing.errors![0].message).toBe('Версии 9 формы «MENTORING-R145» нет.');
    const malformed = await api.gql(official, `mutation { requestExtract(formCode: "MENTORING-R145", formVersion: "v1", period: "${PERIOD}") { id } }`);
    expect(codesOf(malformed)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(malformed.errors)).toContain('Версия формы — число, например 1.');
  });
});

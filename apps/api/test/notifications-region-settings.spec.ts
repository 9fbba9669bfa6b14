import { Client } from 'pg';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };

const READ = `query { s: regionNotificationSettings { analystEmail linkReminderDays pairIdleDays roadmapDueDays digestEnabled effectivePairIdleDays effectiveDigestEnabled } }`;
const WRITE = `mutation($input: RegionNotificationSettingsInput!) { s: updateRegionNotificationSettings(input: $input) { analystEmail pairIdleDays effectivePairIdleDays } }`;
const SCHOOL = `query { notificationSettings { pairIdleDays effectivePairIdleDays effectiveLinkReminderDays } }`;

/**
 * Issue 17, «defaults per region» (docs/adr/0039): a region's analyst reads and writes the region's
 * own notification settings — the defaults of its schools and the analysts' address — through
 * GraphQL; a school without its own value inherits the region's; invalid values are refused in
 * Russian. Nobody else reaches that row: another region's analyst, a municipality's analyst, a
 * curator, a ministry official — through the API and, under the app role, through the forced
 * policies alone; the analyst reaches no school's row.
 */
describe("notifications: the region's own settings, its analyst's", () => {
  let api: TestApi;
  let db: TestDb;
  let a: World;
  let b: World;
  let ownSchool: TenantRow;
  const analystA = () => tokenFor('region-analyst', a.region.code);
  /** The region's settings row with its analysts' address (kept apart: region_notification_addresses). */
  const regionRow = async (region: TenantRow) =>
    (await db.owner.query(`select s.*, a.analyst_email from notification_settings s left join region_notification_addresses a on a.tenant_id = s.tenant_id where s.tenant_id = $1`, [region.id])).rows;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    ownSchool = await db.newOrganisation(a.municipality);
    await db.owner.query(`insert into notification_settings (tenant_id, tenant_path, curator_email, pair_idle_days) values ($1, $2::ltree, 'own@example.test', 21)`, [ownSchool.id, ownSchool.path]);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('the analyst sets the address and a default; the values persist and the region\'s schools inherit them', async () => {
    const platform = testConfig().notifications;
    expect((await api.gql(analystA(), READ)).data).toEqual({
      s: { analystEmail: null, linkReminderDays: null, pairIdleDays: null, roadmapDueDays: null, digestEnabled: null, effectivePairIdleDays: platform.pairIdleDays, effectiveDigestEnabled: true },
    });
    expect(platform.pairIdleDays).not.toBe(40);
    const written = await api.gql(analystA(), WRITE, { input: { analystEmail: 'rnc@example.test', pairIdleDays: 40, digestEnabled: false } });
    expect(written.errors).toBeUndefined();
    expect(written.data).toEqual({ s: { analystEmail: 'rnc@example.test', pairIdleDays: 40, effectivePairIdleDays: 40 } });
    expect((await api.gql(analystA(), READ)).data).toEqual({
      s: { analystEmail: 'rnc@example.test', linkReminderDays: null, pairIdleDays: 40, roadmapDueDays: null, digestEnabled: false, effectivePairIdleDays: 40, effectiveDigestEnabled: false },
    });
    expect(await regionRow(a.region)).toMatchObject([{ tenant_path: a.region.path, analyst_email: 'rnc@example.test', curator_email: null, pair_idle_days: 40, digest_enabled: false }]);

    // A school without a value of its own takes the region's (the reminder run's `effective()` is the same code); one with its own keeps it.
    expect((await api.gql(tokenFor('curator', a.school.code), SCHOOL)).data).toEqual({ notificationSettings: { pairIdleDays: null, effectivePairIdleDays: 40, effectiveLinkReminderDays: platform.linkReminderDays } });
    expect((await api.gql(tokenFor('curator', ownSchool.code), SCHOOL)).data).toEqual({ notificationSettings: { pairIdleDays: 21, effectivePairIdleDays: 21, effectiveLinkReminderDays: platform.linkReminderDays } });
    // Region B's schools do not.
    expect((await api.gql(tokenFor('curator', b.school.code), SCHOOL)).data).toEqual({ notificationSettings: { pairIdleDays: null, effectivePairIdleDays: platform.pairIdleDays, effectiveLinkReminderDays: platform.linkReminderDays } });
  });

  it("the analyst's read and change of the region's settings (the analysts' address) are journaled in the region's chain", async () => {
    const journal = async () =>
      (await db.owner.query(`select operation, action, role, entity, fields from access_journal where tenant_id = $1 order by seq`, [a.region.id])).rows as Record<string, unknown>[];
    const before = (await journal()).length;
    expect((await api.gql(analystA(), READ)).errors).toBeUndefined();
    expect((await api.gql(analystA(), WRITE, { input: { analystEmail: 'rnc2@example.test', pairIdleDays: 40, digestEnabled: false } })).errors).toBeUndefined();
    expect((await api.gql(analystA(), WRITE, { input: { pairIdleDays: 40, digestEnabled: false } })).errors).toBeUndefined();
    // The read back after each write is the mutation's own answer, not a second event.
    expect((await journal()).slice(before)).toEqual([
      { operation: 'regionNotificationSettings', action: 'read', role: 'region-analyst', entity: 'RegionNotificationAddress', fields: ['analystEmail'] },
      { operation: 'updateRegionNotificationSettings', action: 'update', role: 'region-analyst', entity: 'RegionNotificationAddress', fields: ['analystEmail'] },
      { operation: 'updateRegionNotificationSettings', action: 'update', role: 'region-analyst', entity: 'RegionNotificationAddress', fields: [] },
    ]);
    expect((await api.gql(analystA(), WRITE, { input: { analystEmail: 'rnc@example.test', pairIdleDays: 40, digestEnabled: false } })).errors).toBeUndefined();
  });

  it('invalid values are refused in Russian and change nothing', async () => {
    const before = await regionRow(a.region);
    const badEmail = await api.gql(analystA(), WRITE, { input: { analystEmail: 'не адрес', pairIdleDays: 40 } });
    expect(codesOf(badEmail)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(badEmail.errors)).toMatch(/Адрес аналитиков региона для списка школ, не сдавших отчёт: некорректный адрес электронной почты/);
    const badDays = await api.gql(analystA(), WRITE, { input: { analystEmail: 'rnc@example.test', pairIdleDays: 0, roadmapDueDays: 61 } });
    expect(codesOf(badDays)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(badDays.errors)).toMatch(/Пара без встреч дольше, дней — целое число от 1 до 365/);
    expect(JSON.stringify(badDays.errors)).toMatch(/Предупреждать о сроке мероприятия за, дней — целое число от 1 до 60/);
    expect(await regionRow(a.region)).toEqual(before);
  });

  it("through the API: another region's analyst gets their own region's settings; a municipality's analyst, a curator and officials get nothing", async () => {
    const before = await regionRow(a.region);
    expect((await api.gql<{ s: { analystEmail: string | null } }>(tokenFor('region-analyst', b.region.code), READ)).data!.s.analystEmail).toBeNull();
    expect((await api.gql(tokenFor('region-analyst', b.region.code), WRITE, { input: { analystEmail: 'rnc-b@example.test' } })).errors).toBeUndefined();
    expect(await regionRow(b.region)).toMatchObject([{ analyst_email: 'rnc-b@example.test' }]);
    for (const [who, token] of [
      ['municipality analyst', tokenFor('region-analyst', a.municipality.code)],
      ['curator', tokenFor('curator', a.school.code)],
      ['regional ministry official', tokenFor('ministry-official', a.region.code)],
      ['federal ministry official', tokenFor('ministry-official', null)],
    ] as const) {
      expect([who, codesOf(await api.gql(token, READ))]).toEqual([who, ['FORBIDDEN']]);
      expect([who, codesOf(await api.gql(token, WRITE, { input: { analystEmail: 'x@example.test' } }))]).toEqual([who, ['FORBIDDEN']]);
    }
    expect(await regionRow(a.region)).toEqual(before);
  });

  it('under the app role the policies alone keep the row to its region\'s analyst, and the analyst to that row', async () => {
    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    const as = async <T>(scope: Omit<Scope, 'actor' | 'allTenants'>, work: () => Promise<T>): Promise<T | { error: string }> => {
      await client.query('begin');
      try {
        await client.query(scopeStatement({ ...scope, allTenants: false, actor: 'region-settings-spec' }));
        return await work();
      } catch (error) {
        return { error: (error as { code?: string }).code ?? String(error) };
      } finally {
        await client.query('rollback');
      }
    };
    const rows = (ids: string[], table = 'notification_settings') => async () => (await client.query(`select tenant_id from ${table} where tenant_id = any($1) order by tenant_id`, [ids])).rows.map((r) => r.tenant_id);
    const addresses = (ids: string[]) => rows(ids, 'region_notification_addresses');
    const update = (id: string, table = 'notification_settings') =>
      async () => (await client.query(table === 'notification_settings' ? `update notification_settings set pair_idle_days = 7 where tenant_id = $1` : `update ${table} set analyst_email = 'x@example.test' where tenant_id = $1`, [id])).rowCount;
    const remove = (id: string, table = 'notification_settings') => async () => (await client.query(`delete from ${table} where tenant_id = $1`, [id])).rowCount;
    const insert = (node: TenantRow, column: 'curator_email' | 'analyst_email' = 'curator_email') => () =>
      client.query(`insert into ${column === 'analyst_email' ? 'region_notification_addresses' : 'notification_settings'} (tenant_id, tenant_path, ${column}) values ($1, $2::ltree, 'x@example.test')`, [node.id, node.path]);
    const analyst = (node: TenantRow) => ({ role: 'region-analyst' as const, tenantId: node.id, tenantPath: node.path });
    const everything = [a.region.id, b.region.id, a.school.id, ownSchool.id];
    try {
      // The region's analyst: the region's own rows (the defaults, the analysts' address), read and written; no school's row; no curator's address on the region's row.
      expect(await as(analyst(a.region), rows(everything))).toEqual([a.region.id]);
      expect(await as(analyst(a.region), addresses(everything))).toEqual([a.region.id]);
      expect(await as(analyst(a.region), update(a.region.id))).toBe(1);
      expect(await as(analyst(a.region), update(a.region.id, 'region_notification_addresses'))).toBe(1);
      expect(await as(analyst(a.region), update(ownSchool.id))).toBe(0);
      expect(await as(analyst(a.region), remove(ownSchool.id))).toBe(0);
      expect(await as(analyst(a.region), insert(a.school))).toEqual({ error: '42501' });
      expect(await as(analyst(a.region), insert(a.school, 'analyst_email'))).toEqual({ error: '42501' });
      expect(await as(analyst(a.region), insert(a.municipality, 'analyst_email'))).toEqual({ error: '42501' });
      expect(await as(analyst(a.region), () => client.query(`update notification_settings set curator_email = 'x@example.test' where tenant_id = $1`, [a.region.id]))).toEqual({ error: '42501' });
      // Another region's analyst, a municipality's analyst, officials: neither read nor write A's region row.
      const others: [string, Omit<Scope, 'actor' | 'allTenants'>][] = [
        ['analyst B', analyst(b.region)],
        ['municipality analyst', analyst(a.municipality)],
        ['regional ministry official', { role: 'ministry-official', tenantId: a.region.id, tenantPath: a.region.path }],
      ];
      for (const [who, scope] of others) {
        expect([who, await as(scope, rows([a.region.id, a.school.id, ownSchool.id]))]).toEqual([who, []]);
        expect([who, await as(scope, addresses([a.region.id]))]).toEqual([who, []]);
        expect([who, await as(scope, update(a.region.id))]).toEqual([who, 0]);
        expect([who, await as(scope, update(a.region.id, 'region_notification_addresses'))]).toEqual([who, 0]);
        expect([who, await as(scope, remove(a.region.id))]).toEqual([who, 0]);
        expect([who, await as(scope, remove(a.region.id, 'region_notification_addresses'))]).toEqual([who, 0]);
      }
      expect(await as(analyst(a.municipality), insert(a.municipality))).toEqual({ error: '42501' });
      expect(await as(analyst(a.municipality), insert(a.municipality, 'analyst_email'))).toEqual({ error: '42501' });
      expect(await as({ role: 'ministry-official', tenantId: a.region.id, tenantPath: a.region.path }, insert(b.region))).toEqual({ error: '42501' });
      expect(await as({ role: 'ministry-official', tenantId: a.region.id, tenantPath: a.region.path }, insert(b.region, 'analyst_email'))).toEqual({ error: '42501' });
      // A curator of the region's school reads the region's settings row — the school's inherited
      // defaults (ADR 0030) — and writes none of it; the analysts' address is not in it, and the
      // curator reads no row of the addresses (before, the address was a column of that very row).
      const curator = { role: 'curator' as const, tenantId: a.school.id, tenantPath: a.school.path };
      expect(await as(curator, rows(everything))).toEqual([a.region.id]);
      expect(await as(curator, () => client.query(`select * from notification_settings where tenant_id = $1`, [a.region.id]).then((r) => r.fields.map((f) => f.name).filter((name) => name.endsWith('_email'))))).toEqual(['curator_email']);
      expect(await as(curator, addresses(everything))).toEqual([]);
      expect(await as(curator, update(a.region.id))).toBe(0);
      expect(await as(curator, update(a.region.id, 'region_notification_addresses'))).toBe(0);
      expect(await as(curator, remove(a.region.id))).toBe(0);
      expect(await as(curator, remove(a.region.id, 'region_notification_addresses'))).toBe(0);
      expect(await as({ role: 'curator', tenantId: b.school.id, tenantPath: b.school.path }, rows([a.region.id]))).toEqual([]);
      expect(await as(curator, insert(a.municipality, 'curator_email'))).toEqual({ error: '42501' });
      expect(await as(curator, insert(a.region, 'analyst_email'))).toEqual({ error: '42501' });
      expect(await as({ role: 'curator', tenantId: a.region.id, tenantPath: a.region.path }, addresses([a.region.id]))).toEqual([]);
      expect(await regionRow(a.region)).toMatchObject([{ analyst_email: 'rnc@example.test' }]);
    } finally {
      await client.end();
    }
  });
});

import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrationDataSourceOptions } from '@nastavnik/platform/database/data-source-options';
import { declareRowPolicies, planRowPolicies, type RowPolicy, rowPolicies, type TableColumn } from '@nastavnik/platform/database/row-policies';
import { scratchDatabase } from '@nastavnik/testing/scratch';
import { readTestEnv, withDatabase } from '@nastavnik/testing/test-env';
import { allMigrations } from './all-migrations';

const TENANT_COLUMNS: TableColumn[] = [
  { name: 'id', type: 'uuid', notNull: true },
  { name: 'tenant_id', type: 'uuid', notNull: true },
  { name: 'tenant_path', type: 'ltree', notNull: true },
];

describe('row policies declared by kind', () => {
  it('refuses what it cannot honour instead of doing nothing', () => {
    const plan = (policies: unknown[], columns = TENANT_COLUMNS, table = 'things') => () => planRowPolicies({ table, policies: policies as RowPolicy[] }, columns);
    expect(plan([{ kind: 'curator-or-admin' }])).toThrow(/unknown policy kind "curator-or-admin"; the kinds are curator-own, reader-subtree/);
    expect(plan([{ kind: '__proto__' }])).toThrow(/unknown policy kind "__proto__"/);
    expect(plan([{}])).toThrow(/unknown policy kind undefined/);
    expect(plan([])).toThrow(/no policies declared/);
    expect(plan([{ kind: 'curator-own' }], [{ name: 'id', type: 'uuid', notNull: true }])).toThrow(/kind curator-own needs a column "tenant_id" and the table has none/);
    expect(plan([{ kind: 'curator-own' }], [{ name: 'tenant_id', type: 'text', notNull: true }])).toThrow(/needs "tenant_id" of type uuid/);
    expect(plan([{ kind: 'reader-subtree' }], TENANT_COLUMNS.slice(0, 2))).toThrow(/kind reader-subtree needs a column "tenant_path"/);
    expect(plan([{ kind: 'curator-own' }, { kind: 'curator-own', for: 'select' }])).toThrow(/two policies named "things_curator"/);
    expect(plan([{ kind: 'curator-own', to: ['app', 'nastavnik_app'] }])).toThrow(/unknown role "nastavnik_app"/);
    expect(plan([{ kind: 'admin', name: 'x'.repeat(60) }])).toThrow(/longer than 63 bytes/);
    expect(plan([{ kind: 'admin' }], TENANT_COLUMNS, 'Things; drop table x')).toThrow(/not a plain table name/);
    const custom = (extra: object) => ({ kind: 'custom', name: 'mine', why: 'whom it admits', for: 'select', using: 'true', ...extra });
    expect(plan([custom({ using: `app.scope_role() = 'curator'` })])).toThrow(/calls app\.scope_role\(\) per row; read it once per statement as \(select app\.scope_role\(\)\)/);
    expect(plan([custom({ using: `(select app.scope_role()) = 'curator' and tenant_id = app.scope_tenant_id()` })])).toThrow(/calls app\.scope_tenant_id\(\) per row/);
    expect(plan([custom({ using: `tenant_id between (select app.scope_tenant_low()) and (select app.scope_tenant_high())` })])).toThrow(/removed tenant range/);
    expect(plan([custom({ why: ' ' })])).toThrow(/says nothing in `why`/);
    expect(plan([custom({ name: undefined })])).toThrow(/a custom policy needs a name/);
    expect(plan([custom({ for: 'insert', using: 'true', check: 'true' })])).toThrow(/a using expression would never be evaluated/);
    expect(plan([custom({ for: 'insert', using: undefined })])).toThrow(/for insert needs a with check expression/);
  });

  it('writes each kind as one fixed expression, reading the scope once per statement', () => {
    const planned = planRowPolicies(
      rowPolicies('things', { kind: 'curator-own' }, { kind: 'reader-subtree', to: ['app', 'platformAdmin'] }, { kind: 'indicator-engine', for: 'select' }),
      TENANT_COLUMNS,
    );
    expect(planned.map((p) => [p.name, p.for, p.to.join(','), p.using, p.check])).toEqual([
      ['things_curator', 'all', 'public', 'tenant_id = (select app.scope_curator_tenant_id())', 'tenant_id = (select app.scope_curator_tenant_id())'],
      ['things_platform_admin', 'all', 'platformAdmin', `(select app.scope_role()) = 'platform-admin'`, `(select app.scope_role()) = 'platform-admin'`],
      ['things_read', 'select', 'app,platformAdmin', '(select app.scope_all()) or tenant_id = (select app.scope_curator_tenant_id()) or tenant_path <@ (select app.scope_reader_path())', null],
      ['things_engine', 'select', 'indicators', 'true', null],
    ]);
  });
});

/**
 * The migrations 1795301100000–1795301199999 re-declared every table's policies in its own lib.
 * They changed no row any role sees or writes: the catalogue before and after holds the same
 * expressions for the same commands and roles (names aside), and down() restores it exactly.
 */
describe('the per-lib declarations (migrations 17953011xxxxx)', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'policies');
  const stamp = (m: { name: string }) => Number(/\d+$/.exec(m.name)![0]);
  const through = (last: number) => allMigrations.filter((m) => stamp(m) <= last);
  const BEFORE = 1795301099999;
  const DECLARED = 1795301199999;
  let client: Client;

  type PolicyRow = { table: string; name: string; permissive: string; cmd: string; roles: string[]; qual: string | null; check: string | null };
  const catalogue = async (): Promise<PolicyRow[]> =>
    (
      await client.query<PolicyRow>(`
        select tablename as table, policyname as name, permissive, cmd, array(select unnest(roles)::text order by 1) as roles, qual, with_check as check
          from pg_policies order by 1, 2`)
    ).rows;
  const forced = async () =>
    (await client.query(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relrowsecurity and c.relforcerowsecurity order by 1`)).rows;
  /** What a policy admits, without its name. */
  const meaning = (rows: PolicyRow[]) => rows.map(({ name: _name, ...rest }) => JSON.stringify(rest)).sort();
  const withDataSource = async <T>(last: number, work: (ds: DataSource) => Promise<T>): Promise<T> => {
    // Quiet: the last test makes Postgres refuse a statement on purpose.
    const ds = await new DataSource({ ...migrationDataSourceOptions(database.ownerUrl, through(last)), logging: false }).initialize();
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  };

  beforeAll(async () => {
    await database.create();
    await withDataSource(BEFORE, (ds) => ds.runMigrations({ transaction: 'each' }));
    client = new Client({ connectionString: database.ownerUrl });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await database.drop();
  });

  it('change no expression, command or role but the admin-only targets policy no app connection could pass, and revert exactly', async () => {
    const before = await catalogue();
    const forcedBefore = await forced();
    expect(before.length).toBeGreaterThan(60);

    const applied = await withDataSource(DECLARED, (ds) => ds.runMigrations({ transaction: 'each' }));
    expect(applied.map((m) => m.name)).toEqual(['DeclareTenantPolicies1795301100000', 'DeclareParticipantPolicies1795301110000', 'DeclareProgrammePolicies1795301120000', 'DeclareMonitoringPolicies1795301130000', 'DeclareReportPolicies1795301150000']);
    const after = await catalogue();
    expect(await forced()).toEqual(forcedBefore);

    const [was, is] = [meaning(before), meaning(after)];
    expect({ onlyBefore: was.filter((p) => !is.includes(p)).map((p) => JSON.parse(p)), onlyAfter: is.filter((p) => !was.includes(p)).map((p) => JSON.parse(p)) }).toEqual({
      // `app.scope_role()` answers 'platform-admin' only to the admin's role (platform migration
      // 1795300930000), so the app role's share of this policy admitted nothing.
      onlyBefore: [expect.objectContaining({ table: 'indicator_targets', cmd: 'ALL', roles: ['nastavnik_app', 'nastavnik_platform_admin'] })],
      onlyAfter: [expect.objectContaining({ table: 'indicator_targets', cmd: 'ALL', roles: ['nastavnik_platform_admin'] })],
    });
    const targets = (rows: PolicyRow[]) => rows.filter((p) => p.table === 'indicator_targets' && p.cmd === 'ALL').map(({ qual, check }) => ({ qual, check }));
    expect(targets(after)).toEqual(targets(before));

    // Every policy now says which kind declared it.
    const { rows: undeclared } = await client.query(`select polname from pg_policy where obj_description(oid, 'pg_policy') is null`);
    expect(undeclared).toEqual([]);

    await withDataSource(DECLARED, async (ds) => {
      for (let n = 0; n < applied.length; n++) await ds.undoLastMigration({ transaction: 'each' });
    });
    expect(await catalogue()).toEqual(before);
  });

  // The tests below run in order: the first leaves the database before the declarations, this one applies them.
  it('the app role cannot write a target with a forged platform-admin scope, before and after; the admin role can', async () => {
    // A superuser may switch to either role, as the app role switches to the admin's (docs/adr/0010).
    const superuser = new Client({ connectionString: withDatabase(env.superuserUrl, database.name) });
    await superuser.connect();
    const attempt = async (role: 'nastavnik_app' | 'nastavnik_platform_admin') => {
      const client = superuser;
      await client.query('begin');
      try {
        const { rows } = await client.query<{ id: string }>(`insert into tenants (kind, code, path, full_name, short_name) values ('region', 'rx', 'rx', 'Регион X', 'Регион X') returning id`);
        await client.query(`select set_config('role', $1, true), set_config('app.role', 'platform-admin', true)`, [role]);
        await client.query(`insert into indicator_targets (tenant_id, tenant_path, period, indicator_code, target) values ($1, 'rx', '2025/2026', 'T1', 50)`, [rows[0].id]);
        return 'written';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await client.query('rollback');
      }
    };
    const refused = /new row violates row-level security policy for table "indicator_targets"/;
    expect(await attempt('nastavnik_app')).toMatch(refused);
    expect(await attempt('nastavnik_platform_admin')).toBe('written');
    await withDataSource(DECLARED, (ds) => ds.runMigrations({ transaction: 'each' }));
    expect(await attempt('nastavnik_app')).toMatch(refused);
    expect(await attempt('nastavnik_platform_admin')).toBe('written');
    await superuser.end();
  });

  it('refuses a bad declaration before touching the table, and a failing one leaves it as it was', async () => {
    const policies = async (table: string) => (await client.query(`select polname from pg_policy where polrelid = $1::regclass order by 1`, [table])).rows.map((r) => r.polname);
    const participants = await policies('participants');
    const mentoringForms = await policies('mentoring_forms');
    await withDataSource(DECLARED, async (ds) => {
      const q = ds.createQueryRunner();
      try {
        await expect(declareRowPolicies(q, { table: 'participants', policies: [{ kind: 'curator-own-rows' } as unknown as RowPolicy] })).rejects.toThrow(/unknown policy kind/);
        await expect(declareRowPolicies(q, rowPolicies('mentoring_forms', { kind: 'curator-own' }))).rejects.toThrow(/row policies of "mentoring_forms": kind curator-own needs a column "tenant_id"/);
        await expect(declareRowPolicies(q, rowPolicies('participants', { kind: 'reader-subtree' }))).rejects.toThrow(/needs a column "tenant_path"/);
        await expect(declareRowPolicies(q, rowPolicies('participant', { kind: 'curator-own' }))).rejects.toThrow(/no such table/);
        await expect(declareRowPolicies(q, rowPolicies('ind_person_facts', { kind: 'curator-own' }))).rejects.toThrow(/not a table \(relkind v\)/);
        // Valid by kind, wrong in SQL: Postgres refuses after the old policies were dropped; the migration's transaction undoes that.
        await q.startTransaction();
        await expect(
          declareRowPolicies(q, rowPolicies('participants', { kind: 'curator-own' }, { kind: 'custom', name: 'broken', why: 'nobody', for: 'select', using: 'no_such_column' })),
        ).rejects.toThrow(/column "no_such_column" does not exist/);
        await q.rollbackTransaction();
      } finally {
        await q.release();
      }
    });
    expect(await policies('participants')).toEqual(participants);
    expect(await policies('mentoring_forms')).toEqual(mentoringForms);
  });
});

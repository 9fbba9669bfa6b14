import { Client } from 'pg';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import { readTestEnv } from '@nastavnik/testing/test-env';

/**
 * The catalog is the proof that isolation does not depend on remembering: every table with a
 * tenant column is under ENABLEd and FORCEd row-level security, and the app role can bypass none.
 */
describe('row-level security: the catalog', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: readTestEnv().ownerUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  it('every table with a tenant_id column (and the tenant tree itself) has RLS enabled and forced, with policies', async () => {
    const { rows } = await client.query<{ table: string; rls: boolean; forced: boolean; policies: number }>(`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname = 'public'
         and (c.relname = 'tenants' or exists (
               select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))`);
    expect(rows.map((r) => r.table)).toContain('tenants');
    for (const row of rows) expect(row).toEqual({ table: row.table, rls: true, forced: true, policies: expect.any(Number) });
    for (const row of rows) expect(row.policies).toBeGreaterThan(0);
  });

  it('every table the app role may touch is under forced RLS', async () => {
    const { rows } = await client.query<{ table: string; forced: boolean }>(`
      select c.relname as table, c.relrowsecurity and c.relforcerowsecurity as forced
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
         and has_table_privilege('nastavnik_app', c.oid, 'select, insert, update, delete')`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => !r.forced)).toEqual([]);
  });

  it('every view the app role may read is a read model (docs/adr/0004): security_invoker, over tables under forced RLS and such views only', async () => {
    // A view without security_invoker reads as its owner, who bypasses RLS; with it, the reader's policies apply.
    const { rows } = await client.query<{ view: string; invoker: boolean; unsafe: string[] }>(`
      with recursive reads as (
        select v.oid as view, d.refobjid as rel
          from pg_class v join pg_rewrite r on r.ev_class = v.oid
          join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_class'::regclass and d.refobjid <> v.oid
         where v.relkind = 'v'
        union
        select reads.view, d.refobjid
          from reads join pg_class u on u.oid = reads.rel and u.relkind = 'v' and coalesce('security_invoker=true' = any (u.reloptions), false)
          join pg_rewrite r on r.ev_class = u.oid
          join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_class'::regclass and d.refobjid <> u.oid)
      select c.relname as view, coalesce('security_invoker=true' = any (c.reloptions), false) as invoker,
             array(select u.relname::text from reads join pg_class u on u.oid = reads.rel
                    where reads.view = c.oid
                      and not (u.relkind in ('r', 'p') and u.relrowsecurity and u.relforcerowsecurity)
                      and not (u.relkind = 'v' and coalesce('security_invoker=true' = any (u.reloptions), false))
                    order by 1) as unsafe
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'v' and n.nspname not in ('pg_catalog', 'information_schema')
         and has_table_privilege('nastavnik_app', c.oid, 'select, insert, update, delete')
       order by 1`);
    expect(rows.map((r) => r.view)).toContain('tenant_tree');
    expect(rows.filter((r) => !r.invoker || r.unsafe.length > 0)).toEqual([]);
  });

  it('the app role is not superuser, has no BYPASSRLS and owns nothing', async () => {
    const role = (await client.query(`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = 'nastavnik_app'`)).rows[0];
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await client.query(`
      select c.relname from pg_class c where c.relowner = (select oid from pg_roles where rolname = 'nastavnik_app')
      union all select n.nspname from pg_namespace n where n.nspowner = (select oid from pg_roles where rolname = 'nastavnik_app')
      union all select p.proname from pg_proc p where p.proowner = (select oid from pg_roles where rolname = 'nastavnik_app')`);
    expect(owned.rows).toEqual([]);
    // Member of the platform admin's role only, and NOINHERIT: nothing of that role applies until
    // a platform admin's transaction switches to it (docs/adr/0010).
    const memberOf = await client.query(`select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid where m.member = (select oid from pg_roles where rolname = 'nastavnik_app')`);
    expect(memberOf.rows).toEqual([{ rolname: 'nastavnik_platform_admin' }]);
    const inherit = await client.query(`select rolinherit from pg_roles where rolname = 'nastavnik_app'`);
    expect(inherit.rows).toEqual([{ rolinherit: false }]);
  });

  it("the platform admin's role cannot log in or bypass RLS, owns nothing, is member of nothing, and has exactly the app role's privileges", async () => {
    const role = (await client.query(`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin from pg_roles where rolname = 'nastavnik_platform_admin'`)).rows[0];
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: false });
    const owned = await client.query(`
      select c.relname from pg_class c where c.relowner = 'nastavnik_platform_admin'::regrole
      union all select n.nspname from pg_namespace n where n.nspowner = 'nastavnik_platform_admin'::regrole
      union all select p.proname from pg_proc p where p.proowner = 'nastavnik_platform_admin'::regrole`);
    expect(owned.rows).toEqual([]);
    const memberOf = await client.query(`select 1 from pg_auth_members m where m.member = 'nastavnik_platform_admin'::regrole`);
    expect(memberOf.rows).toEqual([]);
    const privileges = (grantee: string) =>
      client
        .query<{ p: string }>(
          `select c.oid::regclass::text || ' ' || a.privilege_type as p from pg_class c, aclexplode(c.relacl) a where a.grantee = $1::regrole
           union all select 'schema ' || n.nspname || ' ' || a.privilege_type from pg_namespace n, aclexplode(n.nspacl) a where a.grantee = $1::regrole
           union all select p.oid::regprocedure::text || ' ' || a.privilege_type from pg_proc p, aclexplode(p.proacl) a where a.grantee = $1::regrole
           order by 1`,
          [grantee],
        )
        .then((r) => r.rows.map((row) => row.p));
    const app = await privileges('nastavnik_app');
    expect(app.length).toBeGreaterThan(20);
    expect(await privileges('nastavnik_platform_admin')).toEqual(app);
  });

  it("every policy that admits the platform admin to a school's personal data is the admin role's, not the app role's", async () => {
    // A curator's policy is an equality on their own school; the admin's is a policy of its own.
    const { rows } = await client.query<{ table: string; policy: string }>(`
      select c.relname as table, p.polname as policy from pg_policy p join pg_class c on c.oid = p.polrelid
       where pg_get_expr(p.polqual, p.polrelid) like '%scope_curator_tenant_id%'
         and not exists (select 1 from pg_policy a where a.polrelid = p.polrelid and a.polroles = array['nastavnik_platform_admin'::regrole::oid])
       order by 1`);
    expect(rows.filter((r) => r.table !== 'tenants' && r.table !== 'indicator_snapshots')).toEqual([]);
    const ranges = await client.query(`select p.polname from pg_policy p where pg_get_expr(p.polqual, p.polrelid) like '%scope_tenant_low%' or pg_get_expr(p.polwithcheck, p.polrelid) like '%scope_tenant_low%'`);
    expect(ranges.rows).toEqual([]);
  });

  it('every policy was declared by kind, through declareRowPolicies in the migrations of the lib that owns its table (docs/adr/0002)', async () => {
    // The helper comments each policy with its kind; a policy created by hand, or rewritten by
    // text, carries none.
    const { rows } = await client.query<{ table: string; policy: string; comment: string | null }>(`
      select c.relname as table, p.polname as policy, obj_description(p.oid, 'pg_policy') as comment
        from pg_policy p join pg_class c on c.oid = p.polrelid order by 1, 2`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => !/^(curator-own|reader-subtree|any-scope-read|admin|indicator-engine|custom): ./.test(r.comment ?? ''))).toEqual([]);
  });

  it('the indicator engine role is not superuser, cannot bypass RLS, owns nothing, and writes only indicator tables', async () => {
    const role = (await client.query(`select rolsuper, rolbypassrls from pg_roles where rolname = 'nastavnik_indicators'`)).rows[0];
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await client.query(`select c.relname from pg_class c where c.relowner = (select oid from pg_roles where rolname = 'nastavnik_indicators')`);
    expect(owned.rows).toEqual([]);
    const writable = await client.query<{ table: string }>(`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p', 'v', 'm') and n.nspname = 'public'
         and has_table_privilege('nastavnik_indicators', c.oid, 'insert, update, delete') order by 1`);
    expect(writable.rows.map((r) => r.table)).toEqual(['indicator_recompute_requests', 'indicator_snapshots']);
  });

  it('the app role cannot read the migrations table', async () => {
    const { rows } = await client.query(`select has_table_privilege('nastavnik_app', 'schema_migrations', 'select') as can`);
    expect(rows[0].can).toBe(false);
  });

  it('no SECURITY DEFINER function but the one tenant lookup and the access journal\'s partition upkeep', async () => {
    // app.journal_*: create next months' partitions and drop months past retention (never under 12): DDL, no rows read (docs/adr/0023).
    const { rows } = await client.query(`
      select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema') order by 1`);
    expect(rows.map((r) => r.name)).toEqual(['app.journal_drop_expired', 'app.journal_ensure_partitions', 'app.tenant_by_code']);
  });

  it("ltree's containment operators are leakproof, so a reader's own path condition is an index condition under RLS (docs/adr/0040)", async () => {
    const { rows } = await client.query(`select p.proname as name, p.proleakproof as leakproof from pg_operator o join pg_proc p on p.oid = o.oprcode
      where o.oprleft = 'ltree'::regtype and o.oprright = 'ltree'::regtype and o.oprname in ('<@', '@>') order by 1`);
    expect(rows).toEqual([{ name: 'ltree_isparent', leakproof: true }, { name: 'ltree_risparent', leakproof: true }]);
    // The plan Postgres may choose for a region analyst: a condition of the query that is not
    // leakproof stays a filter after the policies, over every row; leakproof, the index takes it.
    const app = new Client({ connectionString: readTestEnv().appUrl });
    await app.connect();
    try {
      await app.query('begin');
      await app.query(scopeStatement({ role: 'region-analyst', tenantId: '00000000-0000-4000-8000-000000000001', tenantPath: 'r1', allTenants: false, actor: 'rls-catalog' }));
      await app.query('set local enable_seqscan = off');
      const plan = (await app.query(`explain (costs off) select count(*) from indicator_snapshots where tenant_path <@ 'r1.m2'::ltree`)).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Cond: \(tenant_path <@ 'r1\.m2'::ltree\)/);
    } finally {
      await app.query('rollback');
      await app.end();
    }
  });
});

import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantContextMissingError } from '@nastavnik/platform/errors/app.exceptions';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantsCoreModule } from '../src/tenants.module';
import { DataSource } from 'typeorm';
import { TestDb, testConfig, type TenantRow } from '@nastavnik/testing/test-context';

describe('tenant context: one scoped transaction, nothing carried over', () => {
  let app: INestApplicationContext;
  let context: TenantContext;
  let dataSource: DataSource;
  let db: TestDb;
  let a: TenantRow;
  let b: TenantRow;
  const curatorOf = (school: TenantRow): Scope => ({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'test' });

  beforeAll(async () => {
    // A pool of ONE connection: whatever school A's transaction left on it, school B's next
    // transaction and an unscoped one get the very same connection.
    @Module({ imports: [PlatformModule.forRoot(testConfig(undefined, { DATABASE_POOL_SIZE: '1' })), TenantsCoreModule] })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    context = app.get(TenantContext);
    dataSource = app.get(DataSource);
    db = new TestDb();
    a = (await db.newSchoolWorld()).school;
    b = (await db.newSchoolWorld()).school;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const settings = `select current_setting('app.role', true) as role, current_setting('app.tenant_id', true) as tenant,
                            current_setting('app.tenant_path', true) as path, current_setting('app.all_tenants', true) as all_`;

  it('a pooled connection used for school A carries no scope into the next transaction', async () => {
    const pid = async () => (await dataSource.query('select pg_backend_pid() as pid'))[0].pid;
    const first = await context.runInScope(curatorOf(a), async () => {
      const em = await context.manager();
      const rows = await em.query(`select id from tenants`);
      return { pid: (await em.query('select pg_backend_pid() as pid'))[0].pid, ids: rows.map((r: { id: string }) => r.id) };
    });
    expect(first.ids).toEqual([a.id]);

    // Same connection, outside any scope: the settings read back empty and no row is visible.
    expect(await pid()).toBe(first.pid);
    const [after] = await dataSource.query(settings);
    expect([after.role, after.tenant, after.path, after.all_].map((v: string | null) => v ?? '')).toEqual(['', '', '', '']);
    expect(await dataSource.query('select id from tenants')).toEqual([]);

    // Same connection, school B's scope: B only.
    const second = await context.runInScope(curatorOf(b), async () => (await context.manager()).query(`select id, pg_backend_pid() as pid from tenants`));
    expect(second).toEqual([{ id: b.id, pid: first.pid }]);
  });

  it('a failed transaction leaves no scope behind either', async () => {
    await expect(context.runInScope(curatorOf(a), async () => {
      await (await context.manager()).query('select 1');
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await dataSource.query('select id from tenants')).toEqual([]);
  });

  it('under school A scope the database itself refuses to show or change school B', async () => {
    const touched = await context.runInScope(curatorOf(a), async () => {
      const em = await context.manager();
      const seen = await em.query('select id from tenants where id = $1', [b.id]);
      const [, updated] = await em.query(`update tenants set full_name = 'Взломано' where id = $1`, [b.id]);
      const [, deleted] = await em.query(`delete from tenants where id = $1`, [b.id]);
      const [, updatedOwn] = await em.query(`update tenants set full_name = 'Своё' where id = $1`, [a.id]);
      return { seen, updated, deleted, updatedOwn };
    });
    expect(touched).toEqual({ seen: [], updated: 0, deleted: 0, updatedOwn: 0 });
    await expect(context.runInScope(curatorOf(a), async () => {
      await (await context.manager()).query(`insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type) values ('organisation', 'rls-insert', $1, 'x.y', 'Школа', 'Школа', 'school')`, [a.parent_id]);
    })).rejects.toThrow(/row-level security/);
    expect((await db.tenant(b.id))?.full_name).toBe(b.full_name);
    expect((await db.tenant(a.id))?.full_name).toBe(a.full_name);
  });

  it('fails closed: no scope, no manager', async () => {
    await expect(context.manager()).rejects.toBeInstanceOf(TenantContextMissingError);
    expect(() => context.scope).toThrow(TenantContextMissingError);
  });

  it('an empty or unknown role reads no rows even with a tenant id set', async () => {
    for (const role of ['', 'hacker']) {
      const rows = await context.runInScope({ ...curatorOf(a), role: role as Scope['role'] }, async () => (await context.manager()).query('select id from tenants'));
      expect(rows).toEqual([]);
    }
  });
  it("a platform admin's transaction runs as the admin's database role, and the connection returns to its own role after it", async () => {
    const { rows: [person] } = await db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, position) values ($1, 'teacher', 'Админов', 'Тест', date '1980-01-01', 'учитель') returning id`,
      [b.id],
    );
    const admin: Scope = { role: 'platform-admin', tenantId: null, tenantPath: null, allTenants: true, actor: 'test' };
    const seen = await context.runInScope(admin, async () => {
      const em = await context.manager();
      return { user: (await em.query('select current_user as u'))[0].u, people: await em.query('select id from participants where id = $1', [person.id]) };
    });
    expect(seen).toEqual({ user: 'nastavnik_platform_admin', people: [{ id: person.id }] });
    // The same single connection, next: a curator of school A, as the app role, sees nothing of B.
    const next = await context.runInScope(curatorOf(a), async () => {
      const em = await context.manager();
      return { user: (await em.query('select current_user as u'))[0].u, people: await em.query('select id from participants where id = $1', [person.id]) };
    });
    expect(next).toEqual({ user: 'nastavnik_app', people: [] });
    expect((await dataSource.query('select current_user as u'))[0].u).toBe('nastavnik_app');
  });

  it("an app connection that only claims to be a platform admin in app.role reads no school's people or reports and writes no tenant or template", async () => {
    const { rows: [person] } = await db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, position) values ($1, 'teacher', 'Чужой', 'Тест', date '1980-01-01', 'учитель') returning id`,
      [b.id],
    );
    const { rows: [report] } = await db.owner.query<{ id: string }>(
      `insert into report_files (tenant_id, tenant_path, kind, parameters, params_hash, requested_by, requested_role)
       values ($1, $2::ltree, 'school_report', '{}'::jsonb, encode(sha256(convert_to($3, 'UTF8')), 'hex'), 'test', 'curator') returning id`,
      [b.id, b.path, `forged-${b.id}`],
    );
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`select set_config('app.role', 'platform-admin', true), set_config('app.all_tenants', 'on', true)`);
      expect((await runner.query('select current_user as u'))[0].u).toBe('nastavnik_app');
      expect(await runner.query('select id from participants where id = $1', [person.id])).toEqual([]);
      expect(await runner.query('select id from consents')).toEqual([]);
      expect(await runner.query('select id from report_files where id = $1', [report.id])).toEqual([]);
      expect((await runner.query('select app.scope_role() as role'))[0].role).toBeNull();
      const [, updated] = await runner.query(`update tenants set full_name = 'Взломано' where id = $1`, [b.id]);
      expect(updated).toBe(0);
      await runner.query('savepoint before_template');
      await expect(
        runner.query(`insert into questionnaire_templates (tenant_id, code, title, instrument, respondent_role) values (null, 'FORGED', 'Подделка', 'mentor_quality', 'mentor')`),
      ).rejects.toThrow(/row-level security/);
      await runner.query('rollback to savepoint before_template');
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    expect((await db.tenant(b.id))?.full_name).toBe(b.full_name);
  });
  it('the scope goes with START TRANSACTION in one round trip, its values quoted whatever they hold', async () => {
    const actors = [`O'Brien`, `\\'; set role nastavnik_platform_admin; select '`, `a\\b\\\\c'' E'x'`, 'кириллица «ёлка» 💡', `'); reset all; --`];
    for (const actor of actors) {
      const seen = await context.runInScope({ ...curatorOf(a), actor }, async () => {
        const em = await context.manager();
        return (await em.query(`select current_setting('app.actor') as actor, current_user as u, current_setting('app.tenant_id') as tenant`))[0];
      });
      expect(seen).toEqual({ actor, u: 'nastavnik_app', tenant: a.id });
    }
    // One statement opens the transaction and sets the scope: what the connection is sent.
    const probe = dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(probe) as { query: (...args: unknown[]) => Promise<unknown> };
    await probe.release();
    const spy = jest.spyOn(proto, 'query');
    let sent: string[];
    try {
      await context.runInScope(curatorOf(a), async () => (await context.manager()).query('select 1 as one'));
      sent = spy.mock.calls.map((call) => String(call[0]));
    } finally {
      spy.mockRestore();
    }
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^START TRANSACTION; select set_config\('app\.role', 'curator', true\), .*set_config\('role', 'none', true\)$/);
    expect(sent.slice(1)).toEqual(['select 1 as one', 'COMMIT']);
  });
});

import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'nastavnik_app';
const ENGINE_ROLE = 'nastavnik_indicators';

/** Who may read aggregates of a node: its own curator, analysts/officials over its subtree, the federal level. */
const AGGREGATE_READERS = `
  app.scope_all()
  or (app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id())
  or (app.scope_role() in ('region-analyst', 'ministry-official') and tenant_path <@ app.scope_path())`;

/**
 * Indicator snapshots (one row per organisation, period and indicator, with numerator and
 * denominator so that a region's value is Σnum / Σden), the durable queue of recompute requests,
 * and targets per region and year. Snapshots are written only by the indicator engine's role.
 */
export class CreateIndicatorTables1795300350000 implements MigrationInterface {
  name = 'CreateIndicatorTables1795300350000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table indicator_snapshots (
        tenant_id uuid not null references tenants(id) on delete cascade,
        tenant_path ltree not null,
        period text not null check (period ~ '^[0-9]{4}/[0-9]{4}$'),
        indicator_code text not null check (indicator_code ~ '^[A-Z][A-Z0-9_.]{0,39}$'),
        numerator bigint not null check (numerator >= 0),
        denominator bigint check (denominator >= 0),
        computed_at timestamptz not null default now(),
        computation_id uuid not null,
        primary key (tenant_id, period, indicator_code)
      )`);
    await q.query(`create index indicator_snapshots_path_gist on indicator_snapshots using gist (tenant_path)`);
    await q.query(`create index indicator_snapshots_period_code_idx on indicator_snapshots (period, indicator_code)`);

    await q.query(`
      create table indicator_recompute_requests (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        period text not null check (period ~ '^[0-9]{4}/[0-9]{4}$'),
        reason text not null default 'edit' check (reason in ('edit', 'nightly', 'manual')),
        status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
        requested_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        attempts integer not null default 0,
        error text check (length(error) <= 2000)
      )`);
    // A burst of edits of one school in one period is one pending request (insert … on conflict do nothing).
    await q.query(`create unique index indicator_recompute_requests_one_pending on indicator_recompute_requests (tenant_id, period) where status = 'pending'`);
    await q.query(`create index indicator_recompute_requests_open_idx on indicator_recompute_requests (requested_at) where status in ('pending', 'running')`);
    await q.query(`create index indicator_recompute_requests_tenant_idx on indicator_recompute_requests (tenant_id)`);

    await q.query(`
      create table indicator_targets (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        tenant_path ltree not null,
        period text not null check (period ~ '^[0-9]{4}/[0-9]{4}$'),
        indicator_code text not null check (indicator_code ~ '^[A-Z][A-Z0-9_.]{0,39}$'),
        target numeric(9, 2) not null check (target >= 0),
        constraint indicator_targets_one unique (tenant_id, period, indicator_code)
      )`);
    await q.query(`create index indicator_targets_path_gist on indicator_targets using gist (tenant_path)`);

    for (const table of ['indicator_snapshots', 'indicator_recompute_requests', 'indicator_targets']) {
      await q.query(`alter table ${table} enable row level security`);
      await q.query(`alter table ${table} force row level security`);
    }
    // Snapshots: aggregates, readable across the reader's subtree; written by the engine only.
    await q.query(`create policy indicator_snapshots_read on indicator_snapshots for select to ${APP_ROLE} using (${AGGREGATE_READERS})`);
    await q.query(`create policy indicator_snapshots_engine on indicator_snapshots for all to ${ENGINE_ROLE} using (true) with check (true)`);
    await q.query(`grant select on indicator_snapshots to ${APP_ROLE}`);
    await q.query(`grant select, insert, update, delete on indicator_snapshots to ${ENGINE_ROLE}`);

    // Recompute requests: a school's own edits (and the admin) enqueue; the engine works them off.
    const requesters = `(app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id()) or app.scope_role() = 'platform-admin'`;
    await q.query(`create policy indicator_recompute_requests_request on indicator_recompute_requests for insert to ${APP_ROLE} with check (${requesters})`);
    await q.query(`create policy indicator_recompute_requests_read on indicator_recompute_requests for select to ${APP_ROLE} using (${requesters})`);
    await q.query(`create policy indicator_recompute_requests_engine on indicator_recompute_requests for all to ${ENGINE_ROLE} using (true) with check (true)`);
    await q.query(`grant select, insert on indicator_recompute_requests to ${APP_ROLE}`);
    await q.query(`grant select, insert, update, delete on indicator_recompute_requests to ${ENGINE_ROLE}`);

    // Targets: a region's (or municipality's) targets apply to everything below it.
    await q.query(`
      create policy indicator_targets_read on indicator_targets for select to ${APP_ROLE} using (
        app.scope_all() or tenant_path @> app.scope_path() or (app.scope_role() in ('region-analyst', 'ministry-official') and tenant_path <@ app.scope_path()))`);
    await q.query(`create policy indicator_targets_admin on indicator_targets for all to ${APP_ROLE} using (app.scope_role() = 'platform-admin') with check (app.scope_role() = 'platform-admin')`);
    await q.query(`create policy indicator_targets_engine on indicator_targets for select to ${ENGINE_ROLE} using (true)`);
    await q.query(`grant select, insert, update, delete on indicator_targets to ${APP_ROLE}`);
    await q.query(`grant select on indicator_targets to ${ENGINE_ROLE}`);

    // The engine reads the tenant tree (structural data, no personal data).
    await q.query(`create policy tenants_indicators_engine on tenants for select to ${ENGINE_ROLE} using (true)`);
    await q.query(`grant select on tenants to ${ENGINE_ROLE}`);
    await q.query(`grant usage on schema app to ${ENGINE_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`revoke usage on schema app from ${ENGINE_ROLE}`);
    await q.query(`revoke select on tenants from ${ENGINE_ROLE}`);
    await q.query(`drop policy tenants_indicators_engine on tenants`);
    await q.query(`drop table indicator_targets`);
    await q.query(`drop table indicator_recompute_requests`);
    await q.query(`drop table indicator_snapshots`);
  }
}

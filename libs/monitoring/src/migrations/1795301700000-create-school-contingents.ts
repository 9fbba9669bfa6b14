import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies, type RowPolicy } from '@nastavnik/platform/database/row-policies';

const ROLE = `(select app.scope_role())`;
/** A region analyst on the schools under their region (`app.scope_reader_path()` is NULL for anyone else). */
const REGION_ANALYST = `${ROLE} = 'region-analyst' and tenant_path <@ ${ROW_SCOPE.readerPath}`;

/** Who writes a contingent: the school's curator (and the platform admin), a region analyst for the schools under them. */
const contingentPolicies = (table: string) =>
  rowPolicies(
    table,
    { kind: 'curator-own' },
    { kind: 'reader-subtree' },
    { kind: 'custom', name: 'region_write', why: "a region analyst writes the contingents of the schools under their region (the region's import)", for: 'all', using: REGION_ANALYST, check: REGION_ANALYST },
  );

/** Recompute requests as monitoring's migration 1795301130000 declares them… */
const REQUEST_RECOMPUTE: RowPolicy = {
  kind: 'custom',
  name: 'request',
  why: "an edit enqueues its school's recompute: a curator's of their school, a respondent's of their link, the platform admin's",
  for: 'insert',
  to: ['app', 'platformAdmin'],
  check: `(${ROLE} = 'curator' and tenant_id = (select app.scope_tenant_id())) or ${ROLE} in ('platform-admin', 'respondent')`,
};
const REQUESTS_BEFORE = rowPolicies('indicator_recompute_requests', REQUEST_RECOMPUTE, { kind: 'curator-own', for: 'select', to: ['app'] }, { kind: 'indicator-engine' });
/** …and a region analyst's contingent import enqueues the recompute of each school it changed (under the analyst's region). */
const REQUESTS_NOW = rowPolicies('indicator_recompute_requests', ...REQUESTS_BEFORE.policies, {
  kind: 'custom',
  name: 'region_request',
  why: "a region analyst's contingent import enqueues the recompute of the schools under their region",
  for: 'insert',
  to: ['app'],
  check: `${ROLE} = 'region-analyst' and exists (select 1 from tenants t where t.id = tenant_id and t.path <@ ${ROW_SCOPE.readerPath})`,
});

const SNAPSHOT_VALUES = `select tenant_id, tenant_path, period, indicator_code, numerator, denominator, computed_at from indicator_snapshots`;

/**
 * The school's contingent (контингент, issue 14 item 5; docs/adr/0027): per school year, the number
 * of pupils by age on 1 September (the region's reference date, docs/adr/0009) and the number of
 * teachers — aggregate counts, no person. The indicators' population denominators (T1, T2, N1,
 * M1, M2, M3, M5) come from it where a school has one for the period, so a school registers only
 * the people who take part.
 * - `school_contingents`: one row per (school, school year) with the teachers; `school_contingent_ages`:
 *   the pupils of each age (composite key and foreign key with `tenant_id`, docs/scale.md).
 *   `tenant_path` is the school's path, set by a trigger from the tenant tree (a school only).
 * - No person: not even who entered it (the access journal records a curator's import).
 * - Forced RLS by kind: the school's curator writes its own (the platform admin beside it), readers
 *   over their subtree read, and a region analyst writes the schools under their region (the
 *   region's one-file import). A write records the school's recompute request for that year.
 * - `ind_contingent_facts`: the engine's fact view (tenant, period, kind, age, headcount) — the
 *   same `kind`/`age` columns as the persons fact, so a denominator's condition reads both.
 * - `indicator_snapshots.denominator_source`: which population a snapshot's denominator counted
 *   ('contingent' or 'registered'; NULL where the denominator is no population, T3/T4).
 */
export class CreateSchoolContingents1795301700000 implements MigrationInterface {
  name = 'CreateSchoolContingents1795301700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table school_contingents (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        school_year text not null check (school_year ~ '^[0-9]{4}/[0-9]{4}$' and right(school_year, 4)::int = left(school_year, 4)::int + 1),
        teachers integer not null check (teachers between 0 and 5000),
        source text not null check (source in ('console', 'school-import', 'region-import')),
        updated_at timestamptz not null default now(),
        constraint school_contingents_pkey primary key (tenant_id, id),
        constraint school_contingents_one_per_year unique (tenant_id, school_year)
      )`);
    await q.query(`create index school_contingents_path_gist on school_contingents using gist (tenant_path)`);
    await q.query(`
      create table school_contingent_ages (
        tenant_id uuid not null,
        contingent_id uuid not null,
        tenant_path ltree not null,
        age smallint not null check (age between 5 and 25),
        pupils integer not null check (pupils between 0 and 10000),
        constraint school_contingent_ages_pkey primary key (tenant_id, contingent_id, age),
        constraint school_contingent_ages_contingent_fk foreign key (tenant_id, contingent_id) references school_contingents (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index school_contingent_ages_path_gist on school_contingent_ages using gist (tenant_path)`);
    await q.query(`
      create function app.contingent_tenant_path() returns trigger language plpgsql as $$
      declare
        found_path ltree;
      begin
        select t.path into found_path from tenants t where t.id = new.tenant_id and t.kind = 'organisation';
        if found_path is null then
          raise exception 'contingent of a tenant that is not a visible organisation' using errcode = '23503', constraint = 'school_contingents_organisation';
        end if;
        new.tenant_path := found_path;
        return new;
      end $$`);
    for (const table of ['school_contingents', 'school_contingent_ages']) {
      await q.query(`create trigger ${table}_path before insert or update of tenant_id, tenant_path on ${table} for each row execute function app.contingent_tenant_path()`);
      await q.query(`grant select, insert, update, delete on ${table} to nastavnik_app, nastavnik_platform_admin`);
    }
    await declareRowPolicies(q, contingentPolicies('school_contingents'), contingentPolicies('school_contingent_ages'), REQUESTS_NOW);
    for (const [op, event, rows] of [['ins', 'insert', 'new'], ['upd', 'update', 'new'], ['del', 'delete', 'old']]) {
      await q.query(`create trigger school_contingents_indicators_${op} after ${event} on school_contingents
        referencing ${rows} table as ${rows}_rows for each statement execute function app.request_indicator_recompute('school_year')`);
    }

    // The view name stays literal: tools/lint/lib-tables.spec.ts reads who creates what from these statements.
    await q.query(`
      create view ind_contingent_facts as
        select a.tenant_id, c.school_year as period, 'student'::text as kind, a.age::int as age, a.pupils as headcount
          from school_contingent_ages a
          join school_contingents c on c.tenant_id = a.tenant_id and c.id = a.contingent_id
        union all
        select c.tenant_id, c.school_year, 'teacher'::text, null::int, c.teachers from school_contingents c`);
    await q.query(`revoke all on ind_contingent_facts from public`);
    await q.query(`grant select on ind_contingent_facts to nastavnik_indicators`);

    await q.query(`alter table indicator_snapshots add column denominator_source text check (denominator_source in ('contingent', 'registered'))`);
    await q.query(`create or replace view indicator_snapshot_values with (security_invoker = true) as ${SNAPSHOT_VALUES.replace(' from ', ', denominator_source from ')}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view indicator_snapshot_values`);
    await q.query(`create view indicator_snapshot_values with (security_invoker = true) as ${SNAPSHOT_VALUES}`);
    await q.query(`revoke all on indicator_snapshot_values from public`);
    await q.query(`grant select on indicator_snapshot_values to nastavnik_app, nastavnik_platform_admin`);
    await q.query(`alter table indicator_snapshots drop column denominator_source`);
    await q.query(`drop view ind_contingent_facts`);
    await declareRowPolicies(q, REQUESTS_BEFORE);
    await q.query(`drop table school_contingent_ages`);
    await q.query(`drop table school_contingents`);
    await q.query(`drop function app.contingent_tenant_path()`);
  }
}

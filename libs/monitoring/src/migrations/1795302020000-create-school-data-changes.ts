import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies } from '@nastavnik/platform/database/row-policies';

/**
 * The areas of a school's records whose last change the region sees (issue 13: «whose data is
 * stale?»), and the tables that make each one, with the column that says when a row last changed.
 */
const AREAS: { area: string; table: string; changed: string }[] = [
  { area: 'participants', table: 'participants', changed: 'updated_at' },
  { area: 'pairs', table: 'mentoring_pairs', changed: 'updated_at' },
  { area: 'pairs', table: 'pair_mentees', changed: 'created_at' },
  { area: 'meetings', table: 'meetings', changed: 'updated_at' },
  { area: 'questionnaires', table: 'questionnaire_responses', changed: 'updated_at' },
  { area: 'roadmap', table: 'roadmaps', changed: 'updated_at' },
  { area: 'roadmap', table: 'roadmap_items', changed: 'updated_at' },
];

const ROLE = `(select app.scope_role())`;

/**
 * On which days a school's records of each area changed (docs/adr/0033): one row per school,
 * area and day — dates and nothing else, an aggregate the region reads like the indicator
 * snapshots (a curator their own school, a regional reader the schools under their path, the
 * federal scope all); the latest day is the area's freshness. Written by statement triggers on
 * the records' tables, in the edit's own transaction and role (no SECURITY DEFINER): a curator for
 * their school, the platform admin, a questionnaire link's respondent for questionnaires. The
 * insert is `on conflict do nothing` without a conflict target, like the recompute requests, so
 * the writer needs no right to read the row (a respondent reads nothing), and a second edit of
 * the day writes nothing. Existing records are counted in once, from their own timestamps.
 */
const POLICIES = rowPolicies(
  'school_data_changes',
  {
    kind: 'custom',
    name: 'read',
    why: "the federal scope all; a curator their own school's; a regional reader the schools under their path",
    for: 'select',
    using: `${ROW_SCOPE.all} or tenant_id = ${ROW_SCOPE.curatorTenantId}
      or tenant_id in (select t.id from tenant_tree t where t.path <@ ${ROW_SCOPE.readerPath})`,
  },
  {
    kind: 'custom',
    name: 'record',
    why: "an edit records its day: a curator's of their school, a link respondent's of questionnaires",
    for: 'insert',
    to: ['app'],
    check: `tenant_id = ${ROW_SCOPE.curatorTenantId} or (${ROLE} = 'respondent' and area = 'questionnaires')`,
  },
  {
    kind: 'custom',
    name: 'record_platform_admin',
    why: "an edit of the platform admin's records its day (the admin's database role, docs/adr/0010)",
    for: 'insert',
    to: ['platformAdmin'],
    check: ROW_SCOPE.platformAdmin,
  },
);

export class CreateSchoolDataChanges1795302020000 implements MigrationInterface {
  name = 'CreateSchoolDataChanges1795302020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table school_data_changes (
        tenant_id uuid not null references tenants(id) on delete cascade,
        area text not null check (area in ('participants', 'pairs', 'meetings', 'questionnaires', 'roadmap')),
        changed_on date not null,
        primary key (tenant_id, area, changed_on)
      )`);
    await declareRowPolicies(q, POLICIES);
    await q.query(`grant select, insert on school_data_changes to nastavnik_app, nastavnik_platform_admin`);

    await q.query(`
      create function app.record_school_data_change() returns trigger language plpgsql as $$
      declare
        source text := case when TG_OP = 'DELETE' then 'old_rows' else 'new_rows' end;
      begin
        execute format(
          'insert into school_data_changes (tenant_id, area, changed_on)
           select distinct tenant_id, %L, current_date from %I
           on conflict do nothing', TG_ARGV[0], source);
        return null;
      end $$`);
    for (const { area, table } of AREAS) {
      await q.query(`create trigger ${table}_data_change_ins after insert on ${table} referencing new table as new_rows for each statement execute function app.record_school_data_change('${area}')`);
      await q.query(`create trigger ${table}_data_change_upd after update on ${table} referencing new table as new_rows for each statement execute function app.record_school_data_change('${area}')`);
      await q.query(`create trigger ${table}_data_change_del after delete on ${table} referencing old table as old_rows for each statement execute function app.record_school_data_change('${area}')`);
    }
    // What there is already, from the records' own timestamps (the owner reads every school).
    const latest = AREAS.map(({ area, table, changed }) => `select tenant_id, '${area}' as area, max(${changed})::date as changed_on from ${table} group by tenant_id`).join(' union all ');
    await q.query(`insert into school_data_changes (tenant_id, area, changed_on) select distinct tenant_id, area, changed_on from (${latest}) c on conflict do nothing`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of AREAS) {
      for (const op of ['ins', 'upd', 'del']) await q.query(`drop trigger ${table}_data_change_${op} on ${table}`);
    }
    await q.query(`drop function app.record_school_data_change()`);
    await q.query(`drop table school_data_changes`);
  }
}

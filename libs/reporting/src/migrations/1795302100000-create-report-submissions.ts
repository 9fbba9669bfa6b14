import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies, type TablePolicies } from '@nastavnik/platform/database/row-policies';

const ROLE = `(select app.scope_role())`;
/** A region analyst over the schools under their region (`app.scope_reader_path()` is NULL for anyone else). */
const ANALYST = `${ROLE} = 'region-analyst' and tenant_path <@ ${ROW_SCOPE.readerPath}`;

const REPORT_READERS_BEFORE = `
  (select app.scope_role()) = 'platform-admin'
  or ((select app.scope_role()) = 'curator' and tenant_id = (select app.scope_tenant_id()) and kind = 'school_report' and requested_role = 'curator')
  or ((select app.scope_role()) in ('region-analyst', 'ministry-official') and requested_role in ('region-analyst', 'ministry-official')
      and ((select app.scope_all()) or tenant_path <@ (select app.scope_path())))`;

/** The same, and a curator's own school's frozen submission PDFs (which the curator's submission requests). */
const REPORT_READERS_NOW = `
  (select app.scope_role()) = 'platform-admin'
  or ((select app.scope_role()) = 'curator' and tenant_id = (select app.scope_tenant_id()) and kind in ('school_report', 'submission_report') and requested_role = 'curator')
  or ((select app.scope_role()) in ('region-analyst', 'ministry-official') and requested_role in ('region-analyst', 'ministry-official')
      and ((select app.scope_all()) or tenant_path <@ (select app.scope_path())))`;

const reportPolicies = (readers: string, withSubmissions: boolean): TablePolicies =>
  rowPolicies(
    'report_files',
    {
      kind: 'custom',
      name: 'scope',
      why: withSubmissions
        ? 'the platform admin all; a curator the school reports and frozen submission PDFs of their school that a curator requested; regional readers the regional requests under their path'
        : 'the platform admin all; a curator the school reports of their school that a curator requested; regional readers the regional requests under their path',
      for: 'all',
      to: ['app', 'platformAdmin'],
      using: readers,
      check: readers,
    },
    ...(withSubmissions
      ? [
          {
            kind: 'custom' as const,
            name: 'submission_read',
            why: "a region analyst reads the frozen PDFs of the yearly reports submitted by the schools under their region (read only: the curator's submission writes them)",
            for: 'select' as const,
            to: ['app'] as const,
            using: `kind = 'submission_report' and ${ANALYST}`,
          },
        ]
      : []),
  );

/** A school's submission tables: the curator writes their own (the admin beside), a region analyst reads the schools under them. */
const schoolPolicies = (table: string, review: 'update' | 'insert' | null): TablePolicies =>
  rowPolicies(
    table,
    { kind: 'curator-own' },
    { kind: 'custom', name: 'region_read', why: 'a region analyst reads the yearly reports of the schools under their region', for: 'select', to: ['app'], using: ANALYST },
    ...(review === 'update'
      ? [{ kind: 'custom' as const, name: 'region_review', why: 'a region analyst accepts or returns a submitted report of a school under their region (status only; a trigger keeps the content)', for: 'update' as const, to: ['app'] as const, using: `${ANALYST} and status = 'submitted'`, check: `${ANALYST} and status in ('accepted', 'returned')` }]
      : review === 'insert'
        ? [{ kind: 'custom' as const, name: 'region_review', why: "a region analyst records their acceptance or return in the history of a school under their region", for: 'insert' as const, to: ['app'] as const, check: `${ANALYST} and action in ('accepted', 'returned')` }]
        : []),
  );

const DUE_DATE_POLICIES = rowPolicies(
  'report_submission_due_dates',
  { kind: 'admin' },
  {
    kind: 'custom',
    name: 'read',
    why: "the region's analysts read its due dates, and a curator the due date of their school's region",
    for: 'select',
    to: ['app'],
    using: `(${ROLE} = 'region-analyst' and (tenant_path <@ ${ROW_SCOPE.readerPath} or ${ROW_SCOPE.readerPath} <@ tenant_path))
            or (${ROLE} = 'curator' and (select app.scope_path()) <@ tenant_path)`,
  },
  { kind: 'custom', name: 'region_write', why: 'a region analyst sets the due dates of their region', for: 'all', to: ['app'], using: ANALYST, check: ANALYST },
);

/**
 * The yearly report of a school to the regional mentoring centre (отчёт в региональный
 * наставнический центр, seed 004 item 34; issue 13 item 2; docs/adr/0034).
 * - `report_submissions`: one per school and school year: status (draft, submitted, accepted,
 *   returned), the curator's analytical note, the number of the last submitted version.
 * - `report_submission_versions`: each submission frozen — the report's data as it was at that
 *   moment (jsonb: indicators, counts, meetings, roadmap execution without responsible persons;
 *   the note) and the `report_files` row of the PDF rendered from it (kind `submission_report`).
 * - `report_submission_events`: the history — who (role, account), when, what, comment.
 * - `report_submission_due_dates`: the region's due date per school year.
 * Forced RLS by kind: the curator writes their school's; a region analyst reads the schools under
 * their region and may only move a submitted report to accepted or returned (policy + trigger);
 * the ministry nothing. Versions and history are append-only (no update or delete granted).
 */
export class CreateReportSubmissions1795302100000 implements MigrationInterface {
  name = 'CreateReportSubmissions1795302100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table report_files drop constraint report_files_kind_check`);
    await q.query(`alter table report_files add constraint report_files_kind_check check (kind in ('school_report', 'region_report', 'extract_xlsx', 'extract_csv', 'submission_report'))`);

    await q.query(`
      create table report_submissions (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        school_year text not null check (school_year ~ '^[0-9]{4}/[0-9]{4}$' and right(school_year, 4)::int = left(school_year, 4)::int + 1),
        status text not null default 'draft' check (status in ('draft', 'submitted', 'accepted', 'returned')),
        note text not null default '' check (length(note) <= 8000),
        version integer not null default 0 check (version >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint report_submissions_pkey primary key (tenant_id, id),
        constraint report_submissions_one_per_year unique (tenant_id, school_year),
        constraint report_submissions_submitted_has_version check (status = 'draft' or version > 0)
      )`);
    await q.query(`create index report_submissions_path_gist on report_submissions using gist (tenant_path)`);
    await q.query(`
      create table report_submission_versions (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        submission_id uuid not null,
        version integer not null check (version > 0),
        note text not null check (length(note) <= 8000),
        data jsonb not null,
        report_file_id uuid not null,
        submitted_at timestamptz not null default now(),
        constraint report_submission_versions_pkey primary key (tenant_id, id),
        constraint report_submission_versions_one_per_number unique (tenant_id, submission_id, version),
        constraint report_submission_versions_submission_fk foreign key (tenant_id, submission_id) references report_submissions (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index report_submission_versions_path_gist on report_submission_versions using gist (tenant_path)`);
    await q.query(`
      create table report_submission_events (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        submission_id uuid not null,
        version integer not null default 0,
        action text not null check (action in ('created', 'submitted', 'accepted', 'returned')),
        actor text not null,
        actor_role text not null check (actor_role in ('curator', 'region-analyst', 'platform-admin')),
        comment text check (length(comment) <= 4000),
        at timestamptz not null default clock_timestamp(),
        constraint report_submission_events_pkey primary key (tenant_id, id),
        constraint report_submission_events_submission_fk foreign key (tenant_id, submission_id) references report_submissions (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index report_submission_events_submission_idx on report_submission_events (tenant_id, submission_id, at)`);
    await q.query(`create index report_submission_events_path_gist on report_submission_events using gist (tenant_path)`);
    await q.query(`
      create table report_submission_due_dates (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        school_year text not null check (school_year ~ '^[0-9]{4}/[0-9]{4}$' and right(school_year, 4)::int = left(school_year, 4)::int + 1),
        due_on date not null,
        updated_at timestamptz not null default now(),
        constraint report_submission_due_dates_pkey primary key (tenant_id, id),
        constraint report_submission_due_dates_one_per_year unique (tenant_id, school_year)
      )`);
    await q.query(`create index report_submission_due_dates_path_gist on report_submission_due_dates using gist (tenant_path)`);

    // The path is the tenant's own (a school's; the due date's region), never what a client sent.
    await q.query(`
      create function app.report_submission_tenant_path() returns trigger language plpgsql as $$
      declare
        wanted text := case when tg_table_name = 'report_submission_due_dates' then 'region' else 'organisation' end;
        found_path ltree;
      begin
        select t.path into found_path from tenants t where t.id = new.tenant_id and t.kind = wanted;
        if found_path is null then
          raise exception '% of a tenant that is not a visible %', tg_table_name, wanted using errcode = '23503', constraint = tg_table_name || '_tenant';
        end if;
        new.tenant_path := found_path;
        return new;
      end $$`);
    for (const table of ['report_submissions', 'report_submission_versions', 'report_submission_events', 'report_submission_due_dates']) {
      await q.query(`create trigger ${table}_path before insert or update of tenant_id, tenant_path on ${table} for each row execute function app.report_submission_tenant_path()`);
    }
    // Defence in depth behind the service's checks: a reviewer changes the status only (submitted →
    // accepted or returned); nobody moves a report the other way round by hand.
    await q.query(`
      create function app.report_submission_guard() returns trigger language plpgsql as $$
      begin
        if new.tenant_id <> old.tenant_id or new.school_year <> old.school_year or new.version < old.version then
          raise exception 'a yearly report keeps its school, year and versions' using errcode = '42501';
        end if;
        if app.scope_role() = 'region-analyst' then
          if new.note is distinct from old.note or new.version <> old.version
             or old.status <> 'submitted' or new.status not in ('accepted', 'returned') then
            raise exception 'a region analyst only accepts or returns a submitted report' using errcode = '42501';
          end if;
        elsif app.scope_role() = 'curator' and new.status in ('accepted', 'returned') and new.status <> old.status then
          raise exception 'a curator does not accept or return reports' using errcode = '42501';
        end if;
        new.updated_at := now();
        return new;
      end $$`);
    await q.query(`create trigger report_submissions_guard before update on report_submissions for each row execute function app.report_submission_guard()`);

    const roles = 'nastavnik_app, nastavnik_platform_admin';
    await q.query(`grant select, insert, update on report_submissions to ${roles}`);
    await q.query(`grant select, insert on report_submission_versions to ${roles}`);
    await q.query(`grant select, insert on report_submission_events to ${roles}`);
    await q.query(`grant select, insert, update, delete on report_submission_due_dates to ${roles}`);
    await declareRowPolicies(
      q,
      schoolPolicies('report_submissions', 'update'),
      schoolPolicies('report_submission_versions', null),
      schoolPolicies('report_submission_events', 'insert'),
      DUE_DATE_POLICIES,
      reportPolicies(REPORT_READERS_NOW, true),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, reportPolicies(REPORT_READERS_BEFORE, false));
    await q.query(`drop table report_submission_due_dates`);
    await q.query(`drop table report_submission_events`);
    await q.query(`drop table report_submission_versions`);
    await q.query(`drop table report_submissions`);
    await q.query(`drop function app.report_submission_guard()`);
    await q.query(`drop function app.report_submission_tenant_path()`);
    await q.query(`delete from report_files where kind = 'submission_report'`);
    await q.query(`alter table report_files drop constraint report_files_kind_check`);
    await q.query(`alter table report_files add constraint report_files_kind_check check (kind in ('school_report', 'region_report', 'extract_xlsx', 'extract_csv'))`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'nastavnik_app';

/**
 * Who sees a report row: the requesting curator's school (their own school reports only); region
 * analysts and ministry officials over their subtree, only reports that regional readers requested
 * (a curator's or an admin's school report carries curator-only roadmap data); the platform admin
 * everything. The same expression is the WITH CHECK, so only those who may read a row may request (insert) it.
 */
const READERS = `
  app.scope_role() = 'platform-admin'
  or (app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id() and kind = 'school_report' and requested_role = 'curator')
  or (app.scope_role() in ('region-analyst', 'ministry-official') and requested_role in ('region-analyst', 'ministry-official')
      and (app.scope_all() or tenant_path <@ app.scope_path()))`;

/**
 * Reports and extracts (отчёты и выгрузки): one row per distinct request (kind, parameters,
 * requester scope), with its status, progress and, when done, the file itself. A federal extract
 * (all regions) belongs to no tenant: tenant_id is null and tenant_path is the empty (root) path,
 * which only the federal scope (`app.scope_all()`) can see.
 */
export class CreateReportFiles1795300400000 implements MigrationInterface {
  name = 'CreateReportFiles1795300400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table report_files (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid references tenants(id) on delete cascade,
        tenant_path ltree not null,
        kind text not null check (kind in ('school_report', 'region_report', 'extract_xlsx', 'extract_csv')),
        parameters jsonb not null,
        params_hash text not null check (params_hash ~ '^[0-9a-f]{64}$'),
        status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
        progress smallint not null default 0 check (progress between 0 and 100),
        error text check (length(error) <= 2000),
        file_bytes bytea,
        content_type text,
        file_name text check (length(file_name) <= 200),
        form_code text,
        form_version text,
        requested_by text not null,
        requested_role text not null,
        attempts integer not null default 0,
        requested_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        constraint report_files_owner check (tenant_id is not null or (kind in ('extract_xlsx', 'extract_csv') and tenant_path = ''::ltree)),
        constraint report_files_done check (status <> 'done' or (file_bytes is not null and content_type is not null and file_name is not null)),
        constraint report_files_extract_form check (kind not in ('extract_xlsx', 'extract_csv') or (form_code is not null and form_version is not null))
      )`);
    // Identical requests (same kind, parameters and requester scope) are one row, one job, one file.
    await q.query(`create unique index report_files_request_uq on report_files (params_hash)`);
    await q.query(`create index report_files_tenant_idx on report_files (tenant_id)`);
    await q.query(`create index report_files_path_gist on report_files using gist (tenant_path)`);
    await q.query(`create index report_files_requested_at_idx on report_files (requested_at desc)`);
    await q.query(`alter table report_files enable row level security`);
    await q.query(`alter table report_files force row level security`);
    await q.query(`create policy report_files_scope on report_files for all to ${APP_ROLE} using (${READERS}) with check (${READERS})`);
    await q.query(`grant select, insert, update, delete on report_files to ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table report_files`);
  }
}

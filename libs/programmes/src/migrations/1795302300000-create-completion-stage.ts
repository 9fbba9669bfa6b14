import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies } from '@nastavnik/platform/database/row-policies';
import { ACADEMIC_YEAR_CHECK, textCheck } from './tenant-table.sql';

const ROLE = `(select app.scope_role())`;
const NOMINATIONS = `('best_mentor', 'mentor_of_the_year', 'best_pair', 'best_pair_mentor_plus', 'best_student_mentor')`;
/** A region analyst on the rows under their region (or municipality). */
const REGION_ANALYST = `${ROLE} = 'region-analyst' and tenant_path <@ ${ROW_SCOPE.readerPath}`;
/** A curator on the rows of their own region: the region is the first label of the school's path. */
const CURATOR_OF_THE_REGION = `${ROLE} = 'curator' and tenant_path <@ subpath((select app.scope_path()), 0, 1)`;

const TABLES = ['mentor_nominations', 'mentor_competitions', 'competition_entries', 'practice_cases'];

const POLICIES = [
  rowPolicies('mentor_nominations', { kind: 'curator-own' }),
  rowPolicies(
    'mentor_competitions',
    { kind: 'custom', name: 'region_write', why: 'a region analyst runs the competitions of their region (or municipality)', for: 'all', to: ['app'], using: REGION_ANALYST, check: REGION_ANALYST },
    {
      kind: 'custom',
      name: 'read',
      why: 'readers of the region (analysts, the ministry) and the curators of its schools, who enter their nominations',
      for: 'select',
      using: `${ROW_SCOPE.all} or tenant_path <@ ${ROW_SCOPE.readerPath} or (${ROLE} = 'curator' and (select app.scope_path()) <@ tenant_path)`,
    },
    { kind: 'admin' },
  ),
  rowPolicies(
    'competition_entries',
    { kind: 'curator-own' },
    { kind: 'custom', name: 'region_read', why: "a region analyst reads the entries a school of their region entered (the school's act of entering passes the mentor's name)", for: 'select', to: ['app'], using: REGION_ANALYST },
    { kind: 'custom', name: 'region_result', why: 'a region analyst records the result of an entry of their region (the trigger lets them change the result only)', for: 'update', to: ['app'], using: REGION_ANALYST, check: REGION_ANALYST },
  ),
  rowPolicies(
    'practice_cases',
    { kind: 'curator-own' },
    { kind: 'custom', name: 'region_published', why: 'a curator reads the cases published by every school of their region (the bank of practices)', for: 'select', to: ['app'], using: `status = 'published' and ${CURATOR_OF_THE_REGION}` },
    { kind: 'custom', name: 'moderator_read', why: "the region's readers see the cases submitted, returned or published by its schools, never drafts", for: 'select', to: ['app'], using: `status <> 'draft' and tenant_path <@ ${ROW_SCOPE.readerPath}` },
    {
      kind: 'custom',
      name: 'moderate',
      why: 'a region analyst publishes or returns a submitted case of their region (the trigger lets them change the moderation columns only)',
      for: 'update',
      to: ['app'],
      using: `status in ('submitted', 'published') and ${REGION_ANALYST}`,
      check: `status in ('published', 'returned') and ${REGION_ANALYST}`,
    },
  ),
];

/**
 * The completion stage of the target model (issue 13, item 6; docs/adr/0036): recognition of
 * mentors and the bank of practices.
 * - `mentor_nominations`: a school nominates its mentor («Лучший наставник», «Наставник года» …)
 *   with a reason; the mentor's full name is kept as it was written in the nomination (for the
 *   letter of thanks and the entry). Personal data: the school's curator only.
 * - `mentor_competitions`: a region's (or municipality's) competition with its nominations; few
 *   rows, read by the curators of the region's schools (a reference table for Citus).
 * - `competition_entries`: a school's nomination entered into a competition — a copy of what the
 *   school chose to pass on (nomination, name, reason, school name) — and the region's result.
 *   The region reads entries, never nominations: only what a school entered.
 * - `practice_cases`: a school's case (кейс) of the bank of practices: draft → submitted →
 *   published or returned; drafts stay with the school, published cases are read by every school
 *   of the region, the region's analysts moderate.
 * `tenant_path` is set by a trigger from the tenant tree, never by the writer; guard triggers keep
 * each role to its own columns (an analyst changes only the result or the moderation).
 */
export class CreateCompletionStage1795302300000 implements MigrationInterface {
  name = 'CreateCompletionStage1795302300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table mentor_nominations (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        academic_year text not null ${ACADEMIC_YEAR_CHECK},
        nomination text not null check (nomination in ${NOMINATIONS}),
        mentor_id uuid not null,
        mentor_name text not null ${textCheck('mentor_name', 1, 300)},
        reason text not null ${textCheck('reason', 10, 2000)},
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint mentor_nominations_pkey primary key (tenant_id, id),
        constraint mentor_nominations_once unique (tenant_id, academic_year, nomination, mentor_id),
        constraint mentor_nominations_mentor_fk foreign key (tenant_id, mentor_id) references participants(tenant_id, id) on delete restrict
      )`);
    await q.query(`create index mentor_nominations_mentor_idx on mentor_nominations (tenant_id, mentor_id)`);
    await q.query(`
      create table mentor_competitions (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        tenant_path ltree not null,
        title text not null ${textCheck('title', 3, 300)},
        academic_year text not null ${ACADEMIC_YEAR_CHECK},
        nominations text[] not null check (cardinality(nominations) between 1 and 5 and nominations <@ array${NOMINATIONS.replace('(', '[').replace(/\)$/, ']')}::text[]),
        entries_until date check (entries_until between date '2000-01-01' and date '2100-12-31'),
        status text not null default 'open' check (status in ('open', 'closed')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint mentor_competitions_title_per_year unique (tenant_id, academic_year, title)
      )`);
    await q.query(`create index mentor_competitions_path_gist on mentor_competitions using gist (tenant_path)`);
    await q.query(`
      create table competition_entries (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        competition_id uuid not null references mentor_competitions(id) on delete restrict,
        nomination_id uuid not null,
        nomination text not null check (nomination in ${NOMINATIONS}),
        mentor_name text not null ${textCheck('mentor_name', 1, 300)},
        reason text not null ${textCheck('reason', 10, 2000)},
        school_name text not null ${textCheck('school_name', 1, 500)},
        result text check (result in ('winner', 'prize_winner', 'participant')),
        result_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint competition_entries_pkey primary key (tenant_id, id),
        constraint competition_entries_once unique (tenant_id, competition_id, nomination_id),
        constraint competition_entries_nomination_fk foreign key (tenant_id, nomination_id) references mentor_nominations(tenant_id, id) on delete restrict
      )`);
    await q.query(`create index competition_entries_competition_idx on competition_entries (competition_id)`);
    await q.query(`create index competition_entries_nomination_idx on competition_entries (tenant_id, nomination_id)`);
    await q.query(`create index competition_entries_path_gist on competition_entries using gist (tenant_path)`);
    await q.query(`
      create table practice_cases (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        tenant_path ltree not null,
        school_name text not null ${textCheck('school_name', 1, 500)},
        academic_year text not null ${ACADEMIC_YEAR_CHECK},
        title text not null ${textCheck('title', 3, 300)},
        form_id uuid not null references mentoring_forms(id) on delete restrict,
        role_model_id uuid references role_models(id) on delete restrict,
        what_was_done text not null ${textCheck('what_was_done', 10, 8000)},
        results text not null ${textCheck('results', 10, 4000)},
        status text not null default 'draft' check (status in ('draft', 'submitted', 'published', 'returned')),
        moderator_comment text ${textCheck('moderator_comment', 0, 2000)},
        submitted_at timestamptz,
        moderated_at timestamptz,
        published_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint practice_cases_pkey primary key (tenant_id, id),
        constraint practice_cases_returned_with_comment check (status <> 'returned' or moderator_comment is not null)
      )`);
    await q.query(`create index practice_cases_status_idx on practice_cases (tenant_id, status)`);
    await q.query(`create index practice_cases_path_gist on practice_cases using gist (tenant_path)`);
    await q.query(`create index practice_cases_form_idx on practice_cases (form_id)`);
    await q.query(`create index practice_cases_role_model_idx on practice_cases (role_model_id)`);

    // The path of the row's tenant, from the tenant tree as the writer may see it: a school's rows
    // (argument 'organisation') or a region's / municipality's competition ('reader').
    await q.query(`
      create function app.completion_tenant_path() returns trigger language plpgsql as $$
      declare
        found_path ltree;
      begin
        select t.path into found_path from tenant_tree t
         where t.id = new.tenant_id
           and case when tg_argv[0] = 'organisation' then t.kind = 'organisation' else t.kind in ('region', 'municipality') end;
        if found_path is null then
          raise exception 'completion record of a tenant that is not a visible %', tg_argv[0] using errcode = '23503', constraint = tg_table_name || '_tenant';
        end if;
        new.tenant_path := found_path;
        return new;
      end $$`);
    for (const [table, kind] of [['mentor_nominations', 'organisation'], ['mentor_competitions', 'reader'], ['competition_entries', 'organisation'], ['practice_cases', 'organisation']]) {
      await q.query(`create trigger ${table}_path before insert or update of tenant_id, tenant_path on ${table} for each row execute function app.completion_tenant_path('${kind}')`);
    }
    // Each role changes only its own columns: a region analyst the result of an entry, a curator never.
    await q.query(`
      create function app.competition_entry_guard() returns trigger language plpgsql as $$
      begin
        if app.scope_role() = 'region-analyst' then
          if (to_jsonb(new) - 'result' - 'result_at' - 'updated_at') is distinct from (to_jsonb(old) - 'result' - 'result_at' - 'updated_at') then
            raise exception 'a region analyst changes only the result of an entry' using errcode = '42501';
          end if;
        elsif app.scope_role() = 'curator' and (new.result is distinct from old.result or new.result_at is distinct from old.result_at) then
          raise exception 'the result of an entry is the region''s' using errcode = '42501';
        end if;
        return new;
      end $$`);
    await q.query(`create trigger competition_entries_guard before update on competition_entries for each row execute function app.competition_entry_guard()`);
    await q.query(`
      create function app.practice_case_guard() returns trigger language plpgsql as $$
      begin
        if app.scope_role() = 'region-analyst' then
          if tg_op = 'INSERT' or (to_jsonb(new) - 'status' - 'moderator_comment' - 'moderated_at' - 'published_at' - 'updated_at')
                                 is distinct from (to_jsonb(old) - 'status' - 'moderator_comment' - 'moderated_at' - 'published_at' - 'updated_at') then
            raise exception 'a region analyst changes only the moderation of a case' using errcode = '42501';
          end if;
        elsif app.scope_role() = 'curator' and new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
          raise exception 'a case is published by the region' using errcode = '42501';
        end if;
        return new;
      end $$`);
    await q.query(`create trigger practice_cases_guard before insert or update on practice_cases for each row execute function app.practice_case_guard()`);

    for (const table of TABLES) await q.query(`grant select, insert, update, delete on ${table} to nastavnik_app, nastavnik_platform_admin`);
    await declareRowPolicies(q, ...POLICIES);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`drop table ${table}`);
    await q.query(`drop function app.practice_case_guard()`);
    await q.query(`drop function app.competition_entry_guard()`);
    await q.query(`drop function app.completion_tenant_path()`);
  }
}

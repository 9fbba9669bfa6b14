import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'nastavnik_app';
// Literal here so that the migration never changes with the code.
const KINDS = `'student', 'teacher', 'uni_student', 'college_rep', 'employer_rep', 'graduate', 'parent', 'veteran', 'other'`;
const CODE = `code text not null unique check (code ~ '^[A-Za-z0-9_]{1,40}$')`;
const TITLE = `title text not null check (length(btrim(title)) between 1 and 1000)`;
const COMMON = `
  sort_order int not null default 0 check (sort_order between 0 and 100000),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

const TABLES = ['mentoring_forms', 'role_models', 'mentoring_formats', 'mentoring_directions', 'interest_areas', 'meeting_types', 'programme_stages'];

/**
 * Reference data (справочники) of the target model: global tables, no organisation. Any signed-in
 * role reads them; only a platform admin writes. No DELETE grant: rows are retired, not removed.
 */
export class CreateReferenceData1795300200000 implements MigrationInterface {
  name = 'CreateReferenceData1795300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table mentoring_forms (
        id uuid primary key default gen_random_uuid(), ${CODE}, ${TITLE},
        description text check (length(description) <= 4000),
        goal text check (length(goal) <= 4000),
        tasks text[] not null default '{}' check (cardinality(tasks) <= 50),
        expected_results text[] not null default '{}' check (cardinality(expected_results) <= 50),
        mentor_profile text[] not null default '{}' check (cardinality(mentor_profile) <= 50),
        mentee_profile text[] not null default '{}' check (cardinality(mentee_profile) <= 50),
        mentor_kinds text[] not null check (cardinality(mentor_kinds) >= 1 and mentor_kinds <@ array[${KINDS}]::text[]),
        mentee_kinds text[] not null check (cardinality(mentee_kinds) >= 1 and mentee_kinds <@ array[${KINDS}]::text[]),
        mentor_min_age int check (mentor_min_age between 5 and 100),
        mentee_min_age int check (mentee_min_age between 5 and 100),
        mentee_max_age int check (mentee_max_age between 5 and 100),
        mentor_usually_older boolean not null default false,
        source text check (length(source) <= 500),
        ${COMMON},
        constraint mentoring_forms_mentee_ages check (mentee_min_age is null or mentee_max_age is null or mentee_min_age <= mentee_max_age)
      )`);
    await q.query(`
      create table role_models (
        id uuid primary key default gen_random_uuid(), ${CODE}, ${TITLE},
        form_id uuid not null references mentoring_forms(id) on delete restrict,
        goal text check (length(goal) <= 4000),
        source text check (length(source) <= 500),
        ${COMMON},
        constraint role_models_title_per_form unique (form_id, title)
      )`);
    await q.query(`create index role_models_form_id_idx on role_models (form_id)`);
    await q.query(`
      create table mentoring_formats (
        id uuid primary key default gen_random_uuid(), ${CODE}, ${TITLE},
        description text check (length(description) <= 4000),
        ${COMMON}
      )`);
    await q.query(`
      create table mentoring_directions (
        id uuid primary key default gen_random_uuid(), ${CODE}, ${TITLE},
        short_title text not null check (length(btrim(short_title)) between 1 and 300),
        audience text not null check (audience in ('students', 'teachers')),
        ${COMMON}
      )`);
    await q.query(`create table interest_areas (id uuid primary key default gen_random_uuid(), ${CODE}, ${TITLE}, ${COMMON})`);
    await q.query(`
      create table meeting_types (
        id uuid primary key default gen_random_uuid(), ${CODE}, ${TITLE},
        description text check (length(description) <= 4000),
        scope text not null check (scope in ('pair', 'programme')),
        ${COMMON}
      )`);
    await q.query(`
      create table programme_stages (
        id uuid primary key default gen_random_uuid(), ${CODE}, ${TITLE},
        number int unique check (number between 1 and 20),
        goal text check (length(goal) <= 4000),
        task text check (length(task) <= 4000),
        result text check (length(result) <= 4000),
        ${COMMON}
      )`);
    for (const table of TABLES) {
      await q.query(`alter table ${table} enable row level security`);
      await q.query(`alter table ${table} force row level security`);
      await q.query(`create policy ${table}_read on ${table} for select using (app.scope_role() is not null)`);
      await q.query(`
        create policy ${table}_admin_write on ${table} for all
          using (app.scope_role() = 'platform-admin') with check (app.scope_role() = 'platform-admin')`);
      await q.query(`grant select, insert, update on ${table} to ${APP_ROLE}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`drop table ${table}`);
  }
}

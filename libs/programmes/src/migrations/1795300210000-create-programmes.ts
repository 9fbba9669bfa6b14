import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACADEMIC_YEAR_CHECK, tenantTableSecurity, textCheck } from './tenant-table.sql';

const TABLES = ['order_documents', 'programmes', 'roadmaps', 'roadmap_items'];

/**
 * An organisation's orders (приказы), mentoring programmes and roadmaps with their items. Every
 * key and reference is scoped by organisation: `unique (tenant_id, id)` and composite foreign
 * keys `(tenant_id, x_id)`, so no row can point at another organisation's row.
 */
export class CreateProgrammes1795300210000 implements MigrationInterface {
  name = 'CreateProgrammes1795300210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table order_documents (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        kind text not null check (kind in ('order', 'directive', 'protocol')),
        number text not null ${textCheck('number', 1, 50)},
        issued_on date not null check (issued_on between date '2000-01-01' and date '2100-12-31'),
        title text not null ${textCheck('title', 1, 1000)},
        issuer text ${textCheck('issuer', 0, 300)},
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint order_documents_tenant_id_id_key unique (tenant_id, id),
        constraint order_documents_natural_key unique (tenant_id, kind, number, issued_on)
      )`);
    await q.query(`
      create table programmes (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        title text not null ${textCheck('title', 1, 500)},
        academic_year text not null ${ACADEMIC_YEAR_CHECK},
        form_id uuid not null references mentoring_forms(id) on delete restrict,
        role_model_ids uuid[] not null default '{}' check (cardinality(role_model_ids) <= 50),
        format_ids uuid[] not null default '{}' check (cardinality(format_ids) <= 50),
        direction_ids uuid[] not null default '{}' check (cardinality(direction_ids) <= 50),
        goal text ${textCheck('goal', 0, 4000)},
        tasks text[] not null default '{}' check (cardinality(tasks) <= 50),
        expected_results text[] not null default '{}' check (cardinality(expected_results) <= 50),
        start_date date check (start_date between date '2000-01-01' and date '2100-12-31'),
        end_date date check (end_date between date '2000-01-01' and date '2100-12-31'),
        status text not null default 'draft' check (status in ('draft', 'active', 'completed')),
        approval_order_id uuid,
        mentor_capacity smallint not null default 5 check (mentor_capacity between 1 and 30),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint programmes_tenant_id_id_key unique (tenant_id, id),
        constraint programmes_title_per_year unique (tenant_id, academic_year, title),
        constraint programmes_dates check (end_date is null or start_date is null or end_date >= start_date),
        constraint programmes_active_dated check (status = 'draft' or (start_date is not null and end_date is not null)),
        constraint programmes_approval_order_fk foreign key (tenant_id, approval_order_id) references order_documents(tenant_id, id) on delete restrict
      )`);
    await q.query(`create index programmes_tenant_status_idx on programmes (tenant_id, status)`);
    await q.query(`create index programmes_approval_order_idx on programmes (tenant_id, approval_order_id)`);
    await q.query(`create index programmes_form_id_idx on programmes (form_id)`);
    await q.query(`
      create table roadmaps (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        title text not null ${textCheck('title', 1, 500)},
        academic_year text not null ${ACADEMIC_YEAR_CHECK},
        period_text text ${textCheck('period_text', 0, 100)},
        approval_order_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint roadmaps_tenant_id_id_key unique (tenant_id, id),
        constraint roadmaps_one_per_year unique (tenant_id, academic_year),
        constraint roadmaps_approval_order_fk foreign key (tenant_id, approval_order_id) references order_documents(tenant_id, id) on delete restrict
      )`);
    await q.query(`create index roadmaps_approval_order_idx on roadmaps (tenant_id, approval_order_id)`);
    await q.query(`
      create table roadmap_items (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        roadmap_id uuid not null,
        number text not null ${textCheck('number', 1, 20)},
        position int not null check (position between 0 and 100000),
        stage_id uuid references programme_stages(id) on delete restrict,
        activity text not null ${textCheck('activity', 1, 2000)},
        content text[] not null default '{}' check (cardinality(content) <= 50),
        schedule_text text ${textCheck('schedule_text', 0, 500)},
        planned_start date check (planned_start between date '2000-01-01' and date '2100-12-31'),
        planned_end date check (planned_end between date '2000-01-01' and date '2100-12-31'),
        responsible text ${textCheck('responsible', 0, 500)},
        status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'not_done')),
        execution_result text ${textCheck('execution_result', 0, 8000)},
        executed_on date check (executed_on between date '2000-01-01' and date '2100-12-31'),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint roadmap_items_tenant_id_id_key unique (tenant_id, id),
        constraint roadmap_items_number_per_roadmap unique (tenant_id, roadmap_id, number),
        constraint roadmap_items_dates check (planned_end is null or planned_start is null or planned_end >= planned_start),
        constraint roadmap_items_roadmap_fk foreign key (tenant_id, roadmap_id) references roadmaps(tenant_id, id) on delete cascade
      )`);
    await q.query(`create index roadmap_items_roadmap_idx on roadmap_items (tenant_id, roadmap_id, position)`);
    await q.query(`create index roadmap_items_stage_idx on roadmap_items (stage_id)`);
    for (const table of TABLES) {
      await q.query(`create index ${table}_tenant_id_idx on ${table} (tenant_id)`);
      for (const statement of tenantTableSecurity(table)) await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`drop table ${table}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'nastavnik_app';
const CURATOR_OR_ADMIN = `(app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id()) or app.scope_role() = 'platform-admin'`;
const TOTAL = `(e1 + e2 + e3 + e4 + e5 + e6 + e7 + e8 + e9)`;

/**
 * The programme effectiveness scorecard (показатели эффективности реализации программы
 * наставничества, SEEDS-DOMAIN §6.5): nine indicators E1–E9 scored 0/1/2, their total 0–18 and
 * the level it falls into (15–18 optimal, 9–14 acceptable, 0–8 unacceptable) — both generated, so
 * the level is a column that aggregates can count. One scorecard per programme and year.
 */
export class CreateProgrammeScorecards1795300320000 implements MigrationInterface {
  name = 'CreateProgrammeScorecards1795300320000';

  async up(q: QueryRunner): Promise<void> {
    const scores = Array.from({ length: 9 }, (_, i) => `e${i + 1} smallint not null check (e${i + 1} between 0 and 2)`).join(',\n        ');
    await q.query(`
      create table programme_scorecards (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        programme_id uuid not null,
        academic_year text not null check (
          academic_year ~ '^[0-9]{4}/[0-9]{4}$' and split_part(academic_year, '/', 2)::int = split_part(academic_year, '/', 1)::int + 1),
        ${scores},
        total smallint generated always as ${TOTAL} stored,
        level text generated always as (
          case when ${TOTAL} >= 15 then 'optimal' when ${TOTAL} >= 9 then 'acceptable' else 'unacceptable' end) stored,
        rated_on date not null default current_date check (rated_on between date '2000-01-01' and date '2100-12-31'),
        rater text not null check (length(btrim(rater)) between 2 and 300),
        comment text check (length(comment) <= 4000),
        entered_by text check (length(entered_by) <= 200),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint programme_scorecards_tenant_id_id_key unique (tenant_id, id),
        constraint programme_scorecards_one_per_year unique (tenant_id, programme_id, academic_year),
        constraint programme_scorecards_programme_fk foreign key (tenant_id, programme_id) references programmes(tenant_id, id) on delete restrict
      )`);
    await q.query(`create index programme_scorecards_tenant_id_idx on programme_scorecards (tenant_id)`);
    await q.query(`create index programme_scorecards_year_level_idx on programme_scorecards (tenant_id, academic_year, level)`);
    await q.query(`alter table programme_scorecards enable row level security`);
    await q.query(`alter table programme_scorecards force row level security`);
    await q.query(`create policy programme_scorecards_curator_or_admin on programme_scorecards for all using (${CURATOR_OR_ADMIN}) with check (${CURATOR_OR_ADMIN})`);
    await q.query(`grant select, insert, update, delete on programme_scorecards to ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table programme_scorecards`);
  }
}

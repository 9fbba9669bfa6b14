import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTableSecurity, textCheck } from './tenant-table.sql';

const TABLES = ['mentoring_pairs', 'pair_mentees', 'match_suggestions', 'personalised_programmes', 'plan_tasks', 'meetings'];

/**
 * Pairs and groups (наставнические пары/группы) with their mentees, matching suggestions,
 * personalised programmes with their plan, and meetings. Persons are participants of the same
 * organisation (`(tenant_id, x_id) references participants(tenant_id, id)`); the mentor of a pair
 * is never one of its mentees, which the database checks itself through `pair_mentees.mentor_id`.
 */
export class CreatePairs1795300220000 implements MigrationInterface {
  name = 'CreatePairs1795300220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table mentoring_pairs (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        programme_id uuid not null,
        mentor_id uuid not null,
        role_model_id uuid references role_models(id) on delete restrict,
        direction_id uuid references mentoring_directions(id) on delete restrict,
        status text not null default 'draft' check (status in ('draft', 'active', 'completed', 'ended_early')),
        formation_method text check (formation_method in ('curator', 'questionnaire', 'group_meeting', 'suggestion')),
        start_date date check (start_date between date '2000-01-01' and date '2100-12-31'),
        end_date date check (end_date between date '2000-01-01' and date '2100-12-31'),
        end_reason text check (end_reason in ('participant_initiative', 'mutual_decision', 'curator_initiative', 'mentor_replacement', 'other')),
        end_comment text ${textCheck('end_comment', 0, 2000)},
        result text ${textCheck('result', 0, 4000)},
        fixing_order_id uuid,
        warnings text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint mentoring_pairs_tenant_id_id_key unique (tenant_id, id),
        constraint mentoring_pairs_tenant_id_id_mentor_key unique (tenant_id, id, mentor_id),
        constraint mentoring_pairs_programme_fk foreign key (tenant_id, programme_id) references programmes(tenant_id, id) on delete restrict,
        constraint mentoring_pairs_mentor_fk foreign key (tenant_id, mentor_id) references participants(tenant_id, id) on delete restrict,
        constraint mentoring_pairs_fixing_order_fk foreign key (tenant_id, fixing_order_id) references order_documents(tenant_id, id) on delete restrict,
        constraint mentoring_pairs_started check (status = 'draft' or start_date is not null),
        constraint mentoring_pairs_ended check ((status in ('completed', 'ended_early')) = (end_date is not null)),
        constraint mentoring_pairs_end_reason check ((status = 'ended_early') = (end_reason is not null)),
        constraint mentoring_pairs_dates check (end_date is null or end_date >= start_date)
      )`);
    await q.query(`create index mentoring_pairs_programme_idx on mentoring_pairs (tenant_id, programme_id, status)`);
    await q.query(`create index mentoring_pairs_mentor_idx on mentoring_pairs (tenant_id, mentor_id, status)`);
    await q.query(`create index mentoring_pairs_fixing_order_idx on mentoring_pairs (tenant_id, fixing_order_id)`);
    await q.query(`create index mentoring_pairs_role_model_idx on mentoring_pairs (role_model_id)`);
    await q.query(`create index mentoring_pairs_direction_idx on mentoring_pairs (direction_id)`);
    await q.query(`
      create table pair_mentees (
        tenant_id uuid not null references tenants(id) on delete restrict,
        pair_id uuid not null,
        mentor_id uuid not null,
        mentee_id uuid not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, pair_id, mentee_id),
        constraint pair_mentees_pair_fk foreign key (tenant_id, pair_id, mentor_id)
          references mentoring_pairs(tenant_id, id, mentor_id) on delete cascade on update cascade,
        constraint pair_mentees_mentee_fk foreign key (tenant_id, mentee_id) references participants(tenant_id, id) on delete restrict,
        constraint pair_mentees_not_own_mentor check (mentee_id <> mentor_id)
      )`);
    await q.query(`create index pair_mentees_mentee_idx on pair_mentees (tenant_id, mentee_id)`);
    await q.query(`create index pair_mentees_pair_mentor_idx on pair_mentees (tenant_id, pair_id, mentor_id)`);
    await q.query(`
      create table match_suggestions (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        programme_id uuid not null,
        run_id uuid not null,
        mentor_id uuid not null,
        mentee_id uuid not null,
        score double precision not null check (score between 0 and 100),
        explanation text not null ${textCheck('explanation', 0, 4000)},
        components jsonb not null default '[]',
        status text not null default 'proposed' check (status in ('proposed', 'accepted', 'rejected')),
        pair_id uuid,
        decided_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint match_suggestions_tenant_id_id_key unique (tenant_id, id),
        constraint match_suggestions_programme_fk foreign key (tenant_id, programme_id) references programmes(tenant_id, id) on delete cascade,
        constraint match_suggestions_mentor_fk foreign key (tenant_id, mentor_id) references participants(tenant_id, id) on delete cascade,
        constraint match_suggestions_mentee_fk foreign key (tenant_id, mentee_id) references participants(tenant_id, id) on delete cascade,
        constraint match_suggestions_pair_fk foreign key (tenant_id, pair_id) references mentoring_pairs(tenant_id, id) on delete set null (pair_id),
        constraint match_suggestions_distinct check (mentor_id <> mentee_id),
        constraint match_suggestions_decided check ((status = 'proposed') = (decided_at is null))
      )`);
    await q.query(`create index match_suggestions_programme_idx on match_suggestions (tenant_id, programme_id, status)`);
    await q.query(`create index match_suggestions_mentor_idx on match_suggestions (tenant_id, mentor_id)`);
    await q.query(`create index match_suggestions_mentee_idx on match_suggestions (tenant_id, mentee_id)`);
    await q.query(`create index match_suggestions_pair_idx on match_suggestions (tenant_id, pair_id)`);
    await q.query(`
      create table personalised_programmes (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        pair_id uuid not null,
        title text not null ${textCheck('title', 1, 500)},
        start_date date check (start_date between date '2000-01-01' and date '2100-12-31'),
        end_date date check (end_date between date '2000-01-01' and date '2100-12-31'),
        format_ids uuid[] not null default '{}' check (cardinality(format_ids) <= 20),
        goal text ${textCheck('goal', 0, 4000)},
        difficulties text ${textCheck('difficulties', 0, 4000)},
        strengths text ${textCheck('strengths', 0, 4000)},
        expected_results text ${textCheck('expected_results', 0, 4000)},
        status text not null default 'draft' check (status in ('draft', 'active', 'completed')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint personalised_programmes_tenant_id_id_key unique (tenant_id, id),
        constraint personalised_programmes_one_per_pair unique (tenant_id, pair_id),
        constraint personalised_programmes_pair_fk foreign key (tenant_id, pair_id) references mentoring_pairs(tenant_id, id) on delete cascade,
        constraint personalised_programmes_dates check (end_date is null or start_date is null or end_date >= start_date)
      )`);
    await q.query(`
      create table plan_tasks (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        personalised_programme_id uuid not null,
        position int not null check (position between 0 and 100000),
        title text not null ${textCheck('title', 1, 1000)},
        description text ${textCheck('description', 0, 4000)},
        deadline date check (deadline between date '2000-01-01' and date '2100-12-31'),
        responsible text ${textCheck('responsible', 0, 300)},
        status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
        result text ${textCheck('result', 0, 4000)},
        completed_on date check (completed_on between date '2000-01-01' and date '2100-12-31'),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint plan_tasks_tenant_id_id_key unique (tenant_id, id),
        constraint plan_tasks_programme_fk foreign key (tenant_id, personalised_programme_id) references personalised_programmes(tenant_id, id) on delete cascade
      )`);
    await q.query(`create index plan_tasks_programme_idx on plan_tasks (tenant_id, personalised_programme_id, position)`);
    await q.query(`
      create table meetings (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        programme_id uuid not null,
        pair_id uuid,
        meeting_type_id uuid not null references meeting_types(id) on delete restrict,
        direction_id uuid references mentoring_directions(id) on delete restrict,
        held_on date not null check (held_on between date '2000-01-01' and date '2100-12-31'),
        duration_minutes int check (duration_minutes between 1 and 1440),
        topic text ${textCheck('topic', 0, 1000)},
        notes text ${textCheck('notes', 0, 8000)},
        attendee_ids uuid[] not null default '{}' check (cardinality(attendee_ids) <= 500),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint meetings_tenant_id_id_key unique (tenant_id, id),
        constraint meetings_programme_fk foreign key (tenant_id, programme_id) references programmes(tenant_id, id) on delete restrict,
        constraint meetings_pair_fk foreign key (tenant_id, pair_id) references mentoring_pairs(tenant_id, id) on delete restrict
      )`);
    await q.query(`create index meetings_programme_idx on meetings (tenant_id, programme_id, held_on)`);
    await q.query(`create index meetings_pair_idx on meetings (tenant_id, pair_id)`);
    await q.query(`create index meetings_type_idx on meetings (meeting_type_id)`);
    await q.query(`create index meetings_direction_idx on meetings (direction_id)`);
    for (const table of TABLES) {
      await q.query(`create index ${table}_tenant_id_idx on ${table} (tenant_id)`);
      for (const statement of tenantTableSecurity(table)) await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`drop table ${table}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'nastavnik_app';
// Literal here so that the migration never changes with the code.
const INSTRUMENTS = `'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10', 'Q11', 'Q12', 'Q13', 'Q14', 'Q15', 'Q16'`;
const ROLES = `'mentor', 'mentee', 'curator'`;
const PHASES = `'pre', 'post', 'none'`;
const ACADEMIC_YEAR = `check (academic_year ~ '^[0-9]{4}/[0-9]{4}$' and split_part(academic_year, '/', 2)::int = split_part(academic_year, '/', 1)::int + 1)`;

/** The school's curator on their own rows, or a platform admin on any. Analysts and officials: nothing (personal data). */
const CURATOR_OR_ADMIN = `(app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id()) or app.scope_role() = 'platform-admin'`;
/** Every signed-in role of the realm (a respondent of a link is not one). */
const SIGNED_IN = `app.scope_role() in ('platform-admin', 'ministry-official', 'region-analyst', 'curator')`;
/** A respondent's link: the one row whose token hash the request set (`app.link_hash`). */
const LINK_OF_REQUEST = `l.token_hash = app.link_hash()`;
/** …claimed (marked used) by the running transaction itself, which only an unused, unexpired link can be. */
const CLAIMED_HERE = `${LINK_OF_REQUEST} and l.claimed_in = pg_current_xact_id()`;

/** A response's template is a default or its own organisation's, and its role and phase are the template's. */
const TEMPLATE_MATCHES = `exists (select 1 from questionnaire_templates t
  where t.id = questionnaire_responses.template_id and (t.tenant_id is null or t.tenant_id = questionnaire_responses.tenant_id)
    and t.respondent_role = questionnaire_responses.respondent_role and t.phase = questionnaire_responses.phase)`;

/**
 * Questionnaires (анкеты): templates with their questions — the platform's defaults (no
 * organisation, read by every signed-in role, written by the platform admin) and a school's own
 * (its curator writes them) — the responses with their answers, and personal one-time links.
 *
 * A respondent without an account runs as role `respondent` with `app.link_hash` set to the
 * SHA-256 of the link's token: they read that one link and its template, may mark it used only
 * while it is unused and unexpired (recording the transaction that claimed it), and may insert a
 * response and answers only for that link's organisation, person and template, in that very
 * transaction. No SECURITY DEFINER function is involved.
 */
export class CreateQuestionnaires1795300300000 implements MigrationInterface {
  name = 'CreateQuestionnaires1795300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create function app.link_hash() returns text language sql stable parallel safe
      as $$ select nullif(current_setting('app.link_hash', true), '') $$`);

    await q.query(`
      create table questionnaire_templates (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid references tenants(id) on delete restrict,
        code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{1,59}$'),
        version int not null default 1 check (version between 1 and 100000),
        is_current boolean not null default true,
        title text not null check (length(btrim(title)) between 3 and 300),
        description text check (length(description) <= 4000),
        instrument text not null check (instrument in (${INSTRUMENTS})),
        respondent_role text not null check (respondent_role in (${ROLES})),
        phase text not null default 'none' check (phase in (${PHASES})),
        form_codes text[] not null default '{}' check (cardinality(form_codes) <= 20 and array_to_string(form_codes, ',') ~ '^([A-Z0-9_]{1,40}(,|$))*$'),
        copied_from_id uuid references questionnaire_templates(id) on delete set null,
        is_active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint questionnaire_templates_tenant_id_id_key unique (tenant_id, id),
        constraint questionnaire_templates_version_key unique nulls not distinct (tenant_id, code, version)
      )`);
    await q.query(`create unique index questionnaire_templates_current_key on questionnaire_templates (tenant_id, code) nulls not distinct where is_current`);
    await q.query(`create index questionnaire_templates_tenant_id_idx on questionnaire_templates (tenant_id)`);
    await q.query(`create index questionnaire_templates_copied_from_idx on questionnaire_templates (copied_from_id)`);

    await q.query(`
      create table questionnaire_questions (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid references tenants(id) on delete restrict,
        template_id uuid not null references questionnaire_templates(id) on delete cascade,
        position int not null check (position between 1 and 1000),
        kind text not null check (kind in ('rating', 'single_choice', 'multiple_choice', 'open')),
        text text not null check (length(btrim(text)) between 3 and 1000),
        hint text check (length(hint) <= 1000),
        required boolean not null default true,
        scale_min smallint check (scale_min between 0 and 100),
        scale_max smallint check (scale_max between 1 and 100),
        min_label text check (length(min_label) <= 200),
        max_label text check (length(max_label) <= 200),
        option_codes text[] not null default '{}' check (cardinality(option_codes) <= 50 and array_to_string(option_codes, ',') ~ '^([a-z0-9_]{1,40}(,|$))*$'),
        option_labels text[] not null default '{}',
        is_satisfaction boolean not null default false,
        satisfied_min smallint,
        satisfied_options text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint questionnaire_questions_template_id_id_key unique (template_id, id),
        constraint questionnaire_questions_scale check (
          (kind = 'rating') = (scale_min is not null and scale_max is not null) and (scale_min is null or scale_min < scale_max)),
        constraint questionnaire_questions_scale_labels check (kind = 'rating' or (min_label is null and max_label is null)),
        constraint questionnaire_questions_options check (
          cardinality(option_codes) = cardinality(option_labels)
          and (kind in ('single_choice', 'multiple_choice')) = (cardinality(option_codes) >= 2)),
        constraint questionnaire_questions_satisfaction check (
          (not is_satisfaction or (required and kind <> 'open'))
          and (satisfied_min is not null) = (is_satisfaction and kind = 'rating')
          and (satisfied_min is null or satisfied_min between scale_min and scale_max)
          and (cardinality(satisfied_options) > 0) = (is_satisfaction and kind in ('single_choice', 'multiple_choice'))
          and satisfied_options <@ option_codes)
      )`);
    // THE satisfaction question (T3/T4 count it): at most one per template.
    await q.query(`create unique index questionnaire_questions_one_satisfaction on questionnaire_questions (template_id) where is_satisfaction`);
    await q.query(`create index questionnaire_questions_template_idx on questionnaire_questions (template_id, position)`);
    await q.query(`create index questionnaire_questions_tenant_id_idx on questionnaire_questions (tenant_id)`);

    await q.query(`
      create table questionnaire_links (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        template_id uuid not null references questionnaire_templates(id) on delete restrict,
        participant_id uuid not null,
        programme_id uuid,
        pair_id uuid,
        academic_year text not null ${ACADEMIC_YEAR},
        token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz not null,
        used_at timestamptz,
        claimed_in xid8,
        created_by text check (length(created_by) <= 200),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint questionnaire_links_tenant_id_id_key unique (tenant_id, id),
        constraint questionnaire_links_token_hash_key unique (token_hash),
        constraint questionnaire_links_participant_fk foreign key (tenant_id, participant_id) references participants(tenant_id, id) on delete cascade,
        constraint questionnaire_links_programme_fk foreign key (tenant_id, programme_id) references programmes(tenant_id, id) on delete set null (programme_id),
        constraint questionnaire_links_pair_fk foreign key (tenant_id, pair_id) references mentoring_pairs(tenant_id, id) on delete set null (pair_id),
        constraint questionnaire_links_expiry check (expires_at > created_at and expires_at <= created_at + interval '366 days'),
        constraint questionnaire_links_claim check ((used_at is null) = (claimed_in is null))
      )`);
    await q.query(`create index questionnaire_links_tenant_id_idx on questionnaire_links (tenant_id)`);
    await q.query(`create index questionnaire_links_participant_idx on questionnaire_links (tenant_id, participant_id)`);
    await q.query(`create index questionnaire_links_template_idx on questionnaire_links (template_id)`);
    await q.query(`create index questionnaire_links_programme_idx on questionnaire_links (tenant_id, programme_id)`);
    await q.query(`create index questionnaire_links_pair_idx on questionnaire_links (tenant_id, pair_id)`);

    await q.query(`
      create table questionnaire_responses (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        template_id uuid not null references questionnaire_templates(id) on delete restrict,
        participant_id uuid,
        programme_id uuid,
        pair_id uuid,
        respondent_role text not null check (respondent_role in (${ROLES})),
        academic_year text not null ${ACADEMIC_YEAR},
        phase text not null check (phase in (${PHASES})),
        channel text not null check (channel in ('curator', 'link')),
        link_id uuid,
        satisfied boolean,
        submitted_at timestamptz not null default now(),
        entered_by text check (length(entered_by) <= 200),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint questionnaire_responses_tenant_id_id_key unique (tenant_id, id),
        constraint questionnaire_responses_template_key unique (tenant_id, id, template_id),
        constraint questionnaire_responses_one_per_link unique (link_id),
        constraint questionnaire_responses_participant_fk foreign key (tenant_id, participant_id) references participants(tenant_id, id) on delete cascade,
        constraint questionnaire_responses_programme_fk foreign key (tenant_id, programme_id) references programmes(tenant_id, id) on delete set null (programme_id),
        constraint questionnaire_responses_pair_fk foreign key (tenant_id, pair_id) references mentoring_pairs(tenant_id, id) on delete set null (pair_id),
        constraint questionnaire_responses_link_fk foreign key (tenant_id, link_id) references questionnaire_links(tenant_id, id) on delete set null (link_id),
        constraint questionnaire_responses_person check (participant_id is not null or respondent_role = 'curator'),
        constraint questionnaire_responses_link_channel check (channel = 'link' or link_id is null),
        constraint questionnaire_responses_submitted check (submitted_at >= timestamptz '2000-01-01')
      )`);
    // T3/T4: satisfied mentees/mentors of a year, one (the latest) response per organisation,
    // person and role — the order the indicator facts read them in (distinct on … submitted_at desc).
    await q.query(`
      create index questionnaire_responses_satisfaction_idx on questionnaire_responses
        (academic_year, tenant_id, participant_id, respondent_role, submitted_at desc) include (satisfied)
        where satisfied is not null`);
    await q.query(`create index questionnaire_responses_tenant_year_idx on questionnaire_responses (tenant_id, academic_year, template_id)`);
    await q.query(`create index questionnaire_responses_participant_idx on questionnaire_responses (tenant_id, participant_id)`);
    await q.query(`create index questionnaire_responses_template_idx on questionnaire_responses (template_id)`);
    await q.query(`create index questionnaire_responses_programme_idx on questionnaire_responses (tenant_id, programme_id)`);
    await q.query(`create index questionnaire_responses_pair_idx on questionnaire_responses (tenant_id, pair_id)`);
    await q.query(`create index questionnaire_responses_tenant_id_idx on questionnaire_responses (tenant_id)`);

    await q.query(`
      create table questionnaire_answers (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        response_id uuid not null,
        template_id uuid not null,
        question_id uuid not null,
        value_number smallint,
        value_text text check (length(btrim(value_text)) between 1 and 4000),
        value_options text[] check (cardinality(value_options) between 1 and 50),
        created_at timestamptz not null default now(),
        constraint questionnaire_answers_tenant_id_id_key unique (tenant_id, id),
        constraint questionnaire_answers_one_per_question unique (response_id, question_id),
        constraint questionnaire_answers_response_fk foreign key (tenant_id, response_id, template_id)
          references questionnaire_responses(tenant_id, id, template_id) on delete cascade,
        constraint questionnaire_answers_question_fk foreign key (template_id, question_id)
          references questionnaire_questions(template_id, id) on delete restrict,
        constraint questionnaire_answers_one_value check (num_nonnulls(value_number, value_text, value_options) = 1)
      )`);
    await q.query(`create index questionnaire_answers_response_idx on questionnaire_answers (tenant_id, response_id)`);
    await q.query(`create index questionnaire_answers_question_idx on questionnaire_answers (template_id, question_id)`);
    await q.query(`create index questionnaire_answers_tenant_id_idx on questionnaire_answers (tenant_id)`);

    for (const table of ['questionnaire_templates', 'questionnaire_questions', 'questionnaire_links', 'questionnaire_responses', 'questionnaire_answers']) {
      await q.query(`alter table ${table} enable row level security`);
      await q.query(`alter table ${table} force row level security`);
      await q.query(`grant select, insert, update, delete on ${table} to ${APP_ROLE}`);
    }

    // Templates and questions: defaults for everyone signed in, a school's own for its curator;
    // the platform admin writes both; a respondent reads the template of their link only.
    await q.query(`
      create policy questionnaire_templates_read on questionnaire_templates for select using (
        (tenant_id is null and ${SIGNED_IN})
        or (app.scope_role() = 'respondent' and exists (select 1 from questionnaire_links l where l.template_id = questionnaire_templates.id and ${LINK_OF_REQUEST})))`);
    await q.query(`create policy questionnaire_templates_write on questionnaire_templates for all using (${CURATOR_OR_ADMIN}) with check (${CURATOR_OR_ADMIN})`);
    await q.query(`
      create policy questionnaire_questions_read on questionnaire_questions for select using (
        (tenant_id is null and ${SIGNED_IN})
        or (app.scope_role() = 'respondent' and exists (select 1 from questionnaire_links l where l.template_id = questionnaire_questions.template_id and ${LINK_OF_REQUEST})))`);
    // A question belongs to its template's organisation (or, like it, to none).
    await q.query(`
      create policy questionnaire_questions_write on questionnaire_questions for all using (${CURATOR_OR_ADMIN}) with check (
        (${CURATOR_OR_ADMIN})
        and exists (select 1 from questionnaire_templates t where t.id = template_id and t.tenant_id is not distinct from questionnaire_questions.tenant_id))`);

    // Links: the curator's own; a respondent sees the one link of their token and may claim it once.
    await q.query(`create policy questionnaire_links_curator_or_admin on questionnaire_links for all using (${CURATOR_OR_ADMIN}) with check (${CURATOR_OR_ADMIN})`);
    await q.query(`create policy questionnaire_links_respondent_read on questionnaire_links for select using (app.scope_role() = 'respondent' and token_hash = app.link_hash())`);
    await q.query(`
      create policy questionnaire_links_respondent_claim on questionnaire_links for update
        using (app.scope_role() = 'respondent' and token_hash = app.link_hash() and used_at is null and expires_at > now())
        with check (app.scope_role() = 'respondent' and token_hash = app.link_hash() and used_at is not null and claimed_in = pg_current_xact_id())`);

    // Responses and answers: the curator's own (the template must be a default or the same
    // organisation's); a respondent inserts one response for the link claimed in this transaction.
    await q.query(`
      create policy questionnaire_responses_curator_or_admin on questionnaire_responses for all using (${CURATOR_OR_ADMIN}) with check (
        (${CURATOR_OR_ADMIN})
        and ${TEMPLATE_MATCHES})`);
    await q.query(`
      create policy questionnaire_responses_respondent_insert on questionnaire_responses for insert with check (
        app.scope_role() = 'respondent' and channel = 'link'
        and exists (select 1 from questionnaire_links l
                     where l.id = link_id and l.tenant_id = questionnaire_responses.tenant_id and l.participant_id = questionnaire_responses.participant_id
                       and l.template_id = questionnaire_responses.template_id and l.academic_year = questionnaire_responses.academic_year
                       and l.programme_id is not distinct from questionnaire_responses.programme_id and l.pair_id is not distinct from questionnaire_responses.pair_id
                       and ${CLAIMED_HERE})
        and ${TEMPLATE_MATCHES})`);
    await q.query(`
      create policy questionnaire_responses_respondent_read on questionnaire_responses for select using (
        app.scope_role() = 'respondent' and exists (select 1 from questionnaire_links l where l.id = link_id and ${CLAIMED_HERE}))`);
    await q.query(`create policy questionnaire_answers_curator_or_admin on questionnaire_answers for all using (${CURATOR_OR_ADMIN}) with check (${CURATOR_OR_ADMIN})`);
    await q.query(`
      create policy questionnaire_answers_respondent_insert on questionnaire_answers for insert with check (
        app.scope_role() = 'respondent'
        and exists (select 1 from questionnaire_responses r where r.id = response_id and r.tenant_id = questionnaire_answers.tenant_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // These two read the links table; they go first so that it can be dropped.
    await q.query(`drop policy questionnaire_templates_read on questionnaire_templates`);
    await q.query(`drop policy questionnaire_questions_read on questionnaire_questions`);
    await q.query(`drop table questionnaire_answers`);
    await q.query(`drop table questionnaire_responses`);
    await q.query(`drop table questionnaire_links`);
    await q.query(`drop table questionnaire_questions`);
    await q.query(`drop table questionnaire_templates`);
    await q.query(`drop function app.link_hash()`);
  }
}

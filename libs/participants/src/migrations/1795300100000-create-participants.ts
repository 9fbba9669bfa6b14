import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'nastavnik_app';

/** Codes shared with the entity file; kept literal here so the migration never changes with the code. */
const KINDS = `'student', 'teacher', 'uni_student', 'college_rep', 'employer_rep', 'graduate', 'parent', 'veteran', 'other'`;
const DIRECTIONS = `'D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09', 'D10', 'D11'`;
const INTERESTS = `'intellectual', 'sport', 'volunteer', 'creative', 'methodological'`;
const STATUSES = `'potential', 'surveyed', 'selected', 'trained', 'in_pair', 'finished', 'withdrawn'`;
const CATEGORIES = `'young_specialist', 'new_employee', 'burnout', 'digital_skills', 'disoriented', 'low_results', 'behaviour', 'detached', 'special_needs', 'disability', 'gifted', 'difficult_situation', 'passive', 'active'`;
const INFO_SOURCES = `'self', 'questionnaire', 'class_teacher', 'psychologist', 'social_pedagogue', 'parents', 'personal_file', 'methodological_work', 'attestation', 'lesson_visits'`;
const PURPOSES = `'processing', 'pairing', 'questionnaires', 'reports', 'publication', 'mentor_appointment', 'extra_duties', 'cross_org_sharing'`;

/** Curator of the row's own organisation, or a platform admin. Regional and ministry roles: nothing (personal data). */
const CURATOR_OR_ADMIN = `(app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id()) or app.scope_role() = 'platform-admin'`;

/**
 * Personal data of the participants (участники) of a school's mentoring: the persons, their
 * membership in the mentor and mentee bases, and their consents to personal-data processing.
 * All three under forced RLS, visible to the school's curator and the platform admin only.
 *
 * Where each field of the bases (SEEDS-DOMAIN §5.1, §5.2, §5.8) lives:
 * - identity, age, sex → participants (name, birth_date, sex); kind of person → participants.kind
 *   (a university teacher or an external college is `college_rep`, a school head a `teacher`);
 * - class, subject area, experience, class-teacher experience, achievements (olympiads,
 *   competitions, materials, leadership, youth organisations) → participants;
 * - requests, interest areas, directions → participants (they follow the person across
 *   programmes); the request / competencies / motivation of one base → participant_base_entries;
 * - teacher and student categories (0–3 years, burnout, ОВЗ, gifted, passive/active…), sources
 *   of information (third parties, personal file, attestation, lesson visits), interview and
 *   psychological readiness, training and its form, capacity, council membership, awards,
 *   results, satisfaction, and the dated steps potential → … → finished/withdrawn
 *   → participant_base_entries;
 * - consent to processing (own or by a legal representative), written consent to be appointed
 *   mentor, to additional duties, to be offered to other organisations, to publication
 *   → consents.purposes;
 * - questionnaire answers and the assessments before/after → the monitoring lib; the chosen form,
 *   role-model, pair or group → the programmes lib.
 */
export class CreateParticipants1795300100000 implements MigrationInterface {
  name = 'CreateParticipants1795300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table participants (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        kind text not null check (kind in (${KINDS})),
        last_name text not null check (length(last_name) between 1 and 100),
        first_name text not null check (length(first_name) between 1 and 100),
        middle_name text check (length(middle_name) between 1 and 100),
        name_key text generated always as (
          lower(translate(last_name || ' ' || first_name || coalesce(' ' || middle_name, ''), 'Ёё', 'Ее'))
        ) stored,
        birth_date date check (birth_date >= date '1900-01-01'),
        sex text check (sex in ('male', 'female')),
        grade smallint check (grade between 1 and 11),
        class_letter text check (length(class_letter) between 1 and 3),
        position text check (length(position) between 1 and 200),
        teaching_experience_years smallint check (teaching_experience_years between 0 and 60),
        class_teacher boolean not null default false,
        subjects text[] not null default '{}' check (cardinality(subjects) <= 20),
        organisation_name text check (length(organisation_name) between 1 and 300),
        email text check (length(email) between 3 and 200),
        phone text check (length(phone) between 5 and 40),
        achievements text check (length(achievements) <= 2000),
        requests text[] not null default '{}' check (cardinality(requests) <= 20),
        interests text[] not null default '{}' check (interests <@ array[${INTERESTS}]::text[]),
        directions text[] not null default '{}' check (directions <@ array[${DIRECTIONS}]::text[]),
        notes text check (length(notes) <= 4000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint participants_tenant_id_id_key unique (tenant_id, id),
        constraint participants_grade_only_for_students check (kind = 'student' or (grade is null and class_letter is null))
      )`);
    // The natural key of an import: one person per normalised full name and birth date in a school.
    await q.query(`create unique index participants_natural_key on participants (tenant_id, name_key, birth_date)`);
    await q.query(`create index participants_tenant_id_idx on participants (tenant_id)`);
    await q.query(`create index participants_tenant_kind_idx on participants (tenant_id, kind)`);

    await q.query(`
      create table participant_base_entries (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        participant_id uuid not null,
        base text not null check (base in ('mentor', 'mentee')),
        status text not null default 'potential' check (status in (${STATUSES})),
        included_on date not null default current_date,
        surveyed_on date,
        selected_on date,
        trained_on date,
        paired_on date,
        finished_on date,
        withdrawn_on date,
        withdrawal_reason text check (length(withdrawal_reason) <= 1000),
        categories text[] not null default '{}' check (categories <@ array[${CATEGORIES}]::text[]),
        request text check (length(request) <= 2000),
        competencies text check (length(competencies) <= 2000),
        motivation text check (length(motivation) <= 2000),
        info_sources text[] not null default '{}' check (info_sources <@ array[${INFO_SOURCES}]::text[]),
        third_party_notes text check (length(third_party_notes) <= 2000),
        interview_result text check (length(interview_result) <= 2000),
        psych_ready boolean,
        training_form text check (training_form in ('in_person', 'distance', 'individual')),
        max_mentees smallint check (max_mentees between 1 and 30),
        council_member boolean not null default false,
        awards text check (length(awards) <= 2000),
        results text check (length(results) <= 4000),
        satisfied boolean,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint participant_base_entries_tenant_id_id_key unique (tenant_id, id),
        constraint participant_base_entries_one_per_base unique (tenant_id, participant_id, base),
        constraint participant_base_entries_participant_fk foreign key (tenant_id, participant_id)
          references participants (tenant_id, id) on delete cascade,
        constraint participant_base_entries_mentor_only check (
          base = 'mentor' or (status <> 'trained' and trained_on is null and training_form is null and max_mentees is null and council_member = false)),
        constraint participant_base_entries_withdrawn_dated check ((status = 'withdrawn') = (withdrawn_on is not null))
      )`);
    await q.query(`create index participant_base_entries_tenant_id_idx on participant_base_entries (tenant_id)`);
    await q.query(`create index participant_base_entries_participant_idx on participant_base_entries (tenant_id, participant_id)`);
    await q.query(`create index participant_base_entries_base_status_idx on participant_base_entries (tenant_id, base, status)`);

    await q.query(`
      create table consents (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete restrict,
        participant_id uuid not null,
        signed_by text not null check (signed_by in ('self', 'legal_representative')),
        representative_name text check (length(representative_name) between 3 and 300),
        representative_relation text check (representative_relation in ('mother', 'father', 'guardian', 'trustee', 'other')),
        signed_on date not null check (signed_on >= date '2000-01-01'),
        purposes text[] not null check (purposes <@ array[${PURPOSES}]::text[] and 'processing' = any (purposes)),
        valid_until date,
        document_ref text check (length(document_ref) <= 300),
        revoked_on date,
        revocation_reason text check (length(revocation_reason) between 1 and 1000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint consents_tenant_id_id_key unique (tenant_id, id),
        constraint consents_participant_fk foreign key (tenant_id, participant_id)
          references participants (tenant_id, id) on delete cascade,
        constraint consents_representative check (
          (signed_by = 'legal_representative') = (representative_name is not null and representative_relation is not null)),
        constraint consents_valid_after_signed check (valid_until is null or valid_until >= signed_on),
        constraint consents_revoked_after_signed check (revoked_on is null or revoked_on >= signed_on),
        constraint consents_revocation_reason check ((revoked_on is null) = (revocation_reason is null))
      )`);
    await q.query(`create index consents_tenant_id_idx on consents (tenant_id)`);
    await q.query(`create index consents_participant_idx on consents (tenant_id, participant_id)`);

    for (const table of ['participants', 'participant_base_entries', 'consents']) {
      await q.query(`alter table ${table} enable row level security`);
      await q.query(`alter table ${table} force row level security`);
      await q.query(`create policy ${table}_curator_or_admin on ${table} for all using (${CURATOR_OR_ADMIN}) with check (${CURATOR_OR_ADMIN})`);
      await q.query(`grant select, insert, update, delete on ${table} to ${APP_ROLE}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table consents`);
    await q.query(`drop table participant_base_entries`);
    await q.query(`drop table participants`);
  }
}

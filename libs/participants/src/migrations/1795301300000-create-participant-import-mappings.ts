import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies } from '@nastavnik/platform/database/row-policies';

/** The import's field names (GraphQL `ImportField`); kept literal here so the migration never changes with the code. */
const FIELDS = [
  'FULL_NAME', 'LAST_NAME', 'FIRST_NAME', 'MIDDLE_NAME', 'BIRTH_DATE', 'SEX', 'KIND', 'GRADE', 'POSITION', 'TEACHING_EXPERIENCE_YEARS', 'SUBJECTS',
  'ORGANISATION_NAME', 'PHONE', 'EMAIL', 'BASES', 'REQUESTS', 'INTERESTS', 'DIRECTIONS', 'ACHIEVEMENTS', 'NOTES', 'CONSENT_DATE', 'CONSENT_SIGNER',
  'CONSENT_REPRESENTATIVE', 'CONSENT_RELATION', 'CONSENT_PURPOSES', 'CONSENT_VALID_UNTIL', 'IGNORE',
].map((field) => `'${field}'`).join(', ');

/**
 * How a school's own lists name their columns (issue 12): when a curator assigns a column the
 * import does not know («Чем увлекается» → «Интересы», «Возраст» → not loaded) and loads the file,
 * the choice is remembered for the school, so its next list of the same shape loads without the
 * mapping step. One row per heading, keyed by its normalised text. A school's table like the
 * others: `(tenant_id, id)` primary key, the unique heading key led by `tenant_id` (docs/scale.md),
 * forced RLS declared by kind — curator-own: the school's curator and, beside it, the platform admin.
 */
export class CreateParticipantImportMappings1795301300000 implements MigrationInterface {
  name = 'CreateParticipantImportMappings1795301300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table participant_import_mappings (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        heading_key text not null check (length(heading_key) between 1 and 200),
        heading text not null check (length(heading) between 1 and 200),
        field text not null check (field in (${FIELDS})),
        updated_at timestamptz not null default now(),
        constraint participant_import_mappings_pkey primary key (tenant_id, id),
        constraint participant_import_mappings_heading_key unique (tenant_id, heading_key)
      )`);
    await q.query(`grant select, insert, update, delete on participant_import_mappings to nastavnik_app, nastavnik_platform_admin`);
    await declareRowPolicies(q, rowPolicies('participant_import_mappings', { kind: 'curator-own' }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table participant_import_mappings`);
  }
}

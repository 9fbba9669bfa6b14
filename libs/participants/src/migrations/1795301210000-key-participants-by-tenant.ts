import type { MigrationInterface, QueryRunner } from 'typeorm';
import { keyByTenant, type TenantKeyMove, unkeyByTenant } from '@nastavnik/platform/database/tenant-keys';

/**
 * This lib's tables keyed by tenant (issue 18, docs/scale.md): the primary key of participants,
 * base entries and consents becomes `(tenant_id, id)` and replaces the unique `(tenant_id, id)`
 * that the composite foreign keys pointed at; those foreign keys (of the programmes' and the
 * questionnaires' tables too) are created again, unchanged, against the primary key. Rows are not
 * touched. The natural key and the one-entry-per-base key already lead with `tenant_id`.
 */
const MOVES: TenantKeyMove[] = [
  {
    table: 'participants',
    replaces: 'participants_tenant_id_id_key',
    referencedBy: [
      'consents_participant_fk',
      'match_suggestions_mentee_fk',
      'match_suggestions_mentor_fk',
      'mentoring_pairs_mentor_fk',
      'pair_mentees_mentee_fk',
      'participant_base_entries_participant_fk',
      'questionnaire_links_participant_fk',
      'questionnaire_responses_participant_fk',
    ],
  },
  { table: 'participant_base_entries', replaces: 'participant_base_entries_tenant_id_id_key', referencedBy: [] },
  { table: 'consents', replaces: 'consents_tenant_id_id_key', referencedBy: [] },
];

export class KeyParticipantsByTenant1795301210000 implements MigrationInterface {
  name = 'KeyParticipantsByTenant1795301210000';

  async up(q: QueryRunner): Promise<void> {
    await keyByTenant(q, ...MOVES);
  }

  async down(q: QueryRunner): Promise<void> {
    await unkeyByTenant(q, ...MOVES);
  }
}

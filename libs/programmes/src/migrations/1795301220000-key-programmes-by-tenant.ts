import type { MigrationInterface, QueryRunner } from 'typeorm';
import { keyByTenant, type TenantKeyMove, unkeyByTenant } from '@nastavnik/platform/database/tenant-keys';

/**
 * This lib's tables keyed by tenant (issue 18, docs/scale.md): the primary key of each school
 * table becomes `(tenant_id, id)` and replaces the unique `(tenant_id, id)` that the composite
 * foreign keys pointed at; those foreign keys (of the questionnaires' and the scorecards' tables
 * too) are created again, unchanged — names, columns, ON DELETE actions — against the primary
 * key. Rows are not touched. `pair_mentees` was keyed by `(tenant_id, pair_id, mentee_id)`
 * already, and every other unique key of this lib's school tables leads with `tenant_id`. The
 * reference tables (forms, role models, formats, directions, interest areas, meeting types,
 * stages) have no tenant: `distribution.ts`.
 */
const MOVES: TenantKeyMove[] = [
  { table: 'order_documents', replaces: 'order_documents_tenant_id_id_key', referencedBy: ['mentoring_pairs_fixing_order_fk', 'programmes_approval_order_fk', 'roadmaps_approval_order_fk'] },
  {
    table: 'programmes',
    replaces: 'programmes_tenant_id_id_key',
    referencedBy: [
      'match_suggestions_programme_fk',
      'meetings_programme_fk',
      'mentoring_pairs_programme_fk',
      'programme_scorecards_programme_fk',
      'questionnaire_links_programme_fk',
      'questionnaire_responses_programme_fk',
    ],
  },
  { table: 'roadmaps', replaces: 'roadmaps_tenant_id_id_key', referencedBy: ['roadmap_items_roadmap_fk'] },
  { table: 'roadmap_items', replaces: 'roadmap_items_tenant_id_id_key', referencedBy: [] },
  {
    table: 'mentoring_pairs',
    replaces: 'mentoring_pairs_tenant_id_id_key',
    referencedBy: ['match_suggestions_pair_fk', 'meetings_pair_fk', 'personalised_programmes_pair_fk', 'questionnaire_links_pair_fk', 'questionnaire_responses_pair_fk'],
  },
  { table: 'match_suggestions', replaces: 'match_suggestions_tenant_id_id_key', referencedBy: [] },
  { table: 'personalised_programmes', replaces: 'personalised_programmes_tenant_id_id_key', referencedBy: ['plan_tasks_programme_fk'] },
  { table: 'plan_tasks', replaces: 'plan_tasks_tenant_id_id_key', referencedBy: [] },
  { table: 'meetings', replaces: 'meetings_tenant_id_id_key', referencedBy: [] },
];

export class KeyProgrammesByTenant1795301220000 implements MigrationInterface {
  name = 'KeyProgrammesByTenant1795301220000';

  async up(q: QueryRunner): Promise<void> {
    await keyByTenant(q, ...MOVES);
  }

  async down(q: QueryRunner): Promise<void> {
    await unkeyByTenant(q, ...MOVES);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies } from '@nastavnik/platform/database/row-policies';

/** Reference data (справочники): global, no organisation. */
const REFERENCE_TABLES = ['mentoring_forms', 'role_models', 'mentoring_formats', 'mentoring_directions', 'interest_areas', 'meeting_types', 'programme_stages'];
/** An organisation's records: programmes, orders, roadmaps, pairs and groups with what hangs off them. */
const RECORD_TABLES = [
  'programmes',
  'order_documents',
  'roadmaps',
  'roadmap_items',
  'mentoring_pairs',
  'pair_mentees',
  'match_suggestions',
  'personalised_programmes',
  'plan_tasks',
  'meetings',
];

/**
 * The row-level policies of this lib's tables, as they are (docs/adr/0002: the lib that owns a
 * table declares its policies by kind; a later declaration here replaces this one):
 * - reference data: anyone with a scope reads it, only the platform admin writes it;
 * - an organisation's records (personal data, or data that leads to it): a curator's own
 *   school's rows, and the platform admin's policy beside it (docs/adr/0010); region analysts and
 *   ministry officials read none of them (their figures come from indicator snapshots).
 */
const CURRENT = [
  ...REFERENCE_TABLES.map((table) => rowPolicies(table, { kind: 'any-scope-read' }, { kind: 'admin' })),
  ...RECORD_TABLES.map((table) => rowPolicies(table, { kind: 'curator-own' })),
];

/** What the migrations up to 1795300930000 left: the same, the curator's policy still named from before docs/adr/0010. */
const PREVIOUS = [
  ...REFERENCE_TABLES.map((table) => rowPolicies(table, { kind: 'any-scope-read' }, { kind: 'admin' })),
  ...RECORD_TABLES.map((table) => rowPolicies(table, { kind: 'curator-own', name: 'curator_or_admin' })),
];

export class DeclareProgrammePolicies1795301120000 implements MigrationInterface {
  name = 'DeclareProgrammePolicies1795301120000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...CURRENT);
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...PREVIOUS);
  }
}

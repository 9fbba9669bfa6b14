import type { UnshardedTable } from '@nastavnik/platform/database/table-distribution';

/**
 * This lib's tables that a Citus cluster would not shard by school (docs/scale.md). Every other
 * table of the lib is a school's and sharded by `tenant_id`.
 *
 * Questionnaire templates and their questions hold the platform's defaults (no tenant: a NULL
 * `tenant_id`) beside schools' own copies, and every school's links, responses and answers point
 * at either. A NULL cannot be a distribution value, and a sentinel tenant for the defaults would
 * make a school's link to a default template a foreign key across schools; so both tables are
 * reference tables, copied to every node: a few thousand rows, written when a curator edits a
 * questionnaire, read with every response.
 */
export const UNSHARDED_TABLES = [
  {
    name: 'questionnaire_templates',
    citus: 'reference',
    why: "The platform's default questionnaires (no tenant) and schools' own copies, which every school's links and responses reference.",
  },
  {
    name: 'questionnaire_questions',
    citus: 'reference',
    why: 'The questions of the templates, defaults and schools\' own alike, which every school\'s answers reference.',
  },
  {
    name: 'indicator_targets',
    citus: 'reference',
    why: 'Target values per region (or municipality) and year, compared with the snapshots of every school below it: a handful of rows per region.',
  },
] as const satisfies readonly UnshardedTable[];

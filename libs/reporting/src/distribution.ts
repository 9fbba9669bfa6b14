import type { UnshardedTable } from '@nastavnik/platform/database/table-distribution';

/**
 * This lib's tables that a Citus cluster would not shard by school (docs/scale.md).
 */
export const UNSHARDED_TABLES = [
  {
    name: 'report_files',
    citus: 'single-shard',
    why: "Requested reports and extracts with their files: a federal extract belongs to no school (NULL tenant_id); found by id and by request hash, never joined with schools' rows; too big to copy to every node.",
  },
] as const satisfies readonly UnshardedTable[];

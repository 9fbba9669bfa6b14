import type { UnshardedTable } from '@nastavnik/platform/database/table-distribution';

/**
 * This lib's tables that a Citus cluster would not shard by school (docs/scale.md): the tenant
 * tree itself, which every school's rows reference by `tenant_id`.
 */
export const UNSHARDED_TABLES = [
  {
    name: 'tenants',
    citus: 'reference',
    why: 'The tenant tree (regions, municipalities, schools): small, read by every request and policy, the target of every tenant_id foreign key.',
  },
] as const satisfies readonly UnshardedTable[];

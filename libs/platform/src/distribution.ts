import type { UnshardedTable } from './database/table-distribution';

/**
 * This lib's tables that a Citus cluster would not shard by school (docs/scale.md): none. The
 * access journal and its chain heads (docs/adr/0023) are a school's rows like any other, keyed and
 * distributed by `tenant_id`.
 */
export const UNSHARDED_TABLES = [] as const satisfies readonly UnshardedTable[];

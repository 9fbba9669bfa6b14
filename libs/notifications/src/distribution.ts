import type { UnshardedTable } from '@nastavnik/platform/database/table-distribution';

/** Every table of the notifications lib is a school's, sharded by `tenant_id` (docs/scale.md). */
export const UNSHARDED_TABLES = [] as const satisfies readonly UnshardedTable[];

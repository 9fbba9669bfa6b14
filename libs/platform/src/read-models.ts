import type { ReadModel } from './database/read-model';

/**
 * What other libs may read of the platform lib in SQL (docs/adr/0004): nothing — the access
 * journal is written through `journal.record` / `@Journaled` and read through its GraphQL query.
 */
export const READ_MODELS = [] as const satisfies readonly ReadModel[];

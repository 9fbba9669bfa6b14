import type { ReadModel } from '@nastavnik/platform/database/read-model';

/**
 * What other libs may read of the reporting lib in SQL (docs/adr/0004): nothing — report files
 * are read through `ReportService`.
 */
export const READ_MODELS = [] as const satisfies readonly ReadModel[];

import { CreateIndicatorTables1795300350000 } from './1795300350000-create-indicator-tables';

/** The indicator engine's migrations (after the questionnaires' ones, by timestamp). */
export const indicatorMigrations = [CreateIndicatorTables1795300350000];

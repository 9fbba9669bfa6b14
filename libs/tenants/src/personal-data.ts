import type { NotPersonalColumn, PersonalDataDeclaration } from '@nastavnik/platform/personal-data/personal-data';

/**
 * The tenants lib holds no personal data (issue 14): organisations, not people. Its columns whose
 * names look personal are listed here; checked by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA: readonly PersonalDataDeclaration[] = [];

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'tenants', column: 'full_name', why: 'полное наименование организации' },
  { table: 'tenants', column: 'short_name', why: 'краткое наименование организации' },
  { table: 'tenants', column: 'address', why: 'адрес организации' },
];

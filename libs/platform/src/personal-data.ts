import type { NotPersonalColumn, PersonalDataDeclaration } from './personal-data/personal-data';

/**
 * The platform's own tables hold no participant's personal data (issue 14). The access journal
 * records who touched whose data — staff accounts and request addresses, never a participant's
 * values — and is kept as the operator's evidence for its retention (JOURNAL_RETENTION_MONTHS).
 * Checked by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA: readonly PersonalDataDeclaration[] = [];

/** Columns of this lib whose names look personal but hold no participant's data. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'access_journal', column: 'actor_name', why: 'имя сотрудника, выполнившего действие (журнал доступа — доказательство оператора, не данные участников)' },
  { table: 'access_journal', column: 'source_address', why: 'адрес, с которого пришёл запрос сотрудника (журнал доступа)' },
];

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies, ROW_SCOPE, type TablePolicies } from '../database/row-policies';

const RESPONDENT = `(select app.scope_role()) = 'respondent'`;
/** A region analyst, and the school of the row lies under the analyst's region. */
const REGION_SCHOOL = `(select app.scope_role()) = 'region-analyst'
  and exists (select 1 from tenants t where t.id = tenant_id and t.path <@ ${ROW_SCOPE.readerPath})`;

function journalPolicies(withRegion: boolean): TablePolicies[] {
  return [
    rowPolicies(
      'access_journal',
      { kind: 'curator-own', for: 'select', name: 'curator_read', adminName: 'admin_read' },
      { kind: 'curator-own', for: 'insert', name: 'curator_insert', adminName: 'admin_insert' },
      {
        kind: 'custom',
        name: 'respondent_insert',
        why: "a questionnaire link's respondent records opening and answering their link (the school is the link's)",
        for: 'insert',
        check: `${RESPONDENT} and role = 'respondent'`,
      },
      ...(withRegion
        ? [{
            kind: 'custom' as const,
            name: 'region_insert',
            why: "a region analyst records reading a school's personal data (a roadmap's responsible person, a nominated mentor) in that school's chain; reads none of it back",
            for: 'insert' as const,
            check: `${REGION_SCHOOL} and role = 'region-analyst'`,
          }]
        : []),
    ),
    rowPolicies(
      'access_journal_heads',
      { kind: 'curator-own' },
      { kind: 'custom', name: 'respondent', why: "a questionnaire link's respondent advances the chain of the link's school", for: 'all', using: RESPONDENT, check: RESPONDENT },
      ...(withRegion
        ? [{ kind: 'custom' as const, name: 'region', why: "a region analyst advances the chain of a school of the region", for: 'all' as const, using: REGION_SCHOOL, check: REGION_SCHOOL }]
        : []),
    ),
  ];
}

/**
 * Region analysts are journaled too (issue 14, docs/adr/0023 «Who is journaled»): once the region
 * reads a school's roadmap (the responsible person) and its nominated mentors (issue 13), their
 * reads of personal data go into the school's chain like a curator's. The analyst may append to the
 * chains of the region's schools only, and reads no journal row (the school's curator and the
 * platform admin do).
 */
export class JournalRegionAnalysts1795302700000 implements MigrationInterface {
  name = 'JournalRegionAnalysts1795302700000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...journalPolicies(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...journalPolicies(false));
  }
}

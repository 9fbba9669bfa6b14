import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies } from '@nastavnik/platform/database/row-policies';

/**
 * Who sees a report row, and so who may request (insert) one: the platform admin every row; a
 * curator their own school's school reports that a curator requested; region analysts and
 * ministry officials the reports that regional readers requested over their subtree (the federal
 * scope also the federal extracts, whose path is the root). A curator's or an admin's school
 * report carries curator-only roadmap data, so regional readers never see those.
 */
const READERS = `
  (select app.scope_role()) = 'platform-admin'
  or ((select app.scope_role()) = 'curator' and tenant_id = (select app.scope_tenant_id()) and kind = 'school_report' and requested_role = 'curator')
  or ((select app.scope_role()) in ('region-analyst', 'ministry-official') and requested_role in ('region-analyst', 'ministry-official')
      and ((select app.scope_all()) or tenant_path <@ (select app.scope_path())))`;

/**
 * The row-level policies of this lib's table, as they are (docs/adr/0002: the lib that owns a
 * table declares its policies by kind; a later declaration here replaces this one). The rule is
 * the reporting lib's own, so it is written out here.
 */
const CURRENT = [
  rowPolicies('report_files', {
    kind: 'custom',
    name: 'scope',
    why: 'the platform admin all; a curator the school reports of their school that a curator requested; regional readers the regional requests under their path',
    for: 'all',
    to: ['app', 'platformAdmin'],
    using: READERS,
    check: READERS,
  }),
];

/** What the migrations up to 1795300930000 left: the same. */
const PREVIOUS = CURRENT;

export class DeclareReportPolicies1795301150000 implements MigrationInterface {
  name = 'DeclareReportPolicies1795301150000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...CURRENT);
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...PREVIOUS);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies } from '@nastavnik/platform/database/row-policies';

/** The settings' policies before this migration (1795301900000), restored by `down()`. */
const BEFORE = rowPolicies('notification_settings', { kind: 'curator-own' }, {
  kind: 'custom',
  name: 'read_defaults',
  why: "anyone with a scope reads the settings of the nodes above their own (a school its region's defaults)",
  for: 'select',
  using: `tenant_path @> (select app.scope_path()) and ${ROW_SCOPE.anyScope}`,
});

/**
 * A region's notification settings set by the region's analyst in the console (issue 17,
 * docs/adr/0039): the defaults of the region's schools (thresholds) and `analyst_email`.
 * - `notification_settings_region_analyst`: a `region-analyst` bound to a region reads and writes
 *   that region's own row only — the row of the scope's node (`tenant_id`, `tenant_path`), a node
 *   of kind region, with no curator's address; never a school's or a municipality's row, never
 *   another region's;
 * - `notification_settings_read_defaults` now admits curators only: a school's curator (and the
 *   reminder run under the school's scope) reads the rows above the school, its region's defaults;
 *   a ministry official or another role reads no settings row.
 */
export class RegionNotificationSettings1795302917000 implements MigrationInterface {
  name = 'RegionNotificationSettings1795302917000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(
      q,
      rowPolicies('notification_settings', { kind: 'curator-own' }, {
        kind: 'custom',
        name: 'read_defaults',
        why: "a school's curator reads the settings of the nodes above the school (its region's defaults)",
        for: 'select',
        using: `tenant_path @> (select app.scope_path()) and (select app.scope_role()) = 'curator'`,
      }, {
        kind: 'custom',
        name: 'region_analyst',
        why: "a region's analyst reads and writes that region's own row (the schools' defaults, the analysts' address), no school's or other region's",
        for: 'all',
        using: `(select app.scope_role()) = 'region-analyst' and tenant_id = (select app.scope_tenant_id()) and tenant_path = (select app.scope_path())
          and tenant_id in (select t.id from tenant_tree t where t.kind = 'region')`,
        check: `(select app.scope_role()) = 'region-analyst' and tenant_id = (select app.scope_tenant_id()) and tenant_path = (select app.scope_path())
          and tenant_id in (select t.id from tenant_tree t where t.kind = 'region') and curator_email is null`,
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, BEFORE);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies, type RowPolicy } from '@nastavnik/platform/database/row-policies';

const ROLE = `(select app.scope_role())`;

/** Targets: a region's (or municipality's) targets apply to everything below it (as declared by 1795301130000). */
const TARGETS_READ: RowPolicy = {
  kind: 'custom',
  name: 'read',
  why: "the federal scope all; anyone the targets of the nodes above (and at) their own; regional readers also those below",
  for: 'select',
  to: ['app', 'platformAdmin'],
  using: `(select app.scope_all()) or tenant_path @> (select app.scope_path())
    or (${ROLE} in ('region-analyst', 'ministry-official') and tenant_path <@ (select app.scope_path()))`,
};

/**
 * A region analyst sets the targets of their own region and of its municipalities (Р-145, п. 3:
 * the region sets its own target model and monitoring rules). The row's node must be a region or
 * municipality under the analyst's path, and its path the node's own (`tenant_tree`, the tenants
 * lib's read model), so a target cannot be filed under another region's path. A ministry official
 * has a reader path too and is refused by the role.
 */
const ANALYST_WRITE: RowPolicy = {
  kind: 'custom',
  name: 'analyst_write',
  why: "a region analyst the targets of their own region and its municipalities (the node's own path, under the analyst's)",
  for: 'all',
  to: ['app'],
  using: `${ROLE} = 'region-analyst' and tenant_path <@ ${ROW_SCOPE.readerPath}`,
  check: `${ROLE} = 'region-analyst' and tenant_path <@ ${ROW_SCOPE.readerPath}
    and exists (select 1 from tenant_tree t where t.id = tenant_id and t.path = tenant_path and t.kind in ('region', 'municipality'))`,
};

const PREVIOUS = rowPolicies('indicator_targets', TARGETS_READ, { kind: 'admin' }, { kind: 'indicator-engine', for: 'select' });
const CURRENT = rowPolicies('indicator_targets', TARGETS_READ, ANALYST_WRITE, { kind: 'admin' }, { kind: 'indicator-engine', for: 'select' });

/**
 * Regional targets (issue 13, docs/adr/0033): any indicator, per school year, for a region or one
 * of its municipalities, written by the region's analyst (and the platform admin), read along the
 * path as before. `updated_at` says when a target was last set (shown beside it).
 */
export class RegionalTargets1795302000000 implements MigrationInterface {
  name = 'RegionalTargets1795302000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table indicator_targets add column updated_at timestamptz not null default now()`);
    await declareRowPolicies(q, CURRENT);
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, PREVIOUS);
    await q.query(`alter table indicator_targets drop column updated_at`);
  }
}

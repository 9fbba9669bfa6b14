import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies } from '@nastavnik/platform/database/row-policies';

/**
 * The row-level policies of the tenant tree, as they are (docs/adr/0002: the lib that owns a
 * table declares its policies by kind; a later declaration here replaces this one):
 * - the tree is read over the reader's subtree: the federal scope every node, a region analyst or
 *   a ministry official the nodes under their path, a curator their own organisation;
 * - only the platform admin writes it;
 * - the indicator engine's role reads all of it (structural data, no personal data; docs/adr/0006).
 */
const CURRENT = [rowPolicies('tenants', { kind: 'reader-subtree', tenantColumn: 'id', pathColumn: 'path' }, { kind: 'admin' }, { kind: 'indicator-engine', for: 'select' })];

/**
 * What the migrations up to 1795300930000 left: the same policies, the engine's named as the
 * monitoring migration 1795300350000 created it.
 */
const PREVIOUS = [
  rowPolicies('tenants', { kind: 'reader-subtree', tenantColumn: 'id', pathColumn: 'path' }, { kind: 'admin' }, { kind: 'indicator-engine', for: 'select', name: 'indicators_engine' }),
];

export class DeclareTenantPolicies1795301100000 implements MigrationInterface {
  name = 'DeclareTenantPolicies1795301100000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...CURRENT);
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...PREVIOUS);
  }
}

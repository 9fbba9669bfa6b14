import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies } from '@nastavnik/platform/database/row-policies';

const TABLES = ['participants', 'participant_base_entries', 'consents'];

/**
 * The row-level policies of this lib's tables, as they are (docs/adr/0002: the lib that owns a
 * table declares its policies by kind; a later declaration here replaces this one). All three are
 * personal data: a curator's own school's rows, and the platform admin's policy beside it
 * (docs/adr/0010). Region analysts and ministry officials read none of them.
 */
const CURRENT = TABLES.map((table) => rowPolicies(table, { kind: 'curator-own' }));

/** What the migrations up to 1795300930000 left: the same, the curator's policy still named from before docs/adr/0010. */
const PREVIOUS = TABLES.map((table) => rowPolicies(table, { kind: 'curator-own', name: 'curator_or_admin' }));

export class DeclareParticipantPolicies1795301110000 implements MigrationInterface {
  name = 'DeclareParticipantPolicies1795301110000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...CURRENT);
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...PREVIOUS);
  }
}

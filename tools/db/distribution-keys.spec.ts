import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { keyByTenant, unkeyByTenant } from '@nastavnik/platform/database/tenant-keys';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { relationOwners } from '../lint/lib-tables';
import { checkDistribution, citusPlan, declaredTables, readCatalogue } from './distribution-keys';

const root = join(__dirname, '..', '..');

/**
 * The foreign keys whose ON DELETE SET NULL / ON UPDATE CASCADE Citus refuses on a key that
 * includes the distribution column. They keep their behaviour on one Postgres; docs/scale.md
 * ("Before distributing") says how they change before the tables are distributed. The list only
 * shrinks: a new one fails below.
 */
const FOREIGN_KEY_ACTIONS_TO_MOVE = [
  'match_suggestions_pair_fk',
  'pair_mentees_pair_fk',
  'questionnaire_links_pair_fk',
  'questionnaire_links_programme_fk',
  'questionnaire_responses_link_fk',
  'questionnaire_responses_pair_fk',
  'questionnaire_responses_programme_fk',
];

/**
 * Issue 18: the schema can be distributed by tenant (Citus). Every table of the migrated test
 * database is a school's table sharded by `tenant_id` — its primary key and every unique key
 * include `tenant_id`, and its foreign keys to other school tables carry `tenant_id` on both
 * sides at the same position — or a reference / single-shard table declared by the lib that
 * creates it (`libs/<lib>/src/distribution.ts`). Present and future tables alike: a new table
 * falls under the rule the moment a migration creates it.
 */
describe('distribution by tenant: keys, foreign keys and placements (docs/scale.md)', () => {
  const { tables: declared, missing } = declaredTables(root);
  const { relations } = relationOwners(root);
  const owners = new Map([...relations.values()].filter((r) => r.kind === 'table').map((r) => [r.name, r.lib] as const));
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: readTestEnv().ownerUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  it('every lib that creates tables declares its unsharded ones (UNSHARDED_TABLES in libs/<lib>/src/distribution.ts)', () => {
    const owning = [...new Set(owners.values())].sort();
    expect(owning.filter((lib) => missing.includes(lib))).toEqual([]);
  });

  it('the reference tables and the single-shard table, listed here explicitly', () => {
    const listed = (citus: string) => declared.filter((d) => d.citus === citus).map((d) => `${d.lib}: ${d.name}`).sort();
    expect(listed('reference')).toEqual([
      'monitoring: indicator_targets',
      'monitoring: questionnaire_questions',
      'monitoring: questionnaire_templates',
      'programmes: interest_areas',
      'programmes: meeting_types',
      'programmes: mentor_competitions',
      'programmes: mentoring_directions',
      'programmes: mentoring_formats',
      'programmes: mentoring_forms',
      'programmes: programme_stages',
      'programmes: role_models',
      'tenants: tenants',
    ]);
    expect(listed('single-shard')).toEqual(['reporting: report_files']);
  });

  it('every other table is sharded by tenant_id: primary key, unique keys and foreign keys between school tables include it', async () => {
    const catalogue = await readCatalogue(client);
    const findings = checkDistribution(catalogue, declared, owners);
    expect(findings.filter((f) => f.rule !== 'foreign-key-action').map((f) => f.text)).toEqual([]);
    // The check saw the schema: the school tables, with their composite keys.
    const unsharded = new Set<string>([...declared.map((d) => d.name), 'schema_migrations']);
    const sharded = catalogue.tables.filter((t) => !unsharded.has(t.name)).map((t) => t.name);
    expect(sharded.length).toBeGreaterThanOrEqual(19);
    expect(sharded).toEqual(expect.arrayContaining(['participants', 'mentoring_pairs', 'questionnaire_answers', 'indicator_snapshots']));
    expect(catalogue.keys.find((k) => k.name === 'participants_pkey')?.columns).toEqual(['tenant_id', 'id']);
    expect(catalogue.foreignKeys.find((k) => k.name === 'questionnaire_responses_participant_fk')).toMatchObject({ columns: ['tenant_id', 'participant_id'], referenced: ['tenant_id', 'id'] });
  });

  it('foreign key actions Citus refuses on a sharded key: only those docs/scale.md lists as still to change', async () => {
    const findings = checkDistribution(await readCatalogue(client), declared, owners).filter((f) => f.rule === 'foreign-key-action');
    expect([...new Set(findings.map((f) => f.subject))].sort()).toEqual(FOREIGN_KEY_ACTIONS_TO_MOVE);
    const doc = readFileSync(join(root, 'docs', 'scale.md'), 'utf8');
    expect(FOREIGN_KEY_ACTIONS_TO_MOVE.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });

  it('docs/scale.md gives exactly the commands that distribute this schema', async () => {
    const doc = readFileSync(join(root, 'docs', 'scale.md'), 'utf8');
    const block = /<!-- citus-plan: generated by tools\/db\/distribution-keys\.ts[^>]*-->\s*```sql\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const written = block![1].split('\n').filter((line) => line.startsWith('select '));
    expect(written).toEqual(citusPlan(await readCatalogue(client), declared));
  });

  it('fails on tables whose keys leave tenant_id out (scratch tables, rolled back)', async () => {
    await client.query('begin');
    try {
      await client.query(`
        create table distribution_probe (
          id uuid primary key default gen_random_uuid(),
          tenant_id uuid not null references tenants (id),
          code text not null unique
        )`);
      await client.query(`
        create table distribution_probe_items (
          id uuid not null default gen_random_uuid(),
          tenant_id uuid not null references tenants (id),
          probe_id uuid not null references distribution_probe (id) on delete cascade,
          primary key (tenant_id, id)
        )`);
      await client.query(`create unique index distribution_probe_items_probe_key on distribution_probe_items (probe_id) where tenant_id is not null`);
      await client.query(`create table distribution_probe_codes (code text primary key)`);
      const findings = checkDistribution(await readCatalogue(client), declared, owners);
      expect(findings.filter((f) => f.subject.startsWith('distribution_probe')).map((f) => f.text)).toEqual([
        'table distribution_probe_codes has no tenant_id and is not declared in its lib\'s UNSHARDED_TABLES (reference or single-shard)',
        'table distribution_probe: unique key distribution_probe_code_key (code) does not include tenant_id',
        'table distribution_probe: primary key distribution_probe_pkey (id) does not include tenant_id',
        'table distribution_probe_items: unique index distribution_probe_items_probe_key (probe_id) does not include tenant_id',
        'foreign key distribution_probe_items_probe_id_fkey of distribution_probe_items (probe_id) → distribution_probe (id) does not carry tenant_id on both sides at the same position',
      ]);
    } finally {
      await client.query('rollback');
    }
  });

  it('keyByTenant moves a key to (tenant_id, id) and back, re-creating the foreign keys it names and refusing others', async () => {
    const runner = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as QueryRunner;
    const definitions = async () =>
      (await client.query<{ name: string; def: string }>(`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid in ('key_probe'::regclass, 'key_probe_items'::regclass) order by 1`)).rows;
    await client.query('begin');
    try {
      await client.query(`create table key_probe (id uuid primary key, tenant_id uuid not null, constraint key_probe_tenant_id_id_key unique (tenant_id, id))`);
      await client.query(`
        create table key_probe_items (id uuid primary key, tenant_id uuid not null, probe_id uuid,
          constraint key_probe_items_probe_fk foreign key (tenant_id, probe_id) references key_probe (tenant_id, id) on delete set null (probe_id))`);
      const before = await definitions();
      await client.query('savepoint unnamed');
      await expect(keyByTenant(runner, { table: 'key_probe', replaces: 'key_probe_tenant_id_id_key', referencedBy: [] })).rejects.toThrow(
        "tenant keys: the foreign keys referencing key_probe's key are [key_probe_items_probe_fk], the migration names []",
      );
      await client.query('rollback to savepoint unnamed');
      const move = { table: 'key_probe', replaces: 'key_probe_tenant_id_id_key', referencedBy: ['key_probe_items_probe_fk'] };
      await keyByTenant(runner, move);
      expect(await definitions()).toEqual([
        { name: 'key_probe_items_pkey', def: 'PRIMARY KEY (id)' },
        { name: 'key_probe_items_probe_fk', def: 'FOREIGN KEY (tenant_id, probe_id) REFERENCES key_probe(tenant_id, id) ON DELETE SET NULL (probe_id)' },
        { name: 'key_probe_pkey', def: 'PRIMARY KEY (tenant_id, id)' },
      ]);
      await unkeyByTenant(runner, move);
      expect(await definitions()).toEqual(before);
    } finally {
      await client.query('rollback');
    }
  });
});

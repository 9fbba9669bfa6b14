import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { UnshardedTable } from '@nastavnik/platform/database/table-distribution';
import { libNames } from '../lint/lib-tables';

/*
 * Is the schema distributable by tenant (issue 18, docs/scale.md, docs/adr/0013)? Every table of
 * the migrated database is either SHARDED by `tenant_id` — a school's table: NOT NULL `tenant_id`,
 * a primary key and every unique key that include it, foreign keys to other sharded tables that
 * carry it on both sides at the same position — or declared UNSHARDED by the lib that owns it
 * (`libs/<lib>/src/distribution.ts`): a reference table (a copy on every node) or a single-shard
 * table. The rules are Citus's own (docs/scale.md cites them); `checkDistribution` reports every
 * breach as a sentence, and `citusPlan` writes the commands that distribute the tables.
 */

export const DISTRIBUTION_COLUMN = 'tenant_id';

/** Tables of the database that belong to no lib: TypeORM's migration log stays on the coordinator. */
export const COORDINATOR_ONLY = ['schema_migrations'] as const;

export type DeclaredTable = UnshardedTable & { lib: string };

/** Every lib's `UNSHARDED_TABLES` (libs/<lib>/src/distribution.ts); `missing` lists libs without the file. */
export function declaredTables(root: string): { tables: DeclaredTable[]; libs: string[]; missing: string[] } {
  const tables: DeclaredTable[] = [];
  const libs: string[] = [];
  const missing: string[] = [];
  for (const lib of libNames(root)) {
    const file = join(root, 'libs', lib, 'src', 'distribution.ts');
    if (!existsSync(file)) {
      missing.push(lib);
      continue;
    }
    libs.push(lib);
    for (const table of (require(file) as { UNSHARDED_TABLES: readonly UnshardedTable[] }).UNSHARDED_TABLES) tables.push({ ...table, lib });
  }
  return { tables, libs, missing };
}

type TableRow = { name: string; tenant: boolean; notNull: boolean | null; type: string | null };
type KeyRow = { table: string; name: string; kind: 'primary key' | 'unique key' | 'unique index' | 'exclusion constraint'; columns: (string | null)[] };
type ForeignKeyRow = { table: string; name: string; references: string; columns: string[]; referenced: string[]; onDelete: string; onUpdate: string };

/** What the checks read of the catalogue: the schema's tables (partitions aside), their unique keys and foreign keys. */
export type Catalogue = { tables: TableRow[]; keys: KeyRow[]; foreignKeys: ForeignKeyRow[] };

export async function readCatalogue(client: Client, schema = 'public'): Promise<Catalogue> {
  const { rows: tables } = await client.query<TableRow>(
    `select c.relname as name, a.attname is not null as tenant, a.attnotnull as "notNull", format_type(a.atttypid, a.atttypmod) as type
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       left join pg_attribute a on a.attrelid = c.oid and a.attname = $2 and not a.attisdropped
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`,
    [schema, DISTRIBUTION_COLUMN],
  );
  // Every unique or exclusion index: primary keys, unique constraints, bare unique indexes
  // (partial ones included), exclusion constraints. Key columns only (not INCLUDE); NULL for an expression.
  const { rows: keys } = await client.query<KeyRow>(
    `select t.relname as table, i.relname as name,
            case when x.indisprimary then 'primary key' when x.indisexclusion then 'exclusion constraint'
                 when exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype = 'u') then 'unique key'
                 else 'unique index' end as kind,
            array(select a.attname::text from generate_subscripts(x.indkey, 1) s(n)
                    left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[s.n]
                   where s.n < x.indnkeyatts order by s.n) as columns
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = $1 and t.relkind in ('r', 'p') and not t.relispartition and (x.indisunique or x.indisexclusion)
      order by 1, 2`,
    [schema],
  );
  const names = (att: string) => `array(select a.attname::text from unnest(f.${att}) with ordinality k(attnum, n)
                                          join pg_attribute a on a.attrelid = ${att === 'conkey' ? 'f.conrelid' : 'f.confrelid'} and a.attnum = k.attnum order by k.n)`;
  const { rows: foreignKeys } = await client.query<ForeignKeyRow>(
    `select t.relname as table, f.conname as name, r.relname as references, ${names('conkey')} as columns, ${names('confkey')} as referenced,
            f.confdeltype::text as "onDelete", f.confupdtype::text as "onUpdate"
       from pg_constraint f join pg_class t on t.oid = f.conrelid join pg_class r on r.oid = f.confrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = $1 and f.contype = 'f' and f.conparentid = 0
      order by 1, 2`,
    [schema],
  );
  return { tables, keys, foreignKeys };
}

/** Which rule a finding breaks: the spec allows none, except the FK actions it lists by name. */
export type Rule = 'declaration' | 'placement' | 'key' | 'foreign-key' | 'foreign-key-action';
export type Finding = { rule: Rule; subject: string; text: string };

export type Placement = 'sharded' | 'reference' | 'single-shard' | 'coordinator';

/** pg_constraint's confdeltype / confupdtype letters. */
const ACTIONS = new Map([['a', 'NO ACTION'], ['r', 'RESTRICT'], ['c', 'CASCADE'], ['n', 'SET NULL'], ['d', 'SET DEFAULT']]);
const list = (columns: readonly (string | null)[]) => `(${columns.map((c) => c ?? '<expression>').join(', ')})`;

/** Where each table of the catalogue goes: declared unsharded, coordinator-only, or sharded by tenant. */
export function placements(catalogue: Catalogue, declared: readonly DeclaredTable[]): Map<string, Placement> {
  const byName = new Map(declared.map((d) => [d.name, d.citus] as const));
  return new Map(
    catalogue.tables.map((t) => [t.name, (COORDINATOR_ONLY as readonly string[]).includes(t.name) ? 'coordinator' : (byName.get(t.name) ?? 'sharded')] as const),
  );
}

/**
 * Every breach of the distribution rules, as sentences (empty: the schema can be distributed by
 * tenant as docs/scale.md says). `owners` (table → lib, from the migrations) lets it check that a
 * lib declares only its own tables.
 */
export function checkDistribution(catalogue: Catalogue, declared: readonly DeclaredTable[], owners?: ReadonlyMap<string, string>): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: Rule, subject: string, text: string) => findings.push({ rule, subject, text });
  const tables = new Map(catalogue.tables.map((t) => [t.name, t] as const));
  const placed = placements(catalogue, declared);

  const seen = new Set<string>();
  for (const d of declared) {
    if (seen.has(d.name)) add('declaration', d.name, `table ${d.name} is declared unsharded twice`);
    seen.add(d.name);
    if (!tables.has(d.name)) add('declaration', d.name, `table ${d.name} is declared unsharded by lib ${d.lib} but the database has no such table`);
    const owner = owners?.get(d.name);
    if (owners && owner !== d.lib) add('declaration', d.name, `table ${d.name} is declared unsharded by lib ${d.lib} but ${owner ? `lib ${owner} creates it` : 'no lib creates it'}`);
    if (!/^\S.*\S$/.test(d.why) || d.why.includes('\n')) add('declaration', d.name, `table ${d.name}: the declaration's why is not one line`);
  }

  for (const table of catalogue.tables) {
    if (placed.get(table.name) !== 'sharded') continue;
    if (!table.tenant) {
      add('placement', table.name, `table ${table.name} has no ${DISTRIBUTION_COLUMN} and is not declared in its lib's UNSHARDED_TABLES (reference or single-shard)`);
    } else if (!table.notNull) {
      add('placement', table.name, `table ${table.name}: ${DISTRIBUTION_COLUMN} may be NULL, which no distribution column may be; make it NOT NULL or declare the table in its lib's UNSHARDED_TABLES`);
    } else if (table.type !== 'uuid') {
      add('placement', table.name, `table ${table.name}: ${DISTRIBUTION_COLUMN} is ${table.type}, not uuid like every co-located table's`);
    }
  }

  for (const key of catalogue.keys) {
    // A table without tenant_id is reported once, above.
    if (placed.get(key.table) !== 'sharded' || !tables.get(key.table)?.tenant) continue;
    if (!key.columns.includes(DISTRIBUTION_COLUMN)) add('key', key.table, `table ${key.table}: ${key.kind} ${key.name} ${list(key.columns)} does not include ${DISTRIBUTION_COLUMN}`);
  }
  for (const table of catalogue.tables) {
    if (placed.get(table.name) === 'sharded' && table.tenant && !catalogue.keys.some((k) => k.table === table.name && k.kind === 'primary key')) {
      add('key', table.name, `table ${table.name} has no primary key; give it one that includes ${DISTRIBUTION_COLUMN}`);
    }
  }

  for (const fk of catalogue.foreignKeys) {
    const from = placed.get(fk.table);
    const to = placed.get(fk.references);
    const what = `foreign key ${fk.name} of ${fk.table} ${list(fk.columns)} → ${fk.references} ${list(fk.referenced)}`;
    if (from === 'sharded' && to === 'sharded') {
      const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
      if (at < 0 || fk.referenced[at] !== DISTRIBUTION_COLUMN) {
        add('foreign-key', fk.table, `${what} does not carry ${DISTRIBUTION_COLUMN} on both sides at the same position`);
      }
    } else if (from === 'sharded' && to === 'reference') {
      // Allowed (a school's row naming shared data); the action rule below still applies.
    } else if (from === 'reference' && to === 'reference') {
      continue;
    } else if (from === 'single-shard' && (to === 'reference' || fk.references === fk.table)) {
      continue;
    } else if (from !== 'coordinator' || to !== 'coordinator') {
      add('foreign-key', fk.table, `${what}: a ${from} table cannot reference a ${to} table`);
      continue;
    }
    if (from === 'sharded' && fk.columns.includes(DISTRIBUTION_COLUMN)) {
      if (fk.onDelete === 'n' || fk.onDelete === 'd') add('foreign-key-action', fk.name, `${what}: ON DELETE ${ACTIONS.get(fk.onDelete)} on a key that includes ${DISTRIBUTION_COLUMN}`);
      if (fk.onUpdate === 'n' || fk.onUpdate === 'd' || fk.onUpdate === 'c') add('foreign-key-action', fk.name, `${what}: ON UPDATE ${ACTIONS.get(fk.onUpdate)} on a key that includes ${DISTRIBUTION_COLUMN}`);
    }
  }
  return findings;
}

/** `tables` ordered so that each comes after those it references (among themselves); ties by most referenced, then name. */
function referencedFirst(tables: string[], foreignKeys: readonly ForeignKeyRow[]): string[] {
  const inGroup = new Set(tables);
  const edges = foreignKeys.filter((fk) => fk.table !== fk.references && inGroup.has(fk.table) && inGroup.has(fk.references));
  const referrers = (t: string) => new Set(edges.filter((e) => e.references === t).map((e) => e.table)).size;
  const waitsFor = (t: string) => edges.filter((e) => e.table === t).map((e) => e.references);
  const order: string[] = [];
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !order.includes(t) && waitsFor(t).every((r) => order.includes(r)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !order.includes(t)).join(', ')}`);
    ready.sort((a, b) => referrers(b) - referrers(a) || a.localeCompare(b));
    order.push(ready[0]);
  }
  return order;
}

/**
 * The Citus commands that distribute the schema, in an order Citus accepts: reference tables
 * first (each after those it references), then the school tables sharded by `tenant_id` and
 * co-located with the first of them (each after those it references), then single-shard tables.
 */
export function citusPlan(catalogue: Catalogue, declared: readonly DeclaredTable[]): string[] {
  const placed = placements(catalogue, declared);
  const of = (p: Placement) => catalogue.tables.map((t) => t.name).filter((t) => placed.get(t) === p);
  const reference = referencedFirst(of('reference'), catalogue.foreignKeys);
  const sharded = referencedFirst(of('sharded'), catalogue.foreignKeys);
  const [anchor, ...colocated] = sharded;
  return [
    ...reference.map((t) => `select create_reference_table('${t}');`),
    ...(anchor ? [`select create_distributed_table('${anchor}', '${DISTRIBUTION_COLUMN}');`] : []),
    ...colocated.map((t) => `select create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}', colocate_with => '${anchor}');`),
    ...of('single-shard').map((t) => `select create_distributed_table('${t}', null, colocate_with => 'none');`),
  ];
}

if (require.main === module) {
  // Prints the plan for a migrated database: node -r ./tools/register.cjs tools/db/distribution-keys.ts [owner URL]
  const url = process.argv[2] ?? process.env.MIGRATION_DATABASE_URL ?? 'postgres://nastavnik_owner@127.0.0.1:5432/nastavnik';
  const client = new Client({ connectionString: url });
  const root = join(__dirname, '..', '..');
  client
    .connect()
    .then(async () => {
      const catalogue = await readCatalogue(client);
      const { tables } = declaredTables(root);
      for (const f of checkDistribution(catalogue, tables)) console.error(`-- ${f.rule}: ${f.text}`);
      console.log(citusPlan(catalogue, tables).join('\n'));
    })
    .finally(() => client.end())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

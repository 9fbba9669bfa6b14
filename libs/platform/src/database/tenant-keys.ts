import type { QueryRunner } from 'typeorm';

/*
 * Tenant-owned tables keyed by tenant (docs/scale.md, docs/adr/0013): a table that Citus would
 * shard by `tenant_id` must have `tenant_id` in its primary key, in every unique key, and in every
 * foreign key to another such table. These helpers move a table's primary key from `(id)` to
 * `(tenant_id, id)` in a migration, and back in its `down()`. They move constraints only: no row
 * is rewritten (the new key's index is built, the foreign keys that pointed at the old key are
 * validated again against the new one).
 *
 * The tables of this schema already carried a unique `(tenant_id, id)` beside the primary key
 * `(id)`: the composite foreign keys point at it. The new primary key makes it a duplicate index,
 * so it goes, and the foreign keys that used it (some on other libs' tables: foreign keys cross
 * libs by design, docs/adr/0004) are dropped first and created again, unchanged — same name,
 * columns and actions — against the primary key. A migration names those foreign keys; the
 * helper refuses to run when the catalogue holds others, so a key never disappears unnoticed.
 */

/** One table whose primary key moves between `(id)` and `(tenant_id, id)`. */
export type TenantKeyMove = {
  readonly table: string;
  /** The unique constraint `(tenant_id, id)` that the new primary key replaces: dropped by up, restored by down. */
  readonly replaces?: string;
  /** Every foreign key that references the moving key (the replaced unique key or the primary key), by name. */
  readonly referencedBy: readonly string[];
};

type ForeignKey = { table: string; name: string; definition: string };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`tenant keys: ${what} "${name}" is not a plain lower-case identifier`);
  return name;
}

async function primaryKey(q: QueryRunner, table: string): Promise<{ name: string; columns: string[] }> {
  const rows: { name: string; columns: string[] }[] = await q.query(
    `select c.conname as name, array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                                      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns
       from pg_constraint c where c.conrelid = $1::regclass and c.contype = 'p'`,
    [table],
  );
  if (rows.length !== 1) throw new Error(`tenant keys: ${table} has no primary key`);
  return rows[0];
}

/** The foreign keys (of any table) that reference `table` through the index of one of `constraints`. */
async function referencingKeys(q: QueryRunner, table: string, constraints: string[]): Promise<ForeignKey[]> {
  return q.query(
    `select f.conrelid::regclass::text as table, f.conname as name, pg_get_constraintdef(f.oid) as definition
       from pg_constraint f
       join pg_constraint k on k.conindid = f.conindid and k.conrelid = f.confrelid and k.contype in ('p', 'u')
      where f.contype = 'f' and f.confrelid = $1::regclass and k.conname = any ($2::text[])
      order by f.conname`,
    [table, constraints],
  );
}

function expectReferences(move: TenantKeyMove, found: ForeignKey[]): void {
  const expected = [...move.referencedBy].sort();
  const actual = found.map((f) => f.name).sort();
  if (expected.join() !== actual.join()) {
    throw new Error(`tenant keys: the foreign keys referencing ${move.table}'s key are [${actual.join(', ')}], the migration names [${expected.join(', ')}]`);
  }
}

async function sameColumns(q: QueryRunner, move: TenantKeyMove, columns: string[]): Promise<{ name: string }> {
  const key = await primaryKey(q, move.table);
  if (key.columns.join() !== columns.join()) {
    throw new Error(`tenant keys: ${move.table}'s primary key is (${key.columns.join(', ')}), expected (${columns.join(', ')})`);
  }
  return key;
}

/** `(id)` → `(tenant_id, id)`, for each table in turn (up). */
export async function keyByTenant(q: QueryRunner, ...moves: TenantKeyMove[]): Promise<void> {
  for (const move of moves) {
    const table = identifier(move.table, 'table');
    const key = await sameColumns(q, move, ['id']);
    const replaced = move.replaces ? identifier(move.replaces, 'constraint') : undefined;
    const foreign = await referencingKeys(q, table, replaced ? [key.name, replaced] : [key.name]);
    expectReferences(move, foreign);
    for (const fk of foreign) await q.query(`alter table ${fk.table} drop constraint ${fk.name}`);
    if (replaced) await q.query(`alter table ${table} drop constraint ${replaced}`);
    await q.query(`alter table ${table} drop constraint ${key.name}`);
    await q.query(`alter table ${table} add constraint ${key.name} primary key (tenant_id, id)`);
    for (const fk of foreign) await q.query(`alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`);
  }
}

/** `(tenant_id, id)` → `(id)`, restoring the replaced unique key, for each table in turn (down). */
export async function unkeyByTenant(q: QueryRunner, ...moves: TenantKeyMove[]): Promise<void> {
  for (const move of [...moves].reverse()) {
    const table = identifier(move.table, 'table');
    const key = await sameColumns(q, move, ['tenant_id', 'id']);
    const foreign = await referencingKeys(q, table, [key.name]);
    expectReferences(move, foreign);
    for (const fk of foreign) await q.query(`alter table ${fk.table} drop constraint ${fk.name}`);
    await q.query(`alter table ${table} drop constraint ${key.name}`);
    await q.query(`alter table ${table} add constraint ${key.name} primary key (id)`);
    if (move.replaces) await q.query(`alter table ${table} add constraint ${identifier(move.replaces, 'constraint')} unique (tenant_id, id)`);
    for (const fk of foreign) await q.query(`alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`);
  }
}

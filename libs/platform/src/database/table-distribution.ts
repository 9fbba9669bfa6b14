/**
 * A table that would NOT be sharded by `tenant_id` if the database were distributed with Citus
 * (docs/scale.md, docs/adr/0013). Every other table of the schema carries a NOT NULL `tenant_id`
 * and is sharded by it: its primary key, its unique keys and its foreign keys to other sharded
 * tables all include `tenant_id`. Each lib lists its unsharded tables in one place,
 * `libs/<lib>/src/distribution.ts` (`UNSHARDED_TABLES`); `tools/db/distribution-keys.spec.ts`
 * checks every table of the migrated database against the lists, and generates the Citus commands
 * of docs/scale.md from them.
 */
export type UnshardedTable = {
  /** The table, as the owning lib's migration creates it. */
  readonly name: string;
  /**
   * - 'reference': one copy on every node (Citus `create_reference_table`). Small, read by every
   *   school, joined with sharded tables; written rarely (every write goes to every node). Sharded
   *   tables may reference it by foreign key; it may reference only other reference tables.
   * - 'single-shard': one shard on one node, in a co-location group of its own (Citus 12
   *   `create_distributed_table(table, null, colocate_with => 'none')`). For a table that is not
   *   per school (a NULL `tenant_id`), too big to copy to every node, and never joined with
   *   sharded tables. It may reference reference tables only; nothing may reference it.
   */
  readonly citus: 'reference' | 'single-shard';
  /** One line: why it is not sharded by school. */
  readonly why: string;
};

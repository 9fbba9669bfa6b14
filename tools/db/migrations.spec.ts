import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readTestEnv, withDatabase } from '@nastavnik/testing/test-env';
import { allMigrations } from './all-migrations';
import { migrateDownAll, migrateUp } from './migrate';
import { createProductDatabase } from '@nastavnik/testing/product-database';

/** Every migration is reversible: up, all the way down, and up again on a database of its own. */
describe('migrations', () => {
  const env = readTestEnv();
  const database = `${env.database}_mig_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(env.ownerUrl, database);
  const superuser = () => new Client({ connectionString: env.superuserUrl });

  beforeAll(async () => {
    await createProductDatabase(env.superuserUrl, database);
  });
  afterAll(async () => {
    const client = superuser();
    await client.connect();
    await client.query(`drop database if exists ${database} with (force)`);
    await client.end();
  });

  /**
   * What the migrations leave in the database, read from the catalogue. No query may fail here: a
   * catalogue read that errors must fail the test, never count as "nothing left".
   */
  const leftovers = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: relations } = await client.query<{ name: string }>(
        `select n.nspname || '.' || c.relname || ' (' || c.relkind::text || ')' as name
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname in ('public', 'app')
            and c.relname not in ('schema_migrations', 'schema_migrations_id_seq')
            and not exists (select 1 from pg_index i where i.indexrelid = c.oid and i.indrelid = to_regclass('public.schema_migrations'))
          order by 1`,
      );
      const { rows: tables } = await client.query<{ name: string }>(
        `select table_schema || '.' || table_name as name from information_schema.tables
          where table_schema in ('public', 'app') and table_name <> 'schema_migrations' order by 1`,
      );
      // Functions of our own: those in app, and those in public that no extension (ltree) owns.
      const { rows: functions } = await client.query<{ name: string }>(
        `select n.nspname || '.' || p.proname as name
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'app'
             or (n.nspname = 'public' and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'))
          order by 1`,
      );
      const { rows: [schema] } = await client.query<{ app: boolean }>(`select exists (select 1 from pg_namespace where nspname = 'app') as app`);
      // The migrations table may be dropped or left empty by the first migration's down; either way no migration is recorded.
      const { rows: [migrations] } = await client.query<{ present: boolean }>(`select to_regclass('public.schema_migrations') is not null as present`);
      const recorded = migrations.present ? (await client.query<{ n: number }>(`select count(*)::int as n from schema_migrations`)).rows[0].n : 0;
      return { relations: relations.map((r) => r.name), tables: tables.map((r) => r.name), functions: functions.map((r) => r.name), appSchema: schema.app, recorded };
    } finally {
      await client.end();
    }
  };

  it('apply, revert completely, and apply again', async () => {
    const byTimestamp = allMigrations.map((m) => m.name).sort((a, b) => Number(a.match(/\d+$/)![0]) - Number(b.match(/\d+$/)![0]));
    expect(await migrateUp(url)).toEqual(byTimestamp);
    const up = await leftovers();
    expect(up.tables).toContain('public.tenants');
    expect(up.tables).toContain('public.indicator_snapshots');
    expect(up.relations.length).toBeGreaterThan(up.tables.length); // indexes, sequences and views too
    expect(up.functions.length).toBeGreaterThan(0);
    expect(up.appSchema).toBe(true);
    expect(up.recorded).toBe(byTimestamp.length);

    expect(await migrateDownAll(url)).toEqual([...byTimestamp].reverse());
    // Reverted means gone: no table, view, index or sequence, no function of ours, no app schema, no migration recorded.
    expect(await leftovers()).toEqual({ relations: [], tables: [], functions: [], appSchema: false, recorded: 0 });

    await migrateUp(url);
    expect(await leftovers()).toEqual(up);
    expect(await migrateUp(url)).toEqual([]);
  });
});

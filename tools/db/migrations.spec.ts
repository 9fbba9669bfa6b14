import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readTestEnv, withDatabase } from '@nastavnik/testing/test-env';
import { allMigrations } from './all-migrations';
import { migrateDownAll, migrateUp } from './migrate';

/** Every migration is reversible: up, all the way down, and up again on a database of its own. */
describe('migrations', () => {
  const env = readTestEnv();
  const database = `${env.database}_mig_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(env.ownerUrl, database);
  const superuser = () => new Client({ connectionString: env.superuserUrl });

  beforeAll(async () => {
    const client = superuser();
    await client.connect();
    await client.query(`create database ${database} owner nastavnik_owner`);
    await client.end();
  });
  afterAll(async () => {
    const client = superuser();
    await client.connect();
    await client.query(`drop database if exists ${database} with (force)`);
    await client.end();
  });

  const tables = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`select table_schema || '.' || table_name as name from information_schema.tables where table_schema in ('public', 'app') and table_name <> 'schema_migrations' order by 1`);
    const functions = await client.query(`select count(*)::int as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'app'`).catch(() => ({ rows: [{ n: 0 }] }));
    await client.end();
    return { tables: rows.map((r) => r.name), appFunctions: functions.rows[0].n };
  };

  it('apply, revert completely, and apply again', async () => {
    const byTimestamp = allMigrations.map((m) => m.name).sort((a, b) => Number(a.match(/\d+$/)![0]) - Number(b.match(/\d+$/)![0]));
    expect(await migrateUp(url)).toEqual(byTimestamp);
    const up = await tables();
    expect(up.tables).toContain('public.tenants');
    expect(up.appFunctions).toBeGreaterThan(0);

    expect(await migrateDownAll(url)).toEqual([...byTimestamp].reverse());
    expect(await tables()).toEqual({ tables: [], appFunctions: 0 });

    await migrateUp(url);
    expect(await tables()).toEqual(up);
    expect(await migrateUp(url)).toEqual([]);
  });
});

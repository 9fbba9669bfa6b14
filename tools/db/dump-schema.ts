import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { migrateUp } from './migrate';
import { createProductDatabase } from '@nastavnik/testing/product-database';

/**
 * The committed schema: a schema-only dump of a freshly migrated database, owners, grants,
 * row-level policies and their comments included (they are the point: who may read what).
 * Regenerate it after adding or changing a migration; tools/db/schema-dump.spec.ts fails until
 * the committed file matches what the migrations build.
 *
 * Not in infra/postgres/ itself: the postgres image runs every *.sql there on its first start,
 * and docs tell operators of a managed Postgres to run those files too.
 */
export const SCHEMA_FILE = join(__dirname, '..', '..', 'infra', 'postgres', 'schema', 'schema.sql');
export const REGENERATE_COMMAND = 'node -r ./tools/register.cjs tools/db/dump-schema.ts';

const HEADER = `-- The schema the migrations build, dumped from a freshly migrated database (pg_dump --schema-only).
-- Generated: do not edit. Regenerate with \`${REGENERATE_COMMAND}\`;
-- tools/db/schema-dump.spec.ts compares this file with a fresh dump.
`;

/**
 * Lines that vary between runs or machines and say nothing about the schema: pg_dump's versions,
 * and the random key of its `\restrict` guard (pg_dump 15.14 and later).
 */
const VARYING = [/^-- Dumped (from database|by pg_dump) version .*$/, /^\\(un)?restrict \S+$/];

/** pg_dump's text without what varies between runs, under our header. */
export function normaliseDump(dump: string): string {
  const lines = dump.split('\n').filter((line) => !VARYING.some((pattern) => pattern.test(line)));
  return HEADER + lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '\n').trimEnd() + '\n';
}

/** The normalised schema-only dump of the database at `url` (its owner's URL). */
export async function dumpSchema(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  let serverMajor: number;
  try {
    serverMajor = Math.floor(Number((await client.query<{ v: string }>(`select current_setting('server_version_num') as v`)).rows[0].v) / 10000);
  } finally {
    await client.end();
  }
  const run = promisify(execFile);
  const { stdout: version } = await run('pg_dump', ['--version']);
  const dumpMajor = Number(/(\d+)\.\d+/.exec(version)?.[1]);
  // Another major version prints the same schema differently; the comparison would fail for that alone.
  if (dumpMajor !== serverMajor) throw new Error(`pg_dump ${dumpMajor} against Postgres ${serverMajor}: use the pg_dump of the server's major version (${version.trim()})`);
  // The access journal's monthly partitions are named by the month the migration ran in (docs/adr/0023): not schema.
  const { stdout } = await run('pg_dump', ['--schema-only', '--no-password', `--exclude-table=public.access_journal_y*`, `--dbname=${url}`], { maxBuffer: 64 * 1024 * 1024 });
  return normaliseDump(stdout);
}

/** A database of its own, migrated from nothing, dumped and dropped. */
export async function dumpFreshSchema(superuserUrl: string, ownerUrl: string): Promise<string> {
  const name = `nastavnik_schema_dump_${randomBytes(3).toString('hex')}`;
  const asSuperuser = async (sql: string) => {
    const client = new Client({ connectionString: superuserUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  await createProductDatabase(superuserUrl, name);
  try {
    await migrateUp(url.toString());
    return await dumpSchema(url.toString());
  } finally {
    await asSuperuser(`drop database if exists ${name} with (force)`);
  }
}

if (require.main === module) {
  const superuserUrl = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? 'postgres://nastavnik_owner@127.0.0.1:5432/nastavnik';
  dumpFreshSchema(superuserUrl, ownerUrl)
    .then((schema) => {
      mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
      writeFileSync(SCHEMA_FILE, schema);
      console.log(`wrote ${SCHEMA_FILE} (${schema.split('\n').length} lines)`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

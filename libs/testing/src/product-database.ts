import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A product database as tests and benches create them: owned by the owner role and prepared as
 * `infra/postgres/prepare-database.psql` says (its superuser-only part, docs/adr/0040) — the same
 * file set-up and docker-compose run on the development database.
 */
const PREPARATION = join(__dirname, '..', '..', '..', 'infra', 'postgres', 'prepare-database.psql');
const OWNER = 'nastavnik_owner';
const NAME = /^[a-z_][a-z0-9_]*$/;

/** Runs the preparation in database `name` (idempotent), as the superuser of `superuserUrl`. */
export async function prepareProductDatabase(superuserUrl: string, name: string): Promise<void> {
  const url = new URL(superuserUrl);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    // Plain SQL statements, no psql commands: one simple query runs them all.
    await client.query(readFileSync(PREPARATION, 'utf8'));
  } finally {
    await client.end();
  }
}

/** Creates database `name` owned by the owner role and prepares it; migrate it next (as the owner). */
export async function createProductDatabase(superuserUrl: string, name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`not a plain database name: ${JSON.stringify(name)}`);
  const admin = new Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} owner ${OWNER}`);
  } finally {
    await admin.end();
  }
  await prepareProductDatabase(superuserUrl, name);
}

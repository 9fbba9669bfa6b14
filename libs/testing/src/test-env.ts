import { existsSync, readFileSync } from 'node:fs';


/** What global-setup prepared for this run: its own database, Redis prefix and signing key. */
export type TestEnv = {
  runId: string;
  database: string;
  superuserUrl: string;
  ownerUrl: string;
  appUrl: string;
  indicatorsUrl: string;
  redisUrl: string;
  redisPrefix: string;
  privateKeyPem: string;
  publicKeyPem: string;
};


export function readTestEnv(): TestEnv {
  const file = process.env.NASTAVNIK_TEST_ENV_FILE;
  if (!file || !existsSync(file)) throw new Error('Run the specs through jest (global-setup prepares the test database)');
  return JSON.parse(readFileSync(file, 'utf8')) as TestEnv;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

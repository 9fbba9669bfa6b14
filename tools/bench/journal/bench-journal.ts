/**
 * Access-journal benchmark (issue 14), one run: what the journal adds to a curator's list page and
 * to a write, the same requests measured side by side with the journal on and off.
 *
 *   node -r ./tools/register.cjs tools/bench/journal/bench-journal.ts [--quick]
 *
 * This file prepares a scratch database `nastavnik_bench_journal` (one school of 800 people with
 * consents), a realm key and a curator's token, and forks apps/api/test/journal-bench-harness.ts
 * (tools may not import the app), which builds the real API in its process (Fastify + Mercurius,
 * the real guard, forced RLS as the app role) and injects the requests into Fastify (no sockets,
 * so the network adds no noise). The switch is `JOURNAL_SWITCH.enabled` (personal-data/journal.ts),
 * which only the harness turns off: off, the resolvers run exactly as on, but `journal.record`
 * returns before queueing the event, so nothing is written at commit — the difference between the
 * halves is the journal's whole cost (the event built per resolver, merged, the chain head advanced
 * and the rows inserted with the COMMIT). The halves alternate request by request (on, off, off,
 * on, …) after warm-ups, so a busy moment of a shared machine falls on both; each request's
 * latency is taken from injection to the complete response.
 *
 * Measured: the curator's list page as the console sends it (its data provider's request, rebuilt
 * by the harness from the schema: 25 people with every field, their base entries, consents and
 * erasure requests, and the list's count; one journal row for the page and one per nested field of a
 * declared entity that returned a record) and a write (`updateParticipant` of one field; one journal
 * row). Goals through `../goals`: median with the journal ≤ 1.10× without, for each. Also shown, not
 * a goal: a lighter page (nine fields and the consents, no count: the page of the runs before
 * 2026-12-05 11:30), on which the journal's fixed cost per request is a larger share. Exactness:
 * the "on" half wrote exactly one journal row per journaled event expected, the "off" half none —
 * the switch is real. Also shown: 8 concurrent writers of the same school (the chain head's row
 * lock orders a school's events). Every person of the school is in a base (mentors the teachers,
 * mentees the pupils), as in a school that runs its programme.
 * Writes the section «Access journal» of docs/benchmarks.md (a quick run writes nothing).
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { mintKeycloakToken } from '@nastavnik/platform/auth/keycloak-token';
import { loadConfig, pemBody } from '@nastavnik/platform/config/app-config';
import { closeRedisClient, createRedisClient } from '@nastavnik/platform/redis/redis-client';
import { deleteKeysWithPrefix } from '@nastavnik/testing/scratch';
import { migrateUp } from '../../db/migrate';
import { BenchGoals, mark } from '../goals';
import { createProductDatabase } from '@nastavnik/testing/product-database';

const ROOT = join(__dirname, '..', '..', '..');
const quick = process.argv.includes('--quick');
const DB = process.env.BENCH_DATABASE ?? 'nastavnik_bench_journal';
const SUPER = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = (role: string) => `postgres://${role}@127.0.0.1:5432/${DB}`;
const PEOPLE = 800;
const PAIRS = quick ? 100 : 400;
const WARMUP = 30;
const CONCURRENT = 8;
const LIMIT = 1.1;

type Halves = { on: number[]; off: number[] };
type Result = { samples: { list: Halves; light: Halves; write: Halves }; written: { on: number; off: number }; expected: number; nested: string[]; concurrent: { on: number; off: number }; total: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: SUPER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function seed(owner: Client): Promise<{ code: string; id: string; people: string[] }> {
  const code = `bj${randomBytes(3).toString('hex')}`;
  const [region] = (await owner.query(`insert into tenants (kind, code, path, full_name, short_name) values ('region', $1::text, $1::text::ltree, 'Регион', 'Регион') returning id, path::text as path`, [`r${code}`])).rows;
  const [town] = (await owner.query(`insert into tenants (kind, code, parent_id, path, full_name, short_name) values ('municipality', $1::text, $2, ($3 || '.' || $1::text)::ltree, 'Город', 'Город') returning id, path::text as path`, [`m${code}`, region.id, region.path])).rows;
  const [school] = (await owner.query(
    `insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type) values ('organisation', $1::text, $2, ($3 || '.' || $1::text)::ltree, 'Школа', 'Школа', 'school') returning id`,
    [code, town.id, town.path],
  )).rows;
  const surnames = ['Иванов', 'Петров', 'Сидоров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков'];
  const { rows } = await owner.query(
    `insert into participants (tenant_id, kind, last_name, first_name, middle_name, birth_date, grade, class_letter, phone)
     select $1, case when i % 5 = 0 then 'teacher' else 'student' end, ($2::text[])[1 + i % 10] || 'а', 'Имя', 'Отчество', date '2010-01-01' + i, case when i % 5 = 0 then null else 5 + i % 7 end,
            case when i % 5 = 0 then null else 'А' end, '+7999' || lpad(i::text, 7, '0')
       from generate_series(1, $3) i returning id`,
    [school.id, surnames, PEOPLE],
  );
  await owner.query(`insert into consents (tenant_id, participant_id, signed_by, signed_on, purposes) select $1, id, 'self', current_date - 30, '{processing,pairing,questionnaires}' from participants where tenant_id = $1`, [school.id]);
  // Everyone in a base, as in a school that runs its programme: teachers among the mentors, pupils among the mentees.
  await owner.query(
    `insert into participant_base_entries (tenant_id, participant_id, base, status, included_on, motivation)
     select $1, id, case when kind = 'teacher' then 'mentor' else 'mentee' end, 'potential', current_date - 20, 'Хочу участвовать'
       from participants where tenant_id = $1`,
    [school.id],
  );
  await owner.query(`analyze`);
  return { code, id: school.id, people: rows.map((r) => r.id) };
}

async function main(): Promise<void> {
  await admin(`drop database if exists ${DB} with (force)`);
  await createProductDatabase(SUPER, DB);
  await migrateUp(url('nastavnik_owner'));
  const owner = new Client({ connectionString: url('nastavnik_owner') });
  await owner.connect();
  const school = await seed(owner);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const prefix = `nastavnik-bench-journal-${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    DATABASE_URL: url('nastavnik_app'),
    MIGRATION_DATABASE_URL: url('nastavnik_owner'),
    INDICATORS_DATABASE_URL: url('nastavnik_indicators'),
    DATABASE_POOL_SIZE: '10',
    REDIS_PREFIX: prefix,
    METRICS_PORT: '0',
    WORKER_METRICS_PORT: '0',
    AUTH_MODE: 'keycloak',
    KEYCLOAK_URL: 'http://keycloak.bench',
    KEYCLOAK_REALM: 'mentoring',
    KEYCLOAK_CLIENT_ID: 'mentoring-api',
    KEYCLOAK_REALM_PUBLIC_KEY: pemBody(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
  const config = loadConfig(env);
  const token = mintKeycloakToken(privatePem, { username: 'curator.bench', displayName: 'Куратор', roles: ['curator'], tenantCode: school.code }, {
    issuer: 'http://keycloak.bench/realms/mentoring', audience: 'mentoring-api', ttlSeconds: 3600,
  });
  const input = { env, ownerUrl: url('nastavnik_owner'), token, tenantId: school.id, people: school.people, pairs: PAIRS, warmup: WARMUP, concurrent: CONCURRENT };
  try {
    const { stdout } = await promisify(execFile)('node', ['-r', './tools/register.cjs', 'apps/api/test/journal-bench-harness.ts'], {
      cwd: ROOT,
      env: { ...process.env, JOURNAL_BENCH_INPUT: JSON.stringify(input) },
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Result;
    const { samples, written: rows, concurrent } = result;
    // Per console page: the page and one row per nested journaled field that returned a record (the
    // harness counts them from each answer); per light page: the page and its consents; per write: one.
    const expected = { on: result.expected, off: 0 };
    const verify = result.total;
    const goals = new BenchGoals('bench-journal');
    const lines: string[] = [];
    const table: string[] = ['| request | journal off: median (p90) | journal on: median (p90) | on / off | goal |', '| --- | --- | --- | --- | --- |'];
    const kinds = [
      ['list', "curator's list page as the console asks it (25 people, every field, base entries, consents, erasures, the count)", true],
      ['light', 'a lighter page (25 people, nine fields and their consents; no count) — shown', false],
      ['write', 'write (updateParticipant, one field)', true],
    ] as const;
    for (const [name, label, goal] of kinds) {
      const off = median(samples[name].off);
      const on = median(samples[name].on);
      const ratio = on / off;
      const met = goal ? mark(goals.atMost(`${name}: median with the journal / without`, Number(ratio.toFixed(3)), LIMIT, '×')) : '—';
      table.push(`| ${label} | ${ms(off)} (${ms(quantile(samples[name].off, 0.9))}) | ${ms(on)} (${ms(quantile(samples[name].on, 0.9))}) | ${ratio.toFixed(3)}× | ${goal ? `${met} ≤ ${LIMIT}×` : 'shown'} |`);
    }
    goals.exact('journal rows: one per expected event with the journal on, none with it off', [
      ...(rows.on === expected.on ? [] : [`on: ${rows.on} rows written, ${expected.on} expected`]),
      ...(rows.off === 0 ? [] : [`off: ${rows.off} rows written, 0 expected`]),
    ]);
    const n = samples.list.on.length;
    const paired = (kind: 'list' | 'light' | 'write') => median(samples[kind].on.map((on, i) => on - samples[kind].off[i]));
    lines.push(
      `Run of ${new Date().toISOString().slice(0, 10)} on this machine (${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} at the end), ` +
        `one school of ${PEOPLE} people, each with a consent and a base entry; ${n} requests of each kind per half, alternating request by request after ${WARMUP} warm-ups; ` +
        `requests injected into the API's Fastify (the whole pipeline: token check, GraphQL, scoped transaction as the app role under forced RLS, commit).`,
      '',
      ...table,
      '',
      `Journal rows written: ${rows.on} in the "on" half (expected ${expected.on}: per console page the page and one per nested field of a declared entity that returned a record — of ${result.nested.join(', ')} — per light page 2, per write 1), ${rows.off} in the "off" half; ${verify} in all. ` +
        `Concurrency, shown and not a goal: ${CONCURRENT} writers of the same school at once — ${concurrent.on.toFixed(0)} writes/s with the journal, ${concurrent.off.toFixed(0)} without ` +
        `(a school's events queue on its chain head's row lock from the journal insert to the commit).`,
      `Median of the paired differences (each request with the journal minus its neighbour without): console page ${ms(paired('list'))}, light page ${ms(paired('light'))}, write ${ms(paired('write'))}.`,
      '',
      goals.summary(),
    );
    const output = lines.join('\n');
    console.log(output);
    if (!quick) writeSection(output);
    goals.finish();
  } finally {
    await owner.end();
    const redis = createRedisClient(config.redis, { name: 'bench-journal-cleanup' });
    await deleteKeysWithPrefix(redis, prefix).catch(() => undefined);
    await closeRedisClient(redis);
    await admin(`drop database if exists ${DB} with (force)`);
  }
}

/** Replaces (or appends) this bench's own section of docs/benchmarks.md; other sections are left as they are. */
function writeSection(body: string): void {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const heading = '## Access journal (issue 14: personal data)';
  const section = `${heading}\n\nWhat the access journal adds to a curator's requests (\`node -r ./tools/register.cjs tools/bench/journal/bench-journal.ts\`, method in the file's header: the same requests with the journal's recording switched on and off, interleaved).\n\n${body}\n`;
  const start = text.indexOf(heading);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  writeFileSync(file, text.slice(0, start) + section + (next < 0 ? '' : text.slice(next + 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

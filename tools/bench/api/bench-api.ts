/**
 * API bench (issue 15): `node -r ./tools/register.cjs tools/bench/api/bench-api.ts` — the product's
 * API as production starts it (built by `npm run build:api`, started by deploy/start-api.sh with its
 * V8 flags; development identity, JSON logs at `info`, metrics on), and
 * the bare server of ./bare-server.ts doing the same SQL in the same scoped transaction under RLS,
 * measured alternately in one run with autocannon on loopback: the curator's participants page
 * (25 rows with base entries, consents and the count, as curator.mish of the demo) at 10 and at 50
 * concurrent connections, two rounds each. Checks that both answer the same JSON, then prints
 * req/s, p50/p99, errors, the ratio product/bare and the API's peak RSS, and exits 1 when a goal is
 * missed (`../goals`). Needs the demo data (`npm run demo` or `npm run setup && npm run seed:demo`).
 * Writes docs/benchmarks-api.md; `--quick` runs 3 s rounds and writes nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { mintKeycloakToken } from '@nastavnik/platform/auth/keycloak-token';
import { DEV_USERS } from '@nastavnik/platform/auth/dev-users';
import { DEV_IDENTITY_DIR, loadConfig } from '@nastavnik/platform/config/app-config';
import { freePort } from '@nastavnik/testing/local-servers';
import { buildApp } from '../../build/build-worker';
import { BenchGoals, mark } from '../goals';
import { startBareServer } from './bare-server';

const ROOT = join(__dirname, '..', '..', '..');
const QUICK = process.argv.includes('--quick');
/** `--soak`: 5 minutes at 50 connections of mixed reads and writes instead of the comparison. */
const SOAK = process.argv.includes('--soak');
const SOAK_SECONDS = QUICK ? 30 : 300;
const SECONDS = QUICK ? 3 : 10;
const ROUNDS = 2;
const CONCURRENCY = [10, 50];
const CURATOR = 'curator.mish';
const PAGE_QUERY =
  'query ParticipantsPage { allParticipants(page: 0, perPage: 25, sortField: "lastName", sortOrder: "ASC") { id kind lastName firstName middleName birthDate grade classLetter hasValidConsent baseEntries { id base status } consents { id purposes signedOn revokedOn } } _allParticipantsMeta { count } }';

type Run = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(url: string, headers: Record<string, string>, body: string, connections: number, seconds: number): Promise<Run> {
  const result = await autocannon({ url, method: 'POST', headers, body, connections, duration: seconds });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function peakRssMb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function startProduct(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // The production start: the API built to JavaScript, with deploy/start-api.sh's V8 flags.
  buildApp('api');
  const child = spawn('sh', [join(ROOT, 'deploy', 'start-api.sh')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', METRICS_PORT: String(await freePort()), LOG_LEVEL: 'info', AUTH_MODE: 'dev', DEV_IDENTITY_DIR: loadConfig({ ...process.env, AUTH_MODE: 'dev' }).auth.devIdentityDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('the API did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, url: `${base}/graphql` };
}

/**
 * The soak: 50 connections for five minutes, each request in turn the participants page or an
 * update of one participant's notes (a write with its journal row), the API's RSS sampled every
 * 5 s. Goals: no error, and RSS at the end within 10 % of RSS after the first minute.
 */
async function soak(productUrl: string, pid: number, headers: Record<string, string>, ids: string[], say: (line?: string) => void, goals: BenchGoals): Promise<void> {
  const samples: { at: number; rss: number }[] = [];
  const started = Date.now();
  const timer = setInterval(() => samples.push({ at: (Date.now() - started) / 1000, rss: rssMb(pid) }), 5000);
  let n = 0;
  const update = 'mutation Note($id: ID!, $i: UpdateParticipantInput!) { updateParticipant(id: $id, input: $i) { id notes } }';
  const result = await autocannon({
    url: productUrl,
    method: 'POST',
    headers,
    connections: 50,
    duration: SOAK_SECONDS,
    requests: [
      { method: 'POST', body: JSON.stringify({ query: PAGE_QUERY }) },
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: update, variables: { id: ids[n++ % ids.length], i: { notes: `Замер нагрузки ${n}` } } }) }),
      },
    ],
  });
  clearInterval(timer);
  const afterMinute = samples.find((sample) => sample.at >= Math.min(60, SOAK_SECONDS / 5))?.rss ?? Number.NaN;
  const last = samples.at(-1)?.rss ?? Number.NaN;
  const growth = (last / afterMinute - 1) * 100;
  say(`## Soak: ${SOAK_SECONDS} s at 50 connections, reads and writes alternating`);
  say();
  say(`${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${result.errors + result.timeouts}, non-2xx ${result.non2xx}.`);
  say(`RSS after the first ${Math.min(60, SOAK_SECONDS / 5)} s: ${afterMinute.toFixed(0)} MB; at the end: ${last.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %); samples every 5 s: ${samples.map((x) => x.rss.toFixed(0)).join(', ')}.`);
  goals.atMost('soak: errors and non-2xx', result.errors + result.timeouts + result.non2xx, 0);
  goals.atMost('soak: RSS growth after the first minute', Number(growth.toFixed(1)), 10, '%');
}

async function compare(product: { child: ChildProcess; url: string }, bareUrl: string, headers: Record<string, string>, body: string, goals: BenchGoals, say: (line?: string) => void): Promise<void> {
    // Same answer, byte for byte, from both.
    const [a, b] = await Promise.all([product.url, bareUrl].map(async (url) => (await fetch(url, { method: 'POST', headers, body })).text()));
    goals.exact('the product and the bare server answer the same JSON', a === b ? [] : [`product: ${a.slice(0, 200)}…`, `bare: ${b.slice(0, 200)}…`]);
    // Warm-up: JIT, pools, caches.
    await load(product.url, headers, body, 10, 3);
    await load(bareUrl, headers, body, 10, 3);

    say(`# API bench: the curator's participants page, product vs bare Fastify + pg`);
    say();
    say(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (quick)' : ''}; ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the start; ${ROUNDS} alternating rounds of ${SECONDS} s per server and concurrency; autocannon on loopback.`);
    say();
    say('| concurrency | server | req/s | p50, ms | p99, ms | errors | non-2xx |');
    say('|---:|---|---:|---:|---:|---:|---:|');
    for (const connections of CONCURRENCY) {
      const runs: { product: Run[]; bare: Run[] } = { product: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.product.push(await load(product.url, headers, body, connections, SECONDS));
        runs.bare.push(await load(bareUrl, headers, body, connections, SECONDS));
      }
      const mean = (rs: Run[], key: keyof Run) => rs.reduce((sum, r) => sum + r[key], 0) / rs.length;
      for (const server of ['product', 'bare'] as const) {
        const rs = runs[server];
        say(`| ${connections} | ${server} | ${mean(rs, 'rps').toFixed(0)} | ${mean(rs, 'p50').toFixed(1)} | ${mean(rs, 'p99').toFixed(1)} | ${mean(rs, 'errors')} | ${mean(rs, 'non2xx')} |`);
      }
      const ratio = mean(runs.product, 'rps') / mean(runs.bare, 'rps');
      const met = goals.atLeast(`product/bare req/s at ${connections} concurrent`, Number(ratio.toFixed(2)), 0.5, '×');
      say(`| ${connections} | **ratio** | **${ratio.toFixed(2)}×** ${mark(met)} (goal ≥ 0.5×) | | | | |`);
      goals.atMost(`errors and non-2xx of the product at ${connections} concurrent`, runs.product.reduce((s, r) => s + r.errors + r.non2xx, 0), 0);
      if (connections === 10) goals.atMost('product p50 at 10 concurrent', Number(mean(runs.product, 'p50').toFixed(1)), 30, 'ms');
    }
    const rss = peakRssMb(product.child.pid!);
    const rssMet = goals.atMost("the API's peak RSS", Math.round(rss), 300, 'MB');
    say();
    say(`The API's peak RSS over the run: ${rss.toFixed(0)} MB ${mark(rssMet)} (goal ≤ 300 MB).`);
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, AUTH_MODE: 'dev' });
  const user = DEV_USERS.find((u) => u.username === CURATOR);
  if (!user) throw new Error(`no demo user ${CURATOR}`);
  const token = mintKeycloakToken(readFileSync(join(config.auth.devIdentityDir ?? DEV_IDENTITY_DIR, 'private.pem'), 'utf8'), user, {
    issuer: `${config.auth.keycloakUrl}/realms/${config.auth.realm}`,
    audience: config.auth.clientId,
    ttlSeconds: 3600,
  });
  const subject = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;
  const owner = new Pool({ connectionString: config.migrationDatabaseUrl, max: 1 });
  const tenant = (await owner.query<{ id: string; path: string; people: number }>(`select t.id, t.path::text as path, (select count(*)::int from participants p where p.tenant_id = t.id) as people from tenants t where t.code = $1`, [user.tenantCode])).rows[0];
  await owner.end();
  if (!tenant || tenant.people < 25) throw new Error(`the demo school «${user.tenantCode}» has no participants: run npm run seed:demo first`);

  const product = await startProduct({});
  const bare = await startBareServer(config.databaseUrl, { tenantId: tenant.id, tenantPath: tenant.path, actor: subject, actorName: user.username }, config.databasePoolSize);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const body = JSON.stringify({ query: PAGE_QUERY });
  const goals = new BenchGoals('api');
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  try {
    if (SOAK) {
      const ids = ((await (await fetch(product.url, { method: 'POST', headers, body })).json()) as { data: { allParticipants: { id: string }[] } }).data.allParticipants.map((p) => p.id);
      say(`# API soak`);
      say();
      say(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (quick)' : ''}; ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the start.`);
      say();
      await soak(product.url, product.child.pid!, headers, ids, say, goals);
    } else {
      await compare(product, bare.url, headers, body, goals, say);
    }
  } finally {
    product.child.kill('SIGTERM');
    await bare.close();
  }
  const ok = goals.finish();
  say();
  say(goals.summary());
  if (!QUICK) writeFileSync(join(ROOT, 'docs', SOAK ? 'benchmarks-api-soak.md' : 'benchmarks-api.md'), `${lines.join('\n')}\n`);
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

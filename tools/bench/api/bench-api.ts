/**
 * API bench (issue 15): `node -r ./tools/register.cjs tools/bench/api/bench-api.ts` — the product's
 * API as production starts it (built by `npm run build:api`, started by deploy/start-api.sh with its
 * V8 flags; development identity, JSON logs at `info`, metrics on), and
 * the bare server of ./bare-server.ts doing the same SQL in the same scoped transaction under RLS,
 * measured alternately in one run with autocannon on loopback, at 10 and at 50 concurrent
 * connections, two rounds each, on four paths:
 *  - the curator's participants page (25 rows with base entries, consents and the count, as
 *    curator.mish of the demo);
 *  - the curator's pairs list (25 pairs with their mentees and titles, the count, as the console's
 *    list asks it: every scalar field);
 *  - the region analyst's comparison (analyst.demo: `indicatorComparison` and `indicatorTrend` of
 *    N1 for the current school year, the document of the console's regional dashboard);
 *  - one mutation: updateParticipant's notes, each request another text on one of the page's 25
 *    people in turn.
 * Checks that both answer the same JSON byte for byte, then prints per path req/s, p50/p99,
 * errors, the ratio product/bare and the API's peak RSS, and exits 1 when a goal is missed
 * (`../goals`): ≥ 0.5× for the page and the comparison at both concurrencies, the page's p50 at 10,
 * no error anywhere. Needs the demo data (`npm run demo` or `npm run setup && npm run seed:demo`);
 * the region's snapshots of the current year are computed first when it has none, as the worker's
 * nightly job would, and the database analysed. Each server warms up for 15 s per path (3 s with
 * `--quick`). Writes docs/benchmarks-api.md; `--quick` runs 3 s rounds and writes nothing;
 * `--only=page,comparison` measures those paths only (and writes nothing).
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
import { IndicatorEngine } from '@nastavnik/monitoring/indicator-engine';
import { BenchGoals, mark } from '../goals';
import { startBareServer } from './bare-server';

const ROOT = join(__dirname, '..', '..', '..');
const QUICK = process.argv.includes('--quick');
/** `--soak`: 5 minutes at 50 connections of mixed reads and writes instead of the comparison. */
const SOAK = process.argv.includes('--soak');
const SOAK_SECONDS = QUICK ? 30 : 300;
const SECONDS = QUICK ? 3 : 10;
const ROUNDS = 2;
/** Each server's warm-up per path, at 10 connections, before its rounds. */
const WARM_SECONDS = QUICK ? 3 : 15;
const CONCURRENCY = [10, 50];
const CURATOR = 'curator.mish';
const ANALYST = 'analyst.demo';
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const PAGE_QUERY =
  'query ParticipantsPage { allParticipants(page: 0, perPage: 25, sortField: "lastName", sortOrder: "ASC") { id kind lastName firstName middleName birthDate grade classLetter hasValidConsent baseEntries { id base status } consents { id purposes signedOn revokedOn } } _allParticipantsMeta { count } }';

/** The console's pairs list: every scalar field of the type, newest first, with the count. */
const PAIRS_QUERY =
  'query PairsPage($filter: MentoringPairFilter) { allMentoringPairs(page: 0, perPage: 25, sortField: "createdAt", sortOrder: "DESC", filter: $filter) { id createdAt directionId endComment endDate endReason fixingOrderId formationMethod kind menteeIds mentorId programmeId result roleModelId startDate status tenantId title updatedAt warnings } _allMentoringPairsMeta(filter: $filter) { count } }';
/** The regional dashboard's document (apps/console/src/indicators/RegionIndicators.tsx). */
const AGGREGATE = 'tenantId name numerator denominator value organisations';
const VALUE_FIELDS = 'code tenantId tenantName municipalityName numerator denominator value target belowTarget rank computedAt denominatorSource';
const COMPARISON_QUERY = `query Comparison($period: String!, $code: String!) {
        indicatorComparison(period: $period, code: $code) {
          indicator { code shortTitle title unit defaultTarget } target
          total { ${AGGREGATE} } municipalities { ${AGGREGATE} } organisations { ${VALUE_FIELDS} }
        }
        indicatorTrend(code: $code) { period numerator denominator value organisations }
      }`;
const NOTE_MUTATION = 'mutation Note($id: ID!, $i: UpdateParticipantInput!) { updateParticipant(id: $id, input: $i) { id notes } }';

/** The school year the console opens on (its currentAcademicYear): from September. */
function currentAcademicYear(now = new Date()): string {
  const start = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}/${start + 1}`;
}

type Run = { rps: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number };
/** A path of the bench: whose token, a fixed body (reads) or a new body per request (the mutation), and its goal. */
type BenchPath = { key: string; title: string; headers: Record<string, string>; body: () => string; varies: boolean; goal: boolean };

async function load(url: string, path: BenchPath, connections: number, seconds: number): Promise<Run> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: path.headers,
    connections,
    duration: seconds,
    ...(path.varies ? { requests: [{ method: 'POST' as const, setupRequest: (request: object) => ({ ...request, body: path.body() }) }] } : { body: path.body() }),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, timeouts: result.timeouts, non2xx: result.non2xx };
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
  say(`${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${result.errors + result.timeouts} (of which no answer within autocannon's 10 s: ${result.timeouts}), non-2xx ${result.non2xx}.`);
  say(`RSS after the first ${Math.min(60, SOAK_SECONDS / 5)} s: ${afterMinute.toFixed(0)} MB; at the end: ${last.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %); samples every 5 s: ${samples.map((x) => x.rss.toFixed(0)).join(', ')}.`);
  goals.atMost('soak: errors and non-2xx', result.errors + result.timeouts + result.non2xx, 0);
  goals.atMost('soak: RSS growth after the first minute', Number(growth.toFixed(1)), 10, '%');
}

async function compare(product: { child: ChildProcess; url: string }, bareUrl: string, paths: BenchPath[], goals: BenchGoals, say: (line?: string) => void): Promise<void> {
  say(`# API bench: the product vs bare Fastify + pg, path by path`);
  say();
  say(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (quick)' : ''}; ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the start; ${WARM_SECONDS} s of warm-up per server and path, then ${ROUNDS} alternating rounds of ${SECONDS} s per server and concurrency; autocannon on loopback.`);
  for (const path of paths) {
    // Same answer, byte for byte, from both (the mutation: the same new text, sent to each in turn).
    const body = path.body();
    const answers: string[] = [];
    for (const url of [product.url, bareUrl]) answers.push(await (await fetch(url, { method: 'POST', headers: path.headers, body })).text());
    const [a, b] = answers;
    goals.exact(`${path.key}: the product and the bare server answer the same JSON`, a === b && a.startsWith('{"data"') ? [] : [`product: ${a.slice(0, 300)}…`, `bare: ${b.slice(0, 300)}…`]);
    // Warm-up: JIT, pools, caches, kept plans — the steady state of a server that has been up for a
    // while. 3 s left the product's first round partly before V8 had optimised its hot functions.
    await load(product.url, path, 10, WARM_SECONDS);
    await load(bareUrl, path, 10, WARM_SECONDS);
    say();
    say(`## ${path.title}`);
    say();
    say('| concurrency | server | req/s | p50, ms | p99, ms | errors (no answer in 10 s) | non-2xx |');
    say('|---:|---|---:|---:|---:|---:|---:|');
    for (const connections of CONCURRENCY) {
      const runs: { product: Run[]; bare: Run[] } = { product: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.product.push(await load(product.url, path, connections, SECONDS));
        runs.bare.push(await load(bareUrl, path, connections, SECONDS));
      }
      const mean = (rs: Run[], key: keyof Run) => rs.reduce((sum, r) => sum + r[key], 0) / rs.length;
      for (const server of ['product', 'bare'] as const) {
        const rs = runs[server];
        say(`| ${connections} | ${server} | ${mean(rs, 'rps').toFixed(0)} | ${mean(rs, 'p50').toFixed(1)} | ${mean(rs, 'p99').toFixed(1)} | ${mean(rs, 'errors')} (${mean(rs, 'timeouts')}) | ${mean(rs, 'non2xx')} |`);
      }
      const ratio = mean(runs.product, 'rps') / mean(runs.bare, 'rps');
      if (path.goal) {
        const met = goals.atLeast(`${path.key}: product/bare req/s at ${connections} concurrent`, Number(ratio.toFixed(2)), 0.5, '×');
        say(`| ${connections} | **ratio** | **${ratio.toFixed(2)}×** ${mark(met)} (goal ≥ 0.5×) | | | | |`);
      } else {
        say(`| ${connections} | **ratio** | **${ratio.toFixed(2)}×** (no goal) | | | | |`);
      }
      goals.atMost(`${path.key}: errors and non-2xx of the product at ${connections} concurrent`, runs.product.reduce((s, r) => s + r.errors + r.non2xx, 0), 0);
      goals.atMost(`${path.key}: errors and non-2xx of the bare server at ${connections} concurrent`, runs.bare.reduce((s, r) => s + r.errors + r.non2xx, 0), 0);
      if (path.key === 'page' && connections === 10) goals.atMost('page: product p50 at 10 concurrent', Number(mean(runs.product, 'p50').toFixed(1)), 30, 'ms');
    }
  }
  const rss = peakRssMb(product.child.pid!);
  const rssMet = goals.atMost("the API's peak RSS", Math.round(rss), 300, 'MB');
  say();
  say(`The API's peak RSS over the run: ${rss.toFixed(0)} MB ${mark(rssMet)} (goal ≤ 300 MB).`);
}

/** The demo region's snapshots of `period`, computed as the worker's nightly job would when there are none. */
async function ensureSnapshots(owner: Pool, regionPath: string, period: string): Promise<void> {
  const { n } = (await owner.query<{ n: number }>(`select count(*)::int as n from indicator_snapshots where period = $1 and tenant_path <@ $2::ltree`, [period, regionPath])).rows[0];
  if (n > 0) return;
  const engine = new IndicatorEngine(loadConfig());
  try {
    await engine.recompute({ path: regionPath }, period);
  } finally {
    await engine.onModuleDestroy();
  }
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, AUTH_MODE: 'dev' });
  const key = readFileSync(join(config.auth.devIdentityDir ?? DEV_IDENTITY_DIR, 'private.pem'), 'utf8');
  const signIn = (username: string) => {
    const user = DEV_USERS.find((u) => u.username === username);
    if (!user?.tenantCode) throw new Error(`no demo user ${username}`);
    const token = mintKeycloakToken(key, user, { issuer: `${config.auth.keycloakUrl}/realms/${config.auth.realm}`, audience: config.auth.clientId, ttlSeconds: 3600 });
    const subject = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;
    return { user: { ...user, tenantCode: user.tenantCode }, token, subject, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
  };
  const curator = signIn(CURATOR);
  const analyst = signIn(ANALYST);
  const period = currentAcademicYear();
  const owner = new Pool({ connectionString: config.migrationDatabaseUrl, max: 1 });
  const tenantOf = async (code: string) =>
    (await owner.query<{ id: string; path: string; people: number }>(`select t.id, t.path::text as path, (select count(*)::int from participants p where p.tenant_id = t.id) as people from tenants t where t.code = $1`, [code])).rows[0];
  const school = await tenantOf(curator.user.tenantCode);
  const region = await tenantOf(analyst.user.tenantCode);
  if (!school || school.people < 25 || !region) throw new Error(`the demo school «${curator.user.tenantCode}» has no participants: run npm run seed:demo first`);
  await ensureSnapshots(owner, region.path, period);
  // Statistics, as autovacuum leaves a live database (this machine's CI configuration turns it
  // off): without them the planner estimates one row per school and plans the page otherwise.
  await owner.query('analyze');
  await owner.end();

  const product = await startProduct({});
  const bare = await startBareServer(
    config.databaseUrl,
    {
      curator: { role: 'curator', tenantId: school.id, tenantPath: school.path, actor: curator.subject, actorName: curator.user.username },
      analyst: { role: 'region-analyst', tenantId: region.id, tenantPath: region.path, actor: analyst.subject, actorName: analyst.user.username },
    },
    config.databasePoolSize,
  );
  const pageBody = JSON.stringify({ query: PAGE_QUERY });
  const goals = new BenchGoals('api');
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  try {
    const ids = ((await (await fetch(product.url, { method: 'POST', headers: curator.headers, body: pageBody })).json()) as { data: { allParticipants: { id: string }[] } }).data.allParticipants.map((p) => p.id);
    if (SOAK) {
      say(`# API soak`);
      say();
      say(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (quick)' : ''}; ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the start.`);
      say();
      await soak(product.url, product.child.pid!, curator.headers, ids, say, goals);
    } else {
      let n = 0;
      const paths: BenchPath[] = [
        { key: 'page', title: "The curator's participants page (25 rows with base entries, consents, the count)", headers: curator.headers, body: () => pageBody, varies: false, goal: true },
        { key: 'pairs', title: "The curator's pairs list (25 pairs, every scalar field, mentees and titles, the count)", headers: curator.headers, body: () => JSON.stringify({ query: PAIRS_QUERY, variables: { filter: {} } }), varies: false, goal: false },
        { key: 'comparison', title: `The region analyst's comparison (N1, ${period}, with the trend: the regional dashboard's document)`, headers: analyst.headers, body: () => JSON.stringify({ query: COMPARISON_QUERY, variables: { period, code: 'N1' } }), varies: false, goal: true },
        {
          key: 'mutation',
          title: "A mutation: updateParticipant's notes (one of the page's 25 people in turn, a new text each time)",
          headers: curator.headers,
          body: () => {
            n += 1;
            return JSON.stringify({ query: NOTE_MUTATION, variables: { id: ids[n % ids.length], i: { notes: `Замер нагрузки ${n}` } } });
          },
          varies: true,
          goal: false,
        },
      ];
      await compare(product, bare.url, paths.filter((path) => !ONLY || ONLY.includes(path.key)), goals, say);
    }
  } finally {
    product.child.kill('SIGTERM');
    await bare.close();
  }
  const ok = goals.finish();
  say();
  say(goals.summary());
  if (!QUICK && !ONLY) writeFileSync(join(ROOT, 'docs', SOAK ? 'benchmarks-api-soak.md' : 'benchmarks-api.md'), `${lines.join('\n')}\n`);
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

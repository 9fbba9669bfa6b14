/**
 * Reports benchmark, one run. The worker runs as in production — a process of its own started by
 * `deploy/start-worker.sh` (the JavaScript built by `npm run build:worker`, the deploy's V8 flags)
 * against a scratch database `nastavnik_bench_reports` and its own Redis prefix. This process is
 * the API side: it requests reports through `ReportService` (row + BullMQ job) under a
 * curator's / region analyst's scope and waits for the worker. Beside it, a second process with
 * the same node flags and the same built modules (`pdfmake-alone.cjs`) renders the same finished
 * document definitions with pdfmake alone. The two are interleaved run by run, after warm-ups.
 *
 *   node -r ./tools/register.cjs tools/bench/reports/bench-reports.ts [--quick] [--screenshots] [--production-only] [--flags '<node flags>']…
 *
 * Each worker configuration gets its own pair of processes: the production start's flags, V8's
 * defaults (WORKER_NODE_FLAGS=''), and any `--flags` given. The worker's peak memory is its
 * VmHWM (/proc/<pid>/status). Writes docs/benchmarks-reports.md (BENCH_APPEND=1 appends); with
 * --screenshots also docs/screenshots/report-*.png (pdftoppm -png -r 60 -f 1 -l 1 -singlefile).
 *
 * The goals (request → done ≤ 150 ms / 2 s and ≤ 1.3× pdfmake alone; worker peak ≤ 250 MB) are
 * checked through `../goals` for the production start, the configuration that ships; the other
 * configurations are comparisons and their misses are shown, not counted. A miss is named on
 * stderr after the output and the exit code is 1; BENCH_FORCE_MISS=1 makes every goal impossible,
 * to prove that. `--quick`: the production start only (as --production-only), one extract,
 * database `nastavnik_bench_reports_quick`, nothing written under docs/ — about half the time of a
 * full run, with the same goals.
 */
import 'reflect-metadata';
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { closeRedisClient, createRedisClient } from '@nastavnik/platform/redis/redis-client';
import { QueueModule } from '@nastavnik/platform/queue/queue.module';
import { QUEUES, type QueueName, queuePrefix } from '@nastavnik/platform/queue/queues';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportDataService } from '@nastavnik/reporting/report-data.service';
import type { ReportFileEntity } from '@nastavnik/reporting/report-file.entity';
import { reportJobId } from '@nastavnik/reporting/report-request';
import { deleteKeysWithPrefix } from '@nastavnik/testing/scratch';
import { ReportService } from '@nastavnik/reporting/report.service';
import { ReportingCoreModule } from '@nastavnik/reporting/reporting.module';
import { migrateUp } from '../../db/migrate';
import { buildWorker } from '../../build/build-worker';
import { BenchGoals } from '../goals';
import { createProductDatabase } from '@nastavnik/testing/product-database';

const ROOT = join(__dirname, '..', '..', '..');
const quick = process.argv.includes('--quick');
const DB = process.env.BENCH_DATABASE ?? (quick ? 'nastavnik_bench_reports_quick' : 'nastavnik_bench_reports');
const SUPER = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = (role: string) => `postgres://${role}@127.0.0.1:5432/${DB}`;
const PERIOD = '2022/2023';
// A quick run keeps the full region and the run counts: a smaller region makes the platform's
// fixed cost a larger share of a shorter render (60 organisations: 1.8× pdfmake alone against
// 1.1× at 1,200), and a median of few runs on a shared machine is noise. It saves the second
// worker configuration and the extracts instead.
const ORGS = 1200;
const MUNICIPALITIES = 60;
const SCHOOL_RUNS = 31;
const REGION_RUNS = 11;
const EXTRACT_RUNS = quick ? 1 : 5;
const WARMUP = 3;
const screenshots = !quick && process.argv.includes('--screenshots'); // a quick run writes nothing under docs/
const productionOnly = quick || process.argv.includes('--production-only');
const extraFlags = process.argv.flatMap((arg, i) => (arg === '--flags' ? [process.argv[i + 1]] : []));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const mb = (kib: number) => (kib * 1024) / 1e6;

/** VmHWM (peak resident set since start) and VmRSS of a process, in KiB. */
function memoryOf(pid: number): { hwm: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { hwm: kib('VmHWM'), rss: kib('VmRSS') };
}

/** CPU time of every thread of a process so far, in ms (schedstat: nanoseconds on CPU). */
function cpuMsOf(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns / 1e6;
}

async function generate(owner: Client): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => owner.query(sql, params);
  await q(`insert into tenants (kind, code, path, full_name, short_name) values ('region', 'bench', 'bench'::ltree, 'Нагрузочная область', 'Нагрузочная область')`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name)
           select 'municipality', 'bm' || m, (select id from tenants where code = 'bench'), ('bench.bm' || m)::ltree, 'Муниципальный округ ' || m, 'МО ' || m
             from generate_series(1, ${MUNICIPALITIES}) m`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type)
           select 'organisation', 'bs' || s, mu.id, (mu.path::text || '.bs' || s)::ltree,
                  case when s = 1 then 'Муниципальное бюджетное общеобразовательное учреждение «Мишкинская средняя общеобразовательная школа»' else 'МБОУ «Средняя школа № ' || s || '»' end,
                  case when s = 1 then 'МБОУ «Мишкинская СОШ»' else 'Школа № ' || s end, 'school'
             from generate_series(1, ${ORGS}) s join tenants mu on mu.code = 'bm' || (1 + (s - 1) % ${MUNICIPALITIES})`);
  // Snapshots of every organisation: T1–T4, N1, M1–M5, counts and meetings by direction.
  const percent: Record<string, [string, string]> = {
    T1: ['30 + (n * 7) % 70', '108'], T2: ['(n * 3) % 10', '100'], T3: ['20 + (n * 11) % 40', '59'], T4: ['4 + (n * 5) % 8', '12'], N1: ['60 + (n * 13) % 100', '170'],
    M1: ['55', '167'], M2: ['4', '31'], M3: ['15', '188'], M5: ['15', '188'],
  };
  for (const [code, [num, den]] of Object.entries(percent)) {
    await q(`insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
             select id, path, $1, $2, least(${num}, ${den}), ${den}, gen_random_uuid()
               from (select id, path, row_number() over (order by code) as n from tenants where kind = 'organisation') o`, [PERIOD, code]);
  }
  const counts: Record<string, string> = { MENTORS: '12 + n % 9', MENTEES: '40 + n % 30' };
  for (let d = 1; d <= 11; d += 1) {
    const dir = `D${String(d).padStart(2, '0')}`;
    counts[`MEET.ORG.${dir}`] = `(n * ${d}) % 25`;
    counts[`MEET.TRIAL.${dir}`] = `(n * ${d + 3}) % 25`;
  }
  for (const [code, num] of Object.entries(counts)) {
    await q(`insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
             select id, path, $1, $2, ${num}, null, gen_random_uuid()
               from (select id, path, row_number() over (order by code) as n from tenants where kind = 'organisation') o`, [PERIOD, code]);
  }
  // Seed 004's golden values for the Mishkinskaya school (SEEDS-DOMAIN §8.2, §8.4).
  const golden: Record<string, [number, number | null]> = {
    T1: [55, 108], T2: [3, 100], T3: [33, 59], T4: [8, 12], MENTORS: [15, null], MENTEES: [59, null],
    'MEET.ORG.D01': [4, null], 'MEET.TRIAL.D01': [4, null], 'MEET.ORG.D04': [16, null], 'MEET.TRIAL.D04': [16, null], 'MEET.ORG.D06': [5, null], 'MEET.TRIAL.D06': [5, null],
    'MEET.ORG.D07': [24, null], 'MEET.TRIAL.D07': [24, null], 'MEET.ORG.D10': [4, null], 'MEET.TRIAL.D10': [4, null],
  };
  for (let d = 1; d <= 11; d += 1) for (const k of ['ORG', 'TRIAL']) golden[`MEET.${k}.D${String(d).padStart(2, '0')}`] ??= [0, null];
  for (const [code, [num, den]] of Object.entries(golden)) {
    await q(`update indicator_snapshots set numerator = $3, denominator = $4 where tenant_id = (select id from tenants where code = 'bs1') and period = $1 and indicator_code = $2`, [PERIOD, code, num, den]);
  }
  // A 30-item roadmap for the school report's execution table.
  const school = (await q(`select id from tenants where code = 'bs1'`)).rows[0].id;
  const roadmap = (await q(`insert into roadmaps (tenant_id, title, academic_year, period_text) values ($1, 'Дорожная карта внедрения целевой модели наставничества', $2, '2023–2026') returning id`, [school, PERIOD])).rows[0].id;
  const activities = ['Издание приказа о внедрении целевой модели наставничества', 'Анкетирование потенциальных наставляемых', 'Формирование базы наставников', 'Обучение наставников', 'Формирование наставнических пар', 'Организационная встреча наставника и наставляемого'];
  const statuses = ['done', 'done', 'done', 'in_progress', 'planned', 'not_done'];
  for (let i = 1; i <= 30; i += 1) {
    await q(
      `insert into roadmap_items (tenant_id, roadmap_id, number, position, activity, schedule_text, responsible, status, execution_result)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [school, roadmap, String(i), i, `${activities[i % activities.length]} (этап ${1 + (i % 7)})`, ['сентябрь', 'октябрь', 'ноябрь', 'январь'][i % 4], 'куратор', statuses[i % 6], statuses[i % 6] === 'done' ? `Выполнено: ${10 + i} участников` : null],
    );
  }
}

type Message = { type: string; ms?: number; engineMs?: number; engineBytes?: number; pdf?: Uint8Array | null; bytes?: number; denied?: number; message?: string };

/** Sends a message to the pdfmake-alone process and waits for its answer. */
function ask(child: ChildProcess, message: object): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: Message) => {
      child.off('exit', onExit);
      if (answer.type === 'error') reject(new Error(answer.message));
      else resolve(answer);
    };
    const onExit = (code: number | null) => reject(new Error(`pdfmake-alone exited (${code})`));
    child.once('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}

type Pair = { alone: number; engine: number; job: number; client: number; aloneCpu: number; workerCpu: number };
type Phase = { runs: Pair[]; hwmAfter: number; rssAfter: number; pdf: Buffer; alonePdfBytes: number };
type ConfigResult = {
  label: string;
  flags: string;
  idle: { hwm: number; rss: number };
  aloneIdle: number;
  school: Phase;
  region: Phase;
  extract: { job: number[]; client: number[]; hwmAfter: number; bytes: number };
  aloneHwm: number;
  load: [number, number];
  denied: number;
};

async function main(): Promise<void> {
  const admin = new Client({ connectionString: SUPER });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
  await createProductDatabase(SUPER, DB);
  await migrateUp(url('nastavnik_owner'));
  const owner = new Client({ connectionString: url('nastavnik_owner') });
  await owner.connect();
  const setupStart = Date.now();
  await generate(owner);
  await owner.query('analyze'); // as autovacuum would after a bulk load; without statistics the planner nests loops
  const setupMs = Date.now() - setupStart;

  const built = buildWorker();
  const prefix = `bench-reports-${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // Production refuses the development signing secret of unsubscribe links; the bench sends no mail.
    NOTIFICATIONS_SECRET: process.env.NOTIFICATIONS_SECRET ?? 'bench-reports-secret',
    AUTH_MODE: 'keycloak',
    DATABASE_URL: url('nastavnik_app'),
    MIGRATION_DATABASE_URL: url('nastavnik_owner'),
    INDICATORS_DATABASE_URL: url('nastavnik_indicators'),
    REDIS_PREFIX: prefix,
  };
  const config = loadConfig(env);

  // The API side: the report service and the queues' producers, no consumers.
  @Module({ imports: [PlatformModule.forRoot(config), QueueModule, ReportingCoreModule] })
  class BenchApiModule {}
  const app: INestApplicationContext = await NestFactory.createApplicationContext(BenchApiModule, { logger: ['error'] });
  await app.init();
  const context = app.get(TenantContext);
  const reports = app.get(ReportService);
  const data = app.get(ReportDataService);
  const queues = app.get(JobQueues);

  const ids = (await owner.query(`select (select id from tenants where code = 'bs1') as school, (select path::text from tenants where code = 'bs1') as path, (select id from tenants where code = 'bench') as region`)).rows[0];
  const curator: Scope = { role: 'curator', tenantId: ids.school, tenantPath: ids.path, allTenants: false, actor: 'bench' };
  const analyst: Scope = { role: 'region-analyst', tenantId: ids.region, tenantPath: 'bench', allTenants: false, actor: 'bench' };
  const official: Scope = { role: 'ministry-official', tenantId: null, tenantPath: null, allTenants: true, actor: 'bench' };
  // The data pdfmake alone draws: gathered once, under the same scopes, by the same service.
  const schoolData = await context.runInScope(curator, () => data.school(PERIOD, ids.school));
  const regionData = await context.runInScope(analyst, () => data.region(PERIOD, ids.region, ['T1', 'T2', 'T3', 'T4']));

  // Completion as the API side sees it: BullMQ's events stream (no polling of the database).
  type Finished = { at: bigint; failed?: string };
  const finished = new Map<string, Finished>();
  const waiting = new Map<string, (done: Finished) => void>();
  const onFinished = (jobId: string, done: Finished) => {
    const waiter = waiting.get(jobId);
    waiting.delete(jobId);
    if (waiter) waiter(done);
    else finished.set(jobId, done);
  };
  const events = new Map<QueueName, QueueEvents>();
  const eventsClient = createRedisClient(config.redis, { name: 'bench-events' });
  for (const name of [QUEUES.reports, QUEUES.extracts] as const) {
    const queueEvents = new QueueEvents(name, { connection: eventsClient, prefix: queuePrefix(prefix, name) });
    queueEvents.on('completed', ({ jobId }) => onFinished(jobId, { at: process.hrtime.bigint() }));
    queueEvents.on('failed', ({ jobId, failedReason }) => onFinished(jobId, { at: process.hrtime.bigint(), failed: failedReason }));
    await queueEvents.waitUntilReady();
    events.set(name, queueEvents);
  }

  /** One request through the real path; returns the worker's job time and the client's wait. */
  const requestOnce = async (queue: QueueName, scope: Scope, request: () => Promise<ReportFileEntity>, keep = false) => {
    const start = process.hrtime.bigint();
    const row = await context.runInScope(scope, request);
    const jobId = reportJobId(row.paramsHash);
    // No polling while the worker works: the events handler wakes this request up.
    const done = finished.get(jobId) ?? (await new Promise<Finished>((resolve) => waiting.set(jobId, resolve)));
    finished.delete(jobId);
    if (done.failed) throw new Error(`job ${jobId} failed: ${done.failed}`);
    const client = Number(done.at - start) / 1e6;
    const job = await queues.get(queue).getJob(jobId);
    if (!job?.processedOn || !job.finishedOn) throw new Error(`job ${jobId} has no timestamps`);
    const jobMs = job.finishedOn - job.processedOn;
    const file = keep ? ((await owner.query(`select file_bytes from report_files where id = $1`, [row.id])).rows[0].file_bytes as Buffer) : null;
    // A fresh request next time: the same parameters on the same day would share this row.
    await job.remove();
    await owner.query(`delete from report_files where id = $1`, [row.id]);
    return { job: jobMs, client, file };
  };

  const runConfig = async (label: string, flags: string | undefined): Promise<ConfigResult> => {
    const load0 = loadavg()[0];
    const { WORKER_NODE_FLAGS: _inherited, ...base } = env;
    const worker = spawn('sh', [join(ROOT, 'deploy', 'start-worker.sh')], {
      cwd: ROOT,
      env: flags === undefined ? base : { ...base, WORKER_NODE_FLAGS: flags },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    worker.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const pid = worker.pid as number;
    const deadline = Date.now() + 30_000;
    while (!log.includes('worker started')) {
      if (worker.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start:\n${log}`);
      await sleep(20);
    }
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const nodeFlags = argv.slice(1, argv.findIndex((a) => a.endsWith('main.js')));
    await sleep(500);
    const idle = memoryOf(pid);

    const alone = fork(join(__dirname, 'pdfmake-alone.cjs'), [built.outDir], { execArgv: nodeFlags, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise((resolve) => alone.once('message', resolve));
    await ask(alone, { type: 'data', kind: 'school', data: schoolData });
    await ask(alone, { type: 'data', kind: 'region', data: regionData });
    const alonePid = alone.pid as number;
    const aloneIdle = memoryOf(alonePid).hwm;

    const phase = async (kind: 'school' | 'region', runs: number): Promise<Phase> => {
      const request = kind === 'school'
        ? () => requestOnce(QUEUES.reports, curator, () => reports.requestSchoolReport({ period: PERIOD }), true)
        : () => requestOnce(QUEUES.reports, analyst, () => reports.requestRegionReport({ period: PERIOD, parentId: ids.region }), true);
      const render = () => ask(alone, { type: 'render', kind, keep: false });
      for (let i = 0; i < WARMUP; i += 1) {
        await request();
        await render();
      }
      const pairs: Pair[] = [];
      let pdf: Buffer = Buffer.alloc(0);
      let alonePdfBytes = 0;
      for (let i = 0; i < runs; i += 1) {
        // Alternate which goes first, so neither always follows the other's garbage.
        let alone: Message;
        let e2e: Awaited<ReturnType<typeof request>>;
        let aloneCpu = -cpuMsOf(alonePid);
        let workerCpu = -cpuMsOf(pid);
        if (i % 2 === 0) {
          alone = await render();
          aloneCpu += cpuMsOf(alonePid);
          e2e = await request();
          workerCpu += cpuMsOf(pid);
        } else {
          e2e = await request();
          workerCpu += cpuMsOf(pid);
          alone = await render();
          aloneCpu += cpuMsOf(alonePid);
        }
        pairs.push({ alone: alone.ms as number, engine: alone.engineMs as number, job: e2e.job, client: e2e.client, aloneCpu, workerCpu });
        pdf = e2e.file as Buffer;
        alonePdfBytes = alone.bytes as number;
      }
      const after = memoryOf(pid);
      return { runs: pairs, hwmAfter: after.hwm, rssAfter: after.rss, pdf, alonePdfBytes };
    };
    const school = await phase('school', SCHOOL_RUNS);
    const region = await phase('region', REGION_RUNS);

    // Extracts go to their own queue; ExcelJS is loaded on the first XLSX.
    const extract = { job: [] as number[], client: [] as number[], hwmAfter: 0, bytes: 0 };
    for (let i = 0; i < EXTRACT_RUNS + 1; i += 1) {
      const r = await requestOnce(QUEUES.extracts, official, () => reports.requestExtract({ formCode: 'MENTORING-R145', period: PERIOD, regionId: ids.region, format: 'xlsx' }), true);
      if (i === 0) continue; // warm-up
      extract.job.push(r.job);
      extract.client.push(r.client);
      extract.bytes = (r.file as Buffer).length;
    }
    extract.hwmAfter = memoryOf(pid).hwm;
    const aloneHwm = memoryOf(alone.pid as number).hwm;
    const denied = (await ask(alone, { type: 'render', kind: 'school' })).denied as number;
    alone.kill();
    worker.kill('SIGTERM');
    await new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once('exit', resolve)));
    return { label, flags: nodeFlags.join(' '), idle, aloneIdle, school, region, extract, aloneHwm, load: [load0, loadavg()[0]], denied };
  };

  // For comparison: the worker started from source (`npm run start:worker`: TypeScript compiled
  // on load by swc), idle, with the same flags as the production start.
  const sourceIdle = await (async () => {
    const startFlags = /flags=\$\{WORKER_NODE_FLAGS-'([^']*)'\}/.exec(readFileSync(join(ROOT, 'deploy', 'start-worker.sh'), 'utf8'))?.[1] ?? '';
    const { WORKER_NODE_FLAGS: _inherited, ...base } = env;
    const child = spawn(process.execPath, [...startFlags.split(' ').filter(Boolean), '-r', './tools/register.cjs', 'apps/worker/src/main.ts'], { cwd: ROOT, env: base, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    for (let tries = 0; !out.includes('worker started'); tries += 1) {
      if (child.exitCode !== null || tries > 1500) throw new Error(`the source worker did not start:\n${out}`);
      await sleep(20);
    }
    await sleep(500);
    const memory = memoryOf(child.pid as number);
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    return { ...memory, flags: startFlags };
  })();

  const configs: [string, string | undefined][] = [
    ['production start (deploy/start-worker.sh)', undefined],
    ...(productionOnly ? [] : [["V8 defaults (WORKER_NODE_FLAGS='')", ''] as [string, string]]),
    ...extraFlags.map((f): [string, string] => [`WORKER_NODE_FLAGS='${f}'`, f]),
  ];
  const results: ConfigResult[] = [];
  for (const [label, flags] of configs) {
    process.stderr.write(`${label}…\n`);
    results.push(await runConfig(label, flags));
  }

  for (const queueEvents of events.values()) await queueEvents.close();
  await app.close();
  await owner.end();
  await closeRedisClient(eventsClient);
  const redis = createRedisClient(config.redis, { name: 'bench-cleanup' });
  await deleteKeysWithPrefix(redis, prefix);
  await closeRedisClient(redis);

  const pagesOf = (pdf: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'r.pdf')]).toString())?.[1] ?? 0);
  };
  if (screenshots) {
    for (const [name, pdf] of [['report-school', results[0].school.pdf], ['report-region', results[0].region.pdf]] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
      writeFileSync(join(dir, `${name}.pdf`), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(dir, `${name}.pdf`), join(dir, name)]);
      copyFileSync(join(dir, `${name}.png`), join(ROOT, 'docs', 'screenshots', `${name}.png`));
    }
  }

  const ok = (cond: boolean) => (cond ? 'yes' : '**no**');
  const ms = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;
  const goals = new BenchGoals('bench-reports');
  type Check = (name: string, measured: number, limit: number, unit: string) => boolean;
  // The production start is what ships: its goals decide the exit code. Other configurations
  // (V8's defaults, --flags) are there to compare with, and V8's defaults are known to miss memory.
  const goalOf: Check = (name, measured, limit, unit) => goals.atMost(`production start: ${name}`, measured, limit, unit);
  const comparison: Check = (_name, measured, limit) => measured <= limit;
  const section = (r: ConfigResult, check: Check) => {
    const row = (name: string, p: Phase, limit: number) => {
      const alone = median(p.runs.map((x) => x.alone));
      const engine = median(p.runs.map((x) => x.engine));
      const job = median(p.runs.map((x) => x.job));
      const client = median(p.runs.map((x) => x.client));
      const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
      const aloneCpu = median(p.runs.map((x) => x.aloneCpu));
      const workerCpu = median(p.runs.map((x) => x.workerCpu));
      return {
        line: `| ${name} | ${p.runs.length} | ${ms(alone)} | ${ms(engine)} | ${ms(job)} | **${(job / alone).toFixed(2)}×** (${range(p.runs.map((x) => x.job / x.alone))}) | ${ms(client)} | **${(client / alone).toFixed(2)}×** (${range(p.runs.map((x) => x.client / x.alone))}) | ${ms(client - engine)} (${(client / engine).toFixed(2)}×) | ${ms(aloneCpu)} / ${ms(workerCpu)} | ${pagesOf(p.pdf)} | ${(p.pdf.length / 1024).toFixed(0)} / ${(p.alonePdfBytes / 1024).toFixed(0)} KiB | ≤ ${limit >= 1000 ? `${limit / 1000} s` : `${limit} ms`}: ${ok(check(`${name}: request → done`, client, limit, 'ms'))}; ≤ 1.3×: ${ok(check(`${name}: request → done ÷ pdfmake alone`, client / alone, 1.3, '×'))} |`,
      };
    };
    const peak = Math.max(r.school.hwmAfter, r.region.hwmAfter);
    const schoolRow = row('School, 30-row roadmap, 11 directions', r.school, 150).line;
    const regionRow = row(`Region, ${ORGS.toLocaleString('en-US')} organisations × T1–T4`, r.region, 2000).line;
    const peakOk = ok(check('worker peak memory (VmHWM) after the PDF reports', mb(peak), 250, 'MB'));
    const extractsOk = ok(check('worker peak memory (VmHWM) after the XLSX extracts', mb(r.extract.hwmAfter), 250, 'MB'));
    return `### Worker: ${r.label}${check === comparison ? ' (a comparison: its misses do not fail the run)' : ''}

Worker process: \`node ${r.flags ? `${r.flags} ` : ''}dist/worker/apps/worker/src/main.js\`; pdfmake alone: \`node ${r.flags ? `${r.flags} ` : ''}tools/bench/reports/pdfmake-alone.cjs\`.
Load average (1 min, \`uptime\`) at the start / end of this configuration: ${r.load[0].toFixed(2)} / ${r.load[1].toFixed(2)}.

| Report | Runs | pdfmake alone, as shipped (median) | The engine's render alone (median) | In the worker: the job (median) | Job ÷ pdfmake (per-run range) | Request → done, API side (median) | Request → done ÷ pdfmake (per-run range) | Platform around the engine: request → done − engine's render | CPU per report: pdfmake-alone process (both renders) / worker process | Pages | Size (worker / alone) | Goal met (request → done) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
${schoolRow}
${regionRow}

Extract \`MENTORING-R145\` v1, XLSX, one region of ${ORGS.toLocaleString('en-US')} organisations, on the \`extracts\` queue: end to end in the worker ${ms(median(r.extract.job))}, request → done ${ms(median(r.extract.client))} (median of ${r.extract.job.length}), ${(r.extract.bytes / 1024).toFixed(0)} KiB.

Worker memory (VmHWM = peak resident set since the process started; VmRSS = now):

| When | Worker VmHWM | Worker VmRSS | pdfmake-alone process VmHWM |
|---|---:|---:|---:|
| started, idle | ${mib(r.idle.hwm)} | ${mib(r.idle.rss)} | ${mib(r.aloneIdle)} (data loaded) |
| after the school reports | ${mib(r.school.hwmAfter)} | ${mib(r.school.rssAfter)} | |
| after the ${ORGS.toLocaleString('en-US')}-organisation regional reports | ${mib(r.region.hwmAfter)} | ${mib(r.region.rssAfter)} | ${mib(r.aloneHwm)} |
| after the XLSX extracts (ExcelJS loaded) | ${mib(r.extract.hwmAfter)} | | |

Peak memory ≤ 250 MB for the PDF reports: ${peakOk} (${mb(peak).toFixed(0)} MB); including the extracts: ${extractsOk} (${mb(r.extract.hwmAfter).toFixed(0)} MB).
pdfmake's URL / local-file policies were asked ${r.denied} times in the pdfmake-alone process.
`;
  };
  const doc = `## Run ${new Date().toISOString()}

Command: \`node -r ./tools/register.cjs tools/bench/reports/bench-reports.ts${quick ? ' --quick' : ''}${screenshots ? ' --screenshots' : ''}${productionOnly && !quick ? ' --production-only' : ''}${extraFlags.map((f) => ` --flags '${f}'`).join('')}\`
(scratch database \`${DB}\`: ${ORGS} organisations in ${MUNICIPALITIES} municipalities, ${ORGS * 33} indicator snapshots, a 30-item roadmap; generated in ${(setupMs / 1000).toFixed(1)} s;
worker built by \`buildWorker()\` = \`npm run build:worker\`: ${built.files} files → \`${relative(ROOT, built.main)}\`).

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 2).toFixed(0)} MiB RAM, Node ${process.version}, PostgreSQL 15, Redis 7.

- **pdfmake alone, as shipped**: \`renderPdfAsShipped(definition)\` — pdfmake with Roboto from its own virtual file system, read the usual way (each document parses the fonts' bytes) — on the finished document definition (built from the same data, gathered under the same scope, before the timer starts), in a process of its own with the worker's node flags and built modules.
- **The engine's render alone**: \`renderPdf(definition)\`, what the worker calls (fonts parsed once per process, ADR 0201), in the same process, alternating with the first.
- **Goal**: request → done (what a user waits for) ≤ 1.3× pdfmake alone, as shipped; the column "platform around the engine" shows what the queue, the database and the worker add to the engine's own render.
- **End to end in the worker**: the worker process's BullMQ job, \`finishedOn − processedOn\`: \`RenderReportJob\` under the requester's scope (curator / region analyst) — read the row, gather the data through RLS, build the document, render, write the bytes to \`report_files\`, progress updates in their own transactions, commit.
- **Request → done, API side**: \`ReportService.request…\` (row in its own transaction + BullMQ job) until BullMQ's \`completed\` event reaches this process.
- **CPU per report**: CPU time of all threads of the pdfmake-alone process during one render, and of the worker process during one request (job, GC threads included; Postgres and Redis not included) — less sensitive to the machine's other load than the wall-clock times.
- Each run is a fresh request (the previous row and job are deleted); ${WARMUP} warm-up runs of each; pdfmake-alone and end-to-end runs alternate (ABBA order). The ratio is of the two medians.

${results.map((r, i) => section(r, i === 0 ? goalOf : comparison)).join('\n')}
For comparison, the same worker started from source (\`node ${sourceIdle.flags} -r ./tools/register.cjs apps/worker/src/main.ts\`, TypeScript compiled by swc on load), idle: VmHWM ${mib(sourceIdle.hwm)}, VmRSS ${mib(sourceIdle.rss)}.

${goals.summary()}
`;
  // A quick run is a smoke test on a small region: it must not replace or extend the measurements.
  if (!quick) {
    if (process.env.BENCH_APPEND) appendFileSync(join(ROOT, 'docs', 'benchmarks-reports.md'), `\n${doc}`);
    else writeFileSync(join(ROOT, 'docs', 'benchmarks-reports.md'), `# Benchmarks: reports\n\n${doc}`);
  }
  console.log(doc);
  if (quick) console.log('(--quick: docs/benchmarks-reports.md not written)');
  goals.finish();
}

main().then(
  // No code given: exit uses process.exitCode, which goals.finish() set to 1 on a miss. The exit
  // itself stays, for handles (Redis, the pool) that would otherwise keep the process alive.
  () => process.exit(),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

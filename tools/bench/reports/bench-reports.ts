/**
 * Reports benchmark, one run: pdfmake alone rendering a finished document definition vs our end
 * to end path, for a school report (30-row roadmap table) and a regional comparison of 1,200
 * organisations; plus the worker's peak memory. Scratch database `nastavnik_bench_reports`.
 *
 *   node -r ./tools/register.cjs tools/bench/reports/bench-reports.ts [--screenshots]
 *
 * Writes docs/benchmarks-reports.md (BENCH_APPEND=1 appends a run, e.g. one with a capped V8
 * heap: `node --max-old-space-size=160 -r …`); with --screenshots also docs/screenshots/report-*.png
 * (pdftoppm -png -r 60 -f 1 -l 1 -singlefile) from the reports rendered here.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { RenderReportJob } from '@nastavnik/reporting/jobs/render-report.job';
import { ReportDataService } from '@nastavnik/reporting/report-data.service';
import { ReportService } from '@nastavnik/reporting/report.service';
import { reportJobId } from '@nastavnik/reporting/report-request';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { renderPdf } from '@nastavnik/reporting/render/pdf-engine';
import { regionReportDocument } from '@nastavnik/reporting/render/region-report.document';
import { schoolReportDocument } from '@nastavnik/reporting/render/school-report.document';
import { migrateUp } from '../../db/migrate';

const DB = process.env.BENCH_DATABASE ?? 'nastavnik_bench_reports';
const SUPER = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = (role: string) => `postgres://${role}@127.0.0.1:5432/${DB}`;
const PERIOD = '2022/2023';
const ORGS = 1200;
const RUNS = 31;
const REGION_RUNS = 11;
const screenshots = process.argv.includes('--screenshots');

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up (JIT, font parsing caches)
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(fn))[0]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

let peakRss = 0;
let phase = 'setup';
const phasePeak: Record<string, number> = {};
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  phasePeak[phase] = Math.max(phasePeak[phase] ?? 0, rss);
}, 5);

async function generate(owner: Client): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => owner.query(sql, params);
  await q(`insert into tenants (kind, code, path, full_name, short_name) values ('region', 'bench', 'bench'::ltree, 'Нагрузочная область', 'Нагрузочная область')`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name)
           select 'municipality', 'bm' || m, (select id from tenants where code = 'bench'), ('bench.bm' || m)::ltree, 'Муниципальный округ ' || m, 'МО ' || m
             from generate_series(1, 60) m`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type)
           select 'organisation', 'bs' || s, mu.id, (mu.path::text || '.bs' || s)::ltree,
                  case when s = 1 then 'Муниципальное бюджетное общеобразовательное учреждение «Мишкинская средняя общеобразовательная школа»' else 'МБОУ «Средняя школа № ' || s || '»' end,
                  case when s = 1 then 'МБОУ «Мишкинская СОШ»' else 'Школа № ' || s end, 'school'
             from generate_series(1, ${ORGS}) s join tenants mu on mu.code = 'bm' || (1 + (s - 1) % 60)`);
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

async function main(): Promise<void> {
  const admin = new Client({ connectionString: SUPER });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB} owner nastavnik_owner`);
  await admin.end();
  await migrateUp(url('nastavnik_owner'));
  const owner = new Client({ connectionString: url('nastavnik_owner') });
  await owner.connect();
  const [setupMs] = await timed(() => generate(owner));
  await owner.query('analyze'); // as autovacuum would after a bulk load; without statistics the planner nests loops

  const config = loadConfig({
    ...process.env,
    AUTH_MODE: 'keycloak',
    DATABASE_URL: url('nastavnik_app'),
    MIGRATION_DATABASE_URL: url('nastavnik_owner'),
    INDICATORS_DATABASE_URL: url('nastavnik_indicators'),
    REDIS_PREFIX: `bench-reports-${process.pid}`,
  });
  @Module({ imports: [PlatformModule.forRoot(config), QueueModule, ReportingWorkerModule, QueueWorkersModule] })
  class BenchModule {}
  const app: INestApplicationContext = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  await app.init();
  const context = app.get(TenantContext);
  const data = app.get(ReportDataService);
  const job = app.get(RenderReportJob);
  const reports = app.get(ReportService);
  const queue = app.get(JobQueues).get(QUEUES.reports);

  phase = 'idle (api service + worker booted)';
  await new Promise((resolve) => setTimeout(resolve, 50));
  const ids = (await owner.query(`select (select id from tenants where code = 'bs1') as school, (select path::text from tenants where code = 'bs1') as path, (select id from tenants where code = 'bench') as region`)).rows[0];
  const curator: Scope = { role: 'curator', tenantId: ids.school, tenantPath: ids.path, allTenants: false, actor: 'bench' };
  const analyst: Scope = { role: 'region-analyst', tenantId: ids.region, tenantPath: 'bench', allTenants: false, actor: 'bench' };

  // 1. pdfmake alone: finished document definitions (data gathered once, outside the timing).
  phase = 'school reports';
  const schoolData = await context.runInScope(curator, () => data.school(PERIOD, ids.school));
  phase = 'region reports (1,200 organisations)';
  const regionData = await context.runInScope(analyst, () => data.region(PERIOD, ids.region, ['T1', 'T2', 'T3', 'T4']));
  const schoolDoc = () => schoolReportDocument(schoolData);
  const regionDoc = () => regionReportDocument(regionData);
  phase = 'school reports';
  const pdfSchool = await median(RUNS, () => renderPdf(schoolDoc()));
  phase = 'region reports (1,200 organisations)';
  const pdfRegion = await median(REGION_RUNS, () => renderPdf(regionDoc()));
  phase = 'school reports';

  // 2. End to end in the worker: the job's handler under the requester's scope (read snapshots,
  //    tree, roadmap → document → pdfmake → write bytes), one fresh row per run.
  const freshRow = async (scope: Scope, request: () => Promise<{ id: string }>) => {
    const row = await context.runInScope(scope, request);
    const hash = (await owner.query(`select params_hash from report_files where id = $1`, [row.id])).rows[0].params_hash;
    return { id: row.id, hash };
  };
  const handleRun = (scope: Scope, request: () => Promise<{ id: string }>) => async () => {
    await queue.pause(); // the bench drives the handler itself
    const { id, hash } = await freshRow(scope, request);
    await (await queue.getJob(reportJobId(hash)))?.remove();
    const [ms] = await timed(() => context.runInScope(scope, () => job.handle({ scope, reportId: id })));
    await owner.query(`delete from report_files where id = $1`, [id]);
    return ms;
  };
  const medianOf = async (runs: number, fn: () => Promise<number>) => {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await fn());
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  const e2eSchool = await medianOf(RUNS, handleRun(curator, () => reports.requestSchoolReport({ period: PERIOD })));
  phase = 'region reports (1,200 organisations)';
  const e2eRegion = await medianOf(REGION_RUNS, handleRun(analyst, () => reports.requestRegionReport({ period: PERIOD, parentId: ids.region })));

  // 3. Through the queue: request → BullMQ → worker → row done (poll every 5 ms).
  await queue.resume();
  const queued = (scope: Scope, request: () => Promise<{ id: string }>) => async () => {
    const start = process.hrtime.bigint();
    const { id, hash } = await freshRow(scope, request);
    for (;;) {
      const { rows } = await owner.query(`select status from report_files where id = $1`, [id]);
      if (rows[0].status === 'done') break;
      if (rows[0].status === 'failed') throw new Error('report failed');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    await (await queue.getJob(reportJobId(hash)))?.remove();
    await owner.query(`delete from report_files where id = $1`, [id]);
    return ms;
  };
  phase = 'school reports';
  const queueSchool = await medianOf(9, queued(curator, () => reports.requestSchoolReport({ period: PERIOD })));
  phase = 'region reports (1,200 organisations)';
  const queueRegion = await medianOf(5, queued(analyst, () => reports.requestRegionReport({ period: PERIOD, parentId: ids.region })));

  const schoolPdf = await renderPdf(schoolDoc());
  const regionPdf = await renderPdf(regionDoc());
  const pages = (pdf: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'r.pdf')]).toString())?.[1] ?? 0);
  };
  if (screenshots) {
    for (const [name, pdf] of [['report-school', schoolPdf], ['report-region', regionPdf]] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
      writeFileSync(join(dir, `${name}.pdf`), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(dir, `${name}.pdf`), join(dir, name)]);
      copyFileSync(join(dir, `${name}.png`), join('docs/screenshots', `${name}.png`));
    }
  }
  clearInterval(sampler);
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  await app.close();
  await owner.end();

  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const ok = (cond: boolean) => (cond ? 'yes' : '**no**');
  const table = [
    `| Report | pdfmake alone (median) | End to end in the worker (median) | Ratio | Request → queue → done (median) | Pages | Size | Goal met |`,
    `|---|---:|---:|---:|---:|---:|---:|---|`,
    `| School, 30-row roadmap, 11 directions | ${pdfSchool.toFixed(1)} ms | ${e2eSchool.toFixed(1)} ms | ${ratio(e2eSchool, pdfSchool)}× | ${queueSchool.toFixed(1)} ms | ${pages(schoolPdf)} | ${(schoolPdf.length / 1024).toFixed(0)} KiB | ≤ 150 ms: ${ok(e2eSchool <= 150)}; ≤ 1.3×: ${ok(e2eSchool <= 1.3 * pdfSchool)} |`,
    `| Region, ${ORGS} organisations × T1–T4 | ${pdfRegion.toFixed(1)} ms | ${e2eRegion.toFixed(1)} ms | ${ratio(e2eRegion, pdfRegion)}× | ${queueRegion.toFixed(1)} ms | ${pages(regionPdf)} | ${(regionPdf.length / 1024).toFixed(0)} KiB | ≤ 2 s: ${ok(e2eRegion <= 2000)}; ≤ 1.3×: ${ok(e2eRegion <= 1.3 * pdfRegion)} |`,
  ].join('\n');
  const flags = process.execArgv.filter((a) => !a.includes('register') && a !== '-r').join(' ');
  const doc = `## Run: node ${flags ? `${flags} ` : ''}(default V8 heap sizing${flags ? ' overridden' : ''})

Command: \`node ${flags ? `${flags} ` : ''}-r ./tools/register.cjs tools/bench/reports/bench-reports.ts${screenshots ? ' --screenshots' : ''}\`
(scratch database \`${DB}\`: ${ORGS} organisations in 60 municipalities, ${ORGS * 33} indicator snapshots, a 30-item roadmap; generated in ${(setupMs / 1000).toFixed(1)} s).

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${mb(totalmem())} MiB RAM, Node ${process.version}, PostgreSQL 15, Redis 7.
Run: ${new Date().toISOString()}.

- **pdfmake alone**: \`renderPdf(document)\` on a finished document definition (data gathered beforehand), median of ${RUNS} (school) / ${REGION_RUNS} (region) runs after one warm-up.
- **End to end in the worker**: \`RenderReportJob.handle\` under the requester's scope (curator / region analyst) — read the row, gather the data through RLS (\`IndicatorQueryService\`, tree, reference data, scorecards and roadmap), build the document, render, write the bytes to \`report_files\`, with the progress updates in their own transactions — median of the same number of runs, each on a fresh request row.
- **Request → queue → done**: \`ReportService.request…\` (row + BullMQ job) until the worker (this process, concurrency 2) marks the row done; polled every 5 ms.

${table}

Peak memory (RSS) of the process — API service, worker and bench in one process, so an upper bound on the worker's — sampled every 5 ms per phase:

| Phase | Peak RSS |
|---|---:|
${Object.entries(phasePeak).filter(([name]) => name !== 'setup').map(([name, bytes]) => `| ${name} | ${mb(bytes)} MiB |`).join('\n')}
| whole run (\`process.resourceUsage().maxRSS\`) | ${mb(maxRss)} MiB |

Goal ≤ 250 MB: school reports ${ok((phasePeak['school reports'] ?? 0) <= 250 * 1024 * 1024)}; region reports ${ok((phasePeak['region reports (1,200 organisations)'] ?? 0) <= 250 * 1024 * 1024)}.
`;
  if (process.env.BENCH_APPEND) appendFileSync('docs/benchmarks-reports.md', `\n${doc}`);
  else writeFileSync('docs/benchmarks-reports.md', `# Benchmarks: reports\n\n${doc}`);
  console.log(doc);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

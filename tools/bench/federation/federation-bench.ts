/**
 * The Federation-S bench (issue 18), as a function: the command (`bench-federation.ts`) runs it at
 * full size and writes the docs, the spec (`federation.spec.ts`) at a tiny scale so that it cannot
 * rot. One run:
 *  1. drops and creates its own database (`nastavnik_bench_fed` by default), migrates it and
 *     generates 10 regions (`generate.ts`: 12,000 organisations and ≈ 7 million pupils at scale 1);
 *     `reuse` keeps a database generated before at the same scale;
 *  2. the nightly recompute of every region, as the worker runs it: `NightlyIndicatorsJob.handle`
 *     on the engine's connections (engine role): once on cold caches (shown), then with no snapshot
 *     of the period (every one inserted), then with the values unchanged, alternating with
 *  3. the bare aggregate: one hand-written statement over the base tables and the contingents
 *     (`bare-aggregate.ts`), all 12,000 organisations, run by the owner (no RLS, no fact views, no
 *     writes) with Postgres' parallel query — whose numbers must equal the engine's snapshots;
 *  4. the dashboards under RLS: a region analyst's comparison and trend of T1 over their region, the
 *     ministry official's comparison over every region and their all-regions extract (the R-145 form's
 *     data and its XLSX) — through the services the API and the worker call (`IndicatorQueryService`,
 *     `ReportDataService` and `extractXlsx`, in a `TenantContext` scope on the app role's pool),
 *     each paired with the same service on the owner's pool (BYPASSRLS: the same statements without
 *     policies).
 * Every goal goes through `../goals` (a miss: named on stderr, exit 1).
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '@nastavnik/platform/config/app-config';
import { appDataSourceOptions } from '@nastavnik/platform/database/data-source-options';
import { ReadReplica } from '@nastavnik/platform/database/read-replica';
import type { JobQueues } from '@nastavnik/platform/queue/job-queues';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ENGINE_SETTINGS, IndicatorEngine } from '@nastavnik/monitoring/indicator-engine';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { periodBounds } from '@nastavnik/monitoring/indicator-facts';
import { IndicatorQueryService } from '@nastavnik/monitoring/indicator-query.service';
import { NightlyIndicatorsJob } from '@nastavnik/monitoring/nightly-indicators.job';
import { FORMS } from '@nastavnik/reporting/forms/form-definitions';
import { extractXlsx } from '@nastavnik/reporting/render/extract.document';
import { ReportDataService } from '@nastavnik/reporting/report-data.service';
import { withDatabase } from '@nastavnik/testing/test-env';
import { migrateUp } from '../../db/migrate';
import { BenchGoals, mark } from '../goals';
import { bareFederationSql } from './bare-aggregate';
import { FED_PERIOD, type FederationShape, federationShape, generateFederation, regionCode } from './generate';
import { createProductDatabase, prepareProductDatabase } from '@nastavnik/testing/product-database';

export type FederationOptions = {
  scale: number;
  database: string;
  /** Keep a database generated before (same scale); otherwise drop, create and generate. */
  reuse?: boolean;
  /** Drop the database at the end (the spec). */
  drop?: boolean;
  /** Generate (unless reused) and stop: the measurements can follow later with `reuse`. */
  generateOnly?: boolean;
  /** Recompute (first time) runs; unchanged recompute and bare aggregate runs (alternately); read runs. */
  firstRuns: number;
  runs: number;
  readRuns: number;
  log?: (line: string) => void;
};

export type FederationResult = {
  /** Undefined after `generateOnly`. */
  goals?: BenchGoals;
  lines: string[];
  exactDifferences: number;
  compared: number;
  counts: Record<string, number>;
};

const SUPER = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The bare aggregate's settings, as the indicator bench's: more memory, no JIT, Postgres' own parallel query. */
const BARE_SETTINGS: Record<string, string> = { work_mem: '64MB', jit: 'off' };

const now = () => process.hrtime.bigint();
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = now();
  const result = await fn();
  return [since(start), result];
}
const medianOf = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

export async function runFederationBench(options: FederationOptions): Promise<FederationResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  // The engine and the nightly job log a line per region and part: the bench prints its own progress.
  Logger.overrideLogger(['warn', 'error']);
  const db = options.database;
  if (!/^[a-z_][a-z0-9_]*$/.test(db)) throw new Error(`database name "${db}" is not a plain identifier`);
  const url = (role: string) => `postgres://${role}@127.0.0.1:5432/${db}`;
  const shape = federationShape(options.scale);

  const admin = new Client({ connectionString: SUPER });
  await admin.connect();
  const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [db])).rowCount === 1;
  let reuse = Boolean(options.reuse) && exists;
  if (reuse) {
    const probe = new Client({ connectionString: url('nastavnik_owner') });
    await probe.connect();
    const orgs = Number((await probe.query(`select count(*) as n from tenants where kind = 'organisation' and path ~ 'fr1.*'`).catch(() => ({ rows: [{ n: -1 }] }))).rows[0].n);
    await probe.end();
    reuse = orgs === shape.orgsPerRegion;
    if (!reuse) log(`database ${db} holds another scale (${orgs} organisations in region 1): generating again`);
  }
  if (!reuse) await admin.query(`drop database if exists ${db} with (force)`);
  await admin.end();
  await (reuse ? prepareProductDatabase(SUPER, db) : createProductDatabase(SUPER, db));

  const owner = new Client({ connectionString: url('nastavnik_owner') });
  const sources: DataSource[] = [];
  let engine: IndicatorEngine | undefined;
  try {
    let genMs = 0;
    if (!reuse) {
      log(`migrating ${db} …`);
      await migrateUp(url('nastavnik_owner'));
      await owner.connect();
      log(`generating ${shape.regions} regions × ${shape.orgsPerRegion.toLocaleString('en')} organisations (scale ${options.scale}) …`);
      const generator = new Client({ connectionString: withDatabase(SUPER, db) });
      await generator.connect();
      try {
        [genMs] = await timed(() => generateFederation(generator, shape, log));
      } finally {
        await generator.end();
      }
      log(`generated in ${(genMs / 1000).toFixed(1)} s`);
    } else {
      await owner.connect();
      log(`reusing ${db}`);
    }
    // A reused database says when and how fast it was generated (set by a `generateOnly` run).
    const made = reuse
      ? ((await owner.query(`select shobj_description(oid, 'pg_database') as note from pg_database where datname = current_database()`)).rows[0]?.note as string | null)
      : null;
    const generated = made ? (JSON.parse(made) as { generatedAt: string; genMs: number }) : null;
    const dataNote = reuse
      ? `database reused${generated ? `, generated ${generated.generatedAt} in ${(generated.genMs / 1000).toFixed(0)} s` : ''}`
      : `generated in ${(genMs / 1000).toFixed(0)} s`;
    const counts = Object.fromEntries(Object.entries((await owner.query(`select
        (select count(*) from tenants where kind = 'region') as regions,
        (select count(*) from tenants where kind = 'municipality') as municipalities,
        (select count(*) from tenants where kind = 'organisation') as orgs,
        (select sum(pupils) from school_contingent_ages) as pupils,
        (select sum(teachers) from school_contingents) as contingent_teachers,
        (select count(*) from participants where kind = 'student') as students,
        (select count(*) from participants where kind = 'teacher') as teachers,
        (select count(*) from mentoring_pairs) + (select count(*) from pair_mentees) as memberships,
        (select count(*) from participant_base_entries) as bases,
        (select count(*) from meetings) as meetings,
        (select count(*) from questionnaire_responses) as answers,
        (select pg_database_size(current_database())) as bytes`)).rows[0]).map(([k, v]) => [k, Number(v)]));
    if (options.generateOnly) {
      const when = new Date().toISOString();
      await owner.query(`comment on database ${db} is '${JSON.stringify({ generatedAt: when, genMs, scale: options.scale })}'`);
      return { lines: [`- Generated ${when} in ${(genMs / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`], exactDifferences: 0, compared: 0, counts };
    }

    const config = loadConfig({ ...process.env, AUTH_MODE: 'keycloak', DATABASE_URL: url('nastavnik_app'), MIGRATION_DATABASE_URL: url('nastavnik_owner'), INDICATORS_DATABASE_URL: url('nastavnik_indicators') });
    engine = new IndicatorEngine(config);
    // The worker's nightly job; it schedules itself through the queues at start-up, which the bench does not do.
    const nightly = new NightlyIndicatorsJob(engine, null as unknown as JobQueues, config);
    const nightlyRun = () => nightly.handle({ period: FED_PERIOD });
    const { start, end } = periodBounds(FED_PERIOD);
    const allIds = (await owner.query(`select id from tenants where kind = 'organisation' order by id`)).rows.map((r) => r.id as string);
    const params = [FED_PERIOD, start, end, allIds];
    const loadBefore = loadavg();
    const cpuStart = process.cpuUsage();

    const asOwner = async (sql: string, args: unknown[], settings: Record<string, string>) => {
      await owner.query('begin');
      for (const [name, value] of Object.entries(settings)) await owner.query(`select set_config($1, $2, true)`, [name, value]);
      const [ms, result] = await timed(() => owner.query(sql, args));
      await owner.query('commit');
      return [ms, result] as const;
    };
    const bareSql = bareFederationSql();

    // 2. First time: no snapshot of the period (the table emptied, untimed, before each run). Every
    //    other figure here is taken on warm caches (the unchanged runs follow a recompute, the bare
    //    aggregate alternates with them), so the first-time runs follow one too: a cold run — the
    //    first statement to read the 4 GB of freshly generated or reused data — is timed and shown
    //    apart, not compared with a warm bare aggregate.
    await owner.query(`truncate indicator_snapshots`);
    const [cold] = await timed(nightlyRun);
    log(`nightly recompute, first time on cold caches: ${cold.toFixed(0)} ms (shown, not a goal)`);
    const firstTimes: number[] = [];
    let regionsSeen = 0;
    for (let i = 0; i < options.firstRuns; i += 1) {
      await owner.query(`truncate indicator_snapshots`);
      const [ms, result] = await timed(nightlyRun);
      firstTimes.push(ms);
      regionsSeen = result.regions;
      log(`nightly recompute, first time: ${ms.toFixed(0)} ms (${result.regions} regions, ${result.snapshots.toLocaleString('en')} snapshots)`);
    }
    const first = medianOf(firstTimes);
    // A live database's autovacuum analyses the table after such an insert (threshold: a tenth of its rows); untimed.
    await owner.query(`analyze indicator_snapshots`);

    // 3. The baseline's numbers must be the engine's snapshots, value for value.
    const [, bareResult] = await asOwner(bareSql, params, BARE_SETTINGS);
    const snapshots = new Map<string, { numerator: string; denominator: string | null }>();
    for (const r of (await owner.query(`select tenant_id, indicator_code, numerator, denominator from indicator_snapshots where period = $1`, [FED_PERIOD])).rows) {
      snapshots.set(`${r.tenant_id} ${r.indicator_code}`, { numerator: String(r.numerator), denominator: r.denominator === null ? null : String(r.denominator) });
    }
    let compared = 0;
    const mismatches: string[] = [];
    for (const row of bareResult.rows) {
      for (const d of INDICATORS) {
        const snapshot = snapshots.get(`${row.tenant_id} ${d.code}`);
        const expected = { numerator: String(row[`${d.code}:n`]), denominator: d.denominator ? String(row[`${d.code}:d`]) : null };
        if (!snapshot || snapshot.numerator !== expected.numerator || snapshot.denominator !== expected.denominator) {
          mismatches.push(`${row.tenant_id} ${d.code}: engine ${JSON.stringify(snapshot)}, bare ${JSON.stringify(expected)}`);
        }
        compared += 1;
      }
    }
    if (bareResult.rows.length !== allIds.length) mismatches.unshift(`the bare aggregate gave ${bareResult.rows.length} organisations, the federation has ${allIds.length}`);
    if (compared !== snapshots.size) mismatches.unshift(`${compared} values compared, the engine wrote ${snapshots.size} snapshots`);
    const sample = bareResult.rows[0] ?? {};
    const goals = new BenchGoals('bench-federation');
    const exact = goals.exact(`bare aggregate = the engine's snapshots (${compared.toLocaleString('en')} numerators/denominators)`, mismatches);

    // Unchanged values: the nightly recompute and the bare aggregate alternately.
    const fullTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < options.runs; i += 1) {
      fullTimes.push((await timed(nightlyRun))[0]);
      bareTimes.push((await asOwner(bareSql, params, BARE_SETTINGS))[0]);
      log(`nightly recompute, values unchanged: ${fullTimes.at(-1)?.toFixed(0)} ms; bare aggregate: ${bareTimes.at(-1)?.toFixed(0)} ms`);
    }
    const [full, bare] = [medianOf(fullTimes), medianOf(bareTimes)];
    const [engineStatement] = await asOwner(engine.sql, params, ENGINE_SETTINGS);
    log(`the engine's statement alone, every organisation in one statement (owner): ${engineStatement.toFixed(0)} ms`);

    // 4. Dashboards and the extract through the services, under RLS (app role) and as the owner (no policies).
    const contextOn = async (role: string) => {
      const source = await new DataSource({ ...appDataSourceOptions(config as AppConfig, url(role)), extra: { max: 2, application_name: 'nastavnik-bench' } }).initialize();
      sources.push(source);
      const context = new TenantContext(source, new ReadReplica(config, source));
      const indicators = new IndicatorQueryService(context);
      // The extract reads through the context alone; the service's other dependencies (they grow
      // with the reports) are left out, so that the bench does not follow every one.
      const Reports = ReportDataService as unknown as new (context: TenantContext, indicators: IndicatorQueryService, ...rest: unknown[]) => ReportDataService;
      return { context, indicators, reports: new Reports(context, indicators) };
    };
    const rls = await contextOn('nastavnik_app');
    const bypass = await contextOn('nastavnik_owner');
    const region = (await owner.query(`select id, path::text as path from tenants where code = $1`, [regionCode(1)])).rows[0] as { id: string; path: string };
    const analyst: Scope = { role: 'region-analyst', tenantId: region.id, tenantPath: region.path, allTenants: false, actor: 'bench-analyst' };
    const minister: Scope = { role: 'ministry-official', tenantId: null, tenantPath: null, allTenants: true, actor: 'bench-minister' };
    const form = FORMS[0];
    type Services = Awaited<ReturnType<typeof contextOn>>;
    const reads: { key: string; name: string; scope: Scope; run: (s: Services) => Promise<number> }[] = [
      { key: 'analyst', name: "region analyst: T1 comparison of their region (league table, municipalities, scorecard levels) and its trend", scope: analyst,
        run: async (s) => (await s.indicators.comparison(FED_PERIOD, 'T1', region.id)).organisations.length + (await s.indicators.trend('T1', region.id)).length },
      { key: 'ministerDashboard', name: "ministry official: T1 comparison of every region's organisations and its trend", scope: minister,
        run: async (s) => (await s.indicators.comparison(FED_PERIOD, 'T1')).organisations.length + (await s.indicators.trend('T1')).length },
      { key: 'extract', name: `ministry official: all-regions extract (${form.code}, ${form.rows.length} lines: data and XLSX)`, scope: minister,
        run: async (s) => {
          const data = await s.reports.extract(form, FED_PERIOD, null);
          await extractXlsx(data);
          return data.regions.length;
        } },
    ];
    const readResults: Record<string, { rls: number; owner: number; rows: number; rowsOwner: number }> = {};
    for (const read of reads) {
      const ta: number[] = [];
      const tb: number[] = [];
      let rows = 0;
      let rowsOwner = 0;
      for (let i = 0; i < options.readRuns + 1; i += 1) {
        const [a, ra] = await timed(() => rls.context.runInScope(read.scope, () => read.run(rls)));
        const [b, rb] = await timed(() => bypass.context.runInScope(read.scope, () => read.run(bypass)));
        if (i === 0) continue; // a warm-up pair
        ta.push(a);
        tb.push(b);
        rows = ra;
        rowsOwner = rb;
      }
      readResults[read.key] = { rls: medianOf(ta), owner: medianOf(tb), rows, rowsOwner };
      log(`${read.name}: RLS ${medianOf(ta).toFixed(1)} ms, owner ${medianOf(tb).toFixed(1)} ms`);
    }
    const loadAfter = loadavg();
    const cpuUsed = process.cpuUsage(cpuStart);

    const fmt = (ms: number) => ms.toFixed(0);
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
    const same = (r: { rows: number; rowsOwner: number }) => r.rows === r.rowsOwner;
    const sameRows = goals.exact('every read returns as much under RLS as the owner', reads.filter((r) => !same(readResults[r.key])).map((r) => `${r.name}: ${readResults[r.key].rows} under RLS, ${readResults[r.key].rowsOwner} as owner`));
    const goal = {
      first: mark(goals.atMost('nightly recompute of every region, first time', first, 15000, 'ms')),
      firstRatio: mark(goals.atMost('nightly recompute, first time ÷ bare aggregate', first / bare, 1.0, '×')),
      full: mark(goals.atMost('nightly recompute of every region, values unchanged', full, 15000, 'ms')),
      fullRatio: mark(goals.atMost('nightly recompute, values unchanged ÷ bare aggregate', full / bare, 1.0, '×')),
      extract: mark(goals.atMost("ministry official's all-regions extract under RLS", readResults.extract.rls, 5000, 'ms')),
      ...Object.fromEntries(reads.map((r) => [`${r.key}Ratio`, mark(goals.atMost(`${r.name}: RLS ÷ owner`, readResults[r.key].rls / readResults[r.key].owner, 1.1, '×'))])),
    } as Record<string, string>;
    const describe = (s: FederationShape) => `${s.regions} regions × ${s.municipalitiesPerRegion} municipalities × ${s.orgsPerRegion / s.municipalitiesPerRegion} organisations`;
    const n = (x: number) => x.toLocaleString('en');
    const lines = [
      `- Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), PostgreSQL ${execSync('psql --version').toString().trim().split(' ').pop()}; scale ${options.scale} (${describe(shape)}).`,
      `- Date: ${new Date().toISOString()}. Load average (1 / 5 / 15 min) before the measurements: ${load(loadBefore)}, after: ${load(loadAfter)} — the machine is shared; the bench's own Node process used ${((cpuUsed.user + cpuUsed.system) / 1000).toFixed(0)} ms of CPU.`,
      `- Data (${dataNote}, database \`${db}\`, ${(counts.bytes / 1024 ** 3).toFixed(2)} GB, vacuumed and analysed): ${n(counts.regions)} regions, ${n(counts.municipalities)} municipalities, ${n(counts.orgs)} organisations; **${n(counts.pupils)} pupils** and ${n(counts.contingent_teachers)} teachers in the schools' contingents; registered: ${n(counts.students)} pupils and ${n(counts.teachers)} teachers; ${n(counts.memberships)} pair memberships, ${n(counts.bases)} base entries, ${n(counts.meetings)} meetings, ${n(counts.answers)} satisfaction answers; ${INDICATORS.length} indicators per organisation.`,
      `- Medians: first-time recompute ${options.firstRuns} run(s); unchanged recompute and bare aggregate ${options.runs} runs alternately; reads ${options.readRuns} pairs (RLS and owner alternately, after a warm-up pair). Engine settings ${Object.entries(ENGINE_SETTINGS).map(([k, v]) => `\`${k} = ${v}\``).join(', ')}; bare aggregate ${Object.entries(BARE_SETTINGS).map(([k, v]) => `\`${k} = ${v}\``).join(', ')} and parallel query as configured.`,
      `- Check ${mark(exact)}: the bare aggregate's ${n(compared)} numerators/denominators ${exact ? 'equal' : `**differ from** (${mismatches.length})`} the engine's snapshots (first organisation: T1 ${sample['T1:n']}/${sample['T1:d']}, M2 ${sample['M2:n']}/${sample['M2:d']}, T3 ${sample['T3:n']}/${sample['T3:d']}). Reads ${mark(sameRows)}: the same rows under RLS as the owner's.`,
      '',
      '| measurement | time, ms | goal | ratio |',
      '|---|---:|---|---:|',
      `| bare aggregate: one hand-written statement over the base tables and contingents, every organisation (owner, no RLS, no writes, parallel query) | ${fmt(bare)} | — | 1.00 |`,
      `| nightly recompute of all ${regionsSeen} regions, first time (\`NightlyIndicatorsJob\`, engine role; ${n(counts.orgs * INDICATORS.length)} snapshots inserted) | ${fmt(first)} | ≤ 15,000 ms ${goal.first}, ≤ 1.0× bare ${goal.firstRatio} | ${ratio(first, bare)} |`,
      `| … the same, the first run of the bench, on cold caches (the data just generated or reused: read from disk and the OS cache into Postgres' buffers) | ${fmt(cold)} | — (shown) | ${ratio(cold, bare)} |`,
      `| nightly recompute of all regions, values unchanged (nothing rewritten) | ${fmt(full)} | ≤ 15,000 ms ${goal.full}, ≤ 1.0× bare ${goal.fullRatio} | ${ratio(full, bare)} |`,
      `| … the engine's compiled statement alone, every organisation in one statement (owner, engine settings, no writes) | ${fmt(engineStatement)} | — | ${ratio(engineStatement, bare)} |`,
      ...reads.flatMap((r) => [
        `| ${r.name} — under RLS (app role, ${r.scope.role} scope; ${n(readResults[r.key].rows)} rows) | ${readResults[r.key].rls.toFixed(1)} | ${r.key === 'extract' ? `≤ 5,000 ms ${goal.extract}, ` : ''}≤ 1.10× owner ${goal[`${r.key}Ratio`]} | ${ratio(readResults[r.key].rls, readResults[r.key].owner)} |`,
        `| … the same service on the owner's pool (BYPASSRLS: no policies) | ${readResults[r.key].owner.toFixed(1)} | | 1.00 |`,
      ]),
      '',
      goals.summary(),
    ];
    return { goals, lines, exactDifferences: mismatches.length, compared, counts };
  } finally {
    await Promise.all(sources.map((s) => s.destroy().catch(() => undefined)));
    await engine?.onModuleDestroy();
    await owner.end().catch(() => undefined);
    if (options.drop) {
      const cleanup = new Client({ connectionString: SUPER });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${db} with (force)`);
      await cleanup.end();
    }
  }
}

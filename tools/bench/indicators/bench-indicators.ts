/**
 * Indicator benchmark (`node -r ./tools/register.cjs tools/bench/indicators/bench-indicators.ts`):
 * generates a region of 1,200 organisations in 60 municipalities with 700,000 students, 60,000
 * teachers, 250,000 pair memberships and 500,000 questionnaire answers in a scratch database,
 * then measures in one run:
 *  - the full-region recompute (engine role: one set-based statement + upsert of every snapshot)
 *    against the bare aggregate: a hand-written statement over the base tables computing the same
 *    numbers, run by the owner (no RLS, no fact views, no writes) — and checks that its numbers
 *    equal the engine's snapshots (the run fails otherwise);
 *  - the engine's own statement run by the owner without writes (where the time goes);
 *  - one school's recompute;
 *  - the same reads under row-level security (app role, a person's scope) against the owner.
 * Writes docs/benchmarks-indicators.md. BENCH_REUSE=1 keeps an already generated database.
 *
 * Every goal in the table (and the equality with the bare aggregate) is checked through
 * `../goals`: after the table is printed, a miss is named on stderr and the exit code is 1.
 * BENCH_FORCE_MISS=1 makes every goal impossible, to prove that. `--quick` runs the same
 * measurements on 240 organisations in 12 municipalities (database `nastavnik_bench_quick`, fewer
 * runs) and prints without writing the docs file: a check that the bench works, not a measurement.
 * Its goals are the full region's, unchanged: on a small region a statement's fixed costs weigh
 * more, so a ratio that holds at 1,200 organisations can miss there, more so on a loaded machine.
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { ENGINE_SETTINGS, IndicatorEngine } from '@nastavnik/monitoring/indicator-engine';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { periodBounds } from '@nastavnik/monitoring/indicator-facts';
import { migrateUp } from '../../db/migrate';
import { BenchGoals, mark } from '../goals';
import { bareAggregateSql } from './bare-aggregate';
import { createProductDatabase, prepareProductDatabase } from '@nastavnik/testing/product-database';

const QUICK = process.argv.includes('--quick');
const DB = process.env.BENCH_DATABASE ?? (QUICK ? 'nastavnik_bench_quick' : 'nastavnik_bench');
const SUPER = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = (role: string) => `postgres://${role}@127.0.0.1:5432/${DB}`;
const PERIOD = '2022/2023';
const ORGS = QUICK ? 240 : 1200;
const MUNICIPALITIES = QUICK ? 12 : 60;
const STUDENTS_PER_ORG = 583; // 699,600
const TEACHERS_PER_ORG = 50; // 60,000
const PAIRS_PER_ORG = 42; // 42 × (1 mentor + 4 mentees) × 1,200 = 252,000 memberships
const RESPONDENTS_PER_ORG = 84; // × 5 answers × 1,200 = 504,000 answers
const FULL_RUNS = QUICK ? 3 : 7;
const FIRST_RUNS = 3;
const SCHOOL_RUNS = QUICK ? 5 : 15;
const RLS_RUNS = 101; // sub-millisecond reads: as many in a quick run, they cost well under a second
/** The bare aggregate's settings: what makes it fastest here (more memory, no JIT) and Postgres' own parallel query. */
const BARE_SETTINGS: Record<string, string> = { work_mem: '64MB', jit: 'off' };

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

const medianOf = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(fn))[0]);
  return medianOf(times);
}

/** Medians of two measurements taken alternately, so that a change in the machine's load hits both. */
async function pairedMedians(runs: number, a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    ta.push(await a());
    tb.push(await b());
  }
  return [medianOf(ta), medianOf(tb)];
}

async function generate(owner: Client): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => owner.query(sql, params);
  await q(`insert into tenants (kind, code, path, full_name, short_name) values ('region', 'bench', 'bench'::ltree, 'Нагрузочный регион', 'Регион')`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name)
           select 'municipality', 'bm' || m, (select id from tenants where code = 'bench'), ('bench.bm' || m)::ltree, 'Муниципалитет ' || m, 'МО ' || m
             from generate_series(1, ${MUNICIPALITIES}) m`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type)
           select 'organisation', 'bs' || s, mu.id, (mu.path::text || '.bs' || s)::ltree, 'Школа № ' || s, 'Школа ' || s, 'school'
             from generate_series(1, ${ORGS}) s join tenants mu on mu.code = 'bm' || (1 + (s - 1) % ${MUNICIPALITIES})`);
  await q(`create temp table orgs as select id, row_number() over (order by code) as n from tenants where kind = 'organisation'`);
  await q(`insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade)
           select o.id, 'student', 'Ученик', 'N' || g, date '2005-01-01' + ((g * 37 + o.n) % 4200)::int, 1 + (g % 11)
             from orgs o cross join generate_series(1, ${STUDENTS_PER_ORG}) g`);
  await q(`insert into participants (tenant_id, kind, last_name, first_name, birth_date, position)
           select o.id, 'teacher', 'Учитель', 'N' || g, date '1965-01-01' + ((g * 113 + o.n) % 12000)::int, 'учитель'
             from orgs o cross join generate_series(1, ${TEACHERS_PER_ORG}) g`);
  await q(`create temp table st as select id, tenant_id, row_number() over (partition by tenant_id order by id) as n from participants where kind = 'student'`);
  await q(`create index on st (tenant_id, n)`);
  const form = (await q(`select id from mentoring_forms where code = 'STUDENT_STUDENT'`)).rows[0].id;
  await q(`insert into programmes (tenant_id, title, academic_year, form_id, start_date, end_date, status)
           select id, 'Программа «Ученик – ученик»', $1, $2, date '2022-10-01', date '2023-06-30', 'active' from orgs`, [PERIOD, form]);
  await q(`insert into mentoring_pairs (tenant_id, programme_id, mentor_id, status, start_date)
           select p.tenant_id, p.id, st.id, 'active', date '2022-10-15'
             from programmes p join st on st.tenant_id = p.tenant_id and st.n <= ${PAIRS_PER_ORG}`);
  await q(`create temp table pr as select id, tenant_id, mentor_id, row_number() over (partition by tenant_id order by id) as n from mentoring_pairs`);
  await q(`insert into pair_mentees (tenant_id, pair_id, mentor_id, mentee_id)
           select pr.tenant_id, pr.id, pr.mentor_id, st.id
             from pr join st on st.tenant_id = pr.tenant_id and st.n > ${PAIRS_PER_ORG} and (st.n - ${PAIRS_PER_ORG} - 1) / 4 + 1 = pr.n
            where st.n <= ${PAIRS_PER_ORG * 5}`);
  await q(`insert into participant_base_entries (tenant_id, participant_id, base, status, included_on, surveyed_on)
           select tenant_id, id, case when n <= ${PAIRS_PER_ORG} then 'mentor' else 'mentee' end, 'in_pair', date '2022-09-20', date '2022-09-25'
             from st where n <= ${PAIRS_PER_ORG * 5}`);
  const organisational = (await q(`select id from meeting_types where code = 'ORGANISATIONAL'`)).rows[0].id;
  const direction = (await q(`select id from mentoring_directions where code = 'D07'`)).rows[0].id;
  await q(`insert into meetings (tenant_id, programme_id, pair_id, meeting_type_id, direction_id, held_on)
           select p.tenant_id, p.programme_id, p.id, $1, $2, date '2022-10-20' from mentoring_pairs p`, [organisational, direction]);
  const template = (await q(`select id, phase from questionnaire_templates where code = 'mentee-satisfaction' and tenant_id is null and is_current`)).rows[0];
  await q(`insert into questionnaire_responses (tenant_id, template_id, participant_id, respondent_role, academic_year, phase, channel, satisfied, submitted_at)
           select st.tenant_id, $1, st.id, 'mentee', $2, $3, 'curator', (st.n % 3 <> 0), timestamptz '2023-05-20 10:00+03'
             from st where st.n > ${PAIRS_PER_ORG} and st.n <= ${PAIRS_PER_ORG + RESPONDENTS_PER_ORG}`, [template.id, PERIOD, template.phase]);
  await q(`insert into questionnaire_answers (tenant_id, response_id, template_id, question_id, value_number, value_text, value_options)
           select r.tenant_id, r.id, r.template_id, qq.id,
                  case when qq.kind = 'rating' then qq.scale_max end,
                  case when qq.kind = 'open' then 'Ответ' end,
                  case when qq.kind in ('single_choice', 'multiple_choice') then array[qq.option_codes[1]] end
             from questionnaire_responses r
             join lateral (select * from questionnaire_questions q where q.template_id = r.template_id order by q.position limit 5) qq on true`);
  // The steady state of a live database (autovacuum has passed): statistics, hint bits, visibility map.
  await q(`vacuum analyze`);
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: SUPER });
  await admin.connect();
  const reuse = process.env.BENCH_REUSE === '1' && (await admin.query(`select 1 from pg_database where datname = $1`, [DB])).rowCount === 1;
  if (!reuse) await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
  await (reuse ? prepareProductDatabase(SUPER, DB) : createProductDatabase(SUPER, DB));
  await migrateUp(url('nastavnik_owner'));
  const owner = new Client({ connectionString: url('nastavnik_owner') });
  await owner.connect();
  let genMs = 0;
  if (!reuse) [genMs] = await timed(() => generate(owner));
  await owner.query(`delete from indicator_snapshots`);
  const counts = (await owner.query(`select
      (select count(*) from tenants where kind = 'organisation') as orgs,
      (select count(*) from tenants where kind = 'municipality') as municipalities,
      (select count(*) from participants where kind = 'student') as students,
      (select count(*) from participants where kind = 'teacher') as teachers,
      (select count(*) from mentoring_pairs) + (select count(*) from pair_mentees) as memberships,
      (select count(*) from questionnaire_answers) as answers`)).rows[0];

  const config = loadConfig({ ...process.env, AUTH_MODE: 'keycloak', DATABASE_URL: url('nastavnik_app'), MIGRATION_DATABASE_URL: url('nastavnik_owner'), INDICATORS_DATABASE_URL: url('nastavnik_indicators') });
  const engine = new IndicatorEngine(config);
  const { start, end } = periodBounds(PERIOD);
  const regionPath = 'bench';
  const oneSchool = (await owner.query(`select id from tenants where code = 'bs1'`)).rows[0].id as string;
  const regionIds = (await owner.query(`select id from tenants where kind = 'organisation' and path <@ $1::ltree`, [regionPath])).rows.map((r) => r.id);
  const params = [PERIOD, start, end, regionIds];
  const loadBefore = loadavg();
  const cpuStart = process.cpuUsage();

  // The owner's statements run in a transaction with the given settings.
  const asOwner = async (sql: string, args: unknown[], settings: Record<string, string>) => {
    await owner.query('begin');
    for (const [name, value] of Object.entries(settings)) await owner.query(`select set_config($1, $2, true)`, [name, value]);
    const [ms, result] = await timed(() => owner.query(sql, args));
    await owner.query('commit');
    return [ms, result] as const;
  };
  const bareSql = bareAggregateSql();
  // First time: no snapshot of the period exists yet, every one is inserted (the table emptied, untimed, before each run).
  const firstTimes: number[] = [];
  for (let i = 0; i < FIRST_RUNS; i += 1) {
    await owner.query(`truncate indicator_snapshots`);
    firstTimes.push((await timed(() => engine.recompute({ path: regionPath }, PERIOD)))[0]);
  }
  const firstFull = medianOf(firstTimes);

  // The baseline's numbers must be the engine's snapshots, value for value.
  const [, bareResult] = await asOwner(bareSql, params, BARE_SETTINGS);
  const snapshots = new Map<string, { numerator: string; denominator: string | null }>();
  for (const r of (await owner.query(`select tenant_id, indicator_code, numerator, denominator from indicator_snapshots where period = $1 and tenant_path <@ $2::ltree`, [PERIOD, regionPath])).rows) {
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
  // A disagreement no longer stops the run before the timings: it is a miss like any other, named
  // after the table, and the run still exits 1.
  const goals = new BenchGoals('bench-indicators');
  if (bareResult.rows.length !== regionIds.length) mismatches.unshift(`the bare aggregate gave ${bareResult.rows.length} organisations, the region has ${regionIds.length}`);
  if (compared !== snapshots.size) mismatches.unshift(`${compared} values compared, the engine wrote ${snapshots.size} snapshots`);
  const exact = goals.exact(`bare aggregate = the engine's snapshots (${compared.toLocaleString('en')} numerators/denominators)`, mismatches);
  const sample = bareResult.rows.find((r) => r.tenant_id === oneSchool);

  const fullTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < FULL_RUNS; i += 1) {
    fullTimes.push((await timed(() => engine.recompute({ path: regionPath }, PERIOD)))[0]); // values unchanged: nothing rewritten
    bareTimes.push((await asOwner(bareSql, params, BARE_SETTINGS))[0]);
  }
  const [full, bare] = [medianOf(fullTimes), medianOf(bareTimes)];
  const statementTimes: number[] = [];
  for (let i = 0; i < 3; i += 1) statementTimes.push((await asOwner(engine.sql, params, ENGINE_SETTINGS))[0]);
  const engineStatement = medianOf(statementTimes);
  const school = await median(SCHOOL_RUNS, () => engine.recompute({ tenantIds: [oneSchool] }, PERIOD));

  // The same reads under RLS (app role, a person's scope) and as the owner (no policies).
  const app = new Pool({ connectionString: url('nastavnik_app'), max: 1 });
  // Each measures the query statement alone, inside a transaction (the scope is set before the clock starts).
  const scoped = async (scope: [string, string, string], sql: string, args: unknown[]): Promise<number> => {
    const client: PoolClient = await app.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.role', $1, true), set_config('app.tenant_id', $2, true), set_config('app.tenant_path', $3, true)`, scope);
      const [ms] = await timed(() => client.query(sql, args));
      await client.query('commit');
      return ms;
    } finally {
      client.release();
    }
  };
  const bareOwner = async (sql: string, args: unknown[]): Promise<number> => {
    await owner.query('begin');
    const [ms] = await timed(() => owner.query(sql, args));
    await owner.query('commit');
    return ms;
  };
  const schoolPath = (await owner.query(`select path::text as path from tenants where id = $1`, [oneSchool])).rows[0].path;
  const regionId = (await owner.query(`select id from tenants where code = 'bench'`)).rows[0].id;
  const curatorSql = `select p.kind, count(*), count(m.mentee_id) as mentees from participants p
                        left join pair_mentees m on m.tenant_id = p.tenant_id and m.mentee_id = p.id group by p.kind`;
  const curatorSqlOwner = `select p.kind, count(*), count(m.mentee_id) as mentees from participants p
                        left join pair_mentees m on m.tenant_id = p.tenant_id and m.mentee_id = p.id where p.tenant_id = $1 group by p.kind`;
  const analystSql = `select o.short_name, s.numerator, s.denominator from tenants o
                        join indicator_snapshots s on s.tenant_id = o.id and s.period = $1 and s.indicator_code = 'T1'
                       where o.kind = 'organisation' order by o.path`;
  const analystSqlOwner = `select o.short_name, s.numerator, s.denominator from tenants o
                        join indicator_snapshots s on s.tenant_id = o.id and s.period = $1 and s.indicator_code = 'T1'
                       where o.kind = 'organisation' and o.path <@ 'bench' order by o.path`;
  await owner.query(`analyze indicator_snapshots`);
  const [curatorRls, curatorOwner] = await pairedMedians(RLS_RUNS, () => scoped(['curator', oneSchool, schoolPath], curatorSql, []), () => bareOwner(curatorSqlOwner, [oneSchool]));
  const [analystRls, analystOwner] = await pairedMedians(RLS_RUNS, () => scoped(['region-analyst', regionId, regionPath], analystSql, [PERIOD]), () => bareOwner(analystSqlOwner, [PERIOD]));
  const loadAfter = loadavg();
  const cpuUsed = process.cpuUsage(cpuStart);
  await app.end();
  await engine.onModuleDestroy();
  await owner.end();

  const cpu = cpus()[0]?.model ?? 'unknown';
  const fmt = (ms: number) => ms.toFixed(1);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const goal = {
    full: mark(goals.atMost('full-region recompute, values unchanged', full, 2000, 'ms')),
    fullRatio: mark(goals.atMost('full-region recompute, values unchanged ÷ bare aggregate', full / bare, 1.5, '×')),
    first: mark(goals.atMost('full-region recompute, first time', firstFull, 2000, 'ms')),
    firstRatio: mark(goals.atMost('full-region recompute, first time ÷ bare aggregate', firstFull / bare, 1.5, '×')),
    school: mark(goals.atMost("one school's recompute", school, 50, 'ms')),
    curator: mark(goals.atMost('curator read under RLS ÷ owner', curatorRls / curatorOwner, 1.1, '×')),
    analyst: mark(goals.atMost('region analyst read under RLS ÷ owner', analystRls / analystOwner, 1.1, '×')),
  };
  const lines = [
    '# Indicator benchmark',
    '',
    `- Node ${process.version}, ${cpus().length} cores (${cpu}), PostgreSQL ${execSync('psql --version').toString().trim().split(' ').pop()}`,
    `- Date: ${new Date().toISOString()}; command: \`node -r ./tools/register.cjs tools/bench/indicators/bench-indicators.ts${QUICK ? ' --quick' : ''}\``,
    `- Load average (1 / 5 / 15 min) before: ${load(loadBefore)}, after: ${load(loadAfter)} — the machine is shared; the bench's own Node process used ${((cpuUsed.user + cpuUsed.system) / 1000).toFixed(0)} ms of CPU.`,
    `- Data (${reuse ? 'database reused' : `generated in ${(genMs / 1000).toFixed(0)} s`}, database \`${DB}\`, vacuumed and analysed): ${counts.orgs} organisations, ${counts.municipalities} municipalities, ${Number(counts.students).toLocaleString('en')} students, ${Number(counts.teachers).toLocaleString('en')} teachers, ${Number(counts.memberships).toLocaleString('en')} pair memberships, ${Number(counts.answers).toLocaleString('en')} questionnaire answers; ${INDICATORS.length} indicator definitions.`,
    `- Medians: region ${FULL_RUNS} runs (recompute and bare aggregate alternately; first-time recompute ${FIRST_RUNS}), school ${SCHOOL_RUNS}, reads ${RLS_RUNS} (RLS and owner alternately). Settings: engine ${Object.entries(ENGINE_SETTINGS).map(([name, value]) => `\`${name} = ${value}\``).join(', ')}; bare aggregate ${Object.entries(BARE_SETTINGS).map(([name, value]) => `\`${name} = ${value}\``).join(', ')} and parallel query as configured.`,
    `- Check ${mark(exact)}: the bare aggregate's ${compared.toLocaleString('en')} numerators/denominators ${exact ? 'equal' : `**differ from** (${mismatches.length})`} the engine's snapshots (school bs1: T1 ${sample?.['T1:n']}/${sample?.['T1:d']}, T3 ${sample?.['T3:n']}/${sample?.['T3:d']}, M1 ${sample?.['M1:n']}/${sample?.['M1:d']}).`,
    '',
    '| measurement | time, ms | goal | ratio |',
    '|---|---:|---|---:|',
    `| bare aggregate: one hand-written statement over the base tables (owner, no RLS, no writes), whole region | ${fmt(bare)} | — | 1.00 |`,
    `| full-region recompute, values unchanged (engine role: the organisations, then 2 parts at once, each: statement, upsert that writes nothing, commit) | ${fmt(full)} | ≤ 2,000 ms ${goal.full}, ≤ 1.5× bare ${goal.fullRatio} | ${ratio(full, bare)} |`,
    `| full-region recompute, first time (the same, inserting ${(Number(counts.orgs) * INDICATORS.length).toLocaleString('en')} snapshots) | ${fmt(firstFull)} | ≤ 2,000 ms ${goal.first}, ≤ 1.5× bare ${goal.firstRatio} | ${ratio(firstFull, bare)} |`,
    `| … the engine's compiled statement alone, whole region in one part (owner, engine settings, no writes) | ${fmt(engineStatement)} | — | ${ratio(engineStatement, bare)} |`,
    `| one school's recompute | ${fmt(school)} | ≤ 50 ms ${goal.school} | — |`,
    `| curator: the school's people and mentees by kind — under RLS (app role, curator scope) | ${curatorRls.toFixed(2)} | ≤ 1.10× owner ${goal.curator} | ${ratio(curatorRls, curatorOwner)} |`,
    `| … the same as the owner, tenant in the WHERE clause, no RLS | ${curatorOwner.toFixed(2)} | | 1.00 |`,
    `| region analyst: T1 league table from snapshots — under RLS (analyst scope) | ${analystRls.toFixed(2)} | ≤ 1.10× owner ${goal.analyst} | ${ratio(analystRls, analystOwner)} |`,
    `| … the same as the owner, region in the WHERE clause, no RLS | ${analystOwner.toFixed(2)} | | 1.00 |`,
    '',
    goals.summary(),
    '',
  ];
  const out = lines.join('\n');
  // A quick run is a smoke test of the bench on a small region: it must not replace the measurement.
  if (!QUICK) writeFileSync(join(__dirname, '..', '..', '..', 'docs', 'benchmarks-indicators.md'), out);
  console.log(out);
  if (QUICK) console.log('(--quick: docs/benchmarks-indicators.md not written)');
  goals.finish();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

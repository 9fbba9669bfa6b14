/**
 * Indicator benchmark (`node -r ./tools/register.cjs tools/bench/indicators/bench-indicators.ts`):
 * generates a region of 1,200 organisations in 60 municipalities with 700,000 students, 60,000
 * teachers, 250,000 pair memberships and 500,000 questionnaire answers in a scratch database,
 * then measures in one run:
 *  - the full-region recompute (engine role: one set-based statement + upsert of every snapshot)
 *    against the bare aggregate statement run by the owner (no RLS, no mapping, no writes);
 *  - one school's recompute;
 *  - the same queries under row-level security (app role, a person's scope) against the owner.
 * Writes docs/benchmarks-indicators.md.
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { IndicatorEngine } from '@nastavnik/monitoring/indicator-engine';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { periodBounds } from '@nastavnik/monitoring/indicator-facts';
import { migrateUp } from '../../db/migrate';

const DB = process.env.BENCH_DATABASE ?? 'nastavnik_bench';
const SUPER = process.env.POSTGRES_SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = (role: string) => `postgres://${role}@127.0.0.1:5432/${DB}`;
const PERIOD = '2022/2023';
const ORGS = 1200;
const STUDENTS_PER_ORG = 583; // 699,600
const TEACHERS_PER_ORG = 50; // 60,000
const PAIRS_PER_ORG = 42; // 42 × (1 mentor + 4 mentees) × 1,200 = 252,000 memberships
const RESPONDENTS_PER_ORG = 84; // × 5 answers × 1,200 = 504,000 answers

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(fn))[0]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function generate(owner: Client): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => owner.query(sql, params);
  await q(`insert into tenants (kind, code, path, full_name, short_name) values ('region', 'bench', 'bench'::ltree, 'Нагрузочный регион', 'Регион')`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name)
           select 'municipality', 'bm' || m, (select id from tenants where code = 'bench'), ('bench.bm' || m)::ltree, 'Муниципалитет ' || m, 'МО ' || m
             from generate_series(1, 60) m`);
  await q(`insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type)
           select 'organisation', 'bs' || s, mu.id, (mu.path::text || '.bs' || s)::ltree, 'Школа № ' || s, 'Школа ' || s, 'school'
             from generate_series(1, ${ORGS}) s join tenants mu on mu.code = 'bm' || (1 + (s - 1) % 60)`);
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
  await q(`analyze`);
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
  const [genMs] = await timed(() => generate(owner));
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

  const [firstFull] = await timed(() => engine.recompute({ path: regionPath }, PERIOD)); // every snapshot new: all written
  const bare = await median(5, () => owner.query(engine.sql, params));
  const full = await median(5, () => engine.recompute({ path: regionPath }, PERIOD)); // values unchanged: nothing rewritten
  const school = await median(15, () => engine.recompute({ tenantIds: [oneSchool] }, PERIOD));

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
  const medianOf = async (runs: number, fn: () => Promise<number>): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await fn());
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
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
  const curatorRls = await medianOf(31, () => scoped(['curator', oneSchool, schoolPath], curatorSql, []));
  const curatorOwner = await medianOf(31, () => bareOwner(curatorSqlOwner, [oneSchool]));
  const analystRls = await medianOf(31, () => scoped(['region-analyst', regionId, regionPath], analystSql, [PERIOD]));
  const analystOwner = await medianOf(31, () => bareOwner(analystSqlOwner, [PERIOD]));
  await app.end();
  await engine.onModuleDestroy();
  await owner.end();

  const cpu = cpus()[0]?.model ?? 'unknown';
  const fmt = (ms: number) => ms.toFixed(1);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const lines = [
    '# Indicator benchmark',
    '',
    `- Node ${process.version}, ${cpus().length} cores (${cpu}), PostgreSQL ${execSync('psql --version').toString().trim().split(' ').pop()}`,
    `- Date: ${new Date().toISOString()}; command: \`node -r ./tools/register.cjs tools/bench/indicators/bench-indicators.ts\``,
    `- Data (generated in ${(genMs / 1000).toFixed(0)} s, database \`${DB}\`): ${counts.orgs} organisations, ${counts.municipalities} municipalities, ${Number(counts.students).toLocaleString('en')} students, ${Number(counts.teachers).toLocaleString('en')} teachers, ${Number(counts.memberships).toLocaleString('en')} pair memberships, ${Number(counts.answers).toLocaleString('en')} questionnaire answers; ${INDICATORS.length} indicator definitions. Medians.`,
    '',
    '| measurement | time, ms | goal | ratio |',
    '|---|---:|---|---:|',
    `| bare aggregate statement (owner, no RLS, no writes), whole region | ${fmt(bare)} | — | 1.00 |`,
    `| full-region recompute, first time (engine role: compute + insert ${Number(counts.orgs) * INDICATORS.length} snapshots + commit) | ${fmt(firstFull)} | ≤ 2,000 ms, ≤ 1.5× bare | ${ratio(firstFull, bare)} |`,
    `| full-region recompute, values unchanged (compute + upsert that rewrites nothing) | ${fmt(full)} | ≤ 2,000 ms, ≤ 1.5× bare | ${ratio(full, bare)} |`,
    `| one school's recompute | ${fmt(school)} | ≤ 50 ms | — |`,
    `| curator: the school's people and mentees by kind — under RLS (app role, curator scope) | ${fmt(curatorRls)} | ≤ 1.10× owner | ${ratio(curatorRls, curatorOwner)} |`,
    `| … the same as the owner, tenant in the WHERE clause, no RLS | ${fmt(curatorOwner)} | | 1.00 |`,
    `| region analyst: T1 league table from snapshots — under RLS (analyst scope) | ${fmt(analystRls)} | ≤ 1.10× owner | ${ratio(analystRls, analystOwner)} |`,
    `| … the same as the owner, region in the WHERE clause, no RLS | ${fmt(analystOwner)} | | 1.00 |`,
    '',
  ];
  const out = lines.join('\n');
  writeFileSync(join(__dirname, '..', '..', '..', 'docs', 'benchmarks-indicators.md'), out);
  console.log(out);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

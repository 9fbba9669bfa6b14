import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { Pool } from 'pg';
import { scratchDatabase } from '@nastavnik/testing/scratch';
import { testConfig, tokenFor } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestApi, type GqlResponse } from './test-api';

/*
 * Issue 11: every query and mutation of `apps/api/schema.gql`, sent with arguments generated from
 * their GraphQL types — nulls, wrong types, prototype keys as strings and enum values, NUL and lone
 * surrogates, 100 KB strings, extreme numbers and dates, other schools' ids — as a school curator
 * and as a region analyst, on the demo's world. No answer may be INTERNAL_SERVER_ERROR or carry a
 * stack or SQL text, and none may carry another school's records; afterwards, in the same
 * process, a canary still answers. An operation added to the schema is covered without editing
 * this file. Bounded: FUZZ_RUNS cases per operation and role (10 by default), FUZZ_SECONDS overall.
 */

const ROOT = join(__dirname, '..', '..', '..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 240);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));

/** Texts that broke or could break something: prototype keys, controls, broken UTF-16, huge, invisible, formulas, SQL. */
const HOSTILE_TEXT = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf',
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\u200B\u200B\u200B', '\u202Eтекст', '\u2066\u2069', '\t\r\n',
  "'; drop table participants; --", '%', '_', '\\', '"', '${x}', '=HYPERLINK("http://x","клик")', '+7(912)000', '@SUM(1)',
  '2023-02-30', '0000-00-00', '9999-12-31', '2022/2023', '0000/0001', '2998/2999', '2023-02-30T10:00:00Z', '1e309', 'NaN', '-1',
];
/** The keys every plain object answers: the most likely to reach a lookup table. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const HUGE_TEXT = 'я'.repeat(100_000);
const PLAUSIBLE_TEXT = ['Иванова', 'Пётр', 'Анна-Мария', 'учитель', 'Программа «Шаг»', 'ivan@example.ru', '2023-05-31', '2024-09-01', '2022/2023', 'D01', 'T1', 'MENTORING-R145', 'ASC', 'DESC', 'lastName', 'createdAt', 'title'];

type Pools = { own: string[]; foreign: string[]; tenants: string[] };
type Case = { operation: string; kind: 'query' | 'mutation'; role: string; query: string; variables: Record<string, unknown> };
type Finding = { case: Case; problem: string; response: unknown };

describe('schema-driven fuzz (issue 11)', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'fuzz');
  const prefix = `${env.redisPrefix}-fuzz`;
  let owner: Pool;
  let api: TestApi;
  let pools: { curator: Pools; analyst: Pools };
  /** Ids whose appearance in an answer's data is a leak, per role. */
  let forbidden: { curator: Set<string>; analyst: Set<string> };
  let curatorToken: string;
  let analystToken: string;

  beforeAll(async () => {
    await database.create();
    const urls = { DATABASE_URL: database.appUrl, MIGRATION_DATABASE_URL: database.ownerUrl, INDICATORS_DATABASE_URL: database.indicatorsUrl, REDIS_URL: env.redisUrl, REDIS_PREFIX: prefix };
    await database.migrate();
    await runScript('tools/demo-data/seed-demo.ts', urls);
    owner = new Pool({ connectionString: database.ownerUrl, max: 2 });
    api = await TestApi.start(testConfig(env, { DATABASE_URL: database.appUrl, MIGRATION_DATABASE_URL: database.ownerUrl, INDICATORS_DATABASE_URL: database.indicatorsUrl, REDIS_PREFIX: prefix }));
    curatorToken = tokenFor('curator', 'uyut');
    analystToken = tokenFor('region-analyst', 'demo');

    const uyut = (await owner.query<{ id: string }>(`select id from tenants where code = 'uyut'`)).rows[0].id;
    const rows = await idsOfEveryTenantTable(owner);
    const tenants = (await owner.query<{ id: string }>(`select id from tenants`)).rows.map((r) => r.id);
    const own = rows.filter((r) => r.tenant_id === uyut).map((r) => r.id);
    const foreign = rows.filter((r) => r.tenant_id !== uyut).map((r) => r.id);
    pools = { curator: { own, foreign, tenants }, analyst: { own: [], foreign: rows.map((r) => r.id), tenants } };
    forbidden = {
      curator: new Set(foreign),
      analyst: new Set(rows.filter((r) => PERSONAL_TABLES.has(r.table)).map((r) => r.id)),
    };
    expect(own.length).toBeGreaterThan(100);
    expect(forbidden.analyst.size).toBeGreaterThan(100);
  }, 240_000);

  afterAll(async () => {
    await api?.close();
    await owner?.end();
    await database.drop();
  });

  it('no operation answers INTERNAL_SERVER_ERROR, a stack or SQL text, or another school\'s records; the process stays healthy', async () => {
    const operations = [
      ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ field, kind: 'query' as const })),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ field, kind: 'mutation' as const })),
    ];
    expect(operations.length).toBeGreaterThan(150);
    const deadline = Date.now() + SECONDS * 1000;
    const findings: Finding[] = [];
    let sent = 0;
    const skipped: string[] = [];
    const outcomes = new Map<string, number>();
    const roles = [
      { role: 'curator', token: curatorToken, pools: pools.curator, forbidden: forbidden.curator },
      { role: 'region-analyst', token: analystToken, pools: pools.analyst, forbidden: forbidden.analyst },
    ];
    for (const [index, { field, kind }] of operations.entries()) {
      if (Date.now() > deadline) {
        skipped.push(...operations.slice(index).map((o) => o.field.name));
        break;
      }
      for (const { role, token, pools: idPool, forbidden: leakIds } of roles) {
        const samples = fc.sample(argumentsOf(field.args, idPool), { numRuns: RUNS, seed: SEED + index * 7919 + role.length });
        for (const variables of samples) {
          const testCase: Case = { operation: field.name, kind, role, query: documentOf(kind, field), variables };
          const response = await api.gql(token, testCase.query, variables);
          sent += 1;
          const outcome = response.errors?.length ? String(response.errors[0].extensions?.code) : 'OK';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          const problem = problemOf(response, leakIds, variables);
          if (problem) findings.push({ case: testCase, problem, response: { status: response.status, errors: response.errors, data: response.data } });
        }
      }
    }
    const summary = findings.slice(0, 12).map((f) => `${f.case.role} ${f.case.operation}: ${f.problem}\n  variables: ${preview(f.case.variables)}\n  answer: ${preview(f.response)}`);
    console.log(`fuzz: ${sent} requests over ${operations.length - skipped.length} of ${operations.length} operations, seed ${SEED}, ${findings.length} findings; answers: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}${skipped.length ? `; not reached in ${SECONDS} s: ${skipped.join(', ')}` : ''}`);
    expect(summary).toEqual([]);
    expect(skipped).toEqual([]);

    // The canary, in the same process: the curator's own school and a list with nested fields.
    const mine = await api.gql<{ myTenant: { code: string } }>(curatorToken, `{ myTenant { code } }`);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.myTenant.code).toBe('uyut');
    const list = await api.gql<{ allParticipants: { id: string; lastName: string; baseEntries: { base: string }[]; consents: { signedOn: string }[] }[]; _allParticipantsMeta: { count: number } }>(
      curatorToken,
      `{ allParticipants(perPage: 10, sortField: "lastName") { id lastName baseEntries { base } consents { signedOn } } _allParticipantsMeta { count } }`,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.allParticipants).toHaveLength(10);
    expect(list.data?._allParticipantsMeta.count).toBeGreaterThan(10);
    expect(list.data?.allParticipants.some((p) => p.baseEntries.length > 0 && p.consents.length > 0)).toBe(true);
    expect(({} as Record<string, unknown>).id).toBeUndefined(); // Object.prototype unpolluted
    const health = await api.http().get('/health');
    expect(health.status).toBe(200);
  }, 600_000);

  function runScript(script: string, extra: NodeJS.ProcessEnv): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', './tools/register.cjs', script], {
        cwd: ROOT,
        env: { ...process.env, ...extra, AUTH_MODE: 'keycloak', NODE_ENV: 'test' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}: ${err.slice(-2000)}`))));
    });
  }
});

/** Tables of people and what they did: no region analyst may ever receive one of their ids. */
const PERSONAL_TABLES = new Set(['participants', 'consents', 'participant_base_entries', 'questionnaire_responses', 'questionnaire_links', 'mentoring_pairs', 'meetings']);

/** Up to 40 ids of each tenant from every table that has `id uuid` and `tenant_id`. */
async function idsOfEveryTenantTable(owner: Pool): Promise<{ table: string; id: string; tenant_id: string }[]> {
  const tables = (
    await owner.query<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
        where c.table_schema = 'public' and c.column_name = 'tenant_id' and c.table_name <> 'tenants'
          and exists (select 1 from information_schema.columns i where i.table_schema = 'public' and i.table_name = c.table_name and i.column_name = 'id' and i.data_type = 'uuid')
          and exists (select 1 from information_schema.tables t where t.table_schema = 'public' and t.table_name = c.table_name and t.table_type = 'BASE TABLE')`,
    )
  ).rows.map((r) => r.table_name);
  const rows: { table: string; id: string; tenant_id: string }[] = [];
  for (const table of tables) {
    const found = await owner.query<{ id: string; tenant_id: string }>(
      `select id::text, tenant_id::text from (select id, tenant_id, row_number() over (partition by tenant_id order by id) as n from "${table}" where tenant_id is not null) x where n <= 40`,
    );
    rows.push(...found.rows.map((r) => ({ table, ...r })));
  }
  return rows;
}

/** What is wrong with an answer, or undefined. */
function problemOf(response: GqlResponse, leakIds: ReadonlySet<string>, variables: Record<string, unknown>): string | undefined {
  if (response.status >= 500) return `HTTP ${response.status}`;
  for (const error of response.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') return `an error without a code: ${error.message}`;
    if (code === 'INTERNAL_SERVER_ERROR') return 'INTERNAL_SERVER_ERROR';
    if (LEAKY_TEXT.test(withoutEchoes(error.message, variables))) return `stack or SQL text in a message: ${error.message.slice(0, 300)}`;
  }
  if (response.data) {
    const sent = JSON.stringify(variables);
    const text = JSON.stringify(response.data);
    for (const id of text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []) {
      if (leakIds.has(id) && !sent.includes(id)) return `another school's record in the answer: ${id}`;
    }
  }
  return undefined;
}

/** A message less the texts the request itself sent (GraphQL quotes a refused value back). */
function withoutEchoes(message: string, variables: unknown): string {
  const sent: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.length > 1) sent.push(value, JSON.stringify(value).slice(1, -1));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(variables);
  return sent.sort((a, b) => b.length - a.length).reduce((text, echo) => text.split(echo).join(''), message);
}

/** What only a stack trace, a driver or the SQL would say. */
const LEAKY_TEXT = /\n\s+at |node_modules|\.ts:\d+|QueryFailedError|TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|undefined is not|Maximum call stack|\bselect\b.+\bfrom\b|\binsert into\b|\bupdate\b.+\bset\b|violates .*constraint|duplicate key|syntax error at|relation "|column "|invalid input syntax|\$\d\b/i;

function preview(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v)).slice(0, 900);
}

/** `query($a: T!, …) { op(a: $a, …) { selection } }` for one operation. */
function documentOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = field.args.length ? `(${field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  return `${kind} Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${call}${selectionOf(field.type, 2)} }`;
}

/** Every leaf field without required arguments, and nested objects' leaves to `depth` levels. */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return ' { __typename }';
  const fields = Object.values((named as GraphQLObjectType).getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    if (isLeafType(getNamedType(f.type))) return [f.name];
    if (depth > 1) return [`${f.name}${selectionOf(f.type, depth - 1)}`];
    return [];
  });
  return ` { ${parts.length ? parts.join(' ') : '__typename'} }`;
}

/**
 * Four cases in five are of the declared types (hostile only in content), so that they pass
 * GraphQL's own coercion and reach the resolvers; the fifth mixes in nulls for non-null
 * arguments, wrong types and unknown enum values, which GraphQL itself must refuse cleanly.
 */
function argumentsOf(args: readonly GraphQLArgument[], pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const record = (mode: Mode) =>
    fc.record(Object.fromEntries(args.map((arg) => [arg.name, valueOf(arg.type, arg.name, pools, 0, mode)])), {
      requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
    });
  return fc.oneof({ weight: 2, arbitrary: record('plausible') }, { weight: 4, arbitrary: record('typed') }, { weight: 1, arbitrary: record('untyped') });
}

/**
 * `plausible`: what a console would send (own ids, texts that fit the field's name), to reach
 * deep paths; `typed`: of the declared types, hostile in content; `untyped`: anything at all.
 */
type Mode = 'plausible' | 'typed' | 'untyped';

/** Values of a GraphQL input type in a mode: null only where nullable unless untyped; other types only when untyped. */
function valueOf(type: GraphQLInputType, name: string, pools: Pools, depth: number, mode: Mode): fc.Arbitrary<unknown> {
  const typed = mode !== 'untyped';
  const inner = isNonNullType(type) ? type.ofType : type;
  const value = typedValueOf(inner, name, pools, depth, mode);
  const choices: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [{ weight: 12, arbitrary: value }];
  if (!isNonNullType(type) || !typed) choices.push({ weight: mode === 'plausible' ? 6 : 2, arbitrary: fc.constant(null) });
  if (!typed) choices.push({ weight: 1, arbitrary: fc.constantFrom<unknown>(42, -1, true, 'текст', [], {}, ['__proto__'], 2 ** 40) });
  return fc.oneof(...choices);
}

function typedValueOf(type: GraphQLInputType, name: string, pools: Pools, depth: number, mode: Mode): fc.Arbitrary<unknown> {
  const typed = mode !== 'untyped';
  if (isListType(type)) return fc.array(valueOf(type.ofType, name, pools, depth + 1, mode), { maxLength: depth > 2 ? 1 : 4 });
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((v) => v.name));
    return typed ? values : fc.oneof(values, fc.constantFrom('__proto__', 'constructor', 'toString', type.getValues()[0].name.toLowerCase(), ''));
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, f.name, pools, depth + 1, mode)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
    return typed ? record : fc.oneof(record, record.map((r) => ({ ...r, unknownField: 'x' })));
  }
  switch (type.name) {
    case 'ID':
      return mode === 'plausible' && pools.own.length ? fc.constantFrom(...pools.own) : idOf(pools);
    case 'Int':
      if (mode === 'plausible') return fc.integer({ min: 0, max: 30 });
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -2, max: 60 }) },
        { weight: 2, arbitrary: fc.constantFrom(0, 1, 25, 500, 501, 10_000, 2 ** 31 - 1, -(2 ** 31)) },
        { weight: 1, arbitrary: typed ? fc.integer() : fc.constantFrom(2 ** 31, 1.5, -(2 ** 53)) },
      );
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 1e308, -1e308, 5e-324));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(
        fc.date({ min: new Date('2015-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('2023-02-30T10:00:00Z', '2023-13-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2023-05-31', 'завтра', '', '2023-05-31T25:61:00+99:00'),
      );
    default:
      return mode === 'plausible' ? plausibleStringOf(name) : stringOf(name, pools);
  }
}

/** A text that fits a field by its name, as the console would send it. */
function plausibleStringOf(name: string): fc.Arbitrary<string> {
  if (/(date|On|From|To|deadline|Until)$/i.test(name)) return fc.constantFrom('2024-09-02', '2025-05-20', '2023-02-28');
  if (/(academicYear|period)$/i.test(name)) return fc.constantFrom('2024/2025', '2025/2026', '2022/2023');
  if (/email/i.test(name)) return fc.constant('ivan@example.ru');
  if (/phone/i.test(name)) return fc.constant('+7 912 000-00-00');
  if (/^sortField$/.test(name)) return fc.constantFrom('createdAt', 'title', 'lastName', 'position', 'sortOrder');
  if (/^sortOrder$/.test(name)) return fc.constantFrom('ASC', 'DESC');
  if (/code$/i.test(name)) return fc.constantFrom('T1', 'T3', 'MENTORING-R145', 'school-x1');
  if (/grade|letter/i.test(name)) return fc.constantFrom('А', 'Б');
  return fc.constantFrom('Иванова', 'Анна', 'Программа «Шаг»', 'Встреча по проекту', 'учитель математики', 'Комментарий куратора');
}

function idOf(pools: Pools): fc.Arbitrary<string> {
  const from = (list: string[]) => (list.length ? fc.constantFrom(...list) : fc.uuid());
  return fc.oneof(
    { weight: 4, arbitrary: from(pools.own) },
    { weight: 4, arbitrary: from(pools.foreign) },
    { weight: 2, arbitrary: from(pools.tenants) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom('', 'not-a-uuid', '__proto__', 'constructor', '\u0000', '00000000-0000-0000-0000-000000000000', `${'f'.repeat(8)}-ffff-ffff-ffff-${'f'.repeat(12)}'--`) },
  );
}

function stringOf(name: string, pools: Pools): fc.Arbitrary<string> {
  const idLike = /id$/i.test(name) ? [{ weight: 2, arbitrary: idOf(pools) }] : [];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE_TEXT) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constant(HUGE_TEXT) },
    ...idLike,
  );
}

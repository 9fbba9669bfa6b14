/**
 * The API side of the access-journal benchmark (tools/bench/journal/bench-journal.ts forks this
 * file: tools may not import the app). It builds the real API in this process from the
 * configuration it is given and measures the same GraphQL requests with the journal's recording on
 * and off — `JOURNAL_SWITCH.enabled` (personal-data/journal.ts), which only this harness turns
 * off. Requests are injected into Fastify (no sockets). The halves alternate request by request
 * (on, off, off, on, …), so a busy moment of a shared machine falls on both, and each "on" sample
 * has an "off" neighbour. Prints one JSON line with the samples and the journal rows each half wrote.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, type GraphQLObjectType, type GraphQLSchema, isEnumType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import { Client } from 'pg';
import { journalEntityTitleOf } from '@nastavnik/platform/personal-data/personal-data';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { JOURNAL_SWITCH } from '@nastavnik/platform/personal-data/journal';
import { createApiApp } from '../src/bootstrap';

type Input = { env: NodeJS.ProcessEnv; ownerUrl: string; token: string; tenantId: string; people: string[]; pairs: number; warmup: number; concurrent: number };

/**
 * The console's participants list page as its data provider asks for it (apps/console/src/dataProvider:
 * `schema.ts` selection, `buildQuery.ts` getList): every field without a required argument — scalars
 * and enums, and each object field with its own scalars and enums — 25 to a page, sorted by surname,
 * and the list's count. Built here from the API's schema by the same rule (tests may not import the
 * console), so the page measured is the one a curator's browser sends.
 */
function consoleSelection(schema: GraphQLSchema, typeName: string, depth = 0): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return 'id';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth === 0) parts.push(`${field.name} { ${consoleSelection(schema, named.name, 1)} }`);
  }
  return parts.join(' ');
}
const SCHEMA = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
const CONSOLE_LIST = `query ListParticipant($page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
  items: allParticipants(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { ${consoleSelection(SCHEMA, 'Participant')} }
  total: _allParticipantsMeta { count } }`;
/** The nested fields of the page whose type the journal records (a declared entity): one journal row each when they hold a record. */
const NESTED_JOURNALED = Object.values((SCHEMA.getType('Participant') as GraphQLObjectType).getFields())
  .filter((field) => isObjectType(getNamedType(field.type)) && journalEntityTitleOf(getNamedType(field.type).name) !== undefined)
  .map((field) => field.name);
/** The lighter page of earlier runs: a few fields and the nested consents, no count (shown, not a goal). */
const LIGHT_LIST = `query($page: Int) { allParticipants(page: $page, perPage: 25, sortField: "lastName", sortOrder: "ASC") {
  id fullName kind birthDate grade classLetter position phone email hasValidConsent consents { id signedOn purposes } } }`;
const WRITE = `mutation($id: ID!, $n: String) { updateParticipant(id: $id, input: { notes: $n }) { id notes } }`;

async function main(): Promise<void> {
  const input = JSON.parse(process.env.JOURNAL_BENCH_INPUT ?? '{}') as Input;
  const app = await createApiApp(loadConfig(input.env), { logger: false });
  const fastify = app.getHttpAdapter().getInstance();
  const owner = new Client({ connectionString: input.ownerUrl });
  await owner.connect();
  let n = 0;
  let lastBody = '';
  const call = async (query: string, variables: Record<string, unknown>): Promise<number> => {
    const started = process.hrtime.bigint();
    const response = await fastify.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${input.token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ query, variables }) });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.statusCode !== 200 || (JSON.parse(response.body) as { errors?: unknown }).errors) throw new Error(`request failed: ${response.statusCode} ${response.body.slice(0, 300)}`);
    lastBody = response.body;
    return elapsed;
  };
  const list = () => call(CONSOLE_LIST, { page: n++ % 30, perPage: 25, sortField: 'lastName', sortOrder: 'ASC' });
  const light = () => call(LIGHT_LIST, { page: n++ % 30 });
  /** Journal rows one console page must leave: the page, and one per nested journaled field that returned a record. */
  const expectedRows = (): number => {
    const items = (JSON.parse(lastBody) as { data: { items: Record<string, unknown>[] } }).data.items;
    return items.length === 0 ? 0 : 1 + NESTED_JOURNALED.filter((field) => items.some((item) => Array.isArray(item[field]) && (item[field] as unknown[]).length > 0)).length;
  };
  const write = () => call(WRITE, { id: input.people[n++ % input.people.length], n: `заметка ${n}` });
  const rows = async () => Number((await owner.query(`select count(*)::int as n from access_journal where tenant_id = $1`, [input.tenantId])).rows[0].n);
  try {
    for (let i = 0; i < input.warmup; i += 1) {
      JOURNAL_SWITCH.enabled = i % 2 === 0;
      await list();
      await light();
      await write();
    }
    const kinds = { list, light, write };
    const samples = { list: { on: [] as number[], off: [] as number[] }, light: { on: [] as number[], off: [] as number[] }, write: { on: [] as number[], off: [] as number[] } };
    const written = { on: 0, off: 0 };
    let expected = 0;
    for (const kind of ['list', 'light', 'write'] as const) {
      for (let i = 0; i < input.pairs; i += 1) {
        for (const enabled of i % 2 === 0 ? [true, false] : [false, true]) {
          JOURNAL_SWITCH.enabled = enabled;
          const before = await rows();
          samples[kind][enabled ? 'on' : 'off'].push(await kinds[kind]());
          written[enabled ? 'on' : 'off'] += (await rows()) - before;
          // The light page: the page and its consents; a write: one row.
          if (enabled) expected += kind === 'list' ? expectedRows() : kind === 'light' ? 2 : 1;
        }
      }
    }
    const concurrent = { on: 0, off: 0 };
    for (const enabled of [true, false, true, false]) {
      JOURNAL_SWITCH.enabled = enabled;
      const started = process.hrtime.bigint();
      let done = 0;
      await Promise.all(Array.from({ length: input.concurrent }, async () => {
        for (let i = 0; i < 20; i += 1) {
          await write();
          done += 1;
        }
      }));
      const rate = done / (Number(process.hrtime.bigint() - started) / 1e9);
      concurrent[enabled ? 'on' : 'off'] = Math.max(concurrent[enabled ? 'on' : 'off'], rate);
    }
    JOURNAL_SWITCH.enabled = true;
    process.stdout.write(`${JSON.stringify({ samples, written, expected, nested: NESTED_JOURNALED, concurrent, total: await rows() })}\n`);
  } finally {
    await app.close();
    await owner.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

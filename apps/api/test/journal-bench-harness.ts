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
import { Client } from 'pg';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { JOURNAL_SWITCH } from '@nastavnik/platform/personal-data/journal';
import { createApiApp } from '../src/bootstrap';

type Input = { env: NodeJS.ProcessEnv; ownerUrl: string; token: string; tenantId: string; people: string[]; pairs: number; warmup: number; concurrent: number };

const LIST = `query($page: Int) { allParticipants(page: $page, perPage: 25, sortField: "lastName", sortOrder: "ASC") {
  id fullName kind birthDate grade classLetter position phone email hasValidConsent consents { id signedOn purposes } } }`;
const WRITE = `mutation($id: ID!, $n: String) { updateParticipant(id: $id, input: { notes: $n }) { id notes } }`;

async function main(): Promise<void> {
  const input = JSON.parse(process.env.JOURNAL_BENCH_INPUT ?? '{}') as Input;
  const app = await createApiApp(loadConfig(input.env), { logger: false });
  const fastify = app.getHttpAdapter().getInstance();
  const owner = new Client({ connectionString: input.ownerUrl });
  await owner.connect();
  let n = 0;
  const call = async (query: string, variables: Record<string, unknown>): Promise<number> => {
    const started = process.hrtime.bigint();
    const response = await fastify.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${input.token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ query, variables }) });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.statusCode !== 200 || (JSON.parse(response.body) as { errors?: unknown }).errors) throw new Error(`request failed: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return elapsed;
  };
  const list = () => call(LIST, { page: n++ % 30 });
  const write = () => call(WRITE, { id: input.people[n++ % input.people.length], n: `заметка ${n}` });
  const rows = async () => Number((await owner.query(`select count(*)::int as n from access_journal where tenant_id = $1`, [input.tenantId])).rows[0].n);
  try {
    for (let i = 0; i < input.warmup; i += 1) {
      JOURNAL_SWITCH.enabled = i % 2 === 0;
      await list();
      await write();
    }
    const samples = { list: { on: [] as number[], off: [] as number[] }, write: { on: [] as number[], off: [] as number[] } };
    const written = { on: 0, off: 0 };
    for (const kind of ['list', 'write'] as const) {
      for (let i = 0; i < input.pairs; i += 1) {
        for (const enabled of i % 2 === 0 ? [true, false] : [false, true]) {
          JOURNAL_SWITCH.enabled = enabled;
          const before = await rows();
          samples[kind][enabled ? 'on' : 'off'].push(await (kind === 'list' ? list() : write()));
          written[enabled ? 'on' : 'off'] += (await rows()) - before;
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
    process.stdout.write(`${JSON.stringify({ samples, written, concurrent, total: await rows() })}\n`);
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

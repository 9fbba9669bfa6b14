import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Pool } from 'pg';
import { scratchDatabase } from '@nastavnik/testing/scratch';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { migrateUp } from '../db/migrate';
import { GOLDEN_EXPECTED, GOLDEN_MEETINGS, GOLDEN_PERIOD } from './golden-mishkino';

const ROOT = join(__dirname, '..', '..');

/**
 * `npm run demo`'s data, loaded by the real seed script into a database of its own: Мишкинская
 * СОШ carries seed 004's records, so the engine, run through the operators' CLI, gives the
 * published 2022/2023 figures for the demo's school too; a second run of the seed adds nothing.
 */
describe('demo data', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'demo');
  const childEnv = {
    ...process.env,
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    INDICATORS_DATABASE_URL: database.indicatorsUrl,
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: `${env.redisPrefix}-demo`,
    AUTH_MODE: 'keycloak',
    NODE_ENV: 'test',
  };
  let owner: Pool;

  beforeAll(async () => {
    await database.create();
    await migrateUp(childEnv.MIGRATION_DATABASE_URL);
    owner = new Pool({ connectionString: childEnv.MIGRATION_DATABASE_URL, max: 2 });
  }, 60_000);

  afterAll(async () => {
    await owner?.end();
    await database.drop();
  });

  function run(script: string, args: string[] = []): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', './tools/register.cjs', script, ...args], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}:\n${err.slice(-3000)}`))));
    });
  }

  const count = async (sql: string, params: unknown[] = []) => Number((await owner.query<{ n: string }>(sql, params)).rows[0].n);

  it('Мишкинская СОШ of the demo gives seed 004\'s published figures for 2022/2023; a second seed adds nothing', async () => {
    const first = await run('tools/demo-data/seed-demo.ts');
    expect(first).toContain('mish: 197 people created');
    const mish = (await owner.query<{ id: string }>(`select id from tenants where code = 'mish'`)).rows[0].id;

    const printed = JSON.parse(await run('tools/cli/cli.ts', ['indicators', '--org', 'mish', '--period', GOLDEN_PERIOD, '--json'])) as { code: string; numerator: number; denominator: number | null; value: number | null }[];
    const byCode = new Map(printed.map((row) => [row.code, row]));
    for (const [code, expected] of Object.entries(GOLDEN_EXPECTED)) {
      const row = byCode.get(code);
      expect({ code, numerator: row?.numerator, denominator: row?.denominator, value: row?.value }).toEqual({ code, ...expected });
    }
    for (const [type, byDirection] of Object.entries(GOLDEN_MEETINGS)) {
      const key = type === 'ORGANISATIONAL' ? 'ORG' : 'TRIAL';
      for (const [direction, expected] of Object.entries(byDirection)) expect({ direction, n: byCode.get(`MEET.${key}.${direction}`)?.numerator }).toEqual({ direction, n: expected });
    }

    // The running year: the same people in programmes of their own, every school with answers.
    expect(await count(`select count(*) as n from programmes where tenant_id = $1 and academic_year <> $2`, [mish, GOLDEN_PERIOD])).toBe(3);
    expect(await count(`select count(*) as n from mentoring_pairs p join programmes pr on pr.id = p.programme_id where p.tenant_id = $1 and pr.academic_year <> $2 and p.status = 'active'`, [mish, GOLDEN_PERIOD])).toBeGreaterThan(0);
    expect(await count(`select count(distinct tenant_id) as n from questionnaire_responses where academic_year <> $1`, [GOLDEN_PERIOD])).toBe(5);

    // Issue 17: the demo's schools' curators and regions' analysts have (fictitious) addresses, so the demo's maildev shows their messages.
    expect((await owner.query(`select t.code, s.curator_email, a.analyst_email from notification_settings s join tenants t on t.id = s.tenant_id left join region_notification_addresses a on a.tenant_id = s.tenant_id order by t.code`)).rows).toEqual([
      { code: 'demo', curator_email: null, analyst_email: 'analyst.demo@example.ru' },
      { code: 'g40', curator_email: 'curator.g40@example.ru', analyst_email: null },
      { code: 'mish', curator_email: 'curator.mish@example.ru', analyst_email: null },
      { code: 'north', curator_email: null, analyst_email: 'analyst.north@example.ru' },
      { code: 'sch51', curator_email: 'curator.sh51@example.ru', analyst_email: null },
      { code: 'sosh31', curator_email: 'curator.sosh31@example.ru', analyst_email: null },
      { code: 'uyut', curator_email: 'curator.uyut@example.ru', analyst_email: null },
    ]);

    const tables = ['notification_settings', 'participants', 'participant_base_entries', 'consents', 'programmes', 'mentoring_pairs', 'meetings', 'questionnaire_responses', 'programme_scorecards'];
    const before = await Promise.all(tables.map((table) => count(`select count(*) as n from ${table}`)));
    const second = await run('tools/demo-data/seed-demo.ts');
    expect(second).toContain('0 tenants created');
    expect(await Promise.all(tables.map((table) => count(`select count(*) as n from ${table}`)))).toEqual(before);
  }, 180_000);
});

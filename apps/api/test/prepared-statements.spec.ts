import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { testConfig, TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestApi } from './test-api';

const PAGE = `query { allParticipants(page: 0, perPage: 25, sortField: "lastName", sortOrder: "ASC") { id lastName hasValidConsent baseEntries { id participantId } consents { id participantId } } _allParticipantsMeta { count } }`;

type Page = { allParticipants: { id: string; lastName: string; hasValidConsent: boolean; baseEntries: { id: string; participantId: string }[]; consents: { id: string; participantId: string }[] }[]; _allParticipantsMeta: { count: number } };

/**
 * The hot reads' statements are named statements of their connection (issue 15,
 * libs/platform/src/database/prepared-statements.ts): Postgres keeps their plans from one request
 * to the next, whoever sends it. So the API here has one connection, and curators of two schools
 * take turns on it, past the five custom plans after which Postgres may keep a generic one (its
 * choice, by the database's statistics), and again with the generic plan forced from the first
 * execution: each curator gets their own school's people, entries and consents — all of them, and
 * nothing of the other school — every time. The connection's own catalogue of prepared statements shows the page's and the readers'
 * statements executed under both plans.
 */
describe('prepared statements: one connection, kept plans, alternating schools', () => {
  const env = readTestEnv();
  let db: TestDb;
  const schools: { school: TenantRow; token: string; people: string[]; entries: string[]; consents: string[] }[] = [];

  beforeAll(async () => {
    db = new TestDb();
    for (const name of ['Первая', 'Вторая']) {
      const { school } = await db.newSchoolWorld();
      const people: string[] = [];
      const entries: string[] = [];
      const consents: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const { rows } = await db.owner.query<{ id: string }>(
          `insert into participants (tenant_id, kind, last_name, first_name, birth_date) values ($1, 'teacher', $2, 'Анна', '1980-01-01') returning id`,
          [school.id, `${name} ${i}`],
        );
        people.push(rows[0].id);
        entries.push((await db.owner.query<{ id: string }>(`insert into participant_base_entries (tenant_id, participant_id, base, status) values ($1, $2, 'mentor', 'selected') returning id`, [school.id, rows[0].id])).rows[0].id);
        if (i % 2 === 0) {
          consents.push((await db.owner.query<{ id: string }>(`insert into consents (tenant_id, participant_id, signed_by, signed_on, purposes) values ($1, $2, 'self', '2024-09-01', '{processing,pairing}') returning id`, [school.id, rows[0].id])).rows[0].id);
        }
      }
      schools.push({ school, token: tokenFor('curator', school.code), people: people.sort(), entries: entries.sort(), consents: consents.sort() });
    }
  });

  afterAll(async () => {
    await db.close();
  });

  it.each([
    ['the plans Postgres chooses', ''],
    ['the generic plan forced', 'force_generic_plan'],
  ])('%s: each curator reads their own school, every time', async (_name, planCacheMode) => {
    const url = new URL(env.appUrl);
    if (planCacheMode) url.searchParams.set('options', `-c plan_cache_mode=${planCacheMode}`);
    const api = await TestApi.start(testConfig(env, { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '1' }));
    try {
      for (let round = 0; round < 8; round += 1) {
        for (const own of schools) {
          const response = await api.gql<Page>(own.token, PAGE);
          expect(response.errors).toBeUndefined();
          const page = response.data!;
          const ids = page.allParticipants.map((p) => p.id);
          expect({ round, people: [...ids].sort() }).toEqual({ round, people: own.people });
          expect(page._allParticipantsMeta.count).toBe(own.people.length);
          expect(page.allParticipants.flatMap((p) => p.baseEntries.map((e) => e.id)).sort()).toEqual(own.entries);
          expect(page.allParticipants.flatMap((p) => p.consents.map((c) => c.id)).sort()).toEqual(own.consents);
          expect(page.allParticipants.filter((p) => p.hasValidConsent).length).toBe(own.consents.length);
          for (const p of page.allParticipants) expect([...p.baseEntries, ...p.consents].every((row) => row.participantId === p.id)).toBe(true);
        }
      }
      // The one connection's named statements: the page's and the base entries' and consents' readers, each run 16 times.
      const context = api.app.get(TenantContext);
      const statements = await context.runInScope({ role: 'curator', tenantId: schools[0].school.id, tenantPath: schools[0].school.path, allTenants: false, actor: 'prepared-statements-spec' }, async () =>
        (await context.manager()).query(`select name, statement, generic_plans::int as generic, custom_plans::int as custom, current_setting('plan_cache_mode') as mode from pg_prepared_statements where name like 'nastavnik_%'`),
      );
      const run = (pattern: RegExp) => statements.filter((s: { statement: string }) => pattern.test(s.statement));
      for (const pattern of [/FROM "participants" "p".* LIMIT \$\d+ OFFSET \$\d+$/s, /FROM "participant_base_entries" "r" WHERE "r"."participant_id" = any\(\$1\)/, /FROM "consents" "r" WHERE "r"."participant_id" = any\(\$1\)/]) {
        const [statement] = run(pattern);
        expect({ pattern: String(pattern), found: statement !== undefined }).toEqual({ pattern: String(pattern), found: true });
        expect(statement.generic + statement.custom).toBe(16);
        // Postgres' own choice depends on the statistics of the run's database (five custom plans,
        // then a generic one if it costs no more); the forced case holds the generic plan either way.
        if (planCacheMode) expect(statement).toMatchObject({ generic: 16, custom: 0, mode: 'force_generic_plan' });
      }
    } finally {
      await api.close();
    }
  }, 60_000);
});

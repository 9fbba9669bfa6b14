import { Pool } from 'pg';
import { storeOutcomeSnapshots } from '@nastavnik/monitoring/outcomes/outcome-snapshots';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders } from './questionnaires-builders';
import { codesOf, TestApi } from './test-api';

const PERIOD = '2022/2023';

type Region = {
  regionOutcomes: {
    nodeId: string | null;
    questions: { role: string; text: string; hint: string | null; organisations: number; pairs: number; tooFew: boolean; meanBefore: number | null; meanAfter: number | null; meanChange: number | null; onlyBefore: number; onlyAfter: number }[];
  };
};
const QUERY = `query($period: String!, $parentId: ID) { regionOutcomes(period: $period, parentId: $parentId) {
  nodeId questions { role text hint organisations pairs tooFew meanBefore meanAfter meanChange onlyBefore onlyAfter } } }`;

/**
 * The region's outcomes (issue 13, item 5; docs/adr/0035): the schools' before/after aggregates
 * stored by the engine's role as `OUT.*` snapshots and summed for the region — equal to SQL over the
 * responses; a group under 3 pairs shows no means («мало ответов»); another region's analyst sees
 * none of them; nobody but the engine reads the fact view.
 */
describe('outcomes for the region: sums over schools, small groups withheld', () => {
  let api: TestApi;
  let db: TestDb;
  let engine: Pool;
  let build: QuestionnaireBuilders;
  let region: TenantRow;
  let big: TenantRow;
  let small: TenantRow;
  let other: TenantRow;
  let schoolA: TenantRow;
  let schoolB: TenantRow;
  let schoolC: TenantRow;

  /** `n` persons of the school answering the student's entry and final questionnaires (`paired` of them both), with ratings from `seed`. */
  const respond = async (school: TenantRow, paired: number, onlyBefore: number, seed: number) => {
    const programme = await build.programme(school.id, PERIOD);
    const pre = await build.defaultTemplate('mentee-student-growth-pre');
    const post = await build.defaultTemplate('mentee-student-growth-post');
    let s = seed;
    const next = () => (s = (s * 48271) % 2147483647) % 5 + 1;
    const insert = async (templateId: string, person: string, phase: string, at: string) => {
      const { rows } = await db.owner.query<{ id: string }>(
        `insert into questionnaire_responses (tenant_id, template_id, participant_id, programme_id, respondent_role, academic_year, phase, channel, submitted_at)
         values ($1, $2, $3, $4, 'mentee', $5, $6, 'curator', $7) returning id`,
        [school.id, templateId, person, programme, PERIOD, phase, at],
      );
      for (const q of (await db.owner.query<{ id: string }>(`select id from questionnaire_questions where template_id = $1 and kind = 'rating' order by position`, [templateId])).rows) {
        await db.owner.query(`insert into questionnaire_answers (tenant_id, response_id, template_id, question_id, value_number) values ($1, $2, $3, $4, $5)`, [school.id, rows[0].id, templateId, q.id, next()]);
      }
    };
    for (let i = 0; i < paired + onlyBefore; i += 1) {
      const person = (await build.person(school.id, { kind: 'student' })).id;
      await insert(pre.id, person, 'pre', '2022-10-01T09:00:00Z');
      if (i < paired) await insert(post.id, person, 'post', '2023-05-01T09:00:00Z');
    }
  };

  /** Written independently: per statement, the region's pairs and means straight from the responses. */
  const expected = async (path: string) =>
    (
      await db.owner.query<{ text: string; pairs: number; before: string; after: string }>(
        `with a as (
           select r.participant_id, r.phase, lower(q.text) as text, a.value_number as value
             from questionnaire_responses r join tenants t on t.id = r.tenant_id
             join questionnaire_answers a on a.response_id = r.id join questionnaire_questions q on q.id = a.question_id
            where t.path <@ $1::ltree and r.academic_year = $2 and q.kind = 'rating')
         select b.text, count(*)::int as pairs, round(avg(b.value), 2) as before, round(avg(f.value), 2) as after
           from a b join a f on f.participant_id = b.participant_id and f.text = b.text and f.phase = 'post'
          where b.phase = 'pre' group by b.text order by b.text`,
        [path, PERIOD],
      )
    ).rows;

  const ask = async (token: string, parentId?: string) => {
    const response = await api.gql<Region>(token, QUERY, { period: PERIOD, parentId });
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!.regionOutcomes;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    engine = new Pool({ connectionString: readTestEnv().indicatorsUrl, max: 1 });
    region = await db.newRegion();
    big = await db.newMunicipality(region);
    small = await db.newMunicipality(region);
    schoolA = await db.newOrganisation(big);
    schoolB = await db.newOrganisation(small);
    const world = await db.newSchoolWorld();
    other = world.region;
    schoolC = world.school;
    await respond(schoolA, 5, 1, 7);
    await respond(schoolB, 2, 0, 11);
    await respond(schoolC, 4, 0, 13);
    // As the worker's job does it: on the engine's connection, region by region.
    const client = await engine.connect();
    try {
      for (const r of [region, other]) await storeOutcomeSnapshots(client, PERIOD, r.path);
    } finally {
      client.release();
    }
  });
  afterAll(async () => {
    await api.close();
    await engine.end();
    await db.close();
  });

  it("the region's pairs and means per statement are Σ over its schools, equal to SQL over the responses", async () => {
    const result = await ask(tokenFor('region-analyst', region.code));
    expect(result.nodeId).toBe(region.id);
    const mentee = result.questions.filter((q) => q.role === 'MENTEE' && q.pairs > 0);
    const rows = await expected(region.path);
    expect(rows).toHaveLength(6);
    expect(mentee.map((q) => ({ text: q.text.toLowerCase(), pairs: q.pairs, before: q.meanBefore, after: q.meanAfter })).sort((x, y) => x.text.localeCompare(y.text)))
      .toEqual(rows.map((r) => ({ text: r.text, pairs: r.pairs, before: Number(r.before), after: Number(r.after) })).sort((x, y) => x.text.localeCompare(y.text)));
    for (const q of mentee) {
      expect([q.pairs, q.organisations, q.onlyBefore, q.onlyAfter, q.tooFew]).toEqual([7, 2, 1, 0, false]);
      expect(q.meanChange).toBeCloseTo((q.meanAfter ?? 0) - (q.meanBefore ?? 0), 1);
    }
  });

  it('a group of fewer than 3 pairs shows its counts but no means («мало ответов»)', async () => {
    const result = await ask(tokenFor('region-analyst', region.code), small.id);
    const mentee = result.questions.filter((q) => q.role === 'MENTEE' && q.pairs > 0);
    expect(mentee).toHaveLength(6);
    for (const q of mentee) expect(q).toMatchObject({ pairs: 2, organisations: 1, tooFew: true, meanBefore: null, meanAfter: null, meanChange: null });
    const large = (await ask(tokenFor('region-analyst', region.code), big.id)).questions.filter((q) => q.role === 'MENTEE' && q.pairs > 0);
    for (const q of large) expect(q).toMatchObject({ pairs: 5, tooFew: false });
  });

  it("isolation: another region's analyst sees none of it, cannot name it, and a curator is refused; only the engine reads the fact", async () => {
    const theirs = await ask(tokenFor('region-analyst', other.code));
    const answered = theirs.questions.filter((q) => q.pairs > 0);
    expect(answered).toHaveLength(6);
    for (const q of answered) expect(q).toMatchObject({ role: 'MENTEE', pairs: 4, organisations: 1 });
    const named = await api.gql<Region>(tokenFor('region-analyst', other.code), QUERY, { period: PERIOD, parentId: region.id });
    expect(codesOf(named)).toEqual(['NOT_FOUND']);
    const curator = await api.gql<Region>(tokenFor('curator', schoolA.code), QUERY, { period: PERIOD });
    expect(codesOf(curator)).toEqual(['FORBIDDEN']);
    const { rows } = await db.owner.query(
      `select r.rolname, has_table_privilege(r.rolname, 'ind_outcome_facts', 'select') as reads from pg_roles r
        where r.rolname in ('nastavnik_app', 'nastavnik_platform_admin', 'nastavnik_indicators') order by 1`,
    );
    expect(rows).toEqual([
      { rolname: 'nastavnik_app', reads: false },
      { rolname: 'nastavnik_indicators', reads: true },
      { rolname: 'nastavnik_platform_admin', reads: false },
    ]);
  });
});

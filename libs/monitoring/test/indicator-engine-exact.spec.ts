import { Client, type Pool } from 'pg';
import { TestDb } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { compileIndicatorSql } from '../src/indicator-engine';
import { type FactCount, type IndicatorDefinition, INDICATORS, validateDefinitions } from '../src/indicator-definitions';
import { ageSql, type FactName } from '../src/indicator-facts';

const PERIOD = '2022/2023';
const START = '2022-09-01';
const END = '2023-08-31';

/**
 * The straightforward formulation the engine must equal: each fact row joined to its person (kind
 * and age by age() itself), and per count `count(distinct unit_id) filter (where … and …)`.
 */
const AGE = `extract(year from age($2::date, p.birth_date))::int`;
const PERSON = `join ind_person_facts p on p.tenant_id = x.tenant_id and p.participant_id = x.participant_id`;
const REFERENCE_FACTS: Record<FactName, string> = {
  persons: `select p.tenant_id, p.participant_id as unit_id, p.kind, ${AGE} as age from ind_person_facts p`,
  memberships: `select x.tenant_id, x.participant_id as unit_id, x.role, p.kind, ${AGE} as age from ind_membership_facts x ${PERSON} where x.period = $1`,
  satisfaction: `select x.tenant_id, x.participant_id as unit_id, x.role, x.satisfied, p.kind, ${AGE} as age from ind_satisfaction_facts x ${PERSON} where x.period = $1`,
  bases: `select x.tenant_id, x.participant_id as unit_id, x.base, x.surveyed, x.trained, p.kind, ${AGE} as age from ind_base_facts x ${PERSON}
           where x.included_on <= $3::date and (x.left_on is null or x.left_on >= $2::date)`,
  meetings: `select m.tenant_id, m.meeting_id as unit_id, m.meeting_type, m.direction from ind_meeting_facts m where m.period = $1`,
  scorecards: `select s.tenant_id, s.scorecard_id as unit_id, s.level, s.total from ind_scorecard_facts s where s.period = $1`,
};

function referenceSql(count: FactCount): string {
  return `select count(distinct f.unit_id)::int as n from (${REFERENCE_FACTS[count.fact]}) f
           where f.tenant_id = $4::uuid and $1::text is not null and $2::date <= $3::date
             and (${count.where ?? 'true'}) and (${count.person ?? 'true'})`;
}

/**
 * The engine compiles every definition into one statement that never sorts for a distinct count
 * (flags per person, one pass over the persons). On a school whose people are in two pairs, in
 * both bases, mentors and mentees at once, answering twice, of every age around the boundaries —
 * and on a second school that must not leak into the first — it must give, count for count, what
 * `count(distinct …)` over each fact joined to its person gives.
 */
describe('indicator engine: the compiled statement equals count(distinct …)', () => {
  let db: TestDb;
  let owner: Pool;
  let engine: Client;
  const schools: string[] = [];

  beforeAll(async () => {
    db = new TestDb();
    owner = db.owner;
    // The engine's own role, as the worker runs the statement.
    engine = new Client({ connectionString: readTestEnv().indicatorsUrl });
    await engine.connect();
    await loadFixture();
  }, 120_000);

  afterAll(async () => {
    await engine?.end();
    await db?.close();
  });

  async function insert(sql: string, params: unknown[] = []): Promise<string> {
    return (await owner.query(`${sql} returning id`, params)).rows[0].id;
  }

  async function loadFixture(): Promise<void> {
    const { municipality, school } = await db.newSchoolWorld();
    schools.push(school.id, (await db.newOrganisation(municipality)).id);
    const ref = async (table: string, code: string) => (await owner.query(`select id from ${table} where code = $1`, [code])).rows[0].id as string;
    const form = await ref('mentoring_forms', 'STUDENT_STUDENT');
    const [organisational, trial] = [await ref('meeting_types', 'ORGANISATIONAL'), await ref('meeting_types', 'TRIAL')];
    const [d01, d07] = [await ref('mentoring_directions', 'D01'), await ref('mentoring_directions', 'D07')];
    const template = (await owner.query(`select id, phase from questionnaire_templates where code = 'mentee-satisfaction' and tenant_id is null and is_current`)).rows[0];

    for (const [s, school] of schools.entries()) {
      let n = 0;
      const person = (kind: string, birth: string | null) =>
        insert(`insert into participants (tenant_id, kind, last_name, first_name, birth_date) values ($1, $2, 'Фамилия', $3, $4)`, [school, kind, `И${(n += 1)}`, birth]);
      // Ages on 1 September 2022 around the boundaries 10, 15 and 19/20, a birthday on the day itself, no birth date.
      const s9 = await person('student', '2012-09-02'); // 9
      const s10 = await person('student', '2012-09-01'); // 10 on the day
      const s12 = await person('student', '2010-03-15');
      const s15 = await person('student', '2007-09-01'); // 15
      const s19 = await person('student', '2003-09-01'); // 19 on the day
      const s20 = await person('student', '2002-09-01'); // 20
      const sNull = await person('student', null);
      const t1 = await person('teacher', '1980-02-29');
      const t2 = await person('teacher', '1975-06-01');
      const parent = await person('parent', '1985-01-01');
      for (let i = 0; i < s; i += 1) await person('student', '2011-01-01'); // the second school differs

      const programme = (year: string) => insert(`insert into programmes (tenant_id, title, academic_year, form_id, start_date, end_date, status)
        values ($1, $2, $3, $4, '2022-10-01', '2023-06-30', 'active')`, [school, `Программа ${year}`, year, form]);
      const current = await programme(PERIOD);
      const previous = await programme('2021/2022');
      const pair = (prog: string, mentor: string, mentees: string[], status = 'active') => (async () => {
        const ended = status === 'completed' || status === 'ended_early';
        const id = await insert(`insert into mentoring_pairs (tenant_id, programme_id, mentor_id, status, start_date, end_date, end_reason)
          values ($1, $2, $3, $4, '2022-10-15', $5, $6)`, [school, prog, mentor, status, ended ? '2023-05-01' : null, status === 'ended_early' ? 'other' : null]);
        for (const mentee of mentees) await owner.query(`insert into pair_mentees (tenant_id, pair_id, mentor_id, mentee_id) values ($1, $2, $3, $4)`, [school, id, mentor, mentee]);
        return id;
      })();
      // s15 mentors two pairs; s10 is a mentee in both; s19 is a mentor and a mentee; a teacher is a mentee.
      const p1 = await pair(current, s15, [s10, s12]);
      await pair(current, s15, [s10, t1], 'completed');
      await pair(current, s20, [s19, sNull], 'ended_early');
      await pair(current, s19, [s9]);
      await pair(current, t2, [s12], 'draft'); // a draft pair counts nobody
      await pair(previous, parent, [s20]); // another school year

      const entry = (participant: string, base: string, status: string, extra: Record<string, string> = {}) =>
        owner.query(`insert into participant_base_entries (tenant_id, participant_id, base, status, included_on, surveyed_on, trained_on, withdrawn_on, finished_on)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [school, participant, base, status, extra.included ?? '2022-09-10', extra.surveyed ?? null, extra.trained ?? null, extra.withdrawn ?? null, extra.finished ?? null]);
      await entry(s10, 'mentee', 'surveyed');
      await entry(s10, 'mentor', 'potential', { surveyed: '2022-09-20' }); // in both bases
      await entry(s12, 'mentee', 'potential');
      await entry(t1, 'mentee', 'selected');
      await entry(t2, 'mentor', 'trained', { trained: '2022-10-01' });
      await entry(s15, 'mentor', 'in_pair', { surveyed: '2022-09-12', trained: '2022-09-30' });
      await entry(s19, 'mentor', 'withdrawn', { withdrawn: '2022-08-01', included: '2022-01-10' }); // left before the year
      await entry(s20, 'mentee', 'finished', { finished: '2023-01-15', included: '2022-03-01' }); // left during the year
      await entry(parent, 'mentor', 'surveyed', { included: '2023-09-01' }); // after the year

      const answer = (participant: string, role: string, satisfied: boolean, at: string, year = PERIOD) =>
        owner.query(`insert into questionnaire_responses (tenant_id, template_id, participant_id, respondent_role, academic_year, phase, channel, satisfied, submitted_at)
          values ($1, $2, $3, $4, $5, $6, 'curator', $7, $8)`, [school, template.id, participant, role, year, template.phase, satisfied, at]);
      await answer(s10, 'mentee', false, '2023-03-01T10:00:00+03'); // answered twice: the later answer counts
      await answer(s10, 'mentee', true, '2023-05-20T10:00:00+03');
      await answer(s12, 'mentee', true, '2023-05-20T10:00:00+03');
      await answer(s12, 'mentee', false, '2023-05-21T10:00:00+03');
      await answer(s19, 'mentee', true, '2023-05-20T10:00:00+03');
      await answer(s19, 'mentor', true, '2023-05-20T10:00:00+03'); // the same person in both roles
      await answer(s15, 'mentor', false, '2023-05-20T10:00:00+03');
      await answer(s9, 'mentee', true, '2022-05-20T10:00:00+03', '2021/2022');

      const meeting = (type: string, direction: string | null, prog = current) =>
        owner.query(`insert into meetings (tenant_id, programme_id, pair_id, meeting_type_id, direction_id, held_on) values ($1, $2, $3, $4, $5, '2022-10-20')`, [school, prog, p1, type, direction]);
      await meeting(organisational, d07);
      await meeting(organisational, d07);
      await meeting(trial, d01);
      await meeting(trial, null);

      await owner.query(`insert into programme_scorecards (tenant_id, programme_id, academic_year, e1, e2, e3, e4, e5, e6, e7, e8, e9, rater)
        values ($1, $2, $3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 'Куратор')`, [school, current, PERIOD]);
    }
  }

  async function compare(definitions: IndicatorDefinition[]): Promise<Record<string, string>> {
    validateDefinitions(definitions);
    const { rows } = await engine.query<Record<string, string>>(compileIndicatorSql(definitions), [PERIOD, START, END, schools]);
    expect(rows.map((r) => r.tenant_id)).toEqual([...schools].sort());
    const first: Record<string, string> = {};
    for (const row of rows) {
      for (const [i, d] of definitions.entries()) {
        for (const [alias, count] of [[`n${i}`, d.numerator], [`d${i}`, d.denominator]] as const) {
          if (!count) continue;
          const expected = (await engine.query(referenceSql(count), [PERIOD, START, END, row.tenant_id])).rows[0].n;
          expect({ school: row.tenant_id, code: d.code, alias, value: Number(row[alias]) }).toEqual({ school: row.tenant_id, code: d.code, alias, value: expected });
          if (row.tenant_id === schools[0]) first[`${d.code}.${alias[0]}`] = row[alias];
        }
      }
    }
    return first;
  }

  it('the fixture has the duplicates the rewrite must see through', async () => {
    const [school] = schools;
    const twice = async (sql: string) => (await engine.query(sql, [school])).rows[0];
    // Rows outnumber the distinct persons: in two pairs, in both bases, answering in two roles.
    expect(await twice(`select count(*)::int as rows, count(distinct participant_id)::int as persons from ind_membership_facts where tenant_id = $1 and period = '${PERIOD}'`)).toEqual({ rows: 11, persons: 8 });
    expect(await twice(`select count(*)::int as rows, count(distinct participant_id)::int as persons from ind_base_facts where tenant_id = $1`)).toEqual({ rows: 9, persons: 8 });
    expect(await twice(`select count(*)::int as rows, count(distinct participant_id)::int as persons from ind_satisfaction_facts where tenant_id = $1 and period = '${PERIOD}'`)).toEqual({ rows: 5, persons: 4 });
  });

  it('every shipped definition, for both schools at once', async () => {
    const first = await compare(INDICATORS);
    // A few by hand, so that a reference that drifted with the engine would show here too.
    expect(first).toMatchObject({
      'T1.n': '3', // mentees aged 10–19: s10, s12, s19 (s9 is 9, sNull has no age, t1 is a teacher)
      'T1.d': '4', // students aged 10–19: s10, s12, s15, s19
      'T2.n': '2', // mentors aged 15–19: s15, s19 (s20 is 20)
      'T3.n': '2', // latest answers as a mentee: s10 yes, s12 no, s19 yes
      'T3.d': '3',
      'N1.n': '7', // students in a pair of the year: s9, s10, s12, s15, s19, s20, sNull
      'M1.n': '2', // student mentee base, surveyed, during the year: s10, s20 (left in January; s12 not surveyed)
      'M2.n': '1', // teacher mentee base, surveyed: t1 (selected)
      'M3.n': '3', // mentor base, surveyed: s10, t2 (trained), s15; not s19 (left before) nor the parent (joined after)
      'M5.n': '2', // mentor base, trained: t2, s15
      'MENTORS.n': '3', // s15 (two pairs), s19, s20 — not the draft pair's t2 nor last year's parent
      'MENTEES.n': '6',
      'MEET.ORG.D07.n': '2',
      'MEET.TRIAL.D01.n': '1',
      'EFF.OPTIMAL.n': '1',
    });
  });

  it('conditions on the person for any person fact, and counts without a condition', async () => {
    const custom: IndicatorDefinition[] = [
      { code: 'X1', title: 'x', shortTitle: 'x', unit: 'count', source: 'test', numerator: { fact: 'satisfaction', where: `role = 'mentee' and satisfied`, person: `age between 10 and 14` } },
      { code: 'X2', title: 'x', shortTitle: 'x', unit: 'count', source: 'test', numerator: { fact: 'bases', person: `kind <> 'student'` } },
      { code: 'X3', title: 'x', shortTitle: 'x', unit: 'percent', source: 'test', numerator: { fact: 'memberships' }, denominator: { fact: 'persons' } },
      { code: 'X4', title: 'x', shortTitle: 'x', unit: 'count', source: 'test', numerator: { fact: 'meetings' } },
      { code: 'X5', title: 'x', shortTitle: 'x', unit: 'count', source: 'test', numerator: { fact: 'satisfaction', where: `satisfied` } },
    ];
    expect(await compare(custom)).toMatchObject({ 'X1.n': '1', 'X2.n': '2', 'X3.n': '8', 'X3.d': '10', 'X4.n': '4', 'X5.n': '2' });
  });

  it('a person condition on a fact whose unit is not a person is refused', () => {
    const wrong: IndicatorDefinition = { code: 'X9', title: 'x', shortTitle: 'x', unit: 'count', source: 'test', numerator: { fact: 'meetings', person: `kind = 'student'` } };
    expect(() => validateDefinitions([wrong])).toThrow('a person condition needs a fact whose unit is a person');
  });

  it('the age is age() to the day, 1860–2035, for reference dates on and around 29 February', async () => {
    for (const reference of ['2022-09-01', '2024-02-29', '2023-02-28', '2023-03-01', '2000-01-01', '2035-12-31']) {
      const { rows } = await owner.query(`
        select count(*)::int as days,
               count(*) filter (where (${ageSql('b', '$1::date')}) is distinct from extract(year from age($1::date, b))::int)::int as different
          from (select date '1860-01-01' + i as b from generate_series(0, date '2035-12-31' - date '1860-01-01') i) days`, [reference]);
      expect({ reference, ...rows[0] }).toEqual({ reference, days: 64_283, different: 0 });
    }
  });
});

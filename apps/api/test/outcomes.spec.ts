import { randomBytes } from 'node:crypto';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders } from './questionnaires-builders';
import { codesOf, TestApi } from './test-api';

const PERIOD = '2022/2023';

type Question = { id: string; kind: string; text: string; option_codes: string[]; option_labels: string[]; scale_min: number | null; scale_max: number | null };
type Outcomes = {
  schoolOutcomes: {
    tenantId: string;
    programmes: {
      programmeId: string | null;
      title: string;
      questions: { key: string; role: string; kind: string; text: string; pairs: number; meanBefore: number | null; meanAfter: number | null; meanChange: number | null; onlyBefore: number; onlyAfter: number; options: { label: string; before: number; after: number }[] }[];
      responseRates: { role: string; phase: string; linksIssued: number; answeredByLink: number; respondents: number; participants: number; linkRate: number | null; participantRate: number | null }[];
    }[];
    responseRates: { role: string; phase: string; linksIssued: number; answeredByLink: number; respondents: number; participants: number }[];
    satisfactionMentees: { respondents: number; participants: number; linksIssued: number; answeredByLink: number } | null;
  };
};

const QUERY = `query($period: String!, $tenantId: ID) { schoolOutcomes(period: $period, tenantId: $tenantId) {
  tenantId
  programmes { programmeId title
    questions { key role kind text pairs meanBefore meanAfter meanChange onlyBefore onlyAfter options { label before after } }
    responseRates { role phase linksIssued answeredByLink respondents participants linkRate participantRate } }
  responseRates { role phase linksIssued answeredByLink respondents participants }
  satisfactionMentees { respondents participants linksIssued answeredByLink } } }`;

/** A small deterministic generator, so a failure reproduces. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * Outcomes (issue 13, item 5): the before/after comparison and the response rates of a school's
 * programmes, checked against SQL written here over generated responses — persons with both
 * phases (paired), with one only, with repeated questionnaires (the earliest «до» and the latest
 * «после» count) — and isolation: another school's curator and a region's analyst get nothing.
 */
describe('outcomes: before/after and response rates', () => {
  let api: TestApi;
  let db: TestDb;
  let build: QuestionnaireBuilders;
  let school: TenantRow;
  let other: TenantRow;
  let region: TenantRow;
  let programme: string;
  let second: string;

  const insertResponse = async (tenantId: string, templateId: string, participantId: string, programmeId: string | null, role: string, phase: string, submittedAt: string, answers: { questionId: string; value?: number; options?: string[] }[], linkId: string | null = null) => {
    const { rows } = await db.owner.query<{ id: string }>(
      `insert into questionnaire_responses (tenant_id, template_id, participant_id, programme_id, respondent_role, academic_year, phase, channel, link_id, submitted_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [tenantId, templateId, participantId, programmeId, role, PERIOD, phase, linkId ? 'link' : 'curator', linkId, submittedAt],
    );
    for (const a of answers) {
      await db.owner.query(
        `insert into questionnaire_answers (tenant_id, response_id, template_id, question_id, value_number, value_options) values ($1, $2, $3, $4, $5, $6)`,
        [tenantId, rows[0].id, templateId, a.questionId, a.value ?? null, a.options ?? null],
      );
    }
    return rows[0].id;
  };
  const insertLink = async (tenantId: string, templateId: string, participantId: string, programmeId: string, used: boolean) => {
    const { rows } = await db.owner.query<{ id: string }>(
      `insert into questionnaire_links (tenant_id, template_id, participant_id, programme_id, academic_year, token_hash, expires_at, used_at, claimed_in)
       values ($1, $2, $3, $4, $5, $6, now() + interval '10 days', $7, case when $7::timestamptz is null then null else pg_current_xact_id() end) returning id`,
      [tenantId, templateId, participantId, programmeId, PERIOD, randomBytes(32).toString('hex'), used ? new Date() : null],
    );
    return rows[0].id;
  };
  const questionsOf = async (templateId: string) =>
    (await db.owner.query<Question>(`select id, kind, text, option_codes, option_labels, scale_min, scale_max from questionnaire_questions where template_id = $1 order by position`, [templateId])).rows;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    const world = await db.newSchoolWorld();
    school = world.school;
    region = world.region;
    other = (await db.newSchoolWorld()).school;
    const random = generator(20260513);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];

    programme = await build.programme(school.id, PERIOD);
    second = await build.programme(school.id, PERIOD);
    const pre = await build.defaultTemplate('mentee-student-growth-pre');
    const post = await build.defaultTemplate('mentee-student-growth-post');
    const mentorPre = await build.defaultTemplate('mentor-growth-pre');
    const preQuestions = await questionsOf(pre.id);
    const postQuestions = await questionsOf(post.id);
    const mentorQuestions = await questionsOf(mentorPre.id);
    const answersFor = (questions: Question[]) =>
      questions.filter((q) => q.kind !== 'open').map((q) =>
        q.kind === 'rating'
          ? { questionId: q.id, value: (q.scale_min ?? 1) + Math.floor(random() * ((q.scale_max ?? 5) - (q.scale_min ?? 1) + 1)) }
          : q.kind === 'single_choice'
            ? { questionId: q.id, options: [pick(q.option_codes)] }
            : { questionId: q.id, options: [...new Set([pick(q.option_codes), pick(q.option_codes)])] },
      );

    // 3 mentors with 4 mentees each in the first programme, one pair still a draft (its mentees are no participants).
    const mentees: string[] = [];
    for (let m = 0; m < 4; m += 1) {
      const mentor = (await build.person(school.id)).id;
      const status = m === 3 ? 'draft' : 'active';
      const { rows } = await db.owner.query<{ id: string }>(
        `insert into mentoring_pairs (tenant_id, programme_id, mentor_id, status, start_date) values ($1, $2, $3, $4, $5) returning id`,
        [school.id, programme, mentor, status, status === 'draft' ? null : '2022-10-01'],
      );
      for (let i = 0; i < 4; i += 1) {
        const mentee = (await build.person(school.id, { kind: 'student' })).id;
        await db.owner.query(`insert into pair_mentees (tenant_id, pair_id, mentor_id, mentee_id) values ($1, $2, $3, $4)`, [school.id, rows[0].id, mentor, mentee]);
        if (status === 'active') mentees.push(mentee);
      }
      if (m === 0) await insertResponse(school.id, mentorPre.id, mentor, programme, 'mentor', 'pre', '2022-10-02T10:00:00Z', answersFor(mentorQuestions));
    }
    // Responses: mentees 0–6 both phases (2 of them twice in each), 7–8 only before, 9–10 only after, 11 none.
    for (const [i, mentee] of mentees.entries()) {
      const viaLink = i % 2 === 0;
      if (i <= 8) {
        const link = viaLink ? await insertLink(school.id, pre.id, mentee, programme, true) : null;
        await insertResponse(school.id, pre.id, mentee, programme, 'mentee', 'pre', `2022-10-0${1 + (i % 5)}T09:00:00Z`, answersFor(preQuestions), link);
        if (i < 2) await insertResponse(school.id, pre.id, mentee, programme, 'mentee', 'pre', '2022-11-20T09:00:00Z', answersFor(preQuestions));
      } else if (i === 11) {
        await insertLink(school.id, pre.id, mentee, programme, false);
      }
      if (i <= 6 || i === 9 || i === 10) {
        await insertResponse(school.id, post.id, mentee, programme, 'mentee', 'post', '2023-05-10T09:00:00Z', answersFor(postQuestions));
        if (i === 1 || i === 2) await insertResponse(school.id, post.id, mentee, programme, 'mentee', 'post', '2023-05-20T09:00:00Z', answersFor(postQuestions));
      }
    }
    // A person's entry and final questionnaires entered without a programme: a group of their own.
    const unassigned = (await build.person(school.id, { kind: 'student' })).id;
    await insertResponse(school.id, pre.id, unassigned, null, 'mentee', 'pre', '2022-10-03T09:00:00Z', answersFor(preQuestions));
    await insertResponse(school.id, post.id, unassigned, null, 'mentee', 'post', '2023-05-03T09:00:00Z', answersFor(postQuestions));
    // The other school has a paired person too, which must never show.
    const programmeB = await build.programme(other.id, PERIOD);
    const personB = (await build.person(other.id, { kind: 'student' })).id;
    await insertResponse(other.id, pre.id, personB, programmeB, 'mentee', 'pre', '2022-10-01T09:00:00Z', answersFor(preQuestions));
    await insertResponse(other.id, post.id, personB, programmeB, 'mentee', 'post', '2023-05-01T09:00:00Z', answersFor(postQuestions));
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const outcomes = async (token: string, tenantId?: string) => {
    const response = await api.gql<Outcomes>(token, QUERY, { period: PERIOD, tenantId });
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!.schoolOutcomes;
  };

  it('paired means and changes per question equal plain SQL over the responses (earliest «до», latest «после»)', async () => {
    const result = await outcomes(tokenFor('curator', school.code));
    const mine = result.programmes.find((p) => p.programmeId === programme)!;
    expect(result.programmes.map((p) => p.programmeId)).toEqual(expect.arrayContaining([programme, second, null]));
    expect(result.programmes).toHaveLength(3);
    const unassigned = result.programmes.find((p) => p.programmeId === null)!;
    expect(unassigned.title).toBe('Анкеты без указания программы');
    expect(unassigned.questions.filter((q) => q.kind === 'RATING').map((q) => [q.pairs, q.onlyBefore, q.onlyAfter])).toEqual(Array(6).fill([1, 0, 0]));
    expect(result.programmes.find((p) => p.programmeId === second)!.questions).toEqual([]);

    // Written independently of the service: row_number over the answers, a self-join of the phases.
    const { rows: expected } = await db.owner.query<{ role: string; text: string; pairs: number; mean_before: string; mean_after: string; mean_change: string; only_before: number; only_after: number }>(
      `with answers as (
         select r.participant_id, r.respondent_role as role, r.phase, lower(q.text) as text, q.kind, a.value_number as value,
                row_number() over (partition by r.participant_id, r.respondent_role, r.phase, lower(q.text), q.kind
                                   order by case when r.phase = 'pre' then extract(epoch from r.submitted_at) else -extract(epoch from r.submitted_at) end) as n
           from questionnaire_responses r
           join questionnaire_answers a on a.response_id = r.id
           join questionnaire_questions q on q.id = a.question_id
          where r.tenant_id = $1 and r.programme_id = $2 and q.kind = 'rating'),
       b as (select * from answers where phase = 'pre' and n = 1),
       f as (select * from answers where phase = 'post' and n = 1)
       select coalesce(b.role, f.role) as role, coalesce(b.text, f.text) as text,
              count(*) filter (where b.value is not null and f.value is not null)::int as pairs,
              round(avg(b.value) filter (where f.value is not null), 2) as mean_before,
              round(avg(f.value) filter (where b.value is not null), 2) as mean_after,
              round(avg(f.value - b.value), 2) as mean_change,
              count(*) filter (where f.value is null)::int as only_before,
              count(*) filter (where b.value is null)::int as only_after
         from b full join f on f.participant_id = b.participant_id and f.role = b.role and f.text = b.text and f.kind = b.kind
        group by 1, 2
       having count(b.value) > 0 and count(f.value) > 0`,
      [school.id, programme],
    );
    const ratings = mine.questions.filter((q) => q.kind === 'RATING');
    expect(expected.length).toBe(6); // the six statements the student's entry and final questionnaires share
    expect(ratings.map((q) => ({ text: q.text.toLowerCase(), pairs: q.pairs, meanBefore: q.meanBefore, meanAfter: q.meanAfter, meanChange: q.meanChange, onlyBefore: q.onlyBefore, onlyAfter: q.onlyAfter })).sort((x, y) => x.text.localeCompare(y.text)))
      .toEqual(expected.map((e) => ({ text: e.text, pairs: e.pairs, meanBefore: Number(e.mean_before), meanAfter: Number(e.mean_after), meanChange: Number(e.mean_change), onlyBefore: e.only_before, onlyAfter: e.only_after })).sort((x, y) => x.text.localeCompare(y.text)));
    for (const q of ratings) expect([q.pairs, q.onlyBefore, q.onlyAfter]).toEqual([7, 2, 2]);
    // The mentor answered only the entry questionnaire: no comparison for mentors.
    expect(mine.questions.filter((q) => q.role === 'MENTOR')).toEqual([]);
  });

  it('the closed question shows how the paired persons’ choices shifted, every option listed', async () => {
    const result = await outcomes(tokenFor('curator', school.code));
    const choice = result.programmes.find((p) => p.programmeId === programme)!.questions.filter((q) => q.kind === 'SINGLE_CHOICE');
    expect(choice).toHaveLength(1);
    const { rows } = await db.owner.query<{ label: string; before: number; after: number }>(
      `with answers as (
         select r.participant_id, r.phase, q.option_labels[array_position(q.option_codes, a.value_options[1])] as label,
                row_number() over (partition by r.participant_id, r.phase order by case when r.phase = 'pre' then extract(epoch from r.submitted_at) else -extract(epoch from r.submitted_at) end) as n
           from questionnaire_responses r join questionnaire_answers a on a.response_id = r.id join questionnaire_questions q on q.id = a.question_id
          where r.tenant_id = $1 and r.programme_id = $2 and q.kind = 'single_choice' and r.respondent_role = 'mentee'),
       paired as (select b.label as before, f.label as after from answers b join answers f on f.participant_id = b.participant_id and f.phase = 'post' and f.n = 1 where b.phase = 'pre' and b.n = 1),
       labels as (select unnest(option_labels) as label from questionnaire_questions where id = (select id from questionnaire_questions where template_id = $3 and kind = 'single_choice'))
       select l.label, (select count(*) from paired where before = l.label)::int as before, (select count(*) from paired where after = l.label)::int as after from labels l`,
      [school.id, programme, (await build.defaultTemplate('mentee-student-growth-post')).id],
    );
    expect(choice[0].options).toEqual(rows);
    expect(choice[0].options.reduce((s, o) => s + o.before, 0)).toBe(7);
  });

  it('response rates: answered by link ÷ links issued, respondents ÷ participants of started pairs, per programme and phase', async () => {
    const result = await outcomes(tokenFor('curator', school.code));
    const rates = result.programmes.find((p) => p.programmeId === programme)!.responseRates;
    const rate = (role: string, phase: string) => rates.find((r) => r.role === role && r.phase === phase)!;
    const { rows: [links] } = await db.owner.query<{ issued: number; used: number }>(
      `select count(distinct l.participant_id)::int as issued, count(distinct r.participant_id)::int as used
         from questionnaire_links l left join questionnaire_responses r on r.link_id = l.id
        where l.tenant_id = $1 and l.programme_id = $2`,
      [school.id, programme],
    );
    const { rows: [members] } = await db.owner.query<{ mentees: number; mentors: number }>(
      `select count(distinct m.mentee_id)::int as mentees, count(distinct p.mentor_id)::int as mentors
         from mentoring_pairs p join pair_mentees m on m.pair_id = p.id where p.programme_id = $1 and p.status <> 'draft'`,
      [programme],
    );
    expect(rate('MENTEE', 'pre')).toEqual({ role: 'MENTEE', phase: 'pre', linksIssued: links.issued, answeredByLink: links.used, respondents: 9, participants: members.mentees, linkRate: Math.round((100 * links.used) / links.issued), participantRate: Math.round((100 * 9) / members.mentees) });
    expect([links.issued, links.used, members.mentees, members.mentors]).toEqual([6, 5, 12, 3]);
    expect(rate('MENTEE', 'post')).toMatchObject({ linksIssued: 0, answeredByLink: 0, respondents: 9, participants: 12, linkRate: null, participantRate: 75 });
    expect(rate('MENTOR', 'pre')).toMatchObject({ respondents: 1, participants: 3, participantRate: 33 });
    // Over the school: the same persons (the second programme has none).
    // Over the school: distinct persons of every programme and of the questionnaires without one.
    expect(result.responseRates.find((r) => r.role === 'MENTEE' && r.phase === 'pre')).toMatchObject({ linksIssued: 6, answeredByLink: 5, respondents: 10, participants: 12 });
    expect(result.satisfactionMentees).toEqual({ respondents: 0, participants: 12, linksIssued: 0, answeredByLink: 0 });
  });

  it("isolation: another school's curator and a region's analyst get nothing of the school", async () => {
    const otherCurator = tokenFor('curator', other.code);
    const asked = await api.gql<Outcomes>(otherCurator, QUERY, { period: PERIOD, tenantId: school.id });
    expect(codesOf(asked)).toEqual(['FORBIDDEN']);
    const own = await outcomes(otherCurator);
    expect(own.tenantId).toBe(other.id);
    expect(own.programmes.flatMap((p) => p.questions).every((q) => q.pairs === 1)).toBe(true);
    expect(JSON.stringify(own)).not.toContain(programme);
    const analyst = await api.gql<Outcomes>(tokenFor('region-analyst', region.code), QUERY, { period: PERIOD, tenantId: school.id });
    expect(codesOf(analyst)).toEqual(['FORBIDDEN']);
  });
});

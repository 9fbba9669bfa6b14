import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders, type PersonRow } from './questionnaires-builders';
import { codesOf, type GqlResponse, TestApi } from './test-api';

const SEEDED = [
  'mentee-student-growth-pre', 'mentee-student-growth-post', 'mentee-teacher-growth-pre', 'mentee-teacher-growth-post', 'mentor-growth-pre', 'mentor-growth-post',
  'mentee-quality', 'mentor-quality', 'curator-quality', 'mentee-satisfaction', 'mentor-satisfaction',
];

/**
 * The product's promise for questionnaires: a curator of school A, sending school B's ids to
 * every query and mutation, sees nothing and changes nothing — checked through the owner role.
 */
describe('questionnaires: isolation between schools', () => {
  let api: TestApi;
  let db: TestDb;
  let build: QuestionnaireBuilders;
  let a: TenantRow;
  let b: TenantRow;
  let curatorA: string;
  let curatorB: string;
  const B: Record<string, string> = {};
  const A: Record<string, string> = {};
  let personA: PersonRow;

  const ok = async <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const response = await api.gql<T>(token, query, variables);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data as T;
  };
  // The seeded defaults (other specs running at the same time may add and remove defaults of their own).
  const defaultsSnapshot = async () => ({
    templates: (await db.owner.query(`select * from questionnaire_templates where tenant_id is null and code = any($1) order by id`, [SEEDED])).rows,
    questions: (await db.owner.query(`select q.* from questionnaire_questions q join questionnaire_templates t on t.id = q.template_id where t.tenant_id is null and t.code = any($1) order by q.id`, [SEEDED])).rows,
  });

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    a = (await db.newSchoolWorld()).school;
    b = (await db.newSchoolWorld()).school;
    curatorA = tokenFor('curator', a.code);
    curatorB = tokenFor('curator', b.code);
    const satisfaction = await build.defaultTemplate('mentee-satisfaction');

    // School B's world, built through its own curator.
    const personB = await build.person(b.id);
    B.person = personB.id;
    B.programme = await build.programme(b.id);
    B.pair = await build.pair(b.id, B.programme, (await build.person(b.id)).id);
    const copy = await ok<{ copyQuestionnaireTemplate: { id: string; questions: { id: string }[] } }>(curatorB, `mutation($id: ID!) { copyQuestionnaireTemplate(id: $id) { id questions { id } } }`, { id: satisfaction.id });
    B.template = copy.copyQuestionnaireTemplate.id;
    B.question = copy.copyQuestionnaireTemplate.questions[0].id;
    const response = await ok<{ createQuestionnaireResponse: { id: string } }>(curatorB, `mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, {
      input: { templateId: B.template, participantId: personB.id, programmeId: B.programme, answers: await build.answersFor(B.template) },
    });
    B.response = response.createQuestionnaireResponse.id;
    const link = await ok<{ createQuestionnaireLink: { id: string } }>(curatorB, `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id } }`, { input: { templateId: B.template, participantId: personB.id } });
    B.link = link.createQuestionnaireLink.id;
    const scorecard = await ok<{ createProgrammeScorecard: { id: string } }>(curatorB, `mutation($input: CreateProgrammeScorecardInput!) { createProgrammeScorecard(input: $input) { id } }`, {
      input: { programmeId: B.programme, academicYear: '2022/2023', scores: [2, 2, 2, 2, 2, 2, 2, 2, 2] },
    });
    B.scorecard = scorecard.createProgrammeScorecard.id;

    // School A has its own records too, so "nothing" is not just an empty school.
    personA = await build.person(a.id);
    A.programme = await build.programme(a.id);
    const own = await ok<{ copyQuestionnaireTemplate: { id: string } }>(curatorA, `mutation($id: ID!) { copyQuestionnaireTemplate(id: $id) { id } }`, { id: satisfaction.id });
    A.template = own.copyQuestionnaireTemplate.id;
    const responseA = await ok<{ createQuestionnaireResponse: { id: string } }>(curatorA, `mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, {
      input: { templateId: A.template, participantId: personA.id, answers: await build.answersFor(A.template) },
    });
    A.response = responseA.createQuestionnaireResponse.id;
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('gets NOT_FOUND for every single-record query with school B\'s ids', async () => {
    const queries: [string, string][] = [
      ['QuestionnaireTemplate', B.template],
      ['QuestionnaireQuestion', B.question],
      ['QuestionnaireResponse', B.response],
      ['QuestionnaireLink', B.link],
      ['ProgrammeScorecard', B.scorecard],
    ];
    for (const [name, id] of queries) {
      const response = await api.gql(curatorA, `query($id: ID!) { ${name}(id: $id) { id } }`, { id });
      expect([name, codesOf(response)]).toEqual([name, ['NOT_FOUND']]);
      expect(response.data).toBeNull();
    }
  });

  it('lists nothing of school B, whatever the filter says', async () => {
    const lists: [string, string, Record<string, unknown>[]][] = [
      ['allQuestionnaireTemplates', 'QuestionnaireTemplateFilter', [{ ids: [B.template] }, { isDefault: false }, { code: 'mentee-satisfaction', includeOutdated: true, isDefault: false }]],
      ['allQuestionnaireQuestions', 'QuestionnaireQuestionFilter', [{ ids: [B.question] }, { templateId: B.template }]],
      ['allQuestionnaireResponses', 'QuestionnaireResponseFilter', [{}, { ids: [B.response] }, { participantId: B.person }, { templateId: B.template }, { programmeId: B.programme }]],
      ['allQuestionnaireLinks', 'QuestionnaireLinkFilter', [{}, { ids: [B.link] }, { participantId: B.person }, { templateId: B.template }]],
      ['allProgrammeScorecards', 'ProgrammeScorecardFilter', [{}, { ids: [B.scorecard] }, { programmeId: B.programme }]],
    ];
    const bIds = new Set(Object.values(B));
    for (const [list, filterType, filters] of lists) {
      for (const filter of filters) {
        const response = await api.gql<Record<string, { id: string; tenantId?: string | null }[] | { count: number }>>(
          curatorA,
          `query($filter: ${filterType}) { items: ${list}(filter: $filter, perPage: 500) { id } meta: _${list}Meta(filter: $filter) { count } }`,
          { filter },
        );
        expect(response.errors).toBeUndefined();
        const ids = (response.data!.items as { id: string }[]).map((r) => r.id);
        expect([list, filter, ids.filter((id) => bIds.has(id))]).toEqual([list, filter, []]);
        expect((response.data!.meta as { count: number }).count).toBe(ids.length);
      }
    }
    // …and the rows school A does see belong to it (or are platform defaults).
    const templates = await ok<{ allQuestionnaireTemplates: { tenantId: string | null }[] }>(curatorA, `{ allQuestionnaireTemplates(perPage: 500, filter: { includeOutdated: true }) { tenantId } }`);
    expect(templates.allQuestionnaireTemplates.every((t) => t.tenantId === null || t.tenantId === a.id)).toBe(true);
    const responses = await ok<{ allQuestionnaireResponses: { tenantId: string }[] }>(curatorA, `{ allQuestionnaireResponses(perPage: 500) { tenantId } }`);
    expect(responses.allQuestionnaireResponses.map((r) => r.tenantId)).toEqual([a.id]);
  });

  it('cannot create, change or delete anything of school B, and nothing changes', async () => {
    const beforeB = await build.snapshot(b.id);
    const beforeDefaults = await defaultsSnapshot();
    const satisfaction = await build.defaultTemplate('mentee-satisfaction');
    const answers = await build.answersFor(B.template);
    const attempts: [string, Record<string, unknown>, string[]][] = [
      // templates and questions
      [`mutation($id: ID!) { updateQuestionnaireTemplate(id: $id, input: { title: "Взломано" }) { id } }`, { id: B.template }, ['NOT_FOUND']],
      [`mutation($id: ID!) { deleteQuestionnaireTemplate(id: $id) { id } }`, { id: B.template }, ['NOT_FOUND']],
      [`mutation($id: ID!) { copyQuestionnaireTemplate(id: $id, input: { code: "stolen" }) { id } }`, { id: B.template }, ['NOT_FOUND']],
      [`mutation($id: ID!, $t: ID!) { copyQuestionnaireTemplate(id: $id, input: { code: "planted", tenantId: $t }) { id } }`, { id: satisfaction.id, t: b.id }, ['FORBIDDEN']],
      [`mutation($t: ID!) { createQuestionnaireTemplate(input: { code: "planted", title: "Чужая анкета", instrument: Q9, respondentRole: MENTEE, tenantId: $t }) { id } }`, { t: b.id }, ['FORBIDDEN']],
      [`mutation($t: ID!) { createQuestionnaireQuestion(input: { templateId: $t, kind: OPEN, text: "Чужой вопрос?" }) { id } }`, { t: B.template }, ['NOT_FOUND']],
      [`mutation($id: ID!) { updateQuestionnaireQuestion(id: $id, input: { text: "Взломано?" }) { id } }`, { id: B.question }, ['NOT_FOUND']],
      [`mutation($id: ID!) { deleteQuestionnaireQuestion(id: $id) { id } }`, { id: B.question }, ['NOT_FOUND']],
      // responses
      [`mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, { input: { templateId: B.template, participantId: personA.id, answers } }, ['VALIDATION_FAILED']],
      [`mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, { input: { templateId: satisfaction.id, participantId: B.person, answers: await build.answersFor(satisfaction.id) } }, ['VALIDATION_FAILED']],
      [`mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, { input: { templateId: satisfaction.id, participantId: personA.id, programmeId: B.programme, answers: await build.answersFor(satisfaction.id) } }, ['VALIDATION_FAILED']],
      [`mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, { input: { templateId: satisfaction.id, participantId: personA.id, pairId: B.pair, answers: await build.answersFor(satisfaction.id) } }, ['VALIDATION_FAILED']],
      [`mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, { input: { templateId: (await build.defaultTemplate('curator-quality')).id, tenantId: b.id, answers: [] } }, ['FORBIDDEN']],
      [`mutation($id: ID!) { updateQuestionnaireResponse(id: $id, input: { academicYear: "2020/2021" }) { id } }`, { id: B.response }, ['NOT_FOUND']],
      [`mutation($id: ID!, $p: ID!) { updateQuestionnaireResponse(id: $id, input: { programmeId: $p }) { id } }`, { id: A.response, p: B.programme }, ['VALIDATION_FAILED']],
      [`mutation($id: ID!) { deleteQuestionnaireResponse(id: $id) { id } }`, { id: B.response }, ['NOT_FOUND']],
      // links
      [`mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id path } }`, { input: { templateId: satisfaction.id, participantId: B.person } }, ['VALIDATION_FAILED']],
      [`mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id path } }`, { input: { templateId: B.template, participantId: personA.id } }, ['VALIDATION_FAILED']],
      [`mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id path } }`, { input: { templateId: satisfaction.id, participantId: personA.id, programmeId: B.programme } }, ['VALIDATION_FAILED']],
      [`mutation($id: ID!) { deleteQuestionnaireLink(id: $id) { id } }`, { id: B.link }, ['NOT_FOUND']],
      // scorecards
      [`mutation($p: ID!) { createProgrammeScorecard(input: { programmeId: $p, academicYear: "2023/2024", scores: [0, 0, 0, 0, 0, 0, 0, 0, 0] }) { id } }`, { p: B.programme }, ['VALIDATION_FAILED']],
      [`mutation($p: ID!, $t: ID!) { createProgrammeScorecard(input: { programmeId: $p, academicYear: "2023/2024", scores: [0, 0, 0, 0, 0, 0, 0, 0, 0], tenantId: $t }) { id } }`, { p: B.programme, t: b.id }, ['FORBIDDEN']],
      [`mutation($id: ID!) { updateProgrammeScorecard(id: $id, input: { scores: [0, 0, 0, 0, 0, 0, 0, 0, 0] }) { id } }`, { id: B.scorecard }, ['NOT_FOUND']],
      [`mutation($id: ID!) { deleteProgrammeScorecard(id: $id) { id } }`, { id: B.scorecard }, ['NOT_FOUND']],
    ];
    for (const [mutation, variables, codes] of attempts) {
      const response: GqlResponse = await api.gql(curatorA, mutation, variables);
      expect([mutation, codesOf(response)]).toEqual([mutation, codes]);
      expect(response.data).toBeNull();
    }
    expect(await build.snapshot(b.id)).toEqual(beforeB);
    expect(await defaultsSnapshot()).toEqual(beforeDefaults);
    expect(await build.count('questionnaire_templates', `code in ('stolen', 'planted')`)).toBe(0);
    expect(await build.count('questionnaire_links', 'participant_id = $1', [personA.id])).toBe(0);
    expect(await build.count('questionnaire_responses', 'participant_id = $1', [personA.id])).toBe(1);
  });

  it('region analysts and ministry officials see no school\'s questionnaire records at all', async () => {
    const region = (await db.owner.query<{ code: string }>(`select r.code from tenants s join tenants r on s.path <@ r.path and r.kind = 'region' where s.id = $1`, [b.id])).rows[0].code;
    for (const token of [tokenFor('region-analyst', region), tokenFor('ministry-official', null), tokenFor('ministry-official', region)]) {
      for (const query of [`{ allQuestionnaireResponses { id } }`, `{ allQuestionnaireLinks { id } }`, `{ allProgrammeScorecards { id } }`, `query($id: ID!) { QuestionnaireResponse(id: $id) { id } }`]) {
        expect(codesOf(await api.gql(token, query, { id: B.response }))).toEqual(['FORBIDDEN']);
      }
      const templates = await ok<{ allQuestionnaireTemplates: { id: string; tenantId: string | null }[] }>(token, `query($ids: [ID!]) { allQuestionnaireTemplates(filter: { ids: $ids }) { id tenantId } }`, { ids: [B.template, A.template] });
      expect(templates.allQuestionnaireTemplates).toEqual([]);
      expect(codesOf(await api.gql(token, `mutation { createQuestionnaireTemplate(input: { code: "analyst", title: "Анкета аналитика", instrument: Q9, respondentRole: MENTEE }) { id } }`))).toEqual(['FORBIDDEN']);
    }
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders, type PersonRow, type TemplateRow } from './questionnaires-builders';
import { codesOf, type GqlResponse, TestApi } from './test-api';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const KINDS = ['RATING', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'OPEN'];
const INSTRUMENTS = Array.from({ length: 16 }, (_, i) => `Q${i + 1}`);

/** Strings a hostile or careless client sends: empty, blanks, control characters, emoji, very long, SQL-ish. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', "'; drop table questionnaire_templates; --", 'x'.repeat(5000), 'Как дела?', '2022/2023', '2022/2024', '2023-02-30'),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null));
const mostly = <T>(plausible: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
const anInt = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 12 }) }, { weight: 1, arbitrary: fc.integer(INT32) });

const optionInput = fc.record(
  { code: maybe(orNull(mostly(fc.constantFrom('yes', 'no', 'o1', 'a_b'), anyText))), label: mostly(fc.constantFrom('Да', 'Нет', 'Скорее да', 'Не знаю'), anyText), satisfied: maybe(orNull(fc.boolean())) },
  { requiredKeys: ['label'] },
);
const questionInput = fc.record(
  {
    kind: fc.constantFrom(...KINDS),
    text: mostly(fc.constantFrom('Насколько вы удовлетворены?', 'Что понравилось?', 'Оцените встречу'), anyText),
    position: maybe(orNull(anInt)),
    hint: maybe(orNull(anyText)),
    required: maybe(orNull(fc.boolean())),
    scaleMin: maybe(orNull(anInt)),
    scaleMax: maybe(orNull(anInt)),
    minLabel: maybe(orNull(anyText)),
    maxLabel: maybe(orNull(anyText)),
    options: maybe(orNull(fc.array(optionInput, { maxLength: 5 }))),
    isSatisfaction: maybe(orNull(fc.boolean())),
    satisfiedMin: maybe(orNull(anInt)),
  },
  { requiredKeys: ['kind', 'text'] },
);
const templateInput = fc.record(
  {
    code: mostly(fc.string({ unit: fc.constantFrom(...'abcdefghij0123456789-_'), minLength: 2, maxLength: 12 }).map((s) => `p${s}`), anyText),
    title: mostly(fc.constantFrom('Анкета наставляемого', 'Обратная связь'), anyText),
    instrument: fc.constantFrom(...INSTRUMENTS),
    respondentRole: fc.constantFrom('MENTOR', 'MENTEE', 'CURATOR'),
    phase: maybe(fc.constantFrom('PRE', 'POST', 'NONE')),
    description: maybe(orNull(anyText)),
    formCodes: maybe(fc.array(mostly(fc.constantFrom('STUDENT_STUDENT', 'TEACHER_TEACHER', 'NOT_A_FORM'), anyText), { maxLength: 4 })),
    isActive: maybe(fc.boolean()),
    questions: maybe(fc.array(questionInput, { maxLength: 4 })),
  },
  { requiredKeys: ['code', 'title', 'instrument', 'respondentRole'] },
);

/**
 * Whatever a client sends to the questionnaire API — GraphQL inputs and the public link route —
 * the answer is a stored record or a typed refusal with a Russian message; never an internal
 * error from Postgres.
 */
describe('questionnaires: property-based input checks', () => {
  let api: TestApi;
  let db: TestDb;
  let build: QuestionnaireBuilders;
  let school: TenantRow;
  let curator: string;
  let satisfaction: TemplateRow;
  let person: PersonRow;
  let programme: string;

  const handled = (response: GqlResponse, allowed = ['VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND']): boolean => {
    const codes = codesOf(response);
    if (codes.length === 0) return true;
    expect(codes).toHaveLength(1);
    expect(allowed).toContain(codes[0]);
    expect(response.errors![0].message).toMatch(/[а-яё]/i);
    return false;
  };

  beforeAll(async () => {
    // Hundreds of /q/ requests from one address in seconds: the per-address limit is turned off here, not tested (rate-limits.spec.ts).
    api = await TestApi.start(testConfig(undefined, { RATE_LIMIT_QUESTIONNAIRE: '0' }));
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    school = (await db.newSchoolWorld()).school;
    curator = tokenFor('curator', school.code);
    satisfaction = await build.defaultTemplate('mentee-satisfaction');
    person = await build.person(school.id);
    programme = await build.programme(school.id);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('createQuestionnaireTemplate / updateQuestionnaireTemplate: stored or refused, never an internal error', async () => {
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(templateInput, templateInput, async (input, change) => {
        const created = await api.gql<{ createQuestionnaireTemplate: { id: string } }>(curator, `mutation($i: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $i) { id questions { id options { code } } } }`, { i: input });
        if (!handled(created)) {
          refused += 1;
          return;
        }
        stored += 1;
        const { code: _code, ...updatable } = change;
        const updated = await api.gql(curator, `mutation($id: ID!, $i: UpdateQuestionnaireTemplateInput!) { updateQuestionnaireTemplate(id: $id, input: $i) { id } }`, { id: created.data!.createQuestionnaireTemplate.id, i: updatable });
        handled(updated);
      }),
      { numRuns: 120 },
    );
    expect(stored).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('question mutations: stored or refused, never an internal error; a refused change changes nothing', async () => {
    const template = await api.gql<{ createQuestionnaireTemplate: { id: string; questions: { id: string }[] } }>(curator, `mutation { createQuestionnaireTemplate(input: { code: "prop-questions", title: "Свойства вопросов", instrument: Q9, respondentRole: MENTEE, questions: [{ kind: OPEN, text: "Опорный вопрос?" }] }) { id questions { id } } }`);
    const templateId = template.data!.createQuestionnaireTemplate.id;
    const anchor = template.data!.createQuestionnaireTemplate.questions[0].id;
    const rows = async () => (await db.owner.query(`select * from questionnaire_questions where template_id = $1 order by id`, [templateId])).rows;
    await fc.assert(
      fc.asyncProperty(questionInput, questionInput, async (input, change) => {
        const created = await api.gql<{ createQuestionnaireQuestion: { id: string } }>(curator, `mutation($i: CreateQuestionnaireQuestionInput!) { createQuestionnaireQuestion(input: $i) { id } }`, { i: { ...input, templateId } });
        handled(created);
        const before = await rows();
        const { kind: _kind, ...partial } = change;
        const updated = await api.gql(curator, `mutation($id: ID!, $i: UpdateQuestionnaireQuestionInput!) { updateQuestionnaireQuestion(id: $id, input: $i) { id } }`, { id: anchor, i: partial });
        if (!handled(updated)) expect(await rows()).toEqual(before);
        if (created.data) await api.gql(curator, `mutation($id: ID!) { deleteQuestionnaireQuestion(id: $id) { id } }`, { id: created.data.createQuestionnaireQuestion.id });
      }),
      { numRuns: 100 },
    );
  });

  it('createQuestionnaireResponse: stored or refused, never an internal error', async () => {
    const questions = await build.questions(satisfaction.id);
    const questionId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...questions.map((q) => q.id)) }, { weight: 1, arbitrary: fc.constant(randomUUID()) });
    const answer = fc.record(
      { questionId, value: maybe(orNull(anInt)), text: maybe(orNull(anyText)), options: maybe(orNull(fc.array(mostly(fc.constantFrom('o1', 'o2', 'o5'), anyText), { maxLength: 3 }))) },
      { requiredKeys: ['questionId'] },
    );
    const good = await build.answersFor(satisfaction.id);
    const answers = fc.oneof(
      { weight: 1, arbitrary: fc.array(answer, { maxLength: 8 }) },
      { weight: 1, arbitrary: fc.array(answer, { maxLength: 3 }).map((extra) => [...good.slice(1), ...extra]) },
      { weight: 2, arbitrary: fc.constant(good) },
    );
    const input = fc.record(
      {
        templateId: mostly(fc.constant(satisfaction.id), fc.constant(randomUUID())),
        participantId: mostly(fc.constant(person.id), fc.constantFrom(randomUUID(), null, undefined)),
        programmeId: maybe(orNull(fc.constantFrom(programme, randomUUID()))),
        academicYear: maybe(mostly(fc.constantFrom('2022/2023', '2023/2024'), anyText)),
        submittedAt: maybe(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString())),
        answers,
      },
      { requiredKeys: ['templateId', 'answers'] },
    );
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        if (handled(await api.gql(curator, `mutation($i: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $i) { id satisfied } }`, { i }))) stored += 1;
      }),
      { numRuns: 150 },
    );
    expect(stored).toBeGreaterThan(0);
  });

  it('createQuestionnaireLink and the public route: never an internal error, whatever the token and body', async () => {
    const linkInput = fc.record(
      {
        templateId: fc.constantFrom(satisfaction.id, randomUUID()),
        participantId: fc.constantFrom(person.id, randomUUID()),
        academicYear: maybe(mostly(fc.constantFrom('2022/2023'), anyText)),
        expiresInDays: maybe(anInt),
        programmeId: maybe(orNull(fc.constantFrom(programme, randomUUID()))),
      },
      { requiredKeys: ['templateId', 'participantId'] },
    );
    const paths: string[] = [];
    await fc.assert(
      fc.asyncProperty(linkInput, async (i) => {
        const response = await api.gql<{ createQuestionnaireLink: { path: string } }>(curator, `mutation($i: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $i) { id path } }`, { i });
        if (handled(response)) paths.push(response.data!.createQuestionnaireLink.path);
      }),
      { numRuns: 60 },
    );
    expect(paths.length).toBeGreaterThan(0);
    const questions = await build.questions(satisfaction.id);
    const body = fc.oneof(
      fc.anything(),
      fc.record({ answers: fc.array(fc.record({ questionId: fc.oneof(fc.constantFrom(...questions.map((q) => q.id)), anyText), value: fc.oneof(fc.integer(), fc.double(), anyText, fc.constant(null)), text: fc.oneof(anyText, fc.constant(null)), options: fc.anything() }, { requiredKeys: ['questionId'] }), { maxLength: 6 }) }),
    );
    const token = fc.oneof(fc.constantFrom(...paths.map((p) => p.slice(3))), anyText.map((t) => encodeURIComponent(t) || 'x'));
    await fc.assert(
      fc.asyncProperty(token, body, async (t, b) => {
        // 414: Fastify refuses a path parameter longer than it accepts, before any handler; 400: a token with a control character.
        const got = await api.http().get(`/q/${t}`);
        expect([200, 400, 404, 409, 410, 414]).toContain(got.status);
        const posted = await api.http().post(`/q/${t}`).set('content-type', 'application/json').send(JSON.stringify(b ?? null));
        expect([201, 400, 404, 409, 410, 414]).toContain(posted.status);
        if (posted.status !== 414) expect(posted.body.message).toMatch(/[а-яё]/i);
      }),
      { numRuns: 120 },
    );
  });

  it('createProgrammeScorecard: stored or refused, never an internal error', async () => {
    const input = fc.record(
      {
        programmeId: fc.constantFrom(programme, randomUUID()),
        academicYear: mostly(fc.constantFrom('2022/2023', '2023/2024', '2024/2025'), anyText),
        scores: fc.oneof(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 9, maxLength: 9 }), fc.array(anInt, { maxLength: 11 })),
        ratedOn: maybe(mostly(fc.constantFrom('2023-05-31', '2024-01-10'), anyText)),
        rater: maybe(anyText),
        comment: maybe(orNull(anyText)),
      },
      { requiredKeys: ['programmeId', 'academicYear', 'scores'] },
    );
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const response = await api.gql<{ createProgrammeScorecard: { id: string } }>(curator, `mutation($i: CreateProgrammeScorecardInput!) { createProgrammeScorecard(input: $i) { id total level } }`, { i });
        if (handled(response)) {
          stored += 1;
          await api.gql(curator, `mutation($id: ID!) { deleteProgrammeScorecard(id: $id) { id } }`, { id: response.data!.createProgrammeScorecard.id });
        }
      }),
      { numRuns: 150 },
    );
    expect(stored).toBeGreaterThan(0);
  });
});

import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders, type TemplateRow } from './questionnaires-builders';
import { codesOf, TestApi } from './test-api';

type Response = { id: string; tenantId: string; templateId: string; participantId: string | null; programmeId: string | null; pairId: string | null; respondentRole: string; academicYear: string; phase: string; channel: string; satisfied: boolean | null; enteredBy: string | null; answers: { questionId: string; value: number | null; text: string | null; options: string[] | null }[] };
const FIELDS = 'id tenantId templateId participantId programmeId pairId respondentRole academicYear phase channel satisfied enteredBy answers { questionId value text options }';

/**
 * Responses entered by the curator: checked against the template's questions, refused for a
 * person without a consent to questionnaires, `satisfied` derived from THE satisfaction question.
 */
describe('questionnaires: responses entered by the curator', () => {
  let api: TestApi;
  let db: TestDb;
  let build: QuestionnaireBuilders;
  let school: TenantRow;
  let region: TenantRow;
  let curator: string;
  let menteeSatisfaction: TemplateRow;
  let mentorSatisfaction: TemplateRow;

  const create = (input: Record<string, unknown>, token = curator) =>
    api.gql<{ createQuestionnaireResponse: Response }>(token, `mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { ${FIELDS} } }`, { input });
  const created = async (input: Record<string, unknown>, token = curator) => {
    const response = await create(input, token);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!.createQuestionnaireResponse;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    ({ school, region } = await db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
    menteeSatisfaction = await build.defaultTemplate('mentee-satisfaction');
    mentorSatisfaction = await build.defaultTemplate('mentor-satisfaction');
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('stores a full response with its answers, role and phase from the template, and who entered it', async () => {
    const person = await build.person(school.id, { kind: 'student', birthDate: '2006-03-01' });
    // A minor: the consent must be signed by a legal representative.
    await db.owner.query(`update consents set signed_by = 'legal_representative', representative_name = 'Анкетова Мария Ивановна', representative_relation = 'mother' where participant_id = $1`, [person.id]);
    const programme = await build.programme(school.id);
    const mentor = await build.person(school.id);
    const pair = await build.pair(school.id, programme, mentor.id);
    const template = await build.defaultTemplate('mentee-student-growth-post');
    const answers = await build.answersFor(template.id);
    const response = await created({ templateId: template.id, participantId: person.id, programmeId: programme, pairId: pair, academicYear: '2022/2023', submittedAt: '2023-05-20T10:00:00Z', answers });
    expect(response).toMatchObject({
      tenantId: school.id, templateId: template.id, participantId: person.id, programmeId: programme, pairId: pair,
      respondentRole: 'MENTEE', phase: 'POST', academicYear: '2022/2023', channel: 'CURATOR', satisfied: null, enteredBy: `curator-${school.code}`,
    });
    expect(response.answers.map((a) => a.questionId)).toEqual(answers.map((a) => a.questionId));
    const listed = await api.gql<{ allQuestionnaireResponses: Response[]; _allQuestionnaireResponsesMeta: { count: number } }>(
      curator,
      `query($f: QuestionnaireResponseFilter) { allQuestionnaireResponses(filter: $f) { id } _allQuestionnaireResponsesMeta(filter: $f) { count } }`,
      { f: { programmeId: programme, phase: 'POST', respondentRole: 'MENTEE', academicYear: '2022/2023', templateCode: 'mentee-student-growth-post' } },
    );
    expect(listed.data).toEqual({ allQuestionnaireResponses: [{ id: response.id }], _allQuestionnaireResponsesMeta: { count: 1 } });
  });

  it('the academic year defaults to the one the submission date falls in (September starts a year)', async () => {
    const person = await build.person(school.id);
    const answers = await build.answersFor(menteeSatisfaction.id);
    const cases: [string, string][] = [['2023-08-31T12:00:00Z', '2022/2023'], ['2023-09-01T12:00:00Z', '2023/2024'], ['2024-01-15T12:00:00Z', '2023/2024']];
    for (const [submittedAt, year] of cases) {
      expect((await created({ templateId: menteeSatisfaction.id, participantId: person.id, submittedAt, answers })).academicYear).toBe(year);
    }
    for (const bad of [{ academicYear: '2022/2024' }, { academicYear: '1999/2000' }, { submittedAt: new Date(Date.now() + 86_400_000).toISOString() }]) {
      expect(codesOf(await create({ templateId: menteeSatisfaction.id, participantId: person.id, answers, ...bad }))).toEqual(['VALIDATION_FAILED']);
    }
  });

  describe('satisfaction is derived from THE satisfaction question', () => {
    it('rating ≥ threshold (7 of 10) is satisfied: 1, 6 → no; 7, 10 → yes', async () => {
      const person = await build.person(school.id);
      for (const [rating, expected] of [[1, false], [6, false], [7, true], [10, true]] as const) {
        const answers = await build.answersFor(menteeSatisfaction.id, rating);
        expect((await created({ templateId: menteeSatisfaction.id, participantId: person.id, answers })).satisfied).toBe(expected);
      }
    });

    it('the threshold at the scale edges: min = lowest grade makes everyone satisfied, = highest only the top grade', async () => {
      const person = await build.person(school.id);
      for (const [threshold, rating, expected] of [[0, 0, true], [5, 4, false], [5, 5, true]] as const) {
        const template = (await api.gql<{ createQuestionnaireTemplate: { id: string; questions: { id: string }[] } }>(curator, `mutation($input: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id questions { id } } }`, {
          input: { code: `edge-${threshold}-${rating}`, title: 'Порог на краю шкалы', instrument: 'Q11', respondentRole: 'MENTOR', questions: [{ kind: 'RATING', text: 'Насколько вы удовлетворены?', scaleMin: 0, scaleMax: 5, isSatisfaction: true, satisfiedMin: threshold }] },
        })).data!.createQuestionnaireTemplate;
        expect((await created({ templateId: template.id, participantId: person.id, answers: [{ questionId: template.questions[0].id, value: rating }] })).satisfied).toBe(expected);
      }
    });

    it('a choice question counts as satisfied when a chosen option is marked; multiple choice — any marked option', async () => {
      const person = await build.person(school.id);
      const single = (await api.gql<{ createQuestionnaireTemplate: { id: string; questions: { id: string }[] } }>(curator, `mutation($input: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id questions { id } } }`, {
        input: { code: 'choice-single', title: 'Удовлетворённость (выбор)', instrument: 'Q11', respondentRole: 'MENTEE', questions: [{ kind: 'SINGLE_CHOICE', text: 'Вы довольны?', isSatisfaction: true, options: [{ code: 'yes', label: 'Да', satisfied: true }, { code: 'rather', label: 'Скорее да', satisfied: true }, { code: 'no', label: 'Нет' }] }] },
      })).data!.createQuestionnaireTemplate;
      for (const [option, expected] of [['yes', true], ['rather', true], ['no', false]] as const) {
        expect((await created({ templateId: single.id, participantId: person.id, answers: [{ questionId: single.questions[0].id, options: [option] }] })).satisfied).toBe(expected);
      }
      const multiple = (await api.gql<{ createQuestionnaireTemplate: { id: string; questions: { id: string }[] } }>(curator, `mutation($input: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id questions { id } } }`, {
        input: { code: 'choice-multiple', title: 'Что понравилось', instrument: 'Q11', respondentRole: 'MENTEE', questions: [{ kind: 'MULTIPLE_CHOICE', text: 'Что вам понравилось?', isSatisfaction: true, options: [{ code: 'meetings', label: 'Встречи', satisfied: true }, { code: 'projects', label: 'Проекты', satisfied: true }, { code: 'nothing', label: 'Ничего' }] }] },
      })).data!.createQuestionnaireTemplate;
      for (const [options, expected] of [[['nothing'], false], [['nothing', 'projects'], true], [['meetings', 'projects'], true]] as const) {
        expect((await created({ templateId: multiple.id, participantId: person.id, answers: [{ questionId: multiple.questions[0].id, options }] })).satisfied).toBe(expected);
      }
    });

    it('a template without a satisfaction question leaves satisfied empty; correcting answers recomputes it', async () => {
      const person = await build.person(school.id);
      const quality = await build.defaultTemplate('mentor-quality');
      expect((await created({ templateId: quality.id, participantId: person.id, answers: await build.answersFor(quality.id) })).satisfied).toBeNull();
      const response = await created({ templateId: mentorSatisfaction.id, participantId: person.id, answers: await build.answersFor(mentorSatisfaction.id, 5) });
      expect(response).toMatchObject({ satisfied: false, respondentRole: 'MENTOR' });
      const fixed = await api.gql<{ updateQuestionnaireResponse: Response }>(curator, `mutation($id: ID!, $a: [QuestionnaireAnswerInput!]) { updateQuestionnaireResponse(id: $id, input: { answers: $a }) { ${FIELDS} } }`, {
        id: response.id, a: await build.answersFor(mentorSatisfaction.id, 8),
      });
      expect(fixed.data!.updateQuestionnaireResponse.satisfied).toBe(true);
      expect((await db.owner.query(`select satisfied from questionnaire_responses where id = $1`, [response.id])).rows[0].satisfied).toBe(true);
    });

    it('T3/T4 as the seeds publish them: 33 of 59 mentees and 8 of 12 mentors satisfied (synthetic answers)', async () => {
      const world = (await db.newSchoolWorld()).school;
      const token = tokenFor('curator', world.code);
      for (const [template, total, satisfied] of [[menteeSatisfaction, 59, 33], [mentorSatisfaction, 12, 8]] as const) {
        for (let i = 0; i < total; i += 1) {
          const person = await build.person(world.id);
          const answers = await build.answersFor(template.id, i < satisfied ? 7 + (i % 4) : 1 + (i % 6));
          await created({ templateId: template.id, participantId: person.id, academicYear: '2022/2023', answers }, token);
        }
      }
      const { rows } = await db.owner.query(
        `select respondent_role as role, count(*) filter (where satisfied)::int as satisfied, count(*)::int as total
           from questionnaire_responses where tenant_id = $1 and academic_year = '2022/2023' group by 1 order by 1`,
        [world.id],
      );
      expect(rows).toEqual([{ role: 'mentee', satisfied: 33, total: 59 }, { role: 'mentor', satisfied: 8, total: 12 }]);
      const satisfiedMentees = await api.gql<{ _allQuestionnaireResponsesMeta: { count: number } }>(token, `{ _allQuestionnaireResponsesMeta(filter: { respondentRole: MENTEE, satisfied: true, academicYear: "2022/2023" }) { count } }`);
      expect(satisfiedMentees.data!._allQuestionnaireResponsesMeta.count).toBe(33);
    });
  });

  describe('refusals', () => {
    it('no consent to questionnaires ⇒ refused, naming the person; nothing stored', async () => {
      for (const consent of ['none', 'other'] as const) {
        const person = await build.person(school.id, { consent });
        const response = await create({ templateId: menteeSatisfaction.id, participantId: person.id, answers: await build.answersFor(menteeSatisfaction.id) });
        expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
        expect(response.errors![0].message).toContain(`${person.last_name} О. П.: нет действующего согласия`);
        expect(await build.count('questionnaire_responses', 'participant_id = $1', [person.id])).toBe(0);
      }
    });

    it('answers that do not fit the questions are refused with the question named', async () => {
      const person = await build.person(school.id);
      const questions = await build.questions(menteeSatisfaction.id);
      const good = await build.answersFor(menteeSatisfaction.id);
      const rating = questions.find((q) => q.is_satisfaction)!;
      const single = questions.find((q) => q.kind === 'single_choice')!;
      const open = questions.find((q) => q.kind === 'open')!;
      const replace = (questionId: string, answer: Record<string, unknown>) => good.map((a) => (a.questionId === questionId ? { questionId, ...answer } : a));
      const cases: [unknown[], string][] = [
        [good.filter((a) => a.questionId !== rating.id), 'обязательный'],
        [replace(rating.id, { value: 11 }), 'от 1 до 10'],
        [replace(rating.id, { value: 0 }), 'от 1 до 10'],
        [replace(rating.id, { options: ['o1'] }), 'нужна оценка'],
        [replace(single.id, { options: ['o9'] }), 'такого варианта ответа нет'],
        [replace(single.id, { options: ['o1', 'o2'] }), 'только один вариант'],
        [replace(single.id, { value: 1, options: ['o1'] }), 'что-то одно'],
        [[...good, { questionId: open.id, text: 'дважды' }, { questionId: open.id, text: 'трижды' }], 'дважды'],
        [[...good, { questionId: (await build.questions(mentorSatisfaction.id))[0].id, value: 5 }], 'нет в этой анкете'],
      ];
      for (const [answers, message] of cases) {
        const response = await create({ templateId: menteeSatisfaction.id, participantId: person.id, answers });
        expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
        expect(response.errors![0].message).toContain(message);
      }
      expect(await build.count('questionnaire_responses', 'participant_id = $1', [person.id])).toBe(0);
    });

    it('a participant is needed except for the curator\'s own questionnaire', async () => {
      const curatorQuality = await build.defaultTemplate('curator-quality');
      const own = await created({ templateId: curatorQuality.id, answers: await build.answersFor(curatorQuality.id) });
      expect(own).toMatchObject({ participantId: null, respondentRole: 'CURATOR', tenantId: school.id });
      const missing = await create({ templateId: menteeSatisfaction.id, answers: await build.answersFor(menteeSatisfaction.id) });
      expect(codesOf(missing)).toEqual(['VALIDATION_FAILED']);
      expect(missing.errors![0].message).toContain('Укажите участника');
    });

    it('a programme or pair of another school is refused as not found', async () => {
      const other = (await db.newSchoolWorld()).school;
      const person = await build.person(school.id);
      const programme = await build.programme(other.id);
      const pair = await build.pair(other.id, programme, (await build.person(other.id)).id);
      for (const extra of [{ programmeId: programme }, { pairId: pair }]) {
        const response = await create({ templateId: menteeSatisfaction.id, participantId: person.id, answers: await build.answersFor(menteeSatisfaction.id), ...extra });
        expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
        expect(response.errors![0].message).toMatch(/не найдена в организации/);
      }
    });

    it('region analysts and ministry officials are FORBIDDEN on responses (personal data)', async () => {
      for (const token of [tokenFor('region-analyst', region.code), tokenFor('ministry-official', null)]) {
        expect(codesOf(await api.gql(token, `{ allQuestionnaireResponses { id } }`))).toEqual(['FORBIDDEN']);
        expect(codesOf(await create({ templateId: menteeSatisfaction.id, answers: [] }, token))).toEqual(['FORBIDDEN']);
      }
    });

    it('the platform admin enters a response for any school: the organisation is the participant\'s', async () => {
      const person = await build.person(school.id);
      const response = await created({ templateId: menteeSatisfaction.id, participantId: person.id, answers: await build.answersFor(menteeSatisfaction.id) }, tokenFor('platform-admin', null));
      expect(response.tenantId).toBe(school.id);
      const curatorQuality = await build.defaultTemplate('curator-quality');
      const noTenant = await create({ templateId: curatorQuality.id, answers: await build.answersFor(curatorQuality.id) }, tokenFor('platform-admin', null));
      expect(codesOf(noTenant)).toEqual(['VALIDATION_FAILED']);
    });
  });

  it('deleting a response removes its answers', async () => {
    const person = await build.person(school.id);
    const response = await created({ templateId: menteeSatisfaction.id, participantId: person.id, answers: await build.answersFor(menteeSatisfaction.id) });
    const removed = await api.gql<{ deleteQuestionnaireResponse: { id: string } }>(curator, `mutation($id: ID!) { deleteQuestionnaireResponse(id: $id) { id } }`, { id: response.id });
    expect(removed.data!.deleteQuestionnaireResponse.id).toBe(response.id);
    expect(await build.count('questionnaire_answers', 'response_id = $1', [response.id])).toBe(0);
  });
});

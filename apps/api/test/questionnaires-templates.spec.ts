import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders } from './questionnaires-builders';
import { codesOf, type GqlResponse, TestApi } from './test-api';

const TEMPLATE = 'id tenantId code version isCurrent isDefault title instrument respondentRole phase formCodes copiedFromId isActive questions { id position kind text required scaleMin scaleMax isSatisfaction satisfiedMin options { code label satisfied } }';

type Question = { id: string; position: number; kind: string; text: string; required: boolean; scaleMin: number | null; scaleMax: number | null; isSatisfaction: boolean; satisfiedMin: number | null; options: { code: string; label: string; satisfied: boolean }[] };
type Template = { id: string; tenantId: string | null; code: string; version: number; isCurrent: boolean; isDefault: boolean; title: string; instrument: string; respondentRole: string; phase: string; formCodes: string[]; copiedFromId: string | null; isActive: boolean; questions: Question[] };

/** Templates: the seeded defaults, a school's own, copies, the satisfaction question, versions. */
describe('questionnaires: templates and questions', () => {
  let api: TestApi;
  let db: TestDb;
  let build: QuestionnaireBuilders;
  let school: TenantRow;
  let region: TenantRow;
  let curator: string;
  const admin = () => tokenFor('platform-admin', null);

  const gql = async <T>(token: string, query: string, variables?: Record<string, unknown>) => {
    const response = await api.gql<T>(token, query, variables);
    if (response.errors) throw new Error(`${codesOf(response as GqlResponse).join(',')}: ${response.errors.map((e) => e.message).join('; ')}`);
    return response.data as T;
  };
  const createTemplate = (token: string, input: Record<string, unknown>) =>
    gql<{ createQuestionnaireTemplate: Template }>(token, `mutation($input: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { ${TEMPLATE} } }`, { input }).then((d) => d.createQuestionnaireTemplate);
  const respond = (token: string, input: Record<string, unknown>) =>
    gql<{ createQuestionnaireResponse: { id: string; templateId: string; satisfied: boolean | null } }>(
      token,
      `mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id templateId satisfied } }`,
      { input },
    ).then((d) => d.createQuestionnaireResponse);

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    ({ school, region } = await db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  describe('the seeded defaults', () => {
    it('are Russian questionnaires for mentors, mentees and curators: quality (Q10/Q12), growth before and after (Q4/Q6/Q13), satisfaction (Q11)', async () => {
      const { allQuestionnaireTemplates: all } = await gql<{ allQuestionnaireTemplates: Template[] }>(curator, `{ allQuestionnaireTemplates(perPage: 500, filter: { isDefault: true }) { ${TEMPLATE} } }`);
      const byCode = new Map(all.map((t) => [t.code, t]));
      for (const code of ['mentee-quality', 'mentor-quality', 'curator-quality', 'mentee-student-growth-pre', 'mentee-student-growth-post', 'mentee-teacher-growth-pre', 'mentee-teacher-growth-post', 'mentor-growth-pre', 'mentor-growth-post', 'mentee-satisfaction', 'mentor-satisfaction']) {
        const template = byCode.get(code);
        expect(template).toBeDefined();
        expect(template!.isDefault).toBe(true);
        expect(template!.questions.length).toBeGreaterThanOrEqual(5);
        for (const q of template!.questions) expect(q.text).toMatch(/[а-яё]/i);
      }
      expect(new Set(all.map((t) => t.respondentRole))).toEqual(new Set(['MENTOR', 'MENTEE', 'CURATOR']));
      expect(new Set(all.map((t) => t.instrument))).toEqual(new Set(['Q4', 'Q6', 'Q10', 'Q11', 'Q12', 'Q13']));
      // Satisfaction: one marked question, a 1–10 rating with threshold 7, for mentees and for mentors.
      for (const code of ['mentee-satisfaction', 'mentor-satisfaction']) {
        const marked = byCode.get(code)!.questions.filter((q) => q.isSatisfaction);
        expect(marked).toEqual([expect.objectContaining({ kind: 'RATING', scaleMin: 1, scaleMax: 10, satisfiedMin: 7, required: true })]);
      }
      for (const t of all.filter((t) => t.instrument !== 'Q11')) expect(t.questions.some((q) => q.isSatisfaction)).toBe(false);
      // PRE and POST ask the same parameters in the same order, so the answers compare.
      const pre = byCode.get('mentee-student-growth-pre')!.questions.filter((q) => q.kind === 'RATING').map((q) => q.text);
      const post = byCode.get('mentee-student-growth-post')!.questions.filter((q) => q.kind === 'RATING').map((q) => q.text);
      expect(post.slice(0, pre.length)).toEqual(pre);
      expect(byCode.get('mentee-student-growth-pre')!.phase).toBe('PRE');
      expect(byCode.get('mentee-student-growth-post')!.phase).toBe('POST');
    });

    it('are readable by every signed-in role; a region analyst sees no school\'s own template', async () => {
      const own = await createTemplate(curator, { code: `own-${Date.now()}`, title: 'Своя анкета школы', instrument: 'Q9', respondentRole: 'MENTEE', questions: [{ kind: 'OPEN', text: 'Как прошла неделя?' }] });
      for (const token of [tokenFor('region-analyst', region.code), tokenFor('ministry-official', null)]) {
        const response = await api.gql<{ allQuestionnaireTemplates: Template[] }>(token, `{ allQuestionnaireTemplates(perPage: 500) { id tenantId } }`);
        expect(response.errors).toBeUndefined();
        expect(response.data!.allQuestionnaireTemplates.length).toBeGreaterThanOrEqual(11);
        expect(response.data!.allQuestionnaireTemplates.every((t) => t.tenantId === null)).toBe(true);
        expect(codesOf(await api.gql(token, `query($id: ID!) { QuestionnaireTemplate(id: $id) { id } }`, { id: own.id }))).toEqual(['NOT_FOUND']);
      }
      expect(codesOf(await api.gql(null, `{ allQuestionnaireTemplates { id } }`))).toEqual(['UNAUTHENTICATED']);
    });

    it('a curator may not edit a default, but may copy it into the school and edit the copy', async () => {
      const base = await build.defaultTemplate('mentee-satisfaction');
      const refused = await api.gql(curator, `mutation($id: ID!) { updateQuestionnaireTemplate(id: $id, input: { title: "Моя" }) { id } }`, { id: base.id });
      expect(codesOf(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors![0].message).toContain('Скопируйте анкету в свою организацию');
      const question = (await build.questions(base.id))[0];
      expect(codesOf(await api.gql(curator, `mutation($id: ID!) { deleteQuestionnaireQuestion(id: $id) { id } }`, { id: question.id }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(curator, `mutation($id: ID!) { deleteQuestionnaireTemplate(id: $id) { id } }`, { id: base.id }))).toEqual(['FORBIDDEN']);

      const { copyQuestionnaireTemplate: copy } = await gql<{ copyQuestionnaireTemplate: Template }>(curator, `mutation($id: ID!) { copyQuestionnaireTemplate(id: $id) { ${TEMPLATE} } }`, { id: base.id });
      expect(copy).toMatchObject({ tenantId: school.id, code: 'mentee-satisfaction', version: 1, isDefault: false, copiedFromId: base.id });
      expect(copy.questions.map((q) => q.text)).toEqual((await gql<{ QuestionnaireTemplate: Template }>(curator, `query($id: ID!) { QuestionnaireTemplate(id: $id) { ${TEMPLATE} } }`, { id: base.id })).QuestionnaireTemplate.questions.map((q) => q.text));
      const again = await api.gql(curator, `mutation($id: ID!) { copyQuestionnaireTemplate(id: $id) { id } }`, { id: base.id });
      expect(codesOf(again)).toEqual(['CONFLICT']);
      const renamed = await gql<{ copyQuestionnaireTemplate: Template }>(curator, `mutation($id: ID!) { copyQuestionnaireTemplate(id: $id, input: { code: "mentee-satisfaction-2", title: "Удовлетворённость (вторая копия)" }) { id code title } }`, { id: base.id });
      expect(renamed.copyQuestionnaireTemplate).toMatchObject({ code: 'mentee-satisfaction-2', title: 'Удовлетворённость (вторая копия)' });
      const edited = await gql<{ updateQuestionnaireTemplate: Template }>(curator, `mutation($id: ID!) { updateQuestionnaireTemplate(id: $id, input: { title: "Удовлетворённость участием (наша школа)" }) { id title version } }`, { id: copy.id });
      expect(edited.updateQuestionnaireTemplate).toMatchObject({ id: copy.id, title: 'Удовлетворённость участием (наша школа)', version: 1 });
      // The default itself did not change.
      expect((await db.owner.query(`select title from questionnaire_templates where id = $1`, [base.id])).rows[0].title).toBe('Удовлетворённость наставляемого участием в программе наставничества');
    });

    it('the platform admin edits a default in place while nobody answered it', async () => {
      const created = await createTemplate(admin(), { code: `platform-${Date.now()}`, title: 'Новая анкета по умолчанию', instrument: 'Q16', respondentRole: 'MENTOR', questions: [{ kind: 'OPEN', text: 'Чему вы хотели бы научиться?' }] });
      expect(created.tenantId).toBeNull();
      const updated = await gql<{ updateQuestionnaireTemplate: Template }>(admin(), `mutation($id: ID!) { updateQuestionnaireTemplate(id: $id, input: { title: "Потребность в обучении наставников" }) { id version title } }`, { id: created.id });
      expect(updated.updateQuestionnaireTemplate).toEqual({ id: created.id, version: 1, title: 'Потребность в обучении наставников' });
      expect((await gql<{ deleteQuestionnaireTemplate: Template }>(admin(), `mutation($id: ID!) { deleteQuestionnaireTemplate(id: $id) { id } }`, { id: created.id })).deleteQuestionnaireTemplate.id).toBe(created.id);
      expect(await build.count('questionnaire_templates', 'id = $1', [created.id])).toBe(0);
    });
  });

  describe('a school\'s own template', () => {
    it('is created with rating, single, multiple and open questions; the satisfaction question may be a set of options', async () => {
      const template = await createTemplate(curator, {
        code: 'pulse',
        title: 'Пульс-опрос наставляемых',
        instrument: 'Q9',
        respondentRole: 'MENTEE',
        phase: 'NONE',
        formCodes: ['STUDENT_STUDENT', 'TEACHER_STUDENT'],
        questions: [
          { kind: 'RATING', text: 'Насколько полезна была последняя встреча?', scaleMin: 1, scaleMax: 5, minLabel: 'Бесполезна', maxLabel: 'Очень полезна' },
          { kind: 'SINGLE_CHOICE', text: 'Довольны ли вы работой с наставником?', isSatisfaction: true, options: [{ label: 'Да', satisfied: true }, { label: 'Скорее да', satisfied: true }, { label: 'Скорее нет' }, { label: 'Нет' }] },
          { kind: 'MULTIPLE_CHOICE', text: 'Какие темы обсуждали?', options: [{ code: 'study', label: 'Учёба' }, { code: 'projects', label: 'Проекты' }, { label: 'Другое' }] },
          { kind: 'OPEN', text: 'Что хотите обсудить в следующий раз?', required: false },
        ],
      });
      expect(template).toMatchObject({ tenantId: school.id, code: 'pulse', version: 1, isCurrent: true, isDefault: false, formCodes: ['STUDENT_STUDENT', 'TEACHER_STUDENT'], phase: 'NONE' });
      expect(template.questions.map((q) => [q.position, q.kind])).toEqual([[1, 'RATING'], [2, 'SINGLE_CHOICE'], [3, 'MULTIPLE_CHOICE'], [4, 'OPEN']]);
      expect(template.questions[1].options).toEqual([
        { code: 'o1', label: 'Да', satisfied: true }, { code: 'o2', label: 'Скорее да', satisfied: true }, { code: 'o3', label: 'Скорее нет', satisfied: false }, { code: 'o4', label: 'Нет', satisfied: false },
      ]);
      expect(template.questions[2].options.map((o) => o.code)).toEqual(['study', 'projects', 'o1']);
      expect(template.questions[3].required).toBe(false);
    });

    it('refuses ill-formed questions and unknown forms with clear messages', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'RATING', text: 'Оценка?', scaleMin: 5, scaleMax: 5 }, 'шкала'],
        [{ kind: 'RATING', text: 'Оценка?', isSatisfaction: true }, 'укажите оценку'],
        [{ kind: 'RATING', text: 'Оценка?', isSatisfaction: true, satisfiedMin: 11 }, 'порог удовлетворённости'],
        [{ kind: 'OPEN', text: 'Довольны?', isSatisfaction: true }, 'не открытый'],
        [{ kind: 'SINGLE_CHOICE', text: 'Выбор?', options: [{ label: 'Один' }] }, 'от 2 до 50 вариантов'],
        [{ kind: 'SINGLE_CHOICE', text: 'Выбор?', isSatisfaction: true, options: [{ label: 'А' }, { label: 'Б' }] }, 'отметьте варианты'],
        [{ kind: 'SINGLE_CHOICE', text: 'Выбор?', options: [{ label: 'А', satisfied: true }, { label: 'Б' }] }, 'только у вопроса удовлетворённости'],
        [{ kind: 'SINGLE_CHOICE', text: 'Выбор?', options: [{ label: 'А' }, { label: 'а' }] }, 'повторяются'],
        [{ kind: 'OPEN', text: 'Текст?', scaleMin: 1 }, 'ни шкалы'],
        [{ kind: 'RATING', text: 'Довольны?', isSatisfaction: true, satisfiedMin: 7, required: false }, 'обязательным'],
      ];
      for (const [question, message] of cases) {
        const response = await api.gql(curator, `mutation($input: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }`, {
          input: { code: `bad-${Math.random().toString(36).slice(2, 8)}`, title: 'Неверная анкета', instrument: 'Q9', respondentRole: 'MENTEE', questions: [question] },
        });
        expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
        expect(response.errors![0].message).toContain(message);
      }
      const twoMarked = await api.gql(curator, `mutation($input: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }`, {
        input: {
          code: 'two-marked', title: 'Два вопроса удовлетворённости', instrument: 'Q11', respondentRole: 'MENTOR',
          questions: [{ kind: 'RATING', text: 'Первый?', isSatisfaction: true, satisfiedMin: 7 }, { kind: 'RATING', text: 'Второй?', isSatisfaction: true, satisfiedMin: 7 }],
        },
      });
      expect(codesOf(twoMarked)).toEqual(['VALIDATION_FAILED']);
      const unknownForm = await api.gql(curator, `mutation($input: CreateQuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }`, {
        input: { code: 'unknown-form', title: 'Неизвестная форма', instrument: 'Q9', respondentRole: 'MENTEE', formCodes: ['NO_SUCH_FORM'] },
      });
      expect(codesOf(unknownForm)).toEqual(['VALIDATION_FAILED']);
      expect(unknownForm.errors![0].message).toContain('NO_SUCH_FORM');
      expect(await build.count('questionnaire_templates', `tenant_id = $1 and code in ('two-marked', 'unknown-form')`, [school.id])).toBe(0);
    });

    it('marking another question as THE satisfaction question moves the mark', async () => {
      const template = await createTemplate(curator, {
        code: 'mark-move', title: 'Перенос отметки', instrument: 'Q11', respondentRole: 'MENTOR',
        questions: [{ kind: 'RATING', text: 'Первый вопрос?', isSatisfaction: true, satisfiedMin: 7 }, { kind: 'RATING', text: 'Второй вопрос?', scaleMin: 0, scaleMax: 10 }],
      });
      const second = template.questions[1];
      const { updateQuestionnaireQuestion: moved } = await gql<{ updateQuestionnaireQuestion: Question }>(curator, `mutation($id: ID!) { updateQuestionnaireQuestion(id: $id, input: { isSatisfaction: true, satisfiedMin: 8 }) { id isSatisfaction satisfiedMin } }`, { id: second.id });
      expect(moved).toEqual({ id: second.id, isSatisfaction: true, satisfiedMin: 8 });
      const questions = await build.questions(template.id);
      expect(questions.map((q) => [q.is_satisfaction, q.satisfied_min])).toEqual([[false, null], [true, 8]]);
    });

    it('question mutations: add at a position, change the kind, delete — ids stay while nobody answered', async () => {
      const template = await createTemplate(curator, { code: 'editing', title: 'Редактирование вопросов', instrument: 'Q10', respondentRole: 'MENTOR', questions: [{ kind: 'OPEN', text: 'Первый?' }, { kind: 'OPEN', text: 'Второй?' }] });
      const [first, second] = template.questions;
      const { createQuestionnaireQuestion: added } = await gql<{ createQuestionnaireQuestion: Question }>(curator, `mutation($input: CreateQuestionnaireQuestionInput!) { createQuestionnaireQuestion(input: $input) { id position kind } }`, {
        input: { templateId: template.id, position: 1, kind: 'RATING', text: 'Новый первый?', scaleMin: 1, scaleMax: 5 },
      });
      expect(added.position).toBe(1);
      const { updateQuestionnaireQuestion: changed } = await gql<{ updateQuestionnaireQuestion: Question }>(curator, `mutation($id: ID!) { updateQuestionnaireQuestion(id: $id, input: { kind: SINGLE_CHOICE, options: [{ label: "Да" }, { label: "Нет" }], position: 3 }) { id kind position options { code label } } }`, { id: first.id });
      expect(changed).toEqual({ id: first.id, kind: 'SINGLE_CHOICE', position: 3, options: [{ code: 'o1', label: 'Да' }, { code: 'o2', label: 'Нет' }] });
      await gql(curator, `mutation($id: ID!) { deleteQuestionnaireQuestion(id: $id) { id } }`, { id: second.id });
      const after = await gql<{ allQuestionnaireQuestions: Question[]; _allQuestionnaireQuestionsMeta: { count: number } }>(curator, `query($t: ID!) { allQuestionnaireQuestions(filter: { templateId: $t }, sortField: "position") { id position } _allQuestionnaireQuestionsMeta(filter: { templateId: $t }) { count } }`, { t: template.id });
      expect(after.allQuestionnaireQuestions).toEqual([{ id: added.id, position: 1 }, { id: first.id, position: 2 }]);
      expect(after._allQuestionnaireQuestionsMeta.count).toBe(2);
      expect(await build.count('questionnaire_templates', 'tenant_id = $1 and code = $2', [school.id, 'editing'])).toBe(1);
    });
  });

  describe('versions', () => {
    it('editing a template that has responses creates the next version; the responses keep the version they answered', async () => {
      const person = await build.person(school.id);
      const v1 = await createTemplate(curator, {
        code: 'versioned', title: 'Анкета с версиями', instrument: 'Q11', respondentRole: 'MENTEE',
        questions: [{ kind: 'RATING', text: 'Насколько вы удовлетворены?', isSatisfaction: true, satisfiedMin: 7 }, { kind: 'OPEN', text: 'Комментарий?', required: false }],
      });
      const answered = await respond(curator, { templateId: v1.id, participantId: person.id, academicYear: '2022/2023', answers: [{ questionId: v1.questions[0].id, value: 9 }] });
      expect(answered).toMatchObject({ templateId: v1.id, satisfied: true });

      // A question edit goes to version 2, as a new question id.
      const { updateQuestionnaireQuestion: q2 } = await gql<{ updateQuestionnaireQuestion: Question & { templateId: string } }>(curator, `mutation($id: ID!) { updateQuestionnaireQuestion(id: $id, input: { satisfiedMin: 8 }) { id templateId satisfiedMin } }`, { id: v1.questions[0].id });
      expect(q2.id).not.toBe(v1.questions[0].id);
      expect(q2.templateId).not.toBe(v1.id);
      expect(q2.satisfiedMin).toBe(8);
      const versions = (await db.owner.query(`select id, version, is_current from questionnaire_templates where tenant_id = $1 and code = 'versioned' order by version`, [school.id])).rows;
      expect(versions).toEqual([{ id: v1.id, version: 1, is_current: false }, { id: q2.templateId, version: 2, is_current: true }]);
      expect((await build.questions(v1.id)).map((q) => q.satisfied_min)).toEqual([7, null]);
      const answers = (await db.owner.query(`select question_id from questionnaire_answers where response_id = $1`, [answered.id])).rows;
      expect(answers).toEqual([{ question_id: v1.questions[0].id }]);

      // Version 2 has no responses yet: edits stay in it; the outdated version cannot be edited.
      const { updateQuestionnaireTemplate: same } = await gql<{ updateQuestionnaireTemplate: Template }>(curator, `mutation($id: ID!) { updateQuestionnaireTemplate(id: $id, input: { phase: POST }) { id version phase } }`, { id: q2.templateId });
      expect(same).toEqual({ id: q2.templateId, version: 2, phase: 'POST' });
      expect(codesOf(await api.gql(curator, `mutation($id: ID!) { updateQuestionnaireTemplate(id: $id, input: { title: "Старая" }) { id } }`, { id: v1.id }))).toEqual(['CONFLICT']);

      // Lists show the current version; with includeOutdated (or by ids) both.
      const listed = await gql<{ allQuestionnaireTemplates: Template[] }>(curator, `{ allQuestionnaireTemplates(filter: { code: "versioned" }) { id } }`);
      expect(listed.allQuestionnaireTemplates.map((t) => t.id)).toEqual([q2.templateId]);
      const all = await gql<{ allQuestionnaireTemplates: Template[] }>(curator, `{ allQuestionnaireTemplates(filter: { code: "versioned", includeOutdated: true }, sortField: "version") { id } }`);
      expect(all.allQuestionnaireTemplates.map((t) => t.id)).toEqual([v1.id, q2.templateId]);

      // A template that was answered cannot be deleted; it can be retired (all versions).
      const refused = await api.gql(curator, `mutation($id: ID!) { deleteQuestionnaireTemplate(id: $id) { id } }`, { id: q2.templateId });
      expect(codesOf(refused)).toEqual(['CONFLICT']);
      await gql(curator, `mutation($id: ID!) { updateQuestionnaireTemplate(id: $id, input: { isActive: false }) { id } }`, { id: q2.templateId });
      expect((await db.owner.query(`select bool_or(is_active) as any from questionnaire_templates where tenant_id = $1 and code = 'versioned'`, [school.id])).rows[0].any).toBe(false);
      const retired = await api.gql(curator, `mutation($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }`, {
        input: { templateId: q2.templateId, participantId: person.id, answers: [] },
      });
      expect(codesOf(retired)).toEqual(['VALIDATION_FAILED']);
      expect(retired.errors![0].message).toContain('снята с использования');
    });

    it('a full replacement of the questions of an answered template also creates a version', async () => {
      const person = await build.person(school.id);
      const v1 = await createTemplate(curator, { code: 'replaced', title: 'Замена вопросов', instrument: 'Q10', respondentRole: 'MENTOR', questions: [{ kind: 'OPEN', text: 'Как дела?' }] });
      await respond(curator, { templateId: v1.id, participantId: person.id, answers: [{ questionId: v1.questions[0].id, text: 'Хорошо' }] });
      const { updateQuestionnaireTemplate: v2 } = await gql<{ updateQuestionnaireTemplate: Template }>(curator, `mutation($id: ID!, $input: UpdateQuestionnaireTemplateInput!) { updateQuestionnaireTemplate(id: $id, input: $input) { ${TEMPLATE} } }`, {
        id: v1.id,
        input: { title: 'Замена вопросов (2)', questions: [{ kind: 'RATING', text: 'Оцените работу пары', scaleMin: 1, scaleMax: 5 }] },
      });
      expect(v2).toMatchObject({ version: 2, isCurrent: true, title: 'Замена вопросов (2)' });
      expect(v2.questions.map((q) => q.kind)).toEqual(['RATING']);
      expect((await build.questions(v1.id)).map((q) => q.kind)).toEqual(['open']);
      expect((await db.owner.query(`select title from questionnaire_templates where id = $1`, [v1.id])).rows[0].title).toBe('Замена вопросов');
    });
  });
});

import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

/**
 * The reference data of the target model as seeded from the source documents, its upkeep by the
 * platform admin, and the platform admin acting for a school (it names the school).
 */
describe('programmes: reference data and the platform admin', () => {
  let api: TestApi;
  let db: TestDb;
  let world: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  const admin = () => tokenFor('platform-admin', null);
  const curator = () => tokenFor('curator', world.school.code);

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    world = await db.newSchoolWorld();
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('ships every form, role model, format, direction, interest area, meeting type and stage of the seeds, in Russian', async () => {
    type Coded = { code: string; title: string };
    const response = await api.gql<Record<string, Coded[]>>(
      curator(),
      `{ allMentoringForms(perPage: 100) { code title } allRoleModels(perPage: 100) { code title } allMentoringFormats(perPage: 100) { code title }
         allMentoringDirections(perPage: 100) { code title } allMenteeInterests(perPage: 100) { code title } allMeetingTypes(perPage: 100) { code title }
         allProgrammeStages(perPage: 100) { code title } }`,
    );
    expect(response.errors).toBeUndefined();
    const codes = (list: string) => response.data![list].map((r) => r.code);
    const titles = (list: string) => response.data![list].map((r) => r.title);
    expect(codes('allMentoringForms')).toEqual(expect.arrayContaining([
      'STUDENT_STUDENT', 'TEACHER_TEACHER', 'UNISTUDENT_STUDENT', 'TEACHER_STUDENT', 'EMPLOYER_STUDENT', 'EMPLOYER_UNISTUDENT', 'HEAD_TEACHER', 'UNITEACHER_YOUNGTEACHER', 'STUDENT_TEACHER',
    ]));
    expect(titles('allRoleModels')).toEqual(expect.arrayContaining([
      'Опытный педагог – молодой специалист', 'Опытный классный руководитель – молодой специалист', 'Лидер педагогического сообщества – педагог, испытывающий проблемы',
      'Педагог новатор – консервативный педагог', 'Опытный предметник – неопытный предметник', 'Успевающий – неуспевающий', 'Лидер – пассивный', 'Равный – равному',
      'Адаптированный – неадаптированный', 'Отличник – двоечник', 'Лидер – тихоня/скромник', 'Студент – неуспевающий ученик', 'Студент-лидер – равнодушный ученик',
      'Студент – ученик – автор проекта',
    ]));
    expect(codes('allMentoringFormats')).toEqual(expect.arrayContaining(['VIRTUAL', 'GROUP', 'SHORT_TERM', 'REVERSE', 'SITUATIONAL', 'SPEED', 'TRADITIONAL']));
    expect(codes('allMentoringDirections').filter((c) => /^D\d\d$/.test(c))).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09', 'D10', 'D11']);
    expect(codes('allMenteeInterests')).toEqual(expect.arrayContaining(['intellectual', 'sport', 'volunteer', 'creative', 'methodological']));
    expect(codes('allMeetingTypes')).toEqual(expect.arrayContaining(['ORGANISATIONAL', 'TRIAL', 'PLANNING', 'REGULAR', 'FINAL', 'GROUP_FINAL', 'MATCHING_GROUP', 'CEREMONY']));
    expect(codes('allProgrammeStages').slice(0, 7)).toEqual(['PREPARATION', 'MENTEE_BASE', 'MENTOR_BASE', 'MENTOR_SELECTION_TRAINING', 'MATCHING', 'PAIR_WORK', 'COMPLETION']);
    const form = await api.gql<{ allMentoringForms: { mentorKinds: string[]; menteeKinds: string[]; menteeMinAge: number; tasks: string[] }[] }>(
      curator(),
      `{ allMentoringForms(filter: { codes: ["STUDENT_STUDENT"] }) { mentorKinds menteeKinds menteeMinAge tasks } }`,
    );
    expect(form.data!.allMentoringForms[0]).toMatchObject({ mentorKinds: ['STUDENT'], menteeKinds: ['STUDENT'], menteeMinAge: 6 });
    expect(form.data!.allMentoringForms[0].tasks[0]).toBe('Помощь в реализации лидерского потенциала.');
  });

  it('lets the platform admin add, correct and retire entries; a retired entry is refused for new records', async () => {
    const created = await api.gql<{ createMentoringForm: { id: string; code: string } }>(
      admin(),
      `mutation { createMentoringForm(input: { code: "PARENT_STUDENT", title: "Родитель – ученик", mentorKinds: [PARENT], menteeKinds: [STUDENT], menteeMinAge: 6 }) { id code } }`,
    );
    expect(created.errors).toBeUndefined();
    const formId = created.data!.createMentoringForm.id;
    expect(codesOf(await api.gql(admin(), `mutation { createMentoringForm(input: { code: "PARENT_STUDENT", title: "Дубль", mentorKinds: [PARENT], menteeKinds: [STUDENT] }) { id } }`))).toEqual(['CONFLICT']);
    const ages = await api.gql(admin(), `mutation($id: ID!) { updateMentoringForm(id: $id, input: { menteeMaxAge: 5 }) { id } }`, { id: formId });
    expect(codesOf(ages)).toEqual(['VALIDATION_FAILED']);
    expect(ages.errors![0].message).toBe('Наименьший возраст наставляемого больше наибольшего.');
    const blank = await api.gql(admin(), `mutation($id: ID!) { updateMentoringForm(id: $id, input: { title: "   " }) { id } }`, { id: formId });
    expect(codesOf(blank)).toEqual(['VALIDATION_FAILED']);
    const noKinds = await api.gql(admin(), `mutation($id: ID!) { updateMentoringForm(id: $id, input: { mentorKinds: [] }) { id } }`, { id: formId });
    expect(noKinds.errors![0].message).toContain('укажите хотя бы одну категорию');
    const model = await api.gql<{ createRoleModel: { formId: string } }>(admin(), `mutation($f: ID!) { createRoleModel(input: { code: "PARENT_HELPER", title: "Родитель-помощник – ученик", formId: $f }) { formId } }`, { f: formId });
    expect(model.data!.createRoleModel.formId).toBe(formId);
    expect(codesOf(await api.gql(admin(), `mutation { createRoleModel(input: { code: "ORPHAN", title: "Без формы", formId: "00000000-0000-4000-8000-000000000000" }) { id } }`))).toEqual(['VALIDATION_FAILED']);
    await api.gql(admin(), `mutation($id: ID!) { updateMentoringForm(id: $id, input: { isActive: false }) { id } }`, { id: formId });
    const refused = await api.gql(curator(), `mutation($f: ID!) { createProgramme(input: { title: "Родители", academicYear: "2024/2025", formId: $f }) { id } }`, { f: formId });
    expect(codesOf(refused)).toEqual(['VALIDATION_FAILED']);
    expect(refused.errors![0].message).toContain('больше не используется');
    const active = await api.gql<{ allMentoringForms: { code: string }[] }>(curator(), `{ allMentoringForms(perPage: 100, filter: { isActive: true }) { code } }`);
    expect(active.data!.allMentoringForms.map((f) => f.code)).not.toContain('PARENT_STUDENT');
  });

  it('the platform admin names the school of a new programme; a curator cannot name another', async () => {
    const formId = (await db.owner.query(`select id from mentoring_forms where code = 'TEACHER_STUDENT'`)).rows[0].id;
    const create = (token: string, tenantId?: string) =>
      api.gql<{ createProgramme: { id: string; tenantId: string } }>(token, `mutation($f: ID!, $t: ID) { createProgramme(input: { tenantId: $t, title: "Учитель – ученик", academicYear: "2025/2026", formId: $f }) { id tenantId } }`, { f: formId, t: tenantId });
    const unnamed = await create(admin());
    expect(codesOf(unnamed)).toEqual(['VALIDATION_FAILED']);
    expect(unnamed.errors![0].message).toContain('Укажите организацию');
    expect(codesOf(await create(admin(), world.region.id))).toEqual(['VALIDATION_FAILED']);
    const made = await create(admin(), world.school.id);
    expect(made.data!.createProgramme.tenantId).toBe(world.school.id);
    const mineRead = await api.gql<{ Programme: { id: string } }>(curator(), `query($id: ID!) { Programme(id: $id) { id } }`, { id: made.data!.createProgramme.id });
    expect(mineRead.data!.Programme.id).toBe(made.data!.createProgramme.id);
    const other = await db.newSchoolWorld();
    expect(codesOf(await create(curator(), other.school.id))).toEqual(['FORBIDDEN']);
  });
});

import type { TenantRow } from '@nastavnik/testing/test-context';
import { MentoringPairService } from '../src/pairs/mentoring-pair.service';
import { ProgrammeService } from '../src/programmes/programme.service';
import { daysFromNow, failure, startProgrammes, yearsAgo, type PersonRow } from './builders';

type Harness = Awaited<ReturnType<typeof startProgrammes>>;

/**
 * Pairs and groups against the real database: the form's rules, the lifecycle, consents and
 * capacity, each refusal a VALIDATION_FAILED with a Russian message a curator can act on.
 */
describe('programmes: pairs and groups', () => {
  let h: Harness;
  let pairs: MentoringPairService;
  let programmes: ProgrammeService;
  let school: TenantRow;
  let programmeId: string;
  let roleModelId: string;
  let directionId: string;
  let senior: PersonRow;

  const as = <T>(work: () => Promise<T>) => h.asCurator(school, work);
  const student = (years: number, grade: number, last = 'Ученик') => h.people.mentee(school.id, { kind: 'student', birthDate: yearsAgo(years), grade, lastName: last });
  const newPair = (mentorId: string, menteeIds: string[], extra: Record<string, unknown> = {}) =>
    as(() => pairs.create({ programmeId, mentorId, menteeIds, roleModelId, directionId, ...extra }));

  beforeAll(async () => {
    h = await startProgrammes();
    pairs = h.app.get(MentoringPairService);
    programmes = h.app.get(ProgrammeService);
    school = (await h.db.newSchoolWorld()).school;
    roleModelId = await h.people.ref('role_models', 'ACHIEVER_UNDERACHIEVER');
    directionId = await h.people.ref('mentoring_directions', 'D04');
    const formId = await h.people.ref('mentoring_forms', 'STUDENT_STUDENT');
    const programme = await as(() => programmes.create({
      title: 'Ученик – ученик', academicYear: '2024/2025', formId, roleModelIds: [roleModelId], directionIds: [directionId], startDate: daysFromNow(-30), endDate: daysFromNow(200),
    }));
    programmeId = programme.id;
    await as(() => programmes.changeStatus(programmeId, 'active'));
    senior = await h.people.mentor(school.id, { kind: 'student', birthDate: yearsAgo(16), grade: 10, lastName: 'Старшеклассников' });
  });
  afterAll(() => h.close());

  it('creates a draft pair with one mentee and a group with two or more', async () => {
    const pair = await newPair(senior.id, [(await student(8, 2)).id]);
    expect(pair).toMatchObject({ status: 'draft', kind: 'pair', mentorId: senior.id, programmeId, roleModelId, directionId });
    const group = await newPair(senior.id, [(await student(8, 2)).id, (await student(9, 3)).id]);
    expect(group.kind).toBe('group');
    expect(group.menteeIds).toHaveLength(2);
  });

  it('names a pair by its people («наставник — наставляемые») and finds it by any words of their names, in its programme only and never in another school', async () => {
    const mentor = await h.people.mentor(school.id, { kind: 'student', birthDate: yearsAgo(16), grade: 10, lastName: 'Ёлкина', firstName: 'Анна' });
    const first = await student(9, 3, 'Поисков');
    const second = await student(9, 3, 'Находкин');
    const group = await newPair(mentor.id, [first.id, second.id]);
    expect(group.title).toBe('Ёлкина А. Т. — Находкин Т. Т., Поисков Т. Т.'); // mentees in alphabetical order; the builder's names are «Тест…» «Тестович»
    const found = (q: string, extra: Record<string, unknown> = {}) => as(async () => (await pairs.list({ page: 0, perPage: 500, sortOrder: 'ASC' }, { q, ...extra })).map((p) => p.id));
    expect(await found('елкина')).toEqual([group.id]); // ё = е, any case
    expect(await found('Ёлкина находкин')).toEqual([group.id]); // a word from the mentor, a word from a mentee
    expect(await found('Ёлкина Старшеклассников')).toEqual([]); // every word must match someone of the pair
    expect(await found('%')).toEqual([]); // a wildcard is a character like any other
    expect(await found('Поисков', { programmeId })).toEqual([group.id]);
    expect(await as(() => pairs.count({ q: 'Находкин' }))).toBe(1);
    const other = (await h.db.newSchoolWorld()).school;
    const elsewhere = await h.asCurator(other, async () => (await pairs.list({ page: 0, perPage: 500, sortOrder: 'ASC' }, { q: 'Ёлкина' })).length);
    expect(elsewhere).toBe(0);
  });

  it('enforces the form: in «Ученик – ученик» a teacher is neither mentor nor mentee', async () => {
    const teacher = await h.people.mentor(school.id, { kind: 'teacher', lastName: 'Педагогова' });
    const asMentor = await failure(newPair(teacher.id, [(await student(9, 3)).id]));
    expect(asMentor).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Педагогова Т. Т. не может быть наставником в форме «Ученик – ученик»') });
    const asMentee = await failure(newPair(senior.id, [teacher.id]));
    expect(asMentee?.code).toBe('VALIDATION_FAILED');
    expect(asMentee?.message).toContain('не может быть наставляемым в форме «Ученик – ученик»');
    const tooYoung = await failure(newPair(senior.id, [(await student(5, 1)).id]));
    expect(tooYoung?.message).toContain('наставляемые не младше 6 лет');
  });

  it('never makes a person mentor and mentee of the same pair (the service and the database both refuse)', async () => {
    const error = await failure(newPair(senior.id, [senior.id]));
    expect(error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('не может быть наставником и наставляемым одной пары') });
    const pair = await newPair(senior.id, [(await student(9, 3)).id]);
    await expect(h.db.owner.query(`insert into pair_mentees (tenant_id, pair_id, mentor_id, mentee_id) values ($1, $2, $3, $3)`, [school.id, pair.id, senior.id]))
      .rejects.toThrow(/pair_mentees_not_own_mentor/);
  });

  it('warns (does not refuse) when the mentor is younger, and when a student mentor falls outside 15–19 for T2', async () => {
    const young = await h.people.mentor(school.id, { kind: 'student', birthDate: yearsAgo(7), grade: 1, lastName: 'Первоклашкин' });
    const pair = await newPair(young.id, [(await student(16, 10, 'Десятиклассник')).id]);
    expect(pair.warnings.join(' ')).toContain('должен учиться в более старшем классе');
    expect(pair.warnings.join(' ')).toContain('не войдёт в показатель «доля обучающихся 15–19 лет в роли наставника»');
    const reverse = await h.people.ref('role_models', 'ROLES_CHANGE');
    await h.db.owner.query(`update programmes set role_model_ids = array_append(role_model_ids, $1) where id = $2`, [reverse, programmeId]);
    const club = await newPair(young.id, [(await student(16, 10)).id], { roleModelId: reverse });
    expect(club.warnings.join(' ')).not.toContain('должен учиться в более старшем классе');
  });

  it('follows the lifecycle draft → active → completed | ended_early and refuses illegal moves in Russian', async () => {
    const pair = await newPair(senior.id, [(await student(9, 3)).id]);
    const skip = await failure(as(() => pairs.changeStatus(pair.id, { status: 'completed' })));
    expect(skip).toEqual({ code: 'VALIDATION_FAILED', message: 'Нельзя перевести пару (группу) из состояния «Черновик» в «Завершена». Из этого состояния можно перейти только в: «Действует».' });
    const active = await as(() => pairs.changeStatus(pair.id, { status: 'active', date: daysFromNow(-10) }));
    expect(active).toMatchObject({ status: 'active', startDate: daysFromNow(-10) });
    expect((await failure(as(() => pairs.changeStatus(pair.id, { status: 'draft' }))))?.message).toContain('Нельзя перевести пару (группу) из состояния «Действует» в «Черновик»');
    expect((await failure(as(() => pairs.changeStatus(pair.id, { status: 'ended_early' }))))?.message).toBe('Укажите причину досрочного прекращения.');
    expect((await failure(as(() => pairs.changeStatus(pair.id, { status: 'ended_early', endReason: 'other' }))))?.message).toContain('опишите причину в комментарии');
    expect((await failure(as(() => pairs.changeStatus(pair.id, { status: 'completed', date: daysFromNow(-20) }))))?.message).toContain('раньше даты начала работы пары');
    const ended = await as(() => pairs.changeStatus(pair.id, { status: 'ended_early', endReason: 'mentor_replacement', comment: 'Ходатайство наставляемого' }));
    expect(ended).toMatchObject({ status: 'ended_early', endReason: 'mentor_replacement', endDate: expect.any(String) });
    expect((await failure(as(() => pairs.changeStatus(pair.id, { status: 'active' }))))?.message).toContain('Это состояние окончательное');
    expect((await failure(as(() => pairs.update(pair.id, { directionId: null }))))?.message).toContain('можно изменить только итоги');
    expect((await as(() => pairs.update(pair.id, { result: 'Итоги подведены' }))).result).toBe('Итоги подведены');
  });

  it('does not remove a mentor of an active pair, and keeps one open pair per mentee in a programme', async () => {
    const mentee = await student(9, 3);
    const pair = await newPair(senior.id, [mentee.id]);
    expect((await failure(newPair(senior.id, [mentee.id])))?.message).toContain('Уже в другой паре (группе) этой программы');
    await as(() => pairs.changeStatus(pair.id, { status: 'active' }));
    const other = await h.people.mentor(school.id, { kind: 'student', birthDate: yearsAgo(17), grade: 11 });
    expect((await failure(as(() => pairs.update(pair.id, { mentorId: other.id }))))?.message).toContain('Замена наставника');
    expect((await failure(as(() => pairs.remove(pair.id))))?.message).toContain('Удалить можно только черновик');
  });

  it('puts nobody without a consent to pairing into a pair, and re-checks consents on activation', async () => {
    const unconsented = await h.people.person(school.id, { kind: 'student', birthDate: yearsAgo(9), grade: 3, lastName: 'Безсогласный' });
    const error = await failure(newPair(senior.id, [unconsented.id]));
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.message).toContain('Безсогласный');
    expect(error?.message).toContain('нет действующего согласия');
    const mentee = await student(9, 3, 'Отозвавший');
    const pair = await newPair(senior.id, [mentee.id]);
    await h.people.revokeConsents(mentee);
    const activation = await failure(as(() => pairs.changeStatus(pair.id, { status: 'active' })));
    expect(activation?.message).toContain('Отозвавший');
    expect((await h.db.owner.query(`select status from mentoring_pairs where id = $1`, [pair.id])).rows[0].status).toBe('draft');
  });

  it('keeps a mentor within capacity over all active pairs (the mentor-base setting first, then the programme)', async () => {
    const busy = await h.people.mentor(school.id, { kind: 'student', birthDate: yearsAgo(16), grade: 10 }, 2);
    const first = await newPair(busy.id, [(await student(9, 3)).id, (await student(9, 3)).id]);
    await as(() => pairs.changeStatus(first.id, { status: 'active' }));
    const second = await newPair(busy.id, [(await student(9, 3)).id]);
    const error = await failure(as(() => pairs.changeStatus(second.id, { status: 'active' })));
    expect(error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('может быть не больше 2 наставляемых во всех действующих парах и группах: уже 2, в этой — 1') });
    const tooBig = await failure(newPair(busy.id, [(await student(9, 3)).id, (await student(9, 3)).id, (await student(9, 3)).id]));
    expect(tooBig?.message).toContain('не больше 2 наставляемых');
  });

  it('activates a pair only in an active programme, with a role model and a direction', async () => {
    const pair = await newPair(senior.id, [(await student(9, 3)).id], { directionId: null });
    expect((await failure(as(() => pairs.changeStatus(pair.id, { status: 'active' }))))?.message).toContain('Укажите направление');
    const formId = await h.people.ref('mentoring_forms', 'STUDENT_STUDENT');
    const draft = await as(() => programmes.create({ title: 'Черновик', academicYear: '2024/2025', formId }));
    const someone = await student(9, 3);
    const inDraft = await as(() => pairs.create({ programmeId: draft.id, mentorId: senior.id, menteeIds: [someone.id], directionId }));
    expect((await failure(as(() => pairs.changeStatus(inDraft.id, { status: 'active' }))))?.message).toContain('Сначала начните реализацию программы');
    const foreignModel = await h.people.ref('role_models', 'EXPERIENCED_YOUNG');
    expect((await failure(newPair(senior.id, [(await student(9, 3)).id], { roleModelId: foreignModel })))?.message).toContain('не относится к форме «Ученик – ученик»');
  });

  it('moves a programme draft → active → completed only, and completes it only when its pairs are closed', async () => {
    const formId = await h.people.ref('mentoring_forms', 'TEACHER_TEACHER');
    const programme = await as(() => programmes.create({ title: 'Учитель – учитель', academicYear: '2024/2025', formId }));
    expect(programme.goal).toContain('закрепления на месте работы молодого специалиста');
    expect(programme.tasks).toHaveLength(5);
    expect((await failure(as(() => programmes.changeStatus(programme.id, 'completed'))))?.message).toContain('Нельзя перевести программу из состояния «Черновик» в «Завершена»');
    expect((await failure(as(() => programmes.changeStatus(programme.id, 'active'))))?.message).toContain('укажите даты её начала и окончания');
    await as(() => programmes.update(programme.id, { startDate: daysFromNow(-5), endDate: daysFromNow(100) }));
    await as(() => programmes.changeStatus(programme.id, 'active'));
    const mentor = await h.people.mentor(school.id, { kind: 'teacher' });
    const mentee = await h.people.mentee(school.id, { kind: 'teacher' });
    const pair = await as(() => pairs.create({ programmeId: programme.id, mentorId: mentor.id, menteeIds: [mentee.id] }));
    expect((await failure(as(() => programmes.changeStatus(programme.id, 'completed'))))?.message).toContain('завершите, прекратите или удалите её пары');
    await as(() => pairs.remove(pair.id));
    expect((await as(() => programmes.changeStatus(programme.id, 'completed'))).status).toBe('completed');
    expect((await failure(as(() => programmes.update(programme.id, { title: 'Иначе' }))))?.message).toBe('Программа завершена — изменить её нельзя.');
  });
});

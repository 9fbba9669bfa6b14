import type { MatchMentee, MatchMentor } from './matching.types';
import {
  FORMS,
  ROLE_MODELS,
  allOf,
  anyForm,
  defaultWeights,
  menteeKindIn,
  mentorKindIn,
  mentorSenior,
  notSamePerson,
  rulesForForm,
  sameSubject,
  similarLevel,
} from './rules';

const mentor = (over: Partial<MatchMentor>): MatchMentor => ({ id: 'mr', name: 'Наставник', kind: 'student', capacity: 1, ...over });
const mentee = (over: Partial<MatchMentee>): MatchMentee => ({ id: 'me', name: 'Наставляемый', kind: 'student', ...over });

describe('hard rules', () => {
  it('never pairs a person with himself', () => {
    expect(notSamePerson(mentor({ id: 'p1' }), mentee({ id: 'p1' }))).toBe('Наставник и наставляемый — один и тот же человек');
    expect(notSamePerson(mentor({ id: 'p1' }), mentee({ id: 'p2' }))).toBeNull();
  });

  it('checks the kinds a form allows and names them in Russian', () => {
    const rule = mentorKindIn(['student'], 'Ученик – ученик');
    expect(rule(mentor({ kind: 'teacher' }), mentee({}))).toBe('Наставник — педагог, а в форме «Ученик – ученик» наставником может быть: обучающийся');
    expect(rule(mentor({ kind: 'student' }), mentee({}))).toBeNull();
    expect(menteeKindIn(['teacher'])(mentor({}), mentee({ kind: 'student' }))).toBe('Наставляемый — обучающийся, а наставляемым может быть: педагог');
  });

  it('wants the student mentor in a higher grade, else older (002 §3.1 «lower level»)', () => {
    const rule = mentorSenior();
    expect(rule(mentor({ grade: 10 }), mentee({ grade: 1 }))).toBeNull();
    expect(rule(mentor({ grade: 7 }), mentee({ grade: 7 }))).toBe('Наставник (7 класс) должен учиться в более старшем классе, чем наставляемый (7 класс)');
    expect(rule(mentor({ age: 12 }), mentee({ age: 14 }))).toBe('Наставник (12 лет) должен быть старше наставляемого (14 лет)');
    expect(rule(mentor({ age: 21 }), mentee({ age: 14 }))).toBeNull();
    expect(rule(mentor({}), mentee({ grade: 3 }))).toBeNull(); // unknown: the curator decides
    expect(mentorSenior({ minGrades: 3 })(mentor({ grade: 9 }), mentee({ grade: 7 }))).toContain('минимум на 3 класса');
  });

  it('keeps «Равный – равному» pairs within neighbouring grades', () => {
    const rule = similarLevel();
    expect(rule(mentor({ grade: 8 }), mentee({ grade: 9 }))).toBeNull();
    expect(rule(mentor({ grade: 8 }), mentee({ grade: 5 }))).toBe(
      'Для модели «Равный – равному» нужны одна или соседние параллели, а наставник учится в 8 классе, наставляемый — в 5',
    );
  });

  it('wants a common subject for «Опытный предметник – неопытный предметник» (F5 P1)', () => {
    const maths = mentor({ kind: 'teacher', subjects: ['Математика'] });
    expect(sameSubject(maths, mentee({ kind: 'teacher', subjects: ['математика', 'физика'] }))).toBeNull();
    expect(sameSubject(maths, mentee({ kind: 'teacher', subjects: ['химия'] }))).toBe(
      'Для модели «Опытный предметник – неопытный предметник» нужен общий предмет, а наставник ведет: Математика; наставляемый — химия',
    );
    expect(sameSubject(maths, mentee({ kind: 'teacher' }))).toContain('у наставляемого должен быть указан предмет');
  });
});

describe('rule sets of the forms', () => {
  it('«Ученик – ученик» without a role-model keeps the mentor senior; «Роли меняются» does not (F5 P4, P8)', () => {
    const tenth = mentor({ id: 'a', grade: 10 });
    const first = mentee({ id: 'b', grade: 1 });
    expect(allOf(rulesForForm('STUDENT_STUDENT'))(tenth, first)).toBeNull();
    const reverse = { ...first, capacity: 1 };
    expect(allOf(rulesForForm('STUDENT_STUDENT'))(reverse, { ...tenth })).toMatch(/более старшем классе/);
    expect(allOf(rulesForForm('STUDENT_STUDENT', 'ROLES_CHANGE'))(reverse, { ...tenth })).toBeNull();
  });

  it('adds the role-model rules and refuses a role-model of another form', () => {
    const rules = allOf(rulesForForm('TEACHER_TEACHER', 'SUBJECT_EXPERT_NOVICE'));
    expect(rules(mentor({ kind: 'teacher', subjects: ['физика'] }), mentee({ kind: 'teacher', subjects: ['физика'] }))).toBeNull();
    expect(rules(mentor({ kind: 'teacher', subjects: ['физика'] }), mentee({ kind: 'teacher', subjects: ['химия'] }))).toMatch(/общий предмет/);
    expect(rules(mentor({ kind: 'veteran', subjects: ['физика'] }), mentee({ kind: 'teacher', subjects: ['физика'] }))).toBeNull();
    expect(() => rulesForForm('TEACHER_TEACHER', 'PEER_TO_PEER')).toThrow('не относится к форме «Учитель – учитель»');
  });

  it('every form and role-model builds its rules', () => {
    for (const form of Object.keys(FORMS) as (keyof typeof FORMS)[]) expect(rulesForForm(form).length).toBeGreaterThanOrEqual(3);
    for (const [code, model] of Object.entries(ROLE_MODELS)) {
      expect(rulesForForm(model.form, code as keyof typeof ROLE_MODELS).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('anyForm accepts a pair that fits one form and explains per form when none fits', () => {
    const rule = anyForm(['STUDENT_STUDENT', 'TEACHER_TEACHER']);
    expect(rule(mentor({ kind: 'teacher' }), mentee({ kind: 'teacher' }))).toBeNull();
    expect(rule(mentor({ grade: 9 }), mentee({ grade: 4 }))).toBeNull();
    const reason = rule(mentor({ kind: 'teacher' }), mentee({ kind: 'student' }));
    expect(reason).toBe(
      'Пара не подходит ни под одну форму программы (' +
        '«Ученик – ученик»: Наставник — педагог, а в форме «Ученик – ученик» наставником может быть: обучающийся; ' +
        '«Учитель – учитель»: Наставляемый — обучающийся, а в форме «Учитель – учитель» наставляемым может быть: педагог)',
    );
    // The cached reason is the same string the next time.
    expect(rule(mentor({ kind: 'teacher', id: 'other' }), mentee({ kind: 'student' }))).toBe(reason);
  });

  it('re-exports the default weights next to the rules', () => {
    expect(Object.values(defaultWeights).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

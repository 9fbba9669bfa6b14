import type { HardRule, MatchMentee, MatchMentor } from './matching.types';
import { GRADES, YEARS, kindLabel, plural } from './labels';
import { ownValue, requiredValue } from '@nastavnik/contracts/lookup';

/**
 * Hard rules of the forms of mentoring (формы наставничества, SEEDS-DOMAIN §3.1) and of their
 * role-models (ролевые модели): may this mentor take this mentee at all? Each rule returns a
 * Russian reason a curator can act on, or null. Rules never look at the score: a pair that breaks
 * one is never suggested, however well it scores.
 *
 * Missing data does not break a rule (an age rule passes when an age is unknown): the pool comes
 * from the curator's base, and the curator confirms every suggested pair before it is fixed by
 * order (приказ / распоряжение, §4.2 stage 5).
 */

export { defaultWeights } from './score';

/** Codes of the forms as proposed in SEEDS-DOMAIN §3.1. */
export const FORMS = {
  STUDENT_STUDENT: { title: 'Ученик – ученик', mentorKinds: ['student'], menteeKinds: ['student'] },
  TEACHER_TEACHER: { title: 'Учитель – учитель', mentorKinds: ['teacher', 'veteran'], menteeKinds: ['teacher'] },
  UNISTUDENT_STUDENT: { title: 'Студент – ученик', mentorKinds: ['uni_student', 'graduate'], menteeKinds: ['student'] },
  TEACHER_STUDENT: { title: 'Учитель – ученик', mentorKinds: ['teacher'], menteeKinds: ['student'] },
  EMPLOYER_STUDENT: { title: 'Работодатель – ученик', mentorKinds: ['employer_rep'], menteeKinds: ['student'] },
  EMPLOYER_UNISTUDENT: { title: 'Работодатель – студент', mentorKinds: ['employer_rep'], menteeKinds: ['uni_student'] },
  HEAD_TEACHER: { title: 'Руководитель образовательной организации – учитель', mentorKinds: ['head'], menteeKinds: ['teacher'] },
  UNITEACHER_YOUNGTEACHER: { title: 'Педагог вуза/колледжа – молодой педагог', mentorKinds: ['uni_teacher'], menteeKinds: ['teacher'] },
  /** Reverse variation of the club model (003 L112: «roles change»). */
  STUDENT_TEACHER: { title: 'Ученик – учитель', mentorKinds: ['student'], menteeKinds: ['teacher'] },
} as const satisfies Record<string, { title: string; mentorKinds: readonly string[]; menteeKinds: readonly string[] }>;

export type FormCode = keyof typeof FORMS;

// ---------------------------------------------------------------------------------------------
// Building blocks.

/** A person is never his or her own mentor (a person can be a mentor in one pair and a mentee in another). */
export const notSamePerson: HardRule = (mentor, mentee) =>
  mentor.id === mentee.id ? 'Наставник и наставляемый — один и тот же человек' : null;

/** Caches the reason per key: the optimiser asks millions of times, and most reasons repeat. */
function cachedReason<K>(build: (key: K) => string): (key: K) => string {
  const cache = new Map<K, string>();
  return (key) => {
    let reason = cache.get(key);
    if (reason === undefined) {
      reason = build(key);
      cache.set(key, reason);
    }
    return reason;
  };
}

const inForm = (formTitle?: string): string => (formTitle ? ` в форме «${formTitle}»` : '');

export function mentorKindIn(kinds: readonly string[], formTitle?: string): HardRule {
  const allowed = new Set(kinds);
  const reason = cachedReason<string>(
    (kind) => `Наставник — ${kindLabel(kind)}, а${inForm(formTitle)} наставником может быть: ${kinds.map(kindLabel).join(', ')}`,
  );
  return (mentor) => (allowed.has(mentor.kind) ? null : reason(mentor.kind));
}

export function menteeKindIn(kinds: readonly string[], formTitle?: string): HardRule {
  const allowed = new Set(kinds);
  const reason = cachedReason<string>(
    (kind) => `Наставляемый — ${kindLabel(kind)}, а${inForm(formTitle)} наставляемым может быть: ${kinds.map(kindLabel).join(', ')}`,
  );
  return (_mentor, mentee) => (allowed.has(mentee.kind) ? null : reason(mentee.kind));
}

/**
 * The mentee is «of a lower level (ступень) relative to the mentor» (002 §3.1): a higher grade when
 * both grades are known, otherwise older by at least `minYears` when both ages are known.
 */
export function mentorSenior(options: { minGrades?: number; minYears?: number } = {}): HardRule {
  const minGrades = options.minGrades ?? 1;
  const minYears = options.minYears ?? 1;
  const byGrade = cachedReason<string>((key) => {
    const [m, e] = key.split('/');
    return `Наставник (${m} класс) должен учиться в более старшем классе, чем наставляемый (${e} класс)${minGrades > 1 ? `, минимум на ${minGrades} ${plural(minGrades, GRADES)}` : ''}`;
  });
  const byAge = cachedReason<string>((key) => {
    const [m, e] = key.split('/').map(Number);
    return `Наставник (${m} ${plural(m, YEARS)}) должен быть старше наставляемого (${e} ${plural(e, YEARS)})${minYears > 1 ? ` минимум на ${minYears} ${plural(minYears, YEARS)}` : ''}`;
  });
  return (mentor, mentee) => {
    if (mentor.grade != null && mentee.grade != null) {
      return mentor.grade - mentee.grade >= minGrades ? null : byGrade(`${mentor.grade}/${mentee.grade}`);
    }
    if (mentor.age != null && mentee.age != null) {
      return mentor.age - mentee.age >= minYears ? null : byAge(`${mentor.age}/${mentee.age}`);
    }
    return null;
  };
}

/** «Равный – равному»: peers of the same or neighbouring grades (or ages). */
export function similarLevel(options: { maxGrades?: number; maxYears?: number } = {}): HardRule {
  const maxGrades = options.maxGrades ?? 1;
  const maxYears = options.maxYears ?? 2;
  return (mentor, mentee) => {
    if (mentor.grade != null && mentee.grade != null) {
      return Math.abs(mentor.grade - mentee.grade) <= maxGrades
        ? null
        : `Для модели «Равный – равному» нужны одна или соседние параллели, а наставник учится в ${mentor.grade} классе, наставляемый — в ${mentee.grade}`;
    }
    if (mentor.age != null && mentee.age != null) {
      const gap = Math.abs(mentor.age - mentee.age);
      return gap <= maxYears
        ? null
        : `Для модели «Равный – равному» разница в возрасте должна быть не больше ${maxYears} ${plural(maxYears, YEARS)}, а она ${gap} ${plural(gap, YEARS)}`;
    }
    return null;
  };
}

const normSubject = (s: string): string => s.trim().toLowerCase().replace(/ё/g, 'е');

/** «Опытный предметник – неопытный предметник»: the two teach at least one common subject. */
export const sameSubject: HardRule = (mentor, mentee) => {
  const model = 'Для модели «Опытный предметник – неопытный предметник»';
  if (!mentor.subjects?.length) return `${model} у наставника должен быть указан предмет`;
  if (!mentee.subjects?.length) return `${model} у наставляемого должен быть указан предмет`;
  const taught = new Set(mentor.subjects.map(normSubject));
  if (mentee.subjects.some((s) => taught.has(normSubject(s)))) return null;
  return `${model} нужен общий предмет, а наставник ведет: ${mentor.subjects.join(', ')}; наставляемый — ${mentee.subjects.join(', ')}`;
};

// ---------------------------------------------------------------------------------------------
// Role-models and ready-made rule sets.

export const ROLE_MODELS = {
  ACHIEVER_UNDERACHIEVER: { form: 'STUDENT_STUDENT', title: 'Успевающий – неуспевающий', rules: [mentorSenior()] },
  LEADER_PASSIVE: { form: 'STUDENT_STUDENT', title: 'Лидер – пассивный', rules: [mentorSenior()] },
  PEER_TO_PEER: { form: 'STUDENT_STUDENT', title: 'Равный – равному', rules: [similarLevel()] },
  ADAPTED_NONADAPTED: { form: 'STUDENT_STUDENT', title: 'Адаптированный – неадаптированный', rules: [] },
  /** The club's reverse variation (003 L112, F5 P8): a younger student may teach an older one. */
  ROLES_CHANGE: { form: 'STUDENT_STUDENT', title: 'Роли меняются (ученик – ученик, реверсивно)', rules: [] },
  EXPERIENCED_YOUNG: { form: 'TEACHER_TEACHER', title: 'Опытный педагог – молодой специалист', rules: [] },
  CLASS_TEACHER_YOUNG: { form: 'TEACHER_TEACHER', title: 'Опытный классный руководитель – молодой специалист', rules: [] },
  LEADER_STRUGGLING: { form: 'TEACHER_TEACHER', title: 'Лидер педагогического сообщества – педагог, испытывающий проблемы', rules: [] },
  INNOVATOR_CONSERVATIVE: { form: 'TEACHER_TEACHER', title: 'Педагог новатор – консервативный педагог', rules: [] },
  SUBJECT_EXPERT_NOVICE: { form: 'TEACHER_TEACHER', title: 'Опытный предметник – неопытный предметник', rules: [sameSubject] },
  UNISTUDENT_UNDERACHIEVER: { form: 'UNISTUDENT_STUDENT', title: 'Студент – неуспевающий ученик', rules: [] },
  UNISTUDENT_LEADER_INDIFFERENT: { form: 'UNISTUDENT_STUDENT', title: 'Студент-лидер – равнодушный ученик', rules: [] },
  UNISTUDENT_PEER: { form: 'UNISTUDENT_STUDENT', title: 'Равный – равному', rules: [] },
  UNISTUDENT_PROJECT_AUTHOR: { form: 'UNISTUDENT_STUDENT', title: 'Студент – ученик – автор проекта', rules: [] },
} as const satisfies Record<string, { form: FormCode; title: string; rules: readonly HardRule[] }>;

export type RoleModelCode = keyof typeof ROLE_MODELS;

/**
 * The hard rules of a form, optionally narrowed by a role-model. Without a role-model,
 * «Ученик – ученик» keeps the general rule that the mentee is of a lower level than the mentor.
 */
export function rulesForForm(form: FormCode, roleModel?: RoleModelCode): HardRule[] {
  const spec = ownValue(FORMS, form);
  if (!spec) throw new RangeError(`Неизвестная форма наставничества: ${String(form)}`);
  const rules: HardRule[] = [notSamePerson, mentorKindIn(spec.mentorKinds, spec.title), menteeKindIn(spec.menteeKinds, spec.title)];
  if (roleModel) {
    const model = ownValue(ROLE_MODELS, roleModel);
    if (!model || model.form !== form) {
      throw new RangeError(`Ролевая модель ${String(roleModel)} не относится к форме «${spec.title}»`);
    }
    rules.push(...model.rules);
  } else if (form === 'STUDENT_STUDENT') {
    rules.push(mentorSenior());
  }
  return rules;
}

/** All rules must pass; the first failing rule's reason is returned. */
export function allOf(rules: readonly HardRule[]): HardRule {
  return (mentor: MatchMentor, mentee: MatchMentee) => {
    for (const rule of rules) {
      const reason = rule(mentor, mentee);
      if (reason !== null) return reason;
    }
    return null;
  };
}

/**
 * One pool matched across several forms at once (a school running «Ученик – ученик», «Учитель –
 * ученик» and «Учитель – учитель» together): the pair must satisfy the rules of at least one form.
 */
export function anyForm(forms: readonly (FormCode | { form: FormCode; roleModel?: RoleModelCode })[]): HardRule {
  const sets = forms.map((f) => {
    const { form, roleModel } = typeof f === 'string' ? { form: f, roleModel: undefined } : f;
    const spec = requiredValue(FORMS, form);
    const probe = { id: '', name: '', kind: '' };
    const mentorKindRule = mentorKindIn(spec.mentorKinds, spec.title);
    const menteeKindRule = menteeKindIn(spec.menteeKinds, spec.title);
    return {
      title: spec.title,
      mentorKinds: new Set<string>(spec.mentorKinds),
      menteeKinds: new Set<string>(spec.menteeKinds),
      mentorKindReason: cachedReason<string>((kind) => mentorKindRule({ ...probe, kind, capacity: 0 }, probe) ?? ''),
      menteeKindReason: cachedReason<string>((kind) => menteeKindRule({ ...probe, capacity: 0 }, { ...probe, kind }) ?? ''),
      rule: allOf(rulesForForm(form, roleModel)),
    };
  });
  // The combined reason is cached in a trie keyed by the forms' own (cached) reasons: a mixed pool
  // has hundreds of thousands of rejected pairs but only a few distinct combinations of reasons.
  type Node = { reason?: string; next: Map<string, Node> };
  const root: Node = { next: new Map() };
  const reasons: string[] = new Array(sets.length);
  return (mentor, mentee) => {
    for (let f = 0; f < sets.length; f++) {
      const set = sets[f];
      if (!set.mentorKinds.has(mentor.kind)) reasons[f] = set.mentorKindReason(mentor.kind);
      else if (!set.menteeKinds.has(mentee.kind)) reasons[f] = set.menteeKindReason(mentee.kind);
      else {
        const reason = set.rule(mentor, mentee);
        if (reason === null) return null;
        reasons[f] = reason;
      }
    }
    let node = root;
    for (const reason of reasons) {
      let child = node.next.get(reason);
      if (!child) {
        child = { next: new Map() };
        node.next.set(reason, child);
      }
      node = child;
    }
    node.reason ??= `Пара не подходит ни под одну форму программы (${reasons.map((r, f) => `«${sets[f].title}»: ${r}`).join('; ')})`;
    return node.reason;
  };
}

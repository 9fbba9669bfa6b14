import fc from 'fast-check';
import type { HardRule, MatchInput, MatchMentee, MatchMentor, MatchPerson, MatchResult, MatchWeights } from './matching.types';
import { anyForm, rulesForForm } from './rules';
import { defaultWeights, scorePair } from './score';

/**
 * fast-check generators of matching pools for the specs (test-only; SYNTHETIC persons). Small
 * vocabularies on purpose, so that random persons overlap and scores spread over 0..100.
 */

const SUBJECTS = ['математика', 'физика', 'литература', 'информатика'];
const DIRECTIONS = ['D01', 'D04', 'D07', 'D09', 'D10', 'D11'];
const INTERESTS = ['интеллектуальное', 'спортивное', 'творческое', 'волонтерское'];
const TAGS = ['олимпиады', 'робототехника', 'чтение', 'адаптация', 'егэ'];

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 4 });

export const personArb: fc.Arbitrary<MatchPerson> = fc.record({
  id: fc.constant('x'),
  name: fc.constant('Участник'),
  kind: fc.constantFrom('student', 'student', 'teacher', 'uni_student'),
  age: maybe(fc.integer({ min: 6, max: 60 })),
  grade: maybe(fc.integer({ min: 1, max: 11 })),
  subjects: fc.subarray(SUBJECTS, { maxLength: 2 }),
  directions: fc.subarray(DIRECTIONS, { maxLength: 3 }),
  interests: fc.subarray(INTERESTS, { maxLength: 2 }),
  requestTags: fc.subarray(TAGS, { maxLength: 3 }),
  ratings: fc.dictionary(fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4'), fc.integer({ min: 1, max: 10 }), { maxKeys: 4 }),
});

export const weightsArb: fc.Arbitrary<MatchWeights> = fc.oneof(
  fc.constant(defaultWeights),
  fc.record({
    directions: fc.integer({ min: 0, max: 50 }),
    interests: fc.integer({ min: 0, max: 50 }),
    requests: fc.integer({ min: 0, max: 50 }),
    subjects: fc.integer({ min: 0, max: 50 }),
    questionnaire: fc.integer({ min: 0, max: 50 }),
    ageGap: fc.integer({ min: 0, max: 50 }),
  }),
);

export type RuleSet = 'none' | 'student-student' | 'mixed-forms' | 'subject-teachers' | 'random-forbidden';

/** A pseudo-random but fixed set of forbidden pairs (tests rules that follow no domain logic). */
function forbiddenPairs(seed: number): HardRule {
  return (mentor, mentee) => {
    let h = seed >>> 0;
    for (const ch of `${mentor.id}|${mentee.id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1) >>> 0;
    return h % 3 === 0 ? 'Пара исключена куратором' : null;
  };
}

export function rulesFor(set: RuleSet, seed = 1): HardRule[] {
  switch (set) {
    case 'none':
      return [];
    case 'student-student':
      return rulesForForm('STUDENT_STUDENT');
    case 'mixed-forms':
      return [anyForm(['STUDENT_STUDENT', 'TEACHER_STUDENT', 'TEACHER_TEACHER', 'UNISTUDENT_STUDENT'])];
    case 'subject-teachers':
      return [anyForm([{ form: 'TEACHER_TEACHER', roleModel: 'SUBJECT_EXPERT_NOVICE' }, 'TEACHER_STUDENT'])];
    case 'random-forbidden':
      return [forbiddenPairs(seed)];
  }
}

export type PoolCase = { input: MatchInput; ruleSet: RuleSet };

/** A pool of up to `maxMentors` mentors (capacity 0..maxCapacity) and up to `maxMentees` mentees (`size: 'max'` spreads over the whole range). */
export function poolArb(options: { maxMentors: number; maxMentees: number; maxCapacity?: number; size?: fc.SizeForArbitrary }): fc.Arbitrary<PoolCase> {
  const size = options.size ?? 'small';
  return fc
    .record({
      mentors: fc.array(fc.tuple(personArb, fc.integer({ min: 0, max: options.maxCapacity ?? 3 })), { maxLength: options.maxMentors, size }),
      mentees: fc.array(personArb, { maxLength: options.maxMentees, size }),
      weights: weightsArb,
      ruleSet: fc.constantFrom<RuleSet>('none', 'student-student', 'mixed-forms', 'subject-teachers', 'random-forbidden'),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map(({ mentors, mentees, weights, ruleSet, seed }) => {
      // Ids deliberately not in list order, so that id-ordering is exercised.
      const mentorList: MatchMentor[] = mentors.map(([p, capacity], k) => ({ ...p, id: `mr-${(k * 7919 + seed) % 1000}-${k}`, capacity }));
      const menteeList: MatchMentee[] = mentees.map((p, k) => ({ ...p, id: `me-${(k * 104729 + seed) % 1000}-${k}` }));
      return { input: { mentors: mentorList, mentees: menteeList, rules: rulesFor(ruleSet, seed), weights }, ruleSet };
    });
}

/**
 * What must hold for ANY result, optimal or greedy: every mentee exactly once (paired or unmatched
 * with a reason), mentors within capacity, no rule broken, scores as `scorePair` explains them,
 * and no unmatched mentee next to an allowed mentor with a free seat. Returns the violations.
 */
export function validityProblems(input: MatchInput, result: MatchResult): string[] {
  const problems: string[] = [];
  const mentors = new Map(input.mentors.map((m) => [m.id, m]));
  const mentees = new Map(input.mentees.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  let total = 0;
  for (const pair of result.pairs) {
    const mentor = mentors.get(pair.mentorId);
    const mentee = mentees.get(pair.menteeId);
    if (!mentor || !mentee) {
      problems.push(`unknown person in ${pair.mentorId}/${pair.menteeId}`);
      continue;
    }
    if (seen.has(pair.menteeId)) problems.push(`mentee ${pair.menteeId} twice`);
    seen.add(pair.menteeId);
    load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    for (const rule of input.rules) {
      const reason = rule(mentor, mentee);
      if (reason !== null) problems.push(`${mentor.id}/${mentee.id} breaks a rule: ${reason}`);
    }
    const expected = scorePair(mentor, mentee, input.weights);
    if (pair.score !== expected.score || pair.explanation !== expected.explanation) problems.push(`${mentor.id}/${mentee.id} score ${pair.score} ≠ ${expected.score}`);
    if (pair.components.reduce((s, c) => s + c.points, 0) !== pair.score) problems.push(`${mentor.id}/${mentee.id} components do not add up`);
    total += pair.score;
  }
  for (const u of result.unmatched) {
    if (seen.has(u.menteeId)) problems.push(`mentee ${u.menteeId} both paired and unmatched`);
    if (!mentees.has(u.menteeId)) problems.push(`unknown unmatched ${u.menteeId}`);
    if (!u.reason) problems.push(`no reason for ${u.menteeId}`);
    seen.add(u.menteeId);
  }
  if (seen.size !== input.mentees.length) problems.push(`${input.mentees.length - seen.size} mentees missing from the result`);
  for (const [id, count] of load) if (count > (mentors.get(id)?.capacity ?? 0)) problems.push(`mentor ${id} over capacity: ${count}`);
  if (total !== result.totalScore) problems.push(`totalScore ${result.totalScore} ≠ Σ ${total}`);
  for (const u of result.unmatched) {
    const mentee = mentees.get(u.menteeId) as MatchMentee;
    for (const mentor of input.mentors) {
      if ((load.get(mentor.id) ?? 0) < mentor.capacity && input.rules.every((rule) => rule(mentor, mentee) === null)) {
        problems.push(`unmatched ${u.menteeId} could take free mentor ${mentor.id}`);
      }
    }
  }
  return problems;
}

/** The same pool listed in another order (ids unchanged). */
export function shuffled(input: MatchInput, seed: number): MatchInput {
  const order = <T>(items: T[]): T[] =>
    items
      .map((item, k) => ({ item, key: Math.imul(k + 1, 0x9e3779b1) ^ seed }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.item);
  return { ...input, mentors: order(input.mentors), mentees: order(input.mentees) };
}

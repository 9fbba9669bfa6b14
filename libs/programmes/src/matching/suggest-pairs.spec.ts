import type { MatchInput, MatchMentee, MatchMentor, MatchResult, MatchWeights } from './matching.types';
import { shuffled, validityProblems } from './matching.arbitraries';
import { bellmanFordOptimum, bruteForceOptimum } from './reference-solvers';
import { anyForm, rulesForForm } from './rules';
import { CRITERIA, defaultWeights } from './score';
import { MatchingInputError, suggestPairs, suggestPairsGreedy, suggestPairsWithStats } from './suggest-pairs';

const mentor = (id: string, over: Partial<MatchMentor> = {}): MatchMentor => ({ id, name: `Наставник ${id}`, kind: 'student', capacity: 1, ...over });
const mentee = (id: string, over: Partial<MatchMentee> = {}): MatchMentee => ({ id, name: `Наставляемый ${id}`, kind: 'student', ...over });
const directionsOnly = { ...Object.fromEntries(CRITERIA.map((c) => [c, 0])), directions: 1 } as MatchWeights;
const pairsOf = (r: MatchResult): string[] => r.pairs.map((p) => `${p.mentorId}→${p.menteeId}:${p.score}`);

describe('suggestPairs: hand-made pools', () => {
  it('beats greedy where the best pair blocks a better whole (score trap)', () => {
    // x: A 100, B 50; y: A 100, B 0. Greedy takes x–A first and leaves y with B.
    const input: MatchInput = {
      mentors: [mentor('A', { directions: ['D01', 'D02', 'D03'] }), mentor('B', { directions: ['D01'] })],
      mentees: [mentee('x', { directions: ['D01', 'D02'] }), mentee('y', { directions: ['D02', 'D03'] })],
      rules: [],
      weights: directionsOnly,
    };
    const greedy = suggestPairsGreedy(input);
    const optimal = suggestPairs(input);
    expect(pairsOf(greedy)).toEqual(['A→x:100', 'B→y:0']);
    expect(greedy.totalScore).toBe(100);
    expect(greedy.algorithm).toBe('greedy');
    expect(pairsOf(optimal)).toEqual(['A→y:100', 'B→x:50']);
    expect(optimal.totalScore).toBe(150);
    expect(optimal.algorithm).toBe('optimal');
    expect(optimal.totalScore).toBe(bruteForceOptimum(input).totalScore);
  });

  it('matches more mentees than greedy even at a lower total score (cardinality first)', () => {
    // x may take A (100) or B (0); y may take only A (0). Greedy: x–A, y left alone.
    const input: MatchInput = {
      mentors: [mentor('A', { directions: ['D01'] }), mentor('B')],
      mentees: [mentee('x', { directions: ['D01'] }), mentee('y', { directions: ['D09'] })],
      rules: [(m, e) => (m.id === 'B' && e.id === 'y' ? 'Куратор исключил пару' : null)],
      weights: directionsOnly,
    };
    const greedy = suggestPairsGreedy(input);
    expect(pairsOf(greedy)).toEqual(['A→x:100']);
    expect(greedy.unmatched).toEqual([{ menteeId: 'y', reason: 'Единственный допустимый наставник уже набрал наставляемых до предела своей нагрузки' }]);
    const optimal = suggestPairs(input);
    expect(pairsOf(optimal)).toEqual(['A→y:0', 'B→x:0']);
    expect(optimal.unmatched).toEqual([]);
    // So «optimal total ≥ greedy total» is not a theorem under cardinality-first priority; the
    // lexicographic objective (matched, total) is: 2 > 1.
    expect(optimal.totalScore).toBeLessThan(greedy.totalScore);
  });

  it('respects capacity and says why the rest are unmatched', () => {
    const input: MatchInput = {
      mentors: [mentor('A', { capacity: 3, grade: 10 }), mentor('Z', { capacity: 0, grade: 11 })],
      mentees: ['e1', 'e2', 'e3', 'e4', 'e5'].map((id, k) => mentee(id, { grade: 4 + k })),
      rules: rulesForForm('STUDENT_STUDENT'),
      weights: defaultWeights,
    };
    const result = suggestPairs(input);
    expect(result.pairs.map((p) => p.mentorId)).toEqual(['A', 'A', 'A']);
    // The age-gap preference (2–6 grades) picks grades 4, 5, 6 over 7 and 8.
    expect(result.pairs.map((p) => p.menteeId)).toEqual(['e1', 'e2', 'e3']);
    expect(result.unmatched).toEqual([
      { menteeId: 'e4', reason: 'Оба допустимых наставника уже набрали наставляемых до предела своей нагрузки' },
      { menteeId: 'e5', reason: 'Оба допустимых наставника уже набрали наставляемых до предела своей нагрузки' },
    ]);
    expect(validityProblems(input, result)).toEqual([]);
  });

  it('explains a mentee nobody may take by the rules of the form', () => {
    const input: MatchInput = {
      mentors: [mentor('A', { grade: 5 }), mentor('B', { grade: 6 }), mentor('T', { kind: 'teacher' })],
      mentees: [mentee('old', { grade: 9 })],
      rules: rulesForForm('STUDENT_STUDENT'),
      weights: defaultWeights,
    };
    const [unmatched] = suggestPairs(input).unmatched;
    expect(unmatched.reason).toBe(
      'Правила формы не допускают ни одного наставника из пула (3): ' +
        'Наставник (5 класс) должен учиться в более старшем классе, чем наставляемый (9 класс) (1 наставник); ' +
        'Наставник (6 класс) должен учиться в более старшем классе, чем наставляемый (9 класс) (1 наставник); и еще 1 причина',
    );
    expect(suggestPairs({ ...input, mentors: [] }).unmatched[0].reason).toBe('В пуле нет наставников');
  });

  it('matches every mentee the rules allow when capacity suffices', () => {
    const mentors = Array.from({ length: 6 }, (_, k) => mentor(`m${k}`, { capacity: 1 + (k % 3), grade: 8 + (k % 4), directions: [`D0${1 + (k % 9)}`] }));
    const mentees = Array.from({ length: 12 }, (_, k) => mentee(`e${String(k).padStart(2, '0')}`, { grade: 1 + (k % 7), directions: [`D0${1 + (k % 5)}`] }));
    const input: MatchInput = { mentors, mentees, rules: rulesForForm('STUDENT_STUDENT'), weights: defaultWeights };
    const result = suggestPairs(input);
    expect(result.unmatched).toEqual([]);
    expect(result.pairs).toHaveLength(12);
    expect({ matched: result.pairs.length, totalScore: result.totalScore }).toEqual(bellmanFordOptimum(input));
  });

  it('gives the same pairs whatever order the pool is listed in, run after run', () => {
    const mentors = Array.from({ length: 5 }, (_, k) => mentor(`m${k}`, { capacity: 2, grade: 9 }));
    // All scores equal: only the id order can break the ties.
    const mentees = Array.from({ length: 7 }, (_, k) => mentee(`e${k}`, { grade: 5 }));
    const input: MatchInput = { mentors, mentees, rules: [], weights: defaultWeights };
    const first = suggestPairs(input);
    for (let seed = 1; seed < 20; seed++) {
      expect(suggestPairs(shuffled(input, seed))).toEqual(first);
      expect(suggestPairsGreedy(shuffled(input, seed))).toEqual(suggestPairsGreedy(input));
    }
  });

  it('refuses a pool it cannot work with, in Russian', () => {
    const base: MatchInput = { mentors: [mentor('A')], mentees: [mentee('x')], rules: [], weights: defaultWeights };
    expect(() => suggestPairs({ ...base, mentors: [mentor('A'), mentor('A')] })).toThrow(new MatchingInputError('Наставник A указан в пуле дважды'));
    expect(() => suggestPairs({ ...base, mentees: [mentee('x'), mentee('x')] })).toThrow('Наставляемый x указан в пуле дважды');
    expect(() => suggestPairs({ ...base, mentors: [mentor('A', { capacity: -1 })] })).toThrow('Нагрузка наставника A должна быть целым неотрицательным числом');
    expect(() => suggestPairs({ ...base, mentors: [mentor('A', { capacity: 1.5 })] })).toThrow(MatchingInputError);
    expect(() => suggestPairs({ ...base, weights: { ...defaultWeights, subjects: Number.NaN } })).toThrow('Вес критерия «subjects»');
    // @ts-expect-error: a caller without types (JavaScript, a parsed configuration) can pass anything as a rule; the guard refuses it
    expect(() => suggestPairs({ ...base, rules: ['x'] })).toThrow('Каждое правило формы должно быть функцией');
    expect(() => suggestPairs(base, { candidatesPerMentee: 0 })).toThrow('Число кандидатов');
  });

  it('handles empty pools', () => {
    expect(suggestPairs({ mentors: [], mentees: [], rules: [], weights: defaultWeights })).toEqual({ pairs: [], unmatched: [], totalScore: 0, algorithm: 'optimal' });
    expect(suggestPairsGreedy({ mentors: [mentor('A')], mentees: [], rules: [], weights: defaultWeights }).pairs).toEqual([]);
  });
});

describe('suggestPairs: a school running several forms (SEEDS-DOMAIN §10.1 F5, synthetic persons)', () => {
  const mentors: MatchMentor[] = [
    // P1: experienced maths teacher, competition winner.
    mentor('t-math', { kind: 'teacher', age: 48, capacity: 2, subjects: ['математика'], directions: ['D11', 'D04'], interests: ['методическое'], requestTags: ['методика урока', 'олимпиады'] }),
    // P2: teacher strong in ICT.
    mentor('t-ict', { kind: 'teacher', age: 35, capacity: 1, subjects: ['информатика'], directions: ['D10', 'D11'], interests: ['методическое'], requestTags: ['икт', 'цифровые инструменты'] }),
    // P4: 10th-grade olympiad winner.
    mentor('s-olymp', { age: 16, grade: 10, capacity: 1, subjects: ['математика'], directions: ['D04'], interests: ['интеллектуальное'], requestTags: ['олимпиады', 'домашние задания'] }),
    // P5: class leader mentoring a group.
    mentor('s-leader', { age: 15, grade: 9, capacity: 3, directions: ['D07'], interests: ['творческое', 'волонтерское'], requestTags: ['общение', 'лидерство'] }),
    // P7: university student, alumnus.
    mentor('u-proj', { kind: 'uni_student', age: 20, capacity: 1, directions: ['D08', 'D09'], interests: ['интеллектуальное'], requestTags: ['проектная деятельность'] }),
  ];
  const mentees: MatchMentee[] = [
    mentee('young-math', { kind: 'teacher', age: 24, subjects: ['математика'], directions: ['D11'], interests: ['методическое'], requestTags: ['методика урока'] }),
    mentee('wants-ict', { kind: 'teacher', age: 41, subjects: ['история'], directions: ['D10'], interests: ['методическое'], requestTags: ['икт', 'цифровые инструменты'] }),
    mentee('low-results', { age: 11, grade: 5, subjects: ['математика'], directions: ['D04'], interests: ['интеллектуальное'], requestTags: ['домашние задания'] }),
    mentee('shy-1', { age: 11, grade: 5, directions: ['D07'], interests: ['творческое'], requestTags: ['общение'] }),
    mentee('shy-2', { age: 12, grade: 6, directions: ['D07'], interests: ['творческое'], requestTags: ['общение'] }),
    mentee('shy-3', { age: 11, grade: 5, directions: ['D07'], interests: ['волонтерское'], requestTags: ['общение'] }),
    mentee('project-author', { age: 16, grade: 10, directions: ['D08'], interests: ['интеллектуальное'], requestTags: ['проектная деятельность'] }),
  ];
  const input: MatchInput = {
    mentors,
    mentees,
    rules: [anyForm(['TEACHER_TEACHER', 'STUDENT_STUDENT', 'UNISTUDENT_STUDENT', 'TEACHER_STUDENT'])],
    weights: defaultWeights,
  };

  it('forms the pairs and the group the seeds describe', () => {
    const result = suggestPairs(input);
    expect(result.pairs.map((p) => `${p.mentorId}→${p.menteeId}`)).toEqual([
      's-leader→shy-1',
      's-leader→shy-2',
      's-leader→shy-3',
      's-olymp→low-results',
      't-ict→wants-ict',
      't-math→young-math',
      'u-proj→project-author',
    ]);
    expect(validityProblems(input, result)).toEqual([]);
    expect({ matched: result.pairs.length, totalScore: result.totalScore }).toEqual(bellmanFordOptimum(input));
    const p4 = result.pairs.find((p) => p.menteeId === 'low-results');
    expect(p4?.explanation).toContain('Совпадают направления: мотивация к учебе и образовательные результаты (+30).');
    expect(p4?.explanation).toContain('Наставник на 5 классов старше — подходит для формы «ученик – ученик» (+10).');
  });

  it('keeps «Опытный предметник – неопытный предметник» to a common subject (F5 P1)', () => {
    const subjectOnly: MatchInput = { ...input, rules: rulesForForm('TEACHER_TEACHER', 'SUBJECT_EXPERT_NOVICE') };
    const result = suggestPairs(subjectOnly);
    expect(result.pairs.map((p) => `${p.mentorId}→${p.menteeId}`)).toEqual(['t-math→young-math']);
    const reason = result.unmatched.find((u) => u.menteeId === 'wants-ict')?.reason;
    expect(reason).toMatch(/^Правила формы не допускают ни одного наставника из пула \(5\): /);
    expect(reason).toContain('нужен общий предмет');
  });
});

describe('suggestPairs: pruned candidate graph', () => {
  it('reaches the full-graph optimum with one candidate per mentee, through its certificates', () => {
    const mentors = Array.from({ length: 8 }, (_, k) =>
      mentor(`m${k}`, { capacity: 1 + (k % 2), grade: 7 + (k % 5), directions: k % 2 ? ['D04', 'D07'] : ['D07'], interests: k % 3 ? ['творческое'] : [] }),
    );
    const mentees = Array.from({ length: 14 }, (_, k) =>
      mentee(`e${String(k).padStart(2, '0')}`, { grade: 1 + (k % 8), directions: k % 3 ? ['D07'] : ['D04'], interests: ['творческое'] }),
    );
    const input: MatchInput = { mentors, mentees, rules: rulesForForm('STUDENT_STUDENT'), weights: defaultWeights };
    const full = suggestPairsWithStats(input, { candidatesPerMentee: Infinity });
    const pruned = suggestPairsWithStats(input, { candidatesPerMentee: 1 });
    expect(full.stats.candidateEdges).toBe(full.stats.allowedPairs);
    expect(pruned.stats.candidateEdges).toBeLessThan(pruned.stats.allowedPairs);
    expect(pruned.result.pairs.length).toBe(full.result.pairs.length);
    expect(pruned.result.totalScore).toBe(full.result.totalScore);
    expect({ matched: full.result.pairs.length, totalScore: full.result.totalScore }).toEqual(bellmanFordOptimum(input));
  });
});

import fc from 'fast-check';
import type { MatchMentee, MatchMentor, MatchWeights } from './matching.types';
import { CRITERIA, createScorer, defaultWeights, scorePair, weightShares } from './score';
import { plural, YEARS } from './labels';
import { personArb, weightsArb } from './matching.arbitraries';

const mentor = (over: Partial<MatchMentor>): MatchMentor => ({ id: 'mr', name: 'Наставник', kind: 'student', capacity: 1, ...over });
const mentee = (over: Partial<MatchMentee>): MatchMentee => ({ id: 'me', name: 'Наставляемый', kind: 'student', ...over });
const only = (criterion: keyof MatchWeights): MatchWeights => ({ ...Object.fromEntries(CRITERIA.map((c) => [c, 0])), [criterion]: 1 }) as MatchWeights;

describe('weightShares', () => {
  it('keeps weights that already sum to 100', () => {
    expect(weightShares(defaultWeights)).toEqual(defaultWeights);
  });

  it('scales any weights to integer shares of exactly 100', () => {
    const shares = weightShares({ directions: 1, interests: 1, requests: 1, subjects: 0, questionnaire: 0, ageGap: 0 });
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBe(100);
    expect([shares.directions, shares.interests, shares.requests].sort()).toEqual([33, 33, 34]);
  });

  it('gives zero shares for all-zero weights and rejects negative ones', () => {
    expect(Object.values(weightShares(only('directions')))).toContain(100);
    expect(Object.values(weightShares({ ...defaultWeights, ...Object.fromEntries(CRITERIA.map((c) => [c, 0])) })).every((v) => v === 0)).toBe(true);
    expect(() => weightShares({ ...defaultWeights, interests: -1 })).toThrow('Вес критерия «interests»');
  });
});

describe('scorePair', () => {
  it('explains matching directions by their Russian names', () => {
    const r = scorePair(mentor({ directions: ['D09', 'D04', 'D07'] }), mentee({ directions: ['D09', 'D04'] }));
    expect(r.components).toContainEqual({
      criterion: 'directions',
      points: 30,
      explanation: 'Совпадают направления: профориентация, мотивация к учебе и образовательные результаты (+30).',
    });
  });

  it('gives partial points for a partial match and says how much matched', () => {
    const r = scorePair(mentor({ requestTags: ['олимпиады', 'робототехника'] }), mentee({ requestTags: ['Робототехника', 'чтение', 'шахматы', 'спорт'] }));
    expect(r.components).toEqual([
      { criterion: 'requests', points: 5, explanation: 'Запрос наставляемого совпадает с компетенциями наставника: робототехника (1 из 4) (+5).' },
    ]);
    expect(r.score).toBe(5);
  });

  it('prefers a student mentor 2–6 grades older («ученик – ученик»)', () => {
    const inBand = scorePair(mentor({ grade: 10 }), mentee({ grade: 6 }));
    expect(inBand.components).toEqual([{ criterion: 'ageGap', points: 10, explanation: 'Наставник на 4 класса старше — подходит для формы «ученик – ученик» (+10).' }]);
    const near = scorePair(mentor({ grade: 9 }), mentee({ grade: 8 }));
    expect(near.components[0].points).toBe(7);
    expect(near.explanation).toBe('Наставник на 1 класс старше — разница чуть меньше рекомендуемой для формы «ученик – ученик» (2–6 классов) (+7).');
    const far = scorePair(mentor({ grade: 11 }), mentee({ grade: 1 }));
    expect(far.components[0]).toEqual({
      criterion: 'ageGap',
      points: 0,
      explanation: 'Наставник на 10 классов старше — вне рекомендуемого для формы «ученик – ученик» диапазона (2–6 классов) (+0).',
    });
    expect(far.explanation).toBe('Совпадений по критериям подбора нет (0 баллов).');
  });

  it('falls back to ages when grades are unknown', () => {
    const r = scorePair(mentor({ age: 15 }), mentee({ age: 11 }));
    expect(r.explanation).toBe('Разница в возрасте 4 года — подходит для формы «ученик – ученик» (+10).');
    const reverse = scorePair(mentor({ age: 8 }), mentee({ age: 16 }));
    expect(reverse.components[0].explanation).toMatch(/^Наставник младше наставляемого на 8 лет — вне рекомендуемого/);
  });

  it('has no age preference for pairs of kinds without one (teacher → student)', () => {
    const r = scorePair(mentor({ kind: 'teacher', age: 45 }), mentee({ age: 12 }));
    expect(r.components).toEqual([]);
  });

  it('compares questionnaire answers on common questions only', () => {
    const r = scorePair(mentor({ ratings: { Q1: 8, Q2: 6, Q9: 1 } }), mentee({ ratings: { Q1: 7, Q2: 8, Q3: 10 } }));
    // mean gap (1 + 2) / 2 = 1.5 → 10 · (1 − 1.5 / 4.5) = 6.67 → 7
    expect(r.components).toEqual([
      { criterion: 'questionnaire', points: 7, explanation: 'Ответы анкет близки: среднее расхождение 1,5 балла по 2 вопросам (+7).' },
    ]);
    const far = scorePair(mentor({ ratings: { Q1: 10 } }), mentee({ ratings: { Q1: 1 } }));
    expect(far.components[0].explanation).toBe('Ответы анкет расходятся: среднее расхождение 9 баллов по 1 вопросу (+0).');
  });

  it('says when the mentor has not filled a criterion the mentee asks for', () => {
    const r = scorePair(mentor({}), mentee({ subjects: ['математика'], interests: ['спортивное'] }));
    expect(r.components.map((c) => c.explanation)).toEqual(['Наставник не указал интересы (+0).', 'Наставник не указал предметы (+0).']);
  });

  it('scores 100 for a perfect pair and joins the earned sentences', () => {
    const person = { directions: ['D07'], interests: ['творческое'], requestTags: ['лидерство'], subjects: ['литература'], ratings: { Q1: 5 } };
    const r = scorePair(mentor({ ...person, grade: 9 }), mentee({ ...person, grade: 5 }));
    expect(r.score).toBe(100);
    expect(r.explanation.split('. ').length).toBe(6);
    expect(r.explanation).toContain('Совпадают направления: гибкие навыки и лидерство (+30).');
  });

  it('follows the weights', () => {
    const r = scorePair(mentor({ subjects: ['физика'] }), mentee({ subjects: ['физика'], directions: ['D01'] }), only('subjects'));
    expect(r.score).toBe(100);
    expect(r.components).toEqual([{ criterion: 'subjects', points: 100, explanation: 'Общие предметы: физика (+100).' }]);
  });
});

describe('createScorer', () => {
  it('computes exactly the score scorePair explains, always within 0..100', () => {
    fc.assert(
      fc.property(weightsArb, fc.array(personArb, { minLength: 2, maxLength: 8 }), (weights, persons) => {
        const scorer = createScorer(weights);
        const prepared = persons.map((p) => scorer.prepare(p));
        for (let a = 0; a < persons.length; a++) {
          for (let b = 0; b < persons.length; b++) {
            const fast = scorer.score(prepared[a], prepared[b]);
            const explained = scorePair({ ...persons[a], capacity: 1 }, persons[b], weights);
            expect(fast).toBe(explained.score);
            expect(explained.components.reduce((s, c) => s + c.points, 0)).toBe(explained.score);
            expect(fast).toBeGreaterThanOrEqual(0);
            expect(fast).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('plural', () => {
  it('agrees Russian numerals', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 112].map((n) => `${n} ${plural(n, YEARS)}`)).toEqual([
      '1 год', '2 года', '5 лет', '11 лет', '21 год', '22 года', '25 лет', '112 лет',
    ]);
  });
});

import fc from 'fast-check';
import { AppException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { academicYearOf, isAcademicYear } from '../src/questionnaire.codes';
import { checkAnswers, type QuestionDraft, questionRow, questionRows, type QuestionRules, satisfactionOf } from '../src/questionnaire-rules';
import { scorecardLevel } from '../src/scorecard.entity';
import { checkedScores } from '../src/scorecard.service';
import { isLinkToken, linkTokenHash, newLinkToken } from '../src/link-token';

const rating = (id: string, overrides: Partial<QuestionRules> = {}): QuestionRules => ({
  id, position: 1, kind: 'rating', text: 'Насколько вы удовлетворены?', required: true, scaleMin: 1, scaleMax: 10, optionCodes: [], isSatisfaction: false, satisfiedMin: null, satisfiedOptions: [], ...overrides,
});
const choice = (id: string, kind: 'single_choice' | 'multiple_choice', overrides: Partial<QuestionRules> = {}): QuestionRules => ({
  id, position: 2, kind, text: 'Выберите вариант', required: true, scaleMin: null, scaleMax: null, optionCodes: ['yes', 'rather', 'no'], isSatisfaction: false, satisfiedMin: null, satisfiedOptions: [], ...overrides,
});
const open = (id: string, required = false): QuestionRules => ({
  id, position: 3, kind: 'open', text: 'Комментарий', required, scaleMin: null, scaleMax: null, optionCodes: [], isSatisfaction: false, satisfiedMin: null, satisfiedOptions: [],
});

const refusal = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    if (!(error instanceof ValidationFailedException)) throw error;
    return error.message;
  }
};

describe('questionnaire rules (no database)', () => {
  describe('satisfaction', () => {
    it('rating: satisfied from the threshold up, inclusive', () => {
      const questions = [rating('q1', { isSatisfaction: true, satisfiedMin: 7 }), open('q2')];
      const at = (value: number) => checkAnswers(questions, [{ questionId: 'q1', value }]).satisfied;
      expect([1, 6, 7, 8, 10].map(at)).toEqual([false, false, true, true, true]);
    });

    it('rating: thresholds at the scale edges', () => {
      const lowest = [rating('q1', { isSatisfaction: true, satisfiedMin: 1 })];
      expect(checkAnswers(lowest, [{ questionId: 'q1', value: 1 }]).satisfied).toBe(true);
      const highest = [rating('q1', { isSatisfaction: true, satisfiedMin: 10 })];
      expect(checkAnswers(highest, [{ questionId: 'q1', value: 9 }]).satisfied).toBe(false);
      expect(checkAnswers(highest, [{ questionId: 'q1', value: 10 }]).satisfied).toBe(true);
    });

    it('single choice: satisfied when the chosen option is marked', () => {
      const questions = [choice('q1', 'single_choice', { isSatisfaction: true, satisfiedOptions: ['yes', 'rather'] })];
      const pick = (code: string) => checkAnswers(questions, [{ questionId: 'q1', options: [code] }]).satisfied;
      expect(['yes', 'rather', 'no'].map(pick)).toEqual([true, true, false]);
    });

    it('multiple choice: satisfied when any chosen option is marked', () => {
      const questions = [choice('q1', 'multiple_choice', { isSatisfaction: true, satisfiedOptions: ['yes'] })];
      const pick = (codes: string[]) => checkAnswers(questions, [{ questionId: 'q1', options: codes }]).satisfied;
      expect(pick(['no'])).toBe(false);
      expect(pick(['no', 'yes'])).toBe(true);
      expect(pick(['rather', 'no'])).toBe(false);
    });

    it('null when the template has no satisfaction question, or (defensively) when it went unanswered', () => {
      expect(checkAnswers([rating('q1')], [{ questionId: 'q1', value: 10 }]).satisfied).toBeNull();
      expect(satisfactionOf([rating('q1', { isSatisfaction: true, satisfiedMin: 7, required: false })], [])).toBeNull();
    });
  });

  describe('answers', () => {
    const questions = [rating('q1', { scaleMin: 0, scaleMax: 5 }), choice('q2', 'single_choice'), open('q3', true)];
    const valid = [{ questionId: 'q1', value: 0 }, { questionId: 'q2', options: ['no'] }, { questionId: 'q3', text: '  Спасибо  ' }];

    it('accepts what fits and normalises it (trimmed text, no empty answers stored)', () => {
      const result = checkAnswers([...questions, open('q4')], [...valid, { questionId: 'q4', text: '   ' }]);
      expect(result.answers).toEqual([
        { questionId: 'q1', value: 0, text: null, options: null },
        { questionId: 'q2', value: null, text: null, options: ['no'] },
        { questionId: 'q3', value: null, text: 'Спасибо', options: null },
      ]);
    });

    it.each([
      ['a required question unanswered', [valid[0], valid[1]], 'обязательный'],
      ['a rating above the scale', [{ questionId: 'q1', value: 6 }, valid[1], valid[2]], 'от 0 до 5'],
      ['a rating below the scale', [{ questionId: 'q1', value: -1 }, valid[1], valid[2]], 'от 0 до 5'],
      ['a fractional rating', [{ questionId: 'q1', value: 2.5 }, valid[1], valid[2]], 'целым числом'],
      ['an unknown option', [valid[0], { questionId: 'q2', options: ['maybe'] }, valid[2]], 'такого варианта'],
      ['two options for a single choice', [valid[0], { questionId: 'q2', options: ['yes', 'no'] }, valid[2]], 'только один'],
      ['an option chosen twice', [valid[0], { questionId: 'q2', options: ['no', 'no'] }, valid[2]], 'дважды'],
      ['a question answered twice', [...valid, valid[0]], 'дважды'],
      ['a question of another questionnaire', [...valid, { questionId: 'zzz', value: 1 }], 'нет в этой анкете'],
      ['two kinds of value at once', [{ questionId: 'q1', value: 1, text: 'и текст' }, valid[1], valid[2]], 'что-то одно'],
      ['a control character in a text', [valid[0], valid[1], { questionId: 'q3', text: 'a\u0000b' }], 'управляющих'],
    ])('refuses %s', (_case, answers, message) => {
      expect(refusal(() => checkAnswers(questions, answers))).toContain(message);
    });

    it('lists every problem in the details', () => {
      try {
        checkAnswers(questions, [{ questionId: 'q1', value: 99 }]);
        throw new Error('expected a refusal');
      } catch (error) {
        expect((error as ValidationFailedException).details?.map((d) => d.field)).toEqual(['q1', 'q2', 'q3']);
      }
    });
  });

  describe('question definitions', () => {
    it('defaults: a 1–10 scale, required, option codes o1…', () => {
      expect(questionRow({ kind: 'rating', text: 'Оценка?' }, 1)).toMatchObject({ scaleMin: 1, scaleMax: 10, required: true, optionCodes: [] });
      expect(questionRow({ kind: 'single_choice', text: 'Выбор?', options: [{ code: 'o2', label: 'А' }, { label: 'Б' }, { label: 'В' }] }, 2).optionCodes).toEqual(['o2', 'o1', 'o3']);
    });

    it.each<[string, QuestionDraft, string]>([
      ['an open satisfaction question', { kind: 'open', text: 'Довольны?', isSatisfaction: true }, 'не открытый'],
      ['a threshold outside the scale', { kind: 'rating', text: 'Довольны?', scaleMin: 1, scaleMax: 5, isSatisfaction: true, satisfiedMin: 6 }, 'от 1 до 5'],
      ['a threshold without the mark', { kind: 'rating', text: 'Довольны?', satisfiedMin: 6 }, 'только у вопроса удовлетворённости'],
      ['an inverted scale', { kind: 'rating', text: 'Оценка?', scaleMin: 10, scaleMax: 1 }, 'шкала'],
      ['a scale beyond 0–100', { kind: 'rating', text: 'Оценка?', scaleMin: 0, scaleMax: 1000 }, 'шкала'],
      ['options on a rating', { kind: 'rating', text: 'Оценка?', options: [{ label: 'А' }, { label: 'Б' }] }, 'не бывает вариантов'],
      ['a scale on a choice', { kind: 'single_choice', text: 'Выбор?', scaleMax: 5, options: [{ label: 'А' }, { label: 'Б' }] }, 'шкала задаётся'],
      ['a bad option code', { kind: 'single_choice', text: 'Выбор?', options: [{ code: 'Да!', label: 'А' }, { label: 'Б' }] }, 'код варианта'],
      ['duplicate option codes', { kind: 'single_choice', text: 'Выбор?', options: [{ code: 'a', label: 'А' }, { code: 'a', label: 'Б' }] }, 'повторяются'],
      ['a short text', { kind: 'open', text: ' а ' }, 'от 3 до 1000'],
    ])('refuses %s', (_case, draft, message) => {
      expect(refusal(() => questionRow(draft, 1))).toContain(message);
    });

    it('one satisfaction question per template', () => {
      const marked: QuestionDraft = { kind: 'rating', text: 'Довольны?', isSatisfaction: true, satisfiedMin: 7 };
      expect(refusal(() => questionRows([marked, marked]))).toContain('только один');
      expect(questionRows([marked, { kind: 'open', text: 'Комментарий?' }]).map((r) => r.position)).toEqual([1, 2]);
    });

    it('never throws anything but a VALIDATION_FAILED, whatever the draft', () => {
      const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Нормальный вопрос?', '\u0000', ''));
      const int = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double(), fc.constant(null));
      const draft = fc.record({
        kind: fc.constantFrom('rating', 'single_choice', 'multiple_choice', 'open'),
        text,
        required: fc.option(fc.boolean()),
        scaleMin: int,
        scaleMax: int,
        options: fc.option(fc.array(fc.record({ code: fc.option(text), label: text, satisfied: fc.option(fc.boolean()) }), { maxLength: 4 })),
        isSatisfaction: fc.option(fc.boolean()),
        satisfiedMin: int,
      }) as fc.Arbitrary<QuestionDraft>;
      fc.assert(
        fc.property(fc.array(draft, { maxLength: 4 }), (drafts) => {
          try {
            questionRows(drafts);
          } catch (error) {
            expect(error).toBeInstanceOf(AppException);
            expect((error as AppException).code).toBe('VALIDATION_FAILED');
          }
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('scorecard (F3)', () => {
    it.each([
      [[2, 2, 2, 2, 2, 2, 2, 2, 2], 18, 'optimal'],
      [[2, 2, 2, 2, 2, 2, 1, 1, 1], 15, 'optimal'],
      [[2, 2, 2, 2, 2, 1, 1, 1, 1], 14, 'acceptable'],
      [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 'acceptable'],
      [[1, 1, 1, 1, 1, 1, 1, 1, 0], 8, 'unacceptable'],
      [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'unacceptable'],
    ])('%j → %i, %s', (scores, total, level) => {
      const checked = checkedScores(scores);
      expect(checked.reduce((a, b) => a + b, 0)).toBe(total);
      expect(scorecardLevel(total)).toBe(level);
    });

    it.each([[[3, 0, 0, 0, 0, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], [[1.5, 1, 1, 1, 1, 1, 1, 1, 1]], [['2', 2, 2, 2, 2, 2, 2, 2, 2]], [null]])('refuses %j', (scores) => {
      expect(refusal(() => checkedScores(scores))).toMatch(/9 оценок|0 \(не проявляется\)/);
    });
  });

  describe('academic years and link tokens', () => {
    it('September starts an academic year (Moscow time)', () => {
      expect(academicYearOf(new Date('2023-08-31T20:59:00Z'))).toBe('2022/2023');
      expect(academicYearOf(new Date('2023-08-31T21:00:00Z'))).toBe('2023/2024');
      expect(isAcademicYear('2022/2023')).toBe(true);
      for (const bad of ['2022/2024', '2022-2023', '1999/2000', '2022/2023 ']) expect(isAcademicYear(bad)).toBe(false);
    });

    it('tokens are 32 random bytes in base64url; the stored hash is the SHA-256 hex', () => {
      const tokens = new Set(Array.from({ length: 200 }, () => newLinkToken()));
      expect(tokens.size).toBe(200);
      for (const token of tokens) expect(isLinkToken(token)).toBe(true);
      expect(linkTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      for (const bad of ['', 'abc', `${newLinkToken()}=`, 'a'.repeat(44), '+'.repeat(43)]) expect(isLinkToken(bad)).toBe(false);
    });
  });
});

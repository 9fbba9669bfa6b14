/**
 * The rules of questionnaires that need no database: what a well-formed question is, whether a
 * set of answers fits a template's questions, and whether a response counts as «удовлетворён».
 * Every refusal is a ValidationFailedException with a Russian message naming the question.
 */
import { ValidationFailedException, type FieldProblem } from '@nastavnik/platform/errors/app.exceptions';
import { hasControlChars } from '@nastavnik/platform/graphql/validators';
import type { QuestionKind } from './questionnaire.codes';


export const DEFAULT_SCALE = { min: 1, max: 10 } as const;
export const OPTION_CODE = /^[a-z0-9_]{1,40}$/;
export const MAX_TEXT_ANSWER = 4000;


/** A question as an editor describes it (GraphQL input, or an existing question being changed). */
export type QuestionDraft = {
  position?: number | null;
  kind: QuestionKind;
  text: string;
  hint?: string | null;
  required?: boolean | null;
  scaleMin?: number | null;
  scaleMax?: number | null;
  minLabel?: string | null;
  maxLabel?: string | null;
  options?: { code?: string | null; label: string; satisfied?: boolean | null }[] | null;
  isSatisfaction?: boolean | null;
  satisfiedMin?: number | null;
};

/** The columns of a question row. */
export type QuestionRow = {
  position: number;
  kind: QuestionKind;
  text: string;
  hint: string | null;
  required: boolean;
  scaleMin: number | null;
  scaleMax: number | null;
  minLabel: string | null;
  maxLabel: string | null;
  optionCodes: string[];
  optionLabels: string[];
  isSatisfaction: boolean;
  satisfiedMin: number | null;
  satisfiedOptions: string[];
};

/** What answer checking needs to know of a question. */
export type QuestionRules = Pick<
  QuestionRow,
  'position' | 'kind' | 'text' | 'required' | 'scaleMin' | 'scaleMax' | 'optionCodes' | 'isSatisfaction' | 'satisfiedMin' | 'satisfiedOptions'
> & { id: string };

export type AnswerDraft = { questionId: string; value?: number | null; text?: string | null; options?: string[] | null };
export type CheckedAnswer = { questionId: string; value: number | null; text: string | null; options: string[] | null };

/** Normalises one question (defaults, trimmed texts, generated option codes) or refuses it. */
export function questionRow(draft: QuestionDraft, position: number): QuestionRow {
  const where = `Вопрос №${position}`;
  const fail = (message: string): never => {
    throw new ValidationFailedException(`${where}: ${message}`, [{ field: `questions.${position}`, message }]);
  };
  const text = (draft.text ?? '').trim();
  if (text.length < 3 || text.length > 1000) fail('текст вопроса — от 3 до 1000 символов.');
  const texts = [draft.text, draft.hint, draft.minLabel, draft.maxLabel, ...(draft.options ?? []).flatMap((o) => [o.label, o.code])];
  if (texts.some((t) => typeof t === 'string' && hasControlChars(t))) fail('текст не должен содержать управляющих символов.');
  const hint = draft.hint?.trim() || null;
  if (hint && hint.length > 1000) fail('подсказка — не длиннее 1000 символов.');
  const isSatisfaction = draft.isSatisfaction === true;
  if (isSatisfaction && draft.required === false) fail('вопрос удовлетворённости должен быть обязательным.');
  const row: QuestionRow = {
    position,
    kind: draft.kind,
    text,
    hint,
    required: isSatisfaction ? true : draft.required !== false,
    scaleMin: null,
    scaleMax: null,
    minLabel: null,
    maxLabel: null,
    optionCodes: [],
    optionLabels: [],
    isSatisfaction,
    satisfiedMin: null,
    satisfiedOptions: [],
  };
  const hasScale = [draft.scaleMin, draft.scaleMax, draft.minLabel, draft.maxLabel].some((v) => v !== null && v !== undefined);
  const options = draft.options ?? [];
  const optionMarked = options.some((o) => o.satisfied === true);

  if (draft.kind === 'rating') {
    if (options.length > 0) fail('у вопроса со шкалой не бывает вариантов ответа.');
    const min = draft.scaleMin ?? DEFAULT_SCALE.min;
    const max = draft.scaleMax ?? DEFAULT_SCALE.max;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 100 || min >= max) {
      fail('шкала — целые числа от 0 до 100, наименьшая оценка меньше наибольшей.');
    }
    row.scaleMin = min;
    row.scaleMax = max;
    row.minLabel = label(draft.minLabel, 200, fail, 'подпись наименьшей оценки');
    row.maxLabel = label(draft.maxLabel, 200, fail, 'подпись наибольшей оценки');
    if (isSatisfaction) {
      const threshold = draft.satisfiedMin;
      if (threshold === null || threshold === undefined) fail(`укажите оценку, начиная с которой респондент удовлетворён (от ${min} до ${max}).`);
      if (!Number.isInteger(threshold) || (threshold as number) < min || (threshold as number) > max) {
        fail(`порог удовлетворённости должен быть целым числом от ${min} до ${max}.`);
      }
      row.satisfiedMin = threshold as number;
    } else if (draft.satisfiedMin !== null && draft.satisfiedMin !== undefined) {
      fail('порог удовлетворённости задаётся только у вопроса удовлетворённости.');
    }
  } else if (draft.kind === 'single_choice' || draft.kind === 'multiple_choice') {
    if (hasScale) fail('шкала задаётся только у вопроса с оценкой.');
    if (options.length < 2 || options.length > 50) fail('у закрытого вопроса должно быть от 2 до 50 вариантов ответа.');
    const labels = options.map((o) => (o.label ?? '').trim());
    if (labels.some((l) => l.length < 1 || l.length > 300)) fail('текст варианта ответа — от 1 до 300 символов.');
    if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) fail('варианты ответа повторяются.');
    const given = options.map((o) => o.code?.trim() || null);
    for (const code of given) if (code !== null && !OPTION_CODE.test(code)) fail(`код варианта «${code}»: строчные латинские буквы, цифры и «_», до 40 символов.`);
    const taken = new Set(given.filter((c): c is string => c !== null));
    if (taken.size !== given.filter((c) => c !== null).length) fail('коды вариантов ответа повторяются.');
    let next = 1;
    row.optionCodes = given.map((code) => {
      if (code) return code;
      while (taken.has(`o${next}`)) next += 1;
      taken.add(`o${next}`);
      return `o${next}`;
    });
    row.optionLabels = labels;
    if (draft.satisfiedMin !== null && draft.satisfiedMin !== undefined) fail('порог оценки задаётся только у вопроса со шкалой; у закрытого вопроса отметьте варианты «удовлетворён».');
    if (isSatisfaction) {
      if (!optionMarked) fail('отметьте варианты ответа, которые означают «удовлетворён».');
      row.satisfiedOptions = row.optionCodes.filter((_, i) => options[i].satisfied === true);
    } else if (optionMarked) {
      fail('варианты «удовлетворён» отмечаются только у вопроса удовлетворённости.');
    }
  } else {
    if (hasScale || options.length > 0) fail('у открытого вопроса нет ни шкалы, ни вариантов ответа.');
    if (isSatisfaction) fail('вопросом удовлетворённости может быть вопрос со шкалой или с вариантами ответа, но не открытый.');
    if (draft.satisfiedMin !== null && draft.satisfiedMin !== undefined) fail('порог удовлетворённости задаётся только у вопроса удовлетворённости.');
  }
  return row;
}

/** Normalises a template's whole list of questions: positions 1…n in the given order, one satisfaction question at most. */
export function questionRows(drafts: QuestionDraft[]): QuestionRow[] {
  if (drafts.length > 200) throw new ValidationFailedException('В анкете может быть не больше 200 вопросов.');
  const rows = drafts.map((draft, i) => questionRow(draft, i + 1));
  if (rows.filter((r) => r.isSatisfaction).length > 1) {
    throw new ValidationFailedException('Вопросом удовлетворённости может быть только один вопрос анкеты.');
  }
  return rows;
}

function label(value: string | null | undefined, max: number, fail: (message: string) => never, what: string): string | null {
  const trimmed = value?.trim() || null;
  if (trimmed && trimmed.length > max) fail(`${what} — не длиннее ${max} символов.`);
  return trimmed;
}

/**
 * Checks answers against a template's questions: each answer names a question of the template
 * once, fits its kind (a whole number within the scale, existing options, one option for a
 * single choice, non-empty text), and every required question is answered. An answer with no
 * value at all counts as not given. Returns the answers to store and the derived satisfaction.
 */
export function checkAnswers(questions: QuestionRules[], answers: AnswerDraft[]): { answers: CheckedAnswer[]; satisfied: boolean | null } {
  const byId = new Map(questions.map((q) => [q.id.toLowerCase(), q]));
  const problems: FieldProblem[] = [];
  const checked = new Map<string, CheckedAnswer>();
  if (answers.length > 500) throw new ValidationFailedException('Слишком много ответов.');
  for (const answer of answers) {
    const id = String(answer.questionId ?? '').toLowerCase();
    const question = byId.get(id);
    if (!question) {
      problems.push({ field: String(answer.questionId), message: 'Ответ на вопрос, которого нет в этой анкете.' });
      continue;
    }
    const where = `Вопрос №${question.position} «${shorten(question.text)}»`;
    if (checked.has(id)) {
      problems.push({ field: question.id, message: `${where}: ответ указан дважды.` });
      continue;
    }
    const result = checkOne(question, answer);
    if (typeof result === 'string') problems.push({ field: question.id, message: `${where}: ${result}` });
    else if (result) checked.set(id, result);
  }
  for (const question of [...questions].sort((a, b) => a.position - b.position)) {
    if (question.required && !checked.has(question.id.toLowerCase()) && !problems.some((p) => p.field === question.id)) {
      problems.push({ field: question.id, message: `Вопрос №${question.position} «${shorten(question.text)}»: обязательный — ответьте на него.` });
    }
  }
  if (problems.length > 0) {
    const first = problems[0].message;
    throw new ValidationFailedException(problems.length > 1 ? `${first} (и ещё ошибок: ${problems.length - 1})` : first, problems);
  }
  const list = [...checked.values()];
  return { answers: list, satisfied: satisfactionOf(questions, list) };
}

/** null: no value given (an unanswered question); a string: why the value does not fit. */
function checkOne(question: QuestionRules, answer: AnswerDraft): CheckedAnswer | string | null {
  const value = answer.value ?? null;
  const text = typeof answer.text === 'string' ? answer.text.trim() : null;
  const options = answer.options ?? null;
  const given = [value !== null, !!text, !!options && options.length > 0].filter(Boolean).length;
  if (given === 0) return null;
  if (given > 1) return 'укажите что-то одно: оценку, текст или варианты ответа.';
  const base = { questionId: question.id, value: null, text: null, options: null };
  switch (question.kind) {
    case 'rating': {
      if (value === null) return `нужна оценка от ${question.scaleMin} до ${question.scaleMax}.`;
      if (!Number.isInteger(value) || value < (question.scaleMin as number) || value > (question.scaleMax as number)) {
        return `оценка должна быть целым числом от ${question.scaleMin} до ${question.scaleMax}.`;
      }
      return { ...base, value };
    }
    case 'single_choice':
    case 'multiple_choice': {
      if (!options || options.length === 0) return 'выберите вариант ответа из списка.';
      if (options.some((o) => typeof o !== 'string' || !question.optionCodes.includes(o))) return 'такого варианта ответа нет.';
      if (new Set(options).size !== options.length) return 'вариант ответа выбран дважды.';
      if (question.kind === 'single_choice' && options.length !== 1) return 'можно выбрать только один вариант.';
      return { ...base, options: [...options] };
    }
    case 'open': {
      if (!text) return 'нужен текстовый ответ.';
      if (hasControlChars(text)) return 'текст не должен содержать управляющих символов.';
      if (text.length > MAX_TEXT_ANSWER) return `ответ — не длиннее ${MAX_TEXT_ANSWER} символов.`;
      return { ...base, text };
    }
  }
  return 'неизвестный тип вопроса.';
}

/**
 * «Удовлетворён»: the satisfaction question's rating is at least its threshold, or one of the
 * chosen options is marked satisfied. null when the template has no satisfaction question (or,
 * defensively, when it went unanswered — the question is always required).
 */
export function satisfactionOf(questions: QuestionRules[], answers: CheckedAnswer[]): boolean | null {
  const question = questions.find((q) => q.isSatisfaction);
  if (!question) return null;
  const answer = answers.find((a) => a.questionId.toLowerCase() === question.id.toLowerCase());
  if (!answer) return null;
  if (question.kind === 'rating') return answer.value !== null && question.satisfiedMin !== null && answer.value >= question.satisfiedMin;
  return (answer.options ?? []).some((code) => question.satisfiedOptions.includes(code));
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

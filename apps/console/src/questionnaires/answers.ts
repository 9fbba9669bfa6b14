/** A question as both the console and the public link page render it. */
export type Question = {
  id: string;
  position: number;
  kind: 'RATING' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'OPEN' | string;
  text: string;
  hint?: string | null;
  required: boolean;
  scaleMin?: number | null;
  scaleMax?: number | null;
  minLabel?: string | null;
  maxLabel?: string | null;
  options: { code: string; label: string }[];
};

export type Answer = { questionId: string; value?: number | null; text?: string | null; options?: string[] | null };
export type Answers = Record<string, Answer>;

/** The answers the API accepts: only answered questions, each with the one field its kind uses. */
export function answersOf(questions: Question[], answers: Answers): Answer[] {
  return questions.flatMap<Answer>((question) => {
    const answer = answers[question.id];
    if (!answer) return [];
    if (question.kind === 'RATING') return answer.value == null ? [] : [{ questionId: question.id, value: answer.value }];
    if (question.kind === 'OPEN') return answer.text?.trim() ? [{ questionId: question.id, text: answer.text.trim() }] : [];
    return answer.options?.length ? [{ questionId: question.id, options: answer.options }] : [];
  });
}

/** Required questions left unanswered. */
export function missingRequired(questions: Question[], answers: Answers): Question[] {
  const answered = new Set(answersOf(questions, answers).map((answer) => answer.questionId));
  return questions.filter((question) => question.required && !answered.has(question.id));
}

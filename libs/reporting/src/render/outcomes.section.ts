import type { SchoolOutcomesType } from '@nastavnik/monitoring/outcomes/outcome.types';
import { barChart, type PdfContent } from './pdf-engine';

const th = (text: string) => ({ text, style: 'th' });
const decimal = (value: number | null) => (value === null ? '—' : value.toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 2 }));
const signed = (value: number | null) => (value !== null && value > 0 ? `+${decimal(value)}` : decimal(value));
const percent = (value: number | null) => (value === null ? '—' : `${value} %`);
const ROLE = new Map([['mentee', 'Наставляемые'], ['mentor', 'Наставники']]);

/**
 * The school report's section «Результаты: до и после» (issue 13, item 5; docs/adr/0035): for each
 * programme of the year, the response to the entry and final questionnaires and the scale
 * questions compared over the persons who answered both (means before and after, the mean change),
 * with a before/after chart; the satisfaction questionnaire's response beside T3/T4. `null` — a
 * regional reader's copy: the comparison is the school's own (the region reads its summary).
 */
export function outcomesSection(outcomes: SchoolOutcomesType | null | undefined, number: number): PdfContent[] {
  const content: PdfContent[] = [{ text: `${number}. Результаты: до и после программы`, style: 'h2' }];
  if (!outcomes) {
    content.push({ text: 'Сравнение входных и итоговых анкет доступно куратору организации; регион видит его в сводке без персональных данных.', style: 'note' });
    return content;
  }
  const satisfaction = [
    ['T3 — наставляемые', outcomes.satisfactionMentees],
    ['T4 — наставники', outcomes.satisfactionMentors],
  ] as const;
  content.push({
    text: satisfaction
      .map(([label, r]) => `${label}: ответили на анкету удовлетворённости ${r?.respondents ?? 0} из ${r?.participants ?? 0} (${percent(r?.participantRate ?? null)})`)
      .join('; ') + '.',
    fontSize: 9,
    margin: [0, 0, 0, 6],
  });
  const compared = outcomes.programmes.filter((p) => p.questions.some((q) => q.kind === 'rating'));
  if (compared.length === 0) {
    content.push({ text: 'За этот год нет программ, по которым заполнены и входная, и итоговая анкеты с одинаковыми вопросами.', style: 'note' });
    return content;
  }
  for (const programme of compared) {
    const rate = (role: string, phase: string) => programme.responseRates.find((r) => r.role === role && r.phase === phase);
    const pre = rate('mentee', 'pre');
    const post = rate('mentee', 'post');
    content.push(
      { text: programme.title, bold: true, fontSize: 9.5, margin: [0, 4, 0, 2] },
      {
        text: `Наставляемых: ${pre?.participants ?? 0}; входную анкету заполнили ${pre?.respondents ?? 0} (${percent(pre?.participantRate ?? null)}), итоговую — ${post?.respondents ?? 0} (${percent(post?.participantRate ?? null)}).`,
        fontSize: 8.5,
        margin: [0, 0, 0, 4],
      },
    );
    for (const role of ['mentee', 'mentor']) {
      const questions = programme.questions.filter((q) => q.role === role && q.kind === 'rating');
      if (!questions.length) continue;
      content.push(
        {
          table: {
            headerRows: 1,
            widths: ['*', 30, 36, 36, 48, 52],
            body: [
              [th(`${ROLE.get(role)}: вопрос`), th('Пар'), th('До'), th('После'), th('Измен.'), th('Только до / после')],
              ...questions.map((q) => [q.hint ?? q.text, String(q.pairs), decimal(q.meanBefore), decimal(q.meanAfter), { text: signed(q.meanChange), bold: true }, `${q.onlyBefore} / ${q.onlyAfter}`]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 8,
        },
        barChart(
          questions.map((q) => ({ label: q.hint ?? q.text, value: q.meanAfter ?? 0, secondary: q.meanBefore ?? 0, text: `${decimal(q.meanBefore)} – ${decimal(q.meanAfter)}` })),
          { legend: ['после (среднее по парам)', 'до (среднее по парам)'] },
        ),
      );
    }
  }
  content.push({ text: 'Пары — участники, заполнившие и входную, и итоговую анкету программы (первая входная и последняя итоговая); средние по шкале вопроса.', style: 'note' });
  return content;
}

/**
 * The target-model indicators (целевые показатели), one declarative definition each: code,
 * Russian title, numerator and denominator as counts over the indicator facts, unit, default
 * target and rounding. The engine compiles all of them into one set-based query
 * (`indicator-engine.ts`); a region's value is Σnumerators / Σdenominators, never an average of
 * percentages. Sources: SEEDS-DOMAIN §6.6–6.7 (seed 004's formulas).
 */
import { FACTS, type FactName } from './indicator-facts';
import { requiredValue } from '@nastavnik/contracts/lookup';

export type IndicatorUnit = 'percent' | 'count';

/**
 * Count, per organisation, the distinct units of a fact (persons, meetings, …) with a row that
 * satisfies `where` (every row when omitted) — and, for a fact whose unit is a person, whose
 * person satisfies `person` (a condition on `kind` and `age`, see the persons fact).
 */
export type FactCount = { fact: FactName; where?: string; person?: string };

export type IndicatorDefinition = {
  code: string;
  title: string;
  shortTitle: string;
  unit: IndicatorUnit;
  numerator: FactCount;
  /** Required for percentages. */
  denominator?: FactCount;
  /** Default target, used when a region has set none for the year. */
  target?: { value: number; direction: 'at_least' | 'at_most' };
  source: string;
};

const STUDENTS_10_19 = `kind = 'student' and age between 10 and 19`;
const STUDENTS_15_19 = `kind = 'student' and age between 15 and 19`;

export const INDICATORS: IndicatorDefinition[] = [
  {
    code: 'T1',
    title: 'Доля детей в возрасте от 10 до 19 лет, вошедших в программы наставничества в роли наставляемого',
    shortTitle: 'Наставляемые 10–19 лет',
    unit: 'percent',
    numerator: { fact: 'memberships', where: `role = 'mentee'`, person: STUDENTS_10_19 },
    denominator: { fact: 'persons', where: STUDENTS_10_19 },
    source: 'SEEDS-DOMAIN §6.6 T1 (004 L63–72)',
  },
  {
    code: 'T2',
    title: 'Доля детей и подростков в возрасте от 15 до 19 лет, вошедших в программы наставничества в роли наставника',
    shortTitle: 'Наставники-ученики 15–19 лет',
    unit: 'percent',
    numerator: { fact: 'memberships', where: `role = 'mentor'`, person: STUDENTS_15_19 },
    denominator: { fact: 'persons', where: STUDENTS_15_19 },
    source: 'SEEDS-DOMAIN §6.6 T2',
  },
  {
    code: 'T3',
    title: 'Уровень удовлетворённости наставляемых участием в программах наставничества (опросный)',
    shortTitle: 'Удовлетворённость наставляемых',
    unit: 'percent',
    // "Took part" = answered the satisfaction questionnaire of the year as a mentee (33 из 59).
    numerator: { fact: 'satisfaction', where: `role = 'mentee' and satisfied` },
    denominator: { fact: 'satisfaction', where: `role = 'mentee'` },
    source: 'SEEDS-DOMAIN §6.6 T3',
  },
  {
    code: 'T4',
    title: 'Уровень удовлетворённости наставников участием в программах наставничества (опросный)',
    shortTitle: 'Удовлетворённость наставников',
    unit: 'percent',
    numerator: { fact: 'satisfaction', where: `role = 'mentor' and satisfied` },
    denominator: { fact: 'satisfaction', where: `role = 'mentor'` },
    source: 'SEEDS-DOMAIN §6.6 T4 (8 из 12)',
  },
  {
    code: 'N1',
    title: 'Доля обучающихся, вовлечённых в различные формы наставничества',
    shortTitle: 'Вовлечённость обучающихся',
    unit: 'percent',
    numerator: { fact: 'memberships', person: `kind = 'student'` },
    denominator: { fact: 'persons', where: `kind = 'student'` },
    target: { value: 70, direction: 'at_least' },
    source: 'SEEDS-DOMAIN §6.6 N1 (003 L47: не менее 70 % к концу 2024 года)',
  },
  {
    code: 'M1',
    title: 'Потенциальные наставляемые обучающиеся, прошедшие анкетирование',
    shortTitle: 'Анкетированы: наставляемые-ученики',
    unit: 'percent',
    numerator: { fact: 'bases', where: `base = 'mentee' and surveyed`, person: `kind = 'student'` },
    denominator: { fact: 'persons', where: `kind = 'student'` },
    source: 'SEEDS-DOMAIN §6.7 M1',
  },
  {
    code: 'M2',
    title: 'Потенциальные наставляемые педагоги, прошедшие анкетирование',
    shortTitle: 'Анкетированы: наставляемые-педагоги',
    unit: 'percent',
    numerator: { fact: 'bases', where: `base = 'mentee' and surveyed`, person: `kind = 'teacher'` },
    denominator: { fact: 'persons', where: `kind = 'teacher'` },
    source: 'SEEDS-DOMAIN §6.7 M2',
  },
  {
    code: 'M3',
    title: 'Потенциальные наставники, принявшие участие в анкетировании',
    shortTitle: 'Анкетированы: наставники',
    unit: 'percent',
    numerator: { fact: 'bases', where: `base = 'mentor' and surveyed` },
    denominator: { fact: 'persons', where: `kind in ('student', 'teacher')` },
    source: 'SEEDS-DOMAIN §6.7 M3',
  },
  {
    code: 'M5',
    title: 'Наставники, прошедшие обучение на базе образовательной организации',
    shortTitle: 'Обучены наставники',
    unit: 'percent',
    numerator: { fact: 'bases', where: `base = 'mentor' and trained` },
    denominator: { fact: 'persons', where: `kind in ('student', 'teacher')` },
    source: 'SEEDS-DOMAIN §6.7 M5',
  },
  {
    code: 'MENTORS',
    title: 'Наставники в программах наставничества',
    shortTitle: 'Наставники',
    unit: 'count',
    numerator: { fact: 'memberships', where: `role = 'mentor'` },
    source: 'SEEDS-DOMAIN §8.3',
  },
  {
    code: 'MENTEES',
    title: 'Наставляемые в программах наставничества',
    shortTitle: 'Наставляемые',
    unit: 'count',
    numerator: { fact: 'memberships', where: `role = 'mentee'` },
    source: 'SEEDS-DOMAIN §8.3',
  },
];

/** The effectiveness scorecard (§6.5): programmes at each level, so a region sees the distribution. */
export const SCORECARD_LEVELS = [
  { level: 'optimal', code: 'EFF.OPTIMAL', title: 'оптимальный уровень (15–18 баллов)' },
  { level: 'acceptable', code: 'EFF.ACCEPTABLE', title: 'допустимый уровень (9–14 баллов)' },
  { level: 'unacceptable', code: 'EFF.UNACCEPTABLE', title: 'недопустимый уровень (0–8 баллов)' },
] as const;
for (const { level, code, title } of SCORECARD_LEVELS) {
  INDICATORS.push({
    code,
    title: `Программы наставничества с эффективностью: ${title}`,
    shortTitle: `Эффективность: ${title}`,
    unit: 'count',
    numerator: { fact: 'scorecards', where: `level = '${level}'` },
    source: 'SEEDS-DOMAIN §6.5 (000 §6, 002 §4)',
  });
}

/** «Встречи по направлениям» of seed 004 (items 21–22): first and second meetings per direction D01–D11. */
const MEETING_TYPES = [
  { type: 'ORGANISATIONAL', key: 'ORG', title: 'Первые (организационные) встречи' },
  { type: 'TRIAL', key: 'TRIAL', title: 'Вторые (пробные рабочие) встречи' },
];
for (const { type, key, title } of MEETING_TYPES) {
  for (let n = 1; n <= 11; n += 1) {
    const direction = `D${String(n).padStart(2, '0')}`;
    INDICATORS.push({
      code: `MEET.${key}.${direction}`,
      title: `${title} наставника и наставляемого по направлению ${direction}`,
      shortTitle: `${title}, ${direction}`,
      unit: 'count',
      numerator: { fact: 'meetings', where: `meeting_type = '${type}' and direction = '${direction}'` },
      source: 'SEEDS-DOMAIN §8.4 (004 items 21–22)',
    });
  }
}

/** Checked at start-up: a wrong definition stops the process instead of computing nonsense. */
export function validateDefinitions(definitions: IndicatorDefinition[] = INDICATORS): void {
  const seen = new Set<string>();
  for (const d of definitions) {
    if (!/^[A-Z][A-Z0-9_.]{0,39}$/.test(d.code)) throw new Error(`indicator code "${d.code}" is not of the form T1, M5, MENTORS`);
    if (seen.has(d.code)) throw new Error(`indicator code "${d.code}" is defined twice`);
    seen.add(d.code);
    if (d.unit === 'percent' && !d.denominator) throw new Error(`indicator ${d.code} is a percentage without a denominator`);
    for (const count of [d.numerator, d.denominator]) {
      if (!count) continue;
      if (!(count.fact in FACTS)) throw new Error(`indicator ${d.code}: unknown fact "${count.fact}"`);
      if (count.person !== undefined && requiredValue(FACTS, count.fact).unit !== 'person') throw new Error(`indicator ${d.code}: a person condition needs a fact whose unit is a person, not "${count.fact}"`);
      for (const condition of [count.where, count.person]) {
        if (condition !== undefined && (!condition.trim() || /;|--|\/\*/.test(condition))) throw new Error(`indicator ${d.code}: a condition may not be empty or contain ; or comments`);
      }
    }
  }
}

/** Whole percent, half up, as the seeds publish («33 из 59 – 56 %»). Null when there is no denominator population. */
export function percentValue(numerator: number, denominator: number | null): number | null {
  if (!denominator) return null;
  return Math.floor((200 * numerator + denominator) / (2 * denominator)); // exact: no floating point at .5
}

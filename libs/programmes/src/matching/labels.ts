import { ownValue } from '@nastavnik/contracts/lookup';
/**
 * Russian wording shared by the scorer and the hard rules: short labels of the mentoring
 * directions (направления, SEEDS-DOMAIN §3.7a), participant kinds, and number agreement.
 */

/** Short labels of the 004 reporting directions D01–D11; the full titles live in the reference table. */
export const DIRECTION_LABELS: Readonly<Record<string, string>> = {
  D01: 'раскрытие потенциала',
  D02: 'преодоление подросткового кризиса',
  D03: 'адаптация в новом учебном коллективе',
  D04: 'мотивация к учебе и образовательные результаты',
  D05: 'выбор образовательной траектории',
  D06: 'ценности и гражданская позиция',
  D07: 'гибкие навыки и лидерство',
  D08: 'предпринимательский потенциал',
  D09: 'профориентация',
  D10: 'адаптация педагога в коллективе',
  D11: 'вход молодого педагога в профессию',
};

/** Participant kinds as a curator reads them (genitive-free nominative forms). */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  student: 'обучающийся',
  teacher: 'педагог',
  uni_student: 'студент вуза/колледжа',
  uni_teacher: 'педагог вуза/колледжа',
  employer_rep: 'представитель работодателя',
  graduate: 'выпускник',
  parent: 'родитель',
  veteran: 'ветеран педагогического труда',
  head: 'руководитель образовательной организации',
};

export const directionLabel = (code: string): string => ownValue(DIRECTION_LABELS, code) ?? code;
export const kindLabel = (kind: string): string => ownValue(KIND_LABELS, kind) ?? kind;

/** Russian plural agreement: plural(4, ['год', 'года', 'лет']) → 'года'. */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const abs = Math.abs(Math.trunc(n));
  const mod100 = abs % 100;
  const mod10 = abs % 10;
  if (mod100 >= 11 && mod100 <= 14) return forms[2];
  if (mod10 === 1) return forms[0];
  if (mod10 >= 2 && mod10 <= 4) return forms[1];
  return forms[2];
}

export const YEARS = ['год', 'года', 'лет'] as const;
export const GRADES = ['класс', 'класса', 'классов'] as const;
/** Dative, as in «по 6 вопросам». */
export const QUESTIONS_DATIVE = ['вопросу', 'вопросам', 'вопросам'] as const;
export const POINTS = ['балл', 'балла', 'баллов'] as const;
export const MENTORS = ['наставник', 'наставника', 'наставников'] as const;

/** A decimal as Russians write it: 1.25 → '1,3' (one digit after the comma, trailing zero dropped). */
export function decimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded).replace('.', ',');
}

/** Lists at most `limit` items and says how many more there are. */
export function listOf(items: readonly string[], limit = 5): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} и еще ${items.length - limit}`;
}

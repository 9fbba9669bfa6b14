import type { MatchMentee, MatchMentor } from '@nastavnik/programmes/matching/matching.types';

/**
 * Seeded synthetic pool for the matching benchmark (SYNTHETIC — no real persons): the mix of a
 * school network running «Ученик – ученик», «Учитель – ученик», «Учитель – учитель» and «Студент –
 * ученик» (SEEDS-DOMAIN §3.1, §10.1 F2/F5). One fifth of the pool are mentors (capacity 1–5),
 * four fifths mentees; students carry grade and age, teachers subjects and age; directions D01–D11
 * are drawn with the weights of the 004 meetings-by-direction report (D07 and D04 most common).
 */

export type Pool = { mentors: MatchMentor[]; mentees: MatchMentee[] };

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];

function weighted<T>(r: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1][0];
}

function some<T>(r: Rand, items: readonly (readonly [T, number])[], count: number): T[] {
  const out = new Set<T>();
  for (let guard = 0; out.size < count && guard < count * 20; guard++) out.add(weighted(r, items));
  return [...out];
}

const even = <T>(items: readonly T[]): (readonly [T, number])[] => items.map((i) => [i, 1] as const);

// 004 items 21–22 (first half-year): D01 4, D04 16, D06 5, D07 24, D10 4; the others get a small weight
// so that every direction occurs.
const STUDENT_DIRECTIONS = [
  ['D01', 4], ['D02', 1], ['D03', 1.5], ['D04', 16], ['D05', 1.5], ['D06', 5], ['D07', 24], ['D08', 1], ['D09', 3],
] as const;
const TEACHER_DIRECTIONS = [['D10', 4], ['D11', 4], ['D07', 1]] as const;
const UNI_DIRECTIONS = [['D05', 3], ['D07', 3], ['D08', 3], ['D09', 4], ['D04', 2]] as const;

const INTERESTS = ['интеллектуальное', 'спортивное', 'волонтерское', 'творческое'] as const;
const TEACHER_INTERESTS = [['методическое', 4], ['интеллектуальное', 1], ['творческое', 1]] as const;

const SUBJECTS = [
  'математика', 'русский язык', 'литература', 'физика', 'химия', 'биология', 'история', 'обществознание',
  'английский язык', 'информатика', 'география', 'физическая культура', 'музыка', 'изобразительное искусство',
] as const;

const STUDENT_TAGS = [
  'подготовка к огэ', 'подготовка к егэ', 'олимпиады', 'проектная деятельность', 'робототехника', 'программирование',
  'чтение', 'адаптация в классе', 'общение со сверстниками', 'профориентация', 'публичные выступления', 'шахматы',
  'рисование', 'спорт', 'волонтерство', 'лидерство', 'тайм-менеджмент', 'домашние задания', 'английский разговорный',
] as const;
const TEACHER_TAGS = [
  'методика урока', 'работа с родителями', 'классное руководство', 'цифровые инструменты', 'икт', 'дисциплина на уроке',
  'профессиональное выгорание', 'аттестация', 'фгос', 'проектная деятельность', 'оценивание', 'инклюзивное образование',
] as const;

/** Eight questionnaire items (synthetic: the seeds hold no item-level questionnaire, F6). */
const QUESTIONS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8'] as const;

function ratings(r: Rand): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of QUESTIONS) if (r() < 0.85) out[q] = int(r, 1, 10);
  return out;
}

const grades1to11 = [[1, 12], [2, 11], [3, 11], [4, 10], [5, 10], [6, 9], [7, 9], [8, 8], [9, 8], [10, 6], [11, 6]] as const;

export type PoolOptions = {
  /** Mentor capacity range; the default 1–5 leaves about 3 seats per 4 mentees (seats are scarce). */
  capacity?: readonly [min: number, max: number];
};

export function generatePool(size: number, seed = 20260101, options: PoolOptions = {}): Pool {
  const [capMin, capMax] = options.capacity ?? [1, 5];
  const r = rng(seed ^ size);
  const mentorCount = Math.max(1, Math.round(size / 5));
  const menteeCount = size - mentorCount;
  const mentors: MatchMentor[] = [];
  const mentees: MatchMentee[] = [];

  for (let k = 0; k < mentorCount; k++) {
    const id = `mr-${String(k).padStart(5, '0')}`;
    const kind = weighted(r, [['student', 45], ['teacher', 45], ['uni_student', 10]] as const);
    const capacity = int(r, capMin, capMax);
    if (kind === 'student') {
      const grade = weighted(r, [[8, 2], [9, 3], [10, 4], [11, 4], [6, 1], [7, 1]] as const);
      mentors.push({
        id, name: `Наставник-ученик ${k}`, kind, capacity, grade, age: grade + 6 + (r() < 0.5 ? 1 : 0),
        subjects: some(r, even(SUBJECTS), int(r, 1, 2)),
        directions: some(r, STUDENT_DIRECTIONS, int(r, 2, 3)),
        interests: some(r, even(INTERESTS), int(r, 1, 3)),
        requestTags: some(r, even(STUDENT_TAGS), int(r, 3, 6)),
        ratings: ratings(r),
      });
    } else if (kind === 'teacher') {
      mentors.push({
        id, name: `Наставник-педагог ${k}`, kind, capacity, age: int(r, 30, 64),
        subjects: some(r, even(SUBJECTS), r() < 0.8 ? 1 : 2),
        directions: [...some(r, STUDENT_DIRECTIONS, int(r, 1, 3)), ...some(r, TEACHER_DIRECTIONS, int(r, 1, 2))],
        interests: [...some(r, even(INTERESTS), int(r, 1, 2)), ...(r() < 0.6 ? ['методическое'] : [])],
        requestTags: [...some(r, even(TEACHER_TAGS), int(r, 2, 4)), ...some(r, even(STUDENT_TAGS), int(r, 1, 3))],
        ratings: ratings(r),
      });
    } else {
      mentors.push({
        id, name: `Наставник-студент ${k}`, kind, capacity, age: int(r, 18, 22),
        subjects: some(r, even(SUBJECTS), int(r, 1, 2)),
        directions: some(r, UNI_DIRECTIONS, int(r, 2, 3)),
        interests: some(r, even(INTERESTS), int(r, 1, 3)),
        requestTags: some(r, even(STUDENT_TAGS), int(r, 3, 6)),
        ratings: ratings(r),
      });
    }
  }

  for (let k = 0; k < menteeCount; k++) {
    const id = `me-${String(k).padStart(5, '0')}`;
    if (r() < 0.9) {
      const grade = weighted(r, grades1to11);
      mentees.push({
        id, name: `Наставляемый-ученик ${k}`, kind: 'student', grade, age: grade + 6 + (r() < 0.5 ? 1 : 0),
        subjects: r() < 0.7 ? some(r, even(SUBJECTS), int(r, 1, 2)) : [],
        directions: some(r, grade >= 8 ? [...STUDENT_DIRECTIONS, ['D09', 6], ['D05', 3]] : STUDENT_DIRECTIONS, int(r, 1, 2)),
        interests: some(r, even(INTERESTS), int(r, 1, 2)),
        requestTags: some(r, even(STUDENT_TAGS), int(r, 1, 3)),
        ratings: ratings(r),
      });
    } else {
      mentees.push({
        id, name: `Наставляемый-педагог ${k}`, kind: 'teacher', age: r() < 0.75 ? int(r, 22, 29) : int(r, 30, 50),
        subjects: [pick(r, SUBJECTS)],
        directions: some(r, TEACHER_DIRECTIONS, 1),
        interests: some(r, TEACHER_INTERESTS, int(r, 1, 2)),
        requestTags: some(r, even(TEACHER_TAGS), int(r, 1, 3)),
        ratings: ratings(r),
      });
    }
  }
  return { mentors, mentees };
}

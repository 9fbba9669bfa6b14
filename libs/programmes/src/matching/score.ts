import type { MatchMentee, MatchMentor, MatchPerson, MatchWeights, ScoreComponent } from './matching.types';
import { GRADES, POINTS, QUESTIONS_DATIVE, YEARS, decimal, directionLabel, listOf, plural } from './labels';
import { requiredValue } from '@nastavnik/contracts/lookup';

/**
 * Compatibility score of a mentor–mentee pair, 0..100, from six criteria (SEEDS-DOMAIN §4.2
 * stage 5, «the mentor's profile or competence must match the mentee's request»; §3.7 directions
 * and interest areas; §3.5 «ученик – ученик» age structure). Each criterion earns an integer share
 * of its weight, so scores are integers: the optimiser works on exact integer costs and a curator
 * reads «+30», not «+29.7».
 *
 * Two entry points compute the same number: `scorePair` (with the Russian explanation, for the
 * pairs shown to the curator) and `createScorer` (no strings, for the millions of candidate pairs
 * of a regional pool). A spec checks that they agree.
 */

export const CRITERIA = ['directions', 'interests', 'requests', 'subjects', 'questionnaire', 'ageGap'] as const satisfies readonly (keyof MatchWeights)[];
export type Criterion = (typeof CRITERIA)[number];

/** Directions weigh most: they are what the pair will be reported under (004 items 21–22). */
export const defaultWeights: MatchWeights = {
  directions: 30,
  interests: 15,
  requests: 20,
  subjects: 15,
  questionnaire: 10,
  ageGap: 10,
};

/** A mean questionnaire gap of this many points (on the 1..10 scale) or more earns nothing. */
const RATING_GAP_ZERO = 4.5;

/**
 * Preferred mentor-minus-mentee gap per pair of kinds. Student–student follows the «lower level
 * (ступень) relative to the mentor» rule of 002 §3.1 with 2–6 grades as the band the contract
 * names; the others are near-peer bands (студент – ученик) or an experience gap (учитель – учитель).
 * Pairs of kinds not listed have no preference (the criterion does not apply).
 */
export type GapPreference = {
  form: string;
  mentorKinds: readonly string[];
  menteeKinds: readonly string[];
  /** Preferred grade gap, used when both persons have a grade. */
  grades?: readonly [min: number, max: number];
  /** Preferred age gap in years, used otherwise. */
  years: readonly [min: number, max: number];
  /** Points fade to zero over this many grades/years outside the band. */
  margin: number;
};

export const GAP_PREFERENCES: readonly GapPreference[] = [
  { form: 'ученик – ученик', mentorKinds: ['student'], menteeKinds: ['student'], grades: [2, 6], years: [2, 6], margin: 2 },
  { form: 'студент – ученик', mentorKinds: ['uni_student', 'graduate'], menteeKinds: ['student'], years: [3, 8], margin: 3 },
  { form: 'учитель – учитель', mentorKinds: ['teacher', 'veteran', 'head', 'uni_teacher'], menteeKinds: ['teacher'], years: [5, 30], margin: 5 },
  { form: 'работодатель – студент', mentorKinds: ['employer_rep'], menteeKinds: ['uni_student'], years: [5, 35], margin: 5 },
];

export type PairScore = { score: number; components: ScoreComponent[]; explanation: string };

export type WeightShares = Readonly<Record<Criterion, number>>;

/**
 * Integer shares of 100 proportional to the weights (largest remainder, ties in CRITERIA order), so
 * that the points of all criteria add up to at most 100 whatever scale the curator used.
 */
export function weightShares(weights: MatchWeights): WeightShares {
  for (const c of CRITERIA) {
    const w = weights[c];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new RangeError(`Вес критерия «${c}» должен быть неотрицательным числом, получено: ${String(w)}`);
    }
  }
  const total = CRITERIA.reduce((sum, c) => sum + weights[c], 0);
  const shares = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;
  if (total === 0) return shares;
  const exact = CRITERIA.map((c) => (weights[c] * 100) / total);
  let left = 100;
  CRITERIA.forEach((c, i) => {
    shares[c] = Math.floor(exact[i]);
    left -= shares[c];
  });
  const byRemainder = CRITERIA.map((c, i) => ({ c, r: exact[i] - Math.floor(exact[i]), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k++) shares[byRemainder[k].c] += 1;
  return shares;
}

// ---------------------------------------------------------------------------------------------
// Normalised view of a person, computed once per person (not once per pair).

/** A person normalised for scoring (lower-case tags, unique values, sorted questionnaire codes). */
export type PreparedPerson = {
  person: MatchPerson;
  directions: string[];
  interests: string[];
  requests: string[];
  subjects: string[];
  directionSet: ReadonlySet<string>;
  interestSet: ReadonlySet<string>;
  requestSet: ReadonlySet<string>;
  subjectSet: ReadonlySet<string>;
  ratingCodes: string[];
  ratingValues: number[];
  ratingMap: ReadonlyMap<string, number>;
};

const normTag = (s: string): string => s.trim().toLowerCase().replace(/ё/g, 'е');
const normCode = (s: string): string => s.trim().toUpperCase();

function unique(values: readonly string[] | undefined, norm: (s: string) => string): string[] {
  if (!values) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of values) {
    const v = norm(raw);
    if (v && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

export function prepare(person: MatchPerson): PreparedPerson {
  const directions = unique(person.directions, normCode);
  const interests = unique(person.interests, normTag);
  const requests = unique(person.requestTags, normTag);
  const subjects = unique(person.subjects, normTag);
  const ratingCodes: string[] = [];
  const ratingValues: number[] = [];
  for (const code of Object.keys(person.ratings ?? {}).sort()) {
    const value = person.ratings?.[code];
    if (typeof value === 'number' && Number.isFinite(value)) {
      ratingCodes.push(code);
      ratingValues.push(value);
    }
  }
  return {
    person,
    directions,
    interests,
    requests,
    subjects,
    directionSet: new Set(directions),
    interestSet: new Set(interests),
    requestSet: new Set(requests),
    subjectSet: new Set(subjects),
    ratingCodes,
    ratingValues,
    ratingMap: new Map(ratingCodes.map((c, i) => [c, ratingValues[i]])),
  };
}

// ---------------------------------------------------------------------------------------------
// The criteria as numbers. Both entry points go through these functions, so they cannot disagree.

const coveragePoints = (share: number, common: number, wanted: number): number => (wanted === 0 ? 0 : Math.round((share * common) / wanted));

type RatingGap = { questions: number; meanGap: number };

function ratingGap(mentor: PreparedPerson, mentee: PreparedPerson): RatingGap | null {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < mentee.ratingCodes.length; i++) {
    const other = mentor.ratingMap.get(mentee.ratingCodes[i]);
    if (other !== undefined) {
      n++;
      sum += Math.abs(other - mentee.ratingValues[i]);
    }
  }
  return n === 0 ? null : { questions: n, meanGap: sum / n };
}

const ratingPoints = (share: number, meanGap: number): number => Math.round(share * Math.max(0, 1 - meanGap / RATING_GAP_ZERO));

const preferences = new Map<string, Map<string, GapPreference | null>>();
function gapPreference(mentorKind: string, menteeKind: string): GapPreference | null {
  let byMentee = preferences.get(mentorKind);
  if (!byMentee) {
    byMentee = new Map();
    preferences.set(mentorKind, byMentee);
  }
  let pref = byMentee.get(menteeKind);
  if (pref === undefined) {
    pref = GAP_PREFERENCES.find((p) => p.mentorKinds.includes(mentorKind) && p.menteeKinds.includes(menteeKind)) ?? null;
    byMentee.set(menteeKind, pref);
  }
  return pref;
}

/** Grades are compared when the preference has a grade band and both grades are known, else ages. */
const usesGrades = (pref: GapPreference, mentor: MatchPerson, mentee: MatchPerson): boolean =>
  pref.grades !== undefined && mentor.grade != null && mentee.grade != null;

/** Share of the age-gap weight earned: 1 inside the band, fading to 0 over `margin`; -1 when the criterion does not apply. */
function ageFraction(mentor: MatchPerson, mentee: MatchPerson, pref: GapPreference | null): number {
  if (!pref) return -1;
  let gap: number;
  let band: readonly [number, number];
  if (usesGrades(pref, mentor, mentee)) {
    gap = (mentor.grade as number) - (mentee.grade as number);
    band = pref.grades as readonly [number, number];
  } else if (mentor.age != null && mentee.age != null) {
    gap = mentor.age - mentee.age;
    band = pref.years;
  } else {
    return -1;
  }
  const distance = gap < band[0] ? band[0] - gap : gap > band[1] ? gap - band[1] : 0;
  return distance === 0 ? 1 : Math.max(0, 1 - distance / (pref.margin + 1));
}

type AgeFit = { pref: GapPreference; unit: 'grades' | 'years'; gap: number; min: number; max: number; fraction: number };

function ageFit(mentor: MatchPerson, mentee: MatchPerson): AgeFit | null {
  const pref = gapPreference(mentor.kind, mentee.kind);
  const fraction = ageFraction(mentor, mentee, pref);
  if (!pref || fraction < 0) return null;
  const grades = usesGrades(pref, mentor, mentee);
  const [min, max] = grades ? (pref.grades as readonly [number, number]) : pref.years;
  const gap = grades ? (mentor.grade as number) - (mentee.grade as number) : (mentor.age as number) - (mentee.age as number);
  return { pref, unit: grades ? 'grades' : 'years', gap, min, max, fraction };
}

// ---------------------------------------------------------------------------------------------
// Fast path: numbers only. Values become bits over a vocabulary the scorer grows as it prepares
// persons, questionnaire codes become array slots; a pair is then a few popcounts and a short loop.

/** A person prepared by a `Scorer`: the explained view plus bitsets and dense ratings. */
export type ScorerPerson = PreparedPerson & {
  readonly directionBits: Uint32Array;
  readonly interestBits: Uint32Array;
  readonly requestBits: Uint32Array;
  readonly subjectBits: Uint32Array;
  /** Questionnaire slots the person answered, in `ratingCodes` order, and the answers by slot (NaN = none). */
  readonly ratingSlots: Int32Array;
  readonly ratingBySlot: Float64Array;
};

export type Scorer = {
  prepare(person: MatchPerson): ScorerPerson;
  /** The same integer `scorePair(...).score` returns. */
  score(mentor: ScorerPerson, mentee: ScorerPerson): number;
};

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function commonBits(a: Uint32Array, b: Uint32Array): number {
  const len = a.length < b.length ? a.length : b.length;
  let n = 0;
  for (let w = 0; w < len; w++) n += popcount(a[w] & b[w]);
  return n;
}

function slotOf(vocabulary: Map<string, number>, value: string): number {
  let slot = vocabulary.get(value);
  if (slot === undefined) {
    slot = vocabulary.size;
    vocabulary.set(value, slot);
  }
  return slot;
}

function bitsOf(values: readonly string[], vocabulary: Map<string, number>): Uint32Array {
  const slots = values.map((v) => slotOf(vocabulary, v));
  const bits = new Uint32Array(slots.length ? (Math.max(...slots) >> 5) + 1 : 0);
  for (const slot of slots) bits[slot >> 5] |= 1 << (slot & 31);
  return bits;
}

export function createScorer(weights: MatchWeights = defaultWeights): Scorer {
  const w = weightShares(weights);
  const vocabularies = { directions: new Map<string, number>(), interests: new Map<string, number>(), requests: new Map<string, number>(), subjects: new Map<string, number>() };
  const questions = new Map<string, number>();
  return {
    prepare(person) {
      const p = prepare(person);
      const ratingSlots = Int32Array.from(p.ratingCodes, (code) => slotOf(questions, code));
      const ratingBySlot = new Float64Array(ratingSlots.length ? Math.max(...ratingSlots) + 1 : 0).fill(NaN);
      ratingSlots.forEach((slot, k) => (ratingBySlot[slot] = p.ratingValues[k]));
      // Every field spelled out (no spread): one stable object shape keeps the hot loop monomorphic.
      return {
        person: p.person,
        directions: p.directions,
        interests: p.interests,
        requests: p.requests,
        subjects: p.subjects,
        directionSet: p.directionSet,
        interestSet: p.interestSet,
        requestSet: p.requestSet,
        subjectSet: p.subjectSet,
        ratingCodes: p.ratingCodes,
        ratingValues: p.ratingValues,
        ratingMap: p.ratingMap,
        directionBits: bitsOf(p.directions, vocabularies.directions),
        interestBits: bitsOf(p.interests, vocabularies.interests),
        requestBits: bitsOf(p.requests, vocabularies.requests),
        subjectBits: bitsOf(p.subjects, vocabularies.subjects),
        ratingSlots,
        ratingBySlot,
      };
    },
    score(mentor, mentee) {
      let total = 0;
      if (w.directions) total += coveragePoints(w.directions, commonBits(mentee.directionBits, mentor.directionBits), mentee.directions.length);
      if (w.interests) total += coveragePoints(w.interests, commonBits(mentee.interestBits, mentor.interestBits), mentee.interests.length);
      if (w.requests) total += coveragePoints(w.requests, commonBits(mentee.requestBits, mentor.requestBits), mentee.requests.length);
      if (w.subjects) total += coveragePoints(w.subjects, commonBits(mentee.subjectBits, mentor.subjectBits), mentee.subjects.length);
      if (w.questionnaire) {
        const slots = mentee.ratingSlots;
        const theirs = mentor.ratingBySlot;
        let n = 0;
        let sum = 0;
        for (let k = 0; k < slots.length; k++) {
          const slot = slots[k];
          if (slot < theirs.length) {
            const other = theirs[slot];
            if (other === other) {
              n++;
              sum += Math.abs(other - mentee.ratingValues[k]);
            }
          }
        }
        if (n > 0) total += ratingPoints(w.questionnaire, sum / n);
      }
      if (w.ageGap) {
        const fraction = ageFraction(mentor.person, mentee.person, gapPreference(mentor.person.kind, mentee.person.kind));
        if (fraction > 0) total += Math.round(w.ageGap * fraction);
      }
      return total;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Explained path: the same numbers with one Russian sentence per criterion.

type CoverageWords = { some: string; none: string; missing: string; label?: (v: string) => string };

const COVERAGE_WORDS: Record<'directions' | 'interests' | 'requests' | 'subjects', CoverageWords> = {
  directions: {
    some: 'Совпадают направления',
    none: 'Направления наставника и наставляемого не совпадают',
    missing: 'Наставник не указал направления',
    label: directionLabel,
  },
  interests: {
    some: 'Общие интересы',
    none: 'Общих интересов нет',
    missing: 'Наставник не указал интересы',
  },
  requests: {
    some: 'Запрос наставляемого совпадает с компетенциями наставника',
    none: 'Запрос наставляемого не совпадает с компетенциями наставника',
    missing: 'Наставник не указал компетенции',
  },
  subjects: {
    some: 'Общие предметы',
    none: 'Общих предметов нет',
    missing: 'Наставник не указал предметы',
  },
};

const plus = (points: number): string => `(+${points})`;

function coverageComponent(
  criterion: 'directions' | 'interests' | 'requests' | 'subjects',
  share: number,
  wanted: readonly string[],
  offered: ReadonlySet<string>,
): ScoreComponent | null {
  if (!share || wanted.length === 0) return null;
  const words = requiredValue(COVERAGE_WORDS, criterion);
  const common = wanted.filter((v) => offered.has(v));
  const points = coveragePoints(share, common.length, wanted.length);
  if (offered.size === 0) return { criterion, points, explanation: `${words.missing} ${plus(points)}.` };
  if (common.length === 0) return { criterion, points, explanation: `${words.none} ${plus(points)}.` };
  const names = listOf(common.map(words.label ?? ((v) => v)));
  const partial = common.length < wanted.length ? ` (${common.length} из ${wanted.length})` : '';
  return { criterion, points, explanation: `${words.some}: ${names}${partial} ${plus(points)}.` };
}

function questionnaireComponent(share: number, mentor: PreparedPerson, mentee: PreparedPerson): ScoreComponent | null {
  if (!share || mentee.ratingCodes.length === 0) return null;
  const gap = ratingGap(mentor, mentee);
  if (!gap) return null;
  const points = ratingPoints(share, gap.meanGap);
  const rounded = Math.round(gap.meanGap * 10) / 10;
  // Russian takes the genitive singular after a fraction: «1,5 балла», but «5 баллов».
  const pointsWord = Number.isInteger(rounded) ? plural(rounded, POINTS) : 'балла';
  const basis = `среднее расхождение ${decimal(rounded)} ${pointsWord} по ${gap.questions} ${plural(gap.questions, QUESTIONS_DATIVE)}`;
  const verdict = points > 0 ? 'Ответы анкет близки' : 'Ответы анкет расходятся';
  return { criterion: 'questionnaire', points, explanation: `${verdict}: ${basis} ${plus(points)}.` };
}

function ageGapComponent(share: number, mentor: MatchPerson, mentee: MatchPerson): ScoreComponent | null {
  if (!share) return null;
  const fit = ageFit(mentor, mentee);
  if (!fit) return null;
  const points = Math.round(share * fit.fraction);
  const units = fit.unit === 'grades' ? GRADES : YEARS;
  const band = `${fit.min}–${fit.max} ${plural(fit.max, units)}`;
  const form = `для формы «${fit.pref.form}»`;
  const abs = Math.abs(fit.gap);
  let fact: string;
  if (fit.unit === 'grades') {
    fact = fit.gap === 0 ? 'Наставник и наставляемый учатся в одной параллели' : `Наставник на ${abs} ${plural(abs, GRADES)} ${fit.gap > 0 ? 'старше' : 'младше'}`;
  } else {
    fact = fit.gap >= 0 ? `Разница в возрасте ${abs} ${plural(abs, YEARS)}` : `Наставник младше наставляемого на ${abs} ${plural(abs, YEARS)}`;
  }
  let verdict: string;
  if (fit.fraction === 1) verdict = `подходит ${form}`;
  else if (points > 0) {
    const subject = fit.unit === 'grades' ? 'разница ' : '';
    verdict = `${subject}${fit.gap < fit.min ? 'чуть меньше' : 'чуть больше'} рекомендуемой ${form} (${band})`;
  }
  else verdict = `вне рекомендуемого ${form} диапазона (${band})`;
  return { criterion: 'ageGap', points, explanation: `${fact} — ${verdict} ${plus(points)}.` };
}

/** Score of one pair with its components and a Russian explanation (sentences of the criteria that earned points). */
export function scorePair(mentor: MatchMentor | MatchPerson, mentee: MatchMentee, weights: MatchWeights = defaultWeights): PairScore {
  return explainPrepared(weightShares(weights), prepare(mentor), prepare(mentee));
}

/** Explanation for already prepared persons (the optimiser reuses its preparation). */
export function explainPrepared(w: WeightShares, mentor: PreparedPerson, mentee: PreparedPerson): PairScore {
  const components = [
    coverageComponent('directions', w.directions, mentee.directions, mentor.directionSet),
    coverageComponent('interests', w.interests, mentee.interests, mentor.interestSet),
    coverageComponent('requests', w.requests, mentee.requests, mentor.requestSet),
    coverageComponent('subjects', w.subjects, mentee.subjects, mentor.subjectSet),
    questionnaireComponent(w.questionnaire, mentor, mentee),
    ageGapComponent(w.ageGap, mentor.person, mentee.person),
  ].filter((c): c is ScoreComponent => c !== null);
  const score = components.reduce((sum, c) => sum + c.points, 0);
  const earned = components.filter((c) => c.points > 0).map((c) => c.explanation);
  const explanation = earned.length ? earned.join(' ') : 'Совпадений по критериям подбора нет (0 баллов).';
  return { score, components, explanation };
}

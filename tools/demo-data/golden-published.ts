/**
 * Seed 004's published figures, written out from SEEDS-DOMAIN §8.2–8.4 — not taken from the
 * fixture (`golden-mishkino.ts` builds the records from its own constants, so comparing with those
 * would let the fixture and the expectation drift together). `published` is the seed's text as
 * printed; `numerator`, `percent` (and `denominator` where the seed prints it) are the figures in
 * it. Where the seed prints no denominator, `population` is the fixture's synthetic population,
 * chosen inside the range the published percentage allows (§8.6 C8).
 */
export type PublishedFigure = { published: string; source: string; numerator: number; denominator?: number; percent?: number; population?: number };
export const PUBLISHED: Record<string, PublishedFigure> = {
  T1: { published: '55- 51%', source: '§8.2 G1 row 1', numerator: 55, percent: 51, population: 108 }, // 10–19-year-olds: 107–108
  T2: { published: '3-3 %', source: '§8.2 G1 row 2', numerator: 3, percent: 3, population: 90 }, // 15–19-year-olds: 86–120
  T3: { published: '33 из 59 – 56%', source: '§8.2 G1 row 3', numerator: 33, denominator: 59, percent: 56 },
  T4: { published: '8 из 12 – 67 %', source: '§8.2 G1 row 4', numerator: 8, denominator: 12, percent: 67 },
  M1: { published: '55 / 33 %', source: '§8.3 G2 item 7, students', numerator: 55, percent: 33, population: 167 }, // students: 165–169
  M2: { published: '4 /13%', source: '§8.3 G2 item 7, teachers', numerator: 4, percent: 13, population: 30 }, // teachers: 30–32
  M3: { published: '15/8%', source: '§8.3 G2 item 12', numerator: 15, percent: 8, population: 197 }, // students + teachers: 177–200
  M5: { published: '15/8 %', source: '§8.3 G2 item 16', numerator: 15, percent: 8, population: 197 },
  MENTORS: { published: 'всего – 15/8%', source: '§8.3 G2 item 12 (3 students + 12 teachers, §8.6 C6)', numerator: 15 },
  MENTEES: { published: '33 из 59', source: '§8.2 G1 row 3 (55 students + 4 teachers, §8.6 C3)', numerator: 59 },
};
/** §8.4 G3, items 21 and 22: first (organisational) and second (trial) meetings by direction; D05's blank second count is 0. */
export const PUBLISHED_MEETINGS: Record<'ORG' | 'TRIAL', Record<string, number>> = {
  ORG: { D01: 4, D02: 0, D03: 0, D04: 16, D05: 0, D06: 5, D07: 24, D08: 0, D09: 0, D10: 4, D11: 0 },
  TRIAL: { D01: 4, D02: 0, D03: 0, D04: 16, D05: 0, D06: 5, D07: 24, D08: 0, D09: 0, D10: 4, D11: 0 },
};

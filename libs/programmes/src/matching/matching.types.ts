/**
 * Contract of the matching engine (подбор наставнических пар): a pure function over a pool, no
 * database. The programmes service builds the pool from eligible participants (valid consent,
 * in the right base), calls `suggestPairs`, and shows the result to the curator to accept.
 */

export type MatchPerson = {
  id: string;
  /** Display name for explanations (never logged). */
  name: string;
  /** Participant kind: student, teacher, uni_student, employer_rep, graduate, … */
  kind: string;
  /** Age in whole years at the programme start, when known. */
  age?: number;
  /** School class (grade) number, for students. */
  grade?: number;
  /** Subject(s) taught or studied strongly. */
  subjects?: string[];
  /** Mentoring directions D01…D11 the person wants or offers. */
  directions?: string[];
  /** Interest areas (интеллектуальное, спортивное, волонтёрское, творческое, методическое…). */
  interests?: string[];
  /** Free-text request keywords (запрос наставляемого / компетенции наставника), normalised lower-case. */
  requestTags?: string[];
  /** Questionnaire answers (question code → 1..10 rating), used for compatibility. */
  ratings?: Record<string, number>;
};

export type MatchMentor = MatchPerson & { capacity: number };
export type MatchMentee = MatchPerson;

/** Hard rule of a form of mentoring: may this mentor take this mentee at all? Returns a Russian reason when not. */
export type HardRule = (mentor: MatchMentor, mentee: MatchMentee) => string | null;

export type MatchWeights = {
  directions: number;
  interests: number;
  requests: number;
  subjects: number;
  questionnaire: number;
  /** Preference for a reasonable age / grade gap (e.g. student–student: mentor older by 2–6 grades). */
  ageGap: number;
};

export type MatchInput = {
  mentors: MatchMentor[];
  mentees: MatchMentee[];
  rules: HardRule[];
  weights: MatchWeights;
};

export type ScoreComponent = { criterion: keyof MatchWeights; points: number; explanation: string };

export type SuggestedPair = {
  mentorId: string;
  menteeId: string;
  /** Total score, 0..100. */
  score: number;
  components: ScoreComponent[];
  /** Russian explanation of the score, one sentence per component that contributed. */
  explanation: string;
};

export type MatchResult = {
  pairs: SuggestedPair[];
  /** Mentees left without a mentor, with the Russian reason (no allowed mentor, capacity exhausted). */
  unmatched: { menteeId: string; reason: string }[];
  totalScore: number;
  algorithm: 'optimal' | 'greedy';
};

import type { MatchInput, MatchMentee, MatchMentor, MatchResult, SuggestedPair } from './matching.types';
import { MENTORS, plural } from './labels';
import { MinCostFlow } from './min-cost-flow';
import { type ScorerPerson, type WeightShares, createScorer, explainPrepared, weightShares } from './score';

/**
 * Matching engine (подбор наставнических пар, SEEDS-DOMAIN §4.2 stage 5): from a pool of mentors
 * with capacities and mentees, suggest pairs that
 *   1. break no hard rule of the form,
 *   2. keep every mentor within capacity,
 *   3. match as many mentees as possible, and among those assignments
 *   4. maximise the total compatibility score.
 * (3) before (4) is deliberate: a mentee left without a mentor costs more than a slightly better
 * pair elsewhere. The order falls out of min-cost MAXIMUM flow: every maximum flow routes the same
 * number of units, each through one mentee–mentor edge of cost 100 − score, so the cheapest of
 * them is the one with the highest total score.
 *
 * Scale: a regional pool (1,000 mentors × 4,000 mentees) has millions of allowed pairs. The rules
 * and scores of all pairs are computed once into a byte matrix; the flow, though, gets only a
 * candidate graph: each mentee's `candidatesPerMentee` best allowed mentors (by score, then mentor
 * id) and each mentor's best mentees. On that graph alone the result would be optimal only over the
 * candidates, so two certificates are checked against the FULL allowed graph:
 *   - cardinality: no augmenting path over all allowed pairs (Berge), else its pairs are added;
 *   - score: pricing with the flow's node potentials (the LP duals): no left-out pair has a
 *     negative reduced cost, else those pairs are added (column generation).
 * and the flow is solved again until both hold. The result is then the exact optimum of the full
 * graph, at the cost of a re-solve or two (docs/benchmarks-matching.md: same answer as the full
 * graph on every pool measured, several times faster at 5,000 people).
 *
 * Deterministic: persons are processed in id order (code-unit order, not locale), so the same pool
 * gives the same pairs whatever order the caller lists it in.
 */

export const DEFAULT_CANDIDATES_PER_MENTEE = 20;

export type SuggestOptions = {
  /** Best allowed mentors kept per mentee as flow edges; `Infinity` solves on the full allowed graph. */
  candidatesPerMentee?: number;
};

/** A pool the engine cannot work with (duplicate ids, negative capacity…); the message is for the curator. */
export class MatchingInputError extends Error {
  override readonly name = 'MatchingInputError';
}

/** Solver figures for benchmarks and logs. */
export type MatchStats = {
  allowedPairs: number;
  candidateEdges: number;
  flowPhases: number;
  /** Re-solves because the cardinality certificate found augmenting paths outside the candidate graph. */
  repairs: number;
  /** Re-solves because pricing found left-out pairs that could raise the total score. */
  pricingRounds: number;
  /** Wall time of the stages: rules and scores of all pairs, flow solves, certificates (pricing, augmenting paths). */
  ms: { score: number; solve: number; certify: number };
};

/** Left-out pairs within this reduced cost of violating are added with the violating ones (see pricedPairs). */
const PRICING_SLACK = 8;

/** Score matrix cell of a pair a hard rule forbids. */
const FORBIDDEN = 255;

type Pool = {
  mentors: MatchMentor[];
  mentees: MatchMentee[];
  preparedMentors: ScorerPerson[];
  preparedMentees: ScorerPerson[];
  shares: WeightShares;
  /** scores[i * mentors.length + j]: score of mentor j for mentee i, FORBIDDEN when a rule says no. */
  scores: Uint8Array;
  /** Allowed mentors per mentee (capacity ignored). */
  allowedCount: Int32Array;
  allowedPairs: number;
  input: MatchInput;
  /** Time spent on rules and scores. */
  scoreMs: number;
};

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function validate(input: MatchInput): void {
  if (!input || !Array.isArray(input.mentors) || !Array.isArray(input.mentees) || !Array.isArray(input.rules)) {
    throw new MatchingInputError('Пул для подбора пар должен содержать списки наставников, наставляемых и правил');
  }
  const seen = new Set<string>();
  for (const mentor of input.mentors) {
    if (typeof mentor.id !== 'string' || mentor.id === '') throw new MatchingInputError('У наставника не указан идентификатор');
    if (seen.has(mentor.id)) throw new MatchingInputError(`Наставник ${mentor.id} указан в пуле дважды`);
    seen.add(mentor.id);
    if (!Number.isInteger(mentor.capacity) || mentor.capacity < 0) {
      throw new MatchingInputError(`Нагрузка наставника ${mentor.id} должна быть целым неотрицательным числом, указано: ${String(mentor.capacity)}`);
    }
  }
  seen.clear();
  for (const mentee of input.mentees) {
    if (typeof mentee.id !== 'string' || mentee.id === '') throw new MatchingInputError('У наставляемого не указан идентификатор');
    if (seen.has(mentee.id)) throw new MatchingInputError(`Наставляемый ${mentee.id} указан в пуле дважды`);
    seen.add(mentee.id);
  }
  for (const rule of input.rules) {
    if (typeof rule !== 'function') throw new MatchingInputError('Каждое правило формы должно быть функцией');
  }
}

function buildPool(input: MatchInput): Pool {
  const started = performance.now();
  validate(input);
  let shares: WeightShares;
  try {
    shares = weightShares(input.weights);
  } catch (error) {
    throw new MatchingInputError((error as Error).message);
  }
  const scorer = createScorer(input.weights);
  const mentors = [...input.mentors].sort(byId);
  const mentees = [...input.mentees].sort(byId);
  const preparedMentors = mentors.map((m) => scorer.prepare(m));
  const preparedMentees = mentees.map((m) => scorer.prepare(m));
  const n = mentors.length;
  const scores = new Uint8Array(mentees.length * n);
  const allowedCount = new Int32Array(mentees.length);
  const rules = input.rules;
  let allowedPairs = 0;
  for (let i = 0; i < mentees.length; i++) {
    const mentee = mentees[i];
    const pe = preparedMentees[i];
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const mentor = mentors[j];
      let allowed = true;
      for (let r = 0; r < rules.length; r++) {
        if (rules[r](mentor, mentee) !== null) {
          allowed = false;
          break;
        }
      }
      if (allowed) {
        scores[row + j] = scorer.score(preparedMentors[j], pe);
        allowedCount[i]++;
      } else {
        scores[row + j] = FORBIDDEN;
      }
    }
    allowedPairs += allowedCount[i];
  }
  return { mentors, mentees, preparedMentors, preparedMentees, shares, scores, allowedCount, allowedPairs, input, scoreMs: performance.now() - started };
}

/** The result shape shared by both algorithms; `assign[i]` is the mentor index of mentee i or -1. */
function toResult(pool: Pool, assign: Int32Array, algorithm: MatchResult['algorithm']): MatchResult {
  const { mentors, mentees, scores } = pool;
  const n = mentors.length;
  const pairs: SuggestedPair[] = [];
  const unmatched: MatchResult['unmatched'] = [];
  let totalScore = 0;
  for (let i = 0; i < mentees.length; i++) {
    const j = assign[i];
    if (j < 0) {
      unmatched.push({ menteeId: mentees[i].id, reason: unmatchedReason(pool, i) });
      continue;
    }
    const explained = explainPrepared(pool.shares, pool.preparedMentors[j], pool.preparedMentees[i]);
    if (explained.score !== scores[i * n + j]) throw new Error(`score mismatch for ${mentors[j].id}/${mentees[i].id}`);
    totalScore += explained.score;
    pairs.push({ mentorId: mentors[j].id, menteeId: mentees[i].id, score: explained.score, components: explained.components, explanation: explained.explanation });
  }
  pairs.sort((a, b) => (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : a.menteeId < b.menteeId ? -1 : a.menteeId > b.menteeId ? 1 : 0));
  return { pairs, unmatched, totalScore, algorithm };
}

function unmatchedReason(pool: Pool, i: number): string {
  const { mentors, mentees, input } = pool;
  if (mentors.length === 0) return 'В пуле нет наставников';
  const allowed = pool.allowedCount[i];
  if (allowed > 0) {
    if (allowed === 1) return 'Единственный допустимый наставник уже набрал наставляемых до предела своей нагрузки';
    if (allowed === 2) return 'Оба допустимых наставника уже набрали наставляемых до предела своей нагрузки';
    return `Все ${allowed} допустимых ${plural(allowed, MENTORS)} уже набрали наставляемых до предела своей нагрузки`;
  }
  // Rare path (only for mentees nobody may take): ask the rules again to say why.
  const counts = new Map<string, number>();
  for (const mentor of mentors) {
    for (const rule of input.rules) {
      const reason = rule(mentor, mentees[i]);
      if (reason !== null) {
        counts.set(reason, (counts.get(reason) ?? 0) + 1);
        break;
      }
    }
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = top.slice(0, 2).map(([reason, count]) => `${reason} (${count} ${plural(count, MENTORS)})`);
  const rest = top.length - 2;
  const more = rest > 0 ? `; и еще ${rest} ${plural(rest, ['причина', 'причины', 'причин'])}` : '';
  return `Правила формы не допускают ни одного наставника из пула (${mentors.length}): ${shown.join('; ')}${more}`;
}

// ---------------------------------------------------------------------------------------------
// Greedy baseline.

function greedyAssign(pool: Pool): Int32Array {
  const { mentors, mentees, scores } = pool;
  const n = mentors.length;
  const m = mentees.length;
  const assign = new Int32Array(m).fill(-1);
  const left = Int32Array.from(mentors, (x) => x.capacity);
  // Counting sort of the allowed pairs by score (desc); within a score, mentee id then mentor id.
  const bucketSize = new Int32Array(102);
  for (let c = 0; c < scores.length; c++) if (scores[c] !== FORBIDDEN) bucketSize[100 - scores[c] + 1]++;
  for (let b = 1; b < 102; b++) bucketSize[b] += bucketSize[b - 1];
  const order = new Int32Array(pool.allowedPairs);
  for (let c = 0; c < scores.length; c++) if (scores[c] !== FORBIDDEN) order[bucketSize[100 - scores[c]]++] = c;
  for (let k = 0; k < order.length; k++) {
    const c = order[k];
    const i = (c / n) | 0;
    const j = c - i * n;
    if (assign[i] < 0 && left[j] > 0) {
      assign[i] = j;
      left[j]--;
    }
  }
  return assign;
}

/** Baseline: repeatedly take the best-scoring allowed pair whose mentor still has capacity. */
export function suggestPairsGreedy(input: MatchInput): MatchResult {
  const pool = buildPool(input);
  return toResult(pool, greedyAssign(pool), 'greedy');
}

// ---------------------------------------------------------------------------------------------
// Optimal assignment.

/** Best `k` allowed mentors with free capacity for mentee i: score desc, then mentor index (= id order). */
function topCandidates(pool: Pool, i: number, k: number, out: number[]): void {
  const { scores, mentors } = pool;
  const n = mentors.length;
  const row = i * n;
  out.length = 0;
  if (k >= n) {
    for (let j = 0; j < n; j++) if (scores[row + j] !== FORBIDDEN && mentors[j].capacity > 0) out.push(j);
    return;
  }
  const perScore = new Int32Array(101);
  for (let j = 0; j < n; j++) {
    const s = scores[row + j];
    if (s !== FORBIDDEN && mentors[j].capacity > 0) perScore[s]++;
  }
  // Lowest score that still makes the cut, and how many of that score fit.
  let taken = 0;
  let threshold = 100;
  for (; threshold >= 0; threshold--) {
    if (taken + perScore[threshold] >= k) break;
    taken += perScore[threshold];
  }
  let atThreshold = threshold >= 0 ? k - taken : 0;
  for (let j = 0; j < n; j++) {
    const s = scores[row + j];
    if (s === FORBIDDEN || mentors[j].capacity === 0 || s < threshold) continue;
    if (s === threshold) {
      if (atThreshold === 0) continue;
      atThreshold--;
    }
    out.push(j);
  }
}

type FlowSolution = {
  assign: Int32Array;
  phases: number;
  edges: number;
  /** Dual prices: node potentials of the mentees and mentors (see MinCostFlow.potential). */
  menteePot: Float64Array;
  mentorPot: Float64Array;
};

function solveFlow(pool: Pool, candidates: number[][]): FlowSolution {
  const { mentors, mentees, scores } = pool;
  const m = mentees.length;
  const n = mentors.length;
  const source = m + n;
  const sink = m + n + 1;
  let edges = 0;
  for (const list of candidates) edges += list.length;
  const graph = new MinCostFlow(m + n + 2, edges + m + n);
  for (let i = 0; i < m; i++) if (candidates[i].length) graph.addEdge(source, i, 1, 0);
  const pairEdge: Int32Array[] = [];
  for (let i = 0; i < m; i++) {
    const list = candidates[i];
    const ids = new Int32Array(list.length);
    for (let c = 0; c < list.length; c++) ids[c] = graph.addEdge(i, m + list[c], 1, 100 - scores[i * n + list[c]]);
    pairEdge.push(ids);
  }
  for (let j = 0; j < n; j++) if (mentors[j].capacity > 0) graph.addEdge(m + j, sink, mentors[j].capacity, 0);
  const { phases } = graph.solve(source, sink);
  const assign = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    const list = candidates[i];
    for (let c = 0; c < list.length; c++) {
      if (graph.flowOn(pairEdge[i][c]) > 0) {
        assign[i] = list[c];
        break;
      }
    }
  }
  const menteePot = Float64Array.from({ length: m }, (_, i) => graph.potential(i));
  const mentorPot = Float64Array.from({ length: n }, (_, j) => graph.potential(m + j));
  return { assign, phases, edges, menteePot, mentorPot };
}

/**
 * Pricing (as in column generation): the allowed pairs left out of the candidate graph whose edge
 * would have a negative reduced cost under the solution's potentials. None means no left-out pair
 * can improve the total: the potentials then prove the flow optimal on the FULL allowed graph
 * (complementary slackness), provided its cardinality is also maximum there.
 */
function pricedPairs(pool: Pool, inGraph: Uint8Array, solution: FlowSolution, slack: number): [number, number][] {
  const { scores, mentors, mentees } = pool;
  const n = mentors.length;
  const { menteePot, mentorPot } = solution;
  const violating: [number, number][] = [];
  const near: [number, number][] = [];
  for (let i = 0; i < mentees.length; i++) {
    const row = i * n;
    const pi = menteePot[i];
    for (let j = 0; j < n; j++) {
      const s = scores[row + j];
      if (s === FORBIDDEN || inGraph[row + j] || mentors[j].capacity === 0) continue;
      const reduced = 100 - s + pi - mentorPot[j];
      if (reduced < 0) violating.push([i, j]);
      else if (reduced < slack) near.push([i, j]);
    }
  }
  // Only violations decide whether to go on; the near-zero pairs come along because the next
  // solve's prices move a little and would turn some of them negative (one round instead of three).
  return violating.length ? violating.concat(near) : violating;
}

/**
 * Augmenting paths over ALL allowed pairs (not only candidates): a multi-source BFS from every
 * unmatched mentee, through mentors and back along current pairs, to a mentor with a free seat.
 * Returns the mentee–mentor pairs of vertex-disjoint paths found; none means the matching is of
 * maximum cardinality (Berge).
 */
function augmentingPairs(pool: Pool, assign: Int32Array): [number, number][] {
  const { mentors, mentees, scores } = pool;
  const m = mentees.length;
  const n = mentors.length;
  const load = new Int32Array(n);
  for (let i = 0; i < m; i++) if (assign[i] >= 0) load[assign[i]]++;
  const menteesOf: number[][] = mentors.map(() => []);
  for (let i = 0; i < m; i++) if (assign[i] >= 0) menteesOf[assign[i]].push(i);
  const mentorParent = new Int32Array(n).fill(-1); // mentee we reached the mentor from
  const menteeSeen = new Uint8Array(m);
  const mentorSeen = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < m; i++) {
    if (assign[i] < 0 && pool.allowedCount[i] > 0) {
      menteeSeen[i] = 1;
      queue.push(i);
    }
  }
  const freeReached: number[] = [];
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (mentorSeen[j] || scores[row + j] === FORBIDDEN || mentors[j].capacity === 0 || assign[i] === j) continue;
      mentorSeen[j] = 1;
      mentorParent[j] = i;
      if (load[j] < mentors[j].capacity) {
        freeReached.push(j);
        continue;
      }
      for (const next of menteesOf[j]) {
        if (!menteeSeen[next]) {
          menteeSeen[next] = 1;
          queue.push(next);
        }
      }
    }
  }
  // Walk back from each free mentor; keep the paths that share no mentee with an earlier one.
  const used = new Uint8Array(m);
  const pairs: [number, number][] = [];
  for (const free of freeReached) {
    const path: [number, number][] = [];
    let j = free;
    let clash = false;
    for (;;) {
      const i = mentorParent[j];
      if (used[i]) {
        clash = true;
        break;
      }
      path.push([i, j]);
      if (assign[i] < 0) break;
      j = assign[i];
    }
    if (clash) continue;
    for (const [i] of path) used[i] = 1;
    pairs.push(...path);
    // One seat per free mentor is certain; further paths may reuse its other free seats next round.
  }
  return pairs;
}

/**
 * Best `k` allowed mentees of every mentor (score desc, then mentee id). Added to the mentees' own
 * top-k lists so that a mentor nobody ranks high (a rare subject, a far grade) still has edges:
 * without them a pruned graph often misses the maximum number of matched mentees.
 */
function mentorSideCandidates(pool: Pool, k: number, candidates: number[][]): void {
  const { scores, mentors, mentees } = pool;
  const n = mentors.length;
  const m = mentees.length;
  const perScore = new Int32Array(n * 101);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const s = scores[row + j];
      if (s !== FORBIDDEN) perScore[j * 101 + s]++;
    }
  }
  const threshold = new Int32Array(n).fill(-1);
  const atThreshold = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    if (mentors[j].capacity === 0) continue;
    let taken = 0;
    let t = 100;
    for (; t >= 0; t--) {
      const c = perScore[j * 101 + t];
      if (taken + c >= k) break;
      taken += c;
    }
    threshold[j] = Math.max(t, 0);
    atThreshold[j] = t >= 0 ? k - taken : Number.MAX_SAFE_INTEGER;
  }
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const list = candidates[i];
    const own = new Set(list);
    for (let j = 0; j < n; j++) {
      const s = scores[row + j];
      if (s === FORBIDDEN || threshold[j] < 0 || s < threshold[j]) continue;
      if (s === threshold[j]) {
        if (atThreshold[j] === 0) continue;
        atThreshold[j]--;
      }
      if (!own.has(j)) list.push(j);
    }
  }
}

/**
 * For every unmatched mentee, its best `k` allowed mentors that still have a free seat: the short
 * augmenting paths, added in bulk so that a too-sparse candidate graph is repaired in one round.
 */
function freeSeatPairs(pool: Pool, assign: Int32Array, k: number): [number, number][] {
  const { scores, mentors, mentees } = pool;
  const n = mentors.length;
  const left = Int32Array.from(mentors, (x) => x.capacity);
  for (let i = 0; i < mentees.length; i++) if (assign[i] >= 0) left[assign[i]]--;
  const out: [number, number][] = [];
  const row: number[] = [];
  for (let i = 0; i < mentees.length; i++) {
    if (assign[i] >= 0 || pool.allowedCount[i] === 0) continue;
    row.length = 0;
    for (let j = 0; j < n; j++) if (left[j] > 0 && scores[i * n + j] !== FORBIDDEN) row.push(j);
    row.sort((a, b) => scores[i * n + b] - scores[i * n + a] || a - b);
    for (let c = 0; c < row.length && c < k; c++) out.push([i, row[c]]);
  }
  return out;
}

function optimalAssign(pool: Pool, options: SuggestOptions): { assign: Int32Array; stats: MatchStats } {
  const k = options.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE;
  if (!(k >= 1)) throw new MatchingInputError(`Число кандидатов на наставляемого должно быть не меньше 1, указано: ${k}`);
  const m = pool.mentees.length;
  const n = pool.mentors.length;
  const candidates: number[][] = [];
  let pruned = false;
  for (let i = 0; i < m; i++) {
    const list: number[] = [];
    topCandidates(pool, i, k, list);
    if (list.length < pool.allowedCount[i]) pruned = true;
    candidates.push(list);
  }
  if (pruned) mentorSideCandidates(pool, k, candidates);
  const inGraph = new Uint8Array(pruned ? m * n : 0);
  const addPairs = (pairs: [number, number][]): number => {
    let added = 0;
    for (const [i, j] of pairs) {
      if (!inGraph[i * n + j]) {
        inGraph[i * n + j] = 1;
        candidates[i].push(j);
        added++;
      }
    }
    return added;
  };
  if (pruned) candidates.forEach((list, i) => list.forEach((j) => (inGraph[i * n + j] = 1)));

  const ms = { score: pool.scoreMs, solve: 0, certify: 0 };
  let clock = performance.now();
  const lap = (stage: 'solve' | 'certify'): void => {
    const now = performance.now();
    ms[stage] += now - clock;
    clock = now;
  };
  let solved = solveFlow(pool, candidates);
  lap('solve');
  let phases = solved.phases;
  let repairs = 0;
  let pricingRounds = 0;
  // A full graph is solved exactly at once. A pruned one is grown until two certificates hold:
  // no augmenting path over all allowed pairs (cardinality) and no left-out pair with a negative
  // reduced cost (score). Each round adds edges the graph lacked, so the loop ends; in practice
  // after a round or two (docs/benchmarks-matching.md).
  while (pruned) {
    const augmenting = augmentingPairs(pool, solved.assign);
    let added: number;
    if (augmenting.length > 0) {
      repairs++;
      added = addPairs(augmenting) + addPairs(freeSeatPairs(pool, solved.assign, k));
    } else {
      const priced = pricedPairs(pool, inGraph, solved, PRICING_SLACK);
      lap('certify');
      if (priced.length === 0) break;
      pricingRounds++;
      added = addPairs(priced);
    }
    // Both certificates only ever report pairs outside the graph (a path or a negative reduced cost
    // inside it would contradict the solve); a round adding nothing would loop forever.
    if (added === 0) throw new Error('matching certificates added no edge: solver invariant broken');
    lap('certify');
    solved = solveFlow(pool, candidates);
    lap('solve');
    phases += solved.phases;
  }
  return {
    assign: solved.assign,
    stats: { allowedPairs: pool.allowedPairs, candidateEdges: solved.edges, flowPhases: phases, repairs, pricingRounds, ms },
  };
}

/** Optimal suggestion: most mentees matched, then the highest total score (see the file comment). */
export function suggestPairs(input: MatchInput, options: SuggestOptions = {}): MatchResult {
  return suggestPairsWithStats(input, options).result;
}

/** `suggestPairs` with solver figures (benchmarks, logs). */
export function suggestPairsWithStats(input: MatchInput, options: SuggestOptions = {}): { result: MatchResult; stats: MatchStats } {
  const pool = buildPool(input);
  const { assign, stats } = optimalAssign(pool, options);
  return { result: toResult(pool, assign, 'optimal'), stats };
}

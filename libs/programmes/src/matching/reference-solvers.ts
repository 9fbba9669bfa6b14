import type { MatchInput } from './matching.types';
import { scorePair } from './score';

/**
 * Independent exact solvers that check `suggestPairs` (specs, benchmark). They share nothing with
 * the engine but the contract and `scorePair`: no score matrix, no MinCostFlow, no pruning. Both
 * return the lexicographic optimum (matched mentees, then total score).
 */

export type Optimum = { matched: number; totalScore: number };

type Dense = { m: number; n: number; capacity: number[]; score: (number | null)[][] };

/** score[i][j]: the pair's score, or null when a hard rule forbids it. */
function dense(input: MatchInput): Dense {
  const m = input.mentees.length;
  const n = input.mentors.length;
  const score = input.mentees.map((mentee) =>
    input.mentors.map((mentor) => (input.rules.every((rule) => rule(mentor, mentee) === null) ? scorePair(mentor, mentee, input.weights).score : null)),
  );
  return { m, n, capacity: input.mentors.map((x) => x.capacity), score };
}

const better = (a: Optimum, b: Optimum): boolean => a.matched > b.matched || (a.matched === b.matched && a.totalScore > b.totalScore);

/** Every assignment (each mentee: nobody or an allowed mentor with a seat left). Tiny pools only. */
export function bruteForceOptimum(input: MatchInput): Optimum {
  const { m, n, capacity, score } = dense(input);
  if (m > 9) throw new RangeError('brute force is for pools of at most 9 mentees');
  const left = [...capacity];
  let best: Optimum = { matched: 0, totalScore: 0 };
  const visit = (i: number, matched: number, total: number): void => {
    if (i === m) {
      const here = { matched, totalScore: total };
      if (better(here, best)) best = here;
      return;
    }
    visit(i + 1, matched, total);
    for (let j = 0; j < n; j++) {
      const s = score[i][j];
      if (s === null || left[j] === 0) continue;
      left[j]--;
      visit(i + 1, matched + 1, total + s);
      left[j]++;
    }
  };
  visit(0, 0, 0);
  return best;
}

/**
 * Successive shortest paths with Bellman–Ford on the dense residual graph, each pair edge costing
 * −(BIG + score) so that one more matched mentee outweighs any score. O(m · (m + n)³)-ish: for
 * pools of up to a few dozen persons.
 */
export function bellmanFordOptimum(input: MatchInput): Optimum {
  const { m, n, capacity, score } = dense(input);
  const big = 101 * (m + 1);
  const source = m + n;
  const sink = m + n + 1;
  const nodes = m + n + 2;
  type Edge = { to: number; cap: number; cost: number; rev: number };
  const graph: Edge[][] = Array.from({ length: nodes }, () => []);
  const add = (u: number, v: number, cap: number, cost: number): void => {
    graph[u].push({ to: v, cap, cost, rev: graph[v].length });
    graph[v].push({ to: u, cap: 0, cost: -cost, rev: graph[u].length - 1 });
  };
  for (let i = 0; i < m; i++) add(source, i, 1, 0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (score[i][j] !== null) add(i, m + j, 1, -(big + (score[i][j] as number)));
  for (let j = 0; j < n; j++) add(m + j, sink, capacity[j], 0);
  let cost = 0;
  let matched = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const prev: ([number, number] | null)[] = new Array(nodes).fill(null);
    dist[source] = 0;
    for (let round = 0; round < nodes; round++) {
      let changed = false;
      for (let u = 0; u < nodes; u++) {
        if (dist[u] === Infinity) continue;
        graph[u].forEach((e, k) => {
          if (e.cap > 0 && dist[u] + e.cost < dist[e.to]) {
            dist[e.to] = dist[u] + e.cost;
            prev[e.to] = [u, k];
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    for (let v = sink; v !== source; ) {
      const [u, k] = prev[v] as [number, number];
      const e = graph[u][k];
      e.cap -= 1;
      graph[v][e.rev].cap += 1;
      v = u;
    }
    cost += dist[sink];
    matched++;
  }
  return { matched, totalScore: -cost - big * matched + 0 }; // + 0: no -0 for an empty pool
}

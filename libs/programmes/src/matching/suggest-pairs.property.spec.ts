import fc from 'fast-check';
import type { MatchResult } from './matching.types';
import { poolArb, shuffled, validityProblems } from './matching.arbitraries';
import { bellmanFordOptimum, bruteForceOptimum, type Optimum } from './reference-solvers';
import { suggestPairs, suggestPairsGreedy } from './suggest-pairs';

const optimumOf = (r: MatchResult): Optimum => ({ matched: r.pairs.length, totalScore: r.totalScore });

/** Lexicographic (matched, total) comparison: > 0 when a is better. */
const compare = (a: Optimum, b: Optimum): number => a.matched - b.matched || a.totalScore - b.totalScore;

describe('suggestPairs: properties on random pools', () => {
  it('tiny pools: equals the brute-force optimum; greedy never beats it; both results valid', () => {
    fc.assert(
      fc.property(poolArb({ maxMentors: 4, maxMentees: 7, size: 'max' }), ({ input }) => {
        const best = bruteForceOptimum(input);
        const optimal = suggestPairs(input);
        const greedy = suggestPairsGreedy(input);
        expect(optimumOf(optimal)).toEqual(best);
        // Pruned to one candidate per mentee: the certificates must still reach the optimum.
        expect(optimumOf(suggestPairs(input, { candidatesPerMentee: 1 }))).toEqual(best);
        expect(validityProblems(input, optimal)).toEqual([]);
        expect(validityProblems(input, greedy)).toEqual([]);
        expect(optimal.pairs.length).toBeGreaterThanOrEqual(greedy.pairs.length);
        expect(compare(optimumOf(optimal), optimumOf(greedy))).toBeGreaterThanOrEqual(0);
        if (optimal.pairs.length === greedy.pairs.length) expect(optimal.totalScore).toBeGreaterThanOrEqual(greedy.totalScore);
      }),
      { numRuns: 400 },
    );
  });

  it('medium pools: pruned and full graphs both reach the Bellman–Ford optimum', () => {
    fc.assert(
      fc.property(poolArb({ maxMentors: 9, maxMentees: 30, maxCapacity: 4, size: 'max' }), ({ input }) => {
        const best = bellmanFordOptimum(input);
        const full = suggestPairs(input, { candidatesPerMentee: Infinity });
        expect(optimumOf(full)).toEqual(best);
        for (const k of [1, 2, 3]) expect(optimumOf(suggestPairs(input, { candidatesPerMentee: k }))).toEqual(best);
        const optimal = suggestPairs(input);
        const greedy = suggestPairsGreedy(input);
        expect(validityProblems(input, optimal)).toEqual([]);
        expect(validityProblems(input, greedy)).toEqual([]);
        expect(compare(optimumOf(optimal), optimumOf(greedy))).toBeGreaterThanOrEqual(0);
        if (optimal.pairs.length === greedy.pairs.length) expect(optimal.totalScore).toBeGreaterThanOrEqual(greedy.totalScore);
      }),
      { numRuns: 150 },
    );
  });

  it('matches every mentee the rules allow when capacity suffices', () => {
    fc.assert(
      fc.property(poolArb({ maxMentors: 6, maxMentees: 25, size: 'max' }), fc.constantFrom(1, 3, 20), ({ input }, k) => {
        // Enough seats for everybody at every mentor with a seat at all.
        const roomy = { ...input, mentors: input.mentors.map((m) => ({ ...m, capacity: m.capacity && input.mentees.length })) };
        const result = suggestPairs(roomy, { candidatesPerMentee: k });
        const takeable = roomy.mentees.filter((e) => roomy.mentors.some((m) => m.capacity > 0 && roomy.rules.every((rule) => rule(m, e) === null)));
        expect(result.pairs.map((p) => p.menteeId).sort()).toEqual(takeable.map((e) => e.id).sort());
        expect(validityProblems(roomy, result)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same pool in any order gives the same result', () => {
    fc.assert(
      fc.property(poolArb({ maxMentors: 6, maxMentees: 15 }), fc.integer(), ({ input }, seed) => {
        const other = shuffled(input, seed);
        expect(suggestPairs(other)).toEqual(suggestPairs(input));
        expect(suggestPairs(other, { candidatesPerMentee: 2 })).toEqual(suggestPairs(input, { candidatesPerMentee: 2 }));
        expect(suggestPairsGreedy(other)).toEqual(suggestPairsGreedy(input));
      }),
      { numRuns: 150 },
    );
  });
});

import { MinCostFlow } from './min-cost-flow';

describe('MinCostFlow', () => {
  it('pushes the maximum flow at the least cost', () => {
    // s=0, a=1, b=2, t=3. Paths: s-b-t (2), s-a-b-t (3), s-a-t (5); all three are needed for flow 3.
    const g = new MinCostFlow(4);
    g.addEdge(0, 1, 2, 0);
    g.addEdge(0, 2, 1, 0);
    const at = g.addEdge(1, 3, 1, 5);
    g.addEdge(1, 2, 1, 1);
    g.addEdge(2, 3, 2, 2);
    expect(g.solve(0, 3)).toMatchObject({ flow: 3, cost: 10 });
    expect(g.flowOn(at)).toBe(1);
  });

  it('reroutes earlier flow along residual arcs when that is cheaper', () => {
    // Assignment u1,u2 → v1,v2: u1–v1 (1) is taken first, then undone for u1–v2 + u2–v1 (2 + 2).
    const g = new MinCostFlow(6);
    const [s, u1, u2, v1, v2, t] = [0, 1, 2, 3, 4, 5];
    g.addEdge(s, u1, 1, 0);
    g.addEdge(s, u2, 1, 0);
    const u1v1 = g.addEdge(u1, v1, 1, 1);
    const u1v2 = g.addEdge(u1, v2, 1, 2);
    const u2v1 = g.addEdge(u2, v1, 1, 2);
    const u2v2 = g.addEdge(u2, v2, 1, 100);
    g.addEdge(v1, t, 1, 0);
    g.addEdge(v2, t, 1, 0);
    expect(g.solve(s, t)).toMatchObject({ flow: 2, cost: 4 });
    expect([u1v1, u1v2, u2v1, u2v2].map((e) => g.flowOn(e))).toEqual([0, 1, 1, 0]);
    // Potentials certify optimality: no arc of the graph has a negative reduced cost with residual capacity.
    expect(1 + g.potential(u1) - g.potential(v1)).toBeGreaterThanOrEqual(0);
    expect(100 + g.potential(u2) - g.potential(v2)).toBeGreaterThanOrEqual(0);
  });

  it('handles an unreachable sink and rejects negative costs', () => {
    const g = new MinCostFlow(3);
    g.addEdge(0, 1, 5, 3);
    expect(g.solve(0, 2)).toMatchObject({ flow: 0, cost: 0 });
    expect(() => new MinCostFlow(2).addEdge(0, 1, 1, -1)).toThrow(RangeError);
    expect(() => g.addEdge(1, 2, 1, 0)).toThrow('already solved');
  });

  it('grows its edge arrays beyond the first estimate', () => {
    const n = 202;
    const g = new MinCostFlow(n, 1);
    for (let i = 1; i <= 100; i++) {
      g.addEdge(0, i, 1, 0);
      g.addEdge(i, 100 + i, 1, i % 7);
      g.addEdge(100 + i, n - 1, 1, 0);
    }
    const total = Array.from({ length: 100 }, (_, k) => (k + 1) % 7).reduce((a, b) => a + b, 0);
    expect(g.solve(0, n - 1)).toMatchObject({ flow: 100, cost: total });
  });
});

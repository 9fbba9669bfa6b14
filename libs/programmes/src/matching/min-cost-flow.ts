/**
 * Minimum-cost maximum flow for non-negative integer costs: the primal-dual method. Each phase runs
 * Dijkstra on reduced costs (Johnson potentials, stopped as soon as the sink is settled), lifts the
 * potentials so that every shortest path has zero reduced cost, then pushes blocking flows through
 * the zero-reduced-cost arcs with Dinic's level graph. The result is a maximum flow whose cost is
 * the least among all maximum flows (successive shortest paths; Ahuja, Magnanti, Orlin, «Network
 * Flows», ch. 9).
 *
 * Why phases: the matching graph has thousands of augmenting paths but only as many distinct
 * shortest-path lengths as there are distinct marginal scores (tens, costs are 0..100), so one
 * Dijkstra serves many augmentations.
 *
 * Layout: edges are collected, then frozen into CSR arrays (each node's residual arcs contiguous,
 * the twin of arc `a` at `rev[a]`), because the searches are bound by memory access, not arithmetic.
 */
export class MinCostFlow {
  private from: Int32Array;
  private to: Int32Array;
  private capacity: Int32Array;
  private cost: Int32Array;
  private edgeCount = 0;
  /** Arc of each edge after `solve` (for `flowOn`), and the residual capacities. */
  private forwardArc: Int32Array | null = null;
  private arcCap: Int32Array | null = null;
  private potentials: Float64Array | null = null;

  constructor(
    private readonly nodeCount: number,
    expectedEdges = 16,
  ) {
    const size = Math.max(1, expectedEdges);
    this.from = new Int32Array(size);
    this.to = new Int32Array(size);
    this.capacity = new Int32Array(size);
    this.cost = new Int32Array(size);
  }

  /** Adds a directed edge; returns its id for `flowOn`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (this.forwardArc) throw new Error('the flow is already solved');
    if (!Number.isInteger(cost) || cost < 0) throw new RangeError(`cost must be a non-negative integer, got ${cost}`);
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
    if (this.edgeCount === this.to.length) this.grow();
    const e = this.edgeCount++;
    this.from[e] = from;
    this.to[e] = to;
    this.capacity[e] = capacity;
    this.cost[e] = cost;
    return e;
  }

  flowOn(edge: number): number {
    if (!this.forwardArc || !this.arcCap) throw new Error('solve() first');
    return this.capacity[edge] - this.arcCap[this.forwardArc[edge]];
  }

  /**
   * Node potential after `solve`: every residual arc u→v has cost + π(u) − π(v) >= 0. An arc left
   * out of the graph with a negative value of that expression is the one that could improve the
   * flow (the pricing step of the matching engine uses this).
   */
  potential(node: number): number {
    if (!this.potentials) throw new Error('solve() first');
    return this.potentials[node];
  }

  /** Pushes the maximum flow from `source` to `sink` at the least cost. */
  solve(source: number, sink: number): { flow: number; cost: number; phases: number } {
    const n = this.nodeCount;
    const edges = this.edgeCount;
    const arcs = edges * 2;

    // Freeze into CSR: forward and residual arcs of a node side by side, in insertion order.
    const start = new Int32Array(n + 1);
    for (let e = 0; e < edges; e++) {
      start[this.from[e] + 1]++;
      start[this.to[e] + 1]++;
    }
    for (let v = 0; v < n; v++) start[v + 1] += start[v];
    const fill = start.slice(0, n);
    const head = new Int32Array(arcs);
    const cap = new Int32Array(arcs);
    const cost = new Int32Array(arcs);
    const rev = new Int32Array(arcs);
    const forwardArc = new Int32Array(edges);
    for (let e = 0; e < edges; e++) {
      const u = this.from[e];
      const v = this.to[e];
      const a = fill[u]++;
      const b = fill[v]++;
      head[a] = v;
      cap[a] = this.capacity[e];
      cost[a] = this.cost[e];
      rev[a] = b;
      head[b] = u;
      cap[b] = 0;
      cost[b] = -this.cost[e];
      rev[b] = a;
      forwardArc[e] = a;
    }
    this.forwardArc = forwardArc;
    this.arcCap = cap;
    const to = head;

    const pot = new Float64Array(n);
    this.potentials = pot;
    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const pathArcs = new Int32Array(n);
    const heap = new BinaryHeap(arcs + n);
    let flow = 0;
    let phases = 0;

    for (;;) {
      // Shortest distances from the source on reduced costs (all >= 0 by the potential invariant).
      dist.fill(Infinity);
      settled.fill(0);
      heap.clear();
      dist[source] = 0;
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (settled[u]) continue;
        settled[u] = 1;
        if (u === sink) break;
        const pu = pot[u];
        for (let a = start[u], end = start[u + 1]; a < end; a++) {
          if (cap[a] <= 0) continue;
          const v = to[a];
          if (settled[v]) continue;
          const nd = d + cost[a] + pu - pot[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      const reach = dist[sink];
      if (reach === Infinity) break;
      phases++;
      // Lifting by min(dist, reach) keeps every residual reduced cost >= 0, also for the nodes the
      // early stop left unsettled, and makes exactly the shortest source–sink paths zero-cost.
      for (let v = 0; v < n; v++) pot[v] += dist[v] < reach ? dist[v] : reach;

      // Blocking flows on the zero-reduced-cost subgraph until the sink is cut off from it.
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = source;
        while (qh < qt) {
          const u = queue[qh++];
          const next = level[u] + 1;
          // Nothing beyond the sink's level can lie on a shortest augmenting path.
          if (level[sink] >= 0 && next > level[sink]) break;
          const pu = pot[u];
          for (let a = start[u], end = start[u + 1]; a < end; a++) {
            const v = to[a];
            if (level[v] < 0 && cap[a] > 0 && cost[a] + pu - pot[v] === 0) {
              level[v] = next;
              queue[qt++] = v;
            }
          }
        }
        if (level[sink] < 0) break;
        for (let v = 0; v < n; v++) iter[v] = start[v];
        // Iterative DFS (augmenting paths may alternate through many nodes: no recursion).
        let depth = 0;
        let u = source;
        for (;;) {
          if (u === sink) {
            let push = Infinity;
            for (let i = 0; i < depth; i++) if (cap[pathArcs[i]] < push) push = cap[pathArcs[i]];
            for (let i = 0; i < depth; i++) {
              cap[pathArcs[i]] -= push;
              cap[rev[pathArcs[i]]] += push;
            }
            flow += push;
            depth = 0;
            u = source;
            continue;
          }
          const end = start[u + 1];
          const want = level[u] + 1;
          const pu = pot[u];
          let a = iter[u];
          for (; a < end; a++) {
            const v = to[a];
            if (cap[a] > 0 && level[v] === want && cost[a] + pu - pot[v] === 0) break;
          }
          iter[u] = a;
          if (a < end) {
            pathArcs[depth++] = a;
            u = to[a];
            continue;
          }
          if (u === source) break;
          level[u] = -1; // dead end for the rest of this level graph
          const back = pathArcs[--depth];
          u = to[rev[back]];
          iter[u]++;
        }
      }
    }

    let total = 0;
    for (let e = 0; e < edges; e++) total += (this.capacity[e] - cap[forwardArc[e]]) * this.cost[e];
    return { flow, cost: total, phases };
  }

  private grow(): void {
    const size = this.to.length * 2;
    const grown = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.from = grown(this.from);
    this.to = grown(this.to);
    this.capacity = grown(this.capacity);
    this.cost = grown(this.cost);
  }
}

/** Min-heap of (key, node) with lazy deletion; capacity fixed up front. */
class BinaryHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity + 1);
    this.nodes = new Int32Array(capacity + 1);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const last = --this.size;
    if (last === 0) return top;
    const key = keys[last];
    const node = nodes[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}

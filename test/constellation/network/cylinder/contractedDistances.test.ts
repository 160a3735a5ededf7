/**
 * Σ size·size·hops over a contracted band graph (contractedDistances.ts) against Floyd–Warshall on the same graph
 * (an oracle that knows nothing of junctions and chains) and against hand figures.
 */
import { describe, expect, it } from 'vitest';
import { distanceSum, type Contracted } from '../../../../src/constellation/network/cylinder/contractedDistances.js';
import { createRng } from '../../../../src/base/rng.js';

/** Undirected graph in the contracted form (CSR) from an edge list. */
function graph(size: readonly number[], edges: readonly [number, number][]): Contracted {
  const M = size.length;
  const nbrs: number[][] = Array.from({ length: M }, () => []);
  for (const [u, v] of edges) {
    nbrs[u]!.push(v);
    nbrs[v]!.push(u);
  }
  const start = new Int32Array(M + 1);
  nbrs.forEach((n, u) => (start[u + 1] = start[u]! + n.length));
  return { size: Float64Array.from(size), start, adj: Int32Array.from(nbrs.flat()) };
}

/** Σ size·size·dist over ordered pairs by Floyd–Warshall: the oracle, independent of the chain decomposition. */
function floydSum(g: Contracted): number {
  const M = g.size.length;
  const d = Array.from({ length: M }, (_, i) => Array.from({ length: M }, (_, j) => (i === j ? 0 : Infinity)));
  for (let u = 0; u < M; u++) for (let e = g.start[u]!; e < g.start[u + 1]!; e++) d[u]![g.adj[e]!] = 1;
  for (let k = 0; k < M; k++)
    for (let i = 0; i < M; i++) for (let j = 0; j < M; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!);
  let t = 0;
  for (let i = 0; i < M; i++) for (let j = 0; j < M; j++) t += g.size[i]! * g.size[j]! * d[i]![j]!;
  return t;
}

describe('distanceSum (junctions and chains)', () => {
  it('a ring of 7 unit nodes (no junction): 7 · 2 · (1 + 2 + 3) = 84 (hand calculation)', () => {
    const ring = graph(
      [1, 1, 1, 1, 1, 1, 1],
      [0, 1, 2, 3, 4, 5, 6].map((i) => [i, (i + 1) % 7] as [number, number]),
    );
    expect(distanceSum(ring)).toBe(84);
  });
  it('a path 0–1–2 of sizes 2, 1, 3: 2·(2·1·1 + 2·3·2 + 1·3·1) = 34; two parts: Infinity (hand calculation)', () => {
    const path: [number, number][] = [
      [0, 1],
      [1, 2],
    ];
    expect(distanceSum(graph([2, 1, 3], path))).toBe(34);
    expect(distanceSum(graph([1, 1, 1, 1], [[0, 1]]))).toBe(Infinity);
  });
  it('equals Floyd–Warshall on random hubs joined by chains (2 in 3 of the 60 graphs connected)', () => {
    // shapes of a band's contracted graph: planes as chains between merged columns, chains sharing both ends,
    // loops back to one hub, dead ends, parallel chains of different lengths
    const rng = createRng(5);
    for (let t = 0; t < 60; t++) {
      const hubs = 1 + rng.int(4),
        size: number[] = [],
        edges: [number, number][] = [];
      for (let h = 0; h < hubs; h++) size.push(1 + rng.int(9));
      for (let c = 0, chains = 1 + rng.int(8); c < chains; c++) {
        let prev = rng.int(hubs);
        for (let k = 0, L = rng.int(7); k < L; k++) {
          size.push(1 + rng.int(3));
          edges.push([prev, size.length - 1]);
          prev = size.length - 1;
        }
        if (rng.next() < 0.85) {
          const end = rng.int(hubs);
          if (end !== prev && !edges.some(([a, b]) => (a === prev && b === end) || (a === end && b === prev)))
            edges.push([prev, end]);
        }
      }
      const g = graph(size, edges);
      expect(distanceSum(g)).toBe(floydSum(g));
    }
  });
  it('equals Floyd–Warshall on larger hub graphs: hub links, chains up to 30 long, a ring apart (80 graphs)', () => {
    // the junctions' distances come from a search over hubs with chains as long edges: lengths from 1 (a link between
    // hubs) to 31 in one graph, many paths of equal length, and a ring of its own that only the node count reveals
    const rng = createRng(17);
    let connected = 0;
    for (let t = 0; t < 80; t++) {
      const hubs = 2 + rng.int(14),
        size: number[] = [],
        edges: [number, number][] = [];
      const linked = (a: number, b: number) => edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
      for (let h = 0; h < hubs; h++) size.push(1 + rng.int(5));
      for (let h = 1; h < hubs; h++) if (rng.next() < 0.5) edges.push([rng.int(h), h]);
      for (let c = 0, chains = rng.int(12); c < chains; c++) {
        let prev = rng.int(hubs);
        for (let k = 0, L = rng.next() < 0.3 ? rng.int(31) : rng.int(4); k < L; k++) {
          size.push(1 + rng.int(4));
          edges.push([prev, size.length - 1]);
          prev = size.length - 1;
        }
        const end = rng.int(hubs);
        if (end !== prev && !linked(prev, end)) edges.push([prev, end]);
      }
      if (t % 8 === 7) {
        const first = size.length; // a ring of 3–5 nodes apart from the rest: Infinity
        for (let k = 0, n = 3 + rng.int(3); k < n; k++) {
          size.push(1);
          edges.push([first + k, first + ((k + 1) % n)]);
        }
      }
      const g = graph(size, edges);
      const expected = floydSum(g);
      if (Number.isFinite(expected)) connected++;
      expect(distanceSum(g)).toBe(expected);
    }
    expect(connected).toBeGreaterThan(20);
    expect(connected).toBeLessThan(70);
  });
  it('equals Floyd–Warshall on blocks repeated 2–5 times round a ring, given the repeats or not (90 graphs)', () => {
    // node u of repeat r is u + r·B: hubs, chains and links to the next repeat, as a band's contracted graph that
    // repeats round the ring; distanceSum(g, m) sums from one repeat and copies the other ends' rows, permuted
    const rng = createRng(23);
    let connected = 0;
    for (let t = 0; t < 90; t++) {
      const m = 2 + rng.int(4),
        hubs = 1 + rng.int(4),
        size: number[] = [],
        inside: [number, number][] = [],
        across: [number, number][] = [];
      for (let h = 0; h < hubs; h++) size.push(1 + rng.int(5));
      for (let c = 0, chains = rng.int(5); c < chains; c++) {
        let prev = rng.int(hubs);
        for (let k = 0, L = rng.int(6); k < L; k++) {
          size.push(1 + rng.int(3));
          inside.push([prev, size.length - 1]);
          prev = size.length - 1;
        }
        const end = rng.int(hubs);
        if (end !== prev && rng.next() < 0.7) inside.push([prev, end]);
      }
      const B = size.length;
      for (let k = 0, n = 1 + rng.int(3); k < n; k++) across.push([rng.int(B), rng.int(B)]); // u of r to v of r + 1
      const edges: [number, number][] = [];
      for (let r = 0; r < m; r++) {
        for (const [a, b] of inside) edges.push([a + r * B, b + r * B]);
        for (const [a, b] of across) edges.push([a + r * B, b + ((r + 1) % m) * B]);
      }
      const g = graph(Array.from({ length: m }, () => size).flat(), edges);
      const expected = floydSum(g);
      if (Number.isFinite(expected)) connected++;
      expect(distanceSum(g, m)).toBe(expected);
      expect(distanceSum(g, m + 1)).toBe(expected); // not a symmetry of g: checked and set aside
      expect(distanceSum(g)).toBe(expected);
    }
    expect(connected).toBeGreaterThan(30);
  });
});

describe('distanceSum (chains between the same ends)', () => {
  it('equals Floyd–Warshall on theta graphs: parallel chains of unequal length, a third hub, dead ends (60 graphs)', () => {
    // Hubs 0 and 1 joined by 2–5 chains of 1–40 nodes, hub 2 hanging off hub 0 by a chain or a link, and dead ends:
    // for the ends of one chain, the nodes of a parallel chain of another length are nearer one end up to a point and
    // the other beyond it (d_u − d_v changes along the chain), those off hub 2 keep one difference; heavy nodes (sizes
    // up to 50) weight both.
    const rng = createRng(31);
    for (let t = 0; t < 60; t++) {
      const size: number[] = [1 + rng.int(50), 1 + rng.int(50), 1 + rng.int(50)],
        edges: [number, number][] = [];
      const chain = (from: number, to: number | null, L: number): void => {
        let prev = from;
        for (let k = 0; k < L; k++) {
          size.push(1 + rng.int(50));
          edges.push([prev, size.length - 1]);
          prev = size.length - 1;
        }
        if (to !== null) edges.push([prev, to]);
      };
      for (let c = 0, n = 2 + rng.int(4); c < n; c++) chain(0, 1, 1 + rng.int(40));
      if (rng.next() < 0.5) edges.push([0, 2]);
      else chain(0, 2, 1 + rng.int(20));
      for (let c = 0, n = rng.int(3); c < n; c++) chain(rng.int(3), null, 1 + rng.int(10));
      const g = graph(size, edges);
      expect(distanceSum(g)).toBe(floydSum(g));
    }
  });
});

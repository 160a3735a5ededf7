import { describe, expect, it } from 'vitest';
import {
  bfsHops,
  buildAdjacency,
  dijkstraLatency,
  LatencyHeap,
  pathStatistics,
  percentile,
  SPEED_OF_LIGHT_m_s,
} from '../../../../src/constellation/network/graph/networkPaths.js';
import { SPEED_OF_LIGHT_m_s as C } from '../../../helpers/constants.js';

/** An edge whose latency is `s` seconds of light time. */
const e = (u: number, v: number, s: number, capacity_bps = 1) => ({ u, v, capacity_bps, length_m: s * C });

describe('path statistics (networkPaths.ts)', () => {
  it('the speed of light is the SI value', () => {
    expect(SPEED_OF_LIGHT_m_s).toBe(C);
  });

  it('adjacency: both directions of every link of positive capacity, no self-loops, latency + per-hop delay', () => {
    // 0–1 (1 s), 1–2 off (capacity 0), 2–2 self-loop, 0–2 (3 s); hop delay 0.5 s.
    const adj = buildAdjacency(3, [e(0, 1, 1), e(1, 2, 1, 0), e(2, 2, 1), e(0, 2, 3)], 0.5);
    expect([...adj.start]).toEqual([0, 2, 3, 4]);
    const nbrs = (v: number) =>
      Array.from({ length: adj.start[v + 1]! - adj.start[v]! }, (_, k) => [
        adj.to[adj.start[v]! + k],
        adj.latency_s[adj.start[v]! + k],
      ]);
    expect(nbrs(0)).toEqual([
      [1, 1.5],
      [2, 3.5],
    ]);
    expect(nbrs(1)).toEqual([[0, 1.5]]);
    expect(nbrs(2)).toEqual([[0, 3.5]]);
  });

  it('BFS from several origins: fewest hops to the nearest origin, −1 where unreachable', () => {
    // Path 0–1–2–3–4–5, node 6 alone; origins 0 and 5 (and 5 again).
    const edges = [0, 1, 2, 3, 4].map((i) => e(i, i + 1, 1));
    const adj = buildAdjacency(7, edges, 0);
    expect([...bfsHops(adj, [0, 5, 5])]).toEqual([0, 1, 2, 2, 1, 0, -1]);
    expect([...bfsHops(adj, [3])]).toEqual([3, 2, 1, 0, 1, 2, -1]);
  });

  it('BFS and Dijkstra read the neighbours of the node expanded, not those of the next one', () => {
    // Edges listed 1–3, 0–1, 3–2: node 1's first neighbour is 3, so its list starts right after node 0's. From 0:
    // 1 is 1 hop (1 s), 3 is 2 hops (1 + 2 s), 2 is 3 hops (+ 4 s).
    const adj = buildAdjacency(4, [e(1, 3, 2), e(0, 1, 1), e(3, 2, 4)], 0);
    expect([...bfsHops(adj, [0])]).toEqual([0, 1, 3, 2]);
    expect([...dijkstraLatency(adj, [0])]).toEqual([0, 1, 7, 3]);
  });

  it('the heap gives its entries back in ascending key order, through growth and interleaved pushes', () => {
    // 200 keys from a fixed linear congruential sequence (ties included), node = insertion index.
    const heap = new LatencyHeap(4);
    const keys: number[] = [];
    let x = 12345;
    const next = (): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % 50;
    };
    const popAll = (): number[] => {
      const out: number[] = [];
      while (heap.size > 0) {
        out.push(heap.key[0]!);
        expect(keys[heap.node[0]!]).toBe(heap.key[0]); // the node travels with its key
        heap.pop();
      }
      return out;
    };
    for (let i = 0; i < 200; i++) {
      keys.push(next());
      heap.push(keys[i]!, i);
    }
    const first = popAll();
    expect(first).toEqual([...keys].sort((a, b) => a - b));
    // Interleaved: push 3, pop 1, repeatedly; every pop is the least key present at that moment.
    const present: number[] = [];
    for (let i = 200; i < 500; i++) {
      keys.push(next());
      heap.push(keys[i]!, i);
      present.push(keys[i]!);
      if (i % 3 === 2) {
        const least = Math.min(...present);
        expect(heap.key[0]).toBe(least);
        present.splice(present.indexOf(least), 1);
        heap.pop();
      }
    }
    expect(popAll()).toEqual(present.sort((a, b) => a - b));
  });

  it('Dijkstra on a graph where one node improves every other: the heap grows past its first size', () => {
    // K20: 0–j of 100 − j s, i–j of 0.5·|i − j| s (j ≥ 1). The 0.5·|i − j| part is a metric, so the best path to j is
    // 0 → 19 → j: 81 + 0.5·(19 − j) s, below the direct 100 − j for every j < 19. Popping 19 improves the 18
    // others while their first entries are still queued: 36 entries in a heap first sized for 20.
    const edges = [];
    for (let j = 1; j < 20; j++) edges.push(e(0, j, 100 - j));
    for (let i = 1; i < 20; i++) for (let j = i + 1; j < 20; j++) edges.push(e(i, j, 0.5 * (j - i)));
    const d = dijkstraLatency(buildAdjacency(20, edges, 0), [0]);
    expect(d[0]).toBe(0);
    for (let j = 1; j < 20; j++) expect(d[j]).toBeCloseTo(81 + 0.5 * (19 - j), 9);
  });

  it('Dijkstra prefers the path of least latency over the one of fewest hops; Infinity where unreachable', () => {
    // 0–1–2–3 of 1 s each and a direct 0–3 of 5 s; node 4 alone. Hop delay 0.25 s: via the path 3.75 s, direct 5.25 s.
    const adj = buildAdjacency(5, [e(0, 1, 1), e(1, 2, 1), e(2, 3, 1), e(0, 3, 5)], 0.25);
    expect([...dijkstraLatency(adj, [0])]).toEqual([0, 1.25, 2.5, 3.75, Infinity]);
    expect([...dijkstraLatency(adj, [0, 3])]).toEqual([0, 1.25, 1.25, 0, Infinity]);
  });

  it('nearest-rank percentiles', () => {
    const ten = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(ten, 0.5)).toBe(5); // ⌈5⌉ = 5th
    expect(percentile(ten, 0.51)).toBe(6); // ⌈5.1⌉ = 6th
    expect(percentile(ten, 0.99)).toBe(10);
    expect(percentile(ten, 0)).toBe(1); // rank at least 1
    expect(percentile(ten, 1.5)).toBe(10); // rank at most n
    expect(percentile(new Float64Array(0), 0.5)).toBe(0);
  });

  it('statistics over the queries: unreachable pairs apart, latencies sorted before the percentiles', () => {
    // Path 0–1–2 with 1 s and 4 s links, node 3 alone. Queries: from 2 to {0, 1, 3}, from 0 to {1}.
    // Reachable: 2→0 (2 hops, 5 s), 2→1 (1 hop, 4 s), 0→1 (1 hop, 1 s); 2→3 unreachable.
    const adj = buildAdjacency(4, [e(0, 1, 1), e(1, 2, 4)], 0);
    const s = pathStatistics(
      adj,
      [
        { origins: [2], destinations: [0, 1, 3] },
        { origins: [0], destinations: [1] },
      ],
      7,
    );
    expect(s).toEqual({
      meanHops: 4 / 3,
      maxHops: 2,
      meanLatency_s: 10 / 3,
      p50Latency_s: 4, // 2nd of [1, 4, 5]
      p99Latency_s: 5,
      pairs: 3,
      unreachablePairs: 1,
      sampledSources: 2,
      sourceStride: 7,
    });
    // An origin listed among its own destinations counts as a pair at 0 hops, 0 s.
    const self = pathStatistics(adj, [{ origins: [0], destinations: [0, 1] }], 1);
    expect([self.pairs, self.unreachablePairs, self.meanHops, self.maxHops, self.meanLatency_s]).toEqual([
      2, 0, 0.5, 1, 0.5,
    ]);
    // Nothing reachable: means 0, not NaN.
    const none = pathStatistics(adj, [{ origins: [3], destinations: [0, 1] }], 1);
    expect([none.meanHops, none.meanLatency_s, none.p50Latency_s, none.pairs, none.unreachablePairs]).toEqual([
      0, 0, 0, 0, 2,
    ]);
  });
});

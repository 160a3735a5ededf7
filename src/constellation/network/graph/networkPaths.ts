/**
 * Path statistics of an ISL link graph: minimum hop counts (breadth-first search) and least-latency
 * paths (Dijkstra, 1959, with a binary heap; Cormen et al., Introduction to Algorithms, 3rd ed., §24.3)
 * over the (source, destination) pairs of a traffic pattern.
 *
 * Latency of a path = Σ length_m / c + hops × perHopDelay_s, c the speed of light in vacuum (free-space
 * optical links); the path is the one of least latency, which is not always the one of fewest hops.
 * Hop statistics use the fewest-hop path. Only links of positive capacity carry paths.
 *
 * Cost: one BFS plus one Dijkstra per sampled source, O(E log N) each. Large graphs are sampled
 * deterministically: every k-th source, k = ceil(sources / maxSources). Percentiles are nearest-rank.
 */
import { SPEED_OF_LIGHT_m_s } from '../../../base/constants.js';
import type { LinkEdge } from './networkCheck.js';

export { SPEED_OF_LIGHT_m_s };

/** Undirected adjacency in compressed rows: neighbours of v are `to[start[v]] … to[start[v+1]−1]`. */
export interface Adjacency {
  readonly nodes: number;
  readonly start: Int32Array;
  readonly to: Int32Array;
  /** Per-arc latency weight [s]: length / c + per-hop delay. */
  readonly latency_s: Float64Array;
}

export interface PathStatistics {
  readonly meanHops: number;
  readonly maxHops: number;
  readonly meanLatency_s: number;
  readonly p50Latency_s: number;
  readonly p99Latency_s: number;
  /** Reachable (source, destination) pairs the statistics cover. */
  readonly pairs: number;
  /** Pairs with no path (excluded from the statistics above). */
  readonly unreachablePairs: number;
  /** Sources actually searched (all of them when there are few). */
  readonly sampledSources: number;
  readonly sourceStride: number;
}

export function buildAdjacency(nodes: number, edges: readonly LinkEdge[], perHopDelay_s: number): Adjacency {
  const degree = new Int32Array(nodes + 1);
  for (const e of edges)
    if (e.capacity_bps > 0 && e.u !== e.v) {
      degree[e.u + 1]!++;
      degree[e.v + 1]!++;
    }
  for (let v = 0; v < nodes; v++) degree[v + 1]! += degree[v]!;
  const start = degree.slice();
  const fill = degree.slice(0, nodes);
  const to = new Int32Array(start[nodes]!);
  const latency_s = new Float64Array(start[nodes]!);
  for (const e of edges) {
    if (!(e.capacity_bps > 0) || e.u === e.v) continue;
    const w = e.length_m / SPEED_OF_LIGHT_m_s + perHopDelay_s;
    const a = fill[e.u]!++;
    to[a] = e.v;
    latency_s[a] = w;
    const b = fill[e.v]!++;
    to[b] = e.u;
    latency_s[b] = w;
  }
  return { nodes, start, to, latency_s };
}

/** Fewest hops from the given origins (multi-source BFS); −1 where unreachable. */
export function bfsHops(adj: Adjacency, origins: readonly number[]): Int32Array {
  const hops = new Int32Array(adj.nodes).fill(-1);
  const queue = new Int32Array(adj.nodes);
  let head = 0;
  let tail = 0;
  for (const o of origins)
    if (hops[o] === -1) {
      hops[o] = 0;
      queue[tail++] = o;
    }
  while (head < tail) {
    const v = queue[head++]!;
    for (let a = adj.start[v]!; a < adj.start[v + 1]!; a++) {
      const w = adj.to[a]!;
      if (hops[w] === -1) {
        hops[w] = hops[v]! + 1;
        queue[tail++] = w;
      }
    }
  }
  return hops;
}

/** Binary min-heap of (key, node) pairs, grown by doubling (exported for its tests). */
export class LatencyHeap {
  key: Float64Array;
  node: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.key = new Float64Array(Math.max(16, capacity));
    this.node = new Int32Array(this.key.length);
  }

  push(k: number, v: number): void {
    if (this.size === this.key.length) {
      const k2 = new Float64Array(this.size * 2);
      k2.set(this.key);
      this.key = k2;
      const n2 = new Int32Array(this.size * 2);
      n2.set(this.node);
      this.node = n2;
    }
    const heapKey = this.key;
    const heapNode = this.node;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent]! <= k) break;
      heapKey[i] = heapKey[parent]!;
      heapNode[i] = heapNode[parent]!;
      i = parent;
    }
    heapKey[i] = k;
    heapNode[i] = v;
  }

  /** Removes the top (least key) entry. */
  pop(): void {
    const heapKey = this.key;
    const heapNode = this.node;
    const size = --this.size;
    const k = heapKey[size]!;
    const v = heapNode[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapKey[c + 1]! < heapKey[c]!) c++;
      if (heapKey[c]! >= k) break;
      heapKey[i] = heapKey[c]!;
      heapNode[i] = heapNode[c]!;
      i = c;
    }
    heapKey[i] = k;
    heapNode[i] = v;
  }
}

/** Least latency [s] from the given origins (multi-source Dijkstra); Infinity where unreachable. */
export function dijkstraLatency(adj: Adjacency, origins: readonly number[]): Float64Array {
  const dist = new Float64Array(adj.nodes).fill(Infinity);
  // Binary heap of (key, node) with lazy deletion: stale entries are skipped when popped.
  const heap = new LatencyHeap(adj.nodes);
  for (const o of origins)
    if (dist[o] !== 0) {
      dist[o] = 0;
      heap.push(0, o);
    }
  while (heap.size > 0) {
    const d = heap.key[0]!;
    const v = heap.node[0]!;
    heap.pop();
    if (d > dist[v]!) continue;
    for (let a = adj.start[v]!; a < adj.start[v + 1]!; a++) {
      const w = adj.to[a]!;
      const nd = d + adj.latency_s[a]!;
      if (nd < dist[w]!) {
        dist[w] = nd;
        heap.push(nd, w);
      }
    }
  }
  return dist;
}

/** Nearest-rank percentile of an ascending-sorted array (0 when empty). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** One search origin set and the destinations whose hops/latency from it count. */
export interface PathQuery {
  readonly origins: readonly number[];
  readonly destinations: readonly number[];
}

/** Statistics over every (query, destination) pair; `queries` is already sampled by the caller. */
export function pathStatistics(adj: Adjacency, queries: readonly PathQuery[], sourceStride: number): PathStatistics {
  const latencies: number[] = [];
  let hopSum = 0;
  let maxHops = 0;
  let unreachable = 0;
  for (const q of queries) {
    const hops = bfsHops(adj, q.origins);
    const lat = dijkstraLatency(adj, q.origins);
    for (const d of q.destinations) {
      const h = hops[d]!;
      if (h < 0) {
        unreachable++;
        continue;
      }
      hopSum += h;
      if (h > maxHops) maxHops = h;
      latencies.push(lat[d]!);
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    ...reachedStatistics(hopSum, maxHops, sorted),
    pairs: sorted.length,
    unreachablePairs: unreachable,
    sampledSources: queries.length,
    sourceStride,
  };
}

/** Hop and latency summaries over the reached pairs: their hop sum, most hops and ascending latencies. */
function reachedStatistics(hopSum: number, maxHops: number, sorted: Float64Array) {
  const n = sorted.length;
  let latSum = 0;
  for (const l of sorted) latSum += l;
  return {
    meanHops: n > 0 ? hopSum / n : 0,
    maxHops,
    meanLatency_s: n > 0 ? latSum / n : 0,
    p50Latency_s: percentile(sorted, 0.5),
    p99Latency_s: percentile(sorted, 0.99),
  };
}

/** Ordered (source, destination) pairs sharing one fewest-hop count and one least latency. */
export interface PathRow {
  readonly hops: number;
  readonly latency_s: number;
  readonly pairs: number;
}

/**
 * Statistics over pairs given as rows (a closed form's classes of pairs): pair-weighted means, nearest-rank latency
 * percentiles over the pairs (as `percentile`); every source covered. `nodes`: the graph's, for the unreachable pairs.
 */
export function rowPathStatistics(rows: readonly PathRow[], nodes: number): PathStatistics {
  let pairs = 0,
    hopSum = 0,
    latSum = 0,
    maxHops = 0;
  for (const r of rows) {
    pairs += r.pairs;
    hopSum += r.hops * r.pairs;
    latSum += r.latency_s * r.pairs;
    if (r.pairs > 0) maxHops = Math.max(maxHops, r.hops);
  }
  const sorted = [...rows].sort((a, b) => a.latency_s - b.latency_s);
  const quantile = (q: number): number => {
    const rank = Math.min(pairs, Math.max(1, Math.ceil(q * pairs)));
    let seen = 0;
    for (const r of sorted) if ((seen += r.pairs) >= rank) return r.latency_s;
    return 0;
  };
  return {
    meanHops: pairs > 0 ? hopSum / pairs : 0,
    maxHops,
    meanLatency_s: pairs > 0 ? latSum / pairs : 0,
    p50Latency_s: quantile(0.5),
    p99Latency_s: quantile(0.99),
    pairs,
    unreachablePairs: nodes * (nodes - 1) - pairs,
    sampledSources: nodes,
    sourceStride: 1,
  };
}

/**
 * Statistics over every ordered pair of a vertex-transitive graph (every source sees the same destinations) from one
 * source's: `minHops[d]` (−1: unreachable) and `latency_s[d]` (Infinity: unreachable) over its N − 1 destinations.
 */
export function destinationPathStatistics(minHops: Int32Array, latency_s: Float64Array): PathStatistics {
  const n = minHops.length + 1;
  let hopSum = 0;
  let maxHops = 0;
  for (const h of minHops)
    if (h >= 0) {
      hopSum += h;
      maxHops = Math.max(maxHops, h);
    }
  const sorted = Float64Array.from(latency_s.filter(Number.isFinite)).sort();
  const reachable = sorted.length;
  return {
    ...reachedStatistics(hopSum, maxHops, sorted),
    pairs: n * reachable,
    unreachablePairs: n * (n - 1 - reachable),
    sampledSources: n, // every source is covered: all see the same distribution (vertex transitivity)
    sourceStride: 1,
  };
}

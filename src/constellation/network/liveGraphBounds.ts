/**
 * A bound pair on the maximum concurrent uniform all-to-all flow of a +Grid or mesh shell at one instant, computed on
 * the links that are up at that instant (capacity > 0): a feasible routing (lower bound) and an LP-duality bound on
 * the live graph's own hop distances (upper bound).
 *
 * Lower: four fewest-hop routings on the live graph — each ordered pair's unit demand split over all its fewest-hop
 * paths in equal shares (Brandes, J. Math. Sociol. 25(2) 163–177, 2001: one breadth-first search and one accumulation
 * per source give every arc's load), the demand through each node split over its predecessors' arcs in proportion to
 * their capacities, and the two shortest-path trees whose parents are each node's first and last predecessor — and the
 * best of their blends on a grid of weights. A routing is feasible at λ = min over arcs of capacity / load, so
 * λ·(N − 1) is achievable (Shahrokhi & Matula, J. ACM 37(2), 1990). Upper: weak duality with length 1 on every live
 * link and ∞ on those down, λ·Σ_{ordered pairs} hops(i, j) ≤ 2·Σ_links c_e (each link full duplex). A pair with no
 * live path gives 0 for both. Cost N·(N + 2E) per instant: callers bound it (`LIVE_GRAPH_MAX_WORK`).
 * Node v = q·S + s; links as torusInstant.ts numbers them (the seam (P−1, s)–(0, s+F), diagonals to slot s+1).
 * `conservativeInstant` folds the pair into a reduced model's instant and reports its lower bound.
 * Derivation, evidence and costs: docs/constellations.md §"Live-graph bounds".
 */
import type { InstantNetwork } from './networkSeries.js';
import { Memo } from '../memo.js';

export interface LiveGraphArrays {
  readonly planes: number;
  readonly satsPerPlane: number;
  readonly phasing: number;
  /** The last plane links to the first. */
  readonly seam: boolean;
  /** Capacity of cross-plane edge v (gap q = ⌊v/S⌋) [b/s], 0 while down. */
  readonly cross_bps: Float64Array;
  /** Capacity of in-plane edge v ((q, s)–(q, s+1)) [b/s]. */
  readonly inPlane_bps: Float64Array;
  /** Capacity of diagonal edge v ((q, s)–(q+1, s+1)) [b/s], or null (+Grid). */
  readonly diagonal_bps: Float64Array | null;
}

export interface LiveGraphBounds {
  /** Achievable rate per node [b/s]: the fewest-hop equal-split routing's. */
  readonly lower_bps: number;
  /** No routing does better [b/s]: the unit-length duality bound on the live links. */
  readonly upper_bps: number;
}

/**
 * Largest N·(N + 2E) spent on one instant's live-graph bounds: ~20 ms of one core at the cap (a 377-satellite mesh, a
 * 447-satellite +Grid), paid at every instant of every evaluation; larger shells keep their reduced models' bounds.
 */
export const LIVE_GRAPH_MAX_WORK = 1e6;

/** Work of the live-graph bounds of a shell of n satellites with `degree` links per satellite (4 +Grid, 6 mesh). */
export const liveGraphWork = (n: number, degree: number): number => n * (n + degree * n);

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** The live links (capacity > 0) as end arrays and capacities. */
function liveEdges(g: Readonly<LiveGraphArrays>): { u: Int32Array; v: Int32Array; c: Float64Array } {
  const { planes: P, satsPerPlane: S, phasing: F } = g;
  const u: number[] = [],
    v: number[] = [],
    c: number[] = [];
  const add = (a: number, b: number, cap: number): void => {
    if (!(cap > 0) || a === b) return;
    u.push(a);
    v.push(b);
    c.push(cap);
  };
  const gaps = g.seam ? P : P - 1;
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      const a = q * S + s;
      if (S >= 2) add(a, q * S + ((s + 1) % S), g.inPlane_bps[a]!);
      if (q >= gaps) continue;
      const end = (ds: number): number => (q < P - 1 ? (q + 1) * S + mod(s + ds, S) : mod(s + ds + F, S));
      add(a, end(0), g.cross_bps[a]!);
      if (g.diagonal_bps !== null) add(a, end(1), g.diagonal_bps[a]!);
    }
  return { u: Int32Array.from(u), v: Int32Array.from(v), c: Float64Array.from(c) };
}

/**
 * Compressed adjacency of the live links: neighbour, edge id and the arc from the neighbour into x per slot (arc 2e
 * runs u→v, 2e + 1 v→u), node x's slots start[x] … start[x+1]−1.
 */
function adjacency(
  N: number,
  u: Int32Array,
  v: Int32Array,
): { start: Int32Array; to: Int32Array; edge: Int32Array; arcIn: Int32Array } {
  const E = u.length;
  const start = new Int32Array(N + 1);
  for (let e = 0; e < E; e++) {
    start[u[e]! + 1]!++;
    start[v[e]! + 1]!++;
  }
  for (let x = 0; x < N; x++) start[x + 1]! += start[x]!;
  const fill = start.slice(0, N);
  const to = new Int32Array(2 * E),
    edge = new Int32Array(2 * E),
    arcIn = new Int32Array(2 * E);
  for (let e = 0; e < E; e++) {
    const a = fill[u[e]!]!++;
    to[a] = v[e]!;
    edge[a] = e;
    arcIn[a] = 2 * e + 1; // u's slot to v: the arc v→u
    const b = fill[v[e]!]!++;
    to[b] = u[e]!;
    edge[b] = e;
    arcIn[b] = 2 * e; // v's slot to u: the arc u→v
  }
  return { start, to, edge, arcIn };
}

/** Steps of the blend weights over the simplex of the four routings. */
const BLEND_STEPS = 8;

/**
 * The best rate of a blend Σ θᵢ·Lᵢ of four routings (loads per unit rate by arc, capacity per edge, both arcs), θ on a
 * grid of the simplex: every blend is a routing, so every value is achievable. A blend's rate is the least capacity /
 * load over the arcs, so a blend is set aside once one arc's quotient is at most the best so far (it cannot raise the
 * best): the arc that last bound is read first, and the pass stops there. An arc's quotient is taken only where
 * c ≤ λ·load (rounding is monotone: every quotient below λ is still taken), so the best is every arc's, to the bit.
 */
export function bestBlend(loads: readonly Float64Array[], c: Float64Array): number {
  const L0 = loads[0]!,
    L1 = loads[1]!,
    L2 = loads[2]!,
    L3 = loads[3]!;
  const arcs = 2 * c.length;
  let best = 0,
    bind = -1;
  const n = BLEND_STEPS;
  for (let a = 0; a <= n; a++)
    for (let b = 0; a + b <= n; b++)
      for (let d = 0; a + b + d <= n; d++) {
        const w0 = a / n,
          w1 = b / n,
          w2 = d / n,
          w3 = (n - a - b - d) / n;
        if (bind >= 0) {
          const l = w0 * L0[bind]! + w1 * L1[bind]! + w2 * L2[bind]! + w3 * L3[bind]!;
          if (l > 0 && c[bind >> 1]! / l <= best) continue;
        }
        let lambda = Infinity;
        for (let k = 0; k < arcs; k++) {
          const l = w0 * L0[k]! + w1 * L1[k]! + w2 * L2[k]! + w3 * L3[k]!;
          if (l > 0 && !(c[k >> 1]! > lambda * l)) {
            const q = c[k >> 1]! / l;
            if (q < lambda) {
              lambda = q;
              bind = k;
              if (lambda <= best) break;
            }
          }
        }
        if (Number.isFinite(lambda)) best = Math.max(best, lambda);
      }
  return best;
}

/** A source's search: BFS distances, order, path counts, and the flows each routing carries through each node. */
interface Search {
  readonly dist: Int32Array;
  readonly order: Int32Array;
  readonly sigma: Float64Array;
  readonly delta: Float64Array;
  readonly belowFirst: Float64Array;
  readonly belowLast: Float64Array;
  readonly through: Float64Array;
}

export interface LiveGraph {
  readonly c: Float64Array;
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly edge: Int32Array;
  /** Per slot k of node x: the arc from to[k] into x. */
  readonly arcIn: Int32Array;
}

/** Breadth-first search from src (distances, order, path counts); the number of nodes reached. */
function search(g: LiveGraph, w: Search, src: number): number {
  const { start, to } = g;
  const { dist, order, sigma } = w;
  dist.fill(-1);
  sigma.fill(0);
  dist[src] = 0;
  sigma[src] = 1;
  order[0] = src;
  let head = 0,
    tail = 1;
  while (head < tail) {
    const x = order[head++]!;
    const dx = dist[x]! + 1;
    for (let k = start[x]!; k < start[x + 1]!; k++) {
      const y = to[k]!;
      if (dist[y] === -1) {
        dist[y] = dx;
        order[tail++] = y;
      }
      if (dist[y] === dx) sigma[y]! += sigma[x]!;
    }
  }
  return tail;
}

/**
 * Adds one source's unit demands to every routing's arc loads (equal split, capacity split, first- and
 * last-predecessor trees), walking its nodes farthest first; returns the source's hop sum.
 */
function accumulate(g: LiveGraph, w: Search, loads: readonly Float64Array[]): number {
  const { c, start, to, edge, arcIn } = g;
  const { dist, order, sigma, delta, belowFirst, belowLast, through } = w;
  const [split, byCapacity, first, last] = loads as [Float64Array, Float64Array, Float64Array, Float64Array];
  delta.fill(0);
  belowFirst.fill(1);
  belowLast.fill(1);
  through.fill(1);
  let hops = 0;
  for (let i = order.length - 1; i > 0; i--) {
    const x0 = order[i]!;
    hops += dist[x0]!;
    const share = (1 + delta[x0]!) / sigma[x0]!;
    const dw = dist[x0]! - 1;
    let kFirst = -1,
      kLast = -1,
      cIn = 0;
    for (let k = start[x0]!; k < start[x0 + 1]!; k++) {
      const x = to[k]!;
      if (dist[x] !== dw) continue;
      if (kFirst < 0) kFirst = k;
      kLast = k;
      cIn += c[edge[k]!]!;
      const f = sigma[x]! * share;
      split[arcIn[k]!]! += f;
      delta[x]! += f;
    }
    // the demand through x0 arrives over its predecessors' arcs in proportion to their capacities
    for (let k = kFirst; k <= kLast; k++) {
      const x = to[k]!;
      if (dist[x] !== dw) continue;
      const f = (through[x0]! * c[edge[k]!]!) / cIn;
      byCapacity[arcIn[k]!]! += f;
      through[x]! += f;
    }
    const pf = to[kFirst]!,
      pl = to[kLast]!;
    first[arcIn[kFirst]!]! += belowFirst[x0]!;
    belowFirst[pf]! += belowFirst[x0]!;
    last[arcIn[kLast]!]! += belowLast[x0]!;
    belowLast[pl]! += belowLast[x0]!;
  }
  return hops;
}

/**
 * Bound pairs already computed, keyed by the whole input (its capacities bit for bit): an instant whose links equal an
 * earlier one's (a band whose links all run at the terminal's rate, the same shell in another design) gets the same
 * pair without the searches.
 */
const BOUNDS = new Memo<LiveGraphBounds>(256);

/** The input's bytes as a key (a shell's first P·S capacities of each class). */
function boundsKey(g: Readonly<LiveGraphArrays>): string {
  const n = g.planes * g.satsPerPlane;
  const bytes = (a: Float64Array | null): string =>
    a === null ? '-' : Buffer.from(a.buffer, a.byteOffset, 8 * Math.min(n, a.length)).toString('latin1');
  return `${g.planes}|${g.satsPerPlane}|${g.phasing}|${g.seam}|${bytes(g.cross_bps)}|${bytes(g.inPlane_bps)}|${bytes(g.diagonal_bps)}`;
}

/** The live links of an instant as a compressed adjacency with their capacities (downlinkRouting.ts routes on it). */
export function liveAdjacency(g: Readonly<LiveGraphArrays>): LiveGraph {
  const { u, v, c } = liveEdges(g);
  return { c, ...adjacency(g.planes * g.satsPerPlane, u, v) };
}

/** The bound pair of the instant's live graph (header). */
export function liveGraphBounds(g: Readonly<LiveGraphArrays>): LiveGraphBounds {
  return BOUNDS.get(boundsKey(g), () => computeBounds(g));
}

function computeBounds(g: Readonly<LiveGraphArrays>): LiveGraphBounds {
  const N = g.planes * g.satsPerPlane;
  if (N < 2) return { lower_bps: 0, upper_bps: 0 };
  const { u, v, c } = liveEdges(g);
  const E = c.length;
  const graph: LiveGraph = { c, ...adjacency(N, u, v) };
  // each routing's loads per unit demand on every ordered pair: [2e] on arc u→v, [2e + 1] on v→u
  const loads = Array.from({ length: 4 }, () => new Float64Array(2 * E));
  const f = (): Float64Array => new Float64Array(N);
  const w: Search = {
    dist: new Int32Array(N),
    order: new Int32Array(N),
    sigma: f(),
    delta: f(),
    belowFirst: f(),
    belowLast: f(),
    through: f(),
  };
  let hopSum = 0;
  for (let src = 0; src < N; src++) {
    if (search(graph, w, src) < N) return { lower_bps: 0, upper_bps: 0 };
    hopSum += accumulate(graph, w, loads);
  }
  let capacity = 0;
  for (let e = 0; e < E; e++) capacity += 2 * c[e]!;
  return { lower_bps: bestBlend(loads, c) * (N - 1), upper_bps: (capacity / hopSum) * (N - 1) };
}

/**
 * A reduced model's instant made conservative: where it is a bound pair ('bounds'), its lower bound raised to the best
 * of its own and the live graph's routings (a mesh's: with and without its
 * diagonals), its upper bound lowered to the
 * live graph's duality bound (shells within LIVE_GRAPH_MAX_WORK), and the rate it reports is the lower bound: an
 * achievable rate, never above a valid bound. An unknown lower bound (NaN) counts as 0.
 */
export function conservativeInstant(i: InstantNetwork, g: Readonly<LiveGraphArrays>): InstantNetwork {
  if (i.model !== 'bounds') return i;
  let lower = Number.isFinite(i.lowerBound_bps) ? i.lowerBound_bps : 0,
    upper = i.upperBound_bps;
  const n = g.planes * g.satsPerPlane;
  // a mesh also routes on its +Grid links alone (feasible on the mesh): adding the diagonals never lowers the figure
  if (lower < upper * (1 - 1e-9) && liveGraphWork(n, 4) <= LIVE_GRAPH_MAX_WORK) {
    const grid = liveGraphBounds(g.diagonal_bps === null ? g : { ...g, diagonal_bps: null });
    lower = Math.max(lower, grid.lower_bps);
    if (g.diagonal_bps === null) upper = Math.min(upper, grid.upper_bps);
  }
  if (g.diagonal_bps !== null && lower < upper * (1 - 1e-9) && liveGraphWork(n, 6) <= LIVE_GRAPH_MAX_WORK) {
    const live = liveGraphBounds(g);
    lower = Math.max(lower, live.lower_bps);
    upper = Math.min(upper, live.upper_bps);
  }
  lower = Math.min(lower, upper);
  return {
    sampleIndex: i.sampleIndex,
    model: i.model,
    throughputPerNode_bps: lower,
    lowerBound_bps: lower,
    upperBound_bps: upper,
    classes: i.classes,
  };
}

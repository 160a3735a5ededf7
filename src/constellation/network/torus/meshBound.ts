/**
 * Upper bound on the maximum concurrent uniform all-to-all flow of a Walker delta mesh shell (+Grid with diagonals
 * (q, s)–(q+1, s+1), seam (P−1, s)–(0, s+F+1)) from LP duality with one length per link class.
 *
 * Weak duality of concurrent flow (Shahrokhi & Matula, J. ACM 37(2), 1990): for any lengths w ≥ 0 on the links,
 * λ·Σ_{ordered pairs} dist_w(i, j) ≤ Σ_arcs c_a·w_a = 2·Σ_links c_e·w_e (each link carries c_e each way). With one
 * length w_k per class k the twisted torus with its diagonals is still a Cayley graph, so Σ_pairs dist_w = N·D₀(w),
 * D₀ the sum of the Dijkstra distances from node 0, and λ(N−1) ≤ 2(N−1)·Σ_k w_k·C_k / (N·D₀(w)), C_k the class's
 * capacity summed over its links at the instant. Every w gives a valid bound; D₀ is concave and piecewise linear in
 * w, and the least ratio is found by Kelley's cutting planes over the classes that carry capacity (a class with none
 * gets infinite length: its links are left out). Where every link of a class has the same capacity
 * the minimum is the LP's optimum (an optimal dual is class-uniform by the averaging argument of shellNetworkTorus.ts).
 * The cutting planes take any graph's pair distance sum (`classLengthBound_bps`; the open cylinder's: cylinderMesh.ts).
 * Validity: P ≥ 3 planes, S ≥ 3 slots, integer phasing F ≥ 0; class capacities ≥ 0.
 * Derivation, evidence and costs: docs/constellations.md §"Mesh shells".
 */
import { maxOf } from '../../../base/arrays.js';
import { LatencyHeap } from '../graph/networkPaths.js';

export interface MeshClassCapacities {
  /** Capacity summed over the class's links at the instant [b/s]. */
  readonly inPlane_bps: number;
  readonly crossPlane_bps: number;
  readonly diagonal_bps: number;
}

/** Neighbours of every node, 6 per node: in-plane ±1, cross-plane next/previous, diagonal next/previous. */
function meshNeighbours(P: number, S: number, F: number): Int32Array {
  const mod = (x: number, m: number): number => ((x % m) + m) % m;
  const nb = new Int32Array(6 * P * S);
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      const o = 6 * (q * S + s);
      nb[o] = q * S + mod(s + 1, S);
      nb[o + 1] = q * S + mod(s - 1, S);
      // next plane: slot s + ds (seam: s + ds + F of plane 0); previous plane: slot s − ds (seam: s − ds − F)
      for (let ds = 0; ds <= 1; ds++) {
        nb[o + 2 + 2 * ds] = q < P - 1 ? (q + 1) * S + mod(s + ds, S) : mod(s + ds + F, S);
        nb[o + 3 + 2 * ds] = q > 0 ? (q - 1) * S + mod(s - ds, S) : (P - 1) * S + mod(s - ds - F, S);
      }
    }
  return nb;
}

let lastShape = '';
let lastNeighbours: Int32Array = new Int32Array(0);

/**
 * Sum of the shortest-path lengths from node 0 with class lengths w (Infinity when some node is unreachable); the hops
 * of each class summed over those paths go to `hops` (in-plane, cross-plane, diagonal) when given.
 */
export function meshDistanceSum(
  P: number,
  S: number,
  F: number,
  w: readonly [number, number, number],
  hops?: Float64Array,
): number {
  const N = P * S;
  const shape = `${P}|${S}|${F}`;
  if (shape !== lastShape) {
    lastNeighbours = meshNeighbours(P, S, F);
    lastShape = shape;
  }
  const nb = lastNeighbours;
  hops?.fill(0);
  const len = Float64Array.of(w[0], w[0], w[1], w[1], w[2], w[2]);
  const dist = new Float64Array(N).fill(Infinity);
  const count = new Float64Array(3 * N); // hops of each class on the path found to each node
  const heap = new LatencyHeap(6 * N + 1); // lazy deletion: an entry per relaxation
  dist[0] = 0;
  heap.push(0, 0);
  let total = 0,
    reached = 0;
  while (heap.size > 0) {
    const v: number = heap.node[0]!,
      d0 = heap.key[0]!;
    heap.pop();
    if (d0 > dist[v]!) continue;
    total += d0;
    reached++;
    if (hops !== undefined) for (let k = 0; k < 3; k++) hops[k]! += count[3 * v + k]!;
    for (let k = 0, o: number = 6 * v; k < 6; k++) {
      const dk = d0 + len[k]!;
      const to = nb[o + k]!;
      if (!(dk < dist[to]!)) continue;
      dist[to] = dk;
      for (let m = 0; m < 3; m++) count[3 * to + m] = count[3 * v + m]! + (m === k >> 1 ? 1 : 0);
      heap.push(dk, to);
    }
  }
  return reached === N ? total : Infinity;
}

/**
 * The least over class lengths of the duality bound (header) as a rate per node [b/s]; 0 when disconnected.
 */
export function meshDualBound_bps(P: number, S: number, F: number, c: Readonly<MeshClassCapacities>): number {
  if (!(Number.isInteger(P) && P >= 3 && Number.isInteger(S) && S >= 3 && Number.isInteger(F) && F >= 0))
    throw new RangeError(`mesh bound needs planes ≥ 3, satsPerPlane ≥ 3 and an integer phasing ≥ 0`);
  const N = P * S;
  return classLengthBound_bps(N, c, (w, hops) => {
    const d = meshDistanceSum(P, S, F, w, hops);
    for (let k = 0; k < 3; k++) hops[k]! *= N;
    return N * d; // a Cayley graph: every node's distance sum is node 0's
  });
}

/**
 * Σ over ordered node pairs of the shortest-path lengths with class lengths w (in-plane, cross-plane, diagonal;
 * Infinity where a class is left out), Infinity when some pair is unreachable; each class's hops summed over those
 * paths into `hops`.
 */
export type PairDistanceSum = (w: readonly [number, number, number], hops: Float64Array) => number;

/**
 * The least over class lengths w of 2(N−1)·Σ_k w_k·C_k / Σ_pairs dist_w as a rate per node [b/s] (weak duality, header)
 * on any graph of N nodes whose pair distances `sum` gives; 0 when disconnected. Kelley's cutting planes: each
 * evaluation at w gives the classes' summed hops H (Σ dist(w') ≤ w'·H for every w', equality at w), so min c·w subject
 * to w·H_j ≥ 1 over the cuts found is a lower estimate of the least ratio and its solution the next w; the best ratio
 * evaluated is returned (a valid bound whatever the iterations), stopping when the two meet.
 */
export function classLengthBound_bps(N: number, c: Readonly<MeshClassCapacities>, sum: PairDistanceSum): number {
  const cap = [c.inPlane_bps, c.crossPlane_bps, c.diagonal_bps] as const;
  if (!cap.every((x) => Number.isFinite(x) && x >= 0)) throw new RangeError('class capacities must be finite and ≥ 0');
  const on = [0, 1, 2].filter((k) => cap[k]! > 0);
  if (on.length === 0) return 0;
  const cost = on.map((k) => 2 * (N - 1) * cap[k]!);
  const hops = new Float64Array(3);
  const cuts: number[][] = [];
  let best = Infinity;
  let x = on.map(() => 1 / on.length);
  for (let it = 0; it < MAX_CUTS; it++) {
    const w: [number, number, number] = [Infinity, Infinity, Infinity];
    on.forEach((k, i) => (w[k] = x[i]!));
    hops.fill(0);
    const d = sum(w, hops);
    if (!Number.isFinite(d)) return 0;
    if (d > 0) best = Math.min(best, dotOf(cost, x) / d);
    cuts.push(on.map((k) => hops[k]!));
    const next = leastCost(cost, cuts);
    if (next === null || best <= next.value * (1 + 1e-9)) break;
    x = next.w;
  }
  return best;
}

const MAX_CUTS = 60;
const dotOf = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);

/**
 * min c·w subject to h·w ≥ 1 for every cut h and w ≥ 0 (k ≤ 3 unknowns), by its vertices: every k of the rows tight,
 * solved by Cramer's rule, kept when feasible. Null when no vertex is feasible.
 */
function leastCost(c: readonly number[], cuts: readonly number[][]): { value: number; w: number[] } | null {
  const k = c.length;
  const rows = [
    ...cuts.map((h) => ({ a: h, b: 1 })),
    ...c.map((_, i) => ({ a: c.map((_, j) => (i === j ? 1 : 0)), b: 0 })),
  ];
  let best: { value: number; w: number[] } | null = null;
  const pick: number[] = [];
  const visit = (from: number): void => {
    if (pick.length === k) {
      const w = solve(
        pick.map((r) => rows[r]!.a),
        pick.map((r) => rows[r]!.b),
      );
      if (w === null || w.some((v) => v < -1e-12)) return;
      if (cuts.some((h) => dotOf(h, w) < 1 - 1e-9)) return;
      const value = dotOf(c, w);
      if (best === null || value < best.value) best = { value, w: w.map((v) => Math.max(0, v)) };
      return;
    }
    for (let r = from; r < rows.length; r++) {
      pick.push(r);
      visit(r + 1);
      pick.pop();
    }
  };
  visit(0);
  return best;
}

/** The solution of the k × k system A·w = b (k ≤ 3) by Cramer's rule; null when singular. */
function solve(A: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const det = (M: readonly (readonly number[])[]): number =>
    M.length === 1
      ? M[0]![0]!
      : M.length === 2
        ? M[0]![0]! * M[1]![1]! - M[0]![1]! * M[1]![0]!
        : M[0]![0]! * (M[1]![1]! * M[2]![2]! - M[1]![2]! * M[2]![1]!) -
          M[0]![1]! * (M[1]![0]! * M[2]![2]! - M[1]![2]! * M[2]![0]!) +
          M[0]![2]! * (M[1]![0]! * M[2]![1]! - M[1]![1]! * M[2]![0]!);
  const D = det(A);
  const scale = maxOf([...A.flat().map(Math.abs), 1]);
  if (Math.abs(D) <= 1e-12 * scale ** A.length) return null;
  return A.map((_, i) => det(A.map((row, r) => row.map((v, j) => (j === i ? b[r]! : v)))) / D);
}

/**
 * The reduced torus LP (torusLp.ts) solved in closed form: the same optimum as an LP solver, without one.
 *
 * With w_e = μ·t_e, t_e ∈ [0, a_e]: μ = min(U_c/x(t), U_i/y(t)), x(t) = b_x + Σ dCross_e·t_e,
 * y(t) = b_y − Σ dIn_e·t_e. The optimum lies on the greedy chain (steps in decreasing dIn/dCross, each used in full)
 * where x/U_c and y/U_i meet, or at the chain's start or end: the LP's only optimum (fractional knapsack with
 * distinct ratios; Dantzig, Oper. Res. 5(2), 266–288, 1957). It agrees with LP solvers to ~1e-7 of μ.
 * Validity: U_c > 0, U_i > 0 and b_x > 0; otherwise `closedFormTorusLp` returns null and the LP solver is used.
 * Derivation, evidence and costs: docs/constellations.md §"Torus LP in closed form".
 */
import type { HullStep } from './torusPathTypes.js';
import { LITTLE_ENDIAN } from '../../../base/endian.js';

export interface ClosedFormTorusLp {
  /** μ: per-node throughput over cap. */
  readonly mu: number;
  /** Row activities at the optimum: b_x·μ + Σ dCross·w (cross-plane) and b_y·μ − Σ dIn·w (in-plane). */
  readonly crossActivity: number;
  readonly inActivity: number;
  /** Per step (order of `steps`): w_e / (a_e·μ), in [0, 1]. */
  readonly stepUse: Float64Array;
}

export interface ClosedFormTorusLpParams {
  readonly steps: readonly HullStep[];
  readonly baseCrossHops: number;
  readonly baseInHops: number;
  /** N − 1: destinations of one source. */
  readonly destinations: number;
  /** Row bounds U_c = 2·capCross/cap and U_i = 2·capIn/cap. */
  readonly crossBound: number;
  readonly inBound: number;
}

/**
 * The greedy order of one steps list (decreasing dIn/dCross), found as far as a walk reads it: a walk stops after a few
 * tens of steps where a hull has ~1,000 (the study's). The quotients, each carrying its step's index in its low 16
 * mantissa bits (a positive double's bits order as its value), sit in a max-heap popped one step at a time; `order`
 * holds the steps popped so far. A popped quotient that agrees with the next in its other bits (then the rounding or
 * the index bits could reorder them), too many steps to index or a big-endian machine: the exact order (`heap` null).
 */
interface GreedyOrder {
  order: number[];
  heap: Float64Array | null;
  words: Uint32Array | null;
  size: number;
}

/**
 * Orders kept per steps array: the hull's steps are memoised per shape (torusPathTypes.ts), so every instant of a
 * shell and every design of its shape extends one order.
 */
const ORDERS = new WeakMap<readonly HullStep[], GreedyOrder>();

/** Steps a quotient's low 16 mantissa bits can index. */
const QUOTIENT_INDEX = 0x10000;

function greedyOrder(steps: readonly HullStep[]): GreedyOrder {
  let g = ORDERS.get(steps);
  if (g === undefined) {
    g = quotientHeap(steps);
    ORDERS.set(steps, g);
  }
  return g;
}

/** The steps' quotients with their indices in a max-heap (GreedyOrder), or the exact order where they cannot be. */
function quotientHeap(steps: readonly HullStep[]): GreedyOrder {
  const n = steps.length;
  // the heap reads a double's low word first in memory; on a big-endian platform the exact sort decides
  if (n > QUOTIENT_INDEX || !LITTLE_ENDIAN) return { order: exactOrder(steps), heap: null, words: null, size: 0 };
  const heap = new Float64Array(n);
  const words = new Uint32Array(heap.buffer); // little-endian: word 2i holds the low 32 mantissa bits of key i
  for (let i = 0; i < n; i++) {
    heap[i] = steps[i]!.dIn / steps[i]!.dCross;
    words[2 * i] = ((words[2 * i]! & 0xffff0000) | i) >>> 0;
  }
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(heap, i, n);
  return { order: [], heap, words, size: n };
}

/** Restores the max-heap below node i of heap[0 … n). */
function siftDown(heap: Float64Array, i: number, n: number): void {
  const x = heap[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && heap[c + 1]! > heap[c]!) c++;
    if (!(heap[c]! > x)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = x;
}

/** Index of the k-th step (k < steps.length) of the greedy order, the heap popped as far as k. */
function stepAt(g: GreedyOrder, steps: readonly HullStep[], k: number): number {
  while (g.order.length <= k) {
    const heap = g.heap!,
      words = g.words!;
    const lo = words[0]!,
      hi = words[1]!;
    const rest = --g.size;
    heap[0] = heap[rest]!;
    siftDown(heap, 0, rest);
    if (rest > 0 && words[1] === hi && (words[0]! ^ lo) >>> 16 === 0) {
      g.order = exactOrder(steps);
      g.heap = g.words = null;
    } else g.order.push(lo & 0xffff);
  }
  return g.order[k]!;
}

/** The decreasing order of dIn/dCross by exact integer cross products. */
function exactOrder(steps: readonly HullStep[]): number[] {
  return Array.from(steps.keys()).sort((i, j) => steps[j]!.dIn * steps[i]!.dCross - steps[i]!.dIn * steps[j]!.dCross);
}

/** The LP's optimum (header), or null outside the closed form's validity. */
export function closedFormTorusLp(p: Readonly<ClosedFormTorusLpParams>): ClosedFormTorusLp | null {
  const Uc = p.crossBound,
    Ui = p.inBound,
    m = p.destinations;
  let x = p.baseCrossHops / m,
    y = p.baseInHops / m;
  if (!(Uc > 0 && Ui > 0 && x > 0 && m > 0)) return null;
  const steps = p.steps;
  const order = greedyOrder(steps);
  const stepUse = new Float64Array(steps.length);
  for (let k = 0; k < steps.length; k++) {
    if (x / Uc >= y / Ui) break; // cross-plane hops bind: a further step only adds to them
    const e = stepAt(order, steps, k);
    const s = steps[e]!,
      a = s.count / m;
    const nx = x + s.dCross * a,
      ny = y - s.dIn * a;
    if (nx / Uc < ny / Ui) {
      stepUse[e] = 1;
      x = nx;
      y = ny;
      continue;
    }
    // The two classes meet inside this step: (x + dCross·τ)/U_c = (y − dIn·τ)/U_i.
    const tau = Math.min(a, Math.max(0, (y / Ui - x / Uc) / (s.dCross / Uc + s.dIn / Ui)));
    stepUse[e] = tau / a;
    x += s.dCross * tau;
    y -= s.dIn * tau;
    break;
  }
  const mu = Math.min(Uc / x, y > 0 ? Ui / y : Infinity);
  return { mu, crossActivity: mu * x, inActivity: mu * y, stepUse };
}

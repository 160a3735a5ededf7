/**
 * Simulated binary crossover (Deb & Agrawal 1995) exactly as pymoo 0.6.2 `cross_sbx`:
 * each variable is crossed with probability `probVar` (default 0.5) unless the parents are within
 * 1e-14 or the bounds coincide; the bounded spread factor uses beta = 1 + 2 (y1 - xl) / (y2 - y1)
 * for the lower child and 1 + 2 (xu - y2) / (y2 - y1) for the upper one with the same uniform draw;
 * the two children are exchanged with probability `probBin` (0.5, "exchange on"); results are
 * clipped to the bounds. Whether a mating is crossed at all (probability 0.9 for NSGA-II, 1.0 for
 * NSGA-III) is decided by the caller. Int variables are crossed as reals then rounded (pymoo
 * RoundingRepair); choice variables use uniform crossover (swap with probability 0.5).
 */
import type { Rng } from '../../src/base/rng.js';
import { powInt, root } from './fastPow.js';
import { KIND_CHOICE, KIND_REAL, type VariableLayout } from './layout.js';

export interface SbxParams {
  /** Distribution index eta (pymoo NSGA-II default 15, NSGA-III 30). */
  readonly eta: number;
  /** Per-variable crossover probability (pymoo `prob_var`, default 0.5). */
  readonly probVar: number;
  /** Probability of exchanging the two children of a variable (pymoo `prob_bin`, default 0.5). */
  readonly probBin: number;
}

const EPS = 1e-14;

function betaq(beta: number, rand: number, etaPlus1: number): number {
  const alpha = 2 - powInt(1 / beta, etaPlus1);
  if (rand <= 1 / alpha) return root(rand * alpha, etaPlus1);
  return root(1 / (2 - rand * alpha), etaPlus1);
}

/** Crosses parents p1, p2 into c1, c2 (preallocated, length n). */
export function sbxCrossover(
  layout: VariableLayout,
  p1: Float64Array,
  p2: Float64Array,
  c1: Float64Array,
  c2: Float64Array,
  params: SbxParams,
  rng: Rng,
): void {
  const n = layout.n;
  const etaPlus1 = params.eta + 1;
  const kinds = layout.kind;
  for (let i = 0; i < n; i++) {
    const a = p1[i]!;
    const b = p2[i]!;
    c1[i] = a;
    c2[i] = b;
    const kind = kinds[i]!;
    if (kind === KIND_CHOICE) {
      if (rng.next() < 0.5) {
        c1[i] = b;
        c2[i] = a;
      }
      continue;
    }
    if (!(rng.next() < params.probVar)) continue;
    const xl = layout.lower[i]!;
    const xu = layout.upper[i]!;
    if (Math.abs(a - b) <= EPS || xl === xu) continue;
    const y1 = a < b ? a : b;
    const y2 = a < b ? b : a;
    const delta = y2 - y1;
    const rand = rng.next();
    // both children's spread factors from one call site of betaq: with two, V8's inlining budget runs out
    // and a betaq left as a call returns its double boxed (a heap object per crossed variable)
    let v1 = 0;
    let v2 = 0;
    for (let side = 0; side < 2; side++) {
      const bq = betaq(1 + (2 * (side === 0 ? y1 - xl : xu - y2)) / delta, rand, etaPlus1);
      if (side === 0) v1 = 0.5 * (y1 + y2 - bq * delta);
      else v2 = 0.5 * (y1 + y2 + bq * delta);
    }
    if (rng.next() < params.probBin) {
      const t = v1;
      v1 = v2;
      v2 = t;
    }
    if (kind !== KIND_REAL) {
      v1 = Math.round(v1) + 0; // + 0 turns -0 into 0
      v2 = Math.round(v2) + 0;
    }
    c1[i] = v1 < xl ? xl : v1 > xu ? xu : v1;
    c2[i] = v2 < xl ? xl : v2 > xu ? xu : v2;
  }
}

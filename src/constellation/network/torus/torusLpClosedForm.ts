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
 * Step orders kept per steps array: the hull's steps are memoised per shape (torusPathTypes.ts), so every instant of a
 * shell and every design of its shape reads one sort.
 */
const ORDERS = new WeakMap<readonly HullStep[], readonly number[]>();

/**
 * Indices of `steps` in decreasing order of dIn/dCross (the greedy chain, header). The hull's directions are distinct
 * and primitive, so no two ratios are equal; their quotients (rounded monotonically) sort as the exact ratios do while
 * no two round alike (quotientOrder), else a sort on the exact cross products decides.
 */
function greedyOrder(steps: readonly HullStep[]): readonly number[] {
  let order = ORDERS.get(steps);
  if (order === undefined) {
    order = quotientOrder(steps) ?? exactOrder(steps);
    ORDERS.set(steps, order);
  }
  return order;
}

/** Steps a quotient's low 16 mantissa bits can index (quotientOrder). */
const QUOTIENT_INDEX = 0x10000;
/** Whether a double's low word comes first in memory (quotientOrder reads it so; else the exact sort decides). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The decreasing order of dIn/dCross by a native sort of the quotients, each carrying its step's index in its low 16
 * mantissa bits (a positive double's bits order as its value); null where two quotients agree in their other bits
 * (then the rounding or the index bits could reorder them) or there are too many steps to index.
 */
function quotientOrder(steps: readonly HullStep[]): number[] | null {
  const n = steps.length;
  if (n > QUOTIENT_INDEX || !LITTLE_ENDIAN) return null;
  const keys = new Float64Array(n);
  const words = new Uint32Array(keys.buffer); // little-endian: word 2i holds the low 32 mantissa bits of key i
  for (let i = 0; i < n; i++) {
    keys[i] = steps[i]!.dIn / steps[i]!.dCross;
    words[2 * i] = ((words[2 * i]! & 0xffff0000) | i) >>> 0;
  }
  keys.sort();
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    if (k > 0 && words[2 * k + 1] === words[2 * k - 1] && (words[2 * k]! ^ words[2 * k - 2]!) >>> 16 === 0) return null;
    order[n - 1 - k] = words[2 * k]! & 0xffff;
  }
  return order;
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
  for (const e of order) {
    if (x / Uc >= y / Ui) break; // cross-plane hops bind: a further step only adds to them
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

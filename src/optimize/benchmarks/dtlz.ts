/**
 * DTLZ family (reals in [0, 1], m objectives, n = m + k - 1 variables; the last k are the distance
 * variables x_M, optimal at 0.5, or 0 for DTLZ6/DTLZ7):
 * - DTLZ1–7: Deb, Thiele, Laumanns, Zitzler, "Scalable test problems for evolutionary multiobjective
 *   optimization", in Evolutionary Multiobjective Optimization, Springer 2005, §6 (eqs. for DTLZ1–DTLZ7; k = 5
 *   for DTLZ1, 10 for DTLZ2–6, 20 for DTLZ7). DTLZ5, DTLZ6: θ_1 = x_1 π/2, θ_i = π/(4(1+g)) (1 + 2 g x_i) for
 *   i = 2..m-1, then the DTLZ2 sphere mapping of θ; DTLZ5: g = Σ (x_i - 0.5)²; DTLZ6: g = Σ x_i^0.1.
 * - Inverted DTLZ1 (pymoo "dtlz1^-1", here `idtlz1`): Jain & Deb, "An evolutionary many-objective
 *   optimization algorithm using reference-point based nondominated sorting approach, part II",
 *   IEEE TEVC 18(4), 2014, §VI-A: f_i = 0.5 (1 + g) - f_i^DTLZ1.
 * - Scaled DTLZ1 / DTLZ2 (`sdtlz1`, `sdtlz2`): Deb & Jain, "… part I", IEEE TEVC 18(4), 2014, §VII-B:
 *   f_i multiplied by b^(i-1) with b = 10 for m <= 5, 3 for m <= 8, 2 for m <= 10, 1.2 beyond.
 * Validity: the DTLZ5/DTLZ6 reference fronts (the conventional degenerate curve) are exact for m <= 3 only.
 * Fronts, the choice of b and the DTLZ5/6 caveat: docs/algorithms.md §"DTLZ".
 */
import type { Evaluation, Problem } from '../types.js';
import {
  HALF_PI,
  checkObjectives,
  defaultPoints,
  objectivesSpec,
  ok,
  realVariables,
  simplexWeights,
  sphereSample,
  type FrontBounds,
  type SizeOptions,
} from './common.js';

export const DTLZ_NAMES = [
  'dtlz1',
  'dtlz2',
  'dtlz3',
  'dtlz4',
  'dtlz5',
  'dtlz6',
  'dtlz7',
  'idtlz1',
  'sdtlz1',
  'sdtlz2',
] as const;
export type DtlzName = (typeof DTLZ_NAMES)[number];

/** Default k (distance variables) per problem. */
export const DTLZ_K: Readonly<Record<DtlzName, number>> = {
  dtlz1: 5,
  dtlz2: 10,
  dtlz3: 10,
  dtlz4: 10,
  dtlz5: 10,
  dtlz6: 10,
  dtlz7: 20,
  idtlz1: 5,
  sdtlz1: 5,
  sdtlz2: 10,
};

/** The base DTLZ problems whose objective formulas `dtlzRaw` computes. */
export type DtlzBase = 'dtlz1' | 'dtlz2' | 'dtlz3' | 'dtlz4' | 'dtlz5' | 'dtlz6' | 'dtlz7';

/** Deb & Jain 2014 scale base for m objectives (see the header). */
export function dtlzScaleBase(m: number): number {
  return m <= 5 ? 10 : m <= 8 ? 3 : m <= 10 ? 2 : 1.2;
}

let thetaScratch = new Float64Array(16);

/** Raw DTLZ objectives into `f` (length m); returns g. */
export function dtlzRaw(base: DtlzBase, x: Float64Array, m: number, f: Float64Array): number {
  const n = x.length;
  const k = n - m + 1;
  let g = 0;
  if (base === 'dtlz1' || base === 'dtlz3') {
    for (let i = m - 1; i < n; i++) {
      const d = x[i]! - 0.5;
      g += d * d - Math.cos(20 * Math.PI * d);
    }
    g = 100 * (k + g);
  } else if (base === 'dtlz7') {
    for (let i = m - 1; i < n; i++) g += x[i]!;
    g = 1 + (9 / k) * g;
  } else if (base === 'dtlz6') {
    for (let i = m - 1; i < n; i++) g += Math.pow(x[i]!, 0.1);
  } else {
    for (let i = m - 1; i < n; i++) {
      const d = x[i]! - 0.5;
      g += d * d;
    }
  }
  if (base === 'dtlz1') {
    for (let i = 0; i < m; i++) {
      let v = 0.5 * (1 + g);
      for (let j = 0; j < m - 1 - i; j++) v *= x[j]!;
      if (i > 0) v *= 1 - x[m - 1 - i]!;
      f[i] = v;
    }
  } else if (base === 'dtlz7') {
    let h = m;
    for (let i = 0; i < m - 1; i++) {
      f[i] = x[i]!;
      h -= (x[i]! / (1 + g)) * (1 + Math.sin(3 * Math.PI * x[i]!));
    }
    f[m - 1] = (1 + g) * h;
  } else {
    // angles θ_j in units of π/2, in a reused buffer (a fresh array per evaluation was a large share of a DTLZ run's
    // garbage)
    if (thetaScratch.length < m - 1) thetaScratch = new Float64Array(m - 1);
    const theta = thetaScratch;
    for (let j = 0; j < m - 1; j++) {
      if (base === 'dtlz4') theta[j] = Math.pow(x[j]!, 100);
      else if ((base === 'dtlz5' || base === 'dtlz6') && j > 0) theta[j] = (1 + 2 * g * x[j]!) / (2 * (1 + g));
      else theta[j] = x[j]!;
    }
    for (let i = 0; i < m; i++) {
      let v = 1 + g;
      for (let j = 0; j < m - 1 - i; j++) v *= Math.cos(theta[j]! * HALF_PI);
      if (i > 0) v *= Math.sin(theta[m - 1 - i]! * HALF_PI);
      f[i] = v;
    }
  }
  return g;
}

export function createDtlz(name: DtlzName, options: SizeOptions): Problem {
  const m = options.objectives ?? 3;
  checkObjectives(name, m);
  const n = options.variables ?? m + DTLZ_K[name] - 1;
  if (!Number.isInteger(n) || n < m)
    throw new RangeError(`${name} with ${m} objectives needs at least ${m} variables, got ${n}`);
  const base: DtlzBase = name === 'idtlz1' || name === 'sdtlz1' ? 'dtlz1' : name === 'sdtlz2' ? 'dtlz2' : name;
  const scale = new Float64Array(m).fill(1);
  if (name === 'sdtlz1' || name === 'sdtlz2') for (let i = 0; i < m; i++) scale[i] = Math.pow(dtlzScaleBase(m), i);
  const evaluate = (x: Float64Array): Evaluation => {
    const f = new Float64Array(m);
    const g = dtlzRaw(base, x, m, f);
    if (name === 'idtlz1') for (let i = 0; i < m; i++) f[i] = 0.5 * (1 + g) - f[i]!;
    else for (let i = 0; i < m; i++) f[i] = f[i]! * scale[i]!;
    return ok(f);
  };
  return { name, variables: realVariables(n, () => [0, 1]), objectives: objectivesSpec(m), constraints: [], evaluate };
}

/** The degenerate DTLZ5/6 curve: θ_1 = t π/2, θ_j = π/4 (j >= 2), on the unit sphere. */
function degenerateCurve(m: number, t: number): Float64Array {
  const theta = new Float64Array(m - 1).fill(0.5);
  theta[0] = t;
  const f = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let v = 1;
    for (let j = 0; j < m - 1 - i; j++) v *= Math.cos(theta[j]! * HALF_PI);
    if (i > 0) v *= Math.sin(theta[m - 1 - i]! * HALF_PI);
    f[i] = v;
  }
  return f;
}

/** Fronts of the DTLZ variants added here (DTLZ1–4/7 are in ../benchmarkFronts.ts). */
export function dtlzVariantFront(
  name: 'dtlz5' | 'dtlz6' | 'idtlz1' | 'sdtlz1' | 'sdtlz2',
  m: number,
  points?: number,
): Float64Array[] {
  checkObjectives(name, m);
  const count = defaultPoints(m, points);
  switch (name) {
    case 'dtlz5':
    case 'dtlz6': {
      const n = points ?? 1000;
      const out: Float64Array[] = [];
      for (let i = 0; i < n; i++) out.push(degenerateCurve(m, n === 1 ? 0 : i / (n - 1)));
      return out;
    }
    case 'idtlz1':
      return simplexWeights(m, count).map((w) => w.map((v) => 0.5 * (1 - v)));
    case 'sdtlz1': {
      const b = dtlzScaleBase(m);
      return simplexWeights(m, count).map((w) => w.map((v, i) => 0.5 * v * Math.pow(b, i)));
    }
    case 'sdtlz2': {
      const b = dtlzScaleBase(m);
      return sphereSample(m, count).map((w) => w.map((v, i) => v * Math.pow(b, i)));
    }
  }
}

/** Ideal and nadir of the scaled fronts (others lie in [0, 1]^m: null). */
export function dtlzNormalization(name: string, m: number): FrontBounds | null {
  if (name !== 'sdtlz1' && name !== 'sdtlz2') return null;
  const b = dtlzScaleBase(m);
  const top = name === 'sdtlz1' ? 0.5 : 1;
  return { ideal: new Array<number>(m).fill(0), nadir: Array.from({ length: m }, (_, i) => top * Math.pow(b, i)) };
}

/**
 * Analytic Pareto fronts of the ZDT and DTLZ benchmarks (the Das–Dennis lattices live in
 * src/optimize/pareto/simplexLattice.ts).
 * - ZDT1/ZDT4: f2 = 1 - sqrt(f1), f1 in [0, 1]; ZDT2: f2 = 1 - f1^2; ZDT6: f2 = 1 - f1^2 with
 *   f1 in [0.2807753191, 1]; ZDT3: five disconnected pieces of f2 = 1 - sqrt(f1) - f1 sin(10 pi f1)
 *   (the f1 intervals of pymoo's `ZDT3.pareto_front`).
 * - DTLZ1: the simplex sum f = 0.5; DTLZ2-4: the unit sphere octant; both sampled on a Das–Dennis
 *   lattice (Das & Dennis, SIAM J. Optim. 8(3), 1998) with the most partitions whose point count
 *   does not exceed the requested count (861 points = 40 partitions for m = 3).
 * - DTLZ7: 2^(m-1) disconnected regions; f_i (i < m) on a grid over
 *   [0, 0.2514118360889] U [0.6316265307, 0.8594008566447], f_m = 2m - sum f_i (1 + sin(3 pi f_i)).
 * Zitzler, Deb, Thiele, Evol. Comput. 8(2), 2000; Deb, Thiele, Laumanns, Zitzler, "Scalable test
 * problems for evolutionary multiobjective optimization", 2005.
 * The disconnected fronts are filtered to their non-dominated points; the other families' fronts, `paretoFront` and
 * `benchmarkNormalization`: docs/algorithms.md §"Benchmark fronts".
 */
import { pushAll } from '../../base/arrays.js';
import { dasDennis, partitionsForPoints } from '../pareto/simplexLattice.js';
import { CDTLZ_NAMES, cdtlzFront, cdtlzNormalization } from './cdtlz.js';
import { CLASSIC_NAMES, classicFront, classicNormalization } from './classic.js';
import { nonDominatedOnly, type FrontBounds } from './common.js';
import { DTLZ_NAMES, dtlzNormalization, dtlzVariantFront } from './dtlz.js';
import { MIXED_NAMES, mixedFront, mixedNormalization } from './mixed.js';
import { MW_NAMES, mwFront } from './mw.js';
import { WFG_NAMES, wfgFront, wfgNormalization } from './wfg.js';
import { ZDT_NAMES } from './zdt.js';

export { binomial, dasDennis, dasDennisCount, partitionsForPoints } from '../pareto/simplexLattice.js';

const ZDT3_REGIONS: readonly (readonly [number, number])[] = [
  [0, 0.0830015349],
  [0.18222878, 0.2577623634],
  [0.4093136748, 0.4538821041],
  [0.6183967944, 0.6525117038],
  [0.8233317983, 0.8518328654],
];

const DTLZ7_REGIONS: readonly (readonly [number, number])[] = [
  [0, 0.2514118360889],
  [0.6316265307, 0.8594008566447],
];

function linspace(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(a + ((b - a) * i) / (n - 1));
  return out;
}

function twoObjectiveFront(f1s: readonly number[], f2: (f1: number) => number): Float64Array[] {
  return f1s.map((f1) => Float64Array.of(f1, f2(f1)));
}

function dtlz7Front(m: number, points: number): Float64Array[] {
  const d = m - 1;
  // grid values per coordinate: split evenly across the two intervals
  const perDim = Math.max(2, Math.floor(Math.pow(points, 1 / d)));
  const half = Math.max(1, Math.floor(perDim / 2));
  const values: number[] = [];
  for (const [a, b] of DTLZ7_REGIONS) pushAll(values, linspace(a, b, half));
  const out: Float64Array[] = [];
  const cur = new Float64Array(d);
  const rec = (k: number): void => {
    if (k === d) {
      const p = new Float64Array(m);
      let s = 0;
      for (let i = 0; i < d; i++) {
        p[i] = cur[i]!;
        s += cur[i]! * (1 + Math.sin(3 * Math.PI * cur[i]!));
      }
      p[d] = 2 * m - s;
      out.push(p);
      return;
    }
    for (const v of values) {
      cur[k] = v;
      rec(k + 1);
    }
  };
  rec(0);
  return out;
}

/**
 * Pareto front of a benchmark (any name in BENCHMARK_NAMES), sampled with about `points` points (default
 * 1000 for two objectives, 861 for three, 5000 beyond; lattice fronts take the Das–Dennis lattice with the
 * most points not above `points`, disconnected or constrained fronts may hold fewer). Fresh arrays on
 * every call.
 */
export function paretoFront(name: string, m = 2, points?: number): Float64Array[] {
  const key = name.toLowerCase();
  const zdt = (): number => {
    if (m !== 2) throw new RangeError(`${name} has 2 objectives, got m = ${m}`);
    return points ?? 1000;
  };
  switch (key) {
    case 'zdt1':
    case 'zdt4':
      return twoObjectiveFront(linspace(0, 1, zdt()), (f1) => 1 - Math.sqrt(f1));
    case 'zdt2':
      return twoObjectiveFront(linspace(0, 1, zdt()), (f1) => 1 - f1 * f1);
    case 'zdt6':
      return twoObjectiveFront(linspace(0.2807753191, 1, zdt()), (f1) => 1 - f1 * f1);
    case 'zdt3': {
      const n = zdt();
      const per = Math.max(2, Math.floor(n / ZDT3_REGIONS.length));
      const f1s: number[] = [];
      ZDT3_REGIONS.forEach(([a, b], r) => {
        const count = r === ZDT3_REGIONS.length - 1 ? Math.max(2, n - per * (ZDT3_REGIONS.length - 1)) : per;
        pushAll(f1s, linspace(a, b, count));
      });
      return nonDominatedOnly(twoObjectiveFront(f1s, (f1) => 1 - Math.sqrt(f1) - f1 * Math.sin(10 * Math.PI * f1)));
    }
    case 'dtlz1':
    case 'dtlz2':
    case 'dtlz3':
    case 'dtlz4': {
      if (m < 2) throw new RangeError(`${name} needs m >= 2, got ${m}`);
      const p = partitionsForPoints(m, points ?? (m === 2 ? 1000 : m === 3 ? 861 : 5000));
      const w = dasDennis(m, p);
      if (key === 'dtlz1') return w.map((v) => v.map((x) => x * 0.5));
      return w.map((v) => {
        let s = 0;
        for (const x of v) s += x * x;
        const r = Math.sqrt(s);
        return v.map((x) => x / r);
      });
    }
    case 'dtlz7':
      if (m < 2) throw new RangeError(`${name} needs m >= 2, got ${m}`);
      return nonDominatedOnly(dtlz7Front(m, points ?? (m === 2 ? 1000 : 1024)));
    case 'dtlz5':
    case 'dtlz6':
    case 'idtlz1':
    case 'sdtlz1':
    case 'sdtlz2':
      return dtlzVariantFront(key, m, points);
    default:
      if (is(CDTLZ_NAMES, key)) return cdtlzFront(key, m, points);
      if (is(CLASSIC_NAMES, key)) return classicFront(key, m, points);
      if (is(MW_NAMES, key)) return mwFront(key, m, points);
      if (is(WFG_NAMES, key)) return wfgFront(key, m, points);
      if (is(MIXED_NAMES, key)) return mixedFront(key, m, points);
      throw new RangeError(`unknown benchmark '${name}'; valid: ${FRONT_NAMES.join(', ')}`);
  }
}

/** Every benchmark's name, family by family: the one list (benchmarks.ts re-exports it). */
export const BENCHMARK_NAMES = [
  ...ZDT_NAMES,
  ...DTLZ_NAMES,
  ...CDTLZ_NAMES,
  ...CLASSIC_NAMES,
  ...MW_NAMES,
  ...WFG_NAMES,
  ...MIXED_NAMES,
] as const;
const FRONT_NAMES: readonly string[] = BENCHMARK_NAMES;

function is<T extends string>(names: readonly T[], key: string): key is T {
  return (names as readonly string[]).includes(key);
}

/**
 * Ideal and nadir of the true Pareto front of benchmark `name` with `m` objectives, for normalizing the
 * objectives before the hypervolume; null when the front lies in [0, 1]^m (use the identity: ZDT, DTLZ1–7,
 * inverted DTLZ1, C1-DTLZ1, C2-DTLZ2, MW1–3, CTP1). Non-null for BNH, OSY, TNK, SRN (f1 up to 223),
 * WFG1–9 (f_j up to 2j), scaled DTLZ1/DTLZ2 (f_i up to 0.5 or 1 times b^(i-1)), C3-DTLZ4 (f_i up to 2) and
 * mixed1 (f2 up to 1.1). Throws a RangeError for an unknown name or an objective count the problem cannot have.
 */
export function benchmarkNormalization(name: string, m: number): { ideal: number[]; nadir: number[] } | null {
  const key = name.toLowerCase();
  if (!FRONT_NAMES.includes(key)) throw new RangeError(`unknown benchmark '${name}'; valid: ${FRONT_NAMES.join(', ')}`);
  const fixed2 = key.startsWith('zdt') || is(CLASSIC_NAMES, key) || is(MW_NAMES, key) || is(MIXED_NAMES, key);
  if (fixed2 ? m !== 2 : !Number.isInteger(m) || m < 2) throw new RangeError(`${name} cannot have ${m} objectives`);
  let b: FrontBounds | null;
  if (is(CDTLZ_NAMES, key)) b = cdtlzNormalization(key, m);
  else if (is(CLASSIC_NAMES, key)) b = classicNormalization(key);
  else if (is(MW_NAMES, key)) b = null;
  else if (is(WFG_NAMES, key)) b = wfgNormalization(key, m);
  else if (is(MIXED_NAMES, key)) b = mixedNormalization();
  else b = dtlzNormalization(key, m);
  return b === null ? null : { ideal: [...b.ideal], nadir: [...b.nadir] };
}

/**
 * Benchmark problems as `Problem`s, by name (all objectives minimized, constraints g <= 0), following
 * pymoo 0.6's definitions; each family's file cites its source and equations and derives its front:
 * - ./benchmarks/zdt.ts      ZDT1–4, ZDT6 (Zitzler, Deb, Thiele 2000)
 * - ./benchmarks/dtlz.ts     DTLZ1–7 (Deb et al. 2005), inverted DTLZ1, scaled DTLZ1/DTLZ2 (Jain & Deb 2014)
 * - ./benchmarks/cdtlz.ts    C1-DTLZ1, C2-DTLZ2, C3-DTLZ4 (Jain & Deb 2014)
 * - ./benchmarks/mw.ts       MW1–MW3 (Ma & Wang 2019)
 * - ./benchmarks/classic.ts  BNH, OSY, TNK, SRN (Deb 2001), CTP1 (Deb, Pratap, Meyarivan 2001)
 * - ./benchmarks/wfg.ts      WFG1–WFG9 (Huband et al. 2006)
 * - ./benchmarks/mixed.ts    mixed1: a constrained mixed-integer problem (real, int, choice) with an analytic front
 * Fronts: `paretoFront`; true-front ideal and nadir for HV normalization: `benchmarkNormalization`
 * (./benchmarkFronts.ts). Docs: docs/sources.md §15.
 */
import type { Problem } from '../types.js';
import { CDTLZ_NAMES, createCdtlz } from './cdtlz.js';
import { CLASSIC_NAMES, createClassic } from './classic.js';
import { DTLZ_NAMES, createDtlz } from './dtlz.js';
import { MIXED_NAMES, createMixed } from './mixed.js';
import { MW_NAMES, createMw } from './mw.js';
import { WFG_NAMES, createWfg } from './wfg.js';
import { ZDT_NAMES, createZdt } from './zdt.js';
import { BENCHMARK_NAMES } from './benchmarkFronts.js';

export {
  BENCHMARK_NAMES,
  paretoFront,
  benchmarkNormalization,
  dasDennis,
  dasDennisCount,
  partitionsForPoints,
} from './benchmarkFronts.js';

export interface BenchmarkOptions {
  readonly problem: string;
  /**
   * Number of decision variables. Defaults: ZDT 30 (ZDT4/ZDT6 10); DTLZ-type m + k - 1 with k = 5 (DTLZ1,
   * IDTLZ1, SDTLZ1, C1-DTLZ1, C3-DTLZ4), 10 (DTLZ2–6, SDTLZ2, C2-DTLZ2) or 20 (DTLZ7); MW 15; WFG k + 20
   * (k = 4 for m = 2, else 2(m - 1)); CTP1 2. BNH, TNK, SRN (2), OSY (6) and mixed1 (5) have fixed sizes.
   */
  readonly variables?: number;
  /** Number of objectives (ZDT, MW, the classic problems and mixed1: 2 only; DTLZ-type and WFG default 3). */
  readonly objectives?: number;
}

function isIn<T extends string>(names: readonly T[], key: string): key is T {
  return (names as readonly string[]).includes(key);
}

/** Builds a benchmark problem by name; throws a RangeError for an unknown name or bad sizes. */
export function createBenchmarkProblem(options: BenchmarkOptions): Problem {
  const key = options.problem.toLowerCase();
  if (isIn(ZDT_NAMES, key)) {
    if (options.objectives !== undefined && options.objectives !== 2) {
      throw new RangeError(`${key} has exactly 2 objectives, got ${options.objectives}`);
    }
    return createZdt(key, options.variables ?? (key === 'zdt4' || key === 'zdt6' ? 10 : 30));
  }
  const sizes = {
    ...(options.variables !== undefined ? { variables: options.variables } : {}),
    ...(options.objectives !== undefined ? { objectives: options.objectives } : {}),
  };
  if (isIn(DTLZ_NAMES, key)) return createDtlz(key, sizes);
  if (isIn(CDTLZ_NAMES, key)) return createCdtlz(key, sizes);
  if (isIn(MW_NAMES, key)) return createMw(key, sizes);
  if (isIn(CLASSIC_NAMES, key)) return createClassic(key, sizes);
  if (isIn(WFG_NAMES, key)) return createWfg(key, sizes);
  if (isIn(MIXED_NAMES, key)) return createMixed(key, sizes);
  throw new RangeError(`unknown benchmark problem '${options.problem}'; valid names: ${BENCHMARK_NAMES.join(', ')}`);
}

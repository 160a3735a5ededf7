/**
 * ZDT and DTLZ benchmark problems as `Problem`s (reals only, objectives f1..fm minimized, no
 * constraints), following pymoo's definitions.
 * Zitzler, Deb, Thiele, "Comparison of multiobjective evolutionary algorithms: empirical results",
 * Evol. Comput. 8(2), 2000 (ZDT); Deb, Thiele, Laumanns, Zitzler, "Scalable test problems for
 * evolutionary multiobjective optimization", 2005 (DTLZ). Analytic fronts: ./benchmarkFronts.ts.
 */
import type { Evaluation, ObjectiveSpec, Problem, VariableSpec } from './types.js';

export { paretoFront, dasDennis, dasDennisCount, partitionsForPoints } from './benchmarkFronts.js';

export const BENCHMARK_NAMES = ['zdt1', 'zdt2', 'zdt3', 'zdt4', 'zdt6', 'dtlz1', 'dtlz2', 'dtlz3', 'dtlz4', 'dtlz7'] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

export interface BenchmarkOptions {
  readonly problem: string;
  /** Number of decision variables (defaults: ZDT 30, ZDT4/ZDT6 10, DTLZ m + k - 1). */
  readonly variables?: number;
  /** Number of objectives (ZDT: 2 only; DTLZ default 3). */
  readonly objectives?: number;
}

const DTLZ_K: Readonly<Record<string, number>> = { dtlz1: 5, dtlz2: 10, dtlz3: 10, dtlz4: 10, dtlz7: 20 };
const EMPTY = new Float64Array(0);
const HALF_PI = Math.PI / 2;

function objectivesSpec(m: number): ObjectiveSpec[] {
  const out: ObjectiveSpec[] = [];
  for (let i = 0; i < m; i++) out.push({ name: `f${i + 1}`, sense: 'minimize' });
  return out;
}

function variablesSpec(n: number, bounds: (i: number) => readonly [number, number]): VariableSpec[] {
  const out: VariableSpec[] = [];
  for (let i = 0; i < n; i++) {
    const [lower, upper] = bounds(i);
    out.push({ kind: 'real', name: `x${i + 1}`, lower, upper });
  }
  return out;
}

function ok(f: Float64Array): Evaluation {
  return { status: 'ok', f, g: EMPTY };
}

function zdt(name: BenchmarkName, n: number): Problem {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`${name} needs at least 2 variables, got ${n}`);
  const bounds = name === 'zdt4' ? (i: number): readonly [number, number] => (i === 0 ? [0, 1] : [-5, 5]) : (): readonly [number, number] => [0, 1];
  const evaluate = (x: Float64Array): Evaluation => {
    const x0 = x[0]!;
    let f1 = x0;
    let g: number;
    let s = 0;
    switch (name) {
      case 'zdt4':
        for (let i = 1; i < n; i++) s += x[i]! * x[i]! - 10 * Math.cos(4 * Math.PI * x[i]!);
        g = 1 + 10 * (n - 1) + s;
        break;
      case 'zdt6':
        f1 = 1 - Math.exp(-4 * x0) * Math.pow(Math.sin(6 * Math.PI * x0), 6);
        for (let i = 1; i < n; i++) s += x[i]!;
        g = 1 + 9 * Math.pow(s / (n - 1), 0.25);
        break;
      default:
        for (let i = 1; i < n; i++) s += x[i]!;
        g = 1 + (9 / (n - 1)) * s;
    }
    const r = f1 / g;
    let h: number;
    if (name === 'zdt2' || name === 'zdt6') h = 1 - r * r;
    else if (name === 'zdt3') h = 1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1);
    else h = 1 - Math.sqrt(r);
    return ok(Float64Array.of(f1, g * h));
  };
  return { name, variables: variablesSpec(n, bounds), objectives: objectivesSpec(2), constraints: [], evaluate };
}

function dtlz(name: BenchmarkName, n: number, m: number): Problem {
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`${name} needs at least 2 objectives, got ${m}`);
  if (!Number.isInteger(n) || n < m) throw new RangeError(`${name} with ${m} objectives needs at least ${m} variables, got ${n}`);
  const k = n - m + 1;
  const evaluate = (x: Float64Array): Evaluation => {
    const f = new Float64Array(m);
    let g = 0;
    if (name === 'dtlz1' || name === 'dtlz3') {
      for (let i = m - 1; i < n; i++) {
        const d = x[i]! - 0.5;
        g += d * d - Math.cos(20 * Math.PI * d);
      }
      g = 100 * (k + g);
    } else if (name === 'dtlz7') {
      for (let i = m - 1; i < n; i++) g += x[i]!;
      g = 1 + (9 / k) * g;
    } else {
      for (let i = m - 1; i < n; i++) {
        const d = x[i]! - 0.5;
        g += d * d;
      }
    }
    if (name === 'dtlz1') {
      for (let i = 0; i < m; i++) {
        let v = 0.5 * (1 + g);
        for (let j = 0; j < m - 1 - i; j++) v *= x[j]!;
        if (i > 0) v *= 1 - x[m - 1 - i]!;
        f[i] = v;
      }
    } else if (name === 'dtlz7') {
      let h = m;
      for (let i = 0; i < m - 1; i++) {
        f[i] = x[i]!;
        h -= (x[i]! / (1 + g)) * (1 + Math.sin(3 * Math.PI * x[i]!));
      }
      f[m - 1] = (1 + g) * h;
    } else {
      const alpha = name === 'dtlz4' ? 100 : 1;
      for (let i = 0; i < m; i++) {
        let v = 1 + g;
        for (let j = 0; j < m - 1 - i; j++) v *= Math.cos(Math.pow(x[j]!, alpha) * HALF_PI);
        if (i > 0) v *= Math.sin(Math.pow(x[m - 1 - i]!, alpha) * HALF_PI);
        f[i] = v;
      }
    }
    return ok(f);
  };
  return { name, variables: variablesSpec(n, () => [0, 1]), objectives: objectivesSpec(m), constraints: [], evaluate };
}

function isBenchmarkName(s: string): s is BenchmarkName {
  return (BENCHMARK_NAMES as readonly string[]).includes(s);
}

/** Builds a benchmark problem by name; throws a RangeError for an unknown name or bad sizes. */
export function createBenchmarkProblem(options: BenchmarkOptions): Problem {
  const key = options.problem.toLowerCase();
  if (!isBenchmarkName(key)) {
    throw new RangeError(`unknown benchmark problem '${options.problem}'; valid names: ${BENCHMARK_NAMES.join(', ')}`);
  }
  if (key.startsWith('zdt')) {
    if (options.objectives !== undefined && options.objectives !== 2) {
      throw new RangeError(`${key} has exactly 2 objectives, got ${options.objectives}`);
    }
    return zdt(key, options.variables ?? (key === 'zdt4' || key === 'zdt6' ? 10 : 30));
  }
  const m = options.objectives ?? 3;
  return dtlz(key, options.variables ?? m + DTLZ_K[key]! - 1, m);
}

/**
 * Robust objectives and constraints (src/study/robust.ts) on a toy model whose statistics are known by hand.
 *
 * The toy evaluator stands in for the node models: with a = (orbit.altitude_km − 400) / 1100 ∈ [0, 1] and
 * u = compute.utilization (uncertain, uniform on [0.1, 0.9], nominal 0.5), the record's LCOC metric is
 *   f(a, u) = (a − 0.8)² + (u − 0.5)·a.
 * Nominally (u = 0.5) f is smallest at a = 0.8. For a ≥ 0 f grows with u, so the type-7 p90 of N = 11 samples is
 * f at the 10th smallest sampled u, u₍₁₀₎ (h = (11 − 1)·0.9 = 9 exactly), and d/da [(a − 0.8)² + (u₍₁₀₎ − 0.5)·a] = 0
 * gives the robust optimum a* = 0.8 − (u₍₁₀₎ − 0.5)/2. Latin hypercube sampling puts the k-th smallest unit value
 * in [k/11, (k+1)/11), so u₍₁₀₎ ∈ [0.1 + 0.8·9/11, 0.1 + 0.8·10/11) and a* ∈ (0.636, 0.673]: the robust optimum is
 * well away from the nominal one.
 */
import { describe, expect, it } from 'vitest';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { compileNodeStudy, type CompiledStudy } from '../../src/study/nodeStudy.js';
import { parseDesignFile } from '../../src/node/design/load.js';
import type { NodeDesign } from '../../src/node/design/schema.js';
import { maxGenerations } from '../../solvers/termination.js';
import { minimize } from '../helpers/minimize.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-robust-');
const U_MIN = 0.1;
const U_MAX = 0.9;
const N = 11;

/** a ∈ [0, 1] of a design. */
const aOf = (d: NodeDesign): number => (d.orbit.altitude_km - 400) / 1100;
const f = (a: number, u: number): number => (a - 0.8) ** 2 + (u - 0.5) * a;

/** The toy model: throws (a design the models cannot evaluate) above `failAbove` in u. */
function toyEvaluator(failAbove = Infinity): (d: NodeDesign) => DesignRecord {
  return (d) => {
    const u = d.compute.utilization;
    if (u > failAbove) throw new RangeError(`toy model: utilization ${u} above ${failAbove}`);
    return {
      cost: { lcoc_USD_per_PFLOP_day: f(aOf(d), u) },
      mass: { launch_kg: 1000 + aOf(d) },
      constraints: [],
    } as unknown as DesignRecord;
  };
}

function toyStudy(name: string, sections: string, robust = `{ samples: ${N} }`): string {
  return writeFile(
    dir,
    `${name}.yaml`,
    `name: ${name}
kind: node
compute: { utilization: 0.5 }
uncertainty:
  compute.utilization: { kind: uniform, min: ${U_MIN}, max: ${U_MAX} }
variables:
  orbit.altitude_km: [400, 1500]
${sections}
algorithm: { name: nsga2, population: 24, generations: 40, seed: 3 }
${robust === '' ? '' : `robust: ${robust}`}
`,
  );
}

function compileToy(path: string, failAbove = Infinity): CompiledStudy {
  const loaded = parseDesignFile(path);
  if (loaded.kind !== 'node-study') throw new Error('fixture: not a node study');
  const { catalogs, rows } = nodeEvaluator(undefined, loaded.design.catalogs);
  return compileNodeStudy(loaded.study, loaded.design, loaded.file, catalogs, toyEvaluator(failAbove), [], [], rows);
}

const x = (altitude_km: number): Float64Array => Float64Array.from([altitude_km]);
const utilizations = (c: CompiledStudy, alt: number): number[] =>
  c.robust!.samples(x(alt)).map((s) => s.values['compute.utilization']!);
/** Type-7 sample quantile, written out (Hyndman & Fan 1996, definition 7). */
function type7(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
}
const okF = (e: ReturnType<CompiledStudy['problem']['evaluate']>): Float64Array => {
  if (e.status !== 'ok') throw new Error(`expected ok, got ${e.reason}`);
  return e.f;
};

describe('robust objectives on a toy model', () => {
  const p90Study = toyStudy('p90', 'objectives:\n  - minimize: p90(cost.lcoc_USD_per_PFLOP_day)');

  it('the samples are a Latin hypercube of the utilization distribution: one in each of the 11 strata', () => {
    const u = utilizations(compileToy(p90Study), 900).sort((a, b) => a - b);
    expect(u).toHaveLength(N);
    u.forEach((v, k) => {
      expect(v).toBeGreaterThanOrEqual(U_MIN + ((U_MAX - U_MIN) * k) / N);
      expect(v).toBeLessThan(U_MIN + ((U_MAX - U_MIN) * (k + 1)) / N);
    });
  });

  it('p90(...) is f at the 10th smallest sampled utilization', () => {
    const c = compileToy(p90Study);
    for (const alt of [400, 900, 1280, 1500]) {
      const a = (alt - 400) / 1100;
      const u10 = [...utilizations(c, alt)].sort((p, q) => p - q)[9]!;
      expect(okF(c.problem.evaluate(x(alt)))[0]).toBeCloseTo(f(a, u10), 12);
    }
  });

  it('mean, sd, min, max and p25 equal their definitions over the per-sample records', () => {
    const c = compileToy(
      toyStudy(
        'stats',
        `objectives:
  - minimize: mean(cost.lcoc_USD_per_PFLOP_day)
  - minimize: sd(cost.lcoc_USD_per_PFLOP_day)
  - minimize: min(cost.lcoc_USD_per_PFLOP_day)
  - maximize: max(cost.lcoc_USD_per_PFLOP_day)
  - minimize: p25(cost.lcoc_USD_per_PFLOP_day)`,
      ),
    );
    expect(c.problem.objectives.map((o) => o.name)).toEqual([
      'mean(cost.lcoc_USD_per_PFLOP_day)',
      'sd(cost.lcoc_USD_per_PFLOP_day)',
      'min(cost.lcoc_USD_per_PFLOP_day)',
      'max(cost.lcoc_USD_per_PFLOP_day)',
      'p25(cost.lcoc_USD_per_PFLOP_day)',
    ]);
    const alt = 1100;
    const v = c.robust!.samples(x(alt)).map((s) => s.record!.cost.lcoc_USD_per_PFLOP_day);
    const mean = v.reduce((s, y) => s + y, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, y) => s + (y - mean) ** 2, 0) / (v.length - 1));
    const got = okF(c.problem.evaluate(x(alt)));
    expect(got[0]).toBeCloseTo(mean, 12);
    expect(got[1]).toBeCloseTo(sd, 12);
    expect(got[2]).toBeCloseTo(Math.min(...v), 12);
    expect(got[3]).toBeCloseTo(-Math.max(...v), 12); // maximized: negated internally
    expect(got[4]).toBeCloseTo(type7(v, 0.25), 12);
    // A uniform on [0.1, 0.9] has sd 0.8/√12 and f's is a times the utilization's. With 11 Latin-hypercube strata
    // the sample sd (n − 1 divisor) sits above it: +4.4 % for the strata midpoints ((n + 1)/n under the root),
    // plus the jitter inside each stratum, which depends on the draw: within −10 % … +12 %, not the 0.5 % of
    // a fixed draw (a sampler change that shifts the stream must not fail this). A variance reported as sd
    // (×0.15) or a missing factor a (×3.6) still fails.
    const a = (alt - 400) / 1100;
    const ratio = sd / ((a * (U_MAX - U_MIN)) / Math.sqrt(12));
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.12);
  });

  it("a metric without a statistic is the nominal design's value", () => {
    const c = compileToy(
      toyStudy(
        'nominal-obj',
        'objectives:\n  - minimize: cost.lcoc_USD_per_PFLOP_day\nconstraints:\n  - p90(cost.lcoc_USD_per_PFLOP_day) <= 10',
      ),
    );
    expect(c.robust).not.toBeNull();
    expect(okF(c.problem.evaluate(x(1000)))[0]).toBeCloseTo(f(600 / 1100, 0.5), 14);
    const d = c.robust!.detail(x(1000))!;
    expect(d.nominal['cost.lcoc_USD_per_PFLOP_day']).toBeCloseTo(f(600 / 1100, 0.5), 14);
  });

  it("the nominal value of a statistic objective is the nominal design's metric (sd: 0)", () => {
    const c = compileToy(
      toyStudy(
        'detail',
        'objectives:\n  - minimize: p90(cost.lcoc_USD_per_PFLOP_day)\n  - minimize: sd(cost.lcoc_USD_per_PFLOP_day)',
      ),
    );
    const d = c.robust!.detail(x(1300))!;
    expect(d.nominal).toEqual({
      'p90(cost.lcoc_USD_per_PFLOP_day)': f(900 / 1100, 0.5),
      'sd(cost.lcoc_USD_per_PFLOP_day)': 0,
    });
    expect(d.samples).toBe(N);
    expect(d.failedSamples).toBe(0);
  });

  it('a short NSGA-II run finds the p90 optimum a* = 0.8 − (u₍₁₀₎ − 0.5)/2, not the nominal one (a = 0.8)', () => {
    const c = compileToy(p90Study);
    const u10 = [...utilizations(c, 900)].sort((p, q) => p - q)[9]!;
    const aStar = 0.8 - (u10 - 0.5) / 2;
    expect(aStar).toBeGreaterThan(0.636);
    expect(aStar).toBeLessThanOrEqual(0.673);
    const r = minimize(c.problem, 'nsga2', { population: 24, seed: 3 }, maxGenerations(40));
    const best = [...r.archive].sort((p, q) => p.f[0]! - q.f[0]!)[0]!;
    const aFound = (best.x[0]! - 400) / 1100;
    const tolerance_a = 0.01; // 11 km of altitude
    expect(Math.abs(aFound - aStar)).toBeLessThan(tolerance_a);
    expect(best.f[0]).toBeCloseTo(f(aStar, u10), 3);
  });
});

describe('common random numbers', () => {
  const study = toyStudy('crn', 'objectives:\n  - minimize: p90(cost.lcoc_USD_per_PFLOP_day)');

  it('every design sees the same samples, and two evaluations of a design agree exactly', () => {
    const c = compileToy(study);
    expect(utilizations(c, 500)).toEqual(utilizations(c, 1400));
    for (const alt of [500, 1400]) expect(okF(c.problem.evaluate(x(alt)))).toEqual(okF(c.problem.evaluate(x(alt))));
  });

  it('a study compiled again from its file (as in each worker) draws the same samples; another robust seed does not', () => {
    expect(utilizations(compileToy(study), 700)).toEqual(utilizations(compileToy(study), 700));
    expect(okF(compileToy(study).problem.evaluate(x(700)))).toEqual(okF(compileToy(study).problem.evaluate(x(700))));
    const reseeded = compileToy(
      toyStudy(
        'crn-seed',
        'objectives:\n  - minimize: p90(cost.lcoc_USD_per_PFLOP_day)',
        `{ samples: ${N}, seed: 99 }`,
      ),
    );
    expect(utilizations(reseeded, 700)).not.toEqual(utilizations(compileToy(study), 700));
    expect(reseeded.robust!.settings.seed).toBe(99);
    expect(compileToy(study).robust!.settings.seed).toBe(3); // default: algorithm.seed
  });

  it('an input keeps its column whatever catalog rows a design uses (chip choice)', () => {
    const path = writeFile(
      dir,
      'chips.yaml',
      `name: chips
kind: node
uncertainty:
  compute.utilization: { kind: triangular, min: 0.6, mode: 0.8, max: 0.95 }
variables:
  compute.chip: { choice: [h100, gb300] }
objectives:
  - minimize: p90(cost.lcoc_USD_per_PFLOP_day)
algorithm: { seed: 5 }
robust: { samples: 8 }
`,
    );
    const s = loadStudyProblem(path);
    const h100 = s.compiled!.robust!.samples(Float64Array.from([0]));
    const gb300 = s.compiled!.robust!.samples(Float64Array.from([1]));
    expect(h100.map((q) => q.values['compute.utilization'])).toEqual(gb300.map((q) => q.values['compute.utilization']));
    expect(h100.map((q) => q.values['catalogs.launchVehicles.starship.payloadLeo_kg'])).toEqual(
      gb300.map((q) => q.values['catalogs.launchVehicles.starship.payloadLeo_kg']),
    );
    // each design samples its own chip row's fields
    expect(Object.keys(h100[0]!.values)).toContain('catalogs.chips.h100.costPerChip_USD');
    expect(Object.keys(gb300[0]!.values)).toContain('catalogs.chips.gb300.costPerChip_USD');
    expect(Object.keys(gb300[0]!.values)).not.toContain('catalogs.chips.h100.costPerChip_USD');
  });
});

describe('prob(...) and failed samples', () => {
  // LHS puts exactly one of 11 samples in the top stratum, utilization in [0.1 + 0.8·10/11, 0.9): it fails
  const topStratum = U_MIN + ((U_MAX - U_MIN) * 10) / N;
  const study = toyStudy(
    'prob',
    'objectives:\n  - minimize: p90(cost.lcoc_USD_per_PFLOP_day)\nconstraints:\n  - prob(cost.lcoc_USD_per_PFLOP_day <= 0.05) >= 0.5',
  );

  it('equals the share of all samples whose record satisfies the comparison (a failed sample does not)', () => {
    const c = compileToy(study, topStratum);
    for (const alt of [1100, 1300, 1500]) {
      const samples = c.robust!.samples(x(alt));
      expect(samples.filter((s) => s.failure !== null)).toHaveLength(1);
      const holds = samples.filter((s) => s.record !== null && s.record.cost.lcoc_USD_per_PFLOP_day <= 0.05).length;
      const e = c.problem.evaluate(x(alt));
      if (e.status !== 'ok') throw new Error(e.reason);
      const share = holds / N;
      expect(e.g[0]).toBeCloseTo((0.5 - share) / 0.5, 14);
      // the objective uses the 10 samples that did not fail: type 7 over them
      const ok = samples.filter((s) => s.record !== null).map((s) => s.record!.cost.lcoc_USD_per_PFLOP_day);
      expect(e.f[0]).toBeCloseTo(type7(ok, 0.9), 12);
    }
  });

  it('a design with more than maxFailedShare (10 %) failed samples is a failed evaluation, not a crash', () => {
    const c = compileToy(study, 0.5);
    const e = c.problem.evaluate(x(1000));
    expect(e.status).toBe('failed');
    if (e.status === 'failed')
      expect(e.reason).toMatch(
        /^more than 10 % of the 11 uncertainty samples failed \(robust\.maxFailedShare\); first: .*toy model: utilization/,
      );
    expect(c.robust!.detail(x(1000))!.failedSamples).toBe(utilizations(c, 1000).filter((u) => u > 0.5).length);
  });

  it('a nominal design the models cannot evaluate is a failed evaluation', () => {
    const e = compileToy(study, 0.4).problem.evaluate(x(1000));
    expect(e).toEqual({ status: 'failed', reason: 'toy model: utilization 0.5 above 0.4' });
  });
});

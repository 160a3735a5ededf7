import { beforeEach, describe, expect, it } from 'vitest';
import type { SampleOutcome } from '../../src/analysis/analysisModel.js';
import type { FileModel } from '../../src/analysis/loadModel.js';
import { StudyError } from '../../src/base/errors.js';
import {
  analyzeModel,
  checkSampleCount,
  columnSummary,
  jointHolds,
  type AnalysisProgress,
  type UncertaintyAnalysis,
  type UncertaintyOptions,
} from '../../src/analysis/uncertainty.js';
import { standInConstraint, unitUniformInput } from './fixtures.js';

/**
 * analyzeUncertainty on a stand-in model with one input x ~ U(0, 1) whose outputs are closed-form in x, so every
 * count follows from the Latin hypercube's defining property (McKay et al. 1979): with n = 10 samples exactly one
 * falls in each stratum [k/10, (k + 1)/10). The file loader is replaced by the stand-in; no design is evaluated.
 *
 * Outputs: lcoc = x, terrestrial = 0.3, mass = 7 (no input moves it); constraints a: x ≤ 0.5 (enforced),
 * b: x ≥ 0.2 (not enforced), c: margin NaN (never evaluable); x > 0.9 is a failed sample ('too hot').
 */
let current: FileModel;
/** analyzeUncertainty's analysis of the stand-in (no file is read: no module mock, which would leak between test
 * files sharing one module graph). */
const analyzeUncertainty = (opts: UncertaintyOptions): Promise<UncertaintyAnalysis> => analyzeModel(current, opts);

function standIn(
  o: { comparison?: boolean; nominalOk?: boolean; withC?: boolean; nanOutput?: boolean } = {},
): FileModel {
  const nan = o.nanOutput === true;
  const metricPaths = ['lcoc', 'terrestrial', 'mass', ...(nan ? ['nowhere'] : [])];
  const withC = o.withC ?? true;
  const evaluate = (values: readonly number[]): SampleOutcome => {
    const x = values[0]!;
    if (x > 0.9) return { status: 'failed', reason: 'too hot' };
    const [a, b] = [0.5 - x, x - 0.2];
    const [margins, flags] = [
      [a, b],
      [a >= 0 ? 1 : 0, b >= 0 ? 1 : 0],
    ];
    if (withC) {
      margins.push(NaN);
      flags.push(NaN);
    }
    return { status: 'ok', y: Float64Array.from([x, 0.3, 7, ...(nan ? [NaN] : []), ...margins, ...flags]) };
  };
  return {
    kind: 'node',
    inputs: [unitUniformInput('economics.x', 'design', 0.25, 'a test input')],
    constraints: [
      standInConstraint('a', true),
      standInConstraint('b', false),
      ...(withC ? [standInConstraint('c', true)] : []),
    ],
    metricPaths,
    keyOutputs: ['lcoc', 'mass', ...(nan ? ['nowhere'] : [])],
    width: metricPaths.length + (withC ? 6 : 4),
    nominal: o.nominalOk === false ? { status: 'failed', reason: 'nominal fails' } : evaluate([0.25]),
    comparison: o.comparison === false ? null : { lcoc: 'lcoc', terrestrial: 'terrestrial', description: 'test' },
    defaults: { uncertaintySamples: 20, sobolSamples: 8, breakEvenPoints: 8, why: 'test' },
    column: (p: string) => metricPaths.indexOf(p),
    unitOf: (p: string) => `${p} unit`,
    evaluate,
  } as unknown as FileModel;
}

const count = (values: readonly (readonly number[])[], test: (x: number) => boolean): number =>
  values.filter((v) => test(v[0]!)).length;

describe('analyzeUncertainty on a closed-form stand-in model (LHS, n = 10, x ~ U(0, 1))', () => {
  beforeEach(() => {
    current = standIn();
  });

  it('draws one sample per tenth of [0, 1] and counts the one beyond 0.9 as failed', async () => {
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10, seed: 3 });
    expect([a.samples, a.seed, a.method, a.samplesDefaulted, a.workers]).toEqual([10, 3, 'lhs', false, 0]);
    expect(a.values).toHaveLength(10);
    const strata = a.values.map((v) => Math.floor(v[0]! * 10)).sort((p, q) => p - q);
    expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.failed).toBe(1);
    expect(a.failureReasons).toEqual([{ reason: 'too hot', count: 1 }]);
    expect(a.outcomes.map((o) => o.status === 'ok')).toEqual(a.values.map((v) => v[0]! <= 0.9));
  });

  it('P(LCOC < terrestrial) = P(x < 0.3): strata 0, 1, 2 of 10 trials (the failed sample is a trial)', async () => {
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    expect(a.lcocBelowTerrestrial).toMatchObject({ successes: 3, trials: 10, estimate: 0.3 });
  });

  it('per-constraint and joint probabilities follow from the strata; a never-evaluable margin is left out', async () => {
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    // a: x ≤ 0.5 → strata 0…4; b: x ≥ 0.2 → strata 2…8 (stratum 9 failed); c: margin NaN → no summary
    expect(a.margins.map((m) => [m.name, m.enforced, m.description, m.holds.successes, m.holds.trials])).toEqual([
      ['a', true, 'a', 5, 10],
      ['b', false, 'b', 7, 10],
    ]);
    // P(all hold) over the enforced ones (a, c), and every check (b too): c's flag is never 1, so none holds
    expect([a.allHold!.successes, a.allHold!.trials]).toEqual([0, 10]);
    expect([a.everyCheckHold!.successes, a.everyCheckHold!.trials]).toEqual([0, 10]);
    const margin = a.margins[0]!;
    // margin of a = 0.5 − x over the 9 successful samples; the nominal design has x = 0.25
    expect(margin.n).toBe(9);
    expect(margin.nominal).toBeCloseTo(0.25, 15);
    expect(margin.max).toBeGreaterThan(0.4);
    expect(margin.min).toBeLessThanOrEqual(-0.3);
    expect(a.margins[1]!.nominal).toBeCloseTo(0.05, 15);
  });

  it('joint probabilities without the never-satisfied constraint: a and b hold together in strata 2, 3, 4', async () => {
    current = standIn({ withC: false });
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    // P(all hold) is the enforced a alone (strata 0…4); the relaxed b joins only the every-check figure
    expect([a.allHold!.successes, a.allHold!.trials]).toEqual([5, 10]);
    expect([a.everyCheckHold!.successes, a.everyCheckHold!.trials]).toEqual([3, 10]);
  });

  it('output summaries: the key outputs in order, with their units and nominal values', async () => {
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    expect(a.outputs.map((s) => [s.path, s.unit, s.n])).toEqual([
      ['lcoc', 'lcoc unit', 9],
      ['mass', 'mass unit', 9],
    ]);
    const [lcoc, mass] = a.outputs as [(typeof a.outputs)[0], (typeof a.outputs)[0]];
    expect(lcoc.nominal).toBe(0.25);
    expect(lcoc.min).toBeLessThan(0.1);
    expect(lcoc.max).toBeGreaterThanOrEqual(0.8);
    expect(lcoc.max).toBeLessThanOrEqual(0.9);
    // one sample in each of strata 0…8: the mean lies in [Σk/10, Σ(k + 1)/10]/9 = [0.4, 0.5)
    expect(lcoc.mean).toBeGreaterThanOrEqual(0.4);
    expect(lcoc.mean).toBeLessThan(0.5);
    expect([mass.nominal, mass.mean, mass.sd, mass.p5, mass.p95]).toEqual([7, 7, 0, 7, 7]);
  });

  it('a key output with no finite value in any sample has no summary', async () => {
    current = standIn({ nanOutput: true });
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    expect(a.outputs.map((s) => s.path)).toEqual(['lcoc', 'mass']);
    // the margins sit after the extra metric column: still strata 0…4 and 2…8
    expect(a.margins.map((m) => m.holds.successes)).toEqual([5, 7]);
  });

  it('input summaries: U(0, 1) has mean 0.5, p5 0.05 and p95 0.95', async () => {
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    expect(a.inputs).toHaveLength(1);
    const x = a.inputs[0]!;
    expect([x.path, x.unit, x.origin, x.reason, x.nominal]).toEqual([
      'economics.x',
      'u',
      'design',
      'a test input',
      0.25,
    ]);
    expect([x.mean, x.p5, x.p95].map((v) => Number(v.toFixed(12)))).toEqual([0.5, 0.05, 0.95]);
  });

  it('defaults: the seed 1, LHS, the model default sample count, this thread', async () => {
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml' });
    expect([a.samples, a.seed, a.method, a.samplesDefaulted, a.workers]).toEqual([20, 1, 'lhs', true, 0]);
    // LHS with 20 samples: one per twentieth of [0, 1]
    const strata = a.values.map((v) => Math.floor(v[0]! * 20)).sort((p, q) => p - q);
    expect(strata).toEqual(Array.from({ length: 20 }, (_, k) => k));
    expect(a.lcocBelowTerrestrial).toMatchObject({ successes: 6, trials: 20 });
    const again = await analyzeUncertainty({ designPath: 'stand-in.yaml', seed: 1 });
    expect(again.values).toEqual(a.values);
    const other = await analyzeUncertainty({ designPath: 'stand-in.yaml', seed: 2 });
    expect(other.values).not.toEqual(a.values);
  });

  it('plain Monte Carlo is used when asked, and a negative worker count runs in this thread', async () => {
    const mc = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10, method: 'mc', workers: -1 });
    expect([mc.method, mc.workers]).toEqual(['mc', 0]);
    const lhs = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    expect(mc.values).not.toEqual(lhs.values);
    expect(mc.failed).toBe(count(mc.values, (x) => x > 0.9));
    expect(mc.lcocBelowTerrestrial!.successes).toBe(count(mc.values, (x) => x < 0.3));
  });

  it('too few samples is refused before anything is evaluated', async () => {
    await expect(analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 1 })).rejects.toThrow(
      /--samples must be a whole number from 2/,
    );
  });

  it('progress: "sampling" from 0 up to the sample count', async () => {
    const seen: AnalysisProgress[] = [];
    await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10, onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ phase: 'sampling', done: 0, total: 10 });
    expect(seen[seen.length - 1]).toEqual({ phase: 'sampling', done: 10, total: 10 });
    expect(seen.every((p) => p.phase === 'sampling' && p.total === 10)).toBe(true);
  });

  it('no terrestrial comparison: no P(LCOC < terrestrial); a failed nominal design: no nominal values', async () => {
    current = standIn({ comparison: false, nominalOk: false });
    const a = await analyzeUncertainty({ designPath: 'stand-in.yaml', samples: 10 });
    expect(a.lcocBelowTerrestrial).toBeNull();
    expect(a.outputs.map((s) => s.nominal)).toEqual([null, null]);
    expect(a.margins.map((m) => m.nominal)).toEqual([null, null]);
  });
});

describe('uncertainty summaries: thresholds and codes', () => {
  const ok = (...y: number[]): SampleOutcome => ({ status: 'ok', y: Float64Array.from(y) });

  it('a spread up to 1e-12 of the largest magnitude is rounding (one value); 2e-12 is a real spread', () => {
    // 5 and 5(1 + 5e-13): spread 2.5e-12 ≤ 1e-12 · 5
    expect(columnSummary([ok(5), ok(5 * (1 + 5e-13))], 0, null)!.sd).toBe(0);
    expect(columnSummary([ok(5), ok(5 * (1 + 2e-12))], 0, null)!.sd).toBeGreaterThan(0);
  });

  it('a wrong sample count is a BAD_ARGUMENT study error (exit 2)', () => {
    let error: unknown;
    try {
      checkSampleCount('--samples', 1, 2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StudyError);
    expect((error as StudyError).code).toBe('BAD_ARGUMENT');
  });

  it('no enforced constraint: no P(all hold), only the every-check figure', () => {
    const c = (name: string) => ({ name, unit: '-', sense: '<=' as const, enforced: false, description: '' });
    const model = { metricPaths: ['m'], constraints: [c('a'), c('b')] };
    const j = jointHolds(model, [ok(0, 1, 1, 1, 1), ok(0, 1, -1, 1, 0)]);
    expect(j.allHold).toBeNull();
    expect([j.everyCheckHold!.successes, j.everyCheckHold!.trials]).toEqual([1, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadDesign, metricColumn, sampleModel } from '../../src/analysis/model.js';
import { analyzeUncertainty } from '../../src/analysis/uncertainty.js';
import { samplesCsv } from '../../src/analysis/uncertaintyReport.js';
import { tempDir } from '../helpers/tmp.js';
import { AI1, designFile, LAUNCH_PRICE, linearLaunchDesign } from './fixtures.js';

/**
 * Runs on worker threads that execute dist/, which Stryker never mutates: skipped in mutation runs
 * (vitest.mutation.config.ts).
 */
const itPooled = it.skipIf(process.env.ODC_MUTATION === '1');

const dir = tempDir('odc-uncertainty-');
const ai1Inputs = sampleModel(loadDesign(designFile(dir, 'ai1', AI1))).inputs.map((x) => x.path);
const linear = linearLaunchDesign(dir, ai1Inputs);
/** Mean of triangular(a, c, b) = (a + b + c)/3 (Kotz & van Dorp 2004, ch. 1). */
const priceMean_USD_per_kg = (LAUNCH_PRICE.min + LAUNCH_PRICE.mode + LAUNCH_PRICE.max) / 3;

describe('odc uncertainty: forward propagation', () => {
  for (const method of ['lhs', 'mc'] as const) {
    it(`${method}: the sample mean of cost.launch_USD (linear in the launch price at fixed mass) matches price mean × launch mass within 3 SE`, async () => {
      const a = await analyzeUncertainty({ designPath: linear, samples: 400, seed: 7, method });
      expect(a.inputs.map((x) => x.path)).toEqual([
        'catalogs.batteries.li-ion-leo.cost_USD_per_Wh',
        'economics.launchCost_USD_per_kg',
      ]);
      expect(a.failed).toBe(0);
      if (a.model.kind !== 'node') throw new Error('expected a node design');
      const mass_kg = a.model.nominalRecord!.mass.launch_kg;
      const [massCol, launchCol] = [metricColumn('mass.launch_kg'), metricColumn('cost.launch_USD')];
      const launch_USD = a.outcomes.map((o, i) => {
        if (o.status !== 'ok') throw new Error(o.reason);
        // the mass does not depend on either input, and the launch cost is $/kg × m (src/models/cost/cost.ts header)
        expect(o.y[massCol]! / mass_kg - 1).toBeCloseTo(0, 12);
        expect(o.y[launchCol]! / (a.values[i]![1]! * mass_kg) - 1).toBeCloseTo(0, 12);
        return o.y[launchCol]!;
      });
      const n = launch_USD.length;
      const mean = launch_USD.reduce((s, v) => s + v, 0) / n;
      const sd = Math.sqrt(launch_USD.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
      const analytic_USD = priceMean_USD_per_kg * mass_kg;
      expect(Math.abs(mean - analytic_USD)).toBeLessThan(3 * (sd / Math.sqrt(n)));
      // the launch mass is one number: zero spread, p5 = p95
      const mass = a.outputs.find((o) => o.path === 'mass.launch_kg')!;
      expect(mass.p95 - mass.p5).toBeLessThan(1e-9 * mass_kg);
    });
  }

  it('LHS puts exactly one sample in each of the n equal-probability strata of every input', async () => {
    const n = 50;
    const a = await analyzeUncertainty({ designPath: linear, samples: n, seed: 3 });
    // the launch price CDF of triangular(a, c, b): F(x) = (x − a)²/((b − a)(c − a)) for x ≤ c, else 1 − (b − x)²/((b −
    // a)(b − c))
    const { min: lo, mode: c, max: hi } = LAUNCH_PRICE;
    const cdf = (x: number): number =>
      x <= c ? (x - lo) ** 2 / ((hi - lo) * (c - lo)) : 1 - (hi - x) ** 2 / ((hi - lo) * (hi - c));
    const strata = a.values.map((v) => Math.floor(cdf(v[1]!) * n)).sort((x, y) => x - y);
    expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
  });

  it("a sample outside a field's range is a failed sample, counted with its reason and never holding a constraint", async () => {
    // utilization ~ normal(0.95, 0.1), untruncated: P(u > 1) = 1 − Φ(0.5) = 0.308538 (standard normal table)
    const file = designFile(dir, 'overdrive', [
      ...AI1,
      'uncertainty:',
      '  compute.utilization: { kind: normal, mean: 0.95, sd: 0.1 }',
    ]);
    const n = 200;
    const a = await analyzeUncertainty({ designPath: file, samples: n, seed: 2 });
    const outside = a.values.filter((v) => v[a.inputs.findIndex((x) => x.path === 'compute.utilization')]! > 1).length;
    expect(Math.abs(outside - 0.308538 * n)).toBeLessThanOrEqual(2); // LHS: one sample per 1/n stratum of every input
    expect(a.failed).toBe(outside);
    expect(
      a.failureReasons.every(
        (f) => f.reason.startsWith('compute.utilization = ') && f.reason.includes('validity range 0.05–1'),
      ),
    ).toBe(true);
    for (const m of a.margins) expect(m.holds.successes + a.failed).toBeLessThanOrEqual(n);
    // jointly: at most the least likely constraint, and no failed sample counts
    expect(a.allHold!.trials).toBe(n);
    expect(a.allHold!.successes).toBeLessThanOrEqual(Math.min(...a.margins.map((m) => m.holds.successes)));
    expect(a.allHold!.successes + a.failed).toBeLessThanOrEqual(n);
    expect(a.outputs.find((o) => o.path === 'mass.launch_kg')!.n).toBe(n - a.failed);
  });

  itPooled('the same seed gives identical samples.csv with 0 and 2 worker threads; another seed does not', async () => {
    const [serial, pooled, other] = await Promise.all([
      analyzeUncertainty({ designPath: designFile(dir, 'ai1', AI1), samples: 48, seed: 11, workers: 0 }),
      analyzeUncertainty({ designPath: designFile(dir, 'ai1', AI1), samples: 48, seed: 11, workers: 2 }),
      analyzeUncertainty({ designPath: designFile(dir, 'ai1', AI1), samples: 48, seed: 12, workers: 0 }),
    ]);
    expect(pooled.workers).toBe(2);
    const csv = samplesCsv(serial);
    expect(csv.split('\n')).toHaveLength(48 + 2);
    expect(samplesCsv(pooled)).toBe(csv);
    expect(samplesCsv(other)).not.toBe(csv);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDesignFile } from '../../src/node/evaluator.js';
import { breakEven, breakEvenInputs } from '../../src/analysis/breakEven.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { loadDesign, sampleModel, type SampleModel } from '../../src/analysis/model.js';
import { analyzeSensitivity, type SensitivityAnalysis } from '../../src/analysis/sensitivity.js';
import { tempDir } from '../helpers/tmp.js';
import { AI1, designFile, LAUNCH_PRICE, linearLaunchDesign } from './fixtures.js';

const dir = tempDir('odc-sensitivity-');
const LAUNCH = 'economics.launchCost_USD_per_kg';
const BATTERY = 'catalogs.batteries.li-ion-leo.cost_USD_per_Wh';

/**
 * Inverse CDF of triangular(a, c, b) (Kotz & van Dorp 2004, ch. 1) and its variance (a² + b² + c² − ab − ac − bc)/18.
 */
const triangularQuantile = (a: number, c: number, b: number, u: number): number =>
  u <= (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
const triangularVariance = (a: number, c: number, b: number): number =>
  (a * a + b * b + c * c - a * b - a * c - b * c) / 18;

// made in beforeAll, not while the describes are collected, so StrykerJS's mutants are active (docs/mutation.md)
describe("odc sensitivity: tornado and Sobol' indices", () => {
  let s: SensitivityAnalysis;
  let record: DesignRecord;
  beforeAll(async () => {
    const ai1Inputs = sampleModel(loadDesign(designFile(dir, 'ai1', AI1))).inputs.map((x) => x.path);
    s = await analyzeSensitivity({ designPath: linearLaunchDesign(dir, ai1Inputs), samples: 1024, seed: 5 });
    if (s.model.kind !== 'node') throw new Error('expected a node design');
    record = s.model.nominalRecord!;
  });

  it("the launch mass does not depend on the launch price: zero swing in the tornado, zero Sobol' indices", () => {
    const mass = s.tornado!.outputs.find((t) => t.output === 'mass.launch_kg')!;
    expect(mass.bars.find((b) => b.input === LAUNCH)!.swing).toBe(0);
    const sobol = s.sobol!.outputs.find((o) => o.output === 'mass.launch_kg')!;
    expect([sobol.variance, sobol.note]).toEqual([0, 'constant: no input changes it (all indices 0)']);
    expect(sobol.indices.find((i) => i.input === LAUNCH)).toMatchObject({
      first: 0,
      total: 0,
      totalLow: 0,
      totalHigh: 0,
    });
  });

  it('the LCOC swing of the launch price is Δprice × m × (1 + f_ops·L) / (delivered × L × 365.25 d) (src/models/cost/cost.ts)', () => {
    const { min: a, mode: c, max: b } = LAUNCH_PRICE;
    const dPrice = triangularQuantile(a, c, b, 0.95) - triangularQuantile(a, c, b, 0.05);
    const L_yr = 5;
    const fOps_per_yr = 0.02; // operations 2 %/yr of hardware + launch (cost.ts header)
    const expected =
      (dPrice * record.mass.launch_kg * (1 + fOps_per_yr * L_yr)) / (record.compute.deliveredPFLOPS * L_yr * 365.25);
    const bar = s
      .tornado!.outputs.find((t) => t.output === 'cost.lcoc_USD_per_PFLOP_day')!
      .bars.find((x) => x.input === LAUNCH)!;
    expect(bar.swing / expected - 1).toBeCloseTo(0, 9);
    expect(bar.outputAtHigh).toBeGreaterThan(bar.outputAtLow);
  });

  it("the LCOC is additive and linear in both inputs: Sobol' S_i = k_i² Var_i / Σ k_j² Var_j, first = total, within the bootstrap interval", () => {
    const bars = s.tornado!.outputs.find((t) => t.output === 'cost.lcoc_USD_per_PFLOP_day')!.bars;
    const variance: Record<string, number> = {
      [LAUNCH]: triangularVariance(LAUNCH_PRICE.min, LAUNCH_PRICE.mode, LAUNCH_PRICE.max),
      [BATTERY]: triangularVariance(100, 150, 300), // the li-ion-leo row's distribution
    };
    // slopes k_i = dLCOC/dx_i from the (linear) response between p5 and p95
    const part = Object.fromEntries(
      bars.map((x) => [x.input, ((x.outputAtHigh - x.outputAtLow) / (x.high - x.low)) ** 2 * variance[x.input]!]),
    );
    const sum = part[LAUNCH]! + part[BATTERY]!;
    const indices = s.sobol!.outputs.find((o) => o.output === 'cost.lcoc_USD_per_PFLOP_day')!.indices;
    for (const idx of indices) {
      const analytic = part[idx.input]! / sum;
      expect(Math.abs(idx.first - analytic), `${idx.input} first`).toBeLessThan(0.05);
      expect(Math.abs(idx.total - analytic), `${idx.input} total`).toBeLessThan(0.05);
      expect(analytic).toBeGreaterThanOrEqual(idx.totalLow);
      expect(analytic).toBeLessThanOrEqual(idx.totalHigh);
    }
  });
});

describe('break-even thresholds', () => {
  // Expensive terrestrial power (USD 2/kWh, PUE 3: the ends of the schema ranges) so that a break-even exists.
  let model: SampleModel;
  beforeAll(() => {
    const costly = designFile(dir, 'costly-grid', [
      ...AI1.filter((l) => !l.startsWith('power:') && !l.startsWith('isl:')),
      'power: { array: silicon-flex, arrayArea_m2: 600, battery: li-ion-cots }',
      'isl: { topology: none }',
      'economics: { launchCost_USD_per_kg: 500, electricity_USD_per_kWh: 2, pue: 3 }',
    ]);
    model = sampleModel(loadDesign(costly));
  });

  it('each threshold reproduces LCOC = terrestrial LCOC to 1e-6 when the design file is evaluated there', () => {
    const found = breakEvenInputs(model).map((b) => breakEven({ model, ...b }));
    expect(found.map((b) => b.status)).toEqual(['found', 'found', 'found']);
    const [launch, chip, life] = found as [(typeof found)[0], (typeof found)[0], (typeof found)[0]];
    const at = (name: string, lines: readonly string[]) => evaluateDesignFile(designFile(dir, name, lines)).record.cost;
    const base = (l: string) => !l.startsWith('economics:') && !l.startsWith('mission:') && !l.startsWith('catalogs:');
    const lines = [
      ...AI1.filter((l) => base(l) && !l.startsWith('power:') && !l.startsWith('isl:')),
      'power: { array: silicon-flex, arrayArea_m2: 600, battery: li-ion-cots }',
      'isl: { topology: none }',
    ];
    const checks = [
      at('at-launch', [
        ...lines,
        'mission: { lifetime_yr: 5 }',
        `economics: { launchCost_USD_per_kg: ${launch.root}, electricity_USD_per_kWh: 2, pue: 3 }`,
      ]),
      at('at-life', [
        ...lines,
        `mission: { lifetime_yr: ${life.root} }`,
        'economics: { launchCost_USD_per_kg: 500, electricity_USD_per_kWh: 2, pue: 3 }',
      ]),
    ];
    for (const c of checks)
      expect(Math.abs(c.lcoc_USD_per_PFLOP_day / c.terrestrialLcoc_USD_per_PFLOP_day - 1)).toBeLessThan(1e-6);
    // the chip price lives in the catalog row: re-evaluate through the model with that row field set
    const r = model.record([chip.root!], [breakEvenInputs(model)[1]!.spec]);
    if (typeof r === 'string') throw new Error(r);
    expect(Math.abs(r.cost.lcoc_USD_per_PFLOP_day / r.cost.terrestrialLcoc_USD_per_PFLOP_day - 1)).toBeLessThan(1e-6);
    // cheaper launch makes space cheaper: space wins below the launch-price threshold, and it lies inside the schema
    // range
    expect(launch.spaceCheaper).toBe('below');
    expect(launch.root!).toBeGreaterThan(10);
    expect(launch.root!).toBeLessThan(1e5);
  });

  it('"no break-even in range" when the LCOC stays on one side over the whole range (checked at both ends)', () => {
    const ai1 = sampleModel(loadDesign(designFile(dir, 'ai1', AI1)));
    const launch = breakEven({ model: ai1, ...breakEvenInputs(ai1)[0]! });
    const ends = [10, 1e5].map(
      (x) =>
        evaluateDesignFile(designFile(dir, `ai1-${x}`, [...AI1, `economics: { launchCost_USD_per_kg: ${x} }`])).record
          .cost,
    );
    const side = ends.map((c) => Math.sign(c.lcoc_USD_per_PFLOP_day - c.terrestrialLcoc_USD_per_PFLOP_day));
    expect(side[0]).toBe(side[1]); // the premise: same side at both ends of 10–100,000 USD/kg
    expect(launch.status).toBe('none');
    expect(launch.root).toBeNull();
    expect(launch.message).toMatch(/^no break-even in range \[10, 100000\] USD\/kg/);
  });
});

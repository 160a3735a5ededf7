import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDesignFile } from '../../src/node/evaluator.js';
import { breakEven, breakEvenInputs } from '../../src/analysis/breakEven.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { loadDesign, sampleModel, type SampleModel } from '../../src/analysis/model.js';
import {
  analyzeSensitivity,
  type SensitivityAnalysis,
  analyzeSensitivityModel,
} from '../../src/analysis/sensitivity.js';
import { tempDir } from '../helpers/tmp.js';
import { AI1, designFile, LAUNCH_PRICE, linearLaunchDesign } from './fixtures.js';
import { createRng } from '../../src/base/rng.js';
import { saltelliDesign } from '../../src/statistics/sobol.js';
import { type AnalysisProgress } from '../../src/analysis/uncertainty.js';
import { linearStandIn } from './linearStandIn.js';

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

/**
 * A node that comes near the ground: production-scale prices with the bus, AIT, array, radiator, chip packaging and
 * operations priced at 0, chips busy all the time, launch at 100 USD/kg, against the costliest scenario
 * (high-power-price-ireland). Its verdict is near 1, so the launch price has a break-even inside its range.
 */
const NEAR_GROUND = [
  'mission: { lifetime_yr: 5, solarActivity: moderate }',
  'orbit: { altitude_km: 550, inclination_deg: sso, ltan_h: 6 }',
  'compute: { chip: gb300, chips: 77, utilization: 1 }',
  'power: { array: silicon-flex, arrayArea_m2: 1250, battery: li-ion-cots, eclipseComputeFraction: 0.45 }',
  'thermal: { radiator: deployable-pumped-cots, radiatorArea_m2: 257, coating: osr }',
  'radiation: { shielding_mm_al: 3.24 }',
  'isl: { topology: none }',
  'launch: { vehicle: starship, mass_kg: 8740 }',
  'cost: { technology: production-scale, chipIntegrationFraction: 0, operationsFraction_per_yr: 0, ' +
    'busCost_USD_per_kg: 0, aitFraction: 0, arrayPriceFactor: 0, arrayPriceClass: production, ' +
    'radiatorPriceFactor: 0, radiatorPriceClass: production }',
];
const nearGroundEconomics = (launch: number, lifetime = 5): string[] => [
  `economics: { launchCost_USD_per_kg: ${launch}, units: 8334, baseline: high-power-price-ireland }`,
  `mission: { lifetime_yr: ${lifetime}, solarActivity: moderate }`,
];

describe("break-even thresholds on the verdict's basis", () => {
  let model: SampleModel;
  beforeAll(() => {
    model = sampleModel(
      loadDesign(designFile(dir, 'near-ground', [...NEAR_GROUND.slice(1), ...nearGroundEconomics(100)])),
    );
  });

  it("at the nominal inputs the LCOC compared over the ground's is the record's verdict, cost.lcocToBaseline", () => {
    const o = model.nominal;
    if (o.status !== 'ok') throw new Error(o.reason);
    const ratio = o.y[model.column(model.comparison!.lcoc)]! / o.y[model.column(model.comparison!.terrestrial)]!;
    const k = model.nominalRecord!.cost;
    expect(ratio).toBeWithinRelative(k.lcocToBaseline, 1e-12);
    // and the verdict's scenario is the file's economics.baseline, the ratio its entry among every scenario's
    expect(k.baselines.find((b) => b.id === 'high-power-price-ireland')!.spaceToTerrestrial).toBe(k.lcocToBaseline);
    expect(model.comparison!.description).toContain('high-power-price-ireland');
    expect(model.comparison!.description).not.toMatch(/first unit|undiscounted/);
  });

  it('each threshold, written into the design file and evaluated, gives the verdict ratio 1 (to 1e-6)', () => {
    const found = breakEvenInputs(model).map((b) => breakEven({ model, ...b }));
    const [launch, chip, life] = found as [(typeof found)[0], (typeof found)[0], (typeof found)[0]];
    expect(found.map((b) => b.status)).toEqual(['found', 'found', 'found']);
    // the oracle: a design file with the threshold written in, evaluated as odc evaluate does; its verdict ratio is
    // the record's cost.lcocToBaseline, the figure a run's answer prints
    const verdict = (name: string, lines: readonly string[]): number =>
      evaluateDesignFile(designFile(dir, name, lines)).record.cost.lcocToBaseline;
    expect(verdict('at-launch', [...NEAR_GROUND.slice(1), ...nearGroundEconomics(launch.root!)])).toBeCloseTo(1, 6);
    // cheaper launch makes space cheaper: space wins below the launch-price threshold, here above the nominal 100
    expect(launch.spaceCheaper).toBe('below');
    expect(launch.root!).toBeGreaterThan(100);
    expect(launch.root!).toBeLessThan(1e4);
    // every crossing of the lifetime's scan is a break-even
    expect(life.roots.length).toBeGreaterThanOrEqual(1);
    life.roots.forEach((x, i) =>
      expect(verdict(`at-life-${i}`, [...NEAR_GROUND.slice(1), ...nearGroundEconomics(100, x)])).toBeCloseTo(1, 6),
    );
    // the chip price lives in the catalog row: re-evaluate through the model with that row field set
    const r = model.record([chip.root!], [breakEvenInputs(model)[1]!.spec]);
    if (typeof r === 'string') throw new Error(r);
    expect(r.cost.lcocToBaseline).toBeCloseTo(1, 6);
  });

  it('"no break-even in range" when the verdict stays on one side over the whole range (checked at both ends)', () => {
    const ai1 = sampleModel(loadDesign(designFile(dir, 'ai1', AI1)));
    const launch = breakEven({ model: ai1, ...breakEvenInputs(ai1)[0]! });
    const at = (x: number) =>
      evaluateDesignFile(designFile(dir, `ai1-${x}`, [...AI1, `economics: { launchCost_USD_per_kg: ${x} }`])).record
        .cost;
    const ends = [10, 1e5].map(at);
    const side = ends.map((c) => Math.sign(c.lcocToBaseline - 1));
    expect(side[0]).toBe(side[1]); // the premise: same side at both ends of 10–100,000 USD/kg
    expect(launch.status).toBe('none');
    expect(launch.root).toBeNull();
    expect(launch.message).toMatch(/^no break-even in range \[10, 100000\] USD\/kg/);
    // the ratio at 0 by hand: the verdict is affine in the launch price (launch is a cost off the learning curve,
    // operations a fraction of the average unit), so the line through two evaluated prices, 20 and 40 USD/kg, meets
    // 0 at 2·r(20) − r(40); a third price on that line checks the premise
    const [r20, r40, r80] = [20, 40, 80].map((x) => at(x).lcocToBaseline) as [number, number, number];
    expect(r80).toBeCloseTo(r40 + 2 * (r40 - r20), 9);
    const said = /even at 0 USD\/kg it would be ([\d.]+)× the terrestrial LCOC/.exec(launch.message);
    expect(said, launch.message).not.toBeNull();
    expect(Number(said![1]) / (2 * r20 - r40) - 1).toBeCloseTo(0, 3);
    // and what holds it there: launch's share of the programme's average node, and the largest hardware line, here
    // the battery
    const k = ai1.nominalRecord!.cost;
    const share = /launch is ([\d.]+) % of the programme's average node/.exec(launch.message);
    expect(Number(share![1]) / ((100 * k.launch_USD) / k.averageNodeCost_USD) - 1).toBeCloseTo(0, 2);
    expect(k.batteryHardware_USD).toBe(
      Math.max(k.chipsHardware_USD, k.arrayHardware_USD, k.batteryHardware_USD, k.busHardware_USD, k.ait_USD),
    );
    expect(launch.message).toMatch(/its hardware \(first unit: battery [\d.]+ %/);
  });
});

describe('stand-in', () => {
  /**
   * analyzeSensitivity on the closed-form stand-in of ./linearStandIn.ts: lcoc = a + 2b with a ~ U(0.1, 1) (design
   * value 0.5) and b ~ U(0.2, 2) (model default 1). Every figure below is worked by hand from that formula.
   */
  const U = (min: number, max: number, p: number): number => min + p * (max - min);

  describe('sensitivity of a linear stand-in: tornado', () => {
    it('bars at p5/p95 of U(min, max), swing |Δy|, sorted by swing; the nominal row is the design as written', async () => {
      const s = await analyzeSensitivityModel(linearStandIn(), { designPath: 'unused', method: 'tornado' });
      expect([s.method, s.sobol, s.tornado!.evaluations, s.tornado!.failed]).toEqual(['tornado', null, 5, 0]);
      const lcoc = s.tornado!.outputs.find((t) => t.output === 'lcoc')!;
      expect(lcoc.unit).toBe('USD/PFLOP-day');
      expect(lcoc.nominalOutput).toBeCloseTo(0.5 + 2 * 1, 12); // a = 0.5 as written, b at the model default 1
      const [first, second] = lcoc.bars;
      // b: p5 = 0.2 + 0.05·1.8 = 0.29, p95 = 1.91; y = 0.5 + 2b → 1.08 and 4.32, swing 2·1.62 = 3.24
      expect(first).toMatchObject({ input: 'economics.b', unit: 'u', nominal: null });
      expect(first!.low).toBeCloseTo(U(0.2, 2, 0.05), 12);
      expect(first!.high).toBeCloseTo(U(0.2, 2, 0.95), 12);
      expect(first!.outputAtLow).toBeCloseTo(1.08, 12);
      expect(first!.outputAtHigh).toBeCloseTo(4.32, 12);
      expect(first!.swing).toBeCloseTo(3.24, 12);
      // a: p5 = 0.145, p95 = 0.955; y = a + 2 → 2.145 and 2.955, swing 0.81
      expect(second).toMatchObject({ input: 'economics.a', nominal: 0.5 });
      expect([second!.outputAtLow, second!.outputAtHigh, second!.swing].map((v) => +v.toFixed(12))).toEqual([
        2.145, 2.955, 0.81,
      ]);
      const mass = s.tornado!.outputs.find((t) => t.output === 'mass')!;
      expect([mass.nominalOutput, ...mass.bars.map((b) => b.swing)]).toEqual([7, 0, 0]);
      expect(s.tornado!.outputs.map((t) => t.output)).toEqual(['lcoc', 'mass', 'zero', 'drift', 'nowhere']);
    });

    it('a failed evaluation (a = 0.955 > 0.9) is counted and leaves NaN at that end of the bar', async () => {
      const s = await analyzeSensitivityModel(linearStandIn({ failAbove: 0.9 }), {
        designPath: 'unused',
        method: 'tornado',
      });
      expect(s.tornado!.failed).toBe(1);
      const a = s.tornado!.outputs[0]!.bars.find((b) => b.input === 'economics.a')!;
      expect(a.outputAtLow).toBeCloseTo(2.145, 12);
      expect([a.outputAtHigh, a.swing]).toEqual([NaN, NaN]);
    });
  });

  describe("sensitivity of a linear stand-in: Sobol' indices", () => {
    it('additive lcoc: S_a = S_Ta = Var(a)/(Var(a) + 4 Var(b)) = 0.81/13.77, S_b = 12.96/13.77', async () => {
      const s = await analyzeSensitivityModel(linearStandIn(), {
        designPath: 'unused',
        method: 'sobol',
        samples: 512,
        seed: 11,
      });
      expect([s.tornado, s.samples, s.samplesDefaulted]).toEqual([null, 512, false]); // --samples given
      const sobol = s.sobol!;
      // N(d + 2) = 512·4 evaluations; the summary states the bootstrap it ran (sobol.ts: 1000 resamples, 95 %)
      expect([sobol.n, sobol.evaluations, sobol.failed, sobol.resamples, sobol.confidence]).toEqual([
        512, 2048, 0, 1000, 0.95,
      ]);
      expect(sobol.failureReasons).toEqual([]);
      const lcoc = sobol.outputs.find((o) => o.output === 'lcoc')!;
      expect([lcoc.rows, lcoc.note, lcoc.unit]).toEqual([512, null, 'USD/PFLOP-day']);
      // Var(a) = 0.9²/12, Var(2b) = 4·1.8²/12: total (0.81 + 12.96)/12
      expect(lcoc.variance / (13.77 / 12) - 1).toBeLessThan(0.15);
      expect(lcoc.indices.map((i) => i.input)).toEqual(['economics.b', 'economics.a']); // ranked by total
      for (const [i, analytic] of [
        [lcoc.indices[0]!, 12.96 / 13.77],
        [lcoc.indices[1]!, 0.81 / 13.77],
      ] as const) {
        expect(Math.abs(i.first - analytic)).toBeLessThan(0.05);
        expect(Math.abs(i.total - analytic)).toBeLessThan(0.05);
        expect(i.firstLow).toBeLessThanOrEqual(i.first);
        expect(i.firstHigh).toBeGreaterThanOrEqual(i.first);
        expect(i.totalLow).toBeLessThanOrEqual(analytic);
        expect(i.totalHigh).toBeGreaterThanOrEqual(analytic);
      }
    });

    it('outputs no input moves (7, 0, and 1000 + 1e-10·a: within 1e-12 of its size) are constant: every index 0', async () => {
      const s = await analyzeSensitivityModel(linearStandIn(), { designPath: 'unused', method: 'sobol', samples: 16 });
      const zeros = { first: 0, firstLow: 0, firstHigh: 0, total: 0, totalLow: 0, totalHigh: 0 };
      for (const name of ['mass', 'zero', 'drift']) {
        const o = s.sobol!.outputs.find((x) => x.output === name)!;
        expect(o, name).toMatchObject({
          rows: 16,
          variance: 0,
          note: 'constant: no input changes it (all indices 0)',
          unit: `${name}-unit`,
        });
        expect(o.indices, name).toEqual([
          { input: 'economics.a', ...zeros },
          { input: 'economics.b', ...zeros },
        ]);
      }
      const nowhere = s.sobol!.outputs.find((x) => x.output === 'nowhere')!;
      expect(nowhere).toMatchObject({ rows: 0, indices: [], note: 'only 0 of 16 row tuples evaluated: no indices' });
      expect(nowhere.variance).toBeNaN();
    });

    it('two base rows (the least --samples allows) give indices, not the "too few tuples" note', async () => {
      const s = await analyzeSensitivityModel(linearStandIn(), { designPath: 'unused', method: 'sobol', samples: 2 });
      const lcoc = s.sobol!.outputs.find((o) => o.output === 'lcoc')!;
      expect([lcoc.rows, lcoc.note, lcoc.indices.length]).toEqual([2, null, 2]);
    });

    it('a row tuple with a failed evaluation is dropped; failures are counted per evaluation', async () => {
      const seed = 4;
      const s = await analyzeSensitivityModel(linearStandIn({ failAbove: 0.9 }), {
        designPath: 'unused',
        method: 'sobol',
        samples: 20,
        seed,
      });
      // The design the analysis draws (same seed, Latin hypercube): a = 0.1 + 0.9u fails when u > 8/9.
      const { rows } = saltelliDesign({ n: 20, d: 2, rng: createRng(seed), method: 'lhs' });
      const fails = (u: readonly number[]): boolean => 0.1 + 0.9 * u[0]! > 0.9;
      const failed = rows.filter(fails).length;
      // tuple j = (A_j, B_j, A_B^(a)_j, A_B^(b)_j): a comes from A or B, so it fails when A_j or B_j fails
      const kept = Array.from({ length: 20 }, (_, j) => j).filter((j) => !fails(rows[j]!) && !fails(rows[20 + j]!));
      expect(failed).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(20);
      expect([s.sobol!.evaluations, s.sobol!.failed]).toEqual([80, failed]);
      expect(s.sobol!.failureReasons).toEqual([{ reason: 'too hot', count: failed }]);
      const lcoc = s.sobol!.outputs.find((o) => o.output === 'lcoc')!;
      expect(lcoc.rows).toBe(kept.length);
      expect(lcoc.note).toBe(`${20 - kept.length} of 20 row tuples dropped (a failed evaluation)`);
      for (const i of lcoc.indices) expect([i.first, i.total].every(Number.isFinite)).toBe(true);
    });
  });

  describe('sensitivity of a linear stand-in: break-even, defaults, options', () => {
    it('break-even of each input from its own scan: a = 2.2 − 2 = 0.2, b = (2.2 − 0.5)/2 = 0.85; space cheaper below', async () => {
      const progress: AnalysisProgress[] = [];
      const s = await analyzeSensitivityModel(linearStandIn(), {
        designPath: 'unused',
        onProgress: (p) => progress.push(p),
      });
      expect(s.breakEvenNote).toBeNull();
      expect(s.breakEven.map((b) => [b.label, b.status, b.spaceCheaper])).toEqual([
        ['input a', 'found', 'below'],
        ['input b', 'found', 'below'],
      ]);
      expect(s.breakEven[0]!.root).toBeCloseTo(0.2, 9);
      expect(s.breakEven[1]!.root).toBeCloseTo(0.85, 9);
      // each curve is its own input's 8-point scan: lcoc = x + 2 on [0.1, 1], 0.5 + 2x on [0.2, 2]
      expect(s.breakEven[0]!.curve.map((p) => p.lcoc - p.x)).toEqual(new Array(8).fill(2).map(() => expect.closeTo(2)));
      expect(s.breakEven[1]!.curve.map((p) => p.lcoc - 2 * p.x)).toEqual(
        new Array(8).fill(0.5).map(() => expect.closeTo(0.5)),
      );
      // defaults: method all, the model's 16 base rows, seed and workers as documented
      expect([s.method, s.samples, s.samplesDefaulted, s.workers]).toEqual(['all', 16, true, 0]);
      expect(s.inputs.map((x) => [x.path, x.p5])).toEqual([
        ['economics.a', expect.closeTo(0.145, 12)],
        ['economics.b', expect.closeTo(0.29, 12)],
      ]);
      // progress: each phase ends with done = total: 2d + 1 = 5, N(d + 2) = 64, two 8-point scans
      const last = (phase: string) => progress.filter((p) => p.phase === phase).at(-1);
      expect([last('tornado'), last('sobol'), last('break-even')]).toEqual([
        { phase: 'tornado', done: 5, total: 5 },
        { phase: 'sobol', done: 64, total: 64 },
        { phase: 'break-even', done: 16, total: 16 },
      ]);
    });

    it('without a terrestrial comparison there are no thresholds, and the note says why', async () => {
      const s = await analyzeSensitivityModel(linearStandIn({ comparison: false }), {
        designPath: 'unused',
        method: 'tornado',
      });
      expect(s.breakEven).toEqual([]);
      expect(s.breakEvenNote).toBe('the record has no terrestrial comparison: break-even thresholds skipped');
    });

    it('an unknown method or a sample count below 2 is a BAD_ARGUMENT before any file is read', async () => {
      const bad = await analyzeSensitivity({ designPath: 'no-such-file.yaml', method: 'morris' as 'all' }).catch(
        (e: unknown) => e,
      );
      expect(bad).toMatchObject({
        code: 'BAD_ARGUMENT',
        message: '--method must be one of tornado, sobol, all, got morris',
      });
      const few = await analyzeSensitivity({ designPath: 'no-such-file.yaml', samples: 1 }).catch((e: unknown) => e);
      expect(few).toMatchObject({
        code: 'BAD_ARGUMENT',
        message: '--samples must be a whole number from 2 to 10000000, got 1',
      });
    });
  });
});

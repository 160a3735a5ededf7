/**
 * odc uncertainty / odc sensitivity of constellation files (src/analysis/constellationModel.ts). The fixtures are
 * light copies of the shipped constellations (no gateways, a one-hour window: milliseconds per evaluation).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { odc } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { loadAnalysisModel } from '../../src/analysis/loadModel.js';
import { loadDesign, sampleModel } from '../../src/analysis/model.js';
import { analyzeSensitivity, analyzeUncertainty, createLpSolver } from '../../src/index.js';
import { samplesCsv } from '../../src/analysis/uncertaintyReport.js';
import { constellationVerdicts } from '../../src/run/decision/recommend.js';
import { ai1NearGround, threeBodyLight } from './fixtures.js';

/**
 * Runs on worker threads that execute dist/, which Stryker never mutates: skipped in mutation runs
 * (vitest.mutation.config.ts).
 */
const itPooled = it.skipIf(process.env.ODC_MUTATION === '1');

const dir = tempDir('odc-uncertainty-constellation-');
const PRICE_PATH = 'catalogs.launchVehicles.long-march-2d.price_USD';
const PRICE = { min: 20e6, mode: 30e6, max: 45e6 } as const;
const price = `  ${PRICE_PATH}: { kind: triangular, min: ${PRICE.min}, mode: ${PRICE.mode}, max: ${PRICE.max}, reason: test }`;
const learning = '  economics.learningRate: { kind: triangular, min: 0.85, mode: 0.95, max: 1, reason: test }';
/**
 * `fixed` for every catalog-row input of the light Three-Body constellation (its node's rows), so only the inputs added
 * vary.
 */
let fixedRows: string[] = [];

beforeAll(async () => {
  const base = await loadAnalysisModel(threeBodyLight(dir, 'tb-base'), { createLpSolver });
  fixedRows = base.inputs.map((x) => `  ${x.path}: fixed`);
});

describe('constellations: odc uncertainty', () => {
  it('the sample mean of totals.launch_USD (launches × the vehicle price, launches fixed by mass) matches the analytic mean within 3 SE', async () => {
    const file = threeBodyLight(dir, 'tb-linear', ['uncertainty:', ...fixedRows, price]);
    for (const method of ['lhs', 'mc'] as const) {
      const a = await analyzeUncertainty({ designPath: file, samples: 64, seed: 7, method });
      if (a.model.kind !== 'constellation') throw new Error('expected a constellation');
      expect(a.inputs.map((x) => x.path)).toEqual([PRICE_PATH]);
      expect(a.failed).toBe(0);
      // By hand: a Long March 2D lifts 1,461 kg into the 500 km SSO shell (CASC's 1.3 t at 700 km SSO moved by the
      // Hohmann rule, test/node/reference-designs.test.ts); each node is allocated 1,461/12 = 121.8 kg (three-body.yaml
      // launch.nodesPerLaunch) but built up to 149.1 kg (designs/CALIBRATION.md), so ⌊1461/149.1⌋ = 9 fly per launch
      // and the 12 satellites need ⌈12/9⌉ = 2 launches, whatever they cost (src/constellation/launch/launch.ts: launch
      // cost = Σ price_v · n_v).
      const launches = Math.ceil(12 / Math.floor(1461 / 149.1));
      expect(a.model.nominalRecord.launch.perVehicle).toEqual([
        { vehicle: 'long-march-2d', launches, satellitesPerLaunch: 9, limitedBy: 'mass' },
      ]);
      const [launchCol, massCol] = [a.model.column('totals.launch_USD'), a.model.column('totals.launchMass_kg')];
      const mass_kg = a.model.nominalRecord.totals.launchMass_kg;
      const launch_USD = a.outcomes.map((o, i) => {
        if (o.status !== 'ok') throw new Error(o.reason);
        expect(o.y[launchCol]! / (launches * a.values[i]![0]!) - 1).toBeCloseTo(0, 12);
        expect(o.y[massCol]! / mass_kg - 1).toBeCloseTo(0, 12);
        return o.y[launchCol]!;
      });
      const n = launch_USD.length;
      const mean = launch_USD.reduce((s, v) => s + v, 0) / n;
      const sd = Math.sqrt(launch_USD.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
      // mean of triangular(a, c, b) = (a + b + c)/3
      const analytic_USD = (launches * (PRICE.min + PRICE.mode + PRICE.max)) / 3;
      expect(Math.abs(mean - analytic_USD)).toBeLessThan(3 * (sd / Math.sqrt(n)));
      expect(a.outputs.map((o) => o.path)).toEqual([
        'totals.launchMass_kg',
        'totals.cost_USD',
        'totals.lcoc_USD_per_PFLOP_day',
        'totals.lcocDiscounted_USD_per_PFLOP_day',
        'totals.deliveredPFLOPS',
        'launch.campaign_yr',
        'comparison.groundLcocDiscounted_USD_per_PFLOP_day',
      ]);
      expect(a.margins.map((m) => m.name)).toEqual(a.model.nominalRecord.constraints.map((c) => c.name));
      expect(a.lcocBelowTerrestrial).not.toBeNull();
    }
  });

  it("inputs: the node's rows, its file's uncertainty: section as node.<key>, the campaign vehicle's price_USD (kept with a per-kg node price), then the file's own", async () => {
    // designs/ai1-uncertainty.yaml makes economics.launchCost_USD_per_kg uncertain, so its node analysis drops
    // Starship's price_USD
    expect(
      sampleModel(loadDesign(join(process.cwd(), 'designs/ai1-uncertainty.yaml'))).inputs.map((x) => x.path),
    ).not.toContain('catalogs.launchVehicles.starship.price_USD');
    const file = ai1NearGround(
      dir,
      'ai1u',
      ['uncertainty:', '  node.compute.utilization: fixed', learning],
      'ai1-uncertainty.yaml',
    );
    const model = await loadAnalysisModel(file, { createLpSolver });
    const paths = model.inputs.map((x) => x.path);
    expect(paths).toContain('catalogs.launchVehicles.starship.price_USD');
    expect(paths.filter((p) => p.startsWith('node.'))).toEqual([
      'node.radiation.trappedDoseFactor',
      'node.economics.launchCost_USD_per_kg',
      'node.compute.chipFailureRate_per_yr',
      'node.mission.lifetime_yr',
    ]);
    expect(paths[paths.length - 1]).toBe('economics.learningRate');
    expect(model.inputs.find((x) => x.path === 'node.mission.lifetime_yr')!.nominal).toBe(5);
    expect(model.notes.join('\n')).toContain('node.economics.launchCost_USD_per_kg changes only the node records');
  });

  itPooled('the same seed gives identical samples.csv with 0 and 2 worker threads; another seed does not', async () => {
    const file = threeBodyLight(dir, 'tb-pool', ['uncertainty:', price, learning]);
    const [serial, pooled, other] = await Promise.all([
      analyzeUncertainty({ designPath: file, samples: 8, seed: 11, workers: 0 }),
      analyzeUncertainty({ designPath: file, samples: 8, seed: 11, workers: 2 }),
      analyzeUncertainty({ designPath: file, samples: 8, seed: 12, workers: 0 }),
    ]);
    expect(pooled.workers).toBe(2);
    const csv = samplesCsv(serial);
    expect(csv.trimEnd().split('\n')).toHaveLength(8 + 1);
    expect(samplesCsv(pooled)).toBe(csv);
    expect(samplesCsv(other)).not.toBe(csv);
  });
});

describe('constellations: odc sensitivity', () => {
  it('tornado: outputs independent of an input have zero swing; the LCOC, affine in the launch price, has its nominal value on the p5–p95 chord', async () => {
    const s = await analyzeSensitivity({
      designPath: threeBodyLight(dir, 'tb-tornado', ['uncertainty:', ...fixedRows, price, learning]),
      method: 'tornado',
    });
    const output = (o: string) => s.tornado!.outputs.find((t) => t.output === o)!;
    const bar = (o: string, input: string) => output(o).bars.find((b) => b.input === input)!;
    for (const input of [PRICE_PATH, 'economics.learningRate']) {
      for (const o of ['totals.launchMass_kg', 'totals.deliveredPFLOPS', 'launch.campaign_yr'])
        expect(bar(o, input).swing, `${o} vs ${input}`).toBe(0);
    }
    // launch, operations (a fraction of hardware + launch) and replacement launches are each linear in the price, the
    // compute delivered is not affected: LCOC(P) = a + bP, so (y(P_nom) − y(p5))/(P_nom − p5) = (y(p95) − y(p5))/(p95 −
    // p5)
    const b = bar('totals.lcoc_USD_per_PFLOP_day', PRICE_PATH);
    const nominal = output('totals.lcoc_USD_per_PFLOP_day').nominalOutput;
    const chord = (b.outputAtHigh - b.outputAtLow) / (b.high - b.low);
    expect((nominal - b.outputAtLow) / (PRICE.mode - b.low) / chord - 1).toBeCloseTo(0, 9);
    expect(chord).toBeGreaterThan(0);
    expect(s.breakEven.map((x) => [x.label, x.path])).toEqual([
      ['launch price', PRICE_PATH],
      ['learning rate', 'economics.learningRate'],
      ['chip price', 'catalogs.chips.three-body-edge.costPerChip_USD'],
    ]);
  });

  it("break-even launch price: the scan and Brent find the root of the affine g(P) = LCOC − the verdict's ground LCOC", async () => {
    const s = await analyzeSensitivity({
      designPath: ai1NearGround(dir, 'ai1-grid', ['uncertainty:', learning]),
      method: 'tornado',
    });
    const launch = s.breakEven.find((b) => b.label === 'launch price')!;
    expect([launch.path, launch.status, launch.spaceCheaper]).toEqual([
      'catalogs.launchVehicles.starship.price_USD',
      'found',
      'below',
    ]);
    // g is affine in the price (four satellites, one launch whatever it costs): its root from two evaluations
    const model = s.model;
    const spec = model.specFor(launch.path);
    const g = (p: number): number => {
      const o = model.evaluate([p], [spec]);
      if (o.status !== 'ok') throw new Error(o.reason);
      return (
        o.y[model.column('totals.lcocDiscounted_USD_per_PFLOP_day')]! -
        o.y[model.column('comparison.groundLcocDiscounted_USD_per_PFLOP_day')]!
      );
    };
    const [p0, p1] = [10e6, 90e6];
    const root = p0 - (g(p0) * (p1 - p0)) / (g(p1) - g(p0));
    expect(launch.root!).toBeWithinRelative(root, 1e-6);
    expect(launch.lcocAtRoot!).toBeWithinRelative(launch.terrestrialAtRoot!, 1e-6);
    // the constellation at that price, through the run's verdict (its decision summary's first verdict): 1
    if (model.kind !== 'constellation') throw new Error('expected a constellation');
    const at = model.record([launch.root!], [spec]);
    if (typeof at === 'string') throw new Error(at);
    expect(constellationVerdicts(at)[0]!.spaceToTerrestrial).toBeCloseTo(1, 6);
  });
});

describe('constellations on the command line', () => {
  it("a bad distribution or key in a constellation's uncertainty: section exits 2 naming the file, line, field and fix", async () => {
    const cases: [string, string, RegExp][] = [
      [
        'bad-sd',
        '  economics.learningRate: { kind: normal, mean: 0.9, sd: -0.1 }',
        /bad-sd\.yaml:\d+:\d+: uncertainty\.economics\.learningRate\.sd must be > 0, got -0\.1/,
      ],
      [
        'bad-support',
        '  economics.learningRate: { kind: uniform, min: 0.3, max: 0.9 }',
        /bad-support\.yaml:\d+:\d+: uncertainty\.economics\.learningRate: its lowest value 0\.3 is outside the field's range .*narrow or truncate/,
      ],
      [
        'bad-key',
        '  economics.learningRat: { kind: uniform, min: 0.8, max: 0.9 }',
        /bad-key\.yaml:\d+:\d+: uncertainty\.economics\.learningRat: .*did you mean economics\.learningRate\?/,
      ],
      [
        'bad-row',
        '  catalogs.launchVehicles.starship.price_USD: { kind: uniform, min: 80000000, max: 100000000 }',
        /bad-row\.yaml:\d+:\d+: .*does not use launchVehicles row 'starship' \(it uses 'long-march-2d'/,
      ],
      [
        'bad-orbit',
        '  node.orbit.altitude_km: { kind: uniform, min: 450, max: 550 }',
        /bad-orbit\.yaml:\d+:\d+: uncertainty\.node\.orbit\.altitude_km: a shell's orbit is set by/,
      ],
    ];
    for (const [name, line, message] of cases) {
      const r = await odc(
        name === 'bad-key' ? 'sensitivity' : 'uncertainty',
        threeBodyLight(dir, name, ['uncertainty:', line]),
        '-q',
      );
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(message);
      expect(r.err, name).not.toMatch(/\n\s+at /);
      expect(r.out, name).toBe('');
    }
  });

  it('odc uncertainty <constellation> takes 64 samples by default and says so; summary.json and samples.csv hold the constellation outputs', async () => {
    const out = join(dir, 'cli-unc');
    const r = await odc(
      'uncertainty',
      threeBodyLight(dir, 'tb-cli', ['uncertainty:', ...fixedRows, price]),
      '--out',
      out,
      '-q',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('64 samples (the default for constellation files');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([summary.design.kind, summary.samples]).toEqual(['constellation', 64]);
    expect(summary.samplesDefault).toMatch(/constellation files/);
    expect(readFileSync(join(out, 'samples.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(64 + 1);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('totals.lcoc_USD_per_PFLOP_day');
  });
});

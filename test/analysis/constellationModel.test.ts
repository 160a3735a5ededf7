import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConstellationRecord } from '../../src/constellation/record/record.js';
import { createLpSolver } from '../../src/index.js';
import type { LpSolver } from '../../src/optimize/lp.js';
import {
  CONSTELLATION_KEY_OUTPUTS,
  constellationSampleModel,
  verdictGroundLcoc,
  loadConstellationDesign,
  TERRESTRIAL_LCOC,
  type ConstellationSampleModel,
} from '../../src/analysis/constellationModel.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { threeBodyLight } from './fixtures.js';
import { constellationVerdicts } from '../../src/run/decision/recommend.js';

/**
 * The sampled model of a constellation file (src/analysis/constellationModel.ts): the fleet's terrestrial LCOC by
 * hand, and the model of the light Three-Body constellation checked against its own nominal record and the file:
 * the output vector's layout, the constraints, the break-even inputs, the worker's handle, the comparison's wording
 * for one shell and for two.
 */
const dir = tempDir('odc-uncertainty-constellation-model-');
const DESIGNS = join(process.cwd(), 'designs');
interface Models {
  readonly one: ConstellationSampleModel;
  readonly two: ConstellationSampleModel;
  readonly file: string;
}
/**
 * Built in `beforeAll`, wholly (no work left to finish inside a test), and handed to each test: a construction that
 * throws then fails every test that reads it, where a throwing `beforeAll` would only skip them (and StrykerJS
 * scores a mutant whose tests were skipped as survived, docs/mutation.md "Running it").
 */
let built: Models | Error;
const models = (): Models => {
  if (built instanceof Error) throw built;
  return built;
};

function build(lp: LpSolver): Models {
  const file = threeBodyLight(dir, 'tb-model');
  const one = constellationSampleModel(loadConstellationDesign(file), lp);
  const twoShells = writeFile(
    dir,
    'tb-two.yaml',
    [
      'name: tb-two',
      'kind: constellation',
      `node: ${join(DESIGNS, 'three-body.yaml')}`,
      'shells:',
      '  - { name: a, altitude_km: 500, inclination_deg: sso, ltan_h: 10.5, planes: 1, satsPerPlane: 6 }',
      '  - { name: b, altitude_km: 550, inclination_deg: sso, ltan_h: 10.5, planes: 1, satsPerPlane: 4 }',
      'isl: { topology: none }',
      'ground: { stations: [] }',
      "simulation: { epoch: '2025-06-01T00:00:00Z', duration_h: 1, step_s: 60, snapshots: 1 }",
      'launch: { vehicles: [{ vehicle: long-march-2d, cadence_per_yr: 10 }] }',
      '',
    ].join('\n'),
  );
  const two = constellationSampleModel(loadConstellationDesign(twoShells), lp);
  return { one, two, file };
}

beforeAll(async () => {
  const lp = await createLpSolver();
  try {
    built = build(lp);
  } catch (e) {
    built = e instanceof Error ? e : new Error(String(e));
  }
});

/**
 * A record with only what the verdict's ground reads: per shell, satellites, delivered PFLOPS and the discounted LCOC
 * of each terrestrial scenario (two: the verdict's is the first the node records list).
 */
const fleet = (shells: readonly [number, number, number][]): ConstellationRecord =>
  ({
    shells: shells.map(([satellites, pflops, lcoc]) => ({
      satellites,
      node: {
        compute: { deliveredPFLOPS: pflops },
        cost: {
          baselines: [
            { id: 'first', lcocDiscounted_USD_per_PFLOP_day: lcoc },
            { id: 'second', lcocDiscounted_USD_per_PFLOP_day: 10 * lcoc },
          ],
        },
      },
    })),
    totals: { lcocDiscounted_USD_per_PFLOP_day: 1000 },
  }) as unknown as ConstellationRecord;

describe("the verdict's ground LCOC", () => {
  it('the first scenario’s discounted figures of the shells, weighted by satellites × delivered PFLOPS', () => {
    // 10 × 2 = 20 PFLOPS at 100, 5 × 1 = 5 PFLOPS at 600: (20·100 + 5·600) / 25 = 200
    expect(
      verdictGroundLcoc(
        fleet([
          [10, 2, 100],
          [5, 1, 600],
        ]),
      ),
    ).toBe(200);
    // one shell: its own figure
    expect(verdictGroundLcoc(fleet([[12, 0.5, 321]]))).toBe(321);
    // no delivered compute anywhere: undefined, not 0
    expect(verdictGroundLcoc(fleet([[3, 0, 100]]))).toBeNaN();
  });
});

describe('constellation sample model', () => {
  it('one output vector: every analysis metric, then a margin and a 0/1 per constraint of the nominal record', () => {
    const { one } = models();
    const record = one.nominalRecord;
    const n = record.constraints.length;
    expect(n).toBeGreaterThan(0);
    expect(one.constraints.map((c) => [c.name, c.sense, c.enforced, c.unit])).toEqual(
      record.constraints.map((c) => [c.name, c.sense, c.enforced, c.unit]),
    );
    expect(one.width).toBe(one.metricPaths.length + 2 * n);
    expect(one.nominal.status).toBe('ok');
    const y = (one.nominal as { y: Float64Array }).y;
    expect(y).toHaveLength(one.width);
    expect(y[one.column('totals.lcoc_USD_per_PFLOP_day')]).toBe(record.totals.lcoc_USD_per_PFLOP_day);
    // the comparison column: one shell, so its node record's discounted LCOC of the verdict's (the first) scenario
    expect(y[one.column(TERRESTRIAL_LCOC)]).toBe(
      record.shells[0]!.node.cost.baselines[0]!.lcocDiscounted_USD_per_PFLOP_day,
    );
    for (const h of Array.from(y.subarray(one.metricPaths.length + n))) expect([0, 1]).toContain(h);
  });

  it('a sample value outside its field is a failed sample naming the field; an admissible one evaluates', () => {
    const { one } = models();
    const spec = one.specFor('economics.learningRate');
    expect(spec).toBeDefined();
    const bad = one.record([1.5], [spec!]);
    expect(typeof bad).toBe('string');
    expect(bad as string).toContain('economics.learningRate');
    expect(one.evaluate([1.5], [spec!]).status).toBe('failed');
    const ok = one.record([0.8], [spec!]);
    expect(typeof ok).not.toBe('string');
    // the same satellites at a steeper learning curve cost less than at the design's 0.95
    const cost = (r: unknown): number => (r as ConstellationRecord).totals.cost_USD;
    expect(cost(ok)).toBeLessThan(cost(one.nominalRecord));
  });

  it('outputs it names are columns of its vector', () => {
    const { one } = models();
    for (const p of [...one.headlineOutputs, ...one.keyOutputs, one.comparison!.lcoc, one.comparison!.terrestrial]) {
      expect(one.metricPaths, p).toContain(p);
    }
    expect(one.headlineOutputs[0]).toBe('totals.lcoc_USD_per_PFLOP_day');
    expect(one.headlineOutputs.length).toBeGreaterThanOrEqual(2);
    expect(one.keyOutputs).toBe(CONSTELLATION_KEY_OUTPUTS);
  });

  it('break-even inputs: the first vehicle’s price, the learning rate, the node’s chip price', () => {
    const { one } = models();
    const inputs = one.breakEvenInputs();
    // designs/three-body.yaml: compute.chip three-body-edge; the fixture flies on a Long March 2D at learning rate 0.95
    expect(readFileSync(join(DESIGNS, 'three-body.yaml'), 'utf8')).toMatch(/compute: \{ chip: three-body-edge,/);
    expect(inputs.map((i) => [i.label, i.spec.path])).toEqual([
      ['launch price', 'catalogs.launchVehicles.long-march-2d.price_USD'],
      ['learning rate', 'economics.learningRate'],
      ['chip price', 'catalogs.chips.three-body-edge.costPerChip_USD'],
    ]);
    expect(inputs[1]!.spec.nominal).toBe(0.95);
  });

  it('the comparison names its source: the node record for one shell, the weighted shells for two', () => {
    const { one, two } = models();
    expect(one.comparison!.description).toContain("the node record's figure");
    expect(one.comparison!.description).not.toContain('weighted');
    expect(two.comparison!.description).toContain('weighted by satellites × delivered PFLOPS');
    // and the two-shell figure is that weighting of its shells' node records
    const y = (two.nominal as { y: Float64Array }).y;
    const [a, b] = two.nominalRecord.shells as [
      ConstellationRecord['shells'][number],
      ConstellationRecord['shells'][number],
    ];
    const wa = a.satellites * a.node.compute.deliveredPFLOPS;
    const wb = b.satellites * b.node.compute.deliveredPFLOPS;
    const ground = (s: typeof a): number => s.node.cost.baselines[0]!.lcocDiscounted_USD_per_PFLOP_day;
    const byHand = (wa * ground(a) + wb * ground(b)) / (wa + wb);
    expect(y[two.column(TERRESTRIAL_LCOC)]).toBeCloseTo(byHand, 9);
  });

  it('a worker rebuilds it from the absolute path and the SHA-256 of the file and its node file', () => {
    const { one, file } = models();
    const w = one.workerData as { kind: string; designPath: string; designHash: string };
    expect(w.kind).toBe('constellation');
    expect(isAbsolute(w.designPath)).toBe(true);
    // the node file it names is part of the design: SHA-256 of "<file's hash>\n<node file's hash>"
    const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
    const nodeHash = sha(readFileSync(join(DESIGNS, 'three-body.yaml')));
    expect(w.designHash).toBe(sha(`${sha(readFileSync(file))}\n${nodeHash}`));
    expect(one.loaded).toEqual({ file, name: 'tb-model', hash: w.designHash });
  });
});

describe("a node whose economics.baseline is not the catalog's first scenario", () => {
  it('the verdict, the bridge and the sensitivity comparison all stand on that scenario', async () => {
    const file = threeBodyLight(tempDir('odc-ireland-'), 'tb-ireland');
    const text = readFileSync(file, 'utf8');
    const shell = 'pattern: walker-delta }';
    expect(text).toContain(shell);
    writeFileSync(
      file,
      text.replace(shell, 'pattern: walker-delta, node: { economics: { baseline: high-power-price-ireland } } }'),
    );
    const model = constellationSampleModel(loadConstellationDesign(file), await createLpSolver());
    const r = model.nominalRecord;
    // the premise: the node's own verdict is against Ireland, not the catalog's first scenario
    const node = r.shells[0]!.node.cost;
    expect(node.baselines[0]!.id).not.toBe('high-power-price-ireland');
    expect(node.lcocToBaseline).toBe(
      node.baselines.find((b) => b.id === 'high-power-price-ireland')!.spaceToTerrestrial,
    );
    // the answer's verdict is that scenario's, and it is where the bridge from the nodes' verdict ends
    const verdict = constellationVerdicts(r)[0]!;
    expect(verdict.baseline).toBe('high-power-price-ireland');
    expect(verdict.spaceToTerrestrial).toBeWithinRelative(r.totals.verdictBridge.at(-1)!.ratio, 1e-9);
    // and odc sensitivity compares on it
    const o = model.nominal;
    if (o.status !== 'ok') throw new Error(o.reason);
    const ratio = o.y[model.column(model.comparison!.lcoc)]! / o.y[model.column(model.comparison!.terrestrial)]!;
    expect(ratio).toBeWithinRelative(verdict.spaceToTerrestrial, 1e-12);
  });
});

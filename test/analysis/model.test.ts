import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import { metricPaths } from '../../src/node/record/metrics.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { KEY_OUTPUTS, loadDesign, metricColumn, NODE_DEFAULTS, sampleModel } from '../../src/analysis/model.js';
import type { SampleModel } from '../../src/analysis/model.js';
import { studyErrorOf, tempDir } from '../helpers/tmp.js';
import { AI1, designFile } from './fixtures.js';

/**
 * The sampled model of a node design (src/analysis/model.ts), checked against the same design evaluated directly
 * (src/node/evaluator.ts) and against the file itself: the output vector's layout, the constraints it reports, the
 * break-even inputs and the launch price they start from, the refusal of a benchmark study, the worker's handle.
 */
const dir = tempDir('odc-uncertainty-node-model-');
let model: SampleModel;
let direct: DesignRecord;
let withPrice: SampleModel;
let file: string;

beforeAll(() => {
  file = designFile(dir, 'ai1-like', AI1);
  model = sampleModel(loadDesign(file));
  direct = nodeEvaluator(undefined, model.loaded.design.catalogs).evaluate(model.loaded.design);
  withPrice = sampleModel(
    loadDesign(designFile(dir, 'priced', [...AI1, 'economics: { launchCost_USD_per_kg: 1500 }'])),
  );
});

describe('node sample model', () => {
  it('one output vector: every metric, then a margin and a 0/1 per constraint of the nominal record', () => {
    const n = direct.constraints.length;
    expect(n).toBeGreaterThan(3);
    expect(model.constraints.map((c) => [c.name, c.sense, c.enforced, c.unit])).toEqual(
      direct.constraints.map((c) => [c.name, c.sense, c.enforced, c.unit]),
    );
    expect(model.width).toBe(metricPaths().length + 2 * n);
    expect(model.nominalRecord).toBeDefined();
    expect(model.nominal.status).toBe('ok');
    const y = (model.nominal as { y: Float64Array }).y;
    expect(y).toHaveLength(metricPaths().length + 2 * n);
    // the metric columns are the directly evaluated record's values
    expect(y[metricColumn('mass.launch_kg')]).toBe(direct.mass.launch_kg);
    expect(y[metricColumn('cost.lcoc_USD_per_PFLOP_day')]).toBe(direct.cost.lcoc_USD_per_PFLOP_day);
    // the last n columns say which constraints hold (1) or not (0)
    const holds = Array.from(y.subarray(metricPaths().length + n));
    for (const h of holds) expect([0, 1]).toContain(h);
  });

  it('a sample with a value outside its field is a failed sample naming the field, not a record', () => {
    const spec = model.inputs.find((i) => i.path === 'mission.lifetime_yr') ?? model.specFor('mission.lifetime_yr');
    expect(spec).toBeDefined();
    const r = model.record([100], [spec!]);
    expect(typeof r).toBe('string');
    expect(r as string).toContain('mission.lifetime_yr');
    const outcome = model.evaluate([100], [spec!]);
    expect(outcome.status).toBe('failed');
    // the same field at an admissible value evaluates, with that lifetime
    const ok = model.record([7], [spec!]);
    expect(typeof ok).not.toBe('string');
  });

  it('break-even inputs: launch price, the chip’s price, mission lifetime', () => {
    const inputs = model.breakEvenInputs();
    expect(inputs.map((i) => [i.label, i.spec.path])).toEqual([
      ['launch price', 'economics.launchCost_USD_per_kg'],
      ['chip price', 'catalogs.chips.gb300.costPerChip_USD'],
      ['mission lifetime', 'mission.lifetime_yr'],
    ]);
    // the design gives no $/kg: the scan starts from the price the record paid per kg (vehicle price / payload)
    expect(inputs[0]!.nominal).toBe(direct.cost.launchPrice_USD_per_kg);
    expect(direct.cost.launchPrice_USD_per_kg).toBeGreaterThan(0);
    // a design with its own $/kg starts from it
    expect(withPrice.breakEvenInputs()[0]!.nominal).toBe(1500);
    expect(inputs[2]!.spec.nominal).toBe(5);
  });

  it('outputs it names are columns of its vector; a node design adds no notes', () => {
    for (const p of [
      ...model.headlineOutputs,
      ...model.keyOutputs,
      model.comparison!.lcoc,
      model.comparison!.terrestrial,
    ]) {
      expect(metricPaths(), p).toContain(p);
    }
    expect(model.headlineOutputs[0]).toBe('cost.lcocDiscounted_USD_per_PFLOP_day');
    expect(model.headlineOutputs.length).toBeGreaterThanOrEqual(2);
    expect(model.keyOutputs).toBe(KEY_OUTPUTS);
    expect(model.comparison!.description.length).toBeGreaterThan(10);
    expect(model.notes).toEqual([]);
  });

  it('defaults: positive sample counts, a power of two for Sobol’ (balanced Sobol’ points), a reason', () => {
    expect(model.defaults).toBe(NODE_DEFAULTS);
    for (const n of [NODE_DEFAULTS.uncertaintySamples, NODE_DEFAULTS.sobolSamples, NODE_DEFAULTS.breakEvenPoints]) {
      expect(Number.isInteger(n) && n > 1).toBe(true);
    }
    expect(Math.log2(NODE_DEFAULTS.sobolSamples) % 1).toBe(0);
    expect(NODE_DEFAULTS.why.length).toBeGreaterThan(5);
  });

  it('a worker rebuilds it from the absolute path and the SHA-256 of the file', () => {
    const w = model.workerData as { kind: string; designPath: string; designHash: string };
    expect(w.kind).toBe('node');
    expect(isAbsolute(w.designPath)).toBe(true);
    expect(readFileSync(w.designPath, 'utf8')).toBe(readFileSync(file, 'utf8'));
    expect(w.designHash).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(model.loaded.hash).toBe(w.designHash);
  });

  it('a benchmark study has no node design: a StudyError naming the file', () => {
    const bench = join(process.cwd(), 'designs/benchmarks/zdt1.yaml');
    const e = studyErrorOf(() => loadDesign(bench));
    expect(e.code).toBe('WRONG_TYPE');
    expect(e.file).toBe(bench);
    expect(e.message).toContain(bench);
    expect(e.message).toMatch(/node design/);
  });
});

import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { constellationEvaluator, loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import { constellationLearningRate, constellationSatellites } from '../../../src/constellation/economics/generation.js';

/**
 * A constellation's learning rate by default (src/constellation/economics/generation.ts): SMAD 3rd ed. ch. 20 over
 * its own satellite count (0.95 below 10 units, 0.90 for 10–50, 0.85 above 50), the file's economics.learningRate when
 * set, 1 when its node prices heritage; and the generation's hardware on that curve, by hand.
 */
async function threeBody(): Promise<{ spec: ConstellationSpec; lp: Awaited<ReturnType<typeof createLpSolver>> }> {
  const lp = await createLpSolver();
  const ev = constellationEvaluator(lp);
  return { spec: loadConstellationSpec('designs/constellations/three-body-12.yaml', ev.catalogs), lp };
}

/** spec with `sats` satellites in its one shell (planes 1) and economics.learningRate `rate`. */
function sized(spec: ConstellationSpec, sats: number, rate: number | null): ConstellationSpec {
  const s0 = spec.shells[0]!;
  return {
    ...spec,
    economics: { ...spec.economics, learningRate: rate },
    shells: [{ ...s0, geometry: { ...s0.geometry, planes: 1, satsPerPlane: sats } }],
  };
}

describe('constellationLearningRate', () => {
  it("SMAD's rule over the satellite count unless the file sets a rate; heritage pricing: none", async () => {
    const { spec } = await threeBody();
    expect([5, 9, 10, 50, 51, 9700].map((n) => constellationLearningRate(sized(spec, n, null)))).toEqual([
      0.95, 0.95, 0.9, 0.9, 0.85, 0.85,
    ]);
    expect(constellationSatellites(sized(spec, 51, null))).toBe(51);
    expect(constellationLearningRate(sized(spec, 9700, 0.8))).toBe(0.8);
    const s0 = spec.shells[0]!;
    const heritage = {
      ...spec,
      shells: [{ ...s0, node: { ...s0.node, economics: { ...s0.node.economics, pricing: 'heritage' as const } } }],
    };
    expect(constellationLearningRate(heritage)).toBe(1);
  }, 60_000);

  it('12 satellites with no rate set: first-unit-priced hardware = T1 · Σ n^log2(0.9) over n = 1…12 (SMAD 10–50 units)', async () => {
    const { spec, lp } = await threeBody();
    const ev = constellationEvaluator(lp);
    const r = ev.evaluate(sized(spec, 12, null));
    // by hand: log2(0.9) = −0.152003; unit 2 costs 0.9·T1, unit 4 0.81·T1, unit 8 0.729·T1; the sum over 12 units
    let sum = 0;
    for (let n = 1; n <= 12; n++) sum += n ** Math.log2(0.9);
    expect(8 ** Math.log2(0.9)).toBeCloseTo(0.729, 12);
    const k = r.shells[0]!.node.cost;
    // chips and production-priced lines off the curve: 12 × their first-unit price
    const offCurve = k.hardware_USD - k.learningHardware_USD;
    expect((r.totals.hardware_USD - 12 * offCurve) / (k.learningHardware_USD * sum)).toBeCloseTo(1, 9);
    // the node record prices its fleet of 12 on the same curve
    expect(k.nodesBuilt).toBe(12);
  }, 120_000);
});

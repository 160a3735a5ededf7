import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellation } from '../../../src/constellation/evaluate.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';
import { constellationCostBreakdown, constellationCostDrivers } from '../../../src/report/budget/constellationCost.js';
import { STEP } from '../../../src/report/budget/costBreakdown.js';

/**
 * three-body-12: 12 satellites, 3 gateways, learning rate 0.95, cost technology `current` (AIT 10 %). To make the
 * roll-up hand-checkable the test fixes the operations at $1M per satellite-year and the failure rate at 0, so the
 * generation costs exactly
 *   total = T1·S(12) + launch + 12·L·$1M + 3·($5M + $0.5M·L),   L the design life,
 * with T1 the first unit and S(12) = Σ n^log2(0.95) over 12 units; no replacements.
 */
let spec: ConstellationSpec;
let r: ConstellationRecord;
beforeAll(async () => {
  const lp = await createLpSolver();
  const file = evaluateConstellationFileWith('designs/constellations/three-body-12.yaml', lp);
  spec = {
    ...file.spec,
    economics: { ...file.spec.economics, operations_USD_per_sat_yr: 1e6, satelliteFailureRate_per_yr: 0 },
  };
  r = evaluateConstellation(spec, lp);
}, 120_000);

describe('constellation cost drivers, by hand', () => {
  const change = (input: RegExp): number =>
    constellationCostDrivers(spec, r, 'hyperscale-virginia').find((d) => input.test(d.input))!.verdictChange;

  it('the learning factor is Σ n^log2(0.95) over 12 units', () => {
    let s = 0;
    for (let n = 1; n <= 12; n++) s += n ** Math.log2(0.95);
    expect(r.totals.hardware_USD / r.shells[0]!.node.cost.hardware_USD).toBeCloseTo(s, 9);
    expect(r.totals.replacements_USD).toBe(0);
  });

  it('battery +10 %: 0.1 × battery × 1.1 (AIT) × S(12) / total (the ground does not move)', () => {
    const k = r.shells[0]!.node.cost;
    const learning = r.totals.hardware_USD / k.hardware_USD;
    expect(change(/^battery/)).toBeCloseTo((STEP * k.batteryHardware_USD * 1.1 * learning) / r.totals.cost_USD, 9);
  });

  it('operations +10 %: 0.1 × 12 sats × L yr × $1M / total; gateways +10 %: 0.1 × 3 × $5M / total', () => {
    expect(change(/^operations/)).toBeCloseTo((STEP * r.totals.operations_USD) / r.totals.cost_USD, 9);
    expect(r.totals.operations_USD).toBeCloseTo(12 * spec.shells[0]!.node.mission.lifetime_yr * 1e6, 3);
    expect(change(/^gateway capex/)).toBeCloseTo((STEP * 3 * 5e6) / r.totals.cost_USD, 9);
  });

  it('launch +10 %: 0.1 × campaign / total (no replacement launches at a zero failure rate)', () => {
    expect(change(/^launch/)).toBeCloseTo((STEP * r.totals.launch_USD) / r.totals.cost_USD, 9);
  });

  it('the chip price moves the ground too: the ratio changes by less than the space side alone', () => {
    const k = r.shells[0]!.node.cost;
    const learning = r.totals.hardware_USD / k.hardware_USD;
    const spaceAlone = (STEP * k.chipsHardware_USD * learning) / r.totals.cost_USD;
    expect(change(/^chip price/)).toBeLessThan(spaceAlone);
  });

  it('a failure rate of 0 raised by 10 % stays 0: no effect', () => {
    expect(change(/^satellite failure rate/)).toBe(0);
  });
});

describe('constellation cost breakdown', () => {
  it('the lines sum to the total; $/W and $/chip-hour beside the ground; three drivers', () => {
    const s = constellationCostBreakdown(spec, r);
    // three-body-12 costs about $0.1bn: its lines are in M USD
    const lines = s.rows.filter((x) => x.unit === 'M USD');
    expect(lines).toHaveLength(12);
    // each value is printed to 3 significant figures: the sum agrees to within their rounding
    const sum = lines.reduce((a, x) => a + Number(x.value.replace(/,/g, '')), 0);
    expect(Math.abs((sum * 1e6) / r.totals.cost_USD - 1)).toBeLessThan(0.01);
    const perW = s.rows.find((x) => x.unit === 'USD/W')!;
    // (hardware on the curve + launch) / average IT power, by hand from the totals
    const hand = (r.totals.hardware_USD + r.totals.launch_USD) / r.totals.itPowerAvg_W;
    expect(Math.abs(Number(perW.value.replace(/,/g, '')) / hand - 1)).toBeLessThan(0.005);
    expect(perW.note).toMatch(/ground \(hyperscale-virginia, same chips\) [\d.]+/);
    expect(s.rows.find((x) => x.unit === 'USD/chip-h')!.note).toMatch(
      /^ground [\d.]+: space [\d.]+× \((ground|space) cheaper\)$/,
    );
    expect(s.rows.filter((x) => x.unit === '%')).toHaveLength(3);
  });

  it("bridges to the node records' basis: node ratio × discounting × roll-up = the constellation's ratio", () => {
    const s = constellationCostBreakdown(spec, r);
    const bridge = s.rows.find((x) => x.label.startsWith("verdict on the node records' basis"))!;
    const num = (t: string): number => Number(t.replace(/[,×]/g, ''));
    // one shell: the node basis is that node's own discounted verdict, cost.lcocToBaseline of its record
    expect(num(bridge.value) / r.shells[0]!.node.cost.lcocToBaseline).toBeCloseTo(1, 2);
    const m = /× ([\d.,]+) undiscounted × ([\d.,]+) constellation roll-up .* = ([\d.,]+)× here/.exec(bridge.note!)!;
    const product = num(bridge.value) * num(m[1]!) * num(m[2]!);
    // each factor printed to 3 significant figures
    expect(Math.abs(product / num(m[3]!) - 1)).toBeLessThan(0.01);
  });
});

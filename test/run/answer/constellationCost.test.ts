import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellation } from '../../../src/constellation/evaluate.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';
import { constellationCostBreakdown, constellationCostDrivers } from '../../../src/run/answer/constellationCost.js';
import { bridgeEntriesText, verdictBridge } from '../../../src/constellation/economics/bridge.js';
import { STEP } from '../../../src/run/answer/costBreakdown.js';
import { expectChipHourRatio } from '../../report/budget/costLines.js';

/**
 * three-body-12: 12 satellites, 3 gateways, learning rate 0.95, cost technology `current` (AIT 10 %), 5-year design
 * life, discounted at 7 %/yr (the node's rate: the verdict's basis). To make the roll-up hand-checkable the test fixes
 * the operations at $1M per satellite-year and the failure rate at 0, so the generation's present cost is exactly
 *   PV = T1·S(12) + 12·chips + launch + 3·$5M + (12·$1M + 3·$0.5M)·A,   A = Σ 1.07^−k over k = 1…5 = 4.100197,
 * with T1 the first unit without its chips (on the curve), the chips off it, S(12) = Σ n^log2(0.95) over 12 units;
 * no replacements. A driver that raises a t = 0 cost by Δ moves the verdict by Δ/PV (the ground does not move).
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
  let A = 0;
  for (let k = 1; k <= 5; k++) A += 1.07 ** -k;
  /** The present cost by hand (see the header). */
  const pv = (): number => r.totals.hardware_USD + r.totals.launch_USD + 3 * 5e6 + (12 * 1e6 + 3 * 0.5e6) * A;
  let S = 0;
  for (let n = 1; n <= 12; n++) S += n ** Math.log2(0.95);

  it('the learning factor is Σ n^log2(0.95) over 12 units on the first-unit-priced lines only; PV and LCOC by hand', () => {
    const k = r.shells[0]!.node.cost;
    expect(A).toBeCloseTo(4.100197, 6);
    // three-body's isl-100g terminals are production-priced and the chips market-priced: both off the curve
    expect(k.learningHardware_USD).toBeLessThan(k.hardware_USD - k.chipsHardware_USD - k.islHardware_USD + 1e-6);
    const offCurve = k.hardware_USD - k.learningHardware_USD;
    expect(r.totals.hardware_USD - 12 * offCurve).toBeCloseTo(S * k.learningHardware_USD, 3);
    expect(r.totals.replacements_USD).toBeCloseTo(0, 3);
    // PV(compute) = delivered PFLOPS of the 12 × 365.25 d × A
    expect(r.totals.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(pv() / (r.totals.deliveredPFLOPS * 365.25 * A), 6);
  });

  it('battery +10 %: 0.1 × battery × 1.1 (AIT) × S(12) / PV (the ground does not move)', () => {
    const k = r.shells[0]!.node.cost;
    expect(change(/^battery/)).toBeCloseTo((STEP * k.batteryHardware_USD * 1.1 * S) / pv(), 9);
  });

  it('operations +10 %: 0.1 × 12 sats × $1M × A / PV; gateways +10 %: 0.1 × 3 × $5M / PV', () => {
    expect(change(/^operations/)).toBeCloseTo((STEP * 12 * 1e6 * A) / pv(), 9);
    expect(r.totals.operations_USD).toBeCloseTo(12 * spec.shells[0]!.node.mission.lifetime_yr * 1e6, 3);
    expect(change(/^gateway capex/)).toBeCloseTo((STEP * 3 * 5e6) / pv(), 9);
  });

  it('launch +10 %: 0.1 × campaign / PV (no replacement launches at a zero failure rate)', () => {
    expect(change(/^launch/)).toBeCloseTo((STEP * r.totals.launch_USD) / pv(), 9);
  });

  it('the chip price moves the ground too: the ratio changes by less than the space side alone', () => {
    const k = r.shells[0]!.node.cost;
    const spaceAlone = (STEP * 12 * k.chipsHardware_USD) / pv();
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
    expect(sum * 1e6).toBeWithinRelative(r.totals.cost_USD, 0.01);
    const perW = s.rows.find((x) => x.unit === 'USD/W')!;
    // (hardware on the curve + launch) / average IT power, by hand from the totals
    const hand = (r.totals.hardware_USD + r.totals.launch_USD) / r.totals.itPowerAvg_W;
    expect(Number(perW.value.replace(/,/g, ''))).toBeWithinRelative(hand, 0.005);
    expect(perW.note).toMatch(/ground \(hyperscale-virginia, same chips\) [\d.]+/);
    // the ratio of the row's own two figures (3 significant figures each), not the per-PFLOP-day verdict
    expectChipHourRatio(s.rows.find((x) => x.unit === 'USD/chip-h')!);
    expect(s.rows.filter((x) => x.unit === '%')).toHaveLength(3);
  });

  it("bridges the undiscounted ratio to this discounted one and to the node records' basis", () => {
    const s = constellationCostBreakdown(spec, r);
    const bridge = s.rows.find((x) => x.label === 'verdict, undiscounted → discounted')!;
    const num = (t: string): number => Number(t.replace(/[,×]/g, ''));
    const m =
      /^undiscounted ([\d.,]+)×, discounted at 7 %\/yr over 5 years ([\d.,]+)× \(× ([\d.,]+)\); the node records' basis ([\d.,]+)× \(12 nodes on the learning curve at 0.95\) × ([\d.,]+) constellation roll-up .* = ([\d.,]+)×$/.exec(
        bridge.note!,
      )!;
    const [U, V, F, N, R, V2] = m.slice(1).map((x) => num(x));
    expect(num(bridge.value)).toBe(U);
    // each factor printed to 3 significant figures: undiscounted × factor = discounted = node basis × roll-up
    expect(U! * F!).toBeWithinRelative(V!, 0.01);
    expect(N! * R!).toBeWithinRelative(V2!, 0.01);
    // one shell: the node basis is that node's own discounted verdict (its fleet of 12, the constellation's satellites)
    expect(r.shells[0]!.node.cost.nodesBuilt).toBe(12);
    expect(N! / r.shells[0]!.node.cost.lcocToBaseline).toBeCloseTo(1, 2);
    // the discounting factor by hand: space PV(cost)/PV(compute) over total/compute, with A = Σ 1.07^−k (k = 1…5):
    // (PV × 5) / (A × total), total = hardware + launch + 12 × $1M × 5 + 3 × ($5M + $0.5M × 5); the ground's factor
    // from its record figures (its LCOC pair)
    let A = 0;
    for (let k = 1; k <= 5; k++) A += 1.07 ** -k;
    const t = r.totals;
    const pv = t.hardware_USD + t.launch_USD + 3 * 5e6 + (12 * 1e6 + 3 * 0.5e6) * A;
    const total = t.hardware_USD + t.launch_USD + 12 * 1e6 * 5 + 3 * (5e6 + 0.5e6 * 5);
    const b = r.shells[0]!.node.cost.baselines.find((x) => x.id === 'hyperscale-virginia')!;
    const factor = ((pv * 5) / (A * total)) * (b.lcoc_USD_per_PFLOP_day / b.lcocDiscounted_USD_per_PFLOP_day);
    expect(F!).toBeWithinRelative(factor, 0.01);
  });
});

describe("the bridge from the nodes' verdict to the constellation's", () => {
  it('multiplies out to the constellation ratio, each step worked by hand (see the header)', () => {
    const b = verdictBridge(spec, r.shells, r.totals.launch_USD, 'hyperscale-virginia')!;
    const t = r.totals;
    const node = r.shells[0]!.node;
    const ground = node.cost.baselines.find((x) => x.id === 'hyperscale-virginia')!.lcocDiscounted_USD_per_PFLOP_day;
    // one shell: the nodes' verdict is its node record's own; the constellation's is its record's LCOC over that ground
    expect(b.nodes).toBeCloseTo(node.cost.lcocToBaseline, 9);
    expect(b.constellation).toBeCloseTo(t.lcocDiscounted_USD_per_PFLOP_day / ground, 9);
    expect(b.steps.reduce((a, s) => a * s.factor, b.nodes)).toBeCloseTo(b.constellation, 9);
    let A = 0;
    for (let k = 1; k <= 5; k++) A += 1.07 ** -k;
    const pv = t.hardware_USD + t.launch_USD + 3 * 5e6 + (12 * 1e6 + 3 * 0.5e6) * A;
    const nodeLaunch = 12 * node.cost.launch_USD;
    const [, replacements, gateways, launch] = b.steps.map((s) => s.factor);
    // no failures in this spec: replacing them changes nothing
    expect(replacements).toBeCloseTo(1, 12);
    // the gateways' 3 × $5M and 3 × $0.5M a year, discounted: PV with them over PV without (compute unchanged)
    const withNodeLaunch = pv - t.launch_USD + nodeLaunch;
    expect(gateways).toBeCloseTo(withNodeLaunch / (withNodeLaunch - 3 * 5e6 - 3 * 0.5e6 * A), 9);
    // the campaign's launch in place of 12 node launches
    expect(launch).toBeCloseTo(pv / withNodeLaunch, 9);
    // the record carries the same bridge, and the cost breakdown and the run summary print it as one line
    expect(r.totals.verdictBridge.map((e) => e.ratio)).toEqual([b.nodes, ...b.steps.map((s) => s.ratio)]);
    const text = bridgeEntriesText(r.totals.verdictBridge);
    expect(text).toMatch(
      /^nodes' verdict vs hyperscale-virginia \(.*eclipse [\d.]+ %; satellites × PFLOPS weighted\) [\d.]+× × [\d.]+ one generation/,
    );
    expect(text).toMatch(/= [\d.]+×$/);
    expect(constellationCostBreakdown(spec, r).rows.find((x) => x.label === 'nodes → constellation')!.note).toBe(text);
  });
});

describe('the chip-hour row of every shipped constellation: the ratio of the two figures it stands beside', () => {
  it.each(readdirSync('designs/constellations').map((f) => `designs/constellations/${f}`))(
    '%s',
    async (file) => {
      const shipped = evaluateConstellationFileWith(file, await createLpSolver());
      const row = constellationCostBreakdown(shipped.spec, shipped.record).rows.find((x) => x.unit === 'USD/chip-h')!;
      expectChipHourRatio(row);
    },
    300_000,
  );
});

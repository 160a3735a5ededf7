/**
 * The network throughput of the constellation study's knee checked over a day (issue 52's acceptance: within 5 % of a
 * full-graph LP at the same instants).
 *
 * The knee (designs/constellation-study.yaml, seed 7, its recommended design: one sun-synchronous dawn–dusk band of
 * 119 × 100 at 543.5 km, 1 h of LTAN, F = 1, dwdm-1t terminals, 75° cross-plane cutoff) has 11,900 nodes: its
 * full arc-flow LP (one commodity per source, ~5 × 10⁸ columns) is out of reach. Two checks instead:
 * - at the knee's size, over a day (48 instants): the maximum concurrent flow lies between the lower bound (an explicit
 *   routing on the instant's own links, cylinderRouting.ts) and the reported upper bound (shellNetworkCylinder.ts), so
 *   a bound gap ≤ 1/21 puts the reported rate within 5 % of the full LP's at every instant;
 * - on a band of the knee's orbit, terminal and cutoff small enough for the full LP, at the same 3 instants over a
 *   day: the reduced model against odc's full arc-flow LP on each instant's link graph (networkFlowLp.ts), the
 *   independent oracle (no cut, routing or symmetry argument).
 * The bounds themselves are tested against the full LP on small bands with outages in shellNetworkCylinder.test.ts.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';
import type { LpSolver } from '../../../src/optimize/lp.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir('odc-knee-network-');
let lp: LpSolver;
beforeAll(async () => {
  lp = await createLpSolver();
});

/** A one-band design of the knee's orbit, terminal and cutoff, evaluated over a day at `snapshots` instants. */
function band(planes: number, satsPerPlane: number, snapshots: number, maxFullLpColumns: number): string {
  return (
    `name: knee-band\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\nnodeSizing: closed\nshells:\n` +
    `  - { name: dawn-dusk, altitude_km: 543.4918423232439, inclination_deg: sso, ltan_h: 6, planes: ${planes}, ` +
    `satsPerPlane: ${satsPerPlane}, pattern: sso-ltan, ltanBand_h: 1, phasing: 1 }\n` +
    'isl: { topology: grid, terminal: dwdm-1t, crossPlaneCutoffLatitude_deg: 75 }\n' +
    'ground: { stations: [svalsat, kiruna, fairbanks, santiago, hartebeesthoek], minElevation_deg: 25, linkRate_Gbps: 20 }\n' +
    'traffic: { pattern: uniform, demandPerNode_Gbps: 10 }\n' +
    `simulation: { epoch: '2026-03-20T00:00:00Z', duration_h: 24, step_s: 300, snapshots: ${snapshots}, ` +
    `maxFullLpColumns: ${maxFullLpColumns} }\n` +
    'launch:\n  vehicles: [{ vehicle: starship, cadence_per_yr: 400 }]\n'
  );
}

const evaluate = (name: string, text: string) => evaluateConstellationFileWith(writeFile(dir, name, text), lp).record;

describe("the constellation study's knee: network throughput over a day", () => {
  it('at its own size (119 × 100, 48 instants): the reported rate is within 5 % of the full LP at every instant', () => {
    const r = evaluate('knee.yaml', band(119, 100, 48, 20_000));
    const shell = r.network.shells[0]!;
    expect(shell.reducedModel).toBe(true);
    expect(shell.throughputPerNode_Gbps).toBeGreaterThan(0);
    // lower ≥ (1 − gap)·upper and lower ≤ full LP ≤ upper: upper / full LP − 1 ≤ gap / (1 − gap) ≤ 5 % for gap ≤ 1/21
    expect(shell.boundGap).toBeLessThanOrEqual(1 / 21);
    console.log(
      `knee over a day: ${shell.throughputPerNode_Gbps.toFixed(2)} Gbps mean, ${shell.minThroughputPerNode_Gbps.toFixed(2)} worst; bound gap ${shell.boundGap.toExponential(2)}`,
    );
  });

  it("a band of the knee's orbit small enough for the full LP (4 × 10): reduced model = full LP within 5 % at the same instants", () => {
    const reduced = evaluate('reduced.yaml', band(4, 10, 3, 0)).network;
    const full = evaluate('full.yaml', band(4, 10, 3, 10_000_000)).network;
    expect(reduced.shells[0]!.reducedModel).toBe(true);
    expect(full.shells[0]!.reducedModel).toBe(false);
    expect(full.minThroughputPerNode_Gbps).toBeGreaterThan(0);
    for (const k of ['throughputPerNode_Gbps', 'p5ThroughputPerNode_Gbps', 'minThroughputPerNode_Gbps'] as const) {
      expect(reduced[k]).toBeGreaterThanOrEqual(full[k] * (1 - 1e-6)); // the reported rate is an upper bound
      expect(reduced[k]).toBeLessThanOrEqual(full[k] * 1.05);
    }
    console.log(
      `4 × 10 band over a day: reduced ${reduced.throughputPerNode_Gbps.toFixed(3)} Gbps, full LP ${full.throughputPerNode_Gbps.toFixed(3)} Gbps (worst instant ${reduced.minThroughputPerNode_Gbps.toFixed(3)} and ${full.minThroughputPerNode_Gbps.toFixed(3)})`,
    );
  });
});

/**
 * The network throughput of the constellation study's knee checked over a day: within 5 % of a full-graph LP at the
 * same instants.
 *
 * The knee is the recommended design of `odc run designs/constellation-study.yaml` (seed 7, 30 generations; refresh
 * KNEE_SHELLS from `odc export <run> --design knee --format yaml` when the study or its models change): a Walker delta
 * shell of 77 × 32 at 540.5 km, 70°, F = 3, and a sun-synchronous dawn–dusk band of 73 × 94 at 549.3 km, 1 h of LTAN,
 * F = 1, with dwdm-1t terminals and a 75° cross-plane cutoff (9,326 nodes). Its full arc-flow LP (one commodity per
 * source, ~10⁸ columns per shell) is out of reach. Two checks instead:
 * - at the knee's size, over a day (48 instants): each shell's maximum concurrent flow lies between the lower bound
 *   (an explicit routing on the instant's own links: torusRouting.ts, cylinderRouting.ts) and the reported upper bound
 *   (the reduced torus and open-cylinder models), so a bound gap ≤ 1/21 puts the reported rate within 5 % of the full
 *   LP's at every instant;
 * - on a band of the dawn–dusk orbit, terminal and cutoff small enough for the full LP, at the same 3 instants over a
 *   day: the reduced model against odc's full arc-flow LP on each instant's link graph (networkFlowLp.ts), the
 *   independent oracle (no cut, routing, duality or symmetry argument). The Walker shell always takes the reduced
 *   torus model (shellNetwork.ts); its per-instant bounds are checked against the full LP in networkInstant.test.ts,
 *   and at 70° its cross-plane links never reach the 75° cutoff, so its bracket closes (gap 0) at every instant.
 * The bounds themselves are tested against the full LP on small shells with outages in shellNetworkCylinder.test.ts,
 * cylinderDual.test.ts and cylinderRouting.test.ts.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';

import { tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir('odc-knee-network-');
const lp = await createLpSolver();

/** The knee's shells (planes and slots are the arguments, so the same orbits serve the small full-LP checks). */
const KNEE_SHELLS = {
  low: (planes: number, slots: number, phasing: number) =>
    `  - { name: low, altitude_km: 540.5119917122121, inclination_deg: 70, planes: ${planes}, satsPerPlane: ${slots}, ` +
    `pattern: walker-delta, phasing: ${phasing} }\n`,
  dawnDusk: (planes: number, slots: number) =>
    `  - { name: dawn-dusk, altitude_km: 549.2717454859578, inclination_deg: sso, ltan_h: 6, planes: ${planes}, ` +
    `satsPerPlane: ${slots}, pattern: sso-ltan, ltanBand_h: 1, phasing: 1 }\n`,
};

/** A design of the knee's node, terminal, cutoff and traffic with `shells`, evaluated over a day at `snapshots`. */
function design(shells: string, snapshots: number, maxFullLpColumns: number): string {
  return (
    `name: knee\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\nnodeSizing: closed\nshells:\n${shells}` +
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
  it('at its own size (77 × 32 and 73 × 94, 48 instants): each shell within 5 % of the full LP at every instant', () => {
    const r = evaluate('knee.yaml', design(KNEE_SHELLS.low(77, 32, 3) + KNEE_SHELLS.dawnDusk(73, 94), 48, 20_000));
    expect(r.satellites).toBe(77 * 32 + 73 * 94);
    for (const shell of r.network.shells) {
      expect(shell.reducedModel).toBe(true);
      expect(shell.throughputPerNode_Gbps).toBeGreaterThan(0);
      // lower ≥ (1 − gap)·upper and lower ≤ full LP ≤ upper: upper / full LP − 1 ≤ gap / (1 − gap) ≤ 5 % for gap ≤ 1/21
      expect(shell.boundGap, shell.shell).toBeLessThanOrEqual(1 / 21);
      console.log(
        `knee ${shell.shell} over a day: ${shell.throughputPerNode_Gbps.toFixed(2)} Gbps mean, ${shell.minThroughputPerNode_Gbps.toFixed(2)} worst; bound gap ${shell.boundGap.toExponential(2)} (${shell.solver})`,
      );
    }
  });

  it('a band of the dawn–dusk orbit small enough for the full LP (4 × 10): lower ≤ full LP ≤ upper ≤ 1.05 × it', () => {
    const shell = KNEE_SHELLS.dawnDusk(4, 10);
    const reduced = evaluate('reduced.yaml', design(shell, 3, 0)).network;
    const full = evaluate('full.yaml', design(shell, 3, 10_000_000)).network;
    expect(reduced.shells[0]!.reducedModel).toBe(true);
    expect(full.shells[0]!.reducedModel).toBe(false);
    expect(full.minThroughputPerNode_Gbps).toBeGreaterThan(0);
    // the reported rate is a feasible routing (the lower bound), the upper bound within the model's stated 5 %
    for (const k of ['throughputPerNode_Gbps', 'p5ThroughputPerNode_Gbps', 'minThroughputPerNode_Gbps'] as const)
      expect(reduced[k]).toBeLessThanOrEqual(full[k] * (1 + 1e-6));
    expect(reduced.throughputPerNodeUpper_Gbps).toBeGreaterThanOrEqual(full.throughputPerNode_Gbps * (1 - 1e-6));
    expect(reduced.throughputPerNodeUpper_Gbps).toBeLessThanOrEqual(full.throughputPerNode_Gbps * 1.05);
    console.log(
      `4 × 10 band over a day: reduced ${reduced.throughputPerNode_Gbps.toFixed(3)} (upper ${reduced.throughputPerNodeUpper_Gbps.toFixed(3)}) Gbps, full LP ${full.throughputPerNode_Gbps.toFixed(3)} Gbps (worst instant ${reduced.minThroughputPerNode_Gbps.toFixed(3)} and ${full.minThroughputPerNode_Gbps.toFixed(3)})`,
    );
  });
});

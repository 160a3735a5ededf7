/**
 * Benchmark helper (prints nothing, asserts nothing): the cost of one constellation evaluation stage by stage,
 * each stage called as `evaluateConstellation` calls it (src/constellation/evaluate.ts) but without the
 * process-wide memos (the screen is told not to memoise; callers pass designs whose network LPs are not yet memoised),
 * so every figure is what a design seen for the first time costs.
 * Used by test/bench/constellation.ts (`npm run bench:constellation`).
 */
import { closeNodeDesign } from '../../src/node/stages/sizing.js';
import { evaluateNode } from '../../src/node/evaluate.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import type { LpSolver } from '../../src/optimize/lp.js';
import { withFormationKeeping } from '../../src/constellation/geometry/clusterKeeping.js';
import type { ConstellationSpec } from '../../src/constellation/design/compile.js';
import { conjunctionScreen } from '../../src/constellation/environment/conjunction.js';
import { conjunctionRecord } from '../../src/constellation/environment/conjunctionRecord.js';
import { constellationEconomics } from '../../src/constellation/economics/economics.js';
import { constellationLearningRate } from '../../src/constellation/economics/generation.js';
import { groundContacts, type GroundContactParams } from '../../src/constellation/ground/ground.js';
import { launchPlan } from '../../src/constellation/launch/launchPlan.js';
import { shellLinks } from '../../src/constellation/links/links.js';
import { planeElements } from '../../src/constellation/geometry/pattern.js';
import { gmstSamples_rad, windowTimes_s, type PlaneTrack } from '../../src/constellation/geometry/propagate.js';
import { planeTracksFromReference, referenceOrbit } from '../../src/constellation/geometry/shellTracks.js';
import { shellNetwork } from '../../src/constellation/network/shellNetwork.js';

/** CPU time of this process so far (user + system) [ms]: on a shared machine, wall time measures the neighbours. */
export function cpu_ms(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export const STAGES = [
  'node sizing',
  'geometry (SGP4)',
  'link capacities',
  'ground contacts',
  'network',
  'launch campaign',
  'economics',
  'conjunction screen',
] as const;
export type Stage = (typeof STAGES)[number];

/** CPU milliseconds per stage of one evaluation of `spec` (stages in evaluation order). */
export function evaluationStages(spec: ConstellationSpec, lp: LpSolver): Record<Stage, number> {
  const out = {} as Record<Stage, number>;
  let t = cpu_ms();
  const lap = (stage: Stage): void => {
    const now = cpu_ms();
    out[stage] = now - t;
    t = now;
  };
  const w = spec.window;
  const designs = spec.shells.map((s) => withFormationKeeping(s.node, s.geometry));
  const nodes: DesignRecord[] = spec.shells.map((s, i) =>
    evaluateNode(spec.nodeSizing === 'closed' ? closeNodeDesign(designs[i]!, s.rows).design : designs[i]!, s.rows),
  );
  const sats = spec.shells.map((s) => s.geometry.planes * s.geometry.satsPerPlane);
  lap('node sizing');
  const gmst = gmstSamples_rad(w.epochIso, windowTimes_s(w));
  const tracks: PlaneTrack[][] = spec.shells.map((s) => {
    const ref = referenceOrbit(s.geometry.altitude_m, s.geometry.inclination_rad, w);
    const elements = Array.from({ length: s.geometry.planes }, (_, p) => planeElements(s.geometry, p, w.epochIso));
    return planeTracksFromReference(ref, elements, w, gmst);
  });
  lap('geometry (SGP4)');
  const linkParams = spec.shells.map((s) => ({
    shell: s.geometry,
    window: w,
    topology: s.topology,
    terminal: s.terminal,
    latitudeCutoff_rad: s.crossPlaneCutoffLatitude_rad,
    snapshotIndex: 0,
  }));
  const links = linkParams.map((p) => shellLinks(p));
  lap('link capacities');
  const ground: GroundContactParams | null =
    spec.stations.length === 0
      ? null
      : {
          shells: spec.shells.map((s, i) => ({ spec: s.geometry, tracks: tracks[i]! })),
          stations: spec.stations.map((s) => ({ ...s })),
          elevationMask_rad: spec.minElevation_rad,
          linkRate_bps: spec.gatewayLinkRate_bps,
        };
  if (ground !== null) groundContacts(ground);
  lap('ground contacts');
  spec.shells.forEach((_, i) =>
    shellNetwork({ spec, shellIndex: i, links: links[i]!, linkParams: linkParams[i]!, tracks: tracks[i]!, ground, lp }),
  );
  lap('network');
  const { campaign } = launchPlan(spec, nodes, sats, lp, []);
  lap('launch campaign');
  const satellites = sats.reduce((a, b) => a + b, 0);
  const mean = (f: (i: number) => number): number => sats.reduce((a, n, i) => a + n * f(i), 0) / satellites;
  constellationEconomics({
    satellites,
    firstUnitHardware_USD: mean((i) => nodes[i]!.cost.hardware_USD),
    launch_USD: campaign.launch_USD,
    horizon_yr: mean((i) => spec.shells[i]!.node.mission.lifetime_yr),
    designLife_yr: mean((i) => spec.shells[i]!.node.mission.lifetime_yr),
    deliveredPFLOPS_per_satellite: mean((i) => nodes[i]!.compute.deliveredPFLOPS),
    gateways: spec.stations.length,
    learningRate: constellationLearningRate(spec),
    modelParameters: spec.economics.modelParams,
  });
  lap('economics');
  const screen = conjunctionScreen({
    shells: spec.shells.map((s) => s.geometry),
    epochIso: w.epochIso,
    threshold_m: spec.minSeparation_m,
    memoise: false,
  });
  conjunctionRecord(spec, screen, w.epochIso);
  lap('conjunction screen');
  return out;
}

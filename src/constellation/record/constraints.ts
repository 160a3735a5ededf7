/**
 * The constellation's constraints (g <= 0 in the optimizer): every node's own constraints per shell, the ISL
 * links' line of sight and pointing (checks: a link is off at the instants it grazes or turns too fast), the network
 * demand at the worst snapshot instant, the FCC deployment
 * milestones (47 CFR 25.164(b)), the self-conjunction separation and whether the campaign can fly at all
 * (launch.vehicle: the reasons it cannot, 0 when it can). The figures are computed in evaluate.ts.
 * The network demand is enforced when the file states traffic.demandPerNode_Gbps, what it requires each node to
 * carry: a constellation that cannot carry it misses its own requirement (studies hold it,
 * src/study/constellationStudy.ts); the default demand is a check only.
 */
import type { ConstraintResult } from '../../node/record/record.js';
import { constraintResult } from '../../node/record/constraints.js';
import type { ConstellationSpec } from '../design/compile.js';
import type { ConstellationRecord } from './record.js';

const M_PER_KM = 1000;
const BPS_PER_GBPS = 1e9;

type NodeRecord = ConstellationRecord['shells'][number]['node'];

/** The figures the constellation constraints judge. */
export interface ConstraintInputs {
  /** Lowest over the links of each link's highest line of sight over the window, above R⊕ [km] (evaluate.ts). */
  readonly lineOfSight_km: number;
  /** The height a line of sight must clear: the atmosphere plus margin [km]. */
  readonly grazingHeight_km: number;
  /** Largest pointing rate of any link over the samples it clears the Earth and the cutoff [deg/s]. */
  readonly maxPointingRate_deg_s: number;
  /** The terminals' slew limit (the least over the shells) [deg/s]. */
  readonly slewLimit_deg_s: number;
  /** The constellation's rate per node at its worst instant. */
  readonly worst_bps: number;
  /** Share of the satellites deployed by the half milestone (the life's first deployment, economics/life.ts). */
  readonly half: number;
  /**
   * When the last satellite reaches orbit [yr], launch and factory limited (the life's full capability): every
   * satellite is launched, so the full milestone is met exactly when this is within it; unlike the share deployed (1
   * whenever met) it says by how much.
   */
  readonly campaign_yr: number;
  readonly minSeparation_km: number;
  readonly filedShellClearance_km: number;
  /**
   * Why the campaign cannot fly as given, one per reason (launch/launchPlan.ts): shells every vehicle is refused for or
   * none can carry one satellite of, and launch caps too small for every satellite; 0: it can.
   */
  readonly launchShortfalls: number;
}

/** The keep-out from other operators' filed shells, when the design asks for it (environment.keepOutFiledShells). */
function filedShellConstraints(spec: ConstellationSpec, c: ConstraintInputs): ConstraintResult[] {
  if (!spec.keepOutFiledShells) return [];
  return [
    constraintResult(
      'environment.filedShells',
      c.filedShellClearance_km,
      '>=',
      0,
      'km',
      true,
      "every shell clear of other operators' filed shells (environment.keepOutFiledShells; 10 km bands)",
    ),
  ];
}

/** Inter-satellite links: whether every laid link ever closes and whether terminals can always track them (checks). */
function islConstraints(c: ConstraintInputs): ConstraintResult[] {
  return [
    // A check, not a requirement: a link grazing the atmosphere is off at those instants, and the network judges what
    // that costs (throughput, network.demand at the worst instant); a link that never closes is never used and no
    // terminal is counted for it. The figure says whether the file's topology is the one that flies: the lowest over
    // the links of each link's highest line of sight, a margin in km (docs/constellations.md).
    constraintResult(
      'isl.lineOfSight',
      c.lineOfSight_km,
      '>=',
      c.grazingHeight_km,
      'km',
      false,
      'every laid inter-satellite link clears the atmosphere (grazing height) at some instant of the window ' +
        '(a link is off at the instants it grazes; the network carries the traffic without it)',
    ),
    // A check, not a requirement: a link whose line of sight turns faster than the terminal can slew is off at those
    // instants (links/linkSampling.ts, network/torus/torusInstant.ts), and the network judges what that costs
    // (throughput, network.demand at the worst instant). The figure says whether the file's topology flies whole.
    constraintResult(
      'isl.pointing',
      c.maxPointingRate_deg_s,
      '<=',
      c.slewLimit_deg_s,
      'deg/s',
      false,
      'terminals can track every link at every instant (line-of-sight rate within the slew limit; a link is off at ' +
        'the instants it exceeds it, and the network carries the traffic without it)',
    ),
  ];
}

export function constellationConstraints(
  spec: ConstellationSpec,
  nodes: readonly NodeRecord[],
  c: ConstraintInputs,
): ConstraintResult[] {
  const demand_bps = spec.traffic.demandPerNode_bps;
  return [
    ...nodes.flatMap((n, i) =>
      n.constraints.map((c) => ({ ...c, name: `${spec.shells[i]!.geometry.name}/${c.name}` })),
    ),
    ...islConstraints(c),
    constraintResult(
      'network.demand',
      c.worst_bps / BPS_PER_GBPS,
      '>=',
      demand_bps / BPS_PER_GBPS,
      'Gbps',
      spec.traffic.required,
      'every node can send its offered traffic (traffic.demandPerNode_Gbps) at the maximum concurrent flow, at the worst snapshot instant',
    ),
    constraintResult(
      'launch.halfMilestone',
      c.half,
      '>=',
      0.5,
      '-',
      false,
      `50 % of satellites in orbit within ${spec.launch.milestoneHalf_yr} yr (FCC 47 CFR 25.164(b))`,
    ),
    constraintResult(
      'launch.fullMilestone',
      c.campaign_yr,
      '<=',
      spec.launch.milestoneFull_yr,
      'yr',
      false,
      `all satellites in orbit within ${spec.launch.milestoneFull_yr} yr (FCC 47 CFR 25.164(b))`,
    ),
    constraintResult(
      'launch.vehicle',
      c.launchShortfalls,
      '<=',
      0,
      '-',
      true,
      'the campaign vehicles fly every satellite: each shell has one that may fly to its orbit (published points, or ' +
        'the extrapolation within its limit) and carry its satellite, within the launch caps (the notes say why not)',
    ),
    constraintResult(
      'environment.minSeparation',
      c.minSeparation_km,
      '>=',
      spec.minSeparation_m / M_PER_KM,
      'km',
      true,
      'no two satellites come closer than the required separation (self-conjunction screen on SGP4 positions)',
    ),
    ...filedShellConstraints(spec, c),
  ];
}

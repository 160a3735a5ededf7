/**
 * Schema of the constellation record (`odc evaluate <constellation> --json`): the one definition of the record.
 * The TypeScript types (record.ts) are inferred from it, designs/schema/constellation-record.schema.json is
 * generated from it (`odc schema constellation-record`), and the metric paths of constellation studies are its
 * numeric leaves (metrics.ts), so each field's documentation is written here, once, with its unit in brackets.
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { constraintResultSchema, designRecordSchema, n } from '../../node/record/recordSchema.js';
import { CONSTELLATION_TOPOLOGIES, SHELL_PATTERNS, TRAFFIC_PATTERNS } from '../design/types.js';

const planeOrSlot = () =>
  z
    .number()
    .nullable()
    .describe(
      'Plane (cluster) and slot of the satellite; null for a shell-pair entry (any satellites of the two shells).',
    );
const stats = (unit: string) => z.strictObject({ min: n(`[${unit}]`), mean: n(`[${unit}]`), max: n(`[${unit}]`) });

export const constellationRecordSchema = lazy(() =>
  z.strictObject({
    schemaVersion: z.literal(1),
    name: z.string(),
    kind: z.literal('constellation'),
    satellites: n('Satellites in all shells [-].'),
    shells: z.array(shellRecordSchema()),
    isl: islRecordSchema(),
    network: networkRecordSchema(),
    ground: groundRecordSchema(),
    launch: launchRecordSchema(),
    environment: environmentRecordSchema(),
    totals: totalsRecordSchema(),
    worst: worstRecordSchema(),
    constraints: z.array(constraintResultSchema()),
    notes: z.array(z.string()),
  }),
);

/** One shell's entry of the record (the array is `shells[]`). */
function shellRecordSchema() {
  return z.strictObject({
    name: z.string(),
    altitude_km: n('[km]'),
    inclination_deg: n('[deg]'),
    sunSynchronous: z.boolean(),
    ltan_h: z.number().nullable(),
    pattern: z.enum(SHELL_PATTERNS),
    planes: n('[-]'),
    satsPerPlane: n('[-]'),
    satellites: n('[-]'),
    phasing: n('Walker F [-]'),
    period_min: n('[min]'),
    eclipseFraction: n('Annual mean shadow fraction the node is sized for (SSO: the most-shadowed plane) [-].'),
    eclipseFractionBest: n(
      'SSO: annual mean shadow fraction of the least-shadowed plane (non-SSO: equal to eclipseFraction) [-].',
    ),
    sizingLtan_h: z.number().nullable().describe('SSO: LTAN of the plane the node is sized for; null otherwise [h].'),
    ltanSpread_h: z
      .number()
      .nullable()
      .describe(
        'SSO: local-time span of the planes (sso-ltan band; 24 Walker delta; 12 star; 0 one plane); null otherwise [h].',
      ),
    topology: z.enum(CONSTELLATION_TOPOLOGIES),
    terminal: z.string(),
    node: designRecordSchema().describe(
      "The node evaluated at this shell's orbit (same record as `odc evaluate` of that node there).",
    ),
    cluster: z
      .strictObject({
        formation: z.string().describe('Relative-orbit family of the members (in-plane | circular).'),
        radius_m: n('Largest member distance from the centre over an orbit [m].'),
        neighbourDistance_m: stats('m').describe(
          "Lattice neighbours' distance over an orbit: min, orbit mean, max [m].",
        ),
        closestApproach_m: n('Smallest distance between any two members over an orbit [m].'),
        keepingDeltaV_m_s_per_yr: n(
          "Differential-J2 formation keeping per node (in the node's station-keeping propellant) [m/s per yr].",
        ),
        keepingPropellant_kg: n('Propellant formation keeping adds to each node (in node.mass.propellant_kg) [kg].'),
      })
      .nullable()
      .describe(
        "Cluster shells: the formation's relative motion over one orbit (clusterFormation.ts) and its keeping budget; " +
          'null otherwise.',
      ),
  });
}

/** The record's `isl` section. */
function islRecordSchema() {
  return z.strictObject({
    links: n('Inter-satellite links [-].', 'links'),
    linkRange_km: stats('km'),
    linkRate_Gbps: stats('Gbps'),
    blockedLinks: n('Links whose line of sight dips below the grazing height [-].', 'blocked links'),
    minLineOfSightAltitude_km: z
      .number()
      .nullable()
      .describe(
        "Lowest altitude above R⊕ of any link's line of sight over the window (null without links); the " +
          'isl.lineOfSight check needs it at or above the grazing height [km].',
      ),
    maxPointingRate_deg_s: n('[deg/s]', 'max pointing rate'),
    classes: z.array(
      z.strictObject({
        shell: z.string(),
        linkClass: z.string(),
        count: n('[-]'),
        range_km: stats('km'),
        rate_Gbps: stats('Gbps'),
        availability: n('Usable fraction of the window (line of sight, range, latitude cutoff) [-].'),
        blocked: z.boolean(),
        maxPointingRate_deg_s: n('[deg/s]'),
        pointingExceeded: z.boolean(),
      }),
    ),
  });
}

/** The record's `network` section. */
function networkRecordSchema() {
  return z.strictObject({
    traffic: z.enum(TRAFFIC_PATTERNS),
    demandPerNode_Gbps: n('[Gbps]'),
    throughputPerNode_Gbps: n(
      "Rate per node at the maximum concurrent flow, mean over snapshot instants of the worst shell's rate at each " +
        'instant (where an instant is bounded, its lower bound) [Gbps].',
      'throughput per node',
    ),
    p5ThroughputPerNode_Gbps: n('Rate per node, nearest-rank 5th percentile over snapshot instants [Gbps].'),
    minThroughputPerNode_Gbps: n(
      'Sustainable rate per node: the worst snapshot instant (the `network.demand` constraint uses it) [Gbps].',
      'throughput per node, worst instant',
    ),
    boundGap: n(
      'Largest relative gap between upper and lower bound at any instant of any shell (0: exact; 1: no lower bound computed) [-].',
    ),
    bottleneckUtilization: z
      .number()
      .nullable()
      .describe(
        'Offered / sustainable at the worst instant, above 1 overloaded; null when that instant carries nothing (unbounded) [-].',
      ),
    meanHops: n('[-]'),
    maxHops: n('[-]'),
    p50Latency_ms: n('[ms]'),
    p99Latency_ms: n('[ms]'),
    reducedModel: z
      .boolean()
      .describe("True when any shell's result comes from the reduced (symmetric or bounding) model."),
    shells: z.array(
      z.strictObject({
        shell: z.string(),
        throughputPerNode_Gbps: n('Rate per node at the maximum concurrent flow, mean over instants [Gbps].'),
        p5ThroughputPerNode_Gbps: n('Nearest-rank 5th percentile over instants [Gbps].'),
        minThroughputPerNode_Gbps: n('Worst instant [Gbps].'),
        boundGap: n(
          "Largest relative gap between an instant's upper and lower bound (0: every instant exact; 1: no lower bound computed) [-].",
        ),
        reducedModel: z.boolean(),
        meanHops: n('[-]'),
        p99Latency_ms: n('[ms]'),
        solver: z.string(),
        lpRows: n('[-]'),
        lpCols: n('[-]'),
      }),
    ),
  });
}

/** The record's `ground` section. */
function groundRecordSchema() {
  return z.strictObject({
    stations: n('[-]', 'gateway stations'),
    contactFraction: n(
      'Fraction of the window in which at least one station is in contact with the constellation [-].',
      'contact (any station)',
    ),
    meanStationContactFraction: n('[-]', 'contact (mean per station)'),
    maxGap_min: n('[min]', 'longest gap'),
    downlink_TB_per_day: n('[TB/day]', 'downlink volume'),
    meanDownlink_Gbps: n('[Gbps]', 'mean downlink'),
    perStation: z.array(
      z.strictObject({ name: z.string(), contactFraction: n('[-]'), maxGap_min: n('[min]'), meanVisible: n('[-]') }),
    ),
  });
}

/** The record's `launch` section. */
function launchRecordSchema() {
  return z.strictObject({
    launches: n('[-]', 'launches'),
    perVehicle: z.array(
      z.strictObject({
        vehicle: z.string(),
        launches: n('[-]'),
        satellitesPerLaunch: n('[-]'),
        limitedBy: z.string(),
      }),
    ),
    campaign_yr: n('[yr]', 'campaign'),
    cost_USD: n('[USD]', 'launch cost'),
    milestonesMet: z.boolean(),
    deployedAtHalfMilestone: n('Fraction deployed at the 50 % milestone [-].', 'deployed at the 50 % milestone'),
    deployedAtFullMilestone: n('Fraction deployed at the 100 % milestone [-].', 'deployed at the 100 % milestone'),
    solver: z.string(),
    price_USD_per_kg: n('Launch cost ÷ launch mass of every satellite [USD/kg] (vehicle prices are authoritative).'),
    extrapolatedLaunches: n(
      "Launches flown on a payload extrapolated beyond the vehicle's published points (payloadBasis extrapolated) [-].",
    ),
    perShell: z
      .array(
        z.strictObject({
          shell: z.string(),
          satellites: n('[-]'),
          launches: n('[-]'),
          cost_USD: n('[USD]'),
          price_USD_per_kg: n("Campaign launch cost of the shell ÷ its satellites' launch mass [USD/kg]."),
          nodePrice_USD_per_kg: n(
            "The shell node's cost.launchPrice_USD_per_kg (vehicle price ÷ payload into the orbit, or the design's override) " +
              '[USD/kg].',
          ),
          vehicles: z.array(
            z.strictObject({
              vehicle: z.string(),
              launches: n('[-]'),
              satellitesPerLaunch: n('[-]'),
              satellitesCarried: n('Satellites of this shell the vehicle carries in the plan [-].'),
              limitedBy: z.string(),
              payload_kg: n('Payload into the shell orbit (src/models/launch/launchPerformance.ts) [kg].'),
              payloadBasis: z
                .string()
                .describe(
                  'published | interpolated (between published points) | extrapolated (beyond them, see extrapolationDeltaV_m_s) | refused (no published points: payload 0).',
                ),
              extrapolationDeltaV_m_s: n(
                'ΔV by which the rocket-equation rule moved the nearest published figure (0 unless extrapolated) [m/s].',
              ),
            }),
          ),
        }),
      )
      .describe("Each shell's part of the campaign, packed at its own node and orbit (a launch carries one shell)."),
  });
}

/** One shell's entry of `environment.conjunctions.shells`. */
function conjunctionShellSchema() {
  return z.strictObject({
    shell: z.string(),
    minSeparation_km: n('Closest approach on SGP4 positions [km].'),
    secularMinSeparation_km: n("Closest approach under two-body + secular J2 (the candidates' closed form) [km]."),
    pairBound_km: n(
      "Most SGP4 moves two satellites' distance from its secular value at one instant (2E, sgp4Refine.ts) [km].",
    ),
    refinedClasses: n('Candidate pair classes refined on SGP4 positions [-].'),
    pairsBelow: n('[-]'),
    window_s: n("Window after which the shell's secular geometry repeats, screened in `steps` steps [s]."),
    steps: n('[-]'),
    screeningDistance_km: n(
      'Secular screening distance, max(required, k-th closest) + 2 × pairBound: no SGP4 approach below the ' +
        'required separation or among the closest is missed [km].',
    ),
    bestPhasing: z
      .number()
      .nullable()
      .describe(
        'Walker F with the largest secular closest approach (closed form, phasing.ts), when the shell is closer than ' +
          'required: a suggestion to screen, not an SGP4 result.',
      ),
    bestPhasingSeparation_km: z.number().nullable().describe('[km]'),
  });
}

/** The record's `environment` section. */
function environmentRecordSchema() {
  return z.strictObject({
    density_per_km3: n('Highest satellite density of any shell [satellites/km³].'),
    minSeparation_km: n(
      'Closest approach of any two satellites: within shells on SGP4 positions (the self-conjunction screen, secular ' +
        'candidates refined with satellite.js to ~0.05 km), between shells over any relative phasing on SGP4 orbits ' +
        '(their radius profiles); members of one cluster are ' +
        "not screened; with no screened pair, the widest orbit's diameter [km].",
    ),
    overlappingShells: z.array(z.string()),
    filedShellClearance_km: n(
      "Smallest altitude clearance between a shell and another operator's filed shell, each a 10 km band (|h − h_filed| " +
        'less half of both thicknesses; negative inside a filed band) [km].',
    ),
    conjunctions: z.strictObject({
      required_km: n("Required separation (the design's environment.minSeparation_km) [km]."),
      pairsBelow: n('Satellite pairs closer than the required separation (on SGP4 positions within shells) [-].'),
      method: z.string().describe('How the closest approaches were found, and their stated residual error.'),
      worst: z
        .array(
          z.strictObject({
            shellA: z.string(),
            planeA: planeOrSlot(),
            slotA: planeOrSlot(),
            shellB: z.string(),
            planeB: planeOrSlot(),
            slotB: planeOrSlot(),
            separation_km: n('[km]'),
            time_s: z
              .number()
              .nullable()
              .describe(
                'Time of the SGP4 closest approach in the first orbit after the epoch (it recurs every orbit) [s]; ' +
                  'null between shells (their phasing drifts).',
              ),
            pairs: n("Satellite pairs with the same closest approach (the pattern's symmetry class) [-]."),
          }),
        )
        .describe('Worst pair classes, closest first (at most 10).'),
      shells: z.array(conjunctionShellSchema()),
    }),
  });
}

/** The record's `totals` section. */
function totalsRecordSchema() {
  return z.strictObject({
    satellites: n('[-]', 'satellites'),
    itPowerAvg_W: n('[W]', 'IT power, average'),
    deliveredPFLOPS: n('[PFLOPS]', 'delivered compute'),
    launchMass_kg: n('[kg]', 'launch mass'),
    hardware_USD: n('[USD]', 'hardware'),
    launch_USD: n('[USD]', 'launch'),
    operations_USD: n('[USD]', 'operations'),
    replacements_USD: n('[USD]', 'replacements'),
    ground_USD: n('[USD]', 'ground segment'),
    cost_USD: n('[USD]', 'total cost'),
    lcoc_USD_per_PFLOP_day: n(
      'Undiscounted LCOC: cost_USD over the delivered PFLOP-days [USD/PFLOP-day].',
      'levelized cost of compute',
    ),
    lcocDiscounted_USD_per_PFLOP_day: n(
      "Discounted LCOC, PV(costs)/PV(compute) at the node's economics.discountRate_per_yr: the verdict's basis, as a node's [USD/PFLOP-day].",
    ),
    cost_USD_per_Mtoken: n('Cost per million output tokens, FLOPs-based [USD/Mtoken].', 'cost per million tokens'),
    costPerChipHour_USD: n('Undiscounted LCOC per calendar hour of each installed chip [USD/chip-h].'),
    costPerMWh_USD: n('Undiscounted LCOC per MWh of IT energy [USD/MWh].'),
    costPerChipHourDiscounted_USD: n('Discounted LCOC per calendar hour of each installed chip [USD/chip-h].'),
  });
}

/** The record's `worst` section. */
function worstRecordSchema() {
  return z
    .strictObject({
      doseMargin: n(
        "Smallest (tolerance − mission dose) / tolerance of any shell's node: negative when a chip exceeds it [-].",
      ),
      passiveDecay_yr: n("Longest passive decay after end of life of any shell's node (FCC: ≤ 5) [yr]."),
      nodeLaunchMass_kg: n('Heaviest node launch mass [kg].'),
    })
    .describe("The worst shell's node on the checks studies usually constrain (node records are in `shells[]`).");
}

export function constellationRecordJsonSchema(): object {
  return {
    $id: 'https://odc.invalid/schema/constellation-record.schema.json',
    title: 'odc constellation record',
    ...z.toJSONSchema(constellationRecordSchema()),
  };
}

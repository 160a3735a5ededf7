/**
 * Schemas of the constellation record's lists and the entries they hold (shells[], isl.classes, network.shells,
 * ground.perStation, launch.perVehicle and perShell, the conjunction screen's worst pairs and shells), with their
 * inferred types: the stages that produce an entry (launchPlan.ts, clusterKeeping.ts, conjunctionRecord.ts) type it
 * here, below the record's field table (fields.ts), which declares each list as one field. No entry is a metric.
 */
import * as z from 'zod';
import type { DeepReadonly } from '../../base/deepReadonly.js';
import { n } from '../../base/recordFields.js';
import { designRecordSchema } from '../../node/record/recordSchema.js';
import { CONSTELLATION_TOPOLOGIES, SHELL_PATTERNS } from '../design/types.js';

const planeOrSlot = () =>
  z
    .number()
    .nullable()
    .describe(
      'Plane (cluster) and slot of the satellite; null for a shell-pair entry (any satellites of the two shells).',
    );
/** Min, mean and max of a sampled quantity, in `unit`. */
export const stats = (unit: string) =>
  z.strictObject({ min: n(`[${unit}]`), mean: n(`[${unit}]`), max: n(`[${unit}]`) });

/** The record's `shells[]`: each shell's geometry and its node. */
export const shellsSchema = () => z.array(shellRecordSchema());

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
    planeKeeping: planeKeepingSchema(),
  });
}

/** A shell record's `planeKeeping` (sun-synchronous shells, planeKeeping.ts). */
function planeKeepingSchema() {
  return z
    .strictObject({
      planeSpacing_deg: n('RAAN spacing of neighbouring planes [deg].'),
      nodalDriftPerHundredthDegree_deg_per_yr: n(
        'Differential J2 nodal drift of a plane 0.01° off in inclination, (3/2)·n·J2·(R⊕/a)²·sin i·δi [deg/yr].',
      ),
      injectionDispersion_deg: n('Inclination error assumed at injection (launcher 3σ, planeKeeping.ts) [deg].'),
      tolerance_deg: n('Inclination error that drifts a plane half its spacing over the design life [deg].'),
      trim_deg: n('Inclination each satellite trims, dispersion less tolerance (0 when within) [deg].'),
      deltaV_m_s: n(
        "Δv of that trim per satellite, 2v·sin(trim/2), once (in the node's station-keeping propellant) [m/s].",
      ),
    })
    .nullable()
    .describe(
      'Sun-synchronous shells of two or more planes: inclination trim that holds neighbouring planes apart over ' +
        'the life (planeKeeping.ts); null otherwise.',
    );
}

/** The record's `isl.classes`: links by shell and class. */
export const linkClassesSchema = () =>
  z.array(
    z.strictObject({
      shell: z.string(),
      linkClass: z.string(),
      count: n('[-]'),
      range_km: stats('km'),
      rate_Gbps: stats('Gbps'),
      availability: n('Usable fraction of the window (line of sight, range, latitude cutoff, pointing) [-].'),
      blocked: z.boolean(),
      maxPointingRate_deg_s: n(
        "Largest line-of-sight rate in either end's orbital frame over the samples a link clears the Earth and the cutoff [deg/s].",
      ),
      pointingExceeded: z
        .boolean()
        .describe("Some link's pointing rate exceeds the terminal's slew limit at some sample."),
      pointingLostFraction: n(
        "Share of the class's link-samples off because the line of sight turns faster than the terminal's slew limit (clear of the Earth and the cutoff otherwise); the network solves each instant without them [-].",
      ),
    }),
  );

/** The record's `network.shells`: each shell's network. */
export const networkShellsSchema = () =>
  z.array(
    z.strictObject({
      shell: z.string(),
      throughputPerNode_Gbps: n(
        'Rate per node, mean over instants: exact, or the lower bound (a feasible routing) of a bound pair [Gbps].',
      ),
      throughputPerNodeUpper_Gbps: n('Upper bound on the rate per node, mean over instants [Gbps].'),
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
  );

/** The record's `ground.perStation`. */
export const perStationSchema = () =>
  z.array(
    z.strictObject({ name: z.string(), contactFraction: n('[-]'), maxGap_min: n('[min]'), meanVisible: n('[-]') }),
  );

/** The record's `launch.perVehicle`. */
export const perVehicleSchema = () =>
  z.array(
    z.strictObject({
      vehicle: z.string(),
      launches: n('[-]'),
      satellitesPerLaunch: n('[-]'),
      limitedBy: z.string(),
    }),
  );

/** The record's `launch.perShell`. */
export const perShellSchema = () =>
  z
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
                'published | interpolated (between published points) | extrapolated (beyond them, see extrapolationDeltaV_m_s) | refused (payload 0: no published points, past the 700 m/s extrapolation limit, or not offered for SSO).',
              ),
            extrapolationDeltaV_m_s: n(
              'ΔV by which the rocket-equation rule moved the nearest published figure (0 unless extrapolated; ' +
                'refused past the limit: the ΔV needed) [m/s].',
            ),
          }),
        ),
      }),
    )
    .describe("Each shell's part of the campaign, packed at its own node and orbit (a launch carries one shell).");

/** The record's `environment.conjunctions.worst`. */
export const conjunctionPairsSchema = () =>
  z
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
        relativeSpeed_m_s: z
          .number()
          .nullable()
          .describe('Relative speed of the pair at its SGP4 closest approach [m/s]; null between shells.'),
        encounterDuration_s: z
          .number()
          .nullable()
          .describe(
            'Time per encounter (each orbit) the pair stays within twice its closest approach on SGP4 positions ' +
              '(a straight fly-by: 2√3·d/v; a slow co-rotating pair lingers), at most one orbit [s]; null between shells.',
          ),
        belowRequired_s: z
          .number()
          .nullable()
          .describe(
            'Time per encounter the pair is closer than the required separation (0 when it stays clear) [s]; null ' +
              'between shells.',
          ),
      }),
    )
    .describe('Worst pair classes, closest first (at most 10).');

/** The record's `environment.conjunctions.shells`. */
export const conjunctionShellsSchema = () => z.array(conjunctionShellSchema());

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

type Entry<S extends () => z.ZodArray> = DeepReadonly<z.output<ReturnType<S>>>[number];
/** A sun-synchronous shell's plane keeping. */
export type PlaneKeepingRecord = NonNullable<Entry<typeof shellsSchema>['planeKeeping']>;
/** A cluster shell's formation: distances over one orbit, formation keeping. */
export type ClusterShellRecord = NonNullable<Entry<typeof shellsSchema>['cluster']>;
export type ShellLaunchRecord = Entry<typeof perShellSchema>;
export type ConjunctionPairRecord = Entry<typeof conjunctionPairsSchema>;
export type ConjunctionShellRecord = Entry<typeof conjunctionShellsSchema>;

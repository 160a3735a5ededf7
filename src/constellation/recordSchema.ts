/**
 * Schema of the constellation record (`odc evaluate <constellation> --json`), from which
 * designs/schema/constellation-record.schema.json is generated (`odc schema constellation-record`).
 * Keep it in step with record.ts: a test validates evaluated records against the committed file.
 */
import * as z from 'zod';
import { lazy } from '../core/lazy.js';
import { constraintResultSchema, designRecordSchema } from '../node/recordSchema.js';
import { CONSTELLATION_TOPOLOGIES, SHELL_PATTERNS, TRAFFIC_PATTERNS } from './types.js';

const n = (description: string) => z.number().describe(description);
const stats = (unit: string) => z.strictObject({ min: n(`[${unit}]`), mean: n(`[${unit}]`), max: n(`[${unit}]`) });

export const constellationRecordSchema = lazy(() => z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string(),
  kind: z.literal('constellation'),
  satellites: n('Satellites in all shells [-].'),
  shells: z.array(z.strictObject({
    name: z.string(), altitude_km: n('[km]'), inclination_deg: n('[deg]'), sunSynchronous: z.boolean(), ltan_h: z.number().nullable(),
    pattern: z.enum(SHELL_PATTERNS), planes: n('[-]'), satsPerPlane: n('[-]'), satellites: n('[-]'), phasing: n('Walker F [-]'),
    period_min: n('[min]'), eclipseFraction: n('Annual mean shadow fraction the node is sized for (SSO: the most-shadowed plane) [-].'),
    eclipseFractionBest: n('SSO: annual mean shadow fraction of the least-shadowed plane [-].'),
    sizingLtan_h: z.number().nullable().describe('SSO: LTAN of the plane the node is sized for [h].'),
    ltanSpread_h: z.number().nullable().describe('SSO: local-time span of the planes [h].'), topology: z.enum(CONSTELLATION_TOPOLOGIES), terminal: z.string(),
    node: designRecordSchema().describe('The node evaluated at this shell\'s orbit.'),
    cluster: z.strictObject({
      formation: z.string().describe('Relative-orbit family of the members (in-plane | circular).'), radius_m: n('Largest member distance from the centre over an orbit [m].'),
      neighbourDistance_m: stats('m').describe('Lattice neighbours\' distance over an orbit [m].'), closestApproach_m: n('Closest approach of two members [m].'),
      keepingDeltaV_m_s_per_yr: n('Differential-J2 formation keeping per node [m/s per yr].'),
      keepingPropellant_kg: n('Propellant formation keeping adds to each node (in node.mass.propellant_kg) [kg].'),
    }).nullable().describe('Cluster shells: formation geometry and keeping; null otherwise.'),
  })),
  isl: z.strictObject({
    links: n('Inter-satellite links [-].'), linkRange_km: stats('km'), linkRate_Gbps: stats('Gbps'),
    blockedLinks: n('Links whose line of sight dips below the grazing height [-].'), maxPointingRate_deg_s: n('[deg/s]'),
    classes: z.array(z.strictObject({
      shell: z.string(), linkClass: z.string(), count: n('[-]'), range_km: stats('km'), rate_Gbps: stats('Gbps'),
      availability: n('Usable fraction of the window [-].'), blocked: z.boolean(), maxPointingRate_deg_s: n('[deg/s]'), pointingExceeded: z.boolean(),
    })),
  }),
  network: z.strictObject({
    traffic: z.enum(TRAFFIC_PATTERNS), demandPerNode_Gbps: n('[Gbps]'), throughputPerNode_Gbps: n('Rate per node, mean over snapshot instants [Gbps].'),
    p5ThroughputPerNode_Gbps: n('Rate per node, nearest-rank 5th percentile over snapshot instants [Gbps].'),
    minThroughputPerNode_Gbps: n('Sustainable rate per node: the worst snapshot instant [Gbps].'),
    boundGap: n('Largest relative gap between upper and lower bound at an instant (0: exact; 1: no lower bound computed) [-].'),
    bottleneckUtilization: z.number().nullable().describe('Offered / sustainable at the worst instant; null when that instant carries nothing (unbounded) [-].'), meanHops: n('[-]'), maxHops: n('[-]'), p50Latency_ms: n('[ms]'), p99Latency_ms: n('[ms]'),
    reducedModel: z.boolean(),
    shells: z.array(z.strictObject({
      shell: z.string(), throughputPerNode_Gbps: n('Mean over instants [Gbps].'), p5ThroughputPerNode_Gbps: n('[Gbps]'),
      minThroughputPerNode_Gbps: n('Worst instant [Gbps].'), boundGap: n('[-]'), reducedModel: z.boolean(), meanHops: n('[-]'), p99Latency_ms: n('[ms]'),
      solver: z.string(), lpRows: n('[-]'), lpCols: n('[-]'),
    })),
  }),
  ground: z.strictObject({
    stations: n('[-]'), contactFraction: n('Any station in contact [-].'), meanStationContactFraction: n('[-]'), maxGap_min: n('[min]'),
    downlink_TB_per_day: n('[TB/day]'), meanDownlink_Gbps: n('[Gbps]'),
    perStation: z.array(z.strictObject({ name: z.string(), contactFraction: n('[-]'), maxGap_min: n('[min]'), meanVisible: n('[-]') })),
  }),
  launch: z.strictObject({
    launches: n('[-]'),
    perVehicle: z.array(z.strictObject({ vehicle: z.string(), launches: n('[-]'), satellitesPerLaunch: n('[-]'), limitedBy: z.string() })),
    campaign_yr: n('[yr]'), cost_USD: n('[USD]'), milestonesMet: z.boolean(),
    deployedAtHalfMilestone: n('Fraction deployed at the 50 % milestone [-].'), deployedAtFullMilestone: n('Fraction deployed at the 100 % milestone [-].'),
    solver: z.string(),
    price_USD_per_kg: n('Launch cost ÷ launch mass of every satellite [USD/kg] (vehicle prices are authoritative).'),
    perShell: z.array(z.strictObject({
      shell: z.string(), satellites: n('[-]'), launches: n('[-]'), cost_USD: n('[USD]'),
      price_USD_per_kg: n('Campaign launch cost of the shell ÷ its launch mass [USD/kg].'),
      nodePrice_USD_per_kg: n('The shell node\'s cost.launchPrice_USD_per_kg [USD/kg].'),
      vehicles: z.array(z.strictObject({
        vehicle: z.string(), launches: n('[-]'), satellitesPerLaunch: n('[-]'),
        satellitesCarried: n('Satellites of this shell the vehicle carries in the plan [-].'), limitedBy: z.string(),
        payload_kg: n('Payload into the shell orbit [kg].'), payloadBasis: z.string(),
      })),
    })),
  }),
  environment: z.strictObject({
    density_per_km3: n('[satellites/km³]'), minSeparation_km: n('Closest approach of any two satellites (self-conjunction screen) [km].'),
    overlappingShells: z.array(z.string()),
    conjunctions: z.strictObject({
      required_km: n('Required separation [km].'), pairsBelow: n('Satellite pairs closer than the required separation [-].'),
      worst: z.array(z.strictObject({
        shellA: z.string(), planeA: z.number().nullable(), slotA: z.number().nullable(),
        shellB: z.string(), planeB: z.number().nullable(), slotB: z.number().nullable(),
        separation_km: n('[km]'), time_s: z.number().nullable().describe('First time of closest approach after the epoch [s]; null between shells.'),
        pairs: n('Satellite pairs in the same symmetry class [-].'),
      })).describe('Worst pair classes, closest first.'),
      shells: z.array(z.strictObject({
        shell: z.string(), minSeparation_km: n('[km]'), pairsBelow: n('[-]'), window_s: n('Repeat window screened [s].'), steps: n('[-]'),
        screeningDistance_km: n('No pair closer than this is missed [km].'),
        bestPhasing: z.number().nullable().describe('Walker F with the largest closest approach, when the shell is closer than required.'),
        bestPhasingSeparation_km: z.number().nullable().describe('[km]'),
      })),
    }),
  }),
  totals: z.strictObject({
    satellites: n('[-]'), itPowerAvg_W: n('[W]'), deliveredPFLOPS: n('[PFLOPS]'), launchMass_kg: n('[kg]'), hardware_USD: n('[USD]'),
    launch_USD: n('[USD]'), operations_USD: n('[USD]'), replacements_USD: n('[USD]'), ground_USD: n('[USD]'), cost_USD: n('[USD]'),
    lcoc_USD_per_PFLOP_day: n('[USD/PFLOP-day]'), cost_USD_per_Mtoken: n('[USD per million tokens]'),
    costPerChipHour_USD: n('Undiscounted LCOC per calendar hour of each installed chip [USD/chip-h].'), costPerMWh_USD: n('Undiscounted LCOC per MWh of IT energy [USD/MWh].'),
  }),
  worst: z.strictObject({
    doseMargin: n('Smallest (tolerance − mission dose) / tolerance of any shell\'s node [-].'),
    passiveDecay_yr: n('Longest passive decay after end of life of any shell\'s node [yr].'),
    nodeLaunchMass_kg: n('Heaviest node launch mass [kg].'),
  }),
  constraints: z.array(constraintResultSchema()),
  notes: z.array(z.string()),
}));

export function constellationRecordJsonSchema(): object {
  return { $id: 'https://odc.invalid/schema/constellation-record.schema.json', title: 'odc constellation record', ...z.toJSONSchema(constellationRecordSchema()) };
}

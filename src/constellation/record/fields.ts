/**
 * The constellation record's fields, declared once as the node's are (src/base/recordFields.ts): each with its unit,
 * short label and meaning, and the function that reads it from the stages' results (`ConstellationStages`, which
 * evaluate.ts computes). The record's schema (recordSchema.ts) is built from this table and evaluate.ts builds the
 * record from it. The lean evaluation (evaluate.ts evaluateConstellationLean) computes no gateway contacts, path
 * statistics or routing lower bounds: the fields read from them are declared `omittedWhenLean` and read NaN there.
 * Multi-shell totals are satellite-weighted over the shells; user units (km, Gbps, min, ms, TB/day) are converted here.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import * as z from 'zod';
import { rad_to_deg, s_to_min } from '../../base/convert.js';
import { omittedWhenLean, recordFields } from '../../base/recordFields.js';
import { comparisonMetrics } from '../../models/cost/comparisonMetrics.js';
import type { NodeDesign } from '../../node/design/schema.js';
import type { DesignRecord } from '../../node/record/record.js';
import type { ConstellationSpec } from '../design/compile.js';
import { TRAFFIC_PATTERNS, type Stats } from '../design/types.js';
import type { GenerationEconomicsResult } from '../economics/generation.js';
import { bridgeEntries, verdictBridge } from '../economics/bridge.js';
import type { ConjunctionFigures } from '../environment/conjunctionRecord.js';
import type { SkyFigures } from '../environment/skyFigures.js';
import { shellDensity } from '../environment/environment.js';
import { catalogueApproaches_per_sat_yr, FLUX_THRESHOLD_km } from '../../models/orbit/catalogueFlux.js';
import { clusterShellRecord, planeKeepingRecord } from '../geometry/clusterKeeping.js';
import type { GroundContactResult } from '../ground/ground.js';
import type { launchPlan } from '../launch/launchPlan.js';
import type { ShellLinksResult } from '../links/links.js';
import type { SeriesStats } from '../network/networkSeries.js';
import type { ShellNetworkResult } from '../network/shellNetwork.js';
import { lifeSection, type LifeStages } from './lifeFields.js';
import {
  conjunctionPairsSchema,
  conjunctionShellsSchema,
  linkClassesSchema,
  networkShellsSchema,
  perShellSchema,
  perStationSchema,
  perVehicleSchema,
  shellsSchema,
  stats,
} from './entrySchemas.js';
import { SKY_SECTION } from './skyFields.js';

/** What the record's fields read: the results of evaluate.ts's stages. */
export interface ConstellationStages {
  readonly spec: ConstellationSpec;
  /** Each shell's node design as evaluated (a cluster shell's with its formation keeping) and its record. */
  readonly designs: readonly NodeDesign[];
  readonly nodes: readonly DesignRecord[];
  /** Satellites of each shell, and of all. */
  readonly sats: readonly number[];
  readonly satellites: number;
  readonly links: readonly ShellLinksResult[];
  /** Links below the grazing height, the lowest line of sight [m]. */
  readonly linkViolations: {
    readonly blockedLinks: number;
    readonly minLineOfSightAltitude_m: number;
    readonly minPeakLineOfSightAltitude_m: number;
  };
  readonly networks: readonly ShellNetworkResult[];
  /** The constellation's rate per node over the snapshot instants (its worst shell's at each) [bit/s]. */
  readonly net: SeriesStats;
  /** The same over the instants' upper bounds (its worst shell's at each) [bit/s]. */
  readonly netUpper: SeriesStats;
  /** Gateway contacts: null without stations, or in a lean evaluation whose traffic does not go to the gateways. */
  readonly contacts: GroundContactResult | null;
  readonly launch: ReturnType<typeof launchPlan>['launchRecord'];
  /** Fractions of the satellites deployed by the 50 % and the 100 % milestone (read from the life's deployment). */
  readonly deployed: { readonly half: number; readonly full: number };
  readonly environment: {
    readonly minSeparation_km: number;
    readonly conjunctions: Omit<ConjunctionFigures, 'minSeparation_km'>;
    readonly overlappingShells: readonly string[];
    readonly filedShellClearance_km: number;
  };
  readonly econ: GenerationEconomicsResult;
  /** The life year by year (economics/lifePlan.ts) and the roadmaps checked against it. */
  readonly life: LifeStages['life'];
  readonly sky: SkyFigures;
}

const { num, numOrNull, value, list, section } = recordFields<ConstellationStages>();

const M_PER_KM = 1000;
const BPS_PER_GBPS = 1e9;
const BYTES_PER_TB = 1e12;
const S_PER_MS = 1e-3;

const scale = (s: Stats, k: number): Stats => ({ min: s.min * k, mean: s.mean * k, max: s.max * k });

/** Min, mean (weighted) and max over the parts that weigh something. */
function combineStats(parts: readonly { stats: Stats; weight: number }[]): Stats {
  const used = parts.filter((p) => p.weight > 0);
  if (used.length === 0) return { min: 0, mean: 0, max: 0 };
  const w = used.reduce((a, p) => a + p.weight, 0);
  return {
    min: minOf(used.map((p) => p.stats.min)),
    mean: used.reduce((a, p) => a + p.stats.mean * p.weight, 0) / w,
    max: maxOf(used.map((p) => p.stats.max)),
  };
}

/** Σ over the shells of satellites × a node figure. */
const fleetSum = (c: ConstellationStages, f: (n: DesignRecord) => number): number =>
  c.sats.reduce((a, n, i) => a + n * f(c.nodes[i]!), 0);

/** The constellation's LCOC per chip-hour and per MWh of IT energy at its mean node (comparisonMetrics.ts). */
function comparison(c: ConstellationStages) {
  const mean = (f: (n: DesignRecord) => number): number => fleetSum(c, f) / c.satellites;
  return comparisonMetrics({
    lcoc_USD_per_PFLOP_day: c.econ.lcoc_USD_per_PFLOP_day,
    lcocDiscounted_USD_per_PFLOP_day: c.econ.lcocDiscounted_USD_per_PFLOP_day,
    deliveredPFLOPS: mean((n) => n.compute.deliveredPFLOPS),
    chips: mean((n) => n.compute.chips),
    itPowerAvg_W: mean((n) => n.compute.itPowerAvg_W),
  });
}

/** The shells whose networks have path statistics. */
const pathNets = (c: ConstellationStages) => c.networks.filter((n) => n.paths !== null && n.paths.pairs > 0);
const netMean = (c: ConstellationStages, f: (n: ShellNetworkResult) => number): number => {
  const nets = pathNets(c);
  return nets.length ? nets.reduce((a, n) => a + f(n), 0) / nets.length : 0;
};

function shellEntries(c: ConstellationStages) {
  return c.spec.shells.map((s, i) => {
    const node = c.nodes[i]!;
    return {
      name: s.geometry.name,
      altitude_km: s.geometry.altitude_m / M_PER_KM,
      inclination_deg: rad_to_deg(s.geometry.inclination_rad),
      sunSynchronous: s.geometry.sunSynchronous,
      ltan_h: s.geometry.ltan_h,
      pattern: s.geometry.pattern,
      planes: s.geometry.planes,
      satsPerPlane: s.geometry.satsPerPlane,
      satellites: c.sats[i]!,
      phasing: s.geometry.phasing,
      period_min: node.orbit.period_min,
      eclipseFraction: node.orbit.eclipseFraction,
      eclipseFractionBest: s.sso?.eclipseFractionBest ?? node.orbit.eclipseFraction,
      sizingLtan_h: s.sso?.sizingLtan_h ?? null,
      ltanSpread_h: s.sso?.ltanSpread_h ?? null,
      topology: s.topology,
      terminal: s.terminal.id,
      node,
      cluster: s.geometry.pattern === 'cluster' ? clusterShellRecord(s.geometry, c.designs[i]!, node) : null,
      planeKeeping: planeKeepingRecord(s.geometry, c.designs[i]!),
    };
  });
}

function linkClasses(c: ConstellationStages) {
  return c.links.flatMap((l, i) =>
    Object.entries(l.classes)
      .filter(([, k]) => k.count > 0)
      .map(([cls, k]) => ({
        shell: c.spec.shells[i]!.geometry.name,
        linkClass: cls,
        count: k.count,
        range_km: scale(k.range_m, 1 / M_PER_KM),
        rate_Gbps: scale(k.rate_bps, 1 / BPS_PER_GBPS),
        availability: k.availability,
        blocked: k.blocked > 0,
        maxPointingRate_deg_s: rad_to_deg(k.maxPointingRate_rad_s),
        pointingExceeded: k.pointingExceeded > 0,
        pointingLostFraction: k.pointingLostFraction,
      })),
  );
}

const isl = section({
  links: num('Inter-satellite links [-]', 'links', (c) => c.links.reduce((a, l) => a + l.links, 0)),
  linkRange_km: value(
    () => stats('km'),
    (c) => scale(combineStats(c.links.map((l) => ({ stats: l.linkRange_m, weight: l.links }))), 1 / M_PER_KM),
  ),
  linkRate_Gbps: value(
    () => stats('Gbps'),
    (c) => scale(combineStats(c.links.map((l) => ({ stats: l.linkRate_bps, weight: l.links }))), 1 / BPS_PER_GBPS),
  ),
  blockedLinks: num(
    'Links whose line of sight dips below the grazing height at some sample (off at those samples) [-]',
    'blocked links',
    (c) => c.linkViolations.blockedLinks,
  ),
  minLineOfSightAltitude_km: numOrNull(
    "Lowest altitude above R⊕ of any link's line of sight over any sample (null without links); below the grazing height that link is off at that sample [km]",
    (c) => {
      const m = c.linkViolations.minLineOfSightAltitude_m;
      return Number.isFinite(m) ? m / M_PER_KM : null;
    },
  ),
  minPeakLineOfSightAltitude_km: numOrNull(
    "Lowest over the links of each link's highest line of sight over the window (null without links); the isl.lineOfSight check needs it at or above the grazing height: every link closes at some sample [km]",
    (c) => {
      const m = c.linkViolations.minPeakLineOfSightAltitude_m;
      return Number.isFinite(m) ? m / M_PER_KM : null;
    },
  ),
  maxPointingRate_deg_s: num(
    "Largest line-of-sight rate of any link in either end's orbital frame, over the samples it clears the Earth and the cutoff; the isl.pointing check compares it with the terminal's slew limit (a link above it is off at that instant) [deg/s]",
    'max pointing rate',
    (c) => rad_to_deg(maxOf([0, ...c.links.map((l) => l.maxPointingRate_rad_s)])),
  ),
  classes: list(linkClassesSchema, linkClasses),
});

const network = section({
  traffic: value(
    () => z.enum(TRAFFIC_PATTERNS),
    (c) => c.spec.traffic.pattern,
  ),
  demandPerNode_Gbps: num('[Gbps]', (c) => c.spec.traffic.demandPerNode_bps / BPS_PER_GBPS),
  throughputPerNode_Gbps: num(
    "Rate per node at the maximum concurrent flow, mean over snapshot instants of the worst shell's rate at each instant: exact where an LP or a proof gives it, else the lower bound of the instant's bound pair (a feasible routing, conservative; throughputPerNodeUpper_Gbps beside it) [Gbps]",
    'throughput per node',
    (c) => c.net.mean / BPS_PER_GBPS,
  ),
  throughputPerNodeUpper_Gbps: num(
    "Upper bound on the rate per node (no routing does better at any instant, on the links up then), mean over snapshot instants of the worst shell's; equal to the lower where every instant is exact [Gbps]",
    'throughput per node, upper bound',
    (c) => c.netUpper.mean / BPS_PER_GBPS,
  ),
  p5ThroughputPerNode_Gbps: num(
    'Rate per node, nearest-rank 5th percentile over snapshot instants [Gbps]',
    (c) => c.net.p5 / BPS_PER_GBPS,
  ),
  minThroughputPerNode_Gbps: num(
    'Sustainable rate per node: the worst snapshot instant (the `network.demand` constraint uses it) [Gbps]',
    'throughput per node, worst instant',
    (c) => c.net.worst / BPS_PER_GBPS,
  ),
  boundGap: omittedWhenLean(
    num(
      'Largest relative gap (upper − lower) / upper between the bounds at any instant of any shell (0: exact; 1: no lower bound found) [-]',
      (c) => maxOf([0, ...c.networks.map((n) => n.boundGap)]),
    ),
  ),
  // A network must carry its demand at every instant: demand and bottleneck are judged at the worst instant.
  // null (JSON has no ∞) when the worst instant carries nothing while traffic is offered.
  bottleneckUtilization: numOrNull(
    'Offered / sustainable at the worst instant, above 1 overloaded; null when that instant carries nothing (unbounded) [-]',
    (c) => {
      const demand_bps = c.spec.traffic.demandPerNode_bps;
      return c.net.worst > 0 ? demand_bps / c.net.worst : demand_bps > 0 ? null : 0;
    },
  ),
  meanHops: omittedWhenLean(num('[-]', (c) => netMean(c, (n) => n.paths!.meanHops))),
  maxHops: omittedWhenLean(num('[-]', (c) => maxOf([0, ...pathNets(c).map((n) => n.paths!.maxHops)]))),
  p50Latency_ms: omittedWhenLean(num('[ms]', (c) => netMean(c, (n) => n.paths!.p50Latency_s) / S_PER_MS)),
  p99Latency_ms: omittedWhenLean(
    num('[ms]', (c) => maxOf([0, ...pathNets(c).map((n) => n.paths!.p99Latency_s)]) / S_PER_MS),
  ),
  reducedModel: value(
    () => z.boolean().describe("True when any shell's result comes from the reduced (symmetric or bounding) model."),
    (c) => c.networks.some((n) => n.reducedModel),
  ),
  shells: list(networkShellsSchema, (c) =>
    c.networks.map((n, i) => ({
      shell: c.spec.shells[i]!.geometry.name,
      throughputPerNode_Gbps: n.throughputPerNode_bps / BPS_PER_GBPS,
      throughputPerNodeUpper_Gbps: n.upperThroughputPerNode_bps / BPS_PER_GBPS,
      p5ThroughputPerNode_Gbps: n.p5ThroughputPerNode_bps / BPS_PER_GBPS,
      minThroughputPerNode_Gbps: n.minThroughputPerNode_bps / BPS_PER_GBPS,
      boundGap: n.boundGap,
      reducedModel: n.reducedModel,
      meanHops: n.paths?.meanHops ?? 0,
      p99Latency_ms: (n.paths?.p99Latency_s ?? 0) / S_PER_MS,
      solver: n.solver,
      lpRows: n.lpRows,
      lpCols: n.lpCols,
    })),
  ),
});

const ground = section({
  stations: num('[-]', 'gateway stations', (c) => c.spec.stations.length),
  contactFraction: omittedWhenLean(
    num(
      'Fraction of the window in which at least one station is in contact with the constellation [-]',
      'contact (any station)',
      (c) => c.contacts?.anyStationContactFraction ?? 0,
    ),
  ),
  meanStationContactFraction: omittedWhenLean(
    num('[-]', 'contact (mean per station)', (c) => c.contacts?.meanStationContactFraction ?? 0),
  ),
  maxGap_min: omittedWhenLean(
    num('[min]', 'longest gap', (c) => s_to_min(c.contacts?.maxGap_s ?? c.spec.window.duration_s)),
  ),
  downlink_TB_per_day: omittedWhenLean(
    num('[TB/day]', 'downlink volume', (c) => (c.contacts?.downlinkVolume_B_per_day ?? 0) / BYTES_PER_TB),
  ),
  meanDownlink_Gbps: omittedWhenLean(
    num('[Gbps]', 'mean downlink', (c) => (c.contacts?.meanUsableDownlink_bps ?? 0) / BPS_PER_GBPS),
  ),
  perStation: list(perStationSchema, (c) =>
    (c.contacts?.stations ?? []).map((s, j) => ({
      name: c.spec.stations[j]!.name,
      contactFraction: s.contactFraction,
      maxGap_min: s_to_min(s.maxGap_s),
      meanVisible: s.meanVisible,
    })),
  ),
});

// In the order of the record's keys: the plan's figures (launchPlan.ts), then the milestones.
const launch = section({
  launches: num('[-]', 'launches', (c) => c.launch.launches),
  perVehicle: list(perVehicleSchema, (c) => c.launch.perVehicle),
  campaign_yr: num('[yr]', 'campaign', (c) => c.launch.campaign_yr),
  cost_USD: num('[USD]', 'launch cost', (c) => c.launch.cost_USD),
  milestonesMet: value(
    () => z.boolean().describe("Both milestones met by the life's first deployment (launch and factory limited)."),
    (c) => c.deployed.half >= 0.5 && c.deployed.full >= 1,
  ),
  solver: value(
    () =>
      z
        .string()
        .describe(
          "What found the launch counts: 'closed form (one vehicle)', or the launch MILP's solver and version.",
        ),
    (c) => c.launch.solver,
  ),
  price_USD_per_kg: num(
    'Launch cost ÷ launch mass of every satellite (vehicle prices are authoritative) [USD/kg]',
    (c) => c.launch.price_USD_per_kg,
  ),
  extrapolatedLaunches: num(
    "Launches flown on a payload extrapolated beyond the vehicle's published points (payloadBasis extrapolated) [-]",
    (c) => c.launch.extrapolatedLaunches,
  ),
  raisingDeltaV_m_s: num(
    'Largest ΔV a satellite spends raising itself from the insertion orbit to its shell (launch.insertion; 0 without) [m/s]',
    'orbit raising ΔV',
    (c) => c.launch.raisingDeltaV_m_s,
  ),
  raisingPropellant_kg: num(
    'Propellant the first generation spends raising itself to station, carried on the launches [kg]',
    'raising propellant',
    (c) => c.launch.raisingPropellant_kg,
  ),
  timeToStation_d: num(
    'Longest time from insertion to station; service starts there (0 without launch.insertion) [d]',
    'time to station',
    (c) => c.launch.timeToStation_s / 86400,
  ),
  raisingPower_W: num(
    "Power the raising thrusters run at in sunlight, the least of any shell's: the node's spare power (array less the bus, compute off) or the thrusters' rating (0 without an electric raise) [W]",
    'raising thruster power',
    (c) => c.launch.raisingPower_W,
  ),
  perShell: list(perShellSchema, (c) => c.launch.perShell),
  deployedAtHalfMilestone: num(
    'Fraction deployed at the 50 % milestone [-]',
    'deployed at the 50 % milestone',
    (c) => c.deployed.half,
  ),
  deployedAtFullMilestone: num(
    'Fraction deployed at the 100 % milestone [-]',
    'deployed at the 100 % milestone',
    (c) => c.deployed.full,
  ),
});

const environment = section({
  density_per_km3: num('Highest satellite density of any shell [satellites/km³]', (c) =>
    maxOf(
      c.spec.shells.map(
        (s, i) => shellDensity({ satellites: c.sats[i]!, altitude_m: s.geometry.altitude_m }).density_per_km3,
      ),
    ),
  ),
  minSeparation_km: num(
    "Closest approach of any two satellites: within shells on SGP4 positions (the self-conjunction screen, secular candidates refined with satellite.js to ~0.05 km), between shells over any relative phasing on SGP4 orbits (their radius profiles); members of one cluster are not screened; with no screened pair, the widest orbit's diameter [km]",
    (c) => c.environment.minSeparation_km,
  ),
  overlappingShells: list(
    () => z.array(z.string()),
    (c) => c.environment.overlappingShells,
  ),
  filedShellClearance_km: num(
    "Smallest altitude clearance between a shell and another operator's filed shell, each a 10 km band (|h − h_filed| less half of both thicknesses; negative inside a filed band) [km]",
    (c) => c.environment.filedShellClearance_km,
  ),
  catalogueApproaches_per_sat_yr: num(
    `Estimated close approaches below ${FLUX_THRESHOLD_km} km per satellite-year with the public catalogue, mean over the satellites of every shell (kinetic-gas flux of the shipped CelesTrak snapshot, models/orbit/catalogueFlux.ts; an estimate, not a screen: odc screen counts them) [1/yr]`,
    (c) =>
      c.spec.shells.reduce(
        (a, s, i) =>
          a +
          c.sats[i]! *
            catalogueApproaches_per_sat_yr(s.geometry.altitude_m / M_PER_KM, rad_to_deg(s.geometry.inclination_rad)),
        0,
      ) / c.satellites,
  ),
  conjunctions: section({
    required_km: num(
      "Required separation (the design's environment.minSeparation_km) [km]",
      (c) => c.environment.conjunctions.required_km,
    ),
    pairsBelow: num(
      'Satellite pairs closer than the required separation (on SGP4 positions within shells) [-]',
      (c) => c.environment.conjunctions.pairsBelow,
    ),
    method: value(
      () => z.string().describe('How the closest approaches were found, and their stated residual error.'),
      (c) => c.environment.conjunctions.method,
    ),
    screenedElements: value(
      () => z.string().describe('The elements the screen propagates: those `odc export --format omm|tle` writes.'),
      (c) => c.environment.conjunctions.screenedElements,
    ),
    worst: list(conjunctionPairsSchema, (c) => c.environment.conjunctions.worst),
    shells: list(conjunctionShellsSchema, (c) => c.environment.conjunctions.shells),
  }),
});

const verdictBridgeSchema = () =>
  z.array(
    z.strictObject({
      step: z.string().describe("The step: the shells' node verdicts, then a part of the generation added"),
      ratio: z
        .number()
        .describe("Space/ground after the step, discounted, against the first shell's economics.baseline [-]"),
      factor: z.number().describe("ratio over the previous entry's (1 for the first): the factors multiply out [-]"),
    }),
  );

/** The bridge from the shells' node verdicts to the constellation's (economics/bridge.ts) as record entries. */
function verdictBridgeEntries(c: ConstellationStages) {
  const baseline = c.spec.shells[0]!.node.economics.baseline;
  const shells = c.spec.shells.map((s, i) => ({ name: s.geometry.name, satellites: c.sats[i]!, node: c.nodes[i]! }));
  const b = verdictBridge(c.spec, shells, c.econ.launch_USD, baseline);
  return b === null ? [] : bridgeEntries(b);
}

const totals = section({
  satellites: num('[-]', 'satellites', (c) => c.satellites),
  itPowerAvg_W: num('[W]', 'IT power, average', (c) => fleetSum(c, (n) => n.compute.itPowerAvg_W)),
  deliveredPFLOPS: num('[PFLOPS]', 'delivered compute', (c) => fleetSum(c, (n) => n.compute.deliveredPFLOPS)),
  launchMass_kg: num('[kg]', 'launch mass', (c) => fleetSum(c, (n) => n.mass.launch_kg)),
  hardware_USD: num('[USD]', 'hardware', (c) => c.econ.hardware_USD),
  launch_USD: num('[USD]', 'launch', (c) => c.econ.launch_USD),
  operations_USD: num('[USD]', 'operations', (c) => c.econ.operations_USD),
  replacements_USD: num('[USD]', 'replacements', (c) => c.econ.replacements_USD),
  ground_USD: num('[USD]', 'ground segment', (c) => c.econ.ground_USD),
  cost_USD: num('[USD]', 'total cost', (c) => c.econ.total_USD),
  lcoc_USD_per_PFLOP_day: num(
    'Cost of delivered compute, programme: cost_USD over the delivered PFLOP-days, undiscounted [USD/PFLOP-day]',
    'cost of delivered compute, programme',
    (c) => c.econ.lcoc_USD_per_PFLOP_day,
  ),
  lcocDiscounted_USD_per_PFLOP_day: num(
    "Cost of delivered compute, programme, discounted: PV(costs)/PV(compute) at the node's economics.discountRate_per_yr, the verdict's basis, as a node's [USD/PFLOP-day]",
    'cost of delivered compute, programme, discounted',
    (c) => c.econ.lcocDiscounted_USD_per_PFLOP_day,
  ),
  cost_USD_per_Mtoken: num(
    "PV(costs)/PV(tokens) per million output tokens at the nodes' token rate, as a node's inference.cost_USD_per_Mtoken (tokenBasis) [USD/Mtoken]",
    'cost per million tokens',
    (c) => c.econ.cost_USD_per_Mtoken,
  ),
  tokenBasis: value(
    () =>
      z
        .string()
        .describe(
          "The token model of cost_USD_per_Mtoken and its workload class: the nodes' roofline (their inference: section), or the FLOPs-based rate when a shell has none.",
        ),
    (c) => c.econ.tokenBasis,
  ),
  flopsBoundCost_USD_per_Mtoken: num(
    'PV(costs)/PV(tokens) at the FLOPs-based rate, delivered FLOPS / 2N per token (an upper bound on tokens) [USD/Mtoken]',
    'cost per million tokens, FLOPs-based',
    (c) => c.econ.flopsBoundCost_USD_per_Mtoken,
  ),
  costPerChipHour_USD: num(
    'Undiscounted LCOC per calendar hour of each installed chip [USD/chip-h]',
    (c) => comparison(c).costPerChipHour_USD,
  ),
  costPerMWh_USD: num('Undiscounted LCOC per MWh of IT energy [USD/MWh]', (c) => comparison(c).costPerMWh_USD),
  costPerChipHourDiscounted_USD: num(
    'Discounted LCOC per calendar hour of each installed chip [USD/chip-h]',
    (c) => comparison(c).costPerChipHourDiscounted_USD,
  ),
  verdictBridge: list(verdictBridgeSchema, verdictBridgeEntries),
});

const worst = section(
  {
    doseMargin: num(
      "Smallest (tolerance − mission dose) / tolerance of any shell's node: negative when a chip exceeds it [-]",
      (c) =>
        minOf(
          c.nodes.map((n) => (n.radiation.tolerance_rad - n.radiation.missionDose_rad) / n.radiation.tolerance_rad),
        ),
    ),
    passiveDecay_yr: num("Longest passive decay after end of life of any shell's node (FCC: ≤ 5) [yr]", (c) =>
      maxOf(c.nodes.map((n) => n.drag.passiveDecay_yr)),
    ),
    nodeLaunchMass_kg: num('Heaviest node launch mass [kg]', (c) => maxOf(c.nodes.map((n) => n.mass.launch_kg))),
  },
  "The worst shell's node on the checks studies usually constrain (node records are in `shells[]`).",
);

/** Key → field or section, in the record's order. */
export const CONSTELLATION_FIELDS = {
  satellites: num('Satellites in all shells [-]', (c) => c.satellites),
  shells: list(shellsSchema, shellEntries),
  isl,
  network,
  ground,
  launch,
  environment,
  sky: SKY_SECTION,
  totals,
  worst,
  life: lifeSection,
};

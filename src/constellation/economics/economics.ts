/**
 * Constellation economics: one generation of satellites, their replacements, operations and ground segment priced as
 * a fleet program (src/models/cost/lifecycleProgram.ts, the node verdict's function), with its cost lines, a
 * levelised cost of compute discounted and undiscounted, and a cost per million tokens.
 *
 * First-unit-class hardware on one learning curve, unit n costing T1·n^log2(LR) (src/models/cost/learningCurve.ts);
 * production- and market-priced hardware (chips among it) and launch off it. Failures λ·N·H replaced continuing the
 * curve (Barlow & Proschan 1965 ch. 4); operations 2 %/yr of the generation's average satellite, launch included
 * (Elbert 2008 §12.4.2.1); ground $5M capex + $0.5M/yr O&M per gateway (estimate). LCOC = total /
 * PFLOP-days, and PV(costs)/PV(compute) at r = 7 %/yr (OMB Circular A-94). Tokens: the satellites' own token rate (the
 * nodes' roofline, src/node/stages/tokens.ts) priced as a node's, PV(costs)/PV(tokens) (src/models/compute/inference.ts
 * costPerMtoken); the FLOPs-based rate ≈ delivered FLOPS / 2·P per token (Kaplan et al. 2020, arXiv:2001.08361, §2.1,
 * default P = 70e9; an upper bound) beside it, and in its place when no rate is given.
 * Validity: 0.5 ≤ LR ≤ 1; λ ≥ 0; H, L > 0; 0 ≤ r ≤ 1; N ≤ 1e6. Real costs in USD of the inputs' year.
 * Derivation, evidence and costs: docs/constellations.md §"Constellation economics".
 */
import { JULIAN_YEAR_s } from '../../base/constants.js';
import { FLOPS_PER_PFLOPS } from '../../base/convert.js';
import { nonNegative, positive } from '../../models/validate.js';
import { DEFAULT_OPERATIONS_FRACTION_per_yr } from '../../models/cost/cost.js';
import { lotCost_USD } from '../../models/cost/learningCurve.js';
import { programEconomics } from '../../models/cost/lifecycleProgram.js';
import { costPerMtoken } from '../../models/compute/inference.js';

export const DEFAULT_FAILURE_RATE_per_yr = 0.02; // ESTIMATE: novel high-power nodes above a mature LEO bus's ~1 %/yr
export const DEFAULT_GATEWAY_CAPEX_USD = 5e6; // ESTIMATE
export const DEFAULT_GATEWAY_OPERATIONS_USD_per_yr = 0.5e6; // ESTIMATE
export const DEFAULT_MODEL_PARAMETERS = 70e9;
const FLOPS_PER_TOKEN_PER_PARAMETER = 2; // Kaplan et al. 2020 §2.1

export interface ConstellationEconomicsParams {
  readonly satellites: number;
  /** First-unit-class hardware of one node, on the learning curve (its record's cost.learningHardware_USD) [USD]. */
  readonly firstUnitHardware_USD: number;
  /** Hardware per satellite off the curve (chips, production- and market-priced lines) [USD]; default 0. */
  readonly offCurvePerSatellite_USD?: number;
  /** Real discount rate of the discounted LCOC [1/yr]; default 0.07 (OMB A-94, lifecycleEconomics.ts). */
  readonly discountRate_per_yr?: number;
  /** Total launch cost of the deployment campaign [USD]. */
  readonly launch_USD: number;
  readonly horizon_yr: number;
  readonly designLife_yr: number;
  /** Delivered (utilised, available) compute of one satellite [PFLOPS]. */
  readonly deliveredPFLOPS_per_satellite: number;
  readonly gateways: number;
  /** Learning rate of the non-chip hardware, b ∈ [0.5, 1] (1: every unit at the first-unit price). */
  readonly learningRate: number;
  readonly failureRate_per_yr?: number;
  readonly operations_USD_per_satellite_yr?: number;
  /** Operations per satellite-year as a fraction of its hardware + launch [1/yr]; default the node's 0.02. */
  readonly operationsFraction_per_yr?: number;
  readonly gatewayCapex_USD?: number;
  readonly gatewayOperations_USD_per_yr?: number;
  readonly modelParameters?: number;
  /**
   * Output tokens of one satellite at its delivered compute (the nodes' roofline rate) [tokens/s]; absent: the
   * FLOPs-based rate.
   */
  readonly tokens_per_s_per_satellite?: number;
}

export interface ConstellationEconomicsResult {
  readonly hardware_USD: number;
  readonly averageUnitHardware_USD: number;
  readonly launch_USD: number;
  readonly satelliteYears: number;
  readonly operations_USD_per_satellite_yr: number;
  readonly operations_USD: number;
  readonly replacementFailures: number;
  readonly replacementEndOfLife: number;
  readonly replacements: number;
  readonly replacementHardware_USD: number;
  readonly replacementLaunch_USD: number;
  readonly replacements_USD: number;
  readonly ground_USD: number;
  readonly total_USD: number;
  readonly deliveredPFLOP_days: number;
  readonly lcoc_USD_per_PFLOP_day: number;
  readonly pvCost_USD: number;
  readonly pvCompute_PFLOP_day: number;
  readonly lcocDiscounted_USD_per_PFLOP_day: number;
  /** Output tokens of the fleet: the given per-satellite rate, else the FLOPs-based one [tokens/s]. */
  readonly tokens_per_s: number;
  /** Output tokens over the horizon, undiscounted [-]. */
  readonly tokens: number;
  /** PV(costs)/PV(tokens) at tokens_per_s [USD/Mtoken]. */
  readonly cost_USD_per_Mtoken: number;
  /** Delivered FLOPS / 2·P per token, every delivered FLOP serving tokens (an upper bound) [tokens/s]. */
  readonly flopsBound_tokens_per_s: number;
  /** PV(costs)/PV(tokens) at the FLOPs-based rate [USD/Mtoken]. */
  readonly flopsBoundCost_USD_per_Mtoken: number;
}

/** Throws a RangeError naming the first input out of its range. */
function checkEconomicsInputs(p: Readonly<ConstellationEconomicsParams>): void {
  const n = p.satellites;
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`satellites must be a whole number ≥ 1, got ${n}`);
  nonNegative('firstUnitHardware_USD', p.firstUnitHardware_USD);
  nonNegative('launch_USD', p.launch_USD);
  positive('horizon_yr', p.horizon_yr);
  positive('designLife_yr', p.designLife_yr);
  positive('deliveredPFLOPS_per_satellite', p.deliveredPFLOPS_per_satellite);
  if (!(Number.isInteger(p.gateways) && p.gateways >= 0))
    throw new RangeError(`gateways must be a whole number ≥ 0, got ${p.gateways}`);
}

/** One gateway's capital cost and operations per year [USD, USD/yr]. */
function gatewayCosts(p: Readonly<ConstellationEconomicsParams>): { capex: number; operations: number } {
  const capex = p.gatewayCapex_USD ?? DEFAULT_GATEWAY_CAPEX_USD;
  const operations = p.gatewayOperations_USD_per_yr ?? DEFAULT_GATEWAY_OPERATIONS_USD_per_yr;
  nonNegative('gatewayCapex_USD', capex);
  nonNegative('gatewayOperations_USD_per_yr', operations);
  return { capex, operations };
}

/** Operations per satellite-year: the given figure, or the operations fraction of the average satellite's capital. */
function operations(p: Readonly<ConstellationEconomicsParams>) {
  const fraction = p.operationsFraction_per_yr ?? DEFAULT_OPERATIONS_FRACTION_per_yr;
  nonNegative('operationsFraction_per_yr', fraction);
  if (p.operations_USD_per_satellite_yr === undefined) return { nodeOperationsFraction_per_yr: fraction };
  nonNegative('operations_USD_per_satellite_yr', p.operations_USD_per_satellite_yr);
  return { nodeOperations_USD_per_yr: p.operations_USD_per_satellite_yr };
}

/** The generation as a fleet program (lifecycleProgram.ts) and the inputs its cost lines are split by. */
function program(p: Readonly<ConstellationEconomicsParams>) {
  const offCurve = p.offCurvePerSatellite_USD ?? 0;
  nonNegative('offCurvePerSatellite_USD', offCurve);
  const gateway = gatewayCosts(p);
  const result = programEconomics({
    nodes: p.satellites,
    nodeLifetime_yr: p.designLife_yr,
    horizon_yr: p.horizon_yr,
    firstUnitCost_USD: p.firstUnitHardware_USD,
    learningRate: p.learningRate,
    perNodeOffCurve_USD: offCurve + p.launch_USD / p.satellites,
    ...operations(p),
    groundSegment_USD: p.gateways * gateway.capex,
    groundOperations_USD_per_yr: p.gateways * gateway.operations,
    deliveredPFLOPSPerNode: p.deliveredPFLOPS_per_satellite,
    failureRate_per_yr: p.failureRate_per_yr ?? DEFAULT_FAILURE_RATE_per_yr,
    ...(p.discountRate_per_yr !== undefined ? { discountRate_per_yr: p.discountRate_per_yr } : {}),
  });
  return { result, offCurve, opsRate: result.nodeOperations_USD_per_yr };
}

/** Roll-up of a constellation's cost over the study horizon (see the header). */
export function constellationEconomics(p: Readonly<ConstellationEconomicsParams>): ConstellationEconomicsResult {
  checkEconomicsInputs(p);
  const n = p.satellites;
  const params = p.modelParameters ?? DEFAULT_MODEL_PARAMETERS;
  positive('modelParameters', params);
  const { result: fleet, offCurve, opsRate } = program(p);
  const launchPerSatellite = p.launch_USD / n;
  const firstBuild =
    lotCost_USD({ firstUnitCost_USD: p.firstUnitHardware_USD, learningRate: p.learningRate, fromUnit: 1, toUnit: n }) +
    n * offCurve;
  const replacements = fleet.replacements + fleet.failures;
  // every build after the first (renewals and failures) with its launch
  const replacements_USD = fleet.build_USD - firstBuild - p.launch_USD + fleet.failures_USD;
  const satelliteYears = n * p.horizon_yr;
  const ground = fleet.years.reduce((a, y) => a + y.ground_USD, 0);
  const flopsPerSatellite =
    (p.deliveredPFLOPS_per_satellite * FLOPS_PER_PFLOPS) / (FLOPS_PER_TOKEN_PER_PARAMETER * params);
  if (p.tokens_per_s_per_satellite !== undefined)
    nonNegative('tokens_per_s_per_satellite', p.tokens_per_s_per_satellite);
  const tokensPerSecondPerSatellite = p.tokens_per_s_per_satellite ?? flopsPerSatellite;
  const tokens = tokensPerSecondPerSatellite * satelliteYears * JULIAN_YEAR_s;
  const perMtoken = (tokens_per_s: number) =>
    costPerMtoken({
      pvCost_USD: fleet.pvCost_USD,
      pvCompute_PFLOP_day: fleet.pvCompute_PFLOP_day,
      deliveredPFLOPS: p.deliveredPFLOPS_per_satellite,
      tokens_per_s,
    });
  return {
    hardware_USD: firstBuild,
    averageUnitHardware_USD: firstBuild / n,
    launch_USD: p.launch_USD,
    satelliteYears,
    operations_USD_per_satellite_yr: opsRate,
    operations_USD: opsRate * satelliteYears,
    replacementFailures: fleet.failures,
    replacementEndOfLife: fleet.replacements,
    replacements,
    replacementHardware_USD: replacements_USD - replacements * launchPerSatellite,
    replacementLaunch_USD: replacements * launchPerSatellite,
    replacements_USD,
    ground_USD: ground,
    total_USD: fleet.totalCost_USD,
    deliveredPFLOP_days: fleet.totalCompute_PFLOP_day,
    lcoc_USD_per_PFLOP_day: fleet.lcoc_USD_per_PFLOP_day,
    pvCost_USD: fleet.pvCost_USD,
    pvCompute_PFLOP_day: fleet.pvCompute_PFLOP_day,
    lcocDiscounted_USD_per_PFLOP_day: fleet.lcocDiscounted_USD_per_PFLOP_day,
    tokens_per_s: tokensPerSecondPerSatellite * n,
    tokens,
    cost_USD_per_Mtoken: perMtoken(tokensPerSecondPerSatellite),
    flopsBound_tokens_per_s: flopsPerSatellite * n,
    flopsBoundCost_USD_per_Mtoken: perMtoken(flopsPerSatellite),
  };
}

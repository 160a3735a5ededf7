/**
 * Constellation economics: production learning, replacements, operations and ground segment rolled up
 * into a total cost, a levelised cost of compute and a cost per million tokens.
 *
 * Method
 * - Production learning (Wright's law: T. P. Wright, "Factors affecting the cost of airplanes",
 *   J. Aeronautical Sciences 3(4):122–128, 1936; unit-curve form): unit n costs T1·n^b, b = log2(LR),
 *   so every doubling of the quantity multiplies the unit cost by the learning rate LR. Cumulative cost of
 *   N units C(N) = T1·Σ_{n=1..N} n^b, summed exactly for N ≤ 1,000 (a fractional N adds its fraction of
 *   the next unit) and by the standard midpoint-integral approximation
 *   C(N) ≈ T1·((N+½)^{b+1} − ½^{b+1})/(b+1) beyond. T1 = the node model's first-unit hardware cost without
 *   the chips at market price; the chips are bought in, off the curve (c_off per satellite), as the node's
 *   fleet prices them (src/models/cost/lifecycleProgram.ts), so a constellation and its node share one basis.
 *   Default LR = 0.90: SMAD 3rd ed. (Wertz & Larson 1999) §20.3 learning-curve guidance gives 95 % for
 *   fewer than 10 units, 90 % for 10–50 and 85 % for more than 50.
 * - Replacements over the study horizon H under a block-replacement policy (Barlow & Proschan,
 *   Mathematical Theory of Reliability, 1965, ch. 4): every slot is renewed at L, 2L, … < H (design life L)
 *   and a satellite that fails in between is replaced at once. With a constant failure rate λ the
 *   failures of a slot form a Poisson process, so expected replacements are exactly
 *     R = λ·S + N·(⌈H/L⌉ − 1),   S = satellite-years in service (N·H, or ∫₀ᴴ deployed(t) dt from the
 *   launch campaign's deployment curve). Replacement hardware continues the learning curve,
 *   C(N + R) − C(N), plus R·c_off; replacement launches cost the campaign's average launch price per satellite
 *   (they are assumed batched into full launches).
 * - Operations = o·S, o per satellite-year; default o = the node's operations fraction (2 %/yr, Elbert 2008
 *   §12.4.2.1, docs/sources.md §18) of (T1 + c_off + launch per satellite), the node model's figure. Ground
 *   segment = G·(capex + O&M·H) per gateway; estimate: $5M capex and $0.5M/yr O&M for a multi-antenna
 *   Ka/V-band gateway site.
 * - Total = hardware C(N) + N·c_off + launch + operations + replacements + ground.
 *   LCOC = total / (delivered PFLOPS per satellite × S × 365.25 d) [USD per PFLOP-day], undiscounted.
 * - Discounted LCOC = PV(costs)/PV(compute) at the real rate r (OMB Circular A-94, 7 %/yr), on the node fleet's
 *   convention (lifecycleProgram.ts): the first build, its launch and the gateways at t = 0; year k = 1 … ⌈H⌉
 *   carries operations, gateway O&M, failure replacements (λ × that year's satellite-years, at the average
 *   replacement cost) and compute over (k − 1, min(k, H)], discounted at the end of the served part; an
 *   end-of-life renewal at its time g·L. The verdict stands on this one (src/run/recommend.ts).
 * - Tokens: a transformer's forward pass costs ≈ 2·P FLOPs per token for P parameters (Kaplan et al.
 *   2020, "Scaling Laws for Neural Language Models", arXiv:2001.08361, §2.1), so tokens/s = delivered
 *   FLOP/s / (2P); cost per million tokens = total / (tokens over S / 10⁶). Inference only; attention's
 *   context-dependent FLOPs and memory-bandwidth limits are ignored (an optimistic token count).
 *   Default P = 70e9 (a 70-billion-parameter model, e.g. Llama 3 70B).
 *
 * Validity: 0.5 < LR ≤ 1; λ ≥ 0; H, L > 0; 0 ≤ r ≤ 0.5. Real costs in USD of the inputs' year.
 */
import { JULIAN_YEAR_s } from '../../base/constants.js';
import { FLOPS_PER_PFLOPS } from '../../base/convert.js';
import { nonNegative, positive } from '../../models/validate.js';
import { DEFAULT_OPERATIONS_FRACTION_per_yr } from '../../models/cost/cost.js';
import { DEFAULT_DISCOUNT_RATE_per_yr, discountFactor } from '../../models/cost/lifecycleEconomics.js';
import type { DeploymentPoint } from '../launch/launch.js';

export const DEFAULT_LEARNING_RATE = 0.9; // SMAD §20.3 band 85–95 %, see header
export const DEFAULT_FAILURE_RATE_per_yr = 0.02; // ESTIMATE: novel high-power nodes above a mature LEO bus's ~1 %/yr
export const DEFAULT_GATEWAY_CAPEX_USD = 5e6; // ESTIMATE
export const DEFAULT_GATEWAY_OPERATIONS_USD_per_yr = 0.5e6; // ESTIMATE
export const DEFAULT_MODEL_PARAMETERS = 70e9;
const EXACT_SUM_LIMIT = 1000;
const DAYS_PER_YEAR = 365.25;
const FLOPS_PER_TOKEN_PER_PARAMETER = 2; // Kaplan et al. 2020 §2.1
const TOKENS_PER_MTOKEN = 1e6;

function learningExponent(learningRate: number): number {
  if (!(learningRate > 0.5 && learningRate <= 1))
    throw new RangeError(`learningRate must be in (0.5, 1], got ${learningRate}`);
  return Math.log2(learningRate);
}

/** Cost of unit n (1-based) on Wright's unit curve. */
export function learningUnitCost_USD(firstUnit_USD: number, unit: number, learningRate: number): number {
  return firstUnit_USD * unit ** learningExponent(learningRate);
}

/** Exact cumulative cost of the first N units (fractional N adds its fraction of unit ⌈N⌉). */
export function learningCurveSumExact_USD(firstUnit_USD: number, units: number, learningRate: number): number {
  const b = learningExponent(learningRate);
  nonNegative('units', units);
  const whole = Math.floor(units);
  let sum = 0;
  for (let n = 1; n <= whole; n++) sum += n ** b;
  if (units > whole) sum += (units - whole) * (whole + 1) ** b;
  return firstUnit_USD * sum;
}

/** Continuous (midpoint-integral) approximation of the cumulative cost of N units. */
export function learningCurveSumApprox_USD(firstUnit_USD: number, units: number, learningRate: number): number {
  const b = learningExponent(learningRate);
  nonNegative('units', units);
  return (firstUnit_USD * ((units + 0.5) ** (b + 1) - 0.5 ** (b + 1))) / (b + 1);
}

/** Cumulative cost of N units: exact up to 1,000 units, the approximation beyond. */
export function learningCurveCost_USD(firstUnit_USD: number, units: number, learningRate: number): number {
  nonNegative('firstUnit_USD', firstUnit_USD);
  return units <= EXACT_SUM_LIMIT
    ? learningCurveSumExact_USD(firstUnit_USD, units, learningRate)
    : learningCurveSumApprox_USD(firstUnit_USD, units, learningRate);
}

/** Expected replacements under block replacement: λ·S + N·(⌈H/L⌉ − 1). */
export function expectedReplacements(
  satellites: number,
  satelliteYears: number,
  horizon_yr: number,
  designLife_yr: number,
  failureRate_per_yr: number,
): { failures: number; endOfLife: number; total: number } {
  positive('horizon_yr', horizon_yr);
  positive('designLife_yr', designLife_yr);
  nonNegative('failureRate_per_yr', failureRate_per_yr);
  const failures = failureRate_per_yr * satelliteYears;
  const endOfLife = satellites * Math.max(0, Math.ceil(horizon_yr / designLife_yr - 1e-9) - 1);
  return { failures, endOfLife, total: failures + endOfLife };
}

/** ∫₀ᴴ deployed(t) dt of a step deployment curve [satellite-years]. */
export function satelliteYearsInService(curve: readonly DeploymentPoint[], horizon_yr: number): number {
  let sum = 0;
  curve.forEach((p, i) => {
    const end = Math.min(horizon_yr, curve[i + 1]?.time_yr ?? horizon_yr);
    if (end > p.time_yr) sum += p.satellites * (end - p.time_yr);
  });
  return sum;
}

export interface ConstellationEconomicsParams {
  readonly satellites: number;
  /** First-unit hardware cost of one node on the learning curve (the node's hardware_USD less its chips) [USD]. */
  readonly firstUnitHardware_USD: number;
  /** Hardware per satellite off the curve (the chips at market price) [USD]; default 0. */
  readonly offCurvePerSatellite_USD?: number;
  /** Real discount rate of the discounted LCOC [1/yr]; default 0.07 (OMB A-94). */
  readonly discountRate_per_yr?: number;
  /** Total launch cost of the deployment campaign [USD]. */
  readonly launch_USD: number;
  readonly horizon_yr: number;
  readonly designLife_yr: number;
  /** Delivered (utilised, available) compute of one satellite [PFLOPS]. */
  readonly deliveredPFLOPS_per_satellite: number;
  readonly gateways: number;
  readonly learningRate?: number;
  readonly failureRate_per_yr?: number;
  readonly operations_USD_per_satellite_yr?: number;
  /** Operations per satellite-year as a fraction of its hardware + launch [1/yr]; default the node's 0.02. */
  readonly operationsFraction_per_yr?: number;
  readonly gatewayCapex_USD?: number;
  readonly gatewayOperations_USD_per_yr?: number;
  readonly modelParameters?: number;
  /** Launch campaign deployment curve; without it the fleet serves the whole horizon. */
  readonly deploymentCurve?: readonly DeploymentPoint[];
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
  readonly tokens_per_s: number;
  readonly tokens: number;
  readonly cost_USD_per_Mtoken: number;
}

/** Throws a RangeError naming the first input out of its range. */
function checkEconomicsInputs(p: Readonly<ConstellationEconomicsParams>): void {
  const n = p.satellites;
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`satellites must be a whole number ≥ 1, got ${n}`);
  nonNegative('firstUnitHardware_USD', p.firstUnitHardware_USD);
  nonNegative('launch_USD', p.launch_USD);
  positive('horizon_yr', p.horizon_yr);
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

/** Gateway capital cost plus their operations over the horizon [USD]. */
function groundCost_USD(p: Readonly<ConstellationEconomicsParams>): number {
  const g = gatewayCosts(p);
  return p.gateways * (g.capex + g.operations * p.horizon_yr);
}

/** Satellite-years in service over (0, t] [satellite-years]. */
function serviceTo(p: Readonly<ConstellationEconomicsParams>, t: number): number {
  return p.deploymentCurve ? satelliteYearsInService(p.deploymentCurve, t) : p.satellites * t;
}

interface DiscountInputs {
  /** Paid at t = 0: the first build, its launch, the gateways [USD]. */
  readonly upfront_USD: number;
  readonly opsRate_USD_per_satellite_yr: number;
  readonly gatewayOps_USD_per_yr: number;
  readonly failureRate_per_yr: number;
  readonly endOfLife: number;
  /** Average cost of one replacement, hardware and launch [USD]. */
  readonly replacement_USD: number;
}

/** PV of the costs and of the delivered compute on the node fleet's convention (see the header). */
function presentValues(p: Readonly<ConstellationEconomicsParams>, q: DiscountInputs) {
  const r = p.discountRate_per_yr ?? DEFAULT_DISCOUNT_RATE_per_yr;
  if (!(r >= 0 && r <= 0.5)) throw new RangeError(`discountRate_per_yr must be in [0, 0.5], got ${r}`);
  const H = p.horizon_yr;
  let pvCost = q.upfront_USD;
  let pvCompute = 0;
  for (let k = 1; k <= Math.ceil(H - 1e-9); k++) {
    const phi = Math.min(1, H - (k - 1));
    const d = discountFactor(r, k - 1 + phi);
    const satYears = serviceTo(p, k - 1 + phi) - serviceTo(p, k - 1);
    const recurring =
      q.opsRate_USD_per_satellite_yr * satYears +
      q.gatewayOps_USD_per_yr * phi +
      q.failureRate_per_yr * satYears * q.replacement_USD;
    pvCost += recurring * d;
    pvCompute += p.deliveredPFLOPS_per_satellite * satYears * DAYS_PER_YEAR * d;
  }
  // end-of-life renewals of every slot at L, 2L, … < H
  const renewals = q.endOfLife / p.satellites;
  for (let g = 1; g <= renewals; g++)
    pvCost += p.satellites * q.replacement_USD * discountFactor(r, g * p.designLife_yr);
  return { pvCost, pvCompute };
}

/** The first build (on the curve + off it) and the replacements' hardware, continuing the curve [USD]. */
function builds(p: Readonly<ConstellationEconomicsParams>, replacements: number, offCurve: number) {
  const n = p.satellites;
  const lr = p.learningRate ?? DEFAULT_LEARNING_RATE;
  // One summation method for both counts, so the replacement difference never mixes exact and approximate.
  const cumulative = n + replacements <= EXACT_SUM_LIMIT ? learningCurveSumExact_USD : learningCurveSumApprox_USD;
  const onCurve = cumulative(p.firstUnitHardware_USD, n, lr);
  return {
    hardware: onCurve + n * offCurve,
    replHardwareAll: cumulative(p.firstUnitHardware_USD, n + replacements, lr) - onCurve + replacements * offCurve,
  };
}

/** Roll-up of a constellation's cost over the study horizon. */
export function constellationEconomics(p: Readonly<ConstellationEconomicsParams>): ConstellationEconomicsResult {
  checkEconomicsInputs(p);
  const n = p.satellites;
  const params = p.modelParameters ?? DEFAULT_MODEL_PARAMETERS;
  positive('modelParameters', params);
  const offCurve = p.offCurvePerSatellite_USD ?? 0;
  nonNegative('offCurvePerSatellite_USD', offCurve);

  const launchPerSatellite = p.launch_USD / n;
  const satelliteYears = serviceTo(p, p.horizon_yr);
  positive('satellite-years in service', satelliteYears);
  const opsFraction = p.operationsFraction_per_yr ?? DEFAULT_OPERATIONS_FRACTION_per_yr;
  nonNegative('operationsFraction_per_yr', opsFraction);
  const opsRate =
    p.operations_USD_per_satellite_yr ?? opsFraction * (p.firstUnitHardware_USD + offCurve + launchPerSatellite);
  nonNegative('operations_USD_per_satellite_yr', opsRate);
  const failureRate = p.failureRate_per_yr ?? DEFAULT_FAILURE_RATE_per_yr;
  const repl = expectedReplacements(n, satelliteYears, p.horizon_yr, p.designLife_yr, failureRate);
  const { hardware, replHardwareAll } = builds(p, repl.total, offCurve);
  const replLaunch = repl.total * launchPerSatellite;
  const ground = groundCost_USD(p);
  const operations = opsRate * satelliteYears;
  const total = hardware + p.launch_USD + operations + replHardwareAll + replLaunch + ground;
  const gateways = gatewayCosts(p);
  const { pvCost, pvCompute } = presentValues(p, {
    upfront_USD: hardware + p.launch_USD + p.gateways * gateways.capex,
    opsRate_USD_per_satellite_yr: opsRate,
    gatewayOps_USD_per_yr: p.gateways * gateways.operations,
    failureRate_per_yr: failureRate,
    endOfLife: repl.endOfLife,
    replacement_USD: repl.total > 0 ? (replHardwareAll + replLaunch) / repl.total : 0,
  });

  const pflopDays = p.deliveredPFLOPS_per_satellite * satelliteYears * DAYS_PER_YEAR;
  const tokensPerSecondPerSatellite =
    (p.deliveredPFLOPS_per_satellite * FLOPS_PER_PFLOPS) / (FLOPS_PER_TOKEN_PER_PARAMETER * params);
  const tokens = tokensPerSecondPerSatellite * satelliteYears * JULIAN_YEAR_s;
  return {
    hardware_USD: hardware,
    averageUnitHardware_USD: hardware / n,
    launch_USD: p.launch_USD,
    satelliteYears,
    operations_USD_per_satellite_yr: opsRate,
    operations_USD: operations,
    replacementFailures: repl.failures,
    replacementEndOfLife: repl.endOfLife,
    replacements: repl.total,
    replacementHardware_USD: replHardwareAll,
    replacementLaunch_USD: replLaunch,
    replacements_USD: replHardwareAll + replLaunch,
    ground_USD: ground,
    total_USD: total,
    deliveredPFLOP_days: pflopDays,
    lcoc_USD_per_PFLOP_day: total / pflopDays,
    pvCost_USD: pvCost,
    pvCompute_PFLOP_day: pvCompute,
    lcocDiscounted_USD_per_PFLOP_day: pvCost / pvCompute,
    tokens_per_s: tokensPerSecondPerSatellite * n,
    tokens,
    cost_USD_per_Mtoken: total / (tokens / TOKENS_PER_MTOKEN),
  };
}

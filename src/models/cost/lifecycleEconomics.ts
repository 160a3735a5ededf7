/**
 * Lifecycle economics: discounting, levelized cost of delivered compute (LCOC) discounted and undiscounted,
 * and capex per watt with and without the chips.
 *
 * Equations: d(t) = (1 + r)^−t; PV = Σ a_k·d(t_k); annuity a(r, n) = (1 − (1 + r)^−n)/r, CRF = 1/a;
 * LCOC = PV(costs)/PV(delivered compute) (the LCOE convention of Short, Packey & Holt, NREL/TP-462-5173, 1995);
 * capex per watt = (chips + non-chip hardware + launch)/P.
 * Default discount rate 7 %/yr real: US OMB Circular A-94 (29 Oct 1992), §8.b(1).
 * Validity: r ∈ [0, 1], costs and compute ≥ 0, at least some compute delivered.
 * Assumptions: real (constant-dollar) costs; yearly flows lumped at one instant per year.
 * Derivation, evidence and costs: docs/models.md §"Lifecycle economics".
 */
import { nonNegative, positive } from '../validate.js';

/** OMB Circular A-94 (1992) §8.b(1): real discount rate for base-case analyses. */
export const DEFAULT_DISCOUNT_RATE_per_yr = 0.07;

export type FlowTiming = 'end-of-year' | 'start-of-year' | 'mid-year';

function rate(r: number): number {
  if (!(r >= 0 && r <= 1)) throw new RangeError(`discountRate_per_yr must be in [0, 1], got ${r}`);
  return r;
}

/** (1 + r)^−t. */
export function discountFactor(discountRate_per_yr: number, time_yr: number): number {
  nonNegative('time_yr', time_yr);
  const r = rate(discountRate_per_yr);
  // a study discounts every design's whole years at its one rate: those factors are kept (the same doubles)
  if (!(Number.isInteger(time_yr) && time_yr < KEPT_YEARS)) return (1 + r) ** -time_yr;
  if (r !== keptRate) {
    keptRate = r;
    keptFactors.fill(NaN);
  }
  const kept = keptFactors[time_yr]!;
  return kept === kept ? kept : (keptFactors[time_yr] = (1 + r) ** -time_yr);
}
const KEPT_YEARS = 64;
let keptRate = NaN;
const keptFactors = new Float64Array(KEPT_YEARS).fill(NaN);

/** a(r, n) = (1 − (1 + r)^−n)/r, or n when r = 0: PV of 1 per year at each year end for n years. */
export function annuityFactor(discountRate_per_yr: number, years: number): number {
  nonNegative('years', years);
  const r = rate(discountRate_per_yr);
  return r === 0 ? years : -Math.expm1(-years * Math.log1p(r)) / r;
}

/** CRF(r, n) = 1/a(r, n): the level yearly charge that repays 1 of capital over n years. */
export function capitalRecoveryFactor(discountRate_per_yr: number, years: number): number {
  positive('years', years);
  return 1 / annuityFactor(discountRate_per_yr, years);
}

export interface PresentValueParams {
  /** Amount in year 1, 2, … (any one unit: $ or PFLOP-days). */
  readonly amounts: readonly number[];
  readonly discountRate_per_yr: number;
  /** When in its year each amount falls; default 'end-of-year'. */
  readonly timing?: FlowTiming;
}
export interface PresentValueResult {
  readonly presentValue: number;
  readonly undiscounted: number;
}

const OFFSET_yr: Record<FlowTiming, number> = { 'end-of-year': 0, 'start-of-year': 1, 'mid-year': 0.5 };

/** Present value and plain sum of a yearly schedule. */
export function presentValue(p: Readonly<PresentValueParams>): PresentValueResult {
  const r = rate(p.discountRate_per_yr);
  const offset = OFFSET_yr[p.timing ?? 'end-of-year'];
  let pv = 0;
  let sum = 0;
  p.amounts.forEach((a, i) => {
    if (!Number.isFinite(a)) throw new RangeError(`amounts[${i}] must be finite, got ${a}`);
    pv += a * (1 + r) ** -(i + 1 - offset);
    sum += a;
  });
  return { presentValue: pv, undiscounted: sum };
}

export interface LevelizedCostParams {
  /** Cost paid at t = 0 (chips, build, launch) [$]; default 0. */
  readonly upfront_USD?: number;
  /** Recurring cost in year 1, 2, … [$] (end of year). */
  readonly cost_USD_per_yr: readonly number[];
  /** Delivered compute in year 1, 2, … [PFLOP-day] (end of year). */
  readonly compute_PFLOP_day_per_yr: readonly number[];
  /** Real discount rate; default 0.07 (OMB A-94). */
  readonly discountRate_per_yr?: number;
}
export interface LevelizedCostResult {
  readonly totalCost_USD: number;
  readonly totalCompute_PFLOP_day: number;
  readonly lcoc_USD_per_PFLOP_day: number;
  readonly pvCost_USD: number;
  readonly pvCompute_PFLOP_day: number;
  readonly lcocDiscounted_USD_per_PFLOP_day: number;
}

/** LCOC = PV(cost)/PV(compute), and the undiscounted ratio beside it. */
export function levelizedCost(p: Readonly<LevelizedCostParams>): LevelizedCostResult {
  const upfront = p.upfront_USD ?? 0;
  nonNegative('upfront_USD', upfront);
  p.cost_USD_per_yr.forEach((c, i) => nonNegative(`cost_USD_per_yr[${i}]`, c));
  p.compute_PFLOP_day_per_yr.forEach((c, i) => nonNegative(`compute_PFLOP_day_per_yr[${i}]`, c));
  const r = p.discountRate_per_yr ?? DEFAULT_DISCOUNT_RATE_per_yr;
  const cost = presentValue({ amounts: p.cost_USD_per_yr, discountRate_per_yr: r });
  const compute = presentValue({ amounts: p.compute_PFLOP_day_per_yr, discountRate_per_yr: r });
  positive('total delivered compute', compute.undiscounted);
  return {
    totalCost_USD: upfront + cost.undiscounted,
    totalCompute_PFLOP_day: compute.undiscounted,
    lcoc_USD_per_PFLOP_day: (upfront + cost.undiscounted) / compute.undiscounted,
    pvCost_USD: upfront + cost.presentValue,
    pvCompute_PFLOP_day: compute.presentValue,
    lcocDiscounted_USD_per_PFLOP_day: (upfront + cost.presentValue) / compute.presentValue,
  };
}

export interface CapexPerWattParams {
  /** Chips with their server share [$]. */
  readonly chips_USD: number;
  /** Everything built except the chips (array, radiator, battery, ISL, bus, shielding, propellant, AIT) [$]. */
  readonly nonChipHardware_USD: number;
  readonly launch_USD: number;
  /** IT power the $/W refers to [W] (cost.ts uses the average IT power). */
  readonly itPower_W: number;
  /** Array power (BOL) for a per-array-watt figure like Starlink's ~$22/W [W]; optional. */
  readonly arrayPower_W?: number;
}
export interface CapexPerWattResult {
  readonly chips_USD_per_W: number;
  readonly nonChipHardware_USD_per_W: number;
  readonly launch_USD_per_W: number;
  readonly exChips_USD_per_W: number;
  readonly withChips_USD_per_W: number;
  /** Per array watt, present when arrayPower_W is given. */
  readonly perArrayWatt?: { readonly exChips_USD_per_W: number; readonly withChips_USD_per_W: number };
}

/** Capex per watt of IT power, split into chips, other hardware and launch, with and without the chips. */
export function capexPerWatt(p: Readonly<CapexPerWattParams>): CapexPerWattResult {
  nonNegative('chips_USD', p.chips_USD);
  nonNegative('nonChipHardware_USD', p.nonChipHardware_USD);
  nonNegative('launch_USD', p.launch_USD);
  positive('itPower_W', p.itPower_W);
  const exChips = p.nonChipHardware_USD + p.launch_USD;
  const withChips = exChips + p.chips_USD;
  const out = {
    chips_USD_per_W: p.chips_USD / p.itPower_W,
    nonChipHardware_USD_per_W: p.nonChipHardware_USD / p.itPower_W,
    launch_USD_per_W: p.launch_USD / p.itPower_W,
    exChips_USD_per_W: exChips / p.itPower_W,
    withChips_USD_per_W: withChips / p.itPower_W,
  };
  if (p.arrayPower_W === undefined) return out;
  positive('arrayPower_W', p.arrayPower_W);
  return {
    ...out,
    perArrayWatt: { exChips_USD_per_W: exChips / p.arrayPower_W, withChips_USD_per_W: withChips / p.arrayPower_W },
  };
}

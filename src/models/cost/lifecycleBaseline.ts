/**
 * LCOC of a chip set in a terrestrial scenario (designs/catalogs/terrestrial-baselines.yaml), discounted and
 * undiscounted, so a space design can be compared against each scenario with the same chips and workload.
 *
 * Equations: P_avg = P_pk·(f_idle + (1 − f_idle)·u) (compute.ts); energy/yr = P_avg·PUE·8,766 h·price
 * (docs/sources.md §11 case 15); facility capital charge capex/n or capex·CRF(r, n); lease $/kW-month·12·P_pk;
 * delivered = peak·u·s·A; LCOC = (chips + L·yearly)/(L·delivered·365.25 d), discounted with the annuity a(r, L).
 * Assumptions: chips bought at t = 0, yearly flows at year ends, failed chips swapped; network, staff and software
 * outside facilityOpex are not included. Validity: the scenario's ranges (src/catalog/baselines.ts), P_pk > 0,
 * peak PFLOPS > 0, 0 ≤ f_idle < 1.
 * Derivation, evidence and costs: docs/models.md §"Terrestrial baseline LCOC".
 */
import { HOURS_PER_YEAR_h } from '../../base/constants.js';
import { W_PER_KW } from '../../base/convert.js';
import { computeWaterfall } from '../compute/computeWaterfall.js';
import { annuityFactor, capitalRecoveryFactor, DEFAULT_DISCOUNT_RATE_per_yr } from './lifecycleEconomics.js';
import { nonNegative, positive } from '../validate.js';

const DAYS_PER_YEAR = 365.25;
const MONTHS_PER_YEAR = 12;

/** The scenario fields the model needs (a terrestrial-baselines.yaml row satisfies it). */
export interface TerrestrialScenario {
  readonly capexExChips_USD_per_W: number;
  readonly facilityLife_yr: number;
  readonly lease_USD_per_kW_month: number;
  readonly facilityOpex_USD_per_kW_yr: number;
  readonly electricity_USD_per_kWh: number;
  readonly pue: number;
  readonly utilization: number;
  readonly availability: number;
  readonly chipLifetime_yr: number;
}

export interface ChipSet {
  /** Chips with their server share [$]. */
  readonly chips_USD: number;
  readonly itPowerPeak_W: number;
  /** System power at zero load / peak (chip catalog idlePowerFraction). */
  readonly idlePowerFraction: number;
  readonly peakPFLOPS: number;
  /** MFU of the workload; default the waterfall's (Llama 3, 0.404). Use the space design's value to compare. */
  readonly sustainedFraction?: number;
}

export interface BaselineLcocParams {
  readonly scenario: Readonly<TerrestrialScenario>;
  readonly chipSet: Readonly<ChipSet>;
  /**
   * Chip service life [yr]; default the scenario's chipLifetime_yr (pass the space design's to compare like with like).
   */
  readonly lifetime_yr?: number;
  /** Real discount rate; default 0.07 (OMB A-94). */
  readonly discountRate_per_yr?: number;
}

export interface BaselineLcocResult {
  readonly lifetime_yr: number;
  readonly itPowerAvg_W: number;
  readonly deliveredPFLOPS: number;
  readonly energy_USD_per_yr: number;
  /** Straight-line facility charge (undiscounted LCOC). */
  readonly facilityCharge_USD_per_yr: number;
  /** Capital-recovery facility charge at the discount rate (discounted LCOC). */
  readonly facilityChargeDiscounted_USD_per_yr: number;
  readonly lease_USD_per_yr: number;
  readonly facilityOpex_USD_per_yr: number;
  readonly total_USD: number;
  readonly compute_PFLOP_day: number;
  readonly lcoc_USD_per_PFLOP_day: number;
  readonly pvCost_USD: number;
  readonly pvCompute_PFLOP_day: number;
  readonly lcocDiscounted_USD_per_PFLOP_day: number;
  /** total/(P_avg[kW]·L), as cost.ts's costPerKWyr_USD. */
  readonly costPerKWyr_USD: number;
}

/** LCOC of the chip set in the terrestrial scenario (see the header). */
export function baselineLcoc(p: Readonly<BaselineLcocParams>): BaselineLcocResult {
  const sc = p.scenario;
  const c = p.chipSet;
  nonNegative('chips_USD', c.chips_USD);
  positive('itPowerPeak_W', c.itPowerPeak_W);
  if (!(c.idlePowerFraction >= 0 && c.idlePowerFraction < 1))
    throw new RangeError(`idlePowerFraction must be in [0, 1), got ${c.idlePowerFraction}`);
  nonNegative('capexExChips_USD_per_W', sc.capexExChips_USD_per_W);
  positive('facilityLife_yr', sc.facilityLife_yr);
  nonNegative('lease_USD_per_kW_month', sc.lease_USD_per_kW_month);
  nonNegative('facilityOpex_USD_per_kW_yr', sc.facilityOpex_USD_per_kW_yr);
  nonNegative('electricity_USD_per_kWh', sc.electricity_USD_per_kWh);
  if (!(sc.pue >= 1 && sc.pue <= 5)) throw new RangeError(`pue must be in [1, 5], got ${sc.pue}`);
  const L = p.lifetime_yr ?? sc.chipLifetime_yr;
  positive('lifetime_yr', L);
  const r = p.discountRate_per_yr ?? DEFAULT_DISCOUNT_RATE_per_yr;

  const { deliveredPFLOPS } = computeWaterfall({
    peakPFLOPS: c.peakPFLOPS,
    utilization: sc.utilization,
    availability: sc.availability,
    ...(c.sustainedFraction !== undefined ? { sustainedFraction: c.sustainedFraction } : {}),
  });
  const peak_kW = c.itPowerPeak_W / W_PER_KW;
  const itPowerAvg_W = c.itPowerPeak_W * (c.idlePowerFraction + (1 - c.idlePowerFraction) * sc.utilization);
  const energy = (itPowerAvg_W / W_PER_KW) * sc.pue * HOURS_PER_YEAR_h * sc.electricity_USD_per_kWh;
  const capex = sc.capexExChips_USD_per_W * c.itPowerPeak_W;
  const facility = capex / sc.facilityLife_yr;
  const facilityR = capex * capitalRecoveryFactor(r, sc.facilityLife_yr);
  const lease = sc.lease_USD_per_kW_month * MONTHS_PER_YEAR * peak_kW;
  const opex = sc.facilityOpex_USD_per_kW_yr * peak_kW;
  const computePerYr = deliveredPFLOPS * DAYS_PER_YEAR;
  const total = c.chips_USD + L * (energy + facility + lease + opex);
  const a = annuityFactor(r, L);
  const pvCost = c.chips_USD + a * (energy + facilityR + lease + opex);
  return {
    lifetime_yr: L,
    itPowerAvg_W,
    deliveredPFLOPS,
    energy_USD_per_yr: energy,
    facilityCharge_USD_per_yr: facility,
    facilityChargeDiscounted_USD_per_yr: facilityR,
    lease_USD_per_yr: lease,
    facilityOpex_USD_per_yr: opex,
    total_USD: total,
    compute_PFLOP_day: computePerYr * L,
    lcoc_USD_per_PFLOP_day: total / (computePerYr * L),
    pvCost_USD: pvCost,
    pvCompute_PFLOP_day: computePerYr * a,
    lcocDiscounted_USD_per_PFLOP_day: pvCost / (computePerYr * a),
    costPerKWyr_USD: total / ((itPowerAvg_W / W_PER_KW) * L),
  };
}

/**
 * The cost metrics published models quote, from a levelized cost of delivered compute: cost per chip-hour
 * (SemiAnalysis's "$/hr/GPU"), cost per MWh of IT energy (McCalip's LCOE) beside the $/PFLOP-day LCOC,
 * each undiscounted and discounted.
 *
 * Equations (F delivered PFLOPS, n chips, P_IT average IT power [MW], LCOC in $/PFLOP-day):
 * - cost per chip-hour = LCOC·F/(24·n): the cost per day of the whole node, LCOC·F, over its chip-hours per day.
 *   E.g. LCOC 100 $/PFLOP-day, F = 10 PFLOPS, n = 72 chips: 1,000 $/day / 1,728 chip-h/day = 0.5787 $/chip-h.
 * - cost per MWh = LCOC·F/(24·P_IT): the same daily cost over the IT energy per day.
 * - Discounted: the same ratios applied to PV(cost)/PV(compute). Delivered compute, chip-hours and IT energy
 *   accrue in a fixed ratio every year (a constant delivered fraction over life, as lifecycleProgram.ts
 *   assumes), so PV(chip-hours) = PV(compute)·24·n/F and the conversion carries over exactly.
 * An infinite LCOC (nothing delivered) gives infinite costs. Chip-hours are calendar hours of every installed chip
 * (not busy hours): the convention of a $/GPU-hour total cost of ownership. Validity: F, n, P_IT > 0; LCOC ≥ 0.
 */
import { positive } from '../validate.js';

const HOURS_PER_DAY = 24;
const W_PER_MW = 1e6;

export interface ComparisonParams {
  /** Undiscounted LCOC [USD/PFLOP-day]. */
  readonly lcoc_USD_per_PFLOP_day: number;
  /** PV(cost)/PV(compute) [USD/PFLOP-day]. */
  readonly lcocDiscounted_USD_per_PFLOP_day: number;
  readonly deliveredPFLOPS: number;
  readonly chips: number;
  readonly itPowerAvg_W: number;
}
export interface ComparisonResult {
  readonly costPerChipHour_USD: number;
  readonly costPerChipHourDiscounted_USD: number;
  readonly costPerMWh_USD: number;
  readonly costPerMWhDiscounted_USD: number;
}

/** $/chip-hour and $/MWh of IT energy, undiscounted and discounted, from the LCOC pair. */
export function comparisonMetrics(p: Readonly<ComparisonParams>): ComparisonResult {
  // +∞ passes through: a node that delivers nothing has an infinite cost per chip-hour as per PFLOP-day.
  const lcocs = [
    ['lcoc_USD_per_PFLOP_day', p.lcoc_USD_per_PFLOP_day],
    ['lcocDiscounted_USD_per_PFLOP_day', p.lcocDiscounted_USD_per_PFLOP_day],
  ] as const;
  for (const [k, v] of lcocs) {
    if (!(v >= 0)) throw new RangeError(`${k} must be ≥ 0 (or +Infinity), got ${v}`);
  }
  positive('deliveredPFLOPS', p.deliveredPFLOPS);
  positive('chips', p.chips);
  positive('itPowerAvg_W', p.itPowerAvg_W);
  const perChipHour = p.deliveredPFLOPS / (HOURS_PER_DAY * p.chips);
  const perMWh = p.deliveredPFLOPS / (HOURS_PER_DAY * (p.itPowerAvg_W / W_PER_MW));
  return {
    costPerChipHour_USD: p.lcoc_USD_per_PFLOP_day * perChipHour,
    costPerChipHourDiscounted_USD: p.lcocDiscounted_USD_per_PFLOP_day * perChipHour,
    costPerMWh_USD: p.lcoc_USD_per_PFLOP_day * perMWh,
    costPerMWhDiscounted_USD: p.lcocDiscounted_USD_per_PFLOP_day * perMWh,
  };
}

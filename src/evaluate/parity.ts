/**
 * The parity year of a node design against each terrestrial baseline: the design re-priced at each calendar year
 * of economics.trajectories on a yearly grid, and the year its discounted cost per delivered PFLOP-day falls to
 * the baseline's (src/models/trajectory.ts: first crossing, linear interpolation between grid years).
 *
 * Re-pricing in year y (factors from src/models/priceTrajectories.ts, 1 in the reference year):
 * - space: chips × chip factor; array and radiator hardware (with their assembly, integration and test share) ×
 *   their factors; launch × launch factor; the rest of the node (bus, battery, ISL, shielding, propellant) at its
 *   reference price; operations stay the same fraction of hardware + launch (cost.ts); delivered PFLOPS × the
 *   perf/W factor (a chip of the same power class); the fleet program (lifecycleProgram.ts) re-run on these.
 * - ground: the baseline's discounted LCOC (lifecycleBaseline.ts) with chips × chip factor, energy × electricity
 *   factor, facility capital charge and lease × capex factor, facility opex unchanged, delivered × perf/W factor.
 *   The LCOC is linear in these terms, so it is re-assembled from the reference-year terms (exact).
 * A node built in year y is priced entirely at year-y prices and keeps them over its life. The perf/W factor
 * divides both sides alike (same chips in both places), so it moves the $/PFLOP-day but not the ratio; the same
 * holds for $/Mtoken, whose parity year is therefore this one.
 */
import type { CostResult } from '../models/cost.js';
import type { BaselineLcocResult } from '../models/lifecycleBaseline.js';
import { programEconomics, type ProgramParams } from '../models/lifecycleProgram.js';
import { priceFactors, type PriceFactors } from '../models/priceTrajectories.js';
import { parityYear, type ParityResult } from '../models/trajectory.js';
import type { Design } from './nodeRecord.js';

export interface BaselineTerms {
  readonly id: string;
  readonly chips_USD: number;
  readonly result: BaselineLcocResult;
}

export interface ParityInputs {
  readonly cost: CostResult;
  /** The program as priced in the reference year, all but the three re-priced terms. */
  readonly program: Omit<ProgramParams, 'firstUnitCost_USD' | 'perNodeOffCurve_USD' | 'nodeOperations_USD_per_yr'>;
  readonly baselines: readonly BaselineTerms[];
}

export interface BaselineParity extends ParityResult {
  readonly id: string;
}

/** Discounted space LCOC in a year's prices (header). */
function spaceLcoc(c: CostResult, program: ParityInputs['program'], f: PriceFactors): number {
  const nonChipRef = c.hardware_USD - c.computeHardware_USD;
  const aitBase = nonChipRef - c.ait_USD;
  const aitFraction = aitBase > 0 ? c.ait_USD / aitBase : 0;
  const nonChip = nonChipRef + (c.arrayHardware_USD * (f.array - 1) + c.radiatorHardware_USD * (f.radiator - 1)) * (1 + aitFraction);
  const chips = c.computeHardware_USD * f.chip;
  const launch = c.launch_USD * f.launch;
  const refCapital = c.hardware_USD + c.launch_USD;
  const ops = refCapital > 0 ? c.operations_USD_per_yr * (nonChip + chips + launch) / refCapital : c.operations_USD_per_yr;
  return programEconomics({
    ...program, firstUnitCost_USD: nonChip, perNodeOffCurve_USD: chips + launch, nodeOperations_USD_per_yr: ops,
    deliveredPFLOPSPerNode: program.deliveredPFLOPSPerNode * f.performance,
  }).lcocDiscounted_USD_per_PFLOP_day;
}

/** Discounted baseline LCOC in a year's prices, re-assembled from its reference-year terms (exact: it is linear in them). */
export function groundLcoc(b: BaselineTerms, f: PriceFactors): number {
  const r = b.result;
  const annuity = r.pvCompute_PFLOP_day / (r.compute_PFLOP_day / r.lifetime_yr);
  const pv = b.chips_USD * f.chip + annuity * (r.energy_USD_per_yr * f.electricity
    + (r.facilityChargeDiscounted_USD_per_yr + r.lease_USD_per_yr) * f.terrestrialCapex + r.facilityOpex_USD_per_yr);
  return pv / (r.pvCompute_PFLOP_day * f.performance);
}

/** Parity against every baseline over the design's trajectories. */
export function parityAgainstBaselines(design: Design, p: ParityInputs): BaselineParity[] {
  const t = design.economics.trajectories;
  const factors = new Map<number, PriceFactors>();
  const space = new Map<number, number>();
  const at = (year: number): { f: PriceFactors; space: number } => {
    let f = factors.get(year);
    if (f === undefined) {
      f = priceFactors(t, year, t.referenceYear);
      factors.set(year, f);
      space.set(year, spaceLcoc(p.cost, p.program, f));
    }
    return { f, space: space.get(year)! };
  };
  return p.baselines.map((b) => ({
    id: b.id,
    ...parityYear({ fromYear: t.fromYear, toYear: t.toYear, ratioAt: (year) => { const y = at(year); return y.space / groundLcoc(b, y.f); } }),
  }));
}

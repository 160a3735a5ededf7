/**
 * The parity year of a node design against each terrestrial baseline: the design re-priced at each calendar year
 * of economics.trajectories on a yearly grid, and the year its discounted cost per delivered PFLOP-day falls to
 * the baseline's (src/models/cost/trajectory.ts: first crossing, linear interpolation between grid years).
 *
 * Re-pricing in year y (factors from src/models/cost/priceTrajectories.ts, 1 in the reference year):
 * - space: chips × chip factor; array and radiator hardware (with their assembly, integration and test share) ×
 *   their factors; launch × launch factor; the rest of the node (bus, battery, ISL, shielding, propellant) at its
 *   reference price; operations stay the same fraction of hardware + launch (cost.ts); delivered PFLOPS × the
 *   perf/W factor (a chip of the same power class); the fleet program (lifecycleProgram.ts) on these. Its present
 *   value is linear in the node's first-unit cost, its off-curve cost and its operations, and its present compute
 *   in the delivered PFLOPS, so four runs give every year's LCOC exactly.
 * - ground: the baseline's discounted LCOC (lifecycleBaseline.ts) with chips × chip factor, energy × electricity
 *   factor, facility capital charge and lease × capex factor, facility opex unchanged, delivered × perf/W factor.
 *   The LCOC is linear in these terms, so it is re-assembled from the reference-year terms (exact).
 * A node built in year y is priced entirely at year-y prices and keeps them over its life. The perf/W factor
 * divides both sides alike (same chips in both places), so it moves the $/PFLOP-day but not the ratio; the same
 * holds for $/Mtoken, whose parity year is therefore this one.
 */
import type { CostResult } from '../../models/cost/cost.js';
import type { BaselineLcocResult } from '../../models/cost/lifecycleBaseline.js';
import { programEconomics, type ProgramParams } from '../../models/cost/lifecycleProgram.js';
import { priceFactorSeries, type PriceFactors } from '../../models/cost/priceTrajectories.js';
import { parityYear, type ParityResult } from '../../models/cost/trajectory.js';
import type { Design } from '../record/rows.js';

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

/**
 * Discounted space LCOC as a function of a year's price factors (header): PV = a·T₁ + b·off-curve + c·operations +
 * ground.
 */
function spaceLcocOf(c: CostResult, program: ParityInputs['program']): (f: PriceFactors) => number {
  const run = (t1: number, off: number, ops: number) =>
    programEconomics({
      ...program,
      firstUnitCost_USD: t1,
      perNodeOffCurve_USD: off,
      nodeOperations_USD_per_yr: ops,
    });
  const base = run(0, 0, 0);
  const [a, b, k] = [run(1, 0, 0), run(0, 1, 0), run(0, 0, 1)].map((r) => r.pvCost_USD - base.pvCost_USD) as [
    number,
    number,
    number,
  ];
  const nonChipRef = c.hardware_USD - c.computeHardware_USD;
  const aitBase = nonChipRef - c.ait_USD;
  const aitFraction = aitBase > 0 ? c.ait_USD / aitBase : 0;
  const refCapital = c.hardware_USD + c.launch_USD;
  return (f) => {
    const nonChip =
      nonChipRef +
      (c.arrayHardware_USD * (f.array - 1) + c.radiatorHardware_USD * (f.radiator - 1)) * (1 + aitFraction);
    const offCurve = c.computeHardware_USD * f.chip + c.launch_USD * f.launch;
    const ops =
      refCapital > 0 ? (c.operations_USD_per_yr * (nonChip + offCurve)) / refCapital : c.operations_USD_per_yr;
    return (a * nonChip + b * offCurve + k * ops + base.pvCost_USD) / (base.pvCompute_PFLOP_day * f.performance);
  };
}

/**
 * Discounted baseline LCOC in a year's prices, re-assembled from its reference-year terms (exact: it is linear in
 * them).
 */
export function groundLcoc(b: BaselineTerms, f: PriceFactors): number {
  const r = b.result;
  const annuity = r.pvCompute_PFLOP_day / (r.compute_PFLOP_day / r.lifetime_yr);
  const pv =
    b.chips_USD * f.chip +
    annuity *
      (r.energy_USD_per_yr * f.electricity +
        (r.facilityChargeDiscounted_USD_per_yr + r.lease_USD_per_yr) * f.terrestrialCapex +
        r.facilityOpex_USD_per_yr);
  return pv / (r.pvCompute_PFLOP_day * f.performance);
}

/**
 * Price factors of each grid year, memoised on the (read-only) trajectories object: the candidates of a study share
 * their base design's trajectories, so the interpolation runs once per study rather than once per evaluation.
 */
const factorCache = new WeakMap<object, readonly PriceFactors[]>();
function gridFactors(t: Design['economics']['trajectories']): readonly PriceFactors[] {
  let f = factorCache.get(t);
  if (f === undefined) {
    const years = Array.from({ length: Math.max(0, t.toYear - t.fromYear + 1) }, (_, i) => t.fromYear + i);
    f = priceFactorSeries(t, years, t.referenceYear);
    factorCache.set(t, f);
  }
  return f;
}

/** Parity against every baseline over the design's trajectories. */
export function parityAgainstBaselines(design: Design, p: ParityInputs): BaselineParity[] {
  const t = design.economics.trajectories;
  const factors = gridFactors(t);
  const spaceLcoc = spaceLcocOf(p.cost, p.program);
  const space = factors.map(spaceLcoc);
  return p.baselines.map((b) => ({
    id: b.id,
    ...parityYear({
      fromYear: t.fromYear,
      toYear: t.toYear,
      ratioAt: (year) => space[year - t.fromYear]! / groundLcoc(b, factors[year - t.fromYear]!),
    }),
  }));
}

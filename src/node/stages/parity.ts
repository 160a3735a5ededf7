/**
 * The parity year of a node design against each terrestrial baseline: the design re-priced at each calendar year
 * of economics.trajectories on a yearly grid, and the year its discounted cost per delivered PFLOP-day falls to
 * the baseline's (src/models/cost/trajectory.ts: first crossing, linear interpolation between grid years).
 * Method: in year y a price takes its factor from src/models/cost/priceTrajectories.ts (1 in the reference year), and
 * no line gets both a trajectory and learning for the same effect: lines priced at a first-unit price
 * (linePriceClasses, src/node/stages/cost.ts) get the programme's learning curve and keep their reference-year price;
 * production-priced lines (array, radiator, battery, ISL terminals, bus, AIT as classed) and market-priced ones (chips
 * and their packaging premium, launch) get their trajectory and no learning; shielding plate and propellant stay at
 * their price. AIT, a fraction of the non-chip hardware, follows the trended lines' change in its own class. Space LCOC
 * is linear in the learning-curve first unit, the off-curve cost and delivered PFLOPS (operations are a fraction of the
 * average unit, inside both; three runs give every year exactly), the ground LCOC (lifecycleBaseline.ts) linear in its
 * terms (re-assembled exactly).
 * Assumptions: a node built in year y is priced entirely at year-y prices and keeps them over its life; the perf/W
 * factor divides both sides alike, so the $/Mtoken parity year is this one.
 * Band: each applicable alternative of priceTrajectories.ts priced alone; the favourable ones together give the early
 * end, the unfavourable ones the late end. parityWithBand and nonChipChange_USD are the constellation verdict's too
 * (src/run/answer/constellationParity.ts).
 * Re-pricing line by line and the band rule: docs/runs.md §"Node parity year".
 */
import { maxOf, minOf } from '../../base/arrays.js';
import type { CostResult, LinePriceClasses } from '../../models/cost/cost.js';
import type { BaselineLcocResult } from '../../models/cost/lifecycleBaseline.js';
import { programEconomics, type ProgramParams } from '../../models/cost/lifecycleProgram.js';
import {
  applicableAlternatives,
  priceFactorSeries,
  type PriceFactors,
  type PriceTrajectories,
  type TrajectoryAlternative,
} from '../../models/cost/priceTrajectories.js';
import { parityYear, type ParityResult } from '../../models/cost/trajectory.js';
import type { Design } from '../record/rows.js';
import { ratioProblem, ratioText } from '../../base/verdictText.js';

export interface BaselineTerms {
  readonly id: string;
  readonly chips_USD: number;
  readonly result: BaselineLcocResult;
}

export interface ParityInputs {
  readonly cost: CostResult;
  /** The program as priced in the reference year, all but the three re-priced terms. */
  readonly program: Omit<ProgramParams, 'firstUnitCost_USD' | 'perNodeOffCurve_USD'>;
  readonly baselines: readonly BaselineTerms[];
}

export interface BaselineParity extends ParityResult {
  readonly id: string;
  /** Earliest parity year over the band (header); null: none in the search range even then. */
  readonly parityYearLow: number | null;
  /** Latest parity year over the band; null: not in the search range. */
  readonly parityYearHigh: number | null;
  /** The band in words: its two ends and the alternatives that make each. */
  readonly band: string;
}

/** The hardware lines a node's re-pricing reads (CostResult's, as a node record's cost section has them). */
export type HardwareLines = Pick<
  CostResult,
  | 'hardware_USD'
  | 'computeHardware_USD'
  | 'ait_USD'
  | 'arrayHardware_USD'
  | 'radiatorHardware_USD'
  | 'busHardware_USD'
  | 'batteryHardware_USD'
  | 'islHardware_USD'
>;

/**
 * Change of a node's non-chip hardware at a year's price factors [USD]: the array, radiator, bus, battery and ISL lines
 * not priced first-unit (header) × (factor − 1) (`offCurve_USD`), and their share of assembly, integration and test, a
 * fraction of the non-chip hardware, in AIT's own class (`learning_USD` when AIT is priced first-unit). Shielding and
 * propellant stay at their price; first-unit lines follow the learning curve, no trajectory.
 */
export function nonChipChange_USD(
  c: HardwareLines,
  f: PriceFactors,
  classes: LinePriceClasses,
): { readonly offCurve_USD: number; readonly learning_USD: number } {
  const aitBase = c.hardware_USD - c.computeHardware_USD - c.ait_USD;
  const aitFraction = aitBase > 0 ? c.ait_USD / aitBase : 0;
  const trended = (line: keyof LinePriceClasses, usd: number, factor: number) =>
    classes[line] === 'first-unit' ? 0 : usd * (factor - 1);
  const change =
    trended('array', c.arrayHardware_USD, f.array) +
    trended('radiator', c.radiatorHardware_USD, f.radiator) +
    trended('bus', c.busHardware_USD, f.bus) +
    trended('battery', c.batteryHardware_USD, f.battery) +
    trended('isl', c.islHardware_USD, f.isl);
  const ait = change * aitFraction;
  return classes.ait === 'first-unit'
    ? { offCurve_USD: change, learning_USD: ait }
    : { offCurve_USD: change + ait, learning_USD: 0 };
}

/**
 * Discounted space LCOC as a function of a year's price factors (header): PV = a·T₁ + b·off-curve + ground, T₁ the
 * first-unit-class hardware at its reference-year price, the off-curve cost re-priced by its trajectories.
 */
function spaceLcocOf(c: CostResult, program: ParityInputs['program']): (f: PriceFactors) => number {
  const run = (t1: number, off: number) =>
    programEconomics({ ...program, firstUnitCost_USD: t1, perNodeOffCurve_USD: off });
  const base = run(0, 0);
  const [a, b] = [run(1, 0), run(0, 1)].map((r) => r.pvCost_USD - base.pvCost_USD) as [number, number];
  // chips and their packaging premium when it is off the curve follow the chip price; other off-curve hardware
  // (production- and market-priced) is re-priced line by line
  const chips = c.priceClasses.chipIntegration === 'first-unit' ? c.chipsAtMarket_USD : c.computeHardware_USD;
  const otherOffCurve = c.hardware_USD - c.learningHardware_USD - chips;
  return (f) => {
    const change = nonChipChange_USD(c, f, c.priceClasses);
    const offCurve = chips * f.chip + otherOffCurve + change.offCurve_USD + c.launch_USD * f.launch;
    const learning = c.learningHardware_USD + change.learning_USD;
    return (a * learning + b * offCurve + base.pvCost_USD) / (base.pvCompute_PFLOP_day * f.performance);
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
 * Price factors of each grid year, memoised on the (read-only) trajectories object and the alternatives applied: the
 * candidates of a study share their base design's trajectories, so the interpolation runs once per study rather than
 * once per evaluation.
 */
const factorCache = new WeakMap<object, Map<string, readonly PriceFactors[]>>();
export type Trajectories = Design['economics']['trajectories'];
function gridFactors(t: Trajectories, alternatives: readonly TrajectoryAlternative[] = []): readonly PriceFactors[] {
  let byKey = factorCache.get(t);
  if (byKey === undefined) factorCache.set(t, (byKey = new Map()));
  const key = alternatives.map((a) => a.name).join('|');
  let f = byKey.get(key);
  if (f === undefined) {
    const years = Array.from({ length: Math.max(0, t.toYear - t.fromYear + 1) }, (_, i) => t.fromYear + i);
    const replaced: PriceTrajectories = Object.assign({}, t, ...alternatives.map((a) => a.replaces));
    f = priceFactorSeries(replaced, years, t.referenceYear);
    byKey.set(key, f);
  }
  return f;
}

/** A band end in words: the year, or "after <toYear>". */
const bandYear = (year: number | null, toYear: number): string => (year === null ? `after ${toYear}` : year.toFixed(1));
const later = (a: number | null, b: number | null): boolean => (a ?? Infinity) > (b ?? Infinity);

/** The parity search of one baseline over a set of grid factors. */
type Search = (factors: readonly PriceFactors[]) => ParityResult;

/** A parity result with its band (header). */
export type ParityBand = ParityResult & Pick<BaselineParity, 'parityYearLow' | 'parityYearHigh' | 'band'>;

/**
 * The parity year of a space/ground ratio given as a function of a year's price factors, over the trajectories `t`,
 * with its band (header): the one search of the node's verdict and the constellation's.
 */
export function parityWithBand(t: Trajectories, ratioOf: (f: PriceFactors) => number): ParityBand {
  const search: Search = (factors) =>
    parityYear({ fromYear: t.fromYear, toYear: t.toYear, ratioAt: (year) => ratioOf(factors[year - t.fromYear]!) });
  const central = search(gridFactors(t));
  // an alternative alone is read for its last year's ratio only (the one a search would end on)
  const lastRatio = (factors: readonly PriceFactors[]): number => ratioOf(factors[t.toYear - t.fromYear]!);
  return { ...central, ...band(t, central, search, lastRatio) };
}

/** applicableAlternatives of a (read-only) trajectories object, kept with it as gridFactors keeps its factors. */
const alternativesCache = new WeakMap<object, readonly TrajectoryAlternative[]>();
function alternativesOf(t: Trajectories): readonly TrajectoryAlternative[] {
  let a = alternativesCache.get(t);
  if (a === undefined) alternativesCache.set(t, (a = applicableAlternatives(t)));
  return a;
}

/** The band of one baseline (header): the favourable and the unfavourable alternatives, each group applied together. */
function band(
  t: Trajectories,
  central: ParityResult,
  search: Search,
  lastRatio: (factors: readonly PriceFactors[]) => number,
) {
  const last = central.ratioLastYear;
  const groups: { low: TrajectoryAlternative[]; high: TrajectoryAlternative[] } = { low: [], high: [] };
  for (const a of alternativesOf(t)) {
    const r = lastRatio(gridFactors(t, [a]));
    if (r < last) groups.low.push(a);
    else if (r > last) groups.high.push(a);
  }
  const end = (g: TrajectoryAlternative[]) => (g.length === 0 ? central : search(gridFactors(t, g)));
  let [low, high] = [end(groups.low), end(groups.high)];
  if (later(low.parityYear, high.parityYear)) [low, high] = [high, low];
  const names = (g: TrajectoryAlternative[]) => (g.length === 0 ? 'central trends' : g.map((a) => a.name).join(', '));
  const ratios = [low, central, high].map((x) => x.ratioLastYear).filter((r) => !Number.isNaN(r));
  const [lo, hi] = [minOf(ratios), maxOf(ratios)];
  // an unbounded or undefined end reads as the sentence of verdictText.ts, never "Infinity×"
  const ratioBand = ratioProblem(ratios.length === 0 ? NaN : hi) ?? `${ratioText(lo)}–${ratioText(hi)}`;
  return {
    parityYearLow: later(low.parityYear, central.parityYear) ? central.parityYear : low.parityYear,
    parityYearHigh: later(central.parityYear, high.parityYear) ? central.parityYear : high.parityYear,
    band:
      `band ${bandYear(low.parityYear, t.toYear)}–${bandYear(high.parityYear, t.toYear)}, ` +
      `space/ground in ${t.toYear} ${ratioBand} (early: ${names(groups.low)}; late: ${names(groups.high)})`,
  };
}

/** Parity against every baseline over the design's trajectories, with its band. */
export function parityAgainstBaselines(design: Design, p: ParityInputs): BaselineParity[] {
  const t = design.economics.trajectories;
  const spaceLcocAt = spaceLcocOf(p.cost, p.program);
  // every baseline's search reads the same years' factors (gridFactors' arrays): the space side priced once a year
  const priced = new Map<PriceFactors, number>();
  const spaceLcoc = (f: PriceFactors): number => {
    let v = priced.get(f);
    if (v === undefined) priced.set(f, (v = spaceLcocAt(f)));
    return v;
  };
  return p.baselines.map((b) => ({ id: b.id, ...parityWithBand(t, (f) => spaceLcoc(f) / groundLcoc(b, f)) }));
}

/**
 * The constellation's life, year by year from its first launch to the study horizon: satellites built, launched,
 * failed, renewed, in orbit and delivering, its delivered compute, spend and LCOC to date.
 * Method: slots open as the first deployment reaches orbit (the campaign's schedule, each launch no earlier than the
 * factory has built its satellites: t'_j = max(t_j, n_j/F, t'_{j−1})), one cohort per year at its mean time t̄_c;
 * every slot renewed at t̄_c + m·L (block replacement, Barlow & Proschan, Mathematical Theory of Reliability, 1965,
 * ch. 4.3). Constant hazard λ: `replace-on-failure` replaces each failure at once with a spare that retires with its
 * slot (λ × slot-years, as src/models/cost/lifecycleProgram.ts), N/L + λN launched a year in steady state;
 * `replace-at-end-of-life` flies no spares, a satellite survives e^{−λa} at age a, a sawtooth with minimum N·e^{−λL}.
 * Replacements fly on the launches (C/k a year at k satellites each) and factory output F the first deployment leaves;
 * the rest waits (a backlog, its slots dark for half the year on each side). Spend of year k: satellites built
 * (= launched) at that year's prices, the first-unit class on one learning curve over every build (expected counts),
 * operations per delivering satellite-year, ground capital in year 0 and operations yearly. Compute: delivering
 * satellite-years × delivered PFLOPS (availability is in the node's figure) × the performance of each generation's
 * build year. LCOC to date: spend / PFLOP-days, undiscounted and discounted at r, flows at mid-year, (1 + r)^−(k + ½).
 * Validity: N ≥ 1; L ≥ 0.1 yr; 0 ≤ λ ≤ 0.5/yr; horizon a whole number of years 1–100; capacities > 0.
 * Derivation, evidence and costs: docs/constellations.md §"Life of the constellation".
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { DAY_s, JULIAN_YEAR_s } from '../../base/constants.js';
import { expectedLotCost_USD } from '../../models/cost/learningCurve.js';
import { nonNegative, positive } from '../../models/validate.js';
import type { ReplacementPolicy } from '../design/types.js';

const DAYS_PER_YEAR = JULIAN_YEAR_s / DAY_s;
const EPS = 1e-9;

/** Prices of one satellite built in a year, and the compute it delivers against the reference satellite. */
export interface LifeYearPrices {
  /** First unit of the learning-curve (first-unit-class) hardware [USD]. */
  readonly learning_USD: number;
  /** Hardware off the curve (chips, production- and market-priced lines) [USD]. */
  readonly offCurve_USD: number;
  readonly launch_USD: number;
  /** Delivered compute of a satellite built this year / the reference satellite's [-]. */
  readonly performance: number;
}

export interface LifeParams {
  readonly satellites: number;
  /** First deployment: one point per launch, time since the first launch [yr] and satellites up, non-decreasing. */
  readonly deployment: readonly { readonly time_yr: number; readonly satellites: number }[];
  /** Satellites every vehicle together can fly in a year at its cadence [1/yr]. */
  readonly launchCapacity_per_yr: number;
  /** Mean satellites per launch of the capacity (launches of replacements) [-]. */
  readonly satellitesPerLaunch: number;
  /** Satellites the factory builds in a year [1/yr]; Infinity: not limiting. */
  readonly factory_per_yr: number;
  readonly designLife_yr: number;
  readonly failureRate_per_yr: number;
  readonly policy: ReplacementPolicy;
  /** Whole years from the first launch. */
  readonly horizon_yr: number;
  /** Delivered compute of the reference satellite [PFLOPS] and its mean IT power [W]. */
  readonly deliveredPFLOPS_per_satellite: number;
  readonly itPower_W_per_satellite: number;
  readonly learningRate: number;
  /** Prices of a satellite built in year k, k = 0 … horizon_yr − 1. */
  readonly prices: readonly LifeYearPrices[];
  readonly operations_USD_per_satellite_yr: number;
  readonly groundCapex_USD: number;
  readonly groundOperations_USD_per_yr: number;
  readonly discountRate_per_yr: number;
}

export interface LifeYear {
  /** Year k covers [k, k + 1) from the first launch. */
  readonly year: number;
  readonly built: number;
  readonly launched: number;
  readonly launches: number;
  /** Satellites of the first deployment launched this year. */
  readonly deployed: number;
  /** Expected random failures [-]. */
  readonly failed: number;
  /** Slots reaching the end of their design life this year: renewals due (those not flown wait in `backlog`). */
  readonly renewed: number;
  /** Replacements owed and not yet flown at the end of the year (launch or factory capacity short). */
  readonly backlog: number;
  /** Working satellites in orbit at the end of the year, before the next year's renewals. */
  readonly inOrbit: number;
  /** Mean working satellites over the year, and as a fraction of the constellation. */
  readonly delivering: number;
  readonly deliveredFraction: number;
  readonly deliveredPFLOPS: number;
  readonly itPower_W: number;
  readonly hardware_USD: number;
  readonly launch_USD: number;
  readonly operations_USD: number;
  readonly ground_USD: number;
  readonly spend_USD: number;
  readonly cumulative_USD: number;
  /** The year's spend over its PFLOP-days, and cumulative spend over cumulative PFLOP-days [USD/PFLOP-day]. */
  readonly lcocYear_USD_per_PFLOP_day: number;
  readonly lcocToDate_USD_per_PFLOP_day: number;
  readonly lcocDiscountedToDate_USD_per_PFLOP_day: number;
}

export interface LifeResult {
  readonly years: readonly LifeYear[];
  /** The first deployment as the factory allows it: (0, 0) then one point per launch. */
  readonly deployment: readonly { readonly time_yr: number; readonly satellites: number }[];
  /** When the last satellite of the first deployment reaches orbit [yr]. */
  readonly fullCapability_yr: number;
  /** Least mean delivered fraction of any year after the one full capability falls in, to the horizon (0 when none). */
  readonly minDeliveredFraction: number;
  readonly peakAnnualLaunches: number;
  /** Mean satellites launched a year to keep the fleet, over the same years (0 when none). */
  readonly replacementsPerYear: number;
  readonly total_USD: number;
}

function checkLife(p: Readonly<LifeParams>): void {
  if (!(Number.isInteger(p.satellites) && p.satellites >= 1))
    throw new RangeError(`satellites must be a whole number ≥ 1, got ${p.satellites}`);
  if (!(Number.isInteger(p.horizon_yr) && p.horizon_yr >= 1 && p.horizon_yr <= 100))
    throw new RangeError(`life horizon_yr must be a whole number of years in 1–100, got ${p.horizon_yr}`);
  if (!(p.designLife_yr >= 0.1)) throw new RangeError(`designLife_yr must be ≥ 0.1, got ${p.designLife_yr}`);
  if (!(p.failureRate_per_yr >= 0 && p.failureRate_per_yr <= 0.5))
    throw new RangeError(`failureRate_per_yr must be in 0–0.5, got ${p.failureRate_per_yr}`);
  positive('launchCapacity_per_yr', p.launchCapacity_per_yr);
  if (!(p.factory_per_yr > 0))
    throw new RangeError(`factory_per_yr must be > 0 (Infinity: not limiting), got ${p.factory_per_yr}`);
  positive('satellitesPerLaunch', p.satellitesPerLaunch);
  nonNegative('operations_USD_per_satellite_yr', p.operations_USD_per_satellite_yr);
  if (p.prices.length !== p.horizon_yr)
    throw new RangeError(`prices must give one year per horizon year (${p.horizon_yr}), got ${p.prices.length}`);
}

/** The campaign's schedule with each launch no earlier than the factory has built its satellites. */
export function factoryDeployment(curve: LifeParams['deployment'], factory_per_yr: number): LifeParams['deployment'] {
  if (factory_per_yr === Infinity) return curve;
  let t = 0;
  return curve.map((p) => {
    t = Math.max(t, p.time_yr, p.satellites / factory_per_yr);
    return { time_yr: t, satellites: p.satellites };
  });
}

/** One cohort per year: satellites first reaching orbit in [c, c + 1), their mean time and launches. */
function cohorts(curve: LifeParams['deployment'], horizon: number) {
  const n = new Float64Array(horizon),
    tSum = new Float64Array(horizon),
    launches = new Float64Array(horizon);
  for (let j = 1; j < curve.length; j++) {
    const dn = curve[j]!.satellites - curve[j - 1]!.satellites;
    const c = Math.floor(curve[j]!.time_yr + EPS);
    if (dn <= 0 || c >= horizon) continue;
    n[c] = n[c]! + dn;
    tSum[c] = tSum[c]! + dn * curve[j]!.time_yr;
    launches[c] = launches[c]! + 1;
  }
  return { n, mean: Array.from(n, (x, c) => (x > 0 ? tSum[c]! / x : c)), launches };
}

/** Year index of time t, clamped to the horizon (prices of the build year). */
const yearOf = (t: number, horizon: number): number => Math.min(horizon - 1, Math.max(0, Math.floor(t + EPS)));

/**
 * One cohort's figures in year k: slot-years, working satellite-years (per policy), the same weighted by each
 * generation's performance, and renewals (slots reaching the end of a design life in the year).
 */
function cohortYear(p: Readonly<LifeParams>, t0: number, k: number) {
  const L = p.designLife_yr,
    lam = p.failureRate_per_yr;
  const a0 = Math.max(k, t0) - t0,
    a1 = k + 1 - t0;
  let slot = 0,
    alive = 0,
    perf = 0;
  for (let m = Math.floor(a0 / L + EPS); m * L < a1 - EPS; m++) {
    const u0 = Math.max(a0, m * L) - m * L,
      u1 = Math.min(a1, (m + 1) * L) - m * L;
    if (u1 <= u0) continue;
    const up =
      p.policy === 'replace-on-failure' || lam === 0 ? u1 - u0 : (Math.exp(-lam * u0) - Math.exp(-lam * u1)) / lam;
    slot += u1 - u0;
    alive += up;
    perf += up * p.prices[yearOf(t0 + m * L, p.horizon_yr)]!.performance;
  }
  // renewals: m ≥ 1 with t0 + m·L in [k, k + 1)
  const first = Math.max(1, Math.ceil((k - t0) / L - EPS));
  let renewals = 0;
  for (let m = first; t0 + m * L < k + 1 - EPS; m++) renewals++;
  // working at the end of the year, before renewals due at k + 1
  const aEnd = k + 1 - t0;
  const age = aEnd - L * Math.max(0, Math.ceil(aEnd / L - EPS) - 1);
  const endAlive = p.policy === 'replace-on-failure' ? 1 : Math.exp(-lam * age);
  return { slot, alive, perf, renewals, endAlive };
}

type Cohorts = ReturnType<typeof cohorts>;

/** The fleet in year k: working satellite-years (by performance too), renewals, failures, replacements and backlog. */
function fleetYear(p: Readonly<LifeParams>, co: Cohorts, k: number, backlogIn: number) {
  let alive = 0,
    perf = 0,
    renewed = 0,
    endAlive = 0;
  for (let c = 0; c <= k; c++) {
    const n = co.n[c]!;
    if (n === 0) continue;
    const y = cohortYear(p, co.mean[c]!, k);
    alive += n * y.alive;
    perf += n * y.perf;
    renewed += n * y.renewals;
    endAlive += n * y.endAlive;
  }
  const failed = p.failureRate_per_yr * alive;
  const owed = backlogIn + renewed + (p.policy === 'replace-on-failure' ? failed : 0);
  // the launches and factory output the first deployment leaves this year
  const launchRoom = (p.launchCapacity_per_yr / p.satellitesPerLaunch - co.launches[k]!) * p.satellitesPerLaunch;
  const replaced = Math.min(owed, Math.max(0, launchRoom), Math.max(0, p.factory_per_yr - co.n[k]!));
  const backlog = owed - replaced;
  const delivering = Math.max(0, alive - (backlogIn + backlog) / 2);
  const deliveredPFLOPS = alive > 0 ? (p.deliveredPFLOPS_per_satellite * perf * delivering) / alive : 0;
  return {
    launched: co.n[k]! + replaced,
    launches: co.launches[k]! + replaced / p.satellitesPerLaunch,
    deployed: co.n[k]!,
    failed,
    renewed,
    backlog,
    inOrbit: Math.max(0, endAlive - backlog),
    delivering,
    deliveredFraction: delivering / p.satellites,
    deliveredPFLOPS,
    itPower_W: delivering * p.itPower_W_per_satellite,
  };
}

/** Spend of year k: `launched` satellites built after `built` others, `delivering` satellite-years operated. */
function spendYear(p: Readonly<LifeParams>, k: number, built: number, launched: number, delivering: number) {
  const pr = p.prices[k]!;
  // units built + 1 … built + launched of one curve (expected counts, fractional: C(x) from unit 0)
  const curve = (x: number) =>
    expectedLotCost_USD({ firstUnitCost_USD: pr.learning_USD, learningRate: p.learningRate, built: 0, count: x });
  const hardware_USD = curve(built + launched) - curve(built) + launched * pr.offCurve_USD;
  const launch_USD = launched * pr.launch_USD;
  const operations_USD = delivering * p.operations_USD_per_satellite_yr;
  const ground_USD = (k === 0 ? p.groundCapex_USD : 0) + p.groundOperations_USD_per_yr;
  return {
    hardware_USD,
    launch_USD,
    operations_USD,
    ground_USD,
    spend_USD: hardware_USD + launch_USD + operations_USD + ground_USD,
  };
}

/** Every year's fleet and spend, with the running totals and LCOC to date. */
function lifeYears(p: Readonly<LifeParams>, co: Cohorts): LifeYear[] {
  const years: LifeYear[] = [];
  const sum = { backlog: 0, built: 0, cost: 0, compute: 0, pvCost: 0, pvCompute: 0 };
  for (let k = 0; k < p.horizon_yr; k++) {
    const f = fleetYear(p, co, k, sum.backlog);
    const s = spendYear(p, k, sum.built, f.launched, f.delivering);
    const pflopDays = f.deliveredPFLOPS * DAYS_PER_YEAR;
    const d = (1 + p.discountRate_per_yr) ** -(k + 0.5);
    sum.backlog = f.backlog;
    sum.built += f.launched;
    sum.cost += s.spend_USD;
    sum.compute += pflopDays;
    sum.pvCost += s.spend_USD * d;
    sum.pvCompute += pflopDays * d;
    years.push({
      year: k,
      built: f.launched,
      ...f,
      ...s,
      cumulative_USD: sum.cost,
      lcocYear_USD_per_PFLOP_day: pflopDays > 0 ? s.spend_USD / pflopDays : Infinity,
      lcocToDate_USD_per_PFLOP_day: sum.compute > 0 ? sum.cost / sum.compute : Infinity,
      lcocDiscountedToDate_USD_per_PFLOP_day: sum.pvCompute > 0 ? sum.pvCost / sum.pvCompute : Infinity,
    });
  }
  return years;
}

/** Year-by-year life of the constellation (see the header). */
export function constellationLife(p: Readonly<LifeParams>): LifeResult {
  checkLife(p);
  const deployment = factoryDeployment(p.deployment, p.factory_per_yr);
  const fullCapability_yr = deployment.length > 0 ? deployment[deployment.length - 1]!.time_yr : 0;
  const years = lifeYears(p, cohorts(deployment, p.horizon_yr));
  // steady state: the years after the one the first deployment ends in
  const steady = years.filter((y) => y.year > Math.floor(fullCapability_yr + EPS));
  return {
    years,
    deployment,
    fullCapability_yr,
    minDeliveredFraction: steady.length > 0 ? minOf(steady.map((y) => y.deliveredFraction)) : 0,
    peakAnnualLaunches: maxOf([0, ...years.map((y) => y.launches)]),
    replacementsPerYear: steady.length > 0 ? steady.reduce((a, y) => a + y.launched, 0) / steady.length : 0,
    total_USD: years.length > 0 ? years[years.length - 1]!.cumulative_USD : 0,
  };
}

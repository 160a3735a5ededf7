/**
 * Production learning curves: the cost of the n-th unit and the cumulative cost of a production run.
 *
 * Equations (T₁ first-unit cost, b = cost ratio per doubling, e = log₂ b ≤ 0):
 * - Unit (Crawford 1944): T(n) = T₁·n^e, total(N) = T₁·Σ_{n=1..N} n^e.
 * - Cumulative average (Wright 1936): average(N) = T₁·N^e, total(N) = T₁·N^(e+1).
 * - Expected lot: C(x) = T₁·(Σ_{n=1..⌊x⌋} n^e + (x − ⌊x⌋)·(⌊x⌋ + 1)^e).
 * Learning rates: Wright 1936 (80 %, airframes); Wertz & Larson, SMAD 3rd ed. (1999), ch. 20: 95 % below 10 units,
 * 90 % for 10–50, 85 % above 50 (`spacecraftLearningRate`).
 * Validity: 0.5 ≤ b ≤ 1, T₁ ≥ 0, units integers in [1, 1e9]. Recurring cost only, and only first-unit-class prices
 * (PRICE_CLASSES): a production-line or market price is already past a learning curve and stays off this one.
 * Derivation, evidence and costs: docs/models.md §"Production learning curves".
 */
import { nonNegative } from '../validate.js';

export type LearningFormulation = 'unit' | 'cumulative-average';

const EXACT_SUM_LIMIT = 1000;

/** e = log₂ b, the exponent of the curve. */
export function learningExponent(learningRate: number): number {
  if (!(learningRate >= 0.5 && learningRate <= 1))
    throw new RangeError(`learningRate must be in [0.5, 1], got ${learningRate}`);
  // a study prices every design on its one rate: the last rate's exponent is kept (the same double)
  if (learningRate !== lastRate) {
    lastRate = learningRate;
    lastExponent = Math.log2(learningRate);
  }
  return lastExponent;
}
let lastRate = NaN;
let lastExponent = NaN;

function unitCount(name: string, n: number, min: number): number {
  if (!(Number.isInteger(n) && n >= min && n <= 1e9))
    throw new RangeError(`${name} must be an integer in [${min}, 1e9], got ${n}`);
  return n;
}

/**
 * Partial sums Σ_{n=1..K} n^e for K = 0..EXACT_SUM_LIMIT, kept per exponent: a constellation evaluation prices every
 * shell's node on the same few curves, and re-summing 1,000 powers per call was ~3 % of the constellation study's CPU.
 * Accumulated in the same order as a plain loop, so each entry is that loop's result bit for bit.
 */
const PARTIAL_SUMS = new Map<number, Float64Array>();

function partialSums(e: number): Float64Array {
  let sums = PARTIAL_SUMS.get(e);
  if (sums !== undefined) return sums;
  sums = new Float64Array(EXACT_SUM_LIMIT + 1);
  for (let n = 1; n <= EXACT_SUM_LIMIT; n++) sums[n] = sums[n - 1]! + n ** e;
  if (PARTIAL_SUMS.size >= 64) PARTIAL_SUMS.clear(); // learning rates are a handful of design values
  PARTIAL_SUMS.set(e, sums);
  return sums;
}

/**
 * Σ_{n=1..N} n^e beyond the exact table, kept per exponent and N: a study prices every design's fleet on the same few
 * lots (the fleet size and life are study constants), and the sum is a function of (e, N) alone.
 */
const TAIL_SUMS = new Map<number, Map<number, number>>();

/** The last (e, N) asked of unitSum and its sum: a study asks the same one or two lots of every design. */
let lastSum = { e: NaN, N: NaN, sum: NaN };

/** Σ_{n=1..N} n^e (the unit curve's cumulative multiplier). */
function unitSum(e: number, N: number): number {
  if (e === lastSum.e && N === lastSum.N) return lastSum.sum;
  const sum = unitSumOf(e, N);
  lastSum = { e, N, sum };
  return sum;
}

function unitSumOf(e: number, N: number): number {
  const K = Math.min(N, EXACT_SUM_LIMIT);
  const s = partialSums(e)[K]!;
  if (N <= K) return s;
  let byN = TAIL_SUMS.get(e);
  const known = byN?.get(N);
  if (known !== undefined) return known;
  if (byN === undefined) {
    if (TAIL_SUMS.size >= 64) TAIL_SUMS.clear();
    TAIL_SUMS.set(e, (byN = new Map()));
  }
  if (byN.size >= 1024) byN.clear();
  const sum = eulerMaclaurinSum(e, N, K, s);
  byN.set(N, sum);
  return sum;
}

/** s + Σ_{n=K+1..N} n^e by Euler–Maclaurin. */
function eulerMaclaurinSum(e: number, N: number, K: number, s: number): number {
  // Euler–Maclaurin for Σ_{n=K+1..N} f(n), f(x) = x^e.
  const f = (x: number): number => x ** e;
  const f1 = (x: number): number => e * x ** (e - 1);
  const f3 = (x: number): number => e * (e - 1) * (e - 2) * x ** (e - 3);
  const integral = Math.abs(e + 1) < 1e-12 ? Math.log(N / K) : (N ** (e + 1) - K ** (e + 1)) / (e + 1);
  return s + integral + (f(N) - f(K)) / 2 + (f1(N) - f1(K)) / 12 - (f3(N) - f3(K)) / 720;
}

/** Cumulative cost multiplier of units 1..N (total/T₁). */
function cumulative(e: number, N: number, formulation: LearningFormulation): number {
  if (N === 0) return 0;
  return formulation === 'unit' ? unitSum(e, N) : N ** (e + 1);
}

export interface LearningCurveParams {
  /** Recurring cost of the first unit [$]. */
  readonly firstUnitCost_USD: number;
  /** Cost ratio per doubling of quantity, b ∈ [0.5, 1]. */
  readonly learningRate: number;
  /** Units built, N (integer ≥ 1). */
  readonly units: number;
  /** Default 'unit' (Crawford). */
  readonly formulation?: LearningFormulation | undefined;
}
export interface LearningCurveResult {
  readonly exponent: number;
  /** Cost of unit N [$]. */
  readonly lastUnitCost_USD: number;
  /** Cost of units 1..N [$]. */
  readonly total_USD: number;
  /** total/N [$]. */
  readonly average_USD: number;
  /** average/T₁ [-]. */
  readonly averageToFirstRatio: number;
}

/** Unit, cumulative and average cost of a production run of N units. */
export function learningCurve(p: Readonly<LearningCurveParams>): LearningCurveResult {
  nonNegative('firstUnitCost_USD', p.firstUnitCost_USD);
  const e = learningExponent(p.learningRate);
  const N = unitCount('units', p.units, 1);
  const form = p.formulation ?? 'unit';
  const total = cumulative(e, N, form);
  const last = form === 'unit' ? N ** e : total - cumulative(e, N - 1, form);
  return {
    exponent: e,
    lastUnitCost_USD: p.firstUnitCost_USD * last,
    total_USD: p.firstUnitCost_USD * total,
    average_USD: (p.firstUnitCost_USD * total) / N,
    averageToFirstRatio: total / N,
  };
}

export interface LotCostParams {
  readonly firstUnitCost_USD: number;
  readonly learningRate: number;
  /** First unit number of the lot (integer ≥ 1). */
  readonly fromUnit: number;
  /** Last unit number of the lot (integer ≥ fromUnit). */
  readonly toUnit: number;
  readonly formulation?: LearningFormulation | undefined;
}

/** Cost of units fromUnit..toUnit of a run [$] (a replacement batch continues the same curve). */
export function lotCost_USD(p: Readonly<LotCostParams>): number {
  nonNegative('firstUnitCost_USD', p.firstUnitCost_USD);
  const e = learningExponent(p.learningRate);
  const from = unitCount('fromUnit', p.fromUnit, 1);
  const to = unitCount('toUnit', p.toUnit, from);
  const form = p.formulation ?? 'unit';
  return p.firstUnitCost_USD * (cumulative(e, to, form) - cumulative(e, from - 1, form));
}

/** Cumulative cost multiplier of x units for a real x ≥ 0: the fraction of a unit costs that fraction of the next. */
function cumulativeReal(e: number, x: number, formulation: LearningFormulation): number {
  if (formulation !== 'unit') return x ** (e + 1);
  const whole = Math.floor(x);
  return unitSum(e, whole) + (x - whole) * (whole + 1) ** e;
}

export interface ExpectedLotParams {
  readonly firstUnitCost_USD: number;
  readonly learningRate: number;
  /** Units already built before the lot (integer ≥ 0). */
  readonly built: number;
  /** Expected units in the lot, not necessarily whole (≥ 0): e.g. an expected count of failure replacements. */
  readonly count: number;
  readonly formulation?: LearningFormulation | undefined;
}

/**
 * Cost of an expected lot continuing the curve [$]: C(built + count) − C(built), where a fractional unit costs its
 * fraction of the next whole unit (unit formulation; the cumulative-average form T₁·x^(e+1) is continuous in x).
 */
export function expectedLotCost_USD(p: Readonly<ExpectedLotParams>): number {
  nonNegative('firstUnitCost_USD', p.firstUnitCost_USD);
  const e = learningExponent(p.learningRate);
  const built = unitCount('built', p.built, 0);
  nonNegative('count', p.count);
  if (!(built + p.count <= 1e9)) throw new RangeError(`built + count must be ≤ 1e9, got ${built + p.count}`);
  const form = p.formulation ?? 'unit';
  return p.firstUnitCost_USD * (cumulativeReal(e, built + p.count, form) - cumulativeReal(e, built, form));
}

/** SMAD 3rd ed. ch. 20 rule for spacecraft: 0.95 below 10 units, 0.90 for 10–50, 0.85 above 50. */
export function spacecraftLearningRate(units: number): number {
  unitCount('units', units, 1);
  return units < 10 ? 0.95 : units <= 50 ? 0.9 : 0.85;
}

/**
 * The price class of a cost line, which says whether programme learning applies to it:
 * - first-unit: a qualified low-rate price (the first unit of a programme): on the learning curve;
 * - production: already a production-line price (e.g. Starlink-line hardware): no further learning;
 * - market: bought at market price (chips, launch, aluminium plate, propellant): off the curve; its change over time
 *   is a price trajectory (src/models/cost/priceTrajectories.ts).
 */
export const PRICE_CLASSES = ['first-unit', 'production', 'market'] as const;
export type PriceClass = (typeof PRICE_CLASSES)[number];

/**
 * Programme of the shipped node designs and the default of `economics.units`: 8,334 nodes, one gigawatt of average IT
 * at 120 kW each, the first tranche of SpaceX's filed orbital data-centre system (FCC SAT-LOA-20260108-00016; argued
 * row by row in designs/ai1.yaml).
 */
export const DEFAULT_PROGRAMME_UNITS = 8334;

/** How a fleet's hardware is priced: on its programme's learning curve, or every unit at the first-unit price. */
export const PRICINGS = ['programme', 'heritage'] as const;
export type Pricing = (typeof PRICINGS)[number];

/**
 * The learning rate of a fleet of `units`: heritage pricing 1 (every unit at the first-unit price, no learning);
 * programme pricing the given rate, or SMAD's rule for that many units (`spacecraftLearningRate`). One rate for every
 * first-unit-class line (PRICE_CLASSES): SMAD's spacecraft-level rule is the one within-programme rate cited for each
 * of them (industry-wide rates such as Li-ion's or PV's over world cumulative production are price trajectories, not a
 * programme's learning). Production-class lines and market-priced ones (chips, launch) are off the curve: their
 * declines are price trajectories (src/models/cost/priceTrajectories.ts).
 */
export function programmeLearningRate(pricing: Pricing, units: number, learningRate?: number): number {
  if (pricing === 'heritage') return 1;
  return learningRate ?? spacecraftLearningRate(units);
}

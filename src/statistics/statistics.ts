/**
 * Descriptive statistics of a sample of model outputs.
 * - Sample quantiles: definition 7 of Hyndman & Fan (1996), "Sample quantiles in statistical packages",
 *   The American Statistician 50(4):361–365: h = (n − 1)p, Q(p) = x₍⌊h⌋+1₎ + (h − ⌊h⌋)(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎).
 * - Mean with standard error s/√n, s the sample standard deviation (divisor n − 1); two-pass.
 * - Histogram: equal-width bins over [min, max], width h = 2·IQR·n^(−1/3) (Freedman & Diaconis (1981), Z.
 *   Wahrscheinlichkeitstheorie verw. Gebiete 57:453–476), else Sturges' ⌈log₂ n⌉ + 1 bins; at most `maxBins`.
 * - Empirical probability with the Wilson (1927) score interval, JASA 22(158):209–212:
 *   (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − α/2).
 * - Joint probability: the share of samples in which every event holds at once, with the same interval.
 * Assumptions: i.i.d. values (for the standard error and the interval); all values finite — NaN or ±∞ throws
 * RangeError (filter failed evaluations first).
 * Bin rules and the choice of interval: docs/algorithms.md §"Descriptive statistics".
 */
import { standardNormalQuantile } from './normal.js';

function checkFinite(values: readonly number[]): void {
  if (values.length === 0) throw new RangeError('statistics need at least one value');
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0)
    throw new RangeError(
      `values[${bad}] is ${values[bad]}: statistics need finite values (filter failed evaluations first)`,
    );
}

function checkedSorted(values: readonly number[]): number[] {
  checkFinite(values);
  return [...values].sort((a, b) => a - b);
}

/** Type-7 quantile of an already sorted, non-empty array. */
export function sortedQuantile(sorted: ArrayLike<number>, probability: number): number {
  if (!(probability >= 0 && probability <= 1))
    throw new RangeError(`probability must be in [0, 1], got ${probability}`);
  const h = (sorted.length - 1) * probability;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < sorted.length ? a + (h - lo) * (sorted[lo + 1]! - a) : a;
}

/** Sample quantiles (Hyndman & Fan type 7) at each probability in [0, 1], e.g. [0.05, 0.5, 0.95]. */
export function sampleQuantiles(
  p: Readonly<{ values: readonly number[]; probabilities: readonly number[] }>,
): number[] {
  const sorted = checkedSorted(p.values);
  return p.probabilities.map((q) => sortedQuantile(sorted, q));
}

export interface MeanEstimate {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1); 0 when n = 1. */
  readonly sd: number;
  /** sd/√n; 0 when n = 1. */
  readonly standardError: number;
}

/** Sample mean, standard deviation and standard error of the mean. */
export function meanWithStandardError(p: Readonly<{ values: readonly number[] }>): MeanEstimate {
  checkFinite(p.values);
  const n = p.values.length;
  let sum = 0;
  for (const v of p.values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of p.values) ss += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return { n, mean, sd, standardError: sd / Math.sqrt(n) };
}

export interface HistogramBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

export interface Histogram {
  readonly rule: 'freedman-diaconis' | 'sturges' | 'fixed';
  readonly binWidth: number;
  readonly bins: readonly HistogramBin[];
}

/** Equal-width histogram (Freedman–Diaconis width by default; see the header). */
export function histogram(p: Readonly<{ values: readonly number[]; binCount?: number; maxBins?: number }>): Histogram {
  const sorted = checkedSorted(p.values);
  const n = sorted.length;
  const maxBins = p.maxBins ?? 200;
  const min = sorted[0]!;
  const range = sorted[n - 1]! - min;
  let rule: Histogram['rule'];
  let count: number;
  if (p.binCount !== undefined) {
    if (!Number.isInteger(p.binCount) || p.binCount < 1)
      throw new RangeError(`binCount must be an integer >= 1, got ${p.binCount}`);
    rule = 'fixed';
    count = p.binCount;
  } else {
    const iqr = sortedQuantile(sorted, 0.75) - sortedQuantile(sorted, 0.25);
    const width = 2 * iqr * n ** (-1 / 3);
    rule = n >= 4 && width > 0 ? 'freedman-diaconis' : 'sturges';
    count = rule === 'freedman-diaconis' ? Math.ceil(range / width) : Math.ceil(Math.log2(n)) + 1;
    count = Math.min(Math.max(1, count), maxBins);
  }
  if (range === 0) return { rule, binWidth: 0, bins: [{ lower: min, upper: min, count: n }] };
  const binWidth = range / count;
  const counts = new Array<number>(count).fill(0);
  for (const v of sorted) counts[Math.min(count - 1, Math.floor((v - min) / binWidth))]! += 1;
  const bins = counts.map((c, k) => ({
    lower: min + k * binWidth,
    upper: k === count - 1 ? sorted[n - 1]! : min + (k + 1) * binWidth,
    count: c,
  }));
  return { rule, binWidth, bins };
}

export interface ProportionInterval {
  readonly successes: number;
  readonly trials: number;
  /** p̂ = successes / trials. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Two-sided confidence level, e.g. 0.95. */
  readonly confidence: number;
}

/** Wilson score interval for a binomial proportion (two-sided, default 95 %). */
export function wilsonInterval(
  p: Readonly<{ successes: number; trials: number; confidence?: number }>,
): ProportionInterval {
  const { successes: k, trials: n } = p;
  const confidence = p.confidence ?? 0.95;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`trials must be an integer >= 1, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n)
    throw new RangeError(`successes must be an integer in [0, trials = ${n}], got ${k}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const z = standardNormalQuantile(1 - (1 - confidence) / 2);
  const phat = k / n;
  const z2n = (z * z) / n;
  const centre = (phat + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((phat * (1 - phat)) / n + z2n / (4 * n));
  return {
    successes: k,
    trials: n,
    estimate: phat,
    lower: k === 0 ? 0 : Math.max(0, centre - half),
    upper: k === n ? 1 : Math.min(1, centre + half),
    confidence,
  };
}

/**
 * P(every event of a sample holds) — the joint probability, not the product of the marginals (events that share an
 * input are correlated) — with its Wilson score interval. `holds[i]` is sample i's events, or null for a sample that
 * could not be evaluated (counted as not holding, the conservative reading).
 */
export function jointProbability(
  p: Readonly<{ holds: readonly (readonly boolean[] | null)[]; confidence?: number }>,
): ProportionInterval {
  const successes = p.holds.reduce((s, row) => s + (row !== null && row.every((h) => h) ? 1 : 0), 0);
  return wilsonInterval({
    successes,
    trials: p.holds.length,
    ...(p.confidence === undefined ? {} : { confidence: p.confidence }),
  });
}

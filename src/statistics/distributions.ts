/**
 * Input distributions for uncertainty analysis: the type, its inverse CDF (`quantile`), `mean`, `variance` and a
 * short description. The types are inferred from the zod shapes in ./distributionVariants.ts; the schema with the
 * parameters' relations and the user-facing validator live in ./distributionValidation.ts.
 * Types (every parameter in the unit of the quantity it describes): uniform(min, max); triangular(min, mode, max)
 * (Kotz & van Dorp (2004), "Beyond Beta", ch. 1); normal(mean, sd), optionally truncated to [min, max] (Johnson, Kotz
 * & Balakrishnan [JKB] 1994, Continuous Univariate Distributions vol. 1, 2nd ed., ch. 13); lognormal(median, gsd):
 * ln X ~ normal(μ = ln median, σ = ln gsd), optionally truncated (JKB vol. 1 ch. 14).
 * The normal quantile is Wichura's AS 241 (1988), see ./normal.ts; lognormal = exp of a normal quantile.
 * Validity: `quantile` takes u in [0, 1]; u = 0 or 1 gives ±∞ for an unbounded side. Samplers in ./sampling.ts
 * only produce u in (0, 1). Distributions are assumed already validated (`validateDistribution`).
 * Parameter ranges, quantile and moment formulas: docs/algorithms.md §"Input distributions".
 */
import type * as z from 'zod';
import type { DeepReadonly } from '../base/deepReadonly.js';
import type { DISTRIBUTION_VARIANTS } from './distributionVariants.js';
import { standardNormalMass, standardNormalPdf, truncatedStandardNormalQuantile } from './normal.js';

/** The types are inferred from the zod shapes in ./distributionVariants.ts (type import: nothing is built here). */
type Variant<K extends keyof ReturnType<typeof DISTRIBUTION_VARIANTS>> = DeepReadonly<
  z.output<ReturnType<typeof DISTRIBUTION_VARIANTS>[K]>
>;

export type UniformDistribution = Variant<'uniform'>;
export type TriangularDistribution = Variant<'triangular'>;
/** Normal, optionally truncated to [min, max] (either bound optional). */
export type NormalDistribution = Variant<'normal'>;
/** Lognormal by median and geometric standard deviation (gsd = exp σ of ln X), optionally truncated. */
export type LognormalDistribution = Variant<'lognormal'>;
export type Distribution = UniformDistribution | TriangularDistribution | NormalDistribution | LognormalDistribution;
export type DistributionKind = Distribution['kind'];
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ['uniform', 'triangular', 'normal', 'lognormal'];

/** Standardised truncation bounds of a normal / lognormal (α, β), ±∞ when absent. */
export function standardBounds(d: NormalDistribution | LognormalDistribution): {
  readonly lo: number;
  readonly hi: number;
} {
  const [centre, scale] = d.kind === 'normal' ? [d.mean, d.sd] : [Math.log(d.median), Math.log(d.gsd)];
  const t = (x: number | undefined, absent: number): number => {
    if (x === undefined) return absent;
    return ((d.kind === 'normal' ? x : Math.log(x)) - centre) / scale; // ln 0 = −∞: a lower bound of 0 is no bound
  };
  return { lo: t(d.min, -Infinity), hi: t(d.max, Infinity) };
}

/** Inverse CDF F⁻¹(u) for u in [0, 1]. */
export function quantile(dist: Distribution, u: number): number {
  if (!(u >= 0 && u <= 1)) throw new RangeError(`quantile needs u in [0, 1], got ${u}`);
  switch (dist.kind) {
    case 'uniform':
      return dist.min + u * (dist.max - dist.min);
    case 'triangular': {
      const { min, mode, max } = dist;
      const width = max - min;
      if (u * width <= mode - min) return min + Math.sqrt(u * width * (mode - min));
      return max - Math.sqrt((1 - u) * width * (max - mode));
    }
    case 'normal': {
      const { lo, hi } = standardBounds(dist);
      return dist.mean + dist.sd * truncatedStandardNormalQuantile(lo, hi, u);
    }
    case 'lognormal': {
      const { lo, hi } = standardBounds(dist);
      return dist.median * Math.exp(Math.log(dist.gsd) * truncatedStandardNormalQuantile(lo, hi, u));
    }
  }
}

/** x·φ(x), with the limit 0 at ±∞. */
const xPdf = (x: number): number => (Number.isFinite(x) ? x * standardNormalPdf(x) : 0);

/** Mean and variance of the standard normal truncated to (lo, hi) (JKB vol. 1 ch. 13; formulas in the header). */
function truncatedStandardMoments(lo: number, hi: number): { mean: number; variance: number } {
  if (lo === -Infinity && hi === Infinity) return { mean: 0, variance: 1 };
  const mass = standardNormalMass(lo, hi);
  const m = (standardNormalPdf(lo) - standardNormalPdf(hi)) / mass;
  return { mean: m, variance: 1 + (xPdf(lo) - xPdf(hi)) / mass - m * m };
}

/** E[X^k] of a lognormal truncated to standardised log-bounds (lo, hi), k = 1 or 2. */
function lognormalRawMoment(d: LognormalDistribution, k: number, lo: number, hi: number): number {
  const mu = Math.log(d.median);
  const sigma = Math.log(d.gsd);
  const ratio =
    lo === -Infinity && hi === Infinity
      ? 1
      : standardNormalMass(lo - k * sigma, hi - k * sigma) / standardNormalMass(lo, hi);
  return Math.exp(k * mu + 0.5 * k * k * sigma * sigma) * ratio;
}

/** Expected value E[X]. */
export function mean(dist: Distribution): number {
  switch (dist.kind) {
    case 'uniform':
      return 0.5 * (dist.min + dist.max);
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'normal': {
      const { lo, hi } = standardBounds(dist);
      return dist.mean + dist.sd * truncatedStandardMoments(lo, hi).mean;
    }
    case 'lognormal': {
      const { lo, hi } = standardBounds(dist);
      return lognormalRawMoment(dist, 1, lo, hi);
    }
  }
}

/** Variance Var[X] (square of the quantity's unit). */
export function variance(dist: Distribution): number {
  switch (dist.kind) {
    case 'uniform':
      return (dist.max - dist.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'normal': {
      const { lo, hi } = standardBounds(dist);
      return dist.sd * dist.sd * truncatedStandardMoments(lo, hi).variance;
    }
    case 'lognormal': {
      const { lo, hi } = standardBounds(dist);
      if (lo === -Infinity && hi === Infinity) {
        const s2 = Math.log(dist.gsd) ** 2;
        return Math.expm1(s2) * Math.exp(2 * Math.log(dist.median) + s2);
      }
      const m1 = lognormalRawMoment(dist, 1, lo, hi);
      return Math.max(0, lognormalRawMoment(dist, 2, lo, hi) - m1 * m1);
    }
  }
}

const num = (x: number): string => String(Number(x.toPrecision(6)));

/** Short human description: "triangular(3, 5, 9)", "normal(mean 1, sd 0.5) in [0, 2]". */
export function describe(dist: Distribution): string {
  const bounds = (d: NormalDistribution | LognormalDistribution): string =>
    d.min === undefined && d.max === undefined
      ? ''
      : ` in [${d.min === undefined ? '-inf' : num(d.min)}, ${d.max === undefined ? 'inf' : num(d.max)}]`;
  switch (dist.kind) {
    case 'uniform':
      return `uniform(${num(dist.min)}, ${num(dist.max)})`;
    case 'triangular':
      return `triangular(${num(dist.min)}, ${num(dist.mode)}, ${num(dist.max)})`;
    case 'normal':
      return `normal(mean ${num(dist.mean)}, sd ${num(dist.sd)})${bounds(dist)}`;
    case 'lognormal':
      return `lognormal(median ${num(dist.median)}, gsd ${num(dist.gsd)})${bounds(dist)}`;
  }
}

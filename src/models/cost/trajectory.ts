/**
 * Price and performance trajectories over calendar years, and the year a cost ratio crosses 1 (parity).
 *
 * Method: log-linear interpolation between (year, value) points, v(y) = v₀·(v₁/v₀)^((y − y₀)/(y₁ − y₀)), held at
 * the nearest point outside them; a design's price scales by v(y)/v(y_ref). Parity: the first yearly grid year k
 * with r ≤ 1, refined linearly, y* = y_{k−1} + (r_{k−1} − 1)/(r_{k−1} − r_k); only the first crossing is reported.
 * Validity: years 1950–2100. Every ratio in words passes src/base/verdictText.ts.
 * Derivation, evidence and costs: docs/models.md §"Trajectories and the parity year".
 */
import { ratioProblem, ratioText } from '../../base/verdictText.js';

export interface TrajectoryPoint {
  readonly year: number;
  readonly value: number;
}

/** Why the points cannot form a trajectory, or undefined when they can. */
export function trajectoryProblem(points: readonly TrajectoryPoint[]): string | undefined {
  if (points.length === 0) return 'has no points: give at least one { year, value }';
  for (let i = 0; i < points.length; i++) {
    const { year, value } = points[i]!;
    if (!(Number.isFinite(value) && value > 0))
      return `point ${i} (year ${year}) has value ${value}: prices and performance must be > 0`;
    if (i > 0 && !(year > points[i - 1]!.year)) {
      return `years out of order: ${year} (point ${i}) after ${points[i - 1]!.year}: list the points in increasing year order, one per year`;
    }
  }
  return undefined;
}

/** Throws a RangeError naming the problem when the points cannot form a trajectory. */
export function checkTrajectory(name: string, points: readonly TrajectoryPoint[]): void {
  const problem = trajectoryProblem(points);
  if (problem !== undefined) throw new RangeError(`trajectory ${name === '' ? '' : `${name} `}${problem}`);
}

/** Value of the trajectory at `year` (log-linear between points, held flat outside them). */
export function trajectoryValue(points: readonly TrajectoryPoint[], year: number): number {
  checkTrajectory('', points);
  return interpolate(points, year);
}

/** trajectoryValue on points already checked (checkTrajectory). */
export function interpolate(points: readonly TrajectoryPoint[], year: number): number {
  if (!Number.isFinite(year)) throw new RangeError(`year must be finite, got ${year}`);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (year <= first.year) return first.value;
  if (year >= last.year) return last.value;
  let i = 1;
  while (points[i]!.year < year) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  const t = (year - a.year) / (b.year - a.year);
  return a.value * (b.value / a.value) ** t;
}

/** v(year)/v(referenceYear): the factor on a price stated in referenceYear. */
export function trajectoryFactor(points: readonly TrajectoryPoint[], year: number, referenceYear: number): number {
  checkTrajectory('', points);
  return interpolate(points, year) / interpolate(points, referenceYear);
}

export interface ParityParams {
  readonly fromYear: number;
  readonly toYear: number;
  /** Space / terrestrial cost per delivered unit in a year (> 0; NaN marks a year that cannot be priced). */
  readonly ratioAt: (year: number) => number;
}

export interface ParityResult {
  /** Fractional calendar year of the first crossing, or null when the ratio stays above 1 in the range. */
  readonly parityYear: number | null;
  readonly status: 'at-start' | 'crosses' | 'no-crossing';
  readonly ratioFirstYear: number;
  readonly ratioLastYear: number;
  /** The answer in words (what a report prints). */
  readonly statement: string;
}

/** Why the ratio never reaches 1 by the last year, in words (verdictText.ts formats the ratio). */
function noCrossing(y1: number, last: number): string {
  const problem = ratioProblem(last);
  if (problem !== undefined) return `in ${y1}: ${problem}`;
  return `does not reach parity by ${y1}: space costs ${ratioText(last)} the terrestrial baseline in ${y1}`;
}

/** First year the ratio falls to 1 on the yearly grid, interpolated linearly between grid years (header). */
export function parityYear(p: Readonly<ParityParams>): ParityResult {
  const { fromYear: y0, toYear: y1 } = p;
  if (!(Number.isInteger(y0) && Number.isInteger(y1)))
    throw new RangeError(`fromYear and toYear must be whole years, got ${y0} and ${y1}`);
  if (!(y1 > y0)) throw new RangeError(`the parity search range is empty: fromYear ${y0} must be before toYear ${y1}`);
  const ratios: number[] = [];
  for (let y = y0; y <= y1; y++) ratios.push(p.ratioAt(y));
  const first = ratios[0]!;
  const last = ratios[ratios.length - 1]!;
  if (first <= 1) {
    return {
      parityYear: y0,
      status: 'at-start',
      ratioFirstYear: first,
      ratioLastYear: last,
      statement: ratioProblem(first) ?? `at parity or cheaper already in ${y0} (space/ground ${ratioText(first)})`,
    };
  }
  for (let k = 1; k < ratios.length; k++) {
    const rk = ratios[k]!;
    if (rk <= 1) {
      const prev = ratios[k - 1]!;
      // a year that could not be priced (NaN) before the crossing: the crossing is placed at the grid year itself
      const year = Number.isFinite(prev) && Number.isFinite(rk) ? y0 + k - 1 + (prev - 1) / (prev - rk) : y0 + k;
      return {
        parityYear: year,
        status: 'crosses',
        ratioFirstYear: first,
        ratioLastYear: last,
        statement: `parity in ${year.toFixed(1)}`,
      };
    }
  }
  return {
    parityYear: null,
    status: 'no-crossing',
    ratioFirstYear: first,
    ratioLastYear: last,
    statement: noCrossing(y1, last),
  };
}

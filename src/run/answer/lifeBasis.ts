/**
 * The life table on the verdict's basis: beside the constellation's LCOC to date (src/constellation/economics/life.ts,
 * undiscounted and discounted at the node's economics.discountRate_per_yr, flows at mid-year), the ground's LCOC to
 * date on the same chip trajectory, and their ratio, so that a reader compares like with like.
 * Method: year k's delivered PFLOP-days E_k bought on the ground at g_k, the verdict scenario's discounted LCOC of a
 * data centre built in year k (its chips at that year's price and performance: src/node/stages/parity.ts
 * groundLcoc, the shells' chips weighted as the verdict's, ../budget/constellationParity.ts); ground to date
 * G_K = Σ_{k≤K} d_k·E_k·g_k / Σ_{k≤K} d_k·E_k with d_k = (1 + r)^−(k+½), the space side's discounting.
 * Assumption: the ground refreshes its chips every year while the constellation renews at each design life, so the
 * ground's figure is its cheapest on that trajectory (a ratio above 1 stays above 1 with a slower ground refresh).
 * Parity read from the table: the first year the discounted ratio to date is ≤ 1, null when none by the horizon.
 * Beside it each year's verdict ratio: one generation priced at that year's factors against the ground built that
 * year (./constellationParity.ts), the ratio the verdict and its parity year read.
 */
import { DAY_s, JULIAN_YEAR_s } from '../../base/constants.js';
import type { ConstellationSpec } from '../../constellation/design/compile.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import { priceFactorSeries } from '../../models/cost/priceTrajectories.js';
import { constellationParity, groundAtFactors, spaceOf } from './constellationParity.js';

const DAYS_PER_YEAR = JULIAN_YEAR_s / DAY_s;

export interface LifeBasisYear {
  /** The ground's discounted LCOC of a data centre built this year [USD/PFLOP-day]. */
  readonly groundYear_USD_per_PFLOP_day: number;
  /** Ground to date, discounted as the space side [USD/PFLOP-day]; null before any compute. */
  readonly groundToDate_USD_per_PFLOP_day: number | null;
  /** Space (discounted, to date) / ground (to date); null before any compute. */
  readonly ratioToDate: number | null;
  /** The verdict's ratio that year: a generation built that year / the ground built that year; null unpriced. */
  readonly verdictRatio?: number | null;
}

export interface LifeBasis {
  readonly baseline: string;
  readonly discountRate_per_yr: number;
  readonly years: readonly LifeBasisYear[];
  /** First calendar year the discounted ratio to date is ≤ 1; null when none by the horizon. */
  readonly parityYear: number | null;
  /** The verdict's parity (../budget/constellationParity.ts): its statement and year; null when it has none. */
  readonly verdictParity: { readonly statement: string; readonly year: number | null } | null;
}

/** Ground to date and space/ground to date for each year (see the header); `ground[k]` is g_k. */
export function groundToDate(
  years: readonly {
    readonly deliveredPFLOPS: number;
    readonly lcocDiscountedToDate_USD_per_PFLOP_day: number | null;
  }[],
  ground: readonly number[],
  discountRate_per_yr: number,
): LifeBasisYear[] {
  let cost = 0;
  let compute = 0;
  return years.map((y, k) => {
    const weight = (1 + discountRate_per_yr) ** -(k + 0.5) * y.deliveredPFLOPS * DAYS_PER_YEAR;
    cost += weight * ground[k]!;
    compute += weight;
    const g = compute > 0 ? cost / compute : null;
    const space = y.lcocDiscountedToDate_USD_per_PFLOP_day;
    return {
      groundYear_USD_per_PFLOP_day: ground[k]!,
      groundToDate_USD_per_PFLOP_day: g,
      ratioToDate: g !== null && space !== null ? space / g : null,
    };
  });
}

function verdictParityOf(
  spec: ConstellationSpec,
  r: ConstellationRecord,
  baseline: string,
): LifeBasis['verdictParity'] {
  const p = constellationParity(spec, r, baseline);
  return p === null ? null : { statement: p.statement, year: p.parityYear };
}

/** The life against the verdict's ground (the first shell's node economics.baseline), year by year. */
export function lifeBasis(spec: ConstellationSpec, r: ConstellationRecord): LifeBasis | null {
  const node = spec.shells[0]!.node;
  const baseline = node.economics.baseline;
  const at = groundAtFactors(spec, r, baseline);
  if (at === null) return null;
  const t = node.economics.trajectories;
  const factors = priceFactorSeries(
    t,
    r.life.years.map((y) => y.year),
    t.referenceYear,
  );
  const rate = node.economics.discountRate_per_yr;
  const space = spaceOf(spec, r);
  const verdictRatio = (f: (typeof factors)[number]): number | null => {
    try {
      return space(f) / at(f);
    } catch (e) {
      if (e instanceof RangeError) return null;
      throw e;
    }
  };
  const years = groundToDate(r.life.years, factors.map(at), rate).map((y, k) => ({
    ...y,
    verdictRatio: verdictRatio(factors[k]!),
  }));
  const first = years.findIndex((y) => y.ratioToDate !== null && y.ratioToDate <= 1);
  return {
    baseline,
    discountRate_per_yr: rate,
    years,
    parityYear: first < 0 ? null : r.life.years[first]!.year,
    verdictParity: verdictParityOf(spec, r, baseline),
  };
}

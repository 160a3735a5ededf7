/**
 * The life table on the verdict's basis, over a two-year toy constellation worked by hand: its discounted LCOC to
 * date, the ground's on the same chip trajectory (each year's PFLOP-days at the LCOC of a data centre built that
 * year, discounted alike), their ratio, parity read from the table, and the table's named columns.
 * Bugs it catches: the ground left at today's price, a ground to date undiscounted against a discounted space figure,
 * a ratio of undiscounted space to discounted ground, a table that drops the basis or the "expected" labels.
 */
import { describe, expect, it } from 'vitest';
import { constellationLife } from '../../../src/constellation/economics/life.js';
import {
  LIFE_RATIO_TO_DATE,
  LIFE_RATIO_VERDICT,
  lifeTable,
} from '../../../src/report/constellation/constellationLife.js';
import { groundToDate, type LifeBasis } from '../../../src/run/answer/lifeBasis.js';
import { lifeBasisNote } from '../../../src/report/constellation/constellationLife.js';

/** Days of a Julian year (IAU): delivered PFLOPS × days = PFLOP-days. */
const DAYS = 365.25;
const r = 0.1;

/**
 * 10 satellites reach orbit at t = 0.5 yr, no failures, a 10-year life, 2 PFLOPS each; each built for $1M of hardware
 * off the learning curve and launched for $1M, nothing else spent. Year 0: 10 × 0.5 = 5 satellite-years → a mean of
 * 10 PFLOPS, $20M spent; year 1: 20 PFLOPS, nothing spent.
 */
const life = constellationLife({
  satellites: 10,
  deployment: [
    { time_yr: 0, satellites: 0 },
    { time_yr: 0.5, satellites: 10 },
  ],
  launchCapacity_per_yr: 100,
  satellitesPerLaunch: 10,
  factory_per_yr: Infinity,
  designLife_yr: 10,
  failureRate_per_yr: 0,
  policy: 'replace-on-failure',
  horizon_yr: 2,
  deliveredPFLOPS_per_satellite: 2,
  itPower_W_per_satellite: 100e3,
  learningRate: 0.9,
  prices: [0, 1].map(() => ({ learning_USD: 0, offCurve_USD: 1e6, launch_USD: 1e6, performance: 1 })),
  operations_USD_per_satellite_yr: 0,
  groundCapex_USD: 0,
  groundOperations_USD_per_yr: 0,
  discountRate_per_yr: r,
});

describe('the life table against the ground on the same trajectory', () => {
  it('recomputes a two-year toy constellation by hand', () => {
    const d0 = (1 + r) ** -0.5;
    const d1 = (1 + r) ** -1.5;
    const [e0, e1] = [10 * DAYS, 20 * DAYS];
    expect(life.years.map((y) => y.deliveredPFLOPS)).toEqual([expect.closeTo(10, 9), expect.closeTo(20, 9)]);
    expect(life.years.map((y) => y.spend_USD)).toEqual([expect.closeTo(20e6, 3), 0]);
    const space = [20e6 / e0, (20e6 * d0) / (d0 * e0 + d1 * e1)];
    expect(life.years[1]!.lcocToDate_USD_per_PFLOP_day).toBeCloseTo(20e6 / (e0 + e1), 6);
    expect(life.years[1]!.lcocDiscountedToDate_USD_per_PFLOP_day).toBeCloseTo(space[1]!, 6);
    // the ground's LCOC of a data centre built in 2030 and 2031: its chips cheaper the second year
    const g = [3000, 1000];
    const years = groundToDate(life.years, g, r);
    const ground1 = (d0 * e0 * 3000 + d1 * e1 * 1000) / (d0 * e0 + d1 * e1);
    expect(years.map((y) => y.groundToDate_USD_per_PFLOP_day)).toEqual([
      expect.closeTo(3000, 9),
      expect.closeTo(ground1, 9),
    ]);
    expect(years.map((y) => y.ratioToDate)).toEqual([
      expect.closeTo(space[0]! / 3000, 9),
      expect.closeTo(space[1]! / ground1, 9),
    ]);
    // space 5,476 → 2,101 USD/PFLOP-day to date, ground 3,000 → 1,433: no parity by the horizon, read from the table
    expect(years[1]!.ratioToDate).toBeGreaterThan(1);
  });

  it('names its basis, its expected values, means and end-of-year counts', () => {
    const years = groundToDate(life.years, [3000, 1000], r);
    const basis: LifeBasis = {
      baseline: 'hyperscale-virginia',
      discountRate_per_yr: r,
      years,
      parityYear: null,
      verdictParity: { statement: 'does not reach parity by 2045', year: null },
    };
    const table = lifeTable({ ...life, years: life.years.map((y, k) => ({ ...y, year: 2030 + k })) } as never, basis);
    // expected values, means and end-of-year counts named; both bases and the ground beside them
    for (const h of [
      'launched (expected)',
      'launches (expected)',
      'failed (expected)',
      'in orbit (end of year)',
      'delivering (mean over the year)',
      'LCOC to date, undiscounted [USD/PFLOP-day]',
      "LCOC to date, discounted at 10 % (the verdict's basis) [USD/PFLOP-day]",
      'ground (hyperscale-virginia) to date, same chip trajectory, discounted [USD/PFLOP-day]',
    ])
      expect(table.headers).toContain(h);
    // the two ratios side by side right after the year, each saying what it compares
    expect(table.headers.slice(0, 3)).toEqual(['year', LIFE_RATIO_TO_DATE, LIFE_RATIO_VERDICT]);
    // the last row: 2031, its ratio to date as worked above; no verdict ratio given here: a dash
    expect(table.rows[1]![0]).toBe('2031');
    expect(Number(table.rows[1]![1])).toBeCloseTo(years[1]!.ratioToDate!, 1);
    expect(table.rows[1]![2]).toBe('–');
    const withVerdict = lifeTable({ ...life, years: life.years.map((y, k) => ({ ...y, year: 2030 + k })) } as never, {
      ...basis,
      years: years.map((y) => ({ ...y, verdictRatio: 6.5 })),
    });
    expect(withVerdict.rows[1]![2]).toBe('6.5');
    const note = lifeBasisNote(basis, 2031);
    expect(note).toContain('parity read from the table: none by 2031');
    expect(note).toContain("the verdict's: does not reach parity by 2045. They agree");
    expect(lifeBasisNote({ ...basis, verdictParity: { statement: 'parity in 2031.5', year: 2031.5 } }, 2031)).toContain(
      'They differ',
    );
  });
});

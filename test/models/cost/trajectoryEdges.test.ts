/**
 * Edges of src/models/cost/trajectory.ts (log-linear interpolation over several points, the parity search's ties and
 * unpriceable years, its refusals) and src/models/cost/priceTrajectories.ts (every factor from its own trajectory, the
 * flat defaults with their sources). Expectations are hand calculations written next to each case.
 */
import { describe, expect, it } from 'vitest';
import {
  checkTrajectory,
  interpolate,
  parityYear,
  trajectoryProblem,
  trajectoryValue,
  type TrajectoryPoint,
} from '../../../src/models/cost/trajectory.js';
import {
  DEFAULT_PRICE_TRAJECTORIES,
  PERF_PER_WATT_DOUBLING_yr,
  priceFactorSeries,
  priceFactors,
  TRAJECTORY_KEYS,
  type PriceTrajectories,
} from '../../../src/models/cost/priceTrajectories.js';

const pts = (...p: [number, number][]): TrajectoryPoint[] => p.map(([year, value]) => ({ year, value }));

describe('trajectoryValue over several points', () => {
  const three = pts([2020, 100], [2030, 400], [2040, 100]);
  it('log-linear inside each interval, exact at the middle point', () => {
    // 2025: √(100·400) = 200; 2035: √(400·100) = 200; 2032.5: 400·(1/4)^(1/4) = 282.84
    expect(trajectoryValue(three, 2025)).toBeCloseTo(200, 12);
    expect(trajectoryValue(three, 2035)).toBeCloseTo(200, 12);
    expect(trajectoryValue(three, 2030)).toBe(400);
    expect(trajectoryValue(three, 2032.5)).toBeCloseTo(400 * 0.25 ** 0.25, 12);
    expect(trajectoryValue(three, 2040)).toBe(100);
    expect(trajectoryValue(three, 2020)).toBe(100);
  });

  it('a single point is a constant; a non-finite year is refused', () => {
    expect(trajectoryValue(pts([2026, 30]), 1990)).toBe(30);
    expect(trajectoryValue(pts([2026, 30]), 2090)).toBe(30);
    expect(() => interpolate(three, Number.NaN)).toThrow(/year must be finite, got NaN/);
    expect(() => interpolate(three, Infinity)).toThrow(RangeError);
  });

  it('values must be finite and > 0, and the error names the trajectory', () => {
    expect(trajectoryProblem(pts([2030, 0]))).toMatch(/point 0 \(year 2030\) has value 0/);
    expect(trajectoryProblem(pts([2030, 1], [2031, Infinity]))).toMatch(/point 1 \(year 2031\) has value Infinity/);
    expect(trajectoryProblem(pts([2030, Number.NaN]))).toMatch(/has value NaN/);
    expect(() => checkTrajectory('launch', [])).toThrow(
      new RangeError('trajectory launch has no points: give at least one { year, value }'),
    );
    expect(() => checkTrajectory('launch', pts([2030, 1], [2031, 2]))).not.toThrow();
    // an unnamed trajectory: one space between the word and the problem, not two
    expect(() => trajectoryValue([], 2030)).toThrow(
      new RangeError('trajectory has no points: give at least one { year, value }'),
    );
    expect(() => trajectoryValue(pts([2031, 1], [2030, 2]), 2030)).toThrow(
      /years out of order: 2030 \(point 1\) after 2031: list the points in increasing year order, one per year/,
    );
  });
});

describe('parityYear edges', () => {
  it('a ratio of exactly 1 in the first year is parity at the start', () => {
    const r = parityYear({ fromYear: 2026, toYear: 2028, ratioAt: (y) => [1, 0.8, 0.6][y - 2026]! });
    expect(r).toMatchObject({ parityYear: 2026, status: 'at-start', ratioFirstYear: 1, ratioLastYear: 0.6 });
    expect(r.statement).toBe('at parity or cheaper already in 2026 (ratio 1.00)');
  });

  it('a ratio of exactly 1 in a later year is parity in that grid year (interpolation gives k exactly)', () => {
    // ratios 3, 2, 1: crossing between 2027 and 2028 at 2027 + (2 − 1)/(2 − 1) = 2028
    const r = parityYear({ fromYear: 2026, toYear: 2030, ratioAt: (y) => Math.max(0.5, 2029 - y) });
    expect(r.parityYear).toBe(2028);
    expect(r.status).toBe('crosses');
    expect(r.ratioLastYear).toBe(0.5);
  });

  it('a crossing in the very last year is found (the grid includes toYear)', () => {
    // ratios 1.5, 1.2, 0.9 in 2026–2028: between 2027 and 2028 at 2027 + 0.2/0.3 = 2027.667
    const r = parityYear({ fromYear: 2026, toYear: 2028, ratioAt: (y) => [1.5, 1.2, 0.9][y - 2026]! });
    expect(r.parityYear).toBeCloseTo(2027 + 0.2 / 0.3, 12);
    expect(r.statement).toBe('parity in 2027.7');
  });

  it('an unpriceable year (NaN) just before the crossing places it at the grid year', () => {
    const r = parityYear({ fromYear: 2026, toYear: 2030, ratioAt: (y) => [2, Number.NaN, 0.5, 0.4, 0.3][y - 2026]! });
    expect(r.parityYear).toBe(2028);
    expect(r.status).toBe('crosses');
  });

  it('no crossing with an unpriceable last year says so without a number', () => {
    const r = parityYear({ fromYear: 2026, toYear: 2027, ratioAt: (y) => (y === 2026 ? 3 : Number.NaN) });
    expect(r.status).toBe('no-crossing');
    expect(r.ratioFirstYear).toBe(3);
    expect(r.statement).toBe('does not reach parity by 2027: space costs NaN× the terrestrial baseline in 2027');
  });

  it('refuses fractional years by name', () => {
    expect(() => parityYear({ fromYear: 2026.5, toYear: 2030, ratioAt: () => 2 })).toThrow(
      /fromYear and toYear must be whole years, got 2026.5 and 2030/,
    );
    expect(() => parityYear({ fromYear: 2026, toYear: 2030.5, ratioAt: () => 2 })).toThrow(/whole years/);
  });
});

describe('price factors: each from its own trajectory', () => {
  // Each trajectory doubles (or halves) over a different span from 2030, so a swapped field shows.
  const custom: PriceTrajectories = {
    launchPrice_USD_per_kg: pts([2030, 1000], [2032, 500]),
    chipPerformancePerWatt_TFLOPS_per_W: pts([2030, 1], [2032, 4]),
    chipPricePerformance_TFLOPS_per_USD: pts([2030, 1], [2032, 16]),
    arrayPrice_USD_per_W: pts([2030, 30], [2032, 15 / 2]),
    radiatorPrice_USD_per_m2: pts([2030, 20000], [2032, 2000]),
    electricity_USD_per_kWh: pts([2030, 0.1], [2032, 0.2]),
    terrestrialCapex_USD_per_W: pts([2030, 10], [2032, 30]),
  };
  it('factors in 2032 against 2030 are the ratios of the end points; a chip costs perf/W gain over TFLOPS/$ gain', () => {
    const f = priceFactors(custom, 2032, 2030);
    expect(f.launch).toBeCloseTo(0.5, 12);
    expect(f.performance).toBeCloseTo(4, 12);
    expect(f.chip).toBeCloseTo(4 / 16, 12);
    expect(f.array).toBeCloseTo(0.25, 12);
    expect(f.radiator).toBeCloseTo(0.1, 12);
    expect(f.electricity).toBeCloseTo(2, 12);
    expect(f.terrestrialCapex).toBeCloseTo(3, 12);
  });

  it('a series gives one set per year, each against the reference year (2031 = geometric midpoint)', () => {
    const [a, b] = priceFactorSeries(custom, [2031, 2030], 2032);
    // 2031 vs 2032: launch √(1000·500)/500 = √2; electricity √(0.02)/0.2 = 1/√2
    expect(a!.launch).toBeCloseTo(Math.SQRT2, 12);
    expect(a!.electricity).toBeCloseTo(Math.SQRT1_2, 12);
    expect(b!.terrestrialCapex).toBeCloseTo(1 / 3, 12);
    expect(b!.radiator).toBeCloseTo(10, 12);
  });

  it('a bad trajectory is refused by its key', () => {
    for (const key of TRAJECTORY_KEYS)
      expect(() => priceFactors({ ...custom, [key]: [] }, 2031, 2030)).toThrow(`trajectory ${key} has no points`);
  });
});

describe('default trajectories (sources in src/models/cost/priceTrajectories.ts)', () => {
  const d = DEFAULT_PRICE_TRAJECTORIES;
  it('held flat: array $30/W, radiator $20,000/m², electricity 8.92 ¢/kWh (EIA 2023), capex $11.7/W', () => {
    for (const y of [2020, 2030, 2045]) {
      expect(trajectoryValue(d.arrayPrice_USD_per_W, y)).toBe(30);
      expect(trajectoryValue(d.radiatorPrice_USD_per_m2, y)).toBe(20000);
      expect(trajectoryValue(d.electricity_USD_per_kWh, y)).toBe(0.0892);
      expect(trajectoryValue(d.terrestrialCapex_USD_per_W, y)).toBe(11.7);
    }
  });

  it('perf/W: H100 989/700 TFLOPS/W in 2022, B200 2.25 in 2024, doubling every 2·ln 2/ln(2.25/1.4129) = 2.979 yr', () => {
    const t = d.chipPerformancePerWatt_TFLOPS_per_W;
    expect(trajectoryValue(t, 2022)).toBeCloseTo(1.412857, 6);
    expect(trajectoryValue(t, 2024)).toBe(2.25);
    expect(PERF_PER_WATT_DOUBLING_yr).toBeCloseTo(2.9793, 4);
    // the trend continues at the same rate to 2045: 2.25 × 2^(21/2.9793)
    expect(trajectoryValue(t, 2045)).toBeCloseTo(2.25 * 2 ** (21 / PERF_PER_WATT_DOUBLING_yr), 9);
    expect(trajectoryValue(t, 2045) / trajectoryValue(t, 2024 + PERF_PER_WATT_DOUBLING_yr)).toBeCloseTo(
      2 ** (21 / PERF_PER_WATT_DOUBLING_yr - 1),
      9,
    );
  });

  it('TFLOPS per USD: H100 989 TFLOPS for $40,000 in 2022 (0.024725), held after 2045', () => {
    const t = d.chipPricePerformance_TFLOPS_per_USD;
    expect(trajectoryValue(t, 2022)).toBeCloseTo(0.024725, 9);
    expect(trajectoryValue(t, 2050)).toBeCloseTo(0.024725 * 2 ** (23 / 2.07), 9);
  });

  it('launch $900/kg in 2026 to $200/kg in 2035: 2030.5 is the geometric midpoint $424/kg', () => {
    expect(trajectoryValue(d.launchPrice_USD_per_kg, 2030.5)).toBeCloseTo(Math.sqrt(900 * 200), 9);
  });
});

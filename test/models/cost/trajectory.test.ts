import { describe, expect, it } from 'vitest';
import {
  parityYear,
  trajectoryFactor,
  trajectoryProblem,
  trajectoryValue,
  type TrajectoryPoint,
} from '../../../src/models/cost/trajectory.js';
import {
  DEFAULT_PRICE_TRAJECTORIES,
  priceFactors,
  PRICE_PERFORMANCE_DOUBLING_yr,
} from '../../../src/models/cost/priceTrajectories.js';

describe('trajectories', () => {
  const launch: TrajectoryPoint[] = [
    { year: 2030, value: 400 },
    { year: 2032, value: 100 },
  ];

  it('interpolates log-linearly between points and holds flat outside them', () => {
    // Halfway in years between 400 and 100 is the geometric mean, 200.
    expect(trajectoryValue(launch, 2031)).toBeCloseTo(200, 12);
    expect(trajectoryValue(launch, 2030.5)).toBeCloseTo(400 * 0.25 ** 0.25, 12);
    expect(trajectoryValue(launch, 2020)).toBe(400);
    expect(trajectoryValue(launch, 2040)).toBe(100);
    expect(trajectoryFactor(launch, 2032, 2030)).toBeCloseTo(0.25, 12);
  });

  it('names the problem of a bad trajectory', () => {
    expect(trajectoryProblem([])).toMatch(/no points/);
    expect(
      trajectoryProblem([
        { year: 2035, value: 1 },
        { year: 2030, value: 2 },
      ]),
    ).toMatch(/years out of order: 2030 \(point 1\) after 2035/);
    expect(
      trajectoryProblem([
        { year: 2030, value: 1 },
        { year: 2030, value: 2 },
      ]),
    ).toMatch(/years out of order/);
    expect(trajectoryProblem([{ year: 2030, value: -5 }])).toMatch(/value -5: prices and performance must be > 0/);
    expect(trajectoryProblem(launch)).toBeUndefined();
  });

  it('parity year by hand on a two-trajectory case', () => {
    // Space cost = 100 + launch(y), launch 400 (2030) → 100 (2032) log-linear: 500, 300, 200 in 2030, 2031, 2032.
    // Ground cost = electricity(y), 160 (2030) → 360 (2032) log-linear: 160, 240, 360.
    // Ratios 3.125, 1.25, 0.5556: crossing between 2031 and 2032 at 2031 + (1.25 − 1)/(1.25 − 5/9) = 2031.36.
    const elec: TrajectoryPoint[] = [
      { year: 2030, value: 160 },
      { year: 2032, value: 360 },
    ];
    const ratioAt = (y: number) => (100 + trajectoryValue(launch, y)) / trajectoryValue(elec, y);
    const r = parityYear({ fromYear: 2030, toYear: 2035, ratioAt });
    expect(r.status).toBe('crosses');
    expect(r.parityYear).toBeCloseTo(2031 + 0.25 / (1.25 - 5 / 9), 9);
    expect(r.ratioFirstYear).toBeCloseTo(3.125, 12);
    expect(r.statement).toBe('parity in 2031.4');
  });

  it('says when the ratio does not cross in range, and when it is already below 1', () => {
    const never = parityYear({ fromYear: 2026, toYear: 2030, ratioAt: () => 2 });
    expect(never.parityYear).toBeNull();
    expect(never.status).toBe('no-crossing');
    expect(never.statement).toMatch(
      /does not reach parity by 2030: space costs 2\.00× the terrestrial baseline in 2030/,
    );
    const already = parityYear({ fromYear: 2026, toYear: 2030, ratioAt: () => 0.5 });
    expect(already.parityYear).toBe(2026);
    expect(already.status).toBe('at-start');
  });

  it('a cheaper launch never delays parity (monotone in the launch price)', () => {
    const elec: TrajectoryPoint[] = [{ year: 2026, value: 100 }];
    const launchPath: TrajectoryPoint[] = [
      { year: 2026, value: 900 },
      { year: 2035, value: 200 },
    ];
    const yearFor = (scale: number) =>
      parityYear({
        fromYear: 2026,
        toYear: 2045,
        ratioAt: (y) => (60 + scale * trajectoryValue(launchPath, y)) / trajectoryValue(elec, y) / 2,
      }).parityYear ?? Infinity;
    const years = [1, 0.9, 0.75, 0.5, 0.3].map(yearFor);
    for (let i = 1; i < years.length; i++) expect(years[i]!).toBeLessThanOrEqual(years[i - 1]!);
    // scale 1 never crosses ((60 + 200)/200 = 1.3 in 2035); scale 0.3 does ((60 + 60)/200 = 0.6).
    expect(years[0]).toBe(Infinity);
    expect(years[4]).toBeLessThan(2036);
  });

  it('refuses an empty search range', () => {
    expect(() => parityYear({ fromYear: 2040, toYear: 2030, ratioAt: () => 1 })).toThrow(
      /parity search range is empty/,
    );
    expect(() => parityYear({ fromYear: 2030, toYear: 2030, ratioAt: () => 1 })).toThrow(
      /parity search range is empty/,
    );
  });
});

describe('default price trajectories', () => {
  it('launch falls from $900/kg (2026) to $200/kg (2035) and holds', () => {
    expect(trajectoryValue(DEFAULT_PRICE_TRAJECTORIES.launchPrice_USD_per_kg, 2026)).toBe(900);
    expect(trajectoryValue(DEFAULT_PRICE_TRAJECTORIES.launchPrice_USD_per_kg, 2040)).toBe(200);
  });

  it('chip price-performance doubles every 2.07 years (Epoch AI 2022) and the factors are 1 in the reference year', () => {
    const t = DEFAULT_PRICE_TRAJECTORIES.chipPricePerformance_TFLOPS_per_USD;
    expect(trajectoryValue(t, 2022 + PRICE_PERFORMANCE_DOUBLING_yr) / trajectoryValue(t, 2022)).toBeCloseTo(2, 9);
    const f = priceFactors(DEFAULT_PRICE_TRAJECTORIES, 2026, 2026);
    for (const v of Object.values(f)) expect(v).toBeCloseTo(1, 12);
  });

  it('a chip of the same power class costs (perf/W gain)/(price-performance gain) as much', () => {
    const f = priceFactors(DEFAULT_PRICE_TRAJECTORIES, 2030, 2026);
    const pw = trajectoryFactor(DEFAULT_PRICE_TRAJECTORIES.chipPerformancePerWatt_TFLOPS_per_W, 2030, 2026);
    const pp = trajectoryFactor(DEFAULT_PRICE_TRAJECTORIES.chipPricePerformance_TFLOPS_per_USD, 2030, 2026);
    expect(f.performance).toBeCloseTo(pw, 12);
    expect(f.chip).toBeCloseTo(pw / pp, 12);
    // Both trends are exponential from 2024/2022 on: perf/W doubles in 2.98 yr, TFLOPS/$ in 2.07 yr → chip price ×
    // 2^(4/2.98 − 4/2.07).
    expect(f.chip).toBeCloseTo(2 ** (4 / 2.9793 - 4 / 2.07), 3);
  });
});

import { describe, expect, it } from 'vitest';
import {
  parityYear,
  trajectoryFactor,
  trajectoryProblem,
  trajectoryValue,
  type TrajectoryPoint,
  checkTrajectory,
  interpolate,
} from '../../../src/models/cost/trajectory.js';
import {
  DEFAULT_PRICE_TRAJECTORIES,
  priceFactors,
  PRICE_PERFORMANCE_DOUBLING_yr,
  PERF_PER_WATT_DOUBLING_yr,
  priceFactorSeries,
  TRAJECTORY_KEYS,
  type PriceTrajectories,
} from '../../../src/models/cost/priceTrajectories.js';
import { differentialElements } from '../../../src/models/orbit/relativeMotion.js';
import { EARTH_RADIUS_m } from '../../helpers/constants.js';

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
    expect(never.statement).toMatch(/does not reach parity by 2030: space costs 2× the terrestrial baseline in 2030/);
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

describe('edges', () => {
  /**
   * Edges of src/models/cost/trajectory.ts (log-linear interpolation over several points, the parity search's ties and
   * unpriceable years, its refusals) and src/models/cost/priceTrajectories.ts (every factor from its own trajectory,
   * the flat defaults with their sources). Expectations are hand calculations written next to each case.
   */
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
      expect(r.statement).toBe('at parity or cheaper already in 2026 (space/ground 1×)');
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
      expect(r.statement).toBe(
        'in 2027: cost per delivered unit cannot be formed (an undefined cost or compute): no verdict',
      );
    });

    it('an unbounded ratio (no compute, or a 1e308 price trajectory) is a sentence, never "Infinity×"', () => {
      const never = parityYear({ fromYear: 2026, toYear: 2028, ratioAt: () => Infinity });
      expect(never.status).toBe('no-crossing');
      expect(never.statement).toBe(
        'in 2028: no compute delivered for a finite cost (or a cost beyond any finite figure): no parity',
      );
      // a ratio that starts unbounded and falls below 1 still crosses (at the grid year: no interpolation from ∞)
      const late = parityYear({ fromYear: 2026, toYear: 2028, ratioAt: (y) => (y < 2028 ? Infinity : 0.5) });
      expect(late.parityYear).toBe(2028);
      expect(late.statement).toBe('parity in 2028.0');
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
      busPrice_USD_per_kg: pts([2030, 5000], [2032, 5000 / 5]),
      batteryPrice_USD_per_Wh: pts([2030, 0.1], [2032, 0.1 / 6]),
      islPrice_USD_per_terminal: pts([2030, 3e5], [2032, 3e5 / 7]),
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
      expect(f.bus).toBeCloseTo(1 / 5, 12);
      expect(f.battery).toBeCloseTo(1 / 6, 12);
      expect(f.isl).toBeCloseTo(1 / 7, 12);
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
    it('held flat: electricity 8.92 ¢/kWh (EIA 2023), capex $11.7/W', () => {
      for (const y of [2020, 2030, 2045]) {
        expect(trajectoryValue(d.electricity_USD_per_kWh, y)).toBe(0.0892);
        expect(trajectoryValue(d.terrestrialCapex_USD_per_W, y)).toBe(11.7);
      }
    });

    it("spacecraft hardware at Starlink's $32/W → $22/W in 4 yr: −8.9 %/yr from 2026 to 2035, then held", () => {
      // Hand: (22/32)^(1/4) = 0.687 5^0.25 = 0.910 58 per year; over 2026–2035 (9 yr) 0.910 58^9 = 0.430 4.
      const perYear = 0.6875 ** 0.25;
      expect(perYear).toBeCloseTo(0.91058, 5);
      for (const [key, level] of [
        ['arrayPrice_USD_per_W', 30],
        ['radiatorPrice_USD_per_m2', 20000],
        ['busPrice_USD_per_kg', 5000],
        ['islPrice_USD_per_terminal', 300000],
      ] as const) {
        expect(trajectoryValue(d[key], 2026)).toBe(level);
        expect(trajectoryValue(d[key], 2027) / level).toBeCloseTo(0.91058, 5);
        expect(trajectoryValue(d[key], 2035) / level).toBeCloseTo(0.4304, 4);
        expect(trajectoryValue(d[key], 2045)).toBe(trajectoryValue(d[key], 2035));
      }
      // the factor on a design priced in 2026, in 2030: 0.910 58^4 = 0.687 5 (exactly 22/32)
      const f = priceFactors(d, 2030, 2026);
      for (const x of [f.array, f.radiator, f.bus, f.isl]) expect(x).toBeCloseTo(22 / 32, 12);
    });

    it('battery at BloombergNEF pack prices: $115/kWh (2024) to $69/kWh (2030), then held', () => {
      // Hand: 2026 = 115 × (69/115)^(2/6) = 115 × 0.843 4 = 97.0 $/kWh; factor 2030 vs 2026 = 69/97.0 = 0.711 4
      expect(trajectoryValue(d.batteryPrice_USD_per_Wh, 2026) * 1000).toBeCloseTo(96.99, 2);
      expect(priceFactors(d, 2030, 2026).battery).toBeCloseTo(0.7114, 4);
      expect(priceFactors(d, 2045, 2026).battery).toBeCloseTo(0.7114, 4);
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
});

describe('joins', () => {
  /**
   * Survivors of the first mutation run over trajectory.ts, priceTrajectories.ts and relativeMotion.ts: a parity ratio
   * of exactly 1 in the last year, the refusal of a bad trajectory under each price key (written out here, not read
   * from the module), the unnamed trajectory in the messages of trajectoryValue and trajectoryFactor, and the
   * inclination threshold sin i = 1e-3 of differentialElements (inclusive).
   */
  describe('trajectory joins', () => {
    it('a ratio reaching exactly 1 in the last year is parity in that year', () => {
      const r = parityYear({ fromYear: 2026, toYear: 2028, ratioAt: (y) => [3, 2, 1][y - 2026]! });
      expect(r.status).toBe('crosses');
      expect(r.parityYear).toBe(2028);
    });

    it('every price key is checked', () => {
      const keys = [
        'launchPrice_USD_per_kg',
        'chipPerformancePerWatt_TFLOPS_per_W',
        'chipPricePerformance_TFLOPS_per_USD',
        'arrayPrice_USD_per_W',
        'radiatorPrice_USD_per_m2',
        'electricity_USD_per_kWh',
        'terrestrialCapex_USD_per_W',
      ];
      for (const key of keys)
        expect(() => priceFactors({ ...DEFAULT_PRICE_TRAJECTORIES, [key]: [] }, 2030, 2026)).toThrow(
          `trajectory ${key} has no points`,
        );
    });

    it('an unnamed trajectory gets no name in the message', () => {
      const bad: TrajectoryPoint[] = [];
      expect(() => trajectoryValue(bad, 2030)).toThrow(/^trajectory +has no points/);
      expect(() => trajectoryFactor(bad, 2030, 2026)).toThrow(/^trajectory +has no points/);
    });
  });

  describe('differentialElements inclination threshold', () => {
    it('sin i = 1e-3 exactly is inclined enough for cross-track motion in phase with the node', () => {
      const orbit = { c1_m: 0, c2_m: 0, alongTrackOffset_m: 0, d1_m: 100, d2_m: 0 };
      const a = EARTH_RADIUS_m + 650e3;
      const d = differentialElements({
        orbit,
        semiMajorAxis_m: a,
        inclination_rad: Math.asin(1e-3),
        argumentOfLatitude_rad: 0,
      });
      // δΩ = −d1/(a sin i) = −100 / (7,028,137 × 1e-3) = −0.014229 rad
      expect(d.deltaRaan_rad).toBeCloseTo(-100 / (a * 1e-3), 12);
    });
  });
});

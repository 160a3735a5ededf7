import { describe, expect, it } from 'vitest';
import { constellationEconomics } from '../../../src/constellation/economics/economics.js';
import { constellationLife, factoryDeployment, type LifeParams } from '../../../src/constellation/economics/life.js';

const N = 1000;
const flat = (H: number, performance: (k: number) => number = () => 1) =>
  Array.from({ length: H }, (_, k) => ({
    learning_USD: 1e6,
    offCurve_USD: 2e6,
    launch_USD: 0.5e6,
    performance: performance(k),
  }));

/** One batch of N satellites at t = 0, capacity never short. */
const batch = (over: Partial<LifeParams> = {}): LifeParams => {
  const horizon_yr = over.horizon_yr ?? 16;
  return {
    satellites: N,
    deployment: [
      { time_yr: 0, satellites: 0 },
      { time_yr: 0, satellites: N },
    ],
    launchCapacity_per_yr: 1e9,
    satellitesPerLaunch: 50,
    factory_per_yr: Infinity,
    designLife_yr: 5,
    failureRate_per_yr: 0.02,
    policy: 'replace-on-failure',
    horizon_yr,
    deliveredPFLOPS_per_satellite: 2,
    itPower_W_per_satellite: 100e3,
    learningRate: 1,
    prices: flat(horizon_yr),
    operations_USD_per_satellite_yr: 1e5,
    groundCapex_USD: 0,
    groundOperations_USD_per_yr: 0,
    discountRate_per_yr: 0.07,
    ...over,
  };
};

describe('constellationLife: replacements', () => {
  it('replace-on-failure keeps N/L + λN a year in steady state: 1000/5 + 0.02·1000 = 220', () => {
    const r = constellationLife(batch());
    // years 1–15: three renewals of 1000 (t = 5, 10, 15) and λN = 20 spares a year
    const steady = r.years.slice(1);
    expect(steady.map((y) => y.renewed).filter((x) => x > 0)).toEqual([N, N, N]);
    for (const y of steady) expect(y.failed).toBeCloseTo(20, 9);
    expect(steady.reduce((a, y) => a + y.launched, 0) / steady.length).toBeCloseTo(N / 5 + 0.02 * N, 9);
    expect(r.replacementsPerYear).toBeCloseTo(220, 9);
    // spares at once: the whole fleet delivers every year
    expect(r.minDeliveredFraction).toBeCloseTo(1, 12);
  });

  it('replace-at-end-of-life: one batch decays to N·e^(−λL) before its renewal (the sawtooth minimum)', () => {
    const lam = 0.05;
    const r = constellationLife(batch({ failureRate_per_yr: lam, policy: 'replace-at-end-of-life' }));
    const y4 = r.years[4]!;
    expect(y4.inOrbit).toBeCloseTo(N * Math.exp(-lam * 5), 6); // 778.80
    // mean over year 4 (ages 4–5): N·(e^−4λ − e^−5λ)/λ = 798.6
    const year4 = (N * (Math.exp(-4 * lam) - Math.exp(-5 * lam))) / lam;
    expect(y4.delivering).toBeCloseTo(year4, 6);
    expect(r.minDeliveredFraction).toBeCloseTo(year4 / N, 9);
    // renewed at t = 5: year 5 is a fresh batch, N·(1 − e^−λ)/λ = 975.4, and failures are not replaced
    expect(r.years[5]!.delivering).toBeCloseTo((N * (1 - Math.exp(-lam))) / lam, 6);
    expect(r.years[5]!.launched).toBe(N);
    expect(r.years[3]!.launched).toBe(0);
    expect(r.replacementsPerYear).toBeCloseTo(N / 5, 9);
  });

  it('a renewal the launch capacity cannot fly waits, its slots dark: 100 a year against 1000 owed', () => {
    const r = constellationLife(batch({ failureRate_per_yr: 0, launchCapacity_per_yr: 100 }));
    const [y5, y6] = [r.years[5]!, r.years[6]!];
    expect(y5.launched).toBe(100);
    expect(y5.backlog).toBe(900);
    expect(y5.delivering).toBeCloseTo(N - (0 + 900) / 2, 9); // 550
    expect(y6.backlog).toBe(800);
    expect(y6.delivering).toBeCloseTo(N - (900 + 800) / 2, 9); // 150
    expect(y6.inOrbit).toBe(200);
  });
});

describe('constellationLife: deployment', () => {
  it('the factory holds launches back: 10 launches of 100 by t = 0.1 at 400 a year finish at 2.5 yr', () => {
    const curve = [
      { time_yr: 0, satellites: 0 },
      ...Array.from({ length: 10 }, (_, j) => ({ time_yr: (j + 1) / 100, satellites: 100 * (j + 1) })),
    ];
    const d = factoryDeployment(curve, 400);
    // launch j needs 100·j satellites built: t = 100·j/400
    expect(d.slice(1).map((p) => p.time_yr)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5]);
    const r = constellationLife(batch({ deployment: curve, factory_per_yr: 400, failureRate_per_yr: 0 }));
    expect(r.fullCapability_yr).toBe(2.5);
    expect(r.years.slice(0, 3).map((y) => y.deployed)).toEqual([300, 400, 300]);
    // year 0: 100 up from 0.25, 0.5 and 0.75: 75 + 50 + 25 = 150 satellite-years
    expect(r.years[0]!.delivering).toBeCloseTo(150, 9);
    // steady state from year 3 on (the last launch is in year 2)
    expect(r.minDeliveredFraction).toBeCloseTo(1, 12);
  });

  it('delivered compute follows the performance of the year each generation was built', () => {
    const r = constellationLife(batch({ failureRate_per_yr: 0, prices: flat(16, (k) => (k >= 5 ? 2 : 1)) }));
    expect(r.years[4]!.deliveredPFLOPS).toBeCloseTo(N * 2, 9);
    expect(r.years[5]!.deliveredPFLOPS).toBeCloseTo(N * 2 * 2, 9);
  });
});

describe('constellationLife: spend', () => {
  it("one generation over its design life costs what the fleet program's economics give (same lines)", () => {
    const p = batch({ horizon_yr: 5, learningRate: 0.85, groundCapex_USD: 10e6, groundOperations_USD_per_yr: 1e6 });
    const life = constellationLife({ ...p, prices: flat(5) });
    const econ = constellationEconomics({
      satellites: N,
      firstUnitHardware_USD: 1e6,
      offCurvePerSatellite_USD: 2e6,
      launch_USD: N * 0.5e6,
      horizon_yr: 5,
      designLife_yr: 5,
      deliveredPFLOPS_per_satellite: 2,
      gateways: 1,
      gatewayCapex_USD: 10e6,
      gatewayOperations_USD_per_yr: 1e6,
      learningRate: 0.85,
      failureRate_per_yr: 0.02,
      operations_USD_per_satellite_yr: 1e5,
    });
    expect(life.total_USD).toBeCloseTo(econ.total_USD, -1);
    expect(life.years[4]!.lcocToDate_USD_per_PFLOP_day).toBeCloseTo(econ.lcoc_USD_per_PFLOP_day, 6);
  });

  it('spend per year: build, launch and operations of the satellites flown and working that year', () => {
    // no learning, no failures: year 5 builds 1000 at $3M and launches them at $0.5M; operations $0.1M each
    const r = constellationLife(batch({ failureRate_per_yr: 0 }));
    const y5 = r.years[5]!;
    expect(y5.hardware_USD).toBeCloseTo(N * 3e6, 0);
    expect(y5.launch_USD).toBeCloseTo(N * 0.5e6, 0);
    expect(y5.operations_USD).toBeCloseTo(N * 1e5, 0);
    expect(r.years[3]!.spend_USD).toBeCloseTo(N * 1e5, 0);
    expect(r.total_USD).toBeCloseTo(
      r.years.reduce((a, y) => a + y.spend_USD, 0),
      0,
    );
  });
});

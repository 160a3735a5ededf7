import { describe, expect, it } from 'vitest';
import {
  constellationEconomics,
  type ConstellationEconomicsParams,
  DEFAULT_FAILURE_RATE_per_yr,
  DEFAULT_GATEWAY_CAPEX_USD,
  DEFAULT_GATEWAY_OPERATIONS_USD_per_yr,
  DEFAULT_MODEL_PARAMETERS,
} from '../../../src/constellation/economics/economics.js';

/** Ten satellites of $10M on $20M of launches, 2 PFLOPS each, flown once for a 5-year life; two gateways. */
const tenSatellites = {
  satellites: 10,
  firstUnitHardware_USD: 10e6,
  launch_USD: 20e6,
  horizon_yr: 5,
  designLife_yr: 5,
  deliveredPFLOPS_per_satellite: 2,
  gateways: 2,
} as const;

describe('replacements (block replacement + constant failure rate)', () => {
  const fleet: ConstellationEconomicsParams = {
    satellites: 100,
    firstUnitHardware_USD: 1e6,
    learningRate: 1,
    launch_USD: 100e6,
    horizon_yr: 10,
    designLife_yr: 4,
    failureRate_per_yr: 0.02,
    deliveredPFLOPS_per_satellite: 1,
    gateways: 0,
  };

  it('N = 100, H = 10 yr, L = 4 yr, λ = 2 %/yr: 0.02·100·10 + 100·(⌈2.5⌉ − 1) = 20 + 200 = 220', () => {
    const r = constellationEconomics(fleet);
    expect(r.replacementFailures).toBeCloseTo(20, 12);
    expect(r.replacementEndOfLife).toBe(200);
    expect(r.replacements).toBeCloseTo(220, 12);
    // no learning: each replacement is $1M of hardware + $1M of launch
    expect(r.replacementHardware_USD).toBeCloseTo(220e6, 0);
    expect(r.replacementLaunch_USD).toBeCloseTo(220e6, 0);
  });

  it('a renewal that falls on the horizon end is not flown: H = 8, L = 4 → one renewal; H = 3, L = 5 → none', () => {
    expect(constellationEconomics({ ...fleet, horizon_yr: 8, failureRate_per_yr: 0 }).replacementEndOfLife).toBe(100);
    expect(
      constellationEconomics({ ...fleet, horizon_yr: 3, designLife_yr: 5, failureRate_per_yr: 0 }).replacementEndOfLife,
    ).toBe(0);
    // renewals at 3, 6, 9 < 10; at 4, 8 and 12 < 12.000001
    expect(constellationEconomics({ ...fleet, designLife_yr: 3, failureRate_per_yr: 0 }).replacementEndOfLife).toBe(
      300,
    );
    expect(
      constellationEconomics({ ...fleet, horizon_yr: 12.000001, failureRate_per_yr: 0 }).replacementEndOfLife,
    ).toBe(300);
  });
});

describe('constellationEconomics', () => {
  const base: ConstellationEconomicsParams = {
    ...tenSatellites,
    learningRate: 1,
    failureRate_per_yr: 0,
    operations_USD_per_satellite_yr: 0.5e6,
    gatewayCapex_USD: 5e6,
    gatewayOperations_USD_per_yr: 0.5e6,
    modelParameters: 70e9,
  };

  it('LCOC and $/Mtoken on a hand case (undiscounted: r = 0, so PV(cost)/PV(tokens) = cost/tokens)', () => {
    // Hardware 10 × $10M = $100M; launch $20M; operations 0.5 × 50 sat-yr = $25M; ground 2 × (5 + 0.5·5) = $15M;
    // no replacements → total $160M. PFLOP-days = 2 × 50 × 365.25 = 36,525 → $4,380.56/PFLOP-day.
    // No token rate given: the FLOPs-based one, 2e15 / (2 × 70e9) = 14,285.7 tokens/s per satellite; tokens =
    // 14,285.7 × 50 × 31,557,600 s = 2.2541e13 → $160M / 2.2541e7 Mtoken = $7.098/Mtoken.
    const r = constellationEconomics({ ...base, discountRate_per_yr: 0 });
    expect(r.flopsBoundCost_USD_per_Mtoken).toBeCloseTo(7.09813, 5);
    expect(r.hardware_USD).toBe(100e6);
    expect(r.operations_USD).toBe(25e6);
    expect(r.ground_USD).toBe(15e6);
    expect(r.replacements_USD).toBe(0);
    expect(r.total_USD).toBe(160e6);
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(4380.5613, 3);
    expect(r.tokens_per_s).toBeCloseTo(142857.14, 2);
    expect(r.cost_USD_per_Mtoken).toBeCloseTo(7.09813, 5);
    // the satellites' own rate (the nodes' roofline), 1,000 tokens/s each: $160M / (1,000 × 50 × 31,557,600 s / 1e6)
    // = $101.40/Mtoken; the FLOPs-based figure stays beside it
    const roofline = constellationEconomics({ ...base, discountRate_per_yr: 0, tokens_per_s_per_satellite: 1000 });
    expect(roofline.tokens_per_s).toBe(10_000);
    expect(roofline.cost_USD_per_Mtoken).toBeCloseTo(160e6 / ((1000 * 50 * 31_557_600) / 1e6), 6);
    expect(roofline.flopsBoundCost_USD_per_Mtoken).toBeCloseTo(7.09813, 5);
  });

  it("$/Mtoken at 7 %/yr is the node's formula: discounted LCOC × PFLOPS / (tokens/s × 86,400 s / 1e6)", () => {
    const r = constellationEconomics({ ...base, tokens_per_s_per_satellite: 1000 });
    expect(r.cost_USD_per_Mtoken).toBeCloseTo((r.lcocDiscounted_USD_per_PFLOP_day * 2) / ((1000 * 86_400) / 1e6), 9);
    // discounting weighs the up-front build against later tokens: above the undiscounted figure
    expect(r.cost_USD_per_Mtoken).toBeGreaterThan(160e6 / ((1000 * 50 * 31_557_600) / 1e6));
  });

  it('replacements continue the learning curve and pay the average launch price per satellite', () => {
    // N = 4, LR 0.9, H = 10, L = 5 → 4 end-of-life replacements: units 5…8 = 3.017520 × T1; launch 4 × $20M/4.
    const r = constellationEconomics({ ...base, satellites: 4, learningRate: 0.9, horizon_yr: 10 });
    expect(r.replacements).toBe(4);
    expect(r.hardware_USD).toBeCloseTo(3.556206e7, -1);
    expect(r.replacementHardware_USD).toBeCloseTo(3.01752e7, -1);
    expect(r.replacementLaunch_USD).toBe(20e6);
  });

  it("default operations: the node's 2 %/yr (Elbert 2008 §12.4.2.1) of (first-unit hardware + chips + launch per satellite)", () => {
    const { operations_USD_per_satellite_yr: _drop, ...rest } = base;
    const r = constellationEconomics({ ...rest, offCurvePerSatellite_USD: 3e6 });
    expect(r.operations_USD_per_satellite_yr).toBeCloseTo(0.02 * (10e6 + 3e6 + 2e6), 6);
  });

  it('discounted LCOC on a hand case: builds, launch and gateways at t = 0, yearly flows at each year end', () => {
    // Upfront: hardware $100M + launch $20M + 2 gateways × $5M = $130M. Each year k = 1…5: operations 10 × $0.5M +
    // gateway O&M 2 × $0.5M = $6M, compute 2 PFLOPS × 10 × 365.25 d = 7,305 PFLOP-day, both × 1.07^−k.
    // Annuity Σ 1.07^−k (k = 1…5) = 4.100197 → PV cost = 130 + 6 × 4.100197 = $154.601M; PV compute = 29,951.9;
    // LCOC = $5,161.64/PFLOP-day (undiscounted: $160M / 36,525 = $4,380.56).
    let annuity = 0;
    for (let k = 1; k <= 5; k++) annuity += 1.07 ** -k;
    expect(annuity).toBeCloseTo(4.100197, 6);
    const r = constellationEconomics({ ...base, discountRate_per_yr: 0.07 });
    expect(r.pvCost_USD).toBeCloseTo(130e6 + 6e6 * annuity, 0);
    expect(r.pvCompute_PFLOP_day).toBeCloseTo(7305 * annuity, 6);
    expect(r.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(5161.64, 1);
    // at r = 0 the discounted LCOC is the undiscounted one
    expect(constellationEconomics({ ...base, discountRate_per_yr: 0 }).lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(
      r.lcoc_USD_per_PFLOP_day,
      9,
    );
  });

  it('chips stay off the learning curve; a failure replacement is paid in the year it fails', () => {
    // N = 4, LR 0.9, chips $3M each off the curve: hardware = T1 (1 + 0.9 + 3^log2 0.9 + 0.81) + 4 × $3M
    // = $10M × 3.556206 + $12M = $47.562M. λ = 0.1/yr over 20 satellite-years → 2 replacements, units 5–6 of the
    // curve (0.78299 + 0.76159 = 1.54458 T1) + 2 × ($3M chips + $5M launch) = $31.446M, i.e. $15.723M each, 0.4 a year.
    const r = constellationEconomics({
      ...base,
      satellites: 4,
      learningRate: 0.9,
      offCurvePerSatellite_USD: 3e6,
      failureRate_per_yr: 0.1,
      gateways: 0,
      discountRate_per_yr: 0.07,
    });
    const b = Math.log2(0.9);
    expect(r.hardware_USD).toBeCloseTo(10e6 * (1 + 0.9 + 3 ** b + 0.81) + 12e6, 0);
    const each = (10e6 * (5 ** b + 6 ** b) + 2 * (3e6 + 5e6)) / 2;
    expect(each).toBeCloseTo(15.7229e6, -2);
    expect(r.replacements_USD).toBeCloseTo(2 * each, 0);
    let pv = r.hardware_USD + 20e6;
    for (let k = 1; k <= 5; k++) pv += (4 * 0.5e6 + 0.4 * each) * 1.07 ** -k;
    expect(r.pvCost_USD).toBeCloseTo(pv, 0);
  });

  it('rejects invalid input', () => {
    expect(() => constellationEconomics({ ...base, satellites: 0 })).toThrow(RangeError);
    expect(() => constellationEconomics({ ...base, gateways: -1 })).toThrow(RangeError);
    expect(() => constellationEconomics({ ...base, deliveredPFLOPS_per_satellite: 0 })).toThrow(RangeError);
  });
});

describe('defaults', () => {
  /** Every optional figure left to its default: learning, failures, operations, gateway costs, model size. */
  const minimal: ConstellationEconomicsParams = { ...tenSatellites, learningRate: 0.9 };

  describe('constellation economics: the documented defaults', () => {
    it('default figures are the header values: λ = 2 %/yr, gateway $5M + $0.5M/yr, 70e9 parameters', () => {
      expect(DEFAULT_FAILURE_RATE_per_yr).toBe(0.02);
      expect(DEFAULT_GATEWAY_CAPEX_USD).toBe(5e6);
      expect(DEFAULT_GATEWAY_OPERATIONS_USD_per_yr).toBe(0.5e6);
      expect(DEFAULT_MODEL_PARAMETERS).toBe(70e9);
    });

    it('default failure rate 2 %/yr: N = 10, H = L = 5 yr → λ·S = 0.02 × 50 = 1 replacement, no end-of-life renewal', () => {
      const r = constellationEconomics(minimal);
      expect(r.satelliteYears).toBe(50);
      expect(r.replacementFailures).toBeCloseTo(1, 12);
      expect(r.replacementEndOfLife).toBe(0);
      expect(r.replacements).toBeCloseTo(1, 12);
      // the replacement is unit 11 of the LR 0.9 curve and flies at the average launch price $2M
      expect(r.replacementHardware_USD).toBeCloseTo(10e6 * 11 ** Math.log2(0.9), 0);
      expect(r.replacementLaunch_USD).toBeCloseTo(2e6, 3);
    });

    it('an explicit rate of 0 is used, not replaced by the default', () => {
      expect(constellationEconomics({ ...minimal, failureRate_per_yr: 0 }).replacements).toBe(0);
    });

    it('learning rate 0.9: 10 units cost T1 · Σ n^log2(0.9)', () => {
      let sum = 0;
      for (let n = 1; n <= 10; n++) sum += n ** Math.log2(0.9);
      const r = constellationEconomics(minimal);
      expect(r.hardware_USD).toBeCloseTo(10e6 * sum, 0);
      expect(r.averageUnitHardware_USD).toBeCloseTo(1e6 * sum, 0);
    });

    it('default ground segment: 2 gateways × ($5M + $0.5M/yr × 5 yr) = $15M; default tokens for 70e9 parameters', () => {
      const r = constellationEconomics(minimal);
      expect(r.ground_USD).toBe(15e6);
      // 2 PFLOPS = 2e15 FLOP/s over 2 × 70e9 FLOP/token = 14,285.7 tokens/s per satellite
      expect(r.tokens_per_s).toBeCloseTo((10 * 2e15) / (2 * 70e9), 6);
      expect(r.tokens).toBeCloseTo((2e15 / 140e9) * 50 * 365.25 * 86_400, -3);
    });

    it('total, LCOC and $/Mtoken add up the parts', () => {
      const r = constellationEconomics(minimal);
      const parts =
        r.hardware_USD +
        r.launch_USD +
        r.operations_USD +
        r.replacementHardware_USD +
        r.replacementLaunch_USD +
        r.ground_USD;
      expect(r.total_USD).toBeCloseTo(parts, 3);
      expect(r.replacements_USD).toBeCloseTo(r.replacementHardware_USD + r.replacementLaunch_USD, 6);
      expect(r.deliveredPFLOP_days).toBeCloseTo(2 * 50 * 365.25, 9);
      expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(r.total_USD / (2 * 50 * 365.25), 9);
      // PV(cost)/PV(tokens) at the FLOPs-based rate (no rate given): LCOC_disc × 2 PFLOPS / (tokens/s × 86,400 / 1e6)
      const perSat_tokens_per_s = 2e15 / (2 * 70e9);
      expect(r.cost_USD_per_Mtoken).toBeCloseTo(
        (r.lcocDiscounted_USD_per_PFLOP_day * 2) / ((perSat_tokens_per_s * 86_400) / 1e6),
        9,
      );
      // operations default: 2 %/yr of the average satellite over 50 satellite-years: the 90 % curve's average of the
      // $10M first unit over 10 units, (1/10)·Σ n^log2(0.9), plus the $20M/10 launch share; not the first unit's $12M
      let curve = 0;
      for (let n = 1; n <= 10; n++) curve += n ** Math.log2(0.9);
      expect(r.operations_USD).toBeCloseTo(0.02 * ((10e6 * curve) / 10 + 2e6) * 50, 3);
    });

    it('more than 1,000 units with replacements: the curve summed to within 1e-9 of a brute-force sum', () => {
      // 990 satellites + 990 end-of-life replacements (H = 2L): units 1–990 and 991–1,980 of the 90 % curve, the second
      // lot beyond the exact partial sums (Euler–Maclaurin tail); the oracle sums every n^log2(0.9) one by one
      const r = constellationEconomics({ ...minimal, satellites: 990, failureRate_per_yr: 0, horizon_yr: 10 });
      const e = Math.log2(0.9);
      let [first, second] = [0, 0];
      for (let n = 1; n <= 990; n++) first += n ** e;
      for (let n = 991; n <= 1980; n++) second += n ** e;
      expect(r.replacements).toBe(990);
      expect(r.hardware_USD / (10e6 * first) - 1).toBeLessThan(1e-12);
      expect(r.replacementHardware_USD).toBeWithinRelative(10e6 * second, 1e-9);
    });

    it('rejects each invalid figure with a RangeError naming it', () => {
      const bad: [Partial<ConstellationEconomicsParams>, RegExp][] = [
        [{ satellites: 2.5 }, /satellites/],
        [{ firstUnitHardware_USD: -1 }, /firstUnitHardware_USD/],
        [{ launch_USD: -1 }, /launch_USD/],
        [{ horizon_yr: 0 }, /horizon_yr/],
        [{ deliveredPFLOPS_per_satellite: -1 }, /deliveredPFLOPS_per_satellite/],
        [{ gateways: 1.5 }, /gateways/],
        [{ modelParameters: 0 }, /modelParameters/],
        [{ operations_USD_per_satellite_yr: -1 }, /operations_USD_per_satellite_yr/],
        [{ gatewayCapex_USD: -1 }, /gatewayCapex_USD/],
        [{ gatewayOperations_USD_per_yr: -1 }, /gatewayOperations_USD_per_yr/],
        [{ designLife_yr: 0 }, /designLife_yr/],
        [{ failureRate_per_yr: -0.1 }, /failureRate_per_yr/],
      ];
      for (const [change, message] of bad)
        expect(() => constellationEconomics({ ...minimal, ...change }), message.source).toThrow(message);
      expect(() => constellationEconomics({ ...minimal, satellites: 0 })).toThrow(
        'satellites must be a whole number ≥ 1, got 0',
      );
      expect(constellationEconomics({ ...minimal, satellites: 1 }).satelliteYears).toBe(5);
      // zero gateways and zero hardware cost are valid
      expect(constellationEconomics({ ...minimal, gateways: 0, firstUnitHardware_USD: 0 }).ground_USD).toBe(0);
    });
  });
});

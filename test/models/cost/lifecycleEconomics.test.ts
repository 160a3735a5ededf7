import { describe, expect, it } from 'vitest';
import {
  annuityFactor,
  capexPerWatt,
  capitalRecoveryFactor,
  DEFAULT_DISCOUNT_RATE_per_yr,
  discountFactor,
  levelizedCost,
  presentValue,
} from '../../../src/models/cost/lifecycleEconomics.js';

const oneCent_USD = 0.01;

describe('presentValue', () => {
  it('1,000 $/yr for 3 years at 10 %, end of year: 909.09 + 826.45 + 751.31 = 2,486.85 $', () => {
    const r = presentValue({ amounts: [1000, 1000, 1000], discountRate_per_yr: 0.1 });
    expect(Math.abs(r.presentValue - 2486.85)).toBeLessThan(oneCent_USD);
    expect(r.undiscounted).toBe(3000);
  });

  it('start of year: 1,000 + 909.09 + 826.45 = 2,735.54 $; mid-year: 2,486.85 × 1.1^½ = 2,608.23 $; at 0 % the plain sum', () => {
    expect(
      Math.abs(
        presentValue({ amounts: [1000, 1000, 1000], discountRate_per_yr: 0.1, timing: 'start-of-year' }).presentValue -
          2735.54,
      ),
    ).toBeLessThan(oneCent_USD);
    expect(
      Math.abs(
        presentValue({ amounts: [1000, 1000, 1000], discountRate_per_yr: 0.1, timing: 'mid-year' }).presentValue -
          2608.23,
      ),
    ).toBeLessThan(oneCent_USD);
    expect(presentValue({ amounts: [1000, 1000, 1000], discountRate_per_yr: 0 }).presentValue).toBe(3000);
  });

  it('refuses a rate outside [0, 1] and non-finite amounts', () => {
    expect(() => presentValue({ amounts: [1], discountRate_per_yr: -0.01 })).toThrow(/discountRate_per_yr/);
    expect(() => presentValue({ amounts: [1], discountRate_per_yr: 7 })).toThrow(RangeError); // 7 %, not 7
    expect(() => presentValue({ amounts: [Number.NaN], discountRate_per_yr: 0.1 })).toThrow(/amounts\[0\]/);
  });
});

describe('annuity and capital recovery factors', () => {
  it('a(7 %, 6) = (1 − 1.07^−6)/0.07 = (1 − 0.666342)/0.07 = 4.76654; CRF(7 %, 15) = 0.07/(1 − 0.362446) = 0.109795', () => {
    expect(annuityFactor(0.07, 6)).toBeCloseTo(4.76654, 5);
    expect(capitalRecoveryFactor(0.07, 15)).toBeCloseTo(0.109795, 6);
    expect(annuityFactor(0, 6)).toBe(6);
    expect(discountFactor(0.1, 5)).toBeCloseTo(0.620921, 6); // 1/1.61051
  });

  it('the annuity factor is the PV of 1 per year at year ends', () => {
    expect(annuityFactor(0.1, 3)).toBeCloseTo(
      presentValue({ amounts: [1, 1, 1], discountRate_per_yr: 0.1 }).presentValue,
      12,
    );
  });

  it('default rate is 7 % real (OMB Circular A-94, 1992, §8.b)', () => {
    expect(DEFAULT_DISCOUNT_RATE_per_yr).toBe(0.07);
  });
});

describe('levelizedCost', () => {
  it('upfront 1,000 $, 100 $/yr and 10 PFLOP-day/yr for 2 years at 10 % (hand)', () => {
    // Undiscounted: (1,000 + 200)/20 = 60 $/PFLOP-day.
    // a(10 %, 2) = 1/1.1 + 1/1.21 = 1.735537; PV cost = 1,000 + 173.5537; PV compute = 17.35537 → 67.6190.
    const r = levelizedCost({
      upfront_USD: 1000,
      cost_USD_per_yr: [100, 100],
      compute_PFLOP_day_per_yr: [10, 10],
      discountRate_per_yr: 0.1,
    });
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(60, 12);
    expect(r.pvCost_USD).toBeCloseTo(1173.5537, 4);
    expect(r.pvCompute_PFLOP_day).toBeCloseTo(17.355372, 6);
    expect(r.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(67.619, 4);
  });

  it('discounting raises the LCOC of an upfront-heavy asset and leaves a pure running cost unchanged', () => {
    const running = levelizedCost({ cost_USD_per_yr: [5, 5, 5], compute_PFLOP_day_per_yr: [1, 1, 1] });
    expect(running.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(running.lcoc_USD_per_PFLOP_day, 12);
    const upfront = levelizedCost({ upfront_USD: 15, cost_USD_per_yr: [0, 0, 0], compute_PFLOP_day_per_yr: [1, 1, 1] });
    expect(upfront.lcocDiscounted_USD_per_PFLOP_day).toBeGreaterThan(upfront.lcoc_USD_per_PFLOP_day);
  });

  it('refuses a schedule with no compute and negative costs', () => {
    expect(() => levelizedCost({ cost_USD_per_yr: [1], compute_PFLOP_day_per_yr: [0] })).toThrow(/compute/);
    expect(() => levelizedCost({ cost_USD_per_yr: [-1], compute_PFLOP_day_per_yr: [1] })).toThrow(
      /cost_USD_per_yr\[0\]/,
    );
  });
});

describe('capexPerWatt', () => {
  it('spacedc-mdao 1 MW space case: satellite $288/W + launch $236/W = $524/W ex-GPU (docs/sources.md §10)', () => {
    const r = capexPerWatt({ chips_USD: 0, nonChipHardware_USD: 288e6, launch_USD: 236e6, itPower_W: 1e6 });
    expect(r.exChips_USD_per_W).toBeCloseTo(524, 9);
  });

  it('splits with and without chips, per IT watt and per array watt (hand)', () => {
    // Chips 3.6 M$, other hardware 2.0 M$, launch 1.0 M$ on 120 kW IT, 200 kW array:
    // 30 + 16.667 + 8.333 = 55 $/W with chips, 25 $/W ex-chips; per array W 33 and 15.
    const r = capexPerWatt({
      chips_USD: 3.6e6,
      nonChipHardware_USD: 2.0e6,
      launch_USD: 1.0e6,
      itPower_W: 120e3,
      arrayPower_W: 200e3,
    });
    expect(r.chips_USD_per_W).toBeCloseTo(30, 9);
    expect(r.nonChipHardware_USD_per_W).toBeCloseTo(16.6667, 4);
    expect(r.launch_USD_per_W).toBeCloseTo(8.3333, 4);
    expect(r.exChips_USD_per_W).toBeCloseTo(25, 9);
    expect(r.withChips_USD_per_W).toBeCloseTo(55, 9);
    expect(r.perArrayWatt).toEqual({ exChips_USD_per_W: 15, withChips_USD_per_W: 33 });
    expect(
      capexPerWatt({ chips_USD: 1, nonChipHardware_USD: 1, launch_USD: 1, itPower_W: 1 }).perArrayWatt,
    ).toBeUndefined();
  });

  it('refuses zero IT power', () => {
    expect(() => capexPerWatt({ chips_USD: 1, nonChipHardware_USD: 1, launch_USD: 1, itPower_W: 0 })).toThrow(
      /itPower_W/,
    );
  });
});

/**
 * Terrestrial baseline LCOC (src/models/cost/lifecycleBaseline.ts) with a colocation lease, and its input checks.
 * Figures by hand from the header's equations.
 */
import { describe, expect, it } from 'vitest';
import { baselineLcoc, type ChipSet, type TerrestrialScenario } from '../../../src/models/cost/lifecycleBaseline.js';

/** A leased colocation site: $150/kW-month on peak kW, no own facility capex or opex. */
const colo: TerrestrialScenario = {
  capexExChips_USD_per_W: 0,
  facilityLife_yr: 15,
  lease_USD_per_kW_month: 150,
  facilityOpex_USD_per_kW_yr: 0,
  electricity_USD_per_kWh: 0.1,
  pue: 1.2,
  utilization: 1,
  availability: 1,
  chipLifetime_yr: 5,
};
/** 100 kW peak, idle fraction 0, 100 PFLOPS fully sustained. */
const chips: ChipSet = {
  chips_USD: 1e6,
  itPowerPeak_W: 100e3,
  idlePowerFraction: 0,
  peakPFLOPS: 100,
  sustainedFraction: 1,
};

describe('baseline with a lease', () => {
  it('lease 150 $/kW-month × 12 × 100 kW = $180k/yr; energy 100 kW × 1.2 × 8,766 h × $0.1 = $105,192/yr', () => {
    const r = baselineLcoc({ scenario: colo, chipSet: chips, discountRate_per_yr: 0 });
    expect(r.lease_USD_per_yr).toBeCloseTo(180e3, 6);
    expect(r.energy_USD_per_yr).toBeCloseTo(105192, 6);
    // total = 1M + 5 × (105,192 + 180,000) = $2,425,960
    expect(r.total_USD).toBeCloseTo(2425960, 3);
    // compute = 100 PFLOPS × 365.25 d × 5 yr = 182,625 PFLOP-day
    expect(r.compute_PFLOP_day).toBeCloseTo(182625, 6);
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(2425960 / 182625, 9);
    // $/kW-yr: total over 100 kW × 5 yr
    expect(r.costPerKWyr_USD).toBeCloseTo(2425960 / 500, 6);
    // at a 0 % discount rate the present value is the plain total (the annuity factor is L)
    expect(r.pvCost_USD).toBeCloseTo(2425960, 3);
    expect(r.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(r.lcoc_USD_per_PFLOP_day, 9);
  });

  it('the lifetime override replaces the scenario chip lifetime', () => {
    expect(baselineLcoc({ scenario: colo, chipSet: chips, lifetime_yr: 2 }).total_USD).toBeCloseTo(1e6 + 2 * 285192, 3);
  });

  it('each input is checked by name; idle fraction 0 and PUE 1 or 5 are allowed', () => {
    const chipFields = ['chips_USD', 'itPowerPeak_W'] as const;
    for (const f of chipFields)
      expect(() => baselineLcoc({ scenario: colo, chipSet: { ...chips, [f]: -1 } })).toThrow(new RegExp(`^${f} must`));
    const siteFields = [
      'capexExChips_USD_per_W',
      'facilityLife_yr',
      'lease_USD_per_kW_month',
      'facilityOpex_USD_per_kW_yr',
      'electricity_USD_per_kWh',
    ] as const;
    for (const f of siteFields)
      expect(() => baselineLcoc({ scenario: { ...colo, [f]: -1 }, chipSet: chips })).toThrow(new RegExp(`^${f} must`));
    expect(() => baselineLcoc({ scenario: colo, chipSet: chips, lifetime_yr: 0 })).toThrow(/^lifetime_yr must/);
    expect(() => baselineLcoc({ scenario: colo, chipSet: { ...chips, idlePowerFraction: 1 } })).toThrow(
      'idlePowerFraction must be in [0, 1), got 1',
    );
    expect(() => baselineLcoc({ scenario: colo, chipSet: { ...chips, idlePowerFraction: -0.1 } })).toThrow('got -0.1');
    expect(() => baselineLcoc({ scenario: { ...colo, pue: 0.9 }, chipSet: chips })).toThrow(
      'pue must be in [1, 5], got 0.9',
    );
    expect(() => baselineLcoc({ scenario: { ...colo, pue: 5.1 }, chipSet: chips })).toThrow(
      'pue must be in [1, 5], got 5.1',
    );
    for (const pue of [1, 5]) {
      expect(baselineLcoc({ scenario: { ...colo, pue }, chipSet: chips }).energy_USD_per_yr).toBeCloseTo(
        100 * pue * 8766 * 0.1,
        6,
      );
    }
    expect(baselineLcoc({ scenario: colo, chipSet: { ...chips, idlePowerFraction: 0 } }).itPowerAvg_W).toBe(100e3);
  });

  it('without a sustained fraction the chips deliver their peak (waterfall default 1)', () => {
    const { sustainedFraction: _drop, ...noSustained } = chips;
    expect(
      baselineLcoc({ scenario: colo, chipSet: { ...noSustained, peakPFLOPS: 100 } }).deliveredPFLOPS,
    ).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { baselineLcoc, type ChipSet, type TerrestrialScenario } from '../../../src/models/cost/lifecycleBaseline.js';
import { terrestrialBaseline } from '../../../src/models/cost/cost.js';
import { gb300Rack } from '../../helpers/chipSets.js';

/** The hyperscale-virginia scenario's figures, written out (designs/catalogs/terrestrial-baselines.yaml). */
const virginia: TerrestrialScenario = {
  capexExChips_USD_per_W: 11.7,
  facilityLife_yr: 15,
  lease_USD_per_kW_month: 0,
  facilityOpex_USD_per_kW_yr: 200,
  electricity_USD_per_kWh: 0.0892,
  pue: 1.1,
  utilization: 0.9,
  availability: 0.99,
  chipLifetime_yr: 6,
};
const rack = gb300Rack;

describe('baselineLcoc', () => {
  it('hyperscale Virginia, 6 years (hand calculation)', () => {
    // P_avg = 139.68 kW × (0.3 + 0.7 × 0.9) = 129.9024 kW.
    // Energy = 129.9024 × 1.10 × 8,766 h × 0.0892 $/kWh = 111,731.64 $/yr.
    // Facility = 11.7 $/W × 139,680 W / 15 yr = 108,950.40 $/yr; opex = 200 × 139.68 = 27,936 $/yr.
    // Total = 4,320,000 + 6 × 248,618.04 = 5,811,708.24 $.
    // Delivered = 180 × 0.9 × 0.4 × 0.99 = 64.152 PFLOPS → 6 × 365.25 × 64.152 = 140,589.108 PFLOP-day.
    // LCOC = 5,811,708.24 / 140,589.108 = 41.3383 $/PFLOP-day.
    const r = baselineLcoc({ scenario: virginia, chipSet: rack });
    expect(r.lifetime_yr).toBe(6);
    expect(r.itPowerAvg_W).toBeCloseTo(129902.4, 6);
    expect(r.energy_USD_per_yr).toBeCloseTo(111731.64, 1);
    expect(r.facilityCharge_USD_per_yr).toBeCloseTo(108950.4, 6);
    expect(r.facilityOpex_USD_per_yr).toBeCloseTo(27936, 6);
    expect(r.total_USD).toBeCloseTo(5811708.24, 0);
    expect(r.deliveredPFLOPS).toBeCloseTo(64.152, 9);
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(41.3383, 4);
  });

  it('discounted at 7 %: facility by capital recovery, flows by the 6-year annuity (hand)', () => {
    // CRF(7 %, 15) = 0.109795 → facility 1,634,256 × 0.109795 = 179,432.5 $/yr; a(7 %, 6) = 4.766540.
    // PV cost = 4,320,000 + 4.766540 × (111,731.64 + 179,432.52 + 27,936) = 4,320,000 + 1,521,003.6 = 5,841,003.6 $.
    // PV compute = 64.152 × 365.25 × 4.766540 = 111,687.26 → 52.2979 $/PFLOP-day.
    const r = baselineLcoc({ scenario: virginia, chipSet: rack, discountRate_per_yr: 0.07 });
    expect(r.facilityChargeDiscounted_USD_per_yr).toBeCloseTo(179432.5, 0);
    expect(r.pvCost_USD).toBeCloseTo(5841003.6, -1);
    expect(r.pvCompute_PFLOP_day).toBeCloseTo(111687.26, 1);
    expect(r.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(52.2979, 3);
  });

  it('a lease is charged per contracted kW: 184.06 $/kW-month × 12 × 100 kW = 220,872 $/yr', () => {
    const lease: TerrestrialScenario = {
      ...virginia,
      capexExChips_USD_per_W: 0,
      facilityOpex_USD_per_kW_yr: 0,
      lease_USD_per_kW_month: 184.06,
    };
    const r = baselineLcoc({ scenario: lease, chipSet: { ...rack, itPowerPeak_W: 100e3 } });
    expect(r.lease_USD_per_yr).toBeCloseTo(220872, 6);
    expect(r.facilityCharge_USD_per_yr).toBe(0);
  });

  it('agrees with cost.ts terrestrialBaseline when both describe the same case (no opex, MFU 1, life ≤ facility life)', () => {
    const scenario: TerrestrialScenario = { ...virginia, facilityOpex_USD_per_kW_yr: 0 };
    const mine = baselineLcoc({ scenario, chipSet: { ...rack, sustainedFraction: 1 }, lifetime_yr: 5 });
    const theirs = terrestrialBaseline({
      itPowerAvg_W: mine.itPowerAvg_W,
      itPowerPeak_W: rack.itPowerPeak_W,
      chips: 72,
      costPerChip_USD: 60000,
      peakPFLOPS: 180,
      utilization: 0.9,
      lifetime_yr: 5,
      electricityPrice_USD_per_kWh: 0.0892,
      pue: 1.1,
      terrestrialCapex_USD_per_W: 11.7,
      terrestrialFacilityLife_yr: 15,
      terrestrialAvailability: 0.99,
    });
    expect(mine.lcoc_USD_per_PFLOP_day).toBeCloseTo(theirs.terrestrialLcoc_USD_per_PFLOP_day, 9);
  });

  it('a dearer power price raises the LCOC; the lifetime override replaces the scenario life', () => {
    const dear = baselineLcoc({ scenario: { ...virginia, electricity_USD_per_kWh: 0.1864 }, chipSet: rack });
    expect(dear.lcoc_USD_per_PFLOP_day).toBeGreaterThan(
      baselineLcoc({ scenario: virginia, chipSet: rack }).lcoc_USD_per_PFLOP_day,
    );
    expect(baselineLcoc({ scenario: virginia, chipSet: rack, lifetime_yr: 5 }).lifetime_yr).toBe(5);
  });

  it('refuses invalid inputs with a RangeError naming the field', () => {
    expect(() => baselineLcoc({ scenario: { ...virginia, electricity_USD_per_kWh: -0.05 }, chipSet: rack })).toThrow(
      /electricity_USD_per_kWh/,
    );
    expect(() => baselineLcoc({ scenario: { ...virginia, pue: 0.9 }, chipSet: rack })).toThrow(/pue/);
    expect(() => baselineLcoc({ scenario: virginia, chipSet: { ...rack, idlePowerFraction: 1 } })).toThrow(
      /idlePowerFraction/,
    );
    expect(() => baselineLcoc({ scenario: virginia, chipSet: { ...rack, itPowerPeak_W: 0 } })).toThrow(/itPowerPeak_W/);
  });
});

describe('edges', () => {
  /**
   * Terrestrial baseline LCOC (src/models/cost/lifecycleBaseline.ts) with a colocation lease, and its input checks.
   * Figures by hand from the header's equations.
   */
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
      expect(baselineLcoc({ scenario: colo, chipSet: chips, lifetime_yr: 2 }).total_USD).toBeCloseTo(
        1e6 + 2 * 285192,
        3,
      );
    });

    it('each input is checked by name; idle fraction 0 and PUE 1 or 5 are allowed', () => {
      const chipFields = ['chips_USD', 'itPowerPeak_W'] as const;
      for (const f of chipFields)
        expect(() => baselineLcoc({ scenario: colo, chipSet: { ...chips, [f]: -1 } })).toThrow(
          new RegExp(`^${f} must`),
        );
      const siteFields = [
        'capexExChips_USD_per_W',
        'facilityLife_yr',
        'lease_USD_per_kW_month',
        'facilityOpex_USD_per_kW_yr',
        'electricity_USD_per_kWh',
      ] as const;
      for (const f of siteFields)
        expect(() => baselineLcoc({ scenario: { ...colo, [f]: -1 }, chipSet: chips })).toThrow(
          new RegExp(`^${f} must`),
        );
      expect(() => baselineLcoc({ scenario: colo, chipSet: chips, lifetime_yr: 0 })).toThrow(/^lifetime_yr must/);
      expect(() => baselineLcoc({ scenario: colo, chipSet: { ...chips, idlePowerFraction: 1 } })).toThrow(
        'idlePowerFraction must be in [0, 1), got 1',
      );
      expect(() => baselineLcoc({ scenario: colo, chipSet: { ...chips, idlePowerFraction: -0.1 } })).toThrow(
        'got -0.1',
      );
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
});

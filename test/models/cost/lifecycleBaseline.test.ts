import { describe, expect, it } from 'vitest';
import { baselineLcoc, type ChipSet, type TerrestrialScenario } from '../../../src/models/cost/lifecycleBaseline.js';
import { terrestrialBaseline } from '../../../src/models/cost/cost.js';

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
/** A GB300-class rack: 72 chips × $60k, 72 × 1,940 W = 139.68 kW peak, 72 × 2.5 = 180 PFLOPS BF16 dense, idle 0.3. */
const rack: ChipSet = {
  chips_USD: 4.32e6,
  itPowerPeak_W: 139680,
  idlePowerFraction: 0.3,
  peakPFLOPS: 180,
  sustainedFraction: 0.4,
};

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

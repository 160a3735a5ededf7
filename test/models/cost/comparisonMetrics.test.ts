import { describe, expect, it } from 'vitest';
import { comparisonMetrics, type ComparisonParams } from '../../../src/models/cost/comparisonMetrics.js';
import { unitOf } from '../../../src/node/record/metrics.js';

describe('$/chip-hour and $/MWh from the LCOC (src/models/cost/comparisonMetrics.ts)', () => {
  it('by hand: 100 $/PFLOP-day × 10 PFLOPS = 1,000 $/day over 72 chips × 24 h and over 0.12 MW × 24 h', () => {
    const m = comparisonMetrics({
      lcoc_USD_per_PFLOP_day: 100,
      lcocDiscounted_USD_per_PFLOP_day: 130,
      deliveredPFLOPS: 10,
      chips: 72,
      itPowerAvg_W: 120e3,
    });
    expect(m.costPerChipHour_USD).toBeCloseTo(1000 / 1728, 12);
    expect(m.costPerChipHourDiscounted_USD).toBeCloseTo(1300 / 1728, 12);
    expect(m.costPerMWh_USD).toBeCloseTo(1000 / 2.88, 9);
    expect(m.costPerMWhDiscounted_USD).toBeCloseTo(1300 / 2.88, 9);
  });
  it('nothing delivered: infinite costs, not an error; a negative LCOC is refused', () => {
    expect(
      comparisonMetrics({
        lcoc_USD_per_PFLOP_day: Infinity,
        lcocDiscounted_USD_per_PFLOP_day: Infinity,
        deliveredPFLOPS: 1,
        chips: 1,
        itPowerAvg_W: 1,
      }).costPerChipHour_USD,
    ).toBe(Infinity);
    expect(() =>
      comparisonMetrics({
        lcoc_USD_per_PFLOP_day: -1,
        lcocDiscounted_USD_per_PFLOP_day: 1,
        deliveredPFLOPS: 1,
        chips: 1,
        itPowerAvg_W: 1,
      }),
    ).toThrow(RangeError);
  });
  it('the metric names carry their units for odc metrics', () => {
    expect(unitOf('economics.costPerChipHour_USD')).toBe('USD/chip-h');
    expect(unitOf('economics.terrestrialCostPerMWhDiscounted_USD')).toBe('USD/MWh');
  });
});

describe('ranges', () => {
  /**
   * Small models at the ends of their stated validity ranges and on closed-form cases: each closed end is accepted,
   * each open end refused with a message naming the field.
   */

  describe('comparison metrics and the shared checks', () => {
    const base: ComparisonParams = {
      lcoc_USD_per_PFLOP_day: 0,
      lcocDiscounted_USD_per_PFLOP_day: 0,
      deliveredPFLOPS: 24,
      chips: 1,
      itPowerAvg_W: 1e6,
    };

    it('an LCOC of 0 is valid; a negative or NaN one is refused by name', () => {
      expect(comparisonMetrics(base).costPerMWh_USD).toBe(0);
      expect(() => comparisonMetrics({ ...base, lcocDiscounted_USD_per_PFLOP_day: -1 })).toThrow(
        /lcocDiscounted_USD_per_PFLOP_day must be ≥ 0 \(or \+Infinity\), got -1/,
      );
      expect(() => comparisonMetrics({ ...base, lcoc_USD_per_PFLOP_day: NaN })).toThrow(/lcoc_USD_per_PFLOP_day must/);
      expect(() => comparisonMetrics({ ...base, chips: 0 })).toThrow(/chips must be a finite number > 0, got 0/);
      expect(() => comparisonMetrics({ ...base, deliveredPFLOPS: 0 })).toThrow(/deliveredPFLOPS must/);
      expect(() => comparisonMetrics({ ...base, itPowerAvg_W: -1 })).toThrow(/itPowerAvg_W must/);
    });
  });
});

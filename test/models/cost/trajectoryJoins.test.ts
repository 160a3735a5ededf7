/**
 * Survivors of the first mutation run over trajectory.ts, priceTrajectories.ts and relativeMotion.ts: a parity ratio
 * of exactly 1 in the last year, the refusal of a bad trajectory under each price key (written out here, not read
 * from the module), the unnamed trajectory in the messages of trajectoryValue and trajectoryFactor, and the
 * inclination threshold sin i = 1e-3 of differentialElements (inclusive).
 */
import { describe, expect, it } from 'vitest';
import {
  parityYear,
  trajectoryFactor,
  trajectoryValue,
  type TrajectoryPoint,
} from '../../../src/models/cost/trajectory.js';
import { DEFAULT_PRICE_TRAJECTORIES, priceFactors } from '../../../src/models/cost/priceTrajectories.js';
import { differentialElements } from '../../../src/models/orbit/relativeMotion.js';

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
    const a = 6378137 + 650e3;
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

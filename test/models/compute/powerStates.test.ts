import { describe, expect, it } from 'vitest';
import { eclipsePowerStates, type EclipsePowerStatesParams } from '../../../src/models/compute/powerStates.js';

/** 95.6 min, about a 552 km orbit's period; the cycle counts below are computed from this number by hand. */
const PERIOD_s = 95.6 * 60;
/** The flagship knee's case (issue 69): 77 GB300-class chips, idle 0.3 × peak, 80 % load, 0.27 of the average kept. */
const knee: EclipsePowerStatesParams = {
  chips: 77,
  idlePowerFraction: 0.3,
  utilization: 0.8,
  eclipseComputeFraction: 0.27,
  orbitPeriod_s: PERIOD_s,
  eclipseSeasonFraction: 1,
};

describe('eclipsePowerStates', () => {
  it('77 chips, idle 0.3, load 0.8, 0.27 of the average in eclipse: hand count of gated chips', () => {
    const r = eclipsePowerStates(knee);
    // Average chip power 0.3 + 0.7 × 0.8 = 0.86 of full; idle floor 0.3 / 0.86 = 0.34884.
    expect(r.idleFloorFraction).toBeCloseTo(0.3 / 0.86, 12);
    // Powered chips at the sunlit load: ⌊0.27 × 77⌋ = ⌊20.79⌋ = 20, so 57 gated (74 %).
    expect(r.gatedChips).toBe(57);
    expect(r.gatedFraction).toBeCloseTo(57 / 77, 12);
    // Even idle, the budget 0.27 × 77 × 0.86 = 17.88 chip-powers keeps ⌊17.88 / 0.3⌋ = 59 chips on: 18 gated.
    expect(r.gatedBelowIdleFloor).toBe(18);
  });

  it('on/off cycles: one per eclipse, every orbit of the eclipse season', () => {
    // 365.25 × 86,400 s / 5,736 s = 5,501.6 orbits a year; a season of 0.25 of the year: 1,375.4.
    expect(eclipsePowerStates(knee).cyclesPerGatedChip_per_yr).toBeCloseTo(5501.6, 0);
    expect(eclipsePowerStates({ ...knee, eclipseSeasonFraction: 0.25 }).cyclesPerGatedChip_per_yr).toBeCloseTo(
      1375.4,
      0,
    );
  });

  it('full ride-through (1): no chip gated, no cycles, whatever the season', () => {
    const r = eclipsePowerStates({ ...knee, eclipseComputeFraction: 1 });
    expect(r.gatedChips).toBe(0);
    expect(r.gatedBelowIdleFloor).toBe(0);
    expect(r.cyclesPerGatedChip_per_yr).toBe(0);
  });

  it('above the idle floor: gating still follows the compute kept, none forced by the idle draw', () => {
    // k = 0.5 of 72 chips: 36 powered, 36 gated; 0.5 > 0.3488, so all 72 could idle within the budget.
    const r = eclipsePowerStates({ ...knee, chips: 72, eclipseComputeFraction: 0.5 });
    expect(r.gatedChips).toBe(36);
    expect(r.gatedBelowIdleFloor).toBe(0);
  });

  it('compute idled in eclipse (0): every chip gated', () => {
    const r = eclipsePowerStates({ ...knee, eclipseComputeFraction: 0 });
    expect(r.gatedChips).toBe(77);
    expect(r.gatedBelowIdleFloor).toBe(77);
  });

  it('a chip with no idle draw is never forced off by the floor', () => {
    const r = eclipsePowerStates({ ...knee, idlePowerFraction: 0 });
    expect(r.idleFloorFraction).toBe(0);
    expect(r.gatedBelowIdleFloor).toBe(0);
  });

  it('rejects inputs outside the validity range', () => {
    expect(() => eclipsePowerStates({ ...knee, chips: 0 })).toThrow(RangeError);
    expect(() => eclipsePowerStates({ ...knee, eclipseComputeFraction: 1.1 })).toThrow(RangeError);
    expect(() => eclipsePowerStates({ ...knee, idlePowerFraction: 1 })).toThrow(RangeError);
    expect(() => eclipsePowerStates({ ...knee, eclipseSeasonFraction: -0.1 })).toThrow(RangeError);
  });
});

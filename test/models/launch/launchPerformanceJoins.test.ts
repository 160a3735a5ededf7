/**
 * The two joins of src/models/launch/launchPerformance.ts that a published point or curve sits on: a target at a
 * curve's
 * first altitude is that point (published, no ΔV), and a target exactly SAME_INCLINATION_rad (1e-6 rad) from a curve
 * belongs to the curve. Hand cases on made-up vehicles.
 */
import { describe, expect, it } from 'vitest';
import { payloadToOrbit, type PerformancePoint } from '../../../src/models/launch/launchPerformance.js';

const stage = { dryMass_kg: 1000, isp_s: 300 };
const reference = { altitude_m: 200e3, inclination_rad: 0.5, payload_kg: 1000 };
const at = (points: PerformancePoint[], altitude_m: number, inclination_rad: number) =>
  payloadToOrbit({ points, reference, upperStage: stage, altitude_m, inclination_rad });

describe('joins', () => {
  it('the lowest point of a curve is published, not extrapolated by a zero ΔV', () => {
    const curve: PerformancePoint[] = [
      { altitude_m: 300e3, inclination: 0.9, payload_kg: 1000 },
      { altitude_m: 500e3, inclination: 0.9, payload_kg: 800 },
    ];
    expect(at(curve, 300e3, 0.9)).toEqual({ payload_kg: 1000, basis: 'published', extrapolationDeltaV_m_s: 0 });
  });

  it('1e-6 rad from an equatorial curve (|0 − 1e-6| is exactly the tolerance) is on the curve', () => {
    const equatorial: PerformancePoint[] = [{ altitude_m: 400e3, inclination: 0, payload_kg: 700 }];
    expect(at(equatorial, 400e3, 1e-6)).toEqual({ payload_kg: 700, basis: 'published', extrapolationDeltaV_m_s: 0 });
  });
});

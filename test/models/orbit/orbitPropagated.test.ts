/**
 * The SGP4 adapter (src/models/orbit/orbitPropagated.ts) against two-body geometry: at epoch the OMM's node,
 * inclination and mean anomaly (RAAN Ω, i, M = ω = 0) put the satellite at the ascending node, r ≈ a·(cos Ω, sin Ω, 0),
 * moving along v ≈ √(μ/a)·(−cos i sin Ω, cos i cos Ω, sin i) (Vallado 2013 §2.6, perifocal to equatorial); at the March
 * 2026 equinox the Sun lies along +x, so a 550 km orbit with Ω = 0 spends its first quarter in sunlight and its
 * shadow arc (β ≈ 0, 0.3724 of the orbit, docs/sources.md §12) is centred half an orbit later. SGP4's short-period
 * terms and Kozai mean motion move these by a few km, hence the tolerances.
 */
import { describe, expect, it } from 'vitest';
import { propagatedShadowFraction, propagatedState } from '../../../src/models/orbit/orbitPropagated.js';
import { deg } from '../../helpers/units.js';
import { EARTH_MU_m3_s2 as MU, EARTH_RADIUS_m as RE } from '../../helpers/constants.js';

const a = RE + 550e3;
const period_s = 2 * Math.PI * Math.sqrt(a ** 3 / MU); // 5,739 s
const orbit = { altitude_m: 550e3, inclination_rad: 53 * deg, raan_rad: 0, epochIso: '2026-03-20T00:00:00Z' };
const km = 1e3;

describe('propagatedState at epoch: the ascending node of the OMM', () => {
  it('Ω = 0: on the +x axis, moving along (0, cos i, sin i) at √(μ/a) = 7.585 km/s', () => {
    const s = propagatedState({ ...orbit, tsince_s: 0 });
    expect(Math.abs(s.positionTeme_m.x - a)).toBeLessThan(15 * km);
    expect(Math.abs(s.positionTeme_m.y)).toBeLessThan(15 * km);
    expect(Math.abs(s.positionTeme_m.z)).toBeLessThan(15 * km);
    const v = s.velocityTeme_m_s;
    const speed = Math.hypot(v.x, v.y, v.z);
    expect(speed / Math.sqrt(MU / a)).toBeCloseTo(1, 2);
    expect(Math.abs(v.x)).toBeLessThan(0.01 * speed);
    expect(Math.atan2(v.z, v.y) / deg).toBeCloseTo(53, 0);
    // radius_m is |r| in metres: 6,928 km (Kozai mean motion puts it ~1 km above R⊕ + h, docs/sources.md §12)
    expect(s.radius_m).toBeCloseTo(Math.hypot(s.positionTeme_m.x, s.positionTeme_m.y, s.positionTeme_m.z), 3);
    expect(Math.abs(s.radius_m - a)).toBeLessThan(15 * km);
  });

  it('Ω = 90°, i = 98°: on the +y axis, moving along (−cos i, 0, sin i)', () => {
    const s = propagatedState({ ...orbit, raan_rad: 90 * deg, inclination_rad: 98 * deg, tsince_s: 0 });
    expect(Math.abs(s.positionTeme_m.x)).toBeLessThan(15 * km);
    expect(Math.abs(s.positionTeme_m.y - a)).toBeLessThan(15 * km);
    const v = s.velocityTeme_m_s;
    expect(Math.atan2(v.z, -v.x) / deg).toBeCloseTo(98, 0);
  });

  it('a quarter orbit later it is at the northernmost point, z ≈ a·sin i', () => {
    const s = propagatedState({ ...orbit, tsince_s: period_s / 4 });
    expect(Math.abs(s.positionTeme_m.z - a * Math.sin(53 * deg))).toBeLessThan(30 * km);
  });

  it('the epoch may omit the trailing Z (UTC either way)', () => {
    const withZ = propagatedState({ ...orbit, tsince_s: 600 });
    const withoutZ = propagatedState({ ...orbit, epochIso: '2026-03-20T00:00:00', tsince_s: 600 });
    expect(withoutZ).toEqual(withZ);
  });

  it('altitude 300–2000 km and inclination 0–π inclusive; outside refused with the range', () => {
    const at = (over: object) => () => propagatedState({ ...orbit, tsince_s: 0, ...over });
    expect(at({ altitude_m: 300e3 })).not.toThrow();
    expect(at({ altitude_m: 2000e3 })).not.toThrow();
    expect(at({ inclination_rad: 0 })).not.toThrow();
    expect(at({ inclination_rad: Math.PI })).not.toThrow();
    expect(at({ altitude_m: 299e3 })).toThrow(/propagated orbit: altitude_m = 299000 is outside 300–2000 km/);
    expect(at({ altitude_m: 2001e3 })).toThrow(/outside 300–2000 km/);
    expect(at({ inclination_rad: -0.01 })).toThrow(/inclination_rad = -0.01 must be in \[0, π\]/);
    expect(at({ inclination_rad: Math.PI + 0.01 })).toThrow(/must be in \[0, π\]/);
    expect(at({ epochIso: 'not-a-date' })).toThrow(/cannot parse epochIso 'not-a-date'/);
  });
});

describe('propagatedShadowFraction over part of an orbit', () => {
  it('the first quarter orbit after the node (Sun along +x) is all in sunlight', () => {
    const r = propagatedShadowFraction({ ...orbit, duration_s: period_s / 4, step_s: 10 });
    expect(r.meanShadowFraction).toBe(0);
    expect(r.umbraFraction).toBe(0);
    expect(r.samples).toBe(Math.round(period_s / 4 / 10));
  });

  it('three quarters hold the whole shadow arc: 0.3724 / 0.75 = 0.497 of the time, almost all of it umbra', () => {
    const r = propagatedShadowFraction({ ...orbit, duration_s: (3 * period_s) / 4, step_s: 10 });
    expect(Math.abs(r.meanShadowFraction - 0.3724 / 0.75)).toBeLessThan(0.01);
    // penumbra lasts ~8 s at each end at 550 km: umbra is the mean minus at most a few samples
    expect(r.umbraFraction).toBeLessThanOrEqual(r.meanShadowFraction);
    expect(r.umbraFraction).toBeGreaterThan(r.meanShadowFraction - 0.01);
    expect(Math.abs(r.meanRadius_m - a)).toBeLessThan(15 * km);
  });

  it('defaults: one two-body period at 10 s steps (574 samples at 550 km)', () => {
    expect(period_s).toBeCloseTo(5739, 0);
    expect(propagatedShadowFraction(orbit).samples).toBe(574);
  });

  it('refuses a non-positive duration or step, or more than 1e6 samples', () => {
    const message = /propagatedShadowFraction: need duration_s > 0, step_s > 0 and at most 1e6 samples/;
    expect(() => propagatedShadowFraction({ ...orbit, duration_s: 0 })).toThrow(message);
    expect(() => propagatedShadowFraction({ ...orbit, step_s: 0 })).toThrow(message);
    expect(() => propagatedShadowFraction({ ...orbit, duration_s: 1e6 + 1, step_s: 1 })).toThrow(message);
    // a step longer than the span is one sample at mid-span
    expect(propagatedShadowFraction({ ...orbit, duration_s: 5, step_s: 10 }).samples).toBe(1);
  });
});

describe('samples', () => {
  /**
   * Sampling of propagatedShadowFraction (src/models/orbit/orbitPropagated.ts): samples at the middle of each step, the
   * Sun taken at the sample's own date. Geometry as in orbitPropagatedEdges.test.ts: 550 km, 53°, Ω = 0 at the March
   * 2026 equinox, Sun along +x, shadow arc centred half an orbit after the node, 0.3724 of the orbit long (t/T from
   * 0.314 to
   * 0.686).
   */
  const T = 2 * Math.PI * Math.sqrt(a ** 3 / MU);
  const DAY_s = 86400;

  describe('samples sit at the middle of each step', () => {
    it('half an orbit in two steps samples T/8 (sunlit) and 3T/8 (in the shadow): mean 0.5', () => {
      const r = propagatedShadowFraction({ ...orbit, duration_s: T / 2, step_s: T / 4 });
      expect(r.samples).toBe(2);
      expect(r.meanShadowFraction).toBe(0.5);
      expect(r.umbraFraction).toBe(0.5);
    });

    it('one sample: its radius is the mean radius (≈ R⊕ + 550 km)', () => {
      const r = propagatedShadowFraction({ ...orbit, duration_s: 5, step_s: 10 });
      expect(r.samples).toBe(1);
      expect(Math.abs(r.meanRadius_m - a)).toBeLessThan(15e3);
    });

    it('a step longer than half the span still passes the sample cap (span/step, not span·step)', () => {
      expect(propagatedShadowFraction({ ...orbit, duration_s: 2000, step_s: 1000 }).samples).toBe(2);
    });

    it('a negative step is refused', () => {
      expect(() => propagatedShadowFraction({ ...orbit, step_s: -10 })).toThrow(/step_s > 0/);
    });
  });

  describe('the Sun moves with the sample date', () => {
    it('near the June solstice a satellite on the far side of the Earth from the June Sun is in the shadow', () => {
      // Sun at ecliptic longitude ~89° on 2026-06-20 (solstice 21 June): ŝ ≈ (cos λ, cos ε sin λ, sin ε sin λ),
      // ε = 23.44°. On 2025-12-19 (the same span before the epoch) it is at ~267°, nearly opposite.
      const lambda = 89 * deg,
        eps = 23.44 * deg;
      const sun = [Math.cos(lambda), Math.cos(eps) * Math.sin(lambda), Math.sin(eps) * Math.sin(lambda)];
      const t0 = 92 * DAY_s;
      let t = NaN;
      for (let k = 0; k < 40 && Number.isNaN(t); k++) {
        const s = propagatedState({ ...orbit, tsince_s: t0 + (k * T) / 40 });
        const p = s.positionTeme_m;
        if ((p.x * sun[0]! + p.y * sun[1]! + p.z * sun[2]!) / s.radius_m < -0.9) t = t0 + (k * T) / 40;
      }
      expect(Number.isNaN(t)).toBe(false);
      // one sample at t (span 2t, one step): deep in the June shadow
      const r = propagatedShadowFraction({ ...orbit, duration_s: 2 * t, step_s: 2 * t });
      expect(r.samples).toBe(1);
      expect(r.meanShadowFraction).toBe(1);
    });
  });
});

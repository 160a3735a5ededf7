/**
 * Sampling of propagatedShadowFraction (src/models/orbit/orbitPropagated.ts): samples at the middle of each step, the
 * Sun
 * taken at the sample's own date. Geometry as in orbitPropagatedEdges.test.ts: 550 km, 53°, Ω = 0 at the March 2026
 * equinox, Sun along +x, shadow arc centred half an orbit after the node, 0.3724 of the orbit long (t/T from 0.314 to
 * 0.686).
 */
import { describe, expect, it } from 'vitest';
import { propagatedShadowFraction, propagatedState } from '../../../src/models/orbit/orbitPropagated.js';
import { deg } from '../../helpers/units.js';

const MU = 3.986004418e14; // m³/s²
const RE = 6378137; // m
const a = RE + 550e3;
const T = 2 * Math.PI * Math.sqrt(a ** 3 / MU);
const orbit = { altitude_m: 550e3, inclination_rad: 53 * deg, raan_rad: 0, epochIso: '2026-03-20T00:00:00Z' };
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

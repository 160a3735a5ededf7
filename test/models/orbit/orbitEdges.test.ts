/**
 * Edges of src/models/orbit/orbit.ts that orbit.test.ts leaves open: the validity checks on both sides and their
 * messages, β* on the orbit record, the β range of drifting-node orbits (capped at 90°, mirrored for retrograde
 * inclinations) and the drifting-node eclipse statistics worked from the method the file header states.
 *
 * Oracles: β* = asin(R/(R + h)) and the β range ±min(90°, i' + ε), i' = min(i, 180° − i), by hand; the drifting
 * grid of the header (12 ecliptic-longitude midpoints over a quarter year × 24 relative-node midpoints over a half
 * circle, sin β = cos δ☉ sin i sin(Ω − α☉) + sin δ☉ cos i, eclipse iff |β| < β*) evaluated here point by point.
 * The Sun table of orbitSun.ts (Vallado 2013 Algorithm 29) is compared with the other low-precision almanac
 * formula, Meeus, Astronomical Algorithms 2nd ed. (1998) ch. 25 (geometric longitude, mean obliquity eq. 22.2).
 */
import { describe, expect, it } from 'vitest';
import {
  circularOrbit,
  eclipseFraction,
  orbitGeometry,
  sunSynchronousInclination,
} from '../../../src/models/orbit/orbit.js';
import { SUN_GRID_POINTS, sunCosDec, sunSinDec } from '../../../src/models/orbit/orbitSun.js';
import { EARTH_RADIUS_m, OBLIQUITY_rad } from '../../../src/base/constants.js';
import { deg } from '../../helpers/units.js';

const fixed = (altitude_m: number, inclination_rad: number) =>
  orbitGeometry({ altitude_m, inclination: { kind: 'fixed', inclination_rad } });

describe('validity checks name the function and the value', () => {
  it('each altitude check refuses just outside 300–2000 km on both sides', () => {
    const range = 'is outside the validity range 300–2000 km (3e5–2e6 m)';
    expect(() => circularOrbit({ altitude_m: 2001e3 })).toThrow(`circularOrbit: altitude_m = 2001000 ${range}`);
    expect(() => circularOrbit({ altitude_m: 299e3 })).toThrow(`circularOrbit: altitude_m = 299000 ${range}`);
    expect(() => sunSynchronousInclination({ altitude_m: 2001e3 })).toThrow(
      `sunSynchronousInclination: altitude_m = 2001000 ${range}`,
    );
    expect(() => eclipseFraction({ altitude_m: 2001e3, beta_rad: 0 })).toThrow(
      `eclipseFraction: altitude_m = 2001000 ${range}`,
    );
    expect(circularOrbit({ altitude_m: 2000e3 }).semiMajorAxis_m).toBe(EARTH_RADIUS_m + 2000e3);
    expect(circularOrbit({ altitude_m: 300e3 }).semiMajorAxis_m).toBe(EARTH_RADIUS_m + 300e3);
  });

  it('LTAN below 0 h and inclinations below 0 are refused; 0 h and 180° are accepted', () => {
    const sso = (ltan_h: number) => orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'sso', ltan_h } });
    expect(() => sso(-1)).toThrow(new RangeError('orbitGeometry: ltan_h = -1 must be in [0, 24) h'));
    expect(sso(0).sunSynchronous).toBe(true);
    expect(() => fixed(550e3, -0.1)).toThrow(new RangeError('orbitGeometry: inclination_rad = -0.1 must be in [0, π]'));
    expect(fixed(550e3, Math.PI).inclination_rad).toBe(Math.PI);
  });
});

describe('β* and the drifting-node β range, by hand', () => {
  it('β* on the orbit record is asin(R/(R + h)): 65.2° at 650 km [docs/sources.md §11 case 5]', () => {
    const g = fixed(650e3, 53 * deg);
    expect(g.betaStar_rad).toBeCloseTo(Math.asin(EARTH_RADIUS_m / (EARTH_RADIUS_m + 650e3)), 12);
    expect(g.betaStar_rad / deg).toBeCloseTo(65.2, 1);
  });

  it('a polar orbit reaches β = ±90° (i + ε is capped); a 120° orbit spans ±(60° + ε)', () => {
    const polar = fixed(550e3, 90 * deg);
    expect([polar.betaMin_rad, polar.betaMax_rad]).toEqual([-Math.PI / 2, Math.PI / 2]);
    const retro = fixed(550e3, 120 * deg);
    expect(retro.betaMax_rad).toBeCloseTo(60 * deg + OBLIQUITY_rad, 12);
    expect(retro.betaMin_rad).toBeCloseTo(-(60 * deg + OBLIQUITY_rad), 12);
  });
});

describe('drifting-node eclipse statistics on the header grid', () => {
  const lambdas = Array.from({ length: 12 }, (_, k) => ((k + 0.5) * Math.PI) / 2 / 12);
  const nodes = Array.from({ length: 24 }, (_, k) => -Math.PI / 2 + ((k + 0.5) * Math.PI) / 24);
  const sinBetas = (i: number) =>
    lambdas.flatMap((lambda) => {
      const dec = Math.asin(Math.sin(OBLIQUITY_rad) * Math.sin(lambda));
      return nodes.map((node) => Math.cos(dec) * Math.sin(i) * Math.sin(node) + Math.sin(dec) * Math.cos(i));
    });

  it('equatorial, 550 km: β = δ☉, every instant eclipses, the mean is the 12-season mean of f_e(δ☉)', () => {
    const g = fixed(550e3, 0);
    expect(g.eclipseSeasonFraction).toBe(1);
    const seasons = lambdas.map(
      (lambda) =>
        eclipseFraction({ altitude_m: 550e3, beta_rad: Math.asin(Math.sin(OBLIQUITY_rad) * Math.sin(lambda)) })
          .eclipseFraction,
    );
    expect(g.eclipseFractionMean).toBeCloseTo(seasons.reduce((a, b) => a + b, 0) / 12, 12);
  });

  it('polar, 2000 km: the season fraction is the share of grid points with |sin β| < R/(R + h)', () => {
    const clear = EARTH_RADIUS_m / (EARTH_RADIUS_m + 2000e3);
    const s = sinBetas(90 * deg);
    const eclipsing = s.filter((x) => Math.abs(x) < clear).length;
    expect(eclipsing).toBeGreaterThan(0);
    expect(eclipsing).toBeLessThan(288);
    const g = fixed(2000e3, 90 * deg);
    expect(g.eclipseSeasonFraction).toBeCloseTo(eclipsing / 288, 12);
    const mean =
      s.reduce((sum, x) => sum + eclipseFraction({ altitude_m: 2000e3, beta_rad: Math.asin(x) }).eclipseFraction, 0) /
      288;
    expect(g.eclipseFractionMean).toBeCloseTo(mean, 12);
  });
});

describe('the Sun table of orbitSun.ts against Meeus (1998) ch. 25', () => {
  it('δ☉ at the 73 midpoints of the tropical year from 2026-01-01 00:00 UT agrees within 0.005°', () => {
    // JD of 2026-01-01 00:00 UT from the Unix epoch (JD 2440587.5); both formulas claim ~0.01°, and they agree to
    // 0.003° here: a shifted instant (one grid step: ~2°), the wrong sin 2M term or obliquity rate (≥ 0.007°) do not.
    const jd0 = Date.UTC(2026, 0, 1) / 86400e3 + 2440587.5;
    expect(sunSinDec).toHaveLength(SUN_GRID_POINTS);
    for (let k = 0; k < SUN_GRID_POINTS; k++) {
      const T = (jd0 + ((k + 0.5) * 365.2422) / SUN_GRID_POINTS - 2451545) / 36525;
      const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
      const M = (357.52911 + 35999.05029 * T - 0.0001537 * T * T) * deg;
      const C =
        (1.914602 - 0.004817 * T - 0.000014 * T * T) * Math.sin(M) +
        (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
        0.000289 * Math.sin(3 * M);
      const eps = (23 + 26 / 60 + (21.448 - 46.815 * T) / 3600) * deg;
      const dec_deg = Math.asin(Math.sin(eps) * Math.sin((L0 + C) * deg)) / deg;
      expect(Math.abs(Math.asin(sunSinDec[k]!) / deg - dec_deg), `k = ${k}`).toBeLessThan(0.005);
      expect(sunCosDec[k]!).toBeCloseTo(Math.cos(Math.asin(sunSinDec[k]!)), 12);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { circularOrbit, eclipseFraction, orbitGeometry, sunSynchronousInclination } from '../../src/models/orbit.js';
import { propagatedShadowFraction, propagatedState } from '../../src/models/orbitPropagated.js';
import { deg_to_rad, km_to_m, rad_to_deg } from '../../src/units/convert.js';

// Sources:
// [DF] /work/shared/reference/domain-facts.md §4 "Orbit geometry formulas" and validation cases 5–7
//      (cylindrical shadow, SMAD / CNES CelestLab CL_gm_betaEclipse; J2 SSO condition).
// [AV] aerovia SSO designer, https://www.aerovia.org/tools/sun-synchronous-orbit-designer
//      (i = 98.208° and T = 98.88 min at a = 7083.1 km).
// [TC] /work/shared/reference/toolchain.md §3 (satellite.js 7.1.0: 550 km, 53°, 2026-03-20, RAAN 0 → 0.3724).

const tolerance_deg = 0.02; // [DF] case 6
const eclipseFractionTolerance = 0.002; // [DF] case 5, cylindrical model
const oneMinute_s = 60;

describe('circularOrbit', () => {
  it('period_s matches the tabulated two-body periods [DF §4 table]', () => {
    const cases: [number, number][] = [[400, 92.56], [550, 95.65], [650, 97.73], [1000, 105.12], [2000, 127.2]];
    for (const [h_km, T_min] of cases) expect(circularOrbit({ altitude_m: km_to_m(h_km) }).period_s / 60).toBeCloseTo(T_min, 1);
  });
  it('705 km SSO reference orbit has a 98.88 min period [AV]', () => {
    expect(circularOrbit({ altitude_m: 7083.1e3 - 6378.137e3 }).period_s / 60).toBeCloseTo(98.88, 1);
  });
  it('speed_m_s is √(μ/a): 7.67 km/s at 400 km', () => {
    expect(circularOrbit({ altitude_m: 400e3 }).speed_m_s).toBeCloseTo(7668.6, 0);
  });
  it('throws a RangeError naming the range outside 300–2000 km', () => {
    expect(() => circularOrbit({ altitude_m: 250e3 })).toThrow(/300–2000 km/);
    expect(() => circularOrbit({ altitude_m: Number.NaN })).toThrow(RangeError);
  });
});

describe('sunSynchronousInclination', () => {
  it('reproduces the SSO inclinations of [DF] case 6 / [AV] within 0.02°', () => {
    const cases: [number, number][] = [[650, 97.99], [705, 98.21], [1000, 99.48], [2000, 104.89]];
    for (const [h_km, i_deg] of cases) {
      expect(Math.abs(rad_to_deg(sunSynchronousInclination({ altitude_m: km_to_m(h_km) }).inclination_rad) - i_deg)).toBeLessThan(tolerance_deg);
    }
  });
  it('aerovia 98.208° at a = 7083.1 km [AV]', () => {
    const i = rad_to_deg(sunSynchronousInclination({ altitude_m: 7083.1e3 - 6378.137e3 }).inclination_rad);
    expect(Math.abs(i - 98.208)).toBeLessThan(0.005);
  });
});

describe('eclipseFraction (cylindrical shadow)', () => {
  it('β = 0: 0.372 at 550 km and 0.390 at 400 km [DF case 5]', () => {
    expect(Math.abs(eclipseFraction({ altitude_m: 550e3, beta_rad: 0 }).eclipseFraction - 0.372)).toBeLessThan(eclipseFractionTolerance);
    expect(Math.abs(eclipseFraction({ altitude_m: 400e3, beta_rad: 0 }).eclipseFraction - 0.39)).toBeLessThan(eclipseFractionTolerance);
  });
  it('650 km is eclipse-free for β ≥ β* = 65.2° [DF case 5]', () => {
    const r = eclipseFraction({ altitude_m: 650e3, beta_rad: deg_to_rad(65.3) });
    expect(r.eclipseFraction).toBe(0);
    expect(rad_to_deg(r.betaStar_rad)).toBeCloseTo(65.2, 1);
  });
  it('eclipseFraction decreases with |β| and never returns NaN', () => {
    let prev = 1;
    for (let b = 0; b <= 90; b += 1) {
      const f = eclipseFraction({ altitude_m: 550e3, beta_rad: deg_to_rad(b) }).eclipseFraction;
      expect(Number.isNaN(f)).toBe(false);
      expect(f).toBeLessThanOrEqual(prev);
      prev = f;
    }
  });
});

describe('orbitGeometry', () => {
  it('dawn-dusk 650 km SSO is not eclipse-free: βmin ≈ 58.6°, max eclipse ≈ 19.7 min, 3.9 % ± 0.5 pt per year [DF case 7]', () => {
    const g = orbitGeometry({ altitude_m: 650e3, inclination: { kind: 'sso', ltan_h: 18 } });
    expect(g.sunSynchronous).toBe(true);
    expect(Math.abs(rad_to_deg(g.betaMin_rad) - 58.6)).toBeLessThan(0.2);
    expect(Math.abs(g.maxEclipse_s - 19.7 * 60)).toBeLessThan(0.2 * oneMinute_s);
    expect(Math.abs(g.eclipseFractionMean - 0.039)).toBeLessThan(0.005);
  });
  it('dawn-dusk 1000 km SSO: ≈1.5 %/yr, up to 13.0 min; 550 km: 4.9 %/yr, 21.6 min [DF §4]', () => {
    const g1000 = orbitGeometry({ altitude_m: 1000e3, inclination: { kind: 'sso', ltan_h: 18 } });
    expect(Math.abs(g1000.eclipseFractionMean - 0.015)).toBeLessThan(0.005);
    expect(Math.abs(g1000.maxEclipse_s - 13.0 * 60)).toBeLessThan(0.2 * oneMinute_s);
    const g550 = orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'sso', ltan_h: 18 } });
    expect(Math.abs(g550.eclipseFractionMean - 0.049)).toBeLessThan(0.005);
    expect(Math.abs(g550.maxEclipse_s - 21.6 * 60)).toBeLessThan(0.2 * oneMinute_s);
  });
  it('noon-midnight SSO sees β ≈ 0 and the full β = 0 eclipse on every orbit', () => {
    const g = orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'sso', ltan_h: 12 } });
    expect(Math.abs(g.eclipseFractionWorst - 0.372)).toBeLessThan(eclipseFractionTolerance);
    expect(g.eclipseSeasonFraction).toBe(1);
  });
  it('a drifting-node orbit reaches β = 0, so its worst orbit is the β = 0 eclipse', () => {
    const g = orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'fixed', inclination_rad: deg_to_rad(53) } });
    expect(g.sunSynchronous).toBe(false);
    expect(g.eclipseFractionWorst).toBeCloseTo(eclipseFraction({ altitude_m: 550e3, beta_rad: 0 }).eclipseFraction, 12);
    expect(rad_to_deg(g.betaMax_rad)).toBeCloseTo(53 + 23.44, 1);
    expect(g.eclipseFractionMean).toBeLessThan(g.eclipseFractionWorst);
  });
  it('an equatorial orbit has β = δ☉, so its annual mean eclipse is close to the β = 0 value', () => {
    const g = orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'fixed', inclination_rad: 0 } });
    expect(g.eclipseFractionMean).toBeGreaterThan(0.36);
    expect(g.eclipseFractionMean).toBeLessThan(0.3724);
  });
  it('rejects out-of-range LTAN and inclination with RangeError', () => {
    expect(() => orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'sso', ltan_h: 24 } })).toThrow(RangeError);
    expect(() => orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'fixed', inclination_rad: 4 } })).toThrow(RangeError);
  });
});

describe('SGP4 cross-check (satellite.js adapter)', () => {
  it('mean shadow over one orbit matches the analytic β = 0 eclipse fraction (550 km, 53°, RAAN 0, 2026-03-20) [TC]', () => {
    const prop = propagatedShadowFraction({ altitude_m: 550e3, inclination_rad: deg_to_rad(53), raan_rad: 0, epochIso: '2026-03-20T00:00:00Z' });
    // toolchain.md: 0.3724. Here β ≈ 0 at the equinox, and the analytic cylinder gives 0.3723.
    const analytic = eclipseFraction({ altitude_m: 550e3, beta_rad: 0 }).eclipseFraction;
    expect(Math.abs(prop.meanShadowFraction - 0.3724)).toBeLessThan(eclipseFractionTolerance);
    expect(Math.abs(prop.meanShadowFraction - analytic)).toBeLessThan(eclipseFractionTolerance);
  });
  it('RAAN 90° on 2026-03-20 gives 0.276 [TC]', () => {
    const prop = propagatedShadowFraction({ altitude_m: 550e3, inclination_rad: deg_to_rad(53), raan_rad: deg_to_rad(90), epochIso: '2026-03-20T00:00:00Z' });
    expect(Math.abs(prop.meanShadowFraction - 0.276)).toBeLessThan(eclipseFractionTolerance);
  });
  it('fixture state: an upstream satellite.js change shows up here first', () => {
    // Snapshot taken with satellite.js 7.1.0 (OMM 550 km / 53° / RAAN 0 / M 0 at 2026-03-20T00:00Z, t = 600 s).
    const oneMetre_m = 1;
    const s = propagatedState({ altitude_m: 550e3, inclination_rad: deg_to_rad(53), raan_rad: 0, epochIso: '2026-03-20T00:00:00Z', tsince_s: 600 });
    expect(Math.abs(s.positionTeme_m.x - 5488853.002)).toBeLessThan(oneMetre_m);
    expect(Math.abs(s.positionTeme_m.y - 2539890.762)).toBeLessThan(oneMetre_m);
    expect(Math.abs(s.positionTeme_m.z - 3372191.120)).toBeLessThan(oneMetre_m);
    expect(Math.abs(s.velocityTeme_m_s.x - -4633.139)).toBeLessThan(0.01);
  });
  it('turns a bad epoch into a thrown Error with a clear message', () => {
    expect(() => propagatedState({ altitude_m: 550e3, inclination_rad: 0.9, raan_rad: 0, epochIso: 'not-a-date', tsince_s: 0 })).toThrow(/epochIso/);
  });
});

import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_m } from '../../../src/base/constants.js';
import {
  airmassKastenYoung,
  apparentMinusMeanSun_rad,
  jdToIso,
  skyCount,
  sunElevation_rad,
  sunsetJd,
  zenith,
  type SkyCountParams,
  type SkyPlane,
} from '../../../src/constellation/environment/skyCount.js';
import {
  lambertPhase,
  magnitudeFunction,
  standardMagnitude,
} from '../../../src/constellation/environment/skyPhotometry.js';
import { bruteForceSkyCount } from './skyBruteForce.js';
import { filingPlanes } from './skyFiling.js';

const RAD = Math.PI / 180;
const KM = 1000;
const observer = { latitude_rad: 37 * RAD, longitude_rad: 0 };
const sphere = magnitudeFunction({ kind: 'lambertian', albedo: 0.2, area_m2: 800 });

describe('Lambertian sphere magnitude (Hainaut & Williams 2020, eq. 1)', () => {
  it('gives the hand-calculated magnitude of ζ = 0.2 over 800 m² at 1,000 km', () => {
    // Φ(α) = [(π − α)cos α + sin α]/π: Φ(0) = 1, Φ(60°) = (π/3 + √3/2)/π = 0.60900, Φ(90°) = 1/π
    expect(lambertPhase(0)).toBeCloseTo(1, 12);
    expect(lambertPhase(60 * RAD)).toBeCloseTo(0.609, 4);
    expect(lambertPhase(Math.PI)).toBeCloseTo(0, 12);
    // α = 90°: p·A·Φ/(π d²) = 0.2·800/(π²·10¹²) = 1.6211e-11, −2.5·log10 = 26.975: m = −26.76 + 26.975 = 0.215
    expect(sphere(1000 * KM, 90 * RAD)).toBeCloseTo(0.2154, 3);
    // α = 0: 0.2·800/(π·10¹²) = 5.093e-11: m = −26.76 + 25.733 = −1.027
    expect(sphere(1000 * KM, 0)).toBeCloseTo(-1.0274, 3);
    // α = 60°: 5.093e-11·0.609 = 3.101e-11: m = −0.489
    expect(sphere(1000 * KM, 60 * RAD)).toBeCloseTo(-0.489, 3);
    // twice the range: 5·log10 2 = 1.505 mag fainter
    expect(sphere(2000 * KM, 90 * RAD) - sphere(1000 * KM, 90 * RAD)).toBeCloseTo(1.50515, 4);
    expect(standardMagnitude({ kind: 'lambertian', albedo: 0.2, area_m2: 800 })).toBeCloseTo(0.2154, 3);
  });

  it('evaluates the Gen2 Mini quadratic of Mallama et al. (2023, Fig. 5) and scales it by area', () => {
    // m1000 = 2.630 + 0.1065·α − 0.0005167·α² over the Mini's 116 m²: α = 90°: 2.630 + 9.585 − 4.18527 = 8.02973
    const mini116 = magnitudeFunction({ kind: 'measured', phaseFunction: 'starlink-gen2-mini', area_m2: 116 });
    expect(mini116(1000 * KM, 90 * RAD)).toBeCloseTo(8.0297, 3);
    // α = 10°: 2.630 + 1.065 − 0.05167 = 3.64333; faintest at α = 0.1065/(2·0.0005167) = 103.06°: 8.1180
    expect(mini116(1000 * KM, 10 * RAD)).toBeCloseTo(3.6433, 3);
    expect(mini116(1000 * KM, 103.06 * RAD)).toBeCloseTo(8.118, 3);
    expect(mini116(1000 * KM, 103.06 * RAD)).toBeGreaterThan(mini116(1000 * KM, 95 * RAD));
    expect(mini116(1000 * KM, 103.06 * RAD)).toBeGreaterThan(mini116(1000 * KM, 111 * RAD));
    // 710 m²: 2.5·log10(710/116) = 1.96700 brighter; α = 40°: 2.630 + 4.26 − 0.82672 − 1.96700 = 4.09628
    const mini = magnitudeFunction({ kind: 'measured', phaseFunction: 'starlink-gen2-mini', area_m2: 710 });
    expect(mini(1000 * KM, 40 * RAD)).toBeCloseTo(4.0963, 3);
    // 500 km, α = 120°: 2.630 + 12.78 − 7.44048 − 1.96700 − 5·log10 2 (1.50515) = 4.49737
    expect(mini(500 * KM, 120 * RAD)).toBeCloseTo(4.4974, 3);
    expect(standardMagnitude({ kind: 'measured', phaseFunction: 'starlink-gen2-mini', area_m2: 710 })).toBeCloseTo(
      6.0627,
      3,
    );
    expect(() => magnitudeFunction({ kind: 'measured', phaseFunction: 'nope', area_m2: 1 })).toThrow(/known/);
  });
});

/** A one-satellite plane whose slot 0 sits over the observer's zenith at the instant jd. */
function zenithPlane(jd: number, altitude_m: number): SkyPlane {
  const z = zenith(observer, jd);
  // polar plane through the zenith: P̂ = (cos Ω, sin Ω, 0), Q̂ = (0, 0, 1), u = latitude
  return {
    altitude_m,
    inclination_rad: Math.PI / 2,
    raan_rad: Math.atan2(z[1], z[0]),
    u0_rad: Math.asin(z[2]),
    satellites: 1,
  };
}

function countAt(jd: number, planes: SkyPlane[]): { counted: number; above: number } {
  const r = skyCount({
    planes,
    referenceJd: jd,
    observer,
    instantsJd: [jd],
    limits_mag: [99],
    minElevation_rad: 0,
    magnitude: sphere,
  });
  return { counted: r.counts[0]![0]!, above: r.aboveHorizon[0]! };
}

describe("Earth's shadow (cylindrical)", () => {
  it('never counts a satellite in the shadow, however bright its model', () => {
    // the Sun 30° below the horizon: a zenith satellite is sunlit only above R(1/cos 30° − 1) = 986.7 km
    const set = sunsetJd(observer, '2026-03-20');
    let lo = set,
      hi = set + 0.25;
    for (let k = 0; k < 50; k++) {
      const mid = (lo + hi) / 2;
      if (sunElevation_rad(observer, mid) > -30 * RAD) lo = mid;
      else hi = mid;
    }
    expect(countAt(lo, [zenithPlane(lo, 900 * KM)])).toEqual({ counted: 0, above: 1 });
    expect(countAt(lo, [zenithPlane(lo, 1100 * KM)])).toEqual({ counted: 1, above: 1 });
    // local midnight: every zenith satellite below 2 Earth radii is in the shadow
    const midnight = set + 0.25;
    expect(countAt(midnight, [zenithPlane(midnight, 550 * KM), zenithPlane(midnight, 1500 * KM)]).counted).toBe(0);
  });
});

describe('sunset', () => {
  it('sets the Sun at the March 2026 equinox near 18:12 UT at 37° N, 0° E', () => {
    // equinox: the geometric Sun sets near 18:00 local apparent time; refraction and semi-diameter (0.833°) add
    // 0.833°/(15°/h · cos 37°) = 4.2 min, the equation of time (−7.5 min on 20 March) adds 7.5 min: ≈ 18:11.7 UT
    const iso = jdToIso(sunsetJd(observer, '2026-03-20'));
    expect(Date.parse(iso) - Date.parse('2026-03-20T18:11:42Z')).toBeLessThan(90_000);
    expect(Date.parse(iso) - Date.parse('2026-03-20T18:11:42Z')).toBeGreaterThan(-90_000);
    expect(() => sunsetJd({ latitude_rad: 80 * RAD, longitude_rad: 0 }, '2026-06-21')).toThrow(/does not set/);
  });
});

describe("atmosphere and the Sun's time", () => {
  it('airmass of Kasten & Young (1989): their formula within 0.5 % of their table, 1 at the zenith, 38 on the horizon', () => {
    // their Table: zenith angle 0° → 0.99976, 80° → 5.6034, 90° → 38.0868 (the formula fits it to a few tenths of a %)
    expect(airmassKastenYoung(90)).toBeWithinRelative(0.99976, 0.005);
    expect(airmassKastenYoung(10)).toBeWithinRelative(5.6034, 0.005);
    expect(airmassKastenYoung(0)).toBeWithinRelative(38.0868, 0.005);
    // at 30° from the zenith the curved atmosphere gives a little less than the plane-parallel sec 30° = 1.1547
    expect(airmassKastenYoung(60)).toBeLessThan(1 / Math.cos(30 * RAD));
    expect(airmassKastenYoung(60)).toBeGreaterThan(1.153);
  });
  it('reading an LTAN as apparent-Sun time turns a plane by the equation of time (USNO: −7.5 min on 20 March, +16.4 min on 3 November)', () => {
    // apparent − mean Sun right ascension = −EoT: +7.5 min = +1.87° on 20 March, −16.4 min = −4.1° on 3 November
    const march = apparentMinusMeanSun_rad('2026-03-20T18:00:00Z') / RAD;
    const november = apparentMinusMeanSun_rad('2026-11-03T17:00:00Z') / RAD;
    expect(march).toBeGreaterThan(1.75);
    expect(march).toBeLessThan(1.95);
    expect(november).toBeGreaterThan(-4.2);
    expect(november).toBeLessThan(-4.0);
  });
});

describe('fast path against brute force', () => {
  it('counts a mixed Walker and SSO layout exactly as checking every satellite does', () => {
    const set = sunsetJd(observer, '2026-03-20');
    const planes: SkyPlane[] = [];
    for (let p = 0; p < 12; p++) {
      planes.push({
        altitude_m: (500 + 60 * p) * KM,
        inclination_rad: (p % 2 === 0 ? 53 : 97.8) * RAD,
        raan_rad: p * 0.61,
        u0_rad: p * 0.13,
        satellites: 37 + 11 * p,
      });
    }
    for (const minElevation_rad of [0, 20 * RAD]) {
      const p: SkyCountParams = {
        planes,
        referenceJd: set,
        observer,
        instantsJd: [0, 20, 45, 80, 130].map((m) => set + m / 1440),
        limits_mag: [3, 5, 6, 7],
        minElevation_rad,
        magnitude: sphere,
      };
      const fast = skyCount(p).counts;
      expect(fast).toEqual(bruteForceSkyCount(p));
      expect(fast.flat().some((c) => c > 0)).toBe(true);
      // with 0.15 mag per airmass (the brute force has its own airmass): the same counts, and fewer than without
      const dimmed = { ...p, extinction_mag_per_airmass: 0.15 };
      const withExtinction = skyCount(dimmed).counts;
      expect(withExtinction).toEqual(bruteForceSkyCount(dimmed));
      expect(withExtinction.flat().reduce((a, c) => a + c, 0)).toBeLessThan(fast.flat().reduce((a, c) => a + c, 0));
    }
  });

  it('agrees on a 50,000-satellite version of the filing layout', () => {
    const set = sunsetJd(observer, '2026-03-20');
    const p: SkyCountParams = {
      planes: filingPlanes(jdToIso(set), 50_000),
      referenceJd: set,
      observer,
      instantsJd: [0, 30, 60, 90].map((m) => set + m / 1440),
      limits_mag: [6, 7],
      minElevation_rad: 0,
      magnitude: magnitudeFunction({ kind: 'measured', phaseFunction: 'starlink-gen2-mini', area_m2: 710 }),
    };
    const fast = skyCount(p).counts;
    expect(fast).toEqual(bruteForceSkyCount(p));
    expect(fast[0]![0]).toBeGreaterThan(0);
  });
});

describe('horizon arc', () => {
  it('sees a shell satellite at the horizon distance but not beyond it', () => {
    // zenith satellite of a plane rotated by the central angle λ = acos(R/a): on the horizon; 1° more: below it
    const set = sunsetJd(observer, '2026-03-20');
    const a = EARTH_RADIUS_m + 800 * KM;
    const lambda = Math.acos(EARTH_RADIUS_m / a);
    const base = zenithPlane(set, 800 * KM);
    const at = (du: number): number => countAt(set, [{ ...base, u0_rad: base.u0_rad + du }]).above;
    expect(at(lambda - 0.5 * RAD)).toBe(1);
    expect(at(lambda + 0.5 * RAD)).toBe(0);
  });
});

/**
 * The closest approach between shells on SGP4 orbits (shellGap.ts, conjunction.ts) against satellite.js:
 * SGP4's radius against the latitude profile, two satellites of two shells steered through a crossing with every
 * relative phasing searched (the closest two such orbits come for any phasing), and an all-pairs SGP4 brute force
 * on small two-shell constellations. Satellite elements, crossing geometry and searches are written here, not
 * taken from src/.
 */
import { describe, expect, it } from 'vitest';
import type { SatRec } from 'satellite.js';
import { conjunctionScreen } from '../../../src/constellation/environment/conjunction.js';
import {
  RADIUS_PROFILE_RESIDUAL_m,
  sgp4RadiusProfile,
  sgp4ShellGap,
} from '../../../src/constellation/environment/shellGap.js';
import { shell } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';
import { bruteForcePairs, satrecOf, sgp4Period_s, sgp4Position, worstOverDay } from './sgp4BruteForce.js';
import { EARTH_J2, EARTH_RADIUS_m as RE_m } from '../../helpers/constants.js';

const EPOCH = '2026-03-20T00:00:00Z';
/** |J3/J2|·R⊕ [m] (EGM-96 J2 = 1.0826267e-3, J3 = −2.53265649e-6; Vallado 2013, App. D). */
const J3_OVER_J2_R_m = (2.53265649e-6 / EARTH_J2) * RE_m;

describe("SGP4's radius is a function of latitude", () => {
  const cases: [number, number][] = [];
  for (const h of [450, 650, 1200]) for (const i of [30, 53, 70, 97.8]) cases.push([h, i]);
  it.each(cases)('%s km, %s°: r(φ) = a + C + B·sin²φ − ½|J3/J2|R⊕·sin φ within the stated residual', (h_km, i_deg) => {
    const p = sgp4RadiusProfile(h_km * 1000, i_deg * deg);
    const worst = worstOverDay(h_km * 1000, i_deg * deg, EPOCH, 120, (rec, t) => {
      const x = sgp4Position(rec, t);
      const r = Math.hypot(...x),
        sinPhi = x[2] / r;
      return Math.abs(r - (p.mean_m + p.sin2Coefficient_m * sinPhi * sinPhi - 0.5 * J3_OVER_J2_R_m * sinPhi));
    });
    expect(worst).toBeLessThanOrEqual(RADIUS_PROFILE_RESIDUAL_m);
  });
});

/**
 * The closest approach of one satellite of each shell steered through a crossing at latitude φ0: satellite a
 * ascending through φ0 at t = 0 (RAAN 0, sin u = sin φ0 / sin i), b descending through the same direction (its RAAN
 * chosen so its orbit passes there), then b's phase offset δ searched (golden section over ±0.6°, more than SGP4's
 * along-track terms move either satellite) for the smallest SGP4 distance over t ∈ [−150, 150] s (golden section).
 * What two satellites of the two shells reach at that crossing for the most unlucky phasing.
 */
function crossingMinimum_m(hA: number, iA: number, hB: number, iB: number, phi0: number): number {
  const uA = Math.asin(Math.sin(phi0) / Math.sin(iA));
  const lon = Math.atan2(Math.cos(iA) * Math.sin(uA), Math.cos(uA));
  const uB = Math.PI - Math.asin(Math.sin(phi0) / Math.sin(iB));
  const raanB = lon - Math.atan2(Math.cos(iB) * Math.sin(uB), Math.cos(uB));
  const a = satrecOf(hA, iA, { plane: 0, slot: 0, raan_rad: 0, u_rad: uA }, EPOCH);
  const passMinimum = (delta: number): number => {
    const b = satrecOf(hB, iB, { plane: 0, slot: 0, raan_rad: raanB, u_rad: uB + delta }, EPOCH);
    return goldenMin((t) => distance(a, b, t), -150, 150, 1e-4);
  };
  return goldenMin(passMinimum, -0.6 * deg, 0.6 * deg, 1e-9);
}

const distance = (a: SatRec, b: SatRec, t: number): number => {
  const x = sgp4Position(a, t),
    y = sgp4Position(b, t);
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
};

/** Golden-section minimum value of a unimodal f on [lo, hi] to tolerance tol in x. */
function goldenMin(f: (x: number) => number, lo: number, hi: number, tol: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo),
    x2 = lo + g * (hi - lo),
    f1 = f(x1),
    f2 = f(x2);
  while (hi - lo > tol) {
    if (f1 < f2) {
      [hi, x2, f2] = [x2, x1, f1];
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      [lo, x1, f1] = [x1, x2, f2];
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  return Math.min(f1, f2);
}

/** Stated residual of the between-shell closest approach: the profile's residual for each satellite [m]. */
const GAP_RESIDUAL_m = 2 * RADIUS_PROFILE_RESIDUAL_m;

describe('between shells: the closest approach for any phasing against SGP4 crossings', () => {
  const cases: [string, number, number, number, number, number][] = [
    // label, hA, iA, hB, iB, secular altitude gap
    ['53° and SSO at one altitude (secular 0 km)', 550e3, 53, 550e3, 97.6, 0],
    ['53° 2 km above SSO (secular 2 km)', 552e3, 53, 550e3, 97.6, 2000],
    ['53° 1 km above 53°', 551e3, 53, 550e3, 53, 1000],
    ['the knee: 70° at 538 km, SSO at 502 km', 538e3, 70, 502e3, 97.4, 36_000],
  ];
  it.each(cases)('%s', (_label, hA, iA, hB, iB, secular_m) => {
    const gap = sgp4ShellGap(
      { altitude_m: hA, inclination_rad: iA * deg },
      { altitude_m: hB, inclination_rad: iB * deg },
    );
    const phiMax = Math.min(iA, 180 - iA, iB, 180 - iB) * deg;
    const found = [0, 0.5 * phiMax, 0.8 * phiMax].map((phi) => crossingMinimum_m(hA, iA * deg, hB, iB * deg, phi));
    // No crossing comes closer than the stated value (less its residual), and one comes that close.
    for (const d of found) expect(d).toBeGreaterThanOrEqual(gap.gap_m - GAP_RESIDUAL_m);
    expect(Math.min(...found)).toBeLessThanOrEqual(gap.gap_m + GAP_RESIDUAL_m);
    // The screen's between-shell entry is this value.
    const s = conjunctionScreen({
      shells: [
        shell({ name: 'a', altitude_m: hA, inclination_rad: iA * deg, planes: 1, satsPerPlane: 1 }),
        shell({ name: 'b', altitude_m: hB, inclination_rad: iB * deg, planes: 1, satsPerPlane: 1 }),
      ],
      epochIso: EPOCH,
      threshold_m: 1000,
      memoise: false,
    });
    expect(s.minSeparation_m).toBe(gap.gap_m);
    console.log(
      `${_label}: secular ${(secular_m / 1000).toFixed(3)} km, SGP4 crossings ${found.map((d) => (d / 1000).toFixed(3)).join(' / ')} km, screen ${(gap.gap_m / 1000).toFixed(3)} km`,
    );
  });
});

describe('between shells: an all-pairs SGP4 brute force on small two-shell constellations', () => {
  // Two shells whose SGP4 orbits come within 0.2 km although their altitudes differ by 2 km, and a pair of shells
  // 1.2 km apart at one inclination: over an orbit, no pair of satellites comes closer than the screen's minimum.
  const pairs: [string, ReturnType<typeof shell>, ReturnType<typeof shell>][] = [
    [
      '4 × 5 at 552 km, 53°, F = 1 and 4 × 5 SSO band at 550 km',
      shell({ name: 'a', altitude_m: 552e3, planes: 4, satsPerPlane: 5, phasing: 1 }),
      shell({ name: 'b', altitude_m: 550e3, inclination_rad: 97.6 * deg, planes: 4, satsPerPlane: 5, raan0_rad: 0.3 }),
    ],
    [
      '4 × 5 at 551.2 km and 550 km, 53°, RAAN offset 20°',
      shell({ name: 'a', altitude_m: 551.2e3, planes: 4, satsPerPlane: 5, phasing: 1 }),
      shell({ name: 'b', altitude_m: 550e3, planes: 4, satsPerPlane: 5, phasing: 2, raan0_rad: 20 * deg }),
    ],
  ];
  it.each(pairs)('%s', (_label, A, B) => {
    const recs: SatRec[] = [];
    for (const sh of [A, B])
      for (let p = 0; p < sh.planes; p++)
        for (let k = 0; k < sh.satsPerPlane; k++)
          recs.push(
            satrecOf(
              sh.altitude_m,
              sh.inclination_rad,
              {
                plane: p,
                slot: k,
                raan_rad: sh.raan0_rad + (2 * Math.PI * p) / sh.planes,
                u_rad:
                  (2 * Math.PI * k) / sh.satsPerPlane + (2 * Math.PI * p * sh.phasing) / (sh.planes * sh.satsPerPlane),
              },
              EPOCH,
            ),
          );
    const brute = bruteForcePairs(recs, sgp4Period_s(recs[0]!), 2, 200_000);
    const s = conjunctionScreen({ shells: [A, B], epochIso: EPOCH, threshold_m: 1000, memoise: false });
    expect(brute.length).toBeGreaterThan(0);
    expect(brute[0]!.d_m).toBeGreaterThanOrEqual(s.minSeparation_m - GAP_RESIDUAL_m);
  });
});

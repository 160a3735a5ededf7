/**
 * Brute-force oracle for skyCount (src/constellation/environment/skyCount.ts): every satellite of every plane
 * positioned in 3-D at every instant, its elevation from the topocentric vector (no arc of argument of latitude),
 * its shadow from the perpendicular distance to the anti-Sun axis, its phase angle from the two unit vectors, and
 * its extinction k·X from the airmass of Kasten & Young (1989, Appl. Opt. 28, 4735, eq. 3) written out here:
 * X = 1/(cos z + 0.50572 (96.07995° − z)^−1.6364), z the zenith angle in degrees. Each plane's node regresses at the
 * J2 rate dΩ/dt = −(3/2)·J2·(R/a)²·n·cos i (Vallado, Fundamentals of Astrodynamics, 4th ed., 2013, eq. 9-41).
 */
import { DAY_s, EARTH_J2, EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../../src/base/constants.js';
import { sunDirection, zenith, type SkyCountParams } from '../../../src/constellation/environment/skyCount.js';

type V = [number, number, number];
const dot = (a: V, b: V): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: V, b: V): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const norm = (a: V): number => Math.sqrt(dot(a, a));

/** counts[i][k] of satellites brighter than limits_mag[k] at instant i, checking every satellite. */
export function bruteForceSkyCount(p: Readonly<SkyCountParams>): number[][] {
  return p.instantsJd.map((jd) => {
    const row = new Array<number>(p.limits_mag.length).fill(0);
    const sun = sunDirection(jd);
    const z = zenith(p.observer, jd);
    const obs: V = [z[0] * EARTH_RADIUS_m, z[1] * EARTH_RADIUS_m, z[2] * EARTH_RADIUS_m];
    for (const pl of p.planes) {
      const a = EARTH_RADIUS_m + pl.altitude_m;
      const n = Math.sqrt(EARTH_MU_m3_s2 / (a * a * a));
      for (let s = 0; s < pl.satellites; s++) {
        const u = pl.u0_rad + (2 * Math.PI * s) / pl.satellites + n * (jd - p.referenceJd) * DAY_s;
        const i = pl.inclination_rad;
        const O =
          pl.raan_rad - 1.5 * EARTH_J2 * (EARTH_RADIUS_m / a) ** 2 * n * Math.cos(i) * (jd - p.referenceJd) * DAY_s;
        const r: V = [
          a * (Math.cos(O) * Math.cos(u) - Math.sin(O) * Math.sin(u) * Math.cos(i)),
          a * (Math.sin(O) * Math.cos(u) + Math.cos(O) * Math.sin(u) * Math.cos(i)),
          a * Math.sin(u) * Math.sin(i),
        ];
        const los = sub(r, obs);
        const d = norm(los);
        if (Math.asin(dot(los, z) / d) < p.minElevation_rad) continue;
        const along = dot(r, sun);
        const perp = norm(sub(r, [sun[0] * along, sun[1] * along, sun[2] * along]));
        if (along < 0 && perp < EARTH_RADIUS_m) continue; // in the cylinder behind the Earth
        const alpha = Math.acos(Math.max(-1, Math.min(1, -dot(los, sun) / d)));
        const zenith_deg = (Math.acos(dot(los, z) / d) * 180) / Math.PI;
        const X = 1 / (Math.cos((zenith_deg * Math.PI) / 180) + 0.50572 * (96.07995 - zenith_deg) ** -1.6364);
        const m = p.magnitude(d, alpha) + (p.extinction_mag_per_airmass ?? 0) * X;
        p.limits_mag.forEach((L, k) => {
          if (m < L) row[k]!++;
        });
      }
    }
    return row;
  });
}

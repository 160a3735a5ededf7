/**
 * Closest approach between two shells on SGP4 orbits, over any relative phasing: the shells' minimum orbit distance
 * (MOID) with SGP4's radius profile instead of the secular circle.
 *
 * Radius profile. SGP4 (Hoots & Roehrich, Spacetrack Report #3, 1980; Vallado, Crawford, Hujsak & Kelso,
 * AIAA 2006-6753) flies a circular mean orbit of radius a = R⊕ + h at a radius that, with k = J2·R⊕²/a and the
 * terms sgp4Refine.ts lists (Brouwer–Lyddane first order as SGP4 codes them; Vallado, Fundamentals of
 * Astrodynamics, 4th ed. 2013, §9.7), is a function of the latitude φ alone, through sin φ = sin i·sin u:
 *   r(φ) = a + C + B·sin²φ − ½|J3/J2|·R⊕·sin φ,   C = −¼k(3cos²i − 1) + ¼k·sin²i,   B = −½k
 * (−¼k(3cos²i − 1) the Kozai→Brouwer and short-period constants; ¼k·sin²i·cos 2u = ¼k(sin²i − 2 sin²φ); the J3
 * long-period term −½|J3/J2|R⊕·sin i·sin u = −½|J3/J2|R⊕·sin φ). Measured against satellite.js over a day:
 * within 30 m at 450–1200 km and 30–98° (test/constellation/environment/shellGap.test.ts); the rest is O(J2²) and
 * SGP4's e = 1e-6 floor.
 *
 * Between shells. Two satellites of shells A and B closer than d sit at latitudes within d/r of each other, so
 * their distance is at least |r_A(φ) − r_B(φ)| less a few metres per km of d (the J3 term's slope, ~7.5 km/rad).
 * The J3 term is the same for both shells and cancels:
 *   g(x) = (a_A + C_A) − (a_B + C_B) + (B_A − B_B)·x,   x = sin²φ ∈ [0, sin² φ_max],
 * φ_max the lower of the shells' highest latitudes (min(i, 180° − i)), where both orbits reach. g is linear in x,
 * so min |g| is 0 where g changes sign and otherwise at x = 0 or sin² φ_max. It is also attained: where the planes'
 * line of nodes sits at latitude φ (every latitude up to φ_max as the relative node angle varies) and the two
 * satellites pass it together, their distance is |g|. Shells whose altitudes or inclinations differ drift in relative
 * phase (days for a few km of altitude) and in relative node (Ω̇ differs unless both are sun-synchronous), so over
 * a mission every such geometry occurs: min |g| is the shells' closest approach for any phasing. For two
 * sun-synchronous shells (equal Ω̇) whose planes keep their relative nodes it is a lower bound.
 *
 * Versus the secular altitude gap |h_A − h_B|: C differs by up to ~2.2 km between 53° and sun-synchronous shells
 * at one altitude (C = 0.88 km at 550 km, 53°; 3.04 km at 97.6°), so a 53° and a sun-synchronous shell at the same
 * nominal altitude never come within ~2.2 km on SGP4, and one 2 km above the other may come within ~0.2 km.
 *
 * Validity: circular orbits written as SGP4 mean elements (BSTAR 0), near-Earth SGP4 (period < 225 min); the
 * nominal pattern, not a flown constellation. Cluster shells: the reference orbit, less the cluster radius.
 */
import { EARTH_J2, EARTH_RADIUS_m } from '../../base/constants.js';

/** Measured residual of the radius profile against satellite.js, per satellite, with headroom [m] (header). */
export const RADIUS_PROFILE_RESIDUAL_m = 50;

/** SGP4's radius profile of a circular mean orbit: r(φ) = a + C + B·sin²φ − ½|J3/J2|R⊕·sin φ [m] (header). */
export function sgp4RadiusProfile(
  altitude_m: number,
  inclination_rad: number,
): { mean_m: number; sin2Coefficient_m: number } {
  const a = EARTH_RADIUS_m + altitude_m;
  const k = (EARTH_J2 * EARTH_RADIUS_m * EARTH_RADIUS_m) / a;
  const c = Math.cos(inclination_rad),
    s = Math.sin(inclination_rad);
  return { mean_m: a - 0.25 * k * (3 * c * c - 1) + 0.25 * k * s * s, sin2Coefficient_m: -0.5 * k };
}

/** Highest latitude of an orbit [rad]: min(i, π − i). */
const highestLatitude = (inclination_rad: number): number => Math.min(inclination_rad, Math.PI - inclination_rad);

export interface ShellOrbit {
  readonly altitude_m: number;
  readonly inclination_rad: number;
}

/**
 * Closest approach of two shells' SGP4 orbits over any relative phasing, min over latitude of |g| (header) [m],
 * and the latitude [rad] where it occurs.
 */
export function sgp4ShellGap(
  a: Readonly<ShellOrbit>,
  b: Readonly<ShellOrbit>,
): { gap_m: number; latitude_rad: number } {
  const pa = sgp4RadiusProfile(a.altitude_m, a.inclination_rad),
    pb = sgp4RadiusProfile(b.altitude_m, b.inclination_rad);
  const phiMax = Math.min(highestLatitude(a.inclination_rad), highestLatitude(b.inclination_rad));
  const g0 = pa.mean_m - pb.mean_m,
    slope = pa.sin2Coefficient_m - pb.sin2Coefficient_m;
  const xMax = Math.sin(phiMax) ** 2;
  const g1 = g0 + slope * xMax;
  if (g0 * g1 <= 0) return { gap_m: 0, latitude_rad: slope === 0 ? 0 : Math.asin(Math.sqrt(-g0 / slope)) };
  return Math.abs(g0) <= Math.abs(g1)
    ? { gap_m: Math.abs(g0), latitude_rad: 0 }
    : { gap_m: Math.abs(g1), latitude_rad: phiMax };
}

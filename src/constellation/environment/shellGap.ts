/**
 * Closest approach between two shells on SGP4 orbits, over any relative phasing: the shells' minimum orbit distance
 * (MOID) with SGP4's radius profile instead of the secular circle.
 *
 * SGP4 (Hoots & Roehrich, Spacetrack Report #3, 1980; Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753; Vallado,
 * Fundamentals of Astrodynamics, 4th ed. 2013, §9.7) flies a circular mean orbit at a radius set by latitude φ:
 *   r(φ) = a + C + B·sin²φ − ½|J3/J2|·R⊕·sin φ,   C = −¼k(3cos²i − 1) + ¼k·sin²i,   B = −½k,
 * within 30 m of satellite.js. The J3 term cancels between shells, so g(x) = (a_A + C_A) − (a_B + C_B) +
 * (B_A − B_B)·x, x = sin²φ ∈ [0, sin² φ_max], is linear and min |g| is the closest approach for any phasing (a
 * lower bound for two sun-synchronous shells that keep their relative nodes).
 * Validity: circular orbits written as SGP4 mean elements (BSTAR 0), near-Earth SGP4 (period < 225 min); the
 * nominal pattern, not a flown constellation. Cluster shells: the reference orbit, less the cluster radius.
 * Derivation, evidence and costs: docs/constellations.md §"Closest approach between shells".
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

/**
 * Shell patterns: the orbital elements of every plane and slot of a shell.
 *
 * Walker delta i:T/P/F (Walker, "Satellite constellations", J. Br. Interplanet. Soc. 37, 559–572, 1984; Wertz,
 * Mission Geometry, 2001, §13): Ωp = Ω0 + p·2π/P, u(p,s) = s·2π/S + p·F·2π/T. Walker star: Ωp = Ω0 + p·π/P.
 * sso-ltan: planes spread evenly over an LTAN band. cluster: one reference orbit per cluster, spread as Walker delta.
 * SSO planes: Ω = α_mean☉(epoch) + (LTAN − 12 h)·15°/h (Vallado 2013 §11.4), LTAN in mean local solar time, α_mean☉
 * the Sun's mean longitude L = 280.460° + 36000.771°·T_UT1 (Vallado 2013 Algorithm 29), the node model's mean Sun.
 * Validity: circular orbits; any P ≥ 1, S ≥ 1, 0 ≤ F < P.
 * Derivation, evidence and costs: docs/constellations.md §"Shell patterns".
 */
import { remainder } from '../../base/remainder.js';
import { satelliteJs } from '../../base/satelliteJs.js';
import { utcMsOf } from '../../base/utcTime.js';
import type { CircularElements, ShellGeometrySpec } from '../design/types.js';

const TWO_PI = 2 * Math.PI;
const RAD_PER_HOUR_ANGLE = Math.PI / 12;
const RAD_PER_DEG = Math.PI / 180;
const J2000_JD = 2451545.0;
const DAYS_PER_JULIAN_CENTURY = 36525;

/** Milliseconds since 1970 of an ISO 8601 instant (UTC when it names no zone). */
export const utcMs = (epochIso: string): number => utcMsOf(epochIso); // src/base/utcTime.ts, the one time reader

let lastJulian: { readonly epochIso: string; readonly jd: number } | null = null;

/** Julian date of an ISO 8601 UTC instant (the last one kept: a shell's planes ask for one epoch each). */
export function julianDate(epochIso: string): number {
  if (lastJulian?.epochIso !== epochIso) lastJulian = { epochIso, jd: satelliteJs().jday(new Date(utcMs(epochIso))) };
  return lastJulian.jd;
}

/**
 * Right ascension of the mean Sun [rad]: its mean longitude L = 280.460° + 36000.771°·T (Vallado 2013 Algorithm 29).
 */
export function meanSunRightAscension_rad(epochIso: string): number {
  const centuries = (julianDate(epochIso) - J2000_JD) / DAYS_PER_JULIAN_CENTURY;
  return wrap((280.46 + 36000.771 * centuries) * RAD_PER_DEG);
}

/** RAAN [rad] of a sun-synchronous plane with this (mean local solar time) LTAN [h] at the epoch. */
export function raanFromLtan_rad(ltan_h: number, epochIso: string): number {
  return wrap(meanSunRightAscension_rad(epochIso) + (ltan_h - 12) * RAD_PER_HOUR_ANGLE);
}

/**
 * ((a % 2π) + 2π) % 2π, bit for bit, with base/remainder.ts's exact remainders (no call to fmod where the quotient
 * is small). One per satellite of a shell (slotPhase_rad).
 */
export function wrapAngle_rad(a: number): number {
  return remainder(remainder(a, TWO_PI) + TWO_PI, TWO_PI);
}
const wrap = wrapAngle_rad;
const wrapHours = (h: number): number => ((h % 24) + 24) % 24;

/** What fixes the LTAN of each plane (a ShellGeometrySpec, or a shell as the user wrote it). */
export type LtanLayout = Pick<ShellGeometrySpec, 'pattern' | 'planes' | 'ltanBand_h'> & {
  readonly ltan_h: number | null;
};

/**
 * LTAN [h, 0 ≤ LTAN < 24] of plane p of a sun-synchronous shell: spread over the `sso-ltan` band, or
 * advanced by the Walker RAAN spread (delta 24 h/P, star 12 h/P; clusters as delta).
 */
export function planeLtan_h(shell: Readonly<LtanLayout>, plane: number): number {
  const ltan = shell.ltan_h ?? 12;
  if (shell.pattern === 'sso-ltan') {
    if (shell.planes === 1) return wrapHours(ltan);
    return wrapHours(ltan - shell.ltanBand_h / 2 + (shell.ltanBand_h * (plane + 0.5)) / shell.planes);
  }
  const spread_h = shell.pattern === 'walker-star' ? 12 : 24;
  return wrapHours(ltan + (plane * spread_h) / shell.planes);
}

/** RAAN [rad] of plane p. */
export function planeRaan_rad(shell: Readonly<ShellGeometrySpec>, plane: number, epochIso: string): number {
  if (shell.sunSynchronous) return raanFromLtan_rad(planeLtan_h(shell, plane), epochIso);
  const spread = shell.pattern === 'walker-star' ? Math.PI : TWO_PI;
  return wrap(shell.raan0_rad + (plane * spread) / shell.planes);
}

/** Argument of latitude at epoch [rad] of slot s in plane p (for `cluster`, of the reference orbit: s is ignored). */
export function slotPhase_rad(shell: Readonly<ShellGeometrySpec>, plane: number, slot: number): number {
  // Walker's T is the number of orbits phased against each other: every satellite, or one reference
  // orbit per cluster.
  const total = shell.pattern === 'cluster' ? shell.planes : shell.planes * shell.satsPerPlane;
  const phasing = (plane * shell.phasing * TWO_PI) / total;
  if (shell.pattern === 'cluster') return wrap(phasing);
  return wrap((slot * TWO_PI) / shell.satsPerPlane + phasing);
}

/**
 * slotPhase_rad of every slot of every plane, plane-major (one per plane for `cluster`), by the same floating-point
 * operations: each slot's term and each plane's phasing made once.
 */
export function slotPhases_rad(shell: Readonly<ShellGeometrySpec>): Float64Array {
  const cluster = shell.pattern === 'cluster';
  const S = cluster ? 1 : shell.satsPerPlane;
  const total = cluster ? shell.planes : shell.planes * shell.satsPerPlane;
  const out = new Float64Array(shell.planes * S);
  const slot = new Float64Array(S);
  for (let s = 0; s < S; s++) slot[s] = (s * TWO_PI) / shell.satsPerPlane;
  for (let p = 0; p < shell.planes; p++) {
    const phasing = (p * shell.phasing * TWO_PI) / total;
    if (cluster) out[p] = wrap(phasing);
    else for (let s = 0; s < S; s++) out[p * S + s] = wrap(slot[s]! + phasing);
  }
  return out;
}

/** Elements of plane p's representative orbit (slot 0, or the cluster's reference orbit). */
export function planeElements(shell: Readonly<ShellGeometrySpec>, plane: number, epochIso: string): CircularElements {
  return {
    altitude_m: shell.altitude_m,
    inclination_rad: shell.inclination_rad,
    raan_rad: planeRaan_rad(shell, plane, epochIso),
    argumentOfLatitude_rad: slotPhase_rad(shell, plane, 0),
  };
}

/** Elements of every satellite of a shell, plane by plane (cluster members share their reference orbit's elements). */
export function* satelliteElements(
  shell: Readonly<ShellGeometrySpec>,
  epochIso: string,
): Generator<CircularElements & { plane: number; slot: number }> {
  for (let p = 0; p < shell.planes; p++) {
    const raan_rad = planeRaan_rad(shell, p, epochIso);
    for (let s = 0; s < shell.satsPerPlane; s++) {
      yield {
        plane: p,
        slot: s,
        altitude_m: shell.altitude_m,
        inclination_rad: shell.inclination_rad,
        raan_rad,
        argumentOfLatitude_rad: slotPhase_rad(shell, p, s),
      };
    }
  }
}

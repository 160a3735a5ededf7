/**
 * Shell patterns: the orbital elements of every plane and slot of a shell.
 *
 * Method
 * - Walker delta i:T/P/F (Walker, "Satellite constellations", J. Br. Interplanet. Soc. 37, 559–572, 1984;
 *   Wertz, Mission Geometry, 2001, §13): P planes with RAAN Ωp = Ω0 + p·2π/P, S = T/P satellites per
 *   plane at argument of latitude u(p,s) = s·2π/S + p·F·2π/T.
 * - Walker star (polar "π" constellations such as Iridium): RAANs spread over 180°, Ωp = Ω0 + p·π/P, same
 *   in-plane spacing and phasing rule.
 * - sso-ltan: sun-synchronous planes spread evenly over an LTAN band [LTAN − band/2, LTAN + band/2]
 *   (plane centres at (p + ½)/P of the band); each plane's RAAN follows from its LTAN at epoch,
 *   Ω = α☉(epoch) + (LTAN − 12 h)·15°/h (Vallado 2013 §11.4; α☉ from satellite.js `sunPos`, Vallado
 *   Algorithm 29). Slots as Walker with phasing F.
 * - cluster (Suncatcher-style formation, arXiv:2511.19468): one reference orbit per cluster; clusters
 *   (planes) are spread in RAAN as Walker delta. The S members fly bounded relative orbits about it
 *   (clusterFormation.ts); here every member reports the reference orbit's elements.
 * For every SSO pattern the plane-0 RAAN comes from the LTAN; for non-SSO Walker shells from `raan0_rad`.
 *
 * Validity: circular orbits; any P ≥ 1, S ≥ 1, 0 ≤ F < P.
 */
import { satelliteJs } from '../core/satelliteJs.js';
import type { CircularElements, ShellGeometrySpec } from './types.js';

const TWO_PI = 2 * Math.PI;
const RAD_PER_HOUR_ANGLE = Math.PI / 12;

/** Milliseconds since 1970 of an ISO 8601 instant (UTC when it names no zone). */
export function utcMs(epochIso: string): number {
  const t = Date.parse(epochIso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(epochIso) ? epochIso : `${epochIso}Z`);
  if (!Number.isFinite(t)) throw new RangeError(`epoch '${epochIso}' is not an ISO 8601 date`);
  return t;
}

/** Julian date of an ISO 8601 UTC instant. */
export function julianDate(epochIso: string): number {
  return satelliteJs().jday(new Date(utcMs(epochIso)));
}

/** RAAN [rad] of a sun-synchronous plane with this LTAN [h] at the epoch. */
export function raanFromLtan_rad(ltan_h: number, epochIso: string): number {
  const { rtasc } = satelliteJs().sunPos(julianDate(epochIso));
  return wrap(rtasc + (ltan_h - 12) * RAD_PER_HOUR_ANGLE);
}

const wrap = (a: number): number => ((a % TWO_PI) + TWO_PI) % TWO_PI;

/** LTAN [h] of plane p of an `sso-ltan` shell. */
export function planeLtan_h(shell: Readonly<ShellGeometrySpec>, plane: number): number {
  const ltan = shell.ltan_h ?? 12;
  if (shell.pattern !== 'sso-ltan' || shell.planes === 1) return ltan;
  return ltan - shell.ltanBand_h / 2 + (shell.ltanBand_h * (plane + 0.5)) / shell.planes;
}

/** RAAN [rad] of plane p. */
export function planeRaan_rad(shell: Readonly<ShellGeometrySpec>, plane: number, epochIso: string): number {
  if (shell.pattern === 'sso-ltan') return raanFromLtan_rad(planeLtan_h(shell, plane), epochIso);
  const raan0 = shell.sunSynchronous && shell.ltan_h !== null ? raanFromLtan_rad(shell.ltan_h, epochIso) : shell.raan0_rad;
  const spread = shell.pattern === 'walker-star' ? Math.PI : TWO_PI;
  return wrap(raan0 + (plane * spread) / shell.planes);
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
export function* satelliteElements(shell: Readonly<ShellGeometrySpec>, epochIso: string): Generator<CircularElements & { plane: number; slot: number }> {
  for (let p = 0; p < shell.planes; p++) {
    const raan_rad = planeRaan_rad(shell, p, epochIso);
    for (let s = 0; s < shell.satsPerPlane; s++) {
      yield {
        plane: p, slot: s, altitude_m: shell.altitude_m, inclination_rad: shell.inclination_rad, raan_rad, argumentOfLatitude_rad: slotPhase_rad(shell, p, s),
      };
    }
  }
}

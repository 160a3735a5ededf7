/**
 * One shell as the self-conjunction screen (conjunction.ts) sees it: its objects (satellites, or cluster reference
 * orbits) in the frame turning with the nodes, their secular positions, the closed-form closest approach of a pair
 * and the symmetry class of a pair. Model, symmetry and equations: docs/constellations.md §"Conjunction screen".
 */
import { hypot2, hypot3 } from '../../base/hypot.js';
import { EARTH_J2, EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../base/constants.js';
import { positive } from '../../models/validate.js';
import { planeRaan_rad, slotPhases_rad } from '../geometry/pattern.js';
import { planeDots, sgp4ExcursionBound_m, sgp4PairBound, type RefineShell } from './sgp4Refine.js';
import type { ShellGeometrySpec } from '../design/types.js';

const TWO_PI = 2 * Math.PI;
/** Rate of the argument of latitude of a circular orbit with secular J2 [rad/s] (header). */
export function argumentOfLatitudeRate_rad_s(altitude_m: number, inclination_rad: number): number {
  const a = EARTH_RADIUS_m + altitude_m;
  const n = Math.sqrt(EARTH_MU_m3_s2 / (a * a * a));
  const c = Math.cos(inclination_rad);
  return n * (1 + 1.5 * EARTH_J2 * (EARTH_RADIUS_m / a) ** 2 * (4 * c * c - 1));
}

export const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
export const mod = (a: number, m: number): number => ((a % m) + m) % m;

/**
 * One shell as the screen sees it: objects (satellites, or cluster reference orbits) in the nodal frame; what SGP4
 * refinement reads of it is its RefineShell part.
 */
export interface ShellState extends RefineShell {
  readonly uDot: number;
  readonly planes: number;
  readonly delta: boolean;
  readonly phasing: number;
  /** Satellites per object (cluster members) and the bound subtracted per pair [m]. */
  readonly members: number;
  readonly shrink_m: number;
  /** RAAN at the epoch, plane by plane [rad]. */
  readonly raan: Float64Array;
  readonly altitude_m: number;
  readonly inclination_rad: number;
}

export function shellState(sh: ShellGeometrySpec, epochIso: string): ShellState {
  positive('altitude_m', sh.altitude_m);
  const cluster = sh.pattern === 'cluster';
  const slots = cluster ? 1 : sh.satsPerPlane;
  const basis = new Float64Array(sh.planes * 6);
  const u0 = slotPhases_rad(sh);
  const raan = new Float64Array(sh.planes);
  const ci = Math.cos(sh.inclination_rad),
    si = Math.sin(sh.inclination_rad);
  for (let p = 0; p < sh.planes; p++) {
    raan[p] = planeRaan_rad(sh, p, epochIso);
    const co = Math.cos(raan[p]!),
      so = Math.sin(raan[p]!);
    // P̂ = ascending node, Q̂ = ĥ × P̂ (90° ahead in the plane).
    const o = p * 6;
    basis[o] = co;
    basis[o + 1] = so;
    basis[o + 2] = 0;
    basis[o + 3] = -so * ci;
    basis[o + 4] = co * ci;
    basis[o + 5] = si;
  }
  const pairBound = sgp4PairBound(sh.altitude_m, sh.inclination_rad);
  return {
    r: EARTH_RADIUS_m + sh.altitude_m,
    uDot: argumentOfLatitudeRate_rad_s(sh.altitude_m, sh.inclination_rad),
    planes: sh.planes,
    slots,
    basis,
    u0,
    delta: sh.pattern === 'walker-delta' || cluster,
    phasing: sh.phasing,
    members: cluster ? sh.satsPerPlane : 1,
    shrink_m: cluster ? 2 * sh.clusterRadius_m : 0,
    raan,
    altitude_m: sh.altitude_m,
    inclination_rad: sh.inclination_rad,
    epochIso,
    pairBound_m: 2 * sgp4ExcursionBound_m(sh.altitude_m, sh.inclination_rad),
    pairBoundOf: (a, b) => pairBound(raan[Math.floor(a / slots)]! - raan[Math.floor(b / slots)]!, u0[b]! - u0[a]!),
    elements: (k) => ({
      altitude_m: sh.altitude_m,
      inclination_rad: sh.inclination_rad,
      raan_rad: raan[Math.floor(k / slots)]!,
      argumentOfLatitude_rad: u0[k]!,
    }),
  };
}

export function position(st: ShellState, k: number, u: number, out: Float64Array, o: number): void {
  const b = Math.floor(k / st.slots) * 6;
  const c = Math.cos(u) * st.r,
    s = Math.sin(u) * st.r;
  const B = st.basis;
  out[o] = c * B[b]! + s * B[b + 3]!;
  out[o + 1] = c * B[b + 1]! + s * B[b + 4]!;
  out[o + 2] = c * B[b + 2]! + s * B[b + 5]!;
}

const SCRATCH = new Float64Array(6);

/** Secular closest approach of objects a and b over all time (closed form), and its first time after the epoch. */
export function pairClosestApproach(st: ShellState, a: number, b: number): { d_m: number; t_s: number } {
  const D = planeDots(st, a, b);
  const A = (D[0]! - D[1]!) / 2,
    C = (D[2]! + D[3]!) / 2,
    delta = st.u0[b]! - st.u0[a]!;
  const ua0 = st.u0[a]!;
  // Same plane (A = C = 0): the distance is constant.
  const ua = hypot2(A, C) < 1e-14 ? ua0 : (Math.atan2(C, A) - delta) / 2;
  const t_s = mod(ua - ua0, Math.PI) / st.uDot;
  const x = SCRATCH;
  position(st, a, ua, x, 0);
  position(st, b, ua + delta, x, 3);
  return { d_m: hypot3(x[0]! - x[3]!, x[1]! - x[4]!, x[2]! - x[5]!), t_s };
}

/**
 * The number of object pairs in the symmetry class of the pair (a, b) (header): T, or T/2 for a pair that is its own
 * mirror (Walker delta); S, or S/2 for the in-plane offset S/2 (slot shift).
 */
export function pairClassSize(st: ClassShell, a: number, b: number): number {
  const P = st.planes,
    S = st.slots,
    T = P * S;
  const pa = Math.floor(a / S),
    sa = a % S,
    pb = Math.floor(b / S),
    sb = b % S;
  if (st.delta) return deltaDiff(st, pa, sa, pb, sb) === deltaDiff(st, pb, sb, pa, sa) ? T / 2 : T;
  return pa === pb && 2 * Math.min(mod(sb - sa, S), mod(sa - sb, S)) === S ? S / 2 : S;
}

/** What a pair's symmetry class reads of a shell. */
export type ClassShell = Pick<ShellState, 'planes' | 'slots' | 'delta' | 'phasing'>;

/** Walker delta: the offset (planes, slots) from object (p1, s1) to (p2, s2), as one number. */
export function deltaDiff(st: ClassShell, p1: number, s1: number, p2: number, s2: number): number {
  return mod(p2 - p1, st.planes) * st.slots + mod(s2 - s1 - (p2 < p1 ? st.phasing : 0), st.slots);
}

/** The symmetry class of the pair (a, b) as one number (header; no allocation: it runs for every candidate pair). */
export function pairClassKey(st: ClassShell, a: number, b: number): number {
  const S = st.slots;
  const pa = Math.floor(a / S),
    sa = a % S,
    pb = Math.floor(b / S),
    sb = b % S;
  if (st.delta) return Math.min(deltaDiff(st, pa, sa, pb, sb), deltaDiff(st, pb, sb, pa, sa));
  if (pa === pb) return (pa * st.planes + pa) * S + Math.min(mod(sb - sa, S), mod(sa - sb, S));
  return pa < pb ? (pa * st.planes + pb) * S + mod(sb - sa, S) : (pb * st.planes + pa) * S + mod(sa - sb, S);
}

/** Positions of every object at time t [m], xyz interleaved. */
export function positionsAt(st: ShellState, t: number): Float64Array {
  const n = st.u0.length,
    out = new Float64Array(3 * n);
  for (let k = 0; k < n; k++) position(st, k, st.u0[k]! + st.uDot * t, out, 3 * k);
  return out;
}

/** Pair classes of a shell (header): T − 1 offsets from one object (Walker delta), or plane pairs × slot offsets. */
export function classCount(st: ShellState): number {
  const P = st.planes,
    S = st.slots;
  return st.delta ? P * S - 1 : ((P * (P - 1)) / 2) * S + P * Math.floor(S / 2);
}

/** The screen's window (header): after it the shell's geometry repeats. */
export function repeatWindow_s(st: ShellState): number {
  const period = TWO_PI / st.uDot;
  return st.delta ? (period * gcd(st.planes, st.phasing)) / (st.planes * st.slots) : period / st.slots;
}

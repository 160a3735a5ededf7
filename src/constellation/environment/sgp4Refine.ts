/**
 * SGP4 refinement of the self-conjunction screen's candidate pairs (conjunction.ts): the closest approach of two
 * satellites of one shell on SGP4 positions (satellite.js), found from the secular closed form and a stated bound
 * on how far SGP4 moves each satellite from its secular circular orbit.
 *
 * Excursion bound. SGP4 (Hoots & Roehrich, Spacetrack Report #3, 1980; Vallado, Crawford, Hujsak & Kelso,
 * AIAA 2006-6753) adds to the secular motion, for a near-circular orbit of radius a, inclination i, argument of
 * latitude u (Brouwer 1959 / Lyddane 1963 first-order terms as SGP4 codes them; Vallado, Fundamentals of
 * Astrodynamics, 4th ed. 2013, §9.7), with k = J2·R⊕²/a:
 *   radial       δr = −¼k(3cos²i − 1)  [Kozai→Brouwer mean motion (+½k(3cos²i−1)) plus the short-period constant
 *                      (−¾k(3cos²i−1)), the same for every satellite]  + ¼k·sin²i·cos 2u  − ½|J3/J2|·R⊕·sin i·sin u
 *   along-track  δs = ⅛k·sin²i·sin 2u  + |J3/J2|·R⊕·sin i·cos u
 *   cross-track  δw = −¾k·cos i·sin i·sin u
 * (the J3 terms are SGP4's long-period eccentricity aycof = −½(J3/J2)·sin i/a: the frozen-orbit radius profile).
 * Each component is bounded by the sum of its amplitudes (A_r, A_s, A_w), so |x_SGP4 − x_secular| ≤
 * E = √(A_r² + A_s² + A_w²) + 100 m, where x_secular is the circular orbit of radius R⊕ + h at SGP4's own mean
 * argument of latitude and node, and 100 m covers the O(J2²) terms (~J2²·a ≈ 8 m), SGP4's eccentricity floor
 * (e = 1e-6: ae + 2ae ≈ 21 m) and WGS-72 against WGS-84 constants (a few m). E ≈ 14.5 km at 550 km, 53°
 * (test/constellation/environment/sgp4Refine.test.ts measures SGP4 against the secular orbit over a day and
 * checks E bounds it at several altitudes and inclinations). Two satellites' SGP4 distance therefore differs from
 * their secular distance at the same instant by at most 2E.
 *
 * Pair bound. Satellite k's departure is R_k·e(u_k): one function e of the mean argument of latitude, turned by its
 * plane's rotation R_k (same i, RAAN Ω_k). For a pair, R_a e(u_a) − R_b e(u_b) = (R_a − R_b) e(u_a) + R_b (e(u_a) −
 * e(u_b)), so its size is at most 2|sin(ΔΩ/2)|·E + L·|Δu| (‖R_a − R_b‖ = 2|sin(ΔΩ/2)|; L bounds |de/du|: with
 * e = δr r̂ + δs ŝ + δw ĥ, de/du = (δr' − δs) r̂ + (δs' + δr) ŝ + δw' ĥ, each amplitude times its harmonic, 1 or 2,
 * L = √((2A_r + A_s)² + (2A_s + A_r)² + (2A_w)²)), plus the margin for each satellite: much less than 2E for
 * neighbouring planes of a sun-synchronous band, whose closest pairs differ little in RAAN and phase.
 *
 * Refinement of one pair. Every satellite of a shell shares a, e, i, ω and SGP4's secular rates, and SGP4's
 * position is the secular node rotation of a function of the argument of latitude alone (the terms above), so the
 * pair's SGP4 distance repeats every orbit (2π / SGP4's u̇) and its minimum over one orbit is its minimum over all
 * time (to the eccentricity floor's perigee drift, ≤ ~45 m). The secular distance d_sec(u_a) of the pair is the
 * closed form of conjunction.ts; SGP4's distance can be below a limit L only where d_sec < L + 2E: two arcs per
 * orbit about the secular closest approaches (cos(2u_a + Δ − ψ) ≥ (1 − K0 − (L + 2E)²/2r²)/K1), mapped to time
 * with SGP4's mean argument of latitude u_a(t) = u_a0 + u̇t. Each arc is sampled every ≤ 30 s (range rate from the
 * SGP4 velocities, f = r_rel·v_rel); every sign change of f from − to + is a local minimum, found by Newton's
 * method on f (f' ≈ |v_rel|², bisection when a step leaves the bracket) to 1e-5 s: the distance then errs by at
 * most v_rel·1e-5 s ≤ 0.2 m.
 *
 * Validity: circular orbits of one shell (LEO, SGP4's near-Earth branch: period < 225 min); BSTAR = 0 (no drag).
 */
import type { SatRec } from 'satellite.js';
import { satelliteJs } from '../../base/satelliteJs.js';
import { EARTH_J2, EARTH_RADIUS_m } from '../../base/constants.js';
import { M_PER_KM, S_PER_MIN } from '../../base/convert.js';
import { circularSatrec } from '../geometry/propagate.js';
import type { CircularElements } from '../design/types.js';

/** Earth's third zonal harmonic J3 [-] (EGM-96; Vallado 2013, App. D: −2.53265649e-6). */
export const EARTH_J3 = -2.53265649e-6;
/** Margin of the excursion bound for the terms it leaves out [m] (header). */
const EXCURSION_MARGIN_m = 100;
/** Longest sampling step inside an arc [s] (header). */
const ARC_STEP_s = 30;
/** Newton's tolerance on the time of closest approach [s]. */
export const REFINE_TOLERANCE_s = 1e-5;

/** Amplitudes of SGP4's departure from the secular circular orbit, radial, along- and cross-track [m] (header). */
export function sgp4ExcursionAmplitudes_m(
  altitude_m: number,
  inclination_rad: number,
): { radial_m: number; alongTrack_m: number; crossTrack_m: number } {
  const a = EARTH_RADIUS_m + altitude_m;
  const k = (EARTH_J2 * EARTH_RADIUS_m * EARTH_RADIUS_m) / a;
  const c = Math.cos(inclination_rad),
    s = Math.abs(Math.sin(inclination_rad));
  const j3 = Math.abs(EARTH_J3 / EARTH_J2) * EARTH_RADIUS_m * s;
  return {
    radial_m: 0.25 * k * Math.abs(3 * c * c - 1) + 0.25 * k * s * s + 0.5 * j3,
    alongTrack_m: 0.125 * k * s * s + j3,
    crossTrack_m: 0.75 * k * Math.abs(c) * s,
  };
}

/** E: the most SGP4 moves one satellite from its secular circular orbit [m] (header). */
export function sgp4ExcursionBound_m(altitude_m: number, inclination_rad: number): number {
  const A = sgp4ExcursionAmplitudes_m(altitude_m, inclination_rad);
  return Math.hypot(A.radial_m, A.alongTrack_m, A.crossTrack_m) + EXCURSION_MARGIN_m;
}

/**
 * The most SGP4 changes the distance of two satellites of one shell at one instant [m] (header, "Pair bound"):
 * min(2E, 2|sin(ΔΩ/2)|·E + L·|Δu| + margin), ΔΩ the planes' RAAN difference, Δu their argument-of-latitude offset
 * (wrapped to [−π, π]), L the bound on |de/du|.
 */
export function sgp4PairBound_m(
  altitude_m: number,
  inclination_rad: number,
  dRaan_rad: number,
  dU_rad: number,
): number {
  const E = sgp4ExcursionBound_m(altitude_m, inclination_rad);
  const A = sgp4ExcursionAmplitudes_m(altitude_m, inclination_rad);
  const L = Math.hypot(2 * A.radial_m + A.alongTrack_m, 2 * A.alongTrack_m + A.radial_m, 2 * A.crossTrack_m);
  const wrapped = Math.abs(Math.atan2(Math.sin(dU_rad), Math.cos(dU_rad)));
  return Math.min(2 * E, 2 * Math.abs(Math.sin(dRaan_rad / 2)) * E + L * wrapped + 2 * EXCURSION_MARGIN_m);
}

/** What the refinement needs of a shell (conjunction.ts ShellState). */
export interface RefineShell {
  readonly r: number;
  readonly slots: number;
  /** Plane bases P̂, Q̂ (xyz each), plane by plane. */
  readonly basis: Float64Array;
  /** Argument of latitude at the epoch, object by object (plane-major). */
  readonly u0: Float64Array;
  /** Mean elements of object k (its plane's RAAN, its argument of latitude at the epoch). */
  readonly elements: (k: number) => CircularElements;
  readonly epochIso: string;
  /** 2E: the most SGP4 changes the distance of two objects at one instant [m]. */
  readonly pairBound_m: number;
  /** The same for objects a and b, smaller for near-coplanar pairs close in phase (sgp4PairBound_m) [m]. */
  readonly pairBoundOf: (a: number, b: number) => number;
}

/** SGP4 state of objects, made on first use (object a of a Walker delta class is always object 0). */
export class Sgp4Objects {
  private readonly recs = new Map<number, SatRec>();
  private readonly pv = new Float64Array(6);
  /** SGP4's mean argument-of-latitude rate [rad/s]. */
  readonly uDot: number;
  /** SGP4 calls made. */
  calls = 0;
  constructor(readonly shell: RefineShell) {
    const rec = this.satrec(0);
    this.uDot = (rec.mdot + rec.argpdot) / S_PER_MIN;
  }
  satrec(k: number): SatRec {
    let rec = this.recs.get(k);
    if (rec === undefined) {
      rec = circularSatrec(this.shell.elements(k), this.shell.epochIso);
      this.recs.set(k, rec);
    }
    return rec;
  }
  /** TEME position and velocity of object k at t [m, m/s] into out[o … o + 5]. */
  state(k: number, t_s: number, out: Float64Array, o: number): void {
    this.calls++;
    const r = satelliteJs().sgp4(this.satrec(k), t_s / S_PER_MIN);
    if (r === null) throw new Error(`SGP4 failed for object ${k} at t = ${t_s} s`);
    out[o] = r.position.x * M_PER_KM;
    out[o + 1] = r.position.y * M_PER_KM;
    out[o + 2] = r.position.z * M_PER_KM;
    out[o + 3] = r.velocity.x * M_PER_KM;
    out[o + 4] = r.velocity.y * M_PER_KM;
    out[o + 5] = r.velocity.z * M_PER_KM;
  }
  /** Distance [m], range rate × distance f = r_rel·v_rel [m²/s] and |v_rel|² of the pair at t. */
  relative(a: number, b: number, t_s: number): { d: number; f: number; v2: number } {
    const x = this.pv;
    this.state(a, t_s, STATE, 0);
    this.state(b, t_s, STATE, 6);
    for (let i = 0; i < 6; i++) x[i] = STATE[i + 6]! - STATE[i]!;
    return {
      d: Math.hypot(x[0]!, x[1]!, x[2]!),
      f: x[0]! * x[3]! + x[1]! * x[4]! + x[2]! * x[5]!,
      v2: x[3]! * x[3]! + x[4]! * x[4]! + x[5]! * x[5]!,
    };
  }
}

const STATE = new Float64Array(12);

/**
 * The secular closed form of the pair (a, b) (conjunction.ts header): r_a·r_b / r² = K0 + K1·cos(2ua + Δ − ψ) with
 * A = K1 cos ψ and C = K1 sin ψ, from the dot products of the two planes' bases, and the phase offset Δ.
 */
export function pairConstants(
  st: Pick<RefineShell, 'basis' | 'slots' | 'u0'>,
  a: number,
  b: number,
): { K0: number; A: number; C: number; delta: number } {
  const B = st.basis,
    pa = Math.floor(a / st.slots) * 6,
    pb = Math.floor(b / st.slots) * 6;
  const dot = (i: number, j: number): number => B[i]! * B[j]! + B[i + 1]! * B[j + 1]! + B[i + 2]! * B[j + 2]!;
  const PP = dot(pa, pb),
    QQ = dot(pa + 3, pb + 3),
    PQ = dot(pa, pb + 3),
    QP = dot(pa + 3, pb);
  const delta = st.u0[b]! - st.u0[a]!;
  return {
    K0: 0.5 * (Math.cos(delta) * (PP + QQ) + Math.sin(delta) * (PQ - QP)),
    A: (PP - QQ) / 2,
    C: (PQ + QP) / 2,
    delta,
  };
}

/** Time arcs [t0, t1] within one orbit where the pair's secular distance is below L [m] (header). */
function arcs(sh: RefineShell, objs: Sgp4Objects, a: number, b: number, L: number): [number, number][] {
  const { K0, A, C, delta } = pairConstants(sh, a, b);
  const K1 = Math.hypot(A, C),
    psi = Math.atan2(C, A);
  const period = (2 * Math.PI) / objs.uDot;
  const c = K1 < 1e-14 ? -Infinity : (1 - K0 - (L * L) / (2 * sh.r * sh.r)) / K1;
  if (c > 1) return [];
  if (c <= -1) return [[0, period]];
  const alpha = Math.acos(c);
  const ua0 = sh.u0[a]!;
  const out: [number, number][] = [];
  for (const centre of [(psi - delta) / 2, (psi - delta) / 2 + Math.PI]) {
    // Time after the epoch of the arc's centre, in [0, period).
    const tc = ((((centre - ua0) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / objs.uDot;
    const half = alpha / 2 / objs.uDot;
    out.push([tc - half, tc + half]);
  }
  return out;
}

/** Newton's method on f = r_rel·v_rel in [lo, hi] (f(lo) < 0 < f(hi)), safeguarded by bisection. */
function closestInBracket(objs: Sgp4Objects, a: number, b: number, lo: number, hi: number): { d: number; t: number } {
  let t = (lo + hi) / 2;
  for (let it = 0; it < 80; it++) {
    const s = objs.relative(a, b, t);
    if (s.f < 0) lo = t;
    else hi = t;
    let next = t - s.f / s.v2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) < REFINE_TOLERANCE_s || hi - lo < REFINE_TOLERANCE_s) {
      const e = objs.relative(a, b, next);
      return e.d < s.d ? { d: e.d, t: next } : { d: s.d, t };
    }
    t = next;
  }
  return { d: objs.relative(a, b, t).d, t };
}

/**
 * The pair's SGP4 closest approach [m] and its time in the first orbit after the epoch [s] (to the header's
 * residual) when below `limit_m`; otherwise some value at least `limit_m`.
 */
export function refinePair(
  objs: Sgp4Objects,
  a: number,
  b: number,
  secular_m: number,
  limit_m: number,
): { d_m: number; t_s: number } {
  const bound = objs.shell.pairBoundOf(a, b);
  const L = Math.min(limit_m, secular_m + bound) + bound;
  const period = (2 * Math.PI) / objs.uDot;
  let best = { d_m: Infinity, t_s: 0 };
  for (const [t0, t1] of arcs(objs.shell, objs, a, b, L)) {
    const n = Math.max(2, Math.ceil((t1 - t0) / ARC_STEP_s));
    let prev = objs.relative(a, b, t0);
    let tPrev = t0;
    if (prev.d < best.d_m) best = { d_m: prev.d, t_s: t0 };
    for (let j = 1; j <= n; j++) {
      const t = t0 + ((t1 - t0) * j) / n;
      const cur = objs.relative(a, b, t);
      if (cur.d < best.d_m) best = { d_m: cur.d, t_s: t };
      if (prev.f < 0 && cur.f >= 0) {
        const m = closestInBracket(objs, a, b, tPrev, t);
        if (m.d < best.d_m) best = { d_m: m.d, t_s: m.t };
      }
      prev = cur;
      tPrev = t;
    }
  }
  const t_s = ((best.t_s % period) + period) % period;
  return { d_m: best.d_m, t_s };
}

/**
 * SGP4 refinement of the self-conjunction screen's candidate pairs (conjunction.ts): the closest approach of two
 * satellites of one shell on SGP4 positions (satellite.js), found from the secular closed form and a stated bound
 * on how far SGP4 moves each satellite from its secular circular orbit.
 *
 * Excursion bound (SGP4: Hoots & Roehrich, Spacetrack Report #3, 1980; Vallado, Crawford, Hujsak & Kelso, AIAA
 * 2006-6753; Brouwer 1959 / Lyddane 1963 first-order terms, Vallado, Fundamentals of Astrodynamics, 4th ed. 2013,
 * §9.7): E = √(A_r² + A_s² + A_w²) + 100 m from the J2 short-period and J3 long-period amplitudes, k = J2·R⊕²/a
 * (E ≈ 14.5 km at 550 km, 53°); a pair's bound 2|sin(ΔΩ/2)|·E + L·|Δu| plus margins is at most 2E. Refinement: the
 * pair's SGP4 distance repeats every orbit; the arcs where d_sec < L + 2E are sampled every ≤ 30 s and each minimum
 * of the range rate f = r_rel·v_rel found by Newton's method to 1e-5 s (≤ 0.2 m).
 * Validity: circular orbits of one shell (LEO, SGP4's near-Earth branch: period < 225 min); BSTAR = 0 (no drag).
 * Derivation, evidence and costs: docs/constellations.md §"SGP4 refinement of candidate pairs".
 */
import type { SatRec } from 'satellite.js';
import { hypot2, hypot3 } from '../../base/hypot.js';
import { EARTH_J2, EARTH_RADIUS_m } from '../../base/constants.js';
import { M_PER_KM, S_PER_MIN } from '../../base/convert.js';
import { circularFamily, recordAngles } from '../geometry/propagate.js';
import { satelliteJsState, type CircularSgp4 } from '../geometry/sgp4Circular.js';
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
 * The most SGP4 changes the distance of two satellites of one shell at one instant [m] (docs/constellations.md,
 * "Pair bound"): min(2E, 2|sin(ΔΩ/2)|·E + L·|Δu| + margin), ΔΩ the planes' RAAN difference, Δu their
 * argument-of-latitude offset (wrapped to [−π, π]), L the bound on |de/du|.
 */
export function sgp4PairBound_m(
  altitude_m: number,
  inclination_rad: number,
  dRaan_rad: number,
  dU_rad: number,
): number {
  return sgp4PairBound(altitude_m, inclination_rad)(dRaan_rad, dU_rad);
}

/** sgp4PairBound_m of one altitude and inclination, as a function of (dRaan_rad, dU_rad) (its E and L made once). */
export function sgp4PairBound(
  altitude_m: number,
  inclination_rad: number,
): (dRaan_rad: number, dU_rad: number) => number {
  const E = sgp4ExcursionBound_m(altitude_m, inclination_rad);
  const A = sgp4ExcursionAmplitudes_m(altitude_m, inclination_rad);
  const L = Math.hypot(2 * A.radial_m + A.alongTrack_m, 2 * A.alongTrack_m + A.radial_m, 2 * A.crossTrack_m);
  return (dRaan_rad, dU_rad) => {
    const wrapped = Math.abs(Math.atan2(Math.sin(dU_rad), Math.cos(dU_rad)));
    return Math.min(2 * E, 2 * Math.abs(Math.sin(dRaan_rad / 2)) * E + L * wrapped + 2 * EXCURSION_MARGIN_m);
  };
}

/** What the refinement needs of a shell (conjunction.ts ShellState). */
export interface RefineShell {
  readonly r: number;
  readonly slots: number;
  /** Plane bases P̂, Q̂ (xyz each), plane by plane. */
  readonly basis: Float64Array;
  /** Argument of latitude at the epoch, object by object (plane-major). */
  readonly u0: Float64Array;
  /** Mean elements of object k: circular, the shell's altitude and inclination, its RAAN and argument of latitude. */
  readonly elements: (k: number) => CircularElements;
  readonly epochIso: string;
  /** 2E: the most SGP4 changes the distance of two objects at one instant [m]. */
  readonly pairBound_m: number;
  /** The same for objects a and b, smaller for near-coplanar pairs close in phase (sgp4PairBound_m) [m]. */
  readonly pairBoundOf: (a: number, b: number) => number;
}

/**
 * satellite.js's record of elements `e` that differ from those of `template` (a record as json2satrec initialised it,
 * not yet propagated) in RAAN and argument of latitude alone: the template with the two angles, converted as
 * ommRecord and json2satrec convert them, and the two terms sgp4init derives from the mean anomaly (delmo, sinmao)
 * replaced. sgp4init's near-Earth branch reads neither angle elsewhere, so the record is json2satrec's field for field
 * (sgp4Refine.test.ts), at a tenth of its cost.
 */
export function shiftedSatrec(template: Readonly<SatRec>, e: Readonly<CircularElements>): SatRec {
  const [mo, nodeo] = recordAngles(e);
  const delmo = 1.0 + template.eta * Math.cos(mo);
  return {
    ...template,
    nodeo,
    mo,
    delmo: delmo * delmo * delmo,
    sinmao: Math.sin(mo),
  };
}

/**
 * SGP4 state of objects, made on first use (object a of a Walker delta class is always object 0): by the shell's
 * trimmed evaluator (geometry/sgp4Circular.ts, satellite.js's sgp4 bit for bit) from each object's mean anomaly and
 * RAAN as its record holds them, or by satellite.js on the records where the evaluator does not apply.
 */
export class Sgp4Objects {
  private readonly recs = new Map<number, SatRec>();
  private readonly pv = new Float64Array(6);
  /** The shell's family (propagate.ts circularFamily): the objects' records are its template's shifted copies. */
  private readonly template: Readonly<SatRec>;
  private readonly sgp4: CircularSgp4 | null;
  /** Each object's record mean anomaly and RAAN [rad] (NaN until first used). */
  private readonly mo: Float64Array;
  private readonly nodeo: Float64Array;
  /** SGP4's mean argument-of-latitude rate [rad/s]. */
  readonly uDot: number;
  /** SGP4 calls made. */
  calls = 0;
  constructor(readonly shell: RefineShell) {
    const e = shell.elements(0);
    const family = circularFamily(e.altitude_m, e.inclination_rad, shell.epochIso);
    this.template = family.template;
    this.uDot = (family.template.mdot + family.template.argpdot) / S_PER_MIN;
    this.sgp4 = family.sgp4;
    this.mo = new Float64Array(shell.u0.length).fill(NaN);
    this.nodeo = new Float64Array(shell.u0.length).fill(NaN);
  }
  satrec(k: number): SatRec {
    let rec = this.recs.get(k);
    if (rec === undefined) {
      rec = shiftedSatrec(this.template, this.shell.elements(k));
      this.recs.set(k, rec);
    }
    return rec;
  }
  /** TEME position and velocity of object k at t [m, m/s] into out[o … o + 5]. */
  state(k: number, t_s: number, out: Float64Array, o: number): void {
    this.calls++;
    const ev = this.sgp4;
    if (ev !== null && Number.isNaN(this.mo[k]!)) [this.mo[k], this.nodeo[k]] = recordAngles(this.shell.elements(k));
    const ok =
      ev !== null
        ? ev.state(this.mo[k]!, this.nodeo[k]!, t_s / S_PER_MIN, out, o)
        : satelliteJsState(this.satrec(k), t_s / S_PER_MIN, out, o);
    if (!ok) throw new Error(`SGP4 failed for object ${k} at t = ${t_s} s`);
    for (let i = o; i < o + 6; i++) out[i] = out[i]! * M_PER_KM;
  }
  /** Range rate × distance f = r_rel·v_rel [m²/s] of the pair at the last `distance` call's time. */
  f = 0;
  /** |v_rel|² [m²/s²] of the pair at the last `distance` call's time. */
  v2 = 0;
  /**
   * Distance [m] of the pair at t; its f and v2 into the fields above (read before the next call). Numbers, not an
   * object per call: the refinement's loops carry the last state across iterations, so V8 would allocate each one.
   */
  distance(a: number, b: number, t_s: number): number {
    const x = this.pv;
    this.state(a, t_s, STATE, 0);
    this.state(b, t_s, STATE, 6);
    for (let i = 0; i < 6; i++) x[i] = STATE[i + 6]! - STATE[i]!;
    this.f = x[0]! * x[3]! + x[1]! * x[4]! + x[2]! * x[5]!;
    this.v2 = x[3]! * x[3]! + x[4]! * x[4]! + x[5]! * x[5]!;
    return hypot3(x[0]!, x[1]!, x[2]!);
  }
}

const STATE = new Float64Array(12);

/**
 * The secular closed form of the pair (a, b) (docs/constellations.md §"Conjunction screen"): r_a·r_b / r² = K0 +
 * K1·cos(2ua + Δ − ψ) with A = K1 cos ψ and C = K1 sin ψ, from the dot products of the two planes' bases, and the
 * phase offset Δ.
 */
export function pairConstants(
  st: Pick<RefineShell, 'basis' | 'slots' | 'u0'>,
  a: number,
  b: number,
): { K0: number; A: number; C: number; delta: number } {
  const D = planeDots(st, a, b);
  const PP = D[0]!,
    QQ = D[1]!,
    PQ = D[2]!,
    QP = D[3]!;
  const delta = st.u0[b]! - st.u0[a]!;
  return {
    K0: 0.5 * (Math.cos(delta) * (PP + QQ) + Math.sin(delta) * (PQ - QP)),
    A: (PP - QQ) / 2,
    C: (PQ + QP) / 2,
    delta,
  };
}

const DOTS = new Float64Array(4);

/**
 * The dot products P̂a·P̂b, Q̂a·Q̂b, P̂a·Q̂b and Q̂a·P̂b of the planes of objects a and b, into a buffer that the next
 * call overwrites (pairConstants, and shellState.ts pairClosestApproach, which needs no cos/sin of Δ).
 */
export function planeDots(st: Pick<RefineShell, 'basis' | 'slots'>, a: number, b: number): Float64Array {
  const B = st.basis,
    pa = Math.floor(a / st.slots) * 6,
    pb = Math.floor(b / st.slots) * 6;
  DOTS[0] = B[pa]! * B[pb]! + B[pa + 1]! * B[pb + 1]! + B[pa + 2]! * B[pb + 2]!;
  DOTS[1] = B[pa + 3]! * B[pb + 3]! + B[pa + 4]! * B[pb + 4]! + B[pa + 5]! * B[pb + 5]!;
  DOTS[2] = B[pa]! * B[pb + 3]! + B[pa + 1]! * B[pb + 4]! + B[pa + 2]! * B[pb + 5]!;
  DOTS[3] = B[pa + 3]! * B[pb]! + B[pa + 4]! * B[pb + 1]! + B[pa + 5]! * B[pb + 2]!;
  return DOTS;
}

/** Time arcs [t0, t1] within one orbit where the pair's secular distance is below L [m] (header). */
function arcs(sh: RefineShell, objs: Sgp4Objects, a: number, b: number, L: number): [number, number][] {
  const { K0, A, C, delta } = pairConstants(sh, a, b);
  const K1 = hypot2(A, C),
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
    const d = objs.distance(a, b, t),
      f = objs.f;
    if (f < 0) lo = t;
    else hi = t;
    let next = t - f / objs.v2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) < REFINE_TOLERANCE_s || hi - lo < REFINE_TOLERANCE_s) {
      const e = objs.distance(a, b, next);
      return e < d ? { d: e, t: next } : { d, t };
    }
    t = next;
  }
  return { d: objs.distance(a, b, t), t };
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
    const d0 = objs.distance(a, b, t0);
    let fPrev = objs.f,
      tPrev = t0;
    if (d0 < best.d_m) best = { d_m: d0, t_s: t0 };
    for (let j = 1; j <= n; j++) {
      const t = t0 + ((t1 - t0) * j) / n;
      const d = objs.distance(a, b, t),
        f = objs.f;
      if (d < best.d_m) best = { d_m: d, t_s: t };
      if (fPrev < 0 && f >= 0) {
        const m = closestInBracket(objs, a, b, tPrev, t);
        if (m.d < best.d_m) best = { d_m: m.d, t_s: m.t };
      }
      fPrev = f;
      tPrev = t;
    }
  }
  const t_s = ((best.t_s % period) + period) % period;
  return { d_m: best.d_m, t_s };
}

/** A pair's encounter at its SGP4 closest approach (docs/constellations.md §"Encounter speed and duration"). */
export interface Encounter {
  /** |v_b − v_a| at the closest approach [m/s]. */
  readonly relativeSpeed_m_s: number;
  /** Time per encounter the pair's distance stays below `radius_m` [s] (0 if never; one orbit if always). */
  readonly duration_s: number;
}

/**
 * Relative speed at the closest approach t_ca [s] of objects a and b, and the time their SGP4 distance stays below
 * `radius_m`: from t_ca outward in doubling steps (first step half the straight-line crossing time √(R² − d²)/v) to
 * the first sample at or above R, then bisection to 1 ms; capped at half an orbit each way.
 */
export function encounter(objs: Sgp4Objects, a: number, b: number, t_ca: number, radius_m: number): Encounter {
  const d_ca = objs.distance(a, b, t_ca);
  const v = Math.sqrt(objs.v2);
  if (!(d_ca < radius_m)) return { relativeSpeed_m_s: v, duration_s: 0 };
  const half = Math.PI / objs.uDot;
  const exit = (dir: 1 | -1): number => {
    let inside = 0,
      h = Math.max(1e-3, Math.sqrt(radius_m * radius_m - d_ca * d_ca) / Math.max(v, 1e-9) / 2);
    for (;;) {
      const t = Math.min(inside + h, half);
      if (objs.distance(a, b, t_ca + dir * t) >= radius_m) {
        let lo = inside,
          hi = t;
        while (hi - lo > 1e-3) {
          const mid = (lo + hi) / 2;
          if (objs.distance(a, b, t_ca + dir * mid) < radius_m) lo = mid;
          else hi = mid;
        }
        return (lo + hi) / 2;
      }
      if (t >= half) return half;
      inside = t;
      h *= 2;
    }
  };
  return { relativeSpeed_m_s: v, duration_s: exit(1) + exit(-1) };
}

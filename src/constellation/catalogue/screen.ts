/**
 * Close-approach screen of own satellites against catalogue objects, both propagated with SGP4 (satellite.js), over
 * [start, start + span]. Every local minimum of a pair's range below the threshold is found (none is filtered out):
 * 1. Radial shells: each object's radius range over the window from SGP4's own near-Earth radius formula over the
 *    range of its mean a and e (drag terms, J3's long-period e and the J2 short-period terms bounded; meanShell), or
 *    for deep-space objects its osculating perigee and apogee sampled every 6 h ± 30 km. Pairs whose shells are
 *    farther apart than the threshold never meet.
 * 2. Time steps h: at a sample t_k, |d(t)| ≥ |d_k + w_k τ| − ½·A·τ² for |τ| ≤ h/2 (w the relative velocity, A a bound
 *    on the relative acceleration: the gravity gradient 2μs/r³ over the separation s, plus 0.05 m/s² for J2's gradient
 *    and drag), so an approach below D at t* is flagged at the sample nearest to it by a linear miss < D + ½A(h/2)²;
 *    a spatial grid of cell ≥ D + V·h/2 (V the pair's largest relative speed, vis-viva at the band's low edge) hands
 *    each own satellite its neighbours without losing any.
 * 3. Refinement: Brent's minimum of the range over t_k ± 0.75 h; the event is the sample k nearest to its TCA (each
 *    minimum counted once). A range maximum needs |w⊥| ≤ √3·n·ρ (bounded relative motion), whose extrema lie
 *    minutes apart, so a bracket of 1.5 h ≤ 90 s holds one minimum.
 * Element sets carry no covariance: this is a screen of nominal trajectories, not a probability of collision.
 * Sources: Vallado et al. AIAA 2006-6753 (SGP4); Brent, Algorithms for Minimization without Derivatives (1973) ch. 5;
 * Hoots, Crawford & Roehrich, Celest. Mech. 33 (1984) (apogee/perigee filter). docs/constellations.md §"Screening
 * against the catalogue".
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { satelliteJs } from '../../base/satelliteJs.js';
import { circularSgp4, satelliteJsState, type CircularSgp4 } from '../geometry/sgp4Circular.js';
import type { SatRec } from 'satellite.js';
import type { ElementSet } from './elementSets.js';

const MU_km3_s2 = 398_600.8; // WGS-72, SGP4's own (Vallado et al. 2006)
/** Osculating a between 6 h samples and deep-space perigee/apogee move less than this (J2 short-period ≤ ~15 km). */
const BAND_MARGIN_km = 30;
/** Rounding of the mean-element shell: SGP4's mean elements between the drag polynomial's samples. */
const SHELL_NUMERIC_km = 0.5;
const SHELL_SAMPLES = 64;
const BAND_SAMPLE_h = 6;
const PERTURBATION_km_s2 = 0.05e-3;
const NUMERIC_km = 0.1;

/** An element set made ready to propagate over the window. */
/**
 * Own satellites screened at a time by `odc screen` (a Redis job's, or an in-process chunk's): each chunk propagates
 * the catalogue objects it can meet over the whole window again, so chunks are as large as a Redis job's data allows
 * (~450 characters an OMM set: ~2.3 MB, under MAX_JOB_DATA_CHARS), and own sets beyond one chunk are never all held.
 */
export const SCREEN_CHUNK = 5000;

export interface Prepared {
  readonly set: ElementSet;
  readonly satrec: SatRec;
  /** Minutes from the set's epoch to the window's start. */
  readonly tsince0_min: number;
  /** Radius shell over the window: every radius SGP4 gives the object in it lies inside [km]. */
  readonly rLo_km: number;
  readonly rHi_km: number;
  /** Largest speed in the band [km/s]. */
  readonly vMax_km_s: number;
  /** satellite.js's sgp4 without its per-call objects, bit for bit, where the record has no drag (own designs). */
  readonly circular: CircularSgp4 | null;
}

export interface Window {
  readonly start_ms: number;
  readonly span_s: number;
}

/** satellite.js record of a set, null when SGP4 refuses its elements. */
export function satrecOf(set: Readonly<ElementSet>): SatRec | null {
  const sat = satelliteJs();
  const rec =
    'tle' in set.source
      ? sat.twoline2satrec(set.source.tle[0], set.source.tle[1])
      : sat.json2satrec(set.source.omm as unknown as Parameters<SatelliteJsJson>[0]);
  return rec.error === 0 && Number.isFinite(rec.jdsatepoch) ? rec : null;
}
type SatelliteJsJson = ReturnType<typeof satelliteJs>['json2satrec'];

/** The set ready for the window, or null when SGP4 cannot propagate it over the whole window (decayed, e ≥ 1, …). */
export function prepare(set: Readonly<ElementSet>, w: Readonly<Window>): Prepared | null {
  const satrec = satrecOf(set);
  if (satrec === null) return null;
  const { sgp4 } = satelliteJs();
  const tsince0_min = (w.start_ms - set.epoch_ms) / 60_000;
  const span_min = w.span_s / 60;
  const n = Math.max(2, Math.ceil(span_min / (BAND_SAMPLE_h * 60)) + 1);
  let q = Infinity;
  let Q = 0;
  let aMax = 0;
  for (let i = 0; i < n; i++) {
    const pv = sgp4(satrec, tsince0_min + (span_min * i) / (n - 1));
    if (pv === null || typeof pv.position !== 'object') return null;
    const { x, y, z } = pv.position;
    const { x: vx, y: vy, z: vz } = pv.velocity;
    const r = Math.hypot(x, y, z);
    const v2 = vx * vx + vy * vy + vz * vz;
    const a = 1 / (2 / r - v2 / MU_km3_s2);
    // e·r̂ from the eccentricity vector: e = ((v² − μ/r)·r − (r·v)·v)/μ
    const rv = x * vx + y * vy + z * vz;
    const k = v2 - MU_km3_s2 / r;
    const e = Math.hypot(k * x - rv * vx, k * y - rv * vy, k * z - rv * vz) / MU_km3_s2;
    if (!(a > 0 && e < 1)) return null; // escaping: no SGP4 orbit
    q = Math.min(q, a * (1 - e));
    Q = Math.max(Q, a * (1 + e));
    aMax = Math.max(aMax, a);
  }
  const shell =
    satrec.method === 'n'
      ? meanShell(satrec, tsince0_min, tsince0_min + span_min)
      : { lo: q - BAND_MARGIN_km, hi: Q + BAND_MARGIN_km };
  if (shell === null) return null;
  const rLo_km = shell.lo;
  const rHi_km = shell.hi;
  // vis-viva with the osculating a's largest sample plus its short-period swing: the object's largest speed
  const vMax_km_s = Math.sqrt(MU_km3_s2 * (2 / rLo_km - 1 / (aMax + BAND_MARGIN_km)));
  return { set, satrec, tsince0_min, rLo_km, rHi_km, vMax_km_s, circular: circularSgp4(satrec) };
}

/**
 * Radius range [km] of a near-Earth SGP4 record over tsince ∈ [t0, t1] minutes (header §1), null when the drag
 * polynomial takes the orbit to zero. SGP4: a(t) = (kₑ/n₀)^⅔·(1 − C1·t − D2·t² − D3·t³ − D4·t⁴)², e(t) = e₀ − B*·C4·t
 * − B*·C5·(sin M − sin M₀) (Vallado et al. 2006, sgp4 "update for secular gravity and atmospheric drag").
 */
export function meanShell(rec: Readonly<SatRec>, t0: number, t1: number): { lo: number; hi: number } | null {
  const { xke, x2o3, j2, earthRadius } = satelliteJs().constants;
  const simple = rec.isimp === 1;
  const tempa = (t: number): number =>
    1 - rec.cc1 * t - (simple ? 0 : rec.d2 * t * t + rec.d3 * t ** 3 + rec.d4 * t ** 4);
  // the drag polynomial sampled, widened by its largest step between samples (it is smooth over a window of days)
  let aLo = Infinity;
  let aHi = 0;
  let step = 0;
  let prev = tempa(t0);
  for (let k = 0; k <= SHELL_SAMPLES; k++) {
    const ta = tempa(t0 + ((t1 - t0) * k) / SHELL_SAMPLES);
    if (!(ta > 0)) return null;
    step = Math.max(step, Math.abs(ta - prev));
    prev = ta;
    aLo = Math.min(aLo, ta);
    aHi = Math.max(aHi, ta);
  }
  const a0 = (xke / rec.no) ** x2o3;
  const amLo = a0 * Math.max(0, aLo - step) ** 2;
  const amHi = a0 * (aHi + step) ** 2;
  // e: linear in t, plus B*·C5·(sin M − sin M₀) anywhere in its range; SGP4 clamps e to ≥ 1e-6
  const e0 = rec.ecco - rec.bstar * rec.cc4 * t0;
  const e1 = rec.ecco - rec.bstar * rec.cc4 * t1;
  const k5 = simple ? 0 : rec.bstar * rec.cc5;
  const emLo = Math.max(1e-6, Math.min(e0, e1) - Math.abs(k5) + k5 * rec.sinmao);
  const emHi = Math.max(1e-6, Math.max(e0, e1) + Math.abs(k5) + k5 * rec.sinmao);
  if (!(emHi < 1 && amLo > 0)) return null;
  // J3's long-period term: e_L = |(e cos ω, e sin ω + A₃₀/(a(1 − e²)))|
  const lp = Math.abs(rec.aycof) / (amLo * (1 - emHi * emHi));
  const elHi = Math.min(0.999, emHi + lp);
  const elLo = Math.max(0, emLo - lp);
  const plLo = amLo * (1 - elHi * elHi);
  const plHi = amHi * (1 - elLo * elLo);
  const t1Hi = (0.5 * j2) / plLo;
  // 1 − 1.5·temp2·β·con41 over the ranges of temp2 = t1/p and β = √(1 − e_L²)
  const c = 1.5 * rec.con41;
  const g1 = c * ((0.5 * j2) / plLo ** 2) * Math.sqrt(1 - elLo * elLo);
  const g2 = c * ((0.5 * j2) / plHi ** 2) * Math.sqrt(1 - elHi * elHi);
  const fLo = 1 - Math.max(g1, g2);
  const fHi = 1 - Math.min(g1, g2);
  const sp = 0.5 * t1Hi * rec.x1mth2;
  return {
    lo: (amLo * (1 - elHi) * fLo - sp) * earthRadius - SHELL_NUMERIC_km,
    hi: (amHi * (1 + elHi) * fHi + sp) * earthRadius + SHELL_NUMERIC_km,
  };
}

/** Bands of two objects within `d_km` of each other: they can come that close. */
export const bandsMeet = (a: Readonly<Prepared>, b: Readonly<Prepared>, d_km: number): boolean =>
  a.rLo_km - d_km <= b.rHi_km && b.rLo_km - d_km <= a.rHi_km;

export interface ScreenOptions extends Window {
  readonly threshold_km: number;
  /** Sample step [s] (default 60). */
  readonly step_s?: number;
}

/** One close approach: own and catalogue object by their index in the lists screened. */
export interface RawEvent {
  readonly own: number;
  readonly cat: number;
  readonly tca_ms: number;
  readonly miss_m: number;
  readonly relativeSpeed_m_s: number;
}

/** Brent's minimum of f on [a, b] to `tol` (Brent 1973, ch. 5 "localmin"). */
export function brentMinimum(f: (x: number) => number, a: number, b: number, tol: number): { x: number; f: number } {
  const g = 0.5 * (3 - Math.sqrt(5));
  let x = a + g * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let it = 0; it < 200; it++) {
    const m = 0.5 * (a + b);
    const t2 = 2 * tol;
    if (Math.abs(x - m) <= t2 - 0.5 * (b - a)) break;
    let golden = true;
    if (Math.abs(e) > tol) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < t2 || b - u < t2) d = x < m ? tol : -tol;
        golden = false;
      }
    }
    if (golden) {
      e = (x < m ? b : a) - x;
      d = g * e;
    }
    const u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      [v, fv, w, fw, x, fx] = [w, fw, x, fx, u, fu];
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) [v, fv, w, fw] = [w, fw, u, fu];
      else if (fu <= fv || v === x || v === w) [v, fv] = [u, fu];
    }
  }
  return { x, f: fx };
}

/** Relative state (other − own) at `t_s` from the window start [km, km/s], null when either fails to propagate. */
function relative(
  own: Prepared,
  other: Prepared,
  t_s: number,
): [number, number, number, number, number, number] | null {
  const { sgp4 } = satelliteJs();
  const a = sgp4(own.satrec, own.tsince0_min + t_s / 60);
  const b = sgp4(other.satrec, other.tsince0_min + t_s / 60);
  if (a === null || b === null || typeof a.position !== 'object' || typeof b.position !== 'object') return null;
  return [
    b.position.x - a.position.x,
    b.position.y - a.position.y,
    b.position.z - a.position.z,
    b.velocity.x - a.velocity.x,
    b.velocity.y - a.velocity.y,
    b.velocity.z - a.velocity.z,
  ];
}

/** Position and velocity of `o` at `t_s` into out[6i …] (NaN when SGP4 fails). */
function propagateOne(o: Prepared, t_s: number, out: Float64Array, i: number): void {
  const t = o.tsince0_min + t_s / 60;
  const ok =
    o.circular !== null
      ? o.circular.state(o.satrec.mo, o.satrec.nodeo, t, out, 6 * i)
      : satelliteJsState(o.satrec, t, out, 6 * i);
  if (!ok) out.fill(Number.NaN, 6 * i, 6 * i + 6);
}

/** Positions and velocities of `objs` at `t_s` into `out` (6 per object; NaN when SGP4 fails). */
function propagateAll(objs: readonly Prepared[], t_s: number, out: Float64Array): void {
  for (let i = 0; i < objs.length; i++) propagateOne(objs[i]!, t_s, out, i);
}

/** The filter's bounds for a step (header §2): flag distance, coarse distance, grid cell [km]. */
export function stepBounds(
  threshold_km: number,
  step_s: number,
  vPair_km_s: number,
  rLow_km: number,
): { flag_km: number; coarse_km: number } {
  const half = step_s / 2;
  const sMax = 2 * (threshold_km + vPair_km_s * step_s); // ≥ coarse + V·h/2 while the slack ≤ threshold + V·h
  const A = (2 * MU_km3_s2 * sMax) / rLow_km ** 3 + PERTURBATION_km_s2;
  const slack = 0.5 * A * half * half + NUMERIC_km;
  return { flag_km: threshold_km + slack, coarse_km: threshold_km + vPair_km_s * half + slack };
}

/** What a screen holds while it steps: the objects, their states at the sample, the bounds, the events found. */
interface Stepper {
  readonly own: readonly Prepared[];
  readonly cat: readonly Prepared[];
  /** Catalogue indices propagated, and their slot in `catState` by catalogue index (−1: none). */
  readonly used: readonly number[];
  readonly slot: Int32Array;
  readonly ownState: Float64Array;
  readonly catState: Float64Array;
  readonly opts: Readonly<ScreenOptions>;
  readonly h: number;
  readonly flag_km: number;
  readonly coarse_km: number;
  readonly events: RawEvent[];
}

/**
 * The pair (own i, catalogue j) at sample k: flagged by the bound of the header §2, then refined. Returns the sampled
 * range squared [km²] (NaN when either failed to propagate).
 */
function checkPair(st: Stepper, i: number, j: number, k: number): number {
  const o = 6 * i;
  const c = 6 * st.slot[j]!;
  const { ownState: a, catState: b } = st;
  const dx = b[c]! - a[o]!;
  const dy = b[c + 1]! - a[o + 1]!;
  const dz = b[c + 2]! - a[o + 2]!;
  const d2 = dx * dx + dy * dy + dz * dz;
  if (!(d2 < st.coarse_km * st.coarse_km)) return d2;
  const wx = b[c + 3]! - a[o + 3]!;
  const wy = b[c + 4]! - a[o + 4]!;
  const wz = b[c + 5]! - a[o + 5]!;
  const w2 = wx * wx + wy * wy + wz * wz;
  const half = st.h / 2;
  const tau = w2 > 0 ? Math.max(-half, Math.min(half, -(dx * wx + dy * wy + dz * wz) / w2)) : 0;
  if (Math.hypot(dx + wx * tau, dy + wy * tau, dz + wz * tau) < st.flag_km) refinePair(st, i, j, k);
  return d2;
}

/** Brent's minimum of the pair's range over t_k ± 0.75 h, kept when sample k is the nearest to its TCA. */
function refinePair(st: Stepper, i: number, j: number, k: number): void {
  const { h, opts } = st;
  const a = st.own[i]!;
  const b = st.cat[j]!;
  const range = (t: number): number => {
    const r = relative(a, b, t);
    return r === null ? Infinity : Math.hypot(r[0], r[1], r[2]);
  };
  const m = brentMinimum(range, Math.max(0, (k - 0.75) * h), Math.min(opts.span_s, (k + 0.75) * h), 1e-4);
  if (Math.round(m.x / h) !== k || !(m.f < opts.threshold_km)) return;
  // a minimum at the window's edge is the window's, not an approach's
  if (m.x - 1e-3 <= 0 || m.x + 1e-3 >= opts.span_s) return;
  const r = relative(a, b, m.x)!;
  st.events.push({
    own: i,
    cat: j,
    tca_ms: opts.start_ms + m.x * 1000,
    miss_m: m.f * 1000,
    relativeSpeed_m_s: Math.hypot(r[3], r[4], r[5]) * 1000,
  });
}

/** Cells of the dense grid at most: a cell grows past the coarse distance rather than the grid past this. */
const MAX_CELLS = 1 << 21;

/**
 * A dense grid of cubes (side ≥ the coarse distance) over [−R, R]³ holding one side's positions as linked lists;
 * positions beyond R fall in the edge cells, which keeps two points closer than a side in neighbouring cells.
 */
class Grid {
  readonly n: number;
  readonly cell_km: number;
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly cellOf: Int32Array;
  constructor(
    readonly R_km: number,
    coarse_km: number,
    size: number,
  ) {
    this.n = Math.max(1, Math.min(Math.ceil((2 * R_km) / coarse_km), Math.floor(Math.cbrt(MAX_CELLS))));
    this.cell_km = Math.max(coarse_km, (2 * R_km) / this.n);
    this.head = new Int32Array(this.n ** 3).fill(-1);
    this.next = new Int32Array(size);
    this.cellOf = new Int32Array(size);
  }
  index(x: number): number {
    return Math.min(this.n - 1, Math.max(0, Math.floor((x + this.R_km) / this.cell_km)));
  }
  /** Bins the first `count` positions of `state` (6 numbers each; NaN positions are left out). */
  fill(state: Float64Array, count: number): void {
    const { n } = this;
    for (let b = 0; b < count; b++) {
      const x = state[6 * b]!;
      if (Number.isNaN(x)) {
        this.cellOf[b] = -1;
        continue;
      }
      const c = (this.index(x) * n + this.index(state[6 * b + 1]!)) * n + this.index(state[6 * b + 2]!);
      this.cellOf[b] = c;
      this.next[b] = this.head[c]!;
      this.head[c] = b;
    }
  }
  clear(count: number): void {
    for (let b = 0; b < count; b++) if (this.cellOf[b]! >= 0) this.head[this.cellOf[b]!] = -1;
  }
}

/**
 * The larger side (own satellites or propagated catalogue objects) binned, each object of the other side against
 * those in its 27 neighbouring cells: every pair closer than the coarse distance is met.
 */
function gridStep(st: Stepper, k: number, grid: Grid, binOwn: boolean): void {
  const { ownState, catState, used, own, cat } = st;
  const thr = st.opts.threshold_km;
  const [binState, binCount, qState, qCount] = binOwn
    ? [ownState, own.length, catState, used.length]
    : [catState, used.length, ownState, own.length];
  grid.fill(binState, binCount);
  const { n, head, next } = grid;
  for (let q = 0; q < qCount; q++) {
    const x = qState[6 * q]!;
    if (Number.isNaN(x)) continue;
    const ix = grid.index(x);
    const iy = grid.index(qState[6 * q + 1]!);
    const iz = grid.index(qState[6 * q + 2]!);
    for (let ax = Math.max(0, ix - 1); ax <= Math.min(n - 1, ix + 1); ax++)
      for (let ay = Math.max(0, iy - 1); ay <= Math.min(n - 1, iy + 1); ay++)
        for (let az = Math.max(0, iz - 1); az <= Math.min(n - 1, iz + 1); az++)
          for (let b = head[(ax * n + ay) * n + az]!; b >= 0; b = next[b]!) {
            const i = binOwn ? b : q;
            const j = used[binOwn ? q : b]!;
            const o = own[i]!;
            const c = cat[j]!;
            if (bandsMeet(o, c, thr) && o.set.norad !== c.set.norad) checkPair(st, i, j, k);
          }
  }
  grid.clear(binCount);
}

/**
 * Without the grid: each catalogue object (slot s) is propagated at the samples where one of its pairs can pass the
 * coarse test, the rest skipped. The range changes no faster than the relative speed, |d(t)| ≥ d_k − V·|t − t_k|
 * (V the largest pair speed), so after a sample at range d_k no later sample within (d_k − coarse)/V can pass it:
 * skipping them drops no pair the step-by-step test would examine, and the events are the same.
 */
function pairStep(
  st: Stepper,
  k: number,
  owners: readonly (readonly number[])[],
  nextK: Int32Array,
  reach_km: number,
): void {
  for (let s = 0; s < st.used.length; s++) {
    if (nextK[s]! > k) continue;
    const j = st.used[s]!;
    propagateOne(st.cat[j]!, k * st.h, st.catState, s);
    let d2 = Infinity;
    for (const i of owners[s]!) d2 = Math.min(d2, checkPair(st, i, j, k));
    const skip = Math.floor((Math.sqrt(d2) - st.coarse_km - NUMERIC_km) / reach_km);
    nextK[s] = k + 1 + (skip > 0 ? skip : 0); // NaN (a failed propagation): the next sample
  }
}

/** Ascending sorted copy. */
const sortedOf = (xs: readonly number[]): Float64Array => Float64Array.from(xs).sort();

/** Entries of the ascending `xs` below `v` (or at most `v` when `inclusive`). */
function countBelow(xs: Float64Array, v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (inclusive ? xs[m]! <= v : xs[m]! < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * The catalogue objects whose band meets an own satellite's (of another NORAD number), ascending, and the count of
 * such pairs, without listing them: bandsMeet(o, c) is o.rLo − d ≤ c.rHi and c.rLo − d ≤ o.rHi, and every own band
 * failing the second passes the first, so the count is #(o.rLo − d ≤ c.rHi) − #(o.rHi < c.rLo − d).
 */
function bandPairs(own: readonly Prepared[], cat: readonly Prepared[], d: number): { used: number[]; pairs: number } {
  const lows = sortedOf(own.map((o) => o.rLo_km - d));
  const highs = sortedOf(own.map((o) => o.rHi_km));
  const byNorad = new Map(own.map((o) => [o.set.norad, o]));
  const used: number[] = [];
  let pairs = 0;
  cat.forEach((c, j) => {
    const twin = byNorad.get(c.set.norad);
    const n =
      countBelow(lows, c.rHi_km, true) -
      countBelow(highs, c.rLo_km - d, false) -
      (twin !== undefined && bandsMeet(twin, c, d) ? 1 : 0);
    if (n > 0) used.push(j);
    pairs += n;
  });
  return { used, pairs };
}

/** The own satellites whose band meets catalogue object `c`'s (of another NORAD number), ascending. */
const ownersOf = (own: readonly Prepared[], c: Readonly<Prepared>, d: number): number[] =>
  own.flatMap((o, i) => (bandsMeet(o, c, d) && o.set.norad !== c.set.norad ? [i] : []));

/**
 * Screens `own` against `cat` over the window: every approach closer than `threshold_km`, in no particular order.
 * `onStep(done, total)` reports the samples done.
 */
export function screenPrepared(
  own: readonly Prepared[],
  cat: readonly Prepared[],
  opts: Readonly<ScreenOptions>,
  onStep?: (done: number, total: number) => void,
): RawEvent[] {
  const h = opts.step_s ?? 60;
  const steps = Math.ceil(opts.span_s / h);
  const { used, pairs } = bandPairs(own, cat, opts.threshold_km);
  if (used.length === 0) return [];
  const slot = new Int32Array(cat.length).fill(-1);
  used.forEach((j, s) => (slot[j] = s));
  const usedObjs = used.map((j) => cat[j]!);
  const rLow = Math.min(minOf(own.map((o) => o.rLo_km)), minOf(usedObjs.map((o) => o.rLo_km)));
  const vPair = maxOf(own.map((o) => o.vMax_km_s)) + maxOf(usedObjs.map((o) => o.vMax_km_s));
  const st: Stepper = {
    own,
    cat,
    used,
    slot,
    ownState: new Float64Array(6 * own.length),
    catState: new Float64Array(6 * used.length),
    opts,
    h,
    ...stepBounds(opts.threshold_km, h, vPair, rLow),
    events: [],
  };
  // the grid pays when the band lists are long against the objects binned each step
  const useGrid = pairs > 4 * used.length + 40 * own.length;
  const binOwn = own.length > used.length;
  // every pair within the coarse distance lies inside the own shells' outer radius plus it (the rest: edge cells)
  const R_km = maxOf(own.map((o) => o.rHi_km)) + st.coarse_km;
  const grid = useGrid ? new Grid(R_km, st.coarse_km, Math.max(own.length, used.length)) : null;
  const owners: number[][] = useGrid ? [] : used.map((j) => ownersOf(own, cat[j]!, opts.threshold_km));
  const nextK = new Int32Array(used.length);
  for (let k = 0; k <= steps; k++) {
    propagateAll(own, k * h, st.ownState);
    if (grid !== null) {
      propagateAll(usedObjs, k * h, st.catState);
      gridStep(st, k, grid, binOwn);
    } else pairStep(st, k, owners, nextK, vPair * h);
    if (onStep !== undefined && (k % 64 === 0 || k === steps)) onStep(k + 1, steps + 1);
  }
  return st.events;
}

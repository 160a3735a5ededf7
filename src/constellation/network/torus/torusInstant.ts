/**
 * Inter-satellite link capacities of a Walker delta +Grid shell at one sample instant, link by link: the input
 * of the per-instant network models (reduced torus LP on the instant's class means, routing lower bound).
 *
 * Every satellite is placed on its plane's SGP4 track (propagate.ts `slotPosition` arithmetic); a link is on when its
 * line of sight clears R⊕ + grazing height (linkSampling.ts) and, cross-plane, both ends are within the latitude
 * cutoff, and its pointing rate is within the terminal's slew limit; its capacity is the optical link budget at that
 * range capped at the terminal rating (models/linkBudget.ts). Pointing rate (as linkSampling.ts): each plane turns
 * rigidly at ω_q = n_q·ĥ_q (n_q the two-body rate of its radius), so a cross-plane link's line of sight turns in end
 * A's frame at |(Δω × B)⊥|/d and in B's at |(Δω × A)⊥|/d, Δω = ω_B − ω_A, ⊥ across the line of sight; in-plane
 * links read 0. Blockage, cutoff and pointing are the instant's own: a link off at other samples is on whenever it
 * clears them. Edge
 * numbering as in torusRouting.ts; an open cylinder (`seam: false`) has no seam links. Working arrays are reused
 * (`TorusInstantBuffers`) and a lean series settles whole planes and gaps at once (planeBounds.ts).
 * Validity: as propagate.ts; walker-delta, walker-star and sso-ltan shells, P·S satellites all propagated.
 * Derivation, evidence and costs: docs/constellations.md §"Per-instant torus link capacities".
 */
import { cappedRange_m, linkRate_bps, type LinkRateCoefficients } from '../../../models/links/linkBudget.js';
import { lineOfSightAltitude_m, poleward, transverseRate_rad_s } from '../../links/linkGeometry.js';
import { planeFrames } from '../../links/linkSampling.js';
import { leanPoleward, polewardGap, slotPhasesOf } from './polewardArcs.js';
import { EARTH_RADIUS_m } from '../../../base/constants.js';
import { addCopies, statsCopies, statsFor, statsRow, type ClassStats, type InstantStats } from './torusClassStats.js';
import type { PlaneTrack } from '../../geometry/propagate.js';
import {
  crossLengthBounds_m,
  frameFits,
  inPlaneLengthBound_m,
  linksSettled,
  pointingSettled,
  type LengthBounds,
} from './planeBounds.js';

export interface TorusInstantParams {
  readonly planes: number;
  readonly satsPerPlane: number;
  readonly phasing: number;
  /** One track per plane, sampled over the window. */
  readonly tracks: readonly PlaneTrack[];
  readonly sampleIndex: number;
  readonly rate: Readonly<LinkRateCoefficients>;
  readonly grazingHeight_m: number;
  /** Cross-plane links off while either end is poleward of this |latitude| [rad]; null = never. */
  readonly latitudeCutoff_rad: number | null;
  /** The terminal's slew limit [rad/s]: a link whose pointing rate exceeds it is off at the instant. */
  readonly slewLimit_rad_s: number;
  /** Whether the class is laid (false: every link of it off, e.g. cross-plane links of a ring). */
  readonly inPlaneUsable: boolean;
  readonly crossPlaneUsable: boolean;
  /**
   * Mesh diagonals (q, s)–(q+1, s+1) laid (seam: (P−1, s)–(0, s+F+1)), decided as cross-plane links are; default false.
   */
  readonly diagonalUsable?: boolean;
  /** The last plane links to the first (a torus); default true. */
  readonly seam?: boolean;
  /**
   * Whether the mean link lengths are wanted (default true). Without them (a lean series) planes whose links all have
   * the terminal's capacity are settled by bounds (planeBounds.ts), not link by link; the lengths read NaN.
   */
  readonly lengths?: boolean;
  /**
   * Whether a lean call (`lengths: false`) also sums each class as it goes (`TorusInstant.stats`): what a pass over the
   * arrays in edge order finds, without the pass. Default false.
   */
  readonly classStats?: boolean;
}

/** A reduced model's inputs over a series of instants (the torus and the open cylinder, shellNetwork*.ts). */
export interface ReducedSeriesParams extends Omit<TorusInstantParams, 'sampleIndex' | 'seam'> {
  readonly instants: readonly number[];
  /**
   * The optimizer's lean evaluation (evaluate.ts): no path statistics (null), no class utilisation (empty) and no
   * routing lower bound where the reported rate is the upper bound (lowerBound_bps NaN); the reported rates are the
   * same. Default false.
   */
  readonly lean?: boolean;
}

export interface TorusInstant {
  readonly cross_bps: Float64Array;
  readonly inPlane_bps: Float64Array;
  /** Diagonal capacities by edge v = q·S + s (gap q), when `diagonalUsable`; else null. */
  readonly diagonal_bps: Float64Array | null;
  /** Mean length over the class's links at the instant [m] (diagonal: NaN without diagonals). */
  readonly crossPlaneLength_m: number;
  readonly inPlaneLength_m: number;
  readonly diagonalLength_m: number;
  /** The classes' sums (`classStats`), else null; valid until the next call. */
  readonly stats: InstantStats | null;
}

/**
 * Positions of plane q's satellites into `pos` (xyz per node v = q·S + s) and their squared radii into `r2`, from the
 * plane's representative frame f (propagate.ts `planeFrame`: r, û, t̂) with the slots at phase 2πs/S as propagate.ts
 * `slotPosition` places them (no cluster offsets), so the positions are those it gives.
 */
function placePlane(f: Float64Array, o: number, q: number, S: number, pos: Float64Array, r2: Float64Array): void {
  const { cos, sin } = slotPhasesOf(S);
  const r = f[o]!,
    ux = f[o + 1]!,
    uy = f[o + 2]!,
    uz = f[o + 3]!,
    tx = f[o + 4]!,
    ty = f[o + 5]!,
    tz = f[o + 6]!;
  for (let s = 0, v = q * S; s < S; s++, v++) {
    const c = cos[s]!,
      n = sin[s]!;
    const x = r * (c * ux + n * tx),
      y = r * (c * uy + n * ty),
      z = r * (c * uz + n * tz);
    pos[3 * v] = x;
    pos[3 * v + 1] = y;
    pos[3 * v + 2] = z;
    r2[v] = x ** 2 + y ** 2 + z ** 2;
  }
}

/** Whether each satellite is poleward of the cutoff (into `out`): |asin(z/|r|)| > cutoff. */
function polewardOf(pos: Float64Array, r2: Float64Array, N: number, cutoff_rad: number | null, out: Uint8Array): void {
  out.fill(0, 0, N);
  if (cutoff_rad === null) return;
  const sc = Math.sin(cutoff_rad);
  for (let v = 0; v < N; v++) out[v] = poleward(Math.abs(pos[3 * v + 2]! / Math.sqrt(r2[v]!)), sc, cutoff_rad);
}

/**
 * Working arrays of the positions, kept for the largest shell seen (the function returns none of them); grown in
 * place, so the record keeps one shape (a spread copy has another, and deoptimised its readers).
 */
const scratch = {
  pos: new Float64Array(0),
  r2: new Float64Array(0),
  poleward: new Uint8Array(0),
  frames: new Float64Array(0),
  omega: new Float64Array(0),
  placed: new Uint8Array(0),
  planePole: new Uint8Array(0),
  arcs: new Int32Array(0),
};
function scratchFor(N: number, P: number): typeof scratch {
  if (scratch.r2.length < N) {
    scratch.pos = new Float64Array(3 * N);
    scratch.r2 = new Float64Array(N);
    scratch.poleward = new Uint8Array(N);
  }
  if (scratch.placed.length < P) {
    scratch.frames = new Float64Array(7 * P);
    scratch.omega = new Float64Array(3 * P);
    scratch.placed = new Uint8Array(P);
    scratch.planePole = new Uint8Array(P);
    scratch.arcs = new Int32Array(4 * P);
  }
  return scratch;
}

/**
 * Margin of the line-of-sight shortcut [m]. A segment between points at radii ≥ r whose length is d keeps at least
 * √(r² − d²/4) from the Earth's centre (|(1−t)a + t·b|² = (1−t)|a|² + t|b|² − t(1−t)|a−b|²): where that clears
 * R⊕ + grazing height by this margin (far above rounding), the link has line of sight without the exact test.
 */
const CLEARANCE_MARGIN_m = 1;

/**
 * What every link's capacity reads besides its ends: the shell's shape and classes, positions, squared radii, clearance
 * and the link budget. One record of one shape for every caller (the parameters arrive in records of several shapes,
 * which would make the functions below polymorphic).
 */
interface LinkContext {
  readonly planes: number;
  readonly satsPerPlane: number;
  readonly phasing: number;
  readonly inPlaneUsable: boolean;
  readonly crossPlaneUsable: boolean;
  /** The last plane links to the first. */
  readonly seam: boolean;
  readonly latitudeCutoff_rad: number | null;
  readonly pos: Float64Array;
  readonly r2: Float64Array;
  /** (R⊕ + grazing height + CLEARANCE_MARGIN_m)² [m²]. */
  readonly clear2: number;
  readonly grazingHeight_m: number;
  /** Range up to which the rate is the terminal's capacity [m] (cappedRange_m). */
  readonly capped_m: number;
  readonly rate: Readonly<LinkRateCoefficients>;
  /** Each plane's ω = n·ĥ [rad/s], 3 per plane. */
  readonly omega: Float64Array;
  readonly slewLimit_rad_s: number;
}

/** Distance [m] between satellites a and b. */
function distance(pos: Float64Array, a: number, b: number): number {
  return Math.sqrt(
    (pos[3 * b]! - pos[3 * a]!) ** 2 +
      (pos[3 * b + 1]! - pos[3 * a + 1]!) ** 2 +
      (pos[3 * b + 2]! - pos[3 * a + 2]!) ** 2,
  );
}

/** Capacity of the usable, uncut link a–b of length d: 0 without line of sight, else the link budget's rate. */
function lineOfSightCapacity(c: LinkContext, a: number, b: number, d: number): number {
  const pos = c.pos;
  const clear =
    Math.min(c.r2[a]!, c.r2[b]!) - 0.25 * d * d >= c.clear2 ||
    lineOfSightAltitude_m(
      pos[3 * a]!,
      pos[3 * a + 1]!,
      pos[3 * a + 2]!,
      pos[3 * b]!,
      pos[3 * b + 1]!,
      pos[3 * b + 2]!,
    ) >= c.grazingHeight_m;
  if (!clear) return 0;
  return d <= c.capped_m ? c.rate.capacity_bps : linkRate_bps(c.rate, d);
}

/** The satellite of slot s (mod S) of the plane after q (the seam twists by F): cross-plane s, diagonal s + 1. */
const crossEnd = (P: number, S: number, F: number, q: number, s: number): number =>
  q < P - 1 ? (q + 1) * S + (s % S) : (((s + F) % S) + S) % S;

/**
 * Whether the cross-plane link v (plane q) – w (plane q2) turns faster than the slew limit: the larger of its ends'
 * line of sight rates, |(Δω × w)⊥|/d and |(Δω × v)⊥|/d with Δω = ω_q2 − ω_q, above it. Integers in, a boolean out
 * (the length d measured again, the same number): doubles passed to or returned from a call V8 does not inline are
 * allocated, and this runs for every cross-plane link that is on.
 */
function slewExceeded(c: LinkContext, q: number, q2: number, v: number, w: number): boolean {
  const { pos, omega } = c;
  const d = distance(pos, v, w);
  const wx = omega[3 * q2]! - omega[3 * q]!,
    wy = omega[3 * q2 + 1]! - omega[3 * q + 1]!,
    wz = omega[3 * q2 + 2]! - omega[3 * q + 2]!;
  const ax = pos[3 * v]!,
    ay = pos[3 * v + 1]!,
    az = pos[3 * v + 2]!,
    bx = pos[3 * w]!,
    by = pos[3 * w + 1]!,
    bz = pos[3 * w + 2]!;
  const ux = (bx - ax) / d,
    uy = (by - ay) / d,
    uz = (bz - az) / d;
  return (
    Math.max(
      transverseRate_rad_s(ux, uy, uz, d, wy * bz - wz * by, wz * bx - wx * bz, wx * by - wy * bx),
      transverseRate_rad_s(ux, uy, uz, d, wy * az - wz * ay, wz * ax - wx * az, wx * ay - wy * ax),
    ) > c.slewLimit_rad_s
  );
}

/**
 * The running sum of a row's link lengths (crossPlaneRow, inPlaneRow): added in a typed array, not in a number passed
 * in, which V8 allocates again at every addition.
 */
const LENGTH_SUM = new Float64Array(1);

/**
 * Plane q's cross-plane capacities (diagonal: `ds` 1) into `into`, their lengths added to `len` in link order; returns
 * the sum [m].
 */
function crossPlaneRow(
  c: LinkContext,
  q: number,
  poleward: Uint8Array,
  into: Float64Array,
  len: number,
  ds = 0,
  usable = c.crossPlaneUsable,
): number {
  const { planes: P, satsPerPlane: S, phasing: F } = c;
  const q2 = q < P - 1 ? q + 1 : 0;
  const sum = LENGTH_SUM;
  sum[0] = len;
  for (let s = 0; s < S; s++) {
    const v = q * S + s;
    const w = crossEnd(P, S, F, q, s + ds);
    const d = distance(c.pos, v, w);
    sum[0] += d;
    const cap = usable && poleward[v] === 0 && poleward[w] === 0 ? lineOfSightCapacity(c, v, w, d) : 0;
    into[v] = cap > 0 && slewExceeded(c, q, q2, v, w) ? 0 : cap;
  }
  return sum[0]!;
}

/** Plane q's in-plane capacities into `into`, their lengths added to `len` in link order; returns the sum [m]. */
function inPlaneRow(c: LinkContext, S: number, q: number, usable: boolean, into: Float64Array, len: number): number {
  const sum = LENGTH_SUM;
  sum[0] = len;
  for (let s = 0; s < S; s++) {
    const v = q * S + s;
    const w = s + 1 < S ? v + 1 : q * S;
    const d = distance(c.pos, v, w);
    sum[0] += d;
    into[v] = usable ? lineOfSightCapacity(c, v, w, d) : 0;
  }
  return sum[0]!;
}

/** Working arrays of the lean path: plane frames, which planes are placed, poleward flags. */
interface LeanScratch {
  readonly frames: Float64Array;
  readonly placed: Uint8Array;
  readonly poleward: Uint8Array;
  /** Whether any satellite of each plane is poleward. */
  readonly planePole: Uint8Array;
  /** Each plane's two ranges of slots [lo, hi) (modulo S) that hold its poleward satellites (leanPoleward). */
  readonly arcs: Int32Array;
  /** A gap's link length bounds (crossLengthBounds_m). */
  readonly length: LengthBounds;
}

/**
 * The lean series' capacities (no lengths wanted): a plane whose in-plane links, or a gap whose cross-plane links, are
 * all provably clear of the Earth and within the capped range (planeBounds.ts) gets the terminal's capacity on every
 * link (a cross-plane link where neither end is poleward) without placing its satellites; any other plane or gap is
 * computed link by link as the full path does. The capacities are the full path's, to the bit.
 */
function leanCapacities(c: LinkContext, w: LeanScratch, out: TorusInstantBuffers, st: InstantStats | null): void {
  const { planes: P, satsPerPlane: S, phasing: F, seam } = c;
  const { frames, placed, poleward: pole } = w;
  const cap = c.rate.capacity_bps;
  placed.fill(0, 0, P);
  const place = (q: number): void => {
    if (placed[q] === 0) placePlane(frames, 7 * q, q, S, c.pos, c.r2);
    placed[q] = 1;
  };
  leanPoleward(frames, P, S, c.latitudeCutoff_rad, pole, w.planePole, w.arcs);
  // Every row starts at its class's one value (one call each: a double handed to a builtin is allocated); the rows
  // settled otherwise are overwritten below. The open cylinder's seam row is the caller's.
  out.inPlane_bps.fill(c.inPlaneUsable ? cap : 0, 0, P * S);
  out.cross_bps.fill(c.crossPlaneUsable ? cap : 0, 0, (seam ? P : P - 1) * S);
  for (let q = 0; q < P; q++) {
    // How each row is laid (foldRow): one value on every link, or read from the array, or (cross-plane) cap where on.
    let row = !c.inPlaneUsable ? ROW_OFF : inPlaneSettled(c, frames, q) ? ROW_CAP : ROW_READ;
    if (row === ROW_READ) {
      place(q);
      inPlaneRow(c, S, q, true, out.inPlane_bps, 0);
    }
    if (st !== null) foldRow(c, st.inPlane, out.inPlane_bps, q, row, -1, null);
    row = ROW_READ;
    let on = -1; // links on at the capacity (the others off), when counted
    const q2 = q < P - 1 ? q + 1 : 0;
    if (q === P - 1 && !seam)
      row = ROW_OFF; // filled by the caller
    else if (!c.crossPlaneUsable) row = ROW_OFF;
    else {
      if (gapSettled(c, frames, q, q2, w.length)) {
        if (w.planePole[q] === 0 && w.planePole[q2] === 0) row = ROW_CAP;
        else on = polewardGap(P, S, F, q, pole, w.arcs, out.cross_bps);
      } else {
        place(q);
        place(q2);
        crossPlaneRow(c, q, pole, out.cross_bps, 0);
      }
    }
    if (st !== null) foldRow(c, st.cross, out.cross_bps, q, row, on, st.gap_bps);
  }
}

/**
 * Whether plane q's in-plane links are all capped and clear of the Earth by its bounds (planeBounds.ts). This and
 * gapSettled take integers and give a boolean: doubles passed to or returned from a call V8 does not inline are
 * allocated, and these run for every plane and gap at every instant.
 */
function inPlaneSettled(c: LinkContext, frames: Float64Array, q: number): boolean {
  const o = 7 * q;
  return (
    frameFits(frames, o) &&
    linksSettled(frames[o]!, inPlaneLengthBound_m(frames, o, c.satsPerPlane), c.capped_m, c.clear2)
  );
}

/** Whether the cross-plane links of gap q (plane q to q2) are all capped, clear and within the slew limit by bounds. */
function gapSettled(c: LinkContext, frames: Float64Array, q: number, q2: number, length: LengthBounds): boolean {
  crossLengthBounds_m(frames, 7 * q, 7 * q2, q2 === 0 ? c.phasing : 0, c.satsPerPlane, length);
  const ra = frames[7 * q]!,
    rb = frames[7 * q2]!;
  return (
    frameFits(frames, 7 * q) &&
    frameFits(frames, 7 * q2) &&
    linksSettled(Math.min(ra, rb), length.max, c.capped_m, c.clear2) &&
    pointingSettled(c.omega, q, q2, Math.max(ra, rb), length.min, c.slewLimit_rad_s)
  );
}

/** How a row of a class was laid (foldRow): read from its array, every link off, every link at the capacity. */
const ROW_READ = 0,
  ROW_OFF = 1,
  ROW_CAP = 2;

/**
 * Row q of a class (links q·S … q·S + S − 1 of `a`) added to its statistics: every link off or at the capacity
 * (`row`), else `on` ≥ 0 links at the capacity and the others off, else read from `a`. The row's own sum in edge order
 * goes to gap[q] when gap is given. Integers in, nothing out: doubles passed to or returned from a call V8 does not
 * inline are allocated.
 */
function foldRow(
  c: LinkContext,
  st: ClassStats,
  a: Float64Array,
  q: number,
  row: number,
  on: number,
  gap: Float64Array | null,
): void {
  const S = c.satsPerPlane,
    cap = c.rate.capacity_bps;
  let own: number;
  if (row !== ROW_READ) {
    const x = row === ROW_OFF ? 0 : cap;
    statsCopies(st, x, S);
    own = addCopies(0, x, S);
  } else if (on < 0) own = statsRow(st, a, q * S, (q + 1) * S);
  else {
    statsCopies(st, 0, S - on);
    statsCopies(st, cap, on);
    own = addCopies(0, cap, on);
  }
  if (gap !== null) gap[q] = own;
}

/** Arrays a series of instants may hand over for the capacities (length P·S), overwritten at each call. */
export interface TorusInstantBuffers {
  readonly cross_bps: Float64Array;
  readonly inPlane_bps: Float64Array;
  /** Diagonal capacities, read when the shell lays diagonals. */
  readonly diagonal_bps?: Float64Array;
}

/**
 * torusInstantCapacities of a series' shell at sample j, its parameters in one record of one shape for the torus
 * (`seam` true) and the open cylinder (false): the class sums only for a lean torus series (shellNetworkTorus.ts).
 */
export function seriesInstantCapacities(
  p: Readonly<ReducedSeriesParams>,
  j: number,
  seam: boolean,
  buffers: TorusInstantBuffers,
): TorusInstant {
  return torusInstantCapacities(
    {
      planes: p.planes,
      satsPerPlane: p.satsPerPlane,
      phasing: p.phasing,
      tracks: p.tracks,
      sampleIndex: j,
      rate: p.rate,
      grazingHeight_m: p.grazingHeight_m,
      latitudeCutoff_rad: p.latitudeCutoff_rad,
      slewLimit_rad_s: p.slewLimit_rad_s,
      inPlaneUsable: p.inPlaneUsable,
      crossPlaneUsable: p.crossPlaneUsable,
      diagonalUsable: p.diagonalUsable === true,
      seam,
      lengths: p.lean !== true,
      classStats: seam && p.lean === true,
    },
    buffers,
  );
}

/**
 * Capacity of every link of the shell at one sample, into `out` when given (the result then holds `out`'s arrays,
 * valid until the next call with them) or into new arrays.
 */
export function torusInstantCapacities(p: Readonly<TorusInstantParams>, out?: TorusInstantBuffers): TorusInstant {
  const { planes: P, satsPerPlane: S, sampleIndex: j } = p;
  const N = P * S;
  if (p.tracks.length !== P) throw new RangeError(`need one track per plane (${P}), got ${p.tracks.length}`);
  if (out !== undefined && (out.cross_bps.length !== N || out.inPlane_bps.length !== N))
    throw new RangeError(`capacity buffers must hold one entry per satellite (${N})`);
  const { pos, r2, poleward, frames, omega, placed, planePole, arcs } = scratchFor(N, P);
  planeFrames(p.tracks, j, frames, omega);
  const cross_bps = out?.cross_bps ?? new Float64Array(N),
    inPlane_bps = out?.inPlane_bps ?? new Float64Array(N);
  const seam = p.seam ?? true;
  const c: LinkContext = {
    planes: P,
    satsPerPlane: S,
    phasing: p.phasing,
    inPlaneUsable: p.inPlaneUsable,
    crossPlaneUsable: p.crossPlaneUsable,
    seam,
    latitudeCutoff_rad: p.latitudeCutoff_rad,
    pos,
    r2,
    clear2: (EARTH_RADIUS_m + p.grazingHeight_m + CLEARANCE_MARGIN_m) ** 2,
    grazingHeight_m: p.grazingHeight_m,
    capped_m: cappedRange_m(p.rate),
    rate: p.rate,
    omega,
    slewLimit_rad_s: p.slewLimit_rad_s,
  };
  if (!seam) cross_bps.fill(0, (P - 1) * S, N);
  if (p.lengths === false) {
    const st = p.classStats === true ? statsFor(P) : null;
    leanCapacities(c, { frames, placed, poleward, planePole, arcs, length: LENGTH }, { cross_bps, inPlane_bps }, st);
    const diagonal_bps = diagonals(c, p, frames, poleward, out, false).bps;
    return { cross_bps, inPlane_bps, diagonal_bps, ...NO_LENGTHS, stats: st };
  }
  for (let q = 0; q < P; q++) placePlane(frames, 7 * q, q, S, pos, r2);
  polewardOf(pos, r2, N, c.latitudeCutoff_rad, poleward);
  const diagonal = diagonals(c, p, frames, poleward, out, true);
  let crossLen = 0,
    inLen = 0;
  for (let q = 0; q < (seam ? P : P - 1); q++) crossLen = crossPlaneRow(c, q, poleward, cross_bps, crossLen);
  for (let q = 0; q < P; q++) inLen = inPlaneRow(c, S, q, c.inPlaneUsable, inPlane_bps, inLen);
  const crossLinks = seam ? N : (P - 1) * S;
  return {
    cross_bps,
    inPlane_bps,
    diagonal_bps: diagonal.bps,
    crossPlaneLength_m: crossLinks > 0 ? crossLen / crossLinks : 0,
    inPlaneLength_m: inLen / N,
    diagonalLength_m: diagonal.bps !== null && crossLinks > 0 ? diagonal.length_m / crossLinks : NaN,
    stats: null,
  };
}

/**
 * The diagonal capacities of a shell that lays them (null else), decided as cross-plane links are (line of sight, both
 * ends within the cutoff, slew limit), and their summed length [m]; every plane placed first unless `placed`.
 */
function diagonals(
  c: LinkContext,
  p: Readonly<TorusInstantParams>,
  frames: Float64Array,
  poleward: Uint8Array,
  out: TorusInstantBuffers | undefined,
  placed: boolean,
): { bps: Float64Array | null; length_m: number } {
  if (p.diagonalUsable !== true) return { bps: null, length_m: 0 };
  const { planes: P, satsPerPlane: S } = c;
  const N = P * S;
  const into = out?.diagonal_bps ?? new Float64Array(N);
  if (into.length !== N) throw new RangeError(`diagonal buffer must hold one entry per satellite (${N})`);
  if (!placed) {
    for (let q = 0; q < P; q++) placePlane(frames, 7 * q, q, S, c.pos, c.r2);
    polewardOf(c.pos, c.r2, N, c.latitudeCutoff_rad, poleward);
  }
  into.fill(0);
  let length_m = 0;
  for (let q = 0; q < (c.seam ? P : P - 1); q++) length_m = crossPlaneRow(c, q, poleward, into, length_m, 1, S >= 2);
  return { bps: into, length_m };
}

/** A lean instant's lengths: not worked out (the rate does not read them). */
const NO_LENGTHS = { crossPlaneLength_m: NaN, inPlaneLength_m: NaN, diagonalLength_m: NaN } as const;

/** The lean path's gap length bounds, written in place. */
const LENGTH: LengthBounds = { min: NaN, max: NaN };

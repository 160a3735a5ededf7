/**
 * Per-sample geometry of inter-satellite links over the sampling window: range, Earth blockage,
 * latitude cutoff, link-budget rate and line-of-sight (LOS) angular rate in each end's LVLH frame.
 *
 * Each link's geometry at a sample is linkGeometry.ts's (LOS altitude, pointing rate, poleward ends). Earth blockage:
 * LEO ISL studies keep the LOS above 80 km (Bhattacherjee & Singla, ACM CoNEXT 2019, doi:10.1145/3359989.3365407),
 * the caller adds a margin (default 20 km). A link is on at a sample when it clears the grazing height,
 * the cutoff and its pointing rate is within the terminal's slew limit (a terminal cannot hold a link it cannot
 * follow); off at that sample only.
 * Validity: as `propagate.ts` (circular LEO, windows of days); spherical Earth of equatorial radius; each plane's
 * satellites turn about its orbit normal at the two-body rate √(μ/r³) of the plane's radius at that sample (SGP4's
 * J2 rates differ by ~0.1 %, nodal precession ~0.1 % of it is left out), cluster members add their relative-orbit
 * rate.
 * Derivation, evidence and costs: docs/constellations.md §"Link geometry sampling".
 */
import { cappedRange_m, linkRate_bps, type LinkRateCoefficients } from '../../models/links/linkBudget.js';
import { EARTH_MU_m3_s2 } from '../../base/constants.js';
import { differencePointingRate, polewardPoint, segmentAltitude_m, squaredSineBounds } from './linkGeometry.js';
import type { RepresentativeLink } from './linkTopology.js';
import type { ClusterMotion } from '../geometry/clusterFormation.js';
import { planeFrame, slotPosition, type PlaneTrack } from '../geometry/propagate.js';

// The network stage reads the single link's geometry through this module.

/** Window statistics of one representative link. */
export interface RepresentativeStats {
  readonly rangeMin_m: number;
  readonly rangeMax_m: number;
  readonly rangeSum_m: number;
  /** Samples the link is on: line of sight, inside the latitude cutoff, pointing rate within the slew limit. */
  readonly upSamples: number;
  readonly blockedSamples: number;
  /** Samples with line of sight and inside the cutoff whose pointing rate exceeds the slew limit (off then). */
  readonly pointingSamples: number;
  readonly rateMin_bps: number;
  readonly rateMax_bps: number;
  readonly rateSum_bps: number;
  /** Largest pointing rate over the samples with line of sight and inside the cutoff [rad/s]. */
  readonly maxPointingRate_rad_s: number;
  /** Lowest altitude of the line of sight above the sphere R⊕ [m]. */
  readonly minLineOfSightAltitude_m: number;
  /** Highest altitude of the line of sight above the sphere R⊕ [m]: below the grazing height the link never closes. */
  readonly maxLineOfSightAltitude_m: number;
}

export interface LinkSamplingParams {
  readonly tracks: ReadonlyMap<number, PlaneTrack>;
  readonly representatives: readonly RepresentativeLink[];
  /** Phase of slot s relative to its plane's representative [rad] (cluster: 0). */
  readonly slotPhase_rad: (slot: number) => number;
  /** Cluster members' time-varying offsets (null outside clusters). */
  readonly clusterMotion: ClusterMotion | null;
  readonly grazingHeight_m: number;
  readonly latitudeCutoff_rad: number | null;
  readonly rate: Readonly<LinkRateCoefficients>;
  /** The terminal's slew limit [rad/s]: a link whose pointing rate exceeds it is off at that sample. */
  readonly slewLimit_rad_s: number;
}

const OFFSET = new Float64Array(3);
const OFFSET_RATE = new Float64Array(3);

/**
 * Position of satellite (plane, slot) at sample j into `out` (a cluster member at its relative-orbit offset at that
 * time).
 */
export function satellitePosition(
  track: PlaneTrack,
  j: number,
  slot: number,
  slotPhase_rad: (slot: number) => number,
  motion: ClusterMotion | null,
  out: Float64Array,
): Float64Array {
  if (motion === null) return slotPosition(track, j, slotPhase_rad(slot), out);
  const o = motion.offset(slot, track.times_s[j]!, OFFSET);
  return slotPosition(track, j, slotPhase_rad(slot), out, o[1]!, o[2]!, o[0]!);
}

/** Fields of a satellite's state: position [m], velocity [m/s], its frame's angular velocity ω = n·ĥ [rad/s]. */
export const STATE_FIELDS = 9;

/** Two-body rate [rad/s] of a circular orbit of radius r [m]. */
export const orbitRate_rad_s = (r_m: number): number => Math.sqrt(EARTH_MU_m3_s2 / (r_m * r_m * r_m));

/**
 * State of satellite (plane, slot) at sample j into out[o…o+8] (STATE_FIELDS): position, velocity ω × r (a cluster
 * member adds its offset's rate along the slot's radial and along-track directions and ĥ) and ω = n·ĥ with n the
 * two-body rate of the plane's radius at that sample.
 */
export function satelliteState(
  track: PlaneTrack,
  j: number,
  slot: number,
  slotPhase_rad: (slot: number) => number,
  motion: ClusterMotion | null,
  out: Float64Array,
  o: number,
): void {
  const pos = satellitePosition(track, j, slot, slotPhase_rad, motion, POS);
  const i = 3 * j;
  const rx = track.r_m[i]!,
    ry = track.r_m[i + 1]!,
    rz = track.r_m[i + 2]!;
  const r = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const n = orbitRate_rad_s(r);
  const hx = track.normal[i]!,
    hy = track.normal[i + 1]!,
    hz = track.normal[i + 2]!;
  const wx = n * hx,
    wy = n * hy,
    wz = n * hz;
  const x = pos[0]!,
    y = pos[1]!,
    z = pos[2]!;
  let vx = wy * z - wz * y,
    vy = wz * x - wx * z,
    vz = wx * y - wy * x;
  if (motion !== null) {
    // The slot's radial and along-track directions (slotPosition), its offset's rate along them and along ĥ.
    const d = motion.rate(slot, track.times_s[j]!, OFFSET_RATE);
    const ph = slotPhase_rad(slot),
      c = Math.cos(ph),
      sn = Math.sin(ph);
    const ux = rx / r,
      uy = ry / r,
      uz = rz / r;
    const tx = hy * uz - hz * uy,
      ty = hz * ux - hx * uz,
      tz = hx * uy - hy * ux;
    vx += d[0]! * (c * ux + sn * tx) + d[1]! * (c * tx - sn * ux) + d[2]! * hx;
    vy += d[0]! * (c * uy + sn * ty) + d[1]! * (c * ty - sn * uy) + d[2]! * hy;
    vz += d[0]! * (c * uz + sn * tz) + d[1]! * (c * tz - sn * uz) + d[2]! * hz;
  }
  out[o] = x;
  out[o + 1] = y;
  out[o + 2] = z;
  out[o + 3] = vx;
  out[o + 4] = vy;
  out[o + 5] = vz;
  out[o + 6] = wx;
  out[o + 7] = wy;
  out[o + 8] = wz;
}
const POS = new Float64Array(3);

const NODE_FIELDS = STATE_FIELDS + 1; // state, poleward flag

/**
 * The satellites the representatives join, each once (the node cache positions each once per sample), and each
 * representative's two ends as indices into them.
 */
function linkEnds(reps: LinkSamplingParams['representatives']): {
  nodes: { plane: number; slot: number }[];
  ends: (readonly [number, number])[];
} {
  // key plane·K + slot, K above every slot: a whole number below 2^53 for any shell
  const K = reps.reduce((m, r) => Math.max(m, r.a.slot, r.b.slot), 0) + 1;
  const nodeIndex = new Map<number, number>();
  const nodes: { plane: number; slot: number }[] = [];
  const node = (s: { plane: number; slot: number }): number => {
    const key = s.plane * K + s.slot;
    let k = nodeIndex.get(key);
    if (k === undefined) {
      k = nodes.length;
      nodeIndex.set(key, k);
      nodes.push(s);
    }
    return k;
  };
  const ends = reps.map((r) => [node(r.a), node(r.b)] as const);
  return { nodes, ends };
}

/**
 * What every sample of the nodes shares: each node's track and the cosine and sine of its slot phase (a Walker slot
 * sits at a fixed phase), the cutoff's sine.
 */
interface NodeGeometry {
  readonly tracks: readonly PlaneTrack[];
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  /** Track index of each node. */
  readonly plane: Int32Array;
  /** sin(cutoff) (null cutoff: no poleward flags). */
  readonly sc: number | null;
  /** polewardPoint's squared-sine bounds of sc. */
  readonly lo: number;
  readonly hi: number;
  /** 1 for a node some link of the cutoff ends at (the others' poleward flags are never read). */
  readonly flagged: Uint8Array;
}

function nodeGeometry(
  p: Readonly<LinkSamplingParams>,
  nodes: readonly { plane: number; slot: number }[],
  ends: readonly (readonly [number, number])[],
): NodeGeometry {
  const planes = [...new Set(nodes.map((x) => x.plane))];
  const cos = new Float64Array(nodes.length),
    sin = new Float64Array(nodes.length),
    plane = new Int32Array(nodes.length);
  nodes.forEach((x, k) => {
    const ph = p.slotPhase_rad(x.slot);
    cos[k] = Math.cos(ph);
    sin[k] = Math.sin(ph);
    plane[k] = planes.indexOf(x.plane);
  });
  const sc = p.latitudeCutoff_rad === null ? null : Math.sin(p.latitudeCutoff_rad);
  const flagged = new Uint8Array(nodes.length);
  p.representatives.forEach((r, i) => {
    if (r.cutoffApplies) for (const k of ends[i]!) flagged[k] = 1;
  });
  const { lo, hi } = squaredSineBounds(sc ?? 0);
  return { tracks: planes.map((q) => p.tracks.get(q)!), cos, sin, plane, sc, lo, hi, flagged };
}

/** Every plane's frame at sample j (planeFrame: r, û, t̂; 7 per plane) into `frames`, ω = n·ĥ into `omega`. */
export function planeFrames(tracks: readonly PlaneTrack[], j: number, frames: Float64Array, omega: Float64Array): void {
  for (let q = 0; q < tracks.length; q++) {
    planeFrame(tracks[q]!, j, FRAME);
    frames.set(FRAME, 7 * q);
    const n = orbitRate_rad_s(FRAME[0]!),
      h = tracks[q]!.normal;
    for (let i = 0; i < 3; i++) omega[3 * q + i] = n * h[3 * j + i]!;
  }
}
const FRAME = new Float64Array(7);

/** planeFrames of the tracks at sample j, in arrays kept across samples (grown on demand). */
const frameScratch = { frames: new Float64Array(0), omega: new Float64Array(0) };
function trackFrames(tracks: readonly PlaneTrack[], j: number): typeof frameScratch {
  if (frameScratch.omega.length < 3 * tracks.length) {
    frameScratch.frames = new Float64Array(7 * tracks.length);
    frameScratch.omega = new Float64Array(3 * tracks.length);
  }
  planeFrames(tracks, j, frameScratch.frames, frameScratch.omega);
  return frameScratch;
}

/**
 * Sample j of every cached node: its state and poleward flag (1: poleward of the cutoff), NODE_FIELDS per node. A
 * Walker node's state is satelliteState's to the bit but for the sign of a zero coordinate (its plane's frame and ω
 * found once per sample, the slot phase's cosine and sine once per window, then slotPosition's arithmetic without its
 * zero offsets and satelliteState's); a cluster member's is satelliteState's own.
 */
function cacheNodeStates(
  p: Readonly<LinkSamplingParams>,
  g: NodeGeometry,
  j: number,
  nodes: readonly { plane: number; slot: number }[],
  cache: Float64Array,
): void {
  if (p.clusterMotion !== null)
    for (let k = 0; k < nodes.length; k++) {
      const { plane, slot } = nodes[k]!;
      satelliteState(p.tracks.get(plane)!, j, slot, p.slotPhase_rad, p.clusterMotion, cache, k * NODE_FIELDS);
    }
  else walkerStates(g, j, nodes.length, cache);
  if (g.sc === null) return;
  const { sc, lo, hi, flagged } = g,
    cutoff = p.latitudeCutoff_rad!;
  for (let k = 0, c = 0; k < nodes.length; k++, c += NODE_FIELDS)
    if (flagged[k] === 1)
      cache[c + STATE_FIELDS] = polewardPoint(cache[c]!, cache[c + 1]!, cache[c + 2]!, sc, cutoff, lo, hi);
}

/** The states of Walker nodes (no cluster offsets) at sample j, as satelliteState gives them (cacheNodeStates). */
function walkerStates(g: NodeGeometry, j: number, count: number, cache: Float64Array): void {
  const { frames, omega } = trackFrames(g.tracks, j);
  const { plane, cos, sin } = g;
  for (let k = 0, o = 0; k < count; k++, o += NODE_FIELDS) {
    const q = plane[k]!,
      f = 7 * q;
    const r = frames[f]!,
      ux = frames[f + 1]!,
      uy = frames[f + 2]!,
      uz = frames[f + 3]!,
      tx = frames[f + 4]!,
      ty = frames[f + 5]!,
      tz = frames[f + 6]!;
    const c = cos[k]!,
      s = sin[k]!;
    // slotPosition with no offsets: (1 + 0/r)·p + 0·(along-track) + 0·ĥ is p itself (1·p = p; adding a zero to p
    // changes at most the sign of a zero coordinate, and no statistic reads that sign: they square or add it).
    const x = r * (c * ux + s * tx),
      y = r * (c * uy + s * ty),
      z = r * (c * uz + s * tz);
    const wx = omega[3 * q]!,
      wy = omega[3 * q + 1]!,
      wz = omega[3 * q + 2]!;
    cache[o] = x;
    cache[o + 1] = y;
    cache[o + 2] = z;
    cache[o + 3] = wy * z - wz * y;
    cache[o + 4] = wz * x - wx * z;
    cache[o + 5] = wx * y - wy * x;
    cache[o + 6] = wx;
    cache[o + 7] = wy;
    cache[o + 8] = wz;
  }
}

/** Fields of one representative's running statistics (sampleRepresentativeLinks). */
const RANGE_MIN = 0,
  RANGE_MAX = 1,
  RANGE_SUM = 2,
  UP = 3,
  BLOCKED = 4,
  POINTING = 5,
  RATE_MIN = 6,
  RATE_MAX = 7,
  RATE_SUM = 8,
  MAX_POINTING = 9,
  LOS_MIN = 10,
  LOS_MAX = 11,
  STAT_FIELDS = 12;

/** What sampleLinks reads besides the node states: each link's ends, whether its cutoff applies, the limits. */
interface LinkKernel {
  /** Cache offsets of each link's two ends (a, b interleaved). */
  readonly ends: Int32Array;
  /** 1 where the latitude cutoff applies to the link and the window has a cutoff. */
  readonly cut: Uint8Array;
  /** Each link's range at this sample, −1 where it is blocked or cut (sampleLinks). */
  readonly range: Float64Array;
  readonly grazingHeight_m: number;
  readonly slewLimit_rad_s: number;
  readonly rate: Readonly<LinkRateCoefficients>;
  /** Range up to which the rate is the terminal's capacity [m] (cappedRange_m: no exponential there). */
  readonly capped_m: number;
}

/** Samples every representative link over the window. */
export function sampleRepresentativeLinks(p: Readonly<LinkSamplingParams>): RepresentativeStats[] {
  const reps = p.representatives;
  const { nodes, ends } = linkEnds(reps);
  const first = p.tracks.values().next().value;
  const n = first === undefined ? 0 : first.times_s.length;
  const cache = new Float64Array(nodes.length * NODE_FIELDS);
  const g = nodeGeometry(p, nodes, ends);
  const k: LinkKernel = {
    ends: new Int32Array(2 * reps.length),
    cut: new Uint8Array(reps.length),
    range: new Float64Array(reps.length),
    grazingHeight_m: p.grazingHeight_m,
    slewLimit_rad_s: p.slewLimit_rad_s,
    rate: p.rate,
    capped_m: cappedRange_m(p.rate),
  };
  const st = new Float64Array(STAT_FIELDS * reps.length);
  for (let i = 0; i < reps.length; i++) {
    k.ends[2 * i] = ends[i]![0] * NODE_FIELDS;
    k.ends[2 * i + 1] = ends[i]![1] * NODE_FIELDS;
    k.cut[i] = g.sc !== null && reps[i]!.cutoffApplies ? 1 : 0;
    const o = STAT_FIELDS * i;
    st[o + RANGE_MIN] = Infinity;
    st[o + RATE_MIN] = Infinity;
    st[o + LOS_MIN] = Infinity;
    st[o + LOS_MAX] = -Infinity;
  }
  for (let j = 0; j < n; j++) {
    cacheNodeStates(p, g, j, nodes, cache);
    sampleLinks(k, cache, st);
    samplePointing(k, cache, st);
  }
  return reps.map((_, i) => representativeStats(st, STAT_FIELDS * i));
}

/** One representative's statistics from its running fields at st[o…] (rateMin 0 for a link never on). */
function representativeStats(st: Float64Array, o: number): RepresentativeStats {
  const up = st[o + UP]!;
  return {
    rangeMin_m: st[o + RANGE_MIN]!,
    rangeMax_m: st[o + RANGE_MAX]!,
    rangeSum_m: st[o + RANGE_SUM]!,
    upSamples: up,
    blockedSamples: st[o + BLOCKED]!,
    pointingSamples: st[o + POINTING]!,
    rateMin_bps: up === 0 ? 0 : st[o + RATE_MIN]!,
    rateMax_bps: st[o + RATE_MAX]!,
    rateSum_bps: st[o + RATE_SUM]!,
    maxPointingRate_rad_s: st[o + MAX_POINTING]!,
    minLineOfSightAltitude_m: st[o + LOS_MIN]!,
    maxLineOfSightAltitude_m: st[o + LOS_MAX]!,
  };
}

/**
 * Adds every link's range and line of sight at this sample (node states in `cache`) to its running statistics in `st`
 * (STAT_FIELDS per link), and marks those in sight and inside the cutoff for samplePointing. The two are called one
 * after the other by the sampling loop, not one from the other, so that V8 compiles each with its own calls inlined:
 * inlined into one function, they exceed V8's inlining budget, and a call per link left out of line boxes its numbers.
 */
function sampleLinks(k: LinkKernel, cache: Float64Array, st: Float64Array): void {
  const ends = k.ends,
    cuts = k.cut,
    range = k.range;
  for (let i = 0, o = 0; i < cuts.length; i++, o += STAT_FIELDS) {
    const a = ends[2 * i]!,
      b = ends[2 * i + 1]!;
    const ax = cache[a]!,
      ay = cache[a + 1]!,
      az = cache[a + 2]!;
    const dx = cache[b]! - ax,
      dy = cache[b + 1]! - ay,
      dz = cache[b + 2]! - az;
    const d2 = dx * dx + dy * dy + dz * dz;
    const d = Math.sqrt(d2);
    st[o + RANGE_MIN] = Math.min(st[o + RANGE_MIN]!, d);
    st[o + RANGE_MAX] = Math.max(st[o + RANGE_MAX]!, d);
    st[o + RANGE_SUM] = st[o + RANGE_SUM]! + d;
    const alt = segmentAltitude_m(ax, ay, az, dx, dy, dz, d2);
    st[o + LOS_MIN] = Math.min(st[o + LOS_MIN]!, alt);
    st[o + LOS_MAX] = Math.max(st[o + LOS_MAX]!, alt);
    const blocked = alt < k.grazingHeight_m;
    if (blocked) st[o + BLOCKED] = st[o + BLOCKED]! + 1;
    const cut = cuts[i] === 1 && (cache[a + STATE_FIELDS] === 1 || cache[b + STATE_FIELDS] === 1);
    range[i] = blocked || cut ? -1 : d;
  }
}

/** The pointing rate and rate at this sample of every link whose range sampleLinks kept, added to `st`. */
function samplePointing(k: LinkKernel, cache: Float64Array, st: Float64Array): void {
  const ends = k.ends,
    range = k.range;
  for (let i = 0, o = 0; i < range.length; i++, o += STAT_FIELDS) {
    const d = range[i]!;
    if (d < 0) continue;
    const a = ends[2 * i]!,
      b = ends[2 * i + 1]!;
    const w = differencePointingRate(
      cache,
      a,
      b,
      cache[b]! - cache[a]!,
      cache[b + 1]! - cache[a + 1]!,
      cache[b + 2]! - cache[a + 2]!,
      d,
    );
    st[o + MAX_POINTING] = Math.max(st[o + MAX_POINTING]!, w);
    if (w > k.slewLimit_rad_s) {
      st[o + POINTING] = st[o + POINTING]! + 1;
      continue;
    }
    const rate = d <= k.capped_m ? k.rate.capacity_bps : linkRate_bps(k.rate, d);
    st[o + UP] = st[o + UP]! + 1;
    st[o + RATE_SUM] = st[o + RATE_SUM]! + rate;
    st[o + RATE_MIN] = Math.min(st[o + RATE_MIN]!, rate);
    st[o + RATE_MAX] = Math.max(st[o + RATE_MAX]!, rate);
  }
}

/**
 * Per-sample geometry of inter-satellite links over the sampling window: range, Earth blockage,
 * latitude cutoff, link-budget rate and line-of-sight (LOS) angular rate in each end's LVLH frame.
 *
 * Earth blockage: the segment A→B must clear R⊕ + grazing height at its closest point A + t·(B−A),
 * t = clamp(−A·(B−A)/|B−A|², 0, 1); LEO ISL studies keep the LOS above 80 km (Bhattacherjee & Singla, ACM CoNEXT
 * 2019, doi:10.1145/3359989.3365407), the caller adds a margin (default 20 km). Latitude: geocentric asin(z/|r|).
 * Pointing rate at a sample: the angular rate of the LOS in each end's orbital (radial / along-track / normal) frame,
 * the larger of the two, from the ends' velocities at that instant (pointingRate_rad_s: no finite difference, so a
 * fast swing between two samples is not averaged away). A link is on at a sample when it clears the grazing height,
 * the cutoff and its pointing rate is within the terminal's slew limit (a terminal cannot hold a link it cannot
 * follow); off at that sample only.
 * Validity: as `propagate.ts` (circular LEO, windows of days); spherical Earth of equatorial radius; each plane's
 * satellites turn about its orbit normal at the two-body rate √(μ/r³) of the plane's radius at that sample (SGP4's
 * J2 rates differ by ~0.1 %, nodal precession ~0.1 % of it is left out), cluster members add their relative-orbit
 * rate.
 * Derivation, evidence and costs: docs/constellations.md §"Link geometry sampling".
 */
import { linkRate_bps, type LinkRateCoefficients } from '../../models/links/linkBudget.js';
import { EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../base/constants.js';
import type { RepresentativeLink } from './linkTopology.js';
import type { ClusterMotion } from '../geometry/clusterFormation.js';
import { slotPosition, type PlaneTrack } from '../geometry/propagate.js';

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

/**
 * Angular rate [rad/s] of a line of sight of unit direction u and length d whose far end moves at velocity e relative
 * to the frame the rate is taken in: the part of e across the line of sight over d, |e − u(u·e)|/d.
 */
export function transverseRate_rad_s(
  ux: number,
  uy: number,
  uz: number,
  d: number,
  ex: number,
  ey: number,
  ez: number,
): number {
  const k = ux * ex + uy * ey + uz * ez;
  const px = ex - k * ux,
    py = ey - k * uy,
    pz = ez - k * uz;
  return Math.sqrt(px * px + py * py + pz * pz) / d;
}

/**
 * Pointing rate [rad/s] of the link between the states at s[a…] and s[b…] (STATE_FIELDS each): the larger over its two
 * ends of the line of sight's angular rate in that end's rotating frame, the far end's velocity relative to that frame
 * being (v_B − v_A) − ω_end × (B − A). Two satellites turning rigidly together (one circular plane) read 0.
 */
export function pointingRate_rad_s(s: Float64Array, a: number, b: number): number {
  const dx = s[b]! - s[a]!,
    dy = s[b + 1]! - s[a + 1]!,
    dz = s[b + 2]! - s[a + 2]!;
  const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
  if (!(d > 0)) return 0;
  const ux = dx / d,
    uy = dy / d,
    uz = dz / d;
  const vx = s[b + 3]! - s[a + 3]!,
    vy = s[b + 4]! - s[a + 4]!,
    vz = s[b + 5]! - s[a + 5]!;
  return Math.max(frameRate(s, a + 6, ux, uy, uz, d, vx, vy, vz), frameRate(s, b + 6, ux, uy, uz, d, vx, vy, vz));
}

/** The line of sight's rate in the frame turning at ω = s[w…w+2] (pointingRate_rad_s). */
function frameRate(
  s: Float64Array,
  w: number,
  ux: number,
  uy: number,
  uz: number,
  d: number,
  vx: number,
  vy: number,
  vz: number,
): number {
  const wx = s[w]!,
    wy = s[w + 1]!,
    wz = s[w + 2]!;
  const dx = ux * d,
    dy = uy * d,
    dz = uz * d;
  return transverseRate_rad_s(
    ux,
    uy,
    uz,
    d,
    vx - (wy * dz - wz * dy),
    vy - (wz * dx - wx * dz),
    vz - (wx * dy - wy * dx),
  );
}

/** Lowest altitude above the sphere R⊕ of the segment A–B [m]. */
export function lineOfSightAltitude_m(ax: number, ay: number, az: number, bx: number, by: number, bz: number): number {
  const dx = bx - ax,
    dy = by - ay,
    dz = bz - az;
  const d2 = dx * dx + dy * dy + dz * dz;
  const t = d2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy + az * dz) / d2)) : 0;
  const cx = ax + t * dx,
    cy = ay + t * dy,
    cz = az + t * dz;
  return Math.sqrt(cx * cx + cy * cy + cz * cz) - EARTH_RADIUS_m;
}

const NODE_FIELDS = STATE_FIELDS + 1; // state, latitude

/**
 * The satellites the representatives join, each once (the node cache positions each once per sample), and each
 * representative's two ends as indices into them.
 */
function linkEnds(reps: LinkSamplingParams['representatives']): {
  nodes: { plane: number; slot: number }[];
  ends: (readonly [number, number])[];
} {
  const nodeIndex = new Map<string, number>();
  const nodes: { plane: number; slot: number }[] = [];
  const node = (s: { plane: number; slot: number }): number => {
    const key = `${s.plane}:${s.slot}`;
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

/** Sample j of every cached node: its state (satelliteState) and latitude, NODE_FIELDS per node. */
function cacheNodeStates(
  p: Readonly<LinkSamplingParams>,
  j: number,
  nodes: readonly { plane: number; slot: number }[],
  cache: Float64Array,
): void {
  for (let k = 0; k < nodes.length; k++) {
    const { plane, slot } = nodes[k]!;
    const c = k * NODE_FIELDS;
    satelliteState(p.tracks.get(plane)!, j, slot, p.slotPhase_rad, p.clusterMotion, cache, c);
    const x = cache[c]!,
      y = cache[c + 1]!,
      z = cache[c + 2]!;
    cache[c + STATE_FIELDS] = Math.asin(z / Math.sqrt(x * x + y * y + z * z));
  }
}

/** Samples every representative link over the window. */
export function sampleRepresentativeLinks(p: Readonly<LinkSamplingParams>): RepresentativeStats[] {
  const reps = p.representatives;
  const { nodes, ends } = linkEnds(reps);
  const first = p.tracks.values().next().value;
  const n = first === undefined ? 0 : first.times_s.length;
  const cache = new Float64Array(nodes.length * NODE_FIELDS);
  const st = reps.map(() => ({
    rangeMin_m: Infinity,
    rangeMax_m: 0,
    rangeSum_m: 0,
    upSamples: 0,
    blockedSamples: 0,
    pointingSamples: 0,
    rateMin_bps: Infinity,
    rateMax_bps: 0,
    rateSum_bps: 0,
    maxPointingRate_rad_s: 0,
    minLineOfSightAltitude_m: Infinity,
    maxLineOfSightAltitude_m: -Infinity,
  }));
  const cutoff = p.latitudeCutoff_rad ?? Infinity;

  for (let j = 0; j < n; j++) {
    cacheNodeStates(p, j, nodes, cache);
    for (let i = 0; i < reps.length; i++) {
      const [ka, kb] = ends[i]!;
      sampleLink(p, cutoff, cache, ka * NODE_FIELDS, kb * NODE_FIELDS, st[i]!, reps[i]!.cutoffApplies);
    }
  }
  return st.map((s) => (s.upSamples === 0 ? { ...s, rateMin_bps: 0 } : s));
}

type MutableStats = { -readonly [K in keyof RepresentativeStats]: RepresentativeStats[K] };

/**
 * Adds a link's range, line of sight, pointing rate and rate at this sample to `s`; its ends' states start at cache
 * offsets a and b.
 */
function sampleLink(
  p: Readonly<LinkSamplingParams>,
  cutoff: number,
  cache: Float64Array,
  a: number,
  b: number,
  s: MutableStats,
  cutoffApplies: boolean,
): void {
  const ax = cache[a]!,
    ay = cache[a + 1]!,
    az = cache[a + 2]!;
  const dx = cache[b]! - ax,
    dy = cache[b + 1]! - ay,
    dz = cache[b + 2]! - az;
  const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
  s.rangeMin_m = Math.min(s.rangeMin_m, d);
  s.rangeMax_m = Math.max(s.rangeMax_m, d);
  s.rangeSum_m += d;
  const alt = lineOfSightAltitude_m(ax, ay, az, cache[b]!, cache[b + 1]!, cache[b + 2]!);
  s.minLineOfSightAltitude_m = Math.min(s.minLineOfSightAltitude_m, alt);
  s.maxLineOfSightAltitude_m = Math.max(s.maxLineOfSightAltitude_m, alt);
  const blocked = alt < p.grazingHeight_m;
  if (blocked) s.blockedSamples++;
  const cut =
    cutoffApplies && (Math.abs(cache[a + STATE_FIELDS]!) > cutoff || Math.abs(cache[b + STATE_FIELDS]!) > cutoff);
  if (blocked || cut) return;
  const w = pointingRate_rad_s(cache, a, b);
  s.maxPointingRate_rad_s = Math.max(s.maxPointingRate_rad_s, w);
  if (w > p.slewLimit_rad_s) {
    s.pointingSamples++;
    return;
  }
  const rate = linkRate_bps(p.rate, d);
  s.upSamples++;
  s.rateSum_bps += rate;
  s.rateMin_bps = Math.min(s.rateMin_bps, rate);
  s.rateMax_bps = Math.max(s.rateMax_bps, rate);
}

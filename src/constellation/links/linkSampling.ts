/**
 * Per-sample geometry of inter-satellite links over the sampling window: range, Earth blockage,
 * latitude cutoff, link-budget rate and line-of-sight (LOS) angular rate in each end's LVLH frame.
 *
 * Earth blockage: the segment A→B must clear R⊕ + grazing height at its closest point A + t·(B−A),
 * t = clamp(−A·(B−A)/|B−A|², 0, 1); LEO ISL studies keep the LOS above 80 km (Bhattacherjee & Singla, ACM CoNEXT
 * 2019, doi:10.1145/3359989.3365407), the caller adds a margin (default 20 km). Latitude: geocentric asin(z/|r|).
 * Pointing rate: the angle between consecutive LOS samples in each end's radial / along-track / normal frame over
 * the step (a first-order finite difference: it underestimates rates that change within one step).
 * Validity: as `propagate.ts` (circular LEO, windows of days); spherical Earth of equatorial radius.
 * Derivation, evidence and costs: docs/constellations.md §"Link geometry sampling".
 */
import { linkRate_bps, type LinkRateCoefficients } from '../../models/links/linkBudget.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import type { RepresentativeLink } from './linkTopology.js';
import type { ClusterMotion } from '../geometry/clusterFormation.js';
import { slotPosition, type PlaneTrack } from '../geometry/propagate.js';

/** Window statistics of one representative link. */
export interface RepresentativeStats {
  readonly rangeMin_m: number;
  readonly rangeMax_m: number;
  readonly rangeSum_m: number;
  /** Samples with line of sight and inside the latitude cutoff. */
  readonly upSamples: number;
  readonly blockedSamples: number;
  readonly rateMin_bps: number;
  readonly rateMax_bps: number;
  readonly rateSum_bps: number;
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
  readonly step_s: number;
}

const OFFSET = new Float64Array(3);

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

const NODE_FIELDS = 13; // position 3, r̂ 3, t̂ 3, n̂ 3, latitude 1

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

/** Sample j of every cached node: position, its frame r̂, t̂ (along track), n̂ and latitude, NODE_FIELDS per node. */
function cacheNodeFrames(
  p: Readonly<LinkSamplingParams>,
  j: number,
  nodes: readonly { plane: number; slot: number }[],
  cache: Float64Array,
  pos: Float64Array,
): void {
  for (let k = 0; k < nodes.length; k++) {
    const { plane, slot } = nodes[k]!;
    const track = p.tracks.get(plane)!;
    satellitePosition(track, j, slot, p.slotPhase_rad, p.clusterMotion, pos);
    const x = pos[0]!,
      y = pos[1]!,
      z = pos[2]!,
      r = Math.sqrt(x * x + y * y + z * z);
    const rx = x / r,
      ry = y / r,
      rz = z / r;
    const hx = track.normal[3 * j]!,
      hy = track.normal[3 * j + 1]!,
      hz = track.normal[3 * j + 2]!;
    let tx = hy * rz - hz * ry,
      ty = hz * rx - hx * rz,
      tz = hx * ry - hy * rx;
    const tn = Math.sqrt(tx * tx + ty * ty + tz * tz);
    tx /= tn;
    ty /= tn;
    tz /= tn;
    const c = k * NODE_FIELDS;
    cache[c] = x;
    cache[c + 1] = y;
    cache[c + 2] = z;
    cache[c + 3] = rx;
    cache[c + 4] = ry;
    cache[c + 5] = rz;
    cache[c + 6] = tx;
    cache[c + 7] = ty;
    cache[c + 8] = tz;
    cache[c + 9] = ry * tz - rz * ty;
    cache[c + 10] = rz * tx - rx * tz;
    cache[c + 11] = rx * ty - ry * tx;
    cache[c + 12] = Math.asin(rz);
  }
}

/** Samples every representative link over the window. */
export function sampleRepresentativeLinks(p: Readonly<LinkSamplingParams>): RepresentativeStats[] {
  const reps = p.representatives;
  const { nodes, ends } = linkEnds(reps);
  const first = p.tracks.values().next().value;
  const n = first === undefined ? 0 : first.times_s.length;
  const cache = new Float64Array(nodes.length * NODE_FIELDS);
  const pos = new Float64Array(3);
  const prev = new Float64Array(reps.length * 6);
  const prevUp = new Uint8Array(reps.length);
  const st = reps.map(() => ({
    rangeMin_m: Infinity,
    rangeMax_m: 0,
    rangeSum_m: 0,
    upSamples: 0,
    blockedSamples: 0,
    rateMin_bps: Infinity,
    rateMax_bps: 0,
    rateSum_bps: 0,
    maxPointingRate_rad_s: 0,
    minLineOfSightAltitude_m: Infinity,
    maxLineOfSightAltitude_m: -Infinity,
  }));
  const cutoff = p.latitudeCutoff_rad ?? Infinity;
  const state: SamplingState = { p, cache, prev, prevUp, cutoff };

  for (let j = 0; j < n; j++) {
    cacheNodeFrames(p, j, nodes, cache, pos);
    for (let i = 0; i < reps.length; i++) {
      const [ka, kb] = ends[i]!;
      sampleLink(state, i, ka * NODE_FIELDS, kb * NODE_FIELDS, st[i]!, reps[i]!.cutoffApplies);
    }
  }
  return st.map((s) => (s.upSamples === 0 ? { ...s, rateMin_bps: 0 } : s));
}

type MutableStats = { -readonly [K in keyof RepresentativeStats]: RepresentativeStats[K] };

/** What every link's sample reads and updates: node frames of this sample, last line-of-sight directions. */
interface SamplingState {
  readonly p: Readonly<LinkSamplingParams>;
  readonly cache: Float64Array;
  readonly prev: Float64Array;
  readonly prevUp: Uint8Array;
  readonly cutoff: number;
}

/**
 * Adds link i's range, line of sight, rate and pointing rate at this sample to `s`; its ends' frames start at
 * cache offsets a and b.
 */
function sampleLink(c: SamplingState, i: number, a: number, b: number, s: MutableStats, cutoffApplies: boolean): void {
  const { p, cache, prev, prevUp, cutoff } = c;
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
  const cut = cutoffApplies && (Math.abs(cache[a + 12]!) > cutoff || Math.abs(cache[b + 12]!) > cutoff);
  const up = !blocked && !cut;
  if (up) {
    const rate = linkRate_bps(p.rate, d);
    s.upSamples++;
    s.rateSum_bps += rate;
    s.rateMin_bps = Math.min(s.rateMin_bps, rate);
    s.rateMax_bps = Math.max(s.rateMax_bps, rate);
  }
  // LOS from A in A's frame, from B (−u) in B's frame.
  const ux = dx / d,
    uy = dy / d,
    uz = dz / d;
  const q = 6 * i;
  const la0 = ux * cache[a + 3]! + uy * cache[a + 4]! + uz * cache[a + 5]!;
  const la1 = ux * cache[a + 6]! + uy * cache[a + 7]! + uz * cache[a + 8]!;
  const la2 = ux * cache[a + 9]! + uy * cache[a + 10]! + uz * cache[a + 11]!;
  const lb0 = -(ux * cache[b + 3]! + uy * cache[b + 4]! + uz * cache[b + 5]!);
  const lb1 = -(ux * cache[b + 6]! + uy * cache[b + 7]! + uz * cache[b + 8]!);
  const lb2 = -(ux * cache[b + 9]! + uy * cache[b + 10]! + uz * cache[b + 11]!);
  if (up && prevUp[i] === 1) {
    const w = Math.max(angle(la0, la1, la2, prev, q), angle(lb0, lb1, lb2, prev, q + 3)) / p.step_s;
    s.maxPointingRate_rad_s = Math.max(s.maxPointingRate_rad_s, w);
  }
  prev[q] = la0;
  prev[q + 1] = la1;
  prev[q + 2] = la2;
  prev[q + 3] = lb0;
  prev[q + 4] = lb1;
  prev[q + 5] = lb2;
  prevUp[i] = up ? 1 : 0;
}

/** Angle between unit vector (x, y, z) and the one stored at v[o..o+2] [rad]. */
function angle(x: number, y: number, z: number, v: Float64Array, o: number): number {
  const px = v[o]!,
    py = v[o + 1]!,
    pz = v[o + 2]!;
  const cx = y * pz - z * py,
    cy = z * px - x * pz,
    cz = x * py - y * px;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), x * px + y * py + z * pz);
}

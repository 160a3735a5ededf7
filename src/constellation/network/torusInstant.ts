/**
 * Inter-satellite link capacities of a Walker delta +Grid shell at one sample instant, link by link: the input
 * of the per-instant network models (reduced torus LP on the instant's class means, routing lower bound).
 *
 * Method: every satellite placed at that sample on its plane's SGP4 track (slot phase 2πs/S, the arithmetic of
 * propagate.ts `slotPosition`); a link is on when its line of sight clears R⊕ + grazing height (linkSampling.ts)
 * and, for cross-plane links, both ends are within the latitude cutoff (geocentric latitude asin(z/|r|)); its
 * capacity is then the optical link budget at that range, capped at the terminal rating (models/linkBudget.ts). A
 * class with a link blocked by the Earth at some sample of the window is unusable at every instant, as in links.ts.
 * Edge numbering as in torusRouting.ts: cross-plane edge v = (p, s)–(p+1, s), across the seam (P−1, s)–(0, s+F);
 * in-plane edge v = (p, s)–(p, s+1). An open cylinder (`seam: false`: a band whose last and first planes are not
 * linked) has no seam links: their entries are 0 and left out of the mean cross-plane length.
 * Validity: as propagate.ts; shells whose planes are rotated copies of plane 0 (walker-delta, walker-star, sso-ltan),
 * P·S satellites all propagated.
 */
import { linkRate_bps, type LinkRateCoefficients } from '../../models/links/linkBudget.js';
import { lineOfSightAltitude_m } from '../links/linkSampling.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import { planeFrame, type PlaneTrack } from '../geometry/propagate.js';

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
  readonly inPlaneUsable: boolean;
  readonly crossPlaneUsable: boolean;
  /** The last plane links to the first (a torus); default true. */
  readonly seam?: boolean;
}

/** A reduced model's inputs over a series of instants (the torus and the open cylinder, shellNetwork*.ts). */
export interface ReducedSeriesParams extends Omit<TorusInstantParams, 'sampleIndex' | 'seam'> {
  readonly instants: readonly number[];
  /** Diagonals laid but not modelled: the result is a lower bound only. */
  readonly meshIgnored: boolean;
}

export interface TorusInstant {
  readonly cross_bps: Float64Array;
  readonly inPlane_bps: Float64Array;
  /** Mean length over the class's links at the instant [m]. */
  readonly crossPlaneLength_m: number;
  readonly inPlaneLength_m: number;
}

/**
 * Positions of every satellite at sample j into `pos` (xyz per node v = q·S + s): each plane's representative frame
 * is built once (propagate.ts `planeFrame`) and the slots placed at phase 2πs/S as propagate.ts `slotPosition` places
 * them (no cluster offsets), so the positions are those it gives.
 */
function shellPositions(tracks: readonly PlaneTrack[], j: number, S: number, pos: Float64Array): void {
  const cos = new Float64Array(S),
    sin = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    const phase = (2 * Math.PI * s) / S;
    cos[s] = Math.cos(phase);
    sin[s] = Math.sin(phase);
  }
  const f = new Float64Array(7);
  for (let q = 0; q < tracks.length; q++) {
    planeFrame(tracks[q]!, j, f);
    const r = f[0]!,
      ux = f[1]!,
      uy = f[2]!,
      uz = f[3]!,
      tx = f[4]!,
      ty = f[5]!,
      tz = f[6]!;
    for (let s = 0; s < S; s++) {
      const c = cos[s]!,
        n = sin[s]!;
      const o = 3 * (q * S + s);
      pos[o] = r * (c * ux + n * tx);
      pos[o + 1] = r * (c * uy + n * ty);
      pos[o + 2] = r * (c * uz + n * tz);
    }
  }
}

/**
 * Whether each satellite is poleward of the cutoff: |asin(z/|r|)| > cutoff, decided on sin(cutoff) away from the
 * boundary and by asin itself within 1e-12 of it (so the answer is the asin comparison's).
 */
function polewardOf(pos: Float64Array, N: number, cutoff_rad: number | null): Uint8Array {
  const out = new Uint8Array(N);
  if (cutoff_rad === null) return out;
  const sc = Math.sin(cutoff_rad);
  for (let v = 0; v < N; v++) {
    const x = pos[3 * v]!,
      y = pos[3 * v + 1]!,
      z = pos[3 * v + 2]!;
    const sinLat = Math.abs(z / Math.sqrt(x * x + y * y + z * z));
    if (sinLat > sc + 1e-12) out[v] = 1;
    else if (sinLat >= sc - 1e-12) out[v] = Math.abs(Math.asin(sinLat)) > cutoff_rad ? 1 : 0;
  }
  return out;
}

/**
 * Margin of the line-of-sight shortcut [m]. A segment between points at radii ≥ r whose length is d keeps at least
 * √(r² − d²/4) from the Earth's centre (|(1−t)a + t·b|² = (1−t)|a|² + t|b|² − t(1−t)|a−b|²): where that clears
 * R⊕ + grazing height by this margin (far above rounding), the link has line of sight without the exact test.
 */
const CLEARANCE_MARGIN_m = 1;

/**
 * Range [m] up to which the link budget's rate is surely capped at the terminal's capacity (0 when it never is):
 * where the uncapped rate exceeds the capacity by 1e-9 (far above rounding), found from the collected fraction
 * 1 − exp(−F/(d² + z_R²)) (models/links/linkBudget.ts) and checked against linkRate_bps itself.
 */
function cappedRange_m(c: Readonly<LinkRateCoefficients>): number {
  const target = (c.capacity_bps * (1 + 1e-9)) / c.fullCollectionRate_bps;
  if (!(target < 1)) return 0;
  const d2 = c.farFieldFraction_m2 / -Math.log1p(-target) - c.rayleighRange_m ** 2;
  if (!(d2 > 0)) return 0;
  const d = Math.sqrt(d2) * (1 - 1e-9);
  return c.fullCollectionRate_bps * -Math.expm1(-c.farFieldFraction_m2 / (d * d + c.rayleighRange_m ** 2)) >=
    c.capacity_bps * (1 + 1e-10)
    ? d
    : 0;
}

/** Capacity of every link of the shell at one sample. */
export function torusInstantCapacities(p: Readonly<TorusInstantParams>): TorusInstant {
  const { planes: P, satsPerPlane: S, phasing: F, sampleIndex: j } = p;
  const N = P * S;
  if (p.tracks.length !== P) throw new RangeError(`need one track per plane (${P}), got ${p.tracks.length}`);
  const pos = new Float64Array(3 * N);
  shellPositions(p.tracks, j, S, pos);
  const r2 = new Float64Array(N);
  for (let v = 0; v < N; v++) r2[v] = pos[3 * v]! ** 2 + pos[3 * v + 1]! ** 2 + pos[3 * v + 2]! ** 2;
  const poleward = polewardOf(pos, N, p.latitudeCutoff_rad);
  const cross_bps = new Float64Array(N),
    inPlane_bps = new Float64Array(N);
  let crossLen = 0,
    inLen = 0;
  const clear2 = (EARTH_RADIUS_m + p.grazingHeight_m + CLEARANCE_MARGIN_m) ** 2;
  const capped_m = cappedRange_m(p.rate);
  // Capacity of link a–b into `into[v]`; returns its length [m].
  const link = (a: number, b: number, usable: boolean, cut: boolean, into: Float64Array, v: number): number => {
    const ax = pos[3 * a]!,
      ay = pos[3 * a + 1]!,
      az = pos[3 * a + 2]!,
      bx = pos[3 * b]!,
      by = pos[3 * b + 1]!,
      bz = pos[3 * b + 2]!;
    const d = Math.sqrt((bx - ax) ** 2 + (by - ay) ** 2 + (bz - az) ** 2);
    const on =
      usable &&
      !cut &&
      (Math.min(r2[a]!, r2[b]!) - 0.25 * d * d >= clear2 ||
        lineOfSightAltitude_m(ax, ay, az, bx, by, bz) >= p.grazingHeight_m);
    into[v] = on ? (d <= capped_m ? p.rate.capacity_bps : linkRate_bps(p.rate, d)) : 0;
    return d;
  };
  const seam = p.seam ?? true;
  for (let q = 0; q < P; q++) {
    for (let s = 0; s < S; s++) {
      const v = q * S + s;
      const w = q < P - 1 ? v + S : (((s + F) % S) + S) % S;
      if (q < P - 1 || seam)
        crossLen += link(v, w, p.crossPlaneUsable, poleward[v] === 1 || poleward[w] === 1, cross_bps, v);
      inLen += link(v, q * S + ((s + 1) % S), p.inPlaneUsable, false, inPlane_bps, v);
    }
  }
  const crossLinks = seam ? N : (P - 1) * S;
  return {
    cross_bps,
    inPlane_bps,
    crossPlaneLength_m: crossLinks > 0 ? crossLen / crossLinks : 0,
    inPlaneLength_m: inLen / N,
  };
}

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
 * Cost: the positions and poleward flags live in working arrays kept for the largest shell seen, and a series of
 * instants hands over one pair of capacity arrays (`TorusInstantBuffers`): allocating five shell-sized typed arrays
 * per instant cost as much as the geometry itself (measured 34 → 17 ns per link on a 60 × 70 shell).
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
  /** Mean length over the class's links at the instant [m]. */
  readonly crossPlaneLength_m: number;
  readonly inPlaneLength_m: number;
}

/** cos and sin of the slot phases 2πs/S, kept for the last S asked (every instant of a shell shares them). */
let slotPhases = { S: 0, cos: new Float64Array(0), sin: new Float64Array(0) };
function slotPhasesOf(S: number): { cos: Float64Array; sin: Float64Array } {
  if (slotPhases.S !== S) {
    const cos = new Float64Array(S),
      sin = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      const phase = (2 * Math.PI * s) / S;
      cos[s] = Math.cos(phase);
      sin[s] = Math.sin(phase);
    }
    slotPhases = { S, cos, sin };
  }
  return slotPhases;
}

/**
 * Positions of every satellite at sample j into `pos` (xyz per node v = q·S + s) and their squared radii into `r2`:
 * each plane's representative frame is built once (propagate.ts `planeFrame`) and the slots placed at phase 2πs/S as
 * propagate.ts `slotPosition` places them (no cluster offsets), so the positions are those it gives.
 */
function shellPositions(
  tracks: readonly PlaneTrack[],
  j: number,
  S: number,
  pos: Float64Array,
  r2: Float64Array,
): void {
  const { cos, sin } = slotPhasesOf(S);
  const f = FRAME;
  for (let q = 0; q < tracks.length; q++) {
    planeFrame(tracks[q]!, j, f);
    const r = f[0]!,
      ux = f[1]!,
      uy = f[2]!,
      uz = f[3]!,
      tx = f[4]!,
      ty = f[5]!,
      tz = f[6]!;
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
}
const FRAME = new Float64Array(7);

/**
 * Whether each satellite is poleward of the cutoff (into `out`): |asin(z/|r|)| > cutoff, decided on sin(cutoff) away
 * from the boundary and by asin itself within 1e-12 of it (so the answer is the asin comparison's).
 */
function polewardOf(pos: Float64Array, r2: Float64Array, N: number, cutoff_rad: number | null, out: Uint8Array): void {
  out.fill(0, 0, N);
  if (cutoff_rad === null) return;
  const sc = Math.sin(cutoff_rad);
  for (let v = 0; v < N; v++) {
    const sinLat = Math.abs(pos[3 * v + 2]! / Math.sqrt(r2[v]!));
    if (sinLat > sc + 1e-12) out[v] = 1;
    else if (sinLat >= sc - 1e-12) out[v] = Math.abs(Math.asin(sinLat)) > cutoff_rad ? 1 : 0;
  }
}

/** Working arrays of the positions, kept for the largest shell seen (the function returns none of them). */
let scratch = { pos: new Float64Array(0), r2: new Float64Array(0), poleward: new Uint8Array(0) };
function scratchFor(N: number): typeof scratch {
  if (scratch.r2.length < N)
    scratch = { pos: new Float64Array(3 * N), r2: new Float64Array(N), poleward: new Uint8Array(N) };
  return scratch;
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

/** What every link's capacity reads besides its ends: positions, squared radii, clearance and the link budget. */
interface LinkContext {
  readonly pos: Float64Array;
  readonly r2: Float64Array;
  /** (R⊕ + grazing height + CLEARANCE_MARGIN_m)² [m²]. */
  readonly clear2: number;
  readonly grazingHeight_m: number;
  /** Range up to which the rate is the terminal's capacity [m] (cappedRange_m). */
  readonly capped_m: number;
  readonly rate: Readonly<LinkRateCoefficients>;
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

/** Cross-plane capacities into `into` (seam entries 0 on an open cylinder); returns the sum of their lengths [m]. */
function crossPlaneLinks(
  c: LinkContext,
  p: Readonly<TorusInstantParams>,
  poleward: Uint8Array,
  into: Float64Array,
): number {
  const { planes: P, satsPerPlane: S, phasing: F } = p;
  const seam = p.seam ?? true;
  const usable = p.crossPlaneUsable;
  let len = 0;
  for (let q = 0; q < (seam ? P : P - 1); q++) {
    for (let s = 0; s < S; s++) {
      const v = q * S + s;
      const w = q < P - 1 ? v + S : (((s + F) % S) + S) % S;
      const d = distance(c.pos, v, w);
      len += d;
      into[v] = usable && poleward[v] === 0 && poleward[w] === 0 ? lineOfSightCapacity(c, v, w, d) : 0;
    }
  }
  if (!seam) into.fill(0, (P - 1) * S, P * S);
  return len;
}

/** In-plane capacities into `into`; returns the sum of their lengths [m]. */
function inPlaneLinks(c: LinkContext, p: Readonly<TorusInstantParams>, into: Float64Array): number {
  const { planes: P, satsPerPlane: S } = p;
  const usable = p.inPlaneUsable;
  let len = 0;
  for (let q = 0; q < P; q++) {
    for (let s = 0; s < S; s++) {
      const v = q * S + s;
      const w = q * S + ((s + 1) % S);
      const d = distance(c.pos, v, w);
      len += d;
      into[v] = usable ? lineOfSightCapacity(c, v, w, d) : 0;
    }
  }
  return len;
}

/** Arrays a series of instants may hand over for the capacities (length P·S), overwritten at each call. */
export interface TorusInstantBuffers {
  readonly cross_bps: Float64Array;
  readonly inPlane_bps: Float64Array;
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
  const { pos, r2, poleward } = scratchFor(N);
  shellPositions(p.tracks, j, S, pos, r2);
  polewardOf(pos, r2, N, p.latitudeCutoff_rad, poleward);
  const cross_bps = out?.cross_bps ?? new Float64Array(N),
    inPlane_bps = out?.inPlane_bps ?? new Float64Array(N);
  const c: LinkContext = {
    pos,
    r2,
    clear2: (EARTH_RADIUS_m + p.grazingHeight_m + CLEARANCE_MARGIN_m) ** 2,
    grazingHeight_m: p.grazingHeight_m,
    capped_m: cappedRange_m(p.rate),
    rate: p.rate,
  };
  const crossLen = crossPlaneLinks(c, p, poleward, cross_bps);
  const inLen = inPlaneLinks(c, p, inPlane_bps);
  const crossLinks = (p.seam ?? true) ? N : (P - 1) * S;
  return {
    cross_bps,
    inPlane_bps,
    crossPlaneLength_m: crossLinks > 0 ? crossLen / crossLinks : 0,
    inPlaneLength_m: inLen / N,
  };
}

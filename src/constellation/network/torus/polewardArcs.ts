/**
 * Which satellites of a Walker +Grid shell are poleward of the cross-plane latitude cutoff at one instant, for the lean
 * path of torusInstant.ts, and a settled gap's links switched off where either end is: each plane's poleward
 * satellites lie in two arcs round its highest and lowest points, so only the slots near an arc's ends are decided one
 * by one, on the same numbers as the full path's flags (torusInstant.ts `polewardOf`), and a gap reads only the slots
 * in its two planes' arcs.
 * Method: the slot at phase θ of a plane with frame (r, û, t̂) has |sin latitude| ≈ |cos θ ûz + sin θ t̂z| =
 * R·|cos(θ − θ0)| (R = √(ûz² + t̂z²), θ0 = atan2(t̂z, ûz)): above sin(cutoff) within acos(sin(cutoff)/R) of θ0 and
 * θ0 + π. Margins: 2e-9 in sin latitude (twice the decision's 1e-9), 1e-6 rad on the arcs' ends (their rounding is
 * ≤ 1e-7 rad, acos near 1).
 * Validity: as torusInstant.ts (circular planes, no cluster offsets); the flags are the full path's, to the bit.
 * Derivation, evidence and costs: docs/constellations.md §"Per-instant torus link capacities".
 */
import { poleward } from '../../links/linkGeometry.js';
import { clearOfCutoff, frameFits } from './planeBounds.js';

/** cos and sin of the slot phases 2πs/S, kept for the last S asked (every instant of a shell shares them). */
let slotPhases = { S: 0, cos: new Float64Array(0), sin: new Float64Array(0) };
export function slotPhasesOf(S: number): { cos: Float64Array; sin: Float64Array } {
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
 * |sin latitude| of plane q's slot s as the full path computes it (placePlane, then polewardOf's |z/|r||), and the
 * poleward flags of the lean path: decided on |cos θ ûz + sin θ t̂z| (the same within 1e-12 for an orthonormal frame,
 * planeBounds.ts) away from sin(cutoff), on the full path's value near it.
 */
function exactSinLat(f: Float64Array, o: number, c: number, n: number): number {
  const r = f[o]!;
  const x = r * (c * f[o + 1]! + n * f[o + 4]!),
    y = r * (c * f[o + 2]! + n * f[o + 5]!),
    z = r * (c * f[o + 3]! + n * f[o + 6]!);
  return Math.abs(z / Math.sqrt(x ** 2 + y ** 2 + z ** 2));
}
export function leanPoleward(
  frames: Float64Array,
  P: number,
  S: number,
  cutoff_rad: number | null,
  out: Uint8Array,
  planePole: Uint8Array,
  arcs: Int32Array,
): void {
  out.fill(0, 0, P * S);
  planePole.fill(0, 0, P);
  arcs.fill(0, 0, 4 * P);
  if (cutoff_rad === null) return;
  const sc = Math.sin(cutoff_rad);
  for (let q = 0; q < P; q++) {
    const o = 7 * q,
      fits = frameFits(frames, o);
    const uz = frames[o + 3]!,
      tz = frames[o + 6]!;
    // |cos θ ûz + sin θ t̂z| ≤ √(ûz² + t̂z²) (to rounding): a plane that never reaches within 2e-9 of sin(cutoff) has
    // every slot clear of it and equatorward, as the loop below would decide slot by slot.
    if (fits && Math.sqrt(uz * uz + tz * tz) * (1 + 1e-9) < sc - 2e-9) continue;
    arcs[4 * q + 1] = S; // every slot, unless the arcs below are narrower
    planePole[q] = fits
      ? polewardArcs(frames, o, q * S, S, sc, cutoff_rad, out, arcs, 4 * q)
      : slotsPoleward(frames, o, false, q * S, 0, S, S, sc, cutoff_rad, out);
  }
}

/**
 * Slots from … to − 1 of the plane at frames[o] (indices taken modulo S; slot s is node v0 + s) flagged one by one:
 * on |cos θ ûz + sin θ t̂z| where the frame fits and that is clear of sin(cutoff) `sc`, else on the full path's value.
 * Returns 1 when any is poleward.
 */
function slotsPoleward(
  frames: Float64Array,
  o: number,
  fits: boolean,
  v0: number,
  from: number,
  to: number,
  S: number,
  sc: number,
  cutoff_rad: number,
  out: Uint8Array,
): number {
  const { cos, sin } = slotPhasesOf(S);
  const uz = frames[o + 3]!,
    tz = frames[o + 6]!;
  let any = 0;
  for (let t = from; t < to; t++) {
    const s = ((t % S) + S) % S;
    const approx = Math.abs(cos[s]! * uz + sin[s]! * tz);
    any |= out[v0 + s] =
      fits && clearOfCutoff(approx, sc)
        ? approx > sc
          ? 1
          : 0
        : poleward(exactSinLat(frames, o, cos[s]!, sin[s]!), sc, cutoff_rad);
  }
  return any;
}

/** Margin [rad] of the arcs of polewardArcs: far above the rounding of their ends (≤ 1e-7 rad, acos near 1). */
const ARC_MARGIN_rad = 1e-6;

/**
 * The poleward flags of a fitting plane (frame at frames[o], slots v0 … v0 + S − 1) as slotsPoleward sets them, by
 * arcs. The slot at phase θ reads |f(θ)| = |cos θ ûz + sin θ t̂z| = R·|cos(θ − θ0)| (R = √(ûz² + t̂z²), θ0 =
 * atan2(t̂z, ûz)) to 1e-14 (the rounding of the slot phases' cosines and of the sum), so around each of θ0 and θ0 + π:
 * within α_in = acos((sc + 2e-9)/R) every slot reads above sc + 1e-9 (poleward, without a look), beyond α_out =
 * acos((sc − 2e-9)/R) every slot reads below sc − 1e-9 (equatorward, left 0), and only the slots between (with
 * ARC_MARGIN_rad either side) are decided one by one. Two ranges of slots [lo, hi) holding every poleward slot go to
 * arcs[a … a + 3] when they are disjoint modulo S (else arcs keeps the whole row). Returns 1 when any slot is poleward.
 */
function polewardArcs(
  frames: Float64Array,
  o: number,
  v0: number,
  S: number,
  sc: number,
  cutoff_rad: number,
  out: Uint8Array,
  arcs: Int32Array,
  a: number,
): number {
  const uz = frames[o + 3]!,
    tz = frames[o + 6]!;
  const R = Math.sqrt(uz * uz + tz * tz),
    theta0 = Math.atan2(tz, uz);
  const xOut = (sc - 2e-9) / R,
    xIn = (sc + 2e-9) / R;
  const aOut = (xOut < 1 ? Math.acos(xOut) : 0) + ARC_MARGIN_rad,
    aIn = xIn <= 1 ? Math.acos(xIn) - ARC_MARGIN_rad : -1;
  const perRad = S / (2 * Math.PI);
  let any = 0;
  for (let c = theta0, k = 0; k < 2; k++, c += Math.PI) {
    const lo = Math.ceil((c - aOut) * perRad) | 0,
      hi = (Math.floor((c + aOut) * perRad) + 1) | 0;
    // the sure core [loIn, hiIn), empty (at lo) where α_in is under the margin
    const loIn = aIn > 0 ? Math.max(lo, Math.ceil((c - aIn) * perRad) | 0) : lo,
      hiIn = aIn > 0 ? Math.max(loIn, Math.min(hi, (Math.floor((c + aIn) * perRad) + 1) | 0)) : lo;
    any |= slotsPoleward(frames, o, true, v0, lo, loIn, S, sc, cutoff_rad, out);
    any |= slotsPoleward(frames, o, true, v0, hiIn, hi, S, sc, cutoff_rad, out);
    if (hiIn > loIn) {
      any = 1;
      fillSlots(out, v0, loIn, hiIn, S, 1);
    }
    // stored with lo in [0, S): a range's slots t then lie in [0, 2S)
    const wrap = lo - (((lo % S) + S) % S);
    arcs[a + 2 * k] = lo - wrap;
    arcs[a + 2 * k + 1] = hi - wrap;
  }
  if (arcsOverlap(arcs[a]!, arcs[a + 1]!, arcs[a + 2]!, arcs[a + 3]!, S)) {
    arcs[a] = 0;
    arcs[a + 1] = S;
    arcs[a + 2] = arcs[a + 3] = 0;
  }
  return any;
}

/** Whether slot ranges [lo0, hi0) and [lo1, hi1) (lo in [0, S)) share a slot modulo S, or either spans S. */
function arcsOverlap(lo0: number, hi0: number, lo1: number, hi1: number, S: number): boolean {
  if (hi0 - lo0 >= S || hi1 - lo1 >= S) return true;
  if (lo1 < lo0) return arcsOverlap(lo1, hi1, lo0, hi0, S);
  return hi0 > lo1 || hi1 > lo0 + S;
}

/** Slots from … to − 1 (modulo S, at most S of them) of the row at v0 set to x. */
function fillSlots(out: Uint8Array, v0: number, from: number, to: number, S: number, x: number): void {
  if (to - from >= S) {
    out.fill(x, v0, v0 + S);
    return;
  }
  const a = ((from % S) + S) % S,
    b = a + (to - from);
  if (b <= S) out.fill(x, v0 + a, v0 + b);
  else {
    out.fill(x, v0 + a, v0 + S);
    out.fill(x, v0, v0 + b - S);
  }
}

/**
 * A settled gap q with a poleward end: each link off (0 in `into`, whose row holds the capacity on every link) where
 * either end is poleward; returns how many stay on. Only the slots in the two planes' poleward ranges (`arcs`,
 * leanPoleward) are read.
 */
export function polewardGap(
  P: number,
  S: number,
  F: number,
  q: number,
  pole: Uint8Array,
  arcs: Int32Array,
  into: Float64Array,
): number {
  const v0 = q * S,
    q2 = q < P - 1 ? q + 1 : 0,
    // plane q's slot s links to plane q2's slot s + shift (the seam twists by F)
    shift = q < P - 1 ? 0 : ((F % S) + S) % S;
  let off = 0;
  // a range's slots t lie in [0, 2S) (leanPoleward)
  for (let k = 4 * q; k < 4 * q + 4; k += 2)
    for (let t = arcs[k]!; t < arcs[k + 1]!; t++) {
      const v = v0 + (t < S ? t : t - S);
      if (pole[v] !== 0) {
        into[v] = 0;
        off++;
      }
    }
  for (let k = 4 * q2; k < 4 * q2 + 4; k += 2)
    for (let t = arcs[k]!; t < arcs[k + 1]!; t++) {
      const u = t < S ? t : t - S;
      const v = v0 + (u >= shift ? u - shift : u - shift + S);
      if (pole[q2 * S + u] !== 0 && pole[v] === 0) {
        into[v] = 0;
        off++;
      }
    }
  return S - off;
}

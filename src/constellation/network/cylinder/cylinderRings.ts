/**
 * The rings of the open-cylinder routing (cylinderRouting.ts header): a spread's column masses delivered the short way
 * round each plane's ring (deliveryInto, by prefix sums: O(S)), the hand-over transports between the gaps on either
 * side of a plane (transportInto), and a plane's rate, the least capacity / load over its arcs (planeRate). Shared by
 * the search over every plane (cylinderRouting.ts) and the one that reads only the planes that can bind
 * (cylinderPlaneBounds.ts).
 */

/** Loads on a ring's S arcs, per direction: forward arc s is s → s+1, backward arc s is s+1 → s. */
export interface Ring {
  readonly forward: Float64Array;
  readonly backward: Float64Array;
}

/** Prefix-sum workspace of deliveryInto (2S + 1 entries each). */
export interface Prefix {
  readonly p0: Float64Array;
  readonly p1: Float64Array;
}

/**
 * Delivery loads (header) into `out`: column masses W[off … off + S) routed from every slot a, W(a) to each slot, the
 * short way round (half each way at S/2). Routing 1 from a to every slot puts m − δ on forward arc a + δ and on
 * backward arc a − 1 − δ for δ < L (L = ⌊S/2⌋, m = L for odd S, S/2 − ½ for even S), so each direction is a circular
 * convolution of W with a ramp: by prefix sums of W and j·W over the doubled ring, O(S).
 */
export function deliveryInto(S: number, W: Float64Array, off: number, out: Ring, ws: Prefix): void {
  // ⌊S/2⌋ by a shift: S / 2 is compiled for the parity of the S values seen first, and deoptimizes on the other
  const L = S >> 1,
    m = S % 2 === 1 ? L : S / 2 - 0.5;
  const { p0, p1 } = ws;
  // the doubled ring's prefix sums, its two laps in two loops (no wrap test per slot)
  let a0 = p0[0]!,
    a1 = p1[0]!;
  for (let i = 0; i < S; i++) {
    const w = W[off + i]!;
    a0 += w;
    a1 += i * w;
    p0[i + 1] = a0;
    p1[i + 1] = a1;
  }
  for (let i = S; i < 2 * S; i++) {
    const w = W[off + i - S]!;
    a0 += w;
    a1 += i * w;
    p0[i + 1] = a0;
    p1[i + 1] = a1;
  }
  const fwd = out.forward,
    bwd = out.backward;
  for (let s = 0; s < S; s++) {
    // forward arc s: slots j = s − δ, δ < L (unwrapped to s + S − δ), weight m − δ = m − (s + S − j)
    const lo = s + S - L + 1,
      hi = s + S + 1;
    fwd[s] = (m - s - S) * (p0[hi]! - p0[lo]!) + (p1[hi]! - p1[lo]!);
    // backward arc s: slots j = s + 1 + δ, δ < L, weight m − δ = m + s + 1 − j
    const blo = s + 1,
      bhi = s + L + 1;
    bwd[s] = (m + s + 1) * (p0[bhi]! - p0[blo]!) - (p1[bhi]! - p1[blo]!);
  }
}

export const ring = (S: number): Ring => ({ forward: new Float64Array(S), backward: new Float64Array(S) });

/** Delivery loads of column masses W (deliveryInto) [-]. */
export function deliveryLoads(S: number, W: Float64Array): Ring {
  const out = ring(S);
  deliveryInto(S, W, 0, out, { p0: new Float64Array(2 * S + 1), p1: new Float64Array(2 * S + 1) });
  return out;
}

/** Column masses per gap, gap g at W[g·stride …] (stride 0: one spread for every gap), and the cross-plane rate. */
export interface Spread {
  readonly W: Float64Array;
  readonly stride: number;
  readonly lambdaCross: number;
}

/**
 * The cumulative excess of the transport X → Y on the ring into `f` (ΣX = ΣY), X = bx·W[ob …] + 1 (bx = 0: the slots
 * alone), Y = cy·W[oc …]; returns θ, the shift minimising the largest arc flow: arc s carries f[s] − θ forward where
 * positive, else θ − f[s] backward (header).
 */
function transportInto(S: number, sp: Spread, ob: number, bx: number, oc: number, cy: number, f: Float64Array): number {
  const W = sp.W;
  let cum = 0,
    lo = Infinity,
    hi = -Infinity;
  for (let s = 0; s < S; s++) {
    cum += (bx === 0 ? 0 : bx * W[ob + s]!) + 1 - cy * W[oc + s]!;
    f[s] = cum;
    if (cum < lo) lo = cum;
    if (cum > hi) hi = cum;
  }
  return (lo + hi) / 2;
}

/** Buffers of one in-plane pass. */
export interface Work {
  /** Cumulative excess of the hand-over from the plane below, and to the plane above (transportInto). */
  readonly fBelow: Float64Array;
  readonly fAbove: Float64Array;
  /** The two transports' θ of an inner plane (innerTransports): above, below. */
  readonly theta: Float64Array;
}

/**
 * Working arrays of inPlaneRate for rings of S slots, and the delivery loads of one unit from every slot (`own`, the
 * same for every plane, spread and instant): made once per S, so the blend search's passes allocate nothing.
 */
export interface RingScratch {
  readonly S: number;
  readonly ws: Prefix;
  readonly own: Ring;
  readonly rings: readonly [Ring, Ring];
  readonly w: Work;
  /** Column masses of a blended spread (blendedSpread), (P − 1)·S entries, grown on demand. */
  blend: Float64Array;
  /** Column masses of the per-gap spread (cylinderRouting.ts perGapSpread), (P − 1)·S entries, grown on demand. */
  perGap: Float64Array;
}
/** Scratch per ring size, a few sizes kept (a study alternates between its shells' bands). */
const ringScratches = new Map<number, RingScratch>();
export function ringScratchFor(S: number): RingScratch {
  let r = ringScratches.get(S);
  if (r === undefined) {
    if (ringScratches.size >= 16) ringScratches.clear();
    const ws = { p0: new Float64Array(2 * S + 1), p1: new Float64Array(2 * S + 1) };
    const own = ring(S);
    deliveryInto(S, new Float64Array(S).fill(1), 0, own, ws);
    const w: Work = { fBelow: new Float64Array(S), fAbove: new Float64Array(S), theta: new Float64Array(2) };
    r = { S, ws, own, rings: [ring(S), ring(S)], w, blend: new Float64Array(0), perGap: new Float64Array(0) };
    ringScratches.set(S, r);
  }
  return r;
}

/**
 * The least capacity / load over the arcs of plane q's ring (header: delivery loads from `below`, gap q − 1's, and
 * `above`, gap q's, and the hand-over loads of both gaps). An inner plane (both gaps) takes interiorPlaneRate, the
 * same sums without the edge tests; an edge plane this general form.
 */
export function planeRate(
  q: number,
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  sp: Spread,
  below: Ring,
  above: Ring,
  scratch: RingScratch,
): number {
  if (q > 0 && q < P - 1) return interiorPlaneRate(q, P, S, inPlane_bps, sp, below, above, scratch);
  const { own, w } = scratch;
  const mb = q,
    ma = P - 1 - q;
  // ob is read only below an upper plane (q > 0); (0 − 1)·0 would be −0, no small integer
  const ob = q > 0 ? (q - 1) * sp.stride : 0,
    oa = q * sp.stride;
  // hand-over loads m·(f[s] − θ) added to each arc after its delivery loads, above's before below's
  const tAbove = q < P - 1 ? transportInto(S, sp, ob, q, oa, q + 1, w.fAbove) : NaN,
    mAbove = (P - 1 - q) * S;
  const tBelow = q > 0 ? transportInto(S, sp, oa, q < P - 1 ? P - 1 - q : 0, ob, P - q, w.fBelow) : NaN,
    mBelow = q * S;
  let lambda = Infinity;
  for (let s = 0; s < S; s++) {
    let fwd = own.forward[s]! + (mb > 0 ? mb * below.forward[s]! : 0) + (ma > 0 ? ma * above.forward[s]! : 0),
      bwd = own.backward[s]! + (mb > 0 ? mb * below.backward[s]! : 0) + (ma > 0 ? ma * above.backward[s]! : 0);
    if (q < P - 1) {
      const x = w.fAbove[s]! - tAbove;
      if (x > 0) fwd += mAbove * x;
      else bwd -= mAbove * x;
    }
    if (q > 0) {
      const x = w.fBelow[s]! - tBelow;
      if (x > 0) fwd += mBelow * x;
      else bwd -= mBelow * x;
    }
    const load = fwd > bwd ? fwd : bwd;
    if (load > 0) {
      const l = inPlane_bps[q * S + s]! / load;
      if (l < lambda) lambda = l;
    }
  }
  return lambda;
}

/**
 * An inner plane's two transports in one pass over its two gaps' masses: transportInto(S, sp, ob, q, oa, q + 1,
 * fAbove) and transportInto(S, sp, oa, P − 1 − q, ob, P − q, fBelow), each sum formed as there; their θ in w.theta.
 */
function innerTransports(q: number, P: number, S: number, sp: Spread, w: Work): void {
  const W = sp.W,
    fA = w.fAbove,
    fB = w.fBelow;
  const ob = (q - 1) * sp.stride,
    oa = q * sp.stride;
  const cA = q + 1,
    bB = P - 1 - q,
    cB = P - q;
  let cumA = 0,
    loA = Infinity,
    hiA = -Infinity,
    cumB = 0,
    loB = Infinity,
    hiB = -Infinity;
  for (let s = 0; s < S; s++) {
    const wb = W[ob + s]!,
      wa = W[oa + s]!;
    cumA += q * wb + 1 - cA * wa;
    fA[s] = cumA;
    if (cumA < loA) loA = cumA;
    if (cumA > hiA) hiA = cumA;
    cumB += bB * wa + 1 - cB * wb;
    fB[s] = cumB;
    if (cumB < loB) loB = cumB;
    if (cumB > hiB) hiB = cumB;
  }
  w.theta[0] = (loA + hiA) / 2;
  w.theta[1] = (loB + hiB) / 2;
}

/**
 * planeRate of an inner plane, 0 < q < P − 1: both transports in one pass over the two gaps' masses (each sum as
 * transportInto forms it), and an arc's quotient taken only where it can lower the minimum: c ≤ λ·load whenever
 * c / load < λ (rounding is monotone), so the minimum is the one every quotient gives.
 */
function interiorPlaneRate(
  q: number,
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  sp: Spread,
  below: Ring,
  above: Ring,
  scratch: RingScratch,
): number {
  const { own, w } = scratch;
  const fA = w.fAbove,
    fB = w.fBelow;
  innerTransports(q, P, S, sp, w);
  const tAbove = w.theta[0]!,
    mAbove = (P - 1 - q) * S,
    tBelow = w.theta[1]!,
    mBelow = q * S;
  const mb = q,
    ma = P - 1 - q,
    oF = own.forward,
    oB = own.backward,
    bF = below.forward,
    bBk = below.backward,
    aF = above.forward,
    aB = above.backward,
    off = q * S;
  let lambda = Infinity;
  for (let s = 0; s < S; s++) {
    let fwd = oF[s]! + mb * bF[s]! + ma * aF[s]!,
      bwd = oB[s]! + mb * bBk[s]! + ma * aB[s]!;
    const x = fA[s]! - tAbove;
    if (x > 0) fwd += mAbove * x;
    else bwd -= mAbove * x;
    const y = fB[s]! - tBelow;
    if (y > 0) fwd += mBelow * y;
    else bwd -= mBelow * y;
    const load = fwd > bwd ? fwd : bwd;
    if (load > 0) {
      const c = inPlane_bps[off + s]!;
      if (!(c > lambda * load)) {
        const l = c / load;
        if (l < lambda) lambda = l;
      }
    }
  }
  return lambda;
}

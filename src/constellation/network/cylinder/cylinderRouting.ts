/**
 * Lower bound on the uniform all-to-all maximum concurrent flow of an open cylinder (a band of planes, cylinder.ts) at
 * one instant, link by link: the rate an explicit routing carries on the instant's own graph, whatever links are off
 * (latitude cutoff) or slower (range).
 *
 * Each destination's traffic crosses gap g spread over its columns in proportion to capacity,
 * W_g(a) = S·c(g, a) / Σ_a c(g, a), meeting the instant's tightest gap cut exactly; in-plane loads (delivery and
 * hand-over on each ring) give λ ≤ min over in-plane links of capacity / load. Where that falls short, a common spread
 * and blends W_g = α·(per-gap W_g) + (1 − α)·(common W) are searched; every α is a routing, so λ(α) is a lower bound
 * (test/constellation/network/kneeNetwork.test.ts). Cost: O(P·S) per spread.
 * Validity: P ≥ 1, S ≥ 3 (a ring in each plane); 0 (unknown) for S < 3 or when no column is on in every gap.
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder routing lower bound".
 */

/** Loads on a ring's S arcs, per direction: forward arc s is s → s+1, backward arc s is s+1 → s. */
export interface Ring {
  readonly forward: Float64Array;
  readonly backward: Float64Array;
}

/** Prefix-sum workspace of deliveryInto (2S + 1 entries each). */
interface Prefix {
  readonly p0: Float64Array;
  readonly p1: Float64Array;
}

/**
 * Delivery loads (header) into `out`: column masses W[off … off + S) routed from every slot a, W(a) to each slot, the
 * short way round (half each way at S/2). Routing 1 from a to every slot puts m − δ on forward arc a + δ and on
 * backward arc a − 1 − δ for δ < L (L = ⌊S/2⌋, m = L for odd S, S/2 − ½ for even S), so each direction is a circular
 * convolution of W with a ramp: by prefix sums of W and j·W over the doubled ring, O(S).
 */
function deliveryInto(S: number, W: Float64Array, off: number, out: Ring, ws: Prefix): void {
  const L = Math.floor(S / 2),
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

const ring = (S: number): Ring => ({ forward: new Float64Array(S), backward: new Float64Array(S) });

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

/** Each gap spread over its own columns in proportion to their capacity (header); null when a gap has none. */
function perGapSpread(P: number, S: number, cross_bps: Float64Array): Spread | null {
  const W = new Float64Array(Math.max(0, P - 1) * S);
  let lambdaCross = Infinity;
  for (let g = 0; g < P - 1; g++) {
    let sum = 0;
    for (let a = 0; a < S; a++) sum += cross_bps[g * S + a]!;
    if (!(sum > 0)) return null;
    for (let a = 0; a < S; a++) W[g * S + a] = (S * cross_bps[g * S + a]!) / sum;
    lambdaCross = Math.min(lambdaCross, sum / ((g + 1) * (P - 1 - g) * S * S));
  }
  return { W, stride: S, lambdaCross };
}

/**
 * One spread for every gap over the columns on in all of them (header), W(a) ∝ μ_a = min_g c(g, a)/((g+1)(P−1−g)):
 * no hand-over between gaps, fewer columns; null when no column is on in every gap.
 */
function commonSpread(P: number, S: number, cross_bps: Float64Array): Spread | null {
  const W = new Float64Array(S);
  let sum = 0;
  for (let a = 0; a < S; a++) {
    let m = Infinity;
    for (let g = 0; g < P - 1 && m > 0; g++) m = Math.min(m, cross_bps[g * S + a]! / ((g + 1) * (P - 1 - g)));
    W[a] = m;
    sum += m;
  }
  if (!(sum > 0)) return null;
  for (let a = 0; a < S; a++) W[a] = (S * W[a]!) / sum;
  return { W, stride: 0, lambdaCross: sum / (S * S) };
}

/** Buffers of one in-plane pass. */
interface Work {
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
interface RingScratch {
  readonly S: number;
  readonly ws: Prefix;
  readonly own: Ring;
  readonly rings: readonly [Ring, Ring];
  readonly w: Work;
  /** Column masses of a blended spread (blendedSpread), (P − 1)·S entries, grown on demand. */
  blend: Float64Array;
}
let ringScratch: RingScratch | null = null;
function ringScratchFor(S: number): RingScratch {
  if (ringScratch?.S !== S) {
    const ws = { p0: new Float64Array(2 * S + 1), p1: new Float64Array(2 * S + 1) };
    const own = ring(S);
    deliveryInto(S, new Float64Array(S).fill(1), 0, own, ws);
    const w: Work = { fBelow: new Float64Array(S), fAbove: new Float64Array(S), theta: new Float64Array(2) };
    ringScratch = { S, ws, own, rings: [ring(S), ring(S)], w, blend: new Float64Array(0) };
  }
  return ringScratch;
}

/**
 * The least capacity / load over the arcs of plane q's ring (header: delivery loads from `below`, gap q − 1's, and
 * `above`, gap q's, and the hand-over loads of both gaps). An inner plane (both gaps) takes interiorPlaneRate, the
 * same sums without the edge tests; an edge plane this general form.
 */
function planeRate(
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
  const ob = (q - 1) * sp.stride,
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

/** The plane whose ring gave inPlaneRate's last full minimum (−1 before any): the blend search reads it first. */
let bindingPlane = -1;

/**
 * λ the in-plane links allow under a spread (header: delivery and hand-over loads of every plane); once it falls
 * below `floor` (a value the caller would set aside), that partial minimum, the planes left unread. Plane `first`
 * (where the last full pass bound, a spread of the same band) is read before the others: a spread that loses there
 * is set aside after one plane. The minimum does not depend on the order the planes are read in.
 */
export function inPlaneRate(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  sp: Spread,
  floor = -Infinity,
  first = -1,
): number {
  const scratch = ringScratchFor(S);
  const { ws, rings } = scratch;
  let below = rings[0],
    above = rings[1]; // indexed, not destructured, and swapped through a local: no iterator or array to allocate
  if (first >= 0 && first < P && floor > -Infinity) {
    if (first > 0) deliveryInto(S, sp.W, (first - 1) * sp.stride, below, ws);
    if (first < P - 1) deliveryInto(S, sp.W, first * sp.stride, above, ws);
    const l = planeRate(first, P, S, inPlane_bps, sp, below, above, scratch);
    if (l < floor) return l;
  }
  if (P > 1) deliveryInto(S, sp.W, 0, above, ws);
  let lambda = Infinity,
    at = -1;
  for (let q = 0; q < P; q++) {
    // `below` holds gap q − 1's delivery loads, `above` gap q's (computed once per gap, kept for the next plane)
    if (q > 0) {
      const held = below;
      below = above;
      above = held;
      if (q < P - 1) deliveryInto(S, sp.W, q * sp.stride, above, ws);
    }
    const l = planeRate(q, P, S, inPlane_bps, sp, below, above, scratch);
    if (l < lambda) {
      lambda = l;
      at = q;
    }
    if (lambda < floor) return lambda;
  }
  bindingPlane = at;
  return lambda;
}

/** Grid steps of the blend search over α in [0, 1], before its golden-section refinement (BLEND_REFINE steps). */
const BLEND_STEPS = 8;
const BLEND_REFINE = 10;

/**
 * The blend α·(per-gap) + (1 − α)·(common), with its cross-plane rate (header); its masses are in the scratch, valid
 * until the next blend.
 */
function blendedSpread(P: number, S: number, cross_bps: Float64Array, a: Spread, b: Spread, alpha: number): Spread {
  const scratch = ringScratchFor(S);
  if (scratch.blend.length < (P - 1) * S) scratch.blend = new Float64Array((P - 1) * S);
  const W = scratch.blend;
  let lambdaCross = Infinity;
  for (let g = 0; g < P - 1; g++) {
    const load = (g + 1) * (P - 1 - g) * S;
    for (let s = 0; s < S; s++) {
      const w = alpha * a.W[g * S + s]! + (1 - alpha) * b.W[s]!;
      W[g * S + s] = w;
      if (w > 0) lambdaCross = Math.min(lambdaCross, cross_bps[g * S + s]! / (load * w));
    }
  }
  return { W, stride: S, lambdaCross };
}

/** The best blend of the per-gap and common spreads found (header), given the per-gap λ: at least the better one. */
function bestBlendRate(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  perGap: Spread,
  common: Spread,
  perGapRate: number,
): number {
  // λ(α), or when it falls below `floor`, any value below it: a point that loses a comparison is set aside at once
  // (a spread whose cross-plane rate is already below it without its in-plane pass)
  const rate = (alpha: number, floor: number): number => {
    const sp = alpha === 1 ? perGap : alpha === 0 ? common : blendedSpread(P, S, cross_bps, perGap, common, alpha);
    return sp.lambdaCross < floor
      ? sp.lambdaCross
      : Math.min(sp.lambdaCross, inPlaneRate(P, S, inPlane_bps, sp, floor, bindingPlane));
  };
  let best = perGapRate,
    bestAlpha = 1;
  for (let k = 0; k < BLEND_STEPS; k++) {
    const r = rate(k / BLEND_STEPS, best);
    if (r > best) {
      best = r;
      bestAlpha = k / BLEND_STEPS;
    }
  }
  // golden section on [α* − h, α* + h]: any point it visits is a routing, so only its best value is kept
  let lo = Math.max(0, bestAlpha - 1 / BLEND_STEPS),
    hi = Math.min(1, bestAlpha + 1 / BLEND_STEPS);
  const phi = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - phi * (hi - lo),
    x2 = lo + phi * (hi - lo);
  let f1 = rate(x1, -Infinity),
    f2 = rate(x2, f1);
  for (let i = 0; i < BLEND_REFINE; i++) {
    if (f1 >= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - phi * (hi - lo);
      f1 = rate(x1, f2);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + phi * (hi - lo);
      f2 = rate(x2, f1);
    }
  }
  return Math.max(best, f1, f2);
}

/**
 * Achievable uniform all-to-all rate per node of the instant's open cylinder [b/s] (header): the per-gap spread, or
 * where it falls short of the tightest cut the best of it, the common spread and their blends; 0 when unknown.
 */
export function cylinderRoutingLowerBound(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
): number {
  if (S < 3) return 0;
  if (P === 1) {
    const lambda = inPlaneRate(1, S, inPlane_bps, { W: new Float64Array(S), stride: 0, lambdaCross: Infinity });
    return Number.isFinite(lambda) ? lambda * (S - 1) : 0;
  }
  const perGap = perGapSpread(P, S, cross_bps);
  if (perGap === null) return 0;
  const lambda = Math.min(perGap.lambdaCross, inPlaneRate(P, S, inPlane_bps, perGap));
  // At the tightest gap cut, an upper bound: no routing does better.
  if (lambda >= perGap.lambdaCross) return lambda * (P * S - 1);
  const common = commonSpread(P, S, cross_bps);
  if (common === null) return lambda * (P * S - 1);
  return Math.max(lambda, bestBlendRate(P, S, inPlane_bps, cross_bps, perGap, common, lambda)) * (P * S - 1);
}

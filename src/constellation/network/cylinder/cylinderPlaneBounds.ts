/**
 * The open-cylinder routing's blend search (cylinderRouting.ts) reading only the planes and gaps that can bind: each
 * plane carries a bound below its rate (from its masses alone at the per-gap spread, planeFloor; from the rate last
 * read and a Lipschitz slope in the blend weight α elsewhere, boundedBlends), each gap's cross-plane rate one from its
 * largest blended mass, and planes and gaps are read lowest bound first until a bound reaches the least rate read.
 * Every plane and gap read is read as the search over every plane reads it, so the search's value is the same number
 * to the bit (test/constellation/network/cylinder/cylinderRouting.test.ts, against the search over every plane).
 * Bounds sit BOUND_SAFETY below their value: rounding in the loads cannot hide a binding plane.
 */
import { deliveryInto, planeRate, ring, ringScratchFor, type Prefix, type Ring, type Spread } from './cylinderRings.js';

/**
 * Bounds are taken this much below the value they bound, so rounding in the loads (relative ~1e-14: sums of
 * non-negative terms and a few prefix-sum differences) never lets an item that binds go unread.
 */
const BOUND_SAFETY = 1 - 1e-7;

/** Σ_{δ<L}(m − δ): the largest delivery load of a unit mass on every slot (deliveryInto's ramp). */
function rampSum(S: number): number {
  // ⌊S/2⌋ by a shift: S / 2 is compiled for the parity of the S values seen first, and deoptimizes on the other
  const L = S >> 1,
    m = S % 2 === 1 ? L : S / 2 - 0.5;
  return m * L - (L * (L - 1)) / 2;
}

/**
 * Per-call state of the search that reads only what can bind (header): each gap's delivery loads and blended masses at
 * the spread being read (filled when first needed, `stamp` marking the spread), and per plane the rate last read.
 */
interface BandWork {
  readonly S: number;
  /** Delivery loads of each gap under the spread being read, and the stamp of the spread they were made for. */
  readonly gaps: Ring[];
  gapStamp: Int32Array;
  /** Blended masses (P − 1)·S and the stamp of the blend each row was made for. */
  blend: Float64Array;
  rowStamp: Int32Array;
  stamp: number;
}
/**
 * One BandWork per ring size, kept across calls: a study alternates between its shells' bands (and a torus's open
 * seam), whose sizes differ, and remaking the gaps' buffers at each switch cost more garbage collection than the
 * search saved. A few sizes are held; past SCRATCH_SIZES the set starts again.
 */
const bandWorks = new Map<number, BandWork>();
const SCRATCH_SIZES = 16;
function bandWorkFor(P: number, S: number): BandWork {
  let b = bandWorks.get(S);
  if (b === undefined) {
    if (bandWorks.size >= SCRATCH_SIZES) bandWorks.clear();
    b = { S, gaps: [], gapStamp: new Int32Array(0), blend: new Float64Array(0), rowStamp: new Int32Array(0), stamp: 0 };
    bandWorks.set(S, b);
  }
  while (b.gaps.length < P - 1) b.gaps.push(ring(S));
  if (b.gapStamp.length < P - 1) b.gapStamp = new Int32Array(P - 1);
  if (b.rowStamp.length < P - 1) b.rowStamp = new Int32Array(P - 1);
  if (b.blend.length < (P - 1) * S) b.blend = new Float64Array((P - 1) * S);
  return b;
}

/** Gap g's delivery loads under spread `sp` (the spread of stamp b.stamp), computed once per spread. */
function gapLoads(b: BandWork, S: number, sp: Spread, g: number, ws: Prefix): Ring {
  const r = b.gaps[g]!;
  if (b.gapStamp[g] !== b.stamp) {
    deliveryInto(S, sp.W, g * sp.stride, r, ws);
    b.gapStamp[g] = b.stamp;
  }
  return r;
}

/** Plane q's rate under `sp`, read as inPlaneRate reads it, its two gaps' delivery loads from the cache. */
function readPlane(q: number, P: number, S: number, inPlane_bps: Float64Array, sp: Spread, b: BandWork): number {
  const scratch = ringScratchFor(S);
  const below = q > 0 ? gapLoads(b, S, sp, q - 1, scratch.ws) : scratch.rings[0],
    above = q < P - 1 ? gapLoads(b, S, sp, q, scratch.ws) : scratch.rings[1];
  return planeRate(q, P, S, inPlane_bps, sp, below, above, scratch);
}

/**
 * The least of `cap` and the planes' rates, reading a plane only while its bound is below the least value so far (the
 * plane of least bound first, the others in turn), and stopping once that falls below `floor` (inPlaneRate's
 * contract: exact where the minimum reaches the floor, else a value below it). A plane not read has a rate at least
 * its bound, hence at least the minimum. Each rate read is written into `rates` (and `alpha` into `at`, where given).
 * `ensureRows(q)`: the masses plane q reads are made.
 */
function boundedMin(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  sp: Spread,
  bound: Float64Array,
  cap: number,
  floor: number,
  rates: Float64Array,
  at: Float64Array | null,
  alpha: number,
  ensureRows: ((q: number) => void) | null,
): number {
  const b = bandWorkFor(P, S);
  // the plane of least bound first (where the minimum mostly is), then the others in turn
  let first = 0;
  for (let q = 1; q < P; q++) if (bound[q]! < bound[first]!) first = q;
  let lambda = cap;
  for (let i = -1; i < P; i++) {
    const q = i < 0 ? first : i;
    if ((i >= 0 && q === first) || !(bound[q]! < lambda)) continue;
    if (ensureRows !== null) ensureRows(q);
    const l = readPlane(q, P, S, inPlane_bps, sp, b);
    if (at !== null) {
      // the rate read before moves to the second reference (boundedBlends)
      at[P + q] = at[q]!;
      rates[P + q] = rates[q]!;
      at[q] = alpha;
    }
    rates[q] = l;
    if (l < lambda) lambda = l;
    if (lambda < floor) return lambda;
  }
  return lambda;
}

/**
 * A bound below plane q's rate under the per-gap spread from its masses alone: each arc's delivery loads are at most
 * max_a W(a)·Σ_{δ<L}(m − δ) (rampSum) and each hand-over load at most m·(max f − min f)/2 (the shift θ is f's
 * mid-range), so load ≤ K0·(1 + q·max W_{q−1} + (P−1−q)·max W_q) + (P−1−q)S·range(f_above)/2 + qS·range(f_below)/2
 * and λ_q ≥ min_s c_s / that. One pass over the two gaps' masses; a plane's rate takes five.
 */
function planeFloor(
  q: number,
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  W: Float64Array,
  maxW: Float64Array,
): number {
  const ob = Math.max(0, q - 1) * S,
    oa = Math.min(q, P - 2) * S;
  // transportInto's coefficients (an edge plane has one transport; the other's sums stay 0)
  const bA = q,
    cA = q < P - 1 ? q + 1 : 0,
    bB = q < P - 1 ? P - 1 - q : 0,
    cB = q > 0 ? P - q : 0;
  let cumA = 0,
    loA = 0,
    hiA = 0,
    cumB = 0,
    loB = 0,
    hiB = 0,
    cMin = Infinity;
  for (let s = 0; s < S; s++) {
    const wb = W[ob + s]!,
      wa = W[oa + s]!;
    cumA += bA * wb + 1 - cA * wa;
    loA = Math.min(loA, cumA);
    hiA = Math.max(hiA, cumA);
    cumB += bB * wa + 1 - cB * wb;
    loB = Math.min(loB, cumB);
    hiB = Math.max(hiB, cumB);
    cMin = Math.min(cMin, inPlane_bps[q * S + s]!);
  }
  const delivery = rampSum(S) * (1 + (q > 0 ? q * maxW[q - 1]! : 0) + (q < P - 1 ? (P - 1 - q) * maxW[q]! : 0));
  // each range includes the sum's start (0), as transportInto's does not: only wider, still a bound
  const handOver = (q < P - 1 ? (P - 1 - q) * S * (hiA - loA) : 0) + (q > 0 ? q * S * (hiB - loB) : 0);
  return cMin > 0 ? (BOUND_SAFETY * cMin) / (delivery + handOver / 2) : 0;
}

/** The largest entry of each row of S of `W` (P − 1 rows). */
function rowMaxima(P: number, S: number, W: Float64Array): Float64Array {
  const m = new Float64Array(Math.max(0, P - 1));
  for (let g = 0; g < P - 1; g++) for (let s = 0; s < S; s++) m[g] = Math.max(m[g]!, W[g * S + s]!);
  return m;
}

/**
 * min(λ_cross, λ_in) of the per-gap spread, each plane's rate or its planeFloor into `rates`: inPlaneRate's value
 * to the bit, reading the planes lowest floor first while a floor is below the least rate so far (boundedMin).
 */
export function perGapRate(P: number, S: number, inPlane_bps: Float64Array, sp: Spread, rates: Float64Array): number {
  const b = bandWorkFor(P, S);
  b.stamp++;
  const maxW = rowMaxima(P, S, sp.W);
  for (let q = 0; q < P; q++) rates[q] = planeFloor(q, P, S, inPlane_bps, sp.W, maxW);
  return boundedMin(P, S, inPlane_bps, sp, rates.slice(), sp.lambdaCross, -Infinity, rates, null, 1, null);
}

/** Each plane's slope K_q (boundedBlends header): D_q / min_s c_s. */
function planeSlopes(P: number, S: number, inPlane_bps: Float64Array, perGap: Spread, common: Spread): Float64Array {
  const K0 = rampSum(S);
  // per gap: the largest |W_per-gap − W_common|
  const dW = new Float64Array(P - 1);
  for (let g = 0; g < P - 1; g++)
    for (let s = 0; s < S; s++) dW[g] = Math.max(dW[g]!, Math.abs(perGap.W[g * S + s]! - common.W[s]!));
  const slope = new Float64Array(P);
  for (let q = 0; q < P; q++) {
    // the cumulative excess differences of plane q's transports (transportInto's coefficients, as planeFloor's)
    const ob = Math.max(0, q - 1) * S,
      oa = Math.min(q, P - 2) * S;
    const bA = q,
      cA = q < P - 1 ? q + 1 : 0,
      bB = q < P - 1 ? P - 1 - q : 0,
      cB = q > 0 ? P - q : 0;
    let cumA = 0,
      fA = 0,
      cumB = 0,
      fB = 0,
      cMin = Infinity;
    for (let s = 0; s < S; s++) {
      const db = perGap.W[ob + s]! - common.W[s]!,
        da = perGap.W[oa + s]! - common.W[s]!;
      cumA += bA * db - cA * da;
      fA = Math.max(fA, Math.abs(cumA));
      cumB += bB * da - cB * db;
      fB = Math.max(fB, Math.abs(cumB));
      cMin = Math.min(cMin, inPlane_bps[q * S + s]!);
    }
    const D =
      K0 * ((q > 0 ? q * dW[q - 1]! : 0) + (q < P - 1 ? (P - 1 - q) * dW[q]! : 0)) +
      2 * (P - 1 - q) * S * fA +
      2 * q * S * fB;
    slope[q] = D / cMin;
  }
  return slope;
}

/**
 * blendedSpread's masses and cross-plane rate at a blend, made row by row: `row(g, α)` makes gap g's masses (stamped
 * with the blend) and returns its cross-plane rate; `crossRate(α)` the least over the gaps, reading only those whose
 * bound is below the least rate read (a gap's rate is at least min_s c / (load_g·(α·max W_per-gap,g + (1 − α)·max
 * W_common))).
 */
function blendRows(P: number, S: number, cross_bps: Float64Array, perGap: Spread, common: Spread, b: BandWork) {
  const maxWp = rowMaxima(P, S, perGap.W);
  let maxWc = 0;
  for (let s = 0; s < S; s++) maxWc = Math.max(maxWc, common.W[s]!);
  const minC = new Float64Array(P - 1).fill(Infinity);
  for (let i = 0; i < (P - 1) * S; i++) {
    const c = cross_bps[i]!;
    if (c > 0) minC[Math.floor(i / S)] = Math.min(minC[Math.floor(i / S)]!, c);
  }
  const gapBound = new Float64Array(P - 1);
  const row = (g: number, alpha: number): number => {
    const W = b.blend,
      load = (g + 1) * (P - 1 - g) * S;
    let l = Infinity;
    for (let s = 0; s < S; s++) {
      const w = alpha * perGap.W[g * S + s]! + (1 - alpha) * common.W[s]!;
      W[g * S + s] = w;
      if (w > 0) l = Math.min(l, cross_bps[g * S + s]! / (load * w));
    }
    b.rowStamp[g] = b.stamp;
    return l;
  };
  const crossRate = (alpha: number): number => {
    let first = 0;
    for (let g = 0; g < P - 1; g++) {
      const w = alpha * maxWp[g]! + (1 - alpha) * maxWc;
      gapBound[g] = (BOUND_SAFETY * minC[g]!) / ((g + 1) * (P - 1 - g) * S * w);
      if (gapBound[g]! < gapBound[first]!) first = g;
    }
    // the gap of least bound first, then the others in turn while their bound is below the least rate read (as
    // boundedMin: a gap left unread has a rate at least its bound, so the minimum is every gap's)
    let l = row(first, alpha);
    for (let g = 0; g < P - 1; g++) if (g !== first && gapBound[g]! < l) l = Math.min(l, row(g, alpha));
    return l;
  };
  return { row, crossRate };
}

/**
 * The blend search's λ(α) that reads only what can bind (header), given each plane's rate or a bound below it at
 * α = 1 (perGapRate). The masses are affine in α, W(α) = α·W_per-gap + (1 − α)·W_common, so are each arc's delivery
 * loads (linear in W) and each hand-over's cumulative excess f_s(α); its shift θ (f's mid-range) moves at most
 * max_s |df_s/dα|, so f_s − θ at most twice that. Each arc's load then moves at most
 * D_q = K0·(q·|ΔW_{q−1}| + (P−1−q)·|ΔW_q|) + 2(P−1−q)S·|Δf_above| + 2qS·|Δf_below| per unit of α (|ΔW_g|: the
 * largest |W_per-gap − W_common| of gap g, K0 rampSum; |Δf|: the largest cumulative excess of those differences), and
 * c_s / load_s(α) ≥ 1 / (1/λ_q(α_q) + |α − α_q|·D_q / min_s c_s) from the rate λ_q(α_q) last read (or bound) at α_q.
 * A gap's cross-plane rate is at least min_s c / (load_g·(α·max W_per-gap,g + (1 − α)·max W_common)). What is read
 * is read as blendedSpread and inPlaneRate read it, so the value is theirs to the bit.
 */
export function boundedBlends(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  perGap: Spread,
  common: Spread,
  rates: Float64Array,
): (alpha: number, floor: number) => number {
  const b = bandWorkFor(P, S);
  const slope = planeSlopes(P, S, inPlane_bps, perGap, common);
  const { row, crossRate } = blendRows(P, S, cross_bps, perGap, common, b);
  // the last two blends each plane was read at (or bounded, α = 1), [q] and [P + q], and its rates there in `both`
  const at = new Float64Array(2 * P).fill(1),
    both = new Float64Array(2 * P);
  both.set(rates);
  both.set(rates, P);
  const bound = new Float64Array(P);
  const blend: Spread = { W: b.blend, stride: S, lambdaCross: NaN };
  let alphaNow = NaN;
  const ensureRows = (q: number): void => {
    if (q > 0 && b.rowStamp[q - 1] !== b.stamp) row(q - 1, alphaNow);
    if (q < P - 1 && b.rowStamp[q] !== b.stamp) row(q, alphaNow);
  };
  return (alpha: number, floor: number): number => {
    b.stamp++;
    alphaNow = alpha;
    const blended = alpha !== 1 && alpha !== 0;
    const sp = alpha === 1 ? perGap : alpha === 0 ? common : blend;
    const cap = blended ? crossRate(alpha) : sp.lambdaCross;
    if (cap < floor) return cap;
    for (let q = 0; q < P; q++) {
      const inv = Math.min(
        1 / both[q]! + Math.abs(alpha - at[q]!) * slope[q]!,
        1 / both[P + q]! + Math.abs(alpha - at[P + q]!) * slope[q]!,
      );
      bound[q] = inv >= 0 ? BOUND_SAFETY / inv : 0; // NaN (∞·0: no bound from a plane with a link off)
    }
    return boundedMin(P, S, inPlane_bps, sp, bound, cap, floor, both, at, alpha, blended ? ensureRows : null);
  };
}

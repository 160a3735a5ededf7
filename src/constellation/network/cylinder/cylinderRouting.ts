/**
 * Lower bound on the uniform all-to-all maximum concurrent flow of an open cylinder (a band of planes, cylinder.ts) at
 * one instant, link by link: the rate an explicit routing carries on the instant's own graph, whatever links are off
 * (latitude cutoff) or slower (range).
 *
 * Each destination's traffic crosses gap g spread over its columns in proportion to capacity,
 * W_g(a) = S·c(g, a) / Σ_a c(g, a), meeting the instant's tightest gap cut exactly; in-plane loads (delivery and
 * hand-over on each ring) give λ ≤ min over in-plane links of capacity / load. Where that falls short, a common spread
 * and blends W_g = α·(per-gap W_g) + (1 − α)·(common W) are searched; every α is a routing, so λ(α) is a lower bound
 * (test/constellation/network/kneeNetwork.test.ts). Cost: O(P·S) per spread; the search reads at each blend only the
 * planes that can bind there (cylinderPlaneBounds.ts), with the value of a search over every plane to the bit.
 * Validity: P ≥ 1, S ≥ 3 (a ring in each plane); 0 (unknown) for S < 3 or when no column is on in every gap.
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder routing lower bound".
 */
import { RunMemo } from '../../memo.js';
import { deliveryInto, planeRate, ringScratchFor, type Spread } from './cylinderRings.js';
import { boundedBlends, perGapRate } from './cylinderPlaneBounds.js';

/**
 * Each gap spread over its own columns in proportion to their capacity (header); null when a gap has none. Its masses
 * are in the scratch of S (every entry written), valid until the next band's.
 */
function perGapSpread(P: number, S: number, cross_bps: Float64Array): Spread | null {
  const scratch = ringScratchFor(S);
  if (scratch.perGap.length < (P - 1) * S) scratch.perGap = new Float64Array((P - 1) * S);
  const W = scratch.perGap;
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
  rates: Float64Array | null,
): number {
  // λ(α), or when it falls below `floor`, any value below it: a point that loses a comparison is set aside at once
  // (a spread whose cross-plane rate is already below it without its in-plane pass)
  const rate =
    rates !== null
      ? boundedBlends(P, S, inPlane_bps, cross_bps, perGap, common, rates)
      : (alpha: number, floor: number): number => {
          const sp =
            alpha === 1 ? perGap : alpha === 0 ? common : blendedSpread(P, S, cross_bps, perGap, common, alpha);
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
 * `skipPlanes` false reads every plane at every blend (the search without the bounds of cylinderPlaneBounds.ts: the
 * same number, for tests).
 */
export function cylinderRoutingLowerBound(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  skipPlanes = true,
): number {
  if (S < 3 || !skipPlanes) return routingLowerBound(P, S, inPlane_bps, cross_bps, skipPlanes);
  return BOUNDS.get([inPlane_bps, cross_bps], [P * S, (P - 1) * S], () =>
    routingLowerBound(P, S, inPlane_bps, cross_bps, true),
  );
}

/**
 * Bounds already computed, keyed by every capacity the search reads (memo.ts RunMemo, 8 MB of runs). The same band
 * recurs at an instant whenever a design keeps a shell an earlier one had (an offspring's, a reported design's full
 * record, the knee's P(all hold) samples): 4,121 of the shipped constellation study's 16,860 instants, ~4,000 of them
 * still held when met again.
 */
const BOUNDS = new RunMemo(8_000_000);

function routingLowerBound(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  skipPlanes: boolean,
): number {
  if (S < 3) return 0;
  if (P === 1) {
    const lambda = inPlaneRate(1, S, inPlane_bps, { W: new Float64Array(S), stride: 0, lambdaCross: Infinity });
    return Number.isFinite(lambda) ? lambda * (S - 1) : 0;
  }
  const perGap = perGapSpread(P, S, cross_bps);
  if (perGap === null) return 0;
  const rates = skipPlanes ? new Float64Array(P) : null;
  const lambda =
    rates === null
      ? Math.min(perGap.lambdaCross, inPlaneRate(P, S, inPlane_bps, perGap))
      : perGapRate(P, S, inPlane_bps, perGap, rates);
  // At the tightest gap cut, an upper bound: no routing does better.
  if (lambda >= perGap.lambdaCross) return lambda * (P * S - 1);
  const common = commonSpread(P, S, cross_bps);
  if (common === null) return lambda * (P * S - 1);
  return Math.max(lambda, bestBlendRate(P, S, inPlane_bps, cross_bps, perGap, common, lambda, rates)) * (P * S - 1);
}

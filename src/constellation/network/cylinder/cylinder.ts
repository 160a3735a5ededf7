/**
 * Reduced ISL model of a shell whose planes do not close into a torus: uniform all-to-all maximum concurrent flow on
 * the open cylinder C_S × P_P (linkTopology.ts `closesSeam`), in closed form, with hop and latency statistics.
 *
 * Upper bounds: the cut through gap g, λ ≤ c̄_g / ((g+1)(P−1−g)·S) (Leighton & Rao, J. ACM 46(6) 787–832, 1999, §1;
 * Ahuja, Magnanti & Orlin, Network Flows, 1993, §17.2), and the in-plane volume, λ ≤ 2·L·Σ_q c̄_q / (S·P²·D),
 * D = ⌊S²/4⌋ (LP duality: Shahrokhi & Matula, J. ACM 37(2) 318–334, 1990). Lower bound: a monotone routing, feasible
 * iff λ ≤ 2·L·Σ_{q∈[a,b]} c̄_q / (S·k²·D) for every interval of k planes (Hall's condition). Exact when every link of
 * an orbit has the same capacity and the planes are alike; otherwise the pair is stated. throughputPerNode = λ·(N − 1).
 * Validity: P, S ≥ 1, P·S ≥ 2; no mesh diagonals (a mesh's instant: cylinderMesh.ts).
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder model".
 */
import type { PathStatistics } from '../graph/network.js';
import { rowPathStatistics, SPEED_OF_LIGHT_m_s, type PathRow } from '../graph/networkPaths.js';

export interface CylinderParams {
  readonly planes: number;
  readonly satsPerPlane: number;
  /** Mean capacity of each plane's in-plane links [b/s], one per plane. */
  readonly inPlane_bps: Float64Array;
  /** Mean capacity of each gap's cross-plane links [b/s], one per gap (P − 1). */
  readonly crossGap_bps: Float64Array;
}

export interface CylinderResult {
  /** No demand can be met at all (a gap or the in-plane class without capacity). */
  readonly disconnected: boolean;
  /** min(cut bound, in-plane volume bound) · (N − 1) [b/s]. */
  readonly upperBound_bps: number;
  /** The monotone routing's rate per node [b/s]. */
  readonly lowerBound_bps: number;
  /** The tightest gap cut's and the in-plane volume bound's rates per node [b/s] (Infinity when absent). */
  readonly cutBound_bps: number;
  readonly inPlaneBound_bps: number;
  readonly exact: boolean;
  readonly bottleneck: 'in-plane' | 'cross-plane' | 'both' | 'none';
  /** Gap whose cut binds (−1 without gaps). */
  readonly bindingGap: number;
  /** At the monotone routing's rate, in-plane hops spread over the planes in proportion to their capacity. */
  readonly inPlaneUtilization: number;
  /** Per gap: cut load / capacity at the monotone routing's rate. */
  readonly gapUtilization: Float64Array;
}

/** In-plane links per plane (S ≥ 3: a ring of S; S = 2: one; S = 1: none), as linkTopology.ts lays them. */
export const inPlaneLinksPerPlane = (S: number): number => (S >= 3 ? S : S === 2 ? 1 : 0);

/** Σ over the S slot offsets of the in-plane hops of the shortest way round: ⌊S²/4⌋. */
export const ringDistanceSum = (S: number): number => Math.floor((S * S) / 4);

function checkCylinder(p: Readonly<CylinderParams>): void {
  const { planes: P, satsPerPlane: S } = p;
  if (!(Number.isInteger(P) && P >= 1 && Number.isInteger(S) && S >= 1 && P * S >= 2))
    throw new RangeError(`planes ${P} × satsPerPlane ${S} must be integers ≥ 1 with at least 2 nodes`);
  if (p.inPlane_bps.length !== P) throw new RangeError(`need ${P} in-plane capacities, got ${p.inPlane_bps.length}`);
  if (p.crossGap_bps.length !== P - 1)
    throw new RangeError(`need ${P - 1} gap capacities, got ${p.crossGap_bps.length}`);
  checkCapacities(p.inPlane_bps);
  checkCapacities(p.crossGap_bps);
}

function checkCapacities(a: Float64Array): void {
  for (let i = 0; i < a.length; i++)
    if (!(Number.isFinite(a[i]) && a[i]! >= 0)) throw new RangeError(`capacities must be finite and ≥ 0, got ${a[i]}`);
}

/** λ of the tightest cut and that gap (Infinity, −1 without gaps). */
function cutBound(p: Readonly<CylinderParams>): { lambda: number; gap: number } {
  const { planes: P, satsPerPlane: S } = p;
  let lambda = Infinity,
    gap = -1;
  for (let g = 0; g < P - 1; g++) {
    const l = p.crossGap_bps[g]! / ((g + 1) * (P - 1 - g) * S);
    if (l < lambda) {
      lambda = l;
      gap = g;
    }
  }
  return { lambda, gap };
}

/** Prefix sums of inPlaneBounds, kept across calls (a typed array made per instant costs more than its loop). */
let prefixScratch = new Float64Array(1);

/** λ the in-plane hops allow: over the whole band (upper) and over its tightest interval (monotone routing). */
function inPlaneBounds(p: Readonly<CylinderParams>): { upper: number; monotone: number } {
  const { planes: P, satsPerPlane: S } = p;
  const D = ringDistanceSum(S);
  if (D === 0) return { upper: Infinity, monotone: Infinity };
  const perHop = (2 * inPlaneLinksPerPlane(S)) / (S * D);
  if (prefixScratch.length < P + 1) prefixScratch = new Float64Array(P + 1);
  const prefix = prefixScratch; // entries 1 … P written before they are read, entry 0 is never written
  for (let q = 0; q < P; q++) prefix[q + 1] = prefix[q]! + p.inPlane_bps[q]!;
  let monotone = Infinity;
  for (let a = 0; a < P; a++)
    for (let b = a; b < P; b++) {
      const k = b - a + 1;
      monotone = Math.min(monotone, (perHop * (prefix[b + 1]! - prefix[a]!)) / (k * k));
    }
  return { upper: (perHop * prefix[P]!) / (P * P), monotone };
}

/** Maximum concurrent uniform all-to-all flow of an open cylinder (see header). */
export function cylinderThroughput(p: Readonly<CylinderParams>): CylinderResult {
  checkCylinder(p);
  const { planes: P, satsPerPlane: S } = p;
  const n = P * S;
  const cut = cutBound(p);
  const inPlane = inPlaneBounds(p);
  const upper = Math.min(cut.lambda, inPlane.upper);
  const lower = Math.min(cut.lambda, inPlane.monotone);
  const gapUtilization = new Float64Array(P - 1);
  for (let g = 0; g < P - 1; g++) {
    const c = p.crossGap_bps[g]!;
    gapUtilization[g] = c > 0 ? (lower * (g + 1) * (P - 1 - g) * S) / c : 0;
  }
  const sat = (l: number): boolean => l <= lower * (1 + 1e-9);
  const bottleneck =
    !(lower > 0) || !Number.isFinite(lower)
      ? 'none'
      : sat(cut.lambda)
        ? sat(inPlane.monotone)
          ? 'both'
          : 'cross-plane'
        : 'in-plane';
  return {
    disconnected: !(upper > 0),
    upperBound_bps: Number.isFinite(upper) ? upper * (n - 1) : 0,
    lowerBound_bps: Number.isFinite(lower) ? lower * (n - 1) : 0,
    cutBound_bps: cut.lambda * (n - 1),
    inPlaneBound_bps: inPlane.upper * (n - 1),
    exact: upper - lower <= 1e-12 * upper,
    bottleneck,
    bindingGap: cut.gap,
    inPlaneUtilization: Number.isFinite(inPlane.upper) && inPlane.upper > 0 ? lower / inPlane.upper : 0,
    gapUtilization,
  };
}

/**
 * Hop and latency statistics over every ordered pair: the fewest hops from (p0, s0) to (p1, s1) is |p1 − p0| + d
 * (cross-plane hops cannot be saved, nor in-plane ones), with latency (|Δp|·crossLength + d·inLength)/c + hops·delay.
 * Percentiles are nearest-rank over the pairs (networkPaths.ts rowPathStatistics).
 */
export function cylinderPathStatistics(
  P: number,
  S: number,
  lengths: { readonly inPlane_m: number; readonly crossPlane_m: number },
  perHopDelay_s: number,
  connected: { readonly inPlane: boolean; readonly crossPlane: boolean },
): PathStatistics {
  const rows: PathRow[] = [];
  for (let dp = 0; dp < P; dp++) {
    if (dp > 0 && !connected.crossPlane) continue;
    const planePairs = dp === 0 ? P : 2 * (P - dp);
    for (let d = 0; d <= Math.floor(S / 2); d++) {
      if ((dp === 0 && d === 0) || (d > 0 && !connected.inPlane)) continue;
      const slots = d === 0 || 2 * d === S ? 1 : 2;
      const latency_s =
        (dp * lengths.crossPlane_m + d * lengths.inPlane_m) / SPEED_OF_LIGHT_m_s + (dp + d) * perHopDelay_s;
      rows.push({ hops: dp + d, latency_s, pairs: planePairs * slots * S });
    }
  }
  return rowPathStatistics(rows, P * S);
}

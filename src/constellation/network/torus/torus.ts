/**
 * Reduced (symmetric) ISL model of a large Walker delta +Grid shell: the maximum concurrent flow of
 * uniform all-to-all traffic from a tiny LP, plus analytic hop and latency distributions.
 *
 * The twisted torus (seam link (P−1,s)–(0,(s+F) mod S); Walker, J. Br. Interplanet. Soc. 37, 1984) is a Cayley graph,
 * so a translation- and reflection-invariant optimum exists (Bödi, Herr & Joswig, Math. Program. 137, 65–90, 2013):
 *   max λ  s.t.  Σ_t z_{d,t} = λ (every destination d ≠ 0),  Σ z·x_t ≤ 2·capCross,  Σ z·y_t ≤ 2·capIn,
 * exact for concurrent flow (Shahrokhi & Matula, J. ACM 37(2), 1990), aggregated by hull step (torusLp.ts).
 * μ = λ(N−1)/cap; latency = (x·crossLength + y·inLength)/c + (x+y)·perHopDelay, minimised over the types.
 * Validity: any P, S ≥ 1 with P·S ≥ 2, integer F ≥ 0 (Walker F < P); uniform capacity per link class.
 * Derivation, evidence and costs: docs/constellations.md §"Reduced torus model".
 */
import type { LpSolveOptions, LpSolver } from '../../../optimize/lp.js';
import { DEFAULT_PER_HOP_DELAY_s, type LinkEdge, type LinkGraph, type PathStatistics } from '../graph/network.js';
import { destinationPathStatistics, SPEED_OF_LIGHT_m_s } from '../graph/networkPaths.js';
import { destinationLatencies, torusHull, type HullStep, type TorusShape } from './torusPathTypes.js';
import { solveTorusLp, type TorusLpSolution } from './torusLp.js';

export { torusDownlinkBound, type TorusDownlinkBoundParams, type TorusDownlinkBound } from './torusLp.js';

export interface TorusLinks {
  readonly inPlaneCapacity_bps: number;
  readonly crossPlaneCapacity_bps: number;
  readonly inPlaneLength_m: number;
  /** Mean cross-plane link length [m]. */
  readonly crossPlaneLength_m: number;
}

export interface TorusParams extends TorusShape, TorusLinks {
  readonly lpSolver: LpSolver;
  readonly lpOptions?: LpSolveOptions;
  readonly perHopDelay_s?: number;
}

/**
 * The reduced LP's solution (torusLp.ts; its utilizations are the load / capacity of every directed arc of each
 * class at the optimum, all arcs of a class being equal) and what follows from it.
 */
export interface TorusResult extends TorusLpSolution {
  readonly reducedModel: true;
  /** Rate per ordered pair [b/s]. */
  readonly lambda_bps: number;
  readonly bottleneck: 'in-plane' | 'cross-plane' | 'both' | 'none';
  /** Distinct hull-step directions (LP rows − 2). */
  readonly hullSteps: number;
  /** The hull steps, in the order of `stepUse`. */
  readonly steps: readonly HullStep[];
  readonly paths: PathStatistics;
  /** hopHistogram[h] = destinations (from one node) whose fewest-hop path has h hops. */
  readonly hopHistogram: Float64Array;
}

export function checkTorus(p: Readonly<TorusShape & TorusLinks>): void {
  const { planes: P, satsPerPlane: S, phasing: F } = p;
  if (!(Number.isInteger(P) && P >= 1 && Number.isInteger(S) && S >= 1 && P * S >= 2))
    throw new RangeError(`planes ${P} × satsPerPlane ${S} must be integers ≥ 1 with at least 2 nodes`);
  if (!(Number.isInteger(F) && F >= 0)) throw new RangeError(`phasing must be an integer ≥ 0, got ${F}`);
  for (const k of ['inPlaneCapacity_bps', 'crossPlaneCapacity_bps', 'inPlaneLength_m', 'crossPlaneLength_m'] as const) {
    if (!(Number.isFinite(p[k]) && p[k] >= 0)) throw new RangeError(`${k} must be finite and ≥ 0, got ${p[k]}`);
  }
}

/** The explicit link graph of the shell (node p·S + s) for the full network model. */
export function twistedTorusGraph(p: Readonly<TorusShape & TorusLinks>): LinkGraph {
  checkTorus(p);
  const { planes: P, satsPerPlane: S, phasing: F } = p;
  const edges: LinkEdge[] = [];
  for (let q = 0; q < P; q++) {
    for (let s = 0; s < S; s++) {
      edges.push({
        u: q * S + s,
        v: q * S + ((s + 1) % S),
        capacity_bps: p.inPlaneCapacity_bps,
        length_m: p.inPlaneLength_m,
      });
      const v = q < P - 1 ? (q + 1) * S + s : (s + F) % S;
      edges.push({ u: q * S + s, v, capacity_bps: p.crossPlaneCapacity_bps, length_m: p.crossPlaneLength_m });
    }
  }
  return { nodes: P * S, edges };
}

/** Maximum concurrent uniform all-to-all flow and path statistics of a +Grid shell, reduced model. */
export function torusThroughput(p: Readonly<TorusParams>): TorusResult {
  checkTorus(p);
  const perHopDelay_s = p.perHopDelay_s ?? DEFAULT_PER_HOP_DELAY_s;
  if (!(Number.isFinite(perHopDelay_s) && perHopDelay_s >= 0))
    throw new RangeError('perHopDelay_s must be a finite number ≥ 0');
  const n = p.planes * p.satsPerPlane;
  const hop = {
    cross_s: p.crossPlaneLength_m / SPEED_OF_LIGHT_m_s + perHopDelay_s,
    in_s: p.inPlaneLength_m / SPEED_OF_LIGHT_m_s + perHopDelay_s,
  };
  const usable = { cross: p.crossPlaneCapacity_bps > 0, in: p.inPlaneCapacity_bps > 0 };
  const hull = torusHull(p, usable);
  const lp = solveTorusLp(p, hull, n);
  const lambda_bps = lp.throughputPerNode_bps / (n - 1);
  const bottleneck = torusBottleneck(lp);
  // Latencies, path statistics and hop histogram on first use: a series of instants reports one instant's only.
  let paths: PathStatistics | undefined;
  let histogram: Float64Array | undefined;
  return {
    reducedModel: true,
    disconnected: lp.disconnected,
    throughputPerNode_bps: lp.throughputPerNode_bps,
    lambda_bps,
    inPlaneUtilization: lp.inPlaneUtilization,
    crossPlaneUtilization: lp.crossPlaneUtilization,
    bottleneck,
    hullSteps: hull.steps.length,
    steps: hull.steps,
    stepUse: lp.stepUse,
    lp: lp.lp,
    get paths(): PathStatistics {
      return (paths ??= destinationPathStatistics(hull.minHops, destinationLatencies(p, hop, usable)));
    },
    get hopHistogram(): Float64Array {
      return (histogram ??= hopHistogram(hull.minHops));
    },
  };
}

/** hopHistogram[h] = destinations whose fewest-hop path has h hops. */
function hopHistogram(minHops: Int32Array): Float64Array {
  let maxHops = 0;
  for (const h of minHops) if (h >= 0) maxHops = Math.max(maxHops, h);
  const histogram = new Float64Array(maxHops + 1);
  for (const h of minHops) if (h >= 0) histogram[h]!++;
  return histogram;
}

/** Which link class is saturated at the reduced LP's optimum. */
function torusBottleneck(lp: TorusLpSolution): TorusResult['bottleneck'] {
  const sat = (u: number): boolean => u >= 1 - 1e-6;
  return sat(lp.inPlaneUtilization)
    ? sat(lp.crossPlaneUtilization)
      ? 'both'
      : 'in-plane'
    : sat(lp.crossPlaneUtilization)
      ? 'cross-plane'
      : 'none';
}

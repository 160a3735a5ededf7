/**
 * Uniform all-to-all traffic on a large Walker delta +Grid (or ring) shell, solved at each snapshot instant.
 *
 * At an instant every link has its own capacity (torusInstant.ts). Where every link of a class has the same
 * capacity, the reduced symmetric torus LP (torus.ts) is exact. Otherwise (latitude cutoff, range-dependent
 * rate) the instant gets a bound pair:
 * - upper: the least of the reduced LP on the instant's class-mean capacities and the instant's own plane cuts. The
 *   maximum concurrent flow λ(c) is concave in the capacity vector c (a convex combination of feasible flows is
 *   feasible for the combined capacities) and unchanged by the shell's translations g (automorphisms of the torus
 *   that preserve uniform traffic), so λ(c) = mean_g λ(g·c) ≤ λ(mean_g g·c), and mean_g g·c gives every link of a
 *   class its class mean. That bound spreads an instant's outages over every gap; where they bunch in a few gaps
 *   (a latitude cutoff, range-dependent rates) a cut is tighter: the planes a+1 … a+k on one side cut the
 *   cross-plane links of gaps a and a+k, λ ≤ (C_a + C_{a+k}) / (kS·(P−k)S) with C_g the sum of gap g's capacities
 *   at the instant (Leighton & Rao, J. ACM 46(6), 1999, §1), over every a and k.
 * - lower: the best of torusRouting.ts's routing (≤ ROUTING_BOUND_MAX_NODES satellites), the open-cylinder routing
 *   with the seam idle (any size) and the live graph's (liveGraphBounds.ts, which also bounds from above); reported.
 * Mesh shells: upper, the least of the class-length duality bound (meshBound.ts), the plane cuts with the diagonals
 * and the live graph's; lower, the best of the +Grid part's flow and the live graph's routings.
 */
import type { LpSolver } from '../../../optimize/lp.js';
import type { InstantNetwork } from '../networkSeries.js';
import { DEFAULT_PER_HOP_DELAY_s, type PathStatistics } from '../graph/network.js';
import { destinationPathStatistics } from '../graph/networkPaths.js';
import { meshHopLatency, meshPathsApply, torusMeshDestinations } from '../meshPaths.js';
import { torusThroughput, type TorusParams, type TorusResult } from './torus.js';
import { SolverMemo } from '../../memo.js';
import { seriesInstantCapacities, type ReducedSeriesParams, type TorusInstant } from './torusInstant.js';
import type { ClassStats } from './torusClassStats.js';
import { torusRoutingBound } from './torusRouting.js';
import { meshDualBound_bps } from './meshBound.js';
import { cylinderRoutingLowerBound } from '../cylinder/cylinderRouting.js';
import { conservativeInstant, type LiveGraphArrays } from '../liveGraphBounds.js';

export interface TorusSeriesParams extends ReducedSeriesParams {
  readonly lp: LpSolver;
}

export interface TorusSeries {
  readonly instants: readonly InstantNetwork[];
  /** Null in a lean series (ReducedSeriesParams.lean). */
  readonly paths: PathStatistics | null;
  readonly lp: { readonly rows: number; readonly cols: number; readonly solver: string };
  /** Sources handed over to a clean neighbour, summed over the instants (0 when every instant is exact). */
  readonly handedOver: number;
  /** Instants whose upper bound is a plane cut, below the reduced LP on the class means. */
  readonly cutBound: number;
}

/** Largest shell whose per-instant routing lower bound is computed (its cost grows fast: ~40 ms at 1,000 nodes). */
export const ROUTING_BOUND_MAX_NODES = 300;

function meanMinMax(a: Float64Array): { mean: number; min: number; max: number } {
  let sum = 0,
    min = Infinity,
    max = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    sum += x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { mean: sum / a.length, min, max };
}

/** meanMinMax of a class from its statistics summed as the capacities came (torusInstant.ts `classStats`). */
const classMeans = (st: ClassStats, n: number): { mean: number; min: number; max: number } => ({
  mean: st.sum / n,
  min: st.min,
  max: st.max,
});

const uniformClass = (m: { min: number; max: number }): boolean => m.max - m.min <= 1e-9 * m.max;

/** Class utilisation of the symmetric optimum: every link of a class carries the same load. */
function symmetricClasses(t: TorusResult, n: number, crossOff: number, inOff: number): InstantNetwork['classes'] {
  return [
    {
      linkClass: 'inPlane',
      links: n,
      off: inOff,
      meanUtilization: t.inPlaneUtilization,
      maxUtilization: t.inPlaneUtilization,
    },
    {
      linkClass: 'crossPlane',
      links: n,
      off: crossOff,
      meanUtilization: t.crossPlaneUtilization,
      maxUtilization: t.crossPlaneUtilization,
    },
  ];
}

/**
 * Reduced torus LPs kept across instants and evaluations (a study revisits a shell with another launcher or second
 * shell).
 */
const TORUS_LPS = new SolverMemo<TorusResult>(256);

/**
 * `torusThroughput` memoised on its inputs (shape, class capacities and lengths; default hop delay, no LP options).
 * `pathsRead` false (a lean series, whose instants have no lengths): lengths 0, kept apart from the results whose
 * paths are read.
 */
export function torusThroughputMemo(
  p: Readonly<Omit<TorusParams, 'lpOptions' | 'perHopDelay_s'>>,
  pathsRead = true,
): TorusResult {
  const key = `${pathsRead ? '' : 'lean|'}${p.planes}|${p.satsPerPlane}|${p.phasing}|${p.inPlaneCapacity_bps}|${p.crossPlaneCapacity_bps}|${p.inPlaneLength_m}|${p.crossPlaneLength_m}`;
  return TORUS_LPS.for(p.lpSolver).get(key, () => torusThroughput(p));
}

/**
 * The least plane cut of an instant as a rate per node [b/s] (header): λ·(N − 1) for the tightest pair of gaps, from
 * the cross-plane capacities by edge (cross-plane edge v = q·S + s in gap q; gap P − 1 is the seam). Infinity for
 * fewer than two planes (no cut through planes).
 */
export function planeCutBound_bps(P: number, S: number, cross_bps: Float64Array): number {
  if (P < 2) return Infinity;
  const gap = new Float64Array(P);
  for (let q = 0; q < P; q++) {
    let c = 0;
    for (let v = q * S; v < (q + 1) * S; v++) c += cross_bps[v]!;
    gap[q] = c;
  }
  return gapCutBound_bps(P, S, gap);
}

/**
 * planeCutBound_bps from each gap's cross-plane capacity summed in edge order (`gap[q]`). For each k the least pair
 * sum is divided once: x ↦ x / pairs rounds monotonically, so the least quotient is the least sum's. The k go from P/2
 * down (most pairs first), and a k whose bound from the two least gaps cannot go below the best so far is skipped:
 * every sum of two gaps is at least theirs, rounded alike. The least of the same quotients: a pass over every (k, a)
 * gives the same number.
 */
function gapCutBound_bps(P: number, S: number, gap: Float64Array): number {
  if (P < 2) return Infinity;
  let lo1 = Infinity,
    lo2 = Infinity; // the two least gaps
  for (let a = 0; a < P; a++) {
    const g = gap[a]!;
    if (g < lo1) {
      lo2 = lo1;
      lo1 = g;
    } else if (g < lo2) lo2 = g;
  }
  const floor = lo1 + lo2;
  let best = Infinity;
  for (let k = P >> 1; k >= 1; k--) {
    const pairs = k * S * (P - k) * S;
    if (floor / pairs >= best) continue;
    let least = Infinity;
    for (let a = 0; a < P - k; a++) least = Math.min(least, gap[a]! + gap[a + k]!);
    for (let a = P - k; a < P; a++) least = Math.min(least, gap[a]! + gap[a + k - P]!);
    best = Math.min(best, least / pairs);
  }
  return best * (P * S - 1);
}

/** A mesh torus's paths on the instant's class-mean lengths, diagonals counted (meshPaths.ts). */
function meshPaths(p: Readonly<TorusSeriesParams>, c: TorusInstant): PathStatistics {
  const lengths = { crossPlane_m: c.crossPlaneLength_m, inPlane_m: c.inPlaneLength_m, diagonal_m: c.diagonalLength_m };
  const h = meshHopLatency(lengths, DEFAULT_PER_HOP_DELAY_s);
  const d = torusMeshDestinations(p.planes, p.satsPerPlane, p.phasing, h);
  return destinationPathStatistics(d.minHops, d.latency_s);
}

/** The shell's network at each instant (see header). */
export function torusSeries(p: Readonly<TorusSeriesParams>): TorusSeries {
  const { planes: P, satsPerPlane: S, phasing: F } = p;
  const n = P * S;
  const instants: InstantNetwork[] = [];
  let paths: PathStatistics | null = null;
  let lp = { rows: 0, cols: 0, solver: 'none' };
  let handedOver = 0,
    cutBound = 0;
  // One set of capacity arrays for every instant: each instant's are read before the next is computed.
  const buffers = {
    cross_bps: new Float64Array(n),
    inPlane_bps: new Float64Array(n),
    diagonal_bps: new Float64Array(p.diagonalUsable === true ? n : 0),
  };
  for (const j of p.instants) {
    const c = seriesInstantCapacities(p, j, true, buffers);
    const cross = c.stats !== null ? classMeans(c.stats.cross, n) : meanMinMax(c.cross_bps),
      inPlane = c.stats !== null ? classMeans(c.stats.inPlane, n) : meanMinMax(c.inPlane_bps);
    // A lean series has no lengths: the rate does not read them, and its paths are not read.
    const lean = p.lean === true;
    const t = torusThroughputMemo(
      {
        planes: P,
        satsPerPlane: S,
        phasing: F,
        inPlaneCapacity_bps: inPlane.mean,
        crossPlaneCapacity_bps: cross.mean,
        inPlaneLength_m: lean ? 0 : c.inPlaneLength_m,
        crossPlaneLength_m: lean ? 0 : c.crossPlaneLength_m,
        lpSolver: p.lp,
      },
      !lean,
    );
    if (p.lean !== true) paths ??= meshPathsApply(p) ? meshPaths(p, c) : t.paths;
    if (t.lp.rows > lp.rows) lp = t.lp;
    if (c.diagonal_bps !== null) {
      const r = meshInstant(p, j, c, t, cross, inPlane);
      if (r.cutBinds) cutBound++;
      instants.push(r.instant);
      continue;
    }
    if (t.disconnected || (uniformClass(cross) && uniformClass(inPlane))) {
      const v = t.throughputPerNode_bps;
      instants.push({
        sampleIndex: j,
        model: 'exact',
        throughputPerNode_bps: v,
        lowerBound_bps: v,
        upperBound_bps: v,
        classes: p.lean === true ? [] : symmetricClasses(t, n, off(c.cross_bps), off(c.inPlane_bps)),
      });
      continue;
    }
    const r = boundedInstant(p, j, c, t, cross, inPlane);
    handedOver += r.handedOver;
    if (r.cutBinds) cutBound++;
    instants.push(r.instant);
  }
  return { instants, paths, lp, handedOver, cutBound };
}

type ClassMeans = ReturnType<typeof meanMinMax>;

/** The explicit routing of the instant's +Grid links (torusRouting.ts) along the reduced optimum's steps. */
const gridRouting = (p: Readonly<TorusSeriesParams>, c: TorusInstant, t: TorusResult) =>
  torusRoutingBound({
    planes: p.planes,
    satsPerPlane: p.satsPerPlane,
    phasing: p.phasing,
    cross_bps: c.cross_bps,
    inPlane_bps: c.inPlane_bps,
    steps: t.steps,
    stepUse: t.stepUse,
  });

/** Sum of a's entries. */
function total(a: Float64Array): number {
  let x = 0;
  for (let i = 0; i < a.length; i++) x += a[i]!;
  return x;
}

/**
 * A mesh shell's instant (header): the upper bound the least of the class-length duality bound and the plane cuts
 * with the diagonals; the lower bound the +Grid part's exact reduced LP, or its routing bound, or 0 (unknown).
 */
function meshInstant(
  p: Readonly<TorusSeriesParams>,
  j: number,
  c: TorusInstant,
  t: TorusResult,
  cross: ClassMeans,
  inPlane: ClassMeans,
): { instant: InstantNetwork; cutBinds: boolean } {
  const { planes: P, satsPerPlane: S, phasing: F } = p;
  const n = P * S;
  const diag = c.diagonal_bps!;
  // The class-length bound walks in-plane rings of three slots or more; a two-slot torus is bounded by its plane cuts.
  const dual =
    S >= 3
      ? meshDualBound_bps(P, S, F, {
          inPlane_bps: inPlane.mean * n,
          crossPlane_bps: cross.mean * n,
          diagonal_bps: total(diag),
        })
      : Infinity;
  const gapLinks = new Float64Array(n);
  for (let v = 0; v < n; v++) gapLinks[v] = c.cross_bps[v]! + diag[v]!;
  const cut = planeCutBound_bps(P, S, gapLinks);
  const upper = Math.min(dual, cut);
  const gridExact = t.disconnected || (uniformClass(cross) && uniformClass(inPlane));
  const routed = gridExact || n > ROUTING_BOUND_MAX_NODES ? null : gridRouting(p, c, t);
  const grid = gridExact ? t.throughputPerNode_bps : Math.max(routed?.throughputPerNode_bps ?? 0, seamOpen(p, c));
  const instant: InstantNetwork = {
    sampleIndex: j,
    model: 'bounds',
    throughputPerNode_bps: upper,
    lowerBound_bps: grid,
    upperBound_bps: upper,
    classes: [], // no flow is solved with the diagonals: no class loads
  };
  return { instant: conservativeInstant(instant, liveArrays(p, c)), cutBinds: cut < dual };
}

/** Links off (capacity 0) among `a`. */
function off(a: Float64Array): number {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (!(a[i]! > 0)) k++;
  return k;
}

/**
 * A class's reduced-optimum load spread evenly over its links that are on (mean, and at the weakest). The reduced LP
 * loads each of the class's n links with u·(class-mean capacity), u·Σcap in all; carried by the `on` links alone,
 * that is u·Σcap/on = u·(mean capacity on) a link: utilisation u at the mean capacity on, u·(mean on)/(min on) at the
 * weakest link on.
 */
function spreadUtilization(
  u: number,
  cap: { mean: number },
  a: Float64Array,
): { meanUtilization: number; maxUtilization: number } {
  let on = 0,
    sum = 0,
    minOn = Infinity;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    sum += x;
    if (x > 0) {
      on++;
      minOn = Math.min(minOn, x);
    }
  }
  const onMean = sum / Math.max(1, on);
  const load = on > 0 ? (u * cap.mean * a.length) / on : 0;
  return {
    meanUtilization: onMean > 0 ? load / onMean : 0,
    maxUtilization: onMean > 0 ? load / minOn : 0,
  };
}

/**
 * An instant whose links of a class differ: the least of the reduced LP's optimum and the instant's plane cuts (an
 * upper bound) and, on shells small enough, an explicit routing's rate (a lower bound) with its class loads.
 */
function boundedInstant(
  p: Readonly<TorusSeriesParams>,
  j: number,
  c: TorusInstant,
  t: TorusResult,
  cross: ClassMeans,
  inPlane: ClassMeans,
): { instant: InstantNetwork; handedOver: number; cutBinds: boolean } {
  const { planes: P, satsPerPlane: S } = p;
  const n = P * S;
  const b = n <= ROUTING_BOUND_MAX_NODES ? gridRouting(p, c, t) : null;
  const lower = Math.max(b?.throughputPerNode_bps ?? 0, seamOpen(p, c));
  const cut = c.stats !== null ? gapCutBound_bps(P, S, c.stats.gap_bps) : planeCutBound_bps(P, S, c.cross_bps);
  const upper = Math.min(t.throughputPerNode_bps, cut);
  // Class utilisation: the routing's flow where computed; else (an approximation, no flow is computed) the reduced
  // optimum's class load spread evenly over the links that are on, the largest at the weakest link on.
  const instant: InstantNetwork = {
    sampleIndex: j,
    model: 'bounds',
    throughputPerNode_bps: upper,
    lowerBound_bps: lower,
    upperBound_bps: upper,
    classes: p.lean
      ? []
      : b !== null
        ? [
            { linkClass: 'inPlane', ...b.inPlane },
            { linkClass: 'crossPlane', ...b.crossPlane },
          ]
        : [
            {
              linkClass: 'inPlane',
              links: n,
              off: off(c.inPlane_bps),
              ...spreadUtilization(t.inPlaneUtilization, inPlane, c.inPlane_bps),
            },
            {
              linkClass: 'crossPlane',
              links: n,
              off: off(c.cross_bps),
              ...spreadUtilization(t.crossPlaneUtilization, cross, c.cross_bps),
            },
          ],
  };
  return {
    instant: conservativeInstant(instant, liveArrays(p, c)),
    handedOver: b?.handedOver ?? 0,
    cutBinds: upper < t.throughputPerNode_bps,
  };
}

/** The instant's links for the live-graph bounds (liveGraphBounds.ts). */
const liveArrays = (p: Readonly<TorusSeriesParams>, c: TorusInstant): LiveGraphArrays => ({
  planes: p.planes,
  satsPerPlane: p.satsPerPlane,
  phasing: p.phasing,
  seam: true,
  cross_bps: c.cross_bps,
  inPlane_bps: c.inPlane_bps,
  diagonal_bps: c.diagonal_bps,
});

/**
 * The open-cylinder routing (cylinderRouting.ts) of the torus with its seam links idle [b/s]: it reads gaps 0 … P − 2
 * only, whose links join slot s to slot s as a band's do, so it is a routing on the torus's own links.
 */
const seamOpen = (p: Readonly<TorusSeriesParams>, c: TorusInstant): number =>
  p.inPlaneUsable ? cylinderRoutingLowerBound(p.planes, p.satsPerPlane, c.inPlane_bps, c.cross_bps) : 0;

/**
 * Uniform all-to-all traffic on a large shell whose planes form an open cylinder (no link from the last plane to the
 * first: an sso-ltan band, Walker star, fewer than three planes), solved at each snapshot instant.
 *
 * The closed form of cylinder.ts on the instant's orbit-mean capacities bounds the instant from above (λ(c) is
 * concave and invariant under the slot rotation, so λ(c) = mean_r λ(r·c) ≤ λ(mean_r r·c)); where the in-plane volume
 * bound binds or comes near the cut (below DUAL_REGIME × the cut) the LP-duality bound of cylinderDual.ts replaces it
 * when lower. The lower bound is the explicit routing of cylinderRouting.ts; the full LP lies between the two
 * (docs/approximations.md). Mesh shells (diagonals laid): the upper bound is cylinderMesh.ts's (gap cuts with the
 * diagonals, class-length duality), the lower bound the +Grid part's routing. Both then meet the live graph's bound
 * pair and the instant reports its lower bound (liveGraphBounds.ts `conservativeInstant`).
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder shells per instant".
 */
import { maxOf } from '../../../base/arrays.js';
import type { InstantNetwork } from '../networkSeries.js';
import { DEFAULT_PER_HOP_DELAY_s, type PathStatistics } from '../graph/network.js';
import { rowPathStatistics } from '../graph/networkPaths.js';
import { cylinderMeshRows, meshHopLatency, meshPathsApply } from '../meshPaths.js';
import { cylinderPathStatistics, cylinderThroughput, inPlaneLinksPerPlane, type CylinderResult } from './cylinder.js';
import { seriesInstantCapacities, type ReducedSeriesParams, type TorusInstant } from '../torus/torusInstant.js';
import { cylinderRoutingLowerBound } from './cylinderRouting.js';
import { cylinderDualBound, type CylinderDualFamily } from './cylinderDual.js';
import { addCopies } from '../torus/torusClassStats.js';
import { cylinderMeshBound } from './cylinderMesh.js';
import { conservativeInstant } from '../liveGraphBounds.js';

/**
 * The LP-duality bound is computed where the in-plane volume bound is below this multiple of the gap cut [-]: its
 * length functions fall below the cut only near the regime where the in-plane hops bind (on random bands of real
 * geometry whose in-plane volume bound is 1–4 × the cut, a few % fall below the cut, all with a ratio under 1.2:
 * test/constellation/network/cylinder/shellNetworkCylinder.test.ts), and bands where the cut binds with room to spare,
 * as the
 * flagship study's, pay nothing.
 */
export const DUAL_REGIME = 1.25;

/**
 * Which upper bound an instant reports: cylinder.ts's two, an LP-duality family of cylinderDual.ts, or a mesh's
 * class-length bound (cylinderMesh.ts).
 */
export type CylinderUpperBound = 'gap cut' | 'in-plane volume' | CylinderDualFamily | 'class lengths';

/** The cylinder's inputs: those of every reduced model (its phasing places the slots only: no seam to twist). */
export type CylinderSeriesParams = ReducedSeriesParams;

export interface CylinderSeries {
  readonly instants: readonly InstantNetwork[];
  /** The upper bound each instant reports. */
  readonly upperBounds: readonly CylinderUpperBound[];
  /** Null in a lean series (ReducedSeriesParams.lean). */
  readonly paths: PathStatistics | null;
}

interface OrbitCapacities {
  readonly inPlane_bps: Float64Array;
  readonly crossGap_bps: Float64Array;
  /** Every link of every orbit has its orbit's capacity. */
  readonly alike: boolean;
}

/**
 * Mean of each run of S entries of `a` (the first `orbits` runs, `links` entries each) into `mean`, and whether each
 * run is constant. A row of equal values (most rows: every link at the terminal's capacity, or off) is added at once
 * where that is exact (torusClassStats.ts addCopies), so each mean is the in-order loop's to the bit.
 */
export function orbitMeans(a: Float64Array, S: number, orbits: number, links: number, mean: Float64Array): boolean {
  let alike = true;
  for (let o = 0; o < orbits; o++) {
    // indexed, not `for of` a subarray: the per-instant loop allocates nothing for the collector
    let sum = 0,
      min = Infinity,
      max = 0;
    const end = o * S + links;
    for (let i = o * S; i < end;) {
      const x = a[i]!;
      let k = i + 1;
      while (k < end && a[k] === x) k++;
      sum = k === i + 1 ? sum + x : addCopies(sum, x, k - i);
      min = Math.min(min, x);
      max = Math.max(max, x);
      i = k;
    }
    mean[o] = links > 0 ? sum / links : 0;
    if (max - min > 1e-9 * max) alike = false;
  }
  return alike;
}

/** The orbit means of instant c into the series' arrays `o` (valid until the next instant). */
function orbitCapacities(P: number, S: number, c: TorusInstant, o: OrbitCapacities): OrbitCapacities {
  const inPlane = orbitMeans(c.inPlane_bps, S, P, inPlaneLinksPerPlane(S), o.inPlane_bps);
  const cross = orbitMeans(c.cross_bps, S, P - 1, S, o.crossGap_bps);
  return { inPlane_bps: o.inPlane_bps, crossGap_bps: o.crossGap_bps, alike: inPlane && cross };
}

/** Links off among the first `orbits` runs of S entries of `a` (`links` each), and the largest mean / weakest on. */
function offAndSpread(a: Float64Array, S: number, orbits: number, links: number): { off: number; spread: number } {
  let off = 0,
    spread = 1;
  for (let o = 0; o < orbits; o++) {
    let sum = 0,
      on = 0,
      minOn = Infinity;
    for (let i = o * S; i < o * S + links; i++) {
      const x = a[i]!;
      sum += x;
      if (x > 0) {
        on++;
        minOn = Math.min(minOn, x);
      } else off++;
    }
    if (on > 0) spread = Math.max(spread, sum / on / minOn);
  }
  return { off, spread };
}

/** Class utilisation at the routing's rate: a gap's cut load spread over its links that are on. */
function classes(
  P: number,
  S: number,
  c: TorusInstant,
  o: OrbitCapacities,
  r: CylinderResult,
): InstantNetwork['classes'] {
  const inPlane = offAndSpread(c.inPlane_bps, S, P, inPlaneLinksPerPlane(S));
  const cross = offAndSpread(c.cross_bps, S, P - 1, S);
  const gaps = [...r.gapUtilization].filter((_, g) => o.crossGap_bps[g]! > 0);
  const crossMean = gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0;
  return [
    {
      linkClass: 'inPlane',
      links: P * inPlaneLinksPerPlane(S),
      off: inPlane.off,
      meanUtilization: r.inPlaneUtilization,
      maxUtilization: r.inPlaneUtilization * inPlane.spread,
    },
    {
      linkClass: 'crossPlane',
      links: (P - 1) * S,
      off: cross.off,
      meanUtilization: crossMean,
      maxUtilization: maxOf([0, ...gaps]) * cross.spread,
    },
  ];
}

/** The instant's upper bound (header): the smaller of cylinder.ts's, and of the LP-duality bound in its regime. */
function upperBound(
  p: Readonly<CylinderSeriesParams>,
  c: TorusInstant,
  o: OrbitCapacities,
  r: CylinderResult,
): { rate_bps: number; bound: CylinderUpperBound } {
  const old = {
    rate_bps: r.upperBound_bps,
    bound: r.cutBound_bps <= r.inPlaneBound_bps ? ('gap cut' as const) : ('in-plane volume' as const),
  };
  if (o.alike || !(r.upperBound_bps > 0) || !(r.inPlaneBound_bps < DUAL_REGIME * r.cutBound_bps)) return old;
  const dual = cylinderDualBound(p.planes, p.satsPerPlane, c.inPlane_bps, c.cross_bps);
  // Only a bound lower beyond rounding replaces it: where the old one is already the full LP's, nothing changes.
  return dual.family !== null && dual.rate_bps < r.upperBound_bps * (1 - 1e-9)
    ? { rate_bps: dual.rate_bps, bound: dual.family }
    : old;
}

/** One instant of the series (see header for the model labels) and the upper bound it reports. */
function cylinderInstant(
  p: Readonly<CylinderSeriesParams>,
  j: number,
  c: TorusInstant,
  o: OrbitCapacities,
): { instant: InstantNetwork; bound: CylinderUpperBound } {
  const { planes: P, satsPerPlane: S } = p;
  const r = cylinderThroughput({
    planes: P,
    satsPerPlane: S,
    inPlane_bps: o.inPlane_bps,
    crossGap_bps: o.crossGap_bps,
  });
  // the mesh bound's domain (one plane has no diagonals; a band of two-satellite planes is solved as its +Grid)
  if (c.diagonal_bps !== null && P >= 2 && S >= 3) return meshInstant(p, j, c, o, r);
  const lower = o.alike ? r.lowerBound_bps : cylinderRoutingLowerBound(P, S, c.inPlane_bps, c.cross_bps);
  const classList = p.lean === true ? [] : classes(P, S, c, o, r);
  // each record written out, keys in one order (no spread: it copies through a generic path at every instant)
  const exact = o.alike && r.exact;
  const upper = upperBound(p, c, o, r);
  const instant: InstantNetwork = {
    sampleIndex: j,
    classes: classList,
    model: exact ? 'exact' : 'bounds',
    throughputPerNode_bps: upper.rate_bps,
    lowerBound_bps: exact ? upper.rate_bps : lower,
    upperBound_bps: upper.rate_bps,
  };
  return { instant: conservativeInstant(instant, bandArrays(p, c)), bound: upper.bound };
}

/**
 * A mesh shell's instant (header): the upper bound cylinderMesh.ts's, the lower bound the +Grid part's routing (the
 * monotone routing on the orbit means, r, where every link of an orbit is alike), no class loads (no flow is solved
 * with the diagonals).
 */
function meshInstant(
  p: Readonly<CylinderSeriesParams>,
  j: number,
  c: TorusInstant,
  o: OrbitCapacities,
  r: CylinderResult,
): { instant: InstantNetwork; bound: CylinderUpperBound } {
  const { planes: P, satsPerPlane: S } = p;
  // the length families where the +Grid computes them (upperBound): so the mesh's bound is never below the +Grid's
  const families = r.upperBound_bps > 0 && r.inPlaneBound_bps < DUAL_REGIME * r.cutBound_bps;
  const m = cylinderMeshBound(P, S, c.inPlane_bps, c.cross_bps, c.diagonal_bps!, families);
  // the +Grid's figure: exact where its orbits' links are alike and cylinder.ts is exact, else a routing
  const grid =
    o.alike && r.exact
      ? r.upperBound_bps
      : o.alike
        ? r.lowerBound_bps
        : cylinderRoutingLowerBound(P, S, c.inPlane_bps, c.cross_bps);
  const instant: InstantNetwork = {
    sampleIndex: j,
    classes: [],
    model: 'bounds',
    throughputPerNode_bps: m.upperBound_bps,
    lowerBound_bps: grid,
    upperBound_bps: m.upperBound_bps,
  };
  return {
    instant: conservativeInstant(instant, bandArrays(p, c)),
    bound: m.upperBound_bps === m.cut_bps ? 'gap cut' : m.upperBound_bps === m.dual_bps ? 'class lengths' : m.family!,
  };
}

/** Which upper bound is in force at how many instants, e.g. 'in force: gap cut at 40, polar at 8 of 48 instants'. */
export function boundsInForce(bounds: readonly CylinderUpperBound[]): string {
  const counts = new Map<string, number>();
  for (const b of bounds) counts.set(b, (counts.get(b) ?? 0) + 1);
  const list = [...counts].map(
    ([b, k]) => `${b === 'gap cut' || b === 'in-plane volume' ? b : `LP dual (${b})`} at ${k}`,
  );
  return `in force: ${list.join(', ')} of ${bounds.length} instants`;
}

/** The band's links at the instant, for the live-graph bounds (no seam). */
const bandArrays = (p: Readonly<CylinderSeriesParams>, c: TorusInstant) => ({
  planes: p.planes,
  satsPerPlane: p.satsPerPlane,
  phasing: p.phasing,
  seam: false,
  cross_bps: c.cross_bps,
  inPlane_bps: c.inPlane_bps,
  diagonal_bps: c.diagonal_bps,
});

/** The cylinder's network at each instant (see header). */
export function cylinderSeries(p: Readonly<CylinderSeriesParams>): CylinderSeries {
  const { planes: P, satsPerPlane: S } = p;
  const instants: InstantNetwork[] = [];
  const upperBounds: CylinderUpperBound[] = [];
  let lengths: { inPlane_m: number; crossPlane_m: number; diagonal_m: number } | null = null;
  // One pair of capacity arrays, and of orbit means, for every instant: each instant's are read before the next's.
  const buffers = {
    cross_bps: new Float64Array(P * S),
    inPlane_bps: new Float64Array(P * S),
    diagonal_bps: new Float64Array(p.diagonalUsable === true ? P * S : 0),
  };
  const means = { inPlane_bps: new Float64Array(P), crossGap_bps: new Float64Array(Math.max(0, P - 1)), alike: true };
  for (const j of p.instants) {
    const c = seriesInstantCapacities(p, j, false, buffers);
    lengths ??= { inPlane_m: c.inPlaneLength_m, crossPlane_m: c.crossPlaneLength_m, diagonal_m: c.diagonalLength_m };
    const r = cylinderInstant(p, j, c, orbitCapacities(P, S, c, means));
    instants.push(r.instant);
    upperBounds.push(r.bound);
  }
  if (p.lean === true) return { instants, upperBounds, paths: null };
  const l = lengths ?? { inPlane_m: 0, crossPlane_m: 0, diagonal_m: 0 };
  const paths = meshPathsApply(p)
    ? rowPathStatistics(cylinderMeshRows(P, S, meshHopLatency(l, DEFAULT_PER_HOP_DELAY_s)), P * S)
    : cylinderPathStatistics(P, S, l, DEFAULT_PER_HOP_DELAY_s, {
        inPlane: p.inPlaneUsable && S > 1,
        crossPlane: p.crossPlaneUsable,
      });
  return { instants, upperBounds, paths };
}

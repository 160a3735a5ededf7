/**
 * Uniform all-to-all traffic on a large shell whose planes form an open cylinder (no link from the last plane to the
 * first: an sso-ltan band, Walker star, fewer than three planes), solved at each snapshot instant.
 *
 * At an instant every link has its own capacity (torusInstant.ts: SGP4 positions, line of sight, latitude cutoff,
 * range-dependent rate; no seam links). The closed-form
 * model of cylinder.ts takes each orbit of the slot rotation at its mean capacity: each plane's in-plane links, each
 * gap's cross-plane links.
 * - Every link of an orbit alike: the model's bound pair holds for the instant's graph itself (exact when it meets).
 * - Links of an orbit differ (latitude cutoff switches polar cross-plane links off, range): the maximum concurrent
 *   flow λ(c) is concave in the capacity vector c and unchanged by the slot rotation (an automorphism of the cylinder
 *   that preserves uniform traffic), so λ(c) = mean_r λ(r·c) ≤ λ(mean_r r·c): the model's upper bound on the orbit
 *   means bounds the instant. The gap cut it reports is the instant's own cut (a sum of the gap's capacities). The
 *   lower bound is an explicit routing on the instant's own links (cylinderRouting.ts: around the columns whose
 *   cross-plane links are off); the full LP lies between the two (docs/approximations.md).
 * Mesh shells are solved without their diagonals: the routing rate is a lower bound.
 */
import type { InstantNetwork } from './networkSeries.js';
import { DEFAULT_PER_HOP_DELAY_s, type PathStatistics } from './network.js';
import { cylinderPathStatistics, cylinderThroughput, inPlaneLinksPerPlane, type CylinderResult } from './cylinder.js';
import { torusInstantCapacities, type ReducedSeriesParams, type TorusInstant } from './torusInstant.js';
import { cylinderRoutingLowerBound } from './cylinderRouting.js';

/** The cylinder's inputs: those of every reduced model (its phasing places the slots only: no seam to twist). */
export type CylinderSeriesParams = ReducedSeriesParams;

export interface CylinderSeries {
  readonly instants: readonly InstantNetwork[];
  /** Null in a lean series (ReducedSeriesParams.lean). */
  readonly paths: PathStatistics | null;
}

interface OrbitCapacities {
  readonly inPlane_bps: Float64Array;
  readonly crossGap_bps: Float64Array;
  /** Every link of every orbit has its orbit's capacity. */
  readonly alike: boolean;
  readonly inOff: number;
  readonly crossOff: number;
  /** Per orbit mean over the links that are on / weakest link on (1 when alike). */
  readonly inSpread: number;
  readonly crossSpread: number;
}

/** Mean of each run of S entries of `a` (the first `orbits` runs), whether each run is constant, and its spread. */
function orbitMeans(a: Float64Array, S: number, orbits: number, links: number) {
  const mean = new Float64Array(orbits);
  let alike = true,
    off = 0,
    spread = 1;
  for (let o = 0; o < orbits; o++) {
    const run = a.subarray(o * S, o * S + links);
    let sum = 0,
      min = Infinity,
      max = 0,
      on = 0,
      minOn = Infinity;
    for (const x of run) {
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
      if (x > 0) {
        on++;
        minOn = Math.min(minOn, x);
      } else off++;
    }
    mean[o] = run.length > 0 ? sum / run.length : 0;
    if (max - min > 1e-9 * max) alike = false;
    if (on > 0) spread = Math.max(spread, sum / on / minOn);
  }
  return { mean, alike, off, spread };
}

function orbitCapacities(P: number, S: number, c: TorusInstant): OrbitCapacities {
  const inPlane = orbitMeans(c.inPlane_bps, S, P, inPlaneLinksPerPlane(S));
  const cross = orbitMeans(c.cross_bps, S, P - 1, S);
  return {
    inPlane_bps: inPlane.mean,
    crossGap_bps: cross.mean,
    alike: inPlane.alike && cross.alike,
    inOff: inPlane.off,
    crossOff: cross.off,
    inSpread: inPlane.spread,
    crossSpread: cross.spread,
  };
}

/** Class utilisation at the routing's rate: a gap's cut load spread over its links that are on. */
function classes(P: number, S: number, o: OrbitCapacities, r: CylinderResult): InstantNetwork['classes'] {
  const gaps = [...r.gapUtilization].filter((_, g) => o.crossGap_bps[g]! > 0);
  const crossMean = gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0;
  return [
    {
      linkClass: 'inPlane',
      links: P * inPlaneLinksPerPlane(S),
      off: o.inOff,
      meanUtilization: r.inPlaneUtilization,
      maxUtilization: r.inPlaneUtilization * o.inSpread,
    },
    {
      linkClass: 'crossPlane',
      links: (P - 1) * S,
      off: o.crossOff,
      meanUtilization: crossMean,
      maxUtilization: Math.max(0, ...gaps) * o.crossSpread,
    },
  ];
}

/** One instant of the series (see header for the model labels). */
function cylinderInstant(
  p: Readonly<CylinderSeriesParams>,
  j: number,
  c: TorusInstant,
  o: OrbitCapacities,
): InstantNetwork {
  const { planes: P, satsPerPlane: S } = p;
  const r = cylinderThroughput({
    planes: P,
    satsPerPlane: S,
    inPlane_bps: o.inPlane_bps,
    crossGap_bps: o.crossGap_bps,
  });
  // A lean series reads the routing only where it is the reported rate (mesh).
  const lower = o.alike
    ? r.lowerBound_bps
    : p.lean === true && !p.meshIgnored
      ? NaN
      : cylinderRoutingLowerBound(P, S, c.inPlane_bps, c.cross_bps);
  const base = { sampleIndex: j, classes: p.lean === true ? [] : classes(P, S, o, r) };
  if (p.meshIgnored)
    return { ...base, model: 'lower-bound', throughputPerNode_bps: lower, lowerBound_bps: lower, upperBound_bps: null };
  const exact = o.alike && r.exact;
  return {
    ...base,
    model: exact ? 'exact' : 'bounds',
    throughputPerNode_bps: r.upperBound_bps,
    lowerBound_bps: exact ? r.upperBound_bps : lower,
    upperBound_bps: r.upperBound_bps,
  };
}

/** The cylinder's network at each instant (see header). */
export function cylinderSeries(p: Readonly<CylinderSeriesParams>): CylinderSeries {
  const { planes: P, satsPerPlane: S } = p;
  const instants: InstantNetwork[] = [];
  let lengths: { inPlane_m: number; crossPlane_m: number } | null = null;
  // One pair of capacity arrays for every instant: each instant's are read before the next is computed.
  const buffers = { cross_bps: new Float64Array(P * S), inPlane_bps: new Float64Array(P * S) };
  for (const j of p.instants) {
    const c = torusInstantCapacities({ ...p, sampleIndex: j, seam: false, lengths: p.lean !== true }, buffers);
    lengths ??= { inPlane_m: c.inPlaneLength_m, crossPlane_m: c.crossPlaneLength_m };
    instants.push(cylinderInstant(p, j, c, orbitCapacities(P, S, c)));
  }
  if (p.lean === true) return { instants, paths: null };
  const paths = cylinderPathStatistics(P, S, lengths ?? { inPlane_m: 0, crossPlane_m: 0 }, DEFAULT_PER_HOP_DELAY_s, {
    inPlane: p.inPlaneUsable && S > 1,
    crossPlane: p.crossPlaneUsable,
  });
  return { instants, paths };
}

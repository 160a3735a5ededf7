import type { InstantNetwork } from '../../../../src/constellation/network/networkSeries.js';
import { describe, expect, it } from 'vitest';
import type { LpSolver } from '../../../../src/optimize/lp.js';
import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  planeCutBound_bps,
  torusSeries,
  type TorusSeriesParams,
} from '../../../../src/constellation/network/torus/shellNetworkTorus.js';
import { torusInstantCapacities } from '../../../../src/constellation/network/torus/torusInstant.js';
import { torusThroughput } from '../../../../src/constellation/network/torus/torus.js';
import { torusRoutingBound } from '../../../../src/constellation/network/torus/torusRouting.js';
import { circularTracks } from '../circularShell.js';
import { rangeRate as rate, SERIES_LINKS } from '../bandShell.js';
import { deg } from '../../../helpers/units.js';
import { leastPlaneCut_bps } from '../../../helpers/planeCut.js';

const lp = await createLpSolver();

/** A shell on exact circular orbits at 7,000 km radius, 80° inclination, sampled at two phases. */
function params(P: number, S: number, over: Partial<TorusSeriesParams> = {}): TorusSeriesParams {
  const shell = { planes: P, satsPerPlane: S, phasing: 1, radius_m: 7e6, inclination_rad: 80 * deg };
  return {
    planes: P,
    satsPerPlane: S,
    phasing: 1,
    tracks: circularTracks(shell, [0.1, 0.5]),
    instants: [0, 1],
    ...SERIES_LINKS,
    lp: undefined as unknown as LpSolver,
    ...over,
  };
}

const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / a.length;

/** The least plane cut (test/helpers/planeCut.ts) of one instant's cross-plane capacities, summed per gap. */
function bruteForcePlaneCut(P: number, S: number, cross_bps: Float64Array): number {
  const gap = Array.from({ length: P }, (_, q) => cross_bps.slice(q * S, (q + 1) * S).reduce((a, x) => a + x, 0));
  return leastPlaneCut_bps(P, S, gap);
}

/**
 * The pieces of one instant as the header defines them: capacities, reduced LP on the class means, and the upper
 * bound, the least of that LP and the instant's plane cuts.
 */
function instantParts(p: TorusSeriesParams, j: number) {
  const c = torusInstantCapacities({ ...p, sampleIndex: j });
  const lp = torusThroughput({
    planes: p.planes,
    satsPerPlane: p.satsPerPlane,
    phasing: p.phasing,
    inPlaneCapacity_bps: mean(c.inPlane_bps),
    crossPlaneCapacity_bps: mean(c.cross_bps),
    inPlaneLength_m: c.inPlaneLength_m,
    crossPlaneLength_m: c.crossPlaneLength_m,
    lpSolver: p.lp,
  });
  const cut = bruteForcePlaneCut(p.planes, p.satsPerPlane, c.cross_bps);
  return { c, upper: lp, upper_bps: Math.min(lp.throughputPerNode_bps, cut), cut };
}

/** A series' instants as a lean series gives them: no class utilisation. */
const withoutClasses = (instants: readonly InstantNetwork[]) => instants.map((i) => ({ ...i, classes: [] }));

describe('torusSeries: the shell network at each instant', () => {
  // 8 × 10 at 70° cutoff: some cross-plane links off at both instants (classes differ), 80 nodes ≤ 300.
  it('an instant whose links differ: upper bound at most the class-mean LP, lower at least the routing; figure the lower', () => {
    const p = params(8, 10, { lp });
    const r = torusSeries(p);
    let handedOver = 0;
    expect(r.instants).toHaveLength(2);
    [0, 1].forEach((j) => {
      const { c, upper, upper_bps } = instantParts(p, j);
      expect(c.cross_bps.filter((x) => x === 0).length).toBeGreaterThan(0);
      const lower = torusRoutingBound({
        planes: 8,
        satsPerPlane: 10,
        phasing: 1,
        cross_bps: c.cross_bps,
        inPlane_bps: c.inPlane_bps,
        steps: upper.steps,
        stepUse: upper.stepUse,
      });
      expect(lower.unroutable).toBeNull();
      handedOver += lower.handedOver;
      const i = r.instants[j]!;
      expect([i.sampleIndex, i.model]).toEqual([j, 'bounds']);
      // the reported rate is the lower bound: the best feasible routing, at least torusRouting.ts's
      expect(i.throughputPerNode_bps).toBe(i.lowerBound_bps);
      expect(i.lowerBound_bps).toBeGreaterThanOrEqual(lower.throughputPerNode_bps);
      expect(i.upperBound_bps).toBeLessThanOrEqual(upper_bps * (1 + 1e-12));
      expect(i.classes).toEqual([
        { linkClass: 'inPlane', ...lower.inPlane },
        { linkClass: 'crossPlane', ...lower.crossPlane },
      ]);
      expect(i.lowerBound_bps).toBeGreaterThan(0);
      expect(i.lowerBound_bps).toBeLessThan(i.upperBound_bps!);
      if (j === 0) expect(r.paths).toEqual(upper.paths);
    });
    expect(handedOver).toBeGreaterThan(0);
    expect(r.handedOver).toBe(handedOver);
    expect(r.lp.solver).toBe('closed form');
  });

  it('a lean series: the same rates and bounds, no paths or class loads (+Grid)', () => {
    const p = params(8, 10, { lp });
    const full = torusSeries(p);
    const lean = torusSeries({ ...p, lean: true });
    expect(lean.paths).toBeNull();
    expect(lean.instants.every((i) => i.classes.length === 0)).toBe(true);
    expect(full.instants.every((i) => i.model === 'bounds')).toBe(true);
    lean.instants.forEach((i, j) => {
      expect(i.throughputPerNode_bps).toBe(full.instants[j]!.throughputPerNode_bps);
      expect(i.upperBound_bps).toBe(full.instants[j]!.upperBound_bps);
      expect(i.lowerBound_bps).toBe(full.instants[j]!.lowerBound_bps);
    });
    const mesh = { ...p, diagonalUsable: true };
    expect(torusSeries({ ...mesh, lean: true }).instants).toEqual(withoutClasses(torusSeries(mesh).instants));
  });

  it('a mesh shell: its lower bound the +Grid’s or more, reported; its upper bound above it', () => {
    const p = params(8, 10, { lp, instants: [1] });
    const grid = torusSeries(p).instants[0]!;
    const i = torusSeries({ ...p, diagonalUsable: true }).instants[0]!;
    expect(i.model).toBe('bounds');
    expect(i.throughputPerNode_bps).toBe(i.lowerBound_bps);
    // a flow of the +Grid leaves the diagonals idle: the same routing is a flow of the mesh
    expect(i.lowerBound_bps).toBeGreaterThanOrEqual(grid.lowerBound_bps);
    expect(i.upperBound_bps).toBeGreaterThan(i.lowerBound_bps);
    expect(i.lowerBound_bps).toBeGreaterThan(0);
  });

  // Terminal rating 1 Gb/s, far below every link's range-limited rate, and no cutoff: every link of a class alike.
  it('an instant whose links are alike: the reduced LP is exact; a mesh shell keeps it as its lower bound', () => {
    const p = params(8, 10, { lp, rate: rate(1e13, 1e9), latitudeCutoff_rad: null, grazingHeight_m: 0 });
    const r = torusSeries(p);
    r.instants.forEach((i, j) => {
      const { c, upper } = instantParts(p, j);
      expect([...c.cross_bps, ...c.inPlane_bps].every((x) => x === 1e9)).toBe(true);
      expect(i).toEqual({
        sampleIndex: j,
        model: 'exact',
        throughputPerNode_bps: upper.throughputPerNode_bps,
        lowerBound_bps: upper.throughputPerNode_bps,
        upperBound_bps: upper.throughputPerNode_bps,
        classes: [
          {
            linkClass: 'inPlane',
            links: 80,
            off: 0,
            meanUtilization: upper.inPlaneUtilization,
            maxUtilization: upper.inPlaneUtilization,
          },
          {
            linkClass: 'crossPlane',
            links: 80,
            off: 0,
            meanUtilization: upper.crossPlaneUtilization,
            maxUtilization: upper.crossPlaneUtilization,
          },
        ],
      });
    });
    expect(r.handedOver).toBe(0);
    const mesh = torusSeries({ ...p, diagonalUsable: true }).instants[0]!;
    expect(mesh.model).toBe('bounds');
    expect(mesh.lowerBound_bps).toBeGreaterThanOrEqual(r.instants[0]!.throughputPerNode_bps);
    // every link 1 Gb/s: the plane cuts with the diagonals are twice the +Grid's, and bound the mesh
    const { cut } = instantParts(p, 0);
    expect(mesh.upperBound_bps!).toBeGreaterThan(r.instants[0]!.throughputPerNode_bps);
    expect(mesh.upperBound_bps!).toBeLessThanOrEqual(2 * cut * (1 + 1e-12));
  });

  it('cross-plane links unusable: a split shell, rate 0 at every instant, every cross-plane link counted off', () => {
    const r = torusSeries(params(8, 10, { lp, crossPlaneUsable: false }));
    for (const i of r.instants) {
      expect([i.model, i.throughputPerNode_bps, i.lowerBound_bps, i.upperBound_bps]).toEqual(['exact', 0, 0, 0]);
      expect(i.classes.map((k) => [k.linkClass, k.off])).toEqual([
        ['inPlane', 0],
        ['crossPlane', 80],
      ]);
    }
    expect(r.lp.solver).toBe('none');
  });

  // 16 × 20 = 320 nodes, above torusRouting.ts's limit: the lower bound is the torus with its seam idle and the live
  // graph's fewest-hop routing (liveGraphBounds.ts). The class utilisation is the reduced optimum's
  // class load (u at the class-mean capacity, on all n links: u·Σcap in total) carried by the links that are on,
  // evenly: u·Σcap/on each, so the mean over them is u·Σcap/(on·mean_on cap) = u, and the weakest link on carries
  // u·mean_on(cap)/min_on(cap).
  it('above the routing limit: other routings give the lower bound, the class load spread over the links on', () => {
    const p = params(16, 20, { lp, rate: rate(1e12), latitudeCutoff_rad: 60 * deg, instants: [0] });
    const i = torusSeries(p).instants[0]!;
    const { c, upper, upper_bps } = instantParts(p, 0);
    const on = c.cross_bps.filter((x) => x > 0);
    expect(on.length).toBeLessThan(320);
    expect(Math.min(...on)).toBeLessThan(mean(on) * 0.99); // the rate varies with range
    expect(i.model).toBe('bounds');
    expect(i.lowerBound_bps).toBeGreaterThan(0);
    expect(i.upperBound_bps).toBeLessThanOrEqual(upper_bps * (1 + 1e-12));
    expect(i.throughputPerNode_bps).toBe(i.lowerBound_bps);
    const [inPlane, cross] = i.classes;
    expect([cross!.linkClass, cross!.links, cross!.off]).toEqual(['crossPlane', 320, 320 - on.length]);
    expect(cross!.meanUtilization).toBeCloseTo(upper.crossPlaneUtilization, 12);
    expect(cross!.maxUtilization).toBeCloseTo((upper.crossPlaneUtilization * mean(on)) / Math.min(...on), 12);
    const inOn = c.inPlane_bps;
    expect([inPlane!.linkClass, inPlane!.links, inPlane!.off]).toEqual(['inPlane', 320, 0]);
    expect(inPlane!.meanUtilization).toBeCloseTo(upper.inPlaneUtilization, 12);
    expect(inPlane!.maxUtilization).toBeCloseTo((upper.inPlaneUtilization * mean(inOn)) / Math.min(...inOn), 12);
  });

  // At exactly ROUTING_BOUND_MAX_NODES = 300 satellites (15 × 20) the routing bound is still computed.
  it('a shell of exactly 300 satellites still gets its routing lower bound', () => {
    const i = torusSeries(params(15, 20, { lp, instants: [0] })).instants[0]!;
    expect(i.model).toBe('bounds');
    expect(i.lowerBound_bps).toBeGreaterThan(0);
  });

  // In-plane links unusable, cross-plane links on (F = 1, gcd(1, 20) = 1: the cross-plane links alone wind through
  // every node) and differing by range: a bounded instant whose in-plane class has no link on: utilisation 0.
  it('above the routing limit, a class with no link on has utilisation 0', () => {
    const p = params(16, 20, { lp, rate: rate(1e12), latitudeCutoff_rad: null, inPlaneUsable: false, instants: [0] });
    const i = torusSeries(p).instants[0]!;
    expect(i.model).toBe('bounds');
    expect(i.upperBound_bps).toBeGreaterThan(0);
    expect(i.classes[0]).toEqual({ linkClass: 'inPlane', links: 320, off: 320, meanUtilization: 0, maxUtilization: 0 });
  });

  // The same shell without any in-plane link but every cross-plane link alike (1 Gb/s rating): exact, not bounded,
  // although the in-plane class's "spread" max − min = 0 is not below 1e-9 × its max of 0.
  it('a class with every link off counts as uniform', () => {
    const p = params(8, 10, {
      lp,
      rate: rate(1e13, 1e9),
      latitudeCutoff_rad: null,
      grazingHeight_m: 0,
      inPlaneUsable: false,
      instants: [0],
    });
    const i = torusSeries(p).instants[0]!;
    expect(i.model).toBe('exact');
    expect(i.throughputPerNode_bps).toBeGreaterThan(0);
    expect(i.lowerBound_bps).toBe(i.upperBound_bps);
  });

  // An equatorial shell at 8,000 km: every in-plane link and every cross-plane link has the same length, so the same
  // rate to rounding (the positions come from rotations): each class uniform, the instant exact.
  it('links equal to rounding count as alike', () => {
    const shell = { planes: 8, satsPerPlane: 10, phasing: 1, radius_m: 8e6, inclination_rad: 0 };
    const p = params(8, 10, { lp, tracks: circularTracks(shell, [0.1]), rate: rate(1e12), instants: [0] });
    const i = torusSeries(p).instants[0]!;
    expect(i.model).toBe('exact');
    expect(i.classes.map((k) => k.off)).toEqual([0, 0]);
  });

  // Sample 1 puts the satellites 1,000 km from the Earth's centre: every line of sight is blocked, the shell split.
  // The LP reported is the largest one solved (sample 0's), not the last.
  it('the LP reported is the largest of the instants', () => {
    const shell = { planes: 8, satsPerPlane: 10, phasing: 1, radius_m: 7e6, inclination_rad: 80 * deg };
    const good = circularTracks(shell, [0.1]);
    const buried = circularTracks({ ...shell, radius_m: 1e6 }, [0.1]);
    const tracks = good.map((t, q) => ({
      ...t,
      times_s: Float64Array.of(0, 60),
      r_m: Float64Array.from([...t.r_m, ...buried[q]!.r_m]),
      normal: Float64Array.from([...t.normal, ...buried[q]!.normal]),
      gmst_rad: new Float64Array(2),
    }));
    const r = torusSeries(params(8, 10, { lp, tracks }));
    expect(r.instants[1]!.throughputPerNode_bps).toBe(0);
    expect(r.lp.solver).toBe('closed form');
    expect(r.lp.rows).toBeGreaterThan(0);
  });
});

describe('planeCutBound_bps: the least cut of two gaps', () => {
  /** The header's bound as written: every k ≤ P/2 and every a, each pair's quotient, the least of them all. */
  function everyPair(P: number, S: number, cross_bps: Float64Array): number {
    const gap: number[] = [];
    for (let q = 0; q < P; q++) {
      let c = 0;
      for (let v = q * S; v < (q + 1) * S; v++) c += cross_bps[v]!;
      gap.push(c);
    }
    let best = Infinity;
    for (let k = 1; k <= P / 2; k++)
      for (let a = 0; a < P; a++) best = Math.min(best, (gap[a]! + gap[(a + k) % P]!) / (k * S * (P - k) * S));
    return best * (P * S - 1);
  }

  /** Park–Miller generator: capacities on, off (0) and in between, reproducible. */
  function capacities(n: number, seed: number, off: number): Float64Array {
    let x = seed;
    const next = (): number => (x = (x * 48271) % 2147483647) / 2147483647;
    return Float64Array.from({ length: n }, () => (next() < off ? 0 : 1e11 * (0.2 + 0.8 * next())));
  }

  it.each([
    [2, 3, 1, 0],
    [3, 5, 2, 0.3],
    [7, 4, 3, 0.5],
    [12, 6, 4, 0.1],
    [40, 9, 5, 0.6],
    [117, 20, 6, 0.05],
  ])('P = %i, S = %i (seed %i, %f off): the pass over every pair of gaps, to the bit', (P, S, seed, off) => {
    const cross = capacities(P * S, seed, off);
    expect(planeCutBound_bps(P, S, cross)).toBe(everyPair(P, S, cross));
  });

  it('every gap alike: every k ties at its pair count, the largest (k = P/2) binds', () => {
    const P = 10,
      S = 4;
    // 2·(4·1e9) / (5·4·5·4) per pair, times N − 1 = 39
    expect(planeCutBound_bps(P, S, new Float64Array(P * S).fill(1e9))).toBe(((2 * 4e9) / 400) * 39);
  });

  it('one plane has no cut through planes', () => {
    expect(planeCutBound_bps(1, 8, new Float64Array(8).fill(1))).toBe(Infinity);
  });
});

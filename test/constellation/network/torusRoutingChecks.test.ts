import { beforeAll, describe, expect, it } from 'vitest';
import type { LpSolver } from '../../../src/optimize/lp.js';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { torusThroughput } from '../../../src/constellation/network/torus.js';
import { torusRoutingBound } from '../../../src/constellation/network/torusRouting.js';

let lpSolver: LpSolver;
beforeAll(async () => {
  lpSolver = await createLpSolver();
});

const G = 1e9;

/** The routing bound of a P × S shell with the reduced LP's split of uniform capacities capIn, capCross. */
function bound(P: number, S: number, F: number, cross: Float64Array, inPlane: Float64Array, capIn = G, capCross = G) {
  const lp = torusThroughput({
    planes: P,
    satsPerPlane: S,
    phasing: F,
    inPlaneCapacity_bps: capIn,
    crossPlaneCapacity_bps: capCross,
    inPlaneLength_m: 1e6,
    crossPlaneLength_m: 1e6,
    lpSolver,
  });
  return torusRoutingBound({
    planes: P,
    satsPerPlane: S,
    phasing: F,
    cross_bps: cross,
    inPlane_bps: inPlane,
    steps: lp.steps,
    stepUse: lp.stepUse,
  });
}

describe('torus routing bound: shells it cannot route', () => {
  it('fewer than 3 planes or slots: rate 0, the links off counted, no load', () => {
    const cross = Float64Array.of(G, 0, G, G, 0, G, G, G, G, G);
    const b = bound(2, 5, 1, cross, new Float64Array(10).fill(G));
    expect(b).toEqual({
      throughputPerNode_bps: 0,
      lambda_bps: 0,
      unroutable: 'fewer than 3 planes or slots',
      handedOver: 0,
      crossPlane: { links: 10, off: 2, meanUtilization: 0, maxUtilization: 0 },
      inPlane: { links: 10, off: 0, meanUtilization: 0, maxUtilization: 0 },
    });
    expect(bound(5, 2, 1, new Float64Array(10).fill(G), new Float64Array(10).fill(G)).unroutable).toBe(
      'fewer than 3 planes or slots',
    );
  });

  it('an in-plane link off', () => {
    const inPlane = new Float64Array(9).fill(G);
    inPlane[4] = 0;
    const b = bound(3, 3, 0, new Float64Array(9).fill(G), inPlane);
    expect(b.unroutable).toBe('in-plane links off');
    expect(b.inPlane.off).toBe(1);
    expect(b.throughputPerNode_bps).toBe(0);
  });

  // 5 planes: destinations lie up to 2 planes away either way, so a source's cross-first blocks use the links of its
  // own plane and the next (or the two before). With every link of plane 1 off, no node of planes 0, 1 or 2 is clean.
  it('a plane without a clean node names the first such plane', () => {
    const cross = new Float64Array(30).fill(G);
    cross.fill(0, 6, 12);
    const b = bound(5, 6, 1, cross, new Float64Array(30).fill(G));
    expect(b.unroutable).toBe('plane 0 has no node whose cross-plane links are all on');
    expect(b.crossPlane.off).toBe(6);
  });

  // 7 × 3 untwisted: destinations up to 3 planes away either way, so with every cross-plane link of plane 3 off the
  // sources of planes 1–6 each have an off link in their cross blocks (3 − j for j = 0, 1, 2; 3 + j for j = 1, 2, 3)
  // and plane 0 alone is clean: the first plane without a clean node is plane 1.
  it('a later plane without a clean node is named, plane 0 being clean', () => {
    const cross = new Float64Array(21).fill(G);
    cross.fill(0, 9, 12);
    const b = bound(7, 3, 0, cross, new Float64Array(21).fill(G));
    expect(b.unroutable).toBe('plane 1 has no node whose cross-plane links are all on');
  });

  // A class with every link off has no link to average over: utilisation 0, not 0/0.
  it('every link of a class off: its utilisations are 0', () => {
    const b = bound(4, 4, 0, new Float64Array(16), new Float64Array(16).fill(G));
    expect(b.unroutable).toBe('plane 0 has no node whose cross-plane links are all on');
    expect(b.crossPlane).toEqual({ links: 16, off: 16, meanUtilization: 0, maxUtilization: 0 });
    const c = bound(4, 4, 0, new Float64Array(16).fill(G), new Float64Array(16));
    expect(c.unroutable).toBe('in-plane links off');
    expect(c.inPlane).toEqual({ links: 16, off: 16, meanUtilization: 0, maxUtilization: 0 });
  });
});

describe('torus routing bound: the smallest shell it routes', () => {
  // Untwisted 3 × 3: per dimension C3 distances {0, 1, 1}: a source needs X = S·(0 + 1 + 1) = 6 cross-plane and Y = 6
  // in-plane hops, λ* = min(2·capCross/X, 2·capIn/Y) = G/3 with capacities G; every arc carries X·λ/2 = G.
  it('uniform 3 × 3: the routing reaches λ* = G/3, every link saturated', () => {
    const b = bound(3, 3, 0, new Float64Array(9).fill(G), new Float64Array(9).fill(G));
    expect(b.unroutable).toBeNull();
    expect(b.lambda_bps / (G / 3)).toBeCloseTo(1, 9);
    expect(b.throughputPerNode_bps / ((8 * G) / 3)).toBeCloseTo(1, 9);
    expect(b.handedOver).toBe(0);
    for (const c of [b.crossPlane, b.inPlane]) {
      expect(c.links).toBe(9);
      expect(c.off).toBe(0);
      expect(c.meanUtilization).toBeCloseTo(1, 9);
      expect(c.maxUtilization).toBeCloseTo(1, 9);
    }
  });

  // Capacities differ by link: λ is set by the tightest arc, the load per arc being that of the uniform case
  // (capacity G/3 per unit λ): doubling every capacity of one class but one link leaves λ at G/3.
  it('λ is the tightest arc: one weak cross-plane link among strong ones', () => {
    const cross = new Float64Array(9).fill(2 * G);
    cross[4] = G;
    const b = bound(3, 3, 0, cross, new Float64Array(9).fill(2 * G), 2 * G, 2 * G);
    expect(b.lambda_bps / (G / 3)).toBeCloseTo(1, 9);
    expect(b.crossPlane.maxUtilization).toBeCloseTo(1, 9);
    // The other 8 cross-plane links at 1/2, so the mean over the 9 is (1 + 8·0.5)/9.
    expect(b.crossPlane.meanUtilization).toBeCloseTo(5 / 9, 9);
    expect(b.inPlane.maxUtilization).toBeCloseTo(0.5, 9);
  });

  // 600 nodes with four rows of cross-plane links off (two polar caps): the off links' loads are the uniform sum
  // minus the kernels of the sources that do not use them, zero only to rounding (a few 1e-12 here), which the
  // check for load on an off link must tolerate. The routing is feasible, so its λ lies between 0 and the optimum
  // with every link on.
  it('a 20 × 30 shell with polar rows off routes despite rounding on its off links', () => {
    const [P, S, F] = [20, 30, 7];
    const cross = new Float64Array(P * S).fill(G);
    for (let p = 0; p < P; p++) for (const s of [0, 1, 15, 16]) cross[p * S + s] = 0;
    const b = bound(P, S, F, cross, new Float64Array(P * S).fill(G));
    expect(b.unroutable).toBeNull();
    expect(b.crossPlane.off).toBe(80);
    const allOn = bound(P, S, F, new Float64Array(P * S).fill(G), new Float64Array(P * S).fill(G));
    expect(b.lambda_bps).toBeGreaterThan(0);
    expect(b.lambda_bps).toBeLessThanOrEqual(allOn.lambda_bps * (1 + 1e-9));
  });
});

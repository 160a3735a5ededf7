/**
 * The routing bound of torusRouting.ts against an oracle that follows its routing path by path on small shells
 * with cross-plane links off, written here from the header's description and nothing of the module's code:
 * - path types by brute force (every lattice lift of an offset, the Pareto-minimal (|X|, |Y|) pairs, their
 *   lower-left convex hull), the demand split along the hull as the step fractions say, ties between signed lifts
 *   split evenly;
 * - a clean source walks each lift cross-plane first, then in-plane; a source whose cross-first hops would use an
 *   off link goes in-plane to the destination's row when that node is clean, else on to the first clean node
 *   beyond (offset 0: the nearer side, forward on a tie), crosses there and turns back in the destination's plane;
 * - every hop adds its weight to the link and direction it uses. Cross-plane loads are those sums; in-plane loads
 *   are the header's upper bound: every source's cross-first in-plane hops plus the in-plane-first sources' real
 *   in-plane hops.
 * Each link's capacity is then set to the oracle's load (larger direction): the routing's λ must come out exactly
 * 1, every loaded link at utilisation 1 and the mean the share of loaded links. A load the module gets wrong on
 * any link moves λ below 1 (load too high) or a utilisation below 1 (too low).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { torusRoutingBound } from '../../../../src/constellation/network/torus/torusRouting.js';
import { bruteLiftHull } from '../latticeHull.js';
import { type LpSolver } from '../../../../src/optimize/lp.js';
import { createLpSolver } from '../../../../solvers/lp/index.js';
import { torusThroughput } from '../../../../src/constellation/network/torus/torus.js';

interface Shell {
  P: number;
  S: number;
  F: number;
}
interface Step {
  dCross: number;
  dIn: number;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** One hop cross-plane (+1: to the next plane, across the seam to slot s + F) or in-plane; node = p·S + s. */
function hopCross(sh: Shell, v: number, dir: 1 | -1): number {
  const p = Math.floor(v / sh.S),
    s = v % sh.S;
  if (dir === 1) return p + 1 < sh.P ? v + sh.S : mod(s + sh.F, sh.S);
  return p > 0 ? v - sh.S : (sh.P - 1) * sh.S + mod(s - sh.F, sh.S);
}
function hopIn(sh: Shell, v: number, dir: 1 | -1): number {
  const p = Math.floor(v / sh.S);
  return p * sh.S + mod((v % sh.S) + dir, sh.S);
}

/** Hull path types (x ascending) of offset (p, s) by brute force over the lattice lifts (latticeHull.ts). */
const hullTypes = (sh: Shell, p: number, s: number): [number, number][] => bruteLiftHull(sh.P, sh.S, sh.F, p, s);

/** Signed lifts (X, Y) of offset (p, s) with weights: the hull split by the step fractions, ties split evenly. */
function offsetLifts(sh: Shell, p: number, s: number, theta: Map<string, number>): [number, number, number][] {
  const hull = hullTypes(sh, p, s);
  const out: [number, number, number][] = [];
  let moved = 1;
  hull.forEach(([x, y], i) => {
    let next = 0;
    if (i + 1 < hull.length) {
      const dx = hull[i + 1]![0] - x,
        dy = y - hull[i + 1]![1];
      const g = gcd(dx, dy);
      next = Math.min(moved, theta.get(`${dx / g},${dy / g}`) ?? 0);
    }
    const w = moved - next;
    moved = next;
    if (w <= 0) return;
    const signed: [number, number][] = [];
    for (const X of new Set([x, -x]))
      for (const Y of new Set([y, -y])) {
        if (mod(X - p, sh.P) !== 0) continue;
        const wraps = (X - p) / sh.P;
        if (mod(Y - (s - wraps * sh.F), sh.S) === 0) signed.push([X, Y]);
      }
    for (const [X, Y] of signed) out.push([X, Y, w / signed.length]);
  });
  return out;
}

interface Loads {
  crossP: Float64Array;
  crossM: Float64Array;
  inP: Float64Array;
  inM: Float64Array;
}

/** Walks |n| hops from v (cross-plane or in-plane), adding w to each link's load in the direction of travel. */
function walk(sh: Shell, L: Loads, v: number, n: number, cross: boolean, w: number): number {
  const dir = n > 0 ? 1 : -1;
  for (let k = 0; k < Math.abs(n); k++) {
    const u = cross ? hopCross(sh, v, dir) : hopIn(sh, v, dir);
    const link = dir === 1 ? v : u;
    if (cross) (dir === 1 ? L.crossP : L.crossM)[link]! += w;
    else (dir === 1 ? L.inP : L.inM)[link]! += w;
    v = u;
  }
  return v;
}

/** The oracle's loads (cross-plane exact, in-plane the header's bound), clean sources and hand-over count. */
function oracle(sh: Shell, crossOn: (e: number) => boolean, steps: Step[], use: number[]) {
  const N = sh.P * sh.S;
  const theta = new Map<string, number>();
  steps.forEach((e, i) => theta.set(`${e.dCross},${e.dIn}`, use[i] ?? 0));
  const lifts: [number, number, number][] = [];
  for (let d = 1; d < N; d++) lifts.push(...offsetLifts(sh, Math.floor(d / sh.S), d % sh.S, theta));
  const zero = (): Float64Array => new Float64Array(N);
  // A source is clean when every cross-plane hop of its cross-first paths uses a link that is on.
  const clean = Array.from({ length: N }, (_, v) =>
    lifts.every(([X]) => {
      let u = v;
      for (let k = 0; k < Math.abs(X); k++) {
        const next = hopCross(sh, u, X > 0 ? 1 : -1);
        if (!crossOn(X > 0 ? u : next)) return false;
        u = next;
      }
      return true;
    }),
  );
  const L: Loads = { crossP: zero(), crossM: zero(), inP: zero(), inM: zero() };
  const isClean = (q: number, s: number): boolean => clean[q * sh.S + mod(s, sh.S)]!;
  for (let v = 0; v < N; v++) {
    const q = Math.floor(v / sh.S),
      s = v % sh.S;
    for (const [X, Y, w] of lifts) {
      if (clean[v]) {
        walk(sh, L, walk(sh, L, v, X, true, w), Y, false, w);
        continue;
      }
      // The header's in-plane bound counts the cross-first in-plane hops of this source too.
      walk(sh, L, shiftBy(sh, v, X), Y, false, w);
      let c = Y;
      if (!isClean(q, s + Y)) {
        let f = Math.max(Y, 0) + 1,
          b = Math.min(Y, 0) - 1;
        while (!isClean(q, s + f)) f++;
        while (!isClean(q, s + b)) b--;
        c = Y > 0 ? f : Y < 0 ? b : f <= -b ? f : b;
      }
      walk(sh, L, walk(sh, L, walk(sh, L, v, c, false, w), X, true, w), Y - c, false, w);
    }
  }
  return { L, clean, handedOver: clean.filter((c) => !c).length, lifts };
}

function shiftBy(sh: Shell, v: number, X: number): number {
  for (let k = 0; k < Math.abs(X); k++) v = hopCross(sh, v, X > 0 ? 1 : -1);
  return v;
}

/** Capacities equal to the oracle's loads (1 where a link that is on carries nothing); the expected class figures. */
function capacitiesOf(lp: Float64Array, lm: Float64Array, on: (e: number) => boolean) {
  const cap = new Float64Array(lp.length);
  let loaded = 0,
    onCount = 0;
  for (let e = 0; e < lp.length; e++) {
    if (!on(e)) continue;
    onCount++;
    const load = Math.max(lp[e]!, lm[e]!);
    cap[e] = load > 0 ? load : 1;
    if (load > 0) loaded++;
  }
  return { cap, mean: loaded / onCount, off: lp.length - onCount };
}

function check(sh: Shell, crossOff: number[], steps: Step[] = [], use: number[] = []) {
  const on = (e: number): boolean => !crossOff.includes(e);
  const o = oracle(sh, on, steps, use);
  const cross = capacitiesOf(o.L.crossP, o.L.crossM, on);
  const inPlane = capacitiesOf(o.L.inP, o.L.inM, () => true);
  const b = torusRoutingBound({
    planes: sh.P,
    satsPerPlane: sh.S,
    phasing: sh.F,
    cross_bps: cross.cap,
    inPlane_bps: inPlane.cap,
    steps: steps.map((s) => ({ ...s, count: 1 })),
    stepUse: Float64Array.from(use),
  });
  expect(b.unroutable).toBeNull();
  expect(b.handedOver).toBe(o.handedOver);
  expect(b.lambda_bps).toBeCloseTo(1, 9);
  expect(b.throughputPerNode_bps).toBeCloseTo(sh.P * sh.S - 1, 7);
  expect(b.crossPlane.links).toBe(sh.P * sh.S);
  expect(b.crossPlane.off).toBe(cross.off);
  expect(b.crossPlane.maxUtilization).toBeCloseTo(1, 9);
  expect(b.crossPlane.meanUtilization).toBeCloseTo(cross.mean, 9);
  expect(b.inPlane.off).toBe(0);
  expect(b.inPlane.maxUtilization).toBeCloseTo(1, 9);
  expect(b.inPlane.meanUtilization).toBeCloseTo(inPlane.mean, 9);
  return o;
}

/** The cross-plane links of slot s in every plane (edge p·S + s). */
const row = (sh: Shell, s: number): number[] => Array.from({ length: sh.P }, (_, p) => p * sh.S + s);

describe('torus routing bound against a path-by-path oracle', () => {
  // 5 × 5 untwisted: one type per offset, |X|, |Y| ≤ 2, a source's cross blocks reach two planes either way.
  it('5 × 5, no link off: every source cross-first, 5·(0+1+1+2+2) = 30 hops a source each class', () => {
    const sh = { P: 5, S: 5, F: 0 };
    const o = check(sh, []);
    expect(o.handedOver).toBe(0);
    // By symmetry each arc carries N·30 / (2N) = 15 each way.
    for (const a of [o.L.crossP, o.L.crossM, o.L.inP, o.L.inM]) for (const x of a) expect(x).toBeCloseTo(15, 12);
  });

  // Rows 0 and 1 off: slots 0 and 1 are not clean in any plane. From slot 0: offset +1 crosses at slot 2 and turns
  // back, offset 0 crosses at slot 4 (one back, two forward); from slot 1: offset −1 crosses at slot 4 and turns
  // back, offset 0 crosses at slot 2 (nearer forward side).
  it('5 × 5 with the cross-plane links of two adjacent rows off', () => {
    const sh = { P: 5, S: 5, F: 0 };
    const o = check(sh, [...row(sh, 0), ...row(sh, 1)]);
    expect(o.handedOver).toBe(10);
  });

  it('5 × 5 with one row off: the nearer side on a tie is forward', () => {
    const sh = { P: 5, S: 5, F: 0 };
    expect(check(sh, row(sh, 2)).handedOver).toBe(5);
  });

  // 4 × 4 untwisted: the offsets 2 planes or 2 slots away have two lifts each (±2), half the demand each way.
  it('4 × 4 with ties between lifts and scattered links off', () => {
    const sh = { P: 4, S: 4, F: 0 };
    check(sh, [0, 5, 14]);
  });

  // 4 × 5 with phasing 1: offsets with 2- and 3-vertex hulls (steps (2, 1) and (4, 1)); half the demand moved
  // along (2, 1), none along (4, 1), so the (7, 0) and (9, 0) types carry nothing and the cross blocks reach 3.
  it('4 × 5, F = 1: the demand split along the hull, a seam link off', () => {
    const sh = { P: 4, S: 5, F: 1 };
    const steps = [
      { dCross: 2, dIn: 1 },
      { dCross: 4, dIn: 1 },
    ];
    const o = check(sh, [16, 3], steps, [0.5, 0]);
    expect(Math.max(...o.lifts.map(([X]) => Math.abs(X)))).toBe(3);
    expect(o.handedOver).toBeGreaterThan(0);
    expect(o.handedOver).toBeLessThan(20);
  });

  // More moved along (4, 1) than along (2, 1): the 3-vertex hulls give their middle vertex nothing.
  it('4 × 5, F = 1: a larger second fraction than the first, every link on', () => {
    const sh = { P: 4, S: 5, F: 1 };
    check(
      sh,
      [],
      [
        { dCross: 2, dIn: 1 },
        { dCross: 4, dIn: 1 },
      ],
      [0.25, 0.5],
    );
  });

  // 3 × 7 with phasing 1, a step fraction missing from the list (its use counts as 0).
  it('3 × 7, F = 1, links off in one plane', () => {
    const sh = { P: 3, S: 7, F: 1 };
    check(
      sh,
      [7, 8],
      [
        { dCross: 1, dIn: 1 },
        { dCross: 3, dIn: 1 },
      ],
      [0.3],
    );
  });
});

describe('checks', () => {
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
});

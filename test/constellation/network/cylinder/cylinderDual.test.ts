/**
 * The open cylinder's LP-duality upper bound (cylinderDual.ts): its distance sums against a breadth-first search on
 * the explicit graph, hand figures, and — the independent check that it is a bound — never below odc's full arc-flow
 * LP on random small bands (real geometry with random sizes, cutoffs, phasings and instants, and random outages).
 * Its tightness on the bands of the network tests is checked in shellNetworkCylinder.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  cylinderDualBound,
  cylinderDualRate,
  linkCodes,
  segmentCodes,
  turnedOver,
} from '../../../../src/constellation/network/cylinder/cylinderDual.js';
import { torusInstantCapacities } from '../../../../src/constellation/network/torus/torusInstant.js';
import { createRng, type Rng } from '../../../../src/base/rng.js';

import { bandFullLp, bandTracks, randomBandOrbit, rangeRate } from '../bandShell.js';
import { deg } from '../../../helpers/units.js';

const lp = await createLpSolver();

/** Random capacities of a P × S band: in-plane links on, cross-plane links off with probability pOff. */
function randomBand(rng: Rng, P: number, S: number, pOff: number) {
  const inPlane = Float64Array.from({ length: P * S }, () => 0.5 + rng.next());
  const cross = Float64Array.from({ length: P * S }, (_, v) =>
    v < (P - 1) * S && rng.next() >= pOff ? 0.2 + 3 * rng.next() : 0,
  );
  return { inPlane, cross };
}

/**
 * Σ_a c_a·l_a / Σ dist_l · (N − 1) written from its definition: l = K[s] on in-plane link (q, s)–(q, s+1), 0 on the
 * cross-plane links, each where it is on; distances by a 0-1 breadth-first search (deque) from every node of the
 * explicit graph.
 */
function bruteRate(P: number, S: number, inPlane: Float64Array, cross: Float64Array, K: Uint8Array): number {
  const N = P * S;
  const nbrs: [number, number][][] = Array.from({ length: N }, () => []);
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      const v = q * S + s,
        w = q * S + ((s + 1) % S);
      if (inPlane[v]! > 0) {
        nbrs[v]!.push([w, K[s]!]);
        nbrs[w]!.push([v, K[s]!]);
      }
      if (q < P - 1 && cross[v]! > 0) {
        nbrs[v]!.push([v + S, 0]);
        nbrs[v + S]!.push([v, 0]);
      }
    }
  let sum = 0;
  for (let src = 0; src < N; src++) {
    const dist = new Array<number>(N).fill(Infinity);
    dist[src] = 0;
    const deque = [src];
    while (deque.length > 0) {
      const u = deque.shift()!;
      for (const [v, l] of nbrs[u]!)
        if (dist[u]! + l < dist[v]!) {
          dist[v] = dist[u]! + l;
          if (l === 0) deque.unshift(v);
          else deque.push(v);
        }
    }
    sum += dist.reduce((a, b) => a + b, 0);
  }
  let num = 0;
  for (let q = 0; q < P; q++) for (let s = 0; s < S; s++) num += 2 * K[s]! * inPlane[q * S + s]!;
  return (num / sum) * (N - 1);
}

describe('cylinderDualRate', () => {
  it('equals the bound written from its definition (0-1 BFS on the explicit graph) on random bands and sets', () => {
    const rng = createRng(11);
    for (let t = 0; t < 40; t++) {
      const P = 1 + rng.int(6),
        S = 3 + rng.int(9);
      const { inPlane, cross } = randomBand(rng, P, S, rng.next() * 0.6);
      const K = Uint8Array.from({ length: S }, () => (rng.next() < 0.4 ? 1 : 0));
      if (K.every((x) => x === 0)) K[rng.int(S)] = 1;
      const expected = bruteRate(P, S, inPlane, cross, K);
      const got = cylinderDualRate(P, S, inPlane, cross, K);
      // 0: disconnected; Infinity: every pair at distance 0 (no bound)
      if (expected === 0 || expected === Infinity) expect(got).toBe(expected);
      else expect(got / expected).toBeCloseTo(1, 12);
    }
  });

  it('a structure met again — turned by columns, new rates, one link changed at a time: the bound by definition', () => {
    // the distance sums are kept by link structure (up to a turn of the columns): any input that defines one must
    // change the answer, the rates alone must not reuse a stale numerator
    const rng = createRng(29);
    for (let t = 0; t < 12; t++) {
      const P = t < 4 ? 7 + rng.int(11) : 2 + rng.int(5), // 7–17 planes: one to three codes a column in the key
        S = 3 + rng.int(8);
      const { inPlane, cross } = randomBand(rng, P, S, 0.4);
      const K = Uint8Array.from({ length: S }, (_, s) => (s % 3 === 0 ? 1 : 0));
      const check = (ip: Float64Array, cr: Float64Array, k: Uint8Array): void => {
        const expected = bruteRate(P, S, ip, cr, k);
        const got = cylinderDualRate(P, S, ip, cr, k);
        if (expected === 0 || expected === Infinity) expect(got).toBe(expected);
        else expect(got / expected).toBeCloseTo(1, 12);
      };
      check(inPlane, cross, K);
      const r = 1 + rng.int(S - 1); // the same structure turned by r columns
      const turn = (a: ArrayLike<number>, rows: number) =>
        Float64Array.from({ length: rows * S }, (_, i) => a[Math.floor(i / S) * S + (((i % S) + r) % S)]!);
      check(turn(inPlane, P), turn(cross, P), Uint8Array.from(turn(K, 1)));
      check(
        inPlane.map((c) => c * (0.5 + rng.next())),
        cross,
        K,
      ); // same structure, new rates
      const off = (a: Float64Array, i: number) => a.map((c, j) => (j === i ? (c > 0 ? 0 : 1.5) : c));
      check(off(inPlane, rng.int(P) * S + 3 * rng.int(Math.ceil(S / 3))), cross, K); // one in-plane link of K
      check(inPlane, off(cross, rng.int((P - 1) * S)), K); // one cross-plane link
      const k2 = K.slice();
      k2[1] = 1; // one more column of length 1
      check(inPlane, cross, k2);
    }
  });
  it('small bands met again and turned over (ring and planes reversed): the bound by definition every time', () => {
    // A band turned over has the same sum, taken from the memo under the turned structure's key; a turn that closed a
    // segment by the wrong K link, or lost a plane's or a gap's bit, would hand a band the stale sum of another of
    // these few structures (1–3 planes, 3–6 slots, in-plane links off at K's columns).
    const rng = createRng(53);
    for (let t = 0; t < 400; t++) {
      const P = 1 + rng.int(3),
        S = 3 + rng.int(4);
      const { inPlane, cross } = randomBand(rng, P, S, 0.5);
      const K = Uint8Array.from({ length: S }, () => (rng.next() < 0.5 ? 1 : 0));
      K[rng.int(S)] = 1;
      // in-plane links off only where l = 1 (off inside a segment the bound is that of the link on: header)
      for (let i = 0; i < P * S; i++) if (K[i % S] === 1 && rng.next() < 0.4) inPlane[i] = 0;
      const check = (ip: Float64Array, cr: Float64Array, k: Uint8Array): void => {
        const expected = bruteRate(P, S, ip, cr, k);
        const got = cylinderDualRate(P, S, ip, cr, k);
        // 0 / 0: every K link off and every pair at distance 0, no bound (Infinity)
        if (Number.isNaN(expected)) expect(got).toBe(Infinity);
        else if (expected === 0 || expected === Infinity) expect(got).toBe(expected);
        else expect(got / expected).toBeCloseTo(1, 12);
      };
      // Turned over: slot s to S − 1 − s (cross-plane links at it), so the link from s to s + 1 (in-plane, K) to link
      // S − 2 − s; plane q to P − 1 − q, gap g to P − 2 − g (the last row of cross-plane links is unused).
      const turned = (a: ArrayLike<number>, rows: number, shift: number) =>
        Float64Array.from({ length: P * S }, (_, i) => {
          const q = Math.floor(i / S);
          return q < rows ? a[(rows - 1 - q) * S + ((2 * S - shift - (i % S)) % S)]! : 0;
        });
      check(inPlane, cross, K);
      check(turned(inPlane, P, 2), turned(cross, P - 1, 1), Uint8Array.from(turned(K, 1, 2).subarray(0, S)));
    }
  });
  it('turnedOver: the codes of the band reversed in slots and planes, up to a turn of its segments (1–20 planes)', () => {
    // the oracle reverses the band's arrays and codes them again: one to three codes a column, every code boundary
    const rng = createRng(59);
    for (let t = 0; t < 200; t++) {
      const P = 1 + rng.int(20),
        S = 3 + rng.int(8);
      const { inPlane, cross } = randomBand(rng, P, S, 0.5);
      for (let i = 0; i < P * S; i++) if (rng.next() < 0.3) inPlane[i] = 0;
      const K = Uint8Array.from({ length: S }, () => (rng.next() < 0.5 ? 1 : 0));
      K[rng.int(S)] = 1;
      const W = 1 + Math.ceil(P / 7);
      // slot s to S − 1 − s, so the link from s to s + 1 (in-plane, K) to link S − 2 − s; plane q to P − 1 − q, gap g
      // to P − 2 − g
      const turned = (a: ArrayLike<number>, rows: number, shift: number) =>
        Float64Array.from({ length: P * S }, (_, i) => {
          const q = Math.floor(i / S);
          return q < rows ? a[(rows - 1 - q) * S + ((2 * S - shift - (i % S)) % S)]! : 0;
        });
      const got = turnedOver(P, segmentCodes(S, linkCodes(P, S, inPlane, cross), K), W);
      const k2 = Uint8Array.from(turned(K, 1, 2).subarray(0, S));
      const want = segmentCodes(S, linkCodes(P, S, turned(inPlane, P, 2), turned(cross, P - 1, 1)), k2);
      const n = want.length / W;
      expect(got.length).toBe(want.length);
      const rotations = Array.from({ length: n }, (_, r) => [...want.subarray(r * W), ...want.subarray(0, r * W)]);
      expect(rotations).toContainEqual([...got]);
    }
  });
  it("sums the K links' rates as the in-order loop does, to the bit: runs of 0.1 b/s (inexact), of 1e11 (exact)", () => {
    // bruteRate adds 2·l·c link by link in the same order and its distance sum is an exact integer: the same double
    const rng = createRng(61);
    for (const rate of [0.1, 1e11, 1 / 3]) {
      for (let t = 0; t < 20; t++) {
        const P = 1 + rng.int(4),
          S = 3 + rng.int(20);
        const { cross } = randomBand(rng, P, S, 0.3);
        const inPlane = new Float64Array(P * S).fill(rate);
        if (t % 2 === 1) inPlane[rng.int(P * S)] = 2 * rate; // a run broken
        const K = Uint8Array.from({ length: S }, () => (rng.next() < 0.7 ? 1 : 0));
        K[rng.int(S)] = 1;
        expect(cylinderDualRate(P, S, inPlane, cross, K)).toBe(bruteRate(P, S, inPlane, cross, K));
      }
    }
  });
  it('16 planes (three key codes a column), each link toggled in turn: the bound by definition every time', () => {
    // a structure key that drops or overlaps a plane's bits would hand one of these its neighbour's stale sum (in-plane
    // links toggled at K's columns only: one off elsewhere is taken as on, header of cylinderDual.ts)
    const rng = createRng(41);
    const P = 16,
      S = 5;
    const { inPlane, cross } = randomBand(rng, P, S, 0.3);
    const K = Uint8Array.of(1, 0, 1, 0, 0);
    const toggled = (a: Float64Array, i: number) => a.map((c, j) => (j === i ? (c > 0 ? 0 : 1.5) : c));
    const check = (ip: Float64Array, cr: Float64Array): void => {
      const expected = bruteRate(P, S, ip, cr, K);
      const got = cylinderDualRate(P, S, ip, cr, K);
      if (expected === 0 || expected === Infinity) expect(got).toBe(expected);
      else expect(got / expected).toBeCloseTo(1, 12);
    };
    check(inPlane, cross);
    for (let i = 0; i < P * S; i++) {
      if (K[i % S] === 1) check(toggled(inPlane, i), cross);
      if (i < (P - 1) * S) check(inPlane, toggled(cross, i));
    }
  });
  it('polar columns of interchangeable planes, and one plane set apart by an outage: the bound by definition', () => {
    // 9 × 14 band, cross-plane links off in columns 0–4 (the planes' lone nodes there are swapped by symmetry and
    // searched once per column), then the same with one in-plane link off, which sets plane 3 apart
    const P = 9,
      S = 14;
    const inPlane = Float64Array.from({ length: P * S }, (_, i) => 1 + (i % 5) * 0.1);
    const cross = Float64Array.from({ length: P * S }, (_, i) => (i < (P - 1) * S && i % S >= 5 ? 2 : 0));
    const broken = inPlane.map((c, i) => (i === 3 * S + 2 ? 0 : c));
    for (const ip of [inPlane, broken])
      for (const K of [new Uint8Array(S).fill(1), Uint8Array.from({ length: S }, (_, s) => (s % 2 === 0 ? 1 : 0))])
        expect(cylinderDualRate(P, S, ip, cross, K) / bruteRate(P, S, ip, cross, K)).toBeCloseTo(1, 12);
  });
  it('structures that repeat 2–4 times round the ring (polar sweeps, patterns): the bound by definition', () => {
    // the sum is taken from the nodes of one repeat and the other chain ends' rows are permuted copies (distanceSum)
    const rng = createRng(41);
    for (let t = 0; t < 40; t++) {
      const m = 2 + rng.int(3),
        p = 2 + rng.int(4),
        P = 1 + rng.int(6),
        S = m * p;
      const on = (pOff: number, rows: number) => {
        const block = Array.from({ length: rows * p }, () => rng.next() >= pOff);
        return (q: number, s: number) => block[q * p + (s % p)]!;
      };
      const inOn = on(0.3, P),
        crossOn = on(0.5 * rng.next(), P - 1),
        kOn = on(0.6, 1);
      const K = Uint8Array.from({ length: S }, (_, s) => (kOn(0, s) ? 1 : 0));
      if (K.every((x) => x === 0)) for (let s = 0; s < S; s += p) K[s] = 1;
      // in-plane links off only where l = 1 (off inside a segment the bound is that of the link on: header)
      const inPlane = Float64Array.from({ length: P * S }, (_, v) =>
        K[v % S] === 0 || inOn(Math.floor(v / S), v % S) ? 0.5 + rng.next() : 0,
      );
      const cross = Float64Array.from({ length: P * S }, (_, v) =>
        v < (P - 1) * S && crossOn(Math.floor(v / S), v % S) ? 0.2 + 3 * rng.next() : 0,
      );
      const expected = bruteRate(P, S, inPlane, cross, K);
      const got = cylinderDualRate(P, S, inPlane, cross, K);
      if (expected === 0 || expected === Infinity) expect(got).toBe(expected);
      else expect(got / expected).toBeCloseTo(1, 12);
    }
  });
  it('3 × 4 band, column 0 off in both gaps, links 3 and 0 of length 1: 2c per node (hand calculation)', () => {
    // Segments {1, 2, 3} (every gap on: one node of 9) and {0} (three single nodes). Distances: 9-node ↔ single 1,
    // single ↔ single of another plane 2. Σ dist = 2·(9·3·1) + 6·2 = 66; Σ c·l = 2 links · 3 planes · 2 ways · c = 12c;
    // λ = 12c/66 = 2c/11, × 11 nodes = 2c. (Each single node sends 11λ over its two in-plane links: the same 2c/11.)
    const c = 3e9;
    const inPlane = new Float64Array(12).fill(c);
    const cross = Float64Array.from({ length: 12 }, (_, v) => (v < 8 && v % 4 !== 0 ? 5e9 : 0));
    expect(cylinderDualRate(3, 4, inPlane, cross, Uint8Array.of(1, 0, 0, 1))).toBeCloseTo(2 * c, -2);
  });
});

describe('cylinderDualBound', () => {
  it('4 × 9 band, every link alike, no outage: the in-plane volume bound of cylinder.ts (hand calculation)', () => {
    // Only the hops family applies (no column differs). λ = 2·L·Σ_q c / (S·P²·⌊S²/4⌋) = 2·9·4 / (9·16·20) = 0.025 per
    // b/s of link capacity, × 35 nodes = 0.875.
    const r = cylinderDualBound(4, 9, new Float64Array(36).fill(1), new Float64Array(36).fill(1));
    expect(r.family).toBe('hops');
    expect(r.rate_bps).toBeCloseTo(0.875, 12);
  });

  it('the families written from their definitions (1–20 planes, polar caps and scattered outages): the least', () => {
    // hops: every column; polar: where "every gap on" changes from a column to the next; pattern: where any gap's link
    // does; dark: where "some gap on" does; a set with no link, every link, or an earlier one's again is not tried
    // (header)
    const rng = createRng(67);
    for (let t = 0; t < 60; t++) {
      const P = 1 + rng.int(20),
        S = 3 + rng.int(10);
      const { inPlane, cross } = randomBand(rng, P, S, t % 3 === 0 ? 0.02 : 0.2);
      const cap = rng.int(S); // a polar cap: columns cap, cap + 1 with every gap off
      if (t % 2 === 0) for (let g = 0; g < P - 1; g++) cross[g * S + cap] = cross[g * S + ((cap + 1) % S)] = 0;
      const on = (g: number, s: number) => cross[g * S + (s % S)]! > 0;
      const allOn = (s: number) => Array.from({ length: P - 1 }, (_, g) => on(g, s)).every(Boolean);
      const someOn = (s: number) => Array.from({ length: P - 1 }, (_, g) => on(g, s)).some(Boolean);
      const sets: [string, Uint8Array][] = [
        ['hops', new Uint8Array(S).fill(1)],
        ['polar', Uint8Array.from({ length: S }, (_, s) => (allOn(s) !== allOn(s + 1) ? 1 : 0))],
        [
          'pattern',
          Uint8Array.from({ length: S }, (_, s) =>
            Array.from({ length: P - 1 }, (_, g) => on(g, s) !== on(g, s + 1)).some(Boolean) ? 1 : 0,
          ),
        ],
        ['dark', Uint8Array.from({ length: S }, (_, s) => (someOn(s) !== someOn(s + 1) ? 1 : 0))],
      ];
      const tried = sets.filter(
        ([, k], i) =>
          i === 0 ||
          (k.includes(0) && k.includes(1) && !sets.slice(1, i).some(([, earlier]) => earlier.join() === k.join())),
      );
      let want = { rate_bps: Infinity, family: null as string | null };
      for (const [name, k] of tried) {
        const rate_bps = cylinderDualRate(P, S, inPlane, cross, k);
        if (rate_bps < want.rate_bps) want = { rate_bps, family: name };
      }
      expect(cylinderDualBound(P, S, inPlane, cross)).toEqual(want);
    }
  });

  it('fewer than three slots: no bound (Infinity)', () => {
    expect(cylinderDualBound(3, 2, new Float64Array(6).fill(1), new Float64Array(6))).toEqual({
      rate_bps: Infinity,
      family: null,
    });
  });

  // The independent check: any length function gives an upper bound (LP duality), so the bound is never below the
  // full LP on the same graph, whatever the band.
  it('never below the full LP: random bands of real geometry (size, inclination, cutoff, phasing, instant)', () => {
    const rng = createRng(52);
    let closest = Infinity,
      farthest = 0,
      withOutages = 0;
    for (let t = 0; t < 14; t++) {
      const { P, S, F, inc } = randomBandOrbit(rng, 5, 5);
      const c = torusInstantCapacities({
        planes: P,
        satsPerPlane: S,
        phasing: F,
        tracks: bandTracks(P, S, (2 + 6 * rng.next()) * deg, inc, [2 * Math.PI * rng.next()], F),
        sampleIndex: 0,
        rate: rangeRate(10 ** (12.5 + rng.next())),
        grazingHeight_m: 80e3,
        slewLimit_rad_s: Infinity,
        latitudeCutoff_rad: (60 + 20 * rng.next()) * deg,
        inPlaneUsable: true,
        crossPlaneUsable: true,
        seam: false,
      });
      const full = bandFullLp(P, S, c.inPlane_bps, c.cross_bps, lp);
      const upper = cylinderDualBound(P, S, c.inPlane_bps, c.cross_bps).rate_bps;
      expect(full).toBeGreaterThan(0);
      expect(upper).toBeGreaterThanOrEqual(full * (1 - 1e-6));
      closest = Math.min(closest, upper / full);
      farthest = Math.max(farthest, upper / full);
      if (c.cross_bps.subarray(0, (P - 1) * S).some((x) => x === 0)) withOutages++;
    }
    console.log(
      `real-geometry bands (${withOutages} of 14 with outages): dual bound / full LP ${closest.toFixed(6)}–${farthest.toFixed(4)}`,
    );
  });

  it('never below the full LP: random outages and capacities', () => {
    const rng = createRng(7);
    let closest = Infinity,
      farthest = 0;
    for (let t = 0; t < 14; t++) {
      const P = 2 + rng.int(5),
        S = 3 + rng.int(9);
      const { inPlane, cross } = randomBand(rng, P, S, 0.5 * rng.next());
      const full = bandFullLp(P, S, inPlane, cross, lp);
      const upper = cylinderDualBound(P, S, inPlane, cross).rate_bps;
      expect(upper).toBeGreaterThanOrEqual(full * (1 - 1e-6));
      if (full > 0) [closest, farthest] = [Math.min(closest, upper / full), Math.max(farthest, upper / full)];
    }
    console.log(`random outages: dual bound / full LP ${closest.toFixed(6)}–${farthest.toFixed(4)}`);
  });
});

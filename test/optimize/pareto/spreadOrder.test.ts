/**
 * spreadOrder: the order in which iterated pruning keeps a front. Oracles: hand-computed crowding distances on a small
 * front, and naive re-implementations in this file that recompute every member's crowding from scratch after each
 * removal (the fast code updates only the neighbours of the removed member, through linked lists or reverse
 * neighbour sets, which is where its bugs would be).
 */
import { describe, expect, it } from 'vitest';
import { spreadOrder } from '../../../src/optimize/pareto/spreadOrder.js';
import { createRng } from '../../../src/base/rng.js';

/** Naive iterated crowding-distance pruning to k members (2 objectives), on the whole set's ranges. */
function naiveCrowdingKeep(points: number[][], k: number): Set<number> {
  const m = points[0]!.length;
  const range = Array.from({ length: m }, (_, j) => {
    const v = points.map((p) => p[j]!);
    return Math.max(...v) - Math.min(...v);
  });
  const alive = points.map((_, i) => i);
  while (alive.length > k) {
    const cd = new Map<number, number>(alive.map((i) => [i, 0]));
    for (let j = 0; j < m; j++) {
      const sorted = [...alive].sort((a, b) => points[a]![j]! - points[b]![j]! || a - b);
      cd.set(sorted[0]!, Infinity);
      cd.set(sorted[sorted.length - 1]!, Infinity);
      for (let s = 1; s < sorted.length - 1; s++) {
        const gap = (points[sorted[s + 1]!]![j]! - points[sorted[s - 1]!]![j]!) / range[j]!;
        cd.set(sorted[s]!, cd.get(sorted[s]!)! + gap);
      }
    }
    // the least crowding distance goes; among equals, the highest index
    let worst = alive[0]!;
    for (const i of alive) if (cd.get(i)! < cd.get(worst)! || (cd.get(i) === cd.get(worst) && i > worst)) worst = i;
    alive.splice(alive.indexOf(worst), 1);
  }
  return new Set(alive);
}

/** Naive iterated pruning by the product of the distances to the m nearest members (3+ objectives). */
function naiveNeighbourKeep(points: number[][], k: number): Set<number> {
  const m = points[0]!.length;
  const lo = Array.from({ length: m }, (_, j) => Math.min(...points.map((p) => p[j]!)));
  const hi = Array.from({ length: m }, (_, j) => Math.max(...points.map((p) => p[j]!)));
  const s = points.map((p) => p.map((v, j) => (v - lo[j]!) / (hi[j]! - lo[j]!)));
  const alive = points.map((_, i) => i);
  while (alive.length > k) {
    const product = (i: number): number =>
      alive
        .filter((j) => j !== i)
        .map((j) => Math.hypot(...s[i]!.map((v, t) => v - s[j]![t]!)))
        .sort((a, b) => a - b)
        .slice(0, m)
        .reduce((p, d) => p * d, 1);
    let worst = alive[0]!;
    let worstValue = product(worst);
    for (const i of alive) {
      const v = product(i);
      if (v < worstValue || (v === worstValue && i > worst)) [worst, worstValue] = [i, v];
    }
    alive.splice(alive.indexOf(worst), 1);
  }
  return new Set(alive);
}

const flat = (points: number[][]): Float64Array => Float64Array.from(points.flat());
const head = (order: Int32Array, k: number): Set<number> => new Set(Array.from(order.subarray(0, k)));

describe('spreadOrder', () => {
  it('keeps what crowding-distance pruning keeps on a hand-computed five-point front', () => {
    // f1 = 0, 1, 2, 4, 8 and f2 = 8 − f1 (range 8 in both): crowding distances 2·(2−0)/8 = 0.5 (f1 = 1),
    // 2·(4−1)/8 = 0.75 (f1 = 2), 2·(8−2)/8 = 1.5 (f1 = 4), the ends infinite. f1 = 1 goes first; then f1 = 2 has
    // neighbours 0 and 4: 2·4/8 = 1.0 < 1.5, so it goes next: three kept are f1 = 0, 4, 8 (indices 0, 3, 4).
    const points = [0, 1, 2, 4, 8].map((f) => [f, 8 - f]);
    const order = spreadOrder(flat(points), 5, 2);
    expect(head(order, 3)).toEqual(new Set([0, 3, 4]));
    expect(head(order, 4)).toEqual(new Set([0, 2, 3, 4]));
    expect(order[4]).toBe(1);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('a hand-built two-objective front of 300: the 40 kept are crowding pruning’s, spread end to end', () => {
    // denser towards f1 = 0 (f1 = (i/299)²), on the convex front f2 = 1 − √f1
    const points = Array.from({ length: 300 }, (_, i) => {
      const f1 = (i / 299) ** 2;
      return [f1, 1 - Math.sqrt(f1)];
    });
    const kept = head(spreadOrder(flat(points), 300, 2), 40);
    expect(kept).toEqual(naiveCrowdingKeep(points, 40));
    expect(kept.has(0) && kept.has(299)).toBe(true);
    // spread: along the front (f1 + f2 distance), no gap between neighbours kept is over twice the even share
    const along = [...kept].sort((a, b) => a - b).map((i) => points[i]![0]! - points[i]![1]!);
    const gaps = along.slice(1).map((v, t) => v - along[t]!);
    expect(Math.max(...gaps)).toBeLessThan((2 * 2) / 39);
    // the head of the list (the old warm start's choice) would have been the 40 densest: all with f1 < 0.018
    expect([...kept].filter((i) => i < 40).length).toBeLessThan(20);
  });

  it('three objectives: the m-nearest-neighbour pruning, and the corners kept', () => {
    const rng = createRng(5);
    // 120 points on the unit sphere's positive octant (DTLZ2's front), plus its three corners
    const points = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      ...Array.from({ length: 120 }, () => {
        const v = [rng.next(), rng.next(), rng.next()];
        const r = Math.hypot(...v);
        return v.map((x) => x / r);
      }),
    ];
    const order = spreadOrder(flat(points), points.length, 3);
    for (const k of [30, 12]) expect(head(order, k)).toEqual(naiveNeighbourKeep(points, k));
    expect(head(order, 12).has(0) && head(order, 12).has(1) && head(order, 12).has(2)).toBe(true);
  });

  it('exact duplicates come last, the first occurrence kept', () => {
    const points = [
      [0, 1],
      [0.5, 0.5],
      [0.5, 0.5],
      [1, 0],
      [0.5, 0.5],
    ];
    const order = spreadOrder(flat(points), 5, 2);
    expect(new Set(order.subarray(3))).toEqual(new Set([2, 4]));
    expect(head(order, 3)).toEqual(new Set([0, 1, 3]));
  });

  it('handles sets of one and two members and an objective without range', () => {
    expect(Array.from(spreadOrder(flat([[3, 4]]), 1, 2))).toEqual([0]);
    expect(
      new Set(
        spreadOrder(
          flat([
            [0, 1],
            [1, 0],
          ]),
          2,
          2,
        ),
      ),
    ).toEqual(new Set([0, 1]));
    const flatLine = [0, 1, 2, 3].map((f) => [f, 7]);
    expect(head(spreadOrder(flat(flatLine), 4, 2), 2)).toEqual(new Set([0, 3]));
  });
});

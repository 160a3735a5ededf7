import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crowdingDistance,
  dominanceRelation,
  dominates,
  nonDominatedIndices,
  nonDominatedMask,
  nonDominatedSort,
  toMatrix,
} from '../../../src/optimize/pareto/dominance.js';
import { createRng } from '../../../src/base/rng.js';
import { lexicographicOrder } from '../../../src/optimize/pareto/lexicographicOrder.js';
import { dominatorBitsetRanks } from '../../../src/optimize/pareto/dominatorBitsets.js';
import { bruteRanks, comparatorOrder, forRandomSets, sphereSet } from './points.js';

describe('dominance', () => {
  it('dominates and dominanceRelation follow the definition', () => {
    expect(dominates([1, 2], [1, 3])).toBe(true);
    expect(dominates([1, 3], [1, 3])).toBe(false);
    expect(dominates([0, 4], [1, 3])).toBe(false);
    expect(dominanceRelation([1, 2], [2, 2])).toBe(1);
    expect(dominanceRelation([2, 2], [1, 2])).toBe(-1);
    expect(dominanceRelation([1, 3], [2, 2])).toBe(0);
  });

  it.each([2, 3, 4])('nonDominatedSort equals brute-force peeling on tie-heavy sets (m = %i)', (m) => {
    const pts = fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }), {
      minLength: 0,
      maxLength: 40,
    });
    fc.assert(
      fc.property(pts, (p) => {
        const { ranks, fronts } = nonDominatedSort(toMatrix(p, m), p.length, m);
        expect(Array.from(ranks)).toEqual(bruteRanks(toMatrix(p, m), p.length, m));
        expect(fronts.reduce((s, f) => s + f.length, 0)).toBe(p.length);
      }),
      { numRuns: 100 },
    );
  });

  it('maxRanked stops the 3-objective peeling once enough rows are ranked', () => {
    const pts = [
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ];
    const { ranks, fronts } = nonDominatedSort(toMatrix(pts, 3), 4, 3, 2);
    expect(fronts.map((f) => Array.from(f))).toEqual([[0], [1]]);
    expect(Array.from(ranks)).toEqual([0, 1, 2, 2]);
  });

  it('crowdingDistance follows pymoo: boundaries infinite, duplicates zero, normalized sum / m', () => {
    const F = toMatrix([
      [0, 4],
      [1, 3],
      [1, 3],
      [3, 1],
      [4, 0],
    ]);
    const cd = crowdingDistance(F, 2, [0, 1, 2, 3, 4]);
    expect(cd[0]).toBe(Infinity);
    expect(cd[4]).toBe(Infinity);
    expect(cd[2]).toBe(0); // duplicate of row 1
    // row 1 between rows 0 and 3 in both objectives: ((3-0)/4 + (4-1)/4) / 2
    expect(cd[1]).toBeCloseTo(0.75, 15);
    expect(cd[3]).toBeCloseTo(0.75, 15);
    expect(Array.from(crowdingDistance(F, 2, [0, 1]))).toEqual([Infinity, Infinity]);
  });

  it('crowdingDistance equals the definition written out with comparator sorts, bit for bit: fronts, ties in f1, dominated rows, m = 2 and 3', () => {
    // The definition (pymoo calc_crowding_distance): a row equal to an earlier member's row is a duplicate (0); per
    // objective the other members sorted by (f_k, position), the two ends +Infinity, the interior summing (next − prev)
    // / range; the sum divided by m. crowdingDistance derives the f1 and f2 orders of a 2-D front from its
    // lexicographic order: ties in f1, rows that are not a front and m = 3 must still give the sorted result.
    const definition = (rows: number[][], m: number): number[] => {
      const n = rows.length;
      const same = (a: number, b: number): boolean => rows[a]!.every((v, k) => v === rows[b]![k]);
      const unique = rows.map((_, t) => !rows.some((__, s) => s < t && same(s, t)));
      const cd = new Array<number>(n).fill(0);
      const u = rows.map((_, t) => t).filter((t) => unique[t]);
      for (let k = 0; k < m; k++) {
        const sorted = [...u].sort((a, b) => rows[a]![k]! - rows[b]![k]! || a - b);
        const norm = rows[sorted[sorted.length - 1]!]![k]! - rows[sorted[0]!]![k]!;
        if (!(norm > 0)) continue;
        cd[sorted[0]!] = Infinity;
        cd[sorted[sorted.length - 1]!] = Infinity;
        for (let s = 1; s < sorted.length - 1; s++)
          cd[sorted[s]!] = cd[sorted[s]!]! + (rows[sorted[s + 1]!]![k]! - rows[sorted[s - 1]!]![k]!) / norm;
      }
      return cd.map((v, t) => (unique[t] ? v / m : 0));
    };
    const rng = createRng(5);
    for (let trial = 0; trial < 3000; trial++) {
      const m = trial % 3 === 2 ? 3 : 2;
      const n = 3 + rng.int(25);
      const kind = trial % 4;
      const rows: number[][] = [];
      for (let t = 0; t < n; t++) {
        // kind 0: a 2-D front (f2 falls as f1 rises, a few duplicates); 1: small integers (ties in f1, dominated rows);
        // 2: reals; 3: a front with one f1 tie
        const x = kind === 1 ? rng.int(6) : rng.next();
        rows.push(
          m === 2 && kind !== 1 && kind !== 2
            ? [x, 1 - x]
            : Array.from({ length: m }, (_, k) => (k === 0 ? x : kind === 1 ? rng.int(6) : rng.next())),
        );
      }
      if (kind === 0 && n > 4) rows[3] = [...rows[1]!];
      if (kind === 3 && m === 2) rows[2] = [rows[0]![0]!, rows[0]![1]! + 0.25];
      const want = definition(rows, m);
      const members = rows.map((_, t) => t);
      const got = Array.from(crowdingDistance(toMatrix(rows, m), m, members));
      if (got.some((v, t) => !Object.is(v, want[t]))) expect({ trial, rows, got }).toEqual({ trial, rows, got: want });
    }
  });
});

describe('non-dominated sorting equals peeling by the definition', () => {
  it('m = 4, 5, 6 (dominator bitsets): tie-heavy and continuous sets, ranks and fronts', () => {
    const shape = (trial: number, r: () => number) =>
      [4 + (trial % 3), Math.floor(r() * (trial % 2 ? 60 : 400)), trial % 4 < 2 ? 4 : undefined] as const;
    forRandomSets(11, 60, shape, (F, m, n, want) => {
      const { ranks, fronts } = nonDominatedSort(F, n, m);
      expect(Array.from(ranks)).toEqual(want);
      const order = comparatorOrder(F, n, m);
      fronts.forEach((front, k) => expect(Array.from(front)).toEqual(order.filter((i) => want[i] === k)));
      const mask = nonDominatedMask(F, n, m);
      expect(Array.from(mask)).toEqual(want.map((k) => (k === 0 ? 1 : 0)));
      expect(Array.from(nonDominatedIndices(F, n, m))).toEqual(want.flatMap((k, i) => (k === 0 ? [i] : [])));
    });
  });

  it("the ranks are the peeling's: 4,500 points in 5 objectives near a sphere, some pushed out (a few fronts, most points in the first)", () => {
    const n = 4500;
    const m = 5;
    const F = sphereSet(n, m, 13);
    const want = bruteRanks(F, n, m);
    expect(Math.max(...want)).toBeGreaterThan(2);
    expect(Array.from(nonDominatedSort(F, n, m).ranks)).toEqual(want);
    expect(Array.from(nonDominatedMask(F, n, m))).toEqual(want.map((k) => (k === 0 ? 1 : 0)));
  });

  it('maxRanked (m >= 4): the first fronts holding at least that many rows, as peeling stopping there; the rest ranked fronts.length', () => {
    // continuous rows (many fronts) and coarse ones (ties, duplicates)
    const shape = (trial: number, r: () => number) =>
      [4 + (trial % 3), 20 + Math.floor(r() * 400), trial % 3 === 0 ? 4 : undefined] as const;
    forRandomSets(15, 30, shape, (F, m, n, full) => {
      const sizes: number[] = [];
      for (const k of full) sizes[k] = (sizes[k] ?? 0) + 1;
      for (const maxRanked of [1, Math.ceil(n / 3), Math.ceil(n / 2), n - 1, n]) {
        let K = 0;
        for (let ranked = 0; ranked < maxRanked; K++) ranked += sizes[K]!;
        const want = full.map((k) => Math.min(k, K));
        const { ranks, fronts } = nonDominatedSort(F, n, m, maxRanked);
        expect(fronts.length, `m ${m}, n ${n}, maxRanked ${maxRanked}`).toBe(K);
        expect(Array.from(ranks)).toEqual(want);
        const order = comparatorOrder(F, n, m);
        fronts.forEach((front, k) => expect(Array.from(front)).toEqual(order.filter((i) => want[i] === k)));
        const direct = new Int32Array(n);
        expect(dominatorBitsetRanks(F, n, m, lexicographicOrder(F, n, m), direct, false, 32, maxRanked)).toBe(K);
        expect(Array.from(direct)).toEqual(want);
      }
    });
  });
});

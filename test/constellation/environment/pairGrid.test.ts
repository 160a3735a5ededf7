import { describe, expect, it } from 'vitest';
import { pairsWithin } from '../../../src/constellation/environment/pairGrid.js';
import { Memo, SolverMemo } from '../../../src/constellation/memo.js';

/** Deterministic points (a 32-bit LCG, Numerical Recipes' constants) on and near a sphere of radius r. */
function points(n: number, r: number, seed: number, clump: number): Float64Array {
  let x = seed >>> 0;
  const next = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const out = new Float64Array(3 * n);
  for (let k = 0; k < n; k++) {
    // Every `clump`-th point repeats its predecessor's position within a few metres: many pairs share one cell.
    if (k > 0 && k % clump === 0) {
      for (let c = 0; c < 3; c++) out[3 * k + c] = out[3 * (k - 1) + c]! + (next() - 0.5) * 5;
      continue;
    }
    const z = 2 * next() - 1,
      phi = 2 * Math.PI * next(),
      s = Math.sqrt(1 - z * z),
      rr = r * (1 + 0.01 * (next() - 0.5));
    out[3 * k] = rr * s * Math.cos(phi);
    out[3 * k + 1] = rr * s * Math.sin(phi);
    out[3 * k + 2] = rr * z;
  }
  return out;
}

/** Brute force over all n(n−1)/2 pairs: the oracle. */
function allPairs(pos: Float64Array, cutoff: number): string[] {
  const n = pos.length / 3,
    out: string[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const d = Math.hypot(
        pos[3 * a]! - pos[3 * b]!,
        pos[3 * a + 1]! - pos[3 * b + 1]!,
        pos[3 * a + 2]! - pos[3 * b + 2]!,
      );
      if (d < cutoff) out.push(`${a},${b}`);
    }
  }
  return out.sort();
}

describe('pairsWithin (cubic grid)', () => {
  const r = 6.928e6;
  for (const [n, cutoff, clump] of [
    [2000, 150e3, 7],
    [3000, 40e3, 3],
    [500, 2e6, 50],
    [800, 10, 2],
  ] as const) {
    it(`finds exactly the pairs closer than ${cutoff} m among ${n} points, each once with a < b`, () => {
      const pos = points(n, r, n + clump, clump);
      const seen: string[] = [];
      pairsWithin(pos, r, cutoff, (a, b, d) => {
        expect(a).toBeLessThan(b);
        expect(d).toBeLessThan(cutoff);
        seen.push(`${a},${b}`);
      });
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual(allPairs(pos, cutoff));
    });
  }

  it('visits pairs in the same order on every call (callers keep the first pair of a class)', () => {
    const pos = points(1500, r, 11, 4);
    const run = (): string => {
      const s: string[] = [];
      pairsWithin(pos, r, 200e3, (a, b) => s.push(`${a},${b}`));
      return s.join(';');
    };
    expect(run()).toBe(run());
  });
});

describe('Memo and SolverMemo', () => {
  it('returns the computed value on a hit and evicts the least recently used entry', () => {
    const m = new Memo<number[]>(2);
    let calls = 0;
    const a = m.get('a', () => [++calls]);
    expect(m.get('a', () => [++calls])).toBe(a);
    m.get('b', () => [++calls]);
    m.get('a', () => [++calls]); // a most recent
    m.get('c', () => [++calls]); // evicts b
    expect(calls).toBe(3);
    m.get('b', () => [++calls]);
    expect(calls).toBe(4);
    expect(m.hits).toBe(2);
  });

  it('keeps one memo per solver: an answer is never handed to a caller that passed another solver', () => {
    const memo = new SolverMemo<string>(8);
    const solverA = (): void => {},
      solverB = (): void => {};
    expect(memo.for(solverA).get('k', () => 'from A')).toBe('from A');
    expect(memo.for(solverB).get('k', () => 'from B')).toBe('from B');
    expect(memo.for(solverA).get('k', () => 'again')).toBe('from A');
  });
});

describe('cutoff', () => {
  /**
   * The cutoff of src/constellation/environment/pairGrid.ts is strict ("closer than"): a pair exactly at the
   * cutoff is not reported. A 3-4-5 triangle gives a distance that is exact in floating point.
   */
  const pairs = (pos: number[], cutoff: number): [number, number, number][] => {
    const out: [number, number, number][] = [];
    pairsWithin(new Float64Array(pos), 1e7, cutoff, (a, b, d) => out.push([a, b, d]));
    return out;
  };

  describe('pairsWithin: the cutoff is strict', () => {
    it('points 5,000 m apart (3,000, 4,000, 0): not within 5,000 m, within 5,000.001 m', () => {
      const pos = [1e6, 2e6, 3e6, 1e6 + 3000, 2e6 + 4000, 3e6];
      expect(pairs(pos, 5000)).toEqual([]);
      expect(pairs(pos, 5000.001)).toEqual([[0, 1, 5000]]);
    });
  });
});

describe('order', () => {
  /**
   * The visit order pairGrid.ts's header promises (callers that keep the first pair of a class rely on it): cells of
   * width max(cutoff, radius·2^-16) in ascending (z, y, x) order; within a cell its pairs in index order; then each of
   * the 13 forward neighbours ((dx, dy, dz) > 0 lexicographically, z major) in turn, a pair for every point of the
   * neighbour (outer, index order) and every point of the cell (inner). The expected order is built here from that
   * statement by sorting cell coordinates, not from the module's packed keys and radix sort.
   */
  const FORWARD_ORDER: [number, number, number][] = [
    [1, 0, 0],
    [-1, 1, 0],
    [0, 1, 0],
    [1, 1, 0],
    ...[-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx): [number, number, number] => [dx, dy, 1])),
  ];

  function expectedOrder(pos: Float64Array, radius: number, cutoff: number): string[] {
    const width = Math.max(cutoff, radius * 2 ** -16);
    const n = pos.length / 3;
    const cellOf = (k: number): [number, number, number] =>
      [0, 1, 2].map((c) => Math.floor(pos[3 * k + c]! / width)) as [number, number, number];
    const byCell = new Map<string, number[]>();
    const coords = new Map<string, [number, number, number]>();
    for (let k = 0; k < n; k++) {
      const c = cellOf(k);
      const id = c.join(',');
      if (!byCell.has(id)) {
        byCell.set(id, []);
        coords.set(id, c);
      }
      byCell.get(id)!.push(k);
    }
    const ids = [...byCell.keys()].sort((a, b) => {
      const [ax, ay, az] = coords.get(a)!,
        [bx, by, bz] = coords.get(b)!;
      return az - bz || ay - by || ax - bx;
    });
    const out: string[] = [];
    const near = (a: number, b: number): boolean =>
      (pos[3 * a]! - pos[3 * b]!) ** 2 +
        (pos[3 * a + 1]! - pos[3 * b + 1]!) ** 2 +
        (pos[3 * a + 2]! - pos[3 * b + 2]!) ** 2 <
      cutoff * cutoff;
    const add = (a: number, b: number): void => {
      if (near(a, b)) out.push(`${Math.min(a, b)},${Math.max(a, b)}`);
    };
    for (const id of ids) {
      const mine = byCell.get(id)!;
      for (let i = 0; i < mine.length; i++) for (let j = i + 1; j < mine.length; j++) add(mine[i]!, mine[j]!);
      const [x, y, z] = coords.get(id)!;
      for (const [dx, dy, dz] of FORWARD_ORDER) {
        const theirs = byCell.get([x + dx, y + dy, z + dz].join(','));
        if (theirs !== undefined) for (const j of theirs) for (const i of mine) add(i, j);
      }
    }
    return out;
  }

  function visited(pos: Float64Array, radius: number, cutoff: number): string[] {
    const out: string[] = [];
    pairsWithin(pos, radius, cutoff, (a, b) => out.push(`${a},${b}`));
    return out;
  }

  /** A 32-bit LCG (Numerical Recipes' constants) in [0, 1). */
  function lcg(seed: number): () => number {
    let x = seed >>> 0;
    return () => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x / 2 ** 32;
    };
  }

  describe('pairsWithin: the visit order of the header', () => {
    // A block of 4 × 4 × 4 cells (width 10 m) with 3 points a cell, in both signs of every axis, shuffled indices:
    // pairs inside cells and across all 13 forward neighbours (and the 13 backward ones, seen from the other cell).
    it('a dense block of cells around the origin, cutoff = cell width', () => {
      const next = lcg(7);
      const pts: number[] = [];
      for (let k = 0; k < 192; k++) for (let c = 0; c < 3; c++) pts.push((next() - 0.5) * 40);
      const pos = new Float64Array(pts);
      const want = expectedOrder(pos, 1e3, 10);
      expect(want.length).toBeGreaterThan(500);
      expect(visited(pos, 1e3, 10)).toEqual(want);
    });

    // Cells of the finest width (radius·2^-16 ≈ 106 m at 7,000 km): packed keys use all four 13-bit digits, so the
    // cell order checks every radix pass. Pairs 1–50 m apart scattered over the sphere, partners at shuffled indices.
    it('pairs spread over a 7,000 km sphere at the finest cell width', () => {
      const next = lcg(3);
      const r = 7e6,
        n = 400;
      const pts: number[][] = [];
      for (let k = 0; k < n; k += 2) {
        const z = 2 * next() - 1,
          phi = 2 * Math.PI * next(),
          s = Math.sqrt(1 - z * z);
        const p = [r * s * Math.cos(phi), r * s * Math.sin(phi), r * z];
        pts.push(
          p,
          p.map((x) => x + (next() - 0.5) * 60),
        );
      }
      // Fisher–Yates shuffle: partners at unrelated indices.
      for (let k = n - 1; k > 0; k--) {
        const j = Math.floor(next() * (k + 1));
        [pts[k], pts[j]] = [pts[j]!, pts[k]!];
      }
      const pos = Float64Array.from(pts.flat());
      const want = expectedOrder(pos, r, 30);
      expect(want.length).toBeGreaterThan(20);
      expect(visited(pos, r, 30)).toEqual(want);
    });

    // 8,201 consecutive cells of the finest width along x, a pair in each: their packed keys are consecutive integers,
    // so the lowest radix digit takes every one of its 8,192 values, the largest ones included.
    it('a pair in each of 8,201 consecutive cells along a line', () => {
      const r = 7e6,
        width = r * 2 ** -16;
      const pts: number[] = [];
      for (let i = -4100; i <= 4100; i++) pts.push((i + 0.5) * width, 0, 0, (i + 0.5) * width, 1, 0);
      const pos = new Float64Array(pts);
      const want = expectedOrder(pos, r, 30);
      expect(want).toHaveLength(8201);
      expect(visited(pos, r, 30)).toEqual(want);
    });

    // Cells 10 m wide: a at (10.1, 9.9, 5) in cell (1, 0, 0), b at (9.9, 10.1, 5) in cell (0, 1, 0), its forward
    // neighbour (−1, 1, 0); cell (2, 0, 0) and the rest of both rows are empty. The pair is visited once, from a's
    // cell under that offset, not again when the search for the empty neighbour (1, 0, 0) stops at b's cell.
    it('a pair across a diagonal cell boundary, the cells between them empty: visited once', () => {
      const pos = Float64Array.of(10.1, 9.9, 5, 9.9, 10.1, 5, 500, 500, 500);
      expect(expectedOrder(pos, 1e3, 10)).toEqual(['0,1']);
      expect(visited(pos, 1e3, 10)).toEqual(['0,1']);
    });
  });
});

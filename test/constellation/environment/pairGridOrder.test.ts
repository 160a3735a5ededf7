/**
 * The visit order pairGrid.ts's header promises (callers that keep the first pair of a class rely on it): cells of
 * width max(cutoff, radius·2^-16) in ascending (z, y, x) order; within a cell its pairs in index order; then each of
 * the 13 forward neighbours ((dx, dy, dz) > 0 lexicographically, z major) in turn, a pair for every point of the
 * neighbour (outer, index order) and every point of the cell (inner). The expected order is built here from that
 * statement by sorting cell coordinates, not from the module's packed keys and radix sort.
 */
import { describe, expect, it } from 'vitest';
import { pairsWithin } from '../../../src/constellation/environment/pairGrid.js';

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

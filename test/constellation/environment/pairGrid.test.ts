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

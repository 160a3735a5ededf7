import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParetoArchive, LeastInfeasibleStore } from '../../solvers/archive.js';
import type { Individual } from '../../solvers/types.js';

const EMPTY = new Float64Array(0);
function ind(f: number[], evalIndex: number, cv = 0): Individual {
  return { x: Float64Array.of(evalIndex), f: Float64Array.from(f), g: EMPTY, cv, evalIndex };
}

/** Brute force: feasible points not weakly dominated by another (equal f: lowest evalIndex kept). */
function bruteArchive(items: readonly Individual[]): number[] {
  const feas = items.filter((a) => a.cv <= 0);
  return feas
    .filter(
      (a) =>
        !feas.some((b) => {
          if (b === a) return false;
          let weak = true;
          let equal = true;
          for (let k = 0; k < a.f.length; k++) {
            if (b.f[k]! > a.f[k]!) weak = false;
            if (b.f[k] !== a.f[k]) equal = false;
          }
          return weak && (!equal || b.evalIndex < a.evalIndex);
        }),
    )
    .map((a) => a.evalIndex)
    .sort((x, y) => x - y);
}

describe('ParetoArchive', () => {
  it.each([2, 3, 4])('equals the brute-force non-dominated set for any insertion order (m = %i)', (m) => {
    const pts = fc.array(fc.tuple(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }), fc.boolean()), {
      minLength: 0,
      maxLength: 60,
    });
    fc.assert(
      fc.property(pts, fc.integer(), (list, salt) => {
        const items = list.map(([f, feas], i) => ind(f, i, feas ? 0 : 1));
        const order = items.map((_, i) => i).sort((a, b) => ((a * 7919 + salt) % 61) - ((b * 7919 + salt) % 61) || a - b);
        const archive = new ParetoArchive(m);
        for (const i of order) archive.add(items[i]!);
        const got = archive.items();
        expect(got.map((a) => a.evalIndex).sort((x, y) => x - y)).toEqual(bruteArchive(items));
        // sorted lexicographically by f
        for (let t = 1; t < got.length; t++) {
          const a = got[t - 1]!.f;
          const b = got[t]!.f;
          let k = 0;
          while (k < m && a[k] === b[k]) k++;
          expect(k < m && a[k]! < b[k]!).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stays fast with thousands of entries (ZDT1-like staircase and a 3-D sphere)', () => {
    const a2 = new ParetoArchive(2);
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) {
      const f1 = ((i * 7919) % 20_000) / 20_000;
      a2.add(ind([f1, 1 - Math.sqrt(f1)], i));
    }
    expect(a2.size).toBe(20_000);
    const a3 = new ParetoArchive(3);
    for (let i = 0; i < 20_000; i++) {
      const u = ((i * 7919) % 20_000) / 20_000;
      const v = ((i * 104729) % 20_011) / 20_011;
      const th = (u * Math.PI) / 2;
      const ph = (v * Math.PI) / 2;
      a3.add(ind([Math.cos(th) * Math.cos(ph), Math.cos(th) * Math.sin(ph), Math.sin(th)], i));
    }
    expect(a3.size).toBeGreaterThan(19_000);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('round-trips through encode/decode', () => {
    const a = new ParetoArchive(3);
    [ind([1, 2, 3], 0), ind([3, 2, 1], 1), ind([2, 2, 2], 2), ind([3, 3, 3], 3)].forEach((i) => a.add(i));
    const b = ParetoArchive.decode(3, JSON.parse(JSON.stringify(a.encode())));
    expect(b.items().map((i) => i.evalIndex)).toEqual(a.items().map((i) => i.evalIndex));
  });
});

describe('LeastInfeasibleStore', () => {
  it('keeps the lowest cv first, ties by evalIndex, bounded by its capacity', () => {
    const s = new LeastInfeasibleStore(3);
    [ind([0, 0], 0, 5), ind([0, 0], 1, 0), ind([0, 0], 2, 1), ind([0, 0], 3, Infinity), ind([0, 0], 4, 1), ind([0, 0], 5, 0.5)].forEach((i) =>
      s.insert(i),
    );
    expect(s.best(10).map((i) => i.evalIndex)).toEqual([5, 2, 4]);
  });
});

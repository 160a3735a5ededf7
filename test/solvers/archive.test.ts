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
  it.each([
    [2, 60],
    [3, 60],
    [4, 60],
    [5, 60],
    [4, 400],
    [6, 400],
  ])(
    'equals the brute-force non-dominated set for any insertion order (m = %i, up to %i points: ties, duplicates, k-d tree leaves)',
    (m, maxLength) => {
      const pts = fc.array(
        fc.tuple(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }), fc.boolean()),
        {
          minLength: 0,
          maxLength,
        },
      );
      fc.assert(
        fc.property(pts, fc.integer(), (list, salt) => {
          const items = list.map(([f, feas], i) => ind(f, i, feas ? 0 : 1));
          const order = items
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + salt) % 61) - ((b * 7919 + salt) % 61) || a - b);
          const archive = new ParetoArchive(m);
          // reads in between flush partial batches, as the run driver does every generation
          order.forEach((i, t) => {
            archive.add(items[i]!);
            if (t % 37 === 36) archive.items();
          });
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
    },
  );

  it('holds fronts of 20,000 designs (ZDT1-like staircase and a 3-D sphere)', () => {
    const a2 = new ParetoArchive(2);
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
    [
      ind([0, 0], 0, 5),
      ind([0, 0], 1, 0),
      ind([0, 0], 2, 1),
      ind([0, 0], 3, Infinity),
      ind([0, 0], 4, 1),
      ind([0, 0], 5, 0.5),
    ].forEach((i) => s.insert(i));
    expect(s.best(10).map((i) => i.evalIndex)).toEqual([5, 2, 4]);
  });
});

describe('ParetoArchive with a capacity (crowding-distance bound)', () => {
  it('cuts back to capacity once it exceeds capacity + 10 %: the most crowded go, the extremes stay (hand-computed crowding)', () => {
    // capacity 3: the cut comes at the 5th design (> 3 + 1). Crowding on ranges 1 × 1 (Deb et al. 2002):
    // (0.1, 0.9): (0.5 − 0) + (1 − 0.5) = 1.0; (0.5, 0.5): 0.42 + 0.42 = 0.84; (0.52, 0.48): 0.5 + 0.5 = 1.0.
    // The two extremes (∞) stay; of the two at 1.0 the earlier evaluation (index 3) stays.
    const a = new ParetoArchive(2, 3);
    a.add(ind([0, 1], 1));
    a.add(ind([0.1, 0.9], 4));
    a.add(ind([0.52, 0.48], 3));
    a.add(ind([1, 0], 2));
    expect(a.size).toBe(4); // within capacity + 10 % (at least one)
    a.add(ind([0.5, 0.5], 5));
    expect(a.items().map((i) => i.evalIndex)).toEqual([1, 3, 2]);
  });

  it('stays within capacity + 10 %, mutually non-dominated, keeps both extremes of a 2-D and a 3-D front', () => {
    for (const m of [2, 3]) {
      const a = new ParetoArchive(m, 100);
      let maxSize = 0;
      const offered: Individual[] = [];
      for (let i = 0; i < 3000; i++) {
        // points on the simplex f1 + … + fm = 1 in a scrambled order: all mutually non-dominated
        const t = ((i * 7919) % 3000) / 2999;
        const u = ((i * 104729) % 2999) / 2998;
        const f = m === 2 ? [t, 1 - t] : [t * u, t * (1 - u), 1 - t];
        const p = ind(f, i);
        offered.push(p);
        a.add(p);
        if (m === 2) maxSize = Math.max(maxSize, a.size);
      }
      const items = a.items();
      expect(items.length).toBeGreaterThanOrEqual(100);
      expect(items.length).toBeLessThanOrEqual(110);
      if (m === 2) expect(maxSize).toBeLessThanOrEqual(110);
      for (const p of items) for (const q of items) if (p !== q) expect(q.f.every((v, k) => v <= p.f[k]!)).toBe(false);
      for (let k = 0; k < m; k++) {
        const best = Math.min(...offered.map((p) => p.f[k]!));
        expect(Math.min(...items.map((p) => p.f[k]!))).toBe(best);
      }
    }
  });

  it('snapshots keep the bound', () => {
    const a = new ParetoArchive(2, 100);
    for (let i = 0; i < 500; i++) a.add(ind([i / 499, 1 - i / 499], i));
    const b = ParetoArchive.decode(2, JSON.parse(JSON.stringify(a.encode())), 100);
    for (let i = 0; i < 500; i++) b.add(ind([(i + 0.5) / 500, 1 - (i + 0.5) / 500], 1000 + i));
    expect(b.size).toBeLessThanOrEqual(110);
    expect(() => new ParetoArchive(2, 1)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { runBitsetTask } from '../../src/core/dominatorBitsets.js';
import { mergeFrontMask, runMergeTask } from '../../src/core/frontMerge.js';
import { InThreadHelper } from '../helpers/inThreadHelper.js';
import { bruteMask, prng } from './points.js';

/** A point near the unit sphere's positive part (kind 0), on a coarse grid (1: ties) or uniform (2). */
function point(kind: number, m: number, r: () => number): number[] {
  const f = Array.from({ length: m }, () => (kind === 1 ? Math.floor(r() * 4) : r()));
  if (kind !== 0) return f;
  const norm = Math.hypot(...f);
  return f.map((v) => v / norm + (r() < 0.3 ? 0.03 * r() : 0));
}

describe('mergeFrontMask: an antichain and a batch, through an index over the batch\'s front', () => {
  it('equals the definition on the union: entries then a batch with copies of entries, their dominators and dominated points; m = 4, 5, 6; fine and coarse blocks', () => {
    const r = prng(51);
    for (let trial = 0; trial < 18; trial++) {
      const m = 4 + (trial % 3);
      const kind = Math.floor(trial / 3) % 3;
      // the entries: the first front of a pool
      const pool = Array.from({ length: 400 }, () => point(kind, m, r));
      const poolFront = bruteMask(Float64Array.from(pool.flat()), pool.length, m);
      const entries = pool.filter((_, i) => poolFront[i] === 1);
      // the batch: copies of entries, entries moved down (dominating them) or up (dominated), and fresh points
      const batch = Array.from({ length: 150 + Math.floor(r() * 150) }, (_, t) => {
        const e = entries[Math.floor(r() * entries.length)]!;
        const c = t % 4;
        if (c === 0) return e.slice();
        if (c === 1 || c === 2) return e.map((v, j) => (j === t % m ? v + (c === 1 ? -1 : 1) * (kind === 1 ? 1 : 1e-3) : v));
        return point(kind, m, r);
      });
      const F = Float64Array.from([...entries, ...batch].flat());
      const n = entries.length + batch.length;
      const want = bruteMask(F, n, m);
      for (const words of [1 << 22, 64]) {
        expect(Array.from(mergeFrontMask(F, entries.length, n, m, words)), `trial ${trial}, m ${m}, index words ${words}`).toEqual(want);
      }
    }
  });

  it('an empty batch keeps every entry; a batch with no entries is its own first front', () => {
    const r = prng(52);
    const m = 5;
    const pts = Array.from({ length: 200 }, () => point(2, m, r));
    const F = Float64Array.from(pts.flat());
    const want = bruteMask(F, 200, m);
    expect(Array.from(mergeFrontMask(F, 0, 200, m))).toEqual(want);
    const front = pts.filter((_, i) => want[i] === 1);
    expect(Array.from(mergeFrontMask(Float64Array.from(front.flat()), front.length, front.length, m))).toEqual(front.map(() => 1));
  });

  it('shared with a helper (the batch front\'s bitsets and the entries\' queries in chunks of 1,024): the definition\'s front whichever chunks it takes', () => {
    const r = prng(53);
    const m = 5;
    const pool = Array.from({ length: 4000 }, () => point(0, m, r));
    const poolFront = bruteMask(Float64Array.from(pool.flat()), pool.length, m);
    const entries = pool.filter((_, i) => poolFront[i] === 1);
    expect(entries.length).toBeGreaterThan(2 * 1024);
    const batch = Array.from({ length: 900 }, (_, t) => {
      const e = entries[Math.floor(r() * entries.length)]!;
      return t % 3 === 0 ? e.map((v, j) => (j === t % m ? v - 1e-3 : v)) : point(0, m, r);
    });
    const F = Float64Array.from([...entries, ...batch].flat());
    const n = entries.length + batch.length;
    const want = bruteMask(F, n, m);
    expect(want.slice(0, entries.length)).toContain(0);
    for (const mode of ['all', 'first-two', 'claim-and-fail', 'refuse'] as const) {
      const helper = new InThreadHelper(mode, (task) => runBitsetTask(task) || runMergeTask(task));
      expect(Array.from(mergeFrontMask(F, entries.length, n, m, undefined, helper)), mode).toEqual(want);
      if (mode !== 'refuse') expect(helper.posted, mode).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { nonDominatedMask } from '../../src/core/dominance.js';
import { DOMINATOR_BITSETS_MAX_POINTS, runBitsetTask } from '../../src/core/dominatorBitsets.js';
import { largeFrontMask } from '../../src/core/largeFront.js';
import { InThreadHelper } from '../helpers/inThreadHelper.js';
import { bruteMask, prng } from './points.js';

/** n points in m objectives: near a sphere (most non-dominated), on a coarse grid (ties, duplicates) or uniform. */
function points(kind: number, n: number, m: number, r: () => number): Float64Array {
  const F = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < m; k++) {
      const u = r();
      F[i * m + k] = kind === 1 ? Math.floor(u * 4) : u;
      norm += u * u;
    }
    if (kind === 0) for (let k = 0; k < m; k++) F[i * m + k] = F[i * m + k]! / Math.sqrt(norm) + (r() < 0.2 ? 0.05 * r() : 0);
  }
  return F;
}

describe('largeFrontMask: the first front by divide and conquer over the dominator bitsets', () => {
  it('equals the definition for pieces of 2 to 200 points: near a sphere, a tie-heavy grid with duplicates, uniform; m = 4, 5', () => {
    const r = prng(41);
    for (let trial = 0; trial < 12; trial++) {
      const m = 4 + (trial % 2);
      const n = 150 + Math.floor(r() * 250);
      const F = points(trial % 3, n, m, r);
      const want = bruteMask(F, n, m);
      for (const limit of [2, 7, 64, 200]) expect(Array.from(largeFrontMask(F, n, m, 0, limit)), `trial ${trial}, limit ${limit}`).toEqual(want);
      // each bitsets call shared with a helper (src/core/helperThread.ts): the same front whichever chunks it takes
      for (const mode of ['all', 'first-two', 'claim-and-fail'] as const) {
        const helper = new InThreadHelper(mode, runBitsetTask);
        expect(Array.from(largeFrontMask(F, n, m, 0, 64, helper)), `trial ${trial}, ${mode}`).toEqual(want);
        expect(helper.posted, `trial ${trial}, ${mode}`).toBeGreaterThan(0);
      }
    }
  });

  it('with `antichain` first rows known mutually non-dominated (an archive\'s entries, then a batch), the same front', () => {
    const r = prng(42);
    for (let trial = 0; trial < 9; trial++) {
      const m = 5;
      // the entries: the first front of a set; the batch: new points, some equal to entries
      const pool = points(trial % 3, 300, m, r);
      const poolFront = bruteMask(pool, 300, m);
      const entries = poolFront.flatMap((f, i) => (f ? [i] : []));
      const batch = 200;
      const n = entries.length + batch;
      const F = new Float64Array(n * m);
      entries.forEach((i, t) => F.set(pool.subarray(i * m, i * m + m), t * m));
      const fresh = points(trial % 3, batch, m, r);
      for (let t = 0; t < batch; t++) {
        const e = t % entries.length;
        F.set(t % 10 === 0 ? F.subarray(e * m, e * m + m) : fresh.subarray(t * m, t * m + m), (entries.length + t) * m);
      }
      const want = bruteMask(F, n, m);
      for (const limit of [3, 50, 400]) {
        expect(Array.from(largeFrontMask(F, n, m, entries.length, limit)), `trial ${trial}, limit ${limit}`).toEqual(want);
      }
    }
  });

  it(`nonDominatedMask past ${DOMINATOR_BITSETS_MAX_POINTS} points: 70,000 on a 5-D sphere, each with a copy pushed out by 1-2e-6 in every objective, shuffled`, () => {
    const r = prng(43);
    const m = 5;
    const half = 70_000;
    const n = 2 * half;
    // the oracle: the sphere points are mutually non-dominated, each copy is dominated by its original
    const sphere = new Float64Array(half * m);
    for (let i = 0; i < half; i++) {
      let norm = 0;
      for (let k = 0; k < m; k++) {
        const g = Math.abs(Math.sqrt(-2 * Math.log(r() + 1e-300)) * Math.cos(2 * Math.PI * r())) + 1e-9;
        sphere[i * m + k] = g;
        norm += g * g;
      }
      for (let k = 0; k < m; k++) sphere[i * m + k] = sphere[i * m + k]! / Math.sqrt(norm);
    }
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    const F = new Float64Array(n * m);
    perm.forEach((p, i) => {
      for (let k = 0; k < m; k++) F[i * m + k] = sphere[(p % half) * m + k]! + (p < half ? 0 : 1e-6 * (1 + r()));
    });
    const mask = nonDominatedMask(F, n, m);
    const wrong = perm.filter((p, i) => mask[i] !== (p < half ? 1 : 0)).length;
    expect(wrong).toBe(0);
  });
});

/**
 * The helper thread's shares (src/core/helperThread.ts): the dominator bitsets' orders, snapshots and first-front scan
 * split in chunks between two threads give the definition's ranks, whoever takes which chunks; a helper that refuses,
 * fails after claiming chunks or takes them all changes nothing. Then the real thread (solvers/helper.ts, the compiled
 * worker in dist/): the same ranks and masks, its tasks counted, and a failed task redone here.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { nonDominatedMask, nonDominatedSort } from '../../src/core/dominance.js';
import { dominatorBitsetRanks, runBitsetTask, snapshotBlock, snapshotOrders } from '../../src/core/dominatorBitsets.js';
import { HelperThread, sharedFloat64 } from '../../src/core/helperThread.js';
import { mergeFrontMask } from '../../src/core/frontMerge.js';
import { lexicographicOrder } from '../../src/core/lexicographicOrder.js';
import { algorithmHelper } from '../../solvers/helper.js';
import { InThreadHelper } from '../helpers/inThreadHelper.js';
import { bruteRanks, prng, sphereSet } from './points.js';

describe('dominator bitsets shared with a helper (chunks claimed from both threads)', () => {
  const cases = [
    { n: 4200, m: 5, seed: 3 }, // m orders, blocks of 128
    { n: 4100, m: 4, seed: 4 },
    { n: 700, m: 6, seed: 5 }, // one order, blocks of 32
  ];
  for (const { n, m, seed } of cases) {
    const F = sphereSet(n, m, seed);
    const want = bruteRanks(F, n, m);
    const fronts = Math.max(...want) + 1;
    const firstFrontSize = want.filter((k) => k === 0).length;

    it(`n ${n}, m ${m}: ranks, a first front and maxRanked cuts equal peeling by the definition, whatever the helper does`, () => {
      expect(fronts).toBeGreaterThan(2);
      expect(snapshotOrders(n, m)).toBe(n >= 4096 ? m : 1);
      for (const mode of ['all', 'first-two', 'claim-and-fail', 'refuse'] as const) {
        const helper = new InThreadHelper(mode, runBitsetTask);
        const ranks = new Int32Array(n);
        const order = lexicographicOrder(F, n, m);
        expect(dominatorBitsetRanks(F, n, m, order, ranks, false, snapshotBlock(n, m), snapshotOrders(n, m), n, helper), mode).toBe(fronts);
        expect(Array.from(ranks), mode).toEqual(want);
        // columns, snapshots and the first-front scan
        if (mode !== 'refuse') expect(helper.posted, mode).toBe(3);
        const first = new Int32Array(n);
        dominatorBitsetRanks(F, n, m, order, first, true, snapshotBlock(n, m), snapshotOrders(n, m), n, helper);
        expect(Array.from(first), mode).toEqual(want.map((k) => (k === 0 ? 0 : 1)));
        expect(Array.from(nonDominatedMask(F, n, m, 0, helper)), mode).toEqual(want.map((k) => (k === 0 ? 1 : 0)));
        // a cut the first front covers (the early return) and one that needs the second front too (the rank loop)
        for (const maxRanked of [Math.ceil(firstFrontSize / 2), firstFrontSize + 1]) {
          let K = 0;
          for (let ranked = 0; ranked < maxRanked; K++) ranked += want.filter((k) => k === K).length;
          const cut = nonDominatedSort(F, n, m, maxRanked, helper);
          expect(cut.fronts.length, `${mode}, maxRanked ${maxRanked}`).toBe(K);
          expect(Array.from(cut.ranks), `${mode}, maxRanked ${maxRanked}`).toEqual(want.map((k) => Math.min(k, K)));
        }
      }
    });
  }
});

describe('fronts peeled on both threads under a cut (maxRanked), then the single-thread loop past 8 peels', () => {
  // strongly correlated objectives (f_k = u + 0.1 v_k): ~90 thin fronts of under 1 % of the rows each at first, so a
  // cut at a tenth of the rows needs more than 1 + 8 fronts
  const n = 4200;
  const m = 4;
  const r = prng(21);
  const F = sharedFloat64(n * m);
  for (let i = 0; i < n; i++) {
    const u = r();
    for (let k = 0; k < m; k++) F[i * m + k] = u + 0.1 * r();
  }
  const want = bruteRanks(F, n, m);
  const sizes: number[] = [];
  for (const k of want) sizes[k] = (sizes[k] ?? 0) + 1;
  /** The fewest fronts holding maxRanked rows (the definition of the cut). */
  const frontsFor = (maxRanked: number): number => {
    let K = 0;
    for (let ranked = 0; ranked < maxRanked; K++) ranked += sizes[K]!;
    return K;
  };

  it.each(['all', 'first-two', 'claim-and-fail'] as const)('cuts needing 2, 5, 9 and 20+ fronts give peeling\'s ranks (%s)', (mode) => {
    const cuts = [sizes[0]! + 1, sizes[0]! + sizes[1]! + sizes[2]! + sizes[3]! + 1, Math.ceil(n / 10), Math.ceil(n / 2)];
    const needed = cuts.map(frontsFor);
    expect(needed[0]).toBe(2);
    expect(needed[1]).toBe(5);
    // more fronts than the shared peels (1 + 8): the loop ranks the rest, reading the peeled ranks
    expect(needed[2]).toBeGreaterThan(9);
    expect(needed[3]).toBeGreaterThan(20);
    for (const maxRanked of cuts) {
      const helper = new InThreadHelper(mode, runBitsetTask);
      const K = frontsFor(maxRanked);
      const got = nonDominatedSort(F, n, m, maxRanked, helper);
      expect(got.fronts.length, `maxRanked ${maxRanked}`).toBe(K);
      expect(Array.from(got.ranks), `maxRanked ${maxRanked}`).toEqual(want.map((k) => Math.min(k, K)));
      // columns, snapshots, the first front's scan, then one scan per further front (at most 8)
      expect(helper.posted, `maxRanked ${maxRanked}`).toBe(2 + Math.min(K, 9));
    }
  });
});

describe.skipIf(availableParallelism() < 2)('the real helper thread (compiled worker in dist/)', () => {
  async function readyHelper(): Promise<HelperThread> {
    const helper = algorithmHelper(4096);
    expect(helper).not.toBeNull();
    for (let waited = 0; !helper!.ready && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(helper!.ready).toBe(true);
    return helper!;
  }

  it('sorts as peeling by the definition, its chunks run on the thread (its completed tasks counted)', async () => {
    const helper = await readyHelper();
    const n = 4300;
    const m = 5;
    const F = sphereSet(n, m, 9);
    const want = bruteRanks(F, n, m);
    const before = helper.completed;
    expect(Array.from(nonDominatedSort(F, n, m, n, helper).ranks)).toEqual(want);
    expect(Array.from(nonDominatedMask(F, n, m, 0, helper))).toEqual(want.map((k) => (k === 0 ? 1 : 0)));
    // columns, snapshots and scan, twice
    expect(helper.completed - before).toBe(6);
    // the same process gets the same thread
    expect(algorithmHelper(5000)).toBe(helper);
  });

  it('merges an archive\'s entries with a batch as the definition, the queries shared (its completed tasks counted)', async () => {
    const helper = await readyHelper();
    const m = 5;
    const F = sphereSet(6000, m, 12);
    const ranks = bruteRanks(F, 6000, m);
    // the entries: the set's first front (an antichain); the batch: the rows of its second front
    const entries = ranks.flatMap((k, i) => (k === 0 ? [i] : []));
    const batch = ranks.flatMap((k, i) => (k === 1 ? [i] : []));
    expect(entries.length).toBeGreaterThan(2048);
    const rows = [...entries, ...batch];
    const G = sharedFloat64(rows.length * m);
    rows.forEach((i, t) => G.set(F.subarray(i * m, i * m + m), t * m));
    const before = helper.completed;
    // every entry stays, no batch row (each is dominated by an entry)
    expect(Array.from(mergeFrontMask(G, entries.length, rows.length, m, undefined, helper))).toEqual(rows.map((_, t) => (t < entries.length ? 1 : 0)));
    // the batch's own front (columns, snapshots, scan: the batch is under 4,096 rows, one order) and the queries
    expect(helper.completed - before).toBe(4);
  });

  it('a task the worker cannot run is reported failed (the caller redoes it); the thread serves the next one', async () => {
    const helper = await readyHelper();
    expect(helper.post({ kind: 'no such kernel' })).toBe(true);
    expect(helper.wait()).toBe(false);
    const n = 800;
    const F = sphereSet(n, 4, 10);
    const before = helper.completed;
    expect(Array.from(nonDominatedMask(F, n, 4, 0, helper))).toEqual(bruteRanks(F, n, 4).map((k) => (k === 0 ? 1 : 0)));
    expect(helper.completed - before).toBe(3);
  });

  it('is not started for one thread (or 0, or NaN), a small population, or with ODC_HELPER_THREAD=0', () => {
    expect(algorithmHelper(4096, 1)).toBeNull();
    expect(algorithmHelper(4096, 0)).toBeNull();
    expect(algorithmHelper(4096, Number.NaN)).toBeNull();
    expect(algorithmHelper(2047)).toBeNull();
    const saved = process.env['ODC_HELPER_THREAD'];
    process.env['ODC_HELPER_THREAD'] = '0';
    try {
      expect(algorithmHelper(4096)).toBeNull();
    } finally {
      if (saved === undefined) delete process.env['ODC_HELPER_THREAD'];
      else process.env['ODC_HELPER_THREAD'] = saved;
    }
  });
});

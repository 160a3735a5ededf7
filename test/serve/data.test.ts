/**
 * The explorer's filter mask (src/serve/app/maskIndex.ts), made afresh for each case: each subset and range filter
 * against the designs worked out one by one here (test/serve/maskIndex.test.ts: the same kept between brushes).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { buildDataset } from '../../src/serve/app/data.js';
import { MaskIndex } from '../../src/serve/app/maskIndex.js';
import type { ColumnInfo, RunInfo } from '../../src/serve/runData.js';
import { SUBSETS } from '../../src/serve/urlState.js';

describe('MaskIndex, made afresh', () => {
  it('keeps the designs of the subset whose values lie in every filter range (NaN in none), and counts them', () => {
    const rng = createRng(3);
    const n = 400;
    const columns: ColumnInfo[] = [
      { name: 'eval', role: 'index', unit: '' },
      { name: 'status', role: 'status', unit: '' },
      { name: 'a', role: 'objective', unit: '' },
      { name: 'b', role: 'objective', unit: '' },
    ];
    const status = Array.from({ length: n }, () => rng.int(2)); // 0 feasible, 1 infeasible
    const a = Array.from({ length: n }, () => (rng.int(25) === 0 ? NaN : rng.next()));
    const b = Array.from({ length: n }, () => rng.next() * 10);
    const data = Float64Array.from([...Array.from({ length: n }, (_, i) => i), ...status, ...a, ...b]);
    const front = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 0);
    const info = { id: 0, columns, rows: n } as unknown as RunInfo;
    const ds = buildDataset([{ info, data, frontIndices: front }], null);
    const filterSets = [
      [],
      [{ metric: 'a', lo: 0.2, hi: 0.7 }],
      [
        { metric: 'a', lo: 0.1, hi: 0.9 },
        { metric: 'b', lo: 2, hi: 6 },
      ],
      [{ metric: 'missing', lo: 0, hi: 1 }],
    ];
    for (const subset of SUBSETS)
      for (const filters of filterSets) {
        const inSubset = (i: number): boolean =>
          subset === 'front' || subset === 'union'
            ? i % 7 === 0
            : subset === 'feasible'
              ? status[i] === 0
              : subset === 'infeasible'
                ? status[i] === 1
                : true;
        const value = (metric: string, i: number): number | undefined =>
          metric === 'a' ? a[i] : metric === 'b' ? b[i] : undefined;
        const expected = Array.from({ length: n }, (_, i) =>
          inSubset(i) &&
          filters.every((f) => {
            const v = value(f.metric, i);
            return v === undefined || (v >= f.lo && v <= f.hi);
          })
            ? 1
            : 0,
        );
        const index = new MaskIndex(ds);
        const count = index.update(subset, filters);
        expect(Array.from(index.mask), `${subset} ${JSON.stringify(filters)}`).toEqual(expected);
        expect(count).toBe(expected.filter((m) => m === 1).length);
      }
  });
});

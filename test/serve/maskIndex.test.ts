/**
 * The incremental filter mask (src/serve/app/maskIndex.ts) against a brute-force filter written here: after every
 * step of random brush sequences (ranges whose ends fall on data values, between them, beyond them, reversed, NaN,
 * infinite; filters added, moved, removed, doubled on one dimension, on a missing one; the subset changed), the mask
 * and its count equal the test's own row-by-row check. A range end off by one position (a design at the end value
 * kept or dropped wrongly), a design left out of a move's positions or a count not restored would fail it. The same
 * steps check the lists of flipped designs the views count from (`changes`): replayed on the previous mask they give
 * the new one, the kept rows are the mask's, and line counts kept from them (some steps skipped, so counted afresh)
 * equal the test's own count of the kept designs per cell.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/base/rng.js';
import { buildDataset } from '../../src/serve/app/data.js';
import { MaskIndex, sortOrder } from '../../src/serve/app/maskIndex.js';
import { LineCounts, pairCells } from '../../src/serve/app/raster.js';
import type { ColumnInfo, RunInfo } from '../../src/serve/runData.js';
import { SUBSETS, type Filter, type Subset } from '../../src/serve/urlState.js';

/** A value with many ties and the awkward ones: NaN, ±0, ±Infinity, tiny and huge magnitudes, negatives. */
function awkward(rng: Rng): number {
  const k = rng.int(20);
  if (k === 0) return NaN;
  if (k === 1) return rng.int(2) === 0 ? -0 : 0;
  if (k === 2) return rng.int(2) === 0 ? Infinity : -Infinity;
  if (k === 3) return (rng.next() - 0.5) * 1e300;
  if (k === 4) return (rng.next() - 0.5) * 1e-300;
  if (k < 10) return rng.int(7) - 3; // ties
  return (rng.next() - 0.5) * 10;
}

describe('MaskIndex', () => {
  it('sorts each dimension by value, NaN last, as a comparison sort does', () => {
    const rng = createRng(11);
    for (const n of [0, 1, 2, 5, 1000]) {
      const values = Float64Array.from({ length: n }, () => awkward(rng));
      const { rows, numbers } = sortOrder(values);
      expect([...rows].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(numbers).toBe([...values].filter((v) => !Number.isNaN(v)).length);
      for (let p = 1; p < numbers; p++) expect(values[rows[p - 1]!]!).toBeLessThanOrEqual(values[rows[p]!]!);
      for (let p = numbers; p < n; p++) expect(values[rows[p]!]).toBeNaN();
    }
  });

  it('keeps the same designs as a row-by-row filter after every brush of random sequences', () => {
    const rng = createRng(7);
    const n = 3000;
    const names = ['a', 'b', 'c'];
    const columns: ColumnInfo[] = [
      { name: 'eval', role: 'index', unit: '' },
      { name: 'status', role: 'status', unit: '' },
      ...names.map((name) => ({ name, role: 'objective' as const, unit: '' })),
    ];
    const status = Array.from({ length: n }, () => rng.int(2));
    const cols = names.map(() => Array.from({ length: n }, () => awkward(rng)));
    const data = Float64Array.from([...Array.from({ length: n }, (_, i) => i), ...status, ...cols.flat()]);
    const front = Array.from({ length: n }, (_, i) => i).filter((i) => i % 5 === 0);
    const info = { id: 0, columns, rows: n } as unknown as RunInfo;
    const ds = buildDataset([{ info, data, frontIndices: front }], null);
    const index = new MaskIndex(ds);

    const inSubset = (subset: Subset, i: number): boolean =>
      subset === 'front' || subset === 'union'
        ? i % 5 === 0
        : subset === 'feasible'
          ? status[i] === 0
          : subset === 'infeasible'
            ? status[i] === 1
            : true;
    const brute = (subset: Subset, filters: readonly Filter[]): number[] =>
      Array.from({ length: n }, (_, i) =>
        inSubset(subset, i) &&
        filters.every((f) => {
          const k = names.indexOf(f.metric);
          if (k < 0) return true;
          const v = cols[k]![i]!;
          return v >= f.lo && v <= f.hi;
        })
          ? 1
          : 0,
      );
    /** A range end: a value of the column itself (ends exactly on designs), a value between, beyond, NaN. */
    const end = (k: number): number => {
      const r = rng.int(10);
      if (r < 5) return cols[k]![rng.int(n)]!;
      if (r < 8) return (rng.next() - 0.5) * 12;
      return [Infinity, -Infinity, NaN, 1e301][rng.int(4)]!;
    };
    // one pair of axes of 4 bins, 2 colours
    const bins = [0, 1].map(() => Uint16Array.from({ length: n }, () => rng.int(4)));
    const colour = Uint8Array.from({ length: n }, () => rng.int(2));
    const lines = new LineCounts(pairCells(bins, 4), 4, 2, colour);
    let filters: Filter[] = [];
    let subset: Subset = 'all';
    for (let step = 0; step < 400; step++) {
      const what = rng.int(10);
      if (what === 0) subset = SUBSETS[rng.int(SUBSETS.length)]!;
      else if (what === 1) filters = [];
      else if (what === 2 && filters.length > 0) filters.splice(rng.int(filters.length), 1);
      else if (what === 3) filters.push({ metric: 'missing', lo: 0, hi: 1 });
      else {
        const k = rng.int(names.length);
        let [lo, hi] = [end(k), end(k)];
        if (rng.int(4) > 0 && lo > hi) [lo, hi] = [hi, lo];
        // most steps move a brush (replace the dimension's filter); some add a second one on it
        if (what > 4) filters = filters.filter((f) => f.metric !== names[k]);
        filters.push({ metric: names[k]!, lo, hi });
      }
      const expected = brute(subset, filters);
      const before = Array.from(index.mask);
      const version = index.changes().version;
      const count = index.update(subset, filters);
      expect(Array.from(index.mask), `step ${step}: ${subset} ${JSON.stringify(filters)}`).toEqual(expected);
      expect(count).toBe(expected.filter((m) => m === 1).length);
      const changes = index.changes();
      if (changes.version === version) expect(expected, `step ${step}: no new version, no change`).toEqual(before);
      else {
        // each listed flip replayed on the mask before the step gives the mask after it
        const replay = [...before];
        changes.added.forEach((i) => replay[i]!++);
        changes.removed.forEach((i) => replay[i]!--);
        expect(changes.complete).toBe(true);
        expect(replay, `step ${step}: flips`).toEqual(expected);
      }
      expect([...changes.keptRows()].sort((x, y) => x - y)).toEqual(expected.flatMap((m, i) => (m === 1 ? [i] : [])));
      // a view's counts, kept from the flips (every fifth step skipped: two versions behind, counted afresh)
      if (step % 5 === 4) continue;
      lines.update(index.mask, changes);
      const own = new Array<number>(lines.counts.length).fill(0);
      for (let i = 0; i < n; i++) if (expected[i] === 1) own[colour[i]! * 16 + bins[0]![i]! * 4 + bins[1]![i]!]!++;
      expect(Array.from(lines.counts), `step ${step}: line counts`).toEqual(own);
    }
  });
});

/**
 * The explorer's parallel-coordinates binning, line counts and drawing (src/serve/app/parcoords.ts, raster.ts), in
 * Node: the bin of each value and the counts per cell worked out by hand on a few designs; the drawn frame against
 * every (run, cell) line drawn one by one with the rule the docs state; a progressive count's sample (every
 * SAMPLE_STRIDE-th block of SAMPLE_BLOCK kept designs in row order) and, refined, its exact counts, counted here
 * design by design.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import type { Dim } from '../../src/serve/app/data.js';
import { axisBins } from '../../src/serve/app/pcAxes.js';
import type { MaskChanges } from '../../src/serve/app/maskIndex.js';
import {
  composeFrame,
  drawCountedLines,
  LineCounts,
  NAN_BIN,
  NAN_CELL,
  newFrame,
  pairCells,
} from '../../src/serve/app/raster.js';
import { SAMPLE_BLOCK, SAMPLE_FROM, SAMPLE_STRIDE } from '../../src/serve/app/maskCounts.js';

const dim = (values: number[], extra: Partial<Dim> = {}): Dim => {
  const finite = values.filter((v) => !Number.isNaN(v));
  return {
    name: 'x',
    role: 'variable',
    unit: '-',
    values: Float64Array.from(values),
    min: Math.min(...finite),
    max: Math.max(...finite),
    ...extra,
  };
};

describe('axisBins', () => {
  it('puts the maximum in the top bin and the minimum in the bottom one, a missing value in none', () => {
    // 5 bins over 0..10, bin 0 at the top: t = v / 10, bin = floor((1 - t) · 5), the minimum clamped into bin 4
    expect(Array.from(axisBins(dim([0, 10, 5, 2.5, 7.9, NaN]), 5))).toEqual([4, 0, 2, 3, 1, NAN_BIN]);
  });

  it('centres each option of a choice in its band and a constant axis at mid-height', () => {
    // options a, b: t = (position + 0.5) / 2 = 0.25, 0.75 → bins floor(0.75 · 5) = 3 and floor(0.25 · 5) = 1
    expect(Array.from(axisBins(dim([0, 1, 0], { options: ['a', 'b'], min: 0, max: 1 }), 5))).toEqual([3, 1, 3]);
    // every value equal: t = 0.5 → floor(2.5) = 2
    expect(Array.from(axisBins(dim([3, 3, 3]), 5))).toEqual([2, 2, 2]);
  });
});

describe('LineCounts', () => {
  // two axes of 2 bins: designs at bins (0, 1), (1, 0), (1, 0) and one missing on the second axis
  const bins = [Uint16Array.from([0, 1, 1, 0]), Uint16Array.from([1, 0, 0, NAN_BIN])];
  const cells = pairCells(bins, 2);

  it('counts the designs through each cell of a pair, a missing value in none', () => {
    // cell = bin on the first axis · 2 + bin on the second: 1, 2, 2, missing
    expect(cells.pairs).toBe(1);
    expect(Array.from(cells.cells)).toEqual([1, 2, 2, NAN_CELL]);
    const lines = new LineCounts(cells, 2, 1, null);
    expect(lines.update(Uint8Array.from([1, 1, 1, 1]))).toBe(4);
    expect(Array.from(lines.counts)).toEqual([0, 1, 2, 0]);
  });

  it('stores the cells design by design, every pair of a design side by side', () => {
    // three axes of 3 bins: design 0 at bins (0, 2, 1), design 1 at (2, missing, 0); cells binA · 3 + binB
    const three = pairCells([Uint16Array.of(0, 2), Uint16Array.of(2, NAN_BIN), Uint16Array.of(1, 0)], 3);
    expect(three.pairs).toBe(2);
    expect(Array.from(three.cells)).toEqual([2, 7, NAN_CELL, NAN_CELL]);
  });

  it('started from the grey counts, updates only what a mask changes and says how many designs changed', () => {
    const all = Uint8Array.from([1, 1, 1, 1]);
    const grey = new LineCounts(cells, 2, 1, null);
    grey.update(all);
    const one = new LineCounts(cells, 2, 1, new Uint8Array(4));
    one.startFrom(grey);
    expect(one.update(all)).toBe(0);
    expect(Array.from(one.counts)).toEqual([0, 1, 2, 0]);
    // design 2 leaves: cell 2 keeps one design
    expect(one.update(Uint8Array.from([1, 1, 0, 1]))).toBe(1);
    expect(Array.from(one.counts)).toEqual([0, 1, 1, 0]);
    // the grey counts it started from stay those of all designs
    expect(Array.from(grey.counts)).toEqual([0, 1, 2, 0]);
    // started from them under a mask that leaves one design out: all designs' counts less that one's
    const again = new LineCounts(cells, 2, 1, null, one);
    again.startFrom(grey);
    expect(again.update(Uint8Array.from([0, 1, 1, 1]))).toBe(1);
    expect(Array.from(again.counts)).toEqual([0, 0, 2, 0]);
    // under a mask that keeps fewer than half: its kept designs counted afresh (cell 2 holds design 1 only)
    const few = new LineCounts(cells, 2, 1, null, again);
    few.startFrom(grey);
    expect(few.update(Uint8Array.from([0, 1, 0, 0]))).toBe(4);
    expect(Array.from(few.counts)).toEqual([0, 0, 1, 0]);
  });

  it('after any sequence of masks, holds the count of each (pair, run, cell) over the kept designs', () => {
    // 3 axes of 4 bins, 2 runs, 500 designs, a few missing values; masks that change a few designs, most of them
    // (counted afresh: fewer kept than changed) or none
    const rng = createRng(11);
    const n = 500;
    const axes = Array.from({ length: 3 }, () =>
      Uint16Array.from({ length: n }, () => (rng.int(20) === 0 ? NAN_BIN : rng.int(4))),
    );
    const run = Uint8Array.from({ length: n }, () => rng.int(2));
    const cellsOf = pairCells(axes, 4);
    const lines = new LineCounts(cellsOf, 4, 2, run);
    let mask = new Uint8Array(n).fill(1);
    for (let step = 0; step < 12; step++) {
      const flip = [0.01, 0.9, 0, 0.3][step % 4]!;
      mask = mask.map((m) => (rng.next() < flip ? 1 - m : m));
      lines.update(mask);
      const expected = new Array<number>(lines.counts.length).fill(0);
      for (let k = 0; k < 2; k++)
        for (let i = 0; i < n; i++)
          if (mask[i] === 1 && axes[k]![i] !== NAN_BIN && axes[k + 1]![i] !== NAN_BIN) {
            const at = k * 32 + run[i]! * 16 + axes[k]![i]! * 4 + axes[k + 1]![i]!;
            expected[at] = expected[at]! + 1;
          }
      expect(Array.from(lines.counts), `step ${step}`).toEqual(expected);
    }
  });

  describe('progressive', () => {
    // 2 axes of 3 bins, 2 runs, SAMPLE_FROM / 0.85 designs (masks keeping 90 % and 95 % of them: over SAMPLE_FROM),
    // a few missing values
    const rng = createRng(23);
    const n = Math.ceil(SAMPLE_FROM / 0.85);
    const axes = Array.from({ length: 2 }, () =>
      Uint16Array.from({ length: n }, () => (rng.int(50) === 0 ? NAN_BIN : rng.int(3))),
    );
    const run = Uint8Array.from({ length: n }, () => rng.int(2));
    const cellsOf = pairCells(axes, 3);
    /** Counts per (run, cell) of the given designs, one by one. */
    const countOf = (rows: readonly number[]): number[] => {
      const out = new Array<number>(18).fill(0);
      for (const i of rows)
        if (axes[0]![i] !== NAN_BIN && axes[1]![i] !== NAN_BIN) {
          const at = run[i]! * 9 + axes[0]![i]! * 3 + axes[1]![i]!;
          out[at] = out[at]! + 1;
        }
      return out;
    };
    const keptOf = (mask: Uint8Array): number[] => Array.from(mask.keys()).filter((i) => mask[i] === 1);
    /** Every SAMPLE_STRIDE-th block of SAMPLE_BLOCK kept designs, in row order, from the first. */
    const sampleOf = (mask: Uint8Array): number[] =>
      keptOf(mask).filter((_, k) => Math.floor(k / SAMPLE_BLOCK) % SAMPLE_STRIDE === 0);
    const masks = [0.95, 0.9].map((p) => Uint8Array.from({ length: n }, () => (rng.next() < p ? 1 : 0)));
    const [a, b] = masks as [Uint8Array, Uint8Array];

    it('counts a sample of a large fresh count first, the rest as refined, then follows masks exactly', () => {
      const lines = new LineCounts(cellsOf, 3, 2, run);
      lines.progressive = true;
      expect(lines.update(a)).toBe(n);
      expect(lines.complete).toBe(false);
      expect(Array.from(lines.counts)).toEqual(countOf(sampleOf(a)));
      // the same mask again: the sample stands, nothing counted
      expect(lines.update(a.slice())).toBe(0);
      expect(Array.from(lines.counts)).toEqual(countOf(sampleOf(a)));
      let steps = 0;
      while (!lines.refine(50_000)) steps++;
      // the other 7/8 of ~560,000 kept designs, 50,000 a step
      expect(steps).toBeGreaterThan(1);
      expect(lines.complete).toBe(true);
      expect(Array.from(lines.counts)).toEqual(countOf(keptOf(a)));
      // a few designs flipped: counted exactly, as they changed
      const c = a.map((m, i) => (i % 997 === 0 ? 1 - m : m));
      expect(lines.update(c)).toBeLessThan(1000);
      expect(Array.from(lines.counts)).toEqual(countOf(keptOf(c)));
    });

    it('counts another mask afresh from its own sample when it comes before the refining ends', () => {
      const lines = new LineCounts(cellsOf, 3, 2, run);
      lines.progressive = true;
      const changes = (version: number, mask: Uint8Array, added: number[], removed: number[]): MaskChanges => ({
        source: masks,
        version,
        complete: true,
        added: Int32Array.from(added),
        removed: Int32Array.from(removed),
        kept: keptOf(mask).length,
        keptRows: () => Int32Array.from(keptOf(mask)),
      });
      lines.update(a, changes(1, a, [], []));
      lines.refine(10_000);
      expect(lines.complete).toBe(false);
      // b's flips from a: not counted over a part-counted sample, b counted afresh instead
      const flips = (mask: Uint8Array, to: 0 | 1): number[] =>
        Array.from(mask.keys()).filter((i) => a[i] !== b[i] && mask[i] === to);
      expect(lines.update(b, changes(2, b, flips(b, 1), flips(b, 0)))).toBe(n);
      expect(Array.from(lines.counts)).toEqual(countOf(sampleOf(b)));
      // the same version again: nothing counted, the refining goes on
      expect(lines.update(b, changes(2, b, flips(b, 1), flips(b, 0)))).toBe(0);
      while (!lines.refine(30_000));
      expect(Array.from(lines.counts)).toEqual(countOf(keptOf(b)));
      // not progressive: a fresh count is exact at once
      const exact = new LineCounts(cellsOf, 3, 2, run);
      exact.update(b, changes(2, b, [], []));
      expect(exact.complete).toBe(true);
      expect(Array.from(exact.counts)).toEqual(countOf(keptOf(b)));
    });
  });

  it('counts every design in steps (countAll), and counts started from them follow masks as a fresh count does', () => {
    // 3 axes of 5 bins, 3 runs, 2,000 designs, a few missing values
    const rng = createRng(31);
    const n = 2000;
    const axes = Array.from({ length: 3 }, () =>
      Uint16Array.from({ length: n }, () => (rng.int(30) === 0 ? NAN_BIN : rng.int(5))),
    );
    const run = Uint8Array.from({ length: n }, () => rng.int(3));
    const cellsOf = pairCells(axes, 5);
    const all = new Uint8Array(n).fill(1);
    const fresh = new LineCounts(cellsOf, 5, 3, run);
    fresh.update(all);
    const ahead = new LineCounts(cellsOf, 5, 3, run);
    ahead.countAll(n);
    let steps = 0;
    while (!ahead.refine(300)) steps++;
    expect(steps).toBe(6);
    expect(ahead.complete).toBe(true);
    expect(Array.from(ahead.counts)).toEqual(Array.from(fresh.counts));
    // a view's counts started from them: every design kept counts nothing, then masks as a fresh count follows them
    const view = new LineCounts(cellsOf, 5, 3, run);
    view.startFrom(ahead);
    expect(view.update(all)).toBe(0);
    expect(Array.from(view.counts)).toEqual(Array.from(fresh.counts));
    for (const p of [0.99, 0.6, 0.1]) {
      const mask = Uint8Array.from({ length: n }, () => (rng.next() < p ? 1 : 0));
      const other = new LineCounts(cellsOf, 5, 3, run);
      other.update(mask);
      view.update(mask);
      expect(Array.from(view.counts), `mask keeping ${p}`).toEqual(Array.from(other.counts));
    }
    // the counts it started from stay every design's
    expect(Array.from(ahead.counts)).toEqual(Array.from(fresh.counts));
  });

  it('deferAll: a mask keeping every design changes nothing while the counts are made; another counts afresh', () => {
    // 3 axes of 4 bins, 2 runs, 1,500 designs: the frame of every design was drawn ahead, the counts let go
    const rng = createRng(43);
    const n = 1500;
    const axes = Array.from({ length: 3 }, () => Uint16Array.from({ length: n }, () => rng.int(4)));
    const run = Uint8Array.from({ length: n }, () => rng.int(2));
    const cellsOf = pairCells(axes, 4);
    const all = new Uint8Array(n).fill(1);
    const countOf = (mask: Uint8Array): number[] => {
      const c = new LineCounts(cellsOf, 4, 2, run);
      c.update(mask);
      return Array.from(c.counts);
    };
    const masks = {};
    const changes = (version: number, kept: Uint8Array, added: number[], removed: number[]): MaskChanges => ({
      source: masks,
      version,
      complete: true,
      added: Int32Array.from(added),
      removed: Int32Array.from(removed),
      kept: kept.reduce((s, k) => s + k, 0),
      keptRows: () => Int32Array.from(Array.from(kept.keys()).filter((i) => kept[i] === 1)),
    });
    // every design kept: nothing changed, nothing to draw again (not a sample) until the counts are made
    const lines = new LineCounts(cellsOf, 4, 2, run);
    lines.deferAll(n);
    expect([lines.sampled, lines.complete, lines.countingShown]).toEqual([false, false, true]);
    expect(lines.update(all, changes(7, all, [], []))).toBe(0);
    expect(lines.update(all, changes(7, all, [], []))).toBe(0);
    let steps = 0;
    while (!lines.refine(400)) steps++;
    expect([steps, lines.countingShown]).toEqual([3, false]);
    expect(Array.from(lines.counts)).toEqual(countOf(all));
    // then a brush's flips (the next version) counted over them: designs 0-99 left out
    const less = all.map((_, i) => (i < 100 ? 0 : 1));
    const out = Array.from({ length: 100 }, (_, i) => i);
    expect(lines.update(less, changes(8, less, [], out))).toBe(100);
    expect(Array.from(lines.counts)).toEqual(countOf(less));
    // a brush while the counts are being made: the kept designs counted afresh, not over the part made
    const early = new LineCounts(cellsOf, 4, 2, run);
    early.deferAll(n);
    expect(early.update(all, changes(7, all, [], []))).toBe(0);
    early.refine(400);
    expect(early.update(less, changes(8, less, [], out))).toBe(n);
    expect([early.complete, early.countingShown, Array.from(early.counts)]).toEqual([true, false, countOf(less)]);
    // a first mask that leaves designs out (no change list): counted afresh
    const first = new LineCounts(cellsOf, 4, 2, run);
    first.deferAll(n);
    expect(first.update(less)).toBe(n);
    expect([first.complete, Array.from(first.counts)]).toEqual([true, countOf(less)]);
    // a progressive fresh count of a sample is `sampled`, as the views' refine() needs
    const big = new LineCounts(pairCells([new Uint16Array(SAMPLE_FROM), new Uint16Array(SAMPLE_FROM)], 4), 4, 1, null);
    big.progressive = true;
    big.update(new Uint8Array(SAMPLE_FROM).fill(1));
    expect([big.sampled, big.complete, big.countingShown]).toEqual([true, false, false]);
  });

  it('refuses to start from counts of other cells or another number of runs', () => {
    const grey = new LineCounts(cells, 2, 1, null);
    expect(() => new LineCounts(cells, 2, 2, new Uint8Array(4)).startFrom(grey)).toThrow(/other cells or runs/);
    expect(() => new LineCounts(pairCells(bins, 2), 2, 1, null).startFrom(grey)).toThrow(/other cells or runs/);
  });
});

describe('drawCountedLines', () => {
  it('shows at each pixel the strongest line through it, the earlier run among equals, as drawing every line does', () => {
    // 3 axes of 6 bins, 3 runs; each line's pixels taken from a frame holding that line alone; its intensity from the
    // stated rule, 0.3 + 0.7 √(count / most in the pair), in 0-255
    const rng = createRng(5);
    const nb = 6;
    const geo = { xs: [2, 30, 51], top: 3, binPx: 4 };
    const [width, height] = [56, 3 + nb * 4 + 2];
    const n = 300;
    const axes = Array.from({ length: 3 }, () => Uint16Array.from({ length: n }, () => rng.int(nb)));
    // runs skewed so that cells hold lines of several runs with equal and unequal counts
    const run = Uint8Array.from({ length: n }, () => [0, 1, 1, 2][rng.int(4)]!);
    const cells = pairCells(axes, nb);
    const lines = new LineCounts(cells, nb, 3, run);
    lines.update(new Uint8Array(n).fill(1));
    const frame = newFrame(width, height);
    drawCountedLines(frame, lines, geo);

    const alpha = new Uint8Array(width * height);
    const colour = new Uint8Array(width * height);
    for (let k = 0; k < 2; k++) {
      // each design's cell of this pair from its bins (none missing here)
      const pair = Array.from({ length: n }, (_, i) => axes[k]![i]! * nb + axes[k + 1]![i]!);
      const count = (r: number, cell: number): number => pair.filter((c, i) => c === cell && run[i] === r).length;
      let most = 0;
      for (let r = 0; r < 3; r++) for (let cell = 0; cell < nb * nb; cell++) most = Math.max(most, count(r, cell));
      for (let r = 0; r < 3; r++)
        for (let cell = 0; cell < nb * nb; cell++) {
          const c = count(r, cell);
          if (c === 0) continue;
          const a = Math.round(255 * (0.3 + 0.7 * Math.sqrt(c / most)));
          // the line alone: one design through that cell of this pair, no other pair drawn
          const one = new LineCounts({ pairs: 1, cells: Uint16Array.of(cell) }, nb, 1, null);
          one.update(Uint8Array.of(1));
          const alone = newFrame(width, height);
          drawCountedLines(alone, one, { ...geo, xs: geo.xs.slice(k, k + 2) });
          alone.alpha.forEach((v, p) => {
            if (v > 0 && a > alpha[p]!) {
              alpha[p] = a;
              colour[p] = r;
            }
          });
        }
    }
    expect(Array.from(frame.alpha)).toEqual(Array.from(alpha));
    expect(Array.from(frame.colour)).toEqual(Array.from(colour));
    // every run shows somewhere (a frame of one colour would not test the choice between runs)
    expect(new Set(frame.colour).size).toBe(3);
    // drawn a pair at a time over a frame that held other lines: the same lines (a pixel's colour matters where it
    // has a line)
    const inSteps = newFrame(width, height);
    inSteps.alpha.fill(200);
    inSteps.colour.fill(2);
    drawCountedLines(inSteps, lines, geo, [0, 1]);
    drawCountedLines(inSteps, lines, geo, [1, 2]);
    expect(Array.from(inSteps.alpha)).toEqual(Array.from(frame.alpha));
    const lit = (f: typeof frame): number[] => Array.from(f.colour, (c, p) => (f.alpha[p]! > 0 ? c : -1));
    expect(lit(inSteps)).toEqual(lit(frame));
  });
});

describe('composeFrame', () => {
  it('composes rows [from, to) as the whole frame does, leaving the other rows as they were', () => {
    const rng = createRng(3);
    const [w, h] = [7, 6];
    const fg = newFrame(w, h);
    for (let p = 2 * w; p < 5 * w; p++) [fg.alpha[p], fg.colour[p]] = [rng.int(256), rng.int(2)];
    const bg = Uint32Array.from({ length: w * h }, () => rng.int(2 ** 31));
    const palette: [number, number, number][] = [
      [10, 20, 30],
      [200, 100, 0],
    ];
    const whole = new Uint32Array(w * h);
    composeFrame(whole, bg, fg, palette);
    const rows = Uint32Array.from(bg);
    composeFrame(rows, bg, fg, palette, [2, 5]);
    expect(Array.from(rows)).toEqual(Array.from(whole));
    expect(whole.slice(2 * w, 5 * w)).not.toEqual(bg.slice(2 * w, 5 * w));
  });
});

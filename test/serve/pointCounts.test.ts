/**
 * The scatter's binned points (src/serve/app/pointCounts.ts) against the designs themselves: after masks that change
 * a few designs, most or none, each pixel of each panel holds the count of kept designs of each colour there, and
 * the drawn pixel has the colour most of them have (the later colour among equals), worked out here design by design.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { NO_PIXEL, PointCounts } from '../../src/serve/app/pointCounts.js';

describe('PointCounts', () => {
  it('counts the kept designs per pixel and colour and draws each pixel in its most frequent colour', () => {
    const rng = createRng(17);
    const n = 2000;
    const c = 4; // positions 0 … 4: a 5 × 5 panel, crowded
    const classes = 3;
    const px = Array.from({ length: 3 }, () =>
      Uint16Array.from({ length: n }, () => (rng.int(30) === 0 ? NO_PIXEL : rng.int(c + 1))),
    );
    const index = Uint8Array.from({ length: n }, () => rng.int(classes));
    const panels = [
      { i: 1, j: 0, ox: 1, oy: 1 },
      { i: 2, j: 0, ox: 8, oy: 1 },
      { i: 2, j: 1, ox: 8, oy: 8 },
    ];
    const width = 14;
    const points = new PointCounts(px, panels, c, classes, index);
    const colours = [0xff0000ff, 0xff00ff00, 0xffff0000];
    let mask = new Uint8Array(n).fill(1);
    for (let step = 0; step < 12; step++) {
      const flip = [0.01, 0.9, 0, 0.3][step % 4]!;
      mask = mask.map((m) => (rng.next() < flip ? 1 - m : m));
      points.update(mask);
      const buf = new Uint32Array(width * width);
      points.draw(buf, width, colours);
      const expected = new Uint32Array(width * width);
      panels.forEach(({ i, j, ox, oy }, k) => {
        for (let x = 0; x <= c; x++)
          for (let y = 0; y <= c; y++) {
            const per = [0, 1, 2].map(
              (cls) =>
                Array.from({ length: n }, (_, r) => r).filter(
                  (r) => mask[r] === 1 && px[j]![r] === x && px[i]![r] === y && index[r] === cls,
                ).length,
            );
            per.forEach((count, cls) =>
              expect(points.counts[(k * (c + 1) ** 2 + y * (c + 1) + x) * classes + cls], `step ${step}`).toBe(count),
            );
            const most = Math.max(...per);
            if (most > 0) expected[(oy + c - y) * width + ox + x] = colours[per.lastIndexOf(most)]!;
          }
      });
      expect(Array.from(buf), `step ${step}`).toEqual(Array.from(expected));
    }
  });

  it('counts every design in steps (countAll, deferAll); counts started from them follow masks; others refused', () => {
    const rng = createRng(9);
    const n = 1000;
    const c = 9;
    const px = Array.from({ length: 3 }, () =>
      Uint16Array.from({ length: n }, () => (rng.int(20) === 0 ? NO_PIXEL : rng.int(c + 1))),
    );
    const index = Uint8Array.from({ length: n }, () => rng.int(4));
    const panels = [
      { i: 1, j: 0, ox: 0, oy: 0 },
      { i: 2, j: 1, ox: 0, oy: 12 },
    ];
    const all = new Uint8Array(n).fill(1);
    const fresh = new PointCounts(px, panels, c, 4, index);
    fresh.update(all);
    const ahead = new PointCounts(px, panels, c, 4, index);
    ahead.countAll(n);
    while (!ahead.refine(128));
    expect(Array.from(ahead.counts)).toEqual(Array.from(fresh.counts));
    const view = new PointCounts(px, panels, c, 4, index);
    view.startFrom(ahead);
    expect(view.update(all)).toBe(0);
    const mask = Uint8Array.from({ length: n }, () => (rng.next() < 0.8 ? 1 : 0));
    const other = new PointCounts(px, panels, c, 4, index);
    other.update(mask);
    view.update(mask);
    expect(Array.from(view.counts)).toEqual(Array.from(other.counts));
    const moved = new PointCounts([...px], panels, c, 4, index);
    expect(() => moved.startFrom(ahead)).toThrow(/other positions/);
    // an image drawn ahead alone (deferAll): every design kept changes nothing, the counts made after
    const deferred = new PointCounts(px, panels, c, 4, index);
    deferred.deferAll(n);
    expect([deferred.update(all), deferred.sampled]).toEqual([0, false]);
    while (!deferred.refine(128));
    expect(Array.from(deferred.counts)).toEqual(Array.from(fresh.counts));
    deferred.update(mask);
    expect(Array.from(deferred.counts)).toEqual(Array.from(other.counts));
  });

  it('draws pixels emptied by removals as empty, also through counts that take over the memory of others', () => {
    const rng = createRng(5);
    const n = 300;
    const c = 29; // 30 × 30 pixels, most of them empty
    const px = Array.from({ length: 2 }, () => Uint16Array.from({ length: n }, () => rng.int(c + 1)));
    const panels = [{ i: 1, j: 0, ox: 0, oy: 0 }];
    const width = c + 1;
    let points: PointCounts | undefined;
    let mask = new Uint8Array(n).fill(1);
    let index = new Uint8Array(n);
    for (let step = 0; step < 16; step++) {
      const classes = 1 + (step >> 2);
      // a new colouring every 4th step: its counts take over the old ones' memory (maskCounts.ts reusable)
      if (step % 4 === 0) {
        index = Uint8Array.from({ length: n }, () => rng.int(classes));
        points = new PointCounts(px, panels, c, classes, index, points);
      }
      mask = mask.map((m) => (rng.next() < [0.05, 0.95, 0.5, 0][step % 4]! ? 1 - m : m));
      points!.update(mask);
      const buf = new Uint32Array(width * width);
      points!.draw(buf, width, [1, 2, 3, 4]);
      const expected = new Uint32Array(width * width);
      const kept = Array.from({ length: n }, (_, r) => r).filter((r) => mask[r] === 1);
      for (let x = 0; x <= c; x++)
        for (let y = 0; y <= c; y++) {
          const per = Array.from({ length: classes }, () => 0);
          for (const r of kept) if (px[0]![r] === x && px[1]![r] === y) per[index[r]!]!++;
          const most = Math.max(...per);
          if (most > 0) expected[(c - y) * width + x] = [1, 2, 3, 4][per.lastIndexOf(most)]!;
        }
      expect(Array.from(buf), `step ${step}`).toEqual(Array.from(expected));
    }
  });
});

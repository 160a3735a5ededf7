import { describe, expect, it } from 'vitest';
import { ParetoArchive } from '../../../src/optimize/pareto/paretoArchive.js';
import { atScale } from '../../helpers/scale.js';
import { LegacyParetoArchive } from './legacyParetoArchive.js';
import { bruteFront, lex, points, shuffled, type Kind, type Pt } from './points.js';

/**
 * Offers `seq` to each archive, reading items() every `every` offers (every read flushes, as the run does each
 * generation).
 */
function feed(
  archives: readonly { add(p: Pt): void; items(): Pt[] }[],
  seq: readonly Pt[],
  every: number,
  onRead?: () => void,
): void {
  seq.forEach((p, t) => {
    for (const a of archives) a.add(p);
    if (t % every === every - 1) {
      for (const a of archives) a.items();
      onRead?.();
    }
  });
}

const ids = (xs: readonly Pt[]): number[] => xs.map((p) => p.evalIndex);
/** Point counts of the larger cases: a quarter in `npm test`, full in `npm run test:scale` (test/helpers/scale.ts). */
const scaled = (full: number): number => Math.round(full * atScale(0.25, 1));

describe('ParetoArchive, m >= 4 (batch merges): the brute-force front in lexicographic order, whatever the order and batches', () => {
  const kinds: Kind[] = ['continuous', 'grid', 'simplex', 'converging'];
  for (const m of [4, 5, 6]) {
    for (const kind of kinds) {
      it(`m = ${m}, ${kind}: same content and order as the O(n²) filter for 3 insertion orders × 4 batch sizes`, () => {
        const pts = points(kind, m, kind === 'continuous' ? 3000 : 1500, 97 * m + kind.length);
        const expected = ids(bruteFront(pts));
        // the oracle's order is lexicographic and strict (no ties after dedup)
        const front = bruteFront(pts);
        for (let t = 1; t < front.length; t++) expect(lex(front[t - 1]!, front[t]!)).toBe(-1);
        const orders = [pts, pts.slice().reverse(), shuffled(pts, m + 1)];
        for (const seq of orders) {
          for (const every of [13, 500, Infinity]) {
            const a = new ParetoArchive<Pt>(m);
            feed([a], seq, every);
            expect(ids(a.items())).toEqual(expected);
            expect(a.size).toBe(expected.length);
          }
          // a read after every offer (batches of one) on the first 300
          const a = new ParetoArchive<Pt>(m);
          feed([a], seq.slice(0, 300), 1);
          expect(ids(a.items())).toEqual(ids(bruteFront(seq.slice(0, 300))));
        }
      });
    }
  }

  it('among equal objective vectors the lowest evalIndex stays, whichever comes first or in which batch', () => {
    // three copies of each grid point with distinct evalIndex, interleaved with dominated and dominating points
    const base = points('grid', 4, 300, 5);
    const copies: Pt[] = [];
    for (let c = 0; c < 3; c++)
      for (const p of base) copies.push({ f: p.f.slice(), cv: 0, evalIndex: 1000 * (3 - c) + p.evalIndex });
    const all = [...base, ...copies];
    const expected = ids(bruteFront(all));
    for (const seed of [1, 2, 3]) {
      for (const every of [1, 7, 10_000]) {
        const a = new ParetoArchive<Pt>(4);
        feed([a], shuffled(all, seed), every);
        const got = a.items();
        expect(ids(got)).toEqual(expected);
        // each kept point is the lowest-index copy of its vector
        for (const p of got) {
          const twins = all.filter((q) => lex(p, q) === 0);
          expect(p.evalIndex).toBe(Math.min(...ids(twins)));
        }
      }
    }
  });

  it('large and small batches in any mix: the brute-force front', () => {
    for (const m of [4, 5]) {
      for (const kind of ['converging', 'grid', 'simplex'] as const) {
        const pts = points(kind, m, scaled(6000), 31 * m + kind.length);
        const a = new ParetoArchive<Pt>(m);
        // reads after 5/12 of the offers, then 25 small batches, then at the end
        const [first, step] = [scaled(2500), scaled(40)];
        const reads = new Set([
          first - 1,
          ...Array.from({ length: 25 }, (_, i) => first - 1 + step * (i + 1)),
          pts.length - 1,
        ]);
        pts.forEach((p, t) => {
          a.add(p);
          if (reads.has(t)) expect(ids(a.items())).toEqual(ids(bruteFront(pts.slice(0, t + 1))));
        });
      }
    }
  });

  it('batch merges in a row without a read (each starting from the rows the previous one left), and after restore(): the brute-force front', () => {
    for (const m of [4, 5]) {
      const pts = points('converging', m, scaled(9000), 7 * m);
      const a = new ParetoArchive<Pt>(m);
      // no read until the end: the buffer merges itself (at 1,024, then at twice the archive's size), rows carried over
      pts.forEach((p) => a.add(p));
      expect(ids(a.items())).toEqual(ids(bruteFront(pts)));
      // restored content, then batches again without reads
      const cut = scaled(4000);
      const resumed = new ParetoArchive<Pt>(m);
      resumed.restore(bruteFront(pts.slice(0, cut)));
      pts.slice(cut).forEach((p) => resumed.add(p));
      expect(ids(resumed.items())).toEqual(ids(bruteFront(pts)));
    }
  });

  it('batches smaller and larger than the entries: the brute-force front after each read', () => {
    for (const m of [4, 5]) {
      for (const kind of ['simplex', 'converging'] as const) {
        const pts = points(kind, m, scaled(8000), 13 * m + kind.length);
        const a = new ParetoArchive<Pt>(m);
        // a read at half the offers, then two batches of 11/80 of them (thousands of entries on the simplex), then the
        // rest without a read
        const reads = new Set([scaled(4000) - 1, scaled(5100) - 1, scaled(6200) - 1, pts.length - 1]);
        pts.forEach((p, t) => {
          a.add(p);
          if (reads.has(t))
            expect(ids(a.items()), `m ${m}, ${kind}, after ${t + 1}`).toEqual(ids(bruteFront(pts.slice(0, t + 1))));
        });
      }
    }
  });

  it('ignores infeasible designs and objective vectors of the wrong length', () => {
    const a = new ParetoArchive<Pt>(4);
    a.add({ f: Float64Array.of(0, 0, 0, 0), cv: 1e-9, evalIndex: 0 });
    a.add({ f: Float64Array.of(0, 0, 0), cv: 0, evalIndex: 1 });
    a.add({ f: Float64Array.of(1, 1, 1, 1), cv: 0, evalIndex: 2 });
    expect(ids(a.items())).toEqual([2]);
  });

  it('items() is a fresh array each time, in the same order while nothing changes', () => {
    const a = new ParetoArchive<Pt>(5);
    for (const p of points('simplex', 5, 400, 9)) a.add(p);
    const x = a.items();
    const y = a.items();
    expect(x).not.toBe(y);
    expect(y).toEqual(x);
    x.length = 0;
    expect(a.items()).toEqual(y);
  });
});

describe('ParetoArchive, m >= 4: identical to the previous linear-scan archive (oracle: frozen copy)', () => {
  const cases: [number, Kind, number][] = [
    [4, 'simplex', 100],
    [4, 'converging', 60],
    [5, 'simplex', 250],
    [5, 'grid', 40],
    [6, 'converging', 150],
    [6, 'continuous', 30],
  ];
  for (const [m, kind, capacity] of cases) {
    it(`bounded (capacity ${capacity}), m = ${m}, ${kind}: same items() (objects and order) and size after every read`, () => {
      const seq = points(kind, m, scaled(4000), capacity + m);
      for (const every of [1, 37, 212, scaled(1500)]) {
        const a = new ParetoArchive<Pt>(m, capacity);
        const b = new LegacyParetoArchive<Pt>(m, capacity);
        let reads = 0;
        feed([a, b], seq, every, () => {
          reads++;
          const x = a.items();
          const y = b.items();
          // the same objects in the same order (one assertion per read; the lists when they differ)
          if (x.length !== y.length || x.some((p, i) => p !== y[i])) expect(ids(x)).toEqual(ids(y));
          expect(a.size).toBe(b.size);
        });
        expect(ids(a.items())).toEqual(ids(b.items()));
        expect(a.size).toBeLessThanOrEqual(capacity + Math.max(1, Math.floor(capacity / 10)));
        expect(reads).toBeGreaterThan(0);
      }
    });
  }

  it('unbounded: same items() as the linear scan for the same offers (m = 4, 5, 6)', () => {
    for (const m of [4, 5, 6]) {
      const seq = shuffled(
        [
          ...points('converging', m, 2500, m),
          ...points('grid', m, 500, m + 50).map((p) => ({ ...p, evalIndex: p.evalIndex + 5000 })),
        ],
        m,
      );
      const a = new ParetoArchive<Pt>(m);
      const b = new LegacyParetoArchive<Pt>(m);
      feed([a, b], seq, 101);
      expect(ids(a.items())).toEqual(ids(b.items()));
    }
  });

  it('restore() then more offers: a resumed archive equals the uninterrupted one and the old archive (bounded and unbounded)', () => {
    for (const capacity of [Infinity, 120]) {
      const m = 5;
      const seq = points('converging', m, scaled(5000), 42);
      const cut = scaled(2345);
      const whole = new ParetoArchive<Pt>(m, capacity);
      const old = new LegacyParetoArchive<Pt>(m, capacity);
      feed([whole, old], seq.slice(0, cut), 212);
      // a checkpoint is written after a read (end of a generation): the buffer is empty there
      const snapshot = whole.items();
      expect(ids(snapshot)).toEqual(ids(old.items()));
      const resumed = new ParetoArchive<Pt>(m, capacity);
      resumed.restore(snapshot);
      const oldResumed = new LegacyParetoArchive<Pt>(m, capacity);
      oldResumed.restore(snapshot);
      expect(resumed.size).toBe(snapshot.length);
      feed([whole, old, resumed, oldResumed], seq.slice(cut), 212, () => {
        const x = ids(whole.items());
        expect(ids(resumed.items())).toEqual(x);
        expect(ids(old.items())).toEqual(x);
        expect(ids(oldResumed.items())).toEqual(x);
      });
    }
  });
});

describe('ParetoArchive, m <= 3: unchanged (oracle: frozen copy)', () => {
  it('m = 1, 2, 3, bounded and unbounded: same items() (objects and order) after every read', () => {
    for (const m of [1, 2, 3]) {
      for (const capacity of [Infinity, 50]) {
        for (const kind of ['converging', 'grid'] as const) {
          const seq = points(kind, m, 3000, 31 * m);
          const a = new ParetoArchive<Pt>(m, capacity);
          const b = new LegacyParetoArchive<Pt>(m, capacity);
          feed([a, b], seq, 97, () => {
            const x = a.items();
            const y = b.items();
            if (x.length !== y.length || x.some((p, i) => p !== y[i])) expect(ids(x)).toEqual(ids(y));
            expect(a.size).toBe(b.size);
          });
          expect(ids(a.items())).toEqual(ids(b.items()));
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { NdTree } from '../../src/core/ndTree.js';
import { beats, bruteFront, points, shuffled, type Kind, type Pt } from './points.js';

const byIndex = (a: Pt, b: Pt): number => a.evalIndex - b.evalIndex;
const lowerIndexWins = (y: Pt, z: Pt): boolean => y.evalIndex < z.evalIndex;

describe('NdTree (Jaszkiewicz & Lust 2018) against a brute-force non-dominated filter', () => {
  const kinds: Kind[] = ['continuous', 'grid', 'simplex', 'converging'];
  const shapes = [
    { label: 'paper parameters (leaf 20, m + 1 children)', opts: {} },
    { label: 'tiny leaves (leaf 2, 2 children: deep trees, many splits and collapses)', opts: { maxLeafSize: 2, children: 2 } },
  ];
  for (const m of [4, 5, 6]) {
    for (const kind of kinds) {
      for (const { label, opts } of shapes) {
        it(`update() accepts exactly the undominated candidates and holds the front of every prefix (m = ${m}, ${kind}, ${label})`, () => {
          const offered = shuffled(points(kind, m, 700, 1000 * m + kind.length), m);
          const removed: Pt[] = [];
          const tree = new NdTree<Pt>(m, { ...opts, preferEqual: lowerIndexWins, onRemove: (z) => removed.push(z) });
          const entered: Pt[] = [];
          offered.forEach((y, t) => {
            // y enters iff no earlier candidate beats it (then nothing in the front of the prefix does either)
            const expected = !offered.slice(0, t).some((b) => beats(b, y));
            expect(tree.update(y)).toBe(expected);
            if (expected) entered.push(y);
            if (t % 100 === 99 || t === offered.length - 1) {
              const content = tree.toArray().sort(byIndex);
              expect(content).toEqual(bruteFront(offered.slice(0, t + 1)).sort(byIndex));
              expect(tree.size).toBe(content.length);
              // every point that entered and is gone was reported once, and nothing else
              const gone = entered.filter((p) => !content.includes(p)).sort(byIndex);
              expect(removed.slice().sort(byIndex)).toEqual(gone);
            }
          });
        });
      }
    }
  }

  it('keeps the incumbent of an equal objective vector unless preferEqual says otherwise', () => {
    const f = Float64Array.of(1, 2, 3, 4);
    const a: Pt = { f, cv: 0, evalIndex: 5 };
    const b: Pt = { f: f.slice(), cv: 0, evalIndex: 3 };
    const c: Pt = { f: f.slice(), cv: 0, evalIndex: 9 };
    const paper = new NdTree<Pt>(4);
    expect(paper.update(a)).toBe(true);
    expect(paper.update(b)).toBe(false); // the paper rejects a covered (here equal) candidate
    expect(paper.toArray()).toEqual([a]);
    const archive = new NdTree<Pt>(4, { preferEqual: lowerIndexWins });
    archive.update(a);
    expect(archive.update(c)).toBe(false);
    expect(archive.update(b)).toBe(true);
    expect(archive.toArray()).toEqual([b]);
    expect(archive.size).toBe(1);
  });

  it('a candidate dominating every point empties the tree, which then holds it alone', () => {
    const pts = points('simplex', 5, 500, 7);
    const tree = new NdTree<Pt>(5);
    for (const p of pts) tree.update(p);
    expect(tree.size).toBe(bruteFront(pts).length);
    const origin: Pt = { f: new Float64Array(5), cv: 0, evalIndex: 1000 };
    expect(tree.update(origin)).toBe(true);
    expect(tree.toArray()).toEqual([origin]);
    expect(tree.size).toBe(1);
    const next: Pt = { f: Float64Array.of(-1, 0, 0, 0, 1), cv: 0, evalIndex: 1001 };
    expect(tree.update(next)).toBe(true);
    expect(tree.size).toBe(2);
  });

  it('insert() (no tests) of a mutually non-dominated set, then update(), equals the brute-force front', () => {
    const base = bruteFront(points('simplex', 4, 800, 11));
    const later = points('converging', 4, 800, 12).map((p) => ({ ...p, evalIndex: p.evalIndex + 10_000 }));
    const tree = new NdTree<Pt>(4, { preferEqual: lowerIndexWins });
    for (const p of base) tree.insert(p);
    expect(tree.size).toBe(base.length);
    for (const p of later) tree.update(p);
    expect(tree.toArray().sort(byIndex)).toEqual(bruteFront([...base, ...later]).sort(byIndex));
  });

  it('rejects bad parameters', () => {
    expect(() => new NdTree(4, { maxLeafSize: 0 })).toThrow(RangeError);
    expect(() => new NdTree(4, { children: 1 })).toThrow(RangeError);
  });
});

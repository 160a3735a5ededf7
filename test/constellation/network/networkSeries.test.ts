import { describe, expect, it } from 'vitest';
import {
  boundGap,
  graphClassUtilization,
  seriesStats,
  type InstantNetwork,
} from '../../../src/constellation/network/networkSeries.js';

const at = (lower: number, upper: number): InstantNetwork => ({
  sampleIndex: 0,
  model: 'bounds',
  throughputPerNode_bps: upper,
  lowerBound_bps: lower,
  upperBound_bps: upper,
  classes: [],
});

describe('boundGap', () => {
  it('is the largest (upper − lower)/upper over the instants with a positive upper bound', () => {
    // Gaps 0.25, 0.5 and 0.1 in that order: the largest, 0.5, wherever it sits.
    expect(boundGap([at(3, 4), at(5, 10), at(9, 10)])).toBe(0.5);
    expect(boundGap([at(9, 10), at(3, 4)])).toBe(0.25);
    // No lower bound known: gap 1.
    expect(boundGap([at(0, 7)])).toBe(1);
  });

  it('skips instants with an upper bound of 0, and is 0 with none left', () => {
    expect(boundGap([])).toBe(0);
    // An upper bound of 0 would divide by 0 (NaN gap): not counted.
    expect(boundGap([at(0, 0), at(8, 10)])).toBeCloseTo(0.2, 15);
    expect(boundGap([at(0, 0)])).toBe(0);
  });

  it('a series of one value: mean, p5 and worst are that value', () => {
    expect(seriesStats([4])).toEqual({ mean: 4, p5: 4, worst: 4 });
  });
});

describe('seriesStats', () => {
  it('nearest-rank p5: the ⌈0.05·K⌉-th smallest, at least the first; numeric order; the input left as it is', () => {
    // K = 20: rank 1; K = 21: rank ⌈1.05⌉ = 2; K = 40: rank 2; K = 41: rank 3. Values listed in descending order.
    const desc = (k: number) => Array.from({ length: k }, (_, i) => k - i);
    expect(seriesStats(desc(20)).p5).toBe(1);
    expect(seriesStats(desc(21)).p5).toBe(2);
    expect(seriesStats(desc(40))).toEqual({ mean: 20.5, p5: 2, worst: 1 });
    expect(seriesStats(desc(41)).p5).toBe(3);
    // 9 < 10 < 100 numerically (a text sort would put 10 first).
    const v = [10, 100, 9];
    expect(seriesStats(v)).toEqual({ mean: 119 / 3, p5: 9, worst: 9 });
    expect(v).toEqual([10, 100, 9]);
    expect(seriesStats([])).toEqual({ mean: 0, p5: 0, worst: 0 });
  });
});

describe('graphClassUtilization', () => {
  it('per class: links, links off, mean over the links on, maximum; classes in order of first appearance', () => {
    const edges = [
      { capacity_bps: 10, class: 'inPlane' },
      { capacity_bps: 10, class: 'crossPlane' },
      { capacity_bps: 0, class: 'crossPlane' },
      { capacity_bps: 10, class: 'inPlane' },
      { capacity_bps: 10, class: 'crossPlane' },
    ];
    // inPlane: 0.2 and 0.6 → mean 0.4, max 0.6; crossPlane: 0.9 and 0.3 on (0.7 on the off link ignored).
    const u = Float64Array.of(0.2, 0.9, 0.7, 0.6, 0.3);
    expect(graphClassUtilization(edges, u)).toEqual([
      { linkClass: 'inPlane', links: 2, off: 0, meanUtilization: 0.4, maxUtilization: 0.6 },
      { linkClass: 'crossPlane', links: 3, off: 1, meanUtilization: (0.9 + 0.3) / 2, maxUtilization: 0.9 },
    ]);
  });

  it('an edge without a class is a "link"; a class all off has mean and max 0; a missing utilisation counts 0', () => {
    const edges = [{ capacity_bps: 5 }, { capacity_bps: 0, class: 'diag' }, { capacity_bps: 5 }];
    const r = graphClassUtilization(edges, Float64Array.of(0.5));
    expect(r).toEqual([
      { linkClass: 'link', links: 2, off: 0, meanUtilization: 0.25, maxUtilization: 0.5 },
      { linkClass: 'diag', links: 1, off: 1, meanUtilization: 0, maxUtilization: 0 },
    ]);
    // A negative or NaN capacity is not a link that is on.
    expect(graphClassUtilization([{ capacity_bps: NaN }], Float64Array.of(3))[0]!.off).toBe(1);
    expect(graphClassUtilization([], new Float64Array(0))).toEqual([]);
  });
});

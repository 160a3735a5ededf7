/**
 * RunningHvEstimate against its definition: for each of the N uniform samples of [0, reference]^m, the earliest
 * design (lowest evaluation index) whose normalized objectives are all at or below the sample's; the estimate for a
 * generation ending at index I is volume · (samples whose earliest dominator is ≤ I) / N. The k-d tree behind it
 * (median splits by selection) must give exactly the brute force's counts, whatever the ties in the designs.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { RunningHvEstimate } from '../../src/run/historyIncremental.js';

function bruteEstimates(
  designs: readonly number[][],
  indices: readonly number[],
  reference: readonly number[],
  samples: number,
  seed: number,
  cuts: readonly number[],
): number[] {
  const m = reference.length;
  // the samples as the class documents them: the project's seeded generator, coordinate k scaled by reference[k]
  const rng = createRng(seed);
  const S = Array.from({ length: samples * m }, (_, i) => rng.next() * reference[i % m]!);
  const earliest = Array.from({ length: samples }, (_, s) => {
    let best = Infinity;
    designs.forEach((d, t) => {
      if (d.every((v, k) => v <= S[s * m + k]!)) best = Math.min(best, indices[t]!);
    });
    return best;
  });
  const volume = reference.reduce((v, r) => v * r, 1);
  return cuts.map((cut) => volume * (earliest.filter((e) => e <= cut).length / samples));
}

describe('RunningHvEstimate', () => {
  it.each([
    ['uniform reals', 4, 0],
    ['integer grid (many equal coordinates: equal pivots in the median splits)', 5, 1],
    ['near a sphere, some duplicates', 5, 2],
  ] as const)('equals the brute-force earliest dominators on every cut: %s, m = %i', (_, m, kind) => {
    const rng = createRng(17 + kind);
    const reference = Array.from({ length: m }, () => 1.1);
    const designs: number[][] = [];
    for (let t = 0; t < 1500; t++) {
      if (kind === 0) designs.push(Array.from({ length: m }, () => 1.2 * rng.next()));
      else if (kind === 1) designs.push(Array.from({ length: m }, () => rng.int(6) / 5));
      else if (t % 10 === 9) designs.push([...designs[t - 5]!]);
      else {
        const v = Array.from({ length: m }, () => Math.abs(rng.next() - 0.5) + 1e-3);
        const r = Math.hypot(...v) / (1 + 0.2 * rng.next());
        designs.push(v.map((x) => x / r));
      }
    }
    // evaluation indices in offer order, with gaps (failed and infeasible designs are not offered)
    const indices = designs.map((_, t) => 3 * t + (t % 2));
    const h = new RunningHvEstimate(m, reference, 3000, 99);
    designs.forEach((d, t) => h.add(d, indices[t]!));
    const cuts = [-1, 0, 50, 400, 1999, 3000, 4497, Infinity];
    const want = bruteEstimates(designs, indices, reference, 3000, 99, cuts);
    expect(cuts.map((c) => h.estimate(c).value)).toEqual(want);
    // nothing dominates before the first design; a later add() is taken into account
    expect(h.estimate(-1).value).toBe(0);
    h.add(
      Array.from({ length: m }, () => 0),
      10_000,
    );
    expect(h.estimate(10_000).value).toBeCloseTo(
      reference.reduce((v, r) => v * r, 1),
      12,
    );
  });
});

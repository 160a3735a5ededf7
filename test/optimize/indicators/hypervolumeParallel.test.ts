/**
 * The exact hypervolume on several threads (src/optimize/indicators/hypervolumeParallel.ts) gives `hypervolume`'s value
 * to
 * the last bit, so a run's final hypervolume does not depend on the machine's cores; small fronts and 4 objectives
 * stay on one thread. Threads are real worker threads running the compiled worker (dist/, built by npm test).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/base/rng.js';
import { hypervolume } from '../../../src/optimize/indicators/hypervolume.js';
import { hypervolumeParallel, threadsPay } from '../../../src/optimize/indicators/hypervolumeParallel.js';

/** n points near the positive orthant of the unit sphere, coordinates rounded to 1/levels (ties, duplicates). */
function roundedSphere(seed: number, n: number, m: number, levels: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const p = Array.from({ length: m }, () => Math.abs(rng.normal()));
    const r = Math.hypot(...p) / (1 + 0.05 * rng.next());
    return p.map((x) => Math.round((x / r) * levels) / levels);
  });
}

describe('hypervolumeParallel', () => {
  it('gives the one-thread value to the last bit on 20,000 points in 5 objectives, the chunks told as they finish', async () => {
    const pts = roundedSphere(41, 20_000, 5, 400);
    const ref = [1.1, 1.1, 1.1, 1.1, 1.1];
    expect(threadsPay(pts.length, 5)).toBe(true);
    const shares: number[] = [];
    const parallel = await hypervolumeParallel(pts, ref, { threads: 2, onProgress: (s) => shares.push(s) });
    expect(Object.is(parallel, hypervolume(pts, ref))).toBe(true);
    // 8 chunks in 5 objectives: told at 0, then after each
    expect(shares).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => k / 8));
  });

  it("stays on one thread for small fronts and in 4 objectives (the sweep's own progress)", async () => {
    expect(threadsPay(19_999, 5)).toBe(false);
    expect(threadsPay(8192, 6)).toBe(true);
    expect(threadsPay(8191, 6)).toBe(false);
    expect(threadsPay(1_000_000, 4)).toBe(false);
    const pts = roundedSphere(42, 3000, 4, 100);
    const shares: number[] = [];
    const v = await hypervolumeParallel(pts, [1.1, 1.1, 1.1, 1.1], { threads: 2, onProgress: (s) => shares.push(s) });
    expect(Object.is(v, hypervolume(pts, [1.1, 1.1, 1.1, 1.1]))).toBe(true);
    // the one-thread sweep's shares: every 1,024 points of those inside the box
    expect(shares[0]).toBe(0);
    expect(shares.every((s, i) => i === 0 || s > shares[i - 1]!)).toBe(true);
  });
});

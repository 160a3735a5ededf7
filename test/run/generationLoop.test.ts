/**
 * The progress line's ETA (src/run/generationLoop.ts etaFromRate): time left at the rate measured between the first
 * report and now, by hand. A 250-generation run whose first generation reports at 0.5 s (start-up and JIT warm-up
 * included) and whose second reports 10 ms later: 0.01 s per 0.004 of the budget → 0.992 / 0.004 × 0.01 = 2.48 s left,
 * where the elapsed time read as a rate (0.51 s for 0.008) would say 63.2 s.
 */
import { describe, expect, it } from 'vitest';
import { etaFromRate } from '../../src/run/generationLoop.js';

describe('the ETA from a measured rate', () => {
  it('has none until a second report, then the rate since the first', () => {
    const first = { elapsed_s: 0.5, done: 1 / 250 };
    expect(etaFromRate(null, first)).toBeNull();
    expect(etaFromRate(first, first)).toBeNull(); // no progress since: no rate
    expect(etaFromRate(first, { elapsed_s: 0.51, done: 2 / 250 })).toBeCloseTo(2.48, 10);
  });

  it('is 0 when the budget is done', () => {
    expect(etaFromRate({ elapsed_s: 1, done: 0.1 }, { elapsed_s: 10, done: 1 })).toBe(0);
  });
});

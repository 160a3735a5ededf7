/**
 * minOf, maxOf, hypotOf and pushAll against the builtins they stand for (Object.is: −0, NaN and ±Infinity alike), on
 * edge values and seeded random lists, and on a list of 500,000 elements, past where the spread forms overflow.
 */
import { describe, expect, it } from 'vitest';
import { hypotOf, maxOf, minOf, pushAll } from '../../src/base/arrays.js';
import { createRng } from '../../src/base/rng.js';

const EDGES: number[][] = [
  [],
  [0],
  [-0],
  [0, -0],
  [-0, 0],
  [NaN, 1],
  [1, NaN, Infinity],
  [Infinity, NaN],
  [-Infinity, 3],
  [1e308, 1e308],
  [1e-320, 3e-320],
  [5, -2, 7.5, -2],
];

describe('minOf, maxOf, hypotOf are the builtins without the spread', () => {
  it('on edge values', () => {
    for (const xs of EDGES) {
      expect(Object.is(minOf(xs), Math.min(...xs)), `min ${xs}`).toBe(true);
      expect(Object.is(maxOf(xs), Math.max(...xs)), `max ${xs}`).toBe(true);
      expect(Object.is(hypotOf(xs), Math.hypot(...xs)), `hypot ${xs}`).toBe(true);
    }
    // Math.hypot scales before it squares: 1e308 twice is √2·1e308, not Infinity
    expect(hypotOf([1e308, 1e308])).toBeCloseTo(Math.SQRT2 * 1e308, -300);
  });

  it('on seeded random lists, bit for bit', () => {
    const rng = createRng(11);
    for (let k = 0; k < 500; k++) {
      const xs = Array.from(
        { length: 1 + Math.floor(rng.next() * 40) },
        () => (rng.next() - 0.5) * 10 ** (rng.next() * 20 - 10),
      );
      expect(Object.is(minOf(xs), Math.min(...xs))).toBe(true);
      expect(Object.is(maxOf(xs), Math.max(...xs))).toBe(true);
      expect(Object.is(hypotOf(xs), Math.hypot(...xs))).toBe(true);
    }
  });

  it('on 500,000 elements, where the spread throws', () => {
    const xs = Float64Array.from({ length: 500_000 }, (_, i) => (i % 1000) - 3);
    expect(() => Math.max(...xs)).toThrow(RangeError);
    expect(minOf(xs)).toBe(-3);
    expect(maxOf(xs)).toBe(996);
    // Σ over 500 repeats of (k − 3)², k = 0..999
    let s = 0;
    for (let k = 0; k < 1000; k++) s += (k - 3) ** 2;
    expect(hypotOf(xs)).toBeCloseTo(Math.sqrt(500 * s), 3);
    const target = [1];
    expect(pushAll(target, xs)).toBe(500_001);
    expect(target[500_000]).toBe(996);
  });
});

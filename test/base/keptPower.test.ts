/**
 * keptPower returns x ** y's double (Object.is, so −0 and NaN count) whatever it was asked before: its oracle is the
 * operator itself, over sequences that repeat an (x, y) pair, change only x or only y, alternate between two pairs,
 * and pass through −0, 0, NaN and ±Infinity. A kept value served for another x or y (a stale key, −0 taken for 0, NaN
 * equal to NaN) fails it; so do two call sites sharing one kept value.
 */
import { describe, expect, it } from 'vitest';
import { keptPower } from '../../src/base/keptPower.js';
import { createRng } from '../../src/base/rng.js';

describe('keptPower', () => {
  it('gives x ** y for every call of a sequence with repeats, changes of x or y alone, and special values', () => {
    const rng = createRng(7);
    const pool: [number, number][] = [
      [300.25, 4],
      [300.25, 3],
      [3, 4],
      [0.9925, 5],
      [0.9925, 15],
      [0, -1],
      [-0, -1],
      [-0, 3],
      [0, 3],
      [NaN, 2],
      [2, NaN],
      [Infinity, -0.5],
      [-Infinity, 3],
      [1e-300, 0.25],
      [-8, 1 / 3],
    ];
    const pow = keptPower();
    for (let i = 0; i < 4000; i++) {
      // runs of one pair (the kept path) between jumps to any pair
      const [x, y] = pool[rng.next() < 0.5 ? i % 3 : Math.floor(rng.next() * pool.length)]!;
      expect(Object.is(pow(x, y), x ** y)).toBe(true);
    }
  });

  it('tells −0 from 0, whose odd and negative powers differ', () => {
    const pow = keptPower();
    expect(pow(0, -1)).toBe(Infinity);
    expect(pow(-0, -1)).toBe(-Infinity);
    expect(Object.is(pow(-0, 3), -0)).toBe(true);
    expect(Object.is(pow(0, 3), 0)).toBe(true);
  });

  it('keeps one value per call site', () => {
    const a = keptPower();
    const b = keptPower();
    expect(a(300, 4)).toBe(300 ** 4);
    expect(b(3, 4)).toBe(81);
    expect(a(300, 4)).toBe(300 ** 4);
    expect(b(3, 4)).toBe(81);
  });
});

/**
 * remainder(x, y) is x % y, the oracle being the operator itself (Object.is, so −0 and NaN count): over quotients
 * below and above 16 (its subtractions and its fallback), both signs, multiples of y and their neighbours (where the
 * result is ±0 or the subtraction cancels), 2π (SGP4's divisor) and random divisors of any scale, and the special
 * values. A bug that subtracts an inexact multiple (3y), drops the sign of x, returns +0 for a negative multiple or
 * mishandles NaN, ±Infinity or y ≤ 0 fails it.
 */
import { describe, expect, it } from 'vitest';
import { remainder } from '../../src/base/remainder.js';
import { createRng } from '../../src/base/rng.js';

const TWO_PI = 2 * Math.PI;
const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];

function mismatches(pairs: Iterable<[number, number]>): string[] {
  const bad: string[] = [];
  for (const [x, y] of pairs) if (!Object.is(remainder(x, y), x % y)) bad.push(`${x} % ${y}`);
  return bad;
}

describe('remainder', () => {
  it('is x % y for special values and divisors (zero, negative, infinite, NaN, subnormal)', () => {
    const pairs: [number, number][] = [];
    for (const x of [...SPECIAL, 3.5, -3.5, 1e300]) for (const y of [...SPECIAL, TWO_PI, -TWO_PI]) pairs.push([x, y]);
    expect(mismatches(pairs)).toEqual([]);
  });

  it('is x % 2π at every multiple k·2π (k = −40 … 40) and its neighbouring doubles', () => {
    const pairs: [number, number][] = [];
    for (let k = -40; k <= 40; k++) {
      const x = k * TWO_PI;
      for (const v of [x, x * (1 + 2 ** -52), x * (1 - 2 ** -53), x + 1e-12, x - 1e-12]) pairs.push([v, TWO_PI]);
    }
    expect(mismatches(pairs)).toEqual([]);
    expect(Object.is(remainder(-2 * TWO_PI, TWO_PI), -0)).toBe(true);
  });

  it('is x % y on a million random pairs: quotients 0 … 40, both signs, divisors of any scale', () => {
    const rng = createRng(2026);
    function* pairs(): Generator<[number, number]> {
      for (let i = 0; i < 1_000_000; i++) {
        const y = i % 2 === 0 ? TWO_PI : (0.5 + rng.next()) * 2 ** Math.floor(rng.next() * 200 - 100);
        yield [(rng.next() - 0.5) * 80 * y, y];
      }
    }
    expect(mismatches(pairs())).toEqual([]);
  });
});

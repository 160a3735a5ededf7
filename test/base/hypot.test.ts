/**
 * hypot2 and hypot3 return Math.hypot's double (Object.is, so −0 and NaN count): its oracle is the builtin itself,
 * over random bit patterns (every exponent, subnormals, NaN, ±Infinity), over values of every scale and sign, over
 * arguments of near-equal and of far-apart magnitude (where the scaling and the compensated sum matter), and over the
 * zeros and infinities. A bug that reorders the sum, drops the compensation, scales by another argument or mishandles a
 * special case fails it. The loops run each function a million times and more, so V8 compiles them optimised too.
 */
import { describe, expect, it } from 'vitest';
import { hypot2, hypot3 } from '../../src/base/hypot.js';
import { createRng, type Rng } from '../../src/base/rng.js';

const BITS = new DataView(new ArrayBuffer(8));

/** A double from 64 random bits (any exponent, subnormals, NaN and ±Infinity included). */
function anyBits(rng: Rng): number {
  BITS.setUint32(0, Math.floor(rng.next() * 2 ** 32));
  BITS.setUint32(4, Math.floor(rng.next() * 2 ** 32));
  return BITS.getFloat64(0);
}

/** A finite double of random sign and mantissa, with an exponent of 2^(lo … hi). */
function scaled(rng: Rng, lo: number, hi: number): number {
  const e = lo + Math.floor(rng.next() * (hi - lo + 1));
  return (rng.next() < 0.5 ? -1 : 1) * (1 + rng.next()) * 2 ** e;
}

const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, 1, -1];

/** Draws of one kind: argument generators that together cover the builtin's paths. */
function draws(rng: Rng): (() => number)[] {
  return [
    () => anyBits(rng),
    () => scaled(rng, -1074, 1023),
    () => scaled(rng, -3, 3),
    () => scaled(rng, 20, 24),
    () => SPECIAL[Math.floor(rng.next() * SPECIAL.length)]!,
  ];
}

function mismatches(n: number, seed: number, arity: 2 | 3): number {
  const rng = createRng(seed);
  const kinds = draws(rng);
  const pick = (): number => kinds[Math.floor(rng.next() * kinds.length)]!();
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const x = pick(),
      y = pick(),
      z = pick();
    const ok =
      arity === 2 ? Object.is(hypot2(x, y), Math.hypot(x, y)) : Object.is(hypot3(x, y, z), Math.hypot(x, y, z));
    if (!ok) bad++;
  }
  return bad;
}

describe('hypot2 and hypot3', () => {
  it('equal Math.hypot on every special pair and triple', () => {
    for (const x of SPECIAL)
      for (const y of SPECIAL) {
        expect(Object.is(hypot2(x, y), Math.hypot(x, y))).toBe(true);
        for (const z of SPECIAL) expect(Object.is(hypot3(x, y, z), Math.hypot(x, y, z))).toBe(true);
      }
  });

  it('equal Math.hypot bit for bit on 1.5 million random pairs and triples each', () => {
    expect(mismatches(1_500_000, 73, 2)).toBe(0);
    expect(mismatches(1_500_000, 74, 3)).toBe(0);
  });

  it('give the hand-computed lengths, without overflow or underflow of the squares', () => {
    expect(hypot2(3, -4)).toBe(5);
    expect(hypot3(2, -3, 6)).toBe(7);
    // x² would overflow (1e600) and underflow (1e-620): scaled by the largest, the length is 10^k·√2 or √3 to rounding
    expect(hypot2(1e300, 1e300) / 1e300).toBeCloseTo(Math.SQRT2, 14);
    expect(hypot3(1e300, -1e300, 1e300) / 1e300).toBeCloseTo(Math.sqrt(3), 14);
    expect(hypot2(1e-310, 1e-310) / 1e-310).toBeCloseTo(Math.SQRT2, 3);
  });
});

/**
 * src/base/hypot.ts hypot3 against the engine's own Math.hypot: the same number, bit for bit (Object.is), over
 * vectors of every scale, signs, zeros, subnormals and the special values of ECMA-262 §21.3.2.18 (an infinite
 * argument gives +∞ even beside NaN, else NaN gives NaN, all zeros give +0).
 */
import { describe, expect, it } from 'vitest';
import { hypot3 } from '../../src/base/hypot.js';

/** A seeded uniform draw in [0, 1) (Park–Miller minimal standard). */
function uniform(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('hypot3', () => {
  it('equals Math.hypot to the bit on 300,000 vectors spanning 1e-320 to 1e300', () => {
    const u = uniform(11);
    const draw = (): number => {
      const k = u();
      if (k < 0.05) return u() < 0.5 ? 0 : -0;
      return (u() < 0.5 ? -1 : 1) * u() * 10 ** Math.floor(u() * 620 - 320);
    };
    let mismatches = 0;
    for (let i = 0; i < 300_000; i++) {
      // mostly comparable scales (an orbit normal's components), some far apart
      const x = draw(),
        y = i % 3 === 0 ? draw() : x * (u() - 0.5) * 4,
        z = i % 5 === 0 ? draw() : y * (u() - 0.5) * 4 + x * (u() - 0.5);
      if (!Object.is(hypot3(x, y, z), Math.hypot(x, y, z))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('special values as ECMA-262 and Math.hypot', () => {
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [-0, -0, -0],
      [Infinity, NaN, 1],
      [NaN, -Infinity, 0],
      [NaN, 1, 2],
      [3, 4, 12],
      [Number.MAX_VALUE, Number.MAX_VALUE, 0],
      [5e-324, 5e-324, 5e-324],
    ];
    for (const [x, y, z] of cases) expect(Object.is(hypot3(x, y, z), Math.hypot(x, y, z)), `${x} ${y} ${z}`).toBe(true);
    expect(hypot3(3, 4, 12)).toBe(13);
    expect(hypot3(Infinity, NaN, 1)).toBe(Infinity);
    expect(hypot3(Number.MAX_VALUE, Number.MAX_VALUE, 0)).toBe(Infinity);
  });
});

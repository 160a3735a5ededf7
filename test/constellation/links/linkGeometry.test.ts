/**
 * The squared-sine shortcut of src/constellation/links/linkGeometry.ts polewardPoint against poleward itself on the
 * geocentric latitude of each point (|z|/|r|): the shortcut may only skip the square root and division, never change
 * the flag. Points are drawn at random over the sphere and, most of them, within ±1e-6 of the cutoff's latitude (where
 * the bounds and poleward's own ±1e-12 band meet).
 */
import { describe, expect, it } from 'vitest';
import { poleward, polewardPoint, squaredSineBounds } from '../../../src/constellation/links/linkGeometry.js';
import { deg } from '../../helpers/units.js';

/** A seeded uniform draw in [0, 1) (Park–Miller minimal standard). */
function uniform(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('polewardPoint', () => {
  it('agrees with poleward(|z|/|r|) at every point, near the cutoff and far from it', () => {
    const u = uniform(7);
    let settled = 0;
    for (const cutoff of [0, 1e-9, 30 * deg, 75 * deg, 89.99 * deg, 90 * deg]) {
      const sc = Math.sin(cutoff);
      const { lo, hi } = squaredSineBounds(sc);
      for (let k = 0; k < 20_000; k++) {
        const r = 6.9e6 * (1 + 0.1 * u());
        const lat = k % 4 === 0 ? Math.asin(2 * u() - 1) : cutoff + (2 * u() - 1) * 1e-6 * (k % 3 === 0 ? 1e-6 : 1);
        const lon = 2 * Math.PI * u();
        const z = (u() < 0.5 ? -1 : 1) * r * Math.sin(lat),
          x = r * Math.cos(lat) * Math.cos(lon),
          y = r * Math.cos(lat) * Math.sin(lon);
        const expected = poleward(Math.abs(z / Math.sqrt(x * x + y * y + z * z)), sc, cutoff);
        expect(polewardPoint(x, y, z, sc, cutoff, lo, hi)).toBe(expected);
        if (z * z < lo * (x * x + y * y + z * z) || z * z > hi * (x * x + y * y + z * z)) settled++;
      }
    }
    expect(settled).toBeGreaterThan(10_000); // the shortcut does settle most points away from the cutoff
  });

  it('a cutoff of 0 or 90° leaves the side it cannot settle to poleward', () => {
    expect(squaredSineBounds(0).lo).toBe(-1);
    expect(squaredSineBounds(1).hi).toBe(Infinity);
    // the pole itself at a 90° cutoff: not poleward (asin(1) = π/2 is not above π/2)
    expect(polewardPoint(0, 0, 7e6, 1, Math.PI / 2, squaredSineBounds(1).lo, squaredSineBounds(1).hi)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { igd, igdPlus } from '../../../src/optimize/indicators/igd.js';
import { paretoFront } from '../../../src/optimize/benchmarks/benchmarks.js';

describe('igd and igdPlus', () => {
  it('are zero for the reference front itself', () => {
    const z = paretoFront('zdt1', 2, 200);
    expect(igd(z, z)).toBe(0);
    expect(igdPlus(z, z)).toBe(0);
  });

  it('match a hand computation', () => {
    const z = [
      [0, 1],
      [1, 0],
    ];
    const a = [[0.5, 0.5]];
    // IGD: both distances sqrt(0.5); IGD+: d+ = sqrt(0.5^2 + 0) = 0.5 for both
    expect(igd(a, z)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(igdPlus(a, z)).toBeCloseTo(0.5, 15);
  });

  it('IGD+ is at most IGD, and zero when the approximation dominates the reference', () => {
    const pts = fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(pts, pts, (a, z) => {
        expect(igdPlus(a, z)).toBeLessThanOrEqual(igd(a, z) + 1e-15);
        const better = z.map((p) => p.map((v) => v - 0.1));
        expect(igdPlus(better, z)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('is +Infinity for an empty approximation', () => {
    expect(igd([], [[0, 1]])).toBe(Infinity);
  });
});

describe('IGD / IGD+ on large sets in 3+ objectives (k-d tree search)', () => {
  // oracle: the brute-force definition, written here
  const brute = (A: Float64Array[], Z: Float64Array[], plus: boolean): number =>
    Z.reduce(
      (t, z) =>
        t +
        Math.sqrt(
          Math.min(
            ...A.map((a) =>
              a.reduce((s, v, k) => {
                let d = v - z[k]!;
                if (plus && d < 0) d = 0;
                return s + d * d;
              }, 0),
            ),
          ),
        ),
      0,
    ) / Z.length;
  it.each([
    [3, 3000, 200],
    [4, 1000, 400],
    [6, 800, 300],
  ])('m = %i, |A| = %i, |Z| = %i: equals the definition', (m, na, nz) => {
    let seed = 12345 + m;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const A = Array.from({ length: na }, () => Float64Array.from({ length: m }, next));
    const Z = Array.from({ length: nz }, () => Float64Array.from({ length: m }, next));
    A[7]![1] = NaN; // a NaN row never wins
    const clean = A.filter((a) => !a.some(Number.isNaN));
    expect(igdPlus(A, Z, m)).toBeCloseTo(brute(clean, Z, true), 12);
    expect(igd(A, Z, m)).toBeCloseTo(brute(clean, Z, false), 12);
  });

  it("a reference set holding the approximation's own points (odc compare's union of fronts), 5 objectives: the definition to the last bit", () => {
    let seed = 99;
    // 32-bit LCG (Numerical Recipes' constants) in exact integer arithmetic
    const next = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    // points near the unit sphere: the IGD+ bound of most boxes is 0 there, so the search order is what decides its
    // cost
    const sphere = (): Float64Array => {
      const p = Float64Array.from({ length: 5 }, next);
      const r = Math.hypot(...p);
      return p.map((v) => v / r + (next() < 0.2 ? 0.01 * next() : 0));
    };
    const A = Array.from({ length: 3000 }, sphere);
    const Z = [...A.filter((_, i) => i % 2 === 0), ...Array.from({ length: 1500 }, sphere)];
    const want = brute(A, Z, true);
    expect(want).toBeGreaterThan(0);
    expect(igdPlus(A, Z, 5)).toBe(want);
    expect(igdPlus(A, Z.slice(0, 1500), 5)).toBe(0);
    expect(igd(A, Z, 5)).toBe(brute(A, Z, false));
  });
});

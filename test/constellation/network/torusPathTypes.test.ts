import { describe, expect, it } from 'vitest';
import { destinationPathTypes, pathTypesOf } from '../../../src/constellation/network/torusPathTypes.js';

/**
 * Brute-force oracle: the lower-left convex hull of the Pareto set of (|p + wP|, cyc_S(s − wF)) over many wraps w
 * (lattice lifts of destination (p, s), torusPathTypes.ts header), flat [x0, y0, x1, y1, …] with x ascending.
 */
function bruteTypes(P: number, S: number, F: number, p: number, s: number): number[] {
  const pts: [number, number][] = [];
  for (let w = -3 * S - 3; w <= 3 * S + 3; w++) {
    const r = (((s - w * F) % S) + S) % S;
    pts.push([Math.abs(p + w * P), Math.min(r, S - r)]);
  }
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pareto: [number, number][] = [];
  for (const q of pts) if (pareto.length === 0 || q[1] < pareto[pareto.length - 1]![1]) pareto.push(q);
  const hull: [number, number][] = [];
  for (const c of pareto) {
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2]!, hull[hull.length - 1]!];
      if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0) break;
      hull.pop();
    }
    hull.push(c);
  }
  return hull.flat();
}

describe('path types of every destination of a twisted torus', () => {
  // Shapes with F = 0, F coprime to S, F sharing a factor with S, F ≥ S, a single plane and a single slot.
  const shapes: [number, number, number][] = [
    [7, 9, 0],
    [8, 10, 3],
    [12, 8, 6],
    [5, 6, 13],
    [1, 11, 0],
    [9, 1, 0],
    [24, 30, 17],
  ];
  it.each(shapes)('P = %i, S = %i, F = %i: each destination as computed alone and by brute force', (P, S, F) => {
    const shape = { planes: P, satsPerPlane: S, phasing: F };
    const { types, start } = pathTypesOf(shape);
    let d = 0;
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) {
        if (p === 0 && s === 0) continue;
        const got = [...types.subarray(start[d]!, start[d + 1]!)];
        expect(got).toEqual(destinationPathTypes(shape, p, s));
        expect(got).toEqual(bruteTypes(P, S, F, p, s));
        d++;
      }
    }
    expect(d).toBe(P * S - 1);
  });
});

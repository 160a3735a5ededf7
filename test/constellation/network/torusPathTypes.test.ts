import { describe, expect, it } from 'vitest';
import { destinationPathTypes, pathTypesOf } from '../../../src/constellation/network/torusPathTypes.js';
import { bruteLiftHull } from './latticeHull.js';

/** The brute-force oracle (latticeHull.ts), flat [x0, y0, x1, y1, …] with x ascending. */
const bruteTypes = (P: number, S: number, F: number, p: number, s: number): number[] =>
  bruteLiftHull(P, S, F, p, s).flat();

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

import { describe, expect, it } from 'vitest';
import {
  destinationPathTypes,
  pathTypesOf,
  torusDestinations,
} from '../../../../src/constellation/network/torus/torusPathTypes.js';
import { bruteLiftHull } from '../latticeHull.js';

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

describe('steps', () => {
  /**
   * torusDestinations (torusPathTypes.ts) against a brute-force oracle: each destination's hull path types from every
   * lattice lift (p + wP, s − wF + mS) over many wraps, then, as the module's doc comments define them, the first
   * type's hops summed into the base, each hull edge (dx, dy) counted as gcd(dx, dy) unit steps of its primitive
   * direction, the fewest hops and the least latency over the types, and with a class unusable only the types that need
   * none of it.
   */
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

  function oracle(
    P: number,
    S: number,
    F: number,
    cross_s: number,
    in_s: number,
    usable: { cross: boolean; in: boolean },
  ) {
    let baseCross = 0,
      baseIn = 0,
      unreachable = 0;
    const steps = new Map<string, number>();
    const minHops: number[] = [],
      latency: number[] = [];
    for (let p = 0; p < P; p++)
      for (let s = 0; s < S; s++) {
        if (p === 0 && s === 0) continue;
        const types = bruteLiftHull(P, S, F, p, s).filter(
          ([x, y]) => (x === 0 || usable.cross) && (y === 0 || usable.in),
        );
        if (types.length === 0) {
          unreachable++;
          minHops.push(-1);
          latency.push(Infinity);
          continue;
        }
        baseCross += types[0]![0];
        baseIn += types[0]![1];
        for (let i = 1; i < types.length; i++) {
          const dx = types[i]![0] - types[i - 1]![0],
            dy = types[i - 1]![1] - types[i]![1];
          const g = gcd(dx, dy);
          const key = `${dx / g},${dy / g}`;
          steps.set(key, (steps.get(key) ?? 0) + g);
        }
        minHops.push(Math.min(...types.map(([x, y]) => x + y)));
        latency.push(Math.min(...types.map(([x, y]) => x * cross_s + y * in_s)));
      }
    return { baseCross, baseIn, steps, unreachable, minHops, latency };
  }

  describe('torusDestinations against the brute-force hulls', () => {
    const shapes: [number, number, number][] = [
      [4, 5, 1],
      [7, 9, 0],
      [8, 10, 3],
      [5, 6, 13],
      [6, 12, 4],
      [3, 40, 7],
    ];
    for (const usable of [
      { cross: true, in: true },
      { cross: false, in: true },
      { cross: true, in: false },
    ])
      it.each(shapes)(`P = %i, S = %i, F = %i, usable ${JSON.stringify(usable)}`, (P, S, F) => {
        const got = torusDestinations(
          { planes: P, satsPerPlane: S, phasing: F },
          { cross_s: 3e-3, in_s: 1e-3 },
          usable,
        );
        const want = oracle(P, S, F, 3e-3, 1e-3, usable);
        expect(got.baseCrossHops).toBe(want.baseCross);
        expect(got.baseInHops).toBe(want.baseIn);
        expect(got.unreachable).toBe(want.unreachable);
        expect([...got.minHops]).toEqual(want.minHops);
        got.latency_s.forEach((l, i) =>
          Number.isFinite(want.latency[i]!) ? expect(l).toBeCloseTo(want.latency[i]!, 12) : expect(l).toBe(Infinity),
        );
        expect(new Map(got.steps.map((e) => [`${e.dCross},${e.dIn}`, e.count]))).toEqual(want.steps);
        // listed in the order of the first destination (index order) that has them, as the oracle's Map inserts them
        expect(got.steps.map((e) => `${e.dCross},${e.dIn}`)).toEqual([...want.steps.keys()]);
      });
  });

  it('P = 60, S = 70, F = 13: more distinct hull edges than the first edge list holds', () => {
    const usable = { cross: true, in: true };
    const got = torusDestinations({ planes: 60, satsPerPlane: 70, phasing: 13 }, { cross_s: 3e-3, in_s: 1e-3 }, usable);
    const want = oracle(60, 70, 13, 3e-3, 1e-3, usable);
    expect(got.baseCrossHops).toBe(want.baseCross);
    expect(got.baseInHops).toBe(want.baseIn);
    expect(got.steps.map((e) => `${e.dCross},${e.dIn}`)).toEqual([...want.steps.keys()]);
    expect(got.steps.map((e) => e.count)).toEqual([...want.steps.values()]);
  });

  describe('path types of shapes whose staircase outgrows the first scratch', () => {
    // One or two planes of 70 slots, F = 1: the staircase to the slot opposite steps down one in-plane hop per
    // cross-plane hop, 36 points (72 entries) before its hull keeps the two ends.
    it.each([
      [1, 70, 1],
      [2, 70, 3],
      [3, 68, 1],
    ] as const)('P = %i, S = %i, F = %i: every destination as by brute force', (P, S, F) => {
      const shape = { planes: P, satsPerPlane: S, phasing: F };
      const { types, start } = pathTypesOf(shape);
      let d = 0;
      for (let p = 0; p < P; p++)
        for (let s = 0; s < S; s++) {
          if (p === 0 && s === 0) continue;
          const want = bruteLiftHull(P, S, F, p, s).flat();
          expect([...types.subarray(start[d]!, start[d + 1]!)]).toEqual(want);
          expect(destinationPathTypes(shape, p, s)).toEqual(want);
          d++;
        }
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/base/rng.js';
import { createBenchmarkProblem } from '../../../src/optimize/benchmarks/benchmarks.js';
import { safeEvaluate } from '../../../src/optimize/types.js';
import { createAlgorithm } from '../../../solvers/index.js';
import { associateToNiches, associateToNichesBrute, unitDirectionsTransposed } from '../../../solvers/nsga3/niching.js';
import { DirectionLattice } from '../../../solvers/nsga3/directionLattice.js';
import { HyperplaneNormalization } from '../../../solvers/nsga3/normalization.js';
import { referenceDirections } from '../../../solvers/nsga3/referenceDirections.js';

/**
 * The oracle: every point against every direction, written out independently of solvers/. It
 * performs the same floating-point operations as the definition in niching.ts (v_k = (f_k - ideal_k)
 * / range_k with a zero range read as 1e-12; ||v||^2 and v.u summed over k in order; s = ||v||^2 -
 * (v.u)^2), so the chosen direction (the first with the least s) and the distance sqrt(max(s, 0))
 * must agree bit for bit.
 */
interface Assignment {
  niche: number[];
  distance: number[];
}

function oracle(
  F: Float64Array,
  n: number,
  m: number,
  UT: Float64Array,
  H: number,
  ideal: Float64Array,
  nadir: Float64Array,
): Assignment {
  const niche: number[] = [];
  const distance: number[] = [];
  for (let i = 0; i < n; i++) {
    const v: number[] = [];
    for (let k = 0; k < m; k++) {
      const range = nadir[k]! - ideal[k]! === 0 ? 1e-12 : nadir[k]! - ideal[k]!;
      v.push((F[i * m + k]! - ideal[k]!) / range);
    }
    let nn = 0;
    for (const x of v) nn += x * x;
    let best = Infinity;
    let arg = 0;
    for (let h = 0; h < H; h++) {
      let d = 0;
      for (let k = 0; k < m; k++) d += v[k]! * UT[k * H + h]!;
      const s = nn - d * d;
      if (s < best) {
        best = s;
        arg = h;
      }
    }
    niche.push(arg);
    distance.push(Math.sqrt(best > 0 ? best : 0));
  }
  return { niche, distance };
}

function expectSame(got: { niche: Int32Array; distance: Float64Array }, want: Assignment): void {
  expect(Array.from(got.niche)).toEqual(want.niche);
  // bit for bit (toEqual would accept -0 for 0; Object.is does not)
  for (let i = 0; i < want.distance.length; i++) {
    if (!Object.is(got.distance[i], want.distance[i]))
      expect({ i, distance: got.distance[i] }).toEqual({ i, distance: want.distance[i] });
  }
}

/** associateToNiches gives the oracle's niches and distances bit for bit (ideal point 0 and nadir 1 unless given). */
function expectAsOracle(
  F: Float64Array,
  n: number,
  m: number,
  UT: Float64Array,
  H: number,
  ideal: Float64Array = new Float64Array(m),
  nadir: Float64Array = new Float64Array(m).fill(1),
): void {
  expectSame(associateToNiches(F, n, m, UT, H, ideal, nadir), oracle(F, n, m, UT, H, ideal, nadir));
}

/** Transposed unit directions from rows (H x m). */
function unitRows(rows: readonly (readonly number[])[], m: number): Float64Array {
  return unitDirectionsTransposed(Float64Array.from(rows.flat()), rows.length, m);
}

function randomMatrix(rng: Rng, n: number, m: number, lo: number, hi: number): Float64Array {
  return Float64Array.from({ length: n * m }, () => lo + (hi - lo) * rng.next());
}

/** The reference directions of m objectives and `partitions` divisions: their count H and unit vectors transposed. */
function lattice(
  m: number,
  partitions: number,
): { dirs: ReturnType<typeof referenceDirections>['dirs']; H: number; UT: Float64Array } {
  const { dirs, count: H } = referenceDirections(m, partitions);
  return { dirs, H, UT: unitDirectionsTransposed(dirs, H, m) };
}

/** The lattice of m objectives and `partitions` divisions, and n points uniform in [0, hi)^m from the seed's Rng. */
function randomCase(seed: number, m: number, partitions: number, n: number, hi = 1) {
  const rng = createRng(seed);
  return { rng, ...lattice(m, partitions), F: randomMatrix(rng, n, m, 0, hi) };
}

describe('associateToNiches', () => {
  // n x H >= 2^16 and H >= 64 take the lattice search; the smaller cases the brute force
  it.each([
    [2, 200, 1000],
    [3, 12, 50],
    [3, 40, 300],
    [3, 99, 400],
    [4, 15, 500],
    [5, 12, 200],
    [6, 8, 150],
    [8, 5, 120],
  ])('agrees with the oracle on random points (m = %i, %i partitions, n = %i)', (m, partitions, n) => {
    const rng = createRng(1000 * m + partitions);
    const { H, UT } = lattice(m, partitions);
    const ideal = Float64Array.from({ length: m }, () => rng.next() - 0.5);
    const nadir = ideal.map((x) => x + 0.5 + rng.next());
    // points beyond the nadir and a few below the ideal (negative coordinates: the brute-force path)
    const F = randomMatrix(rng, n, m, 0, 1);
    for (let i = 0; i < n * m; i++)
      F[i] = ideal[i % m]! + (i % 97 === 0 ? -0.1 : 1.5) * (nadir[i % m]! - ideal[i % m]!) * F[i]!;
    const got = associateToNiches(F, n, m, UT, H, ideal, nadir);
    expectSame(got, oracle(F, n, m, UT, H, ideal, nadir));
    expectSame(associateToNichesBrute(F, n, m, UT, H, ideal, nadir), oracle(F, n, m, UT, H, ideal, nadir));
  });

  it('agrees with the oracle on points on the directions, on the ideal point and on the axes', () => {
    const m = 3;
    const { dirs, H, UT } = lattice(m, 60);
    const rows: number[][] = [];
    for (let h = 0; h < H; h += 7) rows.push([0, 1, 2].map((k) => 0.8 * dirs[h * m + k]!));
    rows.push([0, 0, 0], [1, 0, 0], [0, 0, 2], [0.5, 0.5, 0], [1e-300, 0, 0], [1e300, 1e300, 1e300]);
    const F = Float64Array.from(rows.flat());
    expectAsOracle(F, rows.length, m, UT, H);
  });

  it('breaks exact ties by the lowest direction index, as the brute force', () => {
    // every direction appears twice (a later duplicate never wins) and mirrored in f1 <-> f2: for a
    // point with v1 = v2 a direction and its mirror give bit-identical s (the sums differ only in
    // the order of two terms of the first addition), so the optimum is a tie
    const rng = createRng(5);
    const m = 3;
    const base: number[][] = [];
    for (let h = 0; h < 150; h++) {
      const u = [rng.next(), rng.next(), rng.next()];
      base.push(u, [u[1]!, u[0]!, u[2]!]);
    }
    const rows = [...base, ...base.slice().reverse()];
    const H = rows.length;
    const UT = unitRows(rows, m);
    const ideal = new Float64Array(m);
    const nadir = new Float64Array(m).fill(1);
    const n = 400;
    const F = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      const a = rng.next();
      F.set([a, a, rng.next()], i * m);
    }
    const want = oracle(F, n, m, UT, H, ideal, nadir);
    expectSame(associateToNiches(F, n, m, UT, H, ideal, nadir), want);
    // the ties are real: the chosen direction's mirror (or duplicate) has the same s
    let ties = 0;
    for (let i = 0; i < n; i++) {
      const h = want.niche[i]!;
      const twin = h % 2 === 0 ? h + 1 : h - 1;
      const v = [F[i * m]!, F[i * m + 1]!, F[i * m + 2]!];
      const s = (g: number): number => {
        const d = v[0]! * UT[g]! + v[1]! * UT[H + g]! + v[2]! * UT[2 * H + g]!;
        return v[0]! * v[0]! + v[1]! * v[1]! + v[2]! * v[2]! - d * d;
      };
      if (s(twin) === s(h)) ties++;
    }
    expect(ties).toBeGreaterThan(n / 2);
  });

  it('handles a zero range (read as 1e-12), directions with a negative coordinate and directions not of unit length', () => {
    const [m, n] = [3, 500];
    const { rng, H, UT, F } = randomCase(9, m, 30, n);
    // most points on the degenerate axis (v3 = 0), every fifth just off it (v3 up to 1e9)
    for (let i = 0; i < n; i++) F[i * m + 2] = i % 5 === 0 ? 0.25 + 1e-3 * rng.next() : 0.25;
    const ideal = Float64Array.of(0, 0, 0.25);
    const nadir = Float64Array.of(1, 1, 0.25);
    expectAsOracle(F, n, m, UT, H, ideal, nadir);
    const skew = UT.slice();
    for (let h = 0; h < H; h += 3) skew[h] = -skew[h]!;
    expectAsOracle(F, n, m, skew, H, ideal, nadir);
    // directions that are not of unit length (the cosine argument does not hold): the brute force too
    const long = UT.map((x, i) => x * (1 + (i % 7) / 10));
    expectAsOracle(F, n, m, long, H, ideal, nadir);
  });

  it('agrees with the oracle on the fronts of an NSGA-III run (DTLZ2, 3 objectives, 496 directions)', () => {
    const problem = createBenchmarkProblem({ problem: 'dtlz2', objectives: 3, variables: 12 });
    const alg = createAlgorithm('nsga3', problem, { population: 500, seed: 3 });
    const { dirs, count: H } = referenceDirections(3, 30);
    const UT = unitDirectionsTransposed(dirs, H, 3);
    for (let gen = 0; gen < 8; gen++) {
      alg.tell(alg.ask().map((x) => safeEvaluate(problem, x)));
      const pop = alg.population();
      const F = Float64Array.from(pop.flatMap((p) => Array.from(p.f)));
      const norm = new HyperplaneNormalization(3);
      norm.update(F, pop.length, Int32Array.from(pop.keys()));
      expectAsOracle(F, pop.length, 3, UT, H, norm.ideal, norm.nadir);
    }
  });

  it.each([
    [2, 300],
    [3, 23],
    [4, 11],
    [5, 17],
    [6, 6],
    [8, 5],
  ])(
    "agrees with the oracle on the lattice search's hard cases (m = %i, %i partitions): exact ties, zeros, corners, tiny and huge scales",
    (m, partitions) => {
      const rng = createRng(77 * m + partitions);
      const { H, UT } = lattice(m, partitions);
      expect(DirectionLattice.of(UT, H, m)).not.toBeNull();
      const n = 1500;
      const F = new Float64Array(n * m);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < m; k++) {
          const kind = i % 5;
          // on the lattice, on half steps (a point midway between two directions ties them exactly), mostly zeros
          // near a corner or an edge (where the plane is oblique to the ray), and plain random
          const x =
            kind === 0
              ? Math.round(rng.next() * partitions) / partitions
              : kind === 1
                ? Math.round(rng.next() * 2 * partitions) / (2 * partitions)
                : kind === 2
                  ? rng.next() < 0.6
                    ? 0
                    : rng.next() ** 4
                  : rng.next();
          F[i * m + k] = x * (i % 7 === 0 ? 1e-120 : i % 11 === 0 ? 1e120 : 1);
        }
        if (F.subarray(i * m, i * m + m).every((x) => x === 0)) F[i * m + (i % m)] = 1;
      }
      expectAsOracle(F, n, m, UT, H);
    },
  );

  it('falls back to the brute force where the lattice is coarse against m (searches over budget) with the same result', () => {
    // 15 objectives, 3 partitions: the ball around a point holds many compositions, most searches run over budget
    const [m, n] = [15, 200];
    const { H, UT, F } = randomCase(15, m, 3, n);
    expectAsOracle(F, n, m, UT, H);
  });
});

describe('associateToNiches on 3,000 points in 5 objectives (1,820 directions): lattice searches and brute force mixed', () => {
  // 12 partitions; a few points with a negative coordinate (the brute force), the others beyond the nadir
  const [m, n] = [5, 3000];
  const { H, UT, F } = randomCase(512, m, 12, n, 1.5);
  for (let i = 0; i < n; i += 101) F[i * m] = -0.05;

  it("the oracle's niches and distances bit for bit", () => {
    expectAsOracle(F, n, m, UT, H);
  });
});

describe('DirectionLattice.of', () => {
  it.each([
    [2, 7],
    [3, 1],
    [3, 111],
    [4, 30],
    [5, 17],
    [7, 4],
    [10, 3],
  ])('recognizes the Das–Dennis unit directions in their order (m = %i, %i partitions)', (m, partitions) => {
    const { dirs, count: H } = referenceDirections(m, partitions);
    expect(DirectionLattice.of(unitDirectionsTransposed(dirs, H, m), H, m)).not.toBeNull();
  });

  it('rejects other direction sets: two directions swapped, one moved by 1e-9, a count that is no lattice size', () => {
    const m = 3;
    const { H, UT } = lattice(m, 12);
    const swapped = UT.slice();
    for (let k = 0; k < m; k++) [swapped[k * H + 4], swapped[k * H + 5]] = [UT[k * H + 5]!, UT[k * H + 4]!];
    expect(DirectionLattice.of(swapped, H, m)).toBeNull();
    const moved = UT.slice();
    moved[2 * H + 40] = moved[2 * H + 40]! + 1e-9;
    expect(DirectionLattice.of(moved, H, m)).toBeNull();
    expect(DirectionLattice.of(UT.subarray(0, (H - 1) * m), H - 1, m)).toBeNull();
  });
});

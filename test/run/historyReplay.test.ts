/**
 * The history replayed from the log file with its block rule, the 2-D IGD+ fast path against a brute-force oracle,
 * and the run-time hypervolume rule for 4+ objectives.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { igdPlus } from '../../src/optimize/indicators/igd.js';
import { generationHistory, HISTORY_POINTS, historyStride, normalizationOf } from '../../src/run/history.js';
import type { LoggedEvaluation } from '../../src/run/log.js';
import { row } from './logRows.js';

/** Pareto dominance by definition (minimized objectives), for the brute-force fronts. */
const dominates = (a: Float64Array, b: Float64Array): boolean =>
  a.every((v, k) => v <= b[k]!) && a.some((v, k) => v < b[k]!);
/** IGD+ by definition (Ishibuchi et al. 2015): the mean over the reference of the nearest d+ of the front. */
const igdPlusOracle = (front: Float64Array[], reference: Float64Array[]): number => {
  const dPlus = (a: Float64Array, z: Float64Array): number =>
    Math.sqrt(a.reduce((s2, v, k) => s2 + Math.max(v - z[k]!, 0) ** 2, 0));
  return reference.reduce((sum, z) => sum + Math.min(...front.map((a) => dPlus(a, z))), 0) / reference.length;
};

describe('generationHistory replayed from a log', () => {
  const m = 2;
  const identity = normalizationOf([], m, true); // ideal 0, nadir 1, reference 1.1

  it('gives the front hypervolume after each generation (hand-computed boxes)', () => {
    // gen 0: (0.5, 0.5) → HV = 0.6 · 0.6 = 0.36
    // gen 1: adds (0.2, 0.9) → + 0.3 · 0.2 = 0.06 → 0.42; (0.6, 0.6) is dominated; an infeasible (0.1, 0.1) is ignored
    // gen 2: adds (0.1, 0.1), dominating both → 1.0 · 1.0 = 1.0; one failure
    const rows = [
      row(0, 0, [0, 0], [0.5, 0.5], [-1]),
      row(1, 1, [0, 0], [0.2, 0.9], [-1]),
      row(2, 1, [0, 0], [0.6, 0.6], [-1]),
      row(3, 1, [0, 0], [0.1, 0.1], [2]),
      row(4, 2, [0, 0], [0.1, 0.1], [-1]),
      row(5, 2, [0, 0], [NaN, NaN], [NaN], 'x'),
    ];
    const h = generationHistory((on) => rows.forEach(on), m, identity, { generations: 3 });
    expect(h.map((r) => r.generation)).toEqual([0, 1, 2]);
    expect(h[0]!.hypervolume).toBeCloseTo(0.36, 12);
    expect(h[1]!.hypervolume).toBeCloseTo(0.42, 12);
    expect(h[2]!.hypervolume).toBeCloseTo(1.0, 12);
    expect(h.map((r) => r.frontSize)).toEqual([1, 2, 1]);
    expect(h.map((r) => r.feasibleShare)).toEqual([1, 2 / 3, 1 / 2]);
    expect(h.map((r) => r.failures)).toEqual([0, 0, 1]);
    expect(h.map((r) => r.evaluations)).toEqual([1, 4, 6]);
  });

  it("takes each generation's front from the run's recorded fronts when given (unbounded archives), not from the log", () => {
    const rows = [
      row(0, 0, [0, 0], [0.5, 0.5], [-1]),
      row(1, 1, [0, 0], [0.6, 0.6], [-1]),
      row(2, 2, [0, 0], [NaN, NaN], [NaN], 'x'),
    ];
    // fronts unlike the log's on purpose: generation 1's is (0.2, 0.2) → HV 0.9² = 0.81; generation 2's has two points
    const fronts = [
      [Float64Array.of(0.5, 0.5)],
      [Float64Array.of(0.2, 0.2)],
      [Float64Array.of(0.2, 0.2), Float64Array.of(0.0, 1.0)],
    ];
    const h = generationHistory((on) => rows.forEach(on), m, identity, { generations: 3, frontAt: (g) => fronts[g] });
    expect(h.map((r) => r.frontSize)).toEqual([1, 1, 2]);
    expect(h[0]!.hypervolume).toBeCloseTo(0.36, 12);
    expect(h[1]!.hypervolume).toBeCloseTo(0.81, 12);
    expect(h[2]!.hypervolume).toBeCloseTo(0.81 + 0.2 * 0.1, 12); // + the strip of (0, 1): 0.2 wide, 0.1 high
    expect(h.map((r) => r.feasibleShare)).toEqual([1, 1, 0]); // counts still come from the log
    // a bounded archive differs from the run's (see generationHistory): the log is replayed instead
    const bounded = generationHistory((on) => rows.forEach(on), m, identity, {
      generations: 3,
      archiveLimit: 10,
      frontAt: (g) => fronts[g],
    });
    expect(bounded.map((r) => r.hypervolume)).toEqual([0.36, 0.36, 0.36].map((v) => expect.closeTo(v, 12)));
  });

  it("leaves the last row's hypervolume to the caller (NaN) only when its front is the very array named", () => {
    const rows = [row(0, 0, [0, 0], [0.5, 0.5], [-1]), row(1, 1, [0, 0], [0.2, 0.2], [-1])];
    const fronts = [[Float64Array.of(0.5, 0.5)], [Float64Array.of(0.2, 0.2)]];
    const replay = (on: (r: LoggedEvaluation) => void): void => rows.forEach(on);
    const deferred = generationHistory(replay, m, identity, {
      generations: 2,
      frontAt: (g) => fronts[g],
      deferFinalHypervolumeOf: fronts[1]!,
    });
    expect(deferred[0]!.hypervolume).toBeCloseTo(0.36, 12);
    expect(deferred[1]!.hypervolume).toBeNaN();
    // an equal front in another array is computed here: 0.9² = 0.81
    const other = generationHistory(replay, m, identity, {
      generations: 2,
      frontAt: (g) => fronts[g],
      deferFinalHypervolumeOf: [Float64Array.of(0.2, 0.2)],
    });
    expect(other[1]!.hypervolume).toBeCloseTo(0.81, 12);
  });

  it('with recorded fronts, IGD+ before the last row equals the brute-force IGD+ of the front seen so far (random 3-objective log)', () => {
    const rng = createRng(11);
    const m3 = 3;
    const reference = Array.from({ length: 40 }, () => Float64Array.from({ length: m3 }, () => rng.next()));
    const rows: LoggedEvaluation[] = [];
    for (let i = 0; i < 600; i++)
      rows.push(
        row(
          i,
          Math.floor(i / 50),
          [0, 0],
          Array.from({ length: m3 }, () => 0.2 + rng.next()),
          [i % 5 === 0 ? 1 : -1],
        ),
      );
    // the front after each generation, by brute force: feasible designs so far not dominated by another
    const fronts: Float64Array[][] = [];
    for (let g = 0; g < 12; g++) {
      const seen = rows.filter((r) => r.generation <= g && r.cv === 0).map((r) => r.f);
      fronts.push(seen.filter((a) => !seen.some((b) => dominates(b, a))));
    }
    const norm = normalizationOf([], m3, true);
    const h = generationHistory((on) => rows.forEach(on), m3, norm, {
      generations: 12,
      trueFront: reference,
      frontAt: (g) => fronts[g],
    });
    expect(h).toHaveLength(12);
    h.forEach((r, g) => expect(r.igdPlus, `generation ${g}`).toBeCloseTo(igdPlusOracle(fronts[g]!, reference), 12));
  });

  it('2-D with recorded fronts: the IGD+ of each row on the staircase equals the running minimum over every design to the last bit, and brute force', () => {
    const rng = createRng(12);
    // points near the line f1 + f2 = 1 (fronts of > 32 points), the reference on the line
    const reference = Array.from({ length: 300 }, (_, i) => Float64Array.of(i / 299, 1 - i / 299));
    const rows: LoggedEvaluation[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = rng.next();
      const lift = 0.3 * rng.next() ** 3;
      rows.push(
        row(i, Math.floor(i / 250), [0, 0], [t + lift * rng.next(), 1 - t + lift * rng.next()], [i % 7 === 0 ? 1 : -1]),
      );
    }
    const fronts: Float64Array[][] = [];
    for (let g = 0; g < 12; g++) {
      const seen = rows.filter((r) => r.generation <= g && r.cv === 0).map((r) => r.f);
      fronts.push(
        seen.filter((a, i) => !seen.some((b, j) => dominates(b, a) || (j < i && b.every((v, k) => v === a[k]!)))),
      );
    }
    expect(fronts[0]!.length).toBeGreaterThan(32);
    const norm = normalizationOf([], m, true);
    const recorded = generationHistory((on) => rows.forEach(on), m, norm, {
      generations: 12,
      trueFront: reference,
      frontAt: (g) => fronts[g],
    });
    // without recorded fronts: the archive rebuilt from the log and the running minimum over every design
    const running = generationHistory((on) => rows.forEach(on), m, norm, { generations: 12, trueFront: reference });
    expect(recorded).toHaveLength(12);
    recorded.forEach((r, g) => {
      expect(Object.is(r.igdPlus, running[g]!.igdPlus), `generation ${g}: ${r.igdPlus} vs ${running[g]!.igdPlus}`).toBe(
        true,
      );
      expect(r.igdPlus, `generation ${g}`).toBeCloseTo(igdPlusOracle(fronts[g]!, reference), 12);
    });
  });

  it('4-D with recorded fronts: the running hypervolume estimates equal those over every design, to the last bit', () => {
    // the recorded path searches the fronts' entrants only, each with its row's last index (history.ts); the
    // definition (and the path without recorded fronts) searches every feasible design with its own index
    const rng = createRng(13);
    const m4 = 4;
    const rows: LoggedEvaluation[] = [];
    for (let i = 0; i < 3200; i++) {
      // near the unit sphere, so that the fronts pass the 300 points where the estimate takes over
      const p = Array.from({ length: m4 }, () => Math.abs(rng.normal()) + 1e-3);
      const r = Math.hypot(...p) / (1 + 0.05 * rng.next() ** 2);
      rows.push(
        row(
          i,
          Math.floor(i / 400),
          [0, 0],
          p.map((v) => v / r),
          [i % 9 === 0 ? 1 : -1],
        ),
      );
    }
    const fronts: Float64Array[][] = [];
    let front: Float64Array[] = [];
    for (let g = 0; g < 8; g++) {
      const pool = [...front, ...rows.filter((r) => r.generation === g && r.cv === 0).map((r) => r.f)];
      front = pool.filter((a) => !pool.some((b) => dominates(b, a)));
      fronts.push(front);
    }
    expect(fronts[0]!.length).toBeGreaterThan(300);
    const norm = normalizationOf(fronts[7]!, m4, false);
    const recorded = generationHistory((on) => rows.forEach(on), m4, norm, {
      generations: 8,
      frontAt: (g) => fronts[g],
    });
    const everyDesign = generationHistory((on) => rows.forEach(on), m4, norm, { generations: 8 });
    expect(recorded.filter((r) => r.hypervolumeStandardError !== undefined)).toHaveLength(7);
    recorded.forEach((r, g) => {
      expect(
        Object.is(r.hypervolume, everyDesign[g]!.hypervolume),
        `generation ${g}: ${r.hypervolume} vs ${everyDesign[g]!.hypervolume}`,
      ).toBe(true);
      expect(r.hypervolumeStandardError).toBe(everyDesign[g]!.hypervolumeStandardError);
    });
    // and the estimates rise with the front (the same samples every row)
    for (let g = 1; g < 7; g++) expect(recorded[g]!.hypervolume).toBeGreaterThanOrEqual(recorded[g - 1]!.hypervolume);
  });

  it('long runs get one row per block of ⌈generations / 50⌉ generations, feasible share over the block, the last generation always', () => {
    expect(HISTORY_POINTS).toBe(50);
    expect(historyStride(50)).toBe(1);
    expect(historyStride(51)).toBe(2);
    const G = 121; // stride ⌈121 / 50⌉ = 3 → rows at generations 2, 5, …, 119, and 120
    expect(historyStride(G)).toBe(3);
    // generation g: two evaluations, the first feasible only when g is even; point (g+1)^-1 on f1 = f2 line
    const rows: LoggedEvaluation[] = [];
    for (let g = 0; g < G; g++) {
      rows.push(row(2 * g, g, [0, 0], [1 / (g + 2), 1 / (g + 2)], [g % 2 === 0 ? -1 : 1]));
      rows.push(row(2 * g + 1, g, [0, 0], [0.9, 0.9], [1]));
    }
    const h = generationHistory((on) => rows.forEach(on), m, identity, { generations: G });
    expect(h).toHaveLength(41);
    expect(h[0]!.generation).toBe(2);
    expect(h[39]!.generation).toBe(119);
    expect(h[40]!.generation).toBe(120);
    // block 0..2: feasible at g = 0, 2 → 2 of 6; block 3..5: g = 4 → 1 of 6; the last block is generation 120 alone: 1
    // of 2
    expect(h[0]!.feasibleShare).toBeCloseTo(2 / 6, 12);
    expect(h[1]!.feasibleShare).toBeCloseTo(1 / 6, 12);
    expect(h[40]!.feasibleShare).toBeCloseTo(1 / 2, 12);
    expect(h[40]!.evaluations).toBe(2 * G);
    // best feasible point after generation 120 is 1/122 in both objectives: HV = (1.1 − 1/122)²
    expect(h[40]!.hypervolume).toBeCloseTo((1.1 - 1 / 122) ** 2, 12);
  });
});

describe('igdPlus in 2-D (staircase path)', () => {
  /** IGD+ by definition, brute force (Ishibuchi et al. 2015). */
  const oracle = (A: number[][], Z: number[][]): number =>
    Z.reduce(
      (s, z) => s + Math.min(...A.map((a) => Math.hypot(Math.max(a[0]! - z[0]!, 0), Math.max(a[1]! - z[1]!, 0)))),
      0,
    ) / Z.length;

  it('equals the brute-force definition on random sets with dominated points, ties and duplicates', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 40; trial++) {
      const A = Array.from({ length: 33 + rng.int(200) }, () => [
        Math.round(rng.next() * 50) / 50,
        Math.round(rng.next() * 50) / 50,
      ]);
      A.push([...A[0]!]);
      const Z = Array.from({ length: 1 + rng.int(60) }, () => {
        const t = rng.next();
        return [t, 1 - Math.sqrt(t)];
      });
      expect(igdPlus(A, Z)).toBeCloseTo(oracle(A, Z), 12);
    }
  });

  it("small sets (1 to 32 points, once the brute force's) give the definition's value to the last bit, also against an ascending reference", () => {
    const rng = createRng(5);
    // the definition with the same floating-point operations: d+² = max(a1 - z1, 0)² + max(a2 - z2, 0)², its least
    // over A, square roots summed in reference order
    const exact = (A: number[][], Z: number[][]): number => {
      let total = 0;
      for (const z of Z) {
        let best = Infinity;
        for (const a of A) {
          const d1 = Math.max(a[0]! - z[0]!, 0);
          const d2 = Math.max(a[1]! - z[1]!, 0);
          best = Math.min(best, d1 * d1 + d2 * d2);
        }
        total += Math.sqrt(best);
      }
      return total / Z.length;
    };
    const ascending = Array.from({ length: 200 }, (_, i) => [i / 199, 1 - Math.sqrt(i / 199)]);
    for (let trial = 0; trial < 60; trial++) {
      const A = Array.from({ length: 1 + rng.int(32) }, () => [rng.next(), rng.next()]);
      const Z = trial % 2 ? ascending : Array.from({ length: 1 + rng.int(50) }, () => [rng.next(), rng.next()]);
      expect(Object.is(igdPlus(A, Z), exact(A, Z)), `trial ${trial}`).toBe(true);
    }
    expect(igdPlus([], ascending)).toBe(Infinity);
    expect(igdPlus([[0.5, 0.5]], [])).toBe(0);
  });

  it('a set that is already a staircase (an archive front in lexicographic order) gives the value of any shuffle of it, to the last bit', () => {
    const rng = createRng(4);
    for (let trial = 0; trial < 20; trial++) {
      // non-dominated: f1 strictly rising, f2 strictly falling
      const n = 33 + rng.int(300);
      const xs = Array.from({ length: n }, () => rng.next()).sort((a, b) => a - b);
      const staircase = xs
        .map((x, i) => [x, 1 - Math.sqrt(x) + 0.05 * rng.next() * (i % 3)])
        .filter((p, i, all) => i === 0 || p[0]! > all[i - 1]![0]!);
      for (let i = 1; i < staircase.length; i++)
        staircase[i]![1] = Math.min(staircase[i]![1]!, staircase[i - 1]![1]! - 1e-9);
      const shuffled = [...staircase];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const Z = Array.from({ length: 1 + rng.int(80) }, () => {
        const t = rng.next();
        return [t, 1 - Math.sqrt(t) - 0.02];
      });
      expect(Object.is(igdPlus(staircase, Z), igdPlus(shuffled, Z))).toBe(true);
      expect(igdPlus(staircase, Z)).toBeCloseTo(oracle(staircase, Z), 12);
    }
    // a reference in ascending f1 (an analytic front in its order: the pointer walk), with reference f1 equal to a
    // point's f1 (x <= z1 counts it on the left), repeated, and beyond both ends of the set
    const grid = Array.from({ length: 60 }, (_, i) => [i / 50, 1 - Math.sqrt(i / 50)]);
    const sortedZ = [[-0.1, 1.2], ...grid.flatMap((z, i) => (i % 7 === 0 ? [z, z] : [z])), [1.3, -0.2]];
    const set = Array.from({ length: 45 }, (_, i) => [i / 40, 1.02 - Math.sqrt(i / 40)]);
    expect(igdPlus(set, sortedZ)).toBeCloseTo(oracle(set, sortedZ), 13);
    expect(igdPlus(set.slice().reverse(), sortedZ)).toBe(igdPlus(set, sortedZ));
    // equal f1 with falling f2 is not a staircase (the second point dominates the first): still the definition
    const tie = [[0.2, 0.9], [0.2, 0.5], ...Array.from({ length: 40 }, (_, i) => [0.3 + i / 100, 0.4 - i / 200])];
    const Z = [
      [0.2, 0.5],
      [0.1, 0.45],
      [0.5, 0.2],
    ];
    expect(igdPlus(tie, Z)).toBeCloseTo(oracle(tie, Z), 12);
  });
});

describe('run-time hypervolume rule (4+ objectives)', () => {
  // the simplex lattice x1 + … + x4 = 1 with k = 12 steps: C(15, 3) = 455 points; with reference 1 the exact HV is
  // 1 − C(k−1+m, m)/k^m = 1 − C(15, 4)/12⁴ (the boxes left undominated are the lattice simplices below the plane).
  const lattice: number[][] = [];
  for (let a = 0; a <= 12; a++) {
    for (let b = 0; a + b <= 12; b++)
      for (let c = 0; a + b + c <= 12; c++) lattice.push([a / 12, b / 12, c / 12, (12 - a - b - c) / 12]);
  }
  const unit = { ideal: [0, 0, 0, 0], nadir: [1, 1, 1, 1], reference: [1, 1, 1, 1] };
  const exact = 1 - 1365 / 12 ** 4;

  it('is exact up to 300 points, then a Monte Carlo estimate within 4 standard errors of the exact value', async () => {
    const { runHypervolume, EXACT_HV_POINTS } = await import('../../src/run/history.js');
    expect(lattice).toHaveLength(455);
    expect(EXACT_HV_POINTS).toBe(300);
    const small = runHypervolume(lattice.slice(0, 300), unit);
    expect(small.standardError).toBeUndefined();
    const est = runHypervolume(lattice, unit);
    expect(est.standardError).toBeGreaterThan(0);
    expect(est.standardError).toBeLessThan(0.006);
    expect(Math.abs(est.value - exact)).toBeLessThan(4 * est.standardError!);
  });

  it('history rows before the last carry the estimate and its error; the last row is exact', () => {
    const rows = lattice.map((f, i) => row(i, i < 400 ? 0 : 1, [0, 0], f, [-1]));
    const h = generationHistory((on) => rows.forEach(on), 4, unit, { generations: 2 });
    expect(h).toHaveLength(2);
    expect(h[0]!.hypervolumeStandardError).toBeGreaterThan(0);
    expect(h[1]!.hypervolumeStandardError).toBeUndefined();
    expect(h[1]!.hypervolume).toBeCloseTo(exact, 12);
  });
});

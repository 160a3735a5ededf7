import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LpModel } from '../../../src/optimize/lp.js';
import { autoSolverFor, createLpSolver, HIGHS_PACKAGE_VERSION, JSLP_VERSION } from '../../../solvers/lp/index.js';

const solve = await createLpSolver();

/** Build an LpModel from dense rows (test-side helper, independent of the models under test). */
function dense(
  sense: 'minimize' | 'maximize',
  cost: number[],
  rows: { a: number[]; lo: number; hi: number }[],
  colLower: number[],
  colUpper: number[],
  integer?: number[],
): LpModel {
  const er: number[] = [];
  const ec: number[] = [];
  const ev: number[] = [];
  rows.forEach((r, i) =>
    r.a.forEach((v, j) => {
      if (v !== 0) {
        er.push(i);
        ec.push(j);
        ev.push(v);
      }
    }),
  );
  return {
    sense,
    cost: Float64Array.from(cost),
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper),
    rowLower: Float64Array.from(rows.map((r) => r.lo)),
    rowUpper: Float64Array.from(rows.map((r) => r.hi)),
    entryRow: Int32Array.from(er),
    entryCol: Int32Array.from(ec),
    entryValue: Float64Array.from(ev),
    ...(integer !== undefined ? { integer } : {}),
  };
}

/**
 * Arc-flow LP on a P×S +Grid torus (no twist), 100 per arc, as in the toolchain check's appendix:
 * one column per (commodity, arc), conservation rows per (commodity, node), shared capacity rows, and λ
 * with −1 at each commodity's source and +1 at its sink (so λ is the concurrent flow).
 */
function torusFlowLp(P: number, S: number, pairs: [number, number][]): LpModel {
  const n = P * S;
  const arcs: [number, number][] = [];
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) {
      const v = p * S + s;
      for (const w of [p * S + ((s + 1) % S), ((p + 1) % P) * S + s]) arcs.push([v, w], [w, v]);
    }
  const K = pairs.length;
  const A = arcs.length;
  const er: number[] = [];
  const ec: number[] = [];
  const ev: number[] = [];
  for (let k = 0; k < K; k++)
    arcs.forEach(([u, v], a) => {
      er.push(k * n + u, k * n + v, K * n + a);
      ec.push(k * A + a, k * A + a, k * A + a);
      ev.push(1, -1, 1);
    });
  pairs.forEach(([s, t], k) => {
    er.push(k * n + s, k * n + t);
    ec.push(K * A, K * A);
    ev.push(-1, 1);
  });
  const rows = K * n + A;
  const rowUpper = new Float64Array(rows);
  const rowLower = new Float64Array(rows);
  for (let a = 0; a < A; a++) {
    rowLower[K * n + a] = -Infinity;
    rowUpper[K * n + a] = 100;
  }
  const cost = new Float64Array(K * A + 1);
  cost[K * A] = 1;
  return {
    sense: 'maximize',
    cost,
    colLower: new Float64Array(K * A + 1),
    colUpper: new Float64Array(K * A + 1).fill(Infinity),
    rowLower,
    rowUpper,
    entryRow: Int32Array.from(er),
    entryCol: Int32Array.from(ec),
    entryValue: Float64Array.from(ev),
  };
}

describe('LP solvers (javascript-lp-solver and HiGHS)', () => {
  it('report the installed package versions', () => {
    const pkg = (name: string): string =>
      (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
    expect(JSLP_VERSION).toBe(pkg('javascript-lp-solver'));
    expect(HIGHS_PACKAGE_VERSION).toBe(pkg('highs'));
    const m = dense('maximize', [1], [{ a: [1], lo: -Infinity, hi: 1 }], [0], [Infinity]);
    expect(solve(m, { solver: 'jslp' }).solver).toBe(`javascript-lp-solver ${JSLP_VERSION}`);
    expect(solve(m, { solver: 'highs' }).solver).toMatch(
      new RegExp(`^highs ${HIGHS_PACKAGE_VERSION.replaceAll('.', '\\.')}`),
    );
  });

  // Known answers of the toolchain check (10×10 torus, 100 per direction): a node has 4 links, so the
  // s–t cut around the source is 4 × 100 = 400 and the torus is 4-edge-connected (max flow 400);
  // four sinks of one source share that cut concurrently: λ = 400 / 4 = 100.
  it.each(['jslp', 'highs'] as const)('10×10 torus: s–t max flow 400 and 4-sink concurrent flow 100 (%s)', (solver) => {
    const st = solve(torusFlowLp(10, 10, [[0, 55]]), { solver });
    expect(st.status).toBe('optimal');
    expect(st.objective).toBeCloseTo(400, 6);
    const four = solve(
      torusFlowLp(10, 10, [
        [0, 55],
        [0, 5],
        [0, 50],
        [0, 99],
      ]),
      { solver },
    );
    expect(four.objective).toBeCloseTo(100, 6);
    expect(four.x[four.cols - 1]).toBeCloseTo(100, 6);
  });

  // 0/1 knapsack max 8a + 11b + 6c + 4d, 5a + 7b + 4c + 3d ≤ 14. By hand: the LP takes items by value
  // density 1.6, 1.57, 1.5 → a = b = 1, c = 2/4 → 22; the best integer set is {b, c, d}: weight 14, value 21
  // ({a, b}: 19; {a, c, d}: 18; {a, b, ·} cannot add c or d).
  const knapsack = (integer?: number[]): LpModel =>
    dense('maximize', [8, 11, 6, 4], [{ a: [5, 7, 4, 3], lo: -Infinity, hi: 14 }], [0, 0, 0, 0], [1, 1, 1, 1], integer);
  it.each(['jslp', 'highs'] as const)('knapsack: LP relaxation 22, MILP 21 at (0,1,1,1) (%s)', (solver) => {
    expect(solve(knapsack(), { solver }).objective).toBeCloseTo(22, 7);
    const r = solve(knapsack([0, 1, 2, 3]), { solver });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(21, 7);
    expect(Array.from(r.x, (v) => Math.round(v))).toEqual([0, 1, 1, 1]);
  });

  // Vertex cover of a triangle: min x1+x2+x3, each edge covered. LP: all ½ → 1.5; integer: two vertices → 2.
  const cover = (integer?: number[]): LpModel =>
    dense(
      'minimize',
      [1, 1, 1],
      [
        { a: [1, 1, 0], lo: 1, hi: Infinity },
        { a: [0, 1, 1], lo: 1, hi: Infinity },
        { a: [1, 0, 1], lo: 1, hi: Infinity },
      ],
      [0, 0, 0],
      [1, 1, 1],
      integer,
    );
  it.each(['jslp', 'highs'] as const)('triangle vertex cover: LP 1.5, MILP 2 (%s)', (solver) => {
    expect(solve(cover(), { solver }).objective).toBeCloseTo(1.5, 7);
    expect(solve(cover([0, 1, 2]), { solver }).objective).toBeCloseTo(2, 7);
  });

  it.each(['jslp', 'highs'] as const)(
    'bounds, free columns, equalities, duplicate entries, statuses (%s)',
    (solver) => {
      // min x + y, x ∈ [−3, ∞), y free, x − y = 1 entered as two triplets 0.5 + 0.5 → y = x − 1 → x = −3, y = −4.
      const m: LpModel = {
        sense: 'minimize',
        cost: Float64Array.of(1, 1),
        colLower: Float64Array.of(-3, -Infinity),
        colUpper: Float64Array.of(Infinity, Infinity),
        rowLower: Float64Array.of(1),
        rowUpper: Float64Array.of(1),
        entryRow: Int32Array.of(0, 0, 0),
        entryCol: Int32Array.of(0, 0, 1),
        entryValue: Float64Array.of(0.5, 0.5, -1),
      };
      const r = solve(m, { solver });
      expect(r.objective).toBeCloseTo(-7, 7);
      expect(r.x[0]).toBeCloseTo(-3, 7);
      expect(r.x[1]).toBeCloseTo(-4, 7);
      // x ≥ 2 (column bound) with x ≤ 1 (row): infeasible; max x with x ≥ 1 only: unbounded.
      expect(
        solve(dense('maximize', [1], [{ a: [1], lo: -Infinity, hi: 1 }], [2], [Infinity]), { solver }).status,
      ).toBe('infeasible');
      expect(solve(dense('maximize', [1], [{ a: [1], lo: 1, hi: Infinity }], [0], [Infinity]), { solver }).status).toBe(
        'unbounded',
      );
    },
  );

  it('auto picks javascript-lp-solver for tiny models and HiGHS for large ones', () => {
    const tiny = knapsack();
    expect(autoSolverFor(tiny)).toBe('jslp');
    expect(solve(tiny).solver).toMatch(/^javascript-lp-solver/);
    const big = torusFlowLp(20, 20, [
      [0, 210],
      [0, 10],
    ]); // 6401 columns
    expect(autoSolverFor(big)).toBe('highs');
    const r = solve(big);
    expect(r.solver).toMatch(/^highs/);
    expect(r.objective).toBeCloseTo(200, 6); // two sinks share the 400 cut around the source
  });
});

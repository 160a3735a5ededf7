import { describe, expect, it } from 'vitest';

import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  arcLoads,
  buildConcurrentFlowLp,
  type ArcList,
} from '../../../../src/constellation/network/graph/networkFlowLp.js';

const lpSolver = await createLpSolver();

const arcs = (list: [number, number, number][]): ArcList => ({
  from: Int32Array.from(list, (a) => a[0]),
  to: Int32Array.from(list, (a) => a[1]),
  capacity: Float64Array.from(list, (a) => a[2]),
});

/** The model's entries summed per (row, col), as "row,col" → value. */
function entries(m: { entryRow: Int32Array; entryCol: Int32Array; entryValue: Float64Array }): Map<string, number> {
  const out = new Map<string, number>();
  m.entryRow.forEach((r, k) => {
    const key = `${r},${m.entryCol[k]}`;
    out.set(key, (out.get(key) ?? 0) + m.entryValue[k]!);
  });
  return out;
}

// Diamond s = 0, t = 3: arcs 0→1 (3), 0→2 (2), 1→2 (1), 1→3 (2), 2→3 (3), and 3→0 of capacity 0. Cuts around
// {0}: 3 + 2 = 5; {0, 1}: 2 + 1 + 2 = 5; {0, 2}: 3 + 3 = 6; {0, 1, 2}: 2 + 3 = 5. Max flow = min cut = 5
// (Ford & Fulkerson 1956).
const diamond = arcs([
  [0, 1, 3],
  [0, 2, 2],
  [1, 2, 1],
  [1, 3, 2],
  [2, 3, 3],
  [3, 0, 0],
]);

describe('concurrent-flow LP (networkFlowLp.ts)', () => {
  it('one commodity: the max flow of a small graph equals its min cut; capacities are column bounds', () => {
    const lp = buildConcurrentFlowLp(4, diamond, [{ nodes: Int32Array.of(0, 3), coeff: Float64Array.of(1, -1) }]);
    expect([...lp.live]).toEqual([0, 1, 2, 3, 4]); // the zero-capacity arc gets no column
    expect(lp.capacityScale).toBe(3);
    expect(lp.muCol).toBe(5);
    expect(lp.arcs).toBe(6);
    // Rows: flow conservation at 4 nodes, no capacity rows with one commodity; bounds cap/3.
    expect(lp.model.rowLower).toHaveLength(4);
    expect([...lp.model.colUpper]).toEqual([1, 2 / 3, 1 / 3, 2 / 3, 1, Infinity]);
    expect([...lp.model.colLower]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...lp.model.cost]).toEqual([0, 0, 0, 0, 0, 1]);
    // out − in − b·μ = 0: +1 at the tail, −1 at the head, −b at the supply nodes in the μ column.
    const e = entries(lp.model);
    expect(e.get('0,0')).toBe(1);
    expect(e.get('1,0')).toBe(-1);
    expect(e.get('2,4')).toBe(1);
    expect(e.get('3,4')).toBe(-1);
    expect(e.get('0,5')).toBe(-1);
    expect(e.get('3,5')).toBe(1);
    expect(e.size).toBe(12);
    const r = lpSolver(lp.model, { solver: 'highs' });
    expect(r.status).toBe('optimal');
    expect(r.x[lp.muCol]! * lp.capacityScale).toBeCloseTo(5, 6);
    const load = arcLoads(lp, r.x);
    expect(load).toHaveLength(6);
    expect(load[0]! + load[1]!).toBeCloseTo(5, 6); // out of the source
    expect(load[3]! + load[4]!).toBeCloseTo(5, 6); // into the sink
    expect(load[3]).toBeCloseTo(2, 6); // 1→3 is in every minimum cut but {0}: saturated
    expect(load[5]).toBe(0);
  });

  it('several commodities share each arc through a capacity row', () => {
    // One arc 0→1 of capacity 4 and commodities of supply 1 and 3 over it: μ + 3μ ≤ 4 → μ = 1.
    const lp = buildConcurrentFlowLp(2, arcs([[0, 1, 4]]), [
      { nodes: Int32Array.of(0, 1), coeff: Float64Array.of(1, -1) },
      { nodes: Int32Array.of(0, 1), coeff: Float64Array.of(3, -3) },
    ]);
    expect(lp.model.rowLower).toHaveLength(2 * 2 + 1);
    expect(lp.model.rowLower[4]).toBe(-Infinity);
    expect(lp.model.rowUpper[4]).toBe(1); // 4 / scale 4
    expect([...lp.model.colUpper]).toEqual([Infinity, Infinity, Infinity]);
    const e = entries(lp.model);
    expect(e.get('4,0')).toBe(1);
    expect(e.get('4,1')).toBe(1);
    const r = lpSolver(lp.model, { solver: 'highs' });
    expect(r.x[lp.muCol]! * lp.capacityScale).toBeCloseTo(1, 6);
    expect(arcLoads(lp, r.x)[0]).toBeCloseTo(4, 6);
  });

  it('no arc of positive capacity: scale 1, only the μ column', () => {
    const lp = buildConcurrentFlowLp(2, arcs([[0, 1, 0]]), [
      { nodes: Int32Array.of(0, 1), coeff: Float64Array.of(1, -1) },
    ]);
    expect(lp.capacityScale).toBe(1);
    expect(lp.live).toHaveLength(0);
    expect(lp.model.cost).toHaveLength(1);
    expect(arcLoads(lp, Float64Array.of(0.5))[0]).toBe(0);
  });

  it('keeps every entry when a supply vector is longer than the first size estimate', () => {
    // 40 supply entries on a 2-node graph (the estimate counts one per node): the triplet list must grow.
    const nodes = Int32Array.from({ length: 40 }, (_, i) => i % 2);
    const coeff = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0.05 : -0.05));
    const lp = buildConcurrentFlowLp(2, arcs([[0, 1, 2]]), [{ nodes, coeff }]);
    expect(lp.model.entryRow).toHaveLength(2 + 40);
    const e = entries(lp.model);
    expect(e.get('0,0')).toBe(1);
    expect(e.get('1,0')).toBe(-1);
    expect(e.get('0,1')).toBeCloseTo(-1, 12);
    expect(e.get('1,1')).toBeCloseTo(1, 12);
  });

  it('arc loads: negative solver noise counts as 0, missing entries as 0, loads back in the caller unit', () => {
    const lp = buildConcurrentFlowLp(
      3,
      arcs([
        [0, 1, 10],
        [1, 2, 5],
      ]),
      [{ nodes: Int32Array.of(0, 2), coeff: Float64Array.of(1, -1) }],
    );
    expect([...arcLoads(lp, Float64Array.of(0.5, -1e-12, 0.5))]).toEqual([5, 0]);
    expect([...arcLoads(lp, Float64Array.of(0.2))]).toEqual([2, 0]);
  });
});

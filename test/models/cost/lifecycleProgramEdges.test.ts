/**
 * Program economics edges (src/models/cost/lifecycleProgram.ts, lifecycleEconomics.ts): input ranges with their
 * messages, a fractional last year, and the average node cost. Figures by hand.
 */
import { describe, expect, it } from 'vitest';
import { annuityFactor, capitalRecoveryFactor, discountFactor } from '../../../src/models/cost/lifecycleEconomics.js';
import { programEconomics, type ProgramParams } from '../../../src/models/cost/lifecycleProgram.js';

/** One node at $100, no learning, 4-year life, 10-year horizon: generations at 0, 4 and 8 years. */
const one: ProgramParams = {
  nodes: 1,
  nodeLifetime_yr: 4,
  horizon_yr: 10,
  firstUnitCost_USD: 100,
  deliveredPFLOPSPerNode: 1,
  discountRate_per_yr: 0,
};

describe('program economics', () => {
  it('10 years of 4-year nodes: ⌈10/4⌉ = 3 generations, average node cost $100, 2 replacements', () => {
    const r = programEconomics(one);
    expect([r.generations, r.nodesBuilt, r.replacements]).toEqual([3, 3, 2]);
    expect(r.averageNodeCost_USD).toBe(100);
    expect(r.years).toHaveLength(11);
  });

  it('a 2.5-year horizon: 3 yearly rows, the last one half a year (ground operations × 0.5)', () => {
    const r = programEconomics({ ...one, horizon_yr: 2.5, groundOperations_USD_per_yr: 40 });
    expect(r.years).toHaveLength(4);
    expect(r.years.map((y) => y.ground_USD)).toEqual([0, 40, 40, 20]);
    expect(r.totalCompute_PFLOP_day).toBeCloseTo(2.5 * 365.25, 9);
  });

  it('nodes in [1, 1e6], horizon in (0, 200], by name', () => {
    expect(() => programEconomics({ ...one, nodes: 0 })).toThrow('nodes must be an integer in [1, 1e6], got 0');
    expect(() => programEconomics({ ...one, nodes: 1e6 + 1 })).toThrow('got 1000001');
    expect(programEconomics({ ...one, nodes: 1e6, horizon_yr: 4 }).nodesBuilt).toBe(1e6);
    expect(() => programEconomics({ ...one, horizon_yr: 0 })).toThrow('horizon_yr must be in (0, 200], got 0');
    expect(() => programEconomics({ ...one, horizon_yr: 201 })).toThrow('horizon_yr must be in (0, 200], got 201');
    expect(programEconomics({ ...one, horizon_yr: 200, nodeLifetime_yr: 200 }).generations).toBe(1);
    const named = [
      'deliveredPFLOPSPerNode',
      'perNodeOffCurve_USD',
      'nodeOperations_USD_per_yr',
      'groundSegment_USD',
      'groundOperations_USD_per_yr',
    ] as const;
    for (const f of named) {
      expect(() => programEconomics({ ...one, [f]: -1 })).toThrow(new RegExp(`^${f} must`));
    }
  });

  it('at most 1e9 nodes built: 1e6 nodes over 1,001 generations is refused', () => {
    expect(() => programEconomics({ ...one, nodes: 1e6, nodeLifetime_yr: 0.1, horizon_yr: 100.1 })).toThrow(
      'nodes × generations must be ≤ 1e9, got 1001000000',
    );
  });
});

describe('discounting helpers', () => {
  it('rates in [0, 1]: 100 % is allowed — (1 + 1)^−1 = 0.5; time and years named', () => {
    expect(discountFactor(1, 1)).toBe(0.5);
    expect(() => discountFactor(1.01, 1)).toThrow('discountRate_per_yr must be in [0, 1], got 1.01');
    expect(() => discountFactor(0.1, -1)).toThrow(/^time_yr must/);
    expect(() => annuityFactor(0.1, -1)).toThrow(/^years must/);
    expect(() => capitalRecoveryFactor(0.1, 0)).toThrow(/^years must/);
  });
});

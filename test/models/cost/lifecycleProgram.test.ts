import { describe, expect, it } from 'vitest';
import { programEconomics, type ProgramParams } from '../../../src/models/cost/lifecycleProgram.js';
import { annuityFactor, capitalRecoveryFactor, discountFactor } from '../../../src/models/cost/lifecycleEconomics.js';
import { costBridgeText } from '../../../src/base/verdictText.js';

/** Two nodes, 5-year life, 10-year program: one replacement generation. Round numbers for the hand calculation. */
const twoNodes: ProgramParams = {
  nodes: 2,
  nodeLifetime_yr: 5,
  horizon_yr: 10,
  firstUnitCost_USD: 100,
  learningRate: 0.9,
  perNodeOffCurve_USD: 50,
  nodeOperations_USD_per_yr: 10,
  groundSegment_USD: 1000,
  groundOperations_USD_per_yr: 20,
  deliveredPFLOPSPerNode: 1,
  discountRate_per_yr: 0.1,
};
/** One node at $100, no learning, 4-year life, 10-year horizon: generations at 0, 4 and 8 years. */
const one: ProgramParams = {
  nodes: 1,
  nodeLifetime_yr: 4,
  horizon_yr: 10,
  firstUnitCost_USD: 100,
  deliveredPFLOPSPerNode: 1,
  discountRate_per_yr: 0,
};

describe('programEconomics', () => {
  it('replacements, learning, ground segment and operations (hand calculation)', () => {
    // Generation 0 at t = 0: units 1–2 on the 90 % curve = 100 × (1 + 0.9) = 190, + 2 × 50 off-curve = 290.
    // Generation 1 at t = 5: units 3–4 = 100 × (0.84621 + 0.81) = 165.621, + 100 = 265.621.
    // Recurring: (2 × 10 + 20) = 40 $/yr for 10 years = 400. Ground 1,000 at t = 0.
    // Total = 1,000 + 290 + 265.621 + 400 = 1,955.621 $. Compute 2 × 365.25 × 10 = 7,305 PFLOP-day → 0.267710
    // $/PFLOP-day. PV at 10 %: 1,000 + 290 + 265.621/1.1⁵ (0.620921) + 40 × a(10 %, 10) (6.144567)
    //           = 1,290 + 164.928 + 245.783 = 1,700.711 $; PV compute = 730.5 × 6.144567 = 4,488.606 → 0.378895.
    const r = programEconomics(twoNodes);
    expect(r.generations).toBe(2);
    expect(r.nodesBuilt).toBe(4);
    expect(r.replacements).toBe(2);
    expect(r.build_USD).toBeCloseTo(555.621, 3);
    expect(r.totalCost_USD).toBeCloseTo(1955.621, 3);
    expect(r.totalCompute_PFLOP_day).toBeCloseTo(7305, 9);
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(0.26771, 6);
    expect(r.pvCost_USD).toBeCloseTo(1700.711, 2);
    expect(r.pvCompute_PFLOP_day).toBeCloseTo(4488.606, 3);
    expect(r.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(0.378895, 5);
    expect(r.years[0]!.build_USD).toBeCloseTo(290, 9);
    expect(r.years[0]!.ground_USD).toBe(1000);
    expect(r.years[0]!.compute_PFLOP_day).toBe(0);
    expect(r.years[5]!.build_USD).toBeCloseTo(265.621, 3);
  });

  it('one node, one life, no learning, no ground: LCOC = (build + off-curve + ops × L)/(PFLOPS × L × 365.25)', () => {
    // (1,000 + 500 + 100 × 5)/(2 × 5 × 365.25) = 2,000/3,652.5 = 0.547570 $/PFLOP-day.
    const r = programEconomics({
      nodes: 1,
      nodeLifetime_yr: 5,
      firstUnitCost_USD: 1000,
      perNodeOffCurve_USD: 500,
      nodeOperations_USD_per_yr: 100,
      deliveredPFLOPSPerNode: 2,
    });
    expect(r.replacements).toBe(0);
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(0.54757, 6);
  });

  it('a horizon cut inside a life pays the last generation in full and credits the partial year pro rata', () => {
    // L = 5, H = 7.5: two generations (200), operations 10 × 7.5 = 75; compute 7.5 × 365.25 = 2,739.375 → 275/2,739.375
    // = 0.100388.
    const r = programEconomics({ ...one, nodeLifetime_yr: 5, horizon_yr: 7.5, nodeOperations_USD_per_yr: 10 });
    expect(r.generations).toBe(2);
    expect(r.years).toHaveLength(9);
    expect(r.years[8]!.operations_USD).toBeCloseTo(5, 12);
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(0.100388, 6);
    expect(r.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(r.lcoc_USD_per_PFLOP_day, 12);
  });

  it('random failures: λ·N·H replacements continuing the curve, paid in the year they fail (hand calculation)', () => {
    // N = 2, L = H = 5, λ = 0.1/yr → F = 0.1 × 2 × 5 = 1 replacement. No learning: it costs 100 + 50 off-curve = 150,
    // 0.1 × 2 = 0.2 a year → 30 $/yr. Total = 2 × 150 + 150 = 450; PV at 10 % = 300 + 30 × a(10 %, 5) (3.790787)
    // = 413.7236. With the 90 % curve the replacement is unit 3: 100 × 0.9^log2(3) (0.846206) + 50 = 134.6206.
    const base: ProgramParams = {
      nodes: 2,
      nodeLifetime_yr: 5,
      firstUnitCost_USD: 100,
      perNodeOffCurve_USD: 50,
      deliveredPFLOPSPerNode: 1,
      discountRate_per_yr: 0.1,
      failureRate_per_yr: 0.1,
    };
    const r = programEconomics(base);
    expect(r.failures).toBeCloseTo(1, 12);
    expect(r.failures_USD).toBeCloseTo(150, 9);
    expect(r.years[3]!.failures_USD).toBeCloseTo(30, 9);
    expect(r.totalCost_USD).toBeCloseTo(450, 9);
    expect(r.pvCost_USD).toBeCloseTo(413.7236, 3);
    const learning = programEconomics({ ...base, learningRate: 0.9 });
    expect(learning.failures_USD).toBeCloseTo(134.6206, 3);
    expect(() => programEconomics({ ...base, failureRate_per_yr: -0.1 })).toThrow(/failureRate_per_yr/);
  });

  it('faster learning lowers the average node cost', () => {
    const slow = programEconomics({ ...twoNodes, nodes: 100, learningRate: 0.95 });
    const fast = programEconomics({ ...twoNodes, nodes: 100, learningRate: 0.85 });
    expect(fast.averageNodeCost_USD).toBeLessThan(slow.averageNodeCost_USD);
  });

  it('refuses a fractional fleet, a zero life and negative costs', () => {
    expect(() => programEconomics({ ...twoNodes, nodes: 1.5 })).toThrow(/nodes/);
    expect(() => programEconomics({ ...twoNodes, nodeLifetime_yr: 0 })).toThrow(/nodeLifetime_yr/);
    expect(() => programEconomics({ ...twoNodes, groundSegment_USD: -1 })).toThrow(/groundSegment_USD/);
  });
});

describe('edges', () => {
  /**
   * Program economics edges (src/models/cost/lifecycleProgram.ts, lifecycleEconomics.ts): input ranges with their
   * messages, a fractional last year, and the average node cost. Figures by hand.
   */

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
});

describe('the cost bridge on a small programme, by hand (src/base/verdictText.ts costBridgeText)', () => {
  // Two nodes of one-year life: first-unit-priced hardware T1 = 100 on a 0.8 curve, 50 off it, operations 10 % per
  // year of the average unit, each node delivering 1 PFLOP-day a year, discounted at 10 %.
  const program = programEconomics({
    nodes: 2,
    nodeLifetime_yr: 1,
    firstUnitCost_USD: 100,
    learningRate: 0.8,
    perNodeOffCurve_USD: 50,
    nodeOperationsFraction_per_yr: 0.1,
    deliveredPFLOPSPerNode: 1 / 365.25,
    discountRate_per_yr: 0.1,
  });
  it('first unit → programme → discounted → ratio', () => {
    // first unit alone: (150 + 10 % × 150 × 1 yr) / 1 PFLOP-day = 165
    const firstUnit = 150 + 0.1 * 150;
    // programme: build 100 × (1 + 0.8) + 2 × 50 = 280; average unit 140, operations 2 × 14 = 28; 308 / 2 PFLOP-day
    expect(program.averageUnit_USD).toBeCloseTo(140, 12);
    expect(program.nodeOperations_USD_per_yr).toBeCloseTo(14, 12);
    expect(program.lcoc_USD_per_PFLOP_day).toBeCloseTo(154, 9);
    // discounted: (280 + 28/1.1) / (2/1.1) = 168
    expect(program.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(168, 9);
    const text = costBridgeText({
      firstUnit,
      units: 2,
      learningRate: 0.8,
      programme: program.lcoc_USD_per_PFLOP_day,
      discountRate_per_yr: 0.1,
      discounted: program.lcocDiscounted_USD_per_PFLOP_day,
      ratio: program.lcocDiscounted_USD_per_PFLOP_day / 42,
      baseline: 'hyperscale-virginia',
    });
    expect(text).toBe(
      'cost of delivered compute: first unit 165 → programme of 2 (learning 0.8) 154 → discounted at 10 % 168 USD/PFLOP-day → 4× hyperscale-virginia',
    );
  });
  it('operations are a fraction of the average unit, not of the first unit', () => {
    // the first unit's 150 would give 15 per node-year; the programme's average unit gives 14
    expect(program.nodeOperations_USD_per_yr).toBeLessThan(0.1 * 150);
  });
});

/**
 * Flat fronts (src/run/decision/spread.ts) and the least axis span of the front plots (src/report/plots/plots.ts
 * spanDomain),
 * on fronts written in the test with their spreads worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { frontSpread, spreadText } from '../../../src/run/decision/spread.js';
import { spanDomain } from '../../../src/report/plots/plots.js';
import type { ParetoFile } from '../../../src/run/paretoFile.js';

// the flagship's shape: cost 290 … 292 USD/PFLOP-day, compute 121 … 130 PFLOPS
const costs = [290, 291, 292];
const pflops = [130, 125, 121];
const pareto: Pick<ParetoFile, 'objectives' | 'designs'> = {
  objectives: [
    { name: 'cost', sense: 'minimize', unit: 'USD/PFLOP-day' },
    { name: 'pflops', sense: 'maximize', unit: 'PFLOPS' },
  ],
  designs: costs.map((c, i) => ({
    index: i,
    variables: {},
    objectives: { cost: c, pflops: pflops[i]! },
    constraints: {},
    record: null,
  })),
};

describe('flat front', () => {
  it('cost varies by (292 − 290)/292 = 0.685 %: flat; compute by (130 − 121)/130 = 6.92 %: a trade', () => {
    const [cost, pf] = frontSpread(pareto);
    expect(cost!.relative).toBeCloseTo(2 / 292, 12);
    expect(cost!.flat).toBe(true);
    expect(pf!.relative).toBeCloseTo(9 / 130, 12);
    expect(pf!.flat).toBe(false);
    const t = spreadText(frontSpread(pareto), 3)!;
    expect(t).toContain('cost 0.68 % (290–292 USD/PFLOP-day)');
    expect(t).toContain('pflops 6.9 % (121–130 PFLOPS)');
    expect(t).toContain('FLAT in cost (under 2.0 %)');
    expect(t).not.toContain('FLAT in cost, pflops');
  });

  it('one design is no front to call flat; values all 0 spread 0', () => {
    expect(spreadText(frontSpread({ ...pareto, designs: pareto.designs.slice(0, 1) }), 1)).toBeNull();
    const zero = { ...pareto, designs: pareto.designs.map((d) => ({ ...d, objectives: { cost: 0, pflops: 1 } })) };
    expect(frontSpread(zero)[0]!.relative).toBe(0);
  });
});

describe('least axis span of the front plots: 10 % of the magnitude', () => {
  it('290 … 292.6 is drawn on 292.6 × 10 % = 29.26 centred on 291.3: 276.67 … 305.93', () => {
    const d = spanDomain(290, 292.6);
    expect(d.widened).toBe(true);
    expect(d.lo).toBeCloseTo(291.3 - 14.63, 9);
    expect(d.hi).toBeCloseTo(291.3 + 14.63, 9);
  });

  it('a range already wider (ZDT1 f1 in 0 … 1) is kept', () => {
    expect(spanDomain(0, 1)).toEqual({ lo: 0, hi: 1, widened: false });
    expect(spanDomain(100, 130)).toEqual({ lo: 100, hi: 130, widened: false }); // 30 ≥ 13
    expect(spanDomain(121, 130).widened).toBe(true); // 9 < 13
  });
});

import { describe, expect, it } from 'vitest';
import { evaluateDesignFile, nodeEvaluator } from '../../../src/node/evaluator.js';
import { formatBudget } from '../../../src/report/budget/budget.js';
import type { NodeDesign } from '../../../src/node/design/schema.js';
import { hardwareLinesSum_USD } from './costLines.js';

const REFERENCE = ['ai1', 'starcloud-3', 'suncatcher', 'three-body'].map((n) =>
  evaluateDesignFile(`designs/${n}.yaml`),
);
const ev = nodeEvaluator();
const variant = (patch: (d: NodeDesign) => void) => {
  const d = structuredClone(REFERENCE[0]!.design);
  patch(d);
  return ev.evaluate(d);
};

/** The verdict lines of a budget: each baseline's ratio and the parity statements. */
const verdictLines = (text: string) => text.split('\n').filter((l) => /^\s+vs /.test(l));

describe('node budget: the eclipse policy and the hardware line by line', () => {
  it('states the eclipse policy with its battery (AI1: full ride-through, 162 kWh, 1,244 kg, $24.3M)', () => {
    const text = formatBudget(REFERENCE[0]!.record);
    expect(text).toMatch(
      /compute kept in eclipse +1 +- +full compute through eclipses: battery 162 kWh, 1,244 kg, 24\.3 M USD; compute given up 0 % of the orbit average/,
    );
  });

  it('an idled policy gives up (1 − f) × the mean shadow fraction: 4.31 % of the orbit average at 600 km dawn-dusk', () => {
    const r = variant((d) => void (d.power.eclipseComputeFraction = 0));
    // (1 − 0) × 0.0431 annual mean shadow fraction of AI1's orbit (record.orbit.eclipseFraction)
    expect(r.orbit.eclipseFraction).toBeCloseTo(0.0431, 4);
    expect(formatBudget(r)).toMatch(
      /compute kept in eclipse +0 +- +compute idled in eclipses: .*compute given up 4\.31 %/,
    );
  });

  it('the hardware lines sum to the hardware row, and AI1 battery is 51.5 % of it (24.26 / 47.1)', () => {
    for (const { record: r } of REFERENCE) {
      expect(hardwareLinesSum_USD(r.cost) / r.cost.hardware_USD).toBeCloseTo(1, 12);
    }
    expect(formatBudget(REFERENCE[0]!.record)).toMatch(/ {4}battery +24\.3 +M USD +51\.5 % of hardware/);
  });
});

describe('verdict texts never print Infinity or NaN', () => {
  const hostile = {
    // a launch-price trajectory reaching 1e308 $/kg: the fleet cost overflows to +∞ in the late years
    'launch price to 1e308 $/kg': variant((d) => {
      d.economics.trajectories.launchPrice_USD_per_kg = [
        { year: 2026, value: 1000 },
        { year: 2030, value: 1e308 },
      ];
    }),
    // chip price-performance collapsing by 300 orders of magnitude: chips priced beyond any finite figure
    'chip price-performance to 1e-300': variant((d) => {
      d.economics.trajectories.chipPricePerformance_TFLOPS_per_USD = [
        { year: 2026, value: 1 },
        { year: 2035, value: 1e-300 },
      ];
    }),
  };

  it('over the shipped reference designs', () => {
    for (const { record } of REFERENCE) {
      const text = formatBudget(record);
      expect(text).not.toMatch(/Infinity|NaN/);
      for (const l of verdictLines(text)) expect(l).not.toMatch(/∞|n\/a/);
    }
  });

  for (const [name, r] of Object.entries(hostile)) {
    it(`over a hostile variant: ${name} (a sentence, not a number)`, () => {
      const text = formatBudget(r);
      expect(text).not.toMatch(/Infinity|NaN/);
      const lines = verdictLines(text);
      for (const l of lines) expect(l).not.toMatch(/∞×|n\/a×/);
      // the parity statements of the overflowed years say why there is no parity
      expect(lines.some((l) => /no parity|no verdict/.test(l))).toBe(true);
    });
  }
});

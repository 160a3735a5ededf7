import { describe, expect, it } from 'vitest';
import { evaluateDesignFile, nodeEvaluator } from '../../../src/node/evaluator.js';
import * as z from 'zod';
import { fieldRows, formatBudget } from '../../../src/report/budget/budget.js';
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
  it('states the eclipse policy with its battery (AI1: full ride-through, 194 kWh, 1,213 kg, $0.388M)', () => {
    // li-ion-cots: 126.8 kW × 20.67 min / (DOD 0.25 × 0.9) = 194.1 kWh; / 160 Wh/kg = 1,213 kg; × $2/Wh = $0.388M
    const text = formatBudget(REFERENCE[0]!.record);
    expect(text).toMatch(
      /compute kept in eclipse +1 +- +full compute through eclipses: battery 194 kWh, 1,213 kg, 0\.388 M USD; compute given up 0 % of the orbit average/,
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

  it('the hardware lines sum to the hardware row, and AI1 battery is 2.55 % of it (0.388 / 15.20)', () => {
    for (const { record: r } of REFERENCE) {
      expect(hardwareLinesSum_USD(r.cost) / r.cost.hardware_USD).toBeCloseTo(1, 12);
    }
    // $0.388M of $15.20M: chips 3.96, array 1.20 (600 m² × 250.12 W/m² BOL × ai1-flex's $8/W), radiator 0.847,
    // battery 0.388, bus 5.31, ISL 2.4, other 0.069, AIT 1.02 (10 % of the non-chip lines)
    expect(formatBudget(REFERENCE[0]!.record)).toMatch(/ {4}battery +0\.388 +M USD +2\.55 % of hardware/);
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

describe('fieldRows: a budget row reads its label and unit from the record schema', () => {
  const schema = () =>
    z.strictObject({
      s: z.strictObject({
        p_W: z.number().meta({ title: 'power', description: 'Power [W].' }),
        bare_W: z.number().describe('No title [W].'),
      }),
    });
  const f = fieldRows(schema)({ s: { p_W: 2500, bare_W: 1 } }, 's');

  it('labels with the title and scales to the display unit asked for (2500 W = 2.5 kW)', () => {
    // x: the number in the display unit (what odc diff subtracts); key: the record field (how lines pair)
    expect(f('p_W')).toEqual({ label: 'power', value: '2,500', unit: 'W', x: 2500, key: 's.p_W' });
    expect(f('p_W', 'a note', 'kW')).toEqual({
      label: 'power',
      value: '2.5',
      unit: 'kW',
      note: 'a note',
      x: 2.5,
      key: 's.p_W',
    });
  });

  it('refuses a field without a title and a display unit of another quantity', () => {
    expect(() => f('bare_W')).toThrow(/s\.bare_W needs a schema title/);
    expect(() => f('p_W', undefined, 'kWh')).toThrow(/s\.p_W/);
  });
});

describe('the delivered-compute waterfall prints the factors that change something', () => {
  /** The waterfall lines between peak and delivered compute. */
  const waterfall = (text: string): string[] => text.split('\n').filter((l) => /^\s+× /.test(l));

  it('AI1 (sustainedFraction 1): no "× sustained fraction (MFU) 1" line; the factors of 1 named once under the total', () => {
    const r = REFERENCE[0]!.record;
    const text = formatBudget(r);
    const unity = r.compute.waterfall.slice(1).filter((w) => w.factor === 1);
    expect(unity.map((w) => w.name)).toContain('sustained');
    expect(text).not.toMatch(/× sustained fraction \(MFU\)/);
    expect(waterfall(text)).toHaveLength(r.compute.waterfall.length - 1 - unity.length);
    for (const l of waterfall(text)) expect(l).not.toMatch(/ 1 +[\d.,]+ +PFLOPS/);
    expect(text).toMatch(/\(× 1, not shown\) +sustained fraction \(MFU\), .*\n/);
  });

  it('a sustained fraction of 0.5 is printed, and halves the step it multiplies', () => {
    const r = variant((d) => void (d.compute.sustainedFraction = 0.5));
    const line = waterfall(formatBudget(r)).find((l) => l.includes('sustained fraction (MFU)'));
    expect(line).toMatch(/× sustained fraction \(MFU\) 0\.5 /);
    const k = r.compute.waterfall.findIndex((w) => w.name === 'sustained');
    const [before, at] = [r.compute.waterfall[k - 1]!, r.compute.waterfall[k]!];
    expect(at.valueAfter_PFLOPS / before.valueAfter_PFLOPS).toBeCloseTo(0.5, 12);
  });
});

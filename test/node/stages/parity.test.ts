import { describe, expect, it } from 'vitest';
import { evaluateDesignFile, nodeEvaluator } from '../../../src/index.js';
import { loadTerrestrialBaselines } from '../../../src/catalog/baselines.js';
import type { CatalogOverrides } from '../../../src/catalog/overrides.js';
import { gb300Rack } from '../../helpers/chipSets.js';
import { groundLcoc } from '../../../src/node/stages/parity.js';
import { baselineLcoc } from '../../../src/models/cost/lifecycleBaseline.js';
import type { PriceFactors } from '../../../src/models/cost/priceTrajectories.js';
import type { NodeDesign } from '../../../src/node/design/schema.js';

const starcloud = evaluateDesignFile('designs/starcloud-3.yaml');
const ai1 = evaluateDesignFile('designs/ai1.yaml');
const ev = nodeEvaluator();
const withChange = (base: NodeDesign, patch: (d: NodeDesign) => void) => {
  const d = structuredClone(base);
  patch(d);
  return ev.evaluate(d);
};

describe('parity year of a node design', () => {
  it("in the reference year the re-priced ratio is the record's discounted space/terrestrial ratio, for every baseline", () => {
    for (const { record } of [ai1, starcloud]) {
      for (const p of record.economics.parity) {
        const b = record.cost.baselines.find((x) => x.id === p.id)!;
        expect(p.ratioFirstYear / b.spaceToTerrestrial).toBeCloseTo(1, 12);
      }
    }
  });

  it('the re-assembled baseline LCOC equals the baseline model run on the re-priced scenario (oracle: lifecycleBaseline.ts)', () => {
    const scenario = loadTerrestrialBaselines().find((s) => s.id === 'hyperscale-virginia')!;
    const chipSet = { ...gb300Rack, chips_USD: 3.96e6 };
    const f: PriceFactors = {
      launch: 0.5,
      chip: 0.6,
      performance: 1.7,
      array: 0.8,
      radiator: 0.9,
      electricity: 1.5,
      terrestrialCapex: 1.2,
    };
    const ref = baselineLcoc({ scenario, chipSet, lifetime_yr: 5, discountRate_per_yr: 0.07 });
    const direct = baselineLcoc({
      scenario: {
        ...scenario,
        electricity_USD_per_kWh: scenario.electricity_USD_per_kWh * f.electricity,
        capexExChips_USD_per_W: scenario.capexExChips_USD_per_W * f.terrestrialCapex,
        lease_USD_per_kW_month: scenario.lease_USD_per_kW_month * f.terrestrialCapex,
      },
      chipSet: { ...chipSet, chips_USD: chipSet.chips_USD * f.chip, peakPFLOPS: chipSet.peakPFLOPS * f.performance },
      lifetime_yr: 5,
      discountRate_per_yr: 0.07,
    });
    expect(
      groundLcoc({ id: scenario.id, chips_USD: chipSet.chips_USD, result: ref }, f) /
        direct.lcocDiscounted_USD_per_PFLOP_day,
    ).toBeCloseTo(1, 12);
  });

  it('a cheaper launch never delays parity, and one that is cheap enough reaches it', () => {
    // Starcloud-3 with launch at $20,000/kg (launch dominates at first), chips held at today's price and performance,
    // the ground's electricity and facility prices rising twentyfold by 2045 (a stress case), so that the ratio can
    // cross: the launch trajectory decides when.
    const years = [1, 0.5, 0.2, 0.05, 0.01].map((scale) => {
      const r = withChange(starcloud.design, (d) => {
        d.economics.launchCost_USD_per_kg = 20000;
        d.economics.trajectories.chipPricePerformance_TFLOPS_per_USD = [{ year: 2026, value: 1 }];
        d.economics.trajectories.chipPerformancePerWatt_TFLOPS_per_W = [{ year: 2026, value: 1 }];
        d.economics.trajectories.electricity_USD_per_kWh = [
          { year: 2026, value: 0.09 },
          { year: 2045, value: 1.8 },
        ];
        d.economics.trajectories.terrestrialCapex_USD_per_W = [
          { year: 2026, value: 12 },
          { year: 2045, value: 240 },
        ];
        d.economics.trajectories.launchPrice_USD_per_kg = [
          { year: 2026, value: 900 },
          { year: 2035, value: 200 * scale },
        ];
      });
      return { year: r.economics.parityYear ?? Infinity, ratio: r.economics.parityRatioLastYear };
    });
    for (let i = 1; i < years.length; i++) {
      expect(years[i]!.year).toBeLessThanOrEqual(years[i - 1]!.year);
      expect(years[i]!.ratio).toBeLessThanOrEqual(years[i - 1]!.ratio);
    }
    expect(Number.isFinite(years[years.length - 1]!.year)).toBe(true);
  });

  it('states the answer when there is no crossing in range', () => {
    const r = ai1.record.economics;
    if (r.parityYear === null) expect(r.parityStatement).toMatch(/does not reach parity by 2045/);
    else expect(r.parityStatement).toMatch(/parity/);
    expect(r.paritySearch).toBe('2026–2045, design prices of 2026');
  });
});

describe('tokens of a node design', () => {
  it('doubled memory bandwidth lowers $/Mtoken when decode is memory-bound', () => {
    const gb300 = ev.rows.chips.find((c) => c.id === 'gb300')!;
    const overrides = {
      chips: [{ ...gb300, memoryBandwidth_TB_per_s: 2 * gb300.memoryBandwidth_TB_per_s! }],
    } as unknown as CatalogOverrides;
    const fast = nodeEvaluator(undefined, overrides);
    const base = ai1.record.inference;
    const doubled = fast.evaluate(ai1.design).inference;
    expect(base.decodeBound).toBe('memory-bandwidth');
    expect(doubled.cost_USD_per_Mtoken!).toBeLessThan(base.cost_USD_per_Mtoken!);
    // the FLOPs-based figure does not see memory at all
    expect(doubled.flopsBoundCost_USD_per_Mtoken).toBeCloseTo(base.flopsBoundCost_USD_per_Mtoken, 9);
  });

  it('a chip without published memory figures reports the roofline token rate as unavailable, not guessed', () => {
    const r = evaluateDesignFile('designs/three-body.yaml').record.inference;
    expect(r.cost_USD_per_Mtoken).toBeNull();
    expect(r.node_tokens_per_s).toBeNull();
    expect(r.basis).toMatch(/unavailable: chip three-body-edge has no published memory bandwidth/);
    expect(Number.isFinite(r.flopsBound_tokens_per_s)).toBe(true);
  });

  it('a model too large for the node is unavailable, with the chips it needs', () => {
    // 1e13 parameters at BF16 = 20 TB of weights; 72 GB300 hold 72 × 288 GB × 0.9 = 18.7 TB
    const r = withChange(ai1.design, (d) => {
      d.inference.modelParameters = 1e13;
      d.inference.weightPrecision = 'BF16';
    }).inference;
    expect(r.perChip_tokens_per_s).toBeNull();
    expect(r.basis).toMatch(/needs \d+ gb300 chips .* the node carries 72/);
  });

  it('node tokens = per-chip rate × chips × the serving factors of the waterfall (not the MFU step)', () => {
    const r = ai1.record;
    const serving = r.compute.waterfall
      .filter((w) => !['peak', 'typical', 'sustained'].includes(w.name))
      .reduce((f, w) => f * w.factor, 1);
    expect(
      r.inference.node_tokens_per_s! / (r.inference.perChip_tokens_per_s! * r.compute.chips * serving),
    ).toBeCloseTo(1, 12);
  });
});

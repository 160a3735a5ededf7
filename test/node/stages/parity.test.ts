import { describe, expect, it } from 'vitest';
import { evaluateDesignFile, nodeEvaluator } from '../../../src/index.js';
import { loadTerrestrialBaselines } from '../../../src/catalog/baselines.js';
import type { CatalogOverrides } from '../../../src/catalog/overrides.js';
import { gb300Rack } from '../../helpers/chipSets.js';
import { groundLcoc } from '../../../src/node/stages/parity.js';
import { baselineLcoc } from '../../../src/models/cost/lifecycleBaseline.js';
import {
  DEFAULT_PRICE_TRAJECTORIES,
  TRAJECTORY_ALTERNATIVES,
  type PriceFactors,
  type PriceTrajectories,
} from '../../../src/models/cost/priceTrajectories.js';
import type { NodeDesign } from '../../../src/node/design/schema.js';

const starcloud = evaluateDesignFile('designs/starcloud-3.yaml');
const ai1 = evaluateDesignFile('designs/ai1.yaml');
const ev = nodeEvaluator();
/**
 * The parity stress case: launch at $20,000/kg in 2026, the ground's electricity ($0.09/kWh in 2026) and facility
 * capex ($12/W in 2026) rising to the given 2045 prices.
 */
function stressGround(d: NodeDesign, electricity2045_USD_per_kWh: number, capex2045_USD_per_W: number): void {
  d.economics.launchCost_USD_per_kg = 20000;
  d.economics.trajectories.electricity_USD_per_kWh = [
    { year: 2026, value: 0.09 },
    { year: 2045, value: electricity2045_USD_per_kWh },
  ];
  d.economics.trajectories.terrestrialCapex_USD_per_W = [
    { year: 2026, value: 12 },
    { year: 2045, value: capex2045_USD_per_W },
  ];
}
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
      bus: 0.7,
      battery: 0.4,
      isl: 0.3,
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
        stressGround(d, 2.5, 330);
        d.economics.trajectories.chipPricePerformance_TFLOPS_per_USD = [{ year: 2026, value: 1 }];
        d.economics.trajectories.chipPerformancePerWatt_TFLOPS_per_W = [{ year: 2026, value: 1 }];
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

/** Every trajectory flat at 1 (a design priced in 2026 keeps its prices), then `patch`. */
const flatTrajectories = (patch: Partial<PriceTrajectories>) =>
  ({
    ...Object.fromEntries(Object.keys(DEFAULT_PRICE_TRAJECTORIES).map((k) => [k, [{ year: 2026, value: 1 }]])),
    ...patch,
  }) as PriceTrajectories;
const halvedIn2027 = [
  { year: 2026, value: 1 },
  { year: 2027, value: 0.5 },
];

describe('parity: every hardware line follows its own trajectory', () => {
  // Oracle: the ratio in 2027 with a line's price halved by its trajectory equals the reference-year ratio of the same
  // design with that line's price halved in its inputs (the full cost model, not the re-pricing of parity.ts).
  const base = ai1.design;
  const repriced = (key: keyof PriceTrajectories) =>
    withChange(base, (d) => {
      Object.assign(d.economics.trajectories, flatTrajectories({ [key]: halvedIn2027 }), { toYear: 2027 });
    }).economics.parity[0]!.ratioLastYear;
  const gb = ev.rows;

  it('bus: a first-unit bus keeps its price along busPrice_USD_per_kg (learning, no trajectory)', () => {
    // ai1's bus is the current preset's first-unit $5,000/kg: its decline is the programme's learning curve, so its
    // trajectory must not move the ratio (a double count of the same effect would)
    expect(ai1.record.cost.busHardware_USD).toBeGreaterThan(0);
    expect(repriced('busPrice_USD_per_kg') / ai1.record.economics.parity[0]!.ratioFirstYear).toBeCloseTo(1, 12);
  });

  it('bus priced production: busPrice_USD_per_kg halved in 2027 = cost.busCost_USD_per_kg halved', () => {
    const production = structuredClone(base);
    production.cost.busPriceClass = 'production';
    const halved = withChange(production, (d) => {
      Object.assign(d.economics.trajectories, flatTrajectories({ busPrice_USD_per_kg: halvedIn2027 }), {
        toYear: 2027,
      });
    }).economics.parity[0]!.ratioLastYear;
    const direct = withChange(
      production,
      (d) => void (d.cost.busCost_USD_per_kg = ai1.record.cost.busHardware_USD / ai1.record.mass.bus_kg / 2),
    );
    expect(halved / direct.economics.parity[0]!.ratioFirstYear).toBeCloseTo(1, 9);
  });

  it('battery and ISL: their trajectories halved in 2027 = their catalog rows at half price', () => {
    const battery = gb.batteries.find((b) => b.id === base.power.battery)!;
    const terminal = gb.islTerminals.find((t) => t.id === base.isl.terminal)!;
    const batteries = [{ ...battery, cost_USD_per_Wh: battery.cost_USD_per_Wh / 2 }];
    const islTerminals = [{ ...terminal, cost_USD: terminal.cost_USD / 2 }];
    const batteryOnly = nodeEvaluator(undefined, { batteries } as unknown as CatalogOverrides);
    const islOnly = nodeEvaluator(undefined, { islTerminals } as unknown as CatalogOverrides);
    expect(
      repriced('batteryPrice_USD_per_Wh') / batteryOnly.evaluate(base).economics.parity[0]!.ratioFirstYear,
    ).toBeCloseTo(1, 9);
    expect(
      repriced('islPrice_USD_per_terminal') / islOnly.evaluate(base).economics.parity[0]!.ratioFirstYear,
    ).toBeCloseTo(1, 9);
  });
});

describe('parity band over the trend alternatives', () => {
  // A case that crosses: Starcloud-3 with launch at $20,000/kg in 2026 (launch dominates) and the ground's electricity
  // and facility prices rising a hundredfold by 2045 (a stress case that crosses in 2040.8), every other trajectory at
  // its default (so every alternative applies).
  const stressedDesign = structuredClone(starcloud.design);
  stressGround(stressedDesign, 9, 1200);
  const stressed = ev.evaluate(stressedDesign);

  it('low ≤ central ≤ high, and the band names the chip trend alternative (Epoch AI top GPUs, 2.95 yr)', () => {
    const e = stressed.economics;
    expect(e.parityYear).not.toBeNull();
    const y = (v: number | null) => v ?? Infinity;
    expect(y(e.parityYearLow)).toBeLessThanOrEqual(y(e.parityYear));
    expect(y(e.parityYear)).toBeLessThanOrEqual(y(e.parityYearHigh));
    expect(e.parityStatement).toMatch(/band \d{4}\.\d–(\d{4}\.\d|after 2045), space\/ground in 2045/);
    expect(e.parityStatement).toMatch(/doubling every 2\.95 yr \(Epoch AI, top GPUs\)/);
  });

  it("the early end is the central year of a design whose trajectories are the early group's (oracle: a plain run)", () => {
    const own = stressed.economics.parity.find((p) => p.id === 'hyperscale-virginia')!;
    const early = /early: (.*); late:/.exec(own.band)![1]!;
    const group = TRAJECTORY_ALTERNATIVES.filter((a) => early.includes(a.name));
    expect(group.length).toBeGreaterThan(0);
    const explicit = withChange(stressedDesign, (d) => {
      for (const a of group) Object.assign(d.economics.trajectories, structuredClone(a.replaces));
    });
    const p = explicit.economics.parity.find((x) => x.id === 'hyperscale-virginia')!;
    expect(own.parityYearLow).toBe(p.parityYear);
  });

  it('a trajectory the design sets has no alternative: with all of them set, the band is the central year', () => {
    const r = withChange(stressedDesign, (d) => {
      Object.assign(d.economics.trajectories, structuredClone(DEFAULT_PRICE_TRAJECTORIES), {
        launchPrice_USD_per_kg: [{ year: 2026, value: 1 }],
        batteryPrice_USD_per_Wh: [{ year: 2026, value: 1 }],
        chipPricePerformance_TFLOPS_per_USD: [{ year: 2026, value: 1 }],
        arrayPrice_USD_per_W: [{ year: 2026, value: 1 }],
      });
    }).economics;
    expect(r.parityYearLow).toBe(r.parityYear);
    expect(r.parityYearHigh).toBe(r.parityYear);
    expect(r.parityStatement).toMatch(/early: central trends; late: central trends/);
  });
});

describe('no parity or band text prints Infinity or NaN', () => {
  const hostile: Record<string, (d: NodeDesign) => void> = {
    // chip performance falling to the smallest double: delivered compute underflows to 0 on both sides by 2035, so
    // both LCOCs are +∞ and their ratio is undefined
    'zero compute (perf/W to 5e-324)': (d) => {
      d.economics.trajectories.chipPerformancePerWatt_TFLOPS_per_W = [
        { year: 2026, value: 1 },
        { year: 2035, value: 5e-324 },
      ];
    },
    'array price to 1e308 $/W': (d) => {
      d.economics.trajectories.arrayPrice_USD_per_W = [
        { year: 2026, value: 1 },
        { year: 2030, value: 1e308 },
      ];
    },
    'battery price to 1e-300': (d) => {
      d.economics.trajectories.batteryPrice_USD_per_Wh = [
        { year: 2026, value: 1 },
        { year: 2030, value: 1e-300 },
      ];
    },
  };
  for (const [name, patch] of Object.entries(hostile)) {
    it(name, () => {
      const e = withChange(ai1.design, patch).economics;
      const texts = [e.parityStatement, ...e.parity.flatMap((p) => [p.statement, p.band])];
      for (const t of texts) expect(t).not.toMatch(/Infinity|NaN|∞/);
      // the overflowed years read as a sentence that no parity or verdict follows (a battery priced near 0 is finite)
      if (!name.startsWith('battery')) expect(texts.some((t) => /no parity|no verdict/.test(t))).toBe(true);
      for (const y of [e.parityYear, e.parityYearLow, e.parityYearHigh])
        expect(y === null || Number.isFinite(y)).toBe(true);
    });
  }
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

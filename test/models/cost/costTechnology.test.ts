import { describe, expect, it } from 'vitest';
import { nodeEvaluator } from '../../../src/node/evaluator.js';
import type { DesignRecord } from '../../../src/node/record/record.js';
import {
  COST_TECHNOLOGIES,
  COST_TECHNOLOGY,
  costTechnologyPrices,
  DEFAULT_COST_TECHNOLOGY,
  type CostTechnologyPrices,
} from '../../../src/models/cost/costTechnology.js';
import { parseDesignFile } from '../../../src/node/design/load.js';
import { nodeDesignSchema, type NodeDesign } from '../../../src/node/design/schema.js';
import { odc } from '../../helpers/cli.js';
import { studyErrorOf, tempDir, writeFile } from '../../helpers/tmp.js';

const AI1 = parseDesignFile('designs/ai1.yaml');
if (AI1.kind !== 'design') throw new Error('designs/ai1.yaml is a node design');
/**
 * AI1's file on the rosa-flex array, without cost keys: the presets' factors rescale a first-unit catalog price
 * (production-scale's 8/30 is silicon-flex's $8/W over rosa-flex's $30/W), and ai1.yaml's own ai1-flex row is already
 * a production price.
 */
const onRosaFlex = (): Record<string, unknown> => {
  const { cost: _own, ...rest } = structuredClone(AI1.file.raw as Record<string, unknown>);
  return { ...rest, power: { ...(rest['power'] as object), array: 'rosa-flex' } };
};
const ai1 = (cost: Record<string, unknown>): NodeDesign => nodeDesignSchema().parse({ ...onRosaFlex(), cost });
const evaluate = (d: NodeDesign): DesignRecord => nodeEvaluator().evaluate(d);

/**
 * AI1's hardware by hand from the record's sized quantities (which do not depend on prices) and the shipped catalog
 * prices typed here: gb300 $55,000, rosa-flex $30/W, deployable-pumped-cots $7,700/m², li-ion-cots $2/Wh, grid = 4 ×
 * dwdm-1t at $600,000, shielding $50/kg, propellant $1,000/kg (src/models/cost/cost.ts).
 */
function handHardware(
  r: DesignRecord,
  p: { array: number; radiator: number; bus: number; ait: number; chip: number },
): number {
  const chips = 72 * 55000 * (1 + p.chip);
  const nonChip =
    r.power.bolPower_W * 30 * p.array +
    r.thermal.radiatorArea_m2 * 7700 * p.radiator +
    r.power.batteryEnergy_Wh * 2 +
    4 * 600000 +
    r.mass.bus_kg * p.bus +
    r.mass.shielding_kg * 50 +
    r.mass.propellant_kg * 1000;
  return chips + nonChip * (1 + p.ait);
}

/** The prices a cost technology preset sets. */
const KEYS: readonly Exclude<keyof CostTechnologyPrices, 'priceClass'>[] = [
  'arrayPriceFactor',
  'radiatorPriceFactor',
  'busCost_USD_per_kg',
  'aitFraction',
  'chipIntegrationFraction',
];

describe('cost technology presets (src/models/cost/costTechnology.ts)', () => {
  const rec = Object.fromEntries(COST_TECHNOLOGIES.map((t) => [t, evaluate(ai1({ technology: t }))])) as Record<
    string,
    DesignRecord
  >;

  it('current is the default and reproduces the catalog prices (bus $5,000/kg, AIT 10 %, no chip premium)', () => {
    const plain = evaluate(nodeDesignSchema().parse(onRosaFlex()));
    expect(plain.cost.hardware_USD).toBe(rec.current!.cost.hardware_USD);
    expect(plain.economics.costTechnology).toBe('current');
    expect(rec.current!.cost.hardware_USD).toBeCloseTo(
      handHardware(rec.current!, { array: 1, radiator: 1, bus: 5000, ait: 0.1, chip: 0 }),
      0,
    );
  });
  it('heritage and production-scale by hand: array and radiator × 2 / × 8/30, bus $15,000 / $1,100 per kg, AIT 20 % / 5 %, chips +25 % / 0', () => {
    const h = rec.heritage!,
      p = rec['production-scale']!;
    // sizing does not depend on prices: the same quantities under every preset
    expect(h.mass.launch_kg).toBe(rec.current!.mass.launch_kg);
    expect(h.cost.hardware_USD).toBeCloseTo(
      handHardware(h, { array: 2, radiator: 2, bus: 15000, ait: 0.2, chip: 0.25 }),
      0,
    );
    expect(p.cost.hardware_USD).toBeCloseTo(
      handHardware(p, { array: 8 / 30, radiator: 8 / 30, bus: 1100, ait: 0.05, chip: 0 }),
      0,
    );
  });
  const fleetOf =
    (cost: object) =>
    (units: number, economics: object = {}): DesignRecord =>
      evaluate(
        nodeDesignSchema().parse({
          ...onRosaFlex(),
          cost,
          economics: { units, ...economics },
        }),
      );
  it('learning across units follows the programme size (SMAD ch. 20: 0.95 / 0.90 / 0.85), not the preset, unless economics.learningRate is set; heritage pricing: none', () => {
    // current preset on AI1's rows: rosa-flex at its row price (first-unit), bus and AIT first-unit; the cots battery,
    // radiator and dwdm-1t terminals are production-priced and the chips market-priced: T1 = array + bus + AIT
    const fleet = fleetOf({ technology: 'current' });
    const T1of = (r: DesignRecord) => r.cost.arrayHardware_USD + r.cost.busHardware_USD + r.cost.ait_USD;
    // Crawford unit curve by hand: 2 units Σ = 1 + b; 12 units (SMAD 10–50: b = 0.90) Σ n^log2(0.9) over n = 1…12
    let sum12 = 0;
    for (let n = 1; n <= 12; n++) sum12 += n ** Math.log2(0.9);
    for (const [units, sum] of [
      [2, 1 + 0.95], // fewer than 10 units: 0.95
      [12, sum12],
    ] as const) {
      const r = fleet(units);
      const T1 = T1of(r);
      expect(r.cost.learningHardware_USD).toBeCloseTo(T1, 3);
      const offCurve = r.cost.hardware_USD - T1 + r.cost.launch_USD;
      expect(r.cost.averageNodeCost_USD).toBeCloseTo((T1 * sum + units * offCurve) / units, 0);
    }
    const fixed = fleet(2, { learningRate: 0.9 });
    const T1 = T1of(fixed);
    expect(fixed.cost.averageNodeCost_USD).toBeCloseTo(
      (T1 * 1.9 + 2 * (fixed.cost.hardware_USD - T1 + fixed.cost.launch_USD)) / 2,
      0,
    );
    // heritage pricing: every node at the first-unit price, even with a learning rate given
    const heritage = fleet(12, { pricing: 'heritage', learningRate: 0.8 });
    expect(heritage.cost.averageNodeCost_USD).toBeCloseTo(heritage.cost.hardware_USD + heritage.cost.launch_USD, 0);
  });
  it('a production-priced line keeps its price at any programme size: production-scale prices every built line so', () => {
    // production-scale's bus, AIT and rescaled array and radiator are production-line prices, and AI1's battery and
    // terminals production rows: nothing is on the learning curve, so 2 or 8,334 nodes average the first unit
    const fleet = fleetOf({ technology: 'production-scale' });
    for (const units of [2, 8334]) {
      const r = fleet(units);
      expect(r.cost.learningHardware_USD).toBe(0);
      expect(r.cost.averageNodeCost_USD).toBeCloseTo(r.cost.hardware_USD + r.cost.launch_USD, 0);
    }
    // the same rosa-flex array priced first-unit (current) is on the curve: 8,334 units average well below it
    const current = fleetOf({ technology: 'current' })(8334);
    expect(current.cost.averageNodeCost_USD).toBeLessThan(current.cost.hardware_USD + current.cost.launch_USD);
  });
  it('non-chip hardware per kg dry: one node is its hardware less the chips at market price over its dry mass', () => {
    const one = fleetOf({ technology: 'current' })(1);
    expect(one.cost.nonChipHardware_USD_per_kg).toBeCloseTo((one.cost.hardware_USD - 72 * 55000) / one.mass.dry_kg, 6);
    // production-scale's bus alone is $1,100/kg of bus: the node is within ×3 of Starlink's $1,100/kg, no driver named
    const p = fleetOf({ technology: 'production-scale' })(8334);
    expect(p.cost.nonChipHardwareNote).toMatch(
      /Starlink V2 mini's ~1,100 USD\/kg whole satellite \(Quilty Space 2024\)$/,
    );
    // heritage prices one node at $15,000/kg of bus and × 2 array: beyond ×3, the note names the lines that drive it
    const h = fleetOf({ technology: 'heritage' })(1);
    expect(h.cost.nonChipHardware_USD_per_kg).toBeGreaterThan(3 * 1100);
    expect(h.cost.nonChipHardwareNote).toMatch(/above it by more than ×3, driven by bus [\d,]+ \(first-unit\)/);
  });
  it('a price factor must state the class of the price it makes (cost.arrayPriceClass / radiatorPriceClass)', () => {
    const parse = (cost: object) => nodeDesignSchema().safeParse({ ...structuredClone(AI1.file.raw as object), cost });
    const bad = parse({ arrayPriceFactor: 0.5 });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/cost\.arrayPriceClass: production .* or first-unit/);
    expect(parse({ radiatorPriceFactor: 0.5, radiatorPriceClass: 'first-unit' }).success).toBe(true);
  });
  it('the chip packaging premium counts as non-chip hardware and never reaches the terrestrial baseline', () => {
    const h = rec.heritage!,
      c = rec.current!;
    expect(h.economics.terrestrialCostPerChipHour_USD).toBe(c.economics.terrestrialCostPerChipHour_USD);
    // capex with chips − ex chips = the chips at market price, 72 × $55,000, per W of average IT
    expect((h.cost.capexWithChips_USD_per_W - h.cost.capexExChips_USD_per_W) * h.compute.itPowerAvg_W).toBeCloseTo(
      72 * 55000,
      3,
    );
  });
  it('monotone: production-scale never costs more than current, nor current more than heritage, for the same design', () => {
    for (const file of [
      'designs/ai1.yaml',
      'designs/starcloud-3.yaml',
      'designs/suncatcher.yaml',
      'designs/three-body.yaml',
    ]) {
      const f = parseDesignFile(file);
      if (f.kind !== 'design') continue;
      // one node: a programme's learning takes a first-unit preset below production-scale's already-learnt prices (the
      // current bus's $5,000/kg averages ≈ $790/kg over 8,334 nodes at 0.85, below Starlink's $1,100/kg)
      const raw = structuredClone(f.file.raw as { economics?: object });
      const withTechnology = (technology: string): NodeDesign =>
        nodeDesignSchema().parse({ ...raw, cost: { technology }, economics: { ...raw.economics, units: 1 } });
      const [h, c, p] = COST_TECHNOLOGIES.map((t) => evaluate(withTechnology(t)));
      const metrics = [
        (r: DesignRecord) => r.cost.hardware_USD,
        (r: DesignRecord) => r.cost.total_USD,
        (r: DesignRecord) => r.cost.lcocDiscounted_USD_per_PFLOP_day,
        (r: DesignRecord) => r.economics.costPerChipHour_USD,
      ];
      for (const m of metrics) {
        expect(m(p!), file).toBeLessThanOrEqual(m(c!));
        expect(m(c!), file).toBeLessThanOrEqual(m(h!));
      }
    }
    // every price of the table is ordered the same way
    for (const k of KEYS) {
      expect(COST_TECHNOLOGY['production-scale'][k]).toBeLessThanOrEqual(COST_TECHNOLOGY.current[k]);
      expect(COST_TECHNOLOGY.current[k]).toBeLessThanOrEqual(COST_TECHNOLOGY.heritage[k]);
    }
  });
  it('a key overrides its preset value alone', () => {
    expect(costTechnologyPrices('heritage', { busCost_USD_per_kg: 2000, aitFraction: undefined })).toEqual({
      ...COST_TECHNOLOGY.heritage,
      busCost_USD_per_kg: 2000,
    });
  });
});

describe('bad cost keys: exit 2 naming the file, the field and the fix', () => {
  const dir = tempDir('odc-costtech-');
  const design = (cost: string): string =>
    writeFile(dir, `d${Math.abs(cost.length * 31 + cost.charCodeAt(2))}.yaml`, `name: t\ncost: ${cost}\n`);
  it('an unknown technology lists the three presets', () => {
    const f = design('{ technology: cheap }');
    const e = studyErrorOf(() => parseDesignFile(f));
    expect(e.message).toContain(f);
    expect(e.message).toContain('cost.technology');
    for (const t of ['heritage', 'current', 'production-scale']) expect(e.message).toContain(t);
  });
  it('a negative bus price or a factor above 10 names the key and its range', () => {
    const neg = design('{ busCost_USD_per_kg: -5 }');
    expect(studyErrorOf(() => parseDesignFile(neg)).message).toMatch(
      /cost\.busCost_USD_per_kg is outside the model validity range 0–1000000 USD\/kg .*; use a value in that range/,
    );
    const big = design('{ arrayPriceFactor: 40 }');
    expect(studyErrorOf(() => parseDesignFile(big)).message).toMatch(
      /cost\.arrayPriceFactor is outside the model validity range 0–10 .*; use a value in that range/,
    );
  });
  it('odc evaluate exits 2 with the message and no stack trace', async () => {
    const f = design('{ aitFraction: -1 }');
    const r = await odc('evaluate', f);
    expect(r.code).toBe(2);
    expect(r.err).toContain(f);
    expect(r.err).toMatch(/cost\.aitFraction is outside the model validity range 0–2 .*; use a value in that range/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('presets', () => {
  /**
   * The cost technology presets as prices, without evaluating a design: the cited figures of the header of
   * src/models/cost/costTechnology.ts (SMAD 3rd ed. ch. 20 learning rates; silicon-flex $8/W over rosa-flex $30/W;
   * Starlink V2 mini ~$800k / ~730 kg ≈ $1,100/kg), the ordering the header promises, overrides and range checks.
   */

  describe('cost technology presets as prices', () => {
    it('the three presets, current by default', () => {
      expect(COST_TECHNOLOGIES).toEqual(['heritage', 'current', 'production-scale']);
      expect(DEFAULT_COST_TECHNOLOGY).toBe('current');
    });

    it('the cited figures: production array 8/30; Starlink bus $1,100/kg', () => {
      expect(KEYS.map((k) => costTechnologyPrices('heritage')[k])).toEqual([2, 2, 15000, 0.2, 0.25]);
      const current = costTechnologyPrices('current');
      expect([current.arrayPriceFactor, current.radiatorPriceFactor, current.chipIntegrationFraction]).toEqual([
        1, 1, 0,
      ]);
      expect([current.busCost_USD_per_kg, current.aitFraction]).toEqual([5000, 0.1]);
      const scale = costTechnologyPrices('production-scale');
      expect(scale.arrayPriceFactor).toBeCloseTo(8 / 30, 15);
      expect(scale.radiatorPriceFactor).toBeCloseTo(8 / 30, 15);
      expect([scale.busCost_USD_per_kg, scale.aitFraction, scale.chipIntegrationFraction]).toEqual([1100, 0.05, 0]);
    });

    it('every price of production-scale ≤ current ≤ heritage (a more mature line never costs more)', () => {
      for (const k of KEYS) {
        expect(COST_TECHNOLOGY['production-scale'][k]).toBeLessThanOrEqual(COST_TECHNOLOGY.current[k]);
        expect(COST_TECHNOLOGY.current[k]).toBeLessThanOrEqual(COST_TECHNOLOGY.heritage[k]);
      }
    });

    it('overrides replace one key each; an undefined override keeps the preset', () => {
      const p = costTechnologyPrices('heritage', { busCost_USD_per_kg: 2000, aitFraction: undefined });
      expect(KEYS.map((k) => p[k])).toEqual([2, 2, 2000, 0.2, 0.25]);
    });

    it('refuses an unknown preset and a negative price, by name', () => {
      expect(() => costTechnologyPrices('bespoke' as never)).toThrow(
        'cost technology must be one of heritage, current, production-scale, got bespoke',
      );
      expect(() => costTechnologyPrices('current', { aitFraction: -0.1 })).toThrow(
        /aitFraction must be a finite number ≥ 0, got -0.1/,
      );
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  dryMass,
  massBudget,
  type DryMassParams,
  DEFAULT_BUS_FRACTION,
  DEFAULT_SYSTEM_MARGIN_FRACTION,
  MASS_TECHNOLOGY,
  SIZED_ITEMS_KG,
  type MassBudgetParams,
} from '../../../src/models/mass/mass.js';

const grams_kg = 1e-3; // arithmetic roll-up: agreement to a gram

/** An AI1-like node (docs/sources.md §3): 72 GPUs, ~600 m² array, ~110 m² radiator; item masses illustrative. */
/** Every sized item at 0 kg: the fixtures below set theirs, an item a later model adds stays at 0. */
const none = Object.fromEntries(SIZED_ITEMS_KG.map((k) => [k, 0])) as unknown as DryMassParams;
const items: DryMassParams = {
  ...none,
  compute_kg: 648,
  array_kg: 360,
  battery_kg: 40,
  radiator_kg: 220,
  shielding_kg: 0,
  isl_kg: 40,
};
// Hand roll-up of `items`: 648 + 360 + 40 + 220 + 0 + 40 = 1,308 kg sized items.
//   bus 25 % of sized (ESA CDF / AIAA S-120A-2015 concept phase) = 327 kg → basic dry 1,635 kg
//   system margin 20 % of basic dry = 327 kg → dry 1,962 kg (= 1.5 × 1,308).

describe('dryMass / massBudget', () => {
  it("sums the sized items in SIZED_ITEMS_KG's order from 0 (the list the budget rows read), to the same double", () => {
    // dryMass writes the sum out; the list is the declaration. Catches an item left out of the written-out sum or
    // added in another order (a different rounding: 0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1).
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10 ** (1 + (seed % 4));
    for (let n = 0; n < 200; n++) {
      const p = Object.fromEntries(SIZED_ITEMS_KG.map((k) => [k, next()])) as unknown as DryMassParams;
      expect(dryMass(p).sizedItems_kg).toBe(SIZED_ITEMS_KG.reduce((sum, k) => sum + p[k], 0));
    }
  });

  it('bus = 25 % of sized items, 20 % system margin on basic dry mass: 1,308 → 327 / 1,635 / 327 / 1,962 kg', () => {
    // Catches: the margin applied to the sized items instead of basic dry (1,896.6 kg), bus and margin added
    // as fractions of the same base (1.45×: 1,896.6 kg), an item left out of the sum (e.g. ISL: 1,902 kg).
    const d = dryMass(items);
    expect(Math.abs(d.sizedItems_kg - 1308)).toBeLessThan(grams_kg);
    expect(Math.abs(d.bus_kg - 327)).toBeLessThan(grams_kg);
    expect(Math.abs(d.basicDry_kg - 1635)).toBeLessThan(grams_kg);
    expect(Math.abs(d.margin_kg - 327)).toBeLessThan(grams_kg);
    expect(Math.abs(d.dry_kg - 1962)).toBeLessThan(grams_kg);
  });

  it('launch mass = dry + propellant; closure against the allocation: 1,962 + 38 = 2,000 kg vs 2,500 kg → +500 kg, +20 %', () => {
    // Catches: propellant carrying bus/margin (launch would be 2,019 kg), the closure margin's sign flipped,
    // or its fraction taken of the built-up mass (25 %) instead of the allocation.
    const m = massBudget({ ...items, propellant_kg: 38, allocated_kg: 2500, itPowerAvg_W: 120e3 });
    expect(Math.abs(m.dry_kg - 1962)).toBeLessThan(grams_kg);
    expect(Math.abs(m.launch_kg - 2000)).toBeLessThan(grams_kg);
    expect(Math.abs(m.closureMargin_kg - 500)).toBeLessThan(grams_kg);
    expect(m.closureMarginFraction).toBeCloseTo(0.2, 9);
  });

  it('kW_per_t = IT average kW / launch tonnes: 120 kW / 2.000 t = 60 kW/t', () => {
    // Catches: kW/t on the dry mass (120 / 1.962 = 61.2), on peak IT power, or a unit slip (0.06 or 60,000).
    const m = massBudget({ ...items, propellant_kg: 38, allocated_kg: 2500, itPowerAvg_W: 120e3 });
    expect(m.kW_per_t).toBeCloseTo(60, 6);
  });

  it('a budget that does not close has a negative closure margin (a value, not an error): 1,000 − 1,972 = −972 kg', () => {
    // 1,962 dry + 10 propellant = 1,972 kg against 1,000 kg allocated. Catches: a clamp at zero or a throw.
    const m = massBudget({ ...items, propellant_kg: 10, allocated_kg: 1000, itPowerAvg_W: 120e3 });
    expect(Math.abs(m.closureMargin_kg - -972)).toBeLessThan(grams_kg);
    expect(m.closureMarginFraction).toBeCloseTo(-0.972, 9);
  });

  it('custom bus and margin fractions are honoured and compound: 1,308 × 1.10 × 1.15 = 1,654.62 kg', () => {
    // Catches: either override ignored (defaults give 1,962 kg), or the two added (1,308 × 1.25 = 1,635 kg).
    const d = dryMass({ ...items, busFraction: 0.1, marginFraction: 0.15 });
    expect(Math.abs(d.bus_kg - 130.8)).toBeLessThan(grams_kg);
    expect(Math.abs(d.margin_kg - 215.82)).toBeLessThan(grams_kg);
    expect(Math.abs(d.dry_kg - 1654.62)).toBeLessThan(grams_kg);
  });

  it('throws RangeError on negative masses or fractions out of range', () => {
    expect(() => dryMass({ ...items, array_kg: -1 })).toThrow(RangeError);
    expect(() => dryMass({ ...items, marginFraction: 1.5 })).toThrow(RangeError);
    expect(() => massBudget({ ...items, propellant_kg: 0, allocated_kg: 0, itPowerAvg_W: 1 })).toThrow(RangeError);
  });
});

describe('ranges', () => {
  /**
   * The mass roll-up of src/models/mass/mass.ts on round numbers, by hand, and at the ends of its validity range
   * (masses ≥ 0, 0 ≤ f_bus ≤ 2, 0 ≤ f_margin ≤ 1, 0 ≤ f_tank ≤ 1, allocated > 0, IT power ≥ 0).
   */
  const items = {
    ...none,
    compute_kg: 400,
    array_kg: 200,
    battery_kg: 100,
    radiator_kg: 200,
    shielding_kg: 50,
    isl_kg: 50,
  };
  const budget: MassBudgetParams = { ...items, propellant_kg: 100, allocated_kg: 2000, itPowerAvg_W: 100_000 };

  describe('mass budget by hand', () => {
    it('defaults: Σ 1000 kg, bus 0.25·Σ = 250, margin 0.2·1250 = 250, dry 1500 kg', () => {
      expect([DEFAULT_BUS_FRACTION, DEFAULT_SYSTEM_MARGIN_FRACTION]).toEqual([0.25, 0.2]);
      expect(dryMass(items)).toEqual({
        sizedItems_kg: 1000,
        bus_kg: 250,
        basicDry_kg: 1250,
        margin_kg: 250,
        dry_kg: 1500,
      });
    });

    it('launch = dry + tank + propellant, closure against the allocation, kW per tonne', () => {
      // f_tank 0.1: 10 kg of tank; launch 1500 + 10 + 100 = 1610 kg; closure 390 kg = 0.195; 100 kW / 1.61 t
      const r = massBudget({ ...budget, propellantTankFraction: 0.1 });
      expect([r.propellantTank_kg, r.launch_kg, r.closureMargin_kg]).toEqual([10, 1610, 390]);
      expect(r.closureMarginFraction).toBeCloseTo(0.195, 15);
      expect(r.kW_per_t).toBeCloseTo(100_000 / 1610, 12);
      expect([r.compute_kg, r.array_kg, r.battery_kg, r.radiator_kg, r.shielding_kg, r.isl_kg]).toEqual([
        400, 200, 100, 200, 50, 50,
      ]);
      expect([r.sizedItems_kg, r.bus_kg, r.basicDry_kg, r.margin_kg, r.dry_kg]).toEqual([1000, 250, 1250, 250, 1500]);
      expect([r.propellant_kg, r.allocated_kg]).toEqual([100, 2000]);
      // no tank fraction: the tankage is inside the bus
      expect(massBudget(budget).propellantTank_kg).toBe(0);
      expect(massBudget(budget).launch_kg).toBe(1600);
    });

    it('the technology presets: bus share b of basic dry mass is f_bus = b/(1 − b)', () => {
      // heritage b = 1/3 → 0.5; current b = 0.2 → 0.25; aggressive b = 0.1 → 1/9
      expect(MASS_TECHNOLOGY.heritage).toEqual({ busFraction: 0.5, marginFraction: 0.25 });
      expect(MASS_TECHNOLOGY.current).toEqual({ busFraction: 0.25, marginFraction: 0.2 });
      expect(MASS_TECHNOLOGY.aggressive.busFraction).toBeCloseTo(1 / 9, 15);
      expect(MASS_TECHNOLOGY.aggressive.marginFraction).toBe(0.1);
    });

    it('accepts the closed ends f_bus 0 and 2, f_margin 0 and 1, f_tank 1, zero IT power and zero items', () => {
      expect(dryMass({ ...items, busFraction: 0, marginFraction: 0 }).dry_kg).toBe(1000);
      expect(dryMass({ ...items, busFraction: 2, marginFraction: 1 }).dry_kg).toBe(6000);
      expect(massBudget({ ...budget, propellantTankFraction: 1 }).launch_kg).toBe(1700);
      expect(massBudget({ ...budget, itPowerAvg_W: 0 }).kW_per_t).toBe(0);
      expect(dryMass({ ...items, isl_kg: 0, shielding_kg: 0 }).sizedItems_kg).toBe(900);
    });

    it('refuses values beyond the range, naming the field', () => {
      expect(() => dryMass({ ...items, busFraction: 2.01 })).toThrow('busFraction must be in [0, 2], got 2.01');
      expect(() => dryMass({ ...items, busFraction: -0.01 })).toThrow(/busFraction must be in \[0, 2\]/);
      expect(() => dryMass({ ...items, marginFraction: 1.01 })).toThrow('marginFraction must be in [0, 1], got 1.01');
      expect(() => dryMass({ ...items, marginFraction: -0.01 })).toThrow(/marginFraction must be in/);
      for (const k of Object.keys(items) as (keyof typeof items)[])
        expect(() => dryMass({ ...items, [k]: -1 })).toThrow(new RegExp(`${k} must be a finite number ≥ 0`));
      expect(() => dryMass(none)).toThrow('the sized items must have a total mass > 0 kg');
      expect(() => massBudget({ ...budget, allocated_kg: 0 })).toThrow('allocated_kg must be > 0, got 0');
      expect(() => massBudget({ ...budget, allocated_kg: Infinity })).toThrow(/allocated_kg must be > 0/);
      expect(() => massBudget({ ...budget, propellantTankFraction: 1.01 })).toThrow(
        'propellantTankFraction must be in [0, 1], got 1.01',
      );
      expect(() => massBudget({ ...budget, propellantTankFraction: -0.01 })).toThrow(/propellantTankFraction/);
      expect(() => massBudget({ ...budget, propellant_kg: -1 })).toThrow(/propellant_kg must/);
      expect(() => massBudget({ ...budget, itPowerAvg_W: -1 })).toThrow(/itPowerAvg_W must/);
    });
  });
});

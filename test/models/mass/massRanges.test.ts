import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUS_FRACTION,
  DEFAULT_SYSTEM_MARGIN_FRACTION,
  dryMass,
  MASS_TECHNOLOGY,
  massBudget,
  type MassBudgetParams,
} from '../../../src/models/mass/mass.js';

/**
 * The mass roll-up of src/models/mass/mass.ts on round numbers, by hand, and at the ends of its validity range
 * (masses ≥ 0, 0 ≤ f_bus ≤ 2, 0 ≤ f_margin ≤ 1, 0 ≤ f_tank ≤ 1, allocated > 0, IT power ≥ 0).
 */
const items = { compute_kg: 400, array_kg: 200, battery_kg: 100, radiator_kg: 200, shielding_kg: 50, isl_kg: 50 };
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
    const zero = { compute_kg: 0, array_kg: 0, battery_kg: 0, radiator_kg: 0, shielding_kg: 0, isl_kg: 0 };
    expect(() => dryMass(zero)).toThrow('the sized items must have a total mass > 0 kg');
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

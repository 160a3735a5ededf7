import { describe, expect, it } from 'vitest';
import { dryMass, massBudget, type DryMassParams } from '../../../src/models/mass/mass.js';

const grams_kg = 1e-3; // arithmetic roll-up: agreement to a gram

/** An AI1-like node (docs/sources.md §3): 72 GPUs, ~600 m² array, ~110 m² radiator; item masses illustrative. */
const items: DryMassParams = {
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

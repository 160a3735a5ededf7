import { describe, expect, it } from 'vitest';
import { computePayload, type ChipSpec, type ComputeParams } from '../../../src/models/compute/compute.js';

/**
 * computePayload at the ends of its stated validity range (src/models/compute/compute.ts: chips ≥ 1 integer, 0 < u ≤ 1,
 * 0 ≤ f_idle < 1, 0 ≤ λ ≤ 10, 0 < lifetime ≤ 100, P_sys > 0, peak > 0, mass ≥ 0, precision factor > 0 finite):
 * each closed end is accepted, each open end and each value beyond is refused with a message naming the field.
 * A round-number chip keeps the hand calculations exact.
 */
const chip: ChipSpec = {
  peakTFLOPS: 1000,
  precision: 'BF16',
  systemPowerPerChip_W: 1000,
  massPerChip_kg: 10,
  idlePowerFraction: 0.25,
};
const base: ComputeParams = { chip, chips: 2, utilization: 0.5, lifetime_yr: 4 };

describe('computePayload validity range', () => {
  it('closed ends are accepted: 1 chip, u = 1, λ = 0 and λ = 10, 100 years, no idle floor, massless chips', () => {
    // 1 chip at u = 1: average = peak = 1 kW; λ = 0: no failures, A = 1; 1 PFLOPS delivered
    const one = computePayload({ ...base, chips: 1, utilization: 1, failureRate_per_yr: 0 });
    expect([one.itPowerPeak_W, one.itPowerAvg_W, one.availability, one.deliveredPFLOPS]).toEqual([1000, 1000, 1, 1]);
    // λ = 10 /yr over 100 yr: λL = 1000, A = (1 − e^−1000)/1000 = 0.001
    const worn = computePayload({ ...base, failureRate_per_yr: 10, lifetime_yr: 100 });
    expect(worn.availability).toBeCloseTo(1e-3, 15);
    // f_idle = 0: power proportional to load, 2 kW × 0.5
    expect(computePayload({ ...base, chip: { ...chip, idlePowerFraction: 0 } }).itPowerAvg_W).toBe(1000);
    expect(computePayload({ ...base, chip: { ...chip, massPerChip_kg: 0 } }).mass_kg).toBe(0);
  });

  it('open ends and values beyond are refused, naming the field and its range', () => {
    const refused: [Partial<ComputeParams>, RegExp][] = [
      [{ chips: 0 }, /chips must be an integer ≥ 1, got 0/],
      [{ chips: 1.5 }, /chips must be an integer ≥ 1, got 1.5/],
      [{ utilization: 0 }, /utilization must be in \(0, 1\], got 0/],
      [{ utilization: 1.01 }, /utilization must be in \(0, 1\], got 1.01/],
      [{ lifetime_yr: 0 }, /lifetime_yr must be in \(0, 100\], got 0/],
      [{ lifetime_yr: 100.5 }, /lifetime_yr must be in \(0, 100\], got 100.5/],
      [{ failureRate_per_yr: -0.01 }, /failureRate_per_yr must be in \[0, 10\], got -0.01/],
      [{ failureRate_per_yr: 10.5 }, /failureRate_per_yr must be in \[0, 10\], got 10.5/],
      [{ chip: { ...chip, idlePowerFraction: 1 } }, /idlePowerFraction must be in \[0, 1\), got 1/],
      [{ chip: { ...chip, idlePowerFraction: -0.1 } }, /idlePowerFraction must be in \[0, 1\), got -0.1/],
      [{ chip: { ...chip, systemPowerPerChip_W: 0 } }, /systemPowerPerChip_W and peakTFLOPS must be > 0/],
      [{ chip: { ...chip, peakTFLOPS: 0 } }, /systemPowerPerChip_W and peakTFLOPS must be > 0/],
      [{ chip: { ...chip, massPerChip_kg: -1 } }, /massPerChip_kg ≥ 0/],
      [{ precisionFactor: 0 }, /precisionFactor must be > 0, got 0/],
      [{ precisionFactor: Infinity }, /precisionFactor must be > 0, got Infinity/],
    ];
    for (const [change, message] of refused) expect(() => computePayload({ ...base, ...change })).toThrow(message);
  });

  it('a vanishing λL is the limit A = 1; a tiny one is 1 − λL/2 + (λL)²/6', () => {
    expect(computePayload({ ...base, failureRate_per_yr: 1e-14 }).availability).toBe(1);
    // λL = 1e-12 exactly (λ = 1e-12 /yr over 1 yr): the series 1 − x/2, not the limit 1
    const cut = computePayload({ ...base, failureRate_per_yr: 1e-12, lifetime_yr: 1 }).availability;
    expect(cut).toBeLessThan(1);
    expect(cut).toBeCloseTo(1 - 5e-13, 15);
    // λL = 1e-6: (1 − e^−x)/x = 1 − x/2 + x²/6 − …
    expect(computePayload({ ...base, failureRate_per_yr: 2.5e-7 }).availability).toBeCloseTo(1 - 5e-7 + 1e-12 / 6, 15);
  });

  it('the precision label is the workload’s when given, else the row’s; the factor scales the peak', () => {
    expect(computePayload(base).precision).toBe('BF16');
    const fp8 = computePayload({ ...base, precision: 'FP8', precisionFactor: 2 });
    expect([fp8.precision, fp8.peakPFLOPS]).toEqual(['FP8', 4]);
    // heat load equals IT power, at peak and on average: 2 kW peak, 2 kW × (0.25 + 0.75·0.5) average
    const r = computePayload(base);
    expect([r.heatLoadPeak_W, r.heatLoadAvg_W]).toEqual([2000, 1250]);
  });
});

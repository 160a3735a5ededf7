import { describe, expect, it } from 'vitest';
import { computePayload, type ChipSpec, type ComputeParams } from '../../../src/models/compute/compute.js';

/**
 * GB300 NVL72 per-GPU share: ~140 kW rack / 72 (docs/sources.md §9), 2,500 TFLOPS BF16 dense (GB200 NVL72 720 PF FP8
 * sparse / 72 / 4).
 */
const gb300: ChipSpec = {
  peakTFLOPS: 2500,
  precision: 'BF16',
  systemPowerPerChip_W: 1940,
  massPerChip_kg: 9,
  idlePowerFraction: 0.3,
};
const ai1: ComputeParams = { chip: gb300, chips: 72, utilization: 0.8, lifetime_yr: 5 };
/** AI1 power figures are quoted to 2 digits ("120 kW average, 150 kW peak"): ±5 %. */
const quotedPowerRelative = 0.05;

describe('computePayload', () => {
  it('AI1 (72 GB300-class GPUs): peak within the quoted 120–150 kW, average ≈ 120 kW at 80 % utilization', () => {
    const r = computePayload(ai1);
    expect(r.itPowerPeak_W).toBeCloseTo(72 * 1940, 6);
    expect(r.itPowerPeak_W).toBeGreaterThanOrEqual(120e3);
    expect(r.itPowerPeak_W).toBeLessThanOrEqual(150e3);
    expect(Math.abs(r.itPowerAvg_W / 120e3 - 1)).toBeLessThan(quotedPowerRelative);
    expect(r.heatLoadAvg_W).toBe(r.itPowerAvg_W);
    expect(r.heatLoadPeak_W).toBe(r.itPowerPeak_W);
  });

  it('average power is linear in utilization between the idle floor and peak', () => {
    const at = (u: number) => computePayload({ ...ai1, utilization: u }).itPowerAvg_W;
    expect(at(1)).toBeCloseTo(72 * 1940, 6);
    expect(at(0.5) - at(0.25)).toBeCloseTo(at(0.75) - at(0.5), 6);
    expect(at(1e-9)).toBeCloseTo(0.3 * 72 * 1940, 2);
  });

  it('DGX H100 headline: 8 × 989 TFLOPS BF16 dense × 2 (FP8) × 2 (sparsity) ≈ 32 PFLOPS (NVIDIA via docs/sources.md §9)', () => {
    const h100: ChipSpec = {
      peakTFLOPS: 989,
      precision: 'BF16',
      systemPowerPerChip_W: 1275,
      massPerChip_kg: 10,
      idlePowerFraction: 0.25,
    };
    const r = computePayload({ chip: h100, chips: 8, utilization: 1, lifetime_yr: 1, failureRate_per_yr: 0 });
    expect(Math.abs((r.peakPFLOPS * 4) / 32 - 1)).toBeLessThan(0.02);
    expect(r.itPowerPeak_W).toBeCloseTo(10.2e3, 6); // DGX H100 ~10.2 kW
    expect(r.precision).toBe('BF16');
  });

  it('availability without repair is the mean survival (1 − e^{−λL})/(λL): 7 %/yr over 5 yr → 0.8437', () => {
    const r = computePayload(ai1);
    expect(r.availability).toBeCloseTo((1 - Math.exp(-0.35)) / 0.35, 12);
    expect(r.availability).toBeCloseTo(0.8437, 4);
    expect(r.deliveredPFLOPS).toBeCloseTo(r.peakPFLOPS * 0.8 * r.availability, 12);
    expect(computePayload({ ...ai1, failureRate_per_yr: 0 }).availability).toBe(1);
    expect(computePayload({ ...ai1, failureRate_per_yr: 0.09 }).availability).toBeLessThan(r.availability);
  });

  it('mass is chips × massPerChip', () => {
    expect(computePayload(ai1).mass_kg).toBe(72 * 9);
  });

  it('throws RangeError outside its validity range', () => {
    expect(() => computePayload({ ...ai1, chips: 0 })).toThrow(RangeError);
    expect(() => computePayload({ ...ai1, chips: 2.5 })).toThrow(RangeError);
    expect(() => computePayload({ ...ai1, utilization: 0 })).toThrow(/\(0, 1\]/);
    expect(() => computePayload({ ...ai1, utilization: 1.2 })).toThrow(RangeError);
    expect(() => computePayload({ ...ai1, lifetime_yr: 0 })).toThrow(RangeError);
    expect(() => computePayload({ ...ai1, chip: { ...gb300, idlePowerFraction: 1 } })).toThrow(RangeError);
  });
});

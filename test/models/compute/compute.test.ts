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
    expect(r.itPowerAvg_W).toBeWithinRelative(120e3, quotedPowerRelative);
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
    expect(r.peakPFLOPS * 4).toBeWithinRelative(32, 0.02);
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

describe('ranges', () => {
  /**
   * computePayload at the ends of its stated validity range (src/models/compute/compute.ts: chips ≥ 1 integer, 0 < u ≤
   * 1,
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
      expect(computePayload({ ...base, failureRate_per_yr: 2.5e-7 }).availability).toBeCloseTo(
        1 - 5e-7 + 1e-12 / 6,
        15,
      );
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
});

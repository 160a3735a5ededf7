import { describe, expect, it } from 'vitest';
import {
  computeWaterfall,
  DEFAULT_SUSTAINED_FRACTION,
  llmInferenceBytesPerFlop,
  PALM_540B_MFU,
  throttleFactor,
  type ComputeWaterfallParams,
} from '../../../src/models/compute/computeWaterfall.js';
import { WATERFALL_STEPS, WATERFALL_STEPS_TYPICAL } from '../../helpers/waterfall.js';

const tolerance_PFLOPS = 1e-9;

/** A 72-chip node: 180 PFLOPS peak; the factors are round numbers so the hand products are exact. */
const base: ComputeWaterfallParams = {
  peakPFLOPS: 180,
  utilization: 0.9,
  sustainedFraction: 0.4,
  computeShare: 0.95,
  availability: 0.9,
};

describe('computeWaterfall', () => {
  it('lists the steps in order and the product of the factors is the delivered value', () => {
    const r = computeWaterfall(base);
    expect(r.steps.map((s) => s.name)).toEqual(WATERFALL_STEPS);
    const product = r.steps.reduce((acc, s) => acc * s.factor, 1);
    expect(r.deliveredPFLOPS).toBeCloseTo(180 * product, 9);
    expect(r.deliveredFraction).toBeCloseTo(product, 12);
    // Hand: 180 × 0.9 × 0.4 × 0.95 × 0.9 = 55.404 PFLOPS.
    expect(r.deliveredPFLOPS).toBeCloseTo(55.404, 9);
    // Each step's value is the previous value times its factor.
    r.steps.forEach((s, i) => {
      const before = i === 0 ? 180 : r.steps[i - 1]!.valueAfter_PFLOPS;
      expect(Math.abs(s.valueAfter_PFLOPS - before * s.factor)).toBeLessThan(tolerance_PFLOPS);
      expect(s.source.length).toBeGreaterThan(10);
    });
  });

  it('the last step ends on the delivered value exactly, with every step present (typical, throttles, downlink)', () => {
    // The delivered value and the steps are two computations of one running product: a step left out of either, or
    // multiplied in another order, shows in the last bits. Factors chosen so that no product is exact in binary.
    const r = computeWaterfall({
      peakPFLOPS: 177.3,
      typicalFraction: 0.71,
      typicalFractionSource: 'test',
      utilization: 0.83,
      sustainedFraction: 0.37,
      computeShare: 0.93,
      availability: 0.89,
      power: { installed_m2: 90, required_m2: 100, computeLoad_W: 1e5, fixedLoad_W: 3e3 },
      thermal: { installed_m2: 97, required_m2: 100, computeLoad_W: 1e5, fixedLoad_W: 1e3 },
      bytesPerFlop: 1e-9,
      downlinkCapacity_bps: 1e8,
    });
    expect(r.steps.map((s) => s.name)).toEqual(WATERFALL_STEPS_TYPICAL);
    // Hand: power f_P = (0.9 × 103,000 − 3,000) / 100,000 = 0.897; thermal f_T = (0.97 × 101,000 − 1,000) / 100,000
    // = 0.9697, a step of min(1, f_T / f_P) = 1; downlink 1e8 bit/s / (1e-9 B/FLOP × 28.70e15 FLOP/s × 8 bit/B)
    // = 0.4355.
    expect(r.steps[5]!.factor).toBeCloseTo(0.897, 12);
    expect(r.steps[6]!.factor).toBe(1);
    expect(r.steps[8]!.factor).toBeCloseTo(0.4355, 4);
    let value = 177.3;
    for (const s of r.steps) expect(s.valueAfter_PFLOPS).toBe((value *= s.factor));
    expect(r.deliveredPFLOPS).toBe(value);
    expect(r.steps).toBe(r.steps); // listed once, then kept
  });

  it('a press peak is derated by the catalog typical fraction before utilization (Three-Body hand calculation)', () => {
    // One 744 TOPS "up to" computer = 0.744 POPS; typical 0.56 (5 POPS / (12 × 0.744 POPS)); utilization 0.5;
    // no MFU step (1), no eclipse, availability (1 − e^(−0.07·5))/(0.07·5) = (1 − 0.704688)/0.35 = 0.843749.
    // Hand: 0.744 × 0.56 × 0.5 × 0.843749 = 0.175770 POPS, against 0.744 × 0.5 × 0.843749 = 0.313875 without the
    // derating.
    const availability = (1 - Math.exp(-0.35)) / 0.35;
    const p = { peakPFLOPS: 0.744, utilization: 0.5, sustainedFraction: 1, availability };
    const derated = computeWaterfall({
      ...p,
      typicalFraction: 0.56,
      typicalFractionSource: 'estimate: batch 5 POPS / (12 × 744 TOPS)',
    });
    expect(derated.deliveredPFLOPS).toBeCloseTo(0.17577, 5);
    expect(computeWaterfall(p).deliveredPFLOPS).toBeCloseTo(0.313875, 5);
    const step = derated.steps[1]!;
    expect(step.name).toBe('typical');
    expect(step.factor).toBe(0.56);
    expect(step.valueAfter_PFLOPS).toBeCloseTo(0.41664, 9); // 0.744 × 0.56
    expect(step.source).toContain('5 POPS');
    // Without a typical fraction the waterfall has no typical step (datasheet peaks).
    expect(computeWaterfall(p).steps.map((w) => w.name)).not.toContain('typical');
    // A typical fraction must carry its source, and lie in (0, 1].
    expect(() => computeWaterfall({ ...p, typicalFraction: 0.56 })).toThrow(/typicalFractionSource/);
    expect(() => computeWaterfall({ ...p, typicalFraction: 1.2, typicalFractionSource: 's' })).toThrow(
      /typicalFraction/,
    );
  });

  it('a short array throttles compute after housekeeping is served (hand derivation)', () => {
    // Installed 900 m² of a required 1,000 m² → r = 0.9. Load 130 kW compute + 10 kW bus/ISL = 140 kW.
    // Available 0.9 × 140 = 126 kW; bus/ISL take 10 kW; compute gets 116 kW of 130 → f_P = 116/130 = 0.892308.
    const r = computeWaterfall({
      ...base,
      power: { installed_m2: 900, required_m2: 1000, computeLoad_W: 130e3, fixedLoad_W: 10e3 },
    });
    expect(r.powerThrottle).toBeCloseTo(0.892308, 6);
    expect(r.steps.find((s) => s.name === 'power')!.factor).toBeCloseTo(116 / 130, 12);
    // 180 × 0.9 × 0.4 × 0.95 = 61.56; × 116/130 = 54.93046; × 0.9 = 49.43742 PFLOPS.
    expect(r.deliveredPFLOPS).toBeCloseTo(49.43742, 5);
  });

  it('without fixed loads the throttle is min(1, installed/required), and an oversized area gives no bonus', () => {
    expect(
      throttleFactor('power', { installed_m2: 75, required_m2: 100, computeLoad_W: 1000, fixedLoad_W: 0 }),
    ).toBeCloseTo(0.75, 12);
    expect(
      throttleFactor('power', { installed_m2: 150, required_m2: 100, computeLoad_W: 1000, fixedLoad_W: 200 }),
    ).toBe(1);
  });

  it('the radiator step is the extra factor after the power step; compute ends at min(f_P, f_T)', () => {
    // Power: r = 0.9, no fixed load → f_P = 0.9. Radiator: r_T = 0.8, Q_c = 100 W, Q_f = 25 W
    // → (0.8 × 125 − 25)/100 = 0.75 = f_T; step = 0.75/0.9 = 0.8333; combined 0.75.
    const r = computeWaterfall({
      peakPFLOPS: 100,
      utilization: 1,
      sustainedFraction: 1,
      power: { installed_m2: 90, required_m2: 100, computeLoad_W: 100, fixedLoad_W: 0 },
      thermal: { installed_m2: 80, required_m2: 100, computeLoad_W: 100, fixedLoad_W: 25 },
    });
    expect(r.thermalThrottle).toBeCloseTo(0.75, 12);
    expect(r.steps.find((s) => s.name === 'thermal')!.factor).toBeCloseTo(0.75 / 0.9, 12);
    expect(r.deliveredPFLOPS).toBeCloseTo(75, 9);
  });

  it('an array too small even for housekeeping delivers zero compute (no NaN)', () => {
    // r = 0.05: 0.05 × 110 W = 5.5 W < 10 W of housekeeping → f_P = 0; the thermal step is then 1.
    const r = computeWaterfall({
      ...base,
      power: { installed_m2: 5, required_m2: 100, computeLoad_W: 100, fixedLoad_W: 10 },
      thermal: { installed_m2: 50, required_m2: 100, computeLoad_W: 100, fixedLoad_W: 0 },
    });
    expect(r.powerThrottle).toBe(0);
    expect(r.steps.find((s) => s.name === 'thermal')!.factor).toBe(1);
    expect(r.deliveredPFLOPS).toBe(0);
  });

  it('the downlink limit is capacity over bytes-per-FLOP × FLOPS × 8 (hand)', () => {
    // 10 PFLOPS reach the downlink step; 1e-6 B/FLOP × 1e16 FLOP/s = 1e10 B/s = 8e10 bit/s; 2e10 bit/s available →
    // 0.25.
    const r = computeWaterfall({
      peakPFLOPS: 10,
      utilization: 1,
      sustainedFraction: 1,
      bytesPerFlop: 1e-6,
      downlinkCapacity_bps: 2e10,
    });
    expect(r.downlinkNeeded_bps).toBeCloseTo(8e10, -3);
    expect(r.steps.at(-1)!.factor).toBeCloseTo(0.25, 12);
    expect(r.deliveredPFLOPS).toBeCloseTo(2.5, 12);
  });

  it('LLM inference output is tiny per FLOP: 4 B/token on a 70 B model needs ~22.9 Mbit/s per 100 PFLOPS (Kaplan 2020: 2N FLOPs/token)', () => {
    const beta = llmInferenceBytesPerFlop({ parameters: 70e9, bytesPerToken: 4 });
    // 4 / (2 × 70e9) = 2.857e-11 B/FLOP; × 1e17 FLOP/s × 8 = 2.2857e7 bit/s.
    expect(beta).toBeCloseTo(2.857142857e-11, 18);
    const r = computeWaterfall({
      peakPFLOPS: 100,
      utilization: 1,
      sustainedFraction: 1,
      bytesPerFlop: beta,
      downlinkCapacity_bps: 1e9,
    });
    expect(r.downlinkNeeded_bps).toBeCloseTo(2.2857e7, -3);
    expect(r.steps.at(-1)!.factor).toBe(1);
  });

  it('defaults: sustained fraction from Llama 3 (400 of 989 TFLOPS per H100), PaLM 46.2 % MFU, no eclipse, full availability', () => {
    // Dubey et al. 2024 Table 4: 400 TFLOPS/GPU on 16,384 H100; H100 BF16 dense peak 989 TFLOPS (docs/sources.md §9).
    expect(DEFAULT_SUSTAINED_FRACTION).toBeCloseTo(0.40445, 5);
    expect(PALM_540B_MFU).toBe(0.462); // Chowdhery et al. 2022, Table 3
    const r = computeWaterfall({ peakPFLOPS: 989, utilization: 1 });
    expect(r.deliveredPFLOPS).toBeCloseTo(400, 9);
  });

  it('refuses inputs outside the domain with a RangeError naming the field', () => {
    expect(() => computeWaterfall({ ...base, utilization: 0 })).toThrow(/utilization/);
    expect(() => computeWaterfall({ ...base, sustainedFraction: 1.2 })).toThrow(/sustainedFraction/);
    expect(() => computeWaterfall({ ...base, availability: -0.1 })).toThrow(RangeError);
    expect(() => computeWaterfall({ ...base, peakPFLOPS: Number.NaN })).toThrow(/peakPFLOPS/);
    expect(() => computeWaterfall({ ...base, bytesPerFlop: 1e-9 })).toThrow(/downlinkCapacity_bps/);
    expect(() =>
      computeWaterfall({ ...base, power: { installed_m2: 1, required_m2: 1, computeLoad_W: 1, fixedLoad_W: -1 } }),
    ).toThrow(/power.fixedLoad_W/);
  });
});

describe('edges', () => {
  /**
   * Edges of the delivered-compute waterfall (src/models/compute/computeWaterfall.ts): which factors may be 0, what
   * each refusal names, the downlink step without a limit or without capacity, and the source each step cites.
   */
  const base: ComputeWaterfallParams = { peakPFLOPS: 100, utilization: 1, sustainedFraction: 1 };
  const balance = { installed_m2: 100, required_m2: 100, computeLoad_W: 100, fixedLoad_W: 0 };

  describe('factor ranges', () => {
    it('a compute share of 0 (everything off through a whole-orbit eclipse) delivers 0; 1 is the full value', () => {
      expect(computeWaterfall({ ...base, computeShare: 0 }).deliveredPFLOPS).toBe(0);
      expect(
        computeWaterfall({ ...base, computeShare: 1, availability: 1, typicalFraction: 1, typicalFractionSource: 's' })
          .deliveredPFLOPS,
      ).toBe(100);
      expect(() => computeWaterfall({ ...base, computeShare: 1.01 })).toThrow(
        new RangeError('computeShare must be in [0, 1], got 1.01'),
      );
      expect(() => computeWaterfall({ ...base, computeShare: -0.01 })).toThrow(/computeShare must be in \[0, 1\]/);
    });

    it('utilization, typical and sustained fractions and availability must be > 0 and ≤ 1', () => {
      const cases: [Partial<ComputeWaterfallParams>, string][] = [
        [{ utilization: 0 }, 'utilization must be in (0, 1], got 0'],
        [{ utilization: 1.5 }, 'utilization must be in (0, 1], got 1.5'],
        [{ typicalFraction: 0, typicalFractionSource: 's' }, 'typicalFraction must be in (0, 1], got 0'],
        [{ sustainedFraction: 0 }, 'sustainedFraction must be in (0, 1], got 0'],
        [{ availability: 0 }, 'availability must be in (0, 1], got 0'],
        [{ availability: Number.NaN }, 'availability must be in (0, 1], got NaN'],
      ];
      for (const [over, message] of cases)
        expect(() => computeWaterfall({ ...base, ...over })).toThrow(new RangeError(message));
    });
  });

  describe('throttle inputs are refused by name', () => {
    it('power and thermal balances', () => {
      expect(() => computeWaterfall({ ...base, power: { ...balance, installed_m2: 0 } })).toThrow(
        /^power\.installed_m2 must be/,
      );
      expect(() => computeWaterfall({ ...base, thermal: { ...balance, required_m2: 0 } })).toThrow(
        /^thermal\.required_m2 must be/,
      );
      expect(() => throttleFactor('thermal', { ...balance, computeLoad_W: 0 })).toThrow(
        /^thermal\.computeLoad_W must be/,
      );
      expect(() => throttleFactor('power', { ...balance, fixedLoad_W: -1 })).toThrow(/^power\.fixedLoad_W must be/);
    });

    it('a thermal balance alone throttles by f_T (the power step is 1)', () => {
      // r_T = 0.6, Q_c = 100, Q_f = 20: (0.6 × 120 − 20)/100 = 0.52
      const r = computeWaterfall({ ...base, thermal: { ...balance, installed_m2: 60, fixedLoad_W: 20 } });
      expect(r.powerThrottle).toBe(1);
      expect(r.thermalThrottle).toBeCloseTo(0.52, 12);
      expect(r.deliveredPFLOPS).toBeCloseTo(52, 10);
    });
  });

  describe('both balances short', () => {
    it('no power and no heat rejection left for compute: the thermal step is 1 (not 0/0) and nothing is delivered', () => {
      // power: r = 0.05, 0.05 × 110 = 5.5 W < 10 W housekeeping → f_P = 0; thermal likewise → f_T = 0
      const short = { installed_m2: 5, required_m2: 100, computeLoad_W: 100, fixedLoad_W: 10 };
      const r = computeWaterfall({ ...base, power: short, thermal: short });
      expect(r.powerThrottle).toBe(0);
      expect(r.thermalThrottle).toBe(0);
      expect(r.steps.find((s) => s.name === 'thermal')!.factor).toBe(1);
      expect(r.deliveredPFLOPS).toBe(0);
    });
  });

  describe('downlink step', () => {
    it('no bytes out: factor 1 and nothing needed, whatever the capacity', () => {
      const r = computeWaterfall({ ...base, downlinkCapacity_bps: 0 });
      expect(r.downlinkNeeded_bps).toBe(0);
      expect(r.steps.at(-1)).toMatchObject({ name: 'downlink', factor: 1 });
    });

    it('zero capacity with bytes to send delivers nothing', () => {
      const r = computeWaterfall({ ...base, bytesPerFlop: 1e-9, downlinkCapacity_bps: 0 });
      // needed = 1e-9 B/FLOP × 1e17 FLOP/s × 8 = 8e8 bit/s
      expect(r.downlinkNeeded_bps).toBeCloseTo(8e8, 0);
      expect(r.deliveredPFLOPS).toBe(0);
    });

    it('capacity above the need leaves the value unchanged', () => {
      expect(computeWaterfall({ ...base, bytesPerFlop: 1e-9, downlinkCapacity_bps: 1e9 }).deliveredPFLOPS).toBe(100);
    });

    it('refuses negative bytes per FLOP or capacity by name', () => {
      expect(() => computeWaterfall({ ...base, bytesPerFlop: -1e-9, downlinkCapacity_bps: 1 })).toThrow(
        /^bytesPerFlop must be/,
      );
      expect(() => computeWaterfall({ ...base, downlinkCapacity_bps: -1 })).toThrow(/^downlinkCapacity_bps must be/);
    });

    it('LLM bytes per FLOP refuses a model without parameters or a negative token size', () => {
      expect(() => llmInferenceBytesPerFlop({ parameters: 0, bytesPerToken: 4 })).toThrow(/^parameters must be/);
      expect(() => llmInferenceBytesPerFlop({ parameters: 1e9, bytesPerToken: -1 })).toThrow(/^bytesPerToken must be/);
      expect(llmInferenceBytesPerFlop({ parameters: 1e9, bytesPerToken: 0 })).toBe(0);
    });
  });

  describe('step sources', () => {
    it('the sustained step cites Llama 3 by default and the design when the MFU is given', () => {
      const sustained = (p: ComputeWaterfallParams) => computeWaterfall(p).steps.find((s) => s.name === 'sustained')!;
      expect(sustained({ peakPFLOPS: 1, utilization: 1 }).source).toMatch(/Llama 3 405B.*arXiv:2407\.21783/);
      expect(sustained(base).source).toBe('MFU of the stated workload (design input)');
    });
  });
});

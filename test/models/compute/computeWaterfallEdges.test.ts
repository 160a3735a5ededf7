/**
 * Edges of the delivered-compute waterfall (src/models/compute/computeWaterfall.ts): which factors may be 0, what each
 * refusal names, the downlink step without a limit or without capacity, and the source each step cites.
 */
import { describe, expect, it } from 'vitest';
import {
  computeWaterfall,
  llmInferenceBytesPerFlop,
  throttleFactor,
  type ComputeWaterfallParams,
} from '../../../src/models/compute/computeWaterfall.js';

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

import { describe, expect, it } from 'vitest';
import { precisionFactor } from '../../../src/models/compute/precision.js';
import { evaluateDesignFile, nodeEvaluator } from '../../../src/node/evaluator.js';

// NVIDIA H100 Tensor Core GPU datasheet (2022, SXM5, dense): FP64 67, TF32 494.5, BF16 989.5, FP8 1,979 TFLOPS, INT8
// 1,979 TOPS; 2:4 sparsity doubles each (NVIDIA A100/Ampere whitepaper 2020).
describe('precisionFactor: the tensor-core rate ladder', () => {
  it('BF16 → FP8 doubles, BF16 → TF32 halves, BF16 → FP64 is 67 / 989.5 (H100)', () => {
    expect(precisionFactor({ rowPrecision: 'BF16', precision: 'FP8' }).factor).toBe(1979 / 989.5);
    expect(precisionFactor({ rowPrecision: 'BF16', precision: 'TF32' }).factor).toBe(494.75 / 989.5);
    expect(precisionFactor({ rowPrecision: 'BF16', precision: 'FP64' }).factor).toBeCloseTo(67 / 989.5, 12);
  });
  it('an INT8 row read at FP16 halves; 2:4 sparsity doubles; no target keeps the row', () => {
    expect(precisionFactor({ rowPrecision: 'INT8', precision: 'FP16' }).factor).toBe(0.5);
    expect(precisionFactor({ rowPrecision: 'BF16', sparse: true }).factor).toBe(2);
    expect(precisionFactor({ rowPrecision: 'FP8' })).toEqual({ factor: 1, precision: 'FP8' });
  });
  it('an unknown precision is a RangeError', () => {
    expect(() => precisionFactor({ rowPrecision: 'BF17' })).toThrow(RangeError);
  });
});

describe('compute.precision in a design', () => {
  it('Three-Body at FP16: 12 × 744 TOPS INT8 × ½ = 4.46 POPS per batch, 0.89 of the published "5 POPS" (vs 1.79 at INT8)', () => {
    const tb = evaluateDesignFile('designs/three-body.yaml');
    const d = structuredClone(tb.design);
    d.compute.precision = 'FP16';
    const r = nodeEvaluator().evaluate(d);
    expect(r.compute.peakPFLOPS).toBeCloseTo(0.744 / 2, 9);
    expect(r.compute.precision).toBe('FP16');
    expect((12 * r.compute.peakPFLOPS) / 5).toBeCloseTo(0.8928, 4);
    expect(r.compute.deliveredPFLOPS / tb.record.compute.deliveredPFLOPS).toBeCloseTo(0.5, 12);
  });
});

describe('ranges', () => {
  /**
   * Small models at the ends of their stated validity ranges and on closed-form cases: each closed end is accepted,
   * each open end refused with a message naming the field.
   */

  describe('precision factor', () => {
    it('names the unknown precision, the row’s or the workload’s', () => {
      expect(() => precisionFactor({ rowPrecision: 'BF17' })).toThrow(/unknown precision BF17/);
      expect(() => precisionFactor({ rowPrecision: 'BF16', precision: 'FP7' })).toThrow(/unknown precision FP7/);
      // an unknown row precision is named even when the workload's is known
      expect(() => precisionFactor({ rowPrecision: 'BF17', precision: 'FP8' })).toThrow(/unknown precision BF17$/);
    });

    it('sparsity doubles only when asked: sparse false and sparse absent are dense', () => {
      expect(precisionFactor({ rowPrecision: 'FP8', precision: 'INT4', sparse: false })).toEqual({
        factor: 2,
        precision: 'INT4',
      });
      expect(precisionFactor({ rowPrecision: 'FP8', precision: 'INT4', sparse: true }).factor).toBe(4);
    });
  });
});

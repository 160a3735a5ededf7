import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COMPUTE_EFFICIENCY,
  DEFAULT_MEMORY_EFFICIENCY,
  DEFAULT_USABLE_MEMORY_FRACTION,
  inferenceThroughput,
  type InferenceChipSpec,
  type InferenceWorkload,
} from '../../../src/models/compute/inference.js';

/**
 * The roofline of src/models/compute/inference.ts on a round-number chip and workload, every figure by hand:
 * 1 TB/s, 100 GB, 1 PFLOP/s; 10¹⁰ one-byte parameters, 10⁵ B of KV cache per token, 4 sequences of 100 prompt and
 * 99 output tokens, unit efficiencies and usable memory.
 */
const chip: InferenceChipSpec = { memoryBandwidth_B_per_s: 1e12, memoryCapacity_B: 1e11, peak_FLOPS: 1e15 };
const work: InferenceWorkload = {
  parameters: 1e10,
  bytesPerParameter: 1,
  kvCacheBytesPerToken: 1e5,
  batchSize: 4,
  promptTokens: 100,
  outputTokens: 99,
  memoryEfficiency: 1,
  computeEfficiency: 1,
  usableMemoryFraction: 1,
};

describe('inference roofline by hand', () => {
  it('memory-bound decode: every figure of one batch cycle', () => {
    const r = inferenceThroughput({ chip, workload: work });
    // W + B·(P_in + P_out)·kv = 1e10 + 4·199·1e5 = 1.00796e10 B on one 1e11 B chip
    expect(r.replicaChips).toBe(1);
    // mean context 100 + (99 + 1)/2 = 150: t_mem = (1e10 + 4·150·1e5)/1e12 = 0.01006 s
    expect(r.decodeStepMemory_s).toBeCloseTo(0.01006, 15);
    // t_cmp = 2·1e10·4/1e15 = 8e-5 s
    expect(r.decodeStepCompute_s).toBeCloseTo(8e-5, 18);
    expect(r.decodeBound).toBe('memory-bandwidth');
    expect(r.decodePerSequence_tokens_per_s).toBeCloseTo(1 / 0.01006, 9);
    // prefill: max(2·1e10·4·100/1e15 = 8e-3, 1e10/1e12 = 0.01) = 0.01 s
    expect(r.prefill_s).toBeCloseTo(0.01, 15);
    // cycle 0.01 + 99·0.01006 = 1.00594 s for 4·99 output tokens
    expect(r.perChip_tokens_per_s).toBeCloseTo(396 / 1.00594, 9);
  });

  it('prefill bound by compute for a long prompt: 2·1e10·4·1000/1e15 = 0.08 s', () => {
    expect(inferenceThroughput({ chip, workload: { ...work, promptTokens: 1000 } }).prefill_s).toBeCloseTo(0.08, 15);
  });

  it('compute-bound decode with a small KV cache and a large batch', () => {
    // kv = 1 B/token, B = 1000: t_mem = (1e10 + 1000·150)/1e12 ≈ 0.01000015 s < t_cmp = 2e13/1e15 = 0.02 s
    const r = inferenceThroughput({ chip, workload: { ...work, kvCacheBytesPerToken: 1, batchSize: 1000 } });
    expect(r.decodeBound).toBe('compute');
    expect(r.decodeStepCompute_s).toBeCloseTo(0.02, 15);
    expect(r.decodePerSequence_tokens_per_s).toBeCloseTo(50, 9);
  });

  it('an exact tie of the two terms is called memory-bound', () => {
    // BW = F = 1, W = 1 B, kv = 1, B = 1, mean context 0.25 + (0.5 + 1)/2 = 1: t_mem = 1 + 1 = 2 = t_cmp = 2·1·1
    const r = inferenceThroughput({
      chip: { memoryBandwidth_B_per_s: 1, memoryCapacity_B: 100, peak_FLOPS: 1 },
      workload: {
        ...work,
        parameters: 1,
        kvCacheBytesPerToken: 1,
        batchSize: 1,
        promptTokens: 0.25,
        outputTokens: 0.5,
      },
    });
    expect([r.decodeStepMemory_s, r.decodeStepCompute_s, r.decodeBound]).toEqual([2, 2, 'memory-bandwidth']);
  });

  it('a replica spans ⌈need/(f·M)⌉ chips, and per-chip throughput does not depend on it', () => {
    // 1.00796e10 B on 1e9 B chips: 11 chips; at f = 0.5: ⌈20.16⌉ = 21
    const small = { ...chip, memoryCapacity_B: 1e9 };
    const r11 = inferenceThroughput({ chip: small, workload: work });
    expect(r11.replicaChips).toBe(11);
    expect(inferenceThroughput({ chip: small, workload: { ...work, usableMemoryFraction: 0.5 } }).replicaChips).toBe(
      21,
    );
    expect(r11.perChip_tokens_per_s).toBeCloseTo(396 / 1.00594, 9);
    // the decode step shrinks with the chips' combined bandwidth
    expect(r11.decodeStepMemory_s).toBeCloseTo(0.01006 / 11, 15);
  });

  it('the full-context KV cache can take one more chip: 9.95e9 B of weights need 10 chips of 1 GB, 11 with the cache', () => {
    // 9.95e9 + 4·(100 + 99)·1e5 = 1.00296e10 B
    const r = inferenceThroughput({
      chip: { ...chip, memoryCapacity_B: 1e9 },
      workload: { ...work, parameters: 9.95e9 },
    });
    expect(r.replicaChips).toBe(11);
  });

  it('the default efficiencies and usable memory are the cited Azure GB200 figures and 0.9', () => {
    expect(DEFAULT_MEMORY_EFFICIENCY).toBeCloseTo(7.35 / 8, 15);
    expect(DEFAULT_COMPUTE_EFFICIENCY).toBeCloseTo(0.5488, 15);
    expect(DEFAULT_USABLE_MEMORY_FRACTION).toBe(0.9);
    const { memoryEfficiency: _m, computeEfficiency: _c, usableMemoryFraction: _u, ...bare } = work;
    const d = inferenceThroughput({ chip: { ...chip, memoryCapacity_B: 1e9 }, workload: bare });
    // ⌈1.00796e10/(0.9·1e9)⌉ = ⌈11.2⌉ = 12; t_mem = 1.006e10/(12·1e12·0.91875); t_cmp = 8e10/(12·1e15·0.5488)
    expect(d.replicaChips).toBe(12);
    expect(d.decodeStepMemory_s).toBeCloseTo(1.006e10 / (12e12 * 0.91875), 15);
    expect(d.decodeStepCompute_s).toBeCloseTo(8e10 / (12e15 * 0.5488), 18);
  });

  it('refuses out-of-range inputs by name: efficiencies in (0, 1], batch a whole number ≥ 1', () => {
    expect(() => inferenceThroughput({ chip, workload: { ...work, batchSize: 1 } })).not.toThrow();
    const refused: [Partial<InferenceWorkload>, RegExp][] = [
      [{ batchSize: 0 }, /batchSize must be an integer ≥ 1, got 0/],
      [{ batchSize: 2.5 }, /batchSize must be an integer ≥ 1, got 2.5/],
      [{ memoryEfficiency: 0 }, /memoryEfficiency must be in \(0, 1\], got 0/],
      [{ computeEfficiency: 1.01 }, /computeEfficiency must be in \(0, 1\], got 1.01/],
      [{ usableMemoryFraction: NaN }, /usableMemoryFraction must be in \(0, 1\], got NaN/],
      [{ usableMemoryFraction: Infinity }, /usableMemoryFraction must be in \(0, 1\]/],
      [{ parameters: 0 }, /parameters must be a finite number > 0/],
      [{ bytesPerParameter: 0 }, /bytesPerParameter must/],
      [{ kvCacheBytesPerToken: 0 }, /kvCacheBytesPerToken must/],
      [{ promptTokens: 0 }, /promptTokens must/],
      [{ outputTokens: 0 }, /outputTokens must/],
    ];
    for (const [change, message] of refused)
      expect(() => inferenceThroughput({ chip, workload: { ...work, ...change } })).toThrow(message);
    for (const k of ['memoryBandwidth_B_per_s', 'memoryCapacity_B', 'peak_FLOPS'] as const)
      expect(() => inferenceThroughput({ chip: { ...chip, [k]: 0 }, workload: work })).toThrow(new RegExp(`${k} must`));
  });
});

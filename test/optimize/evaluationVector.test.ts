import { describe, expect, it } from 'vitest';
import { evaluationVector } from '../../src/optimize/types.js';

describe('evaluationVector (f and g of an evaluation, views into a shared buffer)', () => {
  it('hands out zeroed vectors of the asked length that never share an element', () => {
    // Catches two evaluations handed overlapping ranges (one evaluation's g overwriting another's f) and a reused
    // range not zeroed.
    const vectors = Array.from({ length: 500 }, (_, i) => evaluationVector(1 + (i % 17)));
    vectors.forEach((v, i) => {
      expect(v.length).toBe(1 + (i % 17));
      expect([...v].every((x) => x === 0)).toBe(true);
      v.fill(i + 1);
    });
    vectors.forEach((v, i) => expect([...v].every((x) => x === i + 1)).toBe(true));
  });

  it('a vector larger than the shared buffer is an array of its own', () => {
    // 2,000 doubles are 16,000 bytes, more than the 8 KiB buffer
    const v = evaluationVector(2000);
    expect(v.length).toBe(2000);
    expect(v.byteOffset).toBe(0);
    expect(v.buffer.byteLength).toBe(16000);
  });
});

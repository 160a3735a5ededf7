/**
 * Serving class against MLPerf Inference's Llama 2 70B bounds (mlcommons/inference loadgen/mlperf.conf:
 * llama2-70b-interactive TTFT 450 ms, TPOT 40 ms; llama2-70b TTFT 2,000 ms, TPOT 200 ms), with hand-worked times.
 */
import { describe, expect, it } from 'vitest';
import { servingClass, servingClassText } from '../../../src/models/compute/servingClass.js';

describe('serving class of a roofline batch cycle', () => {
  it('30 tokens/s per sequence (TPOT 33 ms) after a 0.3 s prefill is interactive', () => {
    const r = servingClass({ prefill_s: 0.3, decodePerSequence_tokens_per_s: 30 });
    expect(r.servingClass).toBe('interactive');
    expect(r.timePerOutputToken_s).toBeCloseTo(1 / 30, 12);
    expect(r.timeToFirstToken_s).toBe(0.3);
  });
  it('the interactive bounds are inclusive: TTFT 0.45 s and 25 tokens/s (TPOT 40 ms)', () => {
    expect(servingClass({ prefill_s: 0.45, decodePerSequence_tokens_per_s: 25 }).servingClass).toBe('interactive');
  });
  it('20 tokens/s (TPOT 50 ms) or a 1 s prefill is server class, not interactive', () => {
    expect(servingClass({ prefill_s: 0.3, decodePerSequence_tokens_per_s: 20 }).servingClass).toBe('server');
    expect(servingClass({ prefill_s: 1, decodePerSequence_tokens_per_s: 30 }).servingClass).toBe('server');
  });
  it('past 2 s to the first token or 200 ms per token it is offline batch work', () => {
    expect(servingClass({ prefill_s: 2.5, decodePerSequence_tokens_per_s: 30 }).servingClass).toBe('offline');
    expect(servingClass({ prefill_s: 0.3, decodePerSequence_tokens_per_s: 4 }).servingClass).toBe('offline');
  });
  it('the text names the class, the times and the bounds it was held to', () => {
    const t = servingClassText(servingClass({ prefill_s: 0.3, decodePerSequence_tokens_per_s: 20 }));
    expect(t).toBe(
      "server serving (synchronous batch cycle: TTFT 0.30 s, TPOT 50 ms; within MLPerf's llama2-70b server bounds 2 s, 200 ms, not its interactive ones)",
    );
  });
  it('refuses a non-positive time or rate', () => {
    expect(() => servingClass({ prefill_s: 0, decodePerSequence_tokens_per_s: 30 })).toThrow(RangeError);
    expect(() => servingClass({ prefill_s: 0.3, decodePerSequence_tokens_per_s: Number.NaN })).toThrow(RangeError);
  });
});

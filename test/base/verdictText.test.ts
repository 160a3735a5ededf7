import { describe, expect, it } from 'vitest';
import { costRatioText, ratioProblem, ratioText } from '../../src/base/verdictText.js';

describe('verdictText: a space/ground cost ratio in words', () => {
  it('finite ratios name the cheaper side', () => {
    expect(costRatioText(4.2)).toBe('4.2× (ground cheaper)');
    expect(costRatioText(0.81, 'space ')).toBe('space 0.81× (space cheaper)');
    expect(costRatioText(1)).toBe('1× (at parity)');
    expect(ratioText(20.2)).toBe('20.2×');
  });

  it('an unbounded, undefined or negative ratio is a sentence without the lead, never "Infinity×" or "NaN×"', () => {
    for (const r of [Infinity, Number.NaN, -1, -Infinity]) {
      const text = costRatioText(r, 'space ');
      expect(text).not.toMatch(/Infinity|NaN|∞|×/);
      expect(text).toBe(ratioProblem(r));
      expect(ratioText(r)).toBe(ratioProblem(r));
    }
    expect(costRatioText(Infinity)).toMatch(/no compute delivered .*: no parity/);
    expect(costRatioText(Number.NaN)).toMatch(/cannot be formed.*: no verdict/);
    expect(ratioProblem(0)).toBeUndefined();
  });
});

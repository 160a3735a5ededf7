/**
 * The verdict lines of the terminal summary and the report's first screen never print ∞, Infinity or NaN: a ratio
 * that is not a finite number ≥ 0 (no compute delivered, a price trajectory past a double) reads as the sentence of
 * src/base/verdictText.ts. Expectations are the hand-written texts.
 */
import { describe, expect, it } from 'vitest';
import { ratioRangeText } from '../../../src/report/decision/answerLine.js';
import { verdictText } from '../../../src/report/decision/summary.js';
import type { TerrestrialVerdict } from '../../../src/run/schemas.js';

const verdict = (baseline: string, spaceToTerrestrial: number): TerrestrialVerdict => ({
  baseline,
  space_USD_per_PFLOP_day: spaceToTerrestrial * 20,
  terrestrial_USD_per_PFLOP_day: 20,
  spaceToTerrestrial,
  basis: 'discounted',
});

describe('verdict ratios in words', () => {
  it('a finite range as before; non-finite ratios counted, not printed', () => {
    expect(ratioRangeText([9.48, 8.01])).toBe('8.01–9.48×');
    expect(ratioRangeText([9.48, Infinity])).toBe('9.48–9.48×; 1 scenario(s) without a finite ratio');
    expect(ratioRangeText([Infinity, Infinity])).toMatch(/^no compute delivered .*: no parity$/);
    expect(ratioRangeText([Number.NaN])).toMatch(/cannot be formed/);
  });

  it('the terminal line names a scenario without a finite ratio in words', () => {
    const text = verdictText([
      verdict('hyperscale-virginia', 9.48),
      verdict('texas', Infinity),
      verdict('ie', Number.NaN),
    ]);
    expect(text).toMatch(
      /^hyperscale-virginia 9\.48, texas \(no compute delivered .*no parity\), ie \(.*cannot be formed/,
    );
    expect(text).not.toMatch(/∞|Infinity|NaN/);
  });
});

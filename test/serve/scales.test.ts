/**
 * The explorer's axis scales (src/serve/app/scales.ts) in Node, on values whose positions are worked out by hand:
 * log10 over two decades, mid-ranks with ties, inversion, a rescale's span with values piled at its ends, a choice
 * axis's bands, and value() undoing position() (what a brush reads); the ticks of each scale (round steps worked out
 * by hand).
 */
import { describe, expect, it } from 'vitest';
import { axisBins } from '../../src/serve/app/pcAxes.js';
import { axisScale, ticksOf } from '../../src/serve/app/scales.js';
import { dim } from './dims.js';

describe('axis scales', () => {
  it('log: decades get equal room (1, 10, 100 at 0, 1/2, 1); value() inverts it', () => {
    const s = axisScale(dim([1, 10, 100, 31.6227766]), 'log');
    expect(s.kind).toBe('log');
    expect([1, 10, 100].map((v) => s.position(v))).toEqual([0, 0.5, 1]);
    expect(s.position(31.6227766)).toBeCloseTo(0.75, 9);
    expect(s.value(0.25)).toBeCloseTo(Math.sqrt(10), 9);
  });

  it('log on a span reaching zero falls back to linear and says so', () => {
    const s = axisScale(dim([0, 5, 10]), 'log');
    expect(s.kind).toBe('linear');
    expect(s.logRefused).toBe(true);
    expect(s.position(5)).toBe(0.5);
  });

  it('percentile: mid-ranks, ties sharing one place; value() interpolates between ranks', () => {
    // sorted 1, 2, 2, 7, 1000: ranks 0, 1.5 (the two 2s share 1 and 2), 3, 4 of 4
    const s = axisScale(dim([1000, 2, 7, 1, 2]), 'percentile');
    expect([1, 2, 7, 1000].map((v) => s.position(v))).toEqual([0, 1.5 / 4, 3 / 4, 1]);
    expect(s.value(0.5)).toBe(2);
    expect(s.value(0.875)).toBe(7 + 0.5 * (1000 - 7));
  });

  it('inverted: 1 − position, and value() reads it back', () => {
    const s = axisScale(dim([0, 4, 10]), 'linear', true);
    expect([0, 4, 10].map((v) => s.position(v))).toEqual([1, 0.6, 0]);
    expect(s.value(0.6)).toBeCloseTo(4, 12);
  });

  it('a rescale spans [lo, hi]; values beyond pile at the ends; percentile counts the designs inside only', () => {
    const d = dim([100, 200, 300, 400, 10000]);
    const s = axisScale(d, 'linear', false, [200, 400]);
    expect(s.clipped).toBe(true);
    expect([100, 200, 300, 400, 10000].map((v) => s.position(v))).toEqual([0, 0, 0.5, 1, 1]);
    const p = axisScale(d, 'percentile', false, [200, 400]);
    expect([200, 300, 400].map((v) => p.position(v))).toEqual([0, 0.5, 1]);
  });

  it('a choice axis keeps one band per option whatever the kind asked; inversion flips the bands', () => {
    const d = dim([0, 1, 2], { options: ['a', 'b', 'c'], min: 0, max: 2 });
    const bands = [0, 1, 2].map((v) => axisScale(d, 'log').position(v));
    [1 / 6, 0.5, 5 / 6].forEach((t, k) => expect(bands[k]).toBeCloseTo(t, 12));
    expect(axisScale(d, 'linear', true).position(0)).toBeCloseTo(5 / 6, 12);
  });

  it('bins a log axis by its positions: 1, 10, 100 in the bottom, middle and top bins of 5', () => {
    expect(Array.from(axisBins(dim([1, 10, 100]), 5, axisScale(dim([1, 10, 100]), 'log')))).toEqual([4, 2, 0]);
  });

  it('ticks: round steps on a linear span, decades on a log one, quartiles on a percentile one', () => {
    // the filed cost axis, 91.5 – 4,703: (4703 − 91.5) / 6 = 768.6 = 7.7 × 10^2, past √50 × 10^2 (d3-array's
    // rule) → step 1,000: 1,000 … 4,000
    const cost = axisScale(dim([91.5, 4703]));
    expect(ticksOf(cost).map((k) => k.value)).toEqual([1000, 2000, 3000, 4000]);
    expect(ticksOf(cost)[0]!.t).toBeCloseTo((1000 - 91.5) / (4703 - 91.5), 12);
    // 0 – 1 in steps of 0.2 (1/6 = 1.67 × 10^-1, past √2 × 10^-1 → 0.2); inverted, 0 sits at the top
    const unit = axisScale(dim([0, 1]), 'linear', true);
    expect(ticksOf(unit).map((k) => k.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticksOf(unit)[0]!.t).toBe(1);
    // log over 91.5 – 4,703 (1.7 decades, two of them decades): d3's 1–9 multiples inside, 100 … 900 and
    // 1,000 … 4,000 (13), labelled up to the multiple 10 · 6 / 13 = 4.6: 100 … 400 and 1,000 … 4,000
    expect(ticksOf(axisScale(dim([91.5, 4703]), 'log')).map((k) => k.value)).toEqual([
      100, 200, 300, 400, 1000, 2000, 3000, 4000,
    ]);
    // log over 1 – 1e6: the decades only
    expect(ticksOf(axisScale(dim([1, 1e6]), 'log')).map((k) => k.value)).toEqual([1, 10, 100, 1e3, 1e4, 1e5, 1e6]);
    // percentile of 1, 2, 3, 4, 5: quartiles at the ranks 0, 1, 2, 3, 4
    expect(ticksOf(axisScale(dim([1, 2, 3, 4, 5]), 'percentile')).map((k) => k.value)).toEqual([1, 2, 3, 4, 5]);
    // one value: no ticks
    expect(ticksOf(axisScale(dim([3, 3])))).toEqual([]);
  });
});

/**
 * Label wrapping (src/serve/app/labels.ts) with a canvas whose every character is 6 px wide, so each expectation is
 * counted by hand: a 15-character line is 90 px.
 */
import { describe, expect, it } from 'vitest';
import { clip, wrap } from '../../src/serve/app/labels.js';

const ctx = { measureText: (t: string) => ({ width: 6 * t.length }) } as unknown as CanvasRenderingContext2D;

describe('wrap', () => {
  it('breaks a name after `.`, `_` and spaces, filling each line', () => {
    // words: lcocDiscounted_ (15 characters: a line) | USD_ | per_ | PFLOP_ | day
    expect(wrap(ctx, 'lcocDiscounted_USD_per_PFLOP_day', 90, 3)).toEqual(['lcocDiscounted_', 'USD_per_PFLOP_', 'day']);
    // words: g[compute. | itPowerAvg_ | W␣ | >=␣ | 120000]
    expect(wrap(ctx, 'g[compute.itPowerAvg_W >= 120000]', 90, 3)).toEqual([
      'g[compute.',
      'itPowerAvg_W ',
      '>= 120000]',
    ]);
  });

  it('splits a word wider than a line before its capitals', () => {
    // eclipseComputeFraction (22 characters) → eclipse | Compute | Fraction
    expect(wrap(ctx, 'eclipseComputeFraction', 90, 3)).toEqual(['eclipseCompute', 'Fraction']);
  });

  it('cuts only the last line allowed, and leaves a name that fits whole', () => {
    expect(wrap(ctx, 'lcocDiscounted_USD_per_PFLOP_day', 90, 2)).toEqual(['lcocDiscounted_', 'USD_per_PFLOP_…']);
    expect(wrap(ctx, 'f1', 90, 2)).toEqual(['f1']);
    expect(clip(ctx, 'deliveredPFLOPS', 60)).toBe('delivered…');
  });
});

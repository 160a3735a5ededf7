/**
 * Colour by a column (src/serve/app/colour.ts), against hand counts: a whole-numbered column gets one colour per value
 * inside its axis's span (viridis at evenly spaced steps of viridisLite::viridis(8)), or 8 bins of whole values when
 * it holds more; a design beyond the span is grey, whatever the column. A fractional column's step is ⌊8 t⌋ (the top
 * end in the last step) for every value, and a column chosen again over another span is coloured over that span.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { colouring, MISSING, prepareColouring } from '../../src/serve/app/colour.js';
import type { Dataset } from '../../src/serve/app/data.js';
import { axisScale } from '../../src/serve/app/scales.js';
import { dim } from './dims.js';
import { VIRIDIS8 } from './helpers.js';

/** A dataset of one column x (what colouring reads). */
const dataset = (values: number[]): Dataset =>
  ({
    n: values.length,
    dims: [dim(values, { unit: '-' })],
    runs: [],
    run: new Uint8Array(values.length),
  }) as unknown as Dataset;

describe('colour by a whole-numbered column', () => {
  it('gives each value in the span its colour, and a design beyond it grey', () => {
    const ds = dataset([75, 76, 77, 75, 200]);
    const c = colouring(ds, 'x', (d) => axisScale(d, 'linear', false, [75, 77]));
    // three values: viridis steps 0, round(3.5) = 4 and 7
    expect(c.legend).toEqual([
      { colour: VIRIDIS8[0], label: '75' },
      { colour: VIRIDIS8[4], label: '76' },
      { colour: VIRIDIS8[7], label: '77' },
    ]);
    expect(Array.from(c.index, (k) => c.palette[k])).toEqual([
      VIRIDIS8[0],
      VIRIDIS8[4],
      VIRIDIS8[7],
      VIRIDIS8[0],
      MISSING,
    ]);
  });

  it('bins twenty values in eight bins of whole values', () => {
    const values = Array.from({ length: 20 }, (_, k) => k + 1);
    const c = colouring(dataset(values), 'x', (d) => axisScale(d));
    // value k + 1 in bin ⌊8k / 20⌋
    expect(c.legend.map((e) => e.label)).toEqual([
      '1 – 3',
      '4 – 5',
      '6 – 8',
      '9 – 10',
      '11 – 13',
      '14 – 15',
      '16 – 18',
      '19 – 20',
    ]);
    expect(c.legend.map((e) => e.colour)).toEqual(VIRIDIS8);
  });

  it('bins a fractional column over its span, grey beyond it', () => {
    const c = colouring(dataset([0, 0.5, 1, 1.5]), 'x', (d) => axisScale(d, 'linear', false, [0, 1]));
    // t = 0, 0.5, 1 → steps 0, 4, 7 (the top end in the last step); 1.5 beyond the span
    expect(Array.from(c.index, (k) => c.palette[k])).toEqual([VIRIDIS8[0], VIRIDIS8[4], VIRIDIS8[7], MISSING]);
  });

  it('puts every value of a fractional column in step ⌊8 t⌋ of its span, again over a new span', () => {
    const rng = createRng(5);
    const values = Array.from({ length: 2000 }, (_, k) => (k < 9 ? k / 8 : rng.next()));
    const ds = dataset(values);
    for (const [lo, hi] of [
      [0, 1],
      [0.25, 0.75],
      [0, 1],
    ] as const) {
      const c = colouring(ds, 'x', (d) => axisScale(d, 'linear', false, [lo, hi]));
      const own = values.map((v) => (v < lo || v > hi ? 8 : Math.min(7, Math.floor(((v - lo) / (hi - lo)) * 8))));
      expect(Array.from(c.index), `span ${lo}–${hi}`).toEqual(own);
    }
  });

  it('serves a column coloured ahead to its first choice over the same span only', () => {
    const values = [0, 0.3, 0.5, 0.8, 1];
    const ds = dataset(values);
    const span = (lo: number, hi: number) => (d: Parameters<typeof axisScale>[0]) =>
      axisScale(d, 'linear', false, [lo, hi]);
    const made = prepareColouring(ds, 'x', span(0, 1));
    // the choice takes the colouring made ahead, not one made again
    expect(colouring(ds, 'x', span(0, 1))).toBe(made);
    // ⌊8 t⌋: 0, 2.4, 4, 6.4, 8 (the top end in the last step)
    expect(Array.from(made!.index)).toEqual([0, 2, 4, 6, 7]);
    // another span: its own colours (t = −0.5, 0.1, 0.5, 1.1, 1.5 over 0.25–0.75), not those made ahead
    expect(Array.from(colouring(ds, 'x', span(0.25, 0.75)).index)).toEqual([8, 0, 4, 8, 8]);
  });
});

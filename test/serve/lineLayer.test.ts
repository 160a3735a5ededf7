/**
 * The explorer's front lines as lineLayer.ts writes them (parcoords.ts draws the layer over the binned
 * lines), in Node: every line drawn, in its colour, as wide as asked (its pixels' coverage adds up to its length times
 * its width), the lines of one colour one shape (a line drawn twice is drawn once), a later colour over an earlier
 * one, a line beyond the layer's rows clipped.
 */
import { describe, expect, it } from 'vitest';
import { LineLayer } from '../../src/serve/app/lineLayer.js';
import { rgb } from '../../src/serve/app/raster.js';

const W = 200;
const H = 120;
const COLOURS = ['#440154', '#365c8d', '#1fa187', '#fde725', '#c0392b', '#000000'];

/** The layer's pixel at canvas (x, y): [r, g, b, a]. */
const pixel = (l: LineLayer, x: number, y: number): number[] => {
  const p = 4 * ((y - l.y0) * l.width + x);
  return [...l.data.subarray(p, p + 4)];
};

/** Lines of a colour each, as [colour index, ...segments [xa, ya, xb, yb]]. */
function draw(lines: readonly [number, ...(readonly [number, number, number, number])[]][], y0 = 10): LineLayer {
  const layer = new LineLayer(W, H, y0);
  layer.clear();
  for (let c = 0; c < COLOURS.length; c++) {
    const of = lines.filter((l) => l[0] === c);
    if (of.length === 0) continue;
    layer.stroke(COLOURS[c]!);
    for (const [, ...segments] of of) for (const [xa, ya, xb, yb] of segments) layer.segment(xa, ya, xb, yb, 1);
  }
  layer.finish();
  return layer;
}

describe('LineLayer: the front lines of parallel coordinates', () => {
  it('draws every line, in its colour and 2 px wide, clear of the others', () => {
    // six lines 18 px apart, each through three axes, gently sloped
    const lines = COLOURS.map(
      (_, c) =>
        [c, [10, 20 + 18 * c, 90, 23.3 + 18 * c], [90, 23.3 + 18 * c, 170, 18.6 + 18 * c]] as [
          number,
          [number, number, number, number],
          [number, number, number, number],
        ],
    );
    const layer = draw(lines);
    for (const [c, first, second] of lines) {
      const [r, g, b] = rgb(COLOURS[c]!);
      // its centre's pixel in every column: opaque, its colour
      for (const [xa, ya, xb, yb] of [first, second])
        for (let x = xa; x < xb; x++) {
          const p = pixel(layer, x, Math.floor(ya + ((x + 0.5 - xa) * (yb - ya)) / (xb - xa)));
          expect(p).toEqual([r, g, b, 255]);
        }
      // its coverage, summed over its band of rows, its length times 2 px
      let area = 0;
      for (let y = 10 + 18 * c; y < 10 + 18 * (c + 1); y++)
        for (let x = 0; x < W; x++) area += pixel(layer, x, y + 6)[3]! / 255;
      const length = Math.hypot(80, 3.3) + Math.hypot(80, 4.7);
      expect(area / (2 * length)).toBeGreaterThan(0.98);
      expect(area / (2 * length)).toBeLessThan(1.02);
    }
  });

  it('draws a steep line as wide across as a level one, and nothing outside its columns', () => {
    const layer = draw([[0, [50, 15, 100, 115]]]);
    let area = 0;
    for (let y = 10; y < 10 + H; y++)
      for (let x = 0; x < W; x++) {
        const a = pixel(layer, x, y)[3]!;
        if (x < 50 || x >= 100) expect(a).toBe(0);
        area += a / 255;
      }
    expect(area / (2 * Math.hypot(50, 100))).toBeGreaterThan(0.97);
    expect(area / (2 * Math.hypot(50, 100))).toBeLessThan(1.03);
  });

  it('draws the lines of a colour as one shape, and a later colour over an earlier one', () => {
    const once = draw([[1, [10, 40, 180, 90]]]);
    const twice = draw([
      [1, [10, 40, 180, 90]],
      [1, [10, 40, 180, 90]],
    ]);
    expect(twice.data).toEqual(once.data);
    // crossing lines: where they cross, the later colour
    const crossed = draw([
      [0, [10, 40, 180, 90]],
      [3, [10, 90, 180, 40]],
    ]);
    // the later line's centre at x = 95.5: 90 − 85.5 · 50 / 170 = 64.9
    expect(pixel(crossed, 95, 64)).toEqual([...rgb(COLOURS[3]!), 255]);
  });

  it("clips a line at the layer's top and bottom rows", () => {
    // from above row 10 (the layer's first) to below its last, 130
    const layer = draw([[2, [0, 0, 199, 140]]], 10);
    expect(layer.data.length).toBe(4 * W * H);
    expect(pixel(layer, 100, Math.floor((100.5 * 140) / 199))[3]).toBe(255);
    expect(pixel(layer, 14, 10)[3]).toBeGreaterThan(0);
    expect(pixel(layer, 183, 129)[3]).toBeGreaterThan(0);
  });
});

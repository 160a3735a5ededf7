/**
 * The charts' frame: tick labels that would overlap are dropped as vega drops them (every other one on a linear axis,
 * its end labels flush with the plot; greedily on a log axis, powers of ten first), judged by vega's estimate of
 * 0.8 em a character at 11 px; legends taller than the plot stay on the canvas.
 */
import { describe, expect, it } from 'vitest';
import { chartSvg, frameAxes, titleBlock } from '../../../src/report/constellation/extrasChart.js';
import { squareMark } from '../../../src/report/plots/svg.js';

const f = { x: 50, y: 40, width: 320, height: 100 };
const labels = (svg: string): string[] =>
  [...svg.match(/<g class="mark-text role-axis-label">(.*?)<\/g>/)![1]!.matchAll(/>([^<]*)<\/text>/g)].map(
    (m) => m[1]!,
  );

describe('chart frame', () => {
  it('keeps every other x label where neighbours would overlap, and all where they fit', () => {
    const at = Array.from({ length: 9 }, (_, i) => f.x + 40 * i);
    const none = { at: [], labels: [], title: null, grid: true };
    // '2030' is 35.2 px wide: flush at the left end it spans 0–35.2 px, the next (centred at 40) 22.4–57.6: overlap
    const years = frameAxes(f, { at, labels: at.map((_, i) => String(2030 + i)), title: null, grid: true }, none);
    expect(labels(years)).toEqual(['2030', '2032', '2034', '2036', '2038']);
    expect(years).toMatch(/<text x="50" [^>]*>2030</); // flush left: anchored at its start
    expect(years).toMatch(/<text x="370" [^>]*text-anchor="end"[^>]*>2038</);
    // one character is 8.8 px: all fit
    const digits = frameAxes(f, { at, labels: at.map((_, i) => String(i)), title: null, grid: true }, none);
    expect(labels(digits)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('keeps the powers of ten of a log axis and then whichever others clear them by 2 px', () => {
    const none = { at: [], labels: [], title: null, grid: true };
    const y = {
      at: [140, 130, 125, 90, 85, 40],
      labels: ['1', '2', '3', '10', '20', '100'],
      title: null,
      grid: true,
      overlap: 'greedy' as const,
      first: [0, 3, 5],
    };
    // 11 px labels: '2' is 10 px from '1' (hidden), '3' 15 px (kept), '20' 5 px from '10' (hidden)
    expect(labels(frameAxes(f, none, y))).toEqual(['1', '3', '10', '100']);
  });

  it('sizes the canvas to hold a legend taller than the plot and escapes titles', () => {
    const head = titleBlock('a < b', ['c & d']);
    expect(head.svg).toContain('>a &lt; b</text>');
    expect(head.svg).toContain('>c &amp; d</text>');
    const flat = { x: 50, y: head.bottom, width: 300, height: 20 };
    const entries = Array.from({ length: 8 }, (_, i) => ({ name: `shell ${i}`, mark: squareMark('#1f77b4') }));
    const svg = chartSvg(head, flat, '', [{ title: 'shell', entries }], null);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const lastY = Math.max(...[...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(height).toBeGreaterThan(lastY + 4);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width).toBeGreaterThan(50 + 300 + 18 + 20); // the legend right of the plot
  });
});

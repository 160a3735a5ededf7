/**
 * Layout of the hand-written constellation plots' axes and legends against vega's own SVG of the same plots (the
 * shipped constellation study's ground-track.svg and shell-planes.svg as vega 5 drew them): x-axis labels 16 px below
 * the axis (5 px tick + 2 px + 0.79 × 11 px), legend entries 17 px below the legend title and 14 px apart, a
 * two-entry vertical legend 43 px tall.
 */
import { describe, expect, it } from 'vitest';
import { axisSvg, baselineShift, legendSvg } from '../../../src/report/constellation/plotChrome.js';

describe('plot chrome', () => {
  it("shifts baselines as vega's SVG renderer: round(0.79, 0.30 or −0.21 font sizes)", () => {
    expect(baselineShift('top', 11)).toBe(9); // 8.69
    expect(baselineShift('middle', 10)).toBe(3);
    expect(baselineShift('bottom', 12)).toBe(-3); // −2.52
  });

  it('lays legend entries out in a column 14 px apart or in a row by their estimated widths', () => {
    const entries = ['low', 'dawn-dusk'].map((name) => ({ name, symbol: '<path d="M0,0"/>' }));
    const column = legendSvg(0, 0, 'shell', entries, 'vertical');
    expect([...column.svg.matchAll(/role-legend-entry" transform="translate\(([^)]+)\)/g)].map((m) => m[1])).toEqual([
      '0,17',
      '0,31',
    ]);
    expect(column.height).toBe(43);
    const row = legendSvg(0, 0, 'shell', entries, 'horizontal');
    // 16 px symbol + 'low' at 3 × 0.58 × 12 px = 20.88 px + 12 px between entries = 48.88 px
    expect([...row.svg.matchAll(/role-legend-entry" transform="translate\(([^)]+)\)/g)].map((m) => m[1])).toEqual([
      '0,17',
      '48.9,17',
    ]);
    expect(row.width).toBeCloseTo(48.88 + 16 + 9 * 0.58 * 12, 9);
  });

  it('puts x labels below or above the axis, flush at the ends, in one group per axis', () => {
    const bottom = axisSvg(
      { orient: 'bottom', values: [0, 50, 100], scale: (v) => 2 * v, format: String, title: 'x [m]' },
      200,
      100,
    );
    expect(bottom).toContain('<g transform="translate(0.5,100.5)">');
    expect(bottom).toContain('<text x="0" y="16" font-size="11" fill="#000">0</text>');
    expect(bottom).toContain('<text x="100" y="16" font-size="11" text-anchor="middle" fill="#000">50</text>');
    expect(bottom).toContain('<text x="200" y="16" font-size="11" text-anchor="end" fill="#000">100</text>');
    const top = axisSvg({ orient: 'top', values: [50], scale: (v) => 2 * v, format: String, title: 't' }, 200, 100);
    // 5 px tick + 2 px above the axis, bottom baseline: −7 − 2 = −9; title 22 px above, −22 − 3 = −25
    expect(top).toContain('<text x="100" y="-9" font-size="11" text-anchor="middle" fill="#000">50</text>');
    expect(top).toContain('<text x="100" y="-25" font-size="12" text-anchor="middle" fill="#000">t</text>');
    expect(bottom.match(/role-axis-label/g)).toHaveLength(1);
  });
});

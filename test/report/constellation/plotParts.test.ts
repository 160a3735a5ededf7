import { describe, expect, it } from 'vitest';
import {
  circleLegend,
  gradientLegend,
  linearAxis,
  plotTop,
  viridis,
} from '../../../src/report/constellation/plotParts.js';

describe('linearAxis', () => {
  it("takes vega-lite's one tick per 40 px on d3's 1-2-5 steps", () => {
    // 400 px → 10 ticks over 1,160 km: 116 km a tick rounds to 100 km
    const a = linearAxis([420, 1580], 400, 'altitude [km]');
    expect(a.values).toEqual([500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500]);
    expect(a.values.map(a.format)).toContain('1,000');
    // 640 px → 16 ticks over 26.5°: 1.66° rounds to 2°
    expect(linearAxis([36.5, 63], 640, 'i').values[0]).toBe(38);
  });

  it('keeps whole ticks at least one apart for an index axis (tickMinStep 1)', () => {
    // 320 px would give 8 ticks over [−0.7, 3.7]; one step of 1 limits them to ⌊4.4⌋ + 1 = 5 → step 1
    const a = linearAxis([-0.7, 3.7], 320, 'plane', { integer: true });
    expect(a.values).toEqual([0, 1, 2, 3]);
    // a single plane: [−0.7, 0.3] → 2 ticks of 0.5, of which only 0 is whole
    expect(linearAxis([-0.7, 0.3], 320, 'plane', { integer: true }).values).toEqual([0]);
  });
});

describe('plotTop', () => {
  const titles = { title: 't', subtitle: ['a', 'b', 'c'] };
  it('leaves room for the title, each subtitle line and a tick label at the top edge', () => {
    // 5 px padding + 18 px title + 14 px a subtitle line
    // ticks of 0.1 up to 1.2 on [0, 1.25]: the top one 16 px below the edge
    expect(plotTop(titles, linearAxis([0, 1.25], 400, 'y'), 400)).toBe(5 + 18 + 3 * 14);
    // a tick at the top edge: half an 11 px label reaches above the frame, 6 px more
    expect(plotTop(titles, linearAxis([0, 6], 240, 'y'), 240)).toBe(5 + 18 + 3 * 14 + 6);
  });
});

describe('viridis', () => {
  it("matches matplotlib's viridis at its ends and middle to one level", () => {
    // matplotlib viridis (van der Walt and Smith, 2015): #440154, #21918c, #fde725
    const rgb = (t: number): number[] => viridis(t).match(/\d+/g)!.map(Number);
    const published = [
      [0, [0x44, 0x01, 0x54]],
      [0.5, [0x21, 0x91, 0x8c]],
      [1, [0xfd, 0xe7, 0x25]],
    ] as const;
    for (const [t, c] of published) rgb(t).forEach((v, k) => expect(Math.abs(v - c[k]!)).toBeLessThanOrEqual(1));
    expect(viridis(1.5)).toBe(viridis(1));
    expect(viridis(-1)).toBe(viridis(0));
    expect(viridis(NaN)).toBe('none');
  });
});

describe('legends', () => {
  it('writes a circle legend entry per row, circles of the given radius, escaped labels', () => {
    const l = circleLegend(
      100,
      10,
      ['kind'],
      [
        { label: 'a<b', r: 5, style: 'fill="#f00"' },
        { label: 'c', r: 10, style: 'fill="#0f0"' },
      ],
    );
    expect(l.svg.match(/<path /g)?.length).toBe(2);
    expect(l.svg).toContain('d="M5,0A5,5,0,1,1,-5,0');
    expect(l.svg).toContain('>a&lt;b<');
    // title line 14 px + 3, rows of 2r + 2 px with 4 px between them: 17 + 12 + 4 + 22
    expect(l.height).toBe(17 + 12 + 4 + 22);
  });

  it('places gradient labels along a 200 px bar, 0 at the bottom', () => {
    const g = gradientLegend(0, 0, 'u', 'p-grad0', ['#000', '#fff'], [0, 0.5, 1], String);
    // entries start 17 px down (one title line): 0.5 sits 100 px above the bar's bottom at 217, and svg.ts puts a
    // middle-aligned 12 px text's baseline 0.35 × 12 px below its anchor
    expect(g.svg).toMatch(/<text x="18" y="121.2"[^>]*>0.5<\/text>/);
    expect(g.svg).toContain('<linearGradient id="p-grad0" x1="0" x2="0" y1="1" y2="0">');
    expect(g.svg).toContain('fill="url(#p-grad0)"');
  });
});

import { describe, expect, it } from 'vitest';
import { chart } from '../../src/chart/chart.js';

/**
 * The chart layer's map and graph parts (chartMarks.ts and the hooks in chart.ts) checked by what a chart shows, worked
 * by hand: polylines in data units at their scales' pixels, tick values given and labelled with the decimals their step
 * needs, a second x axis at the bottom axis's pixels, legends below the frame and a size legend.
 */
const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 9);

describe('a map frame with polylines', () => {
  // 2 px a degree: longitude −180…180 over 720 px, latitude −90…90 over 360 px
  const s = chart({
    width: 720,
    height: 360,
    x: { title: 'longitude [deg]', domain: [-180, 180], values: [-180, -90, 0, 90, 180] },
    y: { title: 'latitude [deg]', domain: [-90, 90], values: [-45, 0, 45] },
    marks: [
      {
        type: 'paths',
        color: '#999',
        paths: [
          {
            points: [
              { x: 0, y: 0 },
              { x: 90, y: 45 },
            ],
          },
          { points: [{ x: 10, y: 10 }] }, // one point: nothing to draw
          {
            points: [
              { x: -180, y: -90 },
              { x: 180, y: 90 },
            ],
            color: '#d62728',
          },
        ],
      },
      { type: 'dots', color: '#333', shape: 'triangle-up', area: 20, points: [{ x: -90, y: 30 }] },
    ],
  });
  const at = (lon: number, lat: number): [number, number] => [s.frame.x + 2 * (lon + 180), s.frame.y + 2 * (90 - lat)];

  it('draws each polyline of two points or more at its pixels, in its own colour or the mark’s', () => {
    expect(s.lines.map((l) => l.color)).toEqual(['#999', '#d62728']);
    const want = [
      [at(0, 0), at(90, 45)],
      [at(-180, -90), at(180, 90)],
    ];
    s.lines.forEach((l, k) =>
      l.points.forEach(([x, y], j) => {
        close(x, want[k]![j]![0]);
        close(y, want[k]![j]![1]);
      }),
    );
    close(s.dots[0]!.x, at(-90, 30)[0]);
    close(s.dots[0]!.y, at(-90, 30)[1]);
  });

  it('puts the given tick values at their pixels, with a Unicode minus', () => {
    expect(s.xTicks.map((t) => t.label)).toEqual(['−180', '−90', '0', '90', '180']);
    s.xTicks.forEach((t, k) => close(t.at, s.frame.x + 180 * k));
    expect(s.yTicks.map((t) => t.label)).toEqual(['−45', '0', '45']);
    close(s.yTicks[0]!.at, s.frame.y + 270);
  });
});

describe('a second x axis and legends below', () => {
  const base = {
    width: 400,
    height: 100,
    x: { title: 'RAAN [deg]', domain: [0, 360] as [number, number], values: [0, 0.5, 1] },
    y: { title: 'altitude [km]', domain: [500, 600] as [number, number] },
    marks: [],
  };
  const long = { title: 'shell', entries: [{ name: 'x'.repeat(80), color: '#1f77b4', symbol: 'line' as const }] };

  it('labels given values by the decimals of their smallest step', () => {
    expect(chart(base).xTicks.map((t) => t.label)).toEqual(['0.0', '0.5', '1.0']);
  });

  it('places the top axis ticks where the bottom scale maps their values, above the frame', () => {
    const plain = chart(base);
    const s = chart({
      ...base,
      top: {
        title: 'LTAN [h]',
        ticks: [
          { value: 90, label: '06:00' },
          { value: 270, label: '18:00' },
        ],
      },
    });
    // 90° of 360° over 400 px
    expect(s.topTicks.map((t) => t.label)).toEqual(['06:00', '18:00']);
    close(s.topTicks[0]!.at, s.frame.x + 100);
    close(s.topTicks[1]!.at, s.frame.x + 300);
    // the frame moves down by the top axis's room: 40 px
    close(s.frame.y - plain.frame.y, 40);
    expect(plain.topTicks).toEqual([]);
  });

  it('sets a long legend below the x axis: the chart grows down, not right', () => {
    const right = chart({ ...base, legends: [long] });
    const below = chart({ ...base, legends: [long], legendBelow: true });
    // 80 characters of 12 px at 0.58 em: 556.8 px, + 20 px for the symbol
    close(right.width, Math.ceil(right.frame.x + 400 + 18 + 576.8 + 10));
    close(below.width, Math.ceil(below.frame.x + 576.8 + 10));
    // below: the tick labels (7 + 11 px) and the axis title (6 + 16 px), an 8 px gap, then the title row and the
    // entry row (18 px each), then 5 px of padding
    close(below.height, Math.ceil(below.frame.y + 100 + 40 + 8 + 36 + 5));
  });

  it('lets a legend row grow to its symbol: a 900 px² circle takes 2·√(900/π) + 4 px', () => {
    const three = (size?: number) =>
      chart({
        ...base,
        height: 10,
        y: { title: null, domain: [0, 1] },
        legends: [
          {
            title: null,
            entries: ['a', 'b', 'c'].map((name) => ({
              name,
              color: '#000',
              symbol: 'circle' as const,
              ...(size === undefined ? {} : { size }),
            })),
          },
        ],
      });
    // a 10 px frame and no y title: the legend's rows set the height (frame top + rows + 5 px padding)
    const small = three(),
      big = three(900);
    close(small.height, Math.ceil(small.frame.y + 3 * 18 + 5));
    close(big.height, Math.ceil(big.frame.y + 3 * (2 * Math.sqrt(900 / Math.PI) + 4) + 5));
  });
});

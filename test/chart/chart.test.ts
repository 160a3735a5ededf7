import { describe, expect, it } from 'vitest';
import { chart, concat, decadeLabel, drawn, TABLEAU10 } from '../../src/chart/chart.js';

/**
 * The plotting layer checked by what a chart shows (its Scene: frame, ticks, legends, dots), with expectations worked
 * out by hand: a linear scale maps d to frame.x + (d − d0) / (d1 − d0) · width (y: from the frame's bottom up), a log
 * scale maps by log10, tick values follow the 1-2-5 rule, labels carry thousands separators.
 */
const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 6);
/** A 200 × 100 px frame over [0, 1] × [0, 1]. */
const UNIT = {
  width: 200,
  height: 100,
  x: { title: 'x [-]', domain: [0, 1] },
  y: { title: 'y [-]', domain: [0, 1] },
} as const;

describe('scatter', () => {
  const s = chart({
    width: 400,
    height: 200,
    x: { title: 'mass [kg]', domain: [0, 100] },
    y: { title: 'power [kW]', domain: [0, 10] },
    marks: [
      {
        type: 'dots',
        color: '#d62728',
        points: [
          { x: 25, y: 5 },
          { x: 100, y: 0 },
        ],
      },
    ],
    legends: [{ title: 'kind', entries: [{ name: 'design', color: '#d62728', symbol: 'circle' }] }],
  });

  it('draws each point at the pixel its scales map it to', () => {
    const f = s.frame;
    expect(s.dots).toHaveLength(2);
    close(s.dots[0]!.x, f.x + 0.25 * 400);
    close(s.dots[0]!.y, f.y + 200 - 0.5 * 200);
    close(s.dots[1]!.x, f.x + 400);
    close(s.dots[1]!.y, f.y + 200);
    expect(s.dots[0]!.color).toBe('#d62728');
  });

  it('ticks every 20 kg (5 for 400 px) and every 2 kW (5 for 200 px), at their pixels', () => {
    expect(s.xTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(s.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
    close(s.xTicks[1]!.at, s.frame.x + 80);
    close(s.yTicks[1]!.at, s.frame.y + 200 - 40);
  });

  it('keeps the legend, titles and tick labels inside the document', () => {
    expect(s.legends[0]!.entries).toEqual([{ name: 'design', color: '#d62728', symbol: 'circle' }]);
    const svg = drawn({
      width: 400,
      height: 200,
      x: { title: 'a [m]', domain: [0, 1] },
      y: { title: 'b [s]', domain: [0, 1] },
      marks: [],
    }).svg;
    expect(svg).toContain('>a [m]</text>');
    expect(svg).toContain('>b [s]</text>');
    expect(s.frame.x).toBeGreaterThan(0);
    expect(s.width).toBeGreaterThan(s.frame.x + 400 + 18);
    expect(s.height).toBeGreaterThan(s.frame.y + 200 + 24);
  });
});

describe('tick labels', () => {
  it('thousands separators and the decimals the step needs', () => {
    const s = chart({
      width: 400,
      height: 200,
      x: { title: 'x [-]', domain: [0, 5000] },
      y: { title: 'y [-]', domain: [0, 0.5] },
      marks: [],
    });
    expect(s.xTicks.map((t) => t.label)).toEqual(['0', '1,000', '2,000', '3,000', '4,000', '5,000']);
    expect(s.yTicks.map((t) => t.label)).toEqual(['0.0', '0.1', '0.2', '0.3', '0.4', '0.5']);
  });

  it('integer axes tick whole numbers only', () => {
    const s = chart({
      width: 400,
      height: 100,
      x: { title: 'generation [-]', domain: [0, 3], integer: true },
      y: { title: 'y [-]', domain: [0, 1] },
      marks: [],
    });
    expect(s.xTicks.map((t) => t.value)).toEqual([0, 1, 2, 3]);
  });

  it('negative values with a minus sign', () => {
    const s = chart({
      width: 400,
      height: 100,
      x: { title: 'x [-]', domain: [-2, 2] },
      y: { title: 'y [-]', domain: [0, 1] },
      marks: [],
    });
    expect(s.xTicks.map((t) => t.label)).toEqual(['−2', '−1', '0', '1', '2']);
  });
});

describe('log axis over six decades', () => {
  const s = chart({
    width: 600,
    height: 200,
    x: { kind: 'log', title: 'price [USD/kg]', domain: [1, 1e6] },
    y: { title: 'y [-]', domain: [0, 1] },
    marks: [{ type: 'dots', color: '#000', points: [{ x: 1000, y: 0 }] }],
  });

  it('ticks and labels at each decade, evenly spaced', () => {
    expect(s.xTicks.map((t) => t.value)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6]);
    expect(s.xTicks.map((t) => t.label)).toEqual(['1', '10', '100', '1,000', '10,000', '100,000', '1,000,000']);
    s.xTicks.forEach((t, i) => close(t.at, s.frame.x + (600 * i) / 6));
  });

  it('maps 1,000 to the middle of the axis', () => close(s.dots[0]!.x, s.frame.x + 300));

  it('decade labels beyond a million and below a thousandth are powers of ten', () => {
    expect(decadeLabel(1e9)).toBe('10⁹');
    expect(decadeLabel(1e-6)).toBe('10⁻⁶');
    expect(decadeLabel(0.001)).toBe('0.001');
  });
});

describe('bars', () => {
  const s = chart({
    width: 300,
    height: 100,
    x: { title: 'cost [billion USD]', domain: [0, 10] },
    y: { kind: 'band', title: null, categories: ['a', 'b'] },
    marks: [
      {
        type: 'bars',
        bars: [
          { x: [0, 4], y: 'a', color: TABLEAU10[0]! },
          { x: [4, 10], y: 'a', color: TABLEAU10[1]! },
        ],
      },
    ],
    legends: [
      {
        title: 'component',
        entries: [
          { name: 'hardware', color: TABLEAU10[0]! },
          { name: 'launch', color: TABLEAU10[1]! },
        ],
      },
    ],
  });

  it('one tick per category at its band centre, categories top down', () => {
    expect(s.yTicks.map((t) => t.label)).toEqual(['a', 'b']);
    // band step 100 / (2 − 0.1 + 2·0.05) = 50; centre of band i: 0.05·50 + i·50 + 0.9·50 / 2
    close(s.yTicks[0]!.at, s.frame.y + 2.5 + 22.5);
    close(s.yTicks[1]!.at, s.frame.y + 2.5 + 50 + 22.5);
  });

  it('stacked bars start where the previous one ends', () => {
    const rects = [
      ...drawn({
        ...{ width: 300, height: 100 },
        x: { title: 'c [-]', domain: [0, 10] },
        y: { kind: 'band', title: null, categories: ['a'] },
        marks: [
          {
            type: 'bars',
            bars: [
              { x: [0, 4], y: 'a', color: '#111111' },
              { x: [4, 10], y: 'a', color: '#222222' },
            ],
          },
        ],
      }).svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="(#\d+)"/g),
    ];
    expect(rects.map((r) => r[3])).toEqual(['#111111', '#222222']);
    close(+rects[0]![2]!, 120);
    close(+rects[1]![1]!, +rects[0]![1]! + 120);
    close(+rects[1]![2]!, 180);
    expect(s.legends[0]!.entries.map((e) => e.color)).toEqual([TABLEAU10[0], TABLEAU10[1]]);
  });
});

describe('empty and single-point series', () => {
  it('an empty series draws axes and no dot', () => {
    const s = chart({
      ...UNIT,
      marks: [
        { type: 'dots', color: '#000', points: [] },
        { type: 'line', color: '#000', points: [] },
      ],
    });
    expect(s.dots).toEqual([]);
    expect(s.xTicks.length).toBeGreaterThan(1);
  });

  it('a single point on a zero-width domain sits in the middle, with ticks around it', () => {
    const s = chart({
      width: 200,
      height: 100,
      x: { title: 'x [-]', domain: [5, 5] },
      y: { title: 'y [-]', domain: [0, 1] },
      marks: [{ type: 'dots', color: '#000', points: [{ x: 5, y: 1 }] }],
    });
    close(s.dots[0]!.x, s.frame.x + 100);
    close(s.dots[0]!.y, s.frame.y);
    expect(s.xTicks.map((t) => t.value)).toContain(5);
  });

  it('an all-zero series sits at the bottom of a [0, 1] axis', () => {
    const s = chart({
      width: 200,
      height: 100,
      x: { title: 'x [-]', domain: [0, 1] },
      y: { title: 'y [-]', domain: [0, 0] },
      marks: [{ type: 'dots', color: '#000', points: [{ x: 0, y: 0 }] }],
    });
    close(s.dots[0]!.y, s.frame.y + 100);
    expect(s.yTicks[0]!.value).toBe(0);
  });

  it('a point that is not finite is left out', () => {
    const s = chart({
      ...UNIT,
      marks: [
        {
          type: 'dots',
          color: '#000',
          points: [
            { x: NaN, y: 1 },
            { x: 0.5, y: 0.5 },
          ],
        },
      ],
    });
    expect(s.dots).toHaveLength(1);
  });
});

describe('concat', () => {
  it('sets charts side by side with the figure legend counted with the first', () => {
    const a = chart({
      width: 100,
      height: 100,
      x: { title: 'x [-]', domain: [0, 1] },
      y: { title: 'y [-]', domain: [0, 1] },
      marks: [],
    });
    const d = concat([[a, a]], {
      legends: [{ title: null, entries: [{ name: 'p5 / p95', color: '#555', symbol: 'dash' }] }],
      gap: 30,
    });
    expect(d.scenes).toHaveLength(2);
    expect(d.scenes[0]!.legends[0]!.entries[0]!.name).toBe('p5 / p95');
    expect(d.svg).toContain(`translate(${a.width + 30},0)`);
  });
});

describe('marks for many points and lines', () => {
  it('dots by reference: the symbol defined once, each point placed at its pixel', () => {
    const d = drawn({
      ...UNIT,
      marks: [
        {
          type: 'dots',
          color: '#6baed6',
          opacity: 0.6,
          symbolId: 'p-s0',
          points: [
            { x: 0, y: 0 },
            { x: 0.5, y: 1 },
          ],
        },
      ],
    });
    const [s] = d.scenes;
    const f = s!.frame;
    const want = [
      [f.x, f.y + 100],
      [f.x + 100, f.y],
    ];
    s!.dots.forEach((p, i) => {
      close(p.x, want[i]![0]!);
      close(p.y, want[i]![1]!);
    });
    expect(d.svg.match(/id="p-s0"/g)).toHaveLength(1);
    // written to 0.1 px
    const uses = [...d.svg.matchAll(/<use xlink:href="#p-s0" x="([\d.]+)" y="([\d.]+)"\/>/g)];
    expect(uses).toHaveLength(2);
    uses.forEach((u, i) => {
      expect(Math.abs(+u[1]! - want[i]![0]!)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(+u[2]! - want[i]![1]!)).toBeLessThanOrEqual(0.05);
    });
  });

  it('polylines through band centres (one band axis, one hidden axis without ticks)', () => {
    // 3 bands over 300 px: step 300 / (3 − 0.1 + 2·0.05) = 100, centres at 50, 150, 250
    const s = chart({
      width: 300,
      height: 100,
      x: { kind: 'band', title: null, categories: ['a', 'b', 'c'] },
      y: { title: null, domain: [0, 1], hidden: true },
      marks: [
        {
          type: 'lines',
          color: '#4c78a8',
          series: [
            [
              { x: 'a', y: 0 },
              { x: 'b', y: 1 },
              { x: 'c', y: 0.5 },
            ],
            [],
          ],
        },
      ],
    });
    expect(s.yTicks).toEqual([]);
    expect(s.lines).toHaveLength(1); // the empty series draws nothing
    const f = s.frame;
    const pts = s.lines[0]!.points;
    [
      [50, 100],
      [150, 0],
      [250, 50],
    ].forEach(([x, y], i) => {
      close(pts[i]![0], f.x + x!);
      close(pts[i]![1], f.y + y!);
    });
  });

  it('rotated and stacked category labels stay inside the document', () => {
    const long = 'a rather long category name [unit]';
    const rotated = chart({
      width: 200,
      height: 100,
      x: { kind: 'band', title: null, categories: [long, 'b'], labelAngle: -30 },
      y: { title: 'y [-]', domain: [0, 1] },
      marks: [],
    });
    // the label ends at its tick (band centre 50 px in) and runs down-left at 30°: its start must be right of x = 0
    // and its bottom above the document's (width estimated at 0.58 em of 11 px per character)
    const w = long.length * 11 * 0.58;
    const tick = rotated.xTicks[0]!.at;
    expect(tick - w * Math.cos(Math.PI / 6)).toBeGreaterThanOrEqual(0);
    expect(rotated.frame.y + 100 + 10 + w * Math.sin(Math.PI / 6)).toBeLessThanOrEqual(rotated.height);
    const stacked = drawn({
      width: 200,
      height: 100,
      x: { kind: 'band', title: 'step [-]', categories: ['0', '1'], labels: ['cost\n[USD]', 'mass\n[kg]'] },
      y: { title: 'y [-]', domain: [0, 1] },
      marks: [],
    });
    expect(stacked.scenes[0]!.xTicks.map((t) => t.label)).toEqual(['cost\n[USD]', 'mass\n[kg]']);
    for (const row of ['cost', '[USD]', 'mass', '[kg]']) expect(stacked.svg).toContain(`>${row}</text>`);
  });
});

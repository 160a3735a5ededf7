/**
 * The hand-written SVG plots (src/report/plots/svg.ts, svgPlots.ts): tick rules against d3-array's published
 * examples, and the geometry of each plot checked against hand-computed pixel positions — a point at a
 * domain corner must land on the frame's corner, bar heights must be proportional to their values.
 */
import { describe, expect, it } from 'vitest';
import { linear, niceMax, px, symbolPath, tickFormat, ticks, tickStep } from '../../../src/report/plots/svg.js';
import { convergenceSvg, objectiveMatrixSvg, parallelSvg, waterfallSvg } from '../../../src/report/plots/svgPlots.js';

const attr = (el: string, name: string): number => Number(new RegExp(`\\s${name}="([^"]+)"`).exec(el)![1]);
const all = (svg: string, re: RegExp): string[] => svg.match(re) ?? [];
/**
 * The points drawn in the first group with `group` in its tag: [x, y] of each symbol reference, and the symbols' ids.
 */
const uses = (svg: string, group: string): { at: [number, number][]; ids: string[] } => {
  const g = svg.slice(svg.indexOf(group));
  const body = g.slice(0, g.indexOf('</g>'));
  const refs = [...body.matchAll(/<use xlink:href="#([^"]+)" x="([-\d.]+)" y="([-\d.]+)"\/>/g)];
  return { at: refs.map((m) => [Number(m[2]), Number(m[3])]), ids: [...new Set(refs.map((m) => m[1]!))] };
};

describe('ticks (1-2-5 rule)', () => {
  it('matches d3-array: ticks(0, 1, 10) = 0, 0.1, …, 1 printed without float noise; ticks(0, 10, 5) steps by 2; ticks(-0.3, 0.97, 5) by 0.2', () => {
    // d3-array README: d3.ticks(0, 1, 10) → [0, 0.1, 0.2, …, 1]
    const t = ticks(0, 1, 10);
    expect(t.values.map(tickFormat(t.step))).toEqual([
      '0.0',
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
      '1.0',
    ]);
    expect(t.values[3]).toBe(0.3); // 3 / 10, not 3 · 0.1 = 0.30000000000000004
    expect(ticks(0, 10, 5).values).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(-0.3, 0.97, 5).values).toEqual([-0.2, 0, 0.2, 0.4, 0.6, 0.8]);
    // span 7,000 over 5 ticks: raw step 1,400 → 10^3 · 1 (1.4 < √2)
    expect(tickStep(8000, 15000, 5)).toBe(1000);
    expect(tickFormat(1000)(12000)).toBe('12,000');
    expect(tickFormat(0.05)(-0.35)).toBe('−0.35');
    expect(niceMax(0.872)).toBe(1); // step 0.2 over [0, 0.872]: 5 · 0.2
    expect(niceMax(188)).toBe(200);
  });

  it('symbol paths enclose the requested area: circle radius √(A/π), cross and diamond half-width √A/2', () => {
    expect(symbolPath('circle', 100 * Math.PI)).toBe('M10,0A10,10,0,1,1,-10,0A10,10,0,1,1,10,0Z');
    expect(symbolPath('diamond', 400)).toBe('M-10,0L0,-10L10,0L0,10Z');
    expect(symbolPath('cross', 400)).toContain('M-10,-4H-4V-10');
    expect(linear(0, 10, 100, 200)(2.5)).toBe(125);
    // tenths of a pixel, as Math.round(v · 10) / 10 would print them
    expect([12.34, -0.04, -0.06, -12.35, 7, 0.96, 1e6 + 0.25].map(px)).toEqual([
      '12.3',
      '0',
      '-0.1',
      '-12.3',
      '7',
      '1',
      '1000000.3',
    ]);
  });
});

describe('objective space', () => {
  const axes = [
    { title: 'f1 (min) [-]', domain: [0, 1] as const },
    { title: 'f2 (min) [-]', domain: [0, 2] as const },
  ];
  const cats = [
    { name: 'feasible design', color: '#6baed6', shape: 'circle', size: 16, opacity: 0.6 },
    { name: 'Pareto front', color: '#d62728', shape: 'circle', size: 36, opacity: 0.9 },
  ];

  it('puts domain corners on the frame corners and the centre in the middle; points far outside are left out', () => {
    const points = [
      { cat: 'feasible design', o0: 0, o1: 0 },
      { cat: 'feasible design', o0: 1, o1: 2 },
      { cat: 'feasible design', o0: 0.5, o1: 1 },
      { cat: 'feasible design', o0: 5, o1: 1 }, // far right of the axis: not drawn
      { cat: 'Pareto front', o0: 0.25, o1: 0.5 },
    ];
    const svg = objectiveMatrixSvg(points, axes, cats, 'evaluations');
    const frame = all(svg, /<rect class="frame"[^>]*>/g)[0]!;
    const [fx, fy, fw, fh] = ['x', 'y', 'width', 'height'].map((k) => attr(frame, k)) as [
      number,
      number,
      number,
      number,
    ];
    expect([fw, fh]).toEqual([620, 400]); // the 2-objective panel size
    const feasible = uses(svg, 'fill="#6baed6"');
    expect(feasible.at).toEqual([
      [fx, fy + fh],
      [fx + fw, fy],
      [fx + fw / 2, fy + fh / 2],
    ]);
    const front = uses(svg, 'fill="#d62728" fill-opacity="0.9"');
    expect(front.at).toEqual([[fx + fw / 4, fy + fh * 0.75]]);
    // each category's points reference its own symbol, defined once with that category's size (16 and 36 px²)
    expect(feasible.ids).toEqual(['mark0']);
    expect(front.ids).toEqual(['mark1']);
    expect(svg).toContain(`<path id="mark0" d="${symbolPath('circle', 16)}"/>`);
    expect(svg).toContain(`<path id="mark1" d="${symbolPath('circle', 36)}"/>`);
    expect(svg).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
    expect(svg).toContain('>evaluations</text>');
    expect(svg).toContain('>f2 (min) [-]</text>');
    expect(svg).toContain('clip-path="url(#clip0-1)"');
  });

  it('draws the lower triangle of the scatter matrix for 3 objectives (3 panels) and escapes text', () => {
    const three = [...axes, { title: 'cost <USD> & "more"', domain: [10, 20] as const }];
    const svg = objectiveMatrixSvg(
      [{ cat: 'Pareto front', o0: 0.5, o1: 1, o2: 15, label: 'A&B' }],
      three,
      cats,
      'run',
      true,
    );
    expect(all(svg, /<rect class="frame"/g)).toHaveLength(3);
    expect(svg).toContain('cost &lt;USD&gt; &amp; &quot;more&quot;');
    expect(all(svg, />A&amp;B<\/text>/g)).toHaveLength(3); // the label in every panel
  });
});

describe('parallel coordinates, convergence, waterfall', () => {
  it('parallel: one polyline per design through every axis, normalized 0 at the bottom and 1 at the top', () => {
    const axes = [
      {
        title: 'a [-]',
        ticks: [
          { y: 0, text: '0' },
          { y: 1, text: '9' },
        ],
      },
      { title: 'b.c [kg]', ticks: [] },
      { title: 'd [m]', ticks: [] },
    ];
    const lines = [0, 1].flatMap((id) => axes.map((_, a) => ({ id, grp: 'Pareto design', a, v: id === 0 ? 0 : 1 })));
    const svg = parallelSvg(lines, axes, [{ name: 'Pareto design', color: '#4c78a8', width: 1.2, opacity: 0.5 }]);
    const paths = all(svg, /<path d="M[^"]+"\/>/g);
    expect(paths).toHaveLength(2);
    const ys = paths.map((p) => [...p.matchAll(/,([-\d.]+)/g)].map((m) => Number(m[1])));
    const frame = all(svg, /<rect class="frame"[^>]*>/g)[0]!;
    const top = attr(frame, 'y'),
      h = attr(frame, 'height');
    // y domain [-0.02, 1.02]: v = 0 sits 0.02/1.04 of the height above the bottom
    const y0 = Math.round((top + h - (0.02 / 1.04) * h) * 10) / 10,
      y1 = Math.round((top + (0.02 / 1.04) * h) * 10) / 10;
    expect(ys).toEqual([
      [y0, y0, y0],
      [y1, y1, y1],
    ]);
    expect(svg).toContain('>[kg]</text>'); // stacked label: b / c / [kg]
  });

  it('convergence: two panels, the hypervolume line ends at its value; waterfall: one bar per step, heights proportional to the values', () => {
    const conv = convergenceSvg([
      { generation: 0, hypervolume: 0, feasibleShare: 0.5 },
      { generation: 10, hypervolume: 0.5, feasibleShare: 1 },
    ]);
    expect(conv.scenes).toHaveLength(2);
    expect(conv.svg).toContain('>generation [-]</text>');
    // hypervolume 0 → 0.5 over generations 0 → 10: the line ends at the top right of its [0, 0.5] × [0, 10] frame
    const [hv, feasible] = conv.scenes;
    const end = hv!.lines[0]!.points[1]!;
    expect(end[0]).toBeCloseTo(hv!.frame.x + hv!.frame.width, 6);
    expect(end[1]).toBeCloseTo(hv!.frame.y, 6);
    // feasible share on a fixed 0–100 % axis: 50 % at mid-height
    expect(feasible!.lines[0]!.points[0]![1]).toBeCloseTo(feasible!.frame.y + feasible!.frame.height / 2, 6);
    const fall = waterfallSvg([
      { name: 'peak', factor: 1, valueAfter_PFLOPS: 200 },
      { name: 'utilization', factor: 0.5, valueAfter_PFLOPS: 100 },
    ]);
    const bars = all(fall, /<path d="M[-\d.]+,[-\d.]+h[-\d.]+v([-\d.]+)h[-\d.]+Z"\/>/g).map((b) =>
      Number(/v([-\d.]+)h/.exec(b)![1]),
    );
    expect(bars).toHaveLength(2);
    expect(bars[0]! / bars[1]!).toBeCloseTo(2, 2); // 200 vs 100 PFLOPS on an axis from 0
    expect(fall).toContain('>× 0.5</text>');
    expect(fall).toContain('>2. utilization</text>');
  });
});

/**
 * Parallel coordinates, checked by what the chart shows: each axis a vertical rule at its band's centre (3 axes over
 * 480 px: step 480 / (3 − 0.1 + 2·0.05) = 160, centres at 80, 240, 400), a value v normalized to 0..1 at
 * v on the hidden [−0.02, 1.02] scale, one polyline per design, the legend's names and colours, the axis titles
 * stacked when they fit and rotated when they do not.
 */
import { describe, expect, it } from 'vitest';
import { parallelChart } from '../../../src/report/plots/parallelPlot.js';

const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 6);
const axes = [
  {
    title: 'orbit.altitude [km]',
    ticks: [
      { y: 0, text: '400' },
      { y: 1, text: '1,500' },
    ],
  },
  { title: 'b.c [kg]', ticks: [] },
  { title: 'd (min) [m]', ticks: [{ y: 0.5, text: '7' }] },
];
const pareto = { name: 'Pareto design', color: '#4c78a8', width: 1.2, opacity: 0.5 };

describe('parallel coordinates', () => {
  const d = parallelChart(axes, [
    {
      ...pareto,
      lines: [
        [0, 0, 0],
        [1, 0.5, 1],
      ],
    },
    { name: 'knee design', color: '#d62728', width: 3, opacity: 1, lines: [[1, 1, 0]] },
  ]);
  const s = d.scenes[0]!;
  const f = s.frame;
  const yOf = (v: number): number => f.y + f.height - ((v + 0.02) / 1.04) * f.height;

  it('one polyline per design through every axis, at the pixel its normalized values map to', () => {
    const drawn = s.lines.filter((l) => l.color !== '#888');
    expect(drawn.map((l) => l.color)).toEqual(['#4c78a8', '#4c78a8', '#d62728']);
    const want = [
      [0, 0, 0],
      [1, 0.5, 1],
      [1, 1, 0],
    ];
    drawn.forEach((l, i) => {
      expect(l.points).toHaveLength(3);
      l.points.forEach(([x, y], a) => {
        close(x, f.x + [80, 240, 400][a]!);
        close(y, yOf(want[i]![a]!));
      });
    });
  });

  it('each axis a rule across the frame; no y ticks; the axis titles stacked under their axes', () => {
    const rules = s.lines.filter((l) => l.color === '#888');
    expect(rules.map((r) => r.points[0]![0] - f.x)).toEqual([80, 240, 400].map((x) => expect.closeTo(x, 6)));
    rules.forEach((r) => {
      close(r.points[0]![1], f.y + f.height);
      close(r.points[1]![1], f.y);
    });
    expect(s.yTicks).toEqual([]);
    expect(s.xTicks.map((t) => t.label)).toEqual(['orbit\naltitude\n[km]', 'b\nc\n[kg]', 'd\n(min)\n[m]']);
    for (const t of ['>1,500</text>', '>400</text>', '>7</text>', '>altitude</text>', '>[kg]</text>'])
      expect(d.svg).toContain(t);
  });

  it('legend: each group with its colour, as a line', () => {
    expect(s.legends[0]!.entries).toEqual([
      { name: 'Pareto design', color: '#4c78a8', symbol: 'line' },
      { name: 'knee design', color: '#d62728', symbol: 'line' },
    ]);
  });

  it('an empty group draws nothing; titles too long for their axis are rotated, in full', () => {
    const long = Array.from({ length: 13 }, (_, i) => ({
      title: `cost.lcocDiscounted${i} (min) [USD/PFLOP-day]`,
      ticks: [],
    }));
    const r = parallelChart(long, [{ ...pareto, lines: [] }]);
    const scene = r.scenes[0]!;
    expect(scene.lines.filter((l) => l.color === '#4c78a8')).toEqual([]);
    expect(scene.xTicks.map((t) => t.label)).toEqual(long.map((a) => a.title));
    expect(r.svg).toContain('rotate(-40 ');
    expect(r.svg).toContain('>cost.lcocDiscounted12 (min) [USD/PFLOP-day]</text>');
  });
});

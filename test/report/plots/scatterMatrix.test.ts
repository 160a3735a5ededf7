/**
 * The objective-space scatter matrix, checked by what its panels show (their Scenes): a point at data (x, y) sits
 * where the panel's scales map it (frame.x + (x − x0)/(x1 − x0)·width, y from the bottom up), tick values by the
 * 1-2-5 rule worked out by hand, the legend's names and colours, points far outside a panel left out, an empty and a
 * single-point category, panels of one column aligned.
 */
import { describe, expect, it } from 'vitest';
import { matrixPanelSize, objectiveMatrix } from '../../../src/report/plots/scatterMatrix.js';

const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 6);
const axes = [
  { title: 'f1 (min) [-]', domain: [0, 1] as const },
  { title: 'f2 (min) [kg]', domain: [0, 2] as const },
];
const cats = [
  { name: 'feasible design', color: '#6baed6', shape: 'circle', size: 16, opacity: 0.6 },
  { name: 'Pareto front', color: '#d62728', shape: 'circle', size: 36, opacity: 0.9 },
  { name: 'reference design', color: '#111111', shape: 'diamond', size: 90, opacity: 1 },
];

describe('objective space, 2 objectives', () => {
  const points = [
    { cat: 'feasible design', o0: 0, o1: 0 },
    { cat: 'feasible design', o0: 1, o1: 2 },
    { cat: 'feasible design', o0: 0.5, o1: 1 },
    { cat: 'feasible design', o0: 5, o1: 1 }, // far right of the axis: not drawn
    { cat: 'Pareto front', o0: 0.25, o1: 0.5 },
  ];
  const d = objectiveMatrix(points, axes, cats, 'evaluations', false, 'os');
  const [s] = d.scenes;

  it('one 620 × 400 panel; each point where the scales map it, in its category colour', () => {
    expect(d.scenes).toHaveLength(1);
    const f = s!.frame;
    expect([f.width, f.height]).toEqual([620, 400]);
    const want: [number, number, string][] = [
      [f.x, f.y + 400, '#6baed6'],
      [f.x + 620, f.y, '#6baed6'],
      [f.x + 310, f.y + 200, '#6baed6'],
      [f.x + 620 * 0.25, f.y + 400 * 0.75, '#d62728'],
    ];
    expect(s!.dots).toHaveLength(4); // the point at x = 5 is left out
    s!.dots.forEach((p, i) => {
      close(p.x, want[i]![0]);
      close(p.y, want[i]![1]);
      expect(p.color).toBe(want[i]![2]);
    });
  });

  it('ticks: 620 px → ~8 ticks over [0, 1]: step 0.1; 400 px → ~10 over [0, 2]: step 0.2', () => {
    expect(s!.xTicks.map((t) => t.label)).toEqual(Array.from({ length: 11 }, (_, i) => (i / 10).toFixed(1)));
    expect(s!.yTicks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2]);
    close(s!.yTicks[5]!.at, s!.frame.y + 200);
  });

  it('legend: every category with its colour and symbol, axis titles with units, ids prefixed', () => {
    expect(s!.legends).toHaveLength(1);
    expect(s!.legends[0]!.title).toBe('evaluations');
    expect(s!.legends[0]!.entries.map((e) => [e.name, e.color, e.symbol])).toEqual([
      ['feasible design', '#6baed6', 'circle'],
      ['Pareto front', '#d62728', 'circle'],
      ['reference design', '#111111', 'diamond'],
    ]);
    expect(d.svg).toContain('>f1 (min) [-]</text>');
    expect(d.svg).toContain('>f2 (min) [kg]</text>');
    const ids = [...d.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('os-'))).toBe(true);
  });

  it('an empty category draws nothing and is still in the legend; a single point sits where it maps', () => {
    const one = objectiveMatrix([{ cat: 'Pareto front', o0: 0.5, o1: 0.5 }], axes, cats, 'evaluations').scenes[0]!;
    expect(one.dots).toHaveLength(1);
    close(one.dots[0]!.x, one.frame.x + 310);
    close(one.dots[0]!.y, one.frame.y + 300);
    expect(one.legends[0]!.entries).toHaveLength(3);
    const none = objectiveMatrix([], axes, cats, 'evaluations').scenes[0]!;
    expect(none.dots).toEqual([]);
    expect(none.xTicks.length).toBeGreaterThan(2);
  });
});

describe('objective space, 3 objectives', () => {
  const three = [...axes, { title: 'cost <USD> & "more" [USD]', domain: [1000, 21000] as const }];
  const d = objectiveMatrix(
    [{ cat: 'Pareto front', o0: 0.5, o1: 1, o2: 16000, label: 'A&B' }],
    three,
    cats,
    'run',
    true,
  );

  it('the lower triangle: rows (f2 | f1), (cost | f1, f2), columns aligned, the point in every panel', () => {
    expect(d.scenes).toHaveLength(3);
    const [a, b, c] = d.scenes as [(typeof d.scenes)[0], (typeof d.scenes)[0], (typeof d.scenes)[0]];
    const { width, height } = matrixPanelSize(3);
    expect([a.frame.width, a.frame.height]).toEqual([width, height]);
    // one left margin: the widest y axis's (cost's)
    expect(a.frame.x).toBe(b.frame.x);
    expect(b.frame.x).toBe(c.frame.x);
    // (f1, f2) = (0.5, 1): the middle of the first panel; (f1, cost) and (f2, cost): cost 16,000 is 3/4 up
    // [1,000, 21,000]
    close(a.dots[0]!.x, a.frame.x + width / 2);
    close(a.dots[0]!.y, a.frame.y + height / 2);
    close(b.dots[0]!.x, b.frame.x + width / 2);
    close(b.dots[0]!.y, b.frame.y + height / 4);
    close(c.dots[0]!.x, c.frame.x + width / 2);
    // 344 px → ~9 ticks over [1,000, 21,000]: raw step 2,222 → 2,000
    expect(b.yTicks.map((t) => t.label)).toEqual([
      '2,000',
      '4,000',
      '6,000',
      '8,000',
      '10,000',
      '12,000',
      '14,000',
      '16,000',
      '18,000',
      '20,000',
    ]);
  });

  it('labels the point in every panel and escapes text', () => {
    expect(d.svg.match(/>A&amp;B<\/text>/g)).toHaveLength(3);
    expect(d.svg).toContain('cost &lt;USD&gt; &amp; &quot;more&quot; [USD]');
  });
});

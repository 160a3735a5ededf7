/**
 * The multi-seed report's plots (src/report/decision/seedsPlots.ts) read through their scenes, on the hand-made union
 * of ./seedsUnion.ts: every design sits at the pixel its axis maps it to (the map read from two of the axis's own
 * ticks), in its seed's legend colour, the knee marked; the budget, cost and cost-of-compute bars span the record's
 * figures, which add up by hand (the fixture's header). Plausible bugs caught: a design drawn in another seed's colour
 * or left out, swapped axes, a legend that lists the seeds that contributed rather than the run's, a bar in W on a kW
 * axis, a stacked part starting at 0 instead of where the one before ends, a floating waterfall step drawn from 0.
 */
import { describe, expect, it } from 'vitest';
import type { Scene, Tick } from '../../../src/chart/chart.js';
import {
  budgetsPlot,
  costPlot,
  costWaterfallPlot,
  KNEE_COLOR,
  unionFrontPlot,
} from '../../../src/report/decision/seedsPlots.js';
import type { ParetoFile } from '../../../src/run/paretoFile.js';
import { KNEE, KNEE_RECORD, SEEDS, tinyUnion, UNION_PARETO, UNION_SEEDS } from './seedsUnion.js';

/** The pixel of data value v on a continuous axis, by the line through its first and last ticks. */
function pixelOf(ticks: readonly Tick[], v: number): number {
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  const [va, vb] = [a.value as number, b.value as number];
  return a.at + ((v - va) * (b.at - a.at)) / (vb - va);
}
/** The middle of a band axis's category [px]. */
const bandOf = (ticks: readonly Tick[], c: string): number => ticks.find((t) => t.value === c)!.at;
/** The rects drawn on a band's row, left to right, as [from, to] in data units of the x axis. */
function rowSpans(s: Scene, row: string): { from: number; to: number; color: string }[] {
  const mid = bandOf(s.yTicks, row);
  const toData = (px: number): number => {
    const [a, b] = [s.xTicks[0]!, s.xTicks[s.xTicks.length - 1]!];
    return (a.value as number) + ((px - a.at) * ((b.value as number) - (a.value as number))) / (b.at - a.at);
  };
  return s.rects
    .filter((r) => Math.abs(r.y + r.height / 2 - mid) < 0.5)
    .sort((p, q) => p.x - q.x)
    .map((r) => ({ from: toData(r.x), to: toData(r.x + r.width), color: r.color }));
}

describe('the union front by seed', () => {
  const union = tinyUnion();

  it('the fixture: the knee is seed 43 design 310', () => {
    expect(union.decision.designs[0]).toMatchObject({ index: KNEE.index, seed: KNEE.seed });
  });

  it('draws every design at its data pixel in its seed colour, the legend naming the seeds and the knee', () => {
    const plot = unionFrontPlot(union, SEEDS)!;
    expect(plot.scenes).toHaveLength(1);
    const s = plot.scenes[0]!;
    const [seedLegend, answer] = s.legends;
    expect(seedLegend!.entries.map((e) => e.name)).toEqual(['seed 42', 'seed 43']);
    expect(answer!.entries.map((e) => e.name)).toEqual(['knee']);
    const colorOf = new Map(seedLegend!.entries.map((e, i) => [SEEDS[i], e.color]));
    expect(new Set(colorOf.values()).size).toBe(2);
    const designDots = s.dots.filter((d) => d.color !== KNEE_COLOR);
    expect(designDots).toHaveLength(4);
    UNION_PARETO.designs.forEach((d, p) => {
      const x = pixelOf(s.xTicks, d.objectives['cost.lcocDiscounted_USD_per_PFLOP_day']!);
      const y = pixelOf(s.yTicks, d.objectives['mass.launch_kg']!);
      const dot = designDots.find((q) => Math.abs(q.x - x) < 0.5 && Math.abs(q.y - y) < 0.5);
      expect(dot, `design ${d.index}`).toBeDefined();
      expect(dot!.color).toBe(colorOf.get(UNION_SEEDS[p] as 42 | 43));
      // inside the frame
      expect(x).toBeGreaterThan(s.frame.x);
      expect(x).toBeLessThan(s.frame.x + s.frame.width);
    });
    const knee = s.dots.filter((d) => d.color === KNEE_COLOR);
    expect(knee).toHaveLength(1);
    expect(knee[0]!.x).toBeCloseTo(pixelOf(s.xTicks, KNEE.cost), 1);
    expect(knee[0]!.y).toBeCloseTo(pixelOf(s.yTicks, KNEE.mass), 1);
    // lower mass is lower on the page: y grows downwards
    expect(pixelOf(s.yTicks, 6500)).toBeGreaterThan(pixelOf(s.yTicks, 9000));
    expect(plot.caption).toMatch(/4 designs \(seed 42: 2, seed 43: 2\).*the knee, design 310 of seed 43/);
  });

  it('lists a seed with no design on the union front, and draws three objectives as the lower triangle', () => {
    const three: ParetoFile = {
      ...UNION_PARETO,
      objectives: [...UNION_PARETO.objectives, { name: 'compute.deliveredPFLOPS', sense: 'maximize', unit: 'PFLOPS' }],
      designs: UNION_PARETO.designs.map((d, i) => ({
        ...d,
        objectives: { ...d.objectives, 'compute.deliveredPFLOPS': 100 + 10 * i },
      })),
    };
    // the decision of the two-objective union: the knee stays seed 43's design 310
    const plot = unionFrontPlot({ ...tinyUnion(), pareto: three }, [...SEEDS, 44])!;
    // panels (x, y): (0, 1) in the first row; (0, 2) and (1, 2) in the second
    expect(plot.scenes).toHaveLength(3);
    expect(plot.scenes[0]!.legends[0]!.entries.map((e) => e.name)).toEqual(['seed 42', 'seed 43', 'seed 44']);
    const s = plot.scenes[2]!;
    // the third panel: compute.deliveredPFLOPS (y) against launch mass (x); the knee (position 2) at (8,000, 120)
    const knee = s.dots.find((d) => d.color === KNEE_COLOR)!;
    expect(knee.x).toBeCloseTo(pixelOf(s.xTicks, 8000), 1);
    expect(knee.y).toBeCloseTo(pixelOf(s.yTicks, 120), 1);
    expect(plot.scenes.every((p) => p.dots.filter((d) => d.color !== KNEE_COLOR).length === 4)).toBe(true);
  });
});

describe("the knee's plots", () => {
  it('power budget: supply and demand bars in kW, the peak stacked IT 140 + bus 7 + ISL 1 + pumps 2', () => {
    const [power] = budgetsPlot(KNEE_RECORD).scenes;
    const close = (spans: { from: number; to: number }[], expected: [number, number][]) => {
      expect(spans).toHaveLength(expected.length);
      spans.forEach((sp, i) => {
        expect(sp.from).toBeCloseTo(expected[i]![0], 1);
        expect(sp.to).toBeCloseTo(expected[i]![1], 1);
      });
    };
    close(rowSpans(power!, 'array power, BOL'), [[0, 250]]);
    close(rowSpans(power!, 'array power, EOL'), [[0, 220]]);
    close(rowSpans(power!, 'demand, peak'), [
      [0, 140],
      [140, 147],
      [147, 148],
      [148, 150],
    ]);
    close(rowSpans(power!, 'demand, orbit average'), [[0, 130]]);
    expect(power!.legends[0]!.entries.map((e) => e.name)).toEqual([
      'array (sunlit)',
      'IT (chips), peak',
      'bus',
      'ISL terminals',
      'coolant pumps',
      'orbit-average demand',
    ]);
  });

  it('mass budget: the launch mass stacked part by part to 9,500 kg beside the 10,000 kg allocated', () => {
    const [, mass] = budgetsPlot(KNEE_RECORD).scenes;
    const parts = rowSpans(mass!, 'launch (built up)');
    const widths = [1000, 2000, 500, 1500, 300, 100, 1620, 1980, 400, 100];
    expect(parts).toHaveLength(widths.length);
    let from = 0;
    parts.forEach((p, i) => {
      expect(p.from).toBeCloseTo(from, 0);
      from += widths[i]!;
      expect(p.to).toBeCloseTo(from, 0);
    });
    expect(from).toBe(9500);
    const [allocated] = rowSpans(mass!, 'allocated on launcher');
    expect(allocated!.to).toBeCloseTo(10_000, 0);
    // one legend entry per part, in its bar's colour
    expect(mass!.legends[0]!.entries.map((e) => e.color)).toEqual(parts.map((p) => p.color));
    expect(mass!.legends[0]!.entries[0]!.name).toBe('compute');
  });

  it('cost: each line of the node in M USD, summing to the 32 M USD total', () => {
    const s = costPlot(KNEE_RECORD).scenes[0]!;
    const lines: [string, number][] = [
      ['chips', 4],
      ['launch', 9],
      ['operations (mission)', 3],
    ];
    for (const [row, musd] of lines) expect(rowSpans(s, row)[0]!.to).toBeCloseTo(musd, 1);
    const all = s.yTicks.map((t) => rowSpans(s, t.value as string)[0]!.to);
    expect(all).toHaveLength(10);
    expect(all.reduce((a, b) => a + b, 0)).toBeCloseTo(32, 1);
  });

  it('cost of delivered compute: 140 first unit, a learning step down to 100, discounting up to 120, the ground', () => {
    const s = costWaterfallPlot(KNEE_RECORD).scenes[0]!;
    const rows = s.yTicks.map((t) => t.value as string);
    expect(rows).toEqual([
      'first unit',
      'programme of 8,334 (learning 0.85)',
      'discounted at 7 %/yr',
      'ground: hyperscale-virginia',
      'ground: colocation-us-primary',
    ]);
    const span = (row: string) => rowSpans(s, row)[0]!;
    expect(span(rows[0]!)).toMatchObject({ from: expect.closeTo(0, 1), to: expect.closeTo(140, 1) });
    expect(span(rows[1]!)).toMatchObject({ from: expect.closeTo(100, 1), to: expect.closeTo(140, 1) });
    expect(span(rows[2]!)).toMatchObject({ from: expect.closeTo(100, 1), to: expect.closeTo(120, 1) });
    expect(span(rows[3]!).to).toBeCloseTo(20, 1);
    expect(span(rows[4]!).to).toBeCloseTo(24, 1);
    // a step that lowers the cost and one that raises it are told apart; the verdict's basis is marked at 120
    expect(span(rows[1]!).color).not.toBe(span(rows[2]!).color);
    const rule = s.lines.find((l) => l.points[0]![0] === l.points[1]![0])!;
    expect(rule.points[0]![0]).toBeCloseTo(pixelOf(s.xTicks, 120), 1);
  });
});

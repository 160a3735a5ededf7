/**
 * The run report's waterfall and convergence charts, checked by what they show: bar heights proportional to the
 * values on an axis from 0 (hand-worked ticks), the factor above each bar, the steps in order; the hypervolume line's
 * end and the feasible share on a fixed 0–100 % axis.
 */
import { describe, expect, it } from 'vitest';
import { convergenceChart, waterfallChart } from '../../../src/report/plots/modelPlots.js';

const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 6);

describe('waterfall', () => {
  const d = waterfallChart([
    { name: 'peak', factor: 1, valueAfter_PFLOPS: 200 },
    { name: 'utilization', factor: 0.5, valueAfter_PFLOPS: 100 },
    { name: 'broken', factor: NaN, valueAfter_PFLOPS: NaN },
  ]);
  const s = d.scenes[0]!;
  const f = s.frame;

  it('one bar per finite step, from 0 up to its value (260 px for 200 PFLOPS), in step order', () => {
    expect(s.rects).toHaveLength(2);
    // 3 bands over 520 px: step 520 / 3, bar 0.9 of it starting 0.05 of a step in
    const step = 520 / 3;
    s.rects.forEach((r, i) => {
      close(r.x, f.x + 0.05 * step + i * step);
      close(r.width, 0.9 * step);
      close(r.y + r.height, f.y + 260);
    });
    close(s.rects[0]!.height, 260);
    close(s.rects[1]!.height, 130);
    expect(s.xTicks.map((t) => t.label)).toEqual(['1. peak', '2. utilization', '3. broken']);
  });

  it('y ticks every 20 PFLOPS (260 px → ~7 ticks over [0, 200]) with the unit in the title; factors above the bars', () => {
    expect(s.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
    expect(d.svg).toContain('>compute after the step [PFLOPS]</text>');
    expect(d.svg).toContain('>200</text>');
    expect(d.svg).toContain('>× 0.5</text>');
    expect(d.svg).not.toContain('NaN');
  });
});

describe('convergence', () => {
  it('two panels: the hypervolume line ends at its value, the feasible share at 50 % sits mid-height', () => {
    const conv = convergenceChart([
      { generation: 0, hypervolume: 0, feasibleShare: 0.5 },
      { generation: 10, hypervolume: 0.5, feasibleShare: 1 },
    ]);
    expect(conv.scenes).toHaveLength(2);
    expect(conv.svg).toContain('>generation [-]</text>');
    const [hv, feasible] = conv.scenes;
    const end = hv!.lines[0]!.points[1]!;
    close(end[0], hv!.frame.x + hv!.frame.width);
    close(end[1], hv!.frame.y);
    close(feasible!.lines[0]!.points[0]![1], feasible!.frame.y + feasible!.frame.height / 2);
    // 260 px → ~7 ticks over [0, 100]: raw step 14.3, 1.43 ≥ √2 → step 20
    expect(feasible!.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('a single generation: one point, still two axes with ticks', () => {
    const conv = convergenceChart([{ generation: 0, hypervolume: 1, feasibleShare: 1 }]);
    expect(conv.scenes[0]!.dots).toHaveLength(1);
    expect(conv.scenes[0]!.xTicks.length).toBeGreaterThan(1);
  });
});
